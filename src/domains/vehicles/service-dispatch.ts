import { sql } from 'drizzle-orm';
import { can, withTx, type Ctx } from '../../kernel/context';
import { rows } from '../../kernel/db';
import { audit } from '../../kernel/audit/write';
import { errors } from '../../kernel/errors';
import { newId } from '../../kernel/ids';
import { instanceDetail, startFlow, toPrintable } from '../../kernel/flow';
import { renderFormPdf } from '../../kernel/render';
import { enforce, type Flagged } from '../../kernel/rules';
import { assertDispatcher, blockErr, iso, me, personName, sqlState } from './common';
import { DispatchForm, instantOf } from './form';
import { printDispatchSlip, type DispatchExtra } from './print';
import { CAR02, CAR05, CAR20, CAR22, checkDriverNotPassenger, checkDrivingHours } from './rules';

/**
 * 派车: the request (VUR-F1 on the engine), then the dispatch — the 车队长's entry for a
 * municipal vehicle (CAR-05), or 综合科's assignment of an own vehicle and driver (CAR-02),
 * booked so that neither is on two trips at once — and the 回执 (CAR-20).
 */
export async function submitDispatch(ctx: Ctx, rawForm: unknown, acknowledged: string[] = []): Promise<{ id: string; instanceId: string; warnings: Flagged[] }> {
  return withTx(ctx, async (tx) => {
    const id = newId('vrq');
    const res = await startFlow(tx, 'vehicles.dispatch', { form: rawForm, subjectType: 'vehicle_request', subjectId: id, acknowledged });
    const f = DispatchForm.parse(rawForm);
    const applicant = me(tx);
    const [inst] = await rows<{ status: string }>(tx.db, sql`select status from flow_instances where id = ${res.instanceId}`);
    await tx.db.execute(sql`insert into vehicle_requests (id, kind, flow_instance_id, person_id, unit_id, use_case, destination, purpose, user_person_id, start_at, end_at, status, created_at)
      select ${id}, ${f.kind}, ${res.instanceId}, p.id, p.unit_id, ${f.useCase}, ${f.destination}, ${f.purpose}, ${f.userPersonId},
        ${instantOf(f.startAt).toISOString()}, ${instantOf(f.endAt).toISOString()}, ${inst.status === 'approved' ? 'approved' : 'pending'}, ${tx.clock.now().toISOString()}
      from people p where p.id = ${applicant}`);
    await audit(tx, { event: 'vehicles.request.submit', objectType: 'vehicle_request', objectId: id, detail: { instanceId: res.instanceId, kind: f.kind, useCase: f.useCase, warnings: res.warnings.map((w) => w.ruleId) } });
    return { id, instanceId: res.instanceId, warnings: res.warnings };
  });
}

interface RequestRow {
  id: string; kind: string; flow_instance_id: string; person_id: string; user_person_id: string; status: string; start_at: string; end_at: string;
  vehicle_id: string | null; driver_id: string | null; start_km: number | null;
}

async function lockRequest(ctx: Ctx, id: string): Promise<RequestRow> {
  const [r] = await rows<RequestRow>(ctx.db, sql`select id, kind, flow_instance_id, person_id, user_person_id, status, ${iso('start_at')} as start_at, ${iso('end_at')} as end_at,
      vehicle_id, driver_id, start_km from vehicle_requests where id = ${id} for update`);
  if (!r) throw errors.notFound('派车单');
  return r;
}

/** CAR-05: the motor pool's dispatch is entered only after 主要领导, 秘书长 and 分管局长 have signed. */
export async function recordMunicipalDispatch(ctx: Ctx, id: string, input: { vehicleType: string; count: number; plates: string; captain: string }): Promise<void> {
  await withTx(ctx, async (tx) => {
    const actor = await assertDispatcher(tx, '登记政府车队派车');
    const r = await lockRequest(tx, id);
    if (r.kind !== 'municipal') throw errors.badRequest('本办车辆派车请使用“派车”（指定车辆和驾驶员）');
    if (r.status === 'dispatched' || r.status === 'completed') throw errors.conflict('该派车单已登记派车');
    if (r.status !== 'approved') throw blockErr(CAR05, '派车单须经办主要领导签字、市政府办公室副主任签批和机关事务管理局同意后，方可由政府车队派出车辆');
    if (!input.plates.trim() || !input.captain.trim() || input.count < 1) throw errors.badRequest('请填写车辆种类、数量、车号和车队长');
    const dispatch = { vehicleType: input.vehicleType, count: input.count, plates: input.plates.trim(), captain: input.captain.trim() };
    await tx.db.execute(sql`update vehicle_requests set status = 'dispatched', dispatch = ${JSON.stringify(dispatch)}::jsonb, dispatched_by = ${actor}, dispatched_at = ${tx.clock.now().toISOString()} where id = ${id}`);
    await audit(tx, { event: 'vehicles.request.dispatch', objectType: 'vehicle_request', objectId: id, detail: { ruleId: 'CAR-05', ...dispatch } });
  });
}

/**
 * CAR-02: 综合科 assigns an own vehicle and driver. Both are booked for the use period; an
 * overlapping active booking of either is refused — checked first for a clear message, and
 * by the exclusion constraint for two dispatchers acting at the same moment.
 */
export async function assignFleet(ctx: Ctx, id: string, input: { vehicleId: string; driverId: string; startKm?: number | null; acknowledged?: string[] }): Promise<{ warnings: Flagged[] }> {
  try {
    return await withTx(ctx, async (tx) => {
      const actor = await assertDispatcher(tx, '派车（指定车辆和驾驶员）');
      const r = await lockRequest(tx, id);
      if (r.kind !== 'fleet') throw errors.badRequest('向市机关事务管理局申请的用车由政府车队派车，请登记车队长派车信息');
      if (r.status === 'dispatched' || r.status === 'completed') throw errors.conflict('该派车单已派车');
      if (r.status !== 'approved') throw blockErr(CAR05, '派车单须经办主要领导签字后方可派车');
      const [v] = await rows<{ plate: string; vehicle_type: string; status: string; odometer_km: number; ownership: string }>(tx.db, sql`select plate, vehicle_type, status, odometer_km, ownership from vehicles where id = ${input.vehicleId}`);
      if (!v || v.status !== 'active') throw errors.badRequest('车辆不存在或已停用');
      const [d] = await rows<{ name: string; person_id: string | null; active: boolean }>(tx.db, sql`select name, person_id, active from vehicle_drivers where id = ${input.driverId}`);
      if (!d || !d.active) throw errors.badRequest('驾驶员不存在或已停用');
      const form = (await rows<{ form: { passengers?: { personId?: string }[]; userPersonId: string } }>(tx.db, sql`select form from flow_instances where id = ${r.flow_instance_id}`))[0].form;
      const passengerIds = [form.userPersonId, ...(form.passengers ?? []).map((p) => p.personId).filter((x): x is string => Boolean(x))];
      for (const [kind, resourceId, label] of [['vehicle', input.vehicleId, `车辆${v.plate}`], ['driver', input.driverId, `驾驶员${d.name}`]] as const) {
        const clash = await rows<{ request_id: string; start_at: string; end_at: string }>(tx.db, sql`select request_id, ${iso('start_at')} as start_at, ${iso('end_at')} as end_at from vehicle_bookings
          where resource_kind = ${kind} and resource_id = ${resourceId} and active and start_at < ${r.end_at} and end_at > ${r.start_at} limit 1`);
        if (clash.length) throw doubleBooked(label, clash[0]);
      }
      const dayS = dayStart(r.start_at);
      const dayE = dayS + 86_400_000;
      const sameDay = await rows<{ start_at: string; end_at: string }>(tx.db, sql`select ${iso('start_at')} as start_at, ${iso('end_at')} as end_at from vehicle_bookings
        where resource_kind = 'driver' and resource_id = ${input.driverId} and active and start_at < ${new Date(dayE).toISOString()} and end_at > ${new Date(dayS).toISOString()}`);
      const overlap = (s0: string, e0: string) => Math.max(0, Math.min(new Date(e0).getTime(), dayE) - Math.max(new Date(s0).getTime(), dayS)) / 3_600_000;
      const hours = sameDay.reduce((n, b) => n + overlap(b.start_at, b.end_at), overlap(r.start_at, r.end_at));
      const warnings = enforce([...checkDriverNotPassenger(d.person_id, passengerIds), ...checkDrivingHours(hours)], input.acknowledged ?? []);
      const now = tx.clock.now().toISOString();
      for (const [kind, resourceId] of [['vehicle', input.vehicleId], ['driver', input.driverId]] as const) {
        await tx.db.execute(sql`insert into vehicle_bookings (id, request_id, resource_kind, resource_id, start_at, end_at, active, created_at)
          values (${newId('vbk')}, ${id}, ${kind}, ${resourceId}, ${r.start_at}, ${r.end_at}, true, ${now})`);
      }
      const dispatch = { vehicleType: v.vehicle_type, plates: v.plate, driverName: d.name, ownership: v.ownership };
      await tx.db.execute(sql`update vehicle_requests set status = 'dispatched', vehicle_id = ${input.vehicleId}, driver_id = ${input.driverId}, dispatch = ${JSON.stringify(dispatch)}::jsonb,
          dispatched_by = ${actor}, dispatched_at = ${now}, start_km = ${input.startKm ?? v.odometer_km} where id = ${id}`);
      await audit(tx, { event: 'vehicles.request.assign', objectType: 'vehicle_request', objectId: id, detail: { ruleId: 'CAR-02', vehicleId: input.vehicleId, driverId: input.driverId, warnings: warnings.map((w) => w.ruleId) } });
      return { warnings };
    });
  } catch (err) {
    // The exclusion constraint (vehicles.repeatable.sql) caught a booking made at the same moment.
    if (sqlState(err) === '23P01') throw blockErr(CAR02, '该车辆或驾驶员在此时段已被派出（同时派车），同一车辆、同一驾驶员同一时段只能派出一次');
    throw err;
  }
}

/** Start of the office's local day of an instant (Asia/Shanghai has no daylight saving). */
const dayStart = (isoStart: string) => {
  const local = new Date(new Date(isoStart).getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
  return new Date(`${local}T00:00:00+08:00`).getTime();
};

function doubleBooked(label: string, clash: { request_id: string; start_at: string; end_at: string }) {
  const t = (s: string) => new Date(s).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false }).slice(0, -3);
  return blockErr(CAR02, `${label}在 ${t(clash.start_at)} 至 ${t(clash.end_at)} 已派出（派车单 ${clash.request_id}），同一时段不得重复派车`, { requestId: clash.request_id });
}

/** 回执 (CAR-20): the 用车人 signs the return; a return after the planned end warns. */
export async function recordReturn(ctx: Ctx, id: string, input: { returnedAt: string; endKm?: number | null; acknowledged?: string[] }): Promise<{ warnings: Flagged[] }> {
  return withTx(ctx, async (tx) => {
    const actor = me(tx);
    const r = await lockRequest(tx, id);
    if (r.user_person_id !== actor) throw errors.forbidden('回执须由用车人本人签字');
    if (r.status !== 'dispatched') throw errors.conflict(r.status === 'completed' ? '回执已签' : '该派车单尚未派车，不能签回执');
    const returned = instantOf(input.returnedAt);
    if (returned.getTime() > tx.clock.now().getTime() + 60_000) throw errors.badRequest('返回时间不能晚于当前时间');
    if (returned <= new Date(r.start_at)) throw errors.badRequest('返回时间应晚于用车开始时间');
    if (input.endKm != null && r.start_km != null && input.endKm < r.start_km) throw errors.badRequest(`回车里程 ${input.endKm} 小于出车里程 ${r.start_km}`);
    const late = returned > new Date(r.end_at) ? [CAR20.warn(`返回时间晚于计划结束时间（超出 ${Math.round((returned.getTime() - new Date(r.end_at).getTime()) / 60_000)} 分钟）`)] : [];
    const warnings = enforce(late, input.acknowledged ?? []);
    const now = tx.clock.now().toISOString();
    await tx.db.execute(sql`update vehicle_requests set status = 'completed', returned_at = ${returned.toISOString()}, return_signed_by = ${actor}, return_signed_at = ${now}, end_km = ${input.endKm ?? null} where id = ${id}`);
    if (r.vehicle_id && input.endKm != null) await tx.db.execute(sql`update vehicles set odometer_km = greatest(odometer_km, ${input.endKm}) where id = ${r.vehicle_id}`);
    await audit(tx, { event: 'vehicles.request.return', objectType: 'vehicle_request', objectId: id, detail: { returnedAt: returned.toISOString(), endKm: input.endKm ?? null, warnings: warnings.map((w) => w.ruleId) } });
    return { warnings };
  });
}

/** CAR-22 / ASSET-06: there is no lending of a vehicle — every attempt is refused and audited. */
export async function lendVehicle(ctx: Ctx, vehicleId: string, input: { to: string }): Promise<never> {
  await withTx(ctx, async (tx) => {
    await audit(tx, { event: 'vehicles.lend.refused', objectType: 'vehicle', objectId: vehicleId, outcome: 'denied', detail: { to: input.to, ruleId: 'CAR-22' } });
  });
  throw blockErr(CAR22, `公务车辆不得以任何借口私自出借（出借对象：${input.to}），使用公务车辆须按派车程序办理`);
}

export interface RequestView {
  id: string; kind: string; flowInstanceId: string; personName: string; unitName: string | null; useCase: number | null; destination: string; purpose: string;
  userPersonId: string; userName: string; startAt: string; endAt: string; status: string; plates: string | null; driverName: string | null;
  dispatchedAt: string | null; returnedAt: string | null; startKm: number | null; endKm: number | null;
}

const REQUEST_SELECT = sql`select r.id, r.kind, r.flow_instance_id as "flowInstanceId", p.name as "personName", u.name as "unitName", r.use_case as "useCase",
    r.destination, r.purpose, r.user_person_id as "userPersonId", up.name as "userName", ${iso('r.start_at')} as "startAt", ${iso('r.end_at')} as "endAt", r.status,
    r.dispatch->>'plates' as plates, r.dispatch->>'driverName' as "driverName", ${iso('r.dispatched_at')} as "dispatchedAt", ${iso('r.returned_at')} as "returnedAt",
    r.start_km as "startKm", r.end_km as "endKm"
  from vehicle_requests r join people p on p.id = r.person_id left join org_units u on u.id = r.unit_id join people up on up.id = r.user_person_id`;

/** Own requests (as applicant or user), or all for 综合科 and the supervisors. */
export async function listRequests(ctx: Ctx, q: { scope: 'mine' | 'all' }): Promise<RequestView[]> {
  const person = me(ctx);
  const all = q.scope === 'all' && (can(ctx, 'vehicles.ledger') || can(ctx, 'vehicles.manage'));
  const where = all ? sql`true` : sql`(r.person_id = ${person} or r.user_person_id = ${person})`;
  return rows<RequestView>(ctx.db, sql`${REQUEST_SELECT} where ${where} order by r.start_at desc limit 1000`);
}

/** The 派车单 as printed, with the dispatch and the return receipt (the flow's own print lacks them). */
export async function printSlip(ctx: Ctx, id: string): Promise<{ pdf: Buffer; fileName: string }> {
  const [r] = await rows<{ flow_instance_id: string; status: string; dispatch: Record<string, unknown> | null; dispatched_by: string | null; dispatched_at: string | null; returned_at: string | null; return_signed_by: string | null; return_signed_at: string | null; start_km: number | null; end_km: number | null }>(
    ctx.db,
    sql`select flow_instance_id, status, dispatch, dispatched_by, ${iso('dispatched_at')} as dispatched_at, ${iso('returned_at')} as returned_at, return_signed_by,
      ${iso('return_signed_at')} as return_signed_at, start_km, end_km from vehicle_requests where id = ${id}`,
  );
  if (!r) throw errors.notFound('派车单');
  const detail = await instanceDetail(ctx, r.flow_instance_id); // checks that the actor may see it
  const extra: DispatchExtra = {
    status: r.status, dispatch: r.dispatch, dispatchedByName: await personName(ctx.db, r.dispatched_by), dispatchedAt: r.dispatched_at,
    returnedAt: r.returned_at, returnSignedByName: await personName(ctx.db, r.return_signed_by), returnSignedAt: r.return_signed_at, startKm: r.start_km, endKm: r.end_km,
  };
  const pdf = await renderFormPdf(printDispatchSlip(toPrintable(detail), extra));
  await audit(ctx, { event: 'vehicles.request.print', objectType: 'vehicle_request', objectId: id, detail: { form: '各部门公务用车派车单' } });
  return { pdf, fileName: `各部门公务用车派车单-${id}.pdf` };
}


import { sql } from 'drizzle-orm';
import { can, systemCtx, withTx, type Ctx } from '../../kernel/context';
import { rows, type Db } from '../../kernel/db';
import { audit } from '../../kernel/audit/write';
import { errors } from '../../kernel/errors';
import { newId } from '../../kernel/ids';
import { instanceDetail, startFlow, toPrintable } from '../../kernel/flow';
import { notify } from '../../kernel/notify';
import { renderFormPdf } from '../../kernel/render';
import type { Flagged } from '../../kernel/rules';
import { localDate, type Clock } from '../../kernel/time';
import { assertDispatcher, blockErr, hubSigners, hubUnitId, iso, me, today } from './common';
import { RECORD_KINDS, RentalForm } from './form';
import { printRentalForm } from './print';
import { CAR17, checkNoTrafficFine } from './rules';
import { sectionChiefOf } from '../../kernel/org/lookups';

/** The register (车辆、驾驶员), rentals (VUR-F3), drivers' records, fines, costs and reminders. */

export interface VehicleInput { plate: string; brandModel: string; vehicleType: string; ownership: 'own' | 'pool' | 'rented'; seats: number; odometerKm: number; assetId?: string | null }

export async function createVehicle(ctx: Ctx, input: VehicleInput): Promise<{ id: string }> {
  return withTx(ctx, async (tx) => {
    if (!can(tx, 'vehicles.manage')) throw errors.forbidden('车辆登记由综合科办理');
    const plate = input.plate.trim().toUpperCase();
    const [dup] = await rows(tx.db, sql`select 1 from vehicles where plate = ${plate}`);
    if (dup) throw errors.conflict(`车牌号 ${plate} 已登记`);
    const id = newId('veh');
    await tx.db.execute(sql`insert into vehicles (id, plate, brand_model, vehicle_type, ownership, seats, asset_id, odometer_km, status, created_at)
      values (${id}, ${plate}, ${input.brandModel.trim()}, ${input.vehicleType.trim()}, ${input.ownership}, ${input.seats}, ${input.assetId ?? null}, ${input.odometerKm}, 'active', ${tx.clock.now().toISOString()})`);
    await audit(tx, { event: 'vehicles.vehicle.create', objectType: 'vehicle', objectId: id, detail: { plate, ownership: input.ownership, ruleId: 'CAR-01' } });
    return { id };
  });
}

export interface DriverInput { personId?: string | null; name: string; licenseNo: string; licenseClass: string; phone: string }

export async function createDriver(ctx: Ctx, input: DriverInput): Promise<{ id: string }> {
  return withTx(ctx, async (tx) => {
    if (!can(tx, 'vehicles.manage')) throw errors.forbidden('驾驶员登记由综合科办理');
    let name = input.name.trim();
    if (input.personId) {
      const [p] = await rows<{ name: string }>(tx.db, sql`select name from people where id = ${input.personId} and active`);
      if (!p) throw errors.badRequest('人员不存在或已离岗');
      const [dup] = await rows(tx.db, sql`select 1 from vehicle_drivers where person_id = ${input.personId}`);
      if (dup) throw errors.conflict(`${p.name} 已登记为驾驶员`);
      name = p.name;
    }
    if (!name || !input.licenseNo.trim()) throw errors.badRequest('请填写驾驶员姓名和驾驶证号');
    const id = newId('vdr');
    await tx.db.execute(sql`insert into vehicle_drivers (id, person_id, name, license_no, license_class, phone, active, created_at)
      values (${id}, ${input.personId ?? null}, ${name}, ${input.licenseNo.trim()}, ${input.licenseClass.trim()}, ${input.phone.trim()}, true, ${tx.clock.now().toISOString()})`);
    await audit(tx, { event: 'vehicles.driver.create', objectType: 'vehicle_driver', objectId: id, detail: { name, personId: input.personId ?? null } });
    return { id };
  });
}

export interface VehicleView { id: string; plate: string; brandModel: string; vehicleType: string; ownership: string; seats: number; assetId: string | null; odometerKm: number; status: string }
export async function listVehicles(ctx: Ctx): Promise<VehicleView[]> {
  return rows(ctx.db, sql`select id, plate, brand_model as "brandModel", vehicle_type as "vehicleType", ownership, seats, asset_id as "assetId", odometer_km as "odometerKm", status from vehicles order by plate`);
}
export interface DriverView { id: string; personId: string | null; name: string; licenseNo: string; licenseClass: string; phone: string; active: boolean; incidents: number; finesFen: number }
export async function listDrivers(ctx: Ctx): Promise<DriverView[]> {
  return rows(ctx.db, sql`select d.id, d.person_id as "personId", d.name, d.license_no as "licenseNo", d.license_class as "licenseClass", d.phone, d.active,
      (select count(*)::int from vehicle_driver_records r where r.driver_id = d.id) as incidents,
      (select coalesce(sum(r.fine_fen), 0)::float8 from vehicle_driver_records r where r.driver_id = d.id) as "finesFen"
    from vehicle_drivers d order by d.name`);
}

// ---------------------------------------------------------------- rentals (VUR-F3, CAR-21)

export async function submitRental(ctx: Ctx, rawForm: unknown, acknowledged: string[] = []): Promise<{ id: string; instanceId: string; warnings: Flagged[] }> {
  return withTx(ctx, async (tx) => {
    const signers = await hubSigners(tx);
    const id = newId('vrt');
    const form = { ...(rawForm as Record<string, unknown>), hubChiefId: signers.chiefId, hubLeaderId: signers.leaderId };
    const res = await startFlow(tx, 'vehicles.rental', { form, subjectType: 'vehicle_rental', subjectId: id, acknowledged });
    const f = RentalForm.parse(form);
    const n = res.facts as { year: number; seq: number };
    await tx.db.execute(sql`insert into vehicle_rentals (id, flow_instance_id, person_id, unit_id, year, seq, passengers, purpose, start_date, end_date, places, status, created_at)
      select ${id}, ${res.instanceId}, p.id, p.unit_id, ${n.year}, ${n.seq}, ${f.passengers}, ${f.purpose}, ${f.startDate}, ${f.endDate}, ${f.places}, 'pending', ${tx.clock.now().toISOString()}
      from people p where p.id = ${me(tx)}`);
    await audit(tx, { event: 'vehicles.rental.submit', objectType: 'vehicle_rental', objectId: id, detail: { instanceId: res.instanceId, no: `ZC-${n.year}-${String(n.seq).padStart(3, '0')}` } });
    return { id, instanceId: res.instanceId, warnings: res.warnings };
  });
}

/** 综合科 arranges the approved rental: brand and model (before the trip) and the cost (公务用车费). */
export async function arrangeRental(ctx: Ctx, id: string, input: { brandModel: string; costFen?: number | null }): Promise<void> {
  await withTx(ctx, async (tx) => {
    await assertDispatcher(tx, '租车安排');
    const [r] = await rows<{ status: string }>(tx.db, sql`select status from vehicle_rentals where id = ${id} for update`);
    if (!r) throw errors.notFound('租车申请');
    if (r.status !== 'approved') throw blockErr({ id: 'CAR-21', cite: '《公务用车使用管理细则》附件3《白城市扶贫办租车申请审批单》' }, '租车须经申请科（室）负责人、办公室主任、办公室主管领导依次签字后方可安排');
    if (!input.brandModel.trim()) throw errors.badRequest('请填写车辆品牌型号');
    await tx.db.execute(sql`update vehicle_rentals set brand_model = ${input.brandModel.trim()}, cost_fen = ${input.costFen ?? null} where id = ${id}`);
    await audit(tx, { event: 'vehicles.rental.arrange', objectType: 'vehicle_rental', objectId: id, detail: { brandModel: input.brandModel, costFen: input.costFen ?? null, ruleId: 'CAR-01' } });
  });
}

export interface RentalView { id: string; flowInstanceId: string; no: string; unitName: string | null; personName: string; passengers: number; purpose: string; startDate: string; endDate: string; places: string; brandModel: string | null; costFen: number | null; status: string }
export async function listRentals(ctx: Ctx): Promise<RentalView[]> {
  const person = me(ctx);
  const all = can(ctx, 'vehicles.ledger') || can(ctx, 'vehicles.manage');
  return rows(ctx.db, sql`select r.id, r.flow_instance_id as "flowInstanceId", 'ZC-' || r.year || '-' || lpad(r.seq::text, 3, '0') as no, u.name as "unitName", p.name as "personName",
      r.passengers, r.purpose, r.start_date::text as "startDate", r.end_date::text as "endDate", r.places, r.brand_model as "brandModel", r.cost_fen::float8 as "costFen", r.status
    from vehicle_rentals r join people p on p.id = r.person_id left join org_units u on u.id = r.unit_id
    where ${all ? sql`true` : sql`(r.person_id = ${person} or r.unit_id in (select unit_id from people where id = ${person}))`} order by r.year desc, r.seq desc limit 1000`);
}

export async function printRental(ctx: Ctx, id: string): Promise<{ pdf: Buffer; fileName: string }> {
  const [r] = await rows<{ flow_instance_id: string; brand_model: string | null; year: number; seq: number }>(ctx.db, sql`select flow_instance_id, brand_model, year, seq from vehicle_rentals where id = ${id}`);
  if (!r) throw errors.notFound('租车申请');
  const pdf = await renderFormPdf(printRentalForm(toPrintable(await instanceDetail(ctx, r.flow_instance_id)), { brandModel: r.brand_model }));
  await audit(ctx, { event: 'vehicles.rental.print', objectType: 'vehicle_rental', objectId: id });
  return { pdf, fileName: `租车申请审批单-ZC-${r.year}-${String(r.seq).padStart(3, '0')}.pdf` };
}

// ---------------------------------------------------------------- drivers' records and fines

const HANDLING: Record<string, string> = {
  late: '工勤人员管理办法、劳动法', early: '工勤人员管理办法、劳动法', absent: '工勤人员管理办法、劳动法', overdue: '工勤人员管理办法、劳动法',
  violation: '道路交通安全法；罚款由驾驶员个人承担（第十二条）', accident: '道路交通安全法等相关法规（第十三条）', passenger_drove: '公务用车使用管理细则第五条',
};
const RULE_OF: Record<string, string> = { late: 'CAR-16', early: 'CAR-16', absent: 'CAR-16', overdue: 'CAR-16', violation: 'CAR-17', accident: 'CAR-18', passenger_drove: 'CAR-06' };

export interface DriverRecordInput { driverId: string; kind: keyof typeof RECORD_KINDS; occurredOn: string; description: string; fineFen?: number | null; vehicleId?: string | null; requestId?: string | null; passengerPersonId?: string | null }

/** CAR-16/17/18/06: attendance exceptions, violations (fine borne by the driver), accidents, passengers who drove. */
export async function recordDriverEvent(ctx: Ctx, input: DriverRecordInput): Promise<{ id: string }> {
  return withTx(ctx, async (tx) => {
    const actor = await assertDispatcher(tx, '驾驶员记录登记');
    const [d] = await rows(tx.db, sql`select 1 from vehicle_drivers where id = ${input.driverId}`);
    if (!d) throw errors.badRequest('驾驶员不存在');
    if (input.occurredOn > today(tx)) throw errors.badRequest('发生日期不能晚于今天');
    if (input.kind === 'passenger_drove' && !input.passengerPersonId) throw errors.badRequest('请填写驾驶车辆或要求违章驾驶的乘车人');
    const id = newId('vdx');
    await tx.db.execute(sql`insert into vehicle_driver_records (id, driver_id, kind, occurred_on, description, fine_fen, vehicle_id, request_id, passenger_person_id, handling_ref, recorded_by, created_at)
      values (${id}, ${input.driverId}, ${input.kind}, ${input.occurredOn}, ${input.description.trim()}, ${input.fineFen ?? null}, ${input.vehicleId ?? null}, ${input.requestId ?? null},
        ${input.passengerPersonId ?? null}, ${HANDLING[input.kind]}, ${actor}, ${tx.clock.now().toISOString()})`);
    await audit(tx, { event: 'vehicles.driver.record', objectType: 'vehicle_driver_record', objectId: id, detail: { ruleId: RULE_OF[input.kind], kind: input.kind, fineFen: input.fineFen ?? null } });
    return { id };
  });
}

export interface DriverRecordView { id: string; driverName: string; kind: string; kindLabel: string; occurredOn: string; description: string; fineFen: number | null; plate: string | null; passengerName: string | null; handlingRef: string; ruleId: string }
export async function listDriverRecords(ctx: Ctx): Promise<DriverRecordView[]> {
  const found = await rows<Omit<DriverRecordView, 'kindLabel' | 'ruleId'>>(ctx.db, sql`select r.id, d.name as "driverName", r.kind, r.occurred_on::text as "occurredOn", r.description, r.fine_fen::float8 as "fineFen",
      v.plate, p.name as "passengerName", r.handling_ref as "handlingRef"
    from vehicle_driver_records r join vehicle_drivers d on d.id = r.driver_id left join vehicles v on v.id = r.vehicle_id left join people p on p.id = r.passenger_person_id
    order by r.occurred_on desc, r.created_at desc limit 2000`);
  return found.map((r) => ({ ...r, kindLabel: (RECORD_KINDS as Record<string, string>)[r.kind] ?? (r.kind === 'fine_claim' ? '以罚款申请报销（已拒绝）' : r.kind), ruleId: RULE_OF[r.kind] ?? 'CAR-17' }));
}

/**
 * CAR-17 for finance: a claim whose lines include a traffic fine is refused, citing the rule,
 * and the attempt is recorded against the driver (when the claimant is a registered driver).
 * Call it outside the claim's own transaction: the record is committed before the refusal.
 */
export async function refuseTrafficFineClaim(ctx: Ctx, input: { personId: string; lines: { description: string; amountFen?: number; kind?: string }[] }): Promise<void> {
  const verdicts = checkNoTrafficFine(input.lines);
  const block = verdicts.find((v) => v.outcome === 'block');
  if (!block || block.outcome !== 'block') return;
  const fineFen = input.lines.filter((l) => (block.details as { lines: string[] }).lines.includes(l.description)).reduce((s, l) => s + (l.amountFen ?? 0), 0);
  await withTx(ctx, async (tx) => {
    const [d] = await rows<{ id: string }>(tx.db, sql`select id from vehicle_drivers where person_id = ${input.personId}`);
    if (d) {
      await tx.db.execute(sql`insert into vehicle_driver_records (id, driver_id, kind, occurred_on, description, fine_fen, handling_ref, recorded_by, created_at)
        values (${newId('vdx')}, ${d.id}, 'fine_claim', ${today(tx)}, ${`以交通罚款申请公款报销：${(block.details as { lines: string[] }).lines.join('、')}`}, ${fineFen},
          ${'罚款由驾驶员个人承担（第十二条）'}, ${me(tx)}, ${tx.clock.now().toISOString()})`);
    }
    await audit(tx, { event: 'vehicles.fine.claim_refused', objectType: 'person', objectId: input.personId, outcome: 'denied', detail: { ruleId: 'CAR-17', fineFen, driverRecorded: Boolean(d) } });
  });
  throw blockErr(CAR17, block.message, block.details);
}

// ---------------------------------------------------------------- costs (CAR-01, CAR-08)

export interface CostRow { plate: string; period: string; fuelFen: number; repairFen: number; rentalFen: number; totalFen: number }

/** 公务用车费 by vehicle and month: signed fuel, settled repairs, arranged rentals (by source). */
export async function vehicleCosts(ctx: Ctx, year: number): Promise<CostRow[]> {
  const found = await rows<{ plate: string; period: string; kind: string; fen: number }>(ctx.db, sql`
    select v.plate, to_char(f.fueled_on, 'YYYY-MM') as period, 'fuel' as kind, sum(f.amount_fen)::float8 as fen from vehicle_fuel f join vehicles v on v.id = f.vehicle_id
      where extract(year from f.fueled_on) = ${year} and f.driver_signed_at is not null and f.manager_signed_at is not null group by 1, 2
    union all
    select v.plate, to_char(r.settled_at at time zone 'Asia/Shanghai', 'YYYY-MM'), 'repair', sum((r.invoice->>'amountFen')::bigint)::float8 from vehicle_repairs r join vehicles v on v.id = r.vehicle_id
      where r.status = 'settled' and extract(year from r.settled_at at time zone 'Asia/Shanghai') = ${year} group by 1, 2
    union all
    select '租赁：' || coalesce(r.brand_model, ''), to_char(r.start_date, 'YYYY-MM'), 'rental', sum(coalesce(r.cost_fen, 0))::float8 from vehicle_rentals r
      where r.status = 'approved' and extract(year from r.start_date) = ${year} group by 1, 2`);
  const map = new Map<string, CostRow>();
  for (const r of found) {
    const k = `${r.plate}|${r.period}`;
    const row = map.get(k) ?? { plate: r.plate, period: r.period, fuelFen: 0, repairFen: 0, rentalFen: 0, totalFen: 0 };
    if (r.kind === 'fuel') row.fuelFen += r.fen;
    else if (r.kind === 'repair') row.repairFen += r.fen;
    else row.rentalFen += r.fen;
    row.totalFen += r.fen;
    map.set(k, row);
  }
  return [...map.values()].sort((a, b) => a.period.localeCompare(b.period) || a.plate.localeCompare(b.plate));
}

/** 里程记录: completed own-fleet trips with their odometer readings. */
export async function mileage(ctx: Ctx): Promise<{ id: string; plate: string | null; driverName: string | null; userName: string; destination: string; startAt: string; returnedAt: string | null; startKm: number | null; endKm: number | null; km: number | null }[]> {
  return rows(ctx.db, sql`select r.id, r.dispatch->>'plates' as plate, r.dispatch->>'driverName' as "driverName", up.name as "userName", r.destination, ${iso('r.start_at')} as "startAt",
      ${iso('r.returned_at')} as "returnedAt", r.start_km as "startKm", r.end_km as "endKm", (r.end_km - r.start_km) as km
    from vehicle_requests r join people up on up.id = r.user_person_id where r.kind = 'fleet' and r.status in ('dispatched', 'completed') order by r.start_at desc limit 2000`);
}

// ---------------------------------------------------------------- reminders (CAR-11, CAR-14, CAR-20)

async function remindOnce(db: Db, at: Date, n: { to: string; title: string; body: string; objectType: string; objectId: string; link: string }): Promise<boolean> {
  const [dup] = await rows(db, sql`select 1 from notifications where recipient_person_id = ${n.to} and object_type = ${n.objectType} and object_id = ${n.objectId} and title = ${n.title}`);
  if (dup) return false;
  await notify(db, { recipientPersonId: n.to, kind: 'remind', title: n.title, body: n.body, objectType: n.objectType, objectId: n.objectId, link: n.link }, at);
  return true;
}

/**
 * Due reminders, each sent once: an emergency repair whose VUR-F2 is not back-filled by its due
 * day (driver and 综合科长, CAR-11); last month's fuel ledger not yet checked (综合科长, CAR-14);
 * a dispatched trip past its end without a return receipt (用车人 and the dispatcher, CAR-20).
 */
export async function vehicleReminders(db: Db, clock: Clock): Promise<number> {
  const ctx = systemCtx(db, clock);
  return withTx(ctx, async (tx) => {
    const now = clock.now();
    const day = localDate(now);
    let sent = 0;
    const hub = await hubUnitId(tx.db).catch(() => null);
    const chief = hub ? (await sectionChiefOf(tx.db, hub, day))?.id ?? null : null;
    const late = await rows<{ id: string; driver_person_id: string; backfill_due: string }>(tx.db, sql`select id, driver_person_id, backfill_due::text from vehicle_repairs
      where emergency is not null and status = 'draft' and flow_instance_id is null and backfill_due < ${day}`);
    for (const r of late) {
      for (const to of [r.driver_person_id, chief].filter((x): x is string => Boolean(x))) {
        if (await remindOnce(tx.db, now, { to, title: '紧急维修未及时补办《车辆维修审批单》', body: `补办期限 ${r.backfill_due} 已过，补办并批准前不得结算（CAR-11）。`, objectType: 'vehicle_repair', objectId: r.id, link: '/vehicles' })) sent++;
      }
    }
    const lastMonth = localDate(new Date(new Date(`${day.slice(0, 7)}-01T00:00:00+08:00`).getTime() - 86_400_000)).slice(0, 7);
    const [fuel] = await rows<{ n: number }>(tx.db, sql`select count(*)::int as n from vehicle_fuel where to_char(fueled_on, 'YYYY-MM') = ${lastMonth}`);
    const [checked] = await rows(tx.db, sql`select 1 from vehicle_fuel_checks where period = ${lastMonth}`);
    if (chief && fuel.n > 0 && !checked) {
      if (await remindOnce(tx.db, now, { to: chief, title: `请核查 ${lastMonth} 加油台账`, body: '综合科负责人定期对加油台账执行情况进行核查（CAR-14）。', objectType: 'vehicle_fuel_check', objectId: lastMonth, link: '/vehicles' })) sent++;
    }
    const open = await rows<{ id: string; user_person_id: string; dispatched_by: string | null }>(tx.db, sql`select id, user_person_id, dispatched_by from vehicle_requests
      where status = 'dispatched' and end_at < ${now.toISOString()}`);
    for (const r of open) {
      for (const to of [r.user_person_id, r.dispatched_by].filter((x): x is string => Boolean(x))) {
        if (await remindOnce(tx.db, now, { to, title: '公务用车回执未填写', body: '用车已结束，请填写返回时间并由用车人签字（CAR-20）。', objectType: 'vehicle_request', objectId: r.id, link: '/vehicles' })) sent++;
      }
    }
    return sent;
  });
}


import { sql } from 'drizzle-orm';
import { can, withTx, type Ctx } from '../../kernel/context';
import { rows } from '../../kernel/db';
import { audit } from '../../kernel/audit/write';
import { errors } from '../../kernel/errors';
import { newId } from '../../kernel/ids';
import { addWorkingDays } from '../../kernel/calendar';
import { instanceDetail, startFlow, toPrintable } from '../../kernel/flow';
import { renderFormPdf } from '../../kernel/render';
import { enforce, type Flagged } from '../../kernel/rules';
import { blockErr, holdsPost, hubSigners, iso, me, personName, today } from './common';
import { instantOf, RepairForm } from './form';
import { printRepairForm } from './print';
import { CAR09, CAR11, CAR12, checkSettlement } from './rules';

/**
 * 车辆维修 (VUR Art.8–9): the driver's form on the engine (CAR-09/10), the emergency path
 * (CAR-11: explicit 综合科 answer before the repair, form back-filled within the working days
 * of the rule's parameter), the replaced parts handed back (CAR-12) and the settlement check.
 */
async function driverOf(ctx: Ctx, personId: string): Promise<{ id: string; name: string }> {
  const [d] = await rows<{ id: string; name: string }>(ctx.db, sql`select id, name from vehicle_drivers where person_id = ${personId} and active`);
  if (!d) throw blockErr(CAR09, '《车辆维修审批单》须由驾驶员填写；您不是登记的驾驶员');
  return d;
}

interface RepairRow {
  id: string; flow_instance_id: string | null; vehicle_id: string; driver_person_id: string; items: { item: string; part?: string; quantity?: number }[]; budget_fen: number;
  shop: string; emergency: Record<string, unknown> | null; status: string; approved_at: string | null; repaired_at: string | null; supplement_of: string | null; backfill_due: string | null;
}

async function lockRepair(ctx: Ctx, id: string): Promise<RepairRow> {
  const [r] = await rows<RepairRow>(ctx.db, sql`select id, flow_instance_id, vehicle_id, driver_person_id, items, budget_fen::float8 as budget_fen, shop, emergency, status,
      ${iso('approved_at')} as approved_at, ${iso('repaired_at')} as repaired_at, supplement_of, backfill_due::text as backfill_due from vehicle_repairs where id = ${id} for update`);
  if (!r) throw errors.notFound('维修记录');
  return r;
}

/** The driver files VUR-F2 (new, a back-fill of an emergency repair, or a supplement). */
export async function submitRepair(ctx: Ctx, rawForm: unknown, acknowledged: string[] = []): Promise<{ id: string; instanceId: string; warnings: Flagged[] }> {
  return withTx(ctx, async (tx) => {
    const person = me(tx);
    await driverOf(tx, person);
    const signers = await hubSigners(tx);
    const parsed = RepairForm.parse(rawForm);
    let id = newId('vrp');
    if (parsed.emergencyRepairId) {
      const e = await lockRepair(tx, parsed.emergencyRepairId);
      if (!e.emergency || e.status !== 'draft') throw errors.conflict('该紧急维修已补办审批单');
      if (e.emergency.answer !== 'approve') throw blockErr(CAR11, '紧急维修须先得到综合科的明确批准答复');
      if (e.vehicle_id !== parsed.vehicleId) throw errors.badRequest('补办审批单的车辆与紧急维修记录不一致');
      id = e.id;
    }
    if (parsed.supplementOf) {
      const base = await lockRepair(tx, parsed.supplementOf);
      if (base.vehicle_id !== parsed.vehicleId) throw errors.badRequest('补充审批单的车辆与原审批单不一致');
    }
    const form = { ...parsed, hubChiefId: signers.chiefId, hubLeaderId: signers.leaderId };
    const res = await startFlow(tx, 'vehicles.repair', { form, subjectType: 'vehicle_repair', subjectId: id, acknowledged });
    const now = tx.clock.now().toISOString();
    if (parsed.emergencyRepairId) {
      await tx.db.execute(sql`update vehicle_repairs set flow_instance_id = ${res.instanceId}, items = ${JSON.stringify(parsed.items)}::jsonb, budget_fen = ${parsed.budgetFen},
          shop = ${parsed.shop}, status = 'pending' where id = ${id}`);
    } else {
      await tx.db.execute(sql`insert into vehicle_repairs (id, flow_instance_id, vehicle_id, driver_person_id, items, budget_fen, shop, status, supplement_of, created_at)
        values (${id}, ${res.instanceId}, ${parsed.vehicleId}, ${person}, ${JSON.stringify(parsed.items)}::jsonb, ${parsed.budgetFen}, ${parsed.shop}, 'pending', ${parsed.supplementOf}, ${now})`);
    }
    await audit(tx, { event: 'vehicles.repair.submit', objectType: 'vehicle_repair', objectId: id, detail: { instanceId: res.instanceId, budgetFen: parsed.budgetFen, backfill: Boolean(parsed.emergencyRepairId), supplementOf: parsed.supplementOf } });
    return { id, instanceId: res.instanceId, warnings: res.warnings };
  });
}

/** CAR-11: the driver asks 综合科 by the fastest channel; the form follows. */
export async function requestEmergencyRepair(ctx: Ctx, input: { vehicleId: string; reason: string; channel: string; items: { item: string; part?: string; quantity?: number }[]; budgetFen: number; shop: string }): Promise<{ id: string; backfillDue: string }> {
  return withTx(ctx, async (tx) => {
    const person = me(tx);
    await driverOf(tx, person);
    const [v] = await rows(tx.db, sql`select 1 from vehicles where id = ${input.vehicleId}`);
    if (!v) throw errors.badRequest('车辆不存在');
    if (!input.reason.trim()) throw errors.badRequest('请说明无法及时填写审批单或不能到指定修配厂维修的原因');
    const id = newId('vrp');
    const due = await addWorkingDays(tx.db, today(tx), CAR11.param('backfillWorkingDays') as number);
    const emergency = { requestedAt: tx.clock.now().toISOString(), channel: input.channel, reason: input.reason.trim() };
    await tx.db.execute(sql`insert into vehicle_repairs (id, vehicle_id, driver_person_id, items, budget_fen, shop, emergency, backfill_due, status, created_at)
      values (${id}, ${input.vehicleId}, ${person}, ${JSON.stringify(input.items)}::jsonb, ${input.budgetFen}, ${input.shop}, ${JSON.stringify(emergency)}::jsonb, ${due}, 'draft', ${tx.clock.now().toISOString()})`);
    await audit(tx, { event: 'vehicles.repair.emergency_request', objectType: 'vehicle_repair', objectId: id, detail: { ruleId: 'CAR-11', ...emergency, backfillDue: due } });
    return { id, backfillDue: due };
  });
}

/** CAR-11: the 综合科长's explicit answer (明确答复), timestamped. */
export async function answerEmergencyRepair(ctx: Ctx, id: string, input: { answer: 'approve' | 'reject'; comment?: string }): Promise<void> {
  await withTx(ctx, async (tx) => {
    const person = me(tx);
    const { chiefId } = await hubSigners(tx);
    if (person !== chiefId) throw blockErr(CAR11, '紧急维修须请示综合科（综合科长）批准');
    const r = await lockRepair(tx, id);
    if (!r.emergency || r.emergency.answeredAt) throw errors.conflict('该请示已答复或不是紧急维修');
    const emergency = { ...r.emergency, approverId: person, approverName: await personName(tx.db, person), answeredAt: tx.clock.now().toISOString(), answer: input.answer, comment: input.comment ?? '' };
    await tx.db.execute(sql`update vehicle_repairs set emergency = ${JSON.stringify(emergency)}::jsonb, status = ${input.answer === 'approve' ? 'draft' : 'rejected'} where id = ${id}`);
    await audit(tx, { event: 'vehicles.repair.emergency_answer', objectType: 'vehicle_repair', objectId: id, detail: { ruleId: 'CAR-11', answer: input.answer } });
  });
}

/** The repair is done: only after full approval, or after the explicit emergency answer (CAR-09, CAR-11). */
export async function recordRepaired(ctx: Ctx, id: string, input: { repairedAt: string }): Promise<void> {
  await withTx(ctx, async (tx) => {
    const person = me(tx);
    const r = await lockRepair(tx, id);
    if (r.driver_person_id !== person && !(await holdsPost(tx.db, person, 'vehicle_manager', today(tx)))) throw errors.forbidden('由驾驶员或车辆管理员登记维修完成');
    const at = instantOf(input.repairedAt).toISOString();
    if (r.repaired_at) throw errors.conflict('已登记维修完成');
    if (r.emergency) {
      if (r.emergency.answer !== 'approve' || String(r.emergency.answeredAt) > at) throw blockErr(CAR11, '紧急维修须得到综合科明确批准答复后方可维修');
    } else if (r.status !== 'approved' || !r.approved_at || r.approved_at > at) {
      throw blockErr(CAR09, '《车辆维修审批单》经车辆管理员核定、办公室主任和主管领导批准后，方可维修保养');
    }
    await tx.db.execute(sql`update vehicle_repairs set repaired_at = ${at} where id = ${id}`);
    await audit(tx, { event: 'vehicles.repair.done', objectType: 'vehicle_repair', objectId: id, detail: { repairedAt: at } });
  });
}

/** CAR-12: a replaced part handed back, received by the vehicle manager. */
export async function returnPart(ctx: Ctx, id: string, input: { part: string; quantity: number }): Promise<void> {
  await withTx(ctx, async (tx) => {
    const person = me(tx);
    if (!(await holdsPost(tx.db, person, 'vehicle_manager', today(tx)))) throw blockErr(CAR12, '原配件交回车辆管理员，由车辆管理员签收');
    const r = await lockRepair(tx, id);
    const part = input.part.trim();
    if (!r.items.some((i) => i.part === part)) throw errors.badRequest(`维修项目中没有更换“${part}”`);
    const [dup] = await rows(tx.db, sql`select 1 from vehicle_repair_parts where repair_id = ${id} and part = ${part}`);
    if (dup) throw errors.conflict(`“${part}”已登记交回`);
    await tx.db.execute(sql`insert into vehicle_repair_parts (id, repair_id, part, quantity, returned_by, received_by, returned_on, created_at)
      values (${newId('vpt')}, ${id}, ${part}, ${input.quantity}, ${r.driver_person_id}, ${person}, ${today(tx)}, ${tx.clock.now().toISOString()})`);
    await audit(tx, { event: 'vehicles.repair.part_returned', objectType: 'vehicle_repair', objectId: id, detail: { ruleId: 'CAR-12', part, quantity: input.quantity } });
  });
}

/**
 * Settlement (财务结算): the approved form with items and amount (CAR-10), approval before the
 * repair or the emergency answer (CAR-09/11), the old parts back (CAR-12). A supplementary
 * approved form replaces the amount and adds its items (CONF-64).
 */
export async function settleRepair(ctx: Ctx, id: string, input: { invoiceNo: string; amountFen: number; items: string[] }): Promise<void> {
  await withTx(ctx, async (tx) => {
    if (!can(tx, 'vehicles.manage')) throw errors.forbidden('维修结算由综合科（财务）办理');
    const r = await lockRepair(tx, id);
    if (r.status === 'settled') throw errors.conflict('已结算');
    const supplements = await rows<{ budget_fen: number; items: { item: string; part?: string }[] }>(tx.db, sql`select budget_fen::float8 as budget_fen, items from vehicle_repairs
      where supplement_of = ${id} and status = 'approved' order by approved_at desc`);
    const budget = supplements[0]?.budget_fen ?? r.budget_fen;
    const approvedItems = [...r.items, ...supplements.flatMap((s) => s.items)].map((i) => i.item);
    const replaced = [...r.items, ...supplements.flatMap((s) => s.items)].map((i) => i.part).filter((p): p is string => Boolean(p));
    const returned = (await rows<{ part: string }>(tx.db, sql`select part from vehicle_repair_parts where repair_id = ${id}`)).map((p) => p.part);
    enforce(checkSettlement({
      status: r.status, approvedAt: r.approved_at, repairedAt: r.repaired_at, emergency: r.emergency as never, approvedBudgetFen: budget, approvedItems,
      invoice: { amountFen: input.amountFen, items: input.items }, replacedParts: [...new Set(replaced)], returnedParts: returned,
    }));
    const invoice = { no: input.invoiceNo, amountFen: input.amountFen, items: input.items };
    await tx.db.execute(sql`update vehicle_repairs set status = 'settled', invoice = ${JSON.stringify(invoice)}::jsonb, settled_at = ${tx.clock.now().toISOString()} where id = ${id}`);
    await audit(tx, { event: 'vehicles.repair.settle', objectType: 'vehicle_repair', objectId: id, detail: { ruleIds: ['CAR-09', 'CAR-10', 'CAR-11', 'CAR-12', 'FIN-07'], ...invoice } });
  });
}

export interface RepairView {
  id: string; flowInstanceId: string | null; plate: string; driverName: string; items: { item: string; part?: string; quantity?: number }[]; budgetFen: number; shop: string;
  emergency: Record<string, unknown> | null; backfillDue: string | null; status: string; repairedAt: string | null; invoiceAmountFen: number | null; settledAt: string | null;
  supplementOf: string | null; partsReturned: string[]; createdAt: string;
}

export async function listRepairs(ctx: Ctx): Promise<RepairView[]> {
  const person = me(ctx);
  const all = can(ctx, 'vehicles.ledger') || can(ctx, 'vehicles.manage') || (await holdsPost(ctx.db, person, 'vehicle_manager', today(ctx)));
  return rows<RepairView>(ctx.db, sql`select r.id, r.flow_instance_id as "flowInstanceId", v.plate, p.name as "driverName", r.items, r.budget_fen::float8 as "budgetFen", r.shop,
      r.emergency, r.backfill_due::text as "backfillDue", r.status, ${iso('r.repaired_at')} as "repairedAt", (r.invoice->>'amountFen')::float8 as "invoiceAmountFen",
      ${iso('r.settled_at')} as "settledAt", r.supplement_of as "supplementOf",
      coalesce((select json_agg(x.part) from vehicle_repair_parts x where x.repair_id = r.id), '[]'::json) as "partsReturned", ${iso('r.created_at')} as "createdAt"
    from vehicle_repairs r join vehicles v on v.id = r.vehicle_id join people p on p.id = r.driver_person_id
    where ${all ? sql`true` : sql`r.driver_person_id = ${person}`} order by r.created_at desc limit 1000`);
}

/** VUR-F2 with the emergency request and the returned parts. */
export async function printRepair(ctx: Ctx, id: string): Promise<{ pdf: Buffer; fileName: string }> {
  const [r] = await rows<{ flow_instance_id: string | null; plate: string; driver: string; emergency: Record<string, unknown> | null }>(ctx.db, sql`select r.flow_instance_id, v.plate, p.name as driver, r.emergency
    from vehicle_repairs r join vehicles v on v.id = r.vehicle_id join people p on p.id = r.driver_person_id where r.id = ${id}`);
  if (!r) throw errors.notFound('维修记录');
  if (!r.flow_instance_id) throw errors.conflict('紧急维修尚未补办《车辆维修审批单》，不能打印');
  const parts = await rows<{ part: string; quantity: number; receivedByName: string; returnedOn: string }>(ctx.db, sql`select x.part, x.quantity, p.name as "receivedByName", x.returned_on::text as "returnedOn"
    from vehicle_repair_parts x join people p on p.id = x.received_by where x.repair_id = ${id} order by x.created_at`);
  const detail = await instanceDetail(ctx, r.flow_instance_id);
  const pdf = await renderFormPdf(printRepairForm(toPrintable(detail), { plate: r.plate, driverName: r.driver, emergency: r.emergency, parts }));
  await audit(ctx, { event: 'vehicles.repair.print', objectType: 'vehicle_repair', objectId: id });
  return { pdf, fileName: `车辆维修申请审批单-${r.plate}.pdf` };
}

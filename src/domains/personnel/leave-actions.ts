import { sql } from 'drizzle-orm';
import { can, requireActor, withTx, type Ctx } from '../../kernel/context';
import { rows } from '../../kernel/db';
import { audit } from '../../kernel/audit/write';
import { assertInScope } from '../../kernel/access/scope';
import { errors } from '../../kernel/errors';
import { newId } from '../../kernel/ids';
import { loadWorkingCalendar } from '../../kernel/calendar';
import { withdraw } from '../../kernel/flow';
import { enforce, type Flagged } from '../../kernel/rules';
import { addDays, localDate } from '../../kernel/time';
import { countingUnit } from './facts';
import type { ReportBackFact } from './print';
import { addEntry } from './ledger';
import { chargeableByYear, chargeLedger, reportBackDue } from './leave-complete';
import { reload, type LeaveRow } from './leave-service';
import { finalStep, leaveRoute, type Category } from './route';
import { LEAVE19 } from './rules';

/** What happens to an approved leave: 销假 (LEAVE-20), extension (LEAVE-19), cancellation, evidence. */
export async function leaveInScope(ctx: Ctx, id: string): Promise<LeaveRow> {
  const row = await reload(ctx, id);
  assertInScope(ctx, { unitId: row.unitId, ownerPersonId: row.personId });
  return row;
}

function assertOwnerOrKeeper(ctx: Ctx, row: LeaveRow): void {
  const me = requireActor(ctx).personId;
  if (row.personId !== me && !can(ctx, 'personnel.attendance')) throw errors.forbidden('只有请假人本人或综合科可以办理');
}

/** Record facts on the flow instance so the paper form shows them (printForm reads facts only). */
async function annotate(ctx: Ctx, instanceId: string | null, key: string, value: unknown): Promise<void> {
  if (!instanceId) return;
  await ctx.db.execute(sql`update flow_instances set facts = jsonb_set(facts, ${`{${key}}`}::text[], ${JSON.stringify(value)}::jsonb, true) where id = ${instanceId}`);
}

export interface ReportBackInput {
  /** The first day back at the post. */
  returnedOn: string;
  mode: 'in_person' | 'phone';
}

/**
 * 销假 (LEAVE-20). A late report-back is recorded and reported, not treated as absence
 * (CONF-14); a return to the post after the first working day after the leave is what makes
 * overstay candidates (ATT-03 A2). An early return gives back the unused days (ledger reversal).
 */
export async function reportBack(ctx: Ctx, id: string, input: ReportBackInput): Promise<LeaveRow> {
  return withTx(ctx, async (tx) => {
    const row = await leaveInScope(tx, id);
    assertOwnerOrKeeper(tx, row);
    if (row.status !== 'approved') throw errors.conflict('只有已批准的请假可以销假');
    if (row.reportedBackOn) throw errors.conflict(`已于 ${row.reportedBackOn} 销假`);
    const today = localDate(tx.clock.now());
    if (input.returnedOn > today) throw errors.badRequest(`到岗日期 ${input.returnedOn} 不能晚于今天 ${today}`);
    if (input.returnedOn < row.startDate) throw errors.badRequest('到岗日期不能早于请假开始日期');
    if (input.returnedOn <= row.effectiveEndDate) await giveBack(tx, row, input.returnedOn);
    const keeper = can(tx, 'personnel.attendance') ? requireActor(tx).personId : null;
    await tx.db.execute(sql`update leave_requests set reported_back_at = ${tx.clock.now().toISOString()}, returned_on = ${input.returnedOn},
        report_back_mode = ${input.mode}, report_back_received_by = ${keeper} where id = ${id}`);
    const late = row.reportBackDue !== null && today > row.reportBackDue;
    const [who] = keeper ? await rows<{ name: string }>(tx.db, sql`select name from people where id = ${keeper}`) : [];
    const fact: ReportBackFact = { reportedOn: today, returnedOn: input.returnedOn, mode: input.mode, receivedBy: who?.name ?? null, late };
    await annotate(tx, row.flowInstanceId, 'reportBack', fact);
    await audit(tx, { event: 'personnel.leave.report_back', objectType: 'leave_request', objectId: id, detail: { ...fact, due: row.reportBackDue } });
    return reload(tx, id);
  });
}

/** Early return: the days from the return date to the end were not taken (ledger reversal). */
async function giveBack(ctx: Ctx, row: LeaveRow, returnedOn: string): Promise<void> {
  const cal = await loadWorkingCalendar(ctx.db);
  const unused = chargeableByYear(cal, countingUnit(row.type), {
    startDate: returnedOn,
    startHalf: 'full',
    endDate: row.effectiveEndDate,
    endHalf: row.effectiveEndHalf as 'full' | 'am',
  });
  for (const [y, n] of Object.entries(unused)) {
    await addEntry(ctx, { personId: row.personId, year: Number(y), leaveType: row.type, entry: 'reversal', halves: n, sourceId: `${row.id}:return`, leaveId: row.id, note: `提前销假（${returnedOn}到岗），退回未休${n / 2}天` });
  }
}

export interface ExtensionInput {
  decision: 'granted' | 'refused';
  /** The day the applicant phoned (LEAVE-19: by the last leave day). */
  requestedOn: string;
  newEndDate?: string;
  newEndHalf?: 'full' | 'am';
  note?: string;
  acknowledged?: string[];
}

/** LEAVE-19: the final approver of the leave decides an extension requested by phone. */
export async function decideExtension(ctx: Ctx, id: string, input: ExtensionInput): Promise<{ leave: LeaveRow; warnings: Flagged[] }> {
  return withTx(ctx, async (tx) => {
    const row = await reload(tx, id);
    const me = requireActor(tx).personId;
    if (!(await isFinalApprover(tx, row, me))) throw errors.forbidden('延假由原请假的最终审批人决定');
    if (row.status !== 'approved' || row.reportedBackOn) throw errors.conflict('只有已批准且尚未销假的请假可以延假');
    const verdicts = input.requestedOn > row.effectiveEndDate ? [LEAVE19.block(`延假应在假期最后一天（${row.effectiveEndDate}）结束前提出，来电日期为 ${input.requestedOn}`)] : [];
    const granted = input.decision === 'granted';
    if (granted && (!input.newEndDate || input.newEndDate <= row.effectiveEndDate)) throw errors.badRequest(`延至日期应晚于原假期最后一天 ${row.effectiveEndDate}`);
    const cal = await loadWorkingCalendar(tx.db);
    const unit = countingUnit(row.type);
    const added = granted ? chargeableByYear(cal, unit, { startDate: addDays(row.effectiveEndDate, row.effectiveEndHalf === 'am' ? 0 : 1), startHalf: row.effectiveEndHalf === 'am' ? 'pm' : 'full', endDate: input.newEndDate!, endHalf: input.newEndHalf ?? 'full' }) : {};
    if (granted) verdicts.push(...(await tierWarning(tx, row, input)));
    const warnings = enforce(verdicts, input.acknowledged);
    const extId = newId('lvx');
    const addedHalves = Object.values(added).reduce((a, b) => a + b, 0);
    await tx.db.execute(sql`insert into leave_extensions (id, leave_id, requested_on, decision, previous_end_date, new_end_date, new_end_half, added_halves, note, decided_by, decided_at)
      values (${extId}, ${id}, ${input.requestedOn}, ${input.decision}, ${row.effectiveEndDate}, ${granted ? input.newEndDate! : null}, ${granted ? input.newEndHalf ?? 'full' : null},
        ${addedHalves}, ${input.note ?? null}, ${me}, ${tx.clock.now().toISOString()})`);
    if (granted) {
      await tx.db.execute(sql`update leave_requests set effective_end_date = ${input.newEndDate!}, effective_end_half = ${input.newEndHalf ?? 'full'},
          report_back_due = ${reportBackDue(cal, input.newEndDate!)} where id = ${id}`);
      await chargeLedger(tx, row.personId, id, extId, { type: row.type, startDate: row.startDate }, added);
    }
    await annotateExtensions(tx, row.flowInstanceId, id);
    await audit(tx, { event: 'personnel.leave.extension', objectType: 'leave_request', objectId: id, detail: { ...input, addedDays: addedHalves / 2, warnings: warnings.map((w) => w.ruleId) } });
    return { leave: await reload(tx, id), warnings };
  });
}

async function annotateExtensions(ctx: Ctx, instanceId: string | null, id: string): Promise<void> {
  const ext = await rows<{ requested_on: string; decision: string; new_end_date: string | null; name: string }>(
    ctx.db,
    sql`select e.requested_on::text, e.decision, e.new_end_date::text, p.name from leave_extensions e join people p on p.id = e.decided_by where e.leave_id = ${id} order by e.decided_at`,
  );
  await annotate(ctx, instanceId, 'extensions', ext.map((e) => `${e.requested_on} 电话申请，${e.name}${e.decision === 'granted' ? `同意延至 ${e.new_end_date}` : '不同意延假'}`));
}

/** The person who gave the leave's last signature (or recorded the external approval). */
async function isFinalApprover(ctx: Ctx, row: LeaveRow, me: string | null): Promise<boolean> {
  const [t] = await rows<{ decided_by_person_id: string; on_behalf_of_person_id: string | null }>(
    ctx.db,
    sql`select decided_by_person_id, on_behalf_of_person_id from flow_tasks where instance_id = ${row.flowInstanceId}
        and status in ('approved', 'recorded') order by decided_at desc, step_index desc limit 1`,
  );
  return !!me && !!t && (t.decided_by_person_id === me || t.on_behalf_of_person_id === me);
}

/** CONF-73: the original approver decides even if the total crosses a tier, with a warning. */
async function tierWarning(ctx: Ctx, row: LeaveRow, input: ExtensionInput): Promise<ReturnType<typeof LEAVE19.warn>[]> {
  const [p] = await rows<{ grade: Category }>(ctx.db, sql`select grade from people where id = ${row.personId}`);
  const cal = await loadWorkingCalendar(ctx.db);
  const total = cal.count(row.startDate, input.newEndDate!) * 2 - (row.startHalf === 'pm' ? 1 : 0) - (input.newEndHalf === 'am' ? 1 : 0);
  const before = leaveRoute({ category: p.grade, tierHalves: row.workingDays * 2 });
  const after = leaveRoute({ category: p.grade, tierHalves: total });
  if (finalStep(before) === finalStep(after) && !!before.principal === !!after.principal) return [];
  return [LEAVE19.warn(`延假后共${total / 2}个工作日，按审批权限应由更高一级领导审批（原为${row.workingDays}个工作日）；按制度由原审批人决定`)];
}

/** Cancel a leave: a pending one is withdrawn on the engine; an approved one before it starts is reversed. */
export async function cancelLeave(ctx: Ctx, id: string, reason: string): Promise<LeaveRow> {
  return withTx(ctx, async (tx) => {
    const row = await leaveInScope(tx, id);
    assertOwnerOrKeeper(tx, row);
    if (row.status === 'pending' && row.flowInstanceId) {
      await withdraw(tx, row.flowInstanceId, reason);
      return reload(tx, id);
    }
    const today = localDate(tx.clock.now());
    if (row.status !== 'approved' || row.startDate <= today) throw errors.conflict('只有尚未开始的已批准请假可以取消；已开始的请假请办理销假');
    const used = await rows<{ year: number; n: number }>(tx.db, sql`select year, -sum(halves)::int as n from leave_ledger where leave_id = ${id} and entry in ('use', 'reversal') group by year`);
    for (const u of used) {
      if (u.n > 0) await addEntry(tx, { personId: row.personId, year: u.year, leaveType: row.type, entry: 'reversal', halves: u.n, sourceId: `${id}:cancel`, leaveId: id, note: `取消请假，退回${u.n / 2}天（${reason}）` });
    }
    await tx.db.execute(sql`update leave_requests set status = 'cancelled', cancel_reason = ${reason} where id = ${id}`);
    await audit(tx, { event: 'personnel.leave.cancel', objectType: 'leave_request', objectId: id, detail: { reason } });
    return reload(tx, id);
  });
}

/** Evidence handed in after a phone request (LEAVE-17: by the report-back deadline). */
export async function addEvidence(ctx: Ctx, id: string, a: { kind: string; name: string }): Promise<LeaveRow> {
  return withTx(ctx, async (tx) => {
    const row = await leaveInScope(tx, id);
    assertOwnerOrKeeper(tx, row);
    await tx.db.execute(sql`update leave_requests set attachments = attachments || ${JSON.stringify([a])}::jsonb where id = ${id}`);
    await audit(tx, { event: 'personnel.leave.evidence', objectType: 'leave_request', objectId: id, detail: a });
    return reload(tx, id);
  });
}

import { sql } from 'drizzle-orm';
import type { Ctx } from '../../kernel/context';
import { loadWorkingCalendar, type WorkingCalendar } from '../../kernel/calendar';
import type { InstanceRef } from '../../kernel/flow';
import { enforce } from '../../kernel/rules';
import { addDays } from '../../kernel/time';
import { halvesOn } from './days';
import { checkDepartureAtApproval } from './departure';
import type { LeaveFacts } from './facts';
import { LEAVE_TYPE_LABEL, type LeaveFormValue, type LeaveType } from './form';
import { applyCancellations } from './forfeit';
import { addEntry, annualEntitlement, ensureAnnualGrant, usedHalves } from './ledger';
import { tell } from './notices';
import { LEAVE08, LEAVE20 } from './rules';

/**
 * When a leave's approval ends: keep the request row in step with the final form, and on
 * approval charge the ledger, check what the approval cancels (LEAVE-09/10) and remind the
 * applicant of the report-back deadline (LEAVE-20). Runs in the approval's transaction.
 */
export async function onLeaveComplete(ctx: Ctx, inst: InstanceRef, outcome: 'approved' | 'rejected' | 'withdrawn'): Promise<void> {
  if (!inst.subjectId) return;
  const form = inst.form as unknown as LeaveFormValue;
  const facts = inst.facts as unknown as LeaveFacts;
  const cal = await loadWorkingCalendar(ctx.db);
  const due = outcome === 'approved' ? reportBackDue(cal, form.endDate) : null;
  await ctx.db.execute(sql`update leave_requests set status = ${outcome}, type = ${form.type}, special_kind = ${form.specialKind ?? null},
      start_date = ${form.startDate}, start_half = ${form.startHalf}, end_date = ${form.endDate}, end_half = ${form.endHalf},
      effective_end_date = ${form.endDate}, effective_end_half = ${form.endHalf}, working_halves = ${facts.workingHalves},
      calendar_halves = ${facts.calendarHalves}, chargeable_halves = ${facts.chargeableHalves}, reason = ${form.reason},
      attachments = ${JSON.stringify(form.attachments)}::jsonb, report_back_due = ${due}
    where id = ${inst.subjectId}`);
  if (outcome !== 'approved') return;
  // WR-19: a leave out of Baicheng is approved only with the role's reporting chain recorded.
  await checkDepartureAtApproval(ctx, 'leave', inst, form.startDate, form.endDate);
  await chargeLedger(ctx, inst.applicantPersonId, inst.subjectId, inst.subjectId, form, facts.chargeableByYear);
  await applyCancellations(ctx, inst.applicantPersonId, inst.subjectId, form, facts.chargeableByYear);
  await tell(ctx, [inst.applicantPersonId], {
    kind: 'remind',
    title: `请按时销假：${LEAVE_TYPE_LABEL[form.type]}${form.startDate}至${form.endDate}已批准`,
    body: `假期期满后请于 ${due} 前到综合科当面或电话销假（${LEAVE20.id} ${LEAVE20.cite}）`,
    link: '/personnel/my-leave',
    objectType: 'leave_request',
    objectId: inst.subjectId,
  });
}

/** LEAVE-20 / CONF-14: the first working day after the last leave day (or the next calendar day). */
export function reportBackDue(cal: WorkingCalendar, lastDay: string): string {
  return LEAVE20.param('reportBackDeadline') === 'NEXT_CALENDAR_DAY' ? addDays(lastDay, 1) : cal.add(lastDay, 1);
}

/**
 * Ledger `use` rows, one per calendar year the leave touches (GAP-C-LEAVE23). Annual leave is
 * checked again here against the grant: two requests pending at once cannot overdraw it.
 */
export async function chargeLedger(
  ctx: Ctx,
  personId: string,
  leaveId: string,
  sourceId: string,
  form: { type: string; startDate: string },
  byYear: Record<string, number>,
): Promise<void> {
  const type = form.type;
  for (const [y, n] of Object.entries(byYear)) {
    const year = Number(y);
    if (type === 'annual') await assertAnnualLeft(ctx, personId, year, year === Number(form.startDate.slice(0, 4)) ? form.startDate : `${year}-01-01`, n);
    await addEntry(ctx, { personId, year, leaveType: type, entry: 'use', halves: -n, sourceId, leaveId, note: `${LEAVE_TYPE_LABEL[form.type as LeaveType] ?? form.type}批准，计${n / 2}天` });
  }
}

async function assertAnnualLeft(ctx: Ctx, personId: string, year: number, asOf: string, n: number): Promise<void> {
  await ensureAnnualGrant(ctx, personId, year, asOf);
  const e = await annualEntitlement(ctx.db, personId, year, asOf);
  const used = await usedHalves(ctx.db, personId, year, 'annual');
  if (e.entitlementHalves - used < n) {
    enforce([LEAVE08.block(`${year}年年休假${e.entitlementHalves / 2}天，已休${used / 2}天，剩余${(e.entitlementHalves - used) / 2}天，本次${n / 2}天，不能批准`)]);
  }
}

/** Chargeable half days of a date range by year, for extensions and early returns. */
export function chargeableByYear(cal: WorkingCalendar, unit: 'working' | 'calendar', r: Parameters<typeof halvesOn>[0]): Record<string, number> {
  const out: Record<string, number> = {};
  for (let d = r.startDate; d <= r.endDate; d = addDays(d, 1)) {
    const h = halvesOn(r, d);
    if (h && (unit === 'calendar' || cal.day(d).workingDay)) out[d.slice(0, 4)] = (out[d.slice(0, 4)] ?? 0) + h;
  }
  return out;
}


import { sql } from 'drizzle-orm';
import type { Ctx } from '../../kernel/context';
import { rows } from '../../kernel/db';
import { audit } from '../../kernel/audit/write';
import { loadWorkingCalendar, type WorkingCalendar } from '../../kernel/calendar';
import { newId } from '../../kernel/ids';
import { addDays } from '../../kernel/time';
import { halvesOn, type DayRange } from './days';
import { cancellation, sickThreshold } from './entitlement';
import type { LeaveFormValue } from './form';
import { addEntry, forfeitsOf, ledgerSum, serviceFacts, yearUsage } from './ledger';
import { attendanceKeepers, tell } from './notices';
import { LEAVE09 } from './rules';

/**
 * LEAVE-09 / LEAVE-10 after a sick or personal leave is approved: when a cancelling condition
 * first holds in a year, the rest of that year's annual leave is forfeited (a ledger row), and
 * if annual leave was already taken before that day, next year's too (CONF-70).
 */
export async function applyCancellations(ctx: Ctx, personId: string, leaveId: string, form: LeaveFormValue, byYear: Record<string, number>): Promise<void> {
  if (form.type !== 'sick' && form.type !== 'personal') return;
  const cal = await loadWorkingCalendar(ctx.db);
  const service = await serviceFacts(ctx.db, personId);
  for (const [y, added] of Object.entries(byYear)) {
    const year = Number(y);
    if ((await forfeitsOf(ctx.db, personId, year)).some((f) => f.kind === 'current')) continue;
    const usage = await yearUsage(ctx.db, personId, year);
    const lastDay = form.endDate.slice(0, 4) === y ? form.endDate : `${y}-12-31`;
    const c = cancellation(usage, service.serviceStart, lastDay);
    if (!c) continue;
    const total = c.code === 'C1' ? usage.personalUndeductedHalves : usage.sickHalves;
    const threshold = c.code === 'C1' ? LEAVE09.param('c1PersonalDays') * 2 : sickThreshold(service.serviceStart, lastDay).days * 2;
    const on = triggerDay(cal, form, year, total - added, threshold, c.code !== 'C1');
    await forfeitYear(ctx, personId, leaveId, year, c.code, on, c.message);
  }
}

/** The day the cumulative total first reaches the threshold, walking the leave's days. */
function triggerDay(cal: WorkingCalendar, r: DayRange, year: number, before: number, threshold: number, calendar: boolean): string {
  let acc = before;
  const from = r.startDate.slice(0, 4) === String(year) ? r.startDate : `${year}-01-01`;
  for (let d = from; d <= r.endDate && d.startsWith(String(year)); d = addDays(d, 1)) {
    if (calendar || cal.day(d).workingDay) acc += halvesOn(r, d);
    if (acc >= threshold) return d;
  }
  return r.endDate;
}

async function forfeitYear(ctx: Ctx, personId: string, leaveId: string, year: number, code: string, on: string, why: string): Promise<void> {
  const now = ctx.clock.now().toISOString();
  await ctx.db.execute(sql`insert into annual_leave_forfeits (id, person_id, year, kind, code, triggered_on, source_leave_id, created_at)
    values (${newId('alf')}, ${personId}, ${year}, 'current', ${code}, ${on}, ${leaveId}, ${now}) on conflict do nothing`);
  const left = await ledgerSum(ctx.db, personId, year, 'annual');
  if (left > 0) await addEntry(ctx, { personId, year, leaveType: 'annual', entry: 'forfeit', halves: -left, sourceId: leaveId, leaveId, note: `LEAVE-09.${code}：${why}，不享受当年年休假，剩余${left / 2}天作废` });
  const takenBefore = await annualTakenBefore(ctx, personId, year, on);
  await audit(ctx, { event: 'personnel.annual.forfeit', objectType: 'person', objectId: personId, detail: { year, code, triggeredOn: on, forfeitedHalves: Math.max(0, left), nextYear: takenBefore > 0 } });
  if (takenBefore === 0) return;
  await ctx.db.execute(sql`insert into annual_leave_forfeits (id, person_id, year, kind, code, triggered_on, source_leave_id, created_at)
    values (${newId('alf')}, ${personId}, ${year + 1}, 'next', ${code}, ${on}, ${leaveId}, ${now}) on conflict do nothing`);
  const [p] = await rows<{ name: string }>(ctx.db, sql`select name from people where id = ${personId}`);
  await tell(ctx, [personId, ...(await attendanceKeepers(ctx))], {
    kind: 'info',
    title: `${p?.name ?? ''}不享受${year + 1}年年休假（LEAVE-10）`,
    body: `${year}年已休年休假${takenBefore / 2}天后，于${on}${why}，按考勤制度三（八）不享受下一年的年休假`,
    link: '/personnel/my-leave',
    objectType: 'person',
    objectId: personId,
  });
}

/** Annual leave taken in the year on days before `on` (“已享受当年的年休假”, GAP-C-LEAVE11). */
async function annualTakenBefore(ctx: Ctx, personId: string, year: number, on: string): Promise<number> {
  const [r] = await rows<{ n: number }>(
    ctx.db,
    sql`select coalesce(-sum(l.halves), 0)::int as n from leave_ledger l join leave_requests q on q.id = l.leave_id
        where l.person_id = ${personId} and l.year = ${year} and l.leave_type = 'annual' and l.entry in ('use', 'reversal') and q.start_date < ${on}`,
  );
  return r.n;
}

import { sql } from 'drizzle-orm';
import type { Ctx } from '../../kernel/context';
import { rows, type Db } from '../../kernel/db';
import { errors } from '../../kernel/errors';
import { loadWorkingCalendar, type WorkingCalendar } from '../../kernel/calendar';
import type { Applicant } from '../../kernel/flow';
import { localDate } from '../../kernel/time';
import { countRange, eachDate, halvesOn, mondayOf, type DayRange } from './days';
import type { LeaveFormValue } from './form';
import { annualEntitlement, forfeitsOf, serviceFacts, usedHalves, yearUsage } from './ledger';
import { leaveRoute, type Category, type LeaveRoute } from './route';
import { LEAVE07 } from './rules';
import type { YearUsage } from './entitlement';

/**
 * What a leave request is checked and routed on, derived at submission (and for the preview)
 * and frozen into the flow instance's facts.
 */
export interface LeaveFacts {
  today: string;
  category: Category;
  unit: 'working' | 'calendar';
  workingHalves: number;
  calendarHalves: number;
  chargeableHalves: number;
  /** Working days covered, for the approval tier (CONF-67); nursing time counts as half a day. */
  tierHalves: number;
  chargeableByYear: Record<string, number>;
  year: number;
  serviceStart: string | null;
  gender: string | null;
  personalUsedHalves: number;
  personalPendingHalves: number;
  annual: { tierDays: number; entitlementHalves: number; usedHalves: number; pendingHalves: number; forfeitCode: string | null; forfeitKind: string | null };
  usage: YearUsage;
  annualTakenHalves: number;
  /** SPL4 half days already taken or pending per week (Monday date) the request touches. */
  spl4ByWeek: Record<string, number>;
  /** Marriage / bereavement half days already requested for the same event date. */
  sameEventHalves: number;
  route: LeaveRoute;
  /** The applicant's posts on the start day, for the paper form's 职务 box. */
  post: string;
}

export function rangeOf(f: Pick<LeaveFormValue, 'startDate' | 'startHalf' | 'endDate' | 'endHalf'>): DayRange {
  return { startDate: f.startDate, startHalf: f.startHalf, endDate: f.endDate, endHalf: f.endHalf };
}

export function countingUnit(type: string): 'working' | 'calendar' {
  if (type === 'sick' || type === 'maternity') return 'calendar';
  if (type === 'paternity') return LEAVE07.param('paternityCountingUnit') === 'WORKING_DAY' ? 'working' : 'calendar';
  return 'working';
}

export async function deriveLeave(ctx: Ctx, form: LeaveFormValue, applicant: Applicant, excludeLeaveId?: string): Promise<LeaveFacts> {
  const cal = await loadWorkingCalendar(ctx.db);
  const range = rangeOf(form);
  const count = countRange(cal, range);
  const unit = countingUnit(form.type);
  const nursing = form.type === 'special' && form.specialKind === 'SPL6';
  const byYear = unit === 'calendar' ? count.calendarByYear : count.workingByYear;
  const chargeableByYear = nursing ? {} : Object.fromEntries(Object.entries(byYear).filter(([, v]) => v > 0));
  const chargeableHalves = nursing ? 0 : unit === 'calendar' ? count.calendarHalves : count.workingHalves;
  await assertNoOverlap(ctx.db, applicant.personId, range, excludeLeaveId);
  const year = Number(form.startDate.slice(0, 4));
  const service = await serviceFacts(ctx.db, applicant.personId);
  const annual = await annualEntitlement(ctx.db, applicant.personId, year, form.startDate);
  const [nextForfeit] = (await forfeitsOf(ctx.db, applicant.personId, year)).filter((f) => f.kind === 'next');
  const pending = await pendingHalves(ctx.db, applicant.personId, year, excludeLeaveId);
  const tierHalves = nursing ? 1 : count.workingHalves;
  return {
    today: localDate(ctx.clock.now()),
    category: applicant.grade,
    unit,
    workingHalves: count.workingHalves,
    calendarHalves: count.calendarHalves,
    chargeableHalves,
    tierHalves,
    chargeableByYear,
    year,
    serviceStart: service.serviceStart,
    gender: service.gender,
    personalUsedHalves: await usedHalves(ctx.db, applicant.personId, year, 'personal'),
    personalPendingHalves: pending.personal ?? 0,
    annual: {
      tierDays: annual.tierDays,
      entitlementHalves: annual.entitlementHalves,
      usedHalves: await usedHalves(ctx.db, applicant.personId, year, 'annual'),
      pendingHalves: pending.annual ?? 0,
      forfeitCode: annual.forfeit?.code ?? nextForfeit?.code ?? null,
      forfeitKind: annual.forfeit?.kind ?? null,
    },
    usage: await yearUsage(ctx.db, applicant.personId, year),
    annualTakenHalves: await usedHalves(ctx.db, applicant.personId, year, 'annual'),
    spl4ByWeek: form.specialKind === 'SPL4' ? await spl4Weeks(ctx.db, cal, applicant.personId, range, excludeLeaveId) : {},
    sameEventHalves: form.eventDate ? await sameEvent(ctx.db, applicant.personId, form.type, form.eventDate, excludeLeaveId) : 0,
    post: await postsOf(ctx.db, applicant.personId, form.startDate),
    route: leaveRoute({ category: applicant.grade, tierHalves, needsPrincipal: form.type === 'personal' && !!form.capOverrideReason }),
  };
}

interface RangeRow {
  id: string;
  start_date: string;
  start_half: 'full' | 'pm';
  end_date: string;
  end_half: 'full' | 'am';
}

/**
 * Requests that hold days: approved, or pending with a running flow. A request returned to
 * the applicant is left out, so resubmitting it (which derives again) does not count itself.
 */
const RUNNING = sql`exists (select 1 from flow_instances fi where fi.id = q.flow_instance_id and fi.status = 'running')`;
export const ACTIVE = sql`(q.status = 'approved' or (q.status = 'pending' and ${RUNNING}))`;

const asRange = (r: RangeRow): DayRange => ({ startDate: r.start_date, startHalf: r.start_half, endDate: r.end_date, endHalf: r.end_half });

/** Which halves of a date a range covers. */
function covers(r: DayRange, d: string): { am: boolean; pm: boolean } {
  if (d < r.startDate || d > r.endDate) return { am: false, pm: false };
  return { am: !(d === r.startDate && r.startHalf === 'pm'), pm: !(d === r.endDate && r.endHalf === 'am') };
}

async function assertNoOverlap(db: Db, personId: string, r: DayRange, excludeId?: string): Promise<void> {
  const found = await rows<RangeRow & { type: string }>(
    db,
    sql`select id, type, start_date::text as start_date, start_half, effective_end_date::text as end_date, effective_end_half as end_half
        from leave_requests q where person_id = ${personId} and ${ACTIVE}
        and start_date <= ${r.endDate} and effective_end_date >= ${r.startDate} and id <> ${excludeId ?? ''}`,
  );
  for (const f of found) {
    const other = asRange(f);
    eachDate(r.startDate, r.endDate, (d) => {
      const a = covers(r, d);
      const b = covers(other, d);
      if ((a.am && b.am) || (a.pm && b.pm)) throw errors.conflict(`请假时间与已提交的请假（${f.start_date} 至 ${f.end_date}）重叠，请先撤回或调整`);
    });
  }
}

/** Pending (not yet approved) half days per type in the year, reserved against caps. */
async function pendingHalves(db: Db, personId: string, year: number, excludeId?: string): Promise<Record<string, number>> {
  const found = await rows<{ type: string; n: number }>(
    db,
    sql`select type, sum(chargeable_halves)::int as n from leave_requests q
        where q.status = 'pending' and ${RUNNING} and person_id = ${personId} and extract(year from start_date) = ${year} and id <> ${excludeId ?? ''}
        group by type`,
  );
  return Object.fromEntries(found.map((f) => [f.type, f.n]));
}

async function spl4Weeks(db: Db, cal: WorkingCalendar, personId: string, r: DayRange, excludeId?: string): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  const found = await rows<RangeRow>(
    db,
    sql`select id, start_date::text as start_date, start_half, effective_end_date::text as end_date, effective_end_half as end_half
        from leave_requests q where person_id = ${personId} and special_kind = 'SPL4' and ${ACTIVE}
        and start_date <= ${r.endDate}::date + 6 and effective_end_date >= ${r.startDate}::date - 6 and id <> ${excludeId ?? ''}`,
  );
  const weeks = new Set<string>();
  eachDate(r.startDate, r.endDate, (d) => weeks.add(mondayOf(d)));
  for (const f of found) {
    eachDate(f.start_date, f.end_date, (d) => {
      const w = mondayOf(d);
      if (weeks.has(w) && cal.day(d).workingDay) out[w] = (out[w] ?? 0) + halvesOn(asRange(f), d);
    });
  }
  return out;
}

async function sameEvent(db: Db, personId: string, type: string, eventDate: string, excludeId?: string): Promise<number> {
  const [r] = await rows<{ n: number }>(
    db,
    sql`select coalesce(sum(q.chargeable_halves), 0)::int as n from leave_requests q join flow_instances i on i.id = q.flow_instance_id
        where q.person_id = ${personId} and q.type = ${type} and ${ACTIVE}
        and i.form->>'eventDate' = ${eventDate} and q.id <> ${excludeId ?? ''}`,
  );
  return r.n;
}

export async function postsOf(db: Db, personId: string, date: string): Promise<string> {
  const found = await rows<{ name: string }>(
    db,
    sql`select p.name from post_holdings h join posts p on p.code = h.post_code
        where h.person_id = ${personId} and h.start_date <= ${date} and (h.end_date is null or h.end_date >= ${date})
        and p.category in ('leader', 'section', 'staff') order by p.sort_order`,
  );
  return found.map((f) => f.name).join('、');
}

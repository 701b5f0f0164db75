import { sql } from 'drizzle-orm';
import type { Ctx } from '../../kernel/context';
import { rows } from '../../kernel/db';
import { loadWorkingCalendar, type WorkingCalendar } from '../../kernel/calendar';
import { addDays, localDate } from '../../kernel/time';
import { eachDate } from './days';
import { scopeSql } from './queries';

/**
 * Absence (旷工) candidates computed from the rules (ATT-03, TRIP-01), for 综合科 to confirm or
 * dismiss. Things that are only reported, not absence (late 销假, CONF-14; a trip's late return
 * with no presence gap, TRIP-02), are listed apart.
 */
export interface Candidate {
  personId: string;
  personName: string;
  date: string;
  halves: number;
  ground: 'A1' | 'A2';
  ruleId: string;
  basis: string;
  leaveId: string | null;
  tripId: string | null;
}

export interface Reported {
  personId: string;
  personName: string;
  ruleId: 'LEAVE-20' | 'TRIP-02';
  text: string;
  leaveId: string | null;
  tripId: string | null;
}

interface LeaveLite {
  id: string;
  person_id: string;
  name: string;
  status: string;
  start_date: string;
  end_date: string;
  returned_on: string | null;
  report_back_due: string | null;
  reported_on: string | null;
}

interface TripLite {
  id: string;
  person_id: string;
  name: string;
  grade: string;
  status: string;
  start_date: string;
  end_date: string;
  returned_on: string | null;
  overdue_justified: boolean | null;
}

export async function absenceCandidates(ctx: Ctx, year: number): Promise<{ candidates: Candidate[]; reported: Reported[] }> {
  const cal = await loadWorkingCalendar(ctx.db);
  const today = localDate(ctx.clock.now());
  const scope = scopeSql(ctx, sql`q.person_id`, sql`q.unit_id`, false);
  const leaves = await rows<LeaveLite>(ctx.db, sql`select q.id, q.person_id, p.name, q.status, q.start_date::text as start_date, q.effective_end_date::text as end_date,
      q.returned_on::text as returned_on, q.report_back_due::text as report_back_due,
      to_char(q.reported_back_at at time zone 'Asia/Shanghai', 'YYYY-MM-DD') as reported_on
    from leave_requests q join people p on p.id = q.person_id
    where ${scope} and q.start_date <= ${`${year}-12-31`} and q.effective_end_date >= ${`${year - 1}-12-01`} and q.status in ('approved', 'rejected')`);
  const trips = await rows<TripLite>(ctx.db, sql`select q.id, q.person_id, p.name, p.grade, q.status, q.start_date::text as start_date, q.end_date::text as end_date,
      q.returned_on::text as returned_on, q.overdue_justified
    from personnel_trips q join people p on p.id = q.person_id
    where ${scope} and q.start_date <= ${`${year}-12-31`} and q.end_date >= ${`${year - 1}-12-01`}`);
  const decided = new Set((await rows<{ k: string }>(ctx.db, sql`select person_id || '|' || date::text as k from absence_records where extract(year from date) = ${year}`)).map((r) => r.k));
  const covered = coverage(leaves, trips);
  const out: Candidate[] = [];
  const push = (c: Omit<Candidate, 'halves'>) => {
    const k = `${c.personId}|${c.date}`;
    if (c.date.startsWith(String(year)) && c.date <= today && cal.day(c.date).workingDay && !covered.has(k) && !decided.has(k) && !out.some((o) => `${o.personId}|${o.date}` === k)) out.push({ ...c, halves: 2 });
  };
  for (const l of leaves) leaveCandidates(cal, l, today, push);
  for (const t of trips) tripCandidates(t, today, push);
  for (const c of await presenceCandidates(ctx, year)) push(c);
  return { candidates: out.sort((a, b) => a.date.localeCompare(b.date) || a.personId.localeCompare(b.personId)), reported: reportedOnly(cal, leaves, trips, today, year) };
}

/**
 * ATT-03 A1 from the presence data (ATT-02, ATT-04): on a working day for which clock-in
 * records exist (the machine's data for that day was imported or entered), an active person
 * with no record; and a person a spot check found absent (不在岗). Either is only a candidate:
 * approved leave or trips remove it (coverage), and 综合科 confirms or dismisses the rest.
 */
async function presenceCandidates(ctx: Ctx, year: number): Promise<Omit<Candidate, 'halves'>[]> {
  const scope = scopeSql(ctx, sql`p.id`, sql`p.unit_id`, false);
  const missing = await rows<{ person_id: string; name: string; date: string }>(
    ctx.db,
    sql`select p.id as person_id, p.name, d.date::text as date
        from (select distinct date from attendance_punches where extract(year from date) = ${year}) d
        cross join people p
        where p.active and ${scope}
          and not exists (select 1 from attendance_punches k where k.person_id = p.id and k.date = d.date)`,
  );
  const absent = await rows<{ person_id: string; name: string; date: string; time: string | null; explanation: string | null }>(
    ctx.db,
    sql`select p.id as person_id, p.name, c.date::text as date, c.time, f.explanation
        from attendance_spot_findings f join attendance_spot_checks c on c.id = f.check_id join people p on p.id = f.person_id
        where f.finding = 'absent' and extract(year from c.date) = ${year} and ${scope}`,
  );
  const base = { ground: 'A1' as const, leaveId: null, tripId: null };
  return [
    ...absent.map((a) => ({ ...base, personId: a.person_id, personName: a.name, date: a.date, ruleId: 'ATT-04', basis: `工作纪律抽查${a.time ? `（${a.time}）` : ''}不在岗${a.explanation ? `，本人说明：${a.explanation}` : '，未作说明'}` })),
    ...missing.map((m) => ({ ...base, personId: m.person_id, personName: m.name, date: m.date, ruleId: 'ATT-02', basis: '当日无打卡记录，也无已批准的请假或公出' })),
  ];
}

/** Days with an approved leave or an approved trip: never absence. */
function coverage(leaves: LeaveLite[], trips: TripLite[]): Set<string> {
  const s = new Set<string>();
  for (const l of leaves.filter((x) => x.status === 'approved')) eachDate(l.start_date, l.end_date, (d) => s.add(`${l.person_id}|${d}`));
  for (const t of trips.filter((x) => x.status === 'approved')) eachDate(t.start_date, t.end_date, (d) => s.add(`${t.person_id}|${d}`));
  return s;
}

function leaveCandidates(cal: WorkingCalendar, l: LeaveLite, today: string, push: (c: Omit<Candidate, 'halves'>) => void): void {
  const base = { personId: l.person_id, personName: l.name, leaveId: l.id, tripId: null };
  if (l.status === 'rejected') {
    const last = l.end_date < today ? l.end_date : today;
    eachDate(l.start_date, last, (d) => push({ ...base, date: d, ground: 'A1', ruleId: 'ATT-03', basis: `请假未获批准（${l.start_date}至${l.end_date}），如未到岗按旷工认定` }));
    return;
  }
  if (l.end_date >= today) return;
  const first = cal.add(l.end_date, 1);
  const last = l.returned_on ? addDays(l.returned_on, -1) : today;
  const basis = l.returned_on ? `假期于${l.end_date}期满，未延假，销假登记${l.returned_on}到岗` : `假期于${l.end_date}期满，未延假也未销假，请核实是否到岗`;
  eachDate(first, last, (d) => push({ ...base, date: d, ground: 'A2', ruleId: 'ATT-03', basis }));
}

function tripCandidates(t: TripLite, today: string, push: (c: Omit<Candidate, 'halves'>) => void): void {
  if (t.status === 'approved' || t.grade === 'general') return;
  const last = t.end_date < today ? t.end_date : today;
  eachDate(t.start_date, last, (d) =>
    push({ personId: t.person_id, personName: t.name, date: d, ground: 'A1', ruleId: 'TRIP-01', basis: '科级以上干部公出未经审批领导事前签字', leaveId: null, tripId: t.id }),
  );
}

function reportedOnly(cal: WorkingCalendar, leaves: LeaveLite[], trips: TripLite[], today: string, year: number): Reported[] {
  const out: Reported[] = [];
  for (const l of leaves) {
    if (l.status !== 'approved' || !l.report_back_due || !l.report_back_due.startsWith(String(year))) continue;
    const late = l.reported_on ? l.reported_on > l.report_back_due : today > l.report_back_due;
    if (!late) continue;
    const text = l.reported_on ? `应于${l.report_back_due}前销假，实际${l.reported_on}销假` : `应于${l.report_back_due}前销假，至今未销假`;
    out.push({ personId: l.person_id, personName: l.name, ruleId: 'LEAVE-20', text, leaveId: l.id, tripId: null });
  }
  for (const t of trips) {
    if (!t.returned_on || t.overdue_justified !== false || !t.end_date.startsWith(String(year))) continue;
    const from = addDays(t.end_date, 1);
    const to = addDays(t.returned_on, -1);
    const n = from <= to ? cal.count(from, to) : 0;
    out.push({ personId: t.person_id, personName: t.name, ruleId: 'TRIP-02', text: `公出应于${t.end_date}结束，${t.returned_on}到岗，无正当理由逾期${n}个工作日（计入ATT-05）`, leaveId: null, tripId: t.id });
  }
  return out;
}

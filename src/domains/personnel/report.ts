import { sql } from 'drizzle-orm';
import type { Ctx } from '../../kernel/context';
import { rows } from '../../kernel/db';
import { loadWorkingCalendar, type WorkingCalendar } from '../../kernel/calendar';
import { addDays, localDate } from '../../kernel/time';
import { eachDate } from './days';
import { scopeSql } from './queries';
import { ATT05, ATT06, ATT07, ATT08 } from './rules';
import { FINDING_LABEL, presenceSummary } from './presence';

/**
 * The yearly consequences report of the attendance rules for 综合科 (ATT-05…ATT-08, LEAVE-09/10,
 * LEAVE-20, TRIP-02). Days are working days; a run is not broken by non-working days; half days
 * count 0.5 (CONF-74). All comparisons are in integer half days.
 */
export interface PersonYear {
  personId: string;
  personName: string;
  unitName: string | null;
  absenceDays: number;
  absenceLongestRun: number;
  overdueDays: number;
  /** ATT-05: absence and unexcused overdue days, each day once. */
  att05Days: number;
  att05LongestRun: number;
  personalDays: number;
  sickDays: number;
  lateReportBacks: number;
  /** ATT-02: clock-ins after the start of the day and clock-outs before its end (recorded, never absence). */
  lateTimes: number;
  lateMinutes: number;
  earlyTimes: number;
  earlyMinutes: number;
  /** ATT-04: what the year's spot checks found about this person, summarised for the assessment. */
  spotFindings: number;
  spotSummary: string;
  annualForfeits: string[];
  flags: { ruleId: string; text: string }[];
  /** 年度考核等次 the rules impose: 不称职, 不进行考核, or null. */
  grade: '不称职' | '不进行考核' | null;
  dismissalReview: boolean;
}

type DayMap = Map<string, number>;

/** Total and longest run of a set of absence days, in half days. */
export function runs(cal: WorkingCalendar, days: DayMap): { total: number; longest: number } {
  const dates = [...days.keys()].sort();
  let total = 0;
  let longest = 0;
  let run = 0;
  let prev: string | null = null;
  for (const d of dates) {
    const h = days.get(d)!;
    run = prev && cal.add(prev, 1) === d ? run + h : h;
    total += h;
    longest = Math.max(longest, run);
    prev = d;
  }
  return { total, longest };
}

export async function yearReport(ctx: Ctx, year: number): Promise<PersonYear[]> {
  const cal = await loadWorkingCalendar(ctx.db);
  const people = await rows<{ id: string; name: string; unit_name: string | null }>(
    ctx.db,
    sql`select p.id, p.name, u.name as unit_name from people p left join org_units u on u.id = p.unit_id
        where p.active and ${scopeSql(ctx, sql`p.id`, sql`p.unit_id`, false)} order by p.sort_order, p.id`,
  );
  const absence = await rows<{ person_id: string; date: string; halves: number }>(ctx.db, sql`select person_id, date::text as date, halves from absence_records where status = 'confirmed' and extract(year from date) = ${year}`);
  const overdue = await overdueTrips(ctx, cal, year);
  const ledger = await rows<{ person_id: string; leave_type: string; n: number }>(ctx.db, sql`select person_id, leave_type, -sum(halves)::int as n from leave_ledger where year = ${year} and entry in ('use', 'reversal') group by person_id, leave_type`);
  const late = await rows<{ person_id: string; n: number }>(ctx.db, sql`select person_id, count(*)::int as n from leave_requests where status = 'approved' and extract(year from report_back_due) = ${year}
      and coalesce((reported_back_at at time zone 'Asia/Shanghai')::date, ${localDate(ctx.clock.now())}::date) > report_back_due group by person_id`);
  const forfeits = await rows<{ person_id: string; year: number; kind: string; code: string }>(ctx.db, sql`select person_id, year, kind, code from annual_leave_forfeits where year in (${year}, ${year + 1})`);
  const presence = await presenceSummary(ctx, year);
  return people.map((p) => {
    const punct = presence.punctuality.get(p.id) ?? { lateTimes: 0, lateMinutes: 0, earlyTimes: 0, earlyMinutes: 0 };
    const spot = presence.spot.get(p.id) ?? [];
    const abs: DayMap = new Map(absence.filter((a) => a.person_id === p.id).map((a) => [a.date, a.halves]));
    const over: DayMap = overdue.get(p.id) ?? new Map();
    const union: DayMap = new Map(abs);
    for (const [d, h] of over) union.set(d, Math.max(h, union.get(d) ?? 0));
    const used = (t: string) => ledger.find((l) => l.person_id === p.id && l.leave_type === t)?.n ?? 0;
    return assess({
      personId: p.id,
      personName: p.name,
      unitName: p.unit_name,
      abs: runs(cal, abs),
      att05: runs(cal, union),
      overdueHalves: [...over.values()].reduce((a, b) => a + b, 0),
      personalHalves: used('personal'),
      sickHalves: used('sick'),
      lateReportBacks: late.find((l) => l.person_id === p.id)?.n ?? 0,
      forfeits: forfeits.filter((f) => f.person_id === p.id).map((f) => `${f.year}年（${f.kind === 'next' ? 'LEAVE-10' : 'LEAVE-09'}.${f.code}）`),
      ...punct,
      spotChecks: presence.checks,
      spot: spot.map((f) => `${f.date} ${FINDING_LABEL[f.finding]}${f.explanation ? `（${f.explanation}）` : ''}`),
    });
  });
}

interface Inputs {
  personId: string;
  personName: string;
  unitName: string | null;
  abs: { total: number; longest: number };
  att05: { total: number; longest: number };
  overdueHalves: number;
  personalHalves: number;
  sickHalves: number;
  lateReportBacks: number;
  forfeits: string[];
  lateTimes?: number;
  lateMinutes?: number;
  earlyTimes?: number;
  earlyMinutes?: number;
  /** Spot checks held in the year, and what they found about this person. */
  spotChecks?: number;
  spot?: string[];
}

/** The consequences, as pure arithmetic on half days. */
export function assess(i: Inputs): PersonYear {
  const flags: PersonYear['flags'] = [];
  const over = (halves: number, days: number) => halves > days * 2;
  const att05 = over(i.att05.longest, ATT05.param('consecutiveDays')) || over(i.att05.total, ATT05.param('cumulativeDays'));
  if (att05) flags.push({ ruleId: 'ATT-05', text: `旷工及无正当理由逾期连续${i.att05.longest / 2}天、累计${i.att05.total / 2}天（连续超过${ATT05.param('consecutiveDays')}天或累计超过${ATT05.param('cumulativeDays')}天），年度考核定为不称职` });
  const dismissal = over(i.abs.longest, ATT06.param('consecutiveDays')) || over(i.abs.total, ATT06.param('cumulativeDays'));
  if (dismissal) flags.push({ ruleId: 'ATT-06', text: `无故旷工连续${i.abs.longest / 2}天、年内累计${i.abs.total / 2}天，应启动辞退审查（报办党组）` });
  const band = personalBand(i.personalHalves);
  if (band) flags.push({ ruleId: 'ATT-08', text: band.text });
  const sickFlag = ATT07.param('sickLeaveDashboardFlagDays');
  if (sickFlag > 0 && i.sickHalves >= sickFlag * 2) flags.push({ ruleId: 'ATT-07', text: `病假累计${i.sickHalves / 2}天，请关注是否长期病假不能正常履职` });
  if (i.lateReportBacks) flags.push({ ruleId: 'LEAVE-20', text: `逾期销假${i.lateReportBacks}次（只作统计，不作旷工）` });
  if (i.lateTimes || i.earlyTimes) flags.push({ ruleId: 'ATT-02', text: `迟到${i.lateTimes ?? 0}次共${i.lateMinutes ?? 0}分钟，早退${i.earlyTimes ?? 0}次共${i.earlyMinutes ?? 0}分钟（只作记录，不作旷工）` });
  const spot = i.spot ?? [];
  if (spot.length) flags.push({ ruleId: 'ATT-04', text: `年度工作纪律抽查${i.spotChecks ?? spot.length}次，发现问题${spot.length}次：${spot.join('；')}（与年度考核结果相结合）` });
  const grade = att05 || band?.grade === '不称职' ? '不称职' : band?.grade ?? null;
  return {
    personId: i.personId,
    personName: i.personName,
    unitName: i.unitName,
    absenceDays: i.abs.total / 2,
    absenceLongestRun: i.abs.longest / 2,
    overdueDays: i.overdueHalves / 2,
    att05Days: i.att05.total / 2,
    att05LongestRun: i.att05.longest / 2,
    personalDays: i.personalHalves / 2,
    sickDays: i.sickHalves / 2,
    lateReportBacks: i.lateReportBacks,
    lateTimes: i.lateTimes ?? 0,
    lateMinutes: i.lateMinutes ?? 0,
    earlyTimes: i.earlyTimes ?? 0,
    earlyMinutes: i.earlyMinutes ?? 0,
    spotFindings: spot.length,
    spotSummary: spot.length ? spot.join('；') : i.spotChecks ? `抽查${i.spotChecks}次均在岗` : '',
    annualForfeits: i.forfeits,
    flags,
    grade,
    dismissalReview: dismissal,
  };
}

/** ATT-08 with months of 21.75 working days, compared in hundredths of half days (no floats). */
export function personalBand(halves: number): { grade: '不称职' | '不进行考核'; text: string } | null {
  const month = Math.round(ATT08.param('monthWorkingDays') * 100);
  const three = month * ATT08.param('notAssessedMonths') * 2;
  const six = month * ATT08.param('unfitMonths') * 2;
  const p = halves * 100;
  const m = ATT08.param('monthWorkingDays');
  // Exactly six months falls in the "not assessed" band, the less severe outcome (CONF-69).
  if (p > six) return { grade: '不称职', text: `事假累计${halves / 2}个工作日，超过六个月（${m * ATT08.param('unfitMonths')}个工作日），定为不称职` };
  if (p > three) return { grade: '不进行考核', text: `事假累计${halves / 2}个工作日，超过三个月（${m * ATT08.param('notAssessedMonths')}个工作日）不到六个月，年度不进行考核` };
  return null;
}

/** TRIP-02: overdue working days of trips returned late without a proper reason, per person. */
async function overdueTrips(ctx: Ctx, cal: WorkingCalendar, year: number): Promise<Map<string, DayMap>> {
  const found = await rows<{ person_id: string; end_date: string; returned_on: string }>(
    ctx.db,
    sql`select person_id, end_date::text as end_date, returned_on::text as returned_on from personnel_trips
        where status = 'approved' and overdue_justified = false and returned_on > end_date + 1 and extract(year from returned_on) >= ${year} and end_date <= ${`${year}-12-31`}`,
  );
  const out = new Map<string, DayMap>();
  for (const t of found) {
    const m = out.get(t.person_id) ?? new Map<string, number>();
    eachDate(addDays(t.end_date, 1), addDays(t.returned_on, -1), (d) => {
      if (d.startsWith(String(year)) && cal.day(d).workingDay) m.set(d, 2);
    });
    out.set(t.person_id, m);
  }
  return out;
}

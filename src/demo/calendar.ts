import chineseDays from 'chinese-days';
import type { Ctx } from '../kernel/context';
import type { Module } from '../kernel/module';
import { loadActor } from '../kernel/identity/sessions';
import { findYear } from '../kernel/calendar/store';
import { addFestival, createYear } from '../kernel/calendar/service';
import { publishYear, submitYear } from '../kernel/calendar/publish';
import { isWeekend } from '../kernel/calendar/days';
import { addDays, localDate, type LocalDate } from '../kernel/time';

/**
 * The demo office in December: the next year's 放假安排 (published by the State Council each
 * November or December) is usually not yet in the bundled chinese-days data, and the calendar
 * fails closed (calendar.md §3.3), so a demo started after mid-December could not compute a
 * deadline. The demo therefore enters next year *provisionally* through the real workflow — the
 * 系统管理员 enters and submits, 综合科 publishes (CAL-05) — with only the statutory days of
 * 《全国年节及纪念日放假办法》, a statutory day on a weekend moved to the next weekday, and no
 * 调休. Its source_doc says so. Production never does this: an office enters the real notice.
 */
const STATUTORY: { festival: string; days: number; first: (year: number) => LocalDate }[] = [
  { festival: '元旦', days: 1, first: (y) => `${y}-01-01` },
  { festival: '春节', days: 4, first: (y) => addDays(lunar(y, 1, 1), -1) }, // 除夕 to 初三
  { festival: '清明', days: 1, first: (y) => chineseDays.getSolarTermsInRange(`${y}-04-01`, `${y}-04-10`).find((t) => t.term === 'pure_brightness' && t.index === 1)!.date },
  { festival: '劳动节', days: 2, first: (y) => `${y}-05-01` },
  { festival: '端午', days: 1, first: (y) => lunar(y, 5, 5) },
  { festival: '中秋', days: 1, first: (y) => lunar(y, 8, 15) },
  { festival: '国庆节', days: 3, first: (y) => `${y}-10-01` },
];

/** The solar date of a lunar month/day in the lunar year that starts in `year`. */
function lunar(year: number, month: number, day: number): LocalDate {
  for (let d = `${year}-01-01`; d <= `${year}-12-31`; d = addDays(d, 1)) {
    const l = chineseDays.getLunarDate(d);
    if (l.lunarYear === year && l.lunarMon === month && l.lunarDay === day && !l.isLeap) return d;
  }
  throw new Error(`no lunar ${month}/${day} in ${year}`);
}

/** From `start`, the days off that give `weekdays` weekdays off (a statutory day on a weekend moves on). */
function daysOff(festival: string, start: LocalDate, weekdays: number): { festival: string; start: LocalDate; end: LocalDate } {
  let end = start;
  let off = isWeekend(start) ? 0 : 1;
  while (off < weekdays) {
    end = addDays(end, 1);
    if (!isWeekend(end)) off += 1;
  }
  return { festival, start, end };
}

/** Each festival's days off: from its first statutory day until as many weekdays are off as the law gives. */
export function provisionalFestivals(year: number): { festival: string; start: LocalDate; end: LocalDate }[] {
  const out = STATUTORY.map(({ festival, days, first }) => daysOff(festival, first(year), days));
  // 中秋 close to 国庆 is one holiday, as the notices make it (e.g. 2025).
  const moon = out.find((f) => f.festival === '中秋')!;
  const nation = out.find((f) => f.festival === '国庆节')!;
  if (moon.end < addDays(nation.start, -3)) return out;
  const start = moon.start < nation.start ? moon.start : nation.start;
  return [...out.filter((f) => f !== moon && f !== nation), daysOff('国庆节、中秋', start, 4)];
}

async function as(ctx: Ctx, username: string): Promise<Ctx> {
  const actor = await loadActor(ctx.db, `acct_${username}`, ctx.clock.now());
  if (!actor) throw new Error(`demo account ${username} missing`);
  return { ...ctx, actor, requestId: `demo-${username}` };
}

async function enterProvisionalYear(ctx: Ctx): Promise<void> {
  const today = localDate(ctx.clock.now());
  const year = Number(today.slice(0, 4)) + 1;
  if (today.slice(5, 7) !== '12' || (await findYear(ctx.db, year))) return;
  const admin = await as(ctx, 'weiqiang');
  await createYear(admin, { year, sourceDoc: `演示环境推算（非国务院通知）：仅含法定节假日，不含调休，请以正式通知为准` });
  for (const f of provisionalFestivals(year)) await addFestival(admin, year, { ...f, adjustedWorkdays: [] });
  const acknowledge = ['CAL-01', 'CAL-02', 'CAL-03', 'CAL-04', 'CAL-05', 'CAL-06'];
  await submitYear(admin, year, { acknowledge });
  await publishYear(await as(ctx, 'liuyang'), year, { acknowledge });
}

/** Runs right after the accounts exist and before any area computes a deadline. */
export const demoCalendarModule: Module = { name: 'demo-calendar', seedDemo: enterProvisionalYear };

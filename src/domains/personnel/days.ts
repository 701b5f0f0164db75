import type { WorkingCalendar } from '../../kernel/calendar';
import { addDays } from '../../kernel/time';

/**
 * Counting leave on the office calendar (LEAVE-07, N-3, N-4, N-8). Amounts are integer half
 * days. A range starts on `startDate` (whole day, or only its afternoon: 'pm') and ends on
 * `endDate` (whole day, or only its morning: 'am').
 */
export interface DayRange {
  startDate: string;
  startHalf: 'full' | 'pm';
  endDate: string;
  endHalf: 'full' | 'am';
}

export interface DayCount {
  workingHalves: number;
  calendarHalves: number;
  /** Working half days per calendar year (leave across 31 December is split, GAP-C-LEAVE23). */
  workingByYear: Record<number, number>;
  calendarByYear: Record<number, number>;
}

/** Half days of `date` inside the range (0, 1 or 2), before the working-day filter. */
export function halvesOn(r: DayRange, date: string): number {
  if (date < r.startDate || date > r.endDate) return 0;
  let n = 2;
  if (date === r.startDate && r.startHalf === 'pm') n -= 1;
  if (date === r.endDate && r.endHalf === 'am') n -= 1;
  return n;
}

export function eachDate(from: string, to: string, fn: (d: string) => void): void {
  for (let d = from; d <= to; d = addDays(d, 1)) fn(d);
}

/** Working and calendar half days of a range, day by day on the calendar (fails closed). */
export function countRange(cal: WorkingCalendar, r: DayRange): DayCount {
  const out: DayCount = { workingHalves: 0, calendarHalves: 0, workingByYear: {}, calendarByYear: {} };
  eachDate(r.startDate, r.endDate, (d) => {
    const h = halvesOn(r, d);
    const y = Number(d.slice(0, 4));
    out.calendarHalves += h;
    out.calendarByYear[y] = (out.calendarByYear[y] ?? 0) + h;
    if (cal.day(d).workingDay) {
      out.workingHalves += h;
      out.workingByYear[y] = (out.workingByYear[y] ?? 0) + h;
    }
  });
  return out;
}

/** Working days of the range as a list of [date, halves], for absence and overlap checks. */
export function workingDaysOf(cal: WorkingCalendar, r: DayRange): [string, number][] {
  const out: [string, number][] = [];
  eachDate(r.startDate, r.endDate, (d) => {
    const h = halvesOn(r, d);
    if (h > 0 && cal.day(d).workingDay) out.push([d, h]);
  });
  return out;
}

/** The last date of a leave of n units starting on `start` (LEAVE-14, LEAVE-16 examples). */
export function lastDayOf(cal: WorkingCalendar, start: string, n: number, unit: 'working' | 'calendar'): string {
  if (unit === 'calendar') return addDays(start, n - 1);
  const first = cal.day(start).workingDay ? start : cal.add(start, 1);
  return n <= 1 ? first : cal.add(first, n - 1);
}

/** Days shown to people: half days as a number with at most one decimal (2.5). */
export const days = (halves: number): number => halves / 2;
export const halves = (days: number): number => Math.round(days * 2);

/** Monday of the ISO week of a date (in-service study is limited per calendar week, LEAVE-12 SPL4). */
export function mondayOf(date: string): string {
  const wd = new Date(`${date}T00:00:00Z`).getUTCDay();
  return addDays(date, wd === 0 ? -6 : 1 - wd);
}

/** Completed years of service at `date` (N-6: on or after the anniversary; 29 Feb → 28 Feb). */
export function completedYears(start: string, date: string): number {
  const [sy, sm, sd] = start.split('-').map(Number);
  const [y, m, d] = date.split('-').map(Number);
  let n = y - sy;
  const anniversaryDay = sm === 2 && sd === 29 && !isLeap(y) ? 28 : sd;
  if (m < sm || (m === sm && d < anniversaryDay)) n -= 1;
  return Math.max(0, n);
}

function isLeap(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

/** The anniversary date start + n years (29 Feb → 28 Feb in common years). */
export function anniversary(start: string, n: number): string {
  const [sy, sm, sd] = start.split('-').map(Number);
  const y = sy + n;
  const d = sm === 2 && sd === 29 && !isLeap(y) ? 28 : sd;
  return `${y}-${String(sm).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** The 1st of the month after `date` (“从下月起”, GAP-C-LEAVE12). */
export function firstOfNextMonth(date: string): string {
  const [y, m] = date.split('-').map(Number);
  return m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, '0')}-01`;
}

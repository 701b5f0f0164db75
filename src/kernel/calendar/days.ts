import { addDays, weekday, type LocalDate } from '../time';

/** Pure helpers over calendar rows: names, reasons, grouping. No IO. */

export type RowKind = 'holiday' | 'adjusted_workday';
export type DayKind = 'workday' | 'weekend' | 'holiday' | 'adjusted_workday';

export interface CalendarRow {
  date: LocalDate;
  kind: RowKind;
  festival: string;
  noticeYear: number;
}

export interface DayInfo {
  date: LocalDate;
  workingDay: boolean;
  kind: DayKind;
  festival?: string;
  reason: string;
}

const WEEKDAY_NAMES = ['星期日', '星期一', '星期二', '星期三', '星期四', '星期五', '星期六'];

export function weekdayName(date: LocalDate): string {
  return WEEKDAY_NAMES[weekday(date)];
}

export function isWeekend(date: LocalDate): boolean {
  const w = weekday(date);
  return w === 0 || w === 6;
}

export function yearOf(date: LocalDate): number {
  return Number(date.slice(0, 4));
}

/** Classify one date from its calendar row (if any); the caller has checked the year is published. */
export function describeDay(date: LocalDate, row: CalendarRow | undefined): DayInfo {
  const wd = weekdayName(date);
  if (row?.kind === 'holiday') {
    return { date, workingDay: false, kind: 'holiday', festival: row.festival, reason: `${wd}，${row.festival}放假，非工作日` };
  }
  if (row?.kind === 'adjusted_workday') {
    return { date, workingDay: true, kind: 'adjusted_workday', festival: row.festival, reason: `${wd}，${row.festival}调休上班，为工作日` };
  }
  if (isWeekend(date)) return { date, workingDay: false, kind: 'weekend', reason: `${wd}，周末休息日，非工作日` };
  return { date, workingDay: true, kind: 'workday', reason: `${wd}，工作日` };
}

export interface HolidayPeriod {
  /** Festival names in date order, joined with 、 when one break covers two (国庆节、中秋). */
  festival: string;
  start: LocalDate;
  end: LocalDate;
  days: number;
  noticeYear: number;
  adjustedWorkdays: LocalDate[];
}

/**
 * Group holiday rows into breaks: consecutive dates of one notice form one period, whatever
 * the festival label of each day (2025 labels 10-06 中秋 inside the 国庆 break). The
 * make-up days of the festivals in a break belong to it.
 */
export function holidayPeriods(rows: CalendarRow[]): HolidayPeriod[] {
  const sorted = [...rows].sort((a, b) => a.date.localeCompare(b.date));
  const periods: HolidayPeriod[] = [];
  const names: string[][] = [];
  for (const r of sorted.filter((x) => x.kind === 'holiday')) {
    const last = periods[periods.length - 1];
    if (last && last.noticeYear === r.noticeYear && addDays(last.end, 1) === r.date) {
      last.end = r.date;
      last.days += 1;
      if (!names[names.length - 1].includes(r.festival)) names[names.length - 1].push(r.festival);
      continue;
    }
    periods.push({ festival: '', start: r.date, end: r.date, days: 1, noticeYear: r.noticeYear, adjustedWorkdays: [] });
    names.push([r.festival]);
  }
  periods.forEach((p, i) => {
    p.festival = names[i].join('、');
    p.adjustedWorkdays = sorted
      .filter((x) => x.kind === 'adjusted_workday' && x.noticeYear === p.noticeYear && names[i].includes(x.festival))
      .map((x) => x.date);
  });
  return periods;
}

/** Every date from start to end inclusive (start ≤ end). */
export function dateRange(start: LocalDate, end: LocalDate): LocalDate[] {
  const out: LocalDate[] = [];
  for (let d = start; d <= end; d = addDays(d, 1)) out.push(d);
  return out;
}

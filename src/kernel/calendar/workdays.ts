import type { Db } from '../db';
import { AppError, errors } from '../errors';
import { addDays, isLocalDate, type LocalDate } from '../time';
import { describeDay, yearOf, type DayInfo } from './days';
import { loadSnapshot, type Snapshot } from './snapshot';

/**
 * Working-day maths on the office calendar (calendar.md §3.6, CONFLICTS.md CONF-12).
 * Every function fails closed: a date in a year whose notice is not published — given, or
 * reached while walking — throws CalendarYearNotPublished (422); there is no weekend
 * fallback. The year of a date is its calendar year; late-December rows of the next notice
 * (fact 8) take effect once that notice is published.
 */
export class CalendarYearNotPublished extends AppError {
  constructor(readonly year: number) {
    super(
      'CALENDAR_YEAR_NOT_PUBLISHED',
      422,
      `${year}年的节假日安排尚未发布，无法判断工作日。请系统管理员录入${year}年放假安排，并由另一名管理员审核发布后再试。`,
    );
    this.name = 'CalendarYearNotPublished';
  }
}

/** Synchronous answers over one consistent snapshot, for callers that ask many questions. */
export interface WorkingCalendar {
  day(date: LocalDate): DayInfo;
  add(date: LocalDate, n: number): LocalDate;
  count(from: LocalDate, to: LocalDate): number;
}

export function requireDate(date: string, what = '日期'): LocalDate {
  if (!isLocalDate(date)) throw errors.badRequest(`${what}「${date}」不是有效日期，应为 YYYY-MM-DD 格式，例如 2026-10-10`);
  return date;
}

function requireInteger(n: number, what: string): number {
  if (!Number.isSafeInteger(n)) throw errors.badRequest(`${what}必须是整数`);
  return n;
}

export function workingCalendarOf(snap: Snapshot): WorkingCalendar {
  const day = (date: LocalDate): DayInfo => {
    const year = yearOf(requireDate(date));
    if (!snap.published.has(year)) throw new CalendarYearNotPublished(year);
    return describeDay(date, snap.days.get(date));
  };
  return {
    day,
    add(date, n) {
      day(date);
      const step = requireInteger(n, '工作日天数') < 0 ? -1 : 1;
      let d = date;
      for (let left = Math.abs(n); left > 0; ) {
        d = addDays(d, step);
        if (day(d).workingDay) left -= 1;
      }
      return d;
    },
    count(from, to) {
      day(from);
      day(to);
      if (from > to) throw errors.badRequest(`起始日期 ${from} 晚于截止日期 ${to}`);
      let n = 0;
      for (let d = from; d <= to; d = addDays(d, 1)) if (day(d).workingDay) n += 1;
      return n;
    },
  };
}

/** Load the calendar once (one cheap query when cached) and answer synchronously. */
export async function loadWorkingCalendar(db: Db): Promise<WorkingCalendar> {
  return workingCalendarOf(await loadSnapshot(db));
}

/** Is `date` a working day, with its kind, festival and a Chinese reason. */
export async function isWorkingDay(db: Db, date: LocalDate): Promise<DayInfo> {
  return (await loadWorkingCalendar(db)).day(date);
}

/**
 * date + n working days: n > 0 is the n-th working day strictly after `date` (the date
 * itself is not counted, CONF-12); n < 0 the |n|-th working day strictly before it; n = 0
 * returns `date` unchanged (even when it is not a working day) once its year is published.
 */
export async function addWorkingDays(db: Db, date: LocalDate, n: number): Promise<LocalDate> {
  return (await loadWorkingCalendar(db)).add(date, n);
}

/**
 * Working days from `from` to `to`, both included (e.g. the working days a leave covers).
 * Working days elapsed since an event on d: countWorkingDays(db, d + 1 calendar day, today).
 * Hence countWorkingDays(addDays(d, 1), addWorkingDays(d, n)) === n for n ≥ 1.
 */
export async function countWorkingDays(db: Db, from: LocalDate, to: LocalDate): Promise<number> {
  return (await loadWorkingCalendar(db)).count(from, to);
}

/** The first working day on or after `date` (for deadlines that roll over non-working days). */
export async function workingDayOnOrAfter(db: Db, date: LocalDate): Promise<LocalDate> {
  const cal = await loadWorkingCalendar(db);
  return cal.day(date).workingDay ? date : cal.add(date, 1);
}

export interface Period {
  start: LocalDate;
  end: LocalDate;
}

/**
 * A period of n working days after a notice issued on `noticeDate` (干部公示, PUB-02 /
 * PUB-05): it starts on the first working day after the notice ("第二天为节假日的，以节假日后的
 * 第一个工作日起计算"), skips non-working days, and ends on the n-th working day counted from
 * the start, which is therefore always a working day. Equals noticeDate + n working days.
 */
export async function publicityPeriod(db: Db, noticeDate: LocalDate, workingDays: number): Promise<Period> {
  if (requireInteger(workingDays, '公示天数') < 1) throw errors.badRequest('公示天数至少为1个工作日');
  const cal = await loadWorkingCalendar(db);
  return { start: cal.add(noticeDate, 1), end: cal.add(noticeDate, workingDays) };
}

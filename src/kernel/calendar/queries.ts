import { sql } from 'drizzle-orm';
import { can, type Ctx } from '../context';
import { rows, type Db } from '../db';
import { errors } from '../errors';
import type { Flagged } from '../rules';
import { localDate, type LocalDate } from '../time';
import { holidayPeriods, yearOf, type CalendarRow, type HolidayPeriod } from './days';
import { loadSnapshot } from './snapshot';
import { allYears, findYear, noticeRows, STATUS_LABEL, type YearRecord, type YearStatus } from './store';
import { summarize, yearIssues, type YearSummary } from './summary';

/** Read models for the calendar pages and the workbench. */
export interface YearListItem {
  year: number;
  status: YearStatus;
  statusLabel: string;
  sourceDoc: string;
  origin: string;
  holidayDays: number;
  adjustedWorkdays: number;
  approvedAt: string | null;
}

export async function listYears(ctx: Ctx): Promise<{ years: YearListItem[]; warning: string | null }> {
  const counts = await rows<{ notice_year: number; kind: string; n: number }>(
    ctx.db,
    sql`select notice_year, kind, count(*)::int as n from work_calendar group by notice_year, kind`,
  );
  const count = (y: number, k: string) => counts.find((c) => Number(c.notice_year) === y && c.kind === k)?.n ?? 0;
  const years = (await allYears(ctx.db)).map((y) => ({
    year: y.year,
    status: y.status,
    statusLabel: STATUS_LABEL[y.status],
    sourceDoc: y.sourceDoc,
    origin: y.origin,
    holidayDays: count(y.year, 'holiday'),
    adjustedWorkdays: count(y.year, 'adjusted_workday'),
    approvedAt: y.approvedAt,
  }));
  const published = new Set(years.filter((y) => y.status === 'published').map((y) => y.year));
  return { years, warning: pendingYearWarning(localDate(ctx.clock.now()), published) };
}

/**
 * calendar.md §3.5: from 1 November, warn while next year's notice is not published.
 * Pure, so that the scheduled job and the pages share it.
 */
export function pendingYearWarning(today: LocalDate, published: ReadonlySet<number>): string | null {
  const next = yearOf(today) + 1;
  if (Number(today.slice(5, 7)) < 11 || published.has(next)) return null;
  return `${next}年放假安排尚未发布：届时所有跨入${next}年的工作日计算都会被拒绝。请系统管理员依据国务院办公厅通知录入，并由另一名管理员审核发布。`;
}

export interface YearDetail extends Omit<YearRecord, 'createdBy' | 'submittedBy' | 'approvedBy'> {
  statusLabel: string;
  createdBy: string | null;
  submittedBy: string | null;
  approvedBy: string | null;
  /** Whether the rows of an unpublished year are shown (only to calendar administrators). */
  rowsVisible: boolean;
  days: CalendarRow[];
  periods: HolidayPeriod[];
  summary: YearSummary;
  issues: Flagged[];
}

export async function yearDetail(ctx: Ctx, year: number): Promise<YearDetail> {
  const y = await findYear(ctx.db, year);
  if (!y) throw errors.notFound(`${year}年度放假安排`);
  const rowsVisible = y.status === 'published' || can(ctx, 'calendar.edit') || can(ctx, 'calendar.publish');
  const own: CalendarRow[] = rowsVisible ? (await noticeRows(ctx.db, year)).map(({ enteredBy: _e, ...r }) => r) : [];
  const next = await findYear(ctx.db, year + 1);
  // Late-December rows of next year's notice change days of this year once published (fact 8).
  const fromNext = next?.status === 'published' ? (await noticeRows(ctx.db, year + 1)).filter((r) => yearOf(r.date) === year) : [];
  const names = await displayNames(ctx.db, [y.createdBy, y.submittedBy, y.approvedBy]);
  return {
    ...y,
    statusLabel: STATUS_LABEL[y.status],
    createdBy: names(y.createdBy),
    submittedBy: names(y.submittedBy),
    approvedBy: names(y.approvedBy),
    rowsVisible,
    days: [...own, ...fromNext.map(({ enteredBy: _e, ...r }) => r)].sort((a, b) => a.date.localeCompare(b.date)),
    periods: holidayPeriods(own),
    summary: summarize(year, own),
    issues: y.status === 'published' ? [] : yearIssues(year, own),
  };
}

async function displayNames(db: Db, ids: (string | null)[]): Promise<(id: string | null) => string | null> {
  const wanted = ids.filter((x): x is string => Boolean(x));
  const found = wanted.length
    ? await rows<{ id: string; display_name: string }>(
        db,
        sql`select id, display_name from accounts where id in (${sql.join(wanted.map((w) => sql`${w}`), sql`, `)})`,
      )
    : [];
  return (id) => (id ? (found.find((f) => f.id === id)?.display_name ?? id) : null);
}

export interface Upcoming {
  from: LocalDate;
  /** Last date the published notices cover without a gap from `from`; null when from's year is unpublished. */
  publishedThrough: LocalDate | null;
  holidays: HolidayPeriod[];
}

/** The next holiday breaks (including one under way on `from`), for the workbench. */
export async function upcomingHolidays(db: Db, from: LocalDate, limit: number): Promise<Upcoming> {
  const snap = await loadSnapshot(db);
  let last = yearOf(from) - 1;
  while (snap.published.has(last + 1)) last += 1;
  const publishedThrough = last >= yearOf(from) ? `${last}-12-31` : null;
  const periods = holidayPeriods([...snap.days.values()])
    .filter((p) => p.end >= from && publishedThrough !== null && p.start <= publishedThrough)
    .slice(0, limit);
  return { from, publishedThrough, holidays: periods };
}

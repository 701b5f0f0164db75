import { sql } from 'drizzle-orm';
import { rows, type Db } from '../db';
import { AppError, errors } from '../errors';
import { newId } from '../ids';
import type { CalendarRow, RowKind } from './days';

/** Reads and small writes of the calendar tables shared by the commands and the queries. */
export type YearStatus = 'draft' | 'review' | 'published';

export const STATUS_LABEL: Record<YearStatus, string> = { draft: '草稿', review: '待审核', published: '已发布' };

export interface YearRecord {
  year: number;
  status: YearStatus;
  sourceDoc: string;
  origin: string;
  createdBy: string | null;
  submittedBy: string | null;
  approvedBy: string | null;
  approvedAt: string | null;
  returnNote: string | null;
}

export interface StoredRow extends CalendarRow {
  enteredBy: string | null;
}

interface YearSqlRow {
  year: number;
  status: YearStatus;
  source_doc: string;
  origin: string;
  created_by: string | null;
  submitted_by: string | null;
  approved_by: string | null;
  approved_at: string | Date | null;
  return_note: string | null;
}

function toYear(r: YearSqlRow): YearRecord {
  return {
    year: Number(r.year),
    status: r.status,
    sourceDoc: r.source_doc,
    origin: r.origin,
    createdBy: r.created_by,
    submittedBy: r.submitted_by,
    approvedBy: r.approved_by,
    approvedAt: r.approved_at ? new Date(r.approved_at).toISOString() : null,
    returnNote: r.return_note,
  };
}

export async function findYear(db: Db, year: number, forUpdate = false): Promise<YearRecord | null> {
  const lock = forUpdate ? sql` for update` : sql``;
  const [r] = await rows<YearSqlRow>(db, sql`select * from calendar_year where year = ${year}${lock}`);
  return r ? toYear(r) : null;
}

export async function allYears(db: Db): Promise<YearRecord[]> {
  return (await rows<YearSqlRow>(db, sql`select * from calendar_year order by year`)).map(toYear);
}

/** The year, locked for the rest of the transaction; 404 when it does not exist. */
export async function lockYear(db: Db, year: number): Promise<YearRecord> {
  const found = await findYear(db, year, true);
  if (!found) throw errors.notFound(`${year}年度放假安排`);
  return found;
}

export function requireStatus(y: YearRecord, status: YearStatus, action: string): void {
  if (y.status !== status) {
    throw errors.conflict(`${y.year}年度放假安排当前为「${STATUS_LABEL[y.status]}」，只有「${STATUS_LABEL[status]}」状态才能${action}`);
  }
}

export async function noticeRows(db: Db, year: number): Promise<StoredRow[]> {
  const found = await rows<{ date: string; kind: RowKind; festival: string; notice_year: number; entered_by: string | null }>(
    db,
    sql`select date::text as date, kind, festival, notice_year, entered_by from work_calendar where notice_year = ${year} order by date`,
  );
  return found.map((r) => ({ date: r.date, kind: r.kind, festival: r.festival, noticeYear: Number(r.notice_year), enteredBy: r.entered_by }));
}

/** Rows already stored on any of `dates`, with the notice they belong to. */
export async function rowsOn(db: Db, dates: string[]): Promise<{ date: string; noticeYear: number }[]> {
  if (dates.length === 0) return [];
  const list = sql.join(dates.map((d) => sql`${d}::date`), sql`, `);
  const found = await rows<{ date: string; notice_year: number }>(
    db,
    sql`select date::text as date, notice_year from work_calendar where date in (${list})`,
  );
  return found.map((r) => ({ date: r.date, noticeYear: Number(r.notice_year) }));
}

/** Give the year a new revision so every server reloads its copy of the calendar. */
export async function touchYear(db: Db, year: number): Promise<void> {
  await db.execute(sql`update calendar_year set revision = ${newId('calrev')} where year = ${year}`);
}

export function yearEmpty(year: number): AppError {
  return errors.unprocessable('CALENDAR_YEAR_EMPTY', `${year}年度尚未录入任何放假或调休上班日期，不能提交审核或发布`);
}

import { sql } from 'drizzle-orm';
import { rows, type Db } from '../db';
import type { CalendarRow, RowKind } from './days';

/**
 * The effective calendar in memory: which years are published and the rows of published
 * notices. Several server processes may share one PostgreSQL database, so every read first
 * fetches a fingerprint of `calendar_year` (year:status:revision of every year, ~25 short
 * rows, one round trip) and reuses the cached copy only when it is unchanged. Revisions are
 * random ids, never counters, so a copy built inside a transaction that later rolls back
 * can never match a fingerprint committed afterwards.
 */
export interface Snapshot {
  fingerprint: string;
  published: ReadonlySet<number>;
  days: ReadonlyMap<string, CalendarRow>;
}

const MAX_CACHED = 4; // a few databases per process (tests); one in production
const cache = new Map<string, Snapshot>();

export async function loadSnapshot(db: Db): Promise<Snapshot> {
  const fingerprint = await readFingerprint(db);
  const hit = cache.get(fingerprint);
  if (hit) return hit;
  // Fingerprint first, rows second: a write committed in between only makes the copy
  // newer than its key, and the next call's fingerprint differs and reloads it.
  const snap = await readSnapshot(db, fingerprint);
  if (cache.size >= MAX_CACHED) cache.delete(cache.keys().next().value as string);
  cache.set(fingerprint, snap);
  return snap;
}

async function readFingerprint(db: Db): Promise<string> {
  const [row] = await rows<{ fp: string | null }>(
    db,
    sql`select string_agg(year::text || ':' || status || ':' || revision, ',' order by year) as fp from calendar_year`,
  );
  return row?.fp ?? '';
}

async function readSnapshot(db: Db, fingerprint: string): Promise<Snapshot> {
  const years = await rows<{ year: number }>(db, sql`select year from calendar_year where status = 'published'`);
  const found = await rows<{ date: string; kind: RowKind; festival: string; notice_year: number }>(
    db,
    sql`select w.date::text as date, w.kind, w.festival, w.notice_year from work_calendar w
        join calendar_year y on y.year = w.notice_year and y.status = 'published'`,
  );
  const days = new Map<string, CalendarRow>();
  for (const r of found) days.set(r.date, { date: r.date, kind: r.kind, festival: r.festival, noticeYear: Number(r.notice_year) });
  return { fingerprint, published: new Set(years.map((y) => Number(y.year))), days };
}

/** For tests and after bulk maintenance: forget every cached copy. */
export function clearCalendarCache(): void {
  cache.clear();
}

import { and, gte, isNull, lte, or, type SQL } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';

/**
 * Date ranges of holdings, assignments and acting arrangements are inclusive on both ends;
 * an open end (null) runs forever. 'YYYY-MM-DD' strings compare correctly as text.
 */
export interface DateRange {
  startDate: string;
  endDate: string | null;
}

export function coversDate(r: DateRange, date: string): boolean {
  return r.startDate <= date && (r.endDate === null || r.endDate >= date);
}

/** SQL: the row's range covers `date`. */
export function activeOn(start: PgColumn, end: PgColumn, date: string): SQL {
  return and(lte(start, date), or(isNull(end), gte(end, date))) as SQL;
}

/** SQL: the row's range overlaps [startDate, endDate]. */
export function overlapping(start: PgColumn, end: PgColumn, range: DateRange): SQL {
  const startsInTime = range.endDate === null ? undefined : lte(start, range.endDate);
  return and(startsInTime, or(isNull(end), gte(end, range.startDate))) as SQL;
}

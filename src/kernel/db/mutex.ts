import { sql } from 'drizzle-orm';
import type { Db } from './index';

/**
 * Hold the named mutex until the surrounding transaction ends. For serialising work that has
 * no natural row to lock: a year's budget before it is set, a reminder sweep, a per-series
 * counter. It is a row of `kernel_mutexes` locked by an upsert (one statement, whether or not
 * the row existed), not an advisory lock: data-and-performance.md §3 keeps advisory locks
 * out of correctness so that the same SQL runs on distributed PostgreSQL engines.
 * Outside a transaction the lock ends with the statement, so call it inside `withTx`.
 */
export async function lockNamed(db: Db, key: string): Promise<void> {
  await db.execute(sql`insert into kernel_mutexes (key) values (${key}) on conflict (key) do update set key = excluded.key`);
}

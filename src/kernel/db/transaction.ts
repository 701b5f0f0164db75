import type { Db } from './index';

const RETRYABLE = new Set(['40001', '40P01']);

/**
 * Run `work` in one transaction, retrying on serialization failure and deadlock
 * (SQLSTATE 40001 / 40P01), as data-and-performance.md §3 asks.
 */
export async function inTransaction<T>(
  db: Db,
  work: (tx: Db) => Promise<T>,
  opts: { isolationLevel?: 'read committed' | 'repeatable read' | 'serializable'; retries?: number } = {},
): Promise<T> {
  const retries = opts.retries ?? 5;
  for (let attempt = 0; ; attempt++) {
    try {
      // Pass a config only when there is one: drizzle-orm/pglite turns any config object,
      // even `{ isolationLevel: undefined }`, into a bare `set transaction`, a syntax error.
      const config = opts.isolationLevel ? { isolationLevel: opts.isolationLevel } : undefined;
      return await db.transaction(async (tx) => work(tx as unknown as Db), config);
    } catch (err) {
      const code = sqlState(err);
      if (code && RETRYABLE.has(code) && attempt < retries) {
        await new Promise((r) => setTimeout(r, 5 + Math.random() * 20 * (attempt + 1)));
        continue;
      }
      throw err;
    }
  }
}

export function sqlState(err: unknown): string | undefined {
  let e: unknown = err;
  for (let i = 0; i < 4 && e; i++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code)) return code;
    e = (e as { cause?: unknown }).cause;
  }
  return undefined;
}

import { sql } from 'drizzle-orm';
import { rows, type Db } from '../db';

/** Read an office setting, falling back to the documented default. */
export async function getSetting<T>(db: Db, key: string, fallback: T): Promise<T> {
  const [row] = await rows<{ value: T }>(db, sql`select value from settings where key = ${key}`);
  if (!row) return fallback;
  if (fallback && typeof fallback === 'object' && !Array.isArray(fallback)) return { ...fallback, ...(row.value as object) } as T;
  return row.value;
}

export async function putSetting(db: Db, key: string, value: unknown, updatedBy: string | null): Promise<void> {
  await db.execute(sql`insert into settings (key, value, updated_by, updated_at) values (${key}, ${JSON.stringify(value)}::jsonb, ${updatedBy}, now())
    on conflict (key) do update set value = excluded.value, updated_by = excluded.updated_by, updated_at = now()`);
}

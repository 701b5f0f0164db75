import { sql } from 'drizzle-orm';
import { rows } from '../db';
import type { TestApp } from '../../../test/support/app';

/** Small helpers for the org tests: requests as a demo user, and row counts. */
export function client(t: TestApp) {
  const cookies = new Map<string, string>();
  const cookie = async (user: string) => {
    if (!cookies.has(user)) cookies.set(user, await t.cookieFor(user));
    return cookies.get(user) as string;
  };
  return {
    async get(user: string, url: string) {
      return t.app.inject({ method: 'GET', url: `/api/v1${url}`, headers: { cookie: await cookie(user) } });
    },
    async post(user: string, url: string, payload: unknown) {
      return t.app.inject({ method: 'POST', url: `/api/v1${url}`, headers: { cookie: await cookie(user) }, payload: payload as object });
    },
    async patch(user: string, url: string, payload: unknown) {
      return t.app.inject({ method: 'PATCH', url: `/api/v1${url}`, headers: { cookie: await cookie(user) }, payload: payload as object });
    },
  };
}

/**
 * A digest of every row of the org tables and the audit log: "bad input changes nothing"
 * compares two of these, so an update in place is caught as well as an insert.
 */
export async function snapshot(t: TestApp): Promise<Record<string, string>> {
  const tables = ['org_units', 'people', 'post_holdings', 'leadership_assignments', 'acting_arrangements', 'audit_log'];
  const out: Record<string, string> = {};
  for (const table of tables) {
    // Audit rows are sealed in place by a background job, so only their number is compared.
    const digest = table === 'audit_log' ? sql`''` : sql`coalesce(md5(string_agg(x::text, '|' order by x::text)), '')`;
    const [r] = await rows<{ d: string | null }>(t.database.db, sql`select count(*) || ':' || ${digest} as d from ${sql.identifier(table)} x`);
    out[table] = r.d ?? '';
  }
  return out;
}

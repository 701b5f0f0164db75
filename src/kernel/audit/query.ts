import { sql, type SQL } from 'drizzle-orm';
import { rows, type Db } from '../db';
import { addDays, isLocalDate } from '../time';
import type { AuditOutcome } from './write';

/** Filters of the audit log viewer; every one optional. */
export interface AuditFilter {
  /** ISO instant, or a local date (YYYY-MM-DD, from its start in Asia/Shanghai). */
  from?: string;
  /** ISO instant (inclusive), or a local date (the whole day included). */
  to?: string;
  /** Login name of the actor (case-insensitive). */
  actor?: string;
  /** Event name prefix, e.g. `auth.` or `audit.read`. */
  event?: string;
  objectType?: string;
  objectId?: string;
  outcome?: AuditOutcome;
}

export interface AuditEventOut {
  id: number;
  at: string;
  /** The same instant in the office's zone, for display and export. */
  atLocal: string;
  actorAccountId: string | null;
  actorUsername: string | null;
  actorRole: string | null;
  sourceIp: string | null;
  event: string;
  objectType: string | null;
  objectId: string | null;
  outcome: string;
  requestId: string | null;
  detail: Record<string, unknown> | null;
  seq: number | null;
}

const startOf = (d: string) => `${d}T00:00:00+08:00`;
const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

export function filterWhere(f: AuditFilter): SQL {
  const parts: SQL[] = [sql`true`];
  if (f.from) parts.push(sql`a.at >= ${isLocalDate(f.from) ? startOf(f.from) : f.from}::timestamptz`);
  if (f.to) {
    parts.push(isLocalDate(f.to) ? sql`a.at < ${startOf(addDays(f.to, 1))}::timestamptz` : sql`a.at <= ${f.to}::timestamptz`);
  }
  if (f.actor) parts.push(sql`lower(a.actor_username) = lower(${f.actor})`);
  if (f.event) parts.push(sql`a.event like ${`${escapeLike(f.event)}%`}`);
  if (f.objectType) parts.push(sql`a.object_type = ${f.objectType}`);
  if (f.objectId) parts.push(sql`a.object_id = ${f.objectId}`);
  if (f.outcome) parts.push(sql`a.outcome = ${f.outcome}`);
  return sql.join(parts, sql` and `);
}

const OUT_COLUMNS = sql.raw(`a.id::text as id,
  to_char(a.at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as at,
  to_char(a.at at time zone 'Asia/Shanghai', 'YYYY-MM-DD HH24:MI:SS') as at_local,
  a.actor_account_id, a.actor_username, a.actor_role, a.source_ip, a.event, a.object_type,
  a.object_id, a.outcome, a.request_id, a.detail, a.seq::text as seq`);

interface RawRow {
  id: string;
  at: string;
  at_local: string;
  actor_account_id: string | null;
  actor_username: string | null;
  actor_role: string | null;
  source_ip: string | null;
  event: string;
  object_type: string | null;
  object_id: string | null;
  outcome: string;
  request_id: string | null;
  detail: Record<string, unknown> | string | null;
  seq: string | null;
}

function toOut(r: RawRow): AuditEventOut {
  return {
    id: Number(r.id),
    at: r.at,
    atLocal: r.at_local,
    actorAccountId: r.actor_account_id,
    actorUsername: r.actor_username,
    actorRole: r.actor_role,
    sourceIp: r.source_ip,
    event: r.event,
    objectType: r.object_type,
    objectId: r.object_id,
    outcome: r.outcome,
    requestId: r.request_id,
    // node-postgres parses jsonb; keep a string fallback for drivers that do not.
    detail: typeof r.detail === 'string' ? (JSON.parse(r.detail) as Record<string, unknown>) : r.detail,
    seq: r.seq === null ? null : Number(r.seq),
  };
}

/** One page of the filtered log, newest first. */
export async function listAuditEvents(db: Db, f: AuditFilter, page: number, pageSize: number) {
  const where = filterWhere(f);
  const [count] = await rows<{ n: number }>(db, sql`select count(*)::int as n from audit_log a where ${where}`);
  const items = await rows<RawRow>(
    db,
    sql`select ${OUT_COLUMNS} from audit_log a where ${where}
      order by a.at desc, a.id desc limit ${pageSize} offset ${(page - 1) * pageSize}`,
  );
  return { total: count?.n ?? 0, items: items.map(toOut) };
}

/**
 * The filtered log, newest first, in batches (keyset on (at, id)), for exports that must not
 * hold the whole log in memory.
 */
export async function* streamAuditEvents(db: Db, f: AuditFilter, batch = 2000): AsyncGenerator<AuditEventOut[]> {
  const where = filterWhere(f);
  let key: { at: string; id: string } | null = null;
  for (;;) {
    const after: SQL = key ? sql`(a.at, a.id) < (${key.at}::timestamptz, ${key.id}::bigint)` : sql`true`;
    const page = await rows<RawRow & { at_key: string }>(
      db,
      sql`select ${OUT_COLUMNS}, to_char(a.at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as at_key
        from audit_log a where ${where} and ${after} order by a.at desc, a.id desc limit ${batch}`,
    );
    if (page.length === 0) return;
    yield page.map(toOut);
    const last = page[page.length - 1]!;
    key = { at: last.at_key, id: last.id };
    if (page.length < batch) return;
  }
}

/** The actor's own recent activity (工作台): what they did, newest first. */
export async function myRecentActivity(db: Db, accountId: string, limit: number): Promise<AuditEventOut[]> {
  const items = await rows<RawRow>(
    db,
    sql`select ${OUT_COLUMNS} from audit_log a where a.actor_account_id = ${accountId}
      order by a.at desc, a.id desc limit ${limit}`,
  );
  return items.map(toOut);
}

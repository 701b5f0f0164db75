import { createHash, randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { Db } from '../db';
import { rows } from '../db';
import type { Actor } from '../context';
import { getSetting } from '../settings';

export const SESSION_COOKIE = 'gc_sid';

export interface SessionPolicy {
  /** Minutes without a request after which the session ends (security.md: idle timeout). */
  idleMinutes: number;
  /** Hours after login after which the session ends whatever the activity. */
  absoluteHours: number;
}

export const DEFAULT_SESSION_POLICY: SessionPolicy = { idleMinutes: 30, absoluteHours: 12 };

function tokenHash(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export async function createSession(
  db: Db,
  accountId: string,
  now: Date,
  meta: { ip?: string; userAgent?: string } = {},
): Promise<string> {
  const policy = await getSetting(db, 'session.policy', DEFAULT_SESSION_POLICY);
  const token = randomBytes(32).toString('base64url');
  const expires = new Date(now.getTime() + policy.absoluteHours * 3600_000);
  await db.execute(sql`insert into sessions (id, account_id, created_at, last_seen_at, expires_at, ip, user_agent)
    values (${tokenHash(token)}, ${accountId}, ${now.toISOString()}, ${now.toISOString()}, ${expires.toISOString()}, ${meta.ip ?? null}, ${meta.userAgent ?? null})`);
  return token;
}

export async function deleteSession(db: Db, token: string): Promise<void> {
  await db.execute(sql`delete from sessions where id = ${tokenHash(token)}`);
}

interface SessionRow {
  account_id: string;
  last_seen_at: string | Date;
  expires_at: string | Date;
}

/**
 * The account behind a session token, or null when the token is unknown, idle too long or
 * past its absolute lifetime (then the session row is removed). Touches last_seen_at at
 * most once a minute so that reads do not turn into a write per request.
 */
export async function resolveSession(db: Db, token: string, now: Date): Promise<string | null> {
  const id = tokenHash(token);
  const [row] = await rows<SessionRow>(
    db,
    sql`select s.account_id, s.last_seen_at, s.expires_at from sessions s
        join accounts a on a.id = s.account_id and a.status = 'active'
        where s.id = ${id}`,
  );
  if (!row) return null;
  const policy = await getSetting(db, 'session.policy', DEFAULT_SESSION_POLICY);
  const lastSeen = new Date(row.last_seen_at).getTime();
  const expired = new Date(row.expires_at).getTime() <= now.getTime();
  const idle = now.getTime() - lastSeen > policy.idleMinutes * 60_000;
  if (expired || idle) {
    await db.execute(sql`delete from sessions where id = ${id}`);
    return null;
  }
  if (now.getTime() - lastSeen > 60_000) {
    await db.execute(sql`update sessions set last_seen_at = ${now.toISOString()} where id = ${id}`);
  }
  return row.account_id;
}

interface ActorRow {
  id: string;
  username: string;
  display_name: string;
  person_id: string | null;
  unit_id: string | null;
  roles: string[] | null;
  permissions: string[] | null;
  admin_kind: string | null;
  scopes: string[] | null;
}

/** Load the actor (roles, permissions, units, data scope) for an account. */
export async function loadActor(db: Db, accountId: string): Promise<Actor | null> {
  const [row] = await rows<ActorRow>(
    db,
    sql`select a.id, a.username, a.display_name, a.person_id, p.unit_id,
          array(select r.code from account_roles ar join roles r on r.id = ar.role_id where ar.account_id = a.id order by r.code) as roles,
          array(select distinct rp.permission from account_roles ar join role_permissions rp on rp.role_id = ar.role_id where ar.account_id = a.id) as permissions,
          (select ar.admin_kind from account_roles ar where ar.account_id = a.id and ar.admin_kind <> 'none' limit 1) as admin_kind,
          array(select distinct r.scope from account_roles ar join roles r on r.id = ar.role_id where ar.account_id = a.id) as scopes
        from accounts a left join people p on p.id = a.person_id
        where a.id = ${accountId}`,
  );
  if (!row) return null;
  const scopes = row.scopes ?? [];
  return {
    accountId: row.id,
    username: row.username,
    displayName: row.display_name,
    personId: row.person_id,
    unitIds: row.unit_id ? [row.unit_id] : [],
    roles: row.roles ?? [],
    permissions: new Set(row.permissions ?? []),
    adminKind: (row.admin_kind as Actor['adminKind']) ?? null,
    scope: scopes.includes('all') ? 'all' : scopes.includes('unit') ? 'unit' : 'self',
  };
}

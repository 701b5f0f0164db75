import { createHash, randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { Db } from '../db';
import { rows } from '../db';
import type { Actor } from '../context';
import { getSetting } from '../settings';
import { audit } from '../audit/write';
import { localDate, systemClock } from '../time';

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

/** End every session of an account except `keepToken` (password change, disable: SECREQ-07). */
export async function deleteAccountSessions(db: Db, accountId: string, keepToken?: string): Promise<void> {
  const keep = keepToken ? tokenHash(keepToken) : '';
  await db.execute(sql`delete from sessions where account_id = ${accountId} and id <> ${keep}`);
}

interface SessionRow {
  account_id: string;
  created_at: string | Date;
  last_seen_at: string | Date;
  expires_at: string | Date;
}

/**
 * The account behind a session token, or null when the token is unknown, idle too long or
 * past its absolute lifetime (then the session row is removed). Touches last_seen_at at
 * most once a minute so that reads do not turn into a write per request.
 */
export async function resolveSession(
  db: Db,
  token: string,
  now: Date,
  request: { ip: string; requestId: string } = { ip: '', requestId: '' },
): Promise<string | null> {
  const id = tokenHash(token);
  const [row] = await rows<SessionRow>(
    db,
    sql`select s.account_id, s.created_at, s.last_seen_at, s.expires_at from sessions s
        join accounts a on a.id = s.account_id and a.status = 'active'
        where s.id = ${id}`,
  );
  if (!row) return null;
  const policy = await getSetting(db, 'session.policy', DEFAULT_SESSION_POLICY);
  if (await endIfTimedOut(db, id, row, policy, now, request)) return null;
  return row.account_id;
}

interface ActorRow {
  must_change_password: boolean;
  id: string;
  username: string;
  display_name: string;
  person_id: string | null;
  unit_ids: string[] | null;
  roles: string[] | null;
  permissions: string[] | null;
  admin_kind: string | null;
  scopes: string[] | null;
}

/** The actor as the HTTP layer loads it: also whether the password must be changed first. */
export interface SessionActor extends Actor {
  mustChangePassword: boolean;
}

/**
 * Load the actor (roles, permissions, units, data scope) for an account. The units are the
 * person's own unit and the units of the posts they hold today (a 科长 post in another
 * section counts for 'unit' scope); the scope is the widest any role grants.
 */
/** The actor's columns, for a query over `accounts a left join people p` (one round trip). */
function actorColumns(today: string) {
  return sql`a.id, a.username, a.display_name, a.person_id, a.must_change_password,
          array(select u from (select p.unit_id as u union
                  select ph.unit_id from post_holdings ph where ph.person_id = a.person_id and ph.unit_id is not null
                    and ph.start_date <= ${today}::date and (ph.end_date is null or ph.end_date >= ${today}::date)) x
                where u is not null order by u) as unit_ids,
          array(select r.code from account_roles ar join roles r on r.id = ar.role_id where ar.account_id = a.id order by r.code) as roles,
          array(select distinct rp.permission from account_roles ar join role_permissions rp on rp.role_id = ar.role_id where ar.account_id = a.id) as permissions,
          (select ar.admin_kind from account_roles ar where ar.account_id = a.id and ar.admin_kind <> 'none' limit 1) as admin_kind,
          array(select distinct r.scope from account_roles ar join roles r on r.id = ar.role_id where ar.account_id = a.id) as scopes`;
}

export async function loadActor(db: Db, accountId: string, now: Date = new Date()): Promise<SessionActor | null> {
  const [row] = await rows<ActorRow>(
    db,
    sql`select ${actorColumns(localDate(now))} from accounts a left join people p on p.id = a.person_id where a.id = ${accountId}`,
  );
  return row ? toActor(row) : null;
}

/**
 * The session and its actor in one query: every API request pays for this, so the session,
 * the office's session policy and the actor's roles, permissions and units come back in a
 * single round trip (P1). Expired or idle sessions end here, audited, as in resolveSession.
 */
export async function resolveSessionActor(
  db: Db,
  token: string,
  now: Date,
  request: { ip: string; requestId: string },
): Promise<SessionActor | null> {
  const id = tokenHash(token);
  const [row] = await rows<ActorRow & SessionRow & { session_policy: Partial<SessionPolicy> | null }>(
    db,
    sql`select s.account_id, s.created_at, s.last_seen_at, s.expires_at,
          (select value from settings where key = 'session.policy') as session_policy,
          ${actorColumns(localDate(now))}
        from sessions s join accounts a on a.id = s.account_id and a.status = 'active'
        left join people p on p.id = a.person_id
        where s.id = ${id}`,
  );
  if (!row) return null;
  const policy = { ...DEFAULT_SESSION_POLICY, ...(row.session_policy ?? {}) };
  if (await endIfTimedOut(db, id, row, policy, now, request)) return null;
  return toActor(row);
}

/** End a session past its idle or absolute limit (audited); otherwise touch it at most once a minute. */
async function endIfTimedOut(
  db: Db,
  id: string,
  row: SessionRow,
  policy: SessionPolicy,
  now: Date,
  request: { ip: string; requestId: string },
): Promise<boolean> {
  const lastSeen = new Date(row.last_seen_at).getTime();
  // The absolute lifetime follows the current policy too, so shortening it takes effect at once.
  const expired =
    new Date(row.expires_at).getTime() <= now.getTime() ||
    now.getTime() - new Date(row.created_at).getTime() >= policy.absoluteHours * 3600_000;
  const idle = now.getTime() - lastSeen > policy.idleMinutes * 60_000;
  if (expired || idle) {
    await db.execute(sql`delete from sessions where id = ${id}`);
    // security.md 8.1.4.3 a: a timeout is an audited event like a logout.
    await audit(
      { db, actor: null, ip: request.ip, requestId: request.requestId, clock: systemClock },
      { event: 'auth.session.timeout', objectType: 'account', objectId: row.account_id, detail: { reason: expired ? 'absolute' : 'idle' } },
    );
    return true;
  }
  if (now.getTime() - lastSeen > 60_000) {
    await db.execute(sql`update sessions set last_seen_at = ${now.toISOString()} where id = ${id}`);
  }
  return false;
}

function toActor(row: ActorRow): SessionActor {
  const scopes = row.scopes ?? [];
  return {
    accountId: row.id,
    username: row.username,
    displayName: row.display_name,
    personId: row.person_id,
    unitIds: row.unit_ids ?? [],
    roles: row.roles ?? [],
    permissions: new Set(row.permissions ?? []),
    adminKind: (row.admin_kind as Actor['adminKind']) ?? null,
    scope: scopes.includes('all') ? 'all' : scopes.includes('unit') ? 'unit' : 'self',
    mustChangePassword: row.must_change_password,
  };
}

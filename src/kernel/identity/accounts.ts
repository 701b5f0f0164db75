import { sql } from 'drizzle-orm';
import { rows } from '../db';
import { sqlState } from '../db/transaction';
import { requireActor, withTx, type Ctx } from '../context';
import { errors } from '../errors';
import { audit } from '../audit/write';
import { putSetting } from '../settings';
import { hashPassword, oneTimePassword } from './passwords';
import { SECURITY_POLICY_KEY, type SecurityPolicy } from './policy';
import { getSecurityPolicy, insertAccount, storePassword } from './store';
import { DEFAULT_SESSION_POLICY, deleteAccountSessions, type SessionPolicy } from './sessions';
import { getSetting } from '../settings';

/** The 系统管理员's account work (security.md §3.2) and the 安全管理员's unlock and policy. */

export interface AccountView {
  id: string;
  username: string;
  displayName: string;
  personId: string | null;
  personName: string | null;
  unitName: string | null;
  status: 'active' | 'disabled';
  mustChangePassword: boolean;
  lockedUntil: string | null;
  lastLoginAt: string | null;
  createdAt: string;
  roles: string[];
  adminKind: 'system' | 'security' | 'audit' | null;
}

const iso = (v: string | Date | null) => (v === null ? null : new Date(v).toISOString());

export async function listAccounts(ctx: Ctx, q?: string): Promise<AccountView[]> {
  const like = `%${(q ?? '').trim().toLowerCase()}%`;
  const list = await rows<{
    id: string; username: string; display_name: string; person_id: string | null; person_name: string | null; unit_name: string | null;
    status: 'active' | 'disabled'; must_change_password: boolean; locked_until: string | Date | null; last_login_at: string | Date | null;
    created_at: string | Date; roles: string[] | null; admin_kind: AccountView['adminKind'];
  }>(
    ctx.db,
    sql`select a.id, a.username, a.display_name, a.person_id, p.name as person_name, u.name as unit_name, a.status,
          a.must_change_password, a.locked_until, a.last_login_at, a.created_at,
          array(select r.name from account_roles ar join roles r on r.id = ar.role_id where ar.account_id = a.id order by r.code) as roles,
          (select ar.admin_kind from account_roles ar where ar.account_id = a.id and ar.admin_kind <> 'none' limit 1) as admin_kind
        from accounts a left join people p on p.id = a.person_id left join org_units u on u.id = p.unit_id
        where lower(a.username) like ${like} or lower(a.display_name) like ${like} or coalesce(lower(u.name), '') like ${like}
        order by a.username limit 500`,
  );
  const now = ctx.clock.now().getTime();
  return list.map((a) => ({
    id: a.id,
    username: a.username,
    displayName: a.display_name,
    personId: a.person_id,
    personName: a.person_name,
    unitName: a.unit_name,
    status: a.status,
    mustChangePassword: a.must_change_password,
    lockedUntil: a.locked_until && new Date(a.locked_until).getTime() > now ? iso(a.locked_until) : null,
    lastLoginAt: iso(a.last_login_at),
    createdAt: iso(a.created_at)!,
    roles: a.roles ?? [],
    adminKind: a.admin_kind ?? null,
  }));
}

export async function listPeopleOptions(ctx: Ctx): Promise<{ id: string; name: string; unitName: string | null; linkedUsername: string | null }[]> {
  const list = await rows<{ id: string; name: string; unit_name: string | null; linked: string | null }>(
    ctx.db,
    sql`select p.id, p.name, u.name as unit_name, (select a.username from accounts a where a.person_id = p.id) as linked
        from people p left join org_units u on u.id = p.unit_id where p.active order by u.name nulls first, p.name`,
  );
  return list.map((p) => ({ id: p.id, name: p.name, unitName: p.unit_name, linkedUsername: p.linked }));
}

async function assertPersonFree(ctx: Ctx, personId: string, exceptAccount?: string): Promise<void> {
  const [person] = await rows<{ linked: string | null }>(
    ctx.db,
    sql`select (select a.username from accounts a where a.person_id = p.id and a.id <> ${exceptAccount ?? ''}) as linked from people p where p.id = ${personId}`,
  );
  if (!person) throw errors.notFound('人员');
  if (person.linked) throw errors.conflict(`该人员已关联账号 ${person.linked}`);
}

/** Create an account with a one-time password (must change at first login); roles are the 安全管理员's to assign. */
export async function createAccount(
  ctx: Ctx,
  input: { username: string; displayName: string; personId?: string | null },
): Promise<{ account: AccountView; oneTimePassword: string }> {
  requireActor(ctx);
  const username = input.username.trim().toLowerCase();
  const password = oneTimePassword();
  const hash = await hashPassword(password);
  try {
    const id = await withTx(ctx, async (tx) => {
      const [dup] = await rows(tx.db, sql`select 1 from accounts where lower(username) = ${username}`);
      if (dup) throw errors.conflict('用户名已存在（用户名不区分大小写）');
      if (input.personId) await assertPersonFree(tx, input.personId);
      const id = await insertAccount(tx.db, { username, displayName: input.displayName, personId: input.personId, passwordHash: hash, mustChangePassword: true }, ctx.clock.now());
      await audit(tx, { event: 'account.create', objectType: 'account', objectId: id, detail: { username, displayName: input.displayName, personId: input.personId ?? null } });
      return id;
    });
    const account = (await listAccounts(ctx, username)).find((a) => a.id === id)!;
    return { account, oneTimePassword: password };
  } catch (err) {
    // Two concurrent creations: the database's case-insensitive unique index decides (SECREQ-01).
    if (sqlState(err) === '23505') throw errors.conflict('用户名已存在（用户名不区分大小写）');
    throw err;
  }
}

interface TargetRow {
  id: string;
  username: string;
  status: string;
  admin_kind: string | null;
}

/**
 * The 系统管理员 manages ordinary accounts and fellow system administrators. Disabling or
 * resetting the 安全管理员 or 审计管理员 would hand the system admin their powers, so that is
 * refused (三员分立), as is acting on one's own account.
 */
async function manageableTarget(ctx: Ctx, id: string): Promise<TargetRow> {
  const actor = requireActor(ctx);
  const [t] = await rows<TargetRow>(
    ctx.db,
    sql`select a.id, a.username, a.status,
          (select ar.admin_kind from account_roles ar where ar.account_id = a.id and ar.admin_kind <> 'none' limit 1) as admin_kind
        from accounts a where a.id = ${id} for update`,
  );
  if (!t) throw errors.notFound('账号');
  if (t.id === actor.accountId) throw errors.forbidden('不能对本人账号执行此操作');
  if (t.admin_kind === 'security' || t.admin_kind === 'audit') {
    throw errors.forbidden('三员分立：系统管理员不能停用安全管理员、审计管理员的账号或重置其密码');
  }
  return t;
}

export async function setAccountStatus(ctx: Ctx, id: string, status: 'active' | 'disabled'): Promise<void> {
  await withTx(ctx, async (tx) => {
    const t = await manageableTarget(tx, id);
    if (t.status === status) return;
    await tx.db.execute(sql`update accounts set status = ${status}, failed_logins = 0 where id = ${id}`);
    // SECREQ-07 / ASVS 7.4.2: disabling ends the account's sessions at once.
    if (status === 'disabled') await deleteAccountSessions(tx.db, id);
    await audit(tx, { event: status === 'disabled' ? 'account.disable' : 'account.enable', objectType: 'account', objectId: id, detail: { username: t.username } });
  });
}

/** Reset to a one-time password shown once to the system administrator; sessions end. */
export async function resetPassword(ctx: Ctx, id: string): Promise<{ oneTimePassword: string }> {
  const password = oneTimePassword();
  const hash = await hashPassword(password);
  await withTx(ctx, async (tx) => {
    const t = await manageableTarget(tx, id);
    await storePassword(tx.db, id, hash, true, ctx.clock.now());
    await deleteAccountSessions(tx.db, id);
    await audit(tx, { event: 'account.password.reset', objectType: 'account', objectId: id, detail: { username: t.username } });
  });
  return { oneTimePassword: password };
}

export async function linkPerson(ctx: Ctx, id: string, personId: string | null): Promise<void> {
  requireActor(ctx);
  try {
    await withTx(ctx, async (tx) => {
      const [t] = await rows<{ username: string; person_id: string | null }>(tx.db, sql`select username, person_id from accounts where id = ${id} for update`);
      if (!t) throw errors.notFound('账号');
      if (personId) await assertPersonFree(tx, personId, id);
      await tx.db.execute(sql`update accounts set person_id = ${personId} where id = ${id}`);
      await audit(tx, { event: 'account.person.link', objectType: 'account', objectId: id, detail: { username: t.username, from: t.person_id, to: personId } });
    });
  } catch (err) {
    if (sqlState(err) === '23505') throw errors.conflict('该人员已关联其他账号');
    throw err;
  }
}

/** The 安全管理员 lifts a lockout before it runs out (security.md 8.1.4.1 b). */
export async function unlockAccount(ctx: Ctx, id: string): Promise<void> {
  requireActor(ctx);
  await withTx(ctx, async (tx) => {
    const [t] = await rows<{ username: string }>(tx.db, sql`select username from accounts where id = ${id} for update`);
    if (!t) throw errors.notFound('账号');
    await tx.db.execute(sql`update accounts set failed_logins = 0, locked_until = null where id = ${id}`);
    await audit(tx, { event: 'account.unlock', objectType: 'account', objectId: id, detail: { username: t.username } });
  });
}

export interface PoliciesView {
  password: SecurityPolicy;
  session: SessionPolicy;
}

export async function getPolicies(ctx: Ctx): Promise<PoliciesView> {
  return { password: await getSecurityPolicy(ctx.db), session: await getSetting(ctx.db, 'session.policy', DEFAULT_SESSION_POLICY) };
}

/** Password, lockout and session policy: a configuration change by the 安全管理员, audited with before and after (security.md §6.2 item 6). */
export async function updatePolicies(ctx: Ctx, next: PoliciesView): Promise<void> {
  const actor = requireActor(ctx);
  await withTx(ctx, async (tx) => {
    const before = await getPolicies(tx);
    await putSetting(tx.db, SECURITY_POLICY_KEY, next.password, actor.accountId);
    await putSetting(tx.db, 'session.policy', next.session, actor.accountId);
    await audit(tx, { event: 'security.policy.update', objectType: 'setting', objectId: SECURITY_POLICY_KEY, detail: { before, after: next } });
  });
}

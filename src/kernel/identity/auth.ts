import { sql } from 'drizzle-orm';
import { rows } from '../db';
import { requireActor, withTx, type Ctx } from '../context';
import { AppError, errors } from '../errors';
import { audit } from '../audit/write';
import { OFFICE_TIME_ZONE } from '../time';
import { burnVerify, hashPassword, needsRehash, verifyPassword } from './passwords';
import { passwordExpired, passwordViolations } from './policy';
import { getSecurityPolicy, storePassword, usedRecently } from './store';
import { createSession, deleteAccountSessions, deleteSession, loadActor, type SessionActor } from './sessions';

/** One message for every wrong username or password, so that a login never reveals who has an account. */
export const BAD_CREDENTIALS_MESSAGE = '用户名或密码错误';

const badCredentials = () => new AppError('BAD_CREDENTIALS', 401, BAD_CREDENTIALS_MESSAGE);

const clockFormat = new Intl.DateTimeFormat('en-CA', {
  timeZone: OFFICE_TIME_ZONE,
  month: 'numeric',
  day: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/** "11月2日 09:15" in the office's zone, whatever the server's zone. */
function officeClock(at: Date): string {
  const part = (type: string) => clockFormat.formatToParts(at).find((p) => p.type === type)?.value ?? '';
  return `${Number(part('month'))}月${Number(part('day'))}日 ${part('hour')}:${part('minute')}`;
}

function lockedError(until: Date, threshold: number): AppError {
  return new AppError(
    'ACCOUNT_LOCKED',
    423,
    `账号因连续 ${threshold} 次密码错误已被锁定，请于 ${officeClock(until)} 之后再试，或联系安全管理员解锁`,
    undefined,
    { lockedUntil: until.toISOString() },
  );
}

interface AccountRow {
  id: string;
  username: string;
  password_hash: string;
  status: string;
  failed_logins: number;
  locked_until: string | Date | null;
  password_changed_at: string | Date;
  must_change_password: boolean;
}

export interface LoginResult {
  token: string;
  actor: SessionActor;
}

/**
 * Password login (等保 8.1.4.1 a/b; SECREQ-04, -06, -08, -31). Failures are committed
 * (counter, lock, audit record) before the error is thrown, so a refused login is always
 * on record although no business transaction succeeds.
 */
export async function login(ctx: Ctx, input: { username: string; password: string; userAgent?: string }): Promise<LoginResult> {
  const username = input.username.trim();
  const policy = await getSecurityPolicy(ctx.db);
  const now = ctx.clock.now();
  const outcome = await withTx(ctx, async (tx): Promise<LoginResult | { fail: AppError }> => {
    const [acc] = await rows<AccountRow>(
      tx.db,
      sql`select id, username, password_hash, status, failed_logins, locked_until, password_changed_at, must_change_password
          from accounts where lower(username) = lower(${username}) for update`,
    );
    const failure = async (reason: string, extra: Record<string, unknown> = {}) =>
      audit(tx, {
        event: 'auth.login',
        objectType: 'account',
        objectId: acc?.id,
        outcome: 'failure',
        detail: { username: username.slice(0, 64), reason, ...extra },
      });
    if (!acc) {
      await burnVerify(input.password);
      await failure('unknown_user');
      return { fail: badCredentials() };
    }
    const lockedUntil = acc.locked_until ? new Date(acc.locked_until) : null;
    if (lockedUntil && lockedUntil > now) {
      // SECREQ-04: the lock holds even with the right password.
      await failure('locked');
      return { fail: lockedError(lockedUntil, policy.lockoutThreshold) };
    }
    const ok = await verifyPassword(acc.password_hash, input.password);
    if (!ok) {
      const count = acc.failed_logins + 1;
      if (count >= policy.lockoutThreshold) {
        const until = new Date(now.getTime() + policy.lockoutMinutes * 60_000);
        await tx.db.execute(sql`update accounts set failed_logins = 0, locked_until = ${until.toISOString()} where id = ${acc.id}`);
        await failure('bad_password', { failures: count });
        await audit(tx, {
          event: 'auth.lockout',
          objectType: 'account',
          objectId: acc.id,
          outcome: 'success',
          detail: { username: acc.username, failures: count, lockedUntil: until.toISOString() },
        });
        return { fail: lockedError(until, policy.lockoutThreshold) };
      }
      await tx.db.execute(sql`update accounts set failed_logins = ${count} where id = ${acc.id}`);
      await failure('bad_password', { failures: count });
      return { fail: badCredentials() };
    }
    if (acc.status !== 'active') {
      await failure('disabled');
      return { fail: badCredentials() };
    }
    const expired = passwordExpired(policy, new Date(acc.password_changed_at), now);
    const mustChange = acc.must_change_password || expired;
    // SECREQ-31: stronger hash parameters reach each account at its next login.
    const rehash = needsRehash(acc.password_hash) ? await hashPassword(input.password) : null;
    await tx.db.execute(sql`update accounts set failed_logins = 0, locked_until = null, last_login_at = ${now.toISOString()},
      must_change_password = ${mustChange} ${rehash ? sql`, password_hash = ${rehash}` : sql``} where id = ${acc.id}`);
    const token = await createSession(tx.db, acc.id, now, { ip: ctx.ip, userAgent: input.userAgent?.slice(0, 300) });
    const actor = (await loadActor(tx.db, acc.id, now))!;
    await audit({ ...tx, actor }, { event: 'auth.login', objectType: 'account', objectId: acc.id, detail: { mustChangePassword: mustChange, passwordExpired: expired } });
    return { token, actor };
  });
  if ('fail' in outcome) throw outcome.fail;
  return outcome;
}

/** End the current session (SECREQ-07); a missing or stale session is not an error. */
export async function logout(ctx: Ctx, token: string | undefined): Promise<void> {
  await withTx(ctx, async (tx) => {
    if (token) await deleteSession(tx.db, token);
    if (tx.actor) await audit(tx, { event: 'auth.logout', objectType: 'account', objectId: tx.actor.accountId });
  });
}

/**
 * Change one's own password: the old one is checked, the policy and history apply, and all
 * other sessions of the account end (SECREQ-02, SECREQ-07).
 */
export async function changePassword(ctx: Ctx, input: { oldPassword: string; newPassword: string; currentToken?: string }): Promise<void> {
  const actor = requireActor(ctx);
  const policy = await getSecurityPolicy(ctx.db);
  const now = ctx.clock.now();
  const outcome = await withTx(ctx, async (tx): Promise<{ fail: AppError } | null> => {
    const [acc] = await rows<{ password_hash: string }>(tx.db, sql`select password_hash from accounts where id = ${actor.accountId} for update`);
    if (!acc) throw errors.notFound('账号');
    if (!(await verifyPassword(acc.password_hash, input.oldPassword))) {
      await audit(tx, { event: 'auth.password.change', objectType: 'account', objectId: actor.accountId, outcome: 'failure', detail: { reason: 'wrong_old_password' } });
      return { fail: new AppError('WRONG_PASSWORD', 400, '原密码不正确') };
    }
    const problems = passwordViolations(policy, input.newPassword, { username: actor.username });
    if (input.newPassword === input.oldPassword) problems.unshift('新密码不能与原密码相同');
    else if (await usedRecently(tx.db, actor.accountId, input.newPassword, policy.historyCount)) {
      problems.push(`不得与最近 ${policy.historyCount} 次使用过的密码相同`);
    }
    if (problems.length) throw policyError(problems);
    await storePassword(tx.db, actor.accountId, await hashPassword(input.newPassword), false, now);
    await deleteAccountSessions(tx.db, actor.accountId, input.currentToken);
    await audit(tx, { event: 'auth.password.change', objectType: 'account', objectId: actor.accountId });
    return null;
  });
  if (outcome) throw outcome.fail;
}

export function policyError(problems: string[]): AppError {
  return errors.unprocessable('PASSWORD_POLICY', `密码不符合口令策略：${problems.join('；')}`, { problems });
}

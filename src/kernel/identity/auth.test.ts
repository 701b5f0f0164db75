import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { createTestApp, DEMO_PASSWORD, type TestApp } from '../../../test/support/app';
import { rows } from '../db';
import { buildApp } from '../../server/app';
import { BAD_CREDENTIALS_MESSAGE } from './auth';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t?.close());

const login = (username: string, password: string, cookie?: string) =>
  t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password }, headers: cookie ? { cookie } : {} });
const me = (cookie: string) => t.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { cookie } });
const cookieOf = (res: { cookies: { name: string; value: string }[] }) => `gc_sid=${res.cookies.find((c) => c.name === 'gc_sid')!.value}`;
const events = (event: string, objectId?: string) =>
  rows<{ outcome: string; detail: Record<string, unknown> | null; actor_username: string | null }>(
    t.database.db,
    sql`select outcome, detail, actor_username from audit_log where event = ${event} ${objectId ? sql`and object_id = ${objectId}` : sql``} order by id`,
  );

describe('login (等保 8.1.4.1)', () => {
  it('SECREQ-08: a correct login sets an HttpOnly SameSite=Lax session cookie and returns the Me shape', async () => {
    const res = await login('liuyang', DEMO_PASSWORD);
    expect(res.statusCode).toBe(200);
    const c = res.cookies.find((x) => x.name === 'gc_sid')!;
    expect(c.httpOnly).toBe(true);
    expect(c.sameSite).toBe('Lax');
    expect(c.secure).toBeFalsy();
    expect(c.value.length).toBeGreaterThanOrEqual(43); // 32 random bytes, base64url
    const body = res.json();
    expect(body).toMatchObject({ username: 'liuyang', displayName: '刘洋', mustChangePassword: false, demo: true, adminKind: null });
    expect(body.roles).toEqual(expect.arrayContaining(['staff', 'section_chief', 'hub']));
    expect(Object.keys(body).sort()).toEqual(
      ['accountId', 'adminKind', 'demo', 'displayName', 'mustChangePassword', 'permissions', 'personId', 'roles', 'unitName', 'username'].sort(),
    );
    const who = await me(cookieOf(res));
    expect(who.statusCode).toBe(200);
    expect(who.json().username).toBe('liuyang');
    const ok = await events('auth.login', 'acct_liuyang');
    expect(ok.at(-1)).toMatchObject({ outcome: 'success', actor_username: 'liuyang' });
  });

  it('SECREQ-08: the cookie is Secure when the app is configured for HTTPS', async () => {
    const app = await buildApp({ database: t.database, clock: t.clock, config: { demo: true, secureCookies: true } });
    const res = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'mali', password: DEMO_PASSWORD } });
    await app.close();
    expect(res.statusCode).toBe(200);
    expect(res.cookies.find((x) => x.name === 'gc_sid')!.secure).toBe(true);
  });

  it('SECREQ-01: the login id is case-insensitive', async () => {
    expect((await login('  LiuYang ', DEMO_PASSWORD)).statusCode).toBe(200);
  });

  it('SECREQ-08: login rotates the session: the cookie sent with the login stops working', async () => {
    const first = cookieOf(await login('huangjing', DEMO_PASSWORD));
    const second = await login('huangjing', DEMO_PASSWORD, first);
    expect(second.statusCode).toBe(200);
    expect(cookieOf(second)).not.toBe(first);
    expect((await me(first)).statusCode).toBe(401);
  });

  it('wrong password and unknown user get the same 401 and message, and both are audited', async () => {
    const wrong = await login('linfeng', 'Wrong@Password1');
    const unknown = await login('nosuchperson', 'Wrong@Password1');
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.json()).toEqual(unknown.json());
    expect(wrong.json().error.message).toBe(BAD_CREDENTIALS_MESSAGE);
    const failures = await events('auth.login');
    const reasons = failures.filter((f) => f.outcome === 'failure').map((f) => f.detail?.reason);
    expect(reasons).toEqual(expect.arrayContaining(['bad_password', 'unknown_user']));
  });

  it('an unknown user costs a password verification too (no timing shortcut)', async () => {
    const time = async (u: string) => {
      const s = performance.now();
      await login(u, 'Wrong@Password1');
      return performance.now() - s;
    };
    await time('ghost'); // warm the dummy hash
    const known = Math.min(await time('tangning'), await time('tangning'));
    const unknown = Math.min(await time('ghost'), await time('ghost'));
    expect(unknown).toBeGreaterThan(known * 0.4);
  });

  it('bad input is refused with 400 and changes nothing', async () => {
    const before = await rows<{ n: number }>(t.database.db, sql`select count(*)::int n from audit_log`);
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: '', password: 1 } });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.message).toMatch(/提交的内容有误/);
    const after = await rows<{ n: number }>(t.database.db, sql`select count(*)::int n from audit_log`);
    expect(after[0].n).toBe(before[0].n);
  });
});

describe('lockout (SECREQ-04)', () => {
  it('SECREQ-04: 5 failures lock for 15 minutes, even with the right password; then login works again', async () => {
    for (let i = 1; i <= 4; i++) expect((await login('gaowei', `Wrong@${i}xyz`)).statusCode).toBe(401);
    const fifth = await login('gaowei', 'Wrong@5xyz');
    expect(fifth.statusCode).toBe(423);
    expect(fifth.json().error.code).toBe('ACCOUNT_LOCKED');
    expect(fifth.json().error.message).toBe('账号因连续 5 次密码错误已被锁定，请于 11月2日 09:15 之后再试，或联系安全管理员解锁');
    const locked = await login('gaowei', DEMO_PASSWORD);
    expect(locked.statusCode).toBe(423);
    expect((await events('auth.lockout', 'acct_gaowei')).length).toBe(1);
    t.clock.advance(14 * 60_000);
    expect((await login('gaowei', DEMO_PASSWORD)).statusCode).toBe(423);
    t.clock.advance(60_000 + 1000);
    const res = await login('gaowei', DEMO_PASSWORD);
    expect(res.statusCode).toBe(200);
  });

  it('SECREQ-04: a successful login resets the failure count', async () => {
    for (let i = 0; i < 4; i++) await login('xiaoran', 'Wrong@Password1');
    expect((await login('xiaoran', DEMO_PASSWORD)).statusCode).toBe(200);
    for (let i = 0; i < 4; i++) expect((await login('xiaoran', 'Wrong@Password1')).statusCode).toBe(401);
    const [acc] = await rows<{ failed_logins: number; locked_until: unknown }>(
      t.database.db,
      sql`select failed_logins, locked_until from accounts where username = 'xiaoran'`,
    );
    expect(acc).toMatchObject({ failed_logins: 4, locked_until: null });
  });
});

describe('sessions (SECREQ-06, SECREQ-07)', () => {
  it('SECREQ-06: a session idle longer than 30 minutes gets 401, and the timeout is audited', async () => {
    const cookie = await t.cookieFor('xunuo');
    t.clock.advance(29 * 60_000);
    expect((await me(cookie)).statusCode).toBe(200);
    t.clock.advance(29 * 60_000);
    expect((await me(cookie)).statusCode).toBe(200);
    t.clock.advance(31 * 60_000);
    const res = await me(cookie);
    expect(res.statusCode).toBe(401);
    expect(res.json().error.message).toMatch(/登录已失效/);
    expect((await events('auth.session.timeout', 'acct_xunuo')).at(-1)?.detail).toEqual({ reason: 'idle' });
  });

  it('SECREQ-06: a busy session still ends at its absolute lifetime (12 hours)', async () => {
    const cookie = await t.cookieFor('luomin');
    for (let h = 0; h < 11 * 3; h++) {
      t.clock.advance(20 * 60_000);
      expect((await me(cookie)).statusCode, `after ${(h + 1) * 20} min`).toBe(200);
    }
    t.clock.advance(20 * 60_000); // 11 h 20 min
    expect((await me(cookie)).statusCode).toBe(200);
    t.clock.advance(40 * 60_000); // 12 h
    expect((await me(cookie)).statusCode).toBe(401);
  });

  it('SECREQ-07: after logout the old cookie is refused (replay gets 401)', async () => {
    const cookie = cookieOf(await login('xiechen', DEMO_PASSWORD));
    const out = await t.app.inject({ method: 'POST', url: '/api/v1/auth/logout', headers: { cookie } });
    expect(out.statusCode).toBe(200);
    expect((await me(cookie)).statusCode).toBe(401);
    expect((await events('auth.logout', 'acct_xiechen')).length).toBe(1);
  });
});

describe('change password (SECREQ-02, SECREQ-07)', () => {
  const change = (cookie: string, oldPassword: string, newPassword: string) =>
    t.app.inject({ method: 'POST', url: '/api/v1/auth/password', headers: { cookie }, payload: { oldPassword, newPassword } });

  it('SECREQ-02: policy violations are refused with a Chinese message and change nothing', async () => {
    const cookie = await t.cookieFor('hanbing');
    const short = await change(cookie, DEMO_PASSWORD, 'Ab1!');
    expect(short.statusCode).toBe(422);
    expect(short.json().error).toMatchObject({ code: 'PASSWORD_POLICY' });
    expect(short.json().error.message).toMatch(/密码长度不得少于 8 位/);
    const classes = await change(cookie, DEMO_PASSWORD, 'abcdefghijkl');
    expect(classes.json().error.message).toMatch(/至少 3 类/);
    const wrongOld = await change(cookie, 'Not@TheOld1', 'Tq7#mVw2pLz');
    expect(wrongOld.statusCode).toBe(400);
    expect(wrongOld.json().error.message).toBe('原密码不正确');
    expect((await login('hanbing', DEMO_PASSWORD)).statusCode).toBe(200);
  });

  it('SECREQ-07: a change ends the other sessions, keeps this one, and the old password stops working', async () => {
    const a = cookieOf(await login('tangning', DEMO_PASSWORD));
    const b = cookieOf(await login('tangning', DEMO_PASSWORD));
    const res = await change(a, DEMO_PASSWORD, 'Tq7#mVw2pLz');
    expect(res.statusCode).toBe(200);
    expect((await me(a)).statusCode).toBe(200);
    expect((await me(b)).statusCode).toBe(401);
    expect((await login('tangning', DEMO_PASSWORD)).statusCode).toBe(401);
    expect((await login('tangning', 'Tq7#mVw2pLz')).statusCode).toBe(200);
    expect((await events('auth.password.change', 'acct_tangning')).at(-1)?.outcome).toBe('success');
    // History: going back to the previous password is refused.
    const back = await change(a, 'Tq7#mVw2pLz', DEMO_PASSWORD);
    expect(back.statusCode).toBe(422);
    expect(back.json().error.message).toMatch(/最近 5 次/);
  });
});

describe('must change password (SECREQ-03, SECREQ-11)', () => {
  it('SECREQ-03: a password older than 90 days must be changed at next login, and only me/password/logout work until then', async () => {
    await t.database.db.execute(sql`update accounts set password_changed_at = ${new Date(t.clock.now().getTime() - 91 * 86_400_000).toISOString()} where username = 'dongxue'`);
    const res = await login('dongxue', DEMO_PASSWORD);
    expect(res.statusCode).toBe(200);
    expect(res.json().mustChangePassword).toBe(true);
    const cookie = cookieOf(res);
    const blocked = await t.app.inject({ method: 'GET', url: '/api/v1/access/roles', headers: { cookie } });
    expect(blocked.statusCode).toBe(403);
    expect(blocked.json().error.code).toBe('PASSWORD_CHANGE_REQUIRED');
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/auth/password-policy', headers: { cookie } })).statusCode).toBe(200);
    expect((await me(cookie)).json().mustChangePassword).toBe(true);
    const changed = await t.app.inject({ method: 'POST', url: '/api/v1/auth/password', headers: { cookie }, payload: { oldPassword: DEMO_PASSWORD, newPassword: 'Hx9$renewed' } });
    expect(changed.statusCode).toBe(200);
    expect((await me(cookie)).json().mustChangePassword).toBe(false);
    const after = await t.app.inject({ method: 'GET', url: '/api/v1/access/roles', headers: { cookie } });
    expect(after.json().error.code).toBe('FORBIDDEN'); // now the ordinary permission check answers
  });

  it('SECREQ-03: in ASVS mode an old password does not force a change', async () => {
    await t.database.db.execute(sql`insert into settings (key, value) values ('security.policy', ${JSON.stringify({ mode: 'asvs' })}::jsonb)
      on conflict (key) do update set value = excluded.value`);
    await t.database.db.execute(sql`update accounts set password_changed_at = ${new Date(t.clock.now().getTime() - 400 * 86_400_000).toISOString()} where username = 'chengyuan'`);
    const res = await login('chengyuan', DEMO_PASSWORD);
    await t.database.db.execute(sql`delete from settings where key = 'security.policy'`);
    expect(res.json().mustChangePassword).toBe(false);
  });
});

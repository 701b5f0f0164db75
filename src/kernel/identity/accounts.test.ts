import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { createTestApp, DEMO_PASSWORD, type TestApp } from '../../../test/support/app';
import { rows } from '../db';

let t: TestApp;
let sys: string;
let sec: string;
let aud: string;
beforeAll(async () => {
  t = await createTestApp();
  [sys, sec, aud] = await Promise.all([t.cookieFor('weiqiang'), t.cookieFor('qiumin'), t.cookieFor('pengying')]);
});
afterAll(async () => t?.close());

type Method = 'GET' | 'POST' | 'PUT' | 'DELETE';
const call = (cookie: string, method: Method, url: string, payload?: unknown) =>
  t.app.inject({ method, url: `/api/v1${url}`, headers: { cookie }, ...(payload === undefined ? {} : { payload: payload as object }) });
const login = (username: string, password: string) => t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password } });
const count = async (table: string) => (await rows<{ n: number }>(t.database.db, sql.raw(`select count(*)::int n from ${table}`)))[0].n;

describe('accounts: the 系统管理员 (security.md §3.2)', () => {
  it('lists and searches accounts', async () => {
    const res = await call(sys, 'GET', '/accounts?q=liu');
    expect(res.statusCode).toBe(200);
    expect(res.json().accounts.map((a: { username: string }) => a.username)).toContain('liuyang');
  });

  it('SECREQ-11: creates an account with a one-time password that must be changed; SECREQ-01: duplicates in any case fail', async () => {
    const res = await call(sys, 'POST', '/accounts', { username: 'ZhangSan', displayName: '张三' });
    expect(res.statusCode).toBe(200);
    const { account, oneTimePassword } = res.json();
    expect(account).toMatchObject({ username: 'zhangsan', mustChangePassword: true, status: 'active', roles: [] });
    expect(oneTimePassword).toHaveLength(16);
    const first = await login('zhangsan', oneTimePassword);
    expect(first.json().mustChangePassword).toBe(true);
    const dup = await call(sys, 'POST', '/accounts', { username: 'ZHANGSAN', displayName: '另一个张三' });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().error.message).toMatch(/用户名已存在/);
    const created = await rows(t.database.db, sql`select 1 from audit_log where event = 'account.create' and actor_username = 'weiqiang'`);
    expect(created.length).toBe(1);
  });

  it('SECREQ-01: the database itself refuses a username differing only in case', async () => {
    await expect(
      t.database.db.execute(sql`insert into accounts (id, username, display_name, password_hash) values ('acct_dup', 'LIUYANG', 'x', 'y')`),
    ).rejects.toThrow();
  });

  it('bad input changes nothing', async () => {
    const before = await count('accounts');
    for (const body of [{ username: '1bad', displayName: '坏' }, { username: 'ok_name', displayName: '' }, { username: 'a' }]) {
      const res = await call(sys, 'POST', '/accounts', body);
      expect(res.statusCode).toBe(400);
      expect(res.json().error.message).toMatch(/提交的内容有误/);
    }
    expect(await count('accounts')).toBe(before);
  });

  it('SECREQ-07: disabling ends sessions and blocks login with the generic message; enabling restores it', async () => {
    const cookie = await t.cookieFor('xiechen');
    expect((await call(sys, 'POST', '/accounts/acct_xiechen/disable')).statusCode).toBe(200);
    expect((await call(cookie, 'GET', '/auth/me')).statusCode).toBe(401);
    const refused = await login('xiechen', DEMO_PASSWORD);
    expect(refused.statusCode).toBe(401);
    expect(refused.json().error.message).toBe('用户名或密码错误');
    expect((await call(sys, 'POST', '/accounts/acct_xiechen/enable')).statusCode).toBe(200);
    expect((await login('xiechen', DEMO_PASSWORD)).statusCode).toBe(200);
  });

  it('resets a password to a one-time password (shown once) that must be changed', async () => {
    const old = await t.cookieFor('dongxue');
    const res = await call(sys, 'POST', '/accounts/acct_dongxue/reset-password');
    expect(res.statusCode).toBe(200);
    const otp = res.json().oneTimePassword;
    expect((await call(old, 'GET', '/auth/me')).statusCode).toBe(401);
    expect((await login('dongxue', DEMO_PASSWORD)).statusCode).toBe(401);
    const first = await login('dongxue', otp);
    expect(first.json().mustChangePassword).toBe(true);
  });

  it('三员分立: the system admin cannot disable or reset the security or audit admin, nor act on their own account', async () => {
    for (const url of ['/accounts/acct_qiumin/reset-password', '/accounts/acct_pengying/disable', '/accounts/acct_weiqiang/disable']) {
      const res = await call(sys, 'POST', url);
      expect(res.statusCode, url).toBe(403);
    }
    expect((await login('qiumin', DEMO_PASSWORD)).statusCode).toBe(200);
  });

  it('links an account to a person; a person already linked is refused', async () => {
    const created = (await call(sys, 'POST', '/accounts', { username: 'linktest', displayName: '关联测试' })).json().account;
    const people = (await call(sys, 'GET', '/accounts/people')).json().people as { id: string; linkedUsername: string | null }[];
    const taken = people.find((p) => p.linkedUsername === 'liuyang');
    if (taken) {
      const res = await call(sys, 'PUT', `/accounts/${created.id}/person`, { personId: taken.id });
      expect(res.statusCode).toBe(409);
    }
    const free = people.find((p) => !p.linkedUsername);
    if (free) {
      expect((await call(sys, 'PUT', `/accounts/${created.id}/person`, { personId: free.id })).statusCode).toBe(200);
    }
    expect((await call(sys, 'PUT', `/accounts/${created.id}/person`, { personId: 'psn_nobody' })).statusCode).toBe(404);
  });
});

describe('SECREQ-13: the three administrators have disjoint powers', () => {
  it('the security and audit admins and ordinary staff cannot manage accounts', async () => {
    const staff = await t.cookieFor('mali');
    for (const cookie of [sec, aud, staff]) {
      expect((await call(cookie, 'GET', '/accounts')).statusCode).toBe(403);
      expect((await call(cookie, 'POST', '/accounts', { username: 'intruder', displayName: '入侵' })).statusCode).toBe(403);
    }
    const denied = await rows(t.database.db, sql`select 1 from audit_log where event = 'access.denied' and actor_username = 'pengying'`);
    expect(denied.length).toBeGreaterThan(0);
  });

  it('the audit admin can read the audit log but change nothing', async () => {
    const who = (await call(aud, 'GET', '/auth/me')).json();
    expect(who.permissions).toEqual(expect.arrayContaining(['audit.read', 'audit.verify']));
    expect(who.adminKind).toBe('audit');
    const attempts: [Method, string, unknown][] = [
      ['PUT', '/security/policy', { password: { mode: 'asvs', minLength: 8, minClasses: 1, maxAgeDays: 0, historyCount: 0, lockoutThreshold: 5, lockoutMinutes: 15 }, session: { idleMinutes: 30, absoluteHours: 12 } }],
      ['POST', '/accounts/acct_mali/unlock', undefined],
      ['PUT', '/access/accounts/acct_mali/roles', { roles: ['staff'] }],
      ['POST', '/access/roles', { code: 'x_role', name: '审计试建', scope: 'self' }],
      ['POST', '/accounts/acct_mali/disable', undefined],
    ];
    for (const [m, url, body] of attempts) expect((await call(aud, m, url, body)).statusCode, url).toBe(403);
  });
});

describe('the 安全管理员: unlock and policy', () => {
  it('SECREQ-04: the security admin unlocks a locked account; the system admin cannot', async () => {
    for (let i = 0; i < 5; i++) await login('zhutao', 'Wrong@Password1');
    expect((await login('zhutao', DEMO_PASSWORD)).statusCode).toBe(423);
    const list = (await call(sec, 'GET', '/access/accounts?q=zhutao')).json().accounts;
    expect(list[0].lockedUntil).toBeTruthy();
    expect((await call(sys, 'POST', '/accounts/acct_zhutao/unlock')).statusCode).toBe(403);
    expect((await call(sec, 'POST', '/accounts/acct_zhutao/unlock')).statusCode).toBe(200);
    expect((await login('zhutao', DEMO_PASSWORD)).statusCode).toBe(200);
    expect((await rows(t.database.db, sql`select 1 from audit_log where event = 'account.unlock' and actor_username = 'qiumin'`)).length).toBe(1);
  });

  it('SECREQ-02: the security admin tightens the policy and it applies; bad values change nothing', async () => {
    const current = (await call(sec, 'GET', '/security/policy')).json();
    expect(current.password).toMatchObject({ mode: 'dengbao', lockoutThreshold: 5, lockoutMinutes: 15 });
    const bad = await call(sec, 'PUT', '/security/policy', { ...current, password: { ...current.password, minLength: 4 } });
    expect(bad.statusCode).toBe(400);
    expect((await call(sec, 'GET', '/security/policy')).json()).toEqual(current);
    const next = { ...current, password: { ...current.password, minLength: 14 } };
    expect((await call(sec, 'PUT', '/security/policy', next)).statusCode).toBe(200);
    const fenglei = await t.cookieFor('fenglei');
    const res = await call(fenglei, 'POST', '/auth/password', { oldPassword: DEMO_PASSWORD, newPassword: 'Tq7#mVw2pLz' });
    expect(res.statusCode).toBe(422);
    expect(res.json().error.message).toMatch(/不得少于 14 位/);
    expect((await call(sys, 'PUT', '/security/policy', current)).statusCode).toBe(403);
    expect((await call(sec, 'PUT', '/security/policy', current)).statusCode).toBe(200);
    const audited = await rows(t.database.db, sql`select 1 from audit_log where event = 'security.policy.update'`);
    expect(audited.length).toBe(2);
  });
});

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { sql } from 'drizzle-orm';
import { createTestDatabase } from '../../../test/support/db';
import { TestClock } from '../../../test/support/app';
import { rows, type Database } from '../db';
import { buildApp } from '../../server/app';
import { initCommand, initOffice } from '../../cli/init';
import { serveCommand } from '../../cli/serve';
import { isInitialised } from './bootstrap';
import { DEFAULT_SECURITY_POLICY, passwordViolations } from './policy';

let database: Database;
const clock = new TestClock();
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => database?.close());

describe('guicheng init (SECREQ-11)', () => {
  it('SECREQ-11: creates the three administrators with random one-time passwords that must be changed, and refuses a second run', async () => {
    expect(await isInitialised(database.db)).toBe(false);
    const admins = await initOffice(database.db, clock);
    expect(admins.map((a) => [a.username, a.role])).toEqual([
      ['sysadmin', 'sysadmin'],
      ['secadmin', 'secadmin'],
      ['auditadmin', 'auditadmin'],
    ]);
    expect(new Set(admins.map((a) => a.password)).size).toBe(3);
    for (const a of admins) expect(passwordViolations(DEFAULT_SECURITY_POLICY, a.password)).toEqual([]);
    const accounts = await rows<{ username: string; must_change_password: boolean; password_hash: string; roles: string[] }>(
      database.db,
      sql`select a.username, a.must_change_password, a.password_hash,
            array(select r.code from account_roles ar join roles r on r.id = ar.role_id where ar.account_id = a.id) as roles
          from accounts a order by a.username`,
    );
    expect(accounts).toHaveLength(3);
    for (const a of accounts) {
      expect(a.must_change_password).toBe(true);
      expect(a.password_hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/); // SECREQ-31
      expect(a.roles).toHaveLength(1);
    }
    expect(await isInitialised(database.db)).toBe(true);
    await expect(initOffice(database.db, clock)).rejects.toThrow(/已经初始化/);
    expect((await rows(database.db, sql`select 1 from accounts`)).length).toBe(3);

    // The one-time password logs in, and nothing but the password change is open until it is changed.
    const app = await buildApp({ database, clock });
    const login = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'secadmin', password: admins[1].password } });
    expect(login.statusCode).toBe(200);
    expect(login.json()).toMatchObject({ mustChangePassword: true, adminKind: 'security', demo: false });
    const cookie = `gc_sid=${login.cookies.find((c) => c.name === 'gc_sid')!.value}`;
    const blocked = await app.inject({ method: 'GET', url: '/api/v1/access/roles', headers: { cookie } });
    expect(blocked.json().error.code).toBe('PASSWORD_CHANGE_REQUIRED');
    await app.close();
  });

  it('refuses two administrators with one username', async () => {
    await expect(initOffice(database.db, clock, { system: 'same', security: 'same', audit: 'other' })).rejects.toThrow(/三个不同的账号/);
  });
});

describe('the guicheng command on an embedded database', () => {
  const saved = { DATA_DIR: process.env.DATA_DIR, DATABASE_URL: process.env.DATABASE_URL };
  let dir: string;
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gc-init-'));
    process.env.DATA_DIR = dir;
    delete process.env.DATABASE_URL;
  });
  afterAll(() => {
    process.env.DATA_DIR = saved.DATA_DIR;
    if (saved.DATABASE_URL) process.env.DATABASE_URL = saved.DATABASE_URL;
    if (!saved.DATA_DIR) delete process.env.DATA_DIR;
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('SECREQ-11: serve without --demo refuses an uninitialised database; init prints one-time passwords once and refuses to run twice', async () => {
    await expect(serveCommand.run({ demo: false }, [])).rejects.toThrow(/npm run guicheng -- init/);
    const log = vi.spyOn(console, 'log').mockImplementation(() => undefined);
    try {
      await initCommand.run({ sysadmin: 'xitong', secadmin: 'anquan', auditadmin: 'shenji' }, []);
      const printed = log.mock.calls.map((c) => String(c[0])).join('\n');
      expect(printed).toMatch(/xitong/);
      expect(printed).toMatch(/一次性密码 \S{16}/);
      await expect(initCommand.run({ sysadmin: 'xitong', secadmin: 'anquan', auditadmin: 'shenji' }, [])).rejects.toThrow(/已经初始化/);
    } finally {
      log.mockRestore();
    }
  });
});

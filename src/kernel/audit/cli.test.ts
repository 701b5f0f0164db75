import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../test/support/db';
import { openDatabase, type Database } from '../db';
import { migrateDatabase } from '../db/migrate';
import { runAuditVerify } from '../../cli/audit-verify';
import { sealAuditLog } from './seal';
import { asAttacker, closeTestDatabase, sealAll, writeRecords } from './test-helpers';

const run = promisify(execFile);
const root = path.resolve(import.meta.dirname, '../../..');

/** Run `guicheng audit-verify` as a separate process; resolve with its exit code and output. */
async function cli(env: Record<string, string>, args: string[] = []) {
  const base = { ...process.env };
  delete base.DATABASE_URL;
  try {
    const r = await run(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'audit-verify', ...args], { cwd: root, env: { ...base, ...env } });
    return { code: 0, out: r.stdout };
  } catch (err) {
    const e = err as { code: number; stdout: string; stderr: string };
    return { code: e.code, out: e.stdout + e.stderr };
  }
}

describe('guicheng audit-verify', () => {
  let database: Database;
  beforeAll(async () => {
    database = await createTestDatabase();
    await writeRecords(database, 4);
    await sealAll(database);
  });
  afterAll(async () => closeTestDatabase(database));

  it('prints the report in Chinese and returns 0 for an intact chain, 1 for a broken one', async () => {
    const out: string[] = [];
    expect(await runAuditVerify(database, {}, (s) => out.push(s))).toBe(0);
    expect(out.join('\n')).toMatch(/已校验记录：4 条[\s\S]*结论：通过/);
    await asAttacker(database, `update audit_log set event = 'x' where seq = 2`);
    out.length = 0;
    expect(await runAuditVerify(database, {}, (s) => out.push(s))).toBe(1);
    expect(out.join('\n')).toMatch(/序号 2[\s\S]*记录被篡改[\s\S]*结论：未通过/);
  });

  it('returns 1 for records unsealed too long, and --seal links them first', async () => {
    await asAttacker(database, `update audit_log set event = 'test.event.1' where seq = 2`);
    await writeRecords(database, 1, 'late');
    const quiet = () => undefined;
    expect(await runAuditVerify(database, { maxUnsealedSeconds: 0 }, quiet)).toBe(1);
    // --seal links the late record first (retried: on a shared server another session's
    // transaction may hold sealing back for a moment).
    let code = 1;
    for (let i = 0; i < 200 && code !== 0; i++) code = await runAuditVerify(database, { maxUnsealedSeconds: 0, seal: true }, quiet);
    expect(code).toBe(0);
  });
});

describe.skipIf(Boolean(process.env.DATABASE_URL))('guicheng audit-verify as a process (embedded database)', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gc-audit-cli-'));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('exits 0 on an intact chain and 1 once a record is tampered with', async () => {
    let database = await openDatabase({ dataDir: dir });
    await migrateDatabase(database);
    await writeRecords(database, 3);
    await sealAuditLog(database);
    await database.close();

    const ok = await cli({ DATA_DIR: dir });
    expect(ok.out).toContain('结论：通过');
    expect(ok.code).toBe(0);

    database = await openDatabase({ dataDir: dir });
    await asAttacker(database, `delete from audit_log where seq = 2`);
    await database.close();
    const broken = await cli({ DATA_DIR: dir });
    expect(broken.out).toMatch(/记录缺失/);
    expect(broken.code).toBe(1);
  });
});

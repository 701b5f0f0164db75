import fs from 'node:fs';
import { spawnSync } from 'node:child_process';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/kernel/db';
import { DataDirLockedError, lockDataDir } from '../../src/kernel/db/lock';
import {
  cleanup,
  freePort,
  lockFile,
  makeTempDir,
  removeTemplate,
  seededDataDir,
  SKIP_ON_SERVER,
  SKIP_REASON,
  spawnServer,
  spawnTs,
  waitHealthy,
} from './helpers';

// P8 (second half): a second process on the same DATA_DIR is refused.
// These spawn servers: ~10–20 s each on an idle 2-core machine, 3–4x that when the box is busy.
describe.skipIf(SKIP_ON_SERVER)(`DATA_DIR lock — ${SKIP_ON_SERVER ? SKIP_REASON : 'embedded PGlite'}`, { timeout: 150_000 }, () => {
  afterEach(cleanup);
  afterAll(removeTemplate);

  it('refuses a second server on the same folder, keeps the first serving, reopens after a graceful stop', async () => {
    const dir = await seededDataDir('lock');
    const [portA, portB] = [await freePort(), await freePort()];
    const first = spawnServer(dir, portA);
    await waitHealthy(first, portA);
    expect(fs.readFileSync(lockFile(dir), 'utf8')).toMatch(new RegExp(`^${first.pid}\\b`));

    const second = spawnServer(dir, portB);
    const code = await second.exited;
    expect(code).not.toBe(0);
    expect(second.stderr()).toContain(`已被进程 ${first.pid} 占用`);
    expect(second.stderr()).toContain('同一数据目录不能同时由两个进程打开');
    const health = await fetch(`http://127.0.0.1:${portA}/api/v1/health`);
    expect(health.status).toBe(200);
    // The refused process must not have disturbed the lock either.
    expect(fs.readFileSync(lockFile(dir), 'utf8')).toMatch(new RegExp(`^${first.pid}\\b`));

    first.proc.kill('SIGTERM');
    expect(await first.exited).toBe(0);
    expect(fs.existsSync(lockFile(dir))).toBe(false);

    const third = spawnServer(dir, portB);
    await waitHealthy(third, portB);
    third.proc.kill('SIGTERM');
    expect(await third.exited).toBe(0);
  });

  it('takes over the stale lock of a server killed with SIGKILL', async () => {
    const dir = await seededDataDir('stale');
    const port = await freePort();
    const victim = spawnServer(dir, port);
    await waitHealthy(victim, port);
    victim.proc.kill('SIGKILL');
    await victim.exited;
    // The lock is still there, naming a process that no longer runs.
    expect(fs.readFileSync(lockFile(dir), 'utf8')).toMatch(new RegExp(`^${victim.pid}\\b`));

    const database = await openDatabase({ dataDir: dir });
    try {
      const [row] = await database.query<{ n: number }>("select count(*)::int as n from settings where key = 'demo.seeded'");
      expect(row?.n).toBe(1);
      expect(fs.readFileSync(lockFile(dir), 'utf8')).toMatch(new RegExp(`^${process.pid}\\b`));
    } finally {
      await database.close();
    }
    expect(fs.existsSync(lockFile(dir))).toBe(false);
  });

  it('lets exactly one of several simultaneous starters take over a stale lock', async () => {
    const dir = makeTempDir('race');
    // A pid that certainly does not run: a child that has already exited.
    const gone = spawnSync(process.execPath, ['-e', '0']);
    fs.writeFileSync(lockFile(dir), `${gone.pid}\n`);
    const startAt = Date.now() + 2_500; // after the racers have loaded
    const racers = Array.from({ length: 4 }, () =>
      spawnTs('test/db/fixtures/lock-holder.ts', [dir, String(startAt), '1500'], {}),
    );
    await Promise.all(racers.map((r) => r.exited));
    const outcomes = racers.map((r) => r.stdout().trim()).sort();
    expect(outcomes).toEqual(['LOCKED', 'REFUSED', 'REFUSED', 'REFUSED']);
  });

});

// The lock file itself, without a database: runs on either engine.
describe('lockDataDir', () => {
  afterEach(cleanup);

  it('treats a lock whose pid now belongs to another process (pid reuse) as stale', () => {
    const dir = makeTempDir('reuse');
    // The parent process runs, but it started at another time than the stamp says.
    fs.writeFileSync(lockFile(dir), `${process.ppid} 00000000-0000-0000-0000-000000000000:1\n`);
    const lock = lockDataDir(dir);
    lock.release();
    expect(fs.existsSync(lockFile(dir))).toBe(false);
  });

  it('refuses a second open of the same folder inside one process', async () => {
    const dir = makeTempDir('inproc');
    const lock = lockDataDir(dir);
    try {
      expect(() => lockDataDir(dir)).toThrow(DataDirLockedError);
    } finally {
      lock.release();
    }
  });
});

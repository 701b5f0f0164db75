import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../support/app';
import { ctxFor } from '../support/ctx';
import { rows } from '../../src/kernel/db';
import { startFlow } from '../../src/kernel/flow';
import '../../src/kernel/flow/__tests__/test-flows';

const run = promisify(execFile);
const onServer = Boolean(process.env.DATABASE_URL);

/**
 * Two server processes on one PostgreSQL database: every due timer fires exactly once, and
 * timers that fell due while no server ran fire when the servers start. Needs a server
 * database (PGlite is one process by design), so it is skipped on the embedded engine.
 */
describe.skipIf(!onServer)('flow timers across two server processes', () => {
  let t: TestApp;
  let url: string;
  beforeAll(async () => {
    t = await createTestApp();
    const [{ n }] = await rows<{ n: string }>(t.database.db, sql`select current_database() as n`);
    const u = new URL(process.env.DATABASE_URL!);
    u.pathname = `/${n}`;
    url = u.toString();
  });
  afterAll(async () => t?.close());

  it('fires each of 60 due timers once, with two processes racing for them', async () => {
    const xunuo = await ctxFor(t, 'xunuo');
    // Submitted "in the past" (the test clock is in early November): by the real clock every
    // reminder is long due, as if the servers had been down since.
    for (let i = 0; i < 20; i++) await startFlow(xunuo, 'test.sequential', { form: { days: 1 } });
    const [{ n: due }] = await rows<{ n: number }>(t.database.db, sql`select count(*)::int as n from flow_timers where fired_at is null and due_at <= now()`);
    expect(due).toBe(60);
    const env = { ...process.env, DATABASE_URL: url };
    const child = () => run('npx', ['tsx', 'test/flow/fire-timers-child.ts'], { env, timeout: 60_000 });
    const [a, b] = await Promise.all([child(), child()]);
    const fired = JSON.parse(a.stdout).fired + JSON.parse(b.stdout).fired;
    expect(fired).toBe(60);
    const [{ n: left }] = await rows<{ n: number }>(t.database.db, sql`select count(*)::int as n from flow_timers where fired_at is null and cancelled_at is null`);
    expect(left).toBe(0);
    const dup = await rows<{ n: number }>(
      t.database.db,
      sql`select count(*)::int as n from audit_log where event like 'flow.timer.%' group by detail->>'timerId' having count(*) > 1`,
    );
    expect(dup).toEqual([]);
  });
});

import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../src/server/app';
import type { Database } from '../../src/kernel/db';
import { seedDemoOffice } from '../../src/demo/seed';
import { loadRuleParams } from '../../src/kernel/rules/store';
import { clearParamOverrides } from '../../src/kernel/rules';
import { createSession, SESSION_COOKIE } from '../../src/kernel/identity/sessions';
import { sql } from 'drizzle-orm';
import { rows } from '../../src/kernel/db';
import type { Clock } from '../../src/kernel/time';
import { createTestDatabase } from './db';
import '../../src/server/register-rules';

export const DEMO_PASSWORD = 'Guicheng@2026';

/** A clock the test can move. Starts at 2026-11-02 09:00 Asia/Shanghai unless told otherwise. */
export class TestClock implements Clock {
  private t: number;
  constructor(start = '2026-11-02T09:00:00+08:00') {
    this.t = new Date(start).getTime();
  }
  now(): Date {
    return new Date(this.t);
  }
  set(iso: string): void {
    this.t = new Date(iso).getTime();
  }
  advance(ms: number): void {
    this.t += ms;
  }
}

export interface TestApp {
  app: FastifyInstance;
  database: Database;
  clock: TestClock;
  /** Cookie header value of a fresh session for a demo account (no password round-trip). */
  cookieFor(username: string): Promise<string>;
  close(): Promise<void>;
}

/** The app on a fresh database with the demo office loaded, for `app.inject` tests. */
export async function createTestApp(opts: { seed?: boolean; clock?: TestClock } = {}): Promise<TestApp> {
  const database = await createTestDatabase();
  const clock = opts.clock ?? new TestClock();
  if (opts.seed !== false) await seedDemoOffice(database.db, clock, { password: DEMO_PASSWORD });
  clearParamOverrides();
  await loadRuleParams(database.db);
  const app = await buildApp({ database, clock, config: { demo: true } });
  await app.ready();
  return {
    app,
    database,
    clock,
    async cookieFor(username) {
      const [account] = await rows<{ id: string }>(database.db, sql`select id from accounts where username = ${username}`);
      if (!account) throw new Error(`no demo account ${username}`);
      const token = await createSession(database.db, account.id, clock.now());
      return `${SESSION_COOKIE}=${token}`;
    },
    async close() {
      await app.close();
      await database.close();
    },
  };
}

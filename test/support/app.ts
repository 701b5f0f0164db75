import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../src/server/app';
import type { Database } from '../../src/kernel/db';
import { loadRuleParams } from '../../src/kernel/rules/store';
import { clearParamOverrides } from '../../src/kernel/rules';
import { createSession, SESSION_COOKIE } from '../../src/kernel/identity/sessions';
import { sql } from 'drizzle-orm';
import { rows } from '../../src/kernel/db';
import { createTestDatabase } from './db';
import { DEMO_PASSWORD, TestClock } from './clock';
import '../../src/server/register-rules';

export { DEMO_PASSWORD, TestClock };

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
  // The demo office comes from a snapshot made once per run (test/support/global-setup.ts).
  const database = await createTestDatabase(opts.seed === false ? 'migrated' : 'demo');
  const clock = opts.clock ?? new TestClock();
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

import { sql } from 'drizzle-orm';
import { rows } from '../../src/kernel/db';
import { loadActor } from '../../src/kernel/identity/sessions';
import type { Ctx } from '../../src/kernel/context';
import type { TestApp } from './app';

/** A command context for a demo account, for service-level tests (no HTTP round trip). */
export async function ctxFor(t: TestApp, username: string): Promise<Ctx> {
  const [a] = await rows<{ id: string }>(t.database.db, sql`select id from accounts where username = ${username}`);
  if (!a) throw new Error(`no demo account ${username}`);
  const actor = await loadActor(t.database.db, a.id);
  return { db: t.database.db, actor, ip: '127.0.0.1', requestId: `test-${username}`, clock: t.clock };
}

import { sql } from 'drizzle-orm';
import type { Database } from '../db';
import { rows } from '../db';
import { systemCtx, type Actor, type Ctx } from '../context';
import { systemClock } from '../time';
import { audit } from './write';
import { sealAuditLog } from './seal';

/** Test-only helpers (not imported by the product). */

export const testActor: Actor = {
  accountId: 'acc_test',
  username: 'tester',
  displayName: '测试员',
  personId: null,
  unitIds: [],
  roles: ['staff'],
  permissions: new Set(),
  adminKind: null,
  scope: 'self',
};

export function ctxOf(database: Database, actor: Actor | null = testActor): Ctx {
  return { ...systemCtx(database.db, systemClock, actor), ip: '10.0.0.7', requestId: 'req-test' };
}

/** Write `n` audit records, each in its own transaction. */
export async function writeRecords(database: Database, n: number, prefix = 'test.event'): Promise<void> {
  for (let i = 0; i < n; i++) {
    await audit(ctxOf(database), { event: `${prefix}.${i}`, objectType: 'thing', objectId: `t${i}`, detail: { i, note: '测试' } });
  }
}

/**
 * Act as an attacker with DBA rights: switch off the protecting triggers, run the statements,
 * switch them back on.
 */
export async function asAttacker(database: Database, statements: string): Promise<void> {
  await database.exec(`alter table audit_log disable trigger user; alter table audit_chain_head disable trigger user;`);
  try {
    await database.exec(statements);
  } finally {
    await database.exec(`alter table audit_log enable trigger user; alter table audit_chain_head enable trigger user;`);
  }
}

export async function auditCount(database: Database, where = sql`true`): Promise<number> {
  const [r] = await rows<{ n: number }>(database.db, sql`select count(*)::int as n from audit_log where ${where}`);
  return r!.n;
}

/**
 * Close a test database. The pool resolves end() before its sockets are gone, and the test
 * support then drops the database WITH (FORCE); a backend killed that way reports FATAL 57P01
 * to a pool without an 'error' listener, which would surface as an unhandled error.
 */
export async function closeTestDatabase(database: Database | undefined): Promise<void> {
  database?.pool?.on('error', () => undefined);
  await database?.close();
}

/**
 * Seal until nothing is left unsealed. On a shared PostgreSQL server any transaction in the
 * cluster (another test file seeding its database, say) holds back the snapshot's xmin and,
 * rightly, the sealing of records written after it began; so one run may legitimately seal
 * less than everything.
 */
export async function sealAll(database: Database, timeoutMs = 60_000): Promise<number> {
  const until = Date.now() + timeoutMs;
  let sealed = 0;
  for (;;) {
    sealed += (await sealAuditLog(database)).sealed;
    if ((await auditCount(database, sql`seq is null`)) === 0) return sealed;
    if (Date.now() > until) throw new Error('audit records stayed unsealed');
    await new Promise((r) => setTimeout(r, 50));
  }
}

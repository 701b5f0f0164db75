import type { Db } from './db';
import type { Clock } from './time';
import type { SQL } from 'drizzle-orm';
import { inTransaction } from './db/transaction';
import { flushAudit } from './audit/write';
import { errors } from './errors';

/** Who is acting. Built from the session by the HTTP layer, or by the CLI for system jobs. */
export interface Actor {
  accountId: string;
  username: string;
  displayName: string;
  personId: string | null;
  /** Units the person belongs to (their own section), for data scope. */
  unitIds: string[];
  roles: string[];
  permissions: ReadonlySet<string>;
  /** Which of the three administrators (三员) this account is, if any. */
  adminKind: 'system' | 'security' | 'audit' | null;
  /** Row-level data scope granted by the roles: everything, or the actor's own units. */
  scope: 'all' | 'unit' | 'self';
}

/**
 * What every command receives (STYLE R9): the database (a transaction inside a command),
 * the actor, where the request came from, and the clock. Missing actor is an error for
 * commands that change state: use `requireActor`.
 */
export interface Ctx {
  db: Db;
  actor: Actor | null;
  ip: string;
  requestId: string;
  clock: Clock;
  /** True when `db` is a transaction opened by `withTx`. */
  inTx?: boolean;
  /** withTx's audit records, written in one statement before COMMIT (kernel/audit/write.ts). */
  pendingAudit?: SQL[];
}

export function requireActor(ctx: Ctx): Actor {
  if (!ctx.actor) throw errors.unauthenticated();
  return ctx.actor;
}

export function can(ctx: Ctx, permission: string): boolean {
  return ctx.actor?.permissions.has(permission) ?? false;
}

/** Run a command in one transaction; the audit record it writes commits or fails with it. */
export async function withTx<T>(ctx: Ctx, work: (txCtx: Ctx) => Promise<T>): Promise<T> {
  if (ctx.inTx) return work(ctx);
  return inTransaction(ctx.db, async (tx) => {
    const txCtx: Ctx = { ...ctx, db: tx, inTx: true, pendingAudit: [] };
    const result = await work(txCtx);
    await flushAudit(txCtx);
    return result;
  });
}

/** A context for jobs and the CLI: no HTTP request behind it. */
export function systemCtx(db: Db, clock: Clock, actor: Actor | null = null): Ctx {
  return { db, actor, ip: '127.0.0.1', requestId: `sys-${Date.now().toString(36)}`, clock };
}

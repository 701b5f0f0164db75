import { sql, type SQL } from 'drizzle-orm';
import type { Ctx } from '../context';

export type AuditOutcome = 'success' | 'failure' | 'denied';

export interface AuditEntry {
  /** Dotted event name, e.g. `auth.login`, `org.leadership.assign`, `leave.approve`. */
  event: string;
  objectType?: string;
  objectId?: string;
  outcome?: AuditOutcome;
  detail?: Record<string, unknown>;
}

/**
 * Write one audit record with the context's database handle. Inside a command this is the
 * business transaction: if the audit write fails, the change fails with it (fail closed).
 * The record is written unsealed; the sealing job (seal.ts) links it into the SM3 chain
 * once its transaction has ended. The insert trigger (audit.repeatable.sql) re-stamps txid,
 * so the sealer's ordering never depends on what a caller passes.
 *
 * In a transaction opened by withTx (`ctx.pendingAudit`), the record is queued and every
 * record of the transaction is written by one INSERT just before COMMIT (flushAudit): one
 * round trip per command however many records it writes (P1). The record is fixed when
 * audit() is called (actor, ip, request id, detail), and it is written in the same
 * transaction as the change, so a failed write still fails the command.
 */
export async function audit(ctx: Ctx, entry: AuditEntry): Promise<void> {
  const row = auditValues(ctx, entry);
  // A frozen queue belongs to a transaction that has already written it (flushAudit).
  if (ctx.pendingAudit && !Object.isFrozen(ctx.pendingAudit)) {
    ctx.pendingAudit.push(row);
    return;
  }
  await ctx.db.execute(insertAudit([row]));
}

/** Write the records queued in a withTx transaction (one statement); called by withTx before COMMIT. */
export async function flushAudit(ctx: Ctx): Promise<void> {
  const queued = ctx.pendingAudit;
  if (!queued) return;
  const batch = queued.splice(0, queued.length);
  // Anything audited with this context from now on is written at once, never queued unseen.
  Object.freeze(queued);
  if (batch.length) await ctx.db.execute(insertAudit(batch));
}

/** One audit record's VALUES tuple, taken when audit() is called. */
function auditValues(ctx: Ctx, entry: AuditEntry): SQL {
  const actor = ctx.actor;
  return sql`(${actor?.accountId ?? null}, ${actor?.username ?? null}, ${actor ? actor.roles.join(',') : null},
      ${ctx.ip}, ${entry.event}, ${entry.objectType ?? null}, ${entry.objectId ?? null},
      ${entry.outcome ?? 'success'}, ${ctx.requestId}, ${entry.detail ? JSON.stringify(entry.detail) : null}::jsonb,
      pg_current_xact_id()::text::bigint)`;
}

/** Rows are inserted in the order given, so their ids keep the order audit() was called in. */
function insertAudit(values: SQL[]): SQL {
  return sql`insert into audit_log (actor_account_id, actor_username, actor_role, source_ip, event,
      object_type, object_id, outcome, request_id, detail, txid)
    values ${sql.join(values, sql`, `)}`;
}

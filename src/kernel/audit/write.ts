import { sql } from 'drizzle-orm';
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
 */
export async function audit(ctx: Ctx, entry: AuditEntry): Promise<void> {
  const actor = ctx.actor;
  await ctx.db.execute(sql`
    insert into audit_log (actor_account_id, actor_username, actor_role, source_ip, event,
      object_type, object_id, outcome, request_id, detail, txid)
    values (${actor?.accountId ?? null}, ${actor?.username ?? null}, ${actor ? actor.roles.join(',') : null},
      ${ctx.ip}, ${entry.event}, ${entry.objectType ?? null}, ${entry.objectId ?? null},
      ${entry.outcome ?? 'success'}, ${ctx.requestId}, ${entry.detail ? JSON.stringify(entry.detail) : null}::jsonb,
      pg_current_xact_id()::text::bigint)`);
}

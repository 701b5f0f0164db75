import { sql } from 'drizzle-orm';
import { bigint, bigserial, index, jsonb, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';

/**
 * Append-only audit log (security.md; DESIGN.md §4). Rows are written in the business
 * transaction; `seq`, `prev_hash` and `hash` are filled later by the sealer, which links
 * only records whose transactions have all finished, in seal order, so the hash chain is
 * never a lock that every write in the office waits on.
 */
export const auditLog = pgTable(
  'audit_log',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    actorAccountId: text('actor_account_id'),
    actorUsername: text('actor_username'),
    actorRole: text('actor_role'),
    sourceIp: text('source_ip'),
    event: text('event').notNull(),
    objectType: text('object_type'),
    objectId: text('object_id'),
    outcome: text('outcome').notNull(),
    requestId: text('request_id'),
    detail: jsonb('detail').$type<Record<string, unknown>>(),
    /** pg_current_xact_id() of the writing transaction: the sealer waits until it is finished. */
    txid: bigint('txid', { mode: 'bigint' }).notNull(),
    seq: bigint('seq', { mode: 'number' }),
    prevHash: text('prev_hash'),
    hash: text('hash'),
    sealedAt: timestamp('sealed_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('audit_log_seq_uq').on(t.seq),
    // The sealer's scan: unsealed rows in (txid, id) order.
    index('audit_log_unsealed_idx').on(t.txid, t.id).where(sql`seq is null`),
    index('audit_log_at_idx').on(t.at),
    index('audit_log_object_idx').on(t.objectType, t.objectId),
    index('audit_log_actor_idx').on(t.actorAccountId, t.at),
  ],
);

/** The chain's head: one row, locked by the sealer so two servers never seal at once. */
export const auditChainHead = pgTable('audit_chain_head', {
  id: text('id').primaryKey(),
  lastSeq: bigint('last_seq', { mode: 'number' }).notNull(),
  lastHash: text('last_hash').notNull(),
  sealedAt: timestamp('sealed_at', { withTimezone: true }),
});

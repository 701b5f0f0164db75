import { createHash } from 'node:crypto';
import { sql, type SQL } from 'drizzle-orm';
import type { Database, Db } from '../db';

/**
 * The hash chain's shared definitions. The sealer and the verifier must serialise a record
 * byte for byte the same way, so both read it through `CHAIN_COLUMNS` and hash it with
 * `chainHash`; change neither without a migration of the chain.
 */

/** Id of the single chain-head row. */
export const CHAIN_ID = 'main';

/**
 * The hash a chain starts from (the `prev_hash` of seq 1): 64 zeros. It is a fixed,
 * documented constant rather than a secret, so any verifier can start the walk.
 */
export const GENESIS_HASH = '0'.repeat(64);

/** Formats an instant in UTC with microseconds, independent of the session's TimeZone/DateStyle. */
const utc = (col: SQL) => sql`to_char(${col} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;

/** An audit row as the chain sees it: every recorded field as text (or null). */
export interface ChainRow {
  id: string;
  at: string;
  actor_account_id: string | null;
  actor_username: string | null;
  actor_role: string | null;
  source_ip: string | null;
  event: string;
  object_type: string | null;
  object_id: string | null;
  outcome: string;
  request_id: string | null;
  /** jsonb's own text form: keys normalised by PostgreSQL, so it is stable across reads. */
  detail: string | null;
  txid: string;
  seq: string | null;
  prev_hash: string | null;
  hash: string | null;
  sealed_at: string | null;
}

/** Select list producing a `ChainRow` from `audit_log a`. */
export const CHAIN_COLUMNS = sql.raw(`a.id::text as id,
  to_char(a.at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as at,
  a.actor_account_id, a.actor_username, a.actor_role, a.source_ip, a.event, a.object_type,
  a.object_id, a.outcome, a.request_id, a.detail::text as detail, a.txid::text as txid,
  a.seq::text as seq, a.prev_hash, a.hash,
  to_char(a.sealed_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as sealed_at`);

/** The sealing instant as the chain stores it (same format as `CHAIN_COLUMNS.sealed_at`). */
export const NOW_TEXT = utc(sql`now()`);

/**
 * Canonical serialisation: a JSON array of every recorded field in a fixed order, seq and
 * sealed_at included, so that moving, re-dating or editing a record changes its hash.
 * A JSON array of strings and nulls is unambiguous (no field can bleed into the next).
 */
export function canonical(r: ChainRow, seq: string, sealedAt: string): string {
  return JSON.stringify([
    r.id, r.at, r.actor_account_id, r.actor_username, r.actor_role, r.source_ip, r.event,
    r.object_type, r.object_id, r.outcome, r.request_id, r.detail, r.txid, seq, sealedAt,
  ]);
}

/** hash = SM3(prev_hash ‖ canonical(record)), lowercase hex (GB/T 32905). */
export function chainHash(prevHash: string, r: ChainRow, seq: string, sealedAt: string): string {
  return createHash('sm3').update(prevHash + canonical(r, seq, sealedAt), 'utf8').digest('hex');
}

/** Accept either the opened database or a Drizzle handle. */
export function toDb(d: Database | Db): Db {
  return 'kind' in d && 'exec' in d ? d.db : (d as Db);
}

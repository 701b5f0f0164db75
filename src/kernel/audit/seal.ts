import { sql } from 'drizzle-orm';
import { rows, type Database, type Db } from '../db';
import { inTransaction } from '../db/transaction';
import { CHAIN_COLUMNS, CHAIN_ID, GENESIS_HASH, NOW_TEXT, chainHash, toDb, type ChainRow } from './chain';

export interface SealResult {
  sealed: number;
  lastSeq: number;
}

/** Rows linked per transaction: one select and one update each, whatever the batch size. */
const BATCH = 1000;
/** Bound one run so a backlog never holds the head lock for long; the next run continues. */
const MAX_BATCHES_PER_RUN = 20;

/** Unsealed records whose writing transactions have all finished (see sealAuditLog). */
const READY_WHERE = sql`a.seq is null and a.txid < pg_snapshot_xmin(pg_current_snapshot())::text::bigint`;

/**
 * Link unsealed audit records into the SM3 chain (DESIGN.md §4). Runs after commit, in its
 * own transactions, so no business write ever waits on the chain.
 *
 * Which records: `seq is null and txid < pg_snapshot_xmin(pg_current_snapshot())`. Every
 * transaction id below the snapshot's xmin has finished, so (a) the rows selected are all
 * committed, and (b) no transaction that could still commit a record with a txid below that
 * xmin exists. Taking them in (txid, id) order therefore never places a record after one that
 * a later run would have to put before it: a long-running transaction holds back xmin, and
 * with it every record written after it began, until it ends. The chain is thus ordered by
 * (txid, id), which the verifier checks too.
 *
 * Never twice: the head row is locked (SELECT … FOR UPDATE) before the candidates are read;
 * under READ COMMITTED that read takes a snapshot after the lock, so a second sealer sees the
 * first one's work; the update also re-checks `seq is null` and must touch every row it meant to.
 */
export async function sealAuditLog(database: Database | Db): Promise<SealResult> {
  const db = toDb(database);
  // Most runs find nothing: answer that from the partial index without locking the head,
  // which would take a transaction id and write WAL every second on an idle office.
  const [pending] = await rows<{ found: boolean }>(db, sql`select exists (select 1 from audit_log a where ${READY_WHERE}) as found`);
  if (!pending?.found) return { sealed: 0, lastSeq: await headSeq(db) };
  let total = 0;
  let lastSeq = 0;
  for (let i = 0; i < MAX_BATCHES_PER_RUN; i++) {
    // READ COMMITTED on purpose: the candidates must be read with a snapshot taken after the
    // head lock is granted, not before it (as REPEATABLE READ would).
    const r = await inTransaction(db, (tx) => sealBatch(tx), { isolationLevel: 'read committed' });
    total += r.sealed;
    lastSeq = r.lastSeq;
    if (r.sealed < BATCH) break;
  }
  return { sealed: total, lastSeq };
}

async function headSeq(db: Db): Promise<number> {
  const [h] = await rows<{ last_seq: string }>(db, sql`select last_seq::text as last_seq from audit_chain_head where id = ${CHAIN_ID}`);
  return Number(h?.last_seq ?? 0);
}

async function lockHead(tx: Db) {
  const q = sql`select last_seq::text as last_seq, last_hash, ${NOW_TEXT} as now_text
    from audit_chain_head where id = ${CHAIN_ID} for update`;
  let [head] = await rows<{ last_seq: string; last_hash: string; now_text: string }>(tx, q);
  if (!head) {
    // Normally created by audit.repeatable.sql; recreated here so a fresh database can seal.
    await tx.execute(sql`insert into audit_chain_head (id, last_seq, last_hash)
      values (${CHAIN_ID}, 0, ${GENESIS_HASH}) on conflict (id) do nothing`);
    [head] = await rows(tx, q);
  }
  return head!;
}

async function sealBatch(tx: Db): Promise<SealResult> {
  const head = await lockHead(tx);
  const candidates = await rows<ChainRow>(
    tx,
    sql`select ${CHAIN_COLUMNS} from audit_log a where ${READY_WHERE} order by a.txid, a.id limit ${BATCH}`,
  );
  let seq = BigInt(head.last_seq);
  if (candidates.length === 0) return { sealed: 0, lastSeq: Number(seq) };

  let prev = head.last_hash;
  const links = candidates.map((row) => {
    seq += 1n;
    const hash = chainHash(prev, row, seq.toString(), head.now_text);
    const link = { id: row.id, seq: seq.toString(), prev_hash: prev, hash };
    prev = hash;
    return link;
  });

  // One set-wise update for the whole batch; sealed_at = now() is the instant hashed above
  // (now() is fixed for the transaction).
  const updated = await rows<{ id: string }>(
    tx,
    sql`update audit_log a set seq = v.seq, prev_hash = v.prev_hash, hash = v.hash, sealed_at = now()
      from jsonb_to_recordset(${JSON.stringify(links)}::jsonb) as v(id bigint, seq bigint, prev_hash text, hash text)
      where a.id = v.id and a.seq is null
      returning a.id`,
  );
  if (updated.length !== links.length) {
    throw new Error(`审计封存中止：预期封存 ${links.length} 条，实际 ${updated.length} 条（可能有并发封存）`);
  }
  await tx.execute(sql`update audit_chain_head set last_seq = ${seq.toString()}::bigint, last_hash = ${prev}, sealed_at = now()
    where id = ${CHAIN_ID}`);
  return { sealed: links.length, lastSeq: Number(seq) };
}

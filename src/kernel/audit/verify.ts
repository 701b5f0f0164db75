import { sql } from 'drizzle-orm';
import { rows, type Database, type Db } from '../db';
import { CHAIN_COLUMNS, CHAIN_ID, GENESIS_HASH, chainHash, toDb, type ChainRow } from './chain';

export type BreakReason = '记录被篡改' | '记录缺失' | '链接断裂' | '插入的伪造记录';

export interface BrokenLink {
  /** Chain position where the break is (for 记录缺失: the first missing seq). */
  seq: number;
  /** The record at fault, or for 记录缺失 the first record after the gap (null: the tail is gone). */
  id: number | null;
  reason: BreakReason;
  /** A sentence for the audit administrator. */
  detail: string;
}

export interface UnsealedRecord {
  id: number;
  at: string;
  event: string;
  ageSeconds: number;
}

export interface VerifyReport {
  ok: boolean;
  /** Sealed records walked (up to and including the first broken one). */
  checked: number;
  /** The chain head as recorded when the walk ended. */
  headSeq: number;
  firstBroken?: BrokenLink;
  /** Records not linked within `maxUnsealedSeconds` (first 100, oldest first). */
  unsealedTooLong: UnsealedRecord[];
  unsealedTooLongCount: number;
  maxUnsealedSeconds: number;
}

export interface VerifyOptions {
  /** A record unsealed for longer than this is reported (the sealer runs every second or so). */
  maxUnsealedSeconds?: number;
  /** Records read per round trip; the log is never loaded whole. */
  batchSize?: number;
}

export const DEFAULT_MAX_UNSEALED_SECONDS = 300;

interface Head {
  seq: bigint;
  hash: string;
}

async function readHead(db: Db): Promise<Head> {
  const [h] = await rows<{ last_seq: string; last_hash: string }>(
    db,
    sql`select last_seq::text as last_seq, last_hash from audit_chain_head where id = ${CHAIN_ID}`,
  );
  return h ? { seq: BigInt(h.last_seq), hash: h.last_hash } : { seq: 0n, hash: GENESIS_HASH };
}

const hashOf = (prev: string | null, r: ChainRow) =>
  prev !== null && r.seq !== null && r.sealed_at !== null ? chainHash(prev, r, r.seq, r.sealed_at) : null;

/** (txid, id) of b is after a's: the order the sealer links records in. */
const after = (a: ChainRow, b: ChainRow) => {
  const at = BigInt(a.txid), bt = BigInt(b.txid);
  return bt > at || (bt === at && BigInt(b.id) > BigInt(a.id));
};

/**
 * Walk the SM3 chain in seq order, in batches, and report the first break and the records
 * left unsealed too long (DESIGN.md §4; SECREQ-21). Read-only; the caller audits the run.
 *
 * The walk needs no long transaction (which on PGlite would stall every other request):
 * sealed rows are immutable, and the head is re-read whenever a row beyond it is met, since
 * the sealer commits a batch and the head together; a row still beyond the re-read head was
 * not written by the sealer.
 */
export async function verifyAuditChain(database: Database | Db, opts: VerifyOptions = {}): Promise<VerifyReport> {
  const db = toDb(database);
  const maxUnsealedSeconds = opts.maxUnsealedSeconds ?? DEFAULT_MAX_UNSEALED_SECONDS;
  const batchSize = opts.batchSize ?? 2000;
  let head = await readHead(db);
  let prev: ChainRow | null = null;
  let prevSeq = 0n;
  let prevHash = GENESIS_HASH;
  let checked = 0;
  let broken: BrokenLink | undefined;

  const check = async (r: ChainRow): Promise<BrokenLink | undefined> => {
    const s = BigInt(r.seq!);
    const id = Number(r.id);
    const at = (reason: BreakReason, detail: string, row: ChainRow = r): BrokenLink => ({
      seq: Number(row.seq), id: Number(row.id), reason, detail,
    });
    if (s > head.seq) head = await readHead(db);
    if (s > head.seq) return at('插入的伪造记录', `序号 ${s} 超出链头记录的最后序号 ${head.seq}，不是封存程序写入的记录`);
    if (s <= prevSeq) return at('插入的伪造记录', `序号 ${s} 与前一条记录重复或倒序`);
    const contentOk = hashOf(r.prev_hash, r) === r.hash;
    const linkOk = r.prev_hash === prevHash;
    const orderOk = prev === null || after(prev, r);
    if (s > prevSeq + 1n) {
      if (!linkOk) {
        const last = s - 1n;
        return {
          seq: Number(prevSeq + 1n), id, reason: '记录缺失',
          detail: `序号 ${prevSeq + 1n}${last > prevSeq + 1n ? ` 至 ${last}` : ''} 的记录缺失（被删除）`,
        };
      }
      return contentOk
        ? at('插入的伪造记录', `序号 ${s} 跳过了 ${prevSeq + 1n}，封存程序不会跳号`)
        : at('记录被篡改', `序号 ${s} 的记录内容与其哈希不符`);
    }
    if (linkOk) {
      if (!contentOk) return at('记录被篡改', `序号 ${s} 的记录内容与其哈希不符`);
      if (!orderOk) return at('插入的伪造记录', `序号 ${prevSeq} 的记录写入晚于其后的记录，不是按写入顺序封存的`, prev!);
      return undefined;
    }
    if (hashOf(prevHash, r) === r.hash) return at('记录被篡改', `序号 ${s} 的“前一哈希”字段被改动`);
    if (!orderOk) return at('插入的伪造记录', `序号 ${prevSeq} 的记录写入晚于其后的记录，不是按写入顺序封存的`, prev!);
    if (contentOk) return at('链接断裂', `序号 ${s} 的记录未指向序号 ${prevSeq} 的记录（前一哈希不符）`);
    return at('插入的伪造记录', `序号 ${s} 的记录既不链接前一记录，其哈希也与内容不符`);
  };

  let key = { seq: '0', id: '0' };
  walk: for (;;) {
    const batch = await rows<ChainRow>(
      db,
      sql`select ${CHAIN_COLUMNS} from audit_log a
        where a.seq is not null and (a.seq, a.id) > (${key.seq}::bigint, ${key.id}::bigint)
        order by a.seq, a.id limit ${batchSize}`,
    );
    for (const r of batch) {
      checked++;
      broken = await check(r);
      if (broken) break walk;
      prev = r;
      prevSeq = BigInt(r.seq!);
      prevHash = r.hash!;
      key = { seq: r.seq!, id: r.id };
    }
    if (batch.length === batchSize) continue;
    // End of the rows: the head must point at the last one. Rows sealed meanwhile are read on.
    head = await readHead(db);
    if (prevSeq < head.seq) {
      const [more] = await rows<{ found: boolean }>(
        db,
        sql`select exists (select 1 from audit_log where seq > ${prevSeq.toString()}::bigint) as found`,
      );
      if (more?.found) continue;
      broken = {
        seq: Number(prevSeq + 1n), id: null, reason: '记录缺失',
        detail: `链头记录的最后序号为 ${head.seq}，但序号 ${prevSeq + 1n} 之后的记录不存在（末尾记录被删除）`,
      };
    } else if (prevHash !== head.hash) {
      broken = {
        seq: Number(prevSeq), id: prev ? Number(prev.id) : null, reason: '链接断裂',
        detail: `链头记录的哈希与序号 ${prevSeq} 的记录不符`,
      };
    }
    break;
  }

  const unsealed = await unsealedTooLong(db, maxUnsealedSeconds);
  return {
    ok: !broken && unsealed.count === 0,
    checked,
    headSeq: Number(head.seq),
    ...(broken ? { firstBroken: broken } : {}),
    unsealedTooLong: unsealed.list,
    unsealedTooLongCount: unsealed.count,
    maxUnsealedSeconds,
  };
}

async function unsealedTooLong(db: Db, seconds: number) {
  const cutoff = sql`now() - make_interval(secs => ${seconds}::double precision)`;
  const list = await rows<{ id: string; at: string; event: string; age: string }>(
    db,
    sql`select id::text as id, to_char(at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as at, event,
        floor(extract(epoch from now() - at))::text as age
      from audit_log where seq is null and at < ${cutoff} order by id limit 100`,
  );
  let count = list.length;
  if (count === 100) {
    const [c] = await rows<{ n: number }>(db, sql`select count(*)::int as n from audit_log where seq is null and at < ${cutoff}`);
    count = c?.n ?? count;
  }
  return {
    count,
    list: list.map((r) => ({ id: Number(r.id), at: r.at, event: r.event, ageSeconds: Number(r.age) })),
  };
}

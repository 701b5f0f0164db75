import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { createTestDatabase } from '../../../test/support/db';
import { rows, type Database } from '../db';
import { CHAIN_COLUMNS, chainHash, type ChainRow } from './chain';
import { verifyAuditChain } from './verify';
import { asAttacker, closeTestDatabase, sealAll, writeRecords } from './test-helpers';

let database: Database;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => closeTestDatabase(database));

/** Each case starts from a fresh, intact chain of five records. */
beforeEach(async () => {
  await asAttacker(
    database,
    `delete from audit_log; update audit_chain_head set last_seq = 0, last_hash = repeat('0', 64);
     create unique index if not exists audit_log_seq_uq on audit_log (seq);`,
  );
  await writeRecords(database, 5);
  await sealAll(database);
});

const rowAt = async (seq: number) =>
  (await rows<ChainRow>(database.db, sql`select ${CHAIN_COLUMNS} from audit_log a where a.seq = ${seq} order by a.id limit 1`))[0]!;

/** The attacker's best effort: a record hashed exactly as the sealer would. */
async function sealAsAttacker(id: string, seq: number, prevHash: string): Promise<string> {
  await asAttacker(database, `update audit_log set sealed_at = now(), seq = ${seq} where id = ${id}`);
  const [row] = await rows<ChainRow>(database.db, sql`select ${CHAIN_COLUMNS} from audit_log a where a.id = ${id}::bigint`);
  const hash = chainHash(prevHash, row!, String(seq), row!.sealed_at!);
  await asAttacker(database, `update audit_log set prev_hash = '${prevHash}', hash = '${hash}' where id = ${id}`);
  return hash;
}

async function insertForged(seq: number | null, prevHash = 'forged-prev', hash = 'forged-hash'): Promise<string> {
  const [r] = await rows<{ id: string }>(
    database.db,
    sql`insert into audit_log (event, outcome, txid, actor_username) values ('auth.login', 'success', 0, 'ghost') returning id::text as id`,
  );
  if (seq !== null) {
    await asAttacker(database, `update audit_log set seq = ${seq}, prev_hash = '${prevHash}', hash = '${hash}', sealed_at = now() where id = ${r!.id}`);
  }
  return r!.id;
}

describe('verifyAuditChain (SECREQ-21)', () => {
  it('passes an intact chain and counts what it checked', async () => {
    expect(await verifyAuditChain(database)).toMatchObject({ ok: true, checked: 5, headSeq: 5, unsealedTooLong: [] });
  });

  const edits: [string, string][] = [
    ['at', `at = at + interval '1 second'`],
    ['actor_account_id', `actor_account_id = 'acc_other'`],
    ['actor_username', `actor_username = 'someone'`],
    ['actor_role', `actor_role = 'sysadmin'`],
    ['source_ip', `source_ip = '1.2.3.4'`],
    ['event', `event = 'auth.logout'`],
    ['object_type', `object_type = 'other'`],
    ['object_id', `object_id = 't9'`],
    ['outcome', `outcome = 'failure'`],
    ['request_id', `request_id = 'req-other'`],
    ['detail', `detail = '{"i": 2, "note": "改过"}'`],
    ['txid', `txid = txid + 1`],
    ['id', `id = id + 1000000`],
    ['prev_hash', `prev_hash = repeat('1', 64)`],
    ['hash', `hash = repeat('2', 64)`],
    ['sealed_at', `sealed_at = sealed_at + interval '1 second'`],
  ];
  it.each(edits)('finds an edited %s as 记录被篡改 at that record', async (_field, set) => {
    await asAttacker(database, `update audit_log set ${set} where seq = 3`);
    const report = await verifyAuditChain(database);
    expect(report.ok).toBe(false);
    expect(report.firstBroken).toMatchObject({ seq: 3, reason: '记录被篡改' });
    expect(report.checked).toBe(3);
  });

  it('finds an edited seq', async () => {
    await asAttacker(database, `update audit_log set seq = 1000 where seq = 3`);
    const report = await verifyAuditChain(database);
    expect(report.ok).toBe(false);
    expect(report.firstBroken).toMatchObject({ seq: 3, reason: '记录缺失' });
  });

  it('finds an edited record re-hashed by the attacker as 链接断裂 at the next record', async () => {
    const r2 = await rowAt(2);
    const r3 = await rowAt(3);
    await asAttacker(database, `update audit_log set event = 'auth.logout' where id = ${r3.id}`);
    await sealAsAttacker(r3.id, 3, r2.hash!);
    const report = await verifyAuditChain(database);
    expect(report.firstBroken).toMatchObject({ seq: 4, reason: '链接断裂' });
  });

  it('finds a deleted record (seq gap) as 记录缺失', async () => {
    const r4 = await rowAt(4);
    await asAttacker(database, `delete from audit_log where seq = 3`);
    const report = await verifyAuditChain(database);
    expect(report.firstBroken).toEqual(expect.objectContaining({ seq: 3, id: Number(r4.id), reason: '记录缺失' }));
  });

  it('finds deleted records at the tail against the chain head', async () => {
    await asAttacker(database, `delete from audit_log where seq >= 4`);
    const report = await verifyAuditChain(database);
    expect(report.firstBroken).toMatchObject({ seq: 4, id: null, reason: '记录缺失' });
  });

  it('finds a forged record with a made-up seq and hash', async () => {
    const id = await insertForged(6);
    const report = await verifyAuditChain(database);
    expect(report.firstBroken).toMatchObject({ seq: 6, id: Number(id), reason: '插入的伪造记录' });
  });

  it('finds a forged record appended with a correctly computed hash (beyond the head)', async () => {
    const id = await insertForged(null);
    await sealAsAttacker(id, 6, (await rowAt(5)).hash!);
    const report = await verifyAuditChain(database);
    expect(report.firstBroken).toMatchObject({ seq: 6, id: Number(id), reason: '插入的伪造记录' });
  });

  it('finds a forged record inserted in the middle (duplicate seq)', async () => {
    await asAttacker(database, 'drop index audit_log_seq_uq');
    const id = await insertForged(3, (await rowAt(2)).hash!);
    const report = await verifyAuditChain(database);
    expect(report.firstBroken).toMatchObject({ seq: 3, id: Number(id), reason: '插入的伪造记录' });
  });

  it('finds a forged record inserted in the middle with the chain renumbered after it', async () => {
    await asAttacker(database, 'update audit_log set seq = seq + 1000 where seq >= 3; update audit_log set seq = seq - 999 where seq >= 1000');
    const id = await insertForged(null);
    await sealAsAttacker(id, 3, (await rowAt(2)).hash!);
    const report = await verifyAuditChain(database);
    expect(report.firstBroken).toMatchObject({ seq: 3, id: Number(id), reason: '插入的伪造记录' });
  });

  it('finds a made-up record in the middle of a renumbered chain', async () => {
    await asAttacker(database, 'update audit_log set seq = seq + 1000 where seq >= 3; update audit_log set seq = seq - 999 where seq >= 1000');
    const id = await insertForged(3);
    const report = await verifyAuditChain(database);
    expect(report.firstBroken).toMatchObject({ seq: 3, id: Number(id), reason: '插入的伪造记录' });
  });

  it('reports records left unsealed longer than the limit, and only those', async () => {
    await writeRecords(database, 1, 'fresh');
    expect(await verifyAuditChain(database, { maxUnsealedSeconds: 3600 })).toMatchObject({ ok: true, unsealedTooLongCount: 0 });
    await database.exec(`insert into audit_log (event, outcome, txid, at) values ('stale.event', 'success', 0, now() - interval '2 hours')`);
    const report = await verifyAuditChain(database, { maxUnsealedSeconds: 3600 });
    expect(report.ok).toBe(false);
    expect(report.firstBroken).toBeUndefined();
    expect(report.unsealedTooLongCount).toBe(1);
    expect(report.unsealedTooLong[0]).toMatchObject({ event: 'stale.event' });
    expect(report.unsealedTooLong[0]!.ageSeconds).toBeGreaterThanOrEqual(7200);
    await sealAll(database);
    expect(await verifyAuditChain(database, { maxUnsealedSeconds: 3600 })).toMatchObject({ ok: true, checked: 7 });
  });

  it('walks the log in batches and still finds a break past the first batch', async () => {
    await writeRecords(database, 10, 'more');
    await sealAll(database);
    expect(await verifyAuditChain(database, { batchSize: 2 })).toMatchObject({ ok: true, checked: 15 });
    await asAttacker(database, `update audit_log set outcome = 'denied' where seq = 12`);
    expect((await verifyAuditChain(database, { batchSize: 2 })).firstBroken).toMatchObject({ seq: 12, reason: '记录被篡改' });
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/node-postgres';
import { createTestDatabase } from '../../../test/support/db';
import { rows, type Database, type Db } from '../db';
import { GENESIS_HASH } from './chain';
import { sealAuditLog } from './seal';
import { verifyAuditChain } from './verify';
import { audit } from './write';
import { withTx } from '../context';
import { auditCount, closeTestDatabase, ctxOf, sealAll, writeRecords } from './test-helpers';

const onPostgres = Boolean(process.env.DATABASE_URL);

let database: Database;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => closeTestDatabase(database));

interface Link {
  id: string;
  txid: string;
  seq: string | null;
  prev_hash: string | null;
  hash: string | null;
}
const chain = () =>
  rows<Link>(database.db, sql`select id::text as id, txid::text as txid, seq::text as seq, prev_hash, hash from audit_log order by seq nulls last, id`);

describe('sealing the audit chain (DESIGN.md §4)', () => {
  it('starts from the documented genesis head', async () => {
    const [head] = await rows<{ last_seq: string; last_hash: string }>(database.db, sql`select last_seq::text as last_seq, last_hash from audit_chain_head`);
    expect(head).toEqual({ last_seq: '0', last_hash: GENESIS_HASH });
  });

  it('links committed records in order: seq 1…n, each prev_hash the hash before it', async () => {
    await writeRecords(database, 5);
    expect(await sealAll(database)).toBe(5);
    const links = await chain();
    expect(links.map((l) => l.seq)).toEqual(['1', '2', '3', '4', '5']);
    let prev = GENESIS_HASH;
    for (const l of links) {
      expect(l.prev_hash).toBe(prev);
      expect(l.hash).toMatch(/^[0-9a-f]{64}$/);
      prev = l.hash!;
    }
    // (txid, id) never goes backwards along the chain.
    for (let i = 1; i < links.length; i++) expect(BigInt(links[i]!.txid) >= BigInt(links[i - 1]!.txid)).toBe(true);
    const [head] = await rows<{ last_seq: string; last_hash: string }>(database.db, sql`select last_seq::text as last_seq, last_hash from audit_chain_head`);
    expect(head).toEqual({ last_seq: '5', last_hash: prev });
  });

  it('never seals a record twice, and continues the chain where it stopped', async () => {
    expect(await sealAuditLog(database)).toEqual({ sealed: 0, lastSeq: 5 });
    const before = await chain();
    await writeRecords(database, 3, 'more');
    expect(await sealAll(database)).toBe(3);
    expect(await sealAuditLog(database)).toEqual({ sealed: 0, lastSeq: 8 });
    const after = await chain();
    expect(after.slice(0, 5)).toEqual(before);
    expect(after[5]!.prev_hash).toBe(before[4]!.hash);
    expect((await verifyAuditChain(database)).ok).toBe(true);
  });

  it('seals a backlog larger than one batch set-wise', async () => {
    await database.exec(`insert into audit_log (event, outcome, txid) select 'bulk.' || g, 'success', 0 from generate_series(1, 2500) g`);
    expect(await sealAll(database)).toBe(2500);
    const report = await verifyAuditChain(database, { batchSize: 300 });
    expect(report).toMatchObject({ ok: true, checked: 2508, headSeq: 2508 });
  });

  it.skipIf(!onPostgres)('two sealers in parallel never seal a record twice (PostgreSQL)', async () => {
    for (let round = 0; round < 5; round++) {
      await Promise.all(Array.from({ length: 40 }, (_, i) => audit(ctxOf(database), { event: `par.${round}.${i}` })));
      const results = await Promise.all([sealAuditLog(database), sealAuditLog(database), sealAuditLog(database)]);
      // Whatever the parallel runs left (another session may hold xmin back) is sealed after.
      expect(results.reduce((n, r) => n + r.sealed, 0) + (await sealAll(database))).toBe(40);
    }
    const [dup] = await rows<{ n: number }>(database.db, sql`select count(*)::int as n from (select seq from audit_log group by seq having count(*) > 1) d`);
    expect(dup!.n).toBe(0);
    expect((await verifyAuditChain(database)).ok).toBe(true);
  });

  it.skipIf(!onPostgres)('writers and sealers running together leave one intact chain (PostgreSQL)', async () => {
    let writing = true;
    const writers = Array.from({ length: 6 }, async (_, w) => {
      for (let i = 0; i < 40; i++) {
        await withTx(ctxOf(database), async (ctx) => {
          await audit(ctx, { event: `mix.${w}.${i}.a` });
          await audit(ctx, { event: `mix.${w}.${i}.b` });
        });
      }
    });
    const sealers = Array.from({ length: 2 }, async () => {
      while (writing) await sealAuditLog(database);
    });
    await Promise.all(writers);
    writing = false;
    await Promise.all(sealers);
    await sealAll(database);
    expect(await auditCount(database, sql`seq is null`)).toBe(0);
    expect(await verifyAuditChain(database)).toMatchObject({ ok: true });
  });

  it.skipIf(!onPostgres)('a record whose transaction is still open waits, and so do records after it (PostgreSQL)', async () => {
    await sealAll(database);
    const client = await database.pool!.connect();
    try {
      const longTx = drizzle(client) as unknown as Db;
      await client.query('begin');
      await audit({ ...ctxOf(database), db: longTx }, { event: 'long.open', objectId: 'long-1' });
      // Written and committed after the open transaction began writing: a higher txid.
      await audit(ctxOf(database), { event: 'long.after', objectId: 'long-2' });

      expect((await sealAuditLog(database)).sealed).toBe(0);
      const pending = await rows<{ object_id: string; seq: string | null }>(
        database.db,
        sql`select object_id, seq::text as seq from audit_log where object_id in ('long-1', 'long-2')`,
      );
      expect(pending).toEqual([{ object_id: 'long-2', seq: null }]);

      await client.query('commit');
    } finally {
      client.release();
    }
    expect(await sealAll(database)).toBe(2);
    const sealed = await rows<{ object_id: string; seq: string }>(
      database.db,
      sql`select object_id, seq::text as seq from audit_log where object_id in ('long-1', 'long-2') order by seq`,
    );
    // Chain order follows the writing transactions, not whoever committed first.
    expect(sealed.map((r) => r.object_id)).toEqual(['long-1', 'long-2']);
    expect(BigInt(sealed[1]!.seq)).toBe(BigInt(sealed[0]!.seq) + 1n);
    expect((await verifyAuditChain(database)).ok).toBe(true);
  });

  it.skipIf(!onPostgres)('a rolled-back transaction leaves no record and does not block the chain (PostgreSQL)', async () => {
    const client = await database.pool!.connect();
    try {
      await client.query('begin');
      await audit({ ...ctxOf(database), db: drizzle(client) as unknown as Db }, { event: 'rolled.back', objectId: 'rb-1' });
      await client.query('rollback');
    } finally {
      client.release();
    }
    await audit(ctxOf(database), { event: 'after.rollback', objectId: 'rb-2' });
    expect(await sealAll(database)).toBe(1);
    expect(await auditCount(database, sql`object_id = 'rb-1'`)).toBe(0);
  });
});

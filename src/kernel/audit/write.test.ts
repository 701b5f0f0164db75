import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { createTestDatabase } from '../../../test/support/db';
import { rows, type Database } from '../db';
import { withTx } from '../context';
import { audit } from './write';
import { auditCount, closeTestDatabase, ctxOf, sealAll } from './test-helpers';

let database: Database;
beforeAll(async () => {
  database = await createTestDatabase();
  await database.exec('create table audit_test_thing (id text primary key)');
});
afterAll(async () => closeTestDatabase(database));

const things = async () => (await rows<{ id: string }>(database.db, sql`select id from audit_test_thing order by id`)).map((r) => r.id);

describe('audit record in the business transaction (SECREQ-22, 等保 8.1.4.3 d)', () => {
  it('commits the change and its record together', async () => {
    await withTx(ctxOf(database), async (ctx) => {
      await ctx.db.execute(sql`insert into audit_test_thing values ('ok-1')`);
      await audit(ctx, { event: 'thing.create', objectType: 'thing', objectId: 'ok-1' });
    });
    expect(await things()).toContain('ok-1');
    expect(await auditCount(database, sql`object_id = 'ok-1'`)).toBe(1);
  });

  it('a failing command leaves neither the change nor the record', async () => {
    await expect(
      withTx(ctxOf(database), async (ctx) => {
        await ctx.db.execute(sql`insert into audit_test_thing values ('fail-1')`);
        await audit(ctx, { event: 'thing.create', objectType: 'thing', objectId: 'fail-1' });
        throw new Error('business rule refused');
      }),
    ).rejects.toThrow('business rule refused');
    expect(await things()).not.toContain('fail-1');
    expect(await auditCount(database, sql`object_id = 'fail-1'`)).toBe(0);
  });

  it('a failing audit write fails the command (fail closed)', async () => {
    await expect(
      withTx(ctxOf(database), async (ctx) => {
        await ctx.db.execute(sql`insert into audit_test_thing values ('fail-2')`);
        // event is NOT NULL: the audit insert fails inside the transaction.
        await audit(ctx, { event: null as unknown as string, objectId: 'fail-2' });
      }),
    ).rejects.toThrow();
    expect(await things()).not.toContain('fail-2');
  });

  it('records every required field (SECREQ-20)', async () => {
    await audit(ctxOf(database), { event: 'thing.view', objectType: 'thing', objectId: 'f-1' });
    const [r] = await rows<Record<string, unknown>>(database.db, sql`select * from audit_log where object_id = 'f-1'`);
    expect(r).toMatchObject({
      actor_account_id: 'acc_test', actor_username: 'tester', actor_role: 'staff', source_ip: '10.0.0.7',
      event: 'thing.view', object_type: 'thing', object_id: 'f-1', outcome: 'success', request_id: 'req-test',
    });
    expect(r!.at).toBeTruthy();
    expect(r!.txid).toBeTruthy();
  });
});

describe('database triggers keep the log append-only (SECREQ-21)', () => {
  it('refuses DELETE and TRUNCATE', async () => {
    await audit(ctxOf(database), { event: 'thing.del', objectId: 'd-1' });
    await expect(database.exec(`delete from audit_log where object_id = 'd-1'`)).rejects.toThrow(/不得删除/);
    await expect(database.exec('truncate audit_log')).rejects.toThrow(/不得删除/);
    await expect(database.exec('delete from audit_chain_head')).rejects.toThrow(/不得删除/);
    expect(await auditCount(database, sql`object_id = 'd-1'`)).toBe(1);
  });

  it('refuses UPDATE of an unsealed record’s content, and any UPDATE of a sealed one', async () => {
    await audit(ctxOf(database), { event: 'thing.upd', objectId: 'u-1' });
    await expect(database.exec(`update audit_log set event = 'x' where object_id = 'u-1'`)).rejects.toThrow(/补记链接字段|不得修改/);
    await expect(
      database.exec(`update audit_log set seq = 999999, prev_hash = 'a', hash = 'b', sealed_at = now(), event = 'x' where object_id = 'u-1'`),
    ).rejects.toThrow(/内容不得修改/);
    // Changes hidden in the jsonb detail, in a nullable column, or in the time are refused the same way.
    await expect(
      database.exec(`update audit_log set seq = 999999, prev_hash = 'a', hash = 'b', sealed_at = now(), detail = '{"x":1}' where object_id = 'u-1'`),
    ).rejects.toThrow(/内容不得修改/);
    await expect(
      database.exec(`update audit_log set seq = 999999, prev_hash = 'a', hash = 'b', sealed_at = now(), request_id = null, at = at + interval '1 second' where object_id = 'u-1'`),
    ).rejects.toThrow(/内容不得修改/);
    await sealAll(database);
    await expect(database.exec(`update audit_log set hash = 'b' where object_id = 'u-1'`)).rejects.toThrow(/已封存/);
    await expect(database.exec(`update audit_log set detail = '{}' where object_id = 'u-1'`)).rejects.toThrow(/已封存/);
    await expect(database.exec(`update audit_chain_head set last_seq = 0`)).rejects.toThrow(/向前推进/);
  });

  it('refuses a record inserted already sealed, and stamps the real transaction id', async () => {
    await expect(
      database.exec(`insert into audit_log (event, outcome, txid, seq, prev_hash, hash, sealed_at) values ('x', 'success', 1, 424242, 'a', 'b', now())`),
    ).rejects.toThrow(/未封存/);
    await database.exec(`insert into audit_log (event, outcome, txid, object_id) values ('x', 'success', 1, 'tx-1')`);
    const [r] = await rows<{ txid: string }>(database.db, sql`select txid::text as txid from audit_log where object_id = 'tx-1'`);
    expect(BigInt(r!.txid)).toBeGreaterThan(1n);
  });

  it('the migration is repeatable', async () => {
    const { migrateDatabase } = await import('../db/migrate');
    await migrateDatabase(database);
    await expect(database.exec(`delete from audit_log`)).rejects.toThrow(/不得删除/);
  });
});

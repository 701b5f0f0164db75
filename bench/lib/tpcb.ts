import type { PGlite } from '@electric-sql/pglite';
import type pg from 'pg';

/**
 * pgbench's built-in TPC-B-like script, for engines pgbench cannot reach (PGlite) or when
 * pgbench is not installed: the same four tables, the same data per scale, the same transaction.
 */
export const TPCB_SCHEMA = `
  drop table if exists pgbench_history, pgbench_tellers, pgbench_accounts, pgbench_branches;
  create table pgbench_branches (bid int primary key, bbalance int, filler char(88)) with (fillfactor = 100);
  create table pgbench_tellers (tid int primary key, bid int, tbalance int, filler char(84)) with (fillfactor = 100);
  create table pgbench_accounts (aid int primary key, bid int, abalance int, filler char(84)) with (fillfactor = 100);
  create table pgbench_history (tid int, bid int, aid int, delta int, mtime timestamp, filler char(22));
`;

export function tpcbData(scale: number): string {
  return `
    insert into pgbench_branches select b, 0 from generate_series(1, ${scale}) b;
    insert into pgbench_tellers select t, (t - 1) / 10 + 1, 0 from generate_series(1, ${10 * scale}) t;
    insert into pgbench_accounts select a, (a - 1) / 100000 + 1, 0, '' from generate_series(1, ${100_000 * scale}) a;
  `;
}

/** Run on its own: VACUUM refuses to run inside the implicit transaction of a multi-statement string. */
export const TPCB_VACUUM = 'vacuum analyze pgbench_branches, pgbench_tellers, pgbench_accounts, pgbench_history';

export interface TpcbParams {
  aid: number;
  bid: number;
  tid: number;
  delta: number;
}

const randInt = (lo: number, hi: number) => lo + Math.floor(Math.random() * (hi - lo + 1));

export function tpcbParams(scale: number): TpcbParams {
  return { aid: randInt(1, 100_000 * scale), bid: randInt(1, scale), tid: randInt(1, 10 * scale), delta: randInt(-5000, 5000) };
}

const UPDATE_ACCOUNT = 'update pgbench_accounts set abalance = abalance + $1 where aid = $2';
const SELECT_ACCOUNT = 'select abalance from pgbench_accounts where aid = $1';
const UPDATE_TELLER = 'update pgbench_tellers set tbalance = tbalance + $1 where tid = $2';
const UPDATE_BRANCH = 'update pgbench_branches set bbalance = bbalance + $1 where bid = $2';
const INSERT_HISTORY = 'insert into pgbench_history (tid, bid, aid, delta, mtime) values ($1, $2, $3, $4, current_timestamp)';

export async function tpcbOnPglite(db: PGlite, p: TpcbParams): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.query(UPDATE_ACCOUNT, [p.delta, p.aid]);
    await tx.query(SELECT_ACCOUNT, [p.aid]);
    await tx.query(UPDATE_TELLER, [p.delta, p.tid]);
    await tx.query(UPDATE_BRANCH, [p.delta, p.bid]);
    await tx.query(INSERT_HISTORY, [p.tid, p.bid, p.aid, p.delta]);
  });
}

/** One transaction on a dedicated connection, as each pgbench client holds its own. */
export async function tpcbOnPg(client: pg.Client | pg.PoolClient, p: TpcbParams): Promise<void> {
  await client.query('begin');
  try {
    await client.query(UPDATE_ACCOUNT, [p.delta, p.aid]);
    await client.query(SELECT_ACCOUNT, [p.aid]);
    await client.query(UPDATE_TELLER, [p.delta, p.tid]);
    await client.query(UPDATE_BRANCH, [p.delta, p.bid]);
    await client.query(INSERT_HISTORY, [p.tid, p.bid, p.aid, p.delta]);
    await client.query('commit');
  } catch (err) {
    await client.query('rollback').catch(() => undefined);
    throw err;
  }
}

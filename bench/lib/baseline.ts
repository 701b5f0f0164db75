import pg from 'pg';
import { openDatabase } from '../../src/kernel/db';
import { runLoad } from './load';
import { createScratchDb, findPgbench, runPgbench } from './postgres';
import type { Summary } from './stats';
import { TPCB_SCHEMA, TPCB_VACUUM, tpcbData, tpcbOnPg, tpcbOnPglite, tpcbParams } from './tpcb';
import type { BenchContext } from '../types';

/**
 * The bare baselines P1 is a ratio of: pgbench's TPC-B-like transaction at `ctx.clients`
 * clients on the same engine. Shared by every P1 variant so they compare against one thing.
 */
export interface Baseline {
  summary: Summary;
  label: string;
}

/** The same transaction pgbench runs, on a file-backed PGlite opened by our wrapper. */
export async function bareTpcbPglite(ctx: BenchContext): Promise<Baseline> {
  const database = await openDatabase({ dataDir: ctx.tempDir('p1-tpcb') });
  try {
    await database.exec(TPCB_SCHEMA);
    await database.exec(tpcbData(ctx.scale));
    await database.exec(TPCB_VACUUM);
    const pglite = database.pglite!;
    const summary = await runLoad({
      clients: ctx.clients,
      seconds: ctx.seconds,
      warmupSeconds: ctx.warmupSeconds,
      maxOperations: ctx.maxOperations,
      operation: async () => {
        await tpcbOnPglite(pglite, tpcbParams(ctx.scale));
        return true;
      },
    });
    return { summary, label: `bare TPC-B-like transaction in-process (PGlite, scale ${ctx.scale})` };
  } finally {
    await database.close();
  }
}

/** pgbench on a scratch database of the server (or the same transaction via raw pg without pgbench). */
export async function bareTpcbPostgres(ctx: BenchContext, adminUrl: string): Promise<Baseline> {
  const bareDb = await createScratchDb(adminUrl, 'tpcb');
  try {
    const pgbench = ctx.bare === 'raw-pg' ? undefined : findPgbench();
    if (pgbench) {
      const summary = await runPgbench(pgbench, bareDb.url, { clients: ctx.clients, seconds: ctx.seconds, scale: ctx.scale });
      return { summary, label: `pgbench -b tpcb-like -c ${ctx.clients} -s ${ctx.scale}` };
    }
    const summary = await rawPgTpcb(bareDb.url, ctx);
    const why = ctx.bare === 'raw-pg' ? '' : ' (pgbench not installed)';
    return { summary, label: `TPC-B-like via raw pg, ${ctx.clients} connections, scale ${ctx.scale}${why}` };
  } finally {
    await bareDb.drop();
  }
}

/** The pgbench transaction issued with the `pg` driver, one connection per client. */
async function rawPgTpcb(url: string, ctx: BenchContext): Promise<Summary> {
  const setup = new pg.Client({ connectionString: url });
  await setup.connect();
  await setup.query(TPCB_SCHEMA);
  await setup.query(tpcbData(ctx.scale));
  await setup.query(TPCB_VACUUM);
  await setup.end();
  const conns = await Promise.all(
    Array.from({ length: ctx.clients }, async () => {
      const c = new pg.Client({ connectionString: url });
      await c.connect();
      return c;
    }),
  );
  try {
    return await runLoad({
      clients: ctx.clients,
      seconds: ctx.seconds,
      warmupSeconds: ctx.warmupSeconds,
      maxOperations: ctx.maxOperations,
      operation: async (c) => {
        await tpcbOnPg(conns[c]!, tpcbParams(ctx.scale));
        return true;
      },
    });
  } finally {
    await Promise.all(conns.map((c) => c.end()));
  }
}

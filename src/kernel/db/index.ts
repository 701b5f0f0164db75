import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { btree_gist } from '@electric-sql/pglite/contrib/btree_gist';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { sql, type SQL } from 'drizzle-orm';
import pg from 'pg';
import { lockDataDir, type DirLock } from './lock';
import { prepareRepeatedStatements } from './prepared';

/** A Drizzle database or transaction; both engines expose the same query builder. */
export type Db = PgDatabase<PgQueryResultHKT, Record<string, never>>;

export type DbKind = 'pglite' | 'postgres';

export interface Database {
  kind: DbKind;
  db: Db;
  /** Run raw SQL (several statements allowed on both engines) outside Drizzle. */
  exec(text: string): Promise<void>;
  /** Raw parameterised query returning rows. */
  query<T = Record<string, unknown>>(text: string, params?: unknown[]): Promise<T[]>;
  close(): Promise<void>;
  /** The embedded engine, for bulk paths (COPY … FROM '/dev/blob'); undefined on a server. */
  pglite?: PGlite;
  /** The server pool, for bulk paths (COPY via streams); undefined when embedded. */
  pool?: pg.Pool;
}

export interface OpenOptions {
  /** PostgreSQL connection string; when absent the embedded database is used. */
  databaseUrl?: string;
  /** Folder of the embedded database; absent means in-memory (tests). */
  dataDir?: string;
  poolSize?: number;
  /** Embedded only: start from a dump made by PGlite's dumpDataDir (tests, restore). */
  loadDataDir?: Blob;
}

export async function openDatabase(opts: OpenOptions): Promise<Database> {
  if (opts.databaseUrl) return openPostgres(opts.databaseUrl, opts.poolSize ?? 10);
  return openPglite(opts.dataDir, opts.loadDataDir);
}

async function openPostgres(url: string, max: number): Promise<Database> {
  // DATE columns stay 'YYYY-MM-DD' strings: the rules reason about local dates, never instants.
  pg.types.setTypeParser(1082, (v) => v);
  // JIT off: the planner's cost estimates of our set-wise statements (imports, comparisons,
  // reclassification) cross jit_above_cost at a few thousand rows, and the compile then
  // costs 0.5–1 s for a statement that runs in one (measured on P2). PGlite has no JIT,
  // so this also keeps the two engines alike.
  // GC_PG_OPTIONS adds session settings for diagnosis (e.g. `-c log_min_duration_statement=30`
  // or auto_explain, README 性能基准), since pg's PGOPTIONS would replace jit=off.
  const extra = process.env.GC_PG_OPTIONS ? ` ${process.env.GC_PG_OPTIONS}` : '';
  const pool = new pg.Pool({ connectionString: url, max, options: `-c jit=off${extra}` });
  prepareRepeatedStatements(pool);
  // An idle connection that dies (server restart, dropped database) must not crash the
  // process: the pool replaces it, and the next query reports any real problem.
  pool.on('error', (err) => console.error('[db] idle PostgreSQL connection failed:', err.message));
  await pool.query('select 1');
  const db = drizzlePg(pool) as unknown as Db;
  return {
    kind: 'postgres',
    db,
    pool,
    async exec(text) {
      await pool.query(text);
    },
    async query(text, params) {
      return (await pool.query(text, params as unknown[])).rows;
    },
    async close() {
      await pool.end();
    },
  };
}

async function openPglite(dataDir?: string, loadDataDir?: Blob): Promise<Database> {
  let lock: DirLock | undefined;
  let dbDir: string | undefined;
  if (dataDir) {
    lock = lockDataDir(dataDir);
    dbDir = path.join(dataDir, 'pgdata');
  }
  let client: PGlite;
  try {
    client = await PGlite.create(dbDir, { extensions: { pg_trgm, btree_gist }, loadDataDir });
  } catch (err) {
    lock?.release();
    throw err;
  }
  const db = drizzlePglite(client) as unknown as Db;
  let checkpointTimer: NodeJS.Timeout | undefined;
  if (dataDir) {
    // PGlite runs with fsync off; a periodic checkpoint bounds what a crash must replay.
    checkpointTimer = setInterval(() => {
      client.exec('CHECKPOINT').catch(() => undefined);
    }, 5 * 60_000);
    checkpointTimer.unref();
  }
  return {
    kind: 'pglite',
    db,
    pglite: client,
    async exec(text) {
      await client.exec(text);
    },
    async query(text, params) {
      return (await client.query(text, params as unknown[])).rows as never;
    },
    async close() {
      if (checkpointTimer) clearInterval(checkpointTimer);
      try {
        if (dataDir) await client.exec('CHECKPOINT');
        await client.close();
      } finally {
        lock?.release();
      }
    },
  };
}

/** Rows of a raw Drizzle `sql` query, the same on both engines. */
export async function rows<T>(db: Db, query: SQL): Promise<T[]> {
  const result = (await db.execute(query)) as unknown as { rows: T[] };
  return result.rows;
}

export { sql };

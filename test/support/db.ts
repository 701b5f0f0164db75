import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openDatabase, type Database } from '../../src/kernel/db';
import { migrateDatabase } from '../../src/kernel/db/migrate';
import fs from 'node:fs';
import path from 'node:path';
import { inject } from 'vitest';
import './snapshots';

/** migrated: the schema only; demo: with the demo office loaded. */
export type Snapshot = 'migrated' | 'demo';

function snapshotDir(): string | undefined {
  try {
    return inject('snapshotDir');
  } catch {
    return undefined; // outside a vitest worker
  }
}

const snapshotFile = (s: Snapshot) => path.join(snapshotDir() ?? '/nonexistent', `${s}.tar`);

/**
 * A fresh, migrated database for one test file: in-memory PGlite by default, or a new
 * database on the PostgreSQL server named by DATABASE_URL (dropped again by `close`).
 */
export async function createTestDatabase(from: Snapshot = 'migrated'): Promise<Database> {
  const url = process.env.DATABASE_URL;
  const snapshot = snapshotFile(from);
  if (!url) {
    if (fs.existsSync(snapshot)) return openDatabase({ loadDataDir: new Blob([fs.readFileSync(snapshot)]) });
    const database = await openDatabase({});
    await migrateDatabase(database);
    return database;
  }
  const templates = path.join(snapshotDir() ?? '/nonexistent', 'pg-templates.json');
  const template = fs.existsSync(templates) ? (JSON.parse(fs.readFileSync(templates, 'utf8')) as Record<Snapshot, string>)[from] : undefined;
  const fresh = await createServerDatabase(url, template);
  const database = await openDatabase({ databaseUrl: fresh.url, poolSize: 12 });
  if (!template) await migrateDatabase(database);
  const close = database.close.bind(database);
  database.close = async () => {
    await close();
    await fresh.drop();
  };
  return database;
}

/** A new, empty database on the server of `adminUrl`, and a way to drop it again. */
export async function createServerDatabase(adminUrl: string, template?: string): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `gc_test_${randomBytes(6).toString('hex')}`;
  const run = async (statement: string) => {
    const c = new pg.Client({ connectionString: adminUrl });
    await c.connect();
    try {
      await c.query(statement);
    } finally {
      await c.end();
    }
  };
  await run(template ? `create database ${name} template ${template}` : `create database ${name}`);
  const target = new URL(adminUrl);
  target.pathname = `/${name}`;
  return { url: target.toString(), drop: () => run(`drop database if exists ${name} with (force)`) };
}

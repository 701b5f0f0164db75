import fs from 'node:fs';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { SNAPSHOT_ROOT } from './snapshots';
import pg from 'pg';
import { openDatabase, type Database } from '../../src/kernel/db';
import { migrateDatabase } from '../../src/kernel/db/migrate';
import { seedDemoOffice } from '../../src/demo/seed';
import { TestClock, DEMO_PASSWORD } from './clock';
import '../../src/server/register-rules';


/**
 * Migrating and loading the demo office takes seconds; doing it once per run and copying
 * the result per test file (a PGlite data-dir dump, or a PostgreSQL template database)
 * keeps the suite fast while every file still gets a database of its own.
 */
export default async function setup(project: TestProject) {
  // One folder per run, so that runs started side by side never read each other's files.
  const SNAPSHOT_DIR = path.join(SNAPSHOT_ROOT, `${process.pid}-${Date.now()}`);
  fs.mkdirSync(SNAPSHOT_DIR, { recursive: true });
  project.provide('snapshotDir', SNAPSHOT_DIR);
  const cleanup = () => fs.rmSync(SNAPSHOT_DIR, { recursive: true, force: true });
  const url = process.env.DATABASE_URL;
  if (!url) {
    const db = await openDatabase({});
    await migrateDatabase(db);
    await dump(db, SNAPSHOT_DIR, 'migrated');
    await seedDemoOffice(db.db, new TestClock(), { password: DEMO_PASSWORD });
    await dump(db, SNAPSHOT_DIR, 'demo');
    await db.close();
    return cleanup;
  }
  const suffix = `${process.pid}`;
  const names = { migrated: `gc_tpl_migrated_${suffix}`, demo: `gc_tpl_demo_${suffix}` };
  await admin(url, async (c) => {
    for (const n of Object.values(names)) await c.query(`drop database if exists ${n} with (force)`);
    await c.query(`create database ${names.migrated}`);
  });
  const migrated = await openDatabase({ databaseUrl: withDb(url, names.migrated), poolSize: 2 });
  await migrateDatabase(migrated);
  await migrated.close();
  await admin(url, (c) => c.query(`create database ${names.demo} template ${names.migrated}`));
  const demo = await openDatabase({ databaseUrl: withDb(url, names.demo), poolSize: 2 });
  await seedDemoOffice(demo.db, new TestClock(), { password: DEMO_PASSWORD });
  await demo.close();
  fs.writeFileSync(path.join(SNAPSHOT_DIR, 'pg-templates.json'), JSON.stringify(names));
  return async () => {
    await admin(url, async (c) => {
      for (const n of Object.values(names)) await c.query(`drop database if exists ${n} with (force)`);
    });
    cleanup();
  };
}

async function dump(db: Database, dir: string, name: string) {
  const blob = await db.pglite!.dumpDataDir('none');
  fs.writeFileSync(path.join(dir, `${name}.tar`), Buffer.from(await blob.arrayBuffer()));
}

export function withDb(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

async function admin(url: string, work: (c: pg.Client) => Promise<unknown>) {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    await work(c);
  } finally {
    await c.end();
  }
}

import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import type { Database } from './index';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
export const migrationsFolder = path.join(root, 'drizzle');

/**
 * Apply the committed drizzle-kit migrations, then the repeatable SQL files
 * (`*.repeatable.sql`: functions, triggers, grants that drizzle-kit cannot express).
 * Repeatable files are idempotent and run in path order, kernel before domains.
 */
export async function migrateDatabase(database: Database): Promise<void> {
  if (database.kind === 'postgres') {
    // Several servers may start at once on one database; only one migrates at a time.
    const client = await database.pool!.connect();
    try {
      await client.query('select pg_advisory_lock(74201)');
      await migratePg(database.db as never, { migrationsFolder });
      for (const file of repeatableFiles()) await client.query(fs.readFileSync(file, 'utf8'));
    } finally {
      await client.query('select pg_advisory_unlock(74201)').catch(() => undefined);
      client.release();
    }
    return;
  }
  await migratePglite(database.db as never, { migrationsFolder });
  for (const file of repeatableFiles()) await database.exec(fs.readFileSync(file, 'utf8'));
}

function repeatableFiles(): string[] {
  const found: string[] = [];
  for (const top of ['kernel', 'domains']) walk(path.join(root, 'src', top), found);
  return found;
}

function walk(dir: string, out: string[]): void {
  if (!fs.existsSync(dir)) return;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) walk(full, out);
    else if (entry.name.endsWith('.repeatable.sql')) out.push(full);
  }
}

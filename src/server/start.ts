import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance } from 'fastify';
import { openDatabase, type Database } from '../kernel/db';
import { migrateDatabase } from '../kernel/db/migrate';
import { loadRuleParams } from '../kernel/rules/store';
import { systemClock, type Clock } from '../kernel/time';
import { buildApp } from './app';
import { seedDemoOffice, isSeeded } from '../demo/seed';
import { startBackgroundJobs, type BackgroundJobs } from './jobs';
import './register-rules';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export interface StartOptions {
  port?: number;
  host?: string;
  dataDir?: string;
  databaseUrl?: string;
  demo?: boolean;
  demoPassword?: string;
  clock?: Clock;
  logger?: boolean;
}

export interface Running {
  app: FastifyInstance;
  database: Database;
  url: string;
  stop(): Promise<void>;
}

/** Open the database, migrate, seed the demo office on first start, and listen. */
export async function startServer(opts: StartOptions): Promise<Running> {
  const database = await openDatabase({ databaseUrl: opts.databaseUrl, dataDir: opts.databaseUrl ? undefined : opts.dataDir });
  let jobs: BackgroundJobs | undefined;
  try {
    await migrateDatabase(database);
    const clock = opts.clock ?? systemClock;
    if (opts.demo && !(await isSeeded(database.db))) {
      await seedDemoOffice(database.db, clock, { password: opts.demoPassword ?? 'Guicheng@2026' });
    }
    await loadRuleParams(database.db);
    const app = await buildApp({
      database,
      clock,
      logger: opts.logger,
      config: { demo: Boolean(opts.demo), dataDir: opts.dataDir, webRoot: path.join(root, 'dist/web') },
    });
    const address = await app.listen({ port: opts.port ?? 3000, host: opts.host ?? '127.0.0.1' });
    jobs = startBackgroundJobs(database, clock);
    let stopped = false;
    return {
      app,
      database,
      url: address.replace('127.0.0.1', 'localhost'),
      async stop() {
        if (stopped) return;
        stopped = true;
        await jobs?.stop();
        await app.close();
        await database.close();
      },
    };
  } catch (err) {
    await jobs?.stop();
    await database.close().catch(() => undefined);
    throw err;
  }
}

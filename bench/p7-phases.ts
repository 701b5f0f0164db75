/**
 * Where a warm start spends its time, phase by phase, in one process started the way the
 * server is (node --import tsx):
 *
 *   node --import tsx bench/p7-phases.ts <DATA_DIR of a stopped `serve --demo`>
 *
 * Module loading is timed by importing the same modules src/server/start.ts does, in order;
 * the phases after it are the ones startServer runs. The first line (before any import) is
 * what node and tsx cost before this file runs.
 */
const t0 = performance.now();
let t = t0;
const lap = (what: string) => {
  const now = performance.now();
  console.log(`${what.padEnd(44)} ${String(Math.round(now - t)).padStart(6)} ms`);
  t = now;
};
console.log(`${'node + tsx until this file runs'.padEnd(44)} ${String(Math.round(t0)).padStart(6)} ms`);
const dataDir = process.argv[2];
if (!dataDir) throw new Error('usage: node --import tsx bench/p7-phases.ts <DATA_DIR>');
const { openDatabase } = await import('../src/kernel/db');
lap('import kernel/db (PGlite, Drizzle, pg)');
const { migrateDatabase } = await import('../src/kernel/db/migrate');
const { buildApp } = await import('../src/server/app');
lap('import server/app (Fastify, every module)');
await import('../src/server/register-rules');
const { loadRuleParams } = await import('../src/kernel/rules/store');
lap('import register-rules');
const database = await openDatabase({ dataDir });
lap('open PGlite (WASM, data folder)');
await migrateDatabase(database);
lap('migrations + repeatable SQL (nothing to do)');
await loadRuleParams(database.db);
lap('loadRuleParams');
const app = await buildApp({ database });
lap('buildApp (routes, zod → JSON schema)');
await app.listen({ port: 0, host: '127.0.0.1' });
lap('listen');
console.log(`${'total to listening'.padEnd(44)} ${String(Math.round(performance.now())).padStart(6)} ms`);
await app.close();
await database.close();

export {};

/**
 * `npm run bench [-- options]`: runs the chosen benchmarks one after another on this machine
 * and prints one table, each target as a ratio measured in this same run
 * (../shared/spec/data-and-performance.md §5).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { p1Pglite, p1Postgres } from './p1-audited-write';
import { p1ApprovalPglite, p1ApprovalPostgres } from './p1-approval';
import { p1Statements } from './p1-statements';
import { p1Cost } from './p1-cost';
import { p7Startup } from './p7-startup';
import { povertyBench } from './p2-p6-poverty';
import { DEFAULT_PG_URL, findPgbench, pgReachable } from './lib/postgres';
import { fmt, formatTable } from './lib/table';
import type { BenchContext, Row } from './types';

const HELP = `usage: npm run bench -- [options]
  --only <list>      benchmarks to run (default: p1-approval,p7):
                       p1-approval  P1: HTTP approval action vs pgbench TPC-B (alias p1)
                       p1-write     the earlier audited write (POST org/acting-arrangements)
                       p1-sql       the SQL statements of one approval, with their plans
                       p1-cost      CPU ms per approval and per TPC-B transaction (PostgreSQL): the
                                    ratio a CPU-bound machine allows, robust to other load
                       p7           first start and warm restarts
                       p2,p3,p4,p6  poverty ledgers: import, reclassify, matching, search
  --households <n>   households for p2/p3/p4/p6 on PostgreSQL (default 1000000; env BENCH_HOUSEHOLDS)
  --pglite-households <n>  the same on PGlite (default: 200000 or --households if smaller)
  --engines <list>   pglite,postgres (default: both; postgres is skipped when unreachable)
  --pg-url <url>     PostgreSQL server (default: $DATABASE_URL or ${DEFAULT_PG_URL});
                     each benchmark creates and drops its own database there
  --clients <n>      concurrent clients for load runs (default 8)
  --seconds <n>      measured seconds per load run (default 10)
  --warmup <n>       warm-up seconds before each load run (default 2)
  --scale <n>        pgbench scale for the TPC-B baseline (default: = clients)
  --max-ops <n>      upper bound of operations per load run (default 200000)
  --bare <how>       PostgreSQL baseline: auto | pgbench | raw-pg (default auto: pgbench if installed)
  --quick            a smoke run: 3 s load, 1 s warm-up`;

const { values } = parseArgs({
  options: {
    only: { type: 'string' },
    engines: { type: 'string' },
    'pg-url': { type: 'string' },
    clients: { type: 'string' },
    seconds: { type: 'string' },
    warmup: { type: 'string' },
    scale: { type: 'string' },
    'max-ops': { type: 'string' },
    bare: { type: 'string' },
    quick: { type: 'boolean' },
    households: { type: 'string' },
    'pglite-households': { type: 'string' },
    help: { type: 'boolean' },
  },
});
if (values.help) {
  console.log(HELP);
  process.exit(0);
}

const list = (v: string | undefined, all: string[]) => (v ? v.split(',').map((s) => s.trim().toLowerCase()) : all);
const only = list(values.only, ['p1-approval', 'p7']).map((o) => (o === 'p1' ? 'p1-approval' : o));
const engines = list(values.engines, ['pglite', 'postgres']);
const pgUrl = values['pg-url'] ?? process.env.DATABASE_URL ?? DEFAULT_PG_URL;
const clients = Number(values.clients ?? 8);
const bare = (values.bare ?? 'auto') as BenchContext['bare'];
if (!['auto', 'pgbench', 'raw-pg'].includes(bare)) throw new Error(`--bare must be auto, pgbench or raw-pg`);
if (bare === 'pgbench' && !findPgbench()) throw new Error('pgbench not found (Debian: apt-get install postgresql-client)');

const tempRoot = fs.mkdtempSync(path.join(os.tmpdir(), 'gc-bench-'));
const ctx: BenchContext = {
  clients,
  seconds: Number(values.seconds ?? (values.quick ? 3 : 10)),
  warmupSeconds: Number(values.warmup ?? (values.quick ? 1 : 2)),
  maxOperations: Number(values['max-ops'] ?? 200_000),
  scale: Number(values.scale ?? clients),
  bare,
  tempDir: (label) => fs.mkdtempSync(path.join(tempRoot, `${label}-`)),
};
const removeTemp = () => fs.rmSync(tempRoot, { recursive: true, force: true });
process.on('exit', removeTemp);
for (const sig of ['SIGINT', 'SIGTERM'] as const) process.on(sig, () => process.exit(130));

async function serverVersion(url: string): Promise<string> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  const { rows } = await c.query<{ server_version: string }>('show server_version');
  await c.end();
  return rows[0]!.server_version;
}

const rows: Row[] = [];
const notes: string[] = [];
// Other work on the machine skews every figure; say so in the output rather than hide it.
const loadAtStart = os.loadavg()[0]!;
if (loadAtStart > os.cpus().length / 2) notes.push(`load average was ${loadAtStart.toFixed(1)} at start on ${os.cpus().length} cores: other processes were competing, figures are pessimistic`);
const step = (what: string) => process.stderr.write(`… ${what}\n`);

let postgres = engines.includes('postgres');
if (postgres && !(await pgReachable(pgUrl))) {
  notes.push(`PostgreSQL at ${pgUrl.replace(/\/\/[^@]*@/, '//…@')} not reachable: postgres column skipped`);
  postgres = false;
}
const pgVersion = postgres ? await serverVersion(pgUrl) : undefined;
const pgbench = findPgbench();

if (only.includes('p7')) {
  step('P7: first start and warm restarts of `serve --demo`');
  rows.push(...(await p7Startup(ctx)));
}
if (only.includes('p1-sql')) {
  step('P1: SQL statements of one approval (in-process, counted at the driver)');
  notes.push(...(await p1Statements(postgres ? pgUrl : undefined)));
}
if (only.includes('p1-cost')) {
  if (!postgres) notes.push('p1-cost needs the PostgreSQL server');
  else {
    step('P1: CPU per approval and per TPC-B transaction');
    rows.push(...(await p1Cost(ctx, pgUrl)));
  }
}
if (only.includes('p1-approval')) {
  if (engines.includes('pglite')) {
    step('P1 on PGlite: HTTP approvals, then bare TPC-B');
    rows.push(...(await p1ApprovalPglite(ctx)));
  }
  if (postgres) {
    step(`P1 on PostgreSQL: HTTP approvals, then ${bare === 'raw-pg' || !pgbench ? 'TPC-B via raw pg' : 'pgbench'}`);
    rows.push(...(await p1ApprovalPostgres({ ...ctx, bare: bare === 'auto' ? (pgbench ? 'pgbench' : 'raw-pg') : bare }, pgUrl)));
  }
}
if (only.includes('p1-write')) {
  if (engines.includes('pglite')) {
    step('P1 on PGlite: HTTP audited writes, then bare TPC-B');
    rows.push(...(await p1Pglite(ctx)));
  }
  if (postgres) {
    step(`P1 on PostgreSQL: HTTP audited writes, then ${bare === 'raw-pg' || !pgbench ? 'TPC-B via raw pg' : 'pgbench'}`);
    rows.push(...(await p1Postgres({ ...ctx, bare: bare === 'auto' ? (pgbench ? 'pgbench' : 'raw-pg') : bare }, pgUrl)));
  }
}

const poverty = ['p2', 'p3', 'p4', 'p6'].filter((p) => only.includes(p));
if (poverty.length > 0) {
  const n = Number(values.households ?? process.env.BENCH_HOUSEHOLDS ?? 1_000_000);
  const nLite = Number(values['pglite-households'] ?? Math.min(n, 200_000));
  if (postgres) {
    step(`${poverty.join(', ').toUpperCase()} on PostgreSQL: ${n.toLocaleString('en')} households`);
    rows.push(...(await povertyBench('postgres', n, ctx, pgUrl, poverty)));
  }
  if (engines.includes('pglite')) {
    step(`${poverty.join(', ').toUpperCase()} on PGlite: ${nLite.toLocaleString('en')} households`);
    if (nLite < n) notes.push(`PGlite ran the poverty benchmarks on ${nLite.toLocaleString('en')} households (PostgreSQL on ${n.toLocaleString('en')}): the in-process engine holds the whole run in one process; ratios are measured on the same size per engine`);
    rows.push(...(await povertyBench('pglite', nLite, ctx, undefined, poverty)));
  }
}

const cpu = os.cpus()[0]?.model.trim() ?? 'unknown CPU';
console.log(`\n## Guicheng bench — ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC`);
console.log(
  `machine: ${os.cpus().length} cores (${cpu}), ${Math.round(os.totalmem() / 2 ** 30)} GB; node ${process.version}; load ${loadAtStart.toFixed(1)}` +
    `${pgVersion ? `; PostgreSQL ${pgVersion}` : ''}; ${ctx.clients} clients, ${ctx.seconds} s measured after ${ctx.warmupSeconds} s warm-up, scale ${ctx.scale}\n`,
);
const table = rows.map((r) => [
  r.id,
  r.engine,
  r.what,
  r.summary ? fmt.rate(r.summary.perSecond) : r.valueMs !== undefined ? fmt.seconds(r.valueMs) : '',
  r.summary ? fmt.ms(r.summary.p50) : '',
  r.summary ? fmt.ms(r.summary.p99) : '',
  r.ratio !== undefined ? fmt.ratio(r.ratio) : '',
  r.target ?? '',
  r.pass === undefined ? '' : r.pass ? 'yes' : 'NO',
  [r.note, r.summary?.errors ? `${r.summary.errors} refused` : ''].filter(Boolean).join('; '),
]);
console.log(formatTable(['ID', 'Engine', 'Workload', 'Figure', 'p50 ms', 'p99 ms', 'Ratio', 'Target', 'Met', 'Note'], table, [3, 4, 5, 6]));

// The engines side by side for rows that share a key (P1: approval, TPC-B, ratio).
const keyed = rows.filter((r) => r.key);
if (keyed.length) {
  const cell = (r: Row | undefined) =>
    !r ? '—' : r.summary ? `${fmt.rate(r.summary.perSecond)} (p50 ${fmt.ms(r.summary.p50)}, p99 ${fmt.ms(r.summary.p99)} ms)` : r.ratio !== undefined ? fmt.ratio(r.ratio) : '';
  const keys = [...new Set(keyed.map((r) => `${r.id} ${r.key}`))];
  const side = keys.map((k) => {
    const of = (engine: string) => keyed.find((r) => `${r.id} ${r.key}` === k && r.engine === engine);
    return [k, cell(of('postgres')), cell(of('pglite'))];
  });
  console.log(`\n${formatTable(['', 'PostgreSQL', 'PGlite'], side)}`);
}
for (const n of notes) console.log(`\nnote: ${n}`);
process.exit(0);

import fs from 'node:fs';
import os from 'node:os';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import pg from 'pg';
import { openDatabase } from '../src/kernel/db';
import { createPendingApprovals, prepareDatabase } from './lib/approvals';
import { HttpClient } from './lib/http';
import { runLoad } from './lib/load';
import { createScratchDb, findPgbench } from './lib/postgres';
import { freePort, startServer } from './lib/server';
import type { BenchContext, Row } from './types';

/**
 * `--only p1-cost`: P1 as CPU time per operation, which other work on the machine does not
 * skew the way it skews throughput (on a shared 2-core machine the throughput ratio moves by
 * 2x from one minute to the next). Every process an operation runs in is counted:
 *
 *   approval: the `serve` process + the PostgreSQL backends serving it + the HTTP client;
 *   TPC-B:    the pgbench process + the PostgreSQL backends serving it.
 *
 * CPU seconds come from /proc (utime + stime of each process; a child's after it was reaped
 * from our own cutime + cstime). When both workloads are CPU-bound on the same cores, as on a
 * 2-core machine at 8 clients, the throughput ratio the P1 target asks about is the inverse
 * ratio of these costs: `ratio ≈ cpu(TPC-B) / cpu(approval)` — the ceiling this machine
 * allows, whatever the load around it. PostgreSQL's shared background processes (WAL writer,
 * checkpointer) are left out of both.
 */

const TICK = 1000 / 100; // ms per clock tick (USER_HZ is 100 on Linux)

function procCpuMs(pid: number | 'self'): { own: number; children: number } | undefined {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // fields after the command: state(0) … utime(11) stime(12) cutime(13) cstime(14)
    return { own: (Number(f[11]) + Number(f[12])) * TICK, children: (Number(f[13]) + Number(f[14])) * TICK };
  } catch {
    return undefined;
  }
}

/** Samples the CPU of every backend connected to `dbName`, keeping each one's last reading. */
class BackendCpu {
  private first = new Map<number, number>();
  private last = new Map<number, number>();
  private timer?: NodeJS.Timeout;
  constructor(private admin: pg.Client, private dbName: string) {}
  async sample(): Promise<void> {
    const { rows } = await this.admin.query<{ pid: number }>('select pid from pg_stat_activity where datname = $1 and pid <> pg_backend_pid()', [this.dbName]);
    for (const { pid } of rows) {
      const cpu = procCpuMs(pid)?.own;
      if (cpu === undefined) continue;
      if (!this.first.has(pid)) this.first.set(pid, cpu);
      this.last.set(pid, cpu);
    }
  }
  start(): void {
    // A backend first seen mid-run is counted from then on; ones alive at start from the start.
    this.timer = setInterval(() => void this.sample().catch(() => undefined), 100);
  }
  async stop(): Promise<number> {
    clearInterval(this.timer);
    await this.sample().catch(() => undefined);
    let total = 0;
    for (const [pid, end] of this.last) total += end - (this.first.get(pid) ?? end);
    return total;
  }
}

interface Cost {
  ops: number;
  seconds: number;
  /** CPU ms per operation, by process kind. */
  app: number;
  db: number;
  client: number;
}

const perOp = (c: Cost) => c.app + c.db + c.client;

async function approvalCost(ctx: BenchContext, adminUrl: string): Promise<Cost> {
  const scratch = await createScratchDb(adminUrl, 'cost');
  try {
    const count = Math.min(ctx.maxOperations, (ctx.seconds + ctx.warmupSeconds) * 1200);
    const database = await openDatabase({ databaseUrl: scratch.url, poolSize: 2 });
    let tasks;
    try {
      await prepareDatabase(database);
      tasks = await createPendingApprovals(database, count);
    } finally {
      await database.close();
    }
    const port = await freePort();
    const server = await startServer({ port, databaseUrl: scratch.url, args: ['serve', '--demo', ...(process.env.BENCH_SERVE_ARGS ?? '').split(/\s+/).filter(Boolean)] });
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    const client = new HttpClient(port, ctx.clients * 2);
    try {
      let next = 0;
      const op = async () => {
        const t = tasks[next++];
        if (!t) return false;
        const res = await client.request('POST', `/api/v1/flow/tasks/${t.taskId}/approve`, { comment: '同意。' }, { cookie: t.cookie });
        return res.status === 200 && res.body.includes('"status":"approved"');
      };
      // Warm-up (JIT, prepared statements, pool connections), not counted.
      await runLoad({ clients: ctx.clients, seconds: ctx.warmupSeconds, operation: op });
      const backends = new BackendCpu(admin, new URL(scratch.url).pathname.slice(1));
      await backends.sample();
      backends.start();
      const serverPids = serverProcessTree(server.pid);
      const app0 = serverPids.reduce((s, p) => s + (procCpuMs(p)?.own ?? 0), 0);
      const client0 = process.cpuUsage();
      const t0 = performance.now();
      let ops = 0;
      await runLoad({
        clients: ctx.clients,
        seconds: ctx.seconds,
        operation: async () => {
          const ok = await op();
          if (ok) ops++;
          return ok;
        },
      });
      const seconds = (performance.now() - t0) / 1000;
      const app1 = serverPids.reduce((s, p) => s + (procCpuMs(p)?.own ?? 0), 0);
      const c = process.cpuUsage(client0);
      const db = await backends.stop();
      return { ops, seconds, app: (app1 - app0) / ops, db: db / ops, client: (c.user + c.system) / 1000 / ops };
    } finally {
      client.close();
      await admin.end();
      await server.stop();
    }
  } finally {
    await scratch.drop();
  }
}

/** The server and, with `serve --workers N`, its worker processes. */
function serverProcessTree(pid: number): number[] {
  const pids = [pid];
  for (const d of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(d)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${d}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (ppid === pid) pids.push(Number(d));
    } catch {
      /* gone */
    }
  }
  return pids;
}

async function tpcbCost(ctx: BenchContext, adminUrl: string): Promise<Cost> {
  const pgbench = findPgbench();
  if (!pgbench) throw new Error('p1-cost needs pgbench (Debian: apt-get install postgresql-client)');
  const scratch = await createScratchDb(adminUrl, 'costtpcb');
  const run = promisify(execFile);
  const u = new URL(scratch.url);
  const conn = ['-h', u.hostname, '-p', u.port || '5432', '-U', decodeURIComponent(u.username || 'postgres')];
  const dbName = u.pathname.slice(1);
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await run(pgbench, [...conn, '-i', '-q', '-s', String(ctx.scale), dbName]);
    const backends = new BackendCpu(admin, dbName);
    const self0 = procCpuMs('self')!.children;
    backends.start();
    const { stdout } = await run(pgbench, [...conn, '-b', 'tpcb-like', '-c', String(ctx.clients), '-j', String(Math.min(ctx.clients, os.cpus().length)), '-T', String(ctx.seconds), dbName]);
    const db = await backends.stop();
    const pgbenchCpu = procCpuMs('self')!.children - self0;
    const ops = Number(/number of transactions actually processed: (\d+)/.exec(stdout)?.[1] ?? 0);
    return { ops, seconds: ctx.seconds, app: 0, db: db / ops, client: pgbenchCpu / ops };
  } finally {
    await admin.end();
    await scratch.drop();
  }
}

export async function p1Cost(ctx: BenchContext, adminUrl: string): Promise<Row[]> {
  const approval = await approvalCost(ctx, adminUrl);
  const tpcb = await tpcbCost(ctx, adminUrl);
  const ratio = perOp(tpcb) / perOp(approval);
  const ms = (v: number) => v.toFixed(2);
  const describe = (c: Cost, app: string, client: string) =>
    `${ms(perOp(c))} CPU ms/op = ${app ? `${app} ${ms(c.app)} + ` : ''}PostgreSQL ${ms(c.db)} + ${client} ${ms(c.client)}; ${c.ops} ops in ${c.seconds.toFixed(1)} s`;
  return [
    { id: 'P1', engine: 'postgres', key: 'cost-approval', what: 'CPU per HTTP approval', note: describe(approval, 'server', 'HTTP client') },
    { id: 'P1', engine: 'postgres', key: 'cost-tpcb', what: 'CPU per pgbench TPC-B transaction', note: describe(tpcb, '', 'pgbench') },
    {
      id: 'P1',
      engine: 'postgres',
      key: 'cost-ratio',
      what: 'ceiling ratio on a CPU-bound machine = CPU(TPC-B) / CPU(approval)',
      ratio,
      target: '≥ 0.40x',
      pass: ratio >= 0.4,
    },
  ];
}

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import pg from 'pg';
import { percentile } from './stats';
import type { Summary } from './stats';

const run = promisify(execFile);

export const DEFAULT_PG_URL = 'postgres://postgres@127.0.0.1:5432/postgres';

export async function pgReachable(url: string): Promise<boolean> {
  const c = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2_000 });
  try {
    await c.connect();
    await c.query('select 1');
    return true;
  } catch {
    return false;
  } finally {
    await c.end().catch(() => undefined);
  }
}

export interface ScratchDb {
  name: string;
  url: string;
  drop(): Promise<void>;
}

/** A fresh database on the server for one benchmark, dropped afterwards. */
export async function createScratchDb(adminUrl: string, label: string): Promise<ScratchDb> {
  const name = `gc_bench_${label}_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const target = new URL(adminUrl);
  target.pathname = `/${name}`;
  return {
    name,
    url: target.toString(),
    async drop() {
      const c = new pg.Client({ connectionString: adminUrl });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    },
  };
}

/** pgbench from PATH or Debian's PostgreSQL packages (postgresql-client / postgresql-15). */
export function findPgbench(): string | undefined {
  const candidates = [
    ...(process.env.PATH ?? '').split(':').map((d) => path.join(d, 'pgbench')),
    ...['17', '16', '15'].map((v) => `/usr/lib/postgresql/${v}/bin/pgbench`),
  ];
  return candidates.find((p) => {
    try {
      fs.accessSync(p, fs.constants.X_OK);
      return true;
    } catch {
      return false;
    }
  });
}

function connArgs(url: string): { args: string[]; env: NodeJS.ProcessEnv } {
  const u = new URL(url);
  const env: NodeJS.ProcessEnv = { ...process.env };
  if (u.password) env.PGPASSWORD = decodeURIComponent(u.password);
  return {
    args: ['-h', u.hostname, '-p', u.port || '5432', '-U', decodeURIComponent(u.username || 'postgres')],
    env,
  };
}

/** `pgbench -i -s <scale>`, then `-b tpcb-like -c <clients> -T <seconds>` with per-transaction logs. */
export async function runPgbench(pgbench: string, url: string, opts: { clients: number; seconds: number; scale: number }): Promise<Summary> {
  const { args, env } = connArgs(url);
  const db = new URL(url).pathname.slice(1);
  await run(pgbench, [...args, '-i', '-q', '-s', String(opts.scale), db], { env });
  const logDir = fs.mkdtempSync(path.join(os.tmpdir(), 'gc-pgbench-'));
  try {
    const { stdout } = await run(
      pgbench,
      [...args, '-b', 'tpcb-like', '-c', String(opts.clients), '-j', String(Math.min(opts.clients, os.cpus().length)),
        '-T', String(opts.seconds), '-l', `--log-prefix=${path.join(logDir, 'tx')}`, db],
      { env, maxBuffer: 16 * 1024 * 1024 },
    );
    const tps = /tps = ([\d.]+) \(without initial connection time\)/.exec(stdout);
    const failed = /number of failed transactions: (\d+)/.exec(stdout);
    // Per-transaction log lines: client_id transaction_no latency_us script_no epoch epoch_us
    const latencies: number[] = [];
    for (const f of fs.readdirSync(logDir)) {
      for (const line of fs.readFileSync(path.join(logDir, f), 'utf8').split('\n')) {
        const us = Number(line.split(' ')[2]);
        if (Number.isFinite(us) && line) latencies.push(us / 1000);
      }
    }
    latencies.sort((a, b) => a - b);
    return {
      count: latencies.length,
      errors: failed ? Number(failed[1]) : 0,
      seconds: opts.seconds,
      perSecond: tps ? Number(tps[1]) : latencies.length / opts.seconds,
      p50: percentile(latencies, 50),
      p99: percentile(latencies, 99),
      mean: latencies.reduce((a, b) => a + b, 0) / Math.max(1, latencies.length),
    };
  } finally {
    fs.rmSync(logDir, { recursive: true, force: true });
  }
}

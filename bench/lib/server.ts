import net from 'node:net';
import path from 'node:path';
import http from 'node:http';
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export interface ServerOptions {
  port: number;
  /** Embedded database folder (ignored when databaseUrl is set). */
  dataDir?: string;
  databaseUrl?: string;
  /** Defaults to the real command line: `guicheng serve --demo`. */
  entry?: string;
  args?: string[];
  env?: Record<string, string>;
}

export interface RunningServer {
  pid: number;
  port: number;
  /** Wall-clock milliseconds from spawn until GET /api/v1/health answered 200. */
  readyMs: number;
  /** What the server itself reported as its start-up time (open → listen), when it says. */
  reportedMs?: number;
  output(): string;
  /** SIGTERM and wait: the graceful path (checkpoint, lock released). */
  stop(): Promise<number | string>;
  kill(): Promise<number | string>;
}

const live = new Set<ChildProcess>();
// Never leave a server behind, whatever way the bench ends.
process.on('exit', () => live.forEach((p) => p.kill('SIGKILL')));

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

function healthy(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const req = http.get({ host: '127.0.0.1', port, path: '/api/v1/health', agent: false }, (res) => {
      res.resume();
      resolve(res.statusCode === 200);
    });
    req.on('error', () => resolve(false));
    req.setTimeout(2_000, () => req.destroy());
  });
}

/**
 * Spawn the server with node's own binary and tsx as a loader (the pid is the server, not an
 * npx wrapper) and time it until /api/v1/health answers.
 */
export async function startServer(opts: ServerOptions, timeoutMs = 60_000): Promise<RunningServer> {
  const env: NodeJS.ProcessEnv = { ...process.env, PORT: String(opts.port), ...opts.env };
  delete env.DATABASE_URL;
  if (opts.databaseUrl) env.DATABASE_URL = opts.databaseUrl;
  if (opts.dataDir) env.DATA_DIR = opts.dataDir;
  const entry = opts.entry ?? 'src/cli/main.ts';
  const args = opts.args ?? ['serve', '--demo'];
  const t0 = performance.now();
  // BENCH_NODE_ARGS: extra node flags for the server only (e.g. --cpu-prof to profile it).
  const nodeArgs = (process.env.BENCH_NODE_ARGS ?? '').split(/\s+/).filter(Boolean);
  const proc = spawn(process.execPath, [...nodeArgs, '--import', 'tsx', entry, ...args], { cwd: repoRoot, env, stdio: ['ignore', 'pipe', 'pipe'] });
  live.add(proc);
  let out = '';
  proc.stdout!.setEncoding('utf8').on('data', (c: string) => (out += c));
  proc.stderr!.setEncoding('utf8').on('data', (c: string) => (out += c));
  const exited = new Promise<number | string>((resolve) =>
    proc.on('close', (code, signal) => {
      live.delete(proc);
      resolve(code ?? signal ?? -1);
    }),
  );
  let dead = false;
  void exited.then(() => (dead = true));
  while (!(await healthy(opts.port))) {
    if (dead || performance.now() - t0 > timeoutMs) {
      proc.kill('SIGKILL');
      throw new Error(`server did not become ready:\n${out}`);
    }
    await new Promise((r) => setTimeout(r, 10));
  }
  const readyMs = performance.now() - t0;
  // The start-up line may reach us just after health answered; wait for it outside the timing.
  for (let i = 0; i < 50 && !/用时 \d+ ms/.test(out); i++) await new Promise((r) => setTimeout(r, 20));
  const reported = /用时 (\d+) ms/.exec(out);
  return {
    pid: proc.pid!,
    port: opts.port,
    readyMs,
    reportedMs: reported ? Number(reported[1]) : undefined,
    output: () => out,
    async stop() {
      proc.kill('SIGTERM');
      return exited;
    },
    async kill() {
      proc.kill('SIGKILL');
      return exited;
    },
  };
}

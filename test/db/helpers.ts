import fs from 'node:fs';
import os from 'node:os';
import net from 'node:net';
import path from 'node:path';
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/**
 * Why these tests skip on a PostgreSQL server: the lock file and the kill -9 recovery are
 * properties of the embedded wrapper (PGlite under DATA_DIR); a server has its own WAL and
 * its own process model, and DATA_DIR is not used there.
 */
export const SKIP_ON_SERVER = Boolean(process.env.DATABASE_URL);
export const SKIP_REASON = 'embedded PGlite only (DATABASE_URL is set: the lock file and kill -9 recovery concern the embedded wrapper)';

export interface Child {
  proc: ChildProcess;
  pid: number;
  /** Everything the child wrote so far. */
  stdout(): string;
  stderr(): string;
  /** Resolves with the exit code (or the signal name) once the child has exited. */
  exited: Promise<number | string>;
  onLine(fn: (line: string) => void): void;
}

const children = new Set<Child>();
const tempDirs = new Set<string>();

/**
 * Run a TypeScript entry with node's own binary and tsx as a loader (not `npx tsx`): the pid we
 * get is then the process that opened the database, so kill -9 hits the server, not a wrapper.
 */
export function spawnTs(entry: string, args: string[], env: Record<string, string | undefined>): Child {
  const childEnv: NodeJS.ProcessEnv = { ...process.env, ...env };
  for (const [k, v] of Object.entries(env)) if (v === undefined) delete childEnv[k];
  const proc = spawn(process.execPath, ['--import', 'tsx', entry, ...args], {
    cwd: repoRoot,
    env: childEnv,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  let partial = '';
  const listeners: ((line: string) => void)[] = [];
  proc.stdout!.setEncoding('utf8').on('data', (chunk: string) => {
    out += chunk;
    partial += chunk;
    const lines = partial.split('\n');
    partial = lines.pop() ?? '';
    for (const line of lines) for (const fn of listeners) fn(line);
  });
  proc.stderr!.setEncoding('utf8').on('data', (chunk: string) => (err += chunk));
  // 'close' (not 'exit') so that everything the child wrote to its pipes has been read.
  const exited = new Promise<number | string>((resolve) => proc.on('close', (code, signal) => resolve(code ?? signal ?? -1)));
  const child: Child = {
    proc,
    pid: proc.pid!,
    stdout: () => out,
    stderr: () => err,
    exited,
    onLine: (fn) => listeners.push(fn),
  };
  children.add(child);
  void exited.then(() => children.delete(child));
  return child;
}

/** `guicheng serve --demo` on an embedded database in `dataDir`. */
export function spawnServer(dataDir: string, port: number): Child {
  return spawnTs('src/cli/main.ts', ['serve', '--demo'], { PORT: String(port), DATA_DIR: dataDir, DATABASE_URL: undefined });
}

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

/** Poll GET /api/v1/health until it answers 200; fail early when the child dies. */
export async function waitHealthy(child: Child, port: number, timeoutMs = 90_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let dead = false;
  void child.exited.then(() => (dead = true));
  while (Date.now() < deadline) {
    if (dead) throw new Error(`server exited before ready:\n${child.stdout()}\n${child.stderr()}`);
    try {
      const res = await fetch(`http://127.0.0.1:${port}/api/v1/health`);
      if (res.ok) return;
    } catch {
      /* not listening yet */
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`server not ready after ${timeoutMs} ms:\n${child.stdout()}\n${child.stderr()}`);
}

export function makeTempDir(label: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `gc-${label}-`));
  tempDirs.add(dir);
  return dir;
}

/** Kill every child still running and remove every temp dir: call from afterEach/afterAll. */
export async function cleanup(): Promise<void> {
  for (const child of [...children]) {
    child.proc.kill('SIGKILL');
    await child.exited;
  }
  for (const dir of tempDirs) fs.rmSync(dir, { recursive: true, force: true });
  tempDirs.clear();
}

let template: Promise<string> | undefined;

/**
 * A DATA_DIR that the real server has initialised and seeded (initdb, migrations, demo office),
 * made once per test file by one start and a graceful stop, then copied: a first start costs
 * several seconds, and only one test per file needs to pay it.
 */
export async function seededDataDir(label: string): Promise<string> {
  template ??= (async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gc-template-'));
    const port = await freePort();
    const server = spawnServer(dir, port);
    await waitHealthy(server, port);
    server.proc.kill('SIGTERM');
    if ((await server.exited) !== 0) throw new Error(`template server did not stop cleanly:\n${server.stderr()}`);
    return dir;
  })();
  const copy = makeTempDir(label);
  fs.cpSync(await template, copy, { recursive: true });
  return copy;
}

/** Remove the seeded template: call from afterAll. */
export async function removeTemplate(): Promise<void> {
  const dir = await template?.catch(() => undefined);
  template = undefined;
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
}

export function lockFile(dataDir: string): string {
  return path.join(dataDir, 'guicheng.lock');
}

import fs from 'node:fs';
import path from 'node:path';

/**
 * An exclusive, pid-stamped lock file on DATA_DIR.
 *
 * Two processes on one PGlite folder both open without error and then silently lose
 * committed rows (data-and-performance.md §2), so a second process must be refused.
 * The lock records the owner's pid; a lock whose pid no longer runs (kill -9) is stale
 * and is taken over, so a crash never leaves the office locked out.
 *
 * Races this guards against (each one let two processes hold the lock):
 * - The file is published with link(2) from a temporary file that already holds the pid,
 *   so nobody ever reads an empty lock file and mistakes it for a stale one.
 * - Removing a stale lock happens only under a short-lived takeover file, after reading the
 *   lock again; otherwise two starters that both saw the stale lock could each remove it,
 *   the second one removing the first one's fresh lock.
 * - The pid is stamped with the boot id and the process start time (Linux), so a pid that
 *   was reused after a reboot or a container restart does not keep the folder locked.
 */
export class DataDirLockedError extends Error {
  constructor(readonly dir: string, readonly ownerPid: number) {
    super(`数据目录 ${dir} 已被进程 ${ownerPid} 占用：同一数据目录不能同时由两个进程打开（嵌入式数据库会丢失已提交的数据）。请先停止该进程，或为本进程指定另一个 DATA_DIR。`);
    this.name = 'DataDirLockedError';
  }
}

export interface DirLock {
  release(): void;
}

const LOCK_NAME = 'guicheng.lock';

/** Lock files this process holds: a second open of the same folder in-process is refused too. */
const heldHere = new Set<string>();

/** `<boot id>:<start time>` of a running process on Linux; null where it cannot be read. */
function processIdentity(pid: number): string | null {
  try {
    const boot = fs.readFileSync('/proc/sys/kernel/random/boot_id', 'utf8').trim();
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name (field 2) is in parentheses and may contain spaces; start time is field 22.
    const startTime = stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19];
    return startTime ? `${boot}:${startTime}` : null;
  } catch {
    return null;
  }
}

function stamp(): string {
  return `${process.pid} ${processIdentity(process.pid) ?? ''}\n`;
}

/** The live owner's pid, or null when the stamp names no running process. */
function liveOwner(file: string, content: string): number | null {
  const [pidText, identity = ''] = content.trim().split(/\s+/);
  const pid = Number.parseInt(pidText ?? '', 10);
  if (!Number.isFinite(pid) || pid <= 0) return null;
  // Our own pid: we hold it, or an earlier process with the same pid (container restart) left it.
  if (pid === process.pid) return heldHere.has(file) ? pid : null;
  try {
    process.kill(pid, 0);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EPERM') return null;
  }
  // A running process with that pid but another start time is not the one that wrote the stamp.
  // When its identity cannot be read (other OS, /proc hidepid), trust the pid alone.
  const current = identity ? processIdentity(pid) : null;
  if (current !== null && current !== identity) return null;
  return pid;
}

/** Create `file` holding our stamp, atomically; false when it already exists. */
function publish(file: string): boolean {
  const tmp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, stamp());
  try {
    fs.linkSync(tmp, file);
    return true;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw err;
  } finally {
    fs.rmSync(tmp, { force: true });
  }
}

function readOrEmpty(file: string): string | null {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw err;
  }
}

function sleepSync(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/** Remove the lock if it is (still) stale, holding the takeover file meanwhile. */
function removeStaleLock(file: string): void {
  const takeover = `${file}.takeover`;
  for (let waited = 0; !publish(takeover); waited += 10) {
    const holder = readOrEmpty(takeover);
    // A takeover takes microseconds; one left behind belongs to a process killed inside it.
    if (holder !== null && (liveOwner(takeover, holder) === null || waited > 2_000)) fs.rmSync(takeover, { force: true });
    else sleepSync(10);
  }
  try {
    const content = readOrEmpty(file);
    if (content !== null && liveOwner(file, content) === null) fs.rmSync(file, { force: true });
  } finally {
    fs.rmSync(takeover, { force: true });
  }
}

export function lockDataDir(dir: string): DirLock {
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(path.resolve(dir), LOCK_NAME);
  const mine = stamp();
  for (let attempt = 0; attempt < 5; attempt++) {
    if (publish(file)) {
      heldHere.add(file);
      let released = false;
      const release = () => {
        if (released) return;
        released = true;
        heldHere.delete(file);
        process.removeListener('exit', release);
        if (readOrEmpty(file) === mine) fs.rmSync(file, { force: true });
      };
      process.on('exit', release);
      return { release };
    }
    const content = readOrEmpty(file);
    if (content === null) continue; // released between our attempt and the read
    const owner = liveOwner(file, content);
    if (owner !== null) throw new DataDirLockedError(dir, owner);
    removeStaleLock(file);
  }
  throw new Error(`无法获取数据目录锁：${file}`);
}

import fs from 'node:fs';
import path from 'node:path';

/**
 * An exclusive, pid-stamped lock file on DATA_DIR.
 *
 * Two processes on one PGlite folder both open without error and then silently lose
 * committed rows (data-and-performance.md §2), so a second process must be refused.
 * The lock records the owner's pid; a lock whose pid no longer runs (kill -9) is stale
 * and is taken over, so a crash never leaves the office locked out.
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

function pidIsAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export function lockDataDir(dir: string): DirLock {
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, 'guicheng.lock');
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const fd = fs.openSync(file, 'wx');
      fs.writeSync(fd, String(process.pid));
      fs.closeSync(fd);
      let released = false;
      const release = () => {
        if (released) return;
        released = true;
        try {
          if (fs.readFileSync(file, 'utf8').trim() === String(process.pid)) fs.unlinkSync(file);
        } catch {
          /* already gone */
        }
      };
      process.once('exit', release);
      return { release };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      const owner = Number.parseInt(fs.readFileSync(file, 'utf8').trim(), 10);
      if (Number.isFinite(owner) && owner !== process.pid && pidIsAlive(owner)) {
        throw new DataDirLockedError(dir, owner);
      }
      // Stale lock from a crashed process: remove and try again.
      fs.rmSync(file, { force: true });
    }
  }
  throw new Error(`无法获取数据目录锁：${file}`);
}

import type { Database } from '../kernel/db';
import type { Clock } from '../kernel/time';
import { fireDueTimers } from '../kernel/flow/timers';
import { sealAuditLog } from '../kernel/audit/seal';

export interface BackgroundJobs {
  stop(): Promise<void>;
}

type Job = { name: string; everyMs: number; run: (database: Database, clock: Clock) => Promise<unknown> };

/** Jobs every server process runs (audit sealing, timers …); each is safe to run on several servers. */
export const jobs: Job[] = [
  { name: 'audit-seal', everyMs: 1_000, run: (database) => sealAuditLog(database) },
  { name: 'flow-timers', everyMs: 30_000, run: (database, clock) => fireDueTimers(database, clock) },
];

export function startBackgroundJobs(database: Database, clock: Clock): BackgroundJobs {
  const running = new Set<Promise<unknown>>();
  const timers = jobs.map((job) => {
    let busy = false;
    const t = setInterval(() => {
      if (busy) return;
      busy = true;
      const p = job
        .run(database, clock)
        .catch((err) => console.error(`[job ${job.name}]`, err))
        .finally(() => {
          busy = false;
          running.delete(p);
        });
      running.add(p);
    }, job.everyMs);
    t.unref();
    return t;
  });
  return {
    async stop() {
      timers.forEach(clearInterval);
      await Promise.allSettled([...running]);
    },
  };
}

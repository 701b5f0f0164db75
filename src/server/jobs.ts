import type { Database } from '../kernel/db';
import type { Clock } from '../kernel/time';
import { modules } from './modules';

export interface BackgroundJobs {
  stop(): Promise<void>;
}

/** The jobs the modules declare (audit sealing, flow timers, reminders …). */
export const jobs = modules.flatMap((m) => m.jobs ?? []);

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

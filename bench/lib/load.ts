import { summarise, type Summary } from './stats';

export interface LoadOptions {
  clients: number;
  /** Measured window; a warm-up of `warmupSeconds` runs first and is not counted. */
  seconds: number;
  warmupSeconds?: number;
  /** Hard bound on operations, so a run never grows without limit on a fast machine. */
  maxOperations?: number;
  /** One operation of client `client`; resolve true when it succeeded. */
  operation: (client: number, seq: number) => Promise<boolean>;
}

/**
 * A closed-loop load generator: `clients` loops, each issuing its next operation as soon as
 * the previous one finished (like pgbench's clients), bounded in time and in count.
 */
export async function runLoad(opts: LoadOptions): Promise<Summary> {
  const warmupMs = (opts.warmupSeconds ?? 0) * 1000;
  const max = opts.maxOperations ?? 1_000_000;
  const t0 = performance.now();
  const measureFrom = t0 + warmupMs;
  const measureTo = measureFrom + opts.seconds * 1000;
  const latencies: number[] = [];
  let errors = 0;
  let issued = 0;
  let firstError: unknown;
  const client = async (c: number) => {
    for (let seq = 0; issued < max; seq++) {
      const start = performance.now();
      if (start >= measureTo) return;
      issued++;
      let ok = false;
      try {
        ok = await opts.operation(c, seq);
      } catch (err) {
        firstError ??= err;
      }
      const end = performance.now();
      // Count what started and ended inside the window; warm-up operations are not counted.
      if (start >= measureFrom && end <= measureTo) {
        if (ok) latencies.push(end - start);
        else errors++;
      }
    }
  };
  await Promise.all(Array.from({ length: opts.clients }, (_, c) => client(c)));
  const seconds = Math.min(opts.seconds, (performance.now() - measureFrom) / 1000);
  if (latencies.length === 0 && firstError) throw firstError;
  return summarise(latencies, seconds, errors);
}

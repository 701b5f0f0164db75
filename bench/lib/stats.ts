/** Latency and throughput figures of one measured run. */
export interface Summary {
  /** Completed operations inside the measured window. */
  count: number;
  errors: number;
  seconds: number;
  perSecond: number;
  p50: number;
  p99: number;
  mean: number;
}

/** Nearest-rank percentile of an ascending array (ms). */
export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1]!;
}

export function summarise(latenciesMs: number[], seconds: number, errors = 0): Summary {
  const sorted = Float64Array.from(latenciesMs).sort();
  const arr = Array.from(sorted);
  const total = arr.reduce((a, b) => a + b, 0);
  return {
    count: arr.length,
    errors,
    seconds,
    perSecond: arr.length / seconds,
    p50: percentile(arr, 50),
    p99: percentile(arr, 99),
    mean: arr.length ? total / arr.length : Number.NaN,
  };
}

export function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

/** Milliseconds since `start` (from performance.now()). */
export function since(start: number): number {
  return performance.now() - start;
}

import type { Summary } from './lib/stats';

/** What every benchmark receives from bench/run.ts. */
export interface BenchContext {
  clients: number;
  /** Measured seconds per load run (after the warm-up). */
  seconds: number;
  warmupSeconds: number;
  /** Upper bound on operations per load run. */
  maxOperations: number;
  /** pgbench scale (100,000 accounts per unit); the PGlite TPC-B uses the same. */
  scale: number;
  /** How to run the bare TPC-B baseline on PostgreSQL. */
  bare: 'auto' | 'pgbench' | 'raw-pg';
  /** A temp directory removed when the run ends. */
  tempDir(label: string): string;
}

/** One line of the result table. */
export interface Row {
  id: string;
  engine: string;
  what: string;
  /** Rows of one benchmark with the same key are shown side by side, one column per engine. */
  key?: string;
  summary?: Summary;
  /** A single figure in milliseconds (start-up times). */
  valueMs?: number;
  ratio?: number;
  target?: string;
  pass?: boolean;
  note?: string;
}

import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
/** Root of the per-run database snapshots (PGlite dumps, PostgreSQL template names). */
export const SNAPSHOT_ROOT = path.join(root, '.tmp', 'test-snapshots');

declare module 'vitest' {
  export interface ProvidedContext {
    snapshotDir: string;
  }
}

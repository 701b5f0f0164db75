import { randomBytes } from 'node:crypto';

/**
 * Prefixed, time-ordered ids (`unit_01J…`): readable in logs, generated in the application
 * (no sequences, so they work on distributed PostgreSQL engines), roughly sortable by time.
 */
export function newId(prefix: string): string {
  const time = Date.now().toString(16).padStart(12, '0');
  return `${prefix}_${time}${randomBytes(10).toString('hex')}`;
}

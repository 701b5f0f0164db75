import { pgTable, text } from 'drizzle-orm/pg-core';

/** One row per named mutex (mutex.ts); the row itself is what a transaction locks. */
export const kernelMutexes = pgTable('kernel_mutexes', {
  key: text('key').primaryKey(),
});

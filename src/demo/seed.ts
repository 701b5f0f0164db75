import { sql } from 'drizzle-orm';
import { rows, type Db } from '../kernel/db';
import { withTx, systemCtx } from '../kernel/context';
import type { Clock } from '../kernel/time';
import { putSetting } from '../kernel/settings';
import { modules } from '../server/modules';

export async function isSeeded(db: Db): Promise<boolean> {
  const [row] = await rows<{ n: number }>(db, sql`select count(*)::int as n from settings where key = 'demo.seeded'`);
  return (row?.n ?? 0) > 0;
}

/**
 * Load the demo office (../shared/spec/demo-office.md) in one transaction: every module
 * seeds its share, in the order server/modules.ts lists them.
 */
export async function seedDemoOffice(db: Db, clock: Clock, opts: { password: string }): Promise<void> {
  await withTx(systemCtx(db, clock), async (ctx) => {
    for (const mod of modules) await mod.seedBase?.(ctx);
    for (const mod of modules) await mod.seedDemo?.(ctx, opts);
    await putSetting(ctx.db, 'demo.seeded', { at: clock.now().toISOString() }, null);
  });
}

/** Production: only what every office needs (built-in roles, the calendar). */
export async function seedBase(db: Db, clock: Clock): Promise<void> {
  await withTx(systemCtx(db, clock), async (ctx) => {
    for (const mod of modules) await mod.seedBase?.(ctx);
  });
}

import { sql } from 'drizzle-orm';
import type { Ctx } from '../../kernel/context';
import { rows } from '../../kernel/db';
import { notify, type NewNotification } from '../../kernel/notify';

/** People who hold the attendance permission (综合科), for LEAVE-10 / LEAVE-20 notices. */
export async function attendanceKeepers(ctx: Ctx): Promise<string[]> {
  const found = await rows<{ person_id: string }>(
    ctx.db,
    sql`select distinct a.person_id from accounts a
        join account_roles ar on ar.account_id = a.id
        join role_permissions rp on rp.role_id = ar.role_id
        where rp.permission = 'personnel.attendance' and a.person_id is not null order by a.person_id`,
  );
  return found.map((r) => r.person_id);
}

export async function tell(ctx: Ctx, recipients: string[], n: Omit<NewNotification, 'recipientPersonId'>): Promise<void> {
  for (const r of new Set(recipients)) await notify(ctx.db, { ...n, recipientPersonId: r }, ctx.clock.now());
}

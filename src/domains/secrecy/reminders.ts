import { sql } from 'drizzle-orm';
import { systemCtx } from '../../kernel/context';
import { rows, type Database } from '../../kernel/db';
import { isWorkingDay } from '../../kernel/calendar';
import { notify } from '../../kernel/notify';
import { localDate, type Clock } from '../../kernel/time';
import { regNo } from './flows';
import { checkDue } from './custody';
import { inspectionsDue, IT_ADMIN_POST } from './equipment';
import { CLERK_POST, CUSTODIAN_POST, onceADay } from './service';

/**
 * Duties of the secrecy rules the software can remind, once a day per object on working days:
 * SEC-15 take-outs not brought back by their date (the person and the 文书), SEC-16 the
 * period's reconciliation not yet started from the last month of the period (the 文书), SEC-27
 * the pre-holiday secrecy inspection from `leadWorkingDays` before the break (the 文书 and the
 * 微机管理人员, who keep the work log).
 */
export async function remindSecrecyDuties(database: Database, clock: Clock): Promise<number> {
  const ctx = systemCtx(database.db, clock);
  const d = localDate(clock.now());
  const day = await isWorkingDay(ctx.db, d).catch(() => null);
  if (!day?.workingDay) return 0;
  const dayStart = `${d}T00:00:00+08:00`;
  const holders = async (posts: string[]) => (await rows<{ person_id: string }>(ctx.db, sql`select distinct person_id from post_holdings where post_code in (${sql.join(posts.map((p) => sql`${p}`), sql`, `)})
    and start_date <= ${d} and (end_date is null or end_date >= ${d})`)).map((r) => r.person_id);
  const clerks = await holders([CLERK_POST, CUSTODIAN_POST]);
  let sent = 0;
  const outs = await rows<{ id: string; person_id: string; due_date: string; year: number; seq: number }>(ctx.db, sql`select x.id, x.person_id, x.due_date::text, d.year, d.seq
    from secrecy_takeouts x join secrecy_documents d on d.id = x.document_id where x.status = 'out' and x.due_date < ${d}`);
  for (const x of outs) {
    sent += await onceADay(ctx, 'secrecy_takeout', x.id, dayStart, async (tx) => {
      for (const r of new Set([x.person_id, ...clerks])) await notify(tx.db, { recipientPersonId: r, kind: 'overdue', title: `带离的涉密文件 ${regNo(x.year, x.seq)} 逾期未带回`, body: `应于${x.due_date}带回（SEC-15）`, link: '/secrecy/admin', objectType: 'secrecy_takeout', objectId: x.id }, clock.now());
    });
  }
  const check = await checkDue(ctx, d);
  if (check.due) {
    sent += await onceADay(ctx, 'secrecy_check_due', check.period, dayStart, async (tx) => {
      for (const r of clerks) await notify(tx.db, { recipientPersonId: r, kind: 'remind', title: `${check.label}涉密文件清查核对尚未进行`, body: '综合科应定期对当年存放的涉密文件进行清查、核对（SEC-16）', link: '/secrecy/admin', objectType: 'secrecy_check_due', objectId: check.period }, clock.now());
    });
  }
  const admins = await holders([IT_ADMIN_POST]);
  for (const h of (await inspectionsDue(ctx, d)).filter((x) => x.state === 'due' || x.state === 'overdue')) {
    sent += await onceADay(ctx, 'secrecy_inspection_due', h.start, dayStart, async (tx) => {
      for (const r of new Set([...clerks, ...admins])) await notify(tx.db, { recipientPersonId: r, kind: 'remind', title: `${h.festival}前保密检查尚未登记`, body: `节假日之前进行保密检查，最迟${h.deadline}（SEC-27）`, link: '/secrecy/admin', objectType: 'secrecy_inspection_due', objectId: h.start }, clock.now());
    });
  }
  return sent;
}

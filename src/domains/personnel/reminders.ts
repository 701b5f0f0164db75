import { sql } from 'drizzle-orm';
import { systemCtx, withTx } from '../../kernel/context';
import { rows, type Database } from '../../kernel/db';
import { localDate, type Clock } from '../../kernel/time';
import { attendanceKeepers, tell } from './notices';

/**
 * LEAVE-20 reminders, meant to run as a background job (server/jobs.ts): on the report-back
 * due day the applicant is reminded; the day after, an unreported leave is reported to 综合科
 * (reported only, not absence, CONF-14). Each notice is sent once (checked in notifications).
 */
export async function remindReportBacks(database: Database, clock: Clock): Promise<number> {
  const ctx = systemCtx(database.db, clock);
  const today = localDate(clock.now());
  const due = await rows<{ id: string; person_id: string; name: string; report_back_due: string }>(
    ctx.db,
    sql`select q.id, q.person_id, p.name, q.report_back_due::text from leave_requests q join people p on p.id = q.person_id
        where q.status = 'approved' and q.reported_back_at is null and q.report_back_due <= ${today}`,
  );
  let sent = 0;
  for (const l of due) {
    const kind = l.report_back_due < today ? 'overdue' : 'due';
    const delivered = await withTx(ctx, async (tx) => {
      // Lock the request so that two servers running this job never both send the notice.
      const [mine] = await rows(tx.db, sql`select id from leave_requests where id = ${l.id} for update skip locked`);
      if (!mine) return false;
      const [seen] = await rows<{ n: number }>(tx.db, sql`select count(*)::int as n from notifications where object_type = 'leave_request' and object_id = ${l.id} and kind = ${kind}`);
      if (seen.n > 0) return false;
      if (kind === 'due') await tell(tx, [l.person_id], { kind, title: '今天是销假期限', body: `请于今天（${l.report_back_due}）到综合科当面或电话销假（LEAVE-20）`, link: '/personnel/my-leave', objectType: 'leave_request', objectId: l.id });
      else await tell(tx, [l.person_id, ...(await attendanceKeepers(tx))], { kind, title: `${l.name}逾期未销假`, body: `销假期限为${l.report_back_due}，至今未销假（LEAVE-20，只作统计报告）`, link: '/personnel/attendance', objectType: 'leave_request', objectId: l.id });
      return true;
    });
    if (delivered) sent += 1;
  }
  return sent;
}

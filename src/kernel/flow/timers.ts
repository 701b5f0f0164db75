import { sql } from 'drizzle-orm';
import { rows, type Database, type Db } from '../db';
import { newId } from '../ids';
import { inTransaction } from '../db/transaction';
import { notify } from '../notify';
import { audit } from '../audit/write';
import { systemCtx } from '../context';
import { localDate, type Clock } from '../time';
import { addWorkingDays } from './deadlines';
import { orgDirectory } from './org-directory';

/** Reminders fire at 09:00 office time on their day. */
function officeMorning(date: string): string {
  return `${date}T09:00:00+08:00`;
}

/**
 * Timers of a task with a due date: a reminder on the due day, an overdue notice the next
 * morning, and, when the step says so, an escalation to the assignee's leader in charge.
 */
export async function scheduleTaskTimers(
  db: Db,
  instanceId: string,
  taskId: string,
  dueDate: string,
  escalateAfterWorkingDays: number | null,
): Promise<void> {
  const overdueDay = await addWorkingDays(db, dueDate, 1);
  const plan: [string, string][] = [
    ['due', officeMorning(dueDate)],
    ['overdue', officeMorning(overdueDay)],
  ];
  if (escalateAfterWorkingDays) plan.push(['escalate', officeMorning(await addWorkingDays(db, dueDate, escalateAfterWorkingDays))]);
  for (const [kind, at] of plan) {
    await db.execute(sql`insert into flow_timers (id, instance_id, task_id, kind, due_at) values (${newId('tmr')}, ${instanceId}, ${taskId}, ${kind}, ${at})`);
  }
}

interface DueTimer {
  id: string;
  instance_id: string;
  task_id: string;
  kind: 'due' | 'overdue' | 'escalate';
  assignee_person_id: string;
  task_status: string;
  due_date: string | null;
  title: string;
}

const MESSAGES: Record<DueTimer['kind'], (t: DueTimer) => string> = {
  due: (t) => `待办今日到期：${t.title}（办理时限 ${t.due_date}）`,
  overdue: (t) => `待办已逾期：${t.title}（办理时限 ${t.due_date}）`,
  escalate: (t) => `下属待办逾期未办，请督促：${t.title}（办理时限 ${t.due_date}）`,
};

/**
 * Fire the timers that are due, a batch per transaction. Each timer row is claimed with
 * FOR UPDATE SKIP LOCKED and marked fired in the same transaction as its notification,
 * so with several servers every due timer fires exactly once.
 */
export async function fireDueTimers(database: Database, clock: Clock, batch = 50): Promise<number> {
  let fired = 0;
  for (;;) {
    const n = await inTransaction(database.db, async (tx) => {
      const now = clock.now();
      const due = await rows<DueTimer>(
        tx,
        sql`select t.id, t.instance_id, t.task_id, t.kind, k.assignee_person_id, k.status as task_status, k.due_date::text as due_date, i.title
            from flow_timers t
            join flow_tasks k on k.id = t.task_id
            join flow_instances i on i.id = t.instance_id
            where t.fired_at is null and t.cancelled_at is null and t.due_at <= ${now.toISOString()}
            order by t.due_at
            limit ${batch}
            for update of t skip locked`,
      );
      const ctx = systemCtx(tx, clock);
      for (const t of due) {
        if (t.task_status !== 'pending') {
          await tx.execute(sql`update flow_timers set cancelled_at = ${now.toISOString()} where id = ${t.id}`);
          continue;
        }
        const recipient = t.kind === 'escalate' ? await escalationTarget(tx, t.assignee_person_id, localDate(now)) : t.assignee_person_id;
        await notify(tx, { recipientPersonId: recipient, kind: t.kind, title: MESSAGES[t.kind](t), link: `/flow/instances/${t.instance_id}`, objectType: 'flow_instance', objectId: t.instance_id }, now);
        await tx.execute(sql`update flow_timers set fired_at = ${now.toISOString()} where id = ${t.id}`);
        await audit(ctx, { event: `flow.timer.${t.kind}`, objectType: 'flow_task', objectId: t.task_id, detail: { timerId: t.id, recipient } });
      }
      return due.length;
    });
    fired += n;
    if (n < batch) return fired;
  }
}

/** The leader in charge of the assignee's unit, else the principal leader, else the assignee. */
async function escalationTarget(db: Db, personId: string, date: string): Promise<string> {
  const [p] = await rows<{ unit_id: string | null }>(db, sql`select unit_id from people where id = ${personId}`);
  const leader = p?.unit_id ? await orgDirectory.leaderInChargeOfUnit(db, p.unit_id, date) : null;
  if (leader && leader !== personId) return leader;
  const principal = await orgDirectory.principalLeader(db, date);
  return principal && principal !== personId ? principal : personId;
}

import { and, asc, desc, eq, inArray, isNull, lt, or } from 'drizzle-orm';
import { can, requireActor, withTx, type Ctx } from '../../kernel/context';
import { audit } from '../../kernel/audit/write';
import { loadWorkingCalendar } from '../../kernel/calendar';
import { errors } from '../../kernel/errors';
import { newId } from '../../kernel/ids';
import { notify } from '../../kernel/notify';
import { personWithPosts } from '../../kernel/org';
import { addDays, localDate } from '../../kernel/time';
import { SZYD28, SZYD30, WR10 } from './rules';
import { decisionTasks, meetingDecisions, taskReports } from './schema';
import { assertResponsibility } from './service-decisions';

/**
 * 督办 (SZYD-30, SZYD-35, DM-17): a decision in force becomes tasks with an owner,
 * co-owners and a deadline in working days on the office calendar; owners report progress;
 * 综合科 closes them; overdue tasks remind their owners once a day (kernel/notify).
 */
export interface TaskInput {
  title: string;
  ownerId: string;
  coOwnerIds?: string[];
  /** Working days from the decision date; default SZYD-30's parameter. */
  dueWorkingDays?: number;
}

export async function createTask(ctx: Ctx, decisionId: string, input: TaskInput): Promise<{ id: string; dueDate: string }> {
  const actor = requireActor(ctx);
  return withTx(ctx, async (tx) => {
    const [d] = await tx.db.select().from(meetingDecisions).where(eq(meetingDecisions.id, decisionId));
    if (!d) throw errors.notFound('会议决定');
    if (d.status !== 'in_force') throw errors.conflict(`决定已${d.status === 'revoked' ? '撤销' : '被新决定改变'}，不再督办（${SZYD28.id}）`);
    await assertResponsibility(tx, d);
    if (!(await personWithPosts(tx.db, input.ownerId))) throw errors.badRequest('责任人不存在');
    const calendar = await loadWorkingCalendar(tx.db);
    const dueDate = calendar.add(d.decidedOn, input.dueWorkingDays ?? SZYD30.param('defaultDueWorkingDays'));
    const id = newId('tsk');
    await tx.db.insert(decisionTasks).values({ id, decisionId, title: input.title, ownerId: input.ownerId, coOwnerIds: input.coOwnerIds ?? [], dueDate,
      createdBy: actor.accountId, createdAt: tx.clock.now() });
    await notify(tx.db, { recipientPersonId: input.ownerId, kind: 'info', title: `督办事项：${input.title}`, body: `依据会议决定“${d.title}”，请于 ${dueDate} 前办结并报告落实情况。`,
      link: '/meetings/followups', objectType: 'decision_task', objectId: id }, tx.clock.now());
    await audit(tx, { event: 'meetings.task.create', objectType: 'decision_task', objectId: id, detail: { decisionId, dueDate } });
    return { id, dueDate };
  });
}

async function loadTask(ctx: Ctx, id: string) {
  const [t] = await ctx.db.select().from(decisionTasks).where(eq(decisionTasks.id, id)).for('update');
  if (!t) throw errors.notFound('督办事项');
  return t;
}

/** Owners and co-owners report progress (落实情况), with evidence described. */
export async function reportProgress(ctx: Ctx, taskId: string, input: { body: string; evidence?: string }): Promise<void> {
  const actor = requireActor(ctx);
  await withTx(ctx, async (tx) => {
    const t = await loadTask(tx, taskId);
    const own = actor.personId && (t.ownerId === actor.personId || t.coOwnerIds.includes(actor.personId));
    if (!own && !can(tx, 'meetings.manage')) throw errors.forbidden('只有责任人、协办人或综合科可以报告落实情况');
    if (t.status === 'done') throw errors.conflict('该督办事项已办结');
    await tx.db.insert(taskReports).values({ id: newId('tkr'), taskId, personId: actor.personId ?? actor.accountId, body: input.body, evidence: input.evidence ?? '', at: tx.clock.now() });
    await audit(tx, { event: 'meetings.task.report', objectType: 'decision_task', objectId: taskId });
  });
}

/** 综合科 closes a task after a report (SZYD-35). */
export async function closeTask(ctx: Ctx, taskId: string, note: string): Promise<void> {
  const actor = requireActor(ctx);
  await withTx(ctx, async (tx) => {
    const t = await loadTask(tx, taskId);
    if (t.status === 'done') throw errors.conflict('该督办事项已办结');
    const [report] = await tx.db.select({ id: taskReports.id }).from(taskReports).where(eq(taskReports.taskId, taskId)).limit(1);
    if (!report) throw errors.unprocessable('NO_REPORT', '尚无落实情况报告，不能办结');
    await tx.db.update(decisionTasks).set({ status: 'done', closedAt: tx.clock.now(), closedBy: actor.accountId, closingNote: note }).where(eq(decisionTasks.id, taskId));
    await audit(tx, { event: 'meetings.task.close', objectType: 'decision_task', objectId: taskId });
  });
}

/** Remind owners of overdue open tasks, at most once a local day per task (safe on several servers). */
export async function remindOverdueTasks(ctx: Ctx): Promise<number> {
  const today = localDate(ctx.clock.now());
  return withTx(ctx, async (tx) => {
    const open = await tx.db.select().from(decisionTasks)
      .where(and(eq(decisionTasks.status, 'open'), or(isNull(decisionTasks.lastRemindedOn), lt(decisionTasks.lastRemindedOn, today))))
      .for('update', { skipLocked: true });
    // WR-10: besides overdue tasks, tasks with no execution report yet once the first report is due.
    const reported = open.length ? new Set((await tx.db.select({ id: taskReports.taskId }).from(taskReports).where(inArray(taskReports.taskId, open.map((t) => t.id)))).map((r) => r.id)) : new Set<string>();
    const firstReportDue = (t: (typeof open)[number]) => addDays(localDate(t.createdAt), WR10.param('firstReportDays'));
    const due = open.filter((t) => t.dueDate < today || (!reported.has(t.id) && firstReportDue(t) <= today));
    for (const t of due) {
      const overdue = t.dueDate < today;
      for (const person of new Set([t.ownerId, ...t.coOwnerIds])) {
        await notify(tx.db, overdue
          ? { recipientPersonId: person, kind: 'overdue', title: `督办事项逾期：${t.title}`, body: `办理期限 ${t.dueDate} 已过，请尽快办结并报告落实情况（${SZYD30.id}）。`,
            link: '/meetings/followups', objectType: 'decision_task', objectId: t.id }
          : { recipientPersonId: person, kind: 'remind', title: `请报告执行情况：${t.title}`, body: `自 ${firstReportDue(t)} 起应报告执行情况，尚未报告（${WR10.id}）。`,
            link: '/meetings/followups', objectType: 'decision_task', objectId: t.id }, tx.clock.now());
      }
      await tx.db.update(decisionTasks).set({ lastRemindedOn: today }).where(eq(decisionTasks.id, t.id));
    }
    if (due.length) await audit(tx, { event: 'meetings.task.remind', detail: { tasks: due.map((t) => t.id) } });
    return due.length;
  });
}

/** 落实情况 list: tasks with their decision, latest reports and overdue flag. */
export async function followupList(ctx: Ctx, opts: { status?: 'open' | 'done' } = {}) {
  const today = localDate(ctx.clock.now());
  const found = await ctx.db.select({ t: decisionTasks, decisionTitle: meetingDecisions.title, decisionStatus: meetingDecisions.status })
    .from(decisionTasks).innerJoin(meetingDecisions, eq(meetingDecisions.id, decisionTasks.decisionId))
    .where(opts.status ? eq(decisionTasks.status, opts.status) : undefined).orderBy(asc(decisionTasks.dueDate)).limit(500);
  const ids = found.map((f) => f.t.id);
  const reports = ids.length ? await ctx.db.select().from(taskReports).where(inArray(taskReports.taskId, ids)).orderBy(desc(taskReports.at)) : [];
  const names = new Map<string, string>();
  for (const id of new Set(found.flatMap((f) => [f.t.ownerId, ...f.t.coOwnerIds]))) names.set(id, (await personWithPosts(ctx.db, id))?.name ?? id);
  return {
    tasks: found.map(({ t, decisionTitle, decisionStatus }) => ({
      ...t, decisionTitle, decisionStatus, ownerName: names.get(t.ownerId), coOwnerNames: t.coOwnerIds.map((id) => names.get(id)),
      overdue: t.status === 'open' && t.dueDate < today, reports: reports.filter((r) => r.taskId === t.id),
    })),
  };
}

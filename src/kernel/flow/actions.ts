import { sql } from 'drizzle-orm';
import type { Ctx } from '../context';
import { requireActor, withTx } from '../context';
import { audit } from '../audit/write';
import { rows } from '../db';
import { AppError, errors } from '../errors';
import { enforce } from '../rules';
import { localDate } from '../time';
import { notify } from '../notify';
import {
  activateStep,
  advanceIfComplete,
  applicantOf,
  completeInstance,
  definitionOf,
  prepare,
  reload,
} from './engine';
import { orgDirectory } from './org-directory';
import {
  cancelPending,
  decideTask,
  decideTaskSql,
  insertTask,
  lockInstance,
  lockTask,
  personName,
  recordAction,
  recordActionReturning,
  setInstanceState,
  stepTasks,
  type InstanceRow,
  type TaskRow,
} from './store';
import type { ActionKind, Applicant, Facts } from './types';

export interface TaskActionInput {
  comment?: string;
  acknowledged?: string[];
  /** return: the step to go back to, or 'applicant'. */
  toStep?: number | 'applicant';
  /** delegate / add_signer: the person. */
  personId?: string;
  /** record_external: the outside decision and its document. */
  external?: { approver: string; decision: 'approve' | 'reject'; documentRef: string; decidedOn: string };
}

const STATUS_TEXT: Record<string, string> = {
  approved: '已同意',
  rejected: '已退回不同意',
  returned: '已退回',
  cancelled: '已取消',
  delegated: '已转办',
  read: '已阅',
  recorded: '已登记',
  withdrawn: '已撤回',
};

const ACTIVE_TASK_ACTIONS: ActionKind[] = ['approve', 'reject', 'return', 'delegate', 'add_signer', 'record_external'];

/**
 * Act on a task. The instance row is locked first, so two people acting on one instance at
 * the same moment are serialised: the second finds the task already handled and gets a
 * clear 409, and a countersign never loses or doubles a signature.
 */
export async function actOnTask(ctx: Ctx, taskId: string, action: ActionKind, input: TaskActionInput = {}): Promise<InstanceRow> {
  return withTx(ctx, async (tx) => {
    const actor = requireActor(tx);
    // The task, its instance (both locked) and the applicant in one round trip (lockTask).
    const found = await lockTask(tx.db, taskId);
    if (!found) throw errors.notFound('待办');
    const { inst, task } = found;
    await assertMayAct(tx, task, actor.personId);
    if (task.status !== 'pending') {
      const by = task.decided_by_person_id ? await personName(tx.db, task.decided_by_person_id) : '他人';
      throw errors.conflict(`该待办${STATUS_TEXT[task.status] ?? '已处理'}（${by}），无需重复办理，请刷新页面`);
    }
    if (inst.status !== 'running' || (ACTIVE_TASK_ACTIONS.includes(action) && inst.current_step !== task.step_index)) {
      throw errors.conflict('该事项已不在此环节，请刷新页面查看最新进展');
    }
    const def = definitionOf(inst);
    const step = inst.plan[task.step_index];
    const facts = factsOf(inst, found.applicant);
    const actionFacts = { action, actorPersonId: actor.personId!, step, stepIndex: task.step_index, isLastStep: task.step_index === inst.plan.length - 1, facts, today: localDate(tx.clock.now()) };
    const warnings = enforce(
      [...(def.checkAction?.(actionFacts) ?? []), ...((await def.checkActionAsync?.(actionFacts, tx)) ?? [])],
      input.acknowledged,
    );
    const now = tx.clock.now();
    const comment = input.comment?.trim() || null;
    const base = { instanceId: inst.id, actor: actor.personId, at: now, taskId, stepIndex: task.step_index, comment };
    const detail = warnings.length ? { acknowledgedWarnings: warnings.map((w) => w.ruleId) } : undefined;
    switch (action) {
      case 'approve': {
        if (task.kind === 'notify') throw errors.badRequest('传阅事项请点击“已阅”');
        // The decision, its trail row and the step's other tasks in one round trip: the
        // RETURNING subquery reads flow_tasks as before this statement (this task excluded),
        // under the instance lock, so together with this approval it is the step as it now is.
        const { others } = await recordActionReturning<{ others: { status: string }[] }>(
          tx.db,
          { ...base, action: 'approve', detail: { verb: step.verb, ...detail } },
          sql`(select coalesce(json_agg(json_build_object('status', o.status)), '[]'::json) from flow_tasks o
              where o.instance_id = ${inst.id} and o.step_index = ${task.step_index} and o.round = ${task.round} and o.id <> ${taskId}) as others`,
          decideTaskSql(taskId, 'approved', actor.personId!, now, comment),
        );
        await advanceIfComplete(tx, inst, task.step_index, task.round, actor.personId!, [...others, { status: 'approved' }]);
        break;
      }
      case 'reject':
        requireComment(comment, '不同意时请填写理由');
        await recordAction(tx.db, { ...base, action: 'reject', detail }, decideTaskSql(taskId, 'rejected', actor.personId!, now, comment));
        await completeInstance(tx, inst, 'rejected');
        break;
      case 'return':
        await returnTo(tx, inst, task, input.toStep, comment, base);
        break;
      case 'delegate':
      case 'add_signer':
        await addPerson(tx, inst, task, action, input.personId, comment, base);
        break;
      case 'read':
        if (task.kind !== 'notify') throw errors.badRequest('只有传阅事项可以标记已阅');
        await recordAction(tx.db, { ...base, action: 'read' }, decideTaskSql(taskId, 'read', actor.personId!, now, comment));
        break;
      case 'record_external':
        await recordExternal(tx, inst, task, input, comment, base);
        break;
      default:
        throw errors.badRequest('不支持的操作');
    }
    await audit(tx, {
      event: `flow.${inst.definition_key}.${action}`,
      objectType: 'flow_instance',
      objectId: inst.id,
      detail: { taskId, step: step.name, comment, ...(detail ?? {}) },
    });
    // `inst` was kept up to date in memory by every state change above (setInstanceState):
    // no need to read it back.
    return inst;
  });
}

function requireComment(comment: string | null, message: string): void {
  if (!comment) throw errors.badRequest(message);
}

/** The facts the flow's rules see; the applicant was loaded with the task (lockTask). */
function factsOf(inst: InstanceRow, applicant: Applicant | undefined): Facts<Record<string, unknown>> {
  if (!applicant) throw errors.notFound('申请人');
  return { form: inst.form, applicant, derived: inst.facts };
}

/** The assignee, or whoever is acting for the assignee today, may act on a task. */
async function assertMayAct(ctx: Ctx, task: TaskRow, personId: string | null): Promise<void> {
  if (!personId) throw errors.forbidden('该账号未关联人员，不能办理审批');
  if (task.assignee_person_id === personId) return;
  const acting = await orgDirectory.actingFor(ctx.db, task.assignee_person_id, localDate(ctx.clock.now()));
  if (acting === personId) return;
  throw errors.forbidden('这不是您的待办');
}

type ActionBase = { instanceId: string; actor: string | null; at: Date; taskId: string; stepIndex: number; comment: string | null };

async function returnTo(ctx: Ctx, inst: InstanceRow, task: TaskRow, toStep: number | 'applicant' | undefined, comment: string | null, base: ActionBase) {
  requireComment(comment, '退回时请填写理由');
  if (toStep === undefined) throw errors.badRequest('请选择退回到哪一步');
  if (toStep !== 'applicant' && (!Number.isInteger(toStep) || toStep < 0 || toStep >= task.step_index)) {
    throw errors.badRequest('只能退回到之前的环节');
  }
  await decideTask(ctx.db, task.id, 'returned', base.actor!, base.at, comment);
  await cancelPending(ctx.db, inst.id, base.at, task.step_index);
  await recordAction(ctx.db, { ...base, action: 'return', detail: { toStep } });
  if (toStep === 'applicant') {
    await setInstanceState(ctx.db, inst, { status: 'returned', currentStep: null });
    await notify(ctx.db, { recipientPersonId: inst.applicant_person_id, kind: 'info', title: `您的申请被退回修改：${inst.title}`, body: comment ?? '', link: `/flow/instances/${inst.id}`, objectType: 'flow_instance', objectId: inst.id }, base.at);
    return;
  }
  await activateStep(ctx, inst, toStep, null);
}

async function addPerson(ctx: Ctx, inst: InstanceRow, task: TaskRow, action: 'delegate' | 'add_signer', personId: string | undefined, comment: string | null, base: ActionBase) {
  if (!personId) throw errors.badRequest(action === 'delegate' ? '请选择转办给谁' : '请选择加签人');
  const [person] = await rows<{ id: string; active: boolean }>(ctx.db, sql`select id, active from people where id = ${personId}`);
  if (!person || !person.active) throw errors.badRequest('所选人员不存在或已离岗');
  if (personId === inst.applicant_person_id) throw errors.badRequest('不能交由申请人本人审批');
  const open = await stepTasks(ctx.db, inst.id, task.step_index, task.round);
  if (open.some((t) => t.assignee_person_id === personId && ['pending', 'approved'].includes(t.status))) {
    throw errors.conflict('此人已在本环节的审批人中');
  }
  if (task.kind !== 'approve') throw errors.badRequest('此类待办不能转办或加签');
  if (action === 'delegate') await decideTask(ctx.db, task.id, 'delegated', base.actor!, base.at, comment);
  await insertTask(ctx.db, {
    instanceId: inst.id,
    stepIndex: task.step_index,
    round: task.round,
    kind: 'approve',
    assignee: personId,
    onBehalfOf: action === 'delegate' ? task.on_behalf_of_person_id ?? task.assignee_person_id : null,
    origin: action === 'delegate' ? 'delegated' : 'added',
    dueDate: task.due_date,
    at: base.at,
  });
  await recordAction(ctx.db, { ...base, action, detail: { personId, name: await personName(ctx.db, personId) } });
}

async function recordExternal(ctx: Ctx, inst: InstanceRow, task: TaskRow, input: TaskActionInput, comment: string | null, base: ActionBase) {
  if (task.kind !== 'external') throw errors.badRequest('此待办不是外部审批登记');
  const ext = input.external;
  if (!ext?.approver?.trim() || !ext.documentRef?.trim() || !ext.decidedOn) throw errors.badRequest('请填写外部审批人、审批文件（或记录编号）和审批日期');
  await decideTask(ctx.db, task.id, ext.decision === 'approve' ? 'recorded' : 'rejected', base.actor!, base.at, comment, ext);
  await recordAction(ctx.db, { ...base, action: 'record_external', detail: ext });
  if (ext.decision === 'reject') await completeInstance(ctx, inst, 'rejected');
  else await advanceIfComplete(ctx, inst, task.step_index, task.round, base.actor!);
}

/**
 * Withdraw (撤回) before the next step acts: the applicant withdraws the request while the
 * current step is untouched; an approver takes back the signature that moved the request
 * on, while the step it moved to is untouched.
 */
export async function withdraw(ctx: Ctx, instanceId: string, comment?: string): Promise<InstanceRow> {
  return withTx(ctx, async (tx) => {
    const actor = requireActor(tx);
    const inst = await lockInstance(tx.db, instanceId);
    if (!inst) throw errors.notFound('审批事项');
    if (inst.status !== 'running' || inst.current_step === null) throw errors.conflict('该事项已办结，不能撤回');
    const now = tx.clock.now();
    const current = await stepTasks(tx.db, inst.id, inst.current_step, await roundOf(tx, inst));
    if (current.some((t) => t.kind !== 'notify' && t.status !== 'pending')) {
      throw new AppError('FLOW_TOO_LATE', 409, '下一环节已经办理，不能撤回');
    }
    const prev = await lastSignature(tx, inst);
    if (prev && prev.decided_by_person_id === actor.personId) {
      await cancelPending(tx.db, inst.id, now, inst.current_step);
      await tx.db.execute(sql`update flow_tasks set status = 'withdrawn' where id = ${prev.id}`);
      await insertTask(tx.db, { instanceId: inst.id, stepIndex: prev.step_index, round: prev.round, kind: prev.kind, assignee: prev.assignee_person_id, onBehalfOf: prev.on_behalf_of_person_id, origin: 'withdrawn', dueDate: prev.due_date, at: now });
      await setInstanceState(tx.db, inst, { currentStep: prev.step_index });
      await recordAction(tx.db, { instanceId: inst.id, action: 'withdraw', actor: actor.personId, at: now, stepIndex: prev.step_index, comment: comment ?? null });
    } else if (!prev && inst.applicant_person_id === actor.personId) {
      await recordAction(tx.db, { instanceId: inst.id, action: 'withdraw', actor: actor.personId, at: now, comment: comment ?? null });
      await completeInstance(tx, inst, 'withdrawn');
    } else {
      throw errors.forbidden('只有申请人（尚无人审批时）或上一环节的审批人可以撤回');
    }
    await audit(tx, { event: `flow.${inst.definition_key}.withdraw`, objectType: 'flow_instance', objectId: inst.id, detail: { comment } });
    return inst;
  });
}

async function roundOf(ctx: Ctx, inst: InstanceRow): Promise<number> {
  const [r] = await rows<{ round: number }>(ctx.db, sql`select coalesce(max(round), 0) as round from flow_tasks where instance_id = ${inst.id} and step_index = ${inst.current_step}`);
  return r.round;
}

/** The signature that moved the request to its current step (the previous step's last approval). */
async function lastSignature(ctx: Ctx, inst: InstanceRow): Promise<TaskRow | undefined> {
  const [t] = await rows<TaskRow>(
    ctx.db,
    sql`select * from flow_tasks where instance_id = ${inst.id} and step_index < ${inst.current_step}
        and status in ('approved', 'recorded') order by decided_at desc, id desc limit 1`,
  );
  return t;
}

/** Comment on an instance (participants only); no state changes. */
export async function commentOn(ctx: Ctx, instanceId: string, comment: string): Promise<void> {
  await withTx(ctx, async (tx) => {
    const actor = requireActor(tx);
    const inst = await lockInstance(tx.db, instanceId);
    if (!inst) throw errors.notFound('审批事项');
    if (!comment.trim()) throw errors.badRequest('请填写意见内容');
    await recordAction(tx.db, { instanceId, action: 'comment', actor: actor.personId, at: tx.clock.now(), comment: comment.trim() });
    await audit(tx, { event: `flow.${inst.definition_key}.comment`, objectType: 'flow_instance', objectId: instanceId });
  });
}

/** Remind (催办) the people holding the request now; at most once every few hours. */
export async function remind(ctx: Ctx, instanceId: string, comment: string | undefined, minHoursBetween: number): Promise<number> {
  return withTx(ctx, async (tx) => {
    const actor = requireActor(tx);
    const inst = await lockInstance(tx.db, instanceId);
    if (!inst) throw errors.notFound('审批事项');
    if (inst.status !== 'running') throw errors.conflict('该事项已办结，无需催办');
    const now = tx.clock.now();
    const [last] = await rows<{ at: string }>(tx.db, sql`select at from flow_actions where instance_id = ${instanceId} and action = 'remind' order by seq desc limit 1`);
    if (last && now.getTime() - new Date(last.at).getTime() < minHoursBetween * 3600_000) {
      throw errors.conflict(`已于 ${new Date(last.at).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai' })} 催办过，${minHoursBetween} 小时内不重复催办`);
    }
    const pending = await rows<{ assignee_person_id: string }>(tx.db, sql`select assignee_person_id from flow_tasks where instance_id = ${instanceId} and status = 'pending' and kind <> 'notify'`);
    for (const p of pending) {
      await notify(tx.db, { recipientPersonId: p.assignee_person_id, kind: 'remind', title: `催办：${inst.title}`, body: comment ?? '', link: `/flow/instances/${instanceId}`, objectType: 'flow_instance', objectId: instanceId }, now);
    }
    await recordAction(tx.db, { instanceId, action: 'remind', actor: actor.personId, at: now, comment: comment ?? null, detail: { recipients: pending.map((p) => p.assignee_person_id) } });
    await audit(tx, { event: `flow.${inst.definition_key}.remind`, objectType: 'flow_instance', objectId: instanceId });
    return pending.length;
  });
}

/** Resubmit a request that was returned to the applicant, with a corrected form. */
export async function resubmit(ctx: Ctx, instanceId: string, rawForm: unknown, acknowledged: string[] = []): Promise<InstanceRow> {
  return withTx(ctx, async (tx) => {
    const actor = requireActor(tx);
    const inst = await lockInstance(tx.db, instanceId);
    if (!inst) throw errors.notFound('审批事项');
    if (inst.applicant_person_id !== actor.personId) throw errors.forbidden('只有申请人可以重新提交');
    if (inst.status !== 'returned') throw errors.conflict('该事项未被退回，不能重新提交');
    const def = definitionOf(inst);
    const applicant = await applicantOf(tx, inst.applicant_person_id);
    const { facts, plan, verdicts } = await prepare(tx, def, rawForm, applicant);
    enforce(verdicts, acknowledged);
    const now = tx.clock.now();
    await tx.db.execute(sql`update flow_instances set form = ${JSON.stringify(facts.form)}::jsonb, facts = ${JSON.stringify(facts.derived)}::jsonb,
      plan = ${JSON.stringify(plan)}::jsonb, title = ${def.title(facts)}, status = 'running', revision = revision + 1 where id = ${instanceId}`);
    await recordAction(tx.db, { instanceId, action: 'resubmit', actor: actor.personId, at: now });
    await audit(tx, { event: `flow.${inst.definition_key}.resubmit`, objectType: 'flow_instance', objectId: instanceId });
    const fresh = await reload(tx, instanceId);
    await activateStep(tx, fresh, 0, null);
    return fresh;
  });
}

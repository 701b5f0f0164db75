import { sql } from 'drizzle-orm';
import type { Ctx } from '../context';
import { rows } from '../db';
import { requireActor, withTx } from '../context';
import { audit } from '../audit/write';
import { errors } from '../errors';
import { newId } from '../ids';
import { enforce, type Flagged } from '../rules';
import { localDate } from '../time';
import { addWorkingDays } from './deadlines';
import { planSteps, requiredApprovals } from './plan';
import { getFlow } from './registry';
import { resolveAssignees, type Assignee } from './resolve';
import {
  cancelPendingCtes,
  cancelPending,
  currentRound,
  insertTask,
  loadApplicant,
  recordAction,
  setInstanceState,
  setInstanceStateSql,
  stepTasks,
  type InstanceRow,
  type TaskRow,
} from './store';
import { scheduleTaskTimers } from './timers';
import type { Applicant, Facts, FlowDefinition, PlannedStep } from './types';

export interface StartInput {
  form: unknown;
  subjectType?: string;
  subjectId?: string;
  /** Rule ids of warnings the applicant has seen and accepted. */
  acknowledged?: string[];
}

export interface StartResult {
  instanceId: string;
  warnings: Flagged[];
  plan: PlannedStep[];
  facts: Record<string, unknown>;
}

export function definitionOf(row: Pick<InstanceRow, 'definition_key' | 'definition_version'>): FlowDefinition<Record<string, unknown>> {
  const def = getFlow(row.definition_key, row.definition_version);
  if (!def) throw new Error(`Flow definition ${row.definition_key}@${row.definition_version} is not registered`);
  return def;
}

export async function applicantOf(ctx: Ctx, personId: string | null): Promise<Applicant> {
  if (!personId) throw errors.forbidden('该账号未关联人员，不能发起审批');
  const applicant = await loadApplicant(ctx.db, personId);
  if (!applicant) throw errors.notFound('申请人');
  return applicant;
}

/** Parse the form, derive the facts, check the rules and compute the route, without saving. */
export async function prepare(
  ctx: Ctx,
  def: FlowDefinition<Record<string, unknown>>,
  rawForm: unknown,
  applicant: Applicant,
): Promise<{ facts: Facts<Record<string, unknown>>; plan: PlannedStep[]; verdicts: Awaited<ReturnType<NonNullable<typeof def.checkSubmit>>> }> {
  const parsed = def.form.safeParse(rawForm);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw errors.badRequest(`${def.name}填写有误：${issue.path.join('.') ? `${issue.path.join('.')} ` : ''}${issue.message}`, parsed.error.issues);
  }
  const form = parsed.data;
  const derived = (await def.derive?.(ctx, form, applicant)) ?? {};
  const facts: Facts<Record<string, unknown>> = { form, applicant, derived };
  const verdicts = (await def.checkSubmit?.(ctx, facts)) ?? [];
  const plan = planSteps(def, facts);
  if (plan.length === 0) throw errors.unprocessable('FLOW_EMPTY_PLAN', `${def.name}没有适用的审批步骤，请联系系统管理员检查流程定义`);
  return { facts, plan, verdicts };
}

/** Submit a new request: freeze its route, start the first step. Audited in the same transaction. */
export async function startFlow(ctx: Ctx, key: string, input: StartInput): Promise<StartResult> {
  const def = getFlow(key);
  if (!def) throw errors.notFound('审批流程');
  return withTx(ctx, async (tx) => {
    const actor = requireActor(tx);
    const applicant = await applicantOf(tx, actor.personId);
    const { facts, plan, verdicts } = await prepare(tx, def, input.form, applicant);
    const warnings = enforce(verdicts, input.acknowledged);
    const now = tx.clock.now();
    // Resolve every step now as well, so a route with no approver fails at submission.
    for (const step of plan) withoutApplicant(step, await resolveAssignees(tx.db, step.approvers, applicant, facts.form, localDate(now), step.name), applicant);
    const id = newId('flw');
    await tx.db.execute(sql`insert into flow_instances (id, definition_key, definition_version, title, applicant_person_id, applicant_unit_id,
        form, facts, plan, status, current_step, subject_type, subject_id, submitted_at)
      values (${id}, ${def.key}, ${def.version}, ${def.title(facts)}, ${applicant.personId}, ${applicant.unitId},
        ${JSON.stringify(facts.form)}::jsonb, ${JSON.stringify(facts.derived)}::jsonb, ${JSON.stringify(plan)}::jsonb,
        'running', 0, ${input.subjectType ?? null}, ${input.subjectId ?? null}, ${now.toISOString()})`);
    await recordAction(tx.db, { instanceId: id, action: 'submit', actor: applicant.personId, at: now, detail: warningDetail(warnings) });
    await audit(tx, { event: `flow.${def.key}.submit`, objectType: 'flow_instance', objectId: id, detail: { title: def.title(facts), ...warningDetail(warnings) } });
    await activateStep(tx, await reload(tx, id), 0, null);
    return { instanceId: id, warnings, plan, facts: facts.derived };
  });
}

function warningDetail(warnings: Flagged[]): Record<string, unknown> {
  return warnings.length ? { acknowledgedWarnings: warnings.map((w) => ({ ruleId: w.ruleId, message: w.message })) } : {};
}

/** Nobody approves their own request: drop the applicant from approval steps, fail if none is left. */
function withoutApplicant(step: PlannedStep, assignees: Assignee[], applicant: Applicant): Assignee[] {
  if (step.kind === 'notify' || step.kind === 'external') return assignees;
  const left = assignees.filter((a) => a.personId !== applicant.personId);
  if (left.length === 0) {
    throw errors.unprocessable('FLOW_SELF_APPROVAL', `“${step.name}”的审批人是申请人本人，不能自己审批自己的申请，请联系综合科调整审批人（如指定代理人）`);
  }
  return left;
}

export async function reload(ctx: Ctx, id: string): Promise<InstanceRow> {
  const [row] = await rows<InstanceRow>(ctx.db, sql`select * from flow_instances where id = ${id}`);
  if (!row) throw errors.notFound('审批事项');
  return row;
}

/** Who signed last, when the engine knows it (the approval that completed the step). */
export interface Signature {
  personId: string;
  at: Date;
}

/**
 * Start step `index`: resolve its approvers for today, create their tasks and deadline
 * timers. A single-approver step whose approver just approved the previous step is merged
 * into it (the catalog's chain-building rule), and notify steps do not hold the route.
 * `inst` is updated in memory with the state written (setInstanceState).
 */
export async function activateStep(ctx: Ctx, inst: InstanceRow, index: number, previousApprover: string | null, signer?: Signature): Promise<void> {
  const now = ctx.clock.now();
  if (index >= inst.plan.length) return completeInstance(ctx, inst, 'approved', signer);
  const step = inst.plan[index];
  const applicant = await applicantOf(ctx, inst.applicant_person_id);
  const today = localDate(now);
  const assignees = withoutApplicant(step, await resolveAssignees(ctx.db, step.approvers, applicant, inst.form, today, step.name), applicant);
  const round = (await currentRound(ctx.db, inst.id, index)) + 1;
  await setInstanceState(ctx.db, inst, { currentStep: index });
  if (step.kind === 'single' && assignees.length === 1 && previousApprover && assignees[0].personId === previousApprover) {
    await recordAction(ctx.db, { instanceId: inst.id, action: 'merge', actor: previousApprover, at: now, stepIndex: index, detail: { step: step.name } });
    return activateStep(ctx, inst, index + 1, previousApprover, signer);
  }
  const dueDate = step.dueWorkingDays ? await addWorkingDays(ctx.db, today, step.dueWorkingDays) : null;
  const kind = step.kind === 'notify' ? 'notify' : step.kind === 'external' ? 'external' : 'approve';
  for (const a of assignees) {
    const taskId = await insertTask(ctx.db, {
      instanceId: inst.id,
      stepIndex: index,
      round,
      kind,
      assignee: a.personId,
      onBehalfOf: a.onBehalfOf,
      origin: a.onBehalfOf ? 'acting' : 'plan',
      dueDate,
      at: now,
    });
    if (dueDate && kind !== 'notify') await scheduleTaskTimers(ctx.db, inst.id, taskId, dueDate, step.escalateAfterWorkingDays);
  }
  if (step.kind === 'notify') return activateStep(ctx, inst, index + 1, previousApprover, signer);
}

/**
 * After a signature: is the current step complete? Then cancel the rest and move on.
 * `tasks`, when the caller has them, are the step's tasks as they are now (the signature
 * included), which saves reading them again.
 */
export async function advanceIfComplete(ctx: Ctx, inst: InstanceRow, stepIndex: number, round: number, actorPersonId: string, tasks?: Pick<TaskRow, 'status'>[]): Promise<void> {
  const step = inst.plan[stepIndex];
  const live = (tasks ?? (await stepTasks(ctx.db, inst.id, stepIndex, round))).filter((t) => !['cancelled', 'delegated', 'withdrawn'].includes(t.status));
  const approved = live.filter((t) => t.status === 'approved' || t.status === 'recorded').length;
  if (approved < requiredApprovals(step, live.length)) return;
  // After the last step completeInstance cancels every pending task of the instance, this
  // step's included: cancelling the step first as well would be a redundant round trip.
  if (stepIndex + 1 < inst.plan.length) await cancelPending(ctx.db, inst.id, ctx.clock.now(), stepIndex);
  const single = live.length === 1 ? actorPersonId : null;
  await activateStep(ctx, inst, stepIndex + 1, single, { personId: actorPersonId, at: ctx.clock.now() });
}

/**
 * Close the instance: cancel what is still pending, set the outcome and write the trail row
 * in one statement, audit, and run the flow's onComplete. `signer` is the signature that
 * completed an approved instance, when the caller knows it.
 */
export async function completeInstance(ctx: Ctx, inst: InstanceRow, outcome: 'approved' | 'rejected' | 'withdrawn', signer?: Signature): Promise<void> {
  const now = ctx.clock.now();
  await recordAction(
    ctx.db,
    { instanceId: inst.id, action: 'complete', actor: null, at: now, detail: { outcome } },
    ...cancelPendingCtes(inst.id, now),
    setInstanceStateSql(inst, { status: outcome, currentStep: null, completedAt: now }),
  );
  await audit(ctx, { event: `flow.${inst.definition_key}.${outcome}`, objectType: 'flow_instance', objectId: inst.id });
  const def = definitionOf(inst);
  await def.onComplete?.(
    ctx,
    {
      id: inst.id,
      subjectType: inst.subject_type,
      subjectId: inst.subject_id,
      form: inst.form,
      facts: inst.facts,
      applicantPersonId: inst.applicant_person_id,
      ...(outcome === 'approved' && signer ? { signedBy: signer } : {}),
    },
    outcome,
  );
}

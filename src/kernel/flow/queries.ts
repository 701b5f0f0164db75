import { sql } from 'drizzle-orm';
import type { Ctx } from '../context';
import { requireActor } from '../context';
import { rows } from '../db';
import { errors } from '../errors';
import { inScope } from '../access/scope';
import { localDate } from '../time';
import { getFlow } from './registry';
import { VERB_LABEL, type PlannedStep } from './types';

export type Box = 'todo' | 'done' | 'mine' | 'toread';

export interface InboxItem {
  instanceId: string;
  taskId: string | null;
  definitionKey: string;
  title: string;
  applicantName: string;
  status: string;
  stepName: string | null;
  submittedAt: string;
  dueDate: string | null;
  overdue: boolean;
  decidedAt: string | null;
}

export interface InboxFilter {
  box: Box;
  key?: string;
  q?: string;
  limit: number;
  offset: number;
}

/** 待办 / 已办 / 我发起的 / 待阅 for the actor, newest first, with due dates and overdue marks. */
export async function inbox(ctx: Ctx, f: InboxFilter): Promise<{ items: InboxItem[]; total: number }> {
  const actor = requireActor(ctx);
  const me = actor.personId ?? '';
  const today = localDate(ctx.clock.now());
  const keyFilter = f.key ? sql` and i.definition_key = ${f.key}` : sql``;
  const qFilter = f.q ? sql` and i.title like ${'%' + f.q.replace(/[%_\\]/g, (c) => '\\' + c) + '%'}` : sql``;
  const byBox = {
    todo: sql`from flow_tasks t join flow_instances i on i.id = t.instance_id join people p on p.id = i.applicant_person_id
              where t.assignee_person_id = ${me} and t.status = 'pending' and t.kind <> 'notify' and i.status = 'running'`,
    toread: sql`from flow_tasks t join flow_instances i on i.id = t.instance_id join people p on p.id = i.applicant_person_id
              where t.assignee_person_id = ${me} and t.status = 'pending' and t.kind = 'notify'`,
    done: sql`from flow_tasks t join flow_instances i on i.id = t.instance_id join people p on p.id = i.applicant_person_id
              where t.decided_by_person_id = ${me} and t.status not in ('pending', 'cancelled')`,
    mine: sql`from flow_instances i join people p on p.id = i.applicant_person_id left join flow_tasks t on false where i.applicant_person_id = ${me}`,
  }[f.box];
  const order = f.box === 'todo' ? sql`order by t.due_date nulls last, i.submitted_at` : f.box === 'done' ? sql`order by t.decided_at desc` : sql`order by i.submitted_at desc`;
  const items = await rows<{
    instance_id: string;
    task_id: string | null;
    definition_key: string;
    title: string;
    applicant_name: string;
    status: string;
    plan: PlannedStep[];
    current_step: number | null;
    step_index: number | null;
    submitted_at: string;
    due_date: string | null;
    decided_at: string | null;
  }>(
    ctx.db,
    sql`select i.id as instance_id, t.id as task_id, i.definition_key, i.title, p.name as applicant_name, i.status, i.plan,
          i.current_step, t.step_index, i.submitted_at, t.due_date::text as due_date, t.decided_at
        ${byBox}${keyFilter}${qFilter}
        ${order} limit ${f.limit} offset ${f.offset}`,
  );
  const [count] = await rows<{ n: number }>(ctx.db, sql`select count(*)::int as n ${byBox}${keyFilter}${qFilter}`);
  return {
    total: count?.n ?? 0,
    items: items.map((r) => {
      const stepIndex = r.step_index ?? r.current_step;
      return {
        instanceId: r.instance_id,
        taskId: r.task_id,
        definitionKey: r.definition_key,
        title: r.title,
        applicantName: r.applicant_name,
        status: r.status,
        stepName: stepIndex !== null && stepIndex !== undefined ? r.plan[stepIndex]?.name ?? null : null,
        submittedAt: new Date(r.submitted_at).toISOString(),
        dueDate: r.due_date,
        overdue: f.box === 'todo' && r.due_date !== null && r.due_date < today,
        decidedAt: r.decided_at ? new Date(r.decided_at).toISOString() : null,
      };
    }),
  };
}

export async function counts(ctx: Ctx): Promise<{ todo: number; toread: number; overdue: number; notifications: number }> {
  const me = requireActor(ctx).personId ?? '';
  const today = localDate(ctx.clock.now());
  const [r] = await rows<{ todo: number; toread: number; overdue: number; notifications: number }>(
    ctx.db,
    sql`select
      (select count(*)::int from flow_tasks t join flow_instances i on i.id = t.instance_id where t.assignee_person_id = ${me} and t.status = 'pending' and t.kind <> 'notify' and i.status = 'running') as todo,
      (select count(*)::int from flow_tasks t where t.assignee_person_id = ${me} and t.status = 'pending' and t.kind = 'notify') as toread,
      (select count(*)::int from flow_tasks t join flow_instances i on i.id = t.instance_id where t.assignee_person_id = ${me} and t.status = 'pending' and t.kind <> 'notify' and i.status = 'running' and t.due_date < ${today}) as overdue,
      (select count(*)::int from notifications n where n.recipient_person_id = ${me} and n.read_at is null) as notifications`,
  );
  return r;
}

export interface InstanceDetail {
  id: string;
  definitionKey: string;
  definitionVersion: number;
  title: string;
  status: string;
  currentStep: number | null;
  revision: number;
  applicant: { personId: string; name: string; unitName: string | null };
  form: Record<string, unknown>;
  facts: Record<string, unknown>;
  submittedAt: string;
  completedAt: string | null;
  steps: {
    index: number;
    /** The step's id in the definition (section, leader …). */
    id: string;
    name: string;
    kind: string;
    verb: string;
    verbLabel: string;
    ruleIds: string[];
    tasks: {
      id: string;
      round: number;
      kind: string;
      assigneeName: string;
      assigneePersonId: string;
      onBehalfOfName: string | null;
      origin: string;
      status: string;
      comment: string | null;
      dueDate: string | null;
      decidedAt: string | null;
      decidedByName: string | null;
      external: Record<string, unknown> | null;
    }[];
  }[];
  trail: { seq: number; action: string; actorName: string | null; stepIndex: number | null; comment: string | null; detail: Record<string, unknown> | null; at: string }[];
  /** What the actor may do now (the UI shows only these buttons). */
  can: { act: string | null; withdraw: boolean; remind: boolean; resubmit: boolean; print: boolean };
}

/** One instance with its route, every task and the full trail; participants and those in scope only. */
export async function instanceDetail(ctx: Ctx, id: string): Promise<InstanceDetail> {
  const actor = requireActor(ctx);
  const [inst] = await rows<{
    id: string;
    definition_key: string;
    definition_version: number;
    title: string;
    status: string;
    current_step: number | null;
    revision: number;
    applicant_person_id: string;
    applicant_unit_id: string | null;
    applicant_name: string;
    unit_name: string | null;
    form: Record<string, unknown>;
    facts: Record<string, unknown>;
    plan: PlannedStep[];
    submitted_at: string;
    completed_at: string | null;
  }>(
    ctx.db,
    sql`select i.*, p.name as applicant_name, u.name as unit_name from flow_instances i
        join people p on p.id = i.applicant_person_id left join org_units u on u.id = i.applicant_unit_id where i.id = ${id}`,
  );
  if (!inst) throw errors.notFound('审批事项');
  const tasks = await rows<{
    id: string;
    step_index: number;
    round: number;
    kind: string;
    assignee_person_id: string;
    assignee_name: string;
    on_behalf_name: string | null;
    origin: string;
    status: string;
    comment: string | null;
    due_date: string | null;
    decided_at: string | null;
    decided_by_person_id: string | null;
    decided_by_name: string | null;
    external: Record<string, unknown> | null;
  }>(
    ctx.db,
    sql`select t.*, t.due_date::text as due_date, a.name as assignee_name, b.name as on_behalf_name, d.name as decided_by_name
        from flow_tasks t join people a on a.id = t.assignee_person_id
        left join people b on b.id = t.on_behalf_of_person_id left join people d on d.id = t.decided_by_person_id
        where t.instance_id = ${id} order by t.step_index, t.round, t.created_at, t.id`,
  );
  const me = actor.personId;
  const participant = inst.applicant_person_id === me || tasks.some((t) => t.assignee_person_id === me || t.decided_by_person_id === me);
  if (!participant && !inScope(ctx, { unitId: inst.applicant_unit_id, ownerPersonId: inst.applicant_person_id })) {
    throw errors.forbidden('您无权查看该审批事项');
  }
  const trail = await rows<{ seq: number; action: string; actor_name: string | null; step_index: number | null; comment: string | null; detail: Record<string, unknown> | null; at: string }>(
    ctx.db,
    sql`select a.seq, a.action, p.name as actor_name, a.step_index, a.comment, a.detail, a.at
        from flow_actions a left join people p on p.id = a.actor_person_id where a.instance_id = ${id} order by a.seq`,
  );
  const myTask = tasks.find((t) => t.assignee_person_id === me && t.status === 'pending');
  const current = inst.current_step;
  const currentTouched = current !== null && tasks.some((t) => t.step_index === current && t.kind !== 'notify' && !['pending', 'cancelled'].includes(t.status) && t.round === Math.max(...tasks.filter((x) => x.step_index === current).map((x) => x.round)));
  return {
    id: inst.id,
    definitionKey: inst.definition_key,
    definitionVersion: inst.definition_version,
    title: inst.title,
    status: inst.status,
    currentStep: current,
    revision: inst.revision,
    applicant: { personId: inst.applicant_person_id, name: inst.applicant_name, unitName: inst.unit_name },
    form: inst.form,
    facts: inst.facts,
    submittedAt: new Date(inst.submitted_at).toISOString(),
    completedAt: inst.completed_at ? new Date(inst.completed_at).toISOString() : null,
    steps: inst.plan.map((s, index) => ({
      index,
      id: s.id,
      name: s.name,
      kind: s.kind,
      verb: s.verb,
      verbLabel: VERB_LABEL[s.verb],
      ruleIds: s.ruleIds,
      tasks: tasks
        .filter((t) => t.step_index === index)
        .map((t) => ({
          id: t.id,
          round: t.round,
          kind: t.kind,
          assigneeName: t.assignee_name,
          assigneePersonId: t.assignee_person_id,
          onBehalfOfName: t.on_behalf_name,
          origin: t.origin,
          status: t.status,
          comment: t.comment,
          dueDate: t.due_date,
          decidedAt: t.decided_at ? new Date(t.decided_at).toISOString() : null,
          decidedByName: t.decided_by_name,
          external: t.external,
        })),
    })),
    trail: trail.map((a) => ({ seq: a.seq, action: a.action, actorName: a.actor_name, stepIndex: a.step_index, comment: a.comment, detail: a.detail, at: new Date(a.at).toISOString() })),
    can: {
      act: myTask?.id ?? null,
      withdraw: inst.status === 'running' && !currentTouched && (inst.applicant_person_id === me || tasks.some((t) => t.decided_by_person_id === me && t.step_index === (current ?? 0) - 1 && t.status === 'approved')),
      remind: inst.status === 'running' && inst.applicant_person_id === me,
      resubmit: inst.status === 'returned' && inst.applicant_person_id === me,
      print: Boolean(getFlow(inst.definition_key, inst.definition_version)?.printForm),
    },
  };
}

import { SQL, sql } from 'drizzle-orm';
import { rows, type Db } from '../db';
import { newId } from '../ids';
import type { Applicant, PlannedStep } from './types';

export interface InstanceRow {
  id: string;
  definition_key: string;
  definition_version: number;
  title: string;
  applicant_person_id: string;
  applicant_unit_id: string | null;
  form: Record<string, unknown>;
  facts: Record<string, unknown>;
  plan: PlannedStep[];
  status: 'running' | 'approved' | 'rejected' | 'withdrawn' | 'returned';
  current_step: number | null;
  revision: number;
  subject_type: string | null;
  subject_id: string | null;
  submitted_at: string;
  completed_at: string | null;
}

export interface TaskRow {
  id: string;
  instance_id: string;
  step_index: number;
  round: number;
  kind: 'approve' | 'notify' | 'external';
  assignee_person_id: string;
  on_behalf_of_person_id: string | null;
  origin: string;
  status: string;
  comment: string | null;
  due_date: string | null;
  decided_at: string | null;
  decided_by_person_id: string | null;
}

/** Lock the instance row: every action on one instance runs one at a time. */
export async function lockInstance(db: Db, id: string): Promise<InstanceRow | undefined> {
  const [row] = await rows<InstanceRow>(db, sql`select * from flow_instances where id = ${id} for update`);
  return row;
}

/** The task's columns under a `t_` prefix, so they sit beside the instance's in one row. */
const TASK_COLUMNS = [
  'id', 'instance_id', 'step_index', 'round', 'kind', 'assignee_person_id', 'on_behalf_of_person_id',
  'origin', 'status', 'comment', 'due_date', 'decided_at', 'decided_by_person_id',
] as const satisfies readonly (keyof TaskRow)[];
const TASK_SELECT = sql.raw(TASK_COLUMNS.map((c) => `t.${c} as t_${c}`).join(', '));

/**
 * Lock a task and its instance, and read both with the applicant the flow's rules reason
 * about, in one round trip (P1). `FOR UPDATE OF i, t`: every action on one instance locks
 * its row first, so actions on one instance run one at a time; the task row is locked too
 * so that, when this statement had to wait for the lock, PostgreSQL re-reads the task as the
 * winner left it (READ COMMITTED re-checks only the rows it locks: a joined row it does not
 * lock would be the version from before the wait, and a task approved meanwhile would look
 * pending). Every writer of flow_tasks holds the instance lock first, so the second lock
 * never waits on its own and adds no deadlock.
 */
export async function lockTask(db: Db, taskId: string): Promise<{ inst: InstanceRow; task: TaskRow; applicant: Applicant | undefined } | undefined> {
  const [row] = await rows<InstanceRow & Record<string, unknown>>(
    db,
    sql`select i.*, ${TASK_SELECT},
          p.id as ap_id, p.name as ap_name, p.unit_id as ap_unit_id, u.name as ap_unit_name, p.grade as ap_grade
        from flow_tasks t
        join flow_instances i on i.id = t.instance_id
        left join people p on p.id = i.applicant_person_id
        left join org_units u on u.id = p.unit_id
        where t.id = ${taskId}
        for update of i, t`,
  );
  if (!row) return undefined;
  const task = {} as Record<string, unknown>;
  const inst = {} as Record<string, unknown>;
  for (const [k, v] of Object.entries(row)) {
    if (k.startsWith('t_')) task[k.slice(2)] = v;
    else if (!k.startsWith('ap_')) inst[k] = v;
  }
  const applicant = row.ap_id
    ? { personId: row.ap_id as string, name: row.ap_name as string, unitId: row.ap_unit_id as string | null, unitName: row.ap_unit_name as string | null, grade: row.ap_grade as Applicant['grade'] }
    : undefined;
  return { inst: inst as unknown as InstanceRow, task: task as unknown as TaskRow, applicant };
}

export async function getTask(db: Db, id: string): Promise<TaskRow | undefined> {
  const [row] = await rows<TaskRow>(db, sql`select * from flow_tasks where id = ${id}`);
  return row;
}

export async function stepTasks(db: Db, instanceId: string, stepIndex: number, round: number): Promise<TaskRow[]> {
  return rows<TaskRow>(
    db,
    sql`select * from flow_tasks where instance_id = ${instanceId} and step_index = ${stepIndex} and round = ${round} order by created_at, id`,
  );
}

export async function currentRound(db: Db, instanceId: string, stepIndex: number): Promise<number> {
  const [r] = await rows<{ round: number | null }>(
    db,
    sql`select max(round) as round from flow_tasks where instance_id = ${instanceId} and step_index = ${stepIndex}`,
  );
  return r?.round ?? 0;
}

export async function insertTask(
  db: Db,
  t: {
    instanceId: string;
    stepIndex: number;
    round: number;
    kind: TaskRow['kind'];
    assignee: string;
    onBehalfOf?: string | null;
    origin?: string;
    dueDate?: string | null;
    at: Date;
  },
): Promise<string> {
  const id = newId('tsk');
  await db.execute(sql`insert into flow_tasks (id, instance_id, step_index, round, kind, assignee_person_id, on_behalf_of_person_id, origin, status, due_date, created_at)
    values (${id}, ${t.instanceId}, ${t.stepIndex}, ${t.round}, ${t.kind}, ${t.assignee}, ${t.onBehalfOf ?? null}, ${t.origin ?? 'plan'}, 'pending', ${t.dueDate ?? null}, ${t.at.toISOString()})`);
  return id;
}

export function decideTaskSql(taskId: string, status: string, by: string, at: Date, comment: string | null, external?: Record<string, unknown>): SQL {
  return sql`update flow_tasks set status = ${status}, decided_at = ${at.toISOString()}, decided_by_person_id = ${by},
    comment = ${comment}, external = ${external ? JSON.stringify(external) : null}::jsonb where id = ${taskId}`;
}

export async function decideTask(
  db: Db,
  taskId: string,
  status: string,
  by: string,
  at: Date,
  comment: string | null,
  external?: Record<string, unknown>,
): Promise<void> {
  await db.execute(decideTaskSql(taskId, status, by, at, comment, external));
}

/**
 * Cancel every pending approval task of the instance (optionally one step only) and the open
 * timers of every task no longer pending. As CTEs to put before another write of the same
 * action (`recordAction(…, ...cancelPendingCtes(…))`, one round trip), or alone with
 * cancelPending. The timers' update reads flow_tasks as it was before the statement (a
 * data-modifying CTE's changes are not visible to the rest of the statement), so the tasks
 * cancelled here are added from the first CTE's RETURNING: together they are exactly the
 * tasks that are not pending afterwards, as when this was two statements.
 */
export function cancelPendingCtes(instanceId: string, at: Date, stepIndex?: number): [NamedCte, NamedCte] {
  const stepFilter = stepIndex === undefined ? sql`` : sql` and step_index = ${stepIndex}`;
  return [
    {
      name: 'cancelled',
      sql: sql`update flow_tasks set status = 'cancelled', decided_at = ${at.toISOString()}
        where instance_id = ${instanceId} and status = 'pending' and kind <> 'notify'${stepFilter}
        returning id`,
    },
    {
      name: 'cancelled_timers',
      sql: sql`update flow_timers set cancelled_at = ${at.toISOString()}
        where instance_id = ${instanceId} and fired_at is null and cancelled_at is null
          and (task_id in (select id from cancelled)
            or task_id in (select id from flow_tasks where instance_id = ${instanceId} and status <> 'pending'))`,
    },
  ];
}

export async function cancelPending(db: Db, instanceId: string, at: Date, stepIndex?: number): Promise<void> {
  const [tasks, timers] = cancelPendingCtes(instanceId, at, stepIndex);
  await db.execute(sql`with cancelled as (${tasks.sql}) ${timers.sql}`);
}

/** A write that runs as a data-modifying CTE of another statement of the same action. */
export type Cte = SQL | NamedCte;
export interface NamedCte {
  name: string;
  sql: SQL;
}

export interface ActionRecord {
  instanceId: string;
  action: string;
  actor: string | null;
  at: Date;
  taskId?: string | null;
  stepIndex?: number | null;
  comment?: string | null;
  detail?: Record<string, unknown>;
}

function actionInsert(a: ActionRecord, alongside: Cte[]): SQL {
  const ctes = alongside.map((w, i) => (w instanceof SQL ? sql`${sql.raw(`w${i}`)} as (${w})` : sql`${sql.raw(w.name)} as (${w.sql})`));
  const withClause = ctes.length ? sql`with ${sql.join(ctes, sql`, `)} ` : sql``;
  return sql`${withClause}insert into flow_actions (id, instance_id, seq, task_id, step_index, actor_person_id, action, comment, detail, at)
    values (${newId('fla')}, ${a.instanceId},
      (select coalesce(max(seq), 0) + 1 from flow_actions where instance_id = ${a.instanceId}),
      ${a.taskId ?? null}, ${a.stepIndex ?? null}, ${a.actor}, ${a.action}, ${a.comment ?? null},
      ${a.detail ? JSON.stringify(a.detail) : null}::jsonb, ${a.at.toISOString()})`;
}

/**
 * Append to the trail. `alongside` are writes to other tables that belong to the same action
 * (the task decision, the instance state, cancelled tasks): they run as data-modifying CTEs
 * of the same statement, one round trip instead of several. They must not touch flow_actions
 * (the seq subquery would not see their rows).
 */
export async function recordAction(db: Db, a: ActionRecord, ...alongside: Cte[]): Promise<void> {
  await db.execute(actionInsert(a, alongside));
}

/**
 * recordAction that also returns what `returning` selects. The RETURNING expressions read
 * the tables as they were before this statement (not the CTEs' changes), after everything
 * earlier in the transaction.
 */
export async function recordActionReturning<T>(db: Db, a: ActionRecord, returning: SQL, ...alongside: Cte[]): Promise<T> {
  const [row] = await rows<T>(db, sql`${actionInsert(a, alongside)} returning ${returning}`);
  return row!;
}

type InstancePatch = { status?: InstanceRow['status']; currentStep?: number | null; completedAt?: Date | null };

/**
 * Change the instance's state. When given the instance row (not only its id), the row is
 * updated in memory as the database is, revision included, so an action can answer with
 * the instance's state without reading it back.
 */
export async function setInstanceState(db: Db, inst: InstanceRow | string, patch: InstancePatch): Promise<void> {
  await db.execute(setInstanceStateSql(inst, patch));
}

export function setInstanceStateSql(inst: InstanceRow | string, patch: InstancePatch): SQL {
  const id = typeof inst === 'string' ? inst : inst.id;
  if (typeof inst !== 'string') {
    if (patch.status) inst.status = patch.status;
    if (patch.currentStep !== undefined) inst.current_step = patch.currentStep;
    if (patch.completedAt !== undefined) inst.completed_at = patch.completedAt?.toISOString() ?? null;
    inst.revision = Number(inst.revision) + 1;
  }
  return sql`update flow_instances set
      status = coalesce(${patch.status ?? null}, status),
      current_step = ${patch.currentStep === undefined ? sql`current_step` : patch.currentStep},
      completed_at = ${patch.completedAt === undefined ? sql`completed_at` : patch.completedAt?.toISOString() ?? null},
      revision = revision + 1
    where id = ${id}`;
}

interface ApplicantRow {
  id: string;
  name: string;
  unit_id: string | null;
  unit_name: string | null;
  grade: Applicant['grade'];
}

export async function loadApplicant(db: Db, personId: string): Promise<Applicant | undefined> {
  const [p] = await rows<ApplicantRow>(
    db,
    sql`select p.id, p.name, p.unit_id, u.name as unit_name, p.grade from people p left join org_units u on u.id = p.unit_id where p.id = ${personId}`,
  );
  return p && { personId: p.id, name: p.name, unitId: p.unit_id, unitName: p.unit_name, grade: p.grade };
}

export async function personName(db: Db, personId: string): Promise<string> {
  const [p] = await rows<{ name: string }>(db, sql`select name from people where id = ${personId}`);
  return p?.name ?? personId;
}

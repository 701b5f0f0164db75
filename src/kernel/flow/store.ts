import { sql, type SQL } from 'drizzle-orm';
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

/**
 * Lock the instance a task belongs to, found from the task id in the same statement (one
 * round trip instead of reading the task first). A task never moves to another instance, so
 * reading its instance_id before the lock is granted is safe; everything else about the task
 * must be read after the lock (taskWithApplicant), as a concurrent action may have changed it.
 */
export async function lockInstanceOfTask(db: Db, taskId: string): Promise<InstanceRow | undefined> {
  const [row] = await rows<InstanceRow>(
    db,
    sql`select * from flow_instances where id = (select instance_id from flow_tasks where id = ${taskId}) for update`,
  );
  return row;
}

type ApplicantCols = { applicant_id: string | null; applicant_name: string; applicant_unit_id: string | null; applicant_unit_name: string | null; applicant_grade: Applicant['grade'] };

/**
 * The task (read after its instance is locked, so it is current) and the applicant the
 * flow's rules reason about, in one round trip.
 */
export async function taskWithApplicant(db: Db, taskId: string, applicantPersonId: string): Promise<{ task: TaskRow; applicant: Applicant | undefined } | undefined> {
  const [row] = await rows<TaskRow & ApplicantCols>(
    db,
    sql`select t.*, p.id as applicant_id, p.name as applicant_name, p.unit_id as applicant_unit_id, u.name as applicant_unit_name, p.grade as applicant_grade
        from flow_tasks t
        left join people p on p.id = ${applicantPersonId}
        left join org_units u on u.id = p.unit_id
        where t.id = ${taskId}`,
  );
  if (!row) return undefined;
  const { applicant_id, applicant_name, applicant_unit_id, applicant_unit_name, applicant_grade, ...task } = row;
  const applicant = applicant_id
    ? { personId: applicant_id, name: applicant_name, unitId: applicant_unit_id, unitName: applicant_unit_name, grade: applicant_grade }
    : undefined;
  return { task, applicant };
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
 * timers of every task no longer pending, in one statement. The outer UPDATE reads flow_tasks
 * as it was before the statement (a data-modifying CTE's changes are not visible to it), so
 * the tasks cancelled here are added from the CTE's RETURNING: together they are exactly the
 * tasks that are not pending afterwards, as when this was two statements.
 */
export async function cancelPending(db: Db, instanceId: string, at: Date, stepIndex?: number): Promise<void> {
  const stepFilter = stepIndex === undefined ? sql`` : sql` and step_index = ${stepIndex}`;
  await db.execute(sql`with cancelled as (
      update flow_tasks set status = 'cancelled', decided_at = ${at.toISOString()}
      where instance_id = ${instanceId} and status = 'pending' and kind <> 'notify'${stepFilter}
      returning id)
    update flow_timers set cancelled_at = ${at.toISOString()}
    where instance_id = ${instanceId} and fired_at is null and cancelled_at is null
      and (task_id in (select id from cancelled)
        or task_id in (select id from flow_tasks where instance_id = ${instanceId} and status <> 'pending'))`);
}

/**
 * Append to the trail. `alongside` are writes to other tables that belong to the same action
 * (the task decision, the instance state): they run as data-modifying CTEs of the same
 * statement, one round trip instead of several. They must not touch flow_actions (the seq
 * subquery would not see their rows).
 */
export async function recordAction(
  db: Db,
  a: {
    instanceId: string;
    action: string;
    actor: string | null;
    at: Date;
    taskId?: string | null;
    stepIndex?: number | null;
    comment?: string | null;
    detail?: Record<string, unknown>;
  },
  ...alongside: SQL[]
): Promise<void> {
  const ctes = alongside.length ? sql`with ${sql.join(alongside.map((w, i) => sql`${sql.raw(`w${i}`)} as (${w})`), sql`, `)} ` : sql``;
  await db.execute(sql`${ctes}insert into flow_actions (id, instance_id, seq, task_id, step_index, actor_person_id, action, comment, detail, at)
    values (${newId('fla')}, ${a.instanceId},
      (select coalesce(max(seq), 0) + 1 from flow_actions where instance_id = ${a.instanceId}),
      ${a.taskId ?? null}, ${a.stepIndex ?? null}, ${a.actor}, ${a.action}, ${a.comment ?? null},
      ${a.detail ? JSON.stringify(a.detail) : null}::jsonb, ${a.at.toISOString()})`);
}

type InstancePatch = { status?: InstanceRow['status']; currentStep?: number | null; completedAt?: Date | null };

export async function setInstanceState(db: Db, id: string, patch: InstancePatch): Promise<void> {
  await db.execute(setInstanceStateSql(id, patch));
}

export function setInstanceStateSql(id: string, patch: InstancePatch): SQL {
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

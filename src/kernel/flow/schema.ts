import { sql } from 'drizzle-orm';
import { date, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';

/**
 * One running approval (请假, 公出, 报销 …). `plan` is the list of steps that applied when
 * the applicant submitted, frozen with the definition version it came from, so a later
 * change of the definition or the org never rewrites a running instance's route.
 */
export const flowInstances = pgTable(
  'flow_instances',
  {
    id: text('id').primaryKey(),
    definitionKey: text('definition_key').notNull(),
    definitionVersion: integer('definition_version').notNull(),
    title: text('title').notNull(),
    applicantPersonId: text('applicant_person_id').notNull(),
    applicantUnitId: text('applicant_unit_id'),
    form: jsonb('form').$type<Record<string, unknown>>().notNull(),
    /** Facts computed at submission (working days, amounts …) that the plan used. */
    facts: jsonb('facts').$type<Record<string, unknown>>().notNull(),
    plan: jsonb('plan').$type<unknown[]>().notNull(),
    /** running | approved | rejected | withdrawn | returned */
    status: text('status').notNull(),
    currentStep: integer('current_step'),
    /** Bumped by every action: an optimistic check for clients that show a stale page. */
    revision: integer('revision').notNull().default(0),
    subjectType: text('subject_type'),
    subjectId: text('subject_id'),
    submittedAt: timestamp('submitted_at', { withTimezone: true }).notNull(),
    completedAt: timestamp('completed_at', { withTimezone: true }),
  },
  (t) => [
    index('flow_instances_applicant_idx').on(t.applicantPersonId, t.submittedAt),
    index('flow_instances_subject_idx').on(t.subjectType, t.subjectId),
    index('flow_instances_key_idx').on(t.definitionKey, t.status),
  ],
);

/**
 * A piece of work for one person at one step: approve (审批), read (传阅/抄送) or record an
 * external approval. `on_behalf_of` names the person the assignee stands in for (acting
 * arrangement) or who delegated the task.
 */
export const flowTasks = pgTable(
  'flow_tasks',
  {
    id: text('id').primaryKey(),
    instanceId: text('instance_id')
      .notNull()
      .references(() => flowInstances.id),
    stepIndex: integer('step_index').notNull(),
    /** Activation round of the step: a return or withdraw re-activates it with a new round. */
    round: integer('round').notNull(),
    /** approve | notify | external */
    kind: text('kind').notNull(),
    assigneePersonId: text('assignee_person_id').notNull(),
    onBehalfOfPersonId: text('on_behalf_of_person_id'),
    /** How the task came to be: plan | delegated | added (加签) | acting */
    origin: text('origin').notNull().default('plan'),
    /** pending | approved | rejected | returned | cancelled | delegated | read | recorded */
    status: text('status').notNull(),
    comment: text('comment'),
    /** For external approvals: who outside decided, and on what document. */
    external: jsonb('external').$type<Record<string, unknown>>(),
    dueDate: date('due_date'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    decidedByPersonId: text('decided_by_person_id'),
  },
  (t) => [
    index('flow_tasks_assignee_idx').on(t.assigneePersonId, t.status),
    index('flow_tasks_instance_idx').on(t.instanceId, t.stepIndex),
  ],
);

/** The trail: every action on an instance, in order, with who, when and what they wrote. */
export const flowActions = pgTable(
  'flow_actions',
  {
    id: text('id').primaryKey(),
    instanceId: text('instance_id')
      .notNull()
      .references(() => flowInstances.id),
    seq: integer('seq').notNull(),
    taskId: text('task_id'),
    stepIndex: integer('step_index'),
    actorPersonId: text('actor_person_id'),
    /** submit | approve | reject | return | withdraw | delegate | add_signer | comment | remind | read | record_external | merge | timer | resubmit | complete */
    action: text('action').notNull(),
    comment: text('comment'),
    detail: jsonb('detail').$type<Record<string, unknown>>(),
    at: timestamp('at', { withTimezone: true }).notNull(),
  },
  (t) => [uniqueIndex('flow_actions_seq_uq').on(t.instanceId, t.seq)],
);

/**
 * Deadline timers. A timer is claimed with FOR UPDATE SKIP LOCKED and marked fired in the
 * same transaction as its effect, so with several servers each due timer fires once, and a
 * timer that fell due while every server was down fires at the next start.
 */
export const flowTimers = pgTable(
  'flow_timers',
  {
    id: text('id').primaryKey(),
    instanceId: text('instance_id').notNull(),
    taskId: text('task_id').notNull(),
    /** due (到期提醒) | overdue (逾期) | escalate (逾期上报) */
    kind: text('kind').notNull(),
    dueAt: timestamp('due_at', { withTimezone: true }).notNull(),
    firedAt: timestamp('fired_at', { withTimezone: true }),
    cancelledAt: timestamp('cancelled_at', { withTimezone: true }),
  },
  (t) => [
    index('flow_timers_due_idx').on(t.dueAt).where(sql`fired_at is null and cancelled_at is null`),
    // Every action that closes a step cancels its instance's open timers (cancelPending):
    // without this the update scans every timer ever written.
    index('flow_timers_instance_idx').on(t.instanceId),
  ],
);

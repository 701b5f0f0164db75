import { sql } from 'drizzle-orm';
import { rows } from '../../kernel/db';
import { AppError } from '../../kernel/errors';
import { actOnTask } from '../../kernel/flow';
import type { TestApp } from '../../../test/support/app';
import { ctxFor } from '../../../test/support/ctx';
import { submitLeave, submitTrip } from './service';

/** Helpers for the personnel tests: demo people by username, approvals step by step. */
export const user = (personId: string) => personId.replace(/^psn_/, '');

export interface Task {
  id: string;
  assignee: string;
  step: string;
  kind: string;
}

export async function pendingTasks(t: TestApp, instanceId: string): Promise<Task[]> {
  return rows<Task>(
    t.database.db,
    sql`select t.id, t.assignee_person_id as assignee, (i.plan -> t.step_index ->> 'id') as step, t.kind from flow_tasks t join flow_instances i on i.id = t.instance_id
        where t.instance_id = ${instanceId} and t.status = 'pending' and t.kind <> 'notify' order by t.step_index`,
  );
}

/** Approve (or record) every step in turn; returns the usernames who signed, in order. */
export async function approveAll(t: TestApp, instanceId: string, comment = '同意'): Promise<string[]> {
  const signed: string[] = [];
  for (let i = 0; i < 10; i++) {
    const [task] = await pendingTasks(t, instanceId);
    if (!task) return signed;
    const ctx = await ctxFor(t, user(task.assignee));
    if (task.kind === 'external') {
      await actOnTask(ctx, task.id, 'record_external', { external: { approver: '王副市长', decision: 'approve', documentRef: '电话记录', decidedOn: '2024-01-01' } });
    } else {
      await actOnTask(ctx, task.id, 'approve', { comment });
    }
    signed.push(`${task.step}:${user(task.assignee)}`);
  }
  throw new Error('approval did not finish');
}

export async function leave(t: TestApp, username: string, form: Record<string, unknown>, acknowledged: string[] = []) {
  return submitLeave(await ctxFor(t, username), { reason: '家中有事', ...form }, acknowledged);
}

export async function trip(t: TestApp, username: string, form: Record<string, unknown>, acknowledged: string[] = []) {
  return submitTrip(await ctxFor(t, username), { destination: '长春市', purpose: '参加全省扶贫工作会议', purposeCategory: 'meeting', transport: 'train', ...form }, acknowledged);
}

export async function failure(p: Promise<unknown>): Promise<{ code: string; rule?: string; message: string }> {
  try {
    await p;
  } catch (err) {
    if (err instanceof AppError) return { code: err.code, rule: err.rule?.id, message: err.message };
    throw err;
  }
  throw new Error('expected a failure');
}

export async function planOf(t: TestApp, instanceId: string): Promise<string[]> {
  const [r] = await rows<{ plan: { id: string; verb: string }[] }>(t.database.db, sql`select plan from flow_instances where id = ${instanceId}`);
  return r.plan.map((s) => `${s.id}:${s.verb}`);
}

export async function status(t: TestApp, leaveId: string): Promise<string> {
  const [r] = await rows<{ status: string }>(t.database.db, sql`select status from leave_requests where id = ${leaveId}`);
  return r.status;
}

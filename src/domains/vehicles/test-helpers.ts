import { sql } from 'drizzle-orm';
import { expect } from 'vitest';
import type { TestApp } from '../../../test/support/app';
import { ctxFor } from '../../../test/support/ctx';
import type { AppError } from '../../kernel/errors';
import { actOnTask } from '../../kernel/flow';
import { rows } from '../../kernel/db';

/** Helpers for the vehicle tests: tasks, signatures and refusals. */
export async function taskOf(t: TestApp, instanceId: string, username: string): Promise<string> {
  const [r] = await rows<{ id: string }>(t.database.db, sql`select ft.id from flow_tasks ft join accounts a on a.person_id = ft.assignee_person_id
    where ft.instance_id = ${instanceId} and ft.status = 'pending' and a.username = ${username}`);
  if (!r) throw new Error(`no pending task for ${username}`);
  return r.id;
}

export async function sign(t: TestApp, instanceId: string, username: string): Promise<void> {
  await actOnTask(await ctxFor(t, username), await taskOf(t, instanceId, username), 'approve', { comment: '同意' });
}

/** Record a municipal (external) signature as the vehicle manager. */
export async function recordExternal(t: TestApp, instanceId: string, approver: string, decidedOn: string): Promise<void> {
  await actOnTask(await ctxFor(t, 'gaowei'), await taskOf(t, instanceId, 'gaowei'), 'record_external', { external: { approver, decision: 'approve', documentRef: '派车单签批件', decidedOn } });
}

export async function statusOf(t: TestApp, table: string, id: string): Promise<string> {
  const [r] = await rows<{ status: string }>(t.database.db, sql`select status from ${sql.raw(table)} where id = ${id}`);
  return r.status;
}

export async function refused(p: Promise<unknown>): Promise<AppError> {
  const err = await p.then(() => null, (e: AppError) => e);
  expect(err, 'expected the call to be refused').not.toBeNull();
  return err!;
}

/** A VUR-F1 form; defaults: case (一), a document, the user is the applicant. */
export function slip(over: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    kind: 'municipal',
    useCase: 1,
    destination: '长春市（省扶贫办）',
    itinerary: '白城—长春—白城',
    purpose: '向省扶贫办汇报工作',
    userPersonId: 'psn_liminghua',
    startAt: '2026-11-05T07:00',
    endAt: '2026-11-05T19:00',
    documents: [{ title: '省扶贫办通知', ref: '吉扶办发〔2026〕9号' }],
    passengers: [{ name: '李明华', kind: 'staff', personId: 'psn_liminghua' }],
    ...over,
  };
}

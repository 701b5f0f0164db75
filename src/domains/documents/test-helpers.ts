import { sql } from 'drizzle-orm';
import { rows } from '../../kernel/db';
import { AppError } from '../../kernel/errors';
import { actOnTask } from '../../kernel/flow';
import type { TestApp } from '../../../test/support/app';
import { ctxFor } from '../../../test/support/ctx';
import { createDraft, recordGoReview, submitDraft } from './service';
import { numberDocument } from './numbering';

/**
 * Demo people (src/demo/office.ts): 许诺 drafts in 督查科 (科长 朱涛, 分管 孙丽); 黄静 is the 文书
 * who does the 综合科 review; 刘洋 (综合科科长, hub) numbers; 陈志远 is 主任 and 党组书记.
 */
export const P = (u: string) => `psn_${u}`;
export const DRAFTER = 'xunuo';

export const baseDraft = (over: Record<string, unknown> = {}) => ({
  kind: '通知',
  direction: 'down',
  category: 'office',
  title: '关于开展扶贫项目资金自查的通知',
  mainRecipients: ['各县（市、区）扶贫办'],
  ccRecipients: ['市财政局'],
  body: [
    { level: 0, text: '为加强扶贫项目资金管理，现就开展自查工作通知如下。' },
    { level: 1, text: '自查范围' },
    { level: 2, text: '2026年度下达的各类扶贫项目资金。' },
    { level: 3, text: '资金拨付情况。' },
    { level: 4, text: '拨付进度。' },
  ],
  attachments: [{ title: '扶贫项目资金自查表', attribute: '依申请公开', ready: true }],
  disclosure: '依申请公开',
  ...over,
});

export async function failure(p: Promise<unknown>): Promise<{ code: string; rule?: string; message: string; status: number }> {
  try {
    await p;
  } catch (err) {
    if (err instanceof AppError) return { code: err.code, rule: err.rule?.id, message: err.message, status: err.status };
    throw err;
  }
  throw new Error('expected a failure');
}

export async function draft(t: TestApp, over: Record<string, unknown> = {}, who = DRAFTER) {
  return (await createDraft(await ctxFor(t, who), baseDraft(over))).id;
}

export async function pending(t: TestApp, docId: string): Promise<{ id: string; assignee: string; step: string } | undefined> {
  const [task] = await rows<{ id: string; assignee: string; step: string }>(
    t.database.db,
    sql`select t.id, t.assignee_person_id as assignee, (i.plan -> t.step_index ->> 'id') as step from flow_tasks t
        join flow_instances i on i.id = t.instance_id join doc_outgoing d on d.flow_instance_id = i.id
        where d.id = ${docId} and t.status = 'pending' and t.kind <> 'notify' order by t.step_index limit 1`,
  );
  return task;
}

const user = (personId: string) => personId.replace(/^psn_/, '');

/** Approve steps until the sign-off step (or the end); the 综合科 review passes with every item. */
export async function routeToSignOff(t: TestApp, docId: string): Promise<string[]> {
  const steps: string[] = [];
  for (let i = 0; i < 10; i++) {
    const task = await pending(t, docId);
    if (!task || task.step === 'sign') return steps;
    const ctx = await ctxFor(t, user(task.assignee));
    if (task.step === 'go_review') await recordGoReview(ctx, docId, { kind: true, content: true, wording: true, format: true, attribute: true, noMixedContentConfirmed: true });
    else await actOnTask(ctx, task.id, 'approve', { comment: '同意' });
    steps.push(`${task.step}:${user(task.assignee)}`);
  }
  throw new Error('route did not reach sign-off');
}

export async function signBy(t: TestApp, docId: string, username: string, acknowledged: string[] = []) {
  const task = await pending(t, docId);
  if (!task || task.step !== 'sign') throw new Error('no sign-off task');
  return actOnTask(await ctxFor(t, username), task.id, 'approve', { comment: '同意签发', acknowledged });
}

/** Draft → route → signed by `signer` (the proposed signer) → optionally numbered. */
export async function signedDoc(t: TestApp, over: Record<string, unknown> = {}, signer = 'sunli', number = false) {
  const id = await draft(t, { proposedSignerId: P(signer), ...over });
  await submitDraft(await ctxFor(t, DRAFTER), id);
  await routeToSignOff(t, id);
  await signBy(t, id, signer);
  const docNumber = number ? (await numberDocument(await ctxFor(t, 'liuyang'), id, { signedCopyMatches: true })).docNumber : null;
  return { id, docNumber };
}

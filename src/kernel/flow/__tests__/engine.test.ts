import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../../../../test/support/app';
import { ctxFor } from '../../../../test/support/ctx';
import { rows } from '../../db';
import { startFlow, actOnTask, withdraw, resubmit, remind, instanceDetail, inbox, fireDueTimers } from '../index';
import { completed } from './test-flows';
import { AppError } from '../../errors';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t?.close());

async function pendingTasks(instanceId: string) {
  return rows<{ id: string; assignee_person_id: string; step_index: number; kind: string; on_behalf_of_person_id: string | null; due_date: string | null }>(
    t.database.db,
    sql`select id, assignee_person_id, step_index, kind, on_behalf_of_person_id, due_date::text as due_date from flow_tasks where instance_id = ${instanceId} and status = 'pending' order by step_index, created_at`,
  );
}

async function taskOf(instanceId: string, personId: string) {
  const tasks = await pendingTasks(instanceId);
  const task = tasks.find((x) => x.assignee_person_id === personId && x.kind !== 'notify');
  if (!task) throw new Error(`no pending task for ${personId}: ${JSON.stringify(tasks)}`);
  return task.id;
}

async function codeOf(p: Promise<unknown>): Promise<string> {
  try {
    await p;
    return 'ok';
  } catch (err) {
    return err instanceof AppError ? `${err.status} ${err.code}` : String(err);
  }
}

describe('approval engine', () => {
  it('routes a sequential request through section chief and leader in charge, then notifies 综合科', async () => {
    const xunuo = await ctxFor(t, 'xunuo');
    const { instanceId, plan } = await startFlow(xunuo, 'test.sequential', { form: { days: 2 } });
    expect(plan.map((s) => s.id)).toEqual(['section', 'leader', 'cc']);
    const first = await pendingTasks(instanceId);
    expect(first.map((x) => x.assignee_person_id)).toEqual(['psn_zhutao']);
    expect(first[0].due_date).toBe('2026-11-04');

    await actOnTask(await ctxFor(t, 'zhutao'), first[0].id, 'approve', { comment: '同意' });
    await actOnTask(await ctxFor(t, 'sunli'), await taskOf(instanceId, 'psn_sunli'), 'approve', { comment: '批准' });

    const detail = await instanceDetail(xunuo, instanceId);
    expect(detail.status).toBe('approved');
    expect(detail.steps[0].tasks[0]).toMatchObject({ assigneeName: '朱涛', status: 'approved', comment: '同意' });
    expect(detail.steps[2].tasks[0]).toMatchObject({ assigneeName: '刘洋', kind: 'notify', status: 'pending' });
    expect(detail.trail.map((a) => a.action)).toEqual(['submit', 'approve', 'approve', 'complete']);
    expect(completed).toContainEqual({ id: instanceId, outcome: 'approved' });
    const toread = await inbox(await ctxFor(t, 'liuyang'), { box: 'toread', limit: 10, offset: 0 });
    expect(toread.items.some((i) => i.instanceId === instanceId)).toBe(true);
  });

  it('leaves out a step whose condition does not hold (1 day: section chief only)', async () => {
    const { plan } = await startFlow(await ctxFor(t, 'xunuo'), 'test.sequential', { form: { days: 1 } });
    expect(plan.map((s) => s.id)).toEqual(['section', 'cc']);
  });

  it('refuses a bad form in Chinese and saves nothing', async () => {
    const [{ n: before }] = await rows<{ n: number }>(t.database.db, sql`select count(*)::int as n from flow_instances`);
    const code = await codeOf(startFlow(await ctxFor(t, 'xunuo'), 'test.sequential', { form: { days: -1 } }));
    expect(code).toBe('400 BAD_REQUEST');
    const [{ n: after }] = await rows<{ n: number }>(t.database.db, sql`select count(*)::int as n from flow_instances`);
    expect(after).toBe(before);
  });

  it('gives one result and a clear 409 when two people act on the same task at once', async () => {
    const { instanceId } = await startFlow(await ctxFor(t, 'xunuo'), 'test.sequential', { form: { days: 1 } });
    const taskId = await taskOf(instanceId, 'psn_zhutao');
    const zhutao = await ctxFor(t, 'zhutao');
    const results = await Promise.all([codeOf(actOnTask(zhutao, taskId, 'approve')), codeOf(actOnTask(zhutao, taskId, 'reject', { comment: '不同意' }))]);
    expect(results.filter((r) => r === 'ok')).toHaveLength(1);
    expect(results.filter((r) => r === '409 CONFLICT')).toHaveLength(1);
  });

  it('countersign: parallel signatures are all kept and the next step starts exactly once', async () => {
    const { instanceId } = await startFlow(await ctxFor(t, 'xunuo'), 'test.countersign', { form: {} });
    const signers = ['liminghua', 'zhaoguoqiang', 'sunli'];
    const ids = await Promise.all(signers.map((u) => taskOf(instanceId, `psn_${u}`)));
    const results = await Promise.all(signers.map(async (u, i) => codeOf(actOnTask(await ctxFor(t, u), ids[i], 'approve'))));
    expect(results).toEqual(['ok', 'ok', 'ok']);
    const [{ n }] = await rows<{ n: number }>(t.database.db, sql`select count(*)::int as n from flow_tasks where instance_id = ${instanceId} and step_index = 0 and status = 'approved'`);
    expect(n).toBe(3);
    const next = await pendingTasks(instanceId);
    expect(next.map((x) => x.assignee_person_id)).toEqual(['psn_chenzhiyuan']);
  });

  it('any-one (或签): the first approval completes the step and cancels the other task', async () => {
    const { instanceId } = await startFlow(await ctxFor(t, 'xunuo'), 'test.anyone', { form: {} });
    await actOnTask(await ctxFor(t, 'sunli'), await taskOf(instanceId, 'psn_sunli'), 'approve');
    expect((await instanceDetail(await ctxFor(t, 'xunuo'), instanceId)).status).toBe('approved');
    const [{ status }] = await rows<{ status: string }>(t.database.db, sql`select status from flow_tasks where instance_id = ${instanceId} and assignee_person_id = 'psn_liminghua'`);
    expect(status).toBe('cancelled');
  });

  it('reject needs a reason and ends the request', async () => {
    const { instanceId } = await startFlow(await ctxFor(t, 'xunuo'), 'test.sequential', { form: { days: 1 } });
    const zhutao = await ctxFor(t, 'zhutao');
    const taskId = await taskOf(instanceId, 'psn_zhutao');
    expect(await codeOf(actOnTask(zhutao, taskId, 'reject'))).toBe('400 BAD_REQUEST');
    await actOnTask(zhutao, taskId, 'reject', { comment: '理由不充分' });
    expect((await instanceDetail(zhutao, instanceId)).status).toBe('rejected');
  });

  it('return to the applicant, then resubmit with a corrected form', async () => {
    const xunuo = await ctxFor(t, 'xunuo');
    const { instanceId } = await startFlow(xunuo, 'test.sequential', { form: { days: 3 } });
    await actOnTask(await ctxFor(t, 'zhutao'), await taskOf(instanceId, 'psn_zhutao'), 'approve');
    await actOnTask(await ctxFor(t, 'sunli'), await taskOf(instanceId, 'psn_sunli'), 'return', { toStep: 'applicant', comment: '请补充说明' });
    expect((await instanceDetail(xunuo, instanceId)).status).toBe('returned');
    await resubmit(xunuo, instanceId, { days: 1, note: '改为1天' });
    const d = await instanceDetail(xunuo, instanceId);
    expect(d.status).toBe('running');
    expect(d.steps.map((s) => s.name)).toEqual(['科室负责人意见', '抄送综合科']);
  });

  it('return to an earlier step re-opens it for its approver', async () => {
    const { instanceId } = await startFlow(await ctxFor(t, 'xunuo'), 'test.sequential', { form: { days: 3 } });
    await actOnTask(await ctxFor(t, 'zhutao'), await taskOf(instanceId, 'psn_zhutao'), 'approve');
    await actOnTask(await ctxFor(t, 'sunli'), await taskOf(instanceId, 'psn_sunli'), 'return', { toStep: 0, comment: '请科室再核' });
    expect((await pendingTasks(instanceId)).map((x) => x.assignee_person_id)).toEqual(['psn_zhutao']);
  });

  it('withdraw: the applicant before anyone acts; an approver before the next step acts; nobody after', async () => {
    const xunuo = await ctxFor(t, 'xunuo');
    const zhutao = await ctxFor(t, 'zhutao');
    const a = await startFlow(xunuo, 'test.sequential', { form: { days: 3 } });
    await withdraw(xunuo, a.instanceId);
    expect((await instanceDetail(xunuo, a.instanceId)).status).toBe('withdrawn');

    const b = await startFlow(xunuo, 'test.sequential', { form: { days: 3 } });
    await actOnTask(zhutao, await taskOf(b.instanceId, 'psn_zhutao'), 'approve');
    expect(await codeOf(withdraw(xunuo, b.instanceId))).toBe('403 FORBIDDEN');
    await withdraw(zhutao, b.instanceId);
    expect((await pendingTasks(b.instanceId)).map((x) => x.assignee_person_id)).toEqual(['psn_zhutao']);

    await actOnTask(zhutao, await taskOf(b.instanceId, 'psn_zhutao'), 'approve');
    await actOnTask(await ctxFor(t, 'sunli'), await taskOf(b.instanceId, 'psn_sunli'), 'approve');
    expect(await codeOf(withdraw(zhutao, b.instanceId))).toBe('409 CONFLICT');
  });

  it('delegate and add a signer (加签): both must be honoured before the step completes', async () => {
    const { instanceId } = await startFlow(await ctxFor(t, 'xunuo'), 'test.sequential', { form: { days: 3 } });
    const zhutaoTask = await taskOf(instanceId, 'psn_zhutao');
    await actOnTask(await ctxFor(t, 'zhutao'), zhutaoTask, 'add_signer', { personId: 'psn_liuyang', comment: '请综合科会核' });
    await actOnTask(await ctxFor(t, 'zhutao'), zhutaoTask, 'approve');
    expect((await pendingTasks(instanceId)).map((x) => x.assignee_person_id)).toEqual(['psn_liuyang']);
    await actOnTask(await ctxFor(t, 'liuyang'), await taskOf(instanceId, 'psn_liuyang'), 'delegate', { personId: 'psn_mali' });
    await actOnTask(await ctxFor(t, 'mali'), await taskOf(instanceId, 'psn_mali'), 'approve');
    expect((await pendingTasks(instanceId)).filter((x) => x.kind !== 'notify').map((x) => x.assignee_person_id)).toEqual(['psn_sunli']);
  });

  it('an acting arrangement sends the task to the stand-in, on behalf of the absent leader', async () => {
    await t.database.db.execute(sql`insert into acting_arrangements (id, absent_person_id, acting_person_id, start_date, end_date, reason)
      values ('act_test_1', 'psn_sunli', 'psn_liminghua', '2026-11-02', '2026-11-06', '外出学习')`);
    const { instanceId } = await startFlow(await ctxFor(t, 'xunuo'), 'test.sequential', { form: { days: 3 } });
    await actOnTask(await ctxFor(t, 'zhutao'), await taskOf(instanceId, 'psn_zhutao'), 'approve');
    const tasks = await pendingTasks(instanceId);
    expect(tasks[0]).toMatchObject({ assignee_person_id: 'psn_liminghua', on_behalf_of_person_id: 'psn_sunli' });
    await t.database.db.execute(sql`delete from acting_arrangements where id = 'act_test_1'`);
  });

  it('an external approval is recorded with its document', async () => {
    const xunuo = await ctxFor(t, 'xunuo');
    const { instanceId } = await startFlow(xunuo, 'test.external', { form: {} });
    const taskId = await taskOf(instanceId, 'psn_xunuo');
    expect(await codeOf(actOnTask(xunuo, taskId, 'record_external', { external: { approver: '', decision: 'approve', documentRef: '', decidedOn: '2026-11-02' } }))).toBe('400 BAD_REQUEST');
    await actOnTask(xunuo, taskId, 'record_external', { external: { approver: '王副市长', decision: 'approve', documentRef: '电话记录2026-11-02', decidedOn: '2026-11-02' } });
    const d = await instanceDetail(xunuo, instanceId);
    expect(d.status).toBe('approved');
    expect(d.steps[0].tasks[0].external).toMatchObject({ approver: '王副市长' });
  });

  it('rules: a block at submission cites the rule and saves nothing; an action rule blocks the principal leader in a non-final slot', async () => {
    const xunuo = await ctxFor(t, 'xunuo');
    expect(await codeOf(startFlow(xunuo, 'test.guarded', { form: { amountFen: 100_000_01 } }))).toBe('422 RULE_BLOCKED');
    const { instanceId } = await startFlow(xunuo, 'test.guarded', { form: { amountFen: 100 } });
    const err = await actOnTask(await ctxFor(t, 'chenzhiyuan'), await taskOf(instanceId, 'psn_chenzhiyuan'), 'approve').catch((e) => e);
    expect(err).toBeInstanceOf(AppError);
    expect(err.rule).toEqual({ id: 'TEST-901', cite: '《测试规则》第一条' });
  });

  it('only the assignee (or their stand-in) may act', async () => {
    const { instanceId } = await startFlow(await ctxFor(t, 'xunuo'), 'test.sequential', { form: { days: 1 } });
    expect(await codeOf(actOnTask(await ctxFor(t, 'xunuo'), await taskOf(instanceId, 'psn_zhutao'), 'approve'))).toBe('403 FORBIDDEN');
  });

  it('remind (催办) notifies the current approver and is not repeated within the interval', async () => {
    const xunuo = await ctxFor(t, 'xunuo');
    const { instanceId } = await startFlow(xunuo, 'test.sequential', { form: { days: 1 } });
    expect(await remind(xunuo, instanceId, '请尽快审批', 4)).toBe(1);
    expect(await codeOf(remind(xunuo, instanceId, undefined, 4))).toBe('409 CONFLICT');
  });

  it('deadline timers fire once: due-day reminder, overdue notice, escalation to the leader in charge', async () => {
    const { instanceId } = await startFlow(await ctxFor(t, 'xunuo'), 'test.sequential', { form: { days: 1 } });
    const count = async (who: string) =>
      (await rows<{ n: number }>(t.database.db, sql`select count(*)::int as n from notifications where object_id = ${instanceId} and recipient_person_id = ${who}`))[0].n;
    t.clock.set('2026-11-04T09:30:00+08:00'); // due day
    await fireDueTimers(t.database, t.clock);
    await fireDueTimers(t.database, t.clock);
    expect(await count('psn_zhutao')).toBe(1);
    t.clock.set('2026-11-10T10:00:00+08:00'); // past overdue and escalation (2 working days after due)
    await fireDueTimers(t.database, t.clock);
    expect(await count('psn_zhutao')).toBe(2);
    expect(await count('psn_sunli')).toBe(1);
    const todo = await inbox(await ctxFor(t, 'zhutao'), { box: 'todo', limit: 50, offset: 0 });
    expect(todo.items.find((i) => i.instanceId === instanceId)?.overdue).toBe(true);
    t.clock.set('2026-11-02T09:00:00+08:00');
  });
});

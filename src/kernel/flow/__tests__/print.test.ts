import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../../../../test/support/app';
import { ctxFor } from '../../../../test/support/ctx';
import { rows } from '../../db';
import { actOnTask, instanceDetail, resubmit, startFlow, toPrintable } from '../index';
import { embedsFont, pdfText } from '../../render/pdf-text';
import './test-flows';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t?.close());

async function taskOf(instanceId: string, personId: string): Promise<string> {
  const [task] = await rows<{ id: string }>(
    t.database.db,
    sql`select id from flow_tasks where instance_id = ${instanceId} and assignee_person_id = ${personId} and status = 'pending'`,
  );
  if (!task) throw new Error(`no pending task for ${personId}`);
  return task.id;
}

async function get(url: string, username: string) {
  return t.app.inject({ method: 'GET', url, headers: { cookie: await t.cookieFor(username) } });
}

/** 许诺 asks to travel; 朱涛 agrees without a comment; 李明华 approves standing in for 孙丽. */
async function approvedTrip(): Promise<string> {
  await t.database.db.execute(sql`insert into acting_arrangements (id, absent_person_id, acting_person_id, start_date, end_date, reason)
    values ('act_print_1', 'psn_sunli', 'psn_liminghua', '2026-11-02', '2026-11-06', '外出学习') on conflict do nothing`);
  const { instanceId } = await startFlow(await ctxFor(t, 'xunuo'), 'test.printed', { form: { destination: '长春', reason: '参加全省扶贫项目培训' } });
  await actOnTask(await ctxFor(t, 'zhutao'), await taskOf(instanceId, 'psn_zhutao'), 'approve');
  t.clock.set('2026-11-03T10:00:00+08:00');
  await actOnTask(await ctxFor(t, 'liminghua'), await taskOf(instanceId, 'psn_liminghua'), 'approve', { comment: '同意，注意安全' });
  t.clock.set('2026-11-02T09:00:00+08:00');
  await t.database.db.execute(sql`delete from acting_arrangements where id = 'act_print_1'`);
  return instanceId;
}

describe('printing an approval', () => {
  it('builds the printable instance: last-round signatures, verb label for an empty comment, 代 for a stand-in, Chinese dates', async () => {
    const id = await approvedTrip();
    const p = toPrintable(await instanceDetail(await ctxFor(t, 'xunuo'), id));
    expect(p.steps.map((s) => s.id)).toEqual(['section', 'leader']);
    expect(p.steps[0].signatures).toEqual([{ name: '朱涛', onBehalfOf: null, opinion: '同意', decidedAt: '2026年11月2日', status: 'approved', external: null }]);
    expect(p.steps[1].signatures[0]).toMatchObject({ name: '李明华', onBehalfOf: '孙丽', opinion: '同意，注意安全', decidedAt: '2026年11月3日' });
  });

  it('leaves off signatures a return or resubmission superseded', async () => {
    const xunuo = await ctxFor(t, 'xunuo');
    const { instanceId } = await startFlow(xunuo, 'test.printed', { form: { destination: '长春', reason: '培训' } });
    await actOnTask(await ctxFor(t, 'zhutao'), await taskOf(instanceId, 'psn_zhutao'), 'approve');
    t.clock.advance(60_000);
    await actOnTask(await ctxFor(t, 'sunli'), await taskOf(instanceId, 'psn_sunli'), 'return', { toStep: 'applicant', comment: '请补充培训通知' });
    const returned = toPrintable(await instanceDetail(xunuo, instanceId));
    expect(returned.steps[1].signatures[0]).toMatchObject({ name: '孙丽', opinion: '请补充培训通知', status: 'returned' });
    t.clock.advance(60_000);
    await resubmit(xunuo, instanceId, { destination: '长春', reason: '培训（附通知）' });
    const again = toPrintable(await instanceDetail(xunuo, instanceId));
    expect(again.steps.map((s) => s.signatures.length)).toEqual([0, 0]);
    t.clock.set('2026-11-02T09:00:00+08:00');
  });

  it('GET form.pdf renders the paper form with names and dates, embeds the font, names the file in Chinese and is audited', async () => {
    const id = await approvedTrip();
    const res = await get(`/api/v1/flow/instances/${id}/form.pdf`, 'xunuo');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['content-disposition']).toContain(`filename*=UTF-8''${encodeURIComponent('测试公出审批表-许诺赴长春公出.pdf')}`);
    const pdf = res.rawPayload;
    expect(embedsFont(pdf)).toBe(true);
    const text = pdfText(pdf).replace(/\s+/g, '');
    expect(text).toContain('白城市扶贫开发办公室公出审批单');
    expect(text).toContain('签字：朱涛');
    expect(text).toContain('李明华（代孙丽）');
    expect(text).toContain('2026年11月3日');
    expect(text).toContain('参加全省扶贫项目培训');
    const [event] = await rows<{ actor_username: string; detail: { definitionKey: string } }>(
      t.database.db,
      sql`select actor_username, detail from audit_log where event = 'flow.print' and object_id = ${id}`,
    );
    expect(event).toMatchObject({ actor_username: 'xunuo', detail: { definitionKey: 'test.printed' } });
  });

  it('answers 404 in Chinese for a flow without a paper form, and 403 to someone who may not see the instance', async () => {
    const { instanceId } = await startFlow(await ctxFor(t, 'xunuo'), 'test.sequential', { form: { days: 1 } });
    const none = await get(`/api/v1/flow/instances/${instanceId}/form.pdf`, 'xunuo');
    expect(none.statusCode).toBe(404);
    expect(none.json().error.message).toBe('“测试审批”没有纸质审批表，无法打印');
    const id = await approvedTrip();
    expect((await get(`/api/v1/flow/instances/${id}/form.pdf`, 'tangning')).statusCode).toBe(403);
  });
});

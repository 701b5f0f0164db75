import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/support/app';
import { rows } from '../../kernel/db';
import { setParamOverrides } from '../../kernel/rules';
import { createTask } from '../meetings/followup';
import { meetingTopics } from '../meetings/schema';
import { closeTopic } from '../meetings/service-votes';
import { partyMeeting, PG_MEMBERS, RESP, voteOn } from '../meetings/test-helpers';
import { leave } from '../personnel/test-helpers';
import { remindWorkRules } from './reminders';

/** 来信来访及12317电话 (WR-11 首问负责, WR-16 阅批) and the overdue report (WR-17). */
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t?.close());

const HUB = 'huangjing';
const DAY = 86_400_000;
async function call(username: string, method: 'GET' | 'POST', url: string, payload?: unknown) {
  const res = await t.app.inject({ method, url: `/api/v1${url}`, headers: { cookie: await t.cookieFor(username) }, ...(payload === undefined ? {} : { payload: payload as object }) });
  return { status: res.statusCode, body: res.body ? JSON.parse(res.body) : null };
}
const letter = (over: Record<string, unknown> = {}) => ({ channel: 'hotline', receivedOn: '2026-10-30', contact: '王某', subject: '反映村级公益岗位人员选聘不公开', ...over });
const notices = async (objectType: string, objectId: string) =>
  rows<{ recipient_person_id: string; object_id: string }>(t.database.db, sql`select recipient_person_id, object_id from notifications where object_type = ${objectType} and object_id like ${`${objectId}%`}`);

describe('首问负责制 (WR-11)', () => {
  it('WR-11 the first responder owns the item until a recorded hand-over; only the owner or 综合科 acts on it', async () => {
    const l = (await call(HUB, 'POST', '/workrules/letters', letter())).body;
    expect(l).toMatchObject({ firstResponderName: '黄静', ownerName: '黄静', seq: expect.any(Number), dueOn: null });
    const stranger = await call('tangning', 'POST', `/workrules/letters/${l.id}/handover`, { toPersonId: 'psn_dongxue', note: '转社会扶贫科' });
    expect(stranger.status).toBe(403);
    expect(stranger.body.error.message).toContain('WR-11');
    const handed = (await call(HUB, 'POST', `/workrules/letters/${l.id}/handover`, { toPersonId: 'psn_dongxue', note: '转社会扶贫科核实' })).body;
    expect(handed).toMatchObject({ firstResponderName: '黄静', ownerName: '董雪' });
    expect(handed.handovers).toEqual([expect.objectContaining({ from: 'psn_huangjing', to: 'psn_dongxue', note: '转社会扶贫科核实', on: '2026-11-02' })]);
    expect((await call('dongxue', 'GET', '/workrules/letters/mine')).body.items.map((x: { id: string }) => x.id)).toContain(l.id);
    expect((await call('tangning', 'POST', `/workrules/letters/${l.id}/close`, { closedOn: '2026-11-02', result: '已核实' })).status).toBe(403);
    const closed = await call('dongxue', 'POST', `/workrules/letters/${l.id}/close`, { closedOn: '2026-11-02', result: '经核实选聘已公示', fedBackOn: '2026-11-02', feedback: '电话回复王某' });
    expect(closed.body.closedOn).toBe('2026-11-02');
    const [a] = await rows<{ detail: { from: string; to: string; ruleId: string } }>(t.database.db, sql`select detail from audit_log where event = 'workrules.letter.handover' and object_id = ${l.id}`);
    expect(a.detail).toMatchObject({ from: 'psn_huangjing', to: 'psn_dongxue', ruleId: 'WR-11' });
  });
});

describe('阅批 (WR-16)', () => {
  it('WR-16 an important item goes to an office leader or section head, cannot be closed before 阅批, and is reminded until annotated', async () => {
    expect((await call(HUB, 'POST', '/workrules/letters', letter({ important: true }))).status).toBe(400);
    expect((await call(HUB, 'POST', '/workrules/letters', letter({ important: true, annotatorId: 'psn_tangning' }))).status).toBe(400);
    const l = (await call(HUB, 'POST', '/workrules/letters', letter({ important: true, annotatorId: 'psn_sunli' }))).body;
    expect(l.awaitingAnnotation).toBe(true);
    expect((await notices('wr_letter_ask', l.id)).map((n) => n.recipient_person_id)).toEqual(['psn_sunli']);
    const early = await call(HUB, 'POST', `/workrules/letters/${l.id}/close`, { closedOn: '2026-11-02', result: '已办理' });
    expect(early.status).toBe(422);
    expect(early.body.error).toMatchObject({ code: 'RULE_BLOCKED', rule: { id: 'WR-16' } });
    await remindWorkRules(t.database, t.clock);
    expect(await notices('wr_letter_annotation', l.id)).toEqual([]);
    t.clock.advance(7 * DAY);
    await remindWorkRules(t.database, t.clock);
    await remindWorkRules(t.database, t.clock);
    expect((await notices('wr_letter_annotation', l.id)).map((n) => n.recipient_person_id)).toEqual(['psn_sunli']);
    expect((await call('mali', 'POST', `/workrules/letters/${l.id}/annotate`, { annotation: '请核实' })).status).toBe(403);
    const annotated = await call('sunli', 'POST', `/workrules/letters/${l.id}/annotate`, { annotation: '请督查科会同乡镇核实，一周内回复' });
    expect(annotated.body).toMatchObject({ annotatedByName: '孙丽', annotatedOn: '2026-11-09', awaitingAnnotation: false });
    expect((await call('zhaoguoqiang', 'POST', `/workrules/letters/${l.id}/annotate`, { annotation: '同意' })).status).toBe(409);
    t.clock.advance(7 * DAY);
    await remindWorkRules(t.database, t.clock);
    expect(await notices('wr_letter_annotation', l.id)).toHaveLength(1);
    expect((await call(HUB, 'POST', `/workrules/letters/${l.id}/close`, { closedOn: '2026-11-10', result: '已核实整改', fedBackOn: '2026-11-10', feedback: '电话告知王某整改情况' })).body.closedOn).toBe('2026-11-10');
    t.clock.set('2026-11-02T09:00:00+08:00');
  });

  it('WR-16 a section head may annotate an item 综合科 later sends as important', async () => {
    const l = (await call(HUB, 'POST', '/workrules/letters', letter({ channel: 'letter', subject: '来信反映危房改造补助标准' }))).body;
    const sent = await call(HUB, 'POST', `/workrules/letters/${l.id}/send`, { annotatorId: 'psn_fenglei' });
    expect(sent.body).toMatchObject({ important: true, annotatorName: '冯磊' });
    expect((await call('fenglei', 'POST', `/workrules/letters/${l.id}/annotate`, { annotation: '按政策答复' })).body.annotatedByName).toBe('冯磊');
  });
});

describe('逾期事项报告 (WR-17)', () => {
  it('WR-17 lists overdue approval tasks, meeting follow-up tasks, unfiled normative documents and letters past the office\'s limit', async () => {
    // An approval task past its due date (the engine's due date of the step).
    const lv = await leave(t, 'tangning', { type: 'personal', startDate: '2026-11-16', endDate: '2026-11-16' });
    await t.database.db.execute(sql`update flow_tasks set due_date = '2026-10-30' where instance_id = ${lv.instanceId} and status = 'pending'`);
    // A 督办 task of a 党组 decision due the next working day.
    const present = PG_MEMBERS.slice(0, 5);
    const { hub, id } = await partyMeeting(t, [{ title: '开展防返贫集中排查' }], present);
    const [topic] = await t.database.db.select().from(meetingTopics).where(eq(meetingTopics.meetingId, id));
    await voteOn(t, hub, topic.id, present, Object.fromEntries(present.map((p) => [p, 'agree' as const])));
    const { decisionId } = await closeTopic(hub, topic.id, { ...RESP, decisionText: '督查科牵头，本周完成' });
    await createTask(hub, decisionId!, { title: '制定集中排查方案', ownerId: 'psn_zhutao', dueWorkingDays: 1 });
    // Letters: without the office's handling limit nothing is overdue (CONF-21); with it, one is.
    const noLimit = (await call(HUB, 'POST', '/workrules/letters', letter({ subject: '无时限事项' }))).body;
    setParamOverrides('WR-16', { hotlineHandlingWorkingDays: 5 });
    const limited = (await call(HUB, 'POST', '/workrules/letters', letter({ receivedOn: '2026-10-20', subject: '反映监测户识别不准' }))).body;
    setParamOverrides('WR-16', {});
    expect(limited.dueOn).toBe('2026-10-27');

    t.clock.set('2026-11-05T09:00:00+08:00');
    const report = await call(HUB, 'GET', '/workrules/overdue');
    const items = report.body.items as { kind: string; title: string; ownerName: string; dueOn: string; daysOverdue: number }[];
    expect(items.find((x) => x.kind === 'flow_task' && x.dueOn === '2026-10-30')).toMatchObject({ daysOverdue: 6 });
    expect(items.find((x) => x.kind === 'decision_task' && x.title.includes('制定集中排查方案'))).toMatchObject({ ownerName: '朱涛', dueOn: '2026-11-03' });
    expect(items.find((x) => x.kind === 'normative_filing' && x.title.includes('扶贫项目资产后续管理办法'))).toBeTruthy();
    expect(items.find((x) => x.kind === 'letter')).toMatchObject({ dueOn: '2026-10-27', ownerName: '黄静' });
    expect(items.some((x) => x.title.includes(noLimit.subject))).toBe(false);
    expect(items.map((x) => x.daysOverdue)).toEqual([...items.map((x) => x.daysOverdue)].sort((a, b) => b - a));
    expect((await call('tangning', 'GET', '/workrules/overdue')).status).toBe(403);
    const xlsx = await t.app.inject({ method: 'GET', url: '/api/v1/workrules/overdue.xlsx', headers: { cookie: await t.cookieFor('liminghua') } });
    expect(xlsx.statusCode).toBe(200);
    t.clock.set('2026-11-02T09:00:00+08:00');
  });
});

describe('政务信用承诺 (CRED-02)', () => {
  it('CRED-02 a 12317 call closes only with its feedback to the caller: when and how, or why there was none', async () => {
    const l = (await call(HUB, 'POST', '/workrules/letters', letter({ subject: '反映某村产业项目资金使用不公开' }))).body;
    const bare = await call(HUB, 'POST', `/workrules/letters/${l.id}/close`, { closedOn: '2026-11-02', result: '已核实并公示' });
    expect(bare.status).toBe(422);
    expect(bare.body.error).toMatchObject({ code: 'RULE_BLOCKED', rule: { id: 'CRED-02' } });
    expect(bare.body.error.message).toContain('反馈');
    const undated = await call(HUB, 'POST', `/workrules/letters/${l.id}/close`, { closedOn: '2026-11-02', result: '已核实并公示', feedback: '电话回复' });
    expect(undated.body.error.message).toContain('反馈的日期');
    const early = await call(HUB, 'POST', `/workrules/letters/${l.id}/close`, { closedOn: '2026-11-02', result: '已核实并公示', feedback: '电话回复', fedBackOn: '2026-10-01' });
    expect(early.body.error.message).toContain('不能早于收到日期');
    expect((await rows<{ closed_on: string | null }>(t.database.db, sql`select closed_on from wr_letters where id = ${l.id}`))[0].closed_on).toBeNull();
    const done = await call(HUB, 'POST', `/workrules/letters/${l.id}/close`, { closedOn: '2026-11-02', result: '已核实并公示', feedback: '电话回复王某，告知公示网址', fedBackOn: '2026-11-02' });
    expect(done.body).toMatchObject({ closedOn: '2026-11-02', fedBackOn: '2026-11-02', feedback: '电话回复王某，告知公示网址' });

    const anonymous = (await call(HUB, 'POST', '/workrules/letters', letter({ contact: undefined, subject: '匿名反映危房改造验收走过场' }))).body;
    const noReason = await call(HUB, 'POST', `/workrules/letters/${anonymous.id}/close`, { closedOn: '2026-11-02', result: '已核实', noFeedback: true });
    expect(noReason.body.error.message).toContain('无法向举报人反馈的原因');
    const closed = await call(HUB, 'POST', `/workrules/letters/${anonymous.id}/close`, { closedOn: '2026-11-02', result: '已核实', noFeedback: true, feedback: '匿名来电，无联系方式', fedBackOn: '2026-11-02' });
    expect(closed.body).toMatchObject({ fedBackOn: null, feedback: '匿名来电，无联系方式' });
    // Other channels keep their own way of answering: a letter closes without these fields.
    const post = (await call(HUB, 'POST', '/workrules/letters', letter({ channel: 'letter', subject: '来信咨询雨露计划申请' }))).body;
    expect((await call(HUB, 'POST', `/workrules/letters/${post.id}/close`, { closedOn: '2026-11-02', result: '已书面答复' })).status).toBe(200);
    const [a] = await rows<{ detail: { ruleIds: string[]; noFeedback: boolean } }>(t.database.db, sql`select detail from audit_log where event = 'workrules.letter.close' and object_id = ${anonymous.id}`);
    expect(a.detail).toMatchObject({ ruleIds: ['CRED-02'], noFeedback: true });
  });
});

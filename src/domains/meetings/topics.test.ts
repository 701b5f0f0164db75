import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../../../test/support/app';
import { ctxFor } from '../../../test/support/ctx';
import { rows } from '../../kernel/db';
import { pdfText } from '../../kernel/render/pdf-text';
import { classifyMatter } from './classifier';
import { meetingDetail } from './queries';
import { meetingDecisions, meetingTopics } from './schema';
import { addTopic, createMeeting } from './service-meetings';
import { addOpinion, flagDisagreement, openTopic, openVote } from './service-topics';
import { castVote, closeTopic } from './service-votes';
import { discuss, HUB, partyMeeting, PG_MEMBERS, PG_OTHERS, PRINCIPAL, rejected, RESP, START, voteOn } from './test-helpers';

/** A topic from the agenda to its decision: the plan (WR-08), 重大事项 (SZYD-03), presentation (SZYD-16), deferral (PG-21). */
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t?.close());

const topicsOf = async (meetingId: string) => (await t.database.db.select().from(meetingTopics).where(eq(meetingTopics.meetingId, meetingId)).orderBy(meetingTopics.seq)).map((x) => x.id);
const topicRow = async (id: string) => (await t.database.db.select().from(meetingTopics).where(eq(meetingTopics.id, id)))[0];
const allAgree = (present: string[]) => Object.fromEntries(present.map((p) => [p, 'agree' as const]));
const draftText = async (meetingId: string) =>
  pdfText((await t.app.inject({ method: 'GET', url: `/api/v1/meetings/${meetingId}/minutes/draft.pdf`, headers: { cookie: await t.cookieFor('liuyang') } })).rawPayload).replace(/\s+/g, '');

describe('the plan before the meeting and the decision\'s content (WR-08)', () => {
  it('WR-08: a topic to be decided reaches the agenda only with a 建议方案 or materials; a briefing needs neither; an adopted decision states its content', async () => {
    const hub = await ctxFor(t, HUB);
    const base = { bodyCode: 'party_group' as const, title: '党组会议', startAt: START, place: '三楼会议室' };
    const bare = await rejected(createMeeting(hub, { ...base, topics: [{ title: '研究帮扶责任调整' }] }));
    expect(bare.rule).toMatchObject({ id: 'WR-08', cite: '《白城市扶贫开发办公室工作规则》第十三条（六）' });
    expect(bare.message).toContain('研究帮扶责任调整');
    const { id } = await createMeeting(hub, { ...base, topics: [{ title: '通报督查情况', kind: 'briefing' }, { title: '研究帮扶责任调整', preferredOpinion: '建议按片区调整' }] });
    expect((await rejected(addTopic(hub, id, { title: '研究驻村干部轮换' }))).rule?.id).toBe('WR-08');
    await addTopic(hub, id, { title: '研究驻村干部轮换', attachments: [{ name: '轮换方案', ref: '白扶办〔2026〕60号' }] });
    expect(await topicsOf(id)).toHaveLength(3);

    const present = PG_MEMBERS.slice(0, 5);
    const m = await partyMeeting(t, [{ title: '研究培训计划' }], present);
    const [topic] = await topicsOf(m.id);
    await voteOn(t, m.hub, topic, present, allAgree(present));
    expect((await rejected(closeTopic(m.hub, topic, { ...RESP, decisionText: '  ' }))).rule?.id).toBe('WR-08');
    expect((await closeTopic(m.hub, topic, { ...RESP, decisionText: '12月举办培训，李明华负责' })).outcome).toBe('adopted');
  });
});

describe('重大事项决策 (SZYD-03)', () => {
  it('SZYD-03: a major work plan is a 三重一大 matter: two thirds present, stances with reasons, a vote, and the category recorded on the decision', async () => {
    const plan = { kind: 'major_plan' as const };
    expect(classifyMatter(plan)).toMatchObject({ collective: true, ruleId: 'SZYD-03', topicKind: 'szyd', cite: '《“三重一大”事项决策制度》四（一）' });
    for (const kind of ['integrity', 'vital_interests', 'superior_directive'] as const) expect(classifyMatter({ kind }).ruleId).toBe('SZYD-03');
    const topic = { title: '研究2027年脱贫攻坚工作部署', matter: plan };
    const four = await partyMeeting(t, [topic], PG_MEMBERS.slice(0, 4));
    const [few] = await topicsOf(four.id);
    expect((await rejected(openTopic(four.hub, few))).rule?.id).toBe('SZYD-14');
    const present = PG_MEMBERS.slice(0, 5);
    const five = await partyMeeting(t, [topic], present);
    const [ok] = await topicsOf(five.id);
    await openTopic(five.hub, ok);
    expect((await rejected(addOpinion(five.hub, ok, { personId: PG_OTHERS[0], body: '同意' }))).rule?.id).toBe('SZYD-17');
    await discuss(t, five.hub, ok, present);
    await openVote(five.hub, ok, { method: 'show_of_hands' });
    for (const p of present) await castVote(five.hub, ok, { personId: p, choice: 'agree' });
    const { decisionId } = await closeTopic(five.hub, ok, { ...RESP, decisionText: '按部署实施' });
    const [decision] = await t.database.db.select().from(meetingDecisions).where(eq(meetingDecisions.id, decisionId!));
    expect(decision).toMatchObject({ matterKind: 'major_plan', szydRuleId: 'SZYD-03' });
    expect(await draftText(five.id)).toContain('研究2027年脱贫攻坚工作部署（“三重一大”事项）');
  });
});

describe('presentation before discussion (SZYD-16)', () => {
  it('SZYD-16: a 三重一大 session opens with its presenter recorded; another presenter than the topic\'s own needs an acknowledged warning; the minutes show who presented and the discussion\'s time', async () => {
    const present = PG_MEMBERS.slice(0, 5);
    const purchase = { title: '采购扶贫监测设备', matter: { kind: 'procurement' as const, amountFen: 3_000_000 } };
    const { hub, id } = await partyMeeting(t, [{ ...purchase, presenterId: undefined }, { ...purchase, title: '采购帮扶车辆', presenterId: 'psn_sunli' }], present);
    const [nobody, named] = await topicsOf(id);
    const none = await rejected(openTopic(hub, nobody));
    expect(none.rule).toMatchObject({ id: 'SZYD-16', cite: '《“三重一大”事项决策制度》五（二）2' });
    expect((await topicRow(nobody)).status).toBe('pending');
    await openTopic(hub, nobody, [], { presenterId: 'psn_zhaoguoqiang' }); // the topic names nobody: any presenter is recorded
    expect(await topicRow(nobody)).toMatchObject({ presenterId: 'psn_zhaoguoqiang', status: 'discussion' });

    const other = await rejected(openTopic(hub, named, [], { presenterId: 'psn_hanbing' }));
    expect(other).toMatchObject({ code: 'RULE_WARNING', rule: { id: 'SZYD-16' } });
    expect(other.message).toContain('孙丽');
    await openTopic(hub, named, ['SZYD-16'], { presenterId: 'psn_hanbing' });
    await discuss(t, hub, named, present);
    await openVote(hub, named, { method: 'show_of_hands' });
    const row = await topicRow(named);
    expect(row.presenterId).toBe('psn_hanbing');
    expect(row.openedAt).not.toBeNull();
    expect(row.voteOpenedAt!.getTime()).toBeGreaterThanOrEqual(row.openedAt!.getTime());
    const [opened] = await rows<{ detail: { presenterId: string; warnings: { ruleId: string }[] } }>(t.database.db,
      sql`select detail from audit_log where event = 'meetings.topic.open' and object_id = ${named}`);
    expect(opened.detail.warnings.map((w) => w.ruleId)).toEqual(['SZYD-16']);
    expect(await draftText(id)).toContain('介绍：韩冰介绍上会材料；讨论时间09:00至09:00');
  });
});

describe('major disagreement (PG-21)', () => {
  it('PG-21: with many dissenting the flag is suggested; a flagged ordinary topic goes to a vote only after the warning and a reason; the chair may instead defer it with a reason', async () => {
    const present = PG_MEMBERS.slice(0, 6);
    const { hub, id } = await partyMeeting(t, [{ title: '调整帮扶资金分配办法' }, { title: '调整考核办法' }], present);
    const [funds, rules] = await topicsOf(id);
    await openTopic(hub, funds);
    for (const [i, p] of PG_OTHERS.slice(0, 5).entries()) await addOpinion(hub, funds, { personId: p, body: i < 2 ? '不同意' : '同意', stance: i < 2 ? 'disagree' : 'agree' });
    await addOpinion(hub, funds, { personId: PRINCIPAL, body: '分歧较大' });
    expect((await meetingDetail(hub, id)).topics[0].disagreementSuggested).toBe(true); // 2 of 6 ≥ one third
    await flagDisagreement(hub, funds, { flag: true });
    const warned = await rejected(openVote(hub, funds, { method: 'show_of_hands' }));
    expect(warned).toMatchObject({ code: 'RULE_WARNING', rule: { id: 'PG-21', cite: '《党组议事规则》四（二）' } });
    const noReason = await rejected(openVote(hub, funds, { method: 'show_of_hands', acknowledged: ['PG-21'] }));
    expect(noReason).toMatchObject({ code: 'RULE_BLOCKED', rule: { id: 'PG-21' } });
    await openVote(hub, funds, { method: 'show_of_hands', acknowledged: ['PG-21'], reason: '上级要求本月内确定' });
    const [audit] = await rows<{ detail: { proceedReason: string } }>(t.database.db, sql`select detail from audit_log where event = 'meetings.topic.vote_open' and object_id = ${funds}`);
    expect(audit.detail.proceedReason).toBe('上级要求本月内确定');

    await openTopic(hub, rules);
    await flagDisagreement(hub, rules, { flag: true });
    expect((await rejected(closeTopic(hub, rules, { defer: true }))).status).toBe(400);
    const deferred = await closeTopic(hub, rules, { defer: true, reason: '意见分歧较大，进一步调研后再议' });
    expect(deferred).toMatchObject({ outcome: 'deferred', decisionId: null });
    expect(await topicRow(rules)).toMatchObject({ outcome: 'deferred', outcomeReason: '意见分歧较大，进一步调研后再议', disagreementFlag: true });
    expect(await draftText(id)).toContain('会议决定：暂缓决定。意见分歧较大，进一步调研后再议。');
  });

  it('PG-21 SZYD-22: the meeting view shows the warning with its article while the topic is discussed — suggested by the stances, then flagged; a 三重一大 topic shows the SZYD-22 deferral until an emergency is recorded', async () => {
    const present = PG_MEMBERS.slice(0, 6);
    const { hub, id } = await partyMeeting(t, [{ title: '调整帮扶资金分配办法' }, { title: '采购扶贫监测设备', matter: { kind: 'procurement', amountFen: 3_000_000 } }], present);
    const [funds, buy] = await topicsOf(id);
    const warning = async (seq: number) => (await meetingDetail(hub, id)).topics[seq].disagreementWarning;
    await openTopic(hub, funds);
    await addOpinion(hub, funds, { personId: PG_OTHERS[0], body: '不同意', stance: 'disagree' });
    expect(await warning(0)).toBeNull(); // 1 of 6 is under one third
    await addOpinion(hub, funds, { personId: PG_OTHERS[1], body: '建议缓议', stance: 'defer' });
    expect(await warning(0)).toMatchObject({ outcome: 'warn', ruleId: 'PG-21', cite: '《党组议事规则》四（二）', message: expect.stringContaining('一般应暂缓作出决定'),
      details: { flagged: false, dissent: 2, voters: 6 } });
    await flagDisagreement(hub, funds, { flag: true });
    expect(await warning(0)).toMatchObject({ ruleId: 'PG-21', details: { flagged: true } });
    await closeTopic(hub, funds, { defer: true, reason: '进一步调研' });
    expect(await warning(0)).toBeNull(); // only while discussed

    await openTopic(hub, buy);
    expect(await warning(1)).toBeNull();
    await flagDisagreement(hub, buy, { flag: true });
    expect(await warning(1)).toMatchObject({ outcome: 'block', ruleId: 'SZYD-22', cite: '《“三重一大”事项决策制度》五（二）4' });
    await flagDisagreement(hub, buy, { flag: true, emergencyReason: '汛期监测设备急需' });
    expect(await warning(1)).toMatchObject({ outcome: 'warn', ruleId: 'SZYD-22', message: expect.stringContaining('汛期监测设备急需') });
  });
});

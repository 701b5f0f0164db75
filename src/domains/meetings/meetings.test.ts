import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../../../test/support/app';
import { ctxFor } from '../../../test/support/ctx';
import { rows } from '../../kernel/db';
import { createMeeting, addTopic, openMeeting, setAttendance } from './service-meetings';
import { addOpinion, openTopic, openVote, recuse, reopenDiscussion } from './service-topics';
import { castVote, closeTopic } from './service-votes';
import { meetingDetail } from './queries';
import { meetingDecisions, meetingTopics } from './schema';
import { directorMeeting, discuss, HUB, partyMeeting, PG_MEMBERS, PG_OTHERS, prepare, PRINCIPAL, RESP, rejected, START, UNDERTAKER, voteOn } from './test-helpers';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t?.close());

const cadre = { title: '任命规划项目科科长', matter: { kind: 'cadre_appointment' as const, purpose: '规划项目科科长任命' } };
const ordinary = { title: '研究2027年度工作计划' };
const topicIds = async (meetingId: string) =>
  (await t.database.db.select().from(meetingTopics).where(eq(meetingTopics.meetingId, meetingId)).orderBy(meetingTopics.seq)).map((x) => x.id);

describe('党组会议: bodies, quorum and adoption', () => {
  it('PG-09 CONF-32: members are the 党组 of 7, 综合科科长 and the non-member 班子成员 attend as 列席, the inspector is invited', async () => {
    const { hub, id } = await partyMeeting(t, [ordinary], PG_MEMBERS, false);
    const d = await meetingDetail(hub, id);
    expect(d.attendees.filter((a) => a.capacity === 'member').map((a) => a.personId).sort()).toEqual([...PG_MEMBERS].sort());
    expect(d.attendees.filter((a) => a.capacity === 'standing').map((a) => a.name)).toEqual(['刘洋']);
    expect(d.attendees.filter((a) => a.capacity === 'invited').map((a) => a.name)).toEqual(['周文斌']);
    expect(d.meeting).toMatchObject({ chairName: '陈志远', recorderName: '刘洋' });
  });

  it('AS-A02 PG-12: 3 of 7 present cannot open the meeting', async () => {
    const { hub, id } = await partyMeeting(t, [ordinary], PG_MEMBERS.slice(0, 3), false);
    await prepare(t, id);
    const err = await rejected(openMeeting(hub, id));
    expect(err.rule?.id).toBe('PG-12');
    expect(err.message).toContain('到会 3 / 需 4 / 应到 7');
  });

  it('AS-A01 PG-13 SZYD-14: 4 of 7 present open the meeting and take an ordinary topic, but not a cadre topic', async () => {
    const present = PG_MEMBERS.slice(0, 4);
    const { hub, id } = await partyMeeting(t, [ordinary, cadre], present);
    const [first, second] = await topicIds(id);
    await openTopic(hub, first);
    const err = await rejected(openTopic(hub, second));
    expect(err.rule?.id).toBe('PG-13');
    expect(err.message).toContain('研究干部工作必须有三分之二的党组成员到会方能举行 — 到会 4 / 需 5 / 应到 7');
    expect(err.message).toContain('《党组议事规则》四（一）');
  });

  it('AS-A03 PG-16: 5 present, a 3–2 vote on a cadre topic fails because it needs 4 of 7; 4–1 passes', async () => {
    const present = PG_MEMBERS.slice(0, 5);
    const { hub, id } = await partyMeeting(t, [cadre, { ...cadre, title: '任命社会扶贫科科长' }], present);
    const [a, b] = await topicIds(id);
    await voteOn(t, hub, a, present, { [present[0]]: 'agree', [present[1]]: 'agree', [present[2]]: 'agree', [present[3]]: 'disagree', [present[4]]: 'disagree' });
    const failed = await closeTopic(hub, a, { ...RESP, decisionText: '任命X为科长' });
    expect(failed.outcome).toBe('not_adopted');
    expect(failed.reason).toContain('须 4 人同意方为通过（PG-16）');
    await voteOn(t, hub, b, present, { [present[0]]: 'agree', [present[1]]: 'agree', [present[2]]: 'agree', [present[3]]: 'agree', [present[4]]: 'disagree' });
    const passed = await closeTopic(hub, b, { ...RESP, decisionText: '任命Y为社会扶贫科科长，组织部门备案' });
    expect(passed.outcome).toBe('adopted');
    expect(passed.decisionId).toBeTruthy();
  });

  it('AS-A26 PG-14: a written AGREE of an absent member is recorded but not counted (3 of 7 agree → not adopted)', async () => {
    const present = PG_MEMBERS.slice(0, 4);
    const { hub, id } = await partyMeeting(t, [ordinary], present);
    const [topic] = await topicIds(id);
    await addOpinion(hub, topic, { personId: 'psn_hejianjun', body: '书面意见：同意', stance: 'agree', written: true });
    await voteOn(t, hub, topic, present, { [present[0]]: 'agree', [present[1]]: 'agree', [present[2]]: 'agree', [present[3]]: 'disagree' });
    expect((await closeTopic(hub, topic, { ...RESP, decisionText: '同意' })).outcome).toBe('not_adopted');
    const d = await meetingDetail(hub, id);
    expect(d.topics[0].opinions.find((o) => o.capacity === 'written')?.name).toBe('何建军');
  });
});

describe('speak last (末位表态)', () => {
  it('AS-A08 PG-19 FIVE-17: the principal is refused until every other present member has spoken; no vote before the conclusion', async () => {
    const present = PG_MEMBERS.slice(0, 6);
    const { hub, id } = await partyMeeting(t, [ordinary], present);
    const [topic] = await topicIds(id);
    await openTopic(hub, topic);
    await addOpinion(hub, topic, { personId: PG_OTHERS[0], body: '同意' });
    await addOpinion(hub, topic, { personId: PG_OTHERS[1], body: '同意' });
    const early = await rejected(addOpinion(hub, topic, { personId: PRINCIPAL, body: '我看可以' }));
    expect(early.rule?.id).toBe('PG-19');
    expect(early.message).toContain('尚有 3 名成员未发表意见');
    expect((await rejected(openVote(hub, topic, { method: 'oral' }))).rule?.id).toBe('PG-19');
    for (const p of PG_OTHERS.slice(2, 5)) await addOpinion(hub, topic, { personId: p, body: '同意' });
    await addOpinion(hub, topic, { personId: PRINCIPAL, body: '综合大家意见，同意' });
    const after = await rejected(addOpinion(hub, topic, { personId: PG_OTHERS[0], body: '补充一点' }));
    expect(after.rule?.id).toBe('PG-19');
    await openVote(hub, topic, { method: 'oral' });
  });

  it('CONF-30 PG-19: reopening the discussion voids the conclusion, which must be restated before the vote', async () => {
    const present = PG_MEMBERS.slice(0, 4);
    const { hub, id } = await partyMeeting(t, [ordinary], present);
    const [topic] = await topicIds(id);
    await openTopic(hub, topic);
    await discuss(t, hub, topic, present);
    await reopenDiscussion(hub, topic);
    await addOpinion(hub, topic, { personId: PG_OTHERS[0], body: '再补充' });
    expect((await rejected(openVote(hub, topic, { method: 'oral' }))).rule?.id).toBe('PG-19');
    await addOpinion(hub, topic, { personId: PRINCIPAL, body: '同意，补充意见一并落实' });
    await openVote(hub, topic, { method: 'oral' });
  });

  it('AS-A08 PG-19 GAP-A22: with the principal absent the vote opens without a conclusion', async () => {
    const present = PG_OTHERS.slice(0, 5);
    const { hub, id } = await partyMeeting(t, [ordinary], present);
    const [topic] = await topicIds(id);
    await openTopic(hub, topic);
    await discuss(t, hub, topic, present);
    await openVote(hub, topic, { method: 'oral' });
  });

  it('AS-A19 SZYD-17: a 三重一大 opinion needs a stance and a reason', async () => {
    const present = PG_MEMBERS.slice(0, 5);
    const { hub, id } = await partyMeeting(t, [{ title: '采购办公设备', matter: { kind: 'procurement', amountFen: 3_000_000, purpose: '办公设备' } }], present);
    const [topic] = await topicIds(id);
    await openTopic(hub, topic);
    const err = await rejected(addOpinion(hub, topic, { personId: PG_OTHERS[0], body: '同意', stance: 'agree' }));
    expect(err.rule?.id).toBe('SZYD-17');
  });
});

describe('recusal, 列席 and ad-hoc topics', () => {
  it('AS-A11 SZYD-24 CONF-05: a recused member is absent for the quorum but stays in the base; cannot speak or vote', async () => {
    const five = PG_MEMBERS.slice(0, 5);
    const { hub, id } = await partyMeeting(t, [cadre], five);
    const [topic] = await topicIds(id);
    await recuse(hub, topic, { personId: five[4], ground: 'relative', note: '拟任人系其亲属' });
    expect((await rejected(openTopic(hub, topic))).rule?.id).toBe('PG-13');

    const six = PG_MEMBERS.slice(0, 6);
    const second = await partyMeeting(t, [cadre], six);
    const [topic2] = await topicIds(second.id);
    await recuse(await ctxFor(t, 'zhengxiaoyan'), topic2, { ground: 'relative', note: '拟任人系其亲属' });
    await openTopic(second.hub, topic2);
    const speak = await rejected(addOpinion(second.hub, topic2, { personId: 'psn_zhengxiaoyan', body: '同意', stance: 'agree', reason: '熟悉' }));
    expect(speak.rule?.id).toBe('SZYD-24');
    await discuss(t, second.hub, topic2, six, ['psn_zhengxiaoyan']);
    await openVote(second.hub, topic2, { method: 'show_of_hands' });
    expect((await rejected(castVote(second.hub, topic2, { personId: 'psn_zhengxiaoyan', choice: 'agree' }))).rule?.id).toBe('SZYD-24');
    for (const p of six.slice(0, 3)) await castVote(second.hub, topic2, { personId: p, choice: 'agree' });
    for (const p of six.slice(3, 5)) await castVote(second.hub, topic2, { personId: p, choice: 'disagree' });
    const r = await closeTopic(second.hub, topic2, { ...RESP, decisionText: '任命' });
    expect(r.outcome).toBe('not_adopted'); // 3 of 7: the recused member stays in the base
    const d = await meetingDetail(second.hub, second.id);
    expect(d.topics[0].recusals[0]).toMatchObject({ name: '郑晓燕', ground: 'relative' });
  });

  it('AS-A09 PG-15: 列席 may speak but cannot vote or state a stance', async () => {
    const present = PG_MEMBERS.slice(0, 4);
    const { hub, id } = await partyMeeting(t, [ordinary], present);
    const [topic] = await topicIds(id);
    await openTopic(hub, topic);
    await addOpinion(await ctxFor(t, 'zhouwenbin'), topic, { body: '注意廉政风险' });
    expect((await rejected(addOpinion(await ctxFor(t, 'zhouwenbin'), topic, { body: '同意', stance: 'agree' }))).rule?.id).toBe('PG-15');
    await discuss(t, hub, topic, present);
    await openVote(hub, topic, { method: 'show_of_hands' });
    expect((await rejected(castVote(await ctxFor(t, 'liuyang'), topic, { choice: 'agree' }))).rule?.id).toBe('PG-15');
  });

  it('AS-A12 DM-14 SZYD-12: an ad-hoc topic needs a reason; a 三重一大 one only on a major emergency', async () => {
    const { hub, id } = await partyMeeting(t, [ordinary], PG_MEMBERS.slice(0, 5));
    expect((await rejected(addTopic(hub, id, { title: '临时议题' }))).rule?.id).toBe('DM-14');
    await addTopic(hub, id, { title: '临时议题', materials: '报送材料', adHoc: { ground: 'urgent', reason: '市委要求本周内报送' } });
    const szyd = { title: '紧急采购', matter: { kind: 'procurement' as const, amountFen: 4_000_000 }, materials: '采购清单' };
    expect((await rejected(addTopic(hub, id, { ...szyd, adHoc: { ground: 'urgent', reason: '急' } }))).rule?.id).toBe('SZYD-12');
    await addTopic(hub, id, { ...szyd, adHoc: { ground: 'major_emergency', reason: '防汛抢险物资' } });
  });

  it('AS-A30 WR-05 CONF-04: a cadre topic cannot be put to the 主任办公会议', async () => {
    const hub = await ctxFor(t, HUB);
    const err = await rejected(createMeeting(hub, { bodyCode: 'director_meeting', title: '主任办公会议', startAt: START, place: '会议室', topics: [cadre] }));
    expect(err.rule?.id).toBe('WR-05');
  });

  it('AS-A06 DM-10 DM-04: 3 of 4 班子成员 open only after the warning is acknowledged; an ordinary topic closes on the chair\'s conclusion', async () => {
    const { hub, id } = await directorMeeting(t, [ordinary]);
    await setAttendance(hub, id, 'psn_sunli', 'leave', '下乡');
    expect((await rejected(openMeeting(hub, id))).code).toBe('RULE_WARNING');
    await openMeeting(hub, id, ['DM-10']);
    const [topic] = await topicIds(id);
    await openTopic(hub, topic);
    expect((await rejected(closeTopic(hub, topic, { ...UNDERTAKER, chairOutcome: 'adopted', decisionText: '按计划执行' }))).rule?.id).toBe('DM-04');
    expect((await closeTopic(hub, topic, { ...UNDERTAKER, conclusion: '同意按计划执行', chairOutcome: 'adopted', decisionText: '按计划执行' })).outcome).toBe('adopted');
  });

  it('AS-A20 SZYD-22: a flagged 三重一大 topic must be deferred unless an emergency is declared', async () => {
    const present = PG_MEMBERS;
    const { hub, id } = await partyMeeting(t, [{ title: '采购车辆', matter: { kind: 'procurement', amountFen: 20_000_000 } }], present);
    const [topic] = await topicIds(id);
    await openTopic(hub, topic);
    await discuss(t, hub, topic, present);
    const { flagDisagreement } = await import('./service-topics');
    await flagDisagreement(hub, topic, { flag: true });
    expect((await rejected(openVote(hub, topic, { method: 'show_of_hands' }))).rule?.id).toBe('SZYD-22');
    expect((await closeTopic(hub, topic, { defer: true, reason: '意见分歧较大，进一步调研' })).outcome).toBe('deferred');
  });
});

describe('decisions are changed only by a new decision (PG-18, PG-23, SZYD-28)', () => {
  it('AS-A16 PG-23: a decision cannot be edited in place, revoked directly or deleted', async () => {
    const present = PG_MEMBERS.slice(0, 4);
    const { hub, id } = await partyMeeting(t, [ordinary], present);
    const [topic] = await topicIds(id);
    await voteOn(t, hub, topic, present, Object.fromEntries(present.map((p) => [p, 'agree' as const])));
    const { decisionId } = await closeTopic(hub, topic, { ...RESP, decisionText: '原决定' });
    const edit = t.database.db.update(meetingDecisions).set({ body: '改过的决定' }).where(eq(meetingDecisions.id, decisionId!));
    await expect(edit).rejects.toThrow();
    await expect(t.database.db.update(meetingDecisions).set({ status: 'revoked' }).where(eq(meetingDecisions.id, decisionId!))).rejects.toThrow();
    await expect(t.database.db.delete(meetingDecisions).where(eq(meetingDecisions.id, decisionId!))).rejects.toThrow();
  });

  it('AS-A16 PG-18: a topic naming the decision revokes it only when more than half of 应到会成员 agree', async () => {
    const present = PG_MEMBERS.slice(0, 5);
    const first = await partyMeeting(t, [ordinary], present);
    const [topic] = await topicIds(first.id);
    await voteOn(t, first.hub, topic, present, Object.fromEntries(present.map((p) => [p, 'agree' as const])));
    const { decisionId } = await closeTopic(first.hub, topic, { ...RESP, decisionText: '原决定' });

    const failing = await partyMeeting(t, [{ title: '撤销原决定', targetDecisionId: decisionId!, targetMode: 'revoke' }], present);
    const [t1] = await topicIds(failing.id);
    await voteOn(t, failing.hub, t1, present, { [present[0]]: 'agree', [present[1]]: 'agree', [present[2]]: 'agree', [present[3]]: 'disagree', [present[4]]: 'disagree' });
    expect((await closeTopic(failing.hub, t1, { ...RESP, decisionText: '撤销' })).outcome).toBe('not_adopted');
    expect((await t.database.db.select().from(meetingDecisions).where(eq(meetingDecisions.id, decisionId!)))[0].status).toBe('in_force');

    const passing = await partyMeeting(t, [{ title: '撤销原决定', targetDecisionId: decisionId!, targetMode: 'revoke' }], present);
    const [t2] = await topicIds(passing.id);
    await voteOn(t, passing.hub, t2, present, { [present[0]]: 'agree', [present[1]]: 'agree', [present[2]]: 'agree', [present[3]]: 'agree' });
    const r = await closeTopic(passing.hub, t2, { ...RESP, decisionText: '撤销原决定' });
    expect(r.outcome).toBe('adopted');
    const [old] = await t.database.db.select().from(meetingDecisions).where(eq(meetingDecisions.id, decisionId!));
    expect(old.status).toBe('revoked');
    const [newer] = await t.database.db.select().from(meetingDecisions).where(eq(meetingDecisions.id, r.decisionId!));
    expect(newer.supersedesId).toBe(decisionId);
  });
});

describe('confidentiality (PG-28)', () => {
  it('AS-A31 PG-28: topic 列席 see only their topic; others are refused; every view is audited', async () => {
    const { hub, id } = await partyMeeting(t, [{ ...ordinary, relatedStaffIds: ['psn_hanbing'] }, { title: '其他议题' }], PG_MEMBERS, false);
    const hanbing = await ctxFor(t, 'hanbing');
    const d = await meetingDetail(hanbing, id);
    expect(d.topics.map((x) => x.title)).toEqual([ordinary.title]);
    const err = await rejected(meetingDetail(await ctxFor(t, 'xunuo'), id));
    expect(err.status).toBe(403);
    expect(err.rule?.id).toBe('PG-28');
    await meetingDetail(hub, id);
    const audits = await rows<{ outcome: string }>(t.database.db, sql`select outcome from audit_log where event = 'meetings.view' and object_id = ${id}`);
    expect(audits.map((a) => a.outcome).sort()).toEqual(['denied', 'success', 'success']);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../../../test/support/app';
import { ctxFor } from '../../../test/support/ctx';
import { rows } from '../../kernel/db';
import { newId } from '../../kernel/ids';
import { meetingDetail } from './queries';
import { meetingDecisions, meetingTopics, meetings, topicBallotBox, topicBallotVoters, topicProposals, topicVotes } from './schema';
import { addConsultation, approveOffPlan } from './service-consult';
import { addTopic, createMeeting, openMeeting } from './service-meetings';
import { approveMeetingTime, commentOnAgenda, rescheduleMeeting, sendNotice } from './service-prep';
import { collectProposal, confirmProposal, proposeTopic, scheduleProposal } from './service-proposals';
import { addOpinion, openTopic, openVote } from './service-topics';
import { castVote, closeTopic } from './service-votes';
import { reserveMinorityOpinion } from './service-decisions';
import { discuss, HUB, partyMeeting, PG_MEMBERS, prepare, PRINCIPAL, RESP, rejected, START, username } from './test-helpers';

/** The rules added to finish issue 4: opening preconditions, consultations, materials, secret ballots, decisions only in meetings. */
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t?.close());

const topicsOf = async (meetingId: string) => (await t.database.db.select().from(meetingTopics).where(eq(meetingTopics.meetingId, meetingId)).orderBy(meetingTopics.seq)).map((x) => x.id);
const chen = () => ctxFor(t, username(PRINCIPAL));
const PGS = { scopeCodes: ['PG-S2'], planItem: '2026年度工作要点' };
/** The database's own message when a statement is refused (drizzle wraps it as the cause). */
const dbError = (p: PromiseLike<unknown>) => Promise.resolve(p).then(() => 'no error', (e: { message?: string; cause?: { message?: string } }) => `${e.cause?.message ?? ''} ${e.message ?? ''}`);

describe('opening a meeting (PG-03, DM-07, PG-04, DM-11, PG-02, DM-08)', () => {
  it('AS-A14 PG-03 PG-04: a meeting opens only after its time is approved and its notice went out the day before', async () => {
    const { hub, id } = await partyMeeting(t, [{ title: '研究工作' }], PG_MEMBERS, false);
    const unapproved = await rejected(openMeeting(hub, id));
    expect(unapproved.rule?.id).toBe('PG-03');
    await approveMeetingTime(await chen(), id);
    const noNotice = await rejected(openMeeting(hub, id));
    expect(noNotice.rule?.id).toBe('PG-04');
    expect(noNotice.message).toContain('会议通知');
    await commentOnAgenda(await ctxFor(t, 'liminghua'), id, { body: '建议增加作风建设议题' });
    await sendNotice(hub, id);
    await openMeeting(hub, id);
    const [m] = await t.database.db.select().from(meetings).where(eq(meetings.id, id));
    expect(m).toMatchObject({ status: 'open', kind: 'regular', emergencyReason: null });
  });

  it('DM-07 DM-11: the same holds for the 主任办公会议', async () => {
    const hub = await ctxFor(t, HUB);
    const { id } = await createMeeting(hub, { bodyCode: 'director_meeting', title: '主任办公会议', startAt: START, place: '会议室', topics: [{ title: '研究工作', materials: '方案' }] });
    expect((await rejected(openMeeting(hub, id))).rule?.id).toBe('DM-07');
    await approveMeetingTime(await chen(), id);
    expect((await rejected(openMeeting(hub, id))).rule?.id).toBe('DM-11');
  });

  it('PG-04 PG-02: a notice sent on the meeting day blocks a regular opening; the chair convenes at short notice with a recorded reason', async () => {
    const { hub, id } = await partyMeeting(t, [{ title: '防汛紧急部署' }], PG_MEMBERS, false);
    await approveMeetingTime(await chen(), id);
    t.clock.set('2026-11-03T07:00:00+08:00');
    try {
      await sendNotice(hub, id, { lateReason: '汛情突发', acknowledged: ['PG-04', 'PG-10'] });
      const late = await rejected(openMeeting(hub, id));
      expect(late.rule?.id).toBe('PG-04');
      expect(late.message).toContain('临时召开');
      expect((await rejected(openMeeting(hub, id, [], { emergencyReason: '汛情' }))).rule?.id).toBe('PG-02'); // 综合科 cannot decide it
      await openMeeting(await chen(), id, [], { emergencyReason: '汛情突发，须立即部署抢险' });
      const [m] = await t.database.db.select().from(meetings).where(eq(meetings.id, id));
      expect(m).toMatchObject({ status: 'open', kind: 'ad_hoc', emergencyReason: '汛情突发，须立即部署抢险', emergencyDeclaredBy: PRINCIPAL });
      const [a] = await rows<{ detail: { emergencyReason: string } }>(t.database.db, sql`select detail from audit_log where event = 'meetings.open' and object_id = ${id}`);
      expect(a.detail.emergencyReason).toBe('汛情突发，须立即部署抢险');
    } finally {
      t.clock.set('2026-11-02T09:00:00+08:00');
    }
  });

  it('DM-08: a rescheduled meeting needs a reason, and its time approved and notice sent again; the notified are told', async () => {
    const { hub, id } = await partyMeeting(t, [{ title: '研究工作' }], PG_MEMBERS, false);
    await prepare(t, id);
    expect((await rejected(rescheduleMeeting(hub, id, { startAt: '2026-11-05T09:00:00+08:00', reason: ' ' }))).rule?.id).toBe('DM-08');
    await rescheduleMeeting(hub, id, { startAt: '2026-11-05T09:00:00+08:00', reason: '书记赴省开会' });
    const d = await meetingDetail(hub, id);
    expect(d.meeting).toMatchObject({ meetingDate: '2026-11-05', timeApprovedAt: null, noticeSentAt: null });
    expect(d.reschedules[0]).toMatchObject({ reason: '书记赴省开会' });
    expect((await rejected(openMeeting(hub, id))).rule?.id).toBe('PG-03');
    const told = await rows<{ n: number }>(t.database.db, sql`select count(*)::int as n from notifications where object_id = ${id} and title like '会议改期%'`);
    expect(told[0].n).toBe(9); // 7 members, 刘洋, 周文斌
    await prepare(t, id);
    await openMeeting(hub, id);
  });

  it('PG-10: only a member comments on the draft agenda; without any comment the notice warns', async () => {
    const { hub, id } = await partyMeeting(t, [{ title: '研究工作' }], PG_MEMBERS, false);
    await approveMeetingTime(await chen(), id);
    expect((await rejected(commentOnAgenda(await ctxFor(t, 'liuyang'), id, { body: '建议' }))).rule?.id).toBe('PG-10'); // 列席
    const warned = await rejected(sendNotice(hub, id));
    expect(warned).toMatchObject({ code: 'RULE_WARNING' });
    expect(warned.rule?.id).toBe('PG-10');
    await commentOnAgenda(await ctxFor(t, 'sunli'), id, { body: '同意议程' });
    await sendNotice(hub, id);
    expect((await meetingDetail(hub, id)).agendaComments.map((c) => c.name)).toEqual(['孙丽']);
  });
});

describe('materials before the meeting (SZYD-13)', () => {
  it('SZYD-13: a 三重一大 topic without delivered materials cannot be taken; one added on a major emergency with materials can', async () => {
    const procurement = { title: '采购办公设备', matter: { kind: 'procurement' as const, amountFen: 3_000_000 } };
    const { hub, id } = await partyMeeting(t, [{ ...procurement, materials: '', preferredOpinion: '建议采购' }]);
    const [topic] = await topicsOf(id);
    expect((await rejected(openTopic(hub, topic))).rule?.id).toBe('SZYD-13');
    const { id: urgent } = await addTopic(hub, id, { title: '防汛物资紧急采购', matter: { kind: 'procurement', amountFen: 5_000_000 }, materials: '采购清单', presenterId: 'psn_sunli',
      adHoc: { ground: 'major_emergency', reason: '汛情' } });
    await openTopic(hub, urgent);
    const [row] = await t.database.db.select().from(meetingTopics).where(eq(meetingTopics.id, urgent));
    expect(row.materialsSentAt).not.toBeNull();
  });

  it('SZYD-13: materials sent with a notice on the day before the meeting are in time; the warning shows when less than the lead time', async () => {
    const { hub, id } = await partyMeeting(t, [{ title: '采购车辆', matter: { kind: 'procurement', amountFen: 30_000_000 } }], PG_MEMBERS, false);
    await prepare(t, id);
    await openMeeting(hub, id);
    const [topic] = await topicsOf(id);
    await openTopic(hub, topic); // sent 11-02 for 11-03: in time
    const late = await partyMeeting(t, [{ title: '采购车辆', matter: { kind: 'procurement', amountFen: 30_000_000 } }], PG_MEMBERS, false);
    await approveMeetingTime(await chen(), late.id);
    await commentOnAgenda(await ctxFor(t, 'sunli'), late.id, { body: '同意' });
    t.clock.set('2026-11-03T07:00:00+08:00');
    try {
      await sendNotice(hub, late.id, { lateReason: '临时部署', acknowledged: ['PG-04'] });
      await openMeeting(await chen(), late.id, [], { emergencyReason: '市委要求当日研究' });
      const [lateTopic] = await topicsOf(late.id);
      const warned = await rejected(openTopic(hub, lateTopic));
      expect(warned).toMatchObject({ code: 'RULE_WARNING' });
      expect(warned.rule?.id).toBe('SZYD-13');
      await openTopic(hub, lateTopic, ['SZYD-13']);
    } finally {
      t.clock.set('2026-11-02T09:00:00+08:00');
    }
  });
});

describe('secret ballot (SZYD-20, CONF-29, PG-17)', () => {
  it('SZYD-20 PG-17: one ballot per member, and nothing stored links a member to a choice; the count comes from the ballot box', async () => {
    const present = PG_MEMBERS.slice(0, 5);
    const { hub, id } = await partyMeeting(t, [{ title: '评选先进科室' }], present);
    const [topic] = await topicsOf(id);
    await openTopic(hub, topic);
    await discuss(t, hub, topic, present);
    await openVote(hub, topic, { method: 'secret' });
    expect((await rejected(castVote(hub, topic, { personId: present[0], choice: 'agree' }))).status).toBe(403); // nobody votes for another in secret
    const choices = ['agree', 'agree', 'agree', 'disagree', 'abstain'] as const;
    for (const [i, p] of present.entries()) await castVote(await ctxFor(t, username(p)), topic, { choice: choices[i] });
    const twice = await rejected(castVote(await ctxFor(t, username(present[3])), topic, { choice: 'agree' }));
    expect(twice).toMatchObject({ status: 409, code: 'ALREADY_VOTED' });
    expect(twice.rule?.id).toBe('PG-17');
    expect((await meetingDetail(hub, id)).topics[0]).toMatchObject({ tallyHidden: true, tally: { agree: 0, disagree: 0, abstain: 0 } });

    // No table, no audit record, no API answer carries a member together with a choice.
    expect(await t.database.db.select().from(topicVotes).where(eq(topicVotes.topicId, topic))).toHaveLength(0);
    const markers = await t.database.db.select().from(topicBallotVoters).where(eq(topicBallotVoters.topicId, topic));
    expect(markers.map((m) => m.personId).sort()).toEqual([...present].sort());
    expect(markers.every((m) => Object.keys(m).sort().join() === 'personId,topicId')).toBe(true);
    const box = await t.database.db.select().from(topicBallotBox).where(eq(topicBallotBox.topicId, topic));
    expect(box.every((b) => Object.keys(b).sort().join() === 'choice,count,topicId')).toBe(true);
    expect(Object.fromEntries(box.map((b) => [b.choice, b.count]))).toEqual({ agree: 3, disagree: 1, abstain: 1 });
    const audits = await rows<{ detail: { choice: string } }>(t.database.db, sql`select detail from audit_log where event = 'meetings.topic.vote' and object_id = ${topic}`);
    expect(audits.map((a) => a.detail.choice)).toEqual(present.map(() => 'secret'));
    const view = (await meetingDetail(hub, id)).topics[0];
    expect(view.votes.every((v) => v.choice === null)).toBe(true);

    const closed = await closeTopic(hub, topic, { ...RESP, decisionText: '评选规划项目科为先进科室' });
    expect(closed.outcome).toBe('not_adopted'); // 3 of 7 agree
    expect((await meetingDetail(hub, id)).topics[0]).toMatchObject({ tallyHidden: false, tally: { agree: 3, disagree: 1, abstain: 1 } });
  });

  it('PG-20: after a secret ballot a member states for himself that he was in the minority', async () => {
    const present = PG_MEMBERS;
    const { hub, id } = await partyMeeting(t, [{ title: '调整工作分工' }], present);
    const [topic] = await topicsOf(id);
    await openTopic(hub, topic);
    await discuss(t, hub, topic, present);
    await openVote(hub, topic, { method: 'secret' });
    for (const [i, p] of present.entries()) await castVote(await ctxFor(t, username(p)), topic, { choice: i < 6 ? 'agree' : 'disagree' });
    expect((await closeTopic(hub, topic, { ...RESP, decisionText: '按方案调整' })).outcome).toBe('adopted');
    await reserveMinorityOpinion(await ctxFor(t, 'hejianjun'), topic, { body: '建议暂缓调整', reportToSuperior: true });
    expect((await meetingDetail(hub, id)).topics[0].minorityOpinions).toEqual([expect.objectContaining({ name: '何建军', reportToSuperior: true })]);
  });
});

describe('decisions only in meetings (WR-07, SZYD-02)', () => {
  it('WR-07 SZYD-02: no decision can be written for a topic of a meeting not being held, nor a 三重一大 one without a vote', async () => {
    const { id } = await partyMeeting(t, [{ title: '研究工作' }, { title: '采购', matter: { kind: 'procurement', amountFen: 3_000_000 } }], PG_MEMBERS, false);
    const [plain, szyd] = await topicsOf(id);
    const row = (topicId: string) => ({ id: newId('dec'), meetingId: id, topicId, bodyCode: 'party_group', title: 'x', body: '传阅决定', decidedOn: '2026-11-02', createdAt: new Date() });
    expect(await dbError(t.database.db.insert(meetingDecisions).values(row(plain)))).toMatch(/WR-07/);
    await prepare(t, id);
    await openMeeting(await ctxFor(t, HUB), id);
    await openTopic(await ctxFor(t, HUB), szyd);
    expect(await dbError(t.database.db.insert(meetingDecisions).values(row(szyd)))).toMatch(/SZYD-02/);
  });
});

describe('before the agenda (PG-01, DM-01, DM-02, WR-09, WR-06, PG-11, SZYD-09, SZYD-10)', () => {
  it('PG-01 DM-01: a decision topic names an item of the body\'s 议事范围; a briefing need not', async () => {
    const li = await ctxFor(t, 'liminghua');
    expect((await rejected(proposeTopic(li, { bodyCode: 'party_group', title: '机关作风建设' }))).rule?.id).toBe('PG-01');
    expect((await rejected(proposeTopic(li, { bodyCode: 'party_group', title: '机关作风建设', scopeCodes: ['DM-S1'] }))).rule?.id).toBe('PG-01');
    expect((await rejected(proposeTopic(li, { bodyCode: 'director_meeting', title: '工作部署', flags: { notIndividuallySolvable: true } }))).rule?.id).toBe('DM-01');
    await proposeTopic(li, { bodyCode: 'party_group', title: '通报督查情况', kind: 'briefing' });
  });

  it('DM-02: a 主任办公会议 decision topic not confirmed as beyond one leader warns and then needs a reason', async () => {
    const li = await ctxFor(t, 'liminghua');
    const input = { bodyCode: 'director_meeting' as const, title: '调整车辆使用', scopeCodes: ['DM-S9'] };
    const warned = await rejected(proposeTopic(li, input));
    expect(warned).toMatchObject({ code: 'RULE_WARNING' });
    expect(warned.rule?.id).toBe('DM-02');
    expect((await rejected(proposeTopic(li, { ...input, acknowledged: ['DM-02'] }))).message).toContain('DM-02');
    const ok = await proposeTopic(li, { ...input, acknowledged: ['DM-02'], flags: { notIndividuallySolvableReason: '涉及三名副主任分管的科室' } });
    const [row] = await t.database.db.select().from(topicProposals).where(eq(topicProposals.id, ok.id));
    expect(row.flags.notIndividuallySolvableReason).toBe('涉及三名副主任分管的科室');
  });

  it('WR-09 WR-06 PG-11: an off-plan topic needs the 主任; a section\'s major matter needs research with a 党组成员 and the consultations its flags ask for', async () => {
    const hub = await ctxFor(t, HUB);
    const { id: meetingId } = await partyMeeting(t, [], PG_MEMBERS, false);
    const p = await proposeTopic(await ctxFor(t, 'hanbing'), { bodyCode: 'party_group', title: '调整县级项目库', scopeCodes: ['PG-S5'], isMajor: true, preferredOpinion: '建议调整',
      flags: { involvesCounties: true } });
    await collectProposal(hub, p.id);
    const chair = await chen();
    expect((await rejected(scheduleProposal(chair, p.id, { meetingId }))).rule?.id).toBe('WR-09');
    expect((await rejected(approveOffPlan(await ctxFor(t, 'liminghua'), p.id, { reason: '上级新部署' }))).rule?.id).toBe('WR-09');
    await approveOffPlan(chair, p.id, { reason: '省里新部署的项目库调整' });
    const missing = await rejected(scheduleProposal(chair, p.id, { meetingId }));
    expect(missing.rule?.id).toBe('WR-06');
    expect(missing.message).toContain('调查研究');
    expect(missing.message).toContain('征求县（市、区）意见');
    await addConsultation(await ctxFor(t, 'hanbing'), p.id, { kind: 'research', leadId: 'psn_hanbing', summary: '科室调研', heldOn: '2026-10-20' });
    await addConsultation(await ctxFor(t, 'hanbing'), p.id, { kind: 'county_opinion', summary: '征求洮北区等4县意见', heldOn: '2026-10-25' });
    expect((await rejected(scheduleProposal(chair, p.id, { meetingId }))).rule?.id).toBe('PG-11'); // no 党组成员 took part in the research
    await addConsultation(await ctxFor(t, 'zhaoguoqiang'), p.id, { kind: 'research', leadId: 'psn_zhaoguoqiang', memberIds: ['psn_zhaoguoqiang'], summary: '分管领导带队调研', heldOn: '2026-10-28' });
    await scheduleProposal(chair, p.id, { meetingId });
  });

  it('SZYD-09 SZYD-10: a technical 三重一大 matter needs an expert or technical record; a 酝酿 cannot decide', async () => {
    const hub = await ctxFor(t, HUB);
    const sunli = await ctxFor(t, 'sunli');
    const p = await proposeTopic(sunli, { ...PGS, bodyCode: 'party_group', title: '建设扶贫数据平台', matter: { kind: 'procurement', amountFen: 80_000_000 },
      flags: { specialisedOrTechnical: true, broadPublicImpact: true } });
    await collectProposal(hub, p.id);
    await addConsultation(sunli, p.id, { kind: 'research', leadId: 'psn_sunli', memberIds: ['psn_sunli'], summary: '调研需求', heldOn: '2026-10-20' });
    const technical = await rejected(confirmProposal(await chen(), p.id));
    expect(technical.rule?.id).toBe('SZYD-09');
    expect(technical.message).toContain('专家论证');
    await addConsultation(sunli, p.id, { kind: 'expert_recommendation', summary: '三名专家论证', heldOn: '2026-10-22' });
    expect((await rejected(confirmProposal(await chen(), p.id))).message).toContain('听证会');
    await addConsultation(sunli, p.id, { kind: 'hearing', summary: '听证会', heldOn: '2026-10-24' });
    const deliberation = await rejected(addConsultation(await ctxFor(t, 'wuhai'), p.id, { kind: 'pre_meeting_deliberation', summary: '班子成员酝酿', heldOn: '2026-10-26', outcome: '同意建设' }));
    expect(deliberation.rule?.id).toBe('SZYD-10');
    await addConsultation(await ctxFor(t, 'wuhai'), p.id, { kind: 'pre_meeting_deliberation', summary: '班子成员酝酿，意见基本一致', heldOn: '2026-10-26' });
    const [row] = await t.database.db.select().from(topicProposals).where(eq(topicProposals.id, p.id));
    expect(row.status).toBe('collected'); // the 酝酿 changed nothing
    await confirmProposal(await chen(), p.id);
  });
});

describe('the close (PG-22 at decision time)', () => {
  it('PG-22: closing an adopted topic without a responsible 党组成员 is refused and changes nothing; an opinion can still be added after the refusal', async () => {
    const present = PG_MEMBERS.slice(0, 4);
    const { hub, id } = await partyMeeting(t, [{ title: '研究工作' }], present);
    const [topic] = await topicsOf(id);
    await openTopic(hub, topic);
    await addOpinion(hub, topic, { personId: present[1], body: '同意' });
    await discuss(t, hub, topic, present, [present[1]]);
    await openVote(hub, topic, { method: 'oral' });
    for (const p of present) await castVote(hub, topic, { personId: p, choice: 'agree' });
    expect((await rejected(closeTopic(hub, topic, { decisionText: '同意' }))).rule?.id).toBe('PG-22');
    const [row] = await t.database.db.select().from(meetingTopics).where(eq(meetingTopics.id, topic));
    expect(row.status).toBe('voting');
    expect(await t.database.db.select().from(meetingDecisions).where(eq(meetingDecisions.topicId, topic))).toHaveLength(0);
  });
});

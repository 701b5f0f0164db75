import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../../../test/support/app';
import { ctxFor } from '../../../test/support/ctx';
import { rows } from '../../kernel/db';
import { pdfText } from '../../kernel/render/pdf-text';
import { classifyMatter } from './classifier';
import { meetingDetail } from './queries';
import { meetingMinutes, meetingTopics, meetings } from './schema';
import { closeMeeting, createMeeting, openMeeting, setAttendance, type MeetingInput } from './service-meetings';
import { signMinutes } from './service-minutes';
import { collectProposal, proposeTopic } from './service-proposals';
import { addOpinion, openTopic, openVote } from './service-topics';
import { castVote, closeTopic } from './service-votes';
import { directorMeeting, discuss, HUB, PRINCIPAL, rejected, START, UNDERTAKER, voteOn } from './test-helpers';

/**
 * The 主任办公会议 as a forum (DM-05, DM-15, DM-16) and the 三重一大 procedure in it (SZYD-01,
 * SZYD-15, SZYD-18, SZYD-19, SZYD-21): the same mechanics as at the 党组会议, under the articles
 * of the forum.
 */
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t?.close());

/** The 班子成员: the 主任 (principal leader, CONF-15) and three 副主任. */
const DM_MEMBERS = [PRINCIPAL, 'psn_liminghua', 'psn_zhaoguoqiang', 'psn_sunli'];
const OTHERS = DM_MEMBERS.filter((p) => p !== PRINCIPAL);
const topicsOf = async (meetingId: string) => (await t.database.db.select().from(meetingTopics).where(eq(meetingTopics.meetingId, meetingId)).orderBy(meetingTopics.seq)).map((x) => x.id);
const procurement = (title: string, amountFen = 3_000_000) => ({ title, matter: { kind: 'procurement' as const, amountFen, purpose: title } });
/** What an adopted 三重一大 decision of the 主任办公会议 must name (DM-04, SZYD-26, DM-17, WR-13). */
const DECIDE = { conclusion: '同意', decisionText: '同意采购，孙丽负责', responsibleMemberIds: ['psn_sunli'], ...UNDERTAKER, disclosure: '依申请公开' };

async function openDirectorMeeting(topics: Parameters<typeof directorMeeting>[1], absent: string[] = []) {
  const m = await directorMeeting(t, topics);
  for (const p of absent) await setAttendance(m.hub, m.id, p, 'leave', '下乡调研');
  await openMeeting(m.hub, m.id, absent.length ? ['DM-10'] : []);
  return { ...m, topics: await topicsOf(m.id) };
}

describe('who sits at the 主任办公会议 (DM-05, SZYD-15)', () => {
  it('DM-05: the 班子成员 are its members, the 综合科科长 attends as 列席 and may speak but not vote nor state a stance', async () => {
    const { hub, id, topics } = await openDirectorMeeting([procurement('采购培训设备')]);
    const d = await meetingDetail(hub, id);
    expect(d.attendees.filter((a) => a.capacity === 'member').map((a) => a.personId).sort()).toEqual([...DM_MEMBERS].sort());
    expect(d.attendees.filter((a) => a.capacity !== 'member').map((a) => [a.name, a.capacity])).toEqual([['刘洋', 'standing']]);
    const [topic] = topics;
    await openTopic(hub, topic);
    const liuyang = await ctxFor(t, 'liuyang');
    expect((await rejected(addOpinion(liuyang, topic, { body: '同意', stance: 'agree', reason: '程序合规' }))).rule?.id).toBe('DM-05');
    await addOpinion(liuyang, topic, { body: '采购须走政府采购程序' });
    await discuss(t, hub, topic, DM_MEMBERS);
    await openVote(hub, topic, { method: 'show_of_hands' });
    const vote = await rejected(castVote(liuyang, topic, { choice: 'agree' }));
    expect(vote.rule).toMatchObject({ id: 'DM-05', cite: '《主任办公会议议事规则》三（一）' });
    const after = await meetingDetail(hub, id);
    expect(after.topics[0]).toMatchObject({ present: 4, due: 4 });
    expect(after.topics[0].opinions.find((o) => o.name === '刘洋')?.capacity).toBe('nonvoting');
  });

  it('SZYD-15: section staff invited to a 三重一大 topic speak on it without a stance or a vote, and on no other topic', async () => {
    const { hub, id, topics } = await openDirectorMeeting([{ ...procurement('采购项目库管理软件'), relatedStaffIds: ['psn_hanbing'] }, { title: '研究机关作风建设' }]);
    const [szyd, other] = topics;
    const hanbing = await ctxFor(t, 'hanbing');
    await openTopic(hub, szyd);
    await addOpinion(hanbing, szyd, { body: '软件需求已论证' });
    expect((await rejected(addOpinion(hanbing, szyd, { body: '同意', stance: 'agree', reason: '需要' }))).rule?.id).toBe('SZYD-15');
    await discuss(t, hub, szyd, DM_MEMBERS);
    await openVote(hub, szyd, { method: 'show_of_hands' });
    const vote = await rejected(castVote(hanbing, szyd, { choice: 'agree' }));
    expect(vote.rule).toMatchObject({ id: 'SZYD-15', cite: '《“三重一大”事项决策制度》五（二）1' });
    for (const p of DM_MEMBERS) await castVote(hub, szyd, { personId: p, choice: 'agree' });
    expect((await closeTopic(hub, szyd, DECIDE)).outcome).toBe('adopted');
    await openTopic(hub, other);
    expect((await rejected(addOpinion(hanbing, other, { body: '补充' }))).rule?.id).toBe('SZYD-15');
    expect((await meetingDetail(hanbing, id)).topics.map((x) => x.title)).toEqual(['采购项目库管理软件']);
  });
});

describe('the 三重一大 procedure at the 主任办公会议 (SZYD-01, SZYD-18, SZYD-19, SZYD-21)', () => {
  it('SZYD-01: only the 党组会议 and the 主任办公会议 are forums; no other meeting type can be created, by the service, the route or the database', async () => {
    const hub = await ctxFor(t, HUB);
    const input = { bodyCode: 'special_topic', title: '主任专题会议', startAt: START, place: '会议室', topics: [procurement('采购车辆', 20_000_000)] } as unknown as MeetingInput;
    const err = await rejected(createMeeting(hub, input));
    expect(err.rule).toMatchObject({ id: 'SZYD-01', cite: '《“三重一大”事项决策制度》二' });
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/meetings', headers: { cookie: await t.cookieFor('liuyang') }, payload: { ...input, bodyCode: 'enlarged_party_group' } });
    expect(res.statusCode).toBe(400);
    const { id } = await directorMeeting(t, [{ title: '研究工作' }]);
    await expect(t.database.db.update(meetings).set({ bodyCode: 'special_topic' }).where(eq(meetings.id, id))).rejects.toThrow();
    expect(classifyMatter({ kind: 'procurement', amountFen: 20_000_000 }).allowedBodies).toEqual(['party_group', 'director_meeting']);
  });

  it('SZYD-19: at the 主任办公会议 the 主任 states his view on a 三重一大 topic last, and the vote waits for it; an ordinary topic has no speaking order', async () => {
    const { hub, topics } = await openDirectorMeeting([procurement('采购办公家具'), { title: '研究值班安排' }]);
    const [szyd, ordinary] = topics;
    await openTopic(hub, szyd);
    const first = await rejected(addOpinion(hub, szyd, { personId: PRINCIPAL, body: '我看可以', stance: 'agree', reason: '需要' }));
    expect(first.rule).toMatchObject({ id: 'SZYD-19', cite: '《“三重一大”事项决策制度》五（二）3' });
    expect(first.message).toContain('尚有 3 名成员未发表意见');
    for (const p of OTHERS) await addOpinion(hub, szyd, { personId: p, body: '同意', stance: 'agree', reason: '确有需要' });
    expect((await rejected(openVote(hub, szyd, { method: 'show_of_hands' }))).rule?.id).toBe('SZYD-19');
    await addOpinion(hub, szyd, { personId: PRINCIPAL, body: '综合大家意见，同意采购', stance: 'agree', reason: '集体研究' });
    expect((await rejected(addOpinion(hub, szyd, { personId: OTHERS[0], body: '再补充', stance: 'agree', reason: '补充' }))).rule?.id).toBe('SZYD-19');
    await openVote(hub, szyd, { method: 'show_of_hands' });
    await openTopic(hub, ordinary);
    await addOpinion(hub, ordinary, { personId: PRINCIPAL, body: '先说说我的想法' }); // DM-04: no order outside 三重一大
  });

  it('SZYD-18: an absent 班子成员\'s written opinion is recorded and printed but counts neither as presence nor as a vote; only the absent may write', async () => {
    const { hub, id, topics } = await openDirectorMeeting([procurement('采购监测设备')], ['psn_sunli']);
    const [topic] = topics;
    const sunli = await ctxFor(t, 'sunli');
    await addOpinion(sunli, topic, { body: '书面意见：同意采购', stance: 'agree', written: true });
    const present = await rejected(addOpinion(hub, topic, { personId: 'psn_liminghua', body: '书面同意', stance: 'agree', written: true }));
    expect(present.rule).toMatchObject({ id: 'SZYD-18', cite: '《“三重一大”事项决策制度》五（二）2' });
    expect((await rejected(addOpinion(await ctxFor(t, 'liuyang'), topic, { body: '书面意见', written: true }))).rule?.id).toBe('SZYD-18');
    const attending = DM_MEMBERS.filter((p) => p !== 'psn_sunli');
    await voteOn(t, hub, topic, attending, { [PRINCIPAL]: 'agree', psn_liminghua: 'agree', psn_zhaoguoqiang: 'disagree' });
    const r = await closeTopic(hub, topic, { ...DECIDE, responsibleMemberIds: ['psn_zhaoguoqiang'] });
    expect(r.outcome).toBe('not_adopted'); // 2 of 4 agree; the written AGREE would have made 3 (SZYD-20 more than half of 4)
    expect(r.reason).toContain('应到会成员 4 人，须 3 人同意方为通过');
    const d = await meetingDetail(hub, id);
    expect(d.topics[0]).toMatchObject({ present: 3, due: 4 });
    expect(d.topics[0].opinions.filter((o) => o.capacity === 'written').map((o) => o.name)).toEqual(['孙丽']);
    const pdf = await t.app.inject({ method: 'GET', url: `/api/v1/meetings/${id}/minutes/draft.pdf`, headers: { cookie: await t.cookieFor('liuyang') } });
    expect(pdfText(pdf.rawPayload).replace(/\s+/g, '')).toContain('书面意见（不计入表决）：孙丽：同意。书面意见：同意采购');
  });

  it('SZYD-21: two 三重一大 matters are voted item by item: a ballot belongs to the open item, once per member, and each item has its own result', async () => {
    const { hub, topics } = await openDirectorMeeting([procurement('采购无人机'), procurement('采购越野车', 25_000_000)]);
    const [drone, car] = topics;
    await openTopic(hub, drone);
    await discuss(t, hub, drone, DM_MEMBERS);
    await openVote(hub, drone, { method: 'show_of_hands' });
    const early = await rejected(castVote(hub, car, { personId: 'psn_sunli', choice: 'agree' }));
    expect(early).toMatchObject({ status: 409, rule: { id: 'SZYD-21' } });
    for (const p of DM_MEMBERS) await castVote(hub, drone, { personId: p, choice: p === 'psn_sunli' ? 'disagree' : 'agree' });
    expect((await rejected(castVote(hub, drone, { personId: 'psn_sunli', choice: 'agree' }))).rule?.id).toBe('SZYD-21');
    expect((await closeTopic(hub, drone, DECIDE)).outcome).toBe('adopted');
    expect((await rejected(castVote(hub, drone, { personId: 'psn_sunli', choice: 'agree' }))).rule?.id).toBe('SZYD-21');
    await voteOn(t, hub, car, DM_MEMBERS, { [PRINCIPAL]: 'agree', psn_liminghua: 'agree', psn_zhaoguoqiang: 'disagree', psn_sunli: 'disagree' });
    const second = await closeTopic(hub, car, DECIDE);
    expect(second.outcome).toBe('not_adopted');
    const counts = async (id: string) => (await t.database.db.select().from(meetingTopics).where(eq(meetingTopics.id, id))).map((x) => [x.outcome, x.yesCount, x.noCount])[0];
    expect([await counts(drone), await counts(car)]).toEqual([['adopted', 3, 1], ['not_adopted', 2, 2]]);
  });
});

describe('after the decision (DM-15, DM-16)', () => {
  it('DM-15: the 分管领导 of each 承办科室 is recorded as supervising the decision and told to 督办; topics are collected by 综合科 only', async () => {
    const { hub, id, topics } = await openDirectorMeeting([{ title: '推进项目库建设' }, { title: '整改督查发现的问题' }]);
    await openTopic(hub, topics[0]);
    const one = await closeTopic(hub, topics[0], { conclusion: '同意', chairOutcome: 'adopted', decisionText: '规划项目科、服务中心落实', undertakingUnitIds: ['unit_guihua', 'unit_center'], disclosure: '依申请公开' });
    await openTopic(hub, topics[1]);
    const two = await closeTopic(hub, topics[1], { conclusion: '同意', chairOutcome: 'adopted', decisionText: '综合科、督查科落实', undertakingUnitIds: ['unit_zonghe', 'unit_ducha'], disclosure: '依申请公开' });
    const d = await meetingDetail(hub, id);
    expect(d.topics[0].decision?.supervisorIds).toEqual(['psn_zhaoguoqiang']); // both units are his
    expect(d.topics[1].decision?.supervisorIds).toEqual(['psn_liminghua', 'psn_sunli']);
    const told = await rows<{ recipient_person_id: string; body: string }>(t.database.db,
      sql`select recipient_person_id, body from notifications where object_type = 'meeting_decision' and object_id in (${one.decisionId}, ${two.decisionId}) and title like '督办会议决定%' order by recipient_person_id`);
    expect(told.map((n) => n.recipient_person_id)).toEqual(['psn_liminghua', 'psn_sunli', 'psn_zhaoguoqiang']);
    expect(told[0].body).toContain('DM-15');
    const p = await proposeTopic(await ctxFor(t, 'liminghua'), { bodyCode: 'director_meeting', title: '调整值班制度', scopeCodes: ['DM-S6'], planItem: '2026年度工作要点',
      flags: { notIndividuallySolvable: true }, preferredOpinion: '建议调整' });
    expect((await rejected(collectProposal(await ctxFor(t, 'liminghua'), p.id))).status).toBe(403);
    await collectProposal(await ctxFor(t, HUB), p.id);
  });

  it('DM-16: the 综合科科长 records and alone signs the minutes, which keep members\' and 列席\'s views, the conclusion and the decision, permanently', async () => {
    const { hub, id, topics } = await openDirectorMeeting([{ title: '研究年度考核方案' }]);
    expect((await meetingDetail(hub, id)).meeting.recorderName).toBe('刘洋');
    await openTopic(hub, topics[0]);
    await addOpinion(hub, topics[0], { personId: 'psn_zhaoguoqiang', body: '考核指标应量化' });
    await addOpinion(await ctxFor(t, 'liuyang'), topics[0], { body: '综合科负责汇总考核材料' });
    await closeTopic(hub, topics[0], { conclusion: '同意考核方案，指标量化后印发', chairOutcome: 'adopted', decisionText: '12月底前完成考核', ...UNDERTAKER, disclosure: '依申请公开' });
    await closeMeeting(hub, id);
    const other = await rejected(signMinutes(await ctxFor(t, 'huangjing'), id));
    expect(other.rule).toMatchObject({ id: 'DM-16', cite: '《主任办公会议议事规则》四（四）' });
    const { id: minutesId } = await signMinutes(await ctxFor(t, 'liuyang'), id);
    const pdf = await t.app.inject({ method: 'GET', url: `/api/v1/meetings/minutes/${minutesId}/file.pdf`, headers: { cookie: await t.cookieFor('chenzhiyuan') } });
    const text = pdfText(pdf.rawPayload).replace(/\s+/g, '');
    for (const s of ['主任办公会议纪要', '会议记录：刘洋', '赵国强：考核指标应量化', '刘洋（列席）：综合科负责汇总考核材料', '主持人结论：同意考核方案，指标量化后印发', '决定内容：12月底前完成考核']) {
      expect(text).toContain(s);
    }
    await expect(t.database.db.delete(meetingMinutes).where(eq(meetingMinutes.id, minutesId))).rejects.toThrow();
  });
});

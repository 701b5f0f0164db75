import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../../../test/support/app';
import { ctxFor } from '../../../test/support/ctx';
import { rows } from '../../kernel/db';
import { createActingArrangement } from '../../kernel/org/service-acting';
import { meetingDetail } from './queries';
import { meetingTopics, topicProposals } from './schema';
import { approveMeetingTime, delegateChair, remindMeetings, requestLeave, sendNotice } from './service-prep';
import { collectProposal, confirmProposal, listProposals, proposeTopic, reviewProposal, scheduleProposal } from './service-proposals';
import { createMeeting, openMeeting } from './service-meetings';
import { addConsultation } from './service-consult';
import { directorMeeting, HUB, partyMeeting, PG_MEMBERS, PRINCIPAL, rejected, START } from './test-helpers';

/**
 * Preparing a meeting (issue 4): proposals, agenda, SZYD-11 confirmation, the chair's approval
 * of the time, the notice and its reminder, leave, delegated and acting chairs.
 */
let t: TestApp;
/** PG-01 / DM-01 scope and the WR-09 plan item; DM-02 confirmation for the 主任办公会议. */
const PGS = { scopeCodes: ['PG-S2'], planItem: '2026年度工作要点' };
const DMS = { scopeCodes: ['DM-S6'], planItem: '2026年度工作要点', flags: { notIndividuallySolvable: true } };
/** SZYD-09 / PG-11: research led by `lead` (a 党组成员 in these tests). */
const research = async (proposalId: string, lead: string) =>
  addConsultation(await ctxFor(t, lead), proposalId, { kind: 'research', leadId: `psn_${lead}`, memberIds: [`psn_${lead}`], summary: '实地调研并听取意见', heldOn: '2026-11-01' });
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t?.close());

const procurement = { kind: 'procurement' as const, amountFen: 2_500_000, purpose: '培训设备' };
const notices = async (objectId: string, kind = 'info') =>
  rows<{ recipient_person_id: string; title: string; body: string }>(t.database.db, sql`select recipient_person_id, title, body from notifications where object_id = ${objectId} and kind = ${kind} order by created_at, recipient_person_id`);

describe('topics before the agenda (PG-06, PG-10, DM-12, DM-13, SZYD-11)', () => {
  it('PG-06 DM-12: a section\'s decision topic needs its preferred opinion; a member\'s does not', async () => {
    const hanbing = await ctxFor(t, 'hanbing');
    expect((await rejected(proposeTopic(hanbing, { bodyCode: 'party_group', title: '调整项目库' }))).rule?.id).toBe('PG-06');
    expect((await rejected(proposeTopic(hanbing, { bodyCode: 'director_meeting', title: '调整项目库' }))).rule?.id).toBe('DM-12');
    const ok = await proposeTopic(hanbing, { ...PGS, bodyCode: 'party_group', title: '调整项目库', preferredOpinion: '建议同意', attachments: [{ name: '调整方案', ref: 'doc:2026-45' }] });
    expect(ok.proposerKind).toBe('section');
    expect((await proposeTopic(await ctxFor(t, 'liminghua'), { ...PGS, bodyCode: 'party_group', title: '机关作风建设' })).proposerKind).toBe('member');
  });

  it('AS-A18 SZYD-11 PG-10: a section\'s 三重一大 topic needs the 分管领导\'s review, then the principal\'s confirmation; only the chair puts it on the agenda', async () => {
    const hub = await ctxFor(t, HUB);
    const { id: meetingId } = await partyMeeting(t, [], PG_MEMBERS, false);
    const p = await proposeTopic(await ctxFor(t, 'hanbing'), { ...PGS, bodyCode: 'party_group', title: '采购培训设备', matter: procurement, preferredOpinion: '建议采购', materials: '询价单三份' });
    expect(p.kind).toBe('szyd');
    const chair = await ctxFor(t, 'chenzhiyuan');
    expect((await rejected(scheduleProposal(chair, p.id, { meetingId }))).rule?.id).toBe('PG-10'); // not yet collected by 综合科
    await collectProposal(hub, p.id);
    expect((await rejected(scheduleProposal(hub, p.id, { meetingId }))).rule?.id).toBe('PG-10');
    const early = await rejected(scheduleProposal(chair, p.id, { meetingId }));
    expect(early.rule?.id).toBe('SZYD-11');
    expect(early.message).toContain('分管领导审核');
    expect((await rejected(reviewProposal(await ctxFor(t, 'sunli'), p.id))).rule?.id).toBe('SZYD-11'); // not the 分管领导 of 规划项目科
    await reviewProposal(await ctxFor(t, 'zhaoguoqiang'), p.id);
    expect((await rejected(confirmProposal(await ctxFor(t, 'zhaoguoqiang'), p.id))).rule?.id).toBe('SZYD-11');
    expect((await rejected(confirmProposal(chair, p.id))).rule?.id).toBe('SZYD-09'); // no research led by the 分管领导 yet
    await research(p.id, 'zhaoguoqiang');
    await confirmProposal(chair, p.id);
    const { topicId } = await scheduleProposal(chair, p.id, { meetingId });
    const [topic] = await t.database.db.select().from(meetingTopics).where(eq(meetingTopics.id, topicId));
    expect(topic).toMatchObject({ kind: 'szyd', szydRuleId: 'SZYD-07', proposalId: p.id, preferredOpinion: '建议采购', materials: '询价单三份' });
    const [row] = await t.database.db.select().from(topicProposals).where(eq(topicProposals.id, p.id));
    expect(row).toMatchObject({ status: 'scheduled', agendaApprovedBy: PRINCIPAL, confirmedBy: PRINCIPAL, reviewedBy: 'psn_zhaoguoqiang' });
  });

  it('SZYD-11: a member\'s 三重一大 topic is confirmed by the principal\'s own agenda act; the principal\'s enters directly', async () => {
    const hub = await ctxFor(t, HUB);
    const { id: meetingId } = await partyMeeting(t, [], PG_MEMBERS, false);
    const member = await proposeTopic(await ctxFor(t, 'sunli'), { ...PGS, bodyCode: 'party_group', title: '采购车辆', matter: { ...procurement, amountFen: 20_000_000 }, preferredOpinion: '建议采购' });
    const own = await proposeTopic(await ctxFor(t, 'chenzhiyuan'), { ...PGS, bodyCode: 'party_group', title: '年度预算调整', matter: { kind: 'budget' }, preferredOpinion: '建议按方案调整' });
    expect(own.proposerKind).toBe('principal');
    for (const id of [member.id, own.id]) await collectProposal(hub, id);
    await research(member.id, 'sunli');
    await research(own.id, 'chenzhiyuan');
    const chair = await ctxFor(t, 'chenzhiyuan');
    await scheduleProposal(chair, member.id, { meetingId });
    await scheduleProposal(chair, own.id, { meetingId });
    const list = (await listProposals(chair)).proposals.filter((x) => [member.id, own.id].includes(x.id));
    expect(list.map((x) => x.status)).toEqual(['scheduled', 'scheduled']);
    expect(list.find((x) => x.id === own.id)?.confirmedAt).toBeNull();
  });

  it('DM-13 DM-14: at the 主任办公会议 the 主任 lists topics; once the meeting is open a topic needs an ad-hoc reason', async () => {
    const { hub, id: meetingId } = await directorMeeting(t, [{ title: '研究年度工作' }]);
    const p = await proposeTopic(await ctxFor(t, 'liminghua'), { ...DMS, bodyCode: 'director_meeting', title: '调整办公用房' , kind: 'ordinary', preferredOpinion: '建议调整' });
    await collectProposal(hub, p.id);
    expect((await rejected(scheduleProposal(await ctxFor(t, 'liminghua'), p.id, { meetingId }))).rule?.id).toBe('DM-13');
    await openMeeting(hub, meetingId);
    const director = await ctxFor(t, 'chenzhiyuan');
    expect((await rejected(scheduleProposal(director, p.id, { meetingId }))).rule?.id).toBe('DM-14');
    await scheduleProposal(director, p.id, { meetingId, adHoc: { ground: 'urgent', reason: '市里要求本周上报' } });
  });
});

describe('time, notice and reminder (PG-03, PG-04, PG-05, DM-07, DM-11)', () => {
  it('AS-A14 PG-03 DM-07: no notice before the chair approved the time; only the chair approves', async () => {
    const hub = await ctxFor(t, HUB);
    const pg = await partyMeeting(t, [{ title: '研究工作', materials: '方案' }], PG_MEMBERS, false);
    expect((await rejected(sendNotice(hub, pg.id))).rule?.id).toBe('PG-03');
    expect((await rejected(approveMeetingTime(hub, pg.id))).rule?.id).toBe('PG-03');
    const dm = await createMeeting(hub, { bodyCode: 'director_meeting', title: '主任办公会议', startAt: START, place: '会议室', topics: [{ title: '研究工作', materials: '方案' }] });
    expect((await rejected(sendNotice(hub, dm.id))).rule?.id).toBe('DM-07');
    await approveMeetingTime(await ctxFor(t, 'chenzhiyuan'), dm.id);
    expect((await sendNotice(hub, dm.id)).late).toBe(false);
  });

  it('AS-A13 PG-04 PG-05 N-5: on the day before it is in time, to every member and 列席, topic 列席 with their topic only; the reminder goes once', async () => {
    const hub = await ctxFor(t, HUB);
    const { id } = await partyMeeting(t, [{ title: '研究项目库', materials: '项目清单', relatedStaffIds: ['psn_hanbing'] }, { title: '其他议题', materials: '', preferredOpinion: '建议研究' }], PG_MEMBERS, false);
    await approveMeetingTime(await ctxFor(t, 'chenzhiyuan'), id);
    const bare = await rejected(sendNotice(hub, id));
    expect(bare.code).toBe('RULE_WARNING');
    expect(bare.rule?.id).toBe('PG-05');
    expect((await rejected(sendNotice(hub, id, { acknowledged: ['PG-05'] }))).rule?.id).toBe('PG-10'); // no member's comment on the agenda yet
    const r = await sendNotice(hub, id, { acknowledged: ['PG-05', 'PG-10'] });
    expect(r).toEqual({ recipients: 7 + 1 + 1 + 1, late: false }); // 7 members, 刘洋 (standing), 周文斌 (invited), 韩冰 for topic 1
    const sent = await notices(id);
    expect(sent.find((n) => n.recipient_person_id === 'psn_hanbing')?.body).toContain('研究项目库');
    expect(sent.find((n) => n.recipient_person_id === 'psn_hanbing')?.body).not.toContain('其他议题');
    expect(sent.find((n) => n.recipient_person_id === PRINCIPAL)?.body).toMatch(/三楼会议室.*研究项目库.*其他议题/);
    await requestLeave(await ctxFor(t, 'wuhai'), id, { reason: '市里开会' });
    t.clock.set('2026-11-03T06:00:00+08:00');
    expect(await remindMeetings(hub)).toBe(0);
    t.clock.set('2026-11-03T07:30:00+08:00');
    expect(await remindMeetings(hub)).toBeGreaterThanOrEqual(1); // other notified meetings of this file start then too
    expect(await remindMeetings(hub)).toBe(0);
    const reminded = (await notices(id, 'remind')).map((n) => n.recipient_person_id);
    expect(reminded).not.toContain('psn_wuhai');
    expect(reminded).toContain(PRINCIPAL);
    t.clock.set('2026-11-02T09:00:00+08:00');
  });

  it('AS-A13 PG-04 CONF-14: on the meeting day the notice needs a reason and an acknowledged warning', async () => {
    const hub = await ctxFor(t, HUB);
    const { id } = await partyMeeting(t, [{ title: '研究工作', materials: '方案' }], PG_MEMBERS, false);
    await approveMeetingTime(await ctxFor(t, 'chenzhiyuan'), id);
    t.clock.set('2026-11-03T08:00:00+08:00');
    const noReason = await rejected(sendNotice(hub, id));
    expect(noReason.rule?.id).toBe('PG-04');
    expect(noReason.message).toContain('应不晚于 2026-11-02 通知');
    expect((await rejected(sendNotice(hub, id, { lateReason: '市委临时部署' }))).code).toBe('RULE_WARNING');
    expect((await sendNotice(hub, id, { lateReason: '市委临时部署', acknowledged: ['PG-04', 'PG-10'] })).late).toBe(true);
    t.clock.set('2026-11-02T09:00:00+08:00');
  });
});

describe('leave and the chair (PG-07, PG-08, DM-09)', () => {
  it('AS-A28 PG-08: leave asked before the start is leave with its reason, the chair is told; asked after the start it is absence', async () => {
    const { hub, id } = await partyMeeting(t, [{ title: '研究工作' }], PG_MEMBERS, false);
    expect(await requestLeave(await ctxFor(t, 'hejianjun'), id, { reason: '下乡督导' })).toEqual({ recordedAs: 'leave' });
    expect((await notices(id)).find((n) => n.recipient_person_id === PRINCIPAL)?.title).toBe('请假：何建军');
    t.clock.set('2026-11-03T09:30:00+08:00');
    expect(await requestLeave(await ctxFor(t, 'wuhai'), id, { reason: '临时有事' })).toEqual({ recordedAs: 'absent' });
    t.clock.set('2026-11-02T09:00:00+08:00');
    const d = await meetingDetail(hub, id);
    expect(d.attendees.find((a) => a.personId === 'psn_hejianjun')).toMatchObject({ status: 'leave', leaveReason: '下乡督导' });
    expect(d.attendees.find((a) => a.personId === 'psn_wuhai')).toMatchObject({ status: 'absent' });
  });

  it('AS-A15 PG-07: the 书记 entrusts one 党组成员, never a 列席; the delegate approves the time and the 书记 is on leave', async () => {
    const { hub, id } = await partyMeeting(t, [{ title: '研究工作', materials: '方案' }], PG_MEMBERS, false);
    const secretary = await ctxFor(t, 'chenzhiyuan');
    expect((await rejected(delegateChair(hub, id, { delegateId: 'psn_liminghua', reason: '外出' }))).rule?.id).toBe('PG-07');
    expect((await rejected(delegateChair(secretary, id, { delegateId: 'psn_liuyang', reason: '外出' }))).rule?.id).toBe('PG-07');
    await delegateChair(secretary, id, { delegateId: 'psn_liminghua', reason: '赴省参加会议' });
    expect((await rejected(approveMeetingTime(secretary, id))).rule?.id).toBe('PG-03');
    await approveMeetingTime(await ctxFor(t, 'liminghua'), id);
    const d = await meetingDetail(hub, id);
    expect(d.meeting).toMatchObject({ chairName: '李明华', chairBasis: 'delegated', chairHolderName: '陈志远', timeApprovedByName: '李明华' });
    expect(d.attendees.find((a) => a.personId === PRINCIPAL)).toMatchObject({ status: 'leave', leaveReason: '赴省参加会议' });
  });

  it('AS-A15 DM-09 WR-03: only a 副主任 is entrusted; the deputy acting for the 主任 on the date chairs', async () => {
    const hub = await ctxFor(t, HUB);
    const director = await ctxFor(t, 'chenzhiyuan');
    const first = await createMeeting(hub, { bodyCode: 'director_meeting', title: '主任办公会议', startAt: START, place: '会议室', topics: [] });
    expect((await rejected(delegateChair(director, first.id, { delegateId: 'psn_wuhai', reason: '外出' }))).rule?.id).toBe('DM-09');
    await createActingArrangement(hub, { absentPersonId: PRINCIPAL, actingPersonId: 'psn_zhaoguoqiang', postCode: 'director', startDate: '2026-11-10', endDate: '2026-11-14', reason: '赴京学习' });
    const acting = await createMeeting(hub, { bodyCode: 'director_meeting', title: '主任办公会议', startAt: '2026-11-12T09:00:00+08:00', place: '会议室', topics: [] });
    const d = await meetingDetail(hub, acting.id);
    expect(d.meeting).toMatchObject({ chairName: '赵国强', chairBasis: 'acting', chairDelegationReason: '赴京学习' });
    expect(d.attendees.find((a) => a.personId === PRINCIPAL)).toMatchObject({ status: 'leave' });
    expect((await rejected(requestLeave(await ctxFor(t, 'zhaoguoqiang'), acting.id, { reason: 'x' }))).code).toBe('CHAIR_LEAVE');
  });
});

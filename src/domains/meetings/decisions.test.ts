import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../../../test/support/app';
import { ctxFor } from '../../../test/support/ctx';
import { createTask } from './followup';
import { meetingDetail } from './queries';
import { decisionTasks, meetingTopics } from './schema';
import { assignResponsibility, reserveMinorityOpinion } from './service-decisions';
import { openMeeting, setAttendance } from './service-meetings';
import { collectProposal, proposeFromFollowups, scheduleProposal } from './service-proposals';
import { openTopic } from './service-topics';
import { closeTopic } from './service-votes';
import { directorMeeting, HUB, partyMeeting, PG_MEMBERS, rejected, voteOn } from './test-helpers';
import { loadTopic } from './store';

/** After the vote: minority opinions, responsibility and lead, briefing the 党组, frozen voters, 落实情况 as a topic. */
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t?.close());

const topicsOf = async (meetingId: string) => (await t.database.db.select().from(meetingTopics).where(eq(meetingTopics.meetingId, meetingId)).orderBy(meetingTopics.seq)).map((x) => x.id);
const split = (present: string[], yes: number) => Object.fromEntries(present.map((p, i) => [p, i < yes ? ('agree' as const) : ('disagree' as const)]));

describe('after the vote', () => {
  it('PG-20: a member who voted against reserves the opinion and may report it upward; the decision stands; an agreeing member cannot', async () => {
    const present = PG_MEMBERS.slice(0, 6);
    const { hub, id } = await partyMeeting(t, [{ title: '调整帮扶责任分工' }], present);
    const [topic] = await topicsOf(id);
    await voteOn(t, hub, topic, present, split(present, 5));
    const { outcome } = await closeTopic(hub, topic, { decisionText: '按方案调整', responsibleMemberIds: ['psn_liminghua'] });
    expect(outcome).toBe('adopted');
    const dissenter = present[5];
    await reserveMinorityOpinion(hub, topic, { personId: dissenter, body: '建议先调研再调整', reportToSuperior: true });
    expect((await rejected(reserveMinorityOpinion(hub, topic, { personId: present[0], body: '保留' }))).rule?.id).toBe('PG-20');
    const d = await meetingDetail(hub, id);
    expect(d.topics[0].minorityOpinions).toEqual([expect.objectContaining({ personId: dissenter, reportToSuperior: true })]);
    expect(d.topics[0].decision?.status).toBe('in_force');
  });

  it('AS-A24 PG-22 SZYD-26: an adopted 党组 decision cannot be made without a responsible 党组成员; a 三重一大 decision with two responsible members needs one lead', async () => {
    const present = PG_MEMBERS.slice(0, 5);
    const { hub, id } = await partyMeeting(t, [{ title: '开展培训' }, { title: '采购培训设备', matter: { kind: 'procurement', amountFen: 3_000_000 } }], present);
    const [plain, szyd] = await topicsOf(id);
    await voteOn(t, hub, plain, present, split(present, 5));
    const none = await rejected(closeTopic(hub, plain, { decisionText: '11月内完成' }));
    expect(none.rule?.id).toBe('PG-22');
    expect((await rejected(closeTopic(hub, plain, { decisionText: '11月内完成', responsibleMemberIds: ['psn_liuyang'] }))).rule?.id).toBe('PG-22'); // 列席, not a 党组成员
    expect((await loadTopic(t.database.db, plain)).status).toBe('voting'); // nothing changed
    const { decisionId } = await closeTopic(hub, plain, { decisionText: '11月内完成', responsibleMemberIds: ['psn_sunli'] });
    expect((await rejected(assignResponsibility(hub, decisionId!, { responsibleMemberIds: ['psn_wuhai'] }))).status).toBe(409); // named with the decision
    await createTask(hub, decisionId!, { title: '制定方案', ownerId: 'psn_luomin' });
    await voteOn(t, hub, szyd, present, split(present, 5));
    const noLead = await rejected(closeTopic(hub, szyd, { decisionText: '同意采购', responsibleMemberIds: ['psn_sunli', 'psn_zhaoguoqiang'] }));
    expect(noLead.rule?.id).toBe('SZYD-26');
    await closeTopic(hub, szyd, { decisionText: '同意采购', responsibleMemberIds: ['psn_sunli', 'psn_zhaoguoqiang'], leadMemberId: 'psn_sunli' });
    const d = await meetingDetail(hub, id);
    expect(d.topics[1].decision?.responsibles).toEqual(expect.arrayContaining([{ personId: 'psn_sunli', name: '孙丽', isLead: true }, { personId: 'psn_zhaoguoqiang', name: '赵国强', isLead: false }]));
  });

  it('AS-A22 DM-03 DM-17: an adopted 主任办公会议 decision becomes a "通报办党组" task, due at the next 党组会议 if that is earlier than 7 days', async () => {
    const { hub, id } = await directorMeeting(t, [{ title: '研究年度工作' }]);
    await openMeeting(hub, id);
    const [topic] = await topicsOf(id);
    await openTopic(hub, topic);
    expect((await rejected(closeTopic(hub, topic, { conclusion: '同意', chairOutcome: 'adopted', decisionText: '按计划执行' }))).rule?.id).toBe('DM-17');
    const { decisionId } = await closeTopic(hub, topic, { conclusion: '同意', chairOutcome: 'adopted', decisionText: '按计划执行', undertakingUnitIds: ['unit_zonghe'] });
    const [task] = await t.database.db.select().from(decisionTasks).where(eq(decisionTasks.decisionId, decisionId!));
    // decided 2026-11-02; 7 days would be 11-09, but the earlier tests' 党组会议 of 11-03 comes first
    expect(task).toMatchObject({ ownerId: 'psn_liuyang', dueDate: '2026-11-03' });
    expect(task.title).toContain('向办党组通报');
  });

  it('PG-17: the voters frozen when the vote opened are kept at close, whatever attendance says later', async () => {
    const present = PG_MEMBERS.slice(0, 5);
    const { hub, id } = await partyMeeting(t, [{ title: '研究工作' }], present);
    const [topic] = await topicsOf(id);
    await voteOn(t, hub, topic, present, split(present, 4));
    await closeTopic(hub, topic, { decisionText: '同意', responsibleMemberIds: ['psn_liminghua'] });
    await setAttendance(hub, id, PG_MEMBERS[6], 'present');
    const d = await meetingDetail(hub, id);
    expect(d.topics[0].voters.map((v) => v.personId).sort()).toEqual([...present].sort());
    expect(d.topics[0].present).toBe(6); // live attendance moved on, the frozen list did not
  });

  it('SZYD-35: the open follow-ups become a briefing topic the chair puts on the next agenda', async () => {
    const hub = await ctxFor(t, HUB);
    const { id: proposalId, tasks } = await proposeFromFollowups(hub, { bodyCode: 'party_group' });
    expect(tasks).toBeGreaterThan(0);
    const next = await partyMeeting(t, [], PG_MEMBERS, false);
    const { topicId } = await scheduleProposal(await ctxFor(t, 'chenzhiyuan'), proposalId, { meetingId: next.id });
    const [topic] = await t.database.db.select().from(meetingTopics).where(eq(meetingTopics.id, topicId));
    expect(topic.kind).toBe('briefing');
    expect(topic.materials).toContain('制定方案');
    expect(topic.title).toContain('落实情况');
    await rejected(collectProposal(hub, proposalId));
  });
});

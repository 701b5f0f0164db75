import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../../../test/support/app';
import { ctxFor } from '../../../test/support/ctx';
import { rows } from '../../kernel/db';
import { meetingDetail, listDecisions } from './queries';
import { meetingTopics } from './schema';
import { closeMeeting, openMeeting } from './service-meetings';
import { signMinutes } from './service-minutes';
import { openTopic } from './service-topics';
import { closeTopic } from './service-votes';
import { recordPublication, remindDecisionDisclosures, setDecisionDisclosure } from './service-disclosure';
import { directorMeeting, discuss, partyMeeting, PG_MEMBERS, rejected, RESP, UNDERTAKER, voteOn } from './test-helpers';

/** 公开属性 and confidentiality of decisions (WR-13, SZYD-31, WR-21, DM-18, SZYD-25; CONF-22). */
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t?.close());

const DM_MEMBERS = ['psn_chenzhiyuan', 'psn_liminghua', 'psn_zhaoguoqiang', 'psn_sunli'];
const topicsOf = async (meetingId: string) => (await t.database.db.select().from(meetingTopics).where(eq(meetingTopics.meetingId, meetingId)).orderBy(meetingTopics.seq)).map((x) => x.id);
const allAgree = (present: string[]) => Object.fromEntries(present.map((p) => [p, 'agree' as const]));
const noticesFor = (objectId: string) =>
  rows<{ recipient_person_id: string; kind: string; body: string }>(t.database.db, sql`select recipient_person_id, kind, body from notifications where object_type = 'meeting_decision_disclosure' and object_id = ${objectId} order by recipient_person_id`);
const titles = async (username: string) => (await listDecisions(await ctxFor(t, username))).decisions.map((d) => d.title);
const procurement = (title: string, amountFen = 3_000_000) => ({ title, matter: { kind: 'procurement' as const, amountFen, purpose: title } });

/** A 主任办公会议 of the four 班子成员 with the given topics, opened. */
async function openDirectorMeeting(topics: Parameters<typeof directorMeeting>[1]) {
  const m = await directorMeeting(t, topics);
  await openMeeting(m.hub, m.id);
  return { ...m, topics: await topicsOf(m.id) };
}

/** Take a 三重一大 topic at the 主任办公会议 through to an adopted decision. */
async function adoptAtDirectorMeeting(hub: Awaited<ReturnType<typeof openDirectorMeeting>>['hub'], topic: string, disclosure: Record<string, string>) {
  await voteOn(t, hub, topic, DM_MEMBERS, allAgree(DM_MEMBERS));
  return closeTopic(hub, topic, { conclusion: '同意', decisionText: '同意实施，孙丽负责', responsibleMemberIds: ['psn_sunli'], ...UNDERTAKER, ...disclosure });
}

describe('公开属性 of decisions (WR-13, SZYD-31)', () => {
  it('WR-13: the attribute is one of three and 不予公开 needs its reason; it is set once; the minutes are not signed while a decision lacks it', async () => {
    const present = PG_MEMBERS.slice(0, 5);
    const { hub, id } = await partyMeeting(t, [{ title: '调整帮扶联系点' }], present);
    const [topic] = await topicsOf(id);
    await voteOn(t, hub, topic, present, allAgree(present));
    const wrong = await rejected(closeTopic(hub, topic, { ...RESP, decisionText: '按方案调整', disclosure: '部分公开' }));
    expect(wrong.rule?.id).toBe('WR-13');
    expect(wrong.message).toContain('主动公开、依申请公开或不予公开');
    const noReason = await rejected(closeTopic(hub, topic, { ...RESP, decisionText: '按方案调整', disclosure: '不予公开' }));
    expect(noReason.rule?.id).toBe('WR-13');
    expect(noReason.message).toContain('理由');
    const { decisionId } = await closeTopic(hub, topic, { ...RESP, decisionText: '按方案调整' });
    await closeMeeting(hub, id);
    const unsigned = await rejected(signMinutes(await ctxFor(t, 'liuyang'), id));
    expect(unsigned.rule?.id).toBe('WR-13');
    expect(unsigned.message).toContain('调整帮扶联系点');
    // decided on Monday 2026-11-02: 10 working days later (DISC-12, CONF-22)
    expect(await setDecisionDisclosure(hub, decisionId!, { disclosure: '主动公开' })).toEqual({ dueDate: '2026-11-16' });
    expect((await rejected(setDecisionDisclosure(hub, decisionId!, { disclosure: '不予公开', disclosureReason: 'G4' }))).status).toBe(409);
    await signMinutes(await ctxFor(t, 'liuyang'), id);
    const row = (await listDecisions(hub)).decisions.find((d) => d.id === decisionId)!;
    expect(row).toMatchObject({ disclosure: '主动公开', disclosureDueDate: '2026-11-16', publishedOn: null, disclosureOverdue: false });
  });

  it('WR-13: an unpublished 主动公开 decision reminds 综合科 and the responsible member 3 and 1 working days before its due date and once overdue; 综合科 records the publication', async () => {
    const present = PG_MEMBERS.slice(0, 5);
    const { hub, id } = await partyMeeting(t, [{ title: '公布年度帮扶成效' }], present);
    const [topic] = await topicsOf(id);
    await voteOn(t, hub, topic, present, allAgree(present));
    const { decisionId } = await closeTopic(hub, topic, { ...RESP, decisionText: '向社会公布', disclosure: '主动公开' });
    const stage = (s: string) => noticesFor(`${decisionId}:${s}`);
    try {
      t.clock.set('2026-11-10T09:00:00+08:00');
      await remindDecisionDisclosures(hub);
      expect(await stage('due3')).toHaveLength(0);
      t.clock.set('2026-11-11T09:00:00+08:00'); // 3 working days before 11-16
      await remindDecisionDisclosures(hub);
      await remindDecisionDisclosures(hub);
      const first = await stage('due3');
      expect(first.map((n) => n.recipient_person_id)).toEqual(['psn_liminghua', 'psn_liuyang']); // each once
      expect(first[0].body).toContain('2026-11-16');
      expect(first[0].body).toContain('WR-13');
      t.clock.set('2026-11-13T09:00:00+08:00');
      await remindDecisionDisclosures(hub);
      expect(await stage('due1')).toHaveLength(2);
      t.clock.set('2026-11-17T09:00:00+08:00');
      await remindDecisionDisclosures(hub);
      await remindDecisionDisclosures(hub);
      expect((await stage('overdue')).map((n) => n.kind)).toEqual(['overdue', 'overdue']);
      expect((await listDecisions(hub)).decisions.find((d) => d.id === decisionId)?.disclosureOverdue).toBe(true);
      expect((await rejected(recordPublication(await ctxFor(t, 'sunli'), decisionId!, { channel: '门户网站' }))).status).toBe(403); // 综合科 records it
      expect((await rejected(recordPublication(hub, decisionId!, { channel: '门户网站', publishedOn: '2026-10-30' }))).status).toBe(400); // before the decision
      await recordPublication(hub, decisionId!, { channel: '市扶贫办门户网站', publishedOn: '2026-11-17' });
      const published = (await listDecisions(hub)).decisions.find((d) => d.id === decisionId)!;
      expect(published).toMatchObject({ publishedOn: '2026-11-17', publicationChannel: '市扶贫办门户网站', disclosureOverdue: false });
      expect((await rejected(recordPublication(hub, decisionId!, { channel: '公开栏' }))).status).toBe(409);
    } finally {
      t.clock.set('2026-11-02T09:00:00+08:00');
    }
  });

  it('SZYD-31: decided 三重一大 items of the 主任办公会议: a published one is never reminded, an unpublished 主动公开 one is, a 不予公开 one is neither published nor reminded', async () => {
    const { hub, topics } = await openDirectorMeeting([procurement('采购扶贫产品展销设备'), procurement('采购产业扶贫宣传品', 2_200_000), procurement('采购涉密档案柜', 2_500_000)]);
    const published = await adoptAtDirectorMeeting(hub, topics[0], { disclosure: '主动公开' });
    const pending = await adoptAtDirectorMeeting(hub, topics[1], { disclosure: '主动公开' });
    const withheld = await adoptAtDirectorMeeting(hub, topics[2], { disclosure: '不予公开', disclosureReason: 'G4' });
    await recordPublication(hub, published.decisionId!, { channel: '政务公开栏' });
    const refused = await rejected(recordPublication(hub, withheld.decisionId!, { channel: '门户网站' }));
    expect(refused.rule?.id).toBe('SZYD-31');
    expect(refused.message).toContain('涉及工作秘密');
    try {
      for (const day of ['2026-11-11', '2026-11-13', '2026-11-17']) {
        t.clock.set(`${day}T09:00:00+08:00`);
        await remindDecisionDisclosures(hub);
      }
      for (const stage of ['due3', 'due1', 'overdue']) {
        expect(await noticesFor(`${published.decisionId}:${stage}`)).toHaveLength(0);
        expect(await noticesFor(`${withheld.decisionId}:${stage}`)).toHaveLength(0);
      }
      const overdue = await noticesFor(`${pending.decisionId}:overdue`);
      expect(overdue.map((n) => n.recipient_person_id)).toEqual(['psn_liuyang', 'psn_sunli']);
      expect(overdue[0].body).toContain('SZYD-31');
    } finally {
      t.clock.set('2026-11-02T09:00:00+08:00');
    }
    const list = (await listDecisions(hub)).decisions;
    expect(list.find((d) => d.id === published.decisionId)).toMatchObject({ disclosure: '主动公开', publishedOn: '2026-11-02', publicationChannel: '政务公开栏', szydRuleId: 'SZYD-07' });
    expect(list.find((d) => d.id === pending.decisionId)).toMatchObject({ publishedOn: null, disclosureOverdue: false }); // back on 11-02
    expect(list.find((d) => d.id === withheld.decisionId)).toMatchObject({ disclosure: '不予公开', disclosureReason: '涉及工作秘密', publishedOn: null });
  });
});

describe('confidentiality of meeting content (WR-21, DM-18, SZYD-25)', () => {
  it('WR-21: a 不予公开 decision of the 党组会议 reaches only the meeting and its responsible members; staff outside see the other decisions', async () => {
    const present = PG_MEMBERS.slice(0, 5);
    const { hub, id } = await partyMeeting(t, [{ title: '调整驻村工作队', relatedStaffIds: ['psn_hanbing'] }, { title: '研究信访举报线索处置' }], present);
    const [open, secret] = await topicsOf(id);
    await voteOn(t, hub, open, present, allAgree(present));
    await closeTopic(hub, open, { ...RESP, decisionText: '按方案调整', disclosure: '依申请公开' });
    await voteOn(t, hub, secret, present, allAgree(present));
    await closeTopic(hub, secret, { responsibleMemberIds: ['psn_sunli'], decisionText: '由孙丽牵头核查', disclosure: '不予公开', disclosureReason: 'G4' });
    const outsider = await titles('xunuo');
    expect(outsider).toContain('调整驻村工作队');
    expect(outsider).not.toContain('研究信访举报线索处置');
    expect(await titles('hanbing')).not.toContain('研究信访举报线索处置'); // 列席 of the other topic only
    for (const inside of ['sunli', 'liminghua', 'zhouwenbin', 'liuyang']) expect(await titles(inside)).toContain('研究信访举报线索处置');
    expect(await titles('hejianjun')).toContain('研究信访举报线索处置'); // a member of the meeting, though on leave
  });

  it('DM-18: an outsider is refused a 主任办公会议 citing DM-18, and its minutes too; topic 列席 see their topic only', async () => {
    const { hub, id, topics } = await openDirectorMeeting([{ title: '调整项目库入库标准', relatedStaffIds: ['psn_hanbing'] }, { title: '研究机关内部管理事项' }]);
    await openTopic(hub, topics[0]);
    await discuss(t, hub, topics[0], DM_MEMBERS);
    await closeTopic(hub, topics[0], { conclusion: '暂缓，进一步论证', defer: true, reason: '意见不一致，进一步论证' });
    const refused = await rejected(meetingDetail(await ctxFor(t, 'xunuo'), id));
    expect(refused.status).toBe(403);
    expect(refused.rule).toMatchObject({ id: 'DM-18', cite: '《主任办公会议议事规则》六' });
    const draft = await t.app.inject({ method: 'GET', url: `/api/v1/meetings/${id}/minutes/draft.pdf`, headers: { cookie: await t.cookieFor('xunuo') } });
    expect(draft.statusCode).toBe(403);
    expect(draft.json().error.rule.id).toBe('DM-18');
    const staff = await meetingDetail(await ctxFor(t, 'hanbing'), id);
    expect(staff.topics.map((x) => x.title)).toEqual(['调整项目库入库标准']);
    expect((await meetingDetail(hub, id)).topics).toHaveLength(2);
  });

  it('SZYD-25: a withheld 三重一大 decision of the 主任办公会议 and its deliberation stay with the meeting and oversight', async () => {
    const { hub, id, topics } = await openDirectorMeeting([procurement('采购保密设备', 4_000_000)]);
    const { decisionId } = await adoptAtDirectorMeeting(hub, topics[0], { disclosure: '不予公开', disclosureReason: 'G3' });
    expect(await titles('xunuo')).not.toContain('采购保密设备');
    expect(await titles('zhouwenbin')).toContain('采购保密设备'); // 纪检监察: oversight
    expect(await titles('zhaoguoqiang')).toContain('采购保密设备');
    expect((await rejected(meetingDetail(await ctxFor(t, 'dongxue'), id))).status).toBe(403);
    const inspector = await meetingDetail(await ctxFor(t, 'zhouwenbin'), id);
    expect(inspector.topics[0].opinions.every((o) => o.stance === 'agree' && o.reason)).toBe(true);
    expect(inspector.topics[0].decision).toMatchObject({ id: decisionId, disclosure: '不予公开' });
  });
});

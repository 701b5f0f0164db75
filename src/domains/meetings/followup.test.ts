import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../../../test/support/app';
import { ctxFor } from '../../../test/support/ctx';
import { rows } from '../../kernel/db';
import { classifyMatter, findCoveringDecision } from './classifier';
import { closeTask, createTask, followupList, remindOverdueTasks, reportProgress } from './followup';
import { judgeMonths, meetingFrequency } from './frequency';
import { meetingTopics } from './schema';
import { closeTopic } from './service-votes';
import { partyMeeting, PG_MEMBERS, rejected, voteOn } from './test-helpers';
import { RESP } from './test-helpers';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t?.close());

describe('三重一大 classifier (SZYD-04…08)', () => {
  it('AS-A05 SZYD-07: procurement of 2万元 is collective, 19,999.99 元 is not (inclusive threshold)', () => {
    expect(classifyMatter({ kind: 'procurement', amountFen: 2_000_000 })).toMatchObject({ collective: true, ruleId: 'SZYD-07', body: 'party_group', topicKind: 'szyd' });
    expect(classifyMatter({ kind: 'procurement', amountFen: 1_999_999 })).toMatchObject({ collective: false, ruleId: null });
    expect(classifyMatter({ kind: 'special_fund', amountFen: 6_000_000 }).allowedBodies).toEqual(['party_group', 'director_meeting']);
  });

  it('AS-A05 SZYD-08: a donation in the office\'s name of 1万元 is collective; 9,999.99 元 or not in its name is not', () => {
    expect(classifyMatter({ kind: 'donation', amountFen: 1_000_000, inOfficeName: true }).ruleId).toBe('SZYD-08');
    expect(classifyMatter({ kind: 'donation', amountFen: 999_999, inOfficeName: true }).collective).toBe(false);
    expect(classifyMatter({ kind: 'donation', amountFen: 5_000_000, inOfficeName: false }).collective).toBe(false);
  });

  it('SZYD-04 SZYD-05 SZYD-06 CONF-04: cadre appointments go to the 党组 only; renovation and the budget at any amount', () => {
    expect(classifyMatter({ kind: 'cadre_appointment' })).toMatchObject({ collective: true, ruleId: 'SZYD-04', allowedBodies: ['party_group'], topicKind: 'cadre' });
    expect(classifyMatter({ kind: 'office_building', amountFen: 800_000 }).ruleId).toBe('SZYD-05');
    expect(classifyMatter({ kind: 'budget' }).ruleId).toBe('SZYD-06');
  });

  it('SZYD-07: findCoveringDecision finds the adopted decision that covers a procurement, and none above its amount', async () => {
    const present = PG_MEMBERS.slice(0, 5);
    const { hub, id } = await partyMeeting(t, [{ title: '采购扶贫培训设备', matter: { kind: 'procurement', amountFen: 5_000_000, purpose: '培训设备' } }], present);
    const [topic] = await t.database.db.select().from(meetingTopics).where(eq(meetingTopics.meetingId, id));
    expect(topic.kind).toBe('szyd');
    await voteOn(t, hub, topic.id, present, Object.fromEntries(present.map((p) => [p, 'agree' as const])));
    const { decisionId } = await closeTopic(hub, topic.id, { ...RESP, decisionText: '同意采购，孙丽负责，12月底前完成' });
    expect(await findCoveringDecision(t.database.db, { kind: 'procurement', amountFen: 4_500_000, purpose: '培训设备' })).toMatchObject({ id: decisionId, ruleId: 'SZYD-07' });
    expect(await findCoveringDecision(t.database.db, { kind: 'procurement', amountFen: 6_000_000 })).toBeNull();
    expect(await findCoveringDecision(t.database.db, { kind: 'procurement', amountFen: 100, decisionId: 'dec_none' })).toBeNull();
  });
});

describe('follow-up (SZYD-30, SZYD-35)', () => {
  it('SZYD-30: a decision becomes a task due in working days; overdue owners are reminded once a day; 综合科 closes after a report', async () => {
    const present = PG_MEMBERS.slice(0, 4);
    const { hub, id } = await partyMeeting(t, [{ title: '开展扶贫政策宣传月活动' }], present);
    const [topic] = await t.database.db.select().from(meetingTopics).where(eq(meetingTopics.meetingId, id));
    await voteOn(t, hub, topic.id, present, Object.fromEntries(present.map((p) => [p, 'agree' as const])));
    const { decisionId } = await closeTopic(hub, topic.id, { ...RESP, decisionText: '信息宣传科牵头，11月内完成', responsibleMemberIds: ['psn_liminghua'] });
    const task = await createTask(hub, decisionId!, { title: '制定宣传月方案', ownerId: 'psn_luomin', coOwnerIds: ['psn_xiechen'], dueWorkingDays: 5 });
    expect(task.dueDate).toBe('2026-11-09'); // 2026-11-02 (Mon) + 5 working days
    // Counted for this task: the demo office has overdue tasks of its own.
    const notices = async () => (await rows<{ n: number }>(t.database.db, sql`select count(*)::int as n from notifications where kind = 'overdue' and object_id = ${task.id}`))[0].n;
    await remindOverdueTasks(hub);
    expect(await notices()).toBe(0);
    t.clock.set('2026-11-11T09:00:00+08:00');
    await remindOverdueTasks(hub);
    expect(await notices()).toBe(2); // owner and co-owner
    await remindOverdueTasks(hub);
    expect(await notices()).toBe(2); // once a day
    const sent = await rows<{ recipient_person_id: string }>(t.database.db, sql`select recipient_person_id from notifications where kind = 'overdue' and object_id = ${task.id} order by 1`);
    expect(sent.map((s) => s.recipient_person_id)).toEqual(['psn_luomin', 'psn_xiechen']);
    expect((await followupList(hub)).tasks.find((x) => x.id === task.id)).toMatchObject({ overdue: true, ownerName: '罗敏' });
    await rejected(closeTask(hub, task.id, '已完成'));
    await reportProgress(await ctxFor(t, 'luomin'), task.id, { body: '方案已印发', evidence: '白扶办〔2026〕30号' });
    await closeTask(hub, task.id, '已办结');
    expect((await followupList(hub, { status: 'done' })).tasks.map((x) => x.id)).toContain(task.id);
    t.clock.set('2026-11-02T09:00:00+08:00');
  });
});

describe('execution reports (WR-10)', () => {
  it('WR-10: a task without any execution report is reminded once the first report is due, and no longer after a report', async () => {
    const present = PG_MEMBERS.slice(0, 4);
    const { hub, id } = await partyMeeting(t, [{ title: '推进消费扶贫' }], present);
    const [topic] = await t.database.db.select().from(meetingTopics).where(eq(meetingTopics.meetingId, id));
    await voteOn(t, hub, topic.id, present, Object.fromEntries(present.map((p) => [p, 'agree' as const])));
    const { decisionId } = await closeTopic(hub, topic.id, { ...RESP, decisionText: '社会扶贫科负责，年内完成' });
    const task = await createTask(hub, decisionId!, { title: '组织消费扶贫展销', ownerId: 'psn_luomin', dueWorkingDays: 40 });
    const reminders = async () => (await rows<{ n: number }>(t.database.db, sql`select count(*)::int as n from notifications where kind = 'remind' and object_id = ${task.id}`))[0].n;
    try {
      t.clock.set('2026-11-11T09:00:00+08:00');
      await remindOverdueTasks(hub);
      expect(await reminders()).toBe(0); // first report due 2026-11-12 (10 calendar days)
      t.clock.set('2026-11-12T09:00:00+08:00');
      await remindOverdueTasks(hub);
      await remindOverdueTasks(hub);
      expect(await reminders()).toBe(1);
      await reportProgress(await ctxFor(t, 'luomin'), task.id, { body: '已联系三家商超' });
      t.clock.set('2026-11-13T09:00:00+08:00');
      await remindOverdueTasks(hub);
      expect(await reminders()).toBe(1);
    } finally {
      t.clock.set('2026-11-02T09:00:00+08:00');
    }
  });
});

describe('meeting calendar (PG-02, DM-06)', () => {
  it('AS-A27 PG-02 DM-06: March with no 党组会议 and no 主任办公会议 is flagged for both; 2 or 3 主任办公会议 are compliant; a month before the records begin is not judged', () => {
    const none = judgeMonths(['2026-03'], [], '2026-01');
    expect(none.warnings.map((w) => w.ruleId).sort()).toEqual(['DM-06', 'PG-02']);
    expect(none.warnings.find((w) => w.ruleId === 'PG-02')?.message).toContain('2026年03月未召开党组会议');
    const held = (dm: number) => [{ bodyCode: 'party_group', date: '2026-03-10' }, ...Array.from({ length: dm }, (_, i) => ({ bodyCode: 'director_meeting', date: `2026-03-1${i + 1}` }))];
    expect(judgeMonths(['2026-03'], held(2), '2026-01').warnings).toEqual([]);
    const three = judgeMonths(['2026-03'], held(3), '2026-01');
    expect(three.warnings).toEqual([]);
    expect(three.months[0].counts).toEqual({ party_group: 1, director_meeting: 3 });
    expect(judgeMonths(['2026-03'], [], '2026-04').warnings).toEqual([]);
    expect(judgeMonths(['2026-03'], [], null).warnings).toHaveLength(2); // nothing recorded at all: every month is judged
  });

  it('AS-A27 PG-02 DM-06: a past month without a 党组会议 or 主任办公会议 is flagged; the month with a meeting is not', async () => {
    t.clock.set('2026-12-05T09:00:00+08:00');
    const r = await meetingFrequency(t.database.db, t.clock.now());
    const nov = r.warnings.filter((w) => w.month === '2026-11');
    expect(nov.map((w) => w.ruleId)).toEqual(['DM-06']);
    // The demo office held both meetings in October; months before the first recorded meeting are not judged.
    expect(r.warnings.filter((w) => w.month === '2026-10')).toEqual([]);
    const [first] = await rows<{ month: string }>(t.database.db, sql`select to_char(min(meeting_date::date), 'YYYY-MM') as month from meetings`);
    expect(r.warnings.every((w) => w.month >= first.month)).toBe(true);
    expect(nov[0].message).toContain('2026年11月未召开主任办公会议');
    t.clock.set('2026-11-02T09:00:00+08:00');
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../../../test/support/app';
import { ctxFor } from '../../../test/support/ctx';
import { rows } from '../../kernel/db';
import { meetingTopics } from './schema';
import {
  oversightReport, recordAccountabilityCase, recordEmergencyDisposal, registerInstitutionDecision, remindEmergencyDisposals, reportEmergencyDisposal, reportOnDecision,
} from './service-oversight';
import { closeTopic } from './service-votes';
import { HUB, partyMeeting, PG_MEMBERS, rejected, voteOn } from './test-helpers';

/** After decisions: PG-24, PG-25, SZYD-27, SZYD-29, SZYD-32, SZYD-33, SZYD-34, SZYD-36. */
let t: TestApp;
let decisionId: string;
beforeAll(async () => {
  t = await createTestApp();
  const present = PG_MEMBERS.slice(0, 5);
  const { hub, id } = await partyMeeting(t, [{ title: '实施产业扶贫项目' }], present);
  const [topic] = await t.database.db.select().from(meetingTopics).where(eq(meetingTopics.meetingId, id));
  await voteOn(t, hub, topic.id, present, Object.fromEntries(present.map((p) => [p, 'agree' as const])));
  decisionId = (await closeTopic(hub, topic.id, { decisionText: '由孙丽负责实施', responsibleMemberIds: ['psn_sunli'] })).decisionId!;
});
afterAll(async () => t?.close());

describe('reports on a decision (PG-24, PG-25, SZYD-32)', () => {
  it('PG-25 PG-24: the responsible member reports a new problem (the chair is reminded) and a report to a superior names the superior', async () => {
    const sunli = await ctxFor(t, 'sunli');
    const r = await reportOnDecision(sunli, decisionId, { kind: 'problem', body: '项目用地手续未落实' });
    expect(r.dueDate).toBe('2026-11-05'); // 2026-11-02 + 3 calendar days
    const told = await rows<{ title: string }>(t.database.db, sql`select title from notifications where object_id = ${decisionId} and recipient_person_id = 'psn_chenzhiyuan'`);
    expect(told.map((n) => n.title)).toContain('决定执行中出现新情况：实施产业扶贫项目');
    expect((await rejected(reportOnDecision(sunli, decisionId, { kind: 'superior', body: '如实报告' }))).rule?.id).toBe('PG-24');
    await reportOnDecision(sunli, decisionId, { kind: 'superior', body: '如实报告项目进展', addressee: '市扶贫开发领导小组' });
    expect((await rejected(reportOnDecision(await ctxFor(t, 'hanbing'), decisionId, { kind: 'problem', body: 'x' }))).status).toBe(403);
  });

  it('SZYD-32: a potential loss not corrected within the rule\'s days becomes an accountability candidate (circumstance 4); a correction clears it', async () => {
    const sunli = await ctxFor(t, 'sunli');
    await reportOnDecision(sunli, decisionId, { kind: 'potential_loss', body: '合同价格高于市场价' });
    const hub = await ctxFor(t, HUB);
    t.clock.set('2026-11-12T09:00:00+08:00');
    try {
      expect((await oversightReport(hub)).candidates.map((c) => c.circumstance)).toContain(4);
      await reportOnDecision(sunli, decisionId, { kind: 'correction', body: '已重新询价，价格下调' });
      expect((await oversightReport(hub)).candidates.map((c) => c.circumstance)).not.toContain(4);
    } finally {
      t.clock.set('2026-11-02T09:00:00+08:00');
    }
  });
});

describe('emergency disposal and accountability (SZYD-29, SZYD-32, SZYD-33)', () => {
  it('AS-A21 SZYD-29: an interim disposal is due within 3 days (or the next meeting); overdue it is reminded once a day and listed as circumstance 1', async () => {
    t.clock.set('2026-11-04T10:00:00+08:00'); // after the planned meetings of 11-03
    try {
      const { id, reportDueDate } = await recordEmergencyDisposal(await ctxFor(t, 'zhaoguoqiang'), { matter: '暴雨冲毁便桥，先行拨付抢修资金' });
      expect(reportDueDate).toBe('2026-11-07');
      const hub = await ctxFor(t, HUB);
      t.clock.set('2026-11-09T09:00:00+08:00');
      expect(await remindEmergencyDisposals(hub)).toBe(1);
      expect(await remindEmergencyDisposals(hub)).toBe(0);
      const report = await oversightReport(hub);
      expect(report.candidates).toEqual(expect.arrayContaining([expect.objectContaining({ circumstance: 1, disposalId: id, names: ['赵国强'] })]));
      await reportEmergencyDisposal(hub, id, {});
      expect((await oversightReport(hub)).candidates.some((c) => 'disposalId' in c && c.disposalId === id)).toBe(false);
    } finally {
      t.clock.set('2026-11-02T09:00:00+08:00');
    }
  });

  it('SZYD-33 SZYD-34: measures come from the closed list; the case shows under the member in the per-leader report', async () => {
    const hub = await ctxFor(t, HUB);
    expect((await rejected(recordAccountabilityCase(hub, { circumstance: 3, personIds: ['psn_sunli'], facts: '未按决定执行', measures: ['罚款'] }))).rule?.id).toBe('SZYD-33');
    expect((await rejected(recordAccountabilityCase(hub, { circumstance: 3, personIds: ['psn_sunli'], facts: '未按决定执行', measures: ['其他'] }))).rule?.id).toBe('SZYD-33');
    expect((await rejected(recordAccountabilityCase(hub, { circumstance: 7, personIds: ['psn_sunli'], facts: 'x', measures: ['诫勉谈话'] }))).rule?.id).toBe('SZYD-32');
    await recordAccountabilityCase(hub, { circumstance: 3, personIds: ['psn_sunli'], facts: '未按决定时限执行', measures: ['诫勉谈话', '责令检查及纠正'], decisionId });
    const sunli = (await oversightReport(hub)).byMember.find((m) => m.personId === 'psn_sunli')!;
    expect(sunli.decisions.map((d) => d.title)).toContain('实施产业扶贫项目');
    expect(sunli.cases[0].measures).toEqual(['诫勉谈话', '责令检查及纠正']);
    expect((await rejected(oversightReport(await ctxFor(t, 'hanbing')))).status).toBe(403);
  });
});

describe('five areas and institutions (SZYD-27, SZYD-36)', () => {
  it('SZYD-27 SZYD-36: each of the five areas is led by a leader other than the principal; institutions\' decisions are registered', async () => {
    const hub = await ctxFor(t, HUB);
    await registerInstitutionDecision(hub, { institution: '扶贫开发服务中心', title: '购置办公电脑', decidedOn: '2026-10-30', category: 'FUND-2W', summary: '中心主任办公会研究' });
    const report = await oversightReport(hub);
    expect(report.fiveAreas.length).toBeGreaterThanOrEqual(5);
    expect(report.fiveAreas.every((a) => a.ok && a.leader?.id !== 'psn_chenzhiyuan')).toBe(true);
    expect(report.institutions.map((i) => i.title)).toContain('购置办公电脑');
  });
});

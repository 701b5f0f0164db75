import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/support/app';
import { ctxFor } from '../../../test/support/ctx';
import { rows } from '../../kernel/db';
import { loadWorkingCalendar } from '../../kernel/calendar';
import { approveAll, failure, leave, trip } from './test-helpers';
import { reload } from './leave-service';
import { absenceCandidates, confirmAbsence, decideExtension, getApprovedTrip, reclassifyFakeSickLeave, recordTripReturn, yearReport } from './service';
import { assess, personalBand } from './report';
import { actOnTask } from '../../kernel/flow';
import { pendingTasks } from './test-helpers';

/** Attendance: report-back and overstay (AS-C17), absence thresholds (AS-C18/19), ATT-08 (AS-C20), ATT-09 (AS-C21), trips (AS-C22). */
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t?.close());

const at = (d: string) => t.clock.set(`${d}T09:00:00+08:00`);
const hub = () => ctxFor(t, 'liuyang');

async function confirmDays(username: string, dates: string[]) {
  for (const date of dates) await confirmAbsence(await hub(), { personId: `psn_${username}`, date, halves: 2, ground: 'A1', evidence: '考勤抽查未到岗，未请假' });
}

describe('attendance', () => {
  it('AS-C17 LEAVE-20 ATT-03: leave ending Fri 2024-06-07 is reported back by Tue 06-11 (Mon 06-10 is a holiday); no return on 06-11 makes an A2 candidate', async () => {
    at('2024-06-03');
    const r = await leave(t, 'xiechen', { type: 'personal', startDate: '2024-06-05', endDate: '2024-06-07' });
    await approveAll(t, r.instanceId);
    expect((await reload(await hub(), r.id)).reportBackDue).toBe('2024-06-11');
    at('2024-06-11');
    const { candidates } = await absenceCandidates(await hub(), 2024);
    expect(candidates.filter((c) => c.personId === 'psn_xiechen').map((c) => `${c.date}:${c.ground}`)).toEqual(['2024-06-11:A2']);
  });

  it('AS-C17 LEAVE-19: the final approver grants an extension to Tue 06-11: report-back moves to Wed 06-12 and no absence arises', async () => {
    at('2024-06-03');
    const r = await leave(t, 'luomin', { type: 'personal', startDate: '2024-06-05', endDate: '2024-06-07' });
    await approveAll(t, r.instanceId);
    at('2024-06-07');
    expect((await failure(decideExtension(await ctxFor(t, 'liminghua'), r.id, { decision: 'granted', requestedOn: '2024-06-07', newEndDate: '2024-06-11' }))).code).toBe('FORBIDDEN');
    const { leave: l } = await decideExtension(await ctxFor(t, 'chenzhiyuan'), r.id, { decision: 'granted', requestedOn: '2024-06-07', newEndDate: '2024-06-11' });
    expect(l).toMatchObject({ effectiveEndDate: '2024-06-11', reportBackDue: '2024-06-12' });
    at('2024-06-11');
    const { candidates } = await absenceCandidates(await hub(), 2024);
    expect(candidates.filter((c) => c.personId === 'psn_luomin')).toEqual([]);
    const late = await failure(decideExtension(await ctxFor(t, 'chenzhiyuan'), r.id, { decision: 'granted', requestedOn: '2024-06-12', newEndDate: '2024-06-13' }));
    expect(late).toMatchObject({ rule: 'LEAVE-19' });
  });

  it('LEAVE-19: an extension that crosses an approval tier warns the original approver (CONF-73)', async () => {
    at('2024-06-17');
    const r = await leave(t, 'dongxue', { type: 'personal', startDate: '2024-06-19', endDate: '2024-06-20' });
    await approveAll(t, r.instanceId);
    at('2024-06-20');
    const w = await failure(decideExtension(await ctxFor(t, 'sunli'), r.id, { decision: 'granted', requestedOn: '2024-06-20', newEndDate: '2024-06-24' }));
    expect(w).toMatchObject({ code: 'RULE_WARNING', rule: 'LEAVE-19' });
    const ok = await decideExtension(await ctxFor(t, 'sunli'), r.id, { decision: 'granted', requestedOn: '2024-06-20', newEndDate: '2024-06-24', acknowledged: ['LEAVE-19'] });
    expect(ok.leave.effectiveEndDate).toBe('2024-06-24');
  });

  it('ATT-03 ATT-10: a confirmation (A6 included) needs a ground and evidence, only on a working day, once per day; a refused leave proposes A1 candidates', async () => {
    at('2024-07-01');
    expect((await failure(confirmAbsence(await hub(), { personId: 'psn_tangning', date: '2024-07-01', halves: 2, ground: 'A1', evidence: ' ' }))).rule).toBe('ATT-03');
    expect((await failure(confirmAbsence(await hub(), { personId: 'psn_tangning', date: '2024-06-30', halves: 2, ground: 'A1', evidence: '未到岗' }))).rule).toBe('ATT-03');
    await confirmAbsence(await hub(), { personId: 'psn_tangning', date: '2024-07-01', halves: 1, ground: 'A6', evidence: '以下基层为由办私事，已报主管领导（ATT-10）' });
    expect((await failure(confirmAbsence(await hub(), { personId: 'psn_tangning', date: '2024-07-01', halves: 2, ground: 'A1', evidence: '重复' }))).code).toBe('CONFLICT');
    const [audited] = await rows<{ n: number }>(t.database.db, sql`select count(*)::int as n from audit_log where event = 'personnel.absence.confirm' and object_id = 'psn_tangning'`);
    expect(audited.n).toBe(1);
    const r = await leave(t, 'tangning', { type: 'personal', startDate: '2024-07-03', endDate: '2024-07-03' });
    await actOnTask(await ctxFor(t, 'hanbing'), (await pendingTasks(t, r.instanceId))[0].id, 'reject', { comment: '工作任务重，不同意' });
    at('2024-07-04');
    const { candidates } = await absenceCandidates(await hub(), 2024);
    expect(candidates.filter((c) => c.personId === 'psn_tangning').map((c) => `${c.date}:${c.ground}`)).toEqual(['2024-07-03:A1']);
    const xunuo = await ctxFor(t, 'xunuo');
    expect((await failure(confirmAbsence(xunuo, { personId: 'psn_tangning', date: '2024-07-03', halves: 2, ground: 'A1', evidence: 'x' }))).code).toBe('FORBIDDEN');
  });

  it('AS-C18 ATT-05 ATT-06: 15 consecutive working days of absence have no consequence; the 16th (weekends do not break the run) locks 不称职 and opens a dismissal review', async () => {
    const cal = await loadWorkingCalendar(t.database.db);
    const days: string[] = [];
    for (let d = '2024-03-04'; days.length < 15; d = cal.add(d, 1)) days.push(d);
    expect(days.at(-1)).toBe('2024-03-22');
    await confirmDays('fenglei', days);
    const before = (await yearReport(await hub(), 2024)).find((r) => r.personId === 'psn_fenglei')!;
    expect(before).toMatchObject({ absenceDays: 15, absenceLongestRun: 15, grade: null, dismissalReview: false });
    await confirmDays('fenglei', ['2024-03-25']);
    const after = (await yearReport(await hub(), 2024)).find((r) => r.personId === 'psn_fenglei')!;
    expect(after).toMatchObject({ absenceLongestRun: 16, grade: '不称职', dismissalReview: true });
    expect(after.flags.map((f) => f.ruleId)).toEqual(['ATT-05', 'ATT-06']);
  });

  it('AS-C19 ATT-05 ATT-06: 30 scattered days have no consequence; the 31st on 2024-12-02 does', async () => {
    const cal = await loadWorkingCalendar(t.database.db);
    const mondays: string[] = [];
    for (let d = '2024-01-08'; mondays.length < 30; d = cal.add(d, 1)) if (new Date(`${d}T00:00:00Z`).getUTCDay() === 1) mondays.push(d);
    await confirmDays('xiaoran', mondays);
    const r30 = (await yearReport(await hub(), 2024)).find((r) => r.personId === 'psn_xiaoran')!;
    expect(r30).toMatchObject({ absenceDays: 30, grade: null, dismissalReview: false });
    expect(r30.absenceLongestRun).toBeLessThanOrEqual(5);
    await confirmDays('xiaoran', ['2024-12-02']);
    expect((await yearReport(await hub(), 2024)).find((r) => r.personId === 'psn_xiaoran')).toMatchObject({ absenceDays: 31, grade: '不称职', dismissalReview: true });
  });

  it('AS-C20 ATT-08 CONF-69: personal leave of 65 days: no effect; 70: not assessed; exactly 130.5: not assessed; 131: 不称职 (which wins over not assessed)', () => {
    expect(personalBand(130)).toBeNull();
    expect(personalBand(140)?.grade).toBe('不进行考核');
    expect(personalBand(261)?.grade).toBe('不进行考核');
    expect(personalBand(262)?.grade).toBe('不称职');
    const both = assess({ personId: 'p', personName: 'p', unitName: null, abs: { total: 0, longest: 0 }, att05: { total: 62, longest: 0 }, overdueHalves: 0, personalHalves: 140, sickHalves: 0, lateReportBacks: 0, forfeits: [] });
    expect(both.grade).toBe('不称职');
  });

  it('ATT-07: long sick leave is only reported, with a flag when the office sets a threshold', async () => {
    const { setParamOverrides } = await import('../../kernel/rules');
    setParamOverrides('ATT-07', { sickLeaveDashboardFlagDays: 10 });
    try {
      const r = assess({ personId: 'p', personName: 'p', unitName: null, abs: { total: 0, longest: 0 }, att05: { total: 0, longest: 0 }, overdueHalves: 0, personalHalves: 0, sickHalves: 24, lateReportBacks: 0, forfeits: [] });
      expect(r.flags.map((f) => f.ruleId)).toEqual(['ATT-07']);
      expect(r.grade).toBeNull();
    } finally {
      setParamOverrides('ATT-07', {});
    }
  });

  it('AS-C21 ATT-09: a fake certificate turns the 10 working days of an approved sick leave into A5 absence and refers it to the discipline group', async () => {
    at('2024-10-08');
    const r = await leave(t, 'mali', { type: 'sick', startDate: '2024-10-14', endDate: '2024-10-25', reason: '病', attachments: [{ kind: 'HOSPITAL_DIAGNOSIS', name: '诊断书' }] });
    await approveAll(t, r.instanceId);
    at('2024-11-05');
    expect(await reclassifyFakeSickLeave(await hub(), r.id, '经核实，诊断书系伪造')).toEqual({ absenceDays: 10 });
    const [a5] = await rows<{ n: number }>(t.database.db, sql`select count(*)::int as n from absence_records where person_id = 'psn_mali' and ground = 'A5'`);
    expect(a5.n).toBe(10);
    const [told] = await rows<{ n: number }>(t.database.db, sql`select count(*)::int as n from notifications where recipient_person_id = 'psn_zhouwenbin' and object_id = ${r.id}`);
    expect(told.n).toBe(1);
  });

  it('AS-C22 TRIP-01 TRIP-02: a section chief\'s trip signed before the start is approved; a signature after the start is refused; late return counts 1 working day', async () => {
    at('2024-11-15');
    const ok = await trip(t, 'zhutao', { startDate: '2024-11-18', endDate: '2024-11-19' });
    await approveAll(t, ok.instanceId);
    const approved = await getApprovedTrip(t.database.db, ok.id);
    expect(approved).toMatchObject({ personId: 'psn_zhutao', approvedBy: '孙丽', days: 2, destination: '长春市' });
    const pending = await trip(t, 'zhutao', { startDate: '2024-11-25', endDate: '2024-11-26' });
    at('2024-11-26');
    const late = await failure(actOnTask(await ctxFor(t, 'sunli'), (await pendingTasks(t, pending.instanceId))[0].id, 'approve'));
    expect(late).toMatchObject({ rule: 'TRIP-01' });
    expect(await getApprovedTrip(t.database.db, pending.id)).toBeNull();
    const after = await failure(trip(t, 'zhutao', { startDate: '2024-11-20', endDate: '2024-11-20' }));
    expect(after).toMatchObject({ code: 'RULE_BLOCKED', rule: 'TRIP-01' });
    const back = await recordTripReturn(await ctxFor(t, 'zhutao'), ok.id, { returnedOn: '2024-11-21', justified: false });
    expect(back.overdueWorkingDays).toBe(1);
    const row = (await yearReport(await hub(), 2024)).find((r) => r.personId === 'psn_zhutao')!;
    expect(row).toMatchObject({ overdueDays: 1, att05Days: 1, absenceDays: 0 });
    const { candidates, reported } = await absenceCandidates(await hub(), 2024);
    expect(candidates.filter((c) => c.personId === 'psn_zhutao').map((c) => `${c.date}:${c.ruleId}`)).toEqual(['2024-11-25:TRIP-01', '2024-11-26:TRIP-01']);
    expect(reported.some((r) => r.ruleId === 'TRIP-02' && r.personId === 'psn_zhutao')).toBe(true);
  });

  it('AS-C22 TRIP-01 CONF-49: general staff may have a trip form signed afterwards, with a warning; a deputy\'s trip is signed by the principal leader', async () => {
    at('2024-11-20');
    const warned = await failure(trip(t, 'xunuo', { startDate: '2024-11-18', endDate: '2024-11-19' }));
    expect(warned).toMatchObject({ code: 'RULE_WARNING', rule: 'TRIP-01' });
    const g = await trip(t, 'xunuo', { startDate: '2024-11-18', endDate: '2024-11-19' }, ['TRIP-01']);
    expect(await approveAll(t, g.instanceId)).toEqual(['leader:sunli']);
    expect(await getApprovedTrip(t.database.db, g.id)).not.toBeNull();
    const d = await trip(t, 'liminghua', { startDate: '2024-11-25', endDate: '2024-11-25', companions: ['psn_mali'] });
    expect(await approveAll(t, d.instanceId)).toEqual(['principal:chenzhiyuan']);
    expect((await getApprovedTrip(t.database.db, d.id))?.travellerIds).toEqual(['psn_liminghua', 'psn_mali']);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/support/app';
import { ctxFor } from '../../../test/support/ctx';
import { approveAll, leave, planOf } from './test-helpers';
import { absenceCandidates, balances, reportBack, yearReport } from './service';
import { reload } from './leave-service';

/**
 * The scenario: 2.5 working days of personal leave across the National Day holiday
 * 2026 (10-01…10-07 off, Saturday 10-10 a make-up working day), approved by the section chief
 * then the leader in charge, reported back late; 综合科 sees it in the attendance report.
 */
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t?.close());

describe('personal leave across National Day 2026', () => {
  it('LEAVE-05 LEAVE-07 LEAVE-20: 2.5 working days, section chief then leader in charge, late report-back reported to 综合科', async () => {
    t.clock.set('2026-09-25T09:00:00+08:00');
    const { id, instanceId } = await leave(t, 'xunuo', { type: 'personal', startDate: '2026-09-30', startHalf: 'pm', endDate: '2026-10-09' });
    const row = await reload(await ctxFor(t, 'xunuo'), id);
    expect(row).toMatchObject({ workingDays: 2.5, calendarDays: 9.5, chargeableDays: 2.5 });
    expect(await planOf(t, instanceId)).toEqual(['section:consent', 'leader:approve']);
    expect(await approveAll(t, instanceId)).toEqual(['section:zhutao', 'leader:sunli']);
    const approved = await reload(await ctxFor(t, 'xunuo'), id);
    expect(approved.status).toBe('approved');
    // The first working day after Fri 10-09 is the make-up Saturday 10-10.
    expect(approved.reportBackDue).toBe('2026-10-10');
    const bal = await balances(await ctxFor(t, 'xunuo'), 'psn_xunuo', 2026);
    expect(bal.personal).toMatchObject({ usedDays: 2.5, capDays: 15, remainingDays: 12.5 });

    t.clock.set('2026-10-12T10:00:00+08:00');
    await reportBack(await ctxFor(t, 'xunuo'), id, { returnedOn: '2026-10-10', mode: 'phone' });
    const hub = await ctxFor(t, 'liuyang');
    const { candidates, reported } = await absenceCandidates(hub, 2026);
    expect(candidates.filter((c) => c.personId === 'psn_xunuo')).toEqual([]);
    expect(reported).toContainEqual(expect.objectContaining({ personId: 'psn_xunuo', ruleId: 'LEAVE-20', text: '应于2026-10-10前销假，实际2026-10-12销假' }));
    const report = await yearReport(hub, 2026);
    const xu = report.find((r) => r.personId === 'psn_xunuo')!;
    expect(xu).toMatchObject({ personalDays: 2.5, lateReportBacks: 1, absenceDays: 0, grade: null });
    expect(xu.flags.map((f) => f.ruleId)).toEqual(['LEAVE-20']);
  });
});

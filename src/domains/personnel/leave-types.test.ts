import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/support/app';
import { ctxFor } from '../../../test/support/ctx';
import { loadWorkingCalendar } from '../../kernel/calendar';
import { lastDayOf } from './days';
import { reload } from './leave-service';
import { approveAll, failure, leave, planOf } from './test-helpers';
import { setProfile, yearReport } from './service';

/** Acceptance scenarios AS-C07…AS-C12: marriage, bereavement, birth, personal cap, special leave, nursing. */
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
  const hub = await ctxFor(t, 'liuyang');
  await setProfile(hub, 'psn_huangjing', { gender: 'F' });
  await setProfile(hub, 'psn_gaowei', { gender: 'M' });
});
afterAll(async () => t?.close());

const at = (d: string) => t.clock.set(`${d}T09:00:00+08:00`);
const cert = [{ kind: 'MARRIAGE_CERT', name: '结婚证' }];

describe('leave types (§2.6)', () => {
  it('AS-C07 LEAVE-14 LEAVE-07 LEAVE-20: 15 working days of marriage leave from 2024-09-23 end on 10-16; report back by 10-17; 16 days are refused', async () => {
    at('2024-09-13');
    const cal = await loadWorkingCalendar(t.database.db);
    expect(lastDayOf(cal, '2024-09-23', 15, 'working')).toBe('2024-10-16');
    const sixteen = await failure(leave(t, 'dongxue', { type: 'marriage', startDate: '2024-09-23', endDate: '2024-10-17', attachments: cert, eventDate: '2024-09-10' }));
    expect(sixteen).toMatchObject({ rule: 'LEAVE-14' });
    expect(sixteen.message).toContain('本次16天');
    const noCert = await failure(leave(t, 'dongxue', { type: 'marriage', startDate: '2024-09-23', endDate: '2024-10-16' }));
    expect(noCert.rule).toBe('LEAVE-14');
    const r = await leave(t, 'dongxue', { type: 'marriage', startDate: '2024-09-23', endDate: '2024-10-16', attachments: cert, eventDate: '2024-09-10' });
    await approveAll(t, r.instanceId);
    const row = await reload(await ctxFor(t, 'dongxue'), r.id);
    expect(row).toMatchObject({ workingDays: 15, status: 'approved', reportBackDue: '2024-10-17' });
  });

  it('AS-C08 LEAVE-15: bereavement of a father-in-law: 4 days refused, 3 days from 2024-10-31 approved; a cousin is not eligible', async () => {
    at('2024-10-30');
    const four = await failure(leave(t, 'xiechen', { type: 'bereavement', relationship: 'parent_in_law', startDate: '2024-10-31', endDate: '2024-11-05' }));
    expect(four.rule).toBe('LEAVE-15');
    const cousin = await failure(leave(t, 'xiechen', { type: 'bereavement', relationship: 'other', startDate: '2024-10-31', endDate: '2024-10-31' }));
    expect(cousin).toMatchObject({ rule: 'LEAVE-15' });
    const ok = await leave(t, 'xiechen', { type: 'bereavement', relationship: 'parent_in_law', startDate: '2024-10-31', endDate: '2024-11-04' });
    expect((await reload(await ctxFor(t, 'xiechen'), ok.id)).workingDays).toBe(3);
    await approveAll(t, ok.instanceId);
  });

  it('AS-C09 LEAVE-16 LEAVE-07: maternity 158 calendar days from 2024-03-01 end 08-05 (159 refused); paternity 15 days end 03-15; neither counts as personal leave', async () => {
    at('2024-02-20');
    expect(lastDayOf(await loadWorkingCalendar(t.database.db), '2024-03-01', 158, 'calendar')).toBe('2024-08-05');
    const long = await failure(leave(t, 'huangjing', { type: 'maternity', startDate: '2024-03-01', endDate: '2024-08-06' }));
    expect(long).toMatchObject({ rule: 'LEAVE-16' });
    expect(long.message).toContain('本次159天');
    const male = await failure(leave(t, 'gaowei', { type: 'maternity', startDate: '2024-03-01', endDate: '2024-03-05' }));
    expect(male.rule).toBe('LEAVE-16');
    const m = await leave(t, 'huangjing', { type: 'maternity', startDate: '2024-03-01', endDate: '2024-08-05' });
    expect((await reload(await ctxFor(t, 'huangjing'), m.id)).chargeableDays).toBe(158);
    await approveAll(t, m.instanceId);
    const p = await leave(t, 'gaowei', { type: 'paternity', startDate: '2024-03-01', endDate: '2024-03-15' });
    expect((await reload(await ctxFor(t, 'gaowei'), p.id)).chargeableDays).toBe(15);
    await approveAll(t, p.instanceId);
    const report = await yearReport(await ctxFor(t, 'liuyang'), 2024);
    expect(report.find((r) => r.personId === 'psn_huangjing')).toMatchObject({ personalDays: 0, absenceDays: 0 });
  });

  it('AS-C10 LEAVE-11 LEAVE-12 LEAVE-09 ATT-08: 13.5 + 2 personal days are refused (special leave not counted), 1.5 accepted; an override goes to the principal leader with the consequences as warnings', async () => {
    at('2024-02-26');
    const cal = await loadWorkingCalendar(t.database.db);
    const end = lastDayOf(cal, '2024-03-04', 14, 'working');
    const big = await leave(t, 'tangning', { type: 'personal', startDate: '2024-03-04', endDate: end, endHalf: 'am' });
    expect((await reload(await ctxFor(t, 'tangning'), big.id)).workingDays).toBe(13.5);
    await approveAll(t, big.instanceId);
    at('2024-11-04');
    const spl = await leave(t, 'tangning', { type: 'special', specialKind: 'SPL2', startDate: '2024-11-11', endDate: '2024-11-11', endHalf: 'am', attachments: [{ kind: 'SCHOOL_NOTICE', name: '家长会通知' }] });
    await approveAll(t, spl.instanceId);
    const over = await failure(leave(t, 'tangning', { type: 'personal', startDate: '2024-11-12', endDate: '2024-11-13' }));
    expect(over).toMatchObject({ code: 'RULE_BLOCKED', rule: 'LEAVE-11' });
    expect(over.message).toContain('事假全年累计不得超过15个工作日，已休13.5天，本次2天，合计15.5天');
    const warned = await failure(leave(t, 'tangning', { type: 'personal', startDate: '2024-11-12', endDate: '2024-11-13', capOverrideReason: '家属手术需本人照料' }));
    expect(warned.code).toBe('RULE_WARNING');
    const override = await leave(t, 'tangning', { type: 'personal', startDate: '2024-11-12', endDate: '2024-11-13', capOverrideReason: '家属手术需本人照料' }, ['LEAVE-11', 'LEAVE-09', 'ATT-08']);
    expect(override.warnings.map((w) => w.ruleId).sort()).toEqual(['ATT-08', 'LEAVE-09', 'LEAVE-11']);
    expect(await planOf(t, override.instanceId)).toEqual(['section:consent', 'leader:consent', 'principal:approve']);
  });

  it('AS-C10 LEAVE-11: exactly 15 days in the year is within the cap', async () => {
    at('2024-02-26');
    const cal = await loadWorkingCalendar(t.database.db);
    const a = await leave(t, 'xiaoran', { type: 'personal', startDate: '2024-03-04', endDate: lastDayOf(cal, '2024-03-04', 14, 'working'), endHalf: 'am' });
    await approveAll(t, a.instanceId);
    const b = await leave(t, 'xiaoran', { type: 'personal', startDate: '2024-11-12', endDate: '2024-11-13', endHalf: 'am' });
    expect(b.warnings).toEqual([]);
  });

  it('AS-C11 LEAVE-12: SPL2 half a day accepted, 1 day refused; SPL4 in-service study limited to 1 working day per week', async () => {
    at('2024-11-04');
    const notice = [{ kind: 'SCHOOL_NOTICE', name: '通知' }];
    const study = [{ kind: 'STUDY_APPROVAL', name: '批准文件' }];
    const half = await leave(t, 'chengyuan', { type: 'special', specialKind: 'SPL2', startDate: '2024-11-18', endDate: '2024-11-18', endHalf: 'am', attachments: notice });
    expect((await reload(await ctxFor(t, 'chengyuan'), half.id)).chargeableDays).toBe(0.5);
    const full = await failure(leave(t, 'chengyuan', { type: 'special', specialKind: 'SPL2', startDate: '2024-11-19', endDate: '2024-11-19', attachments: notice }));
    expect(full).toMatchObject({ rule: 'LEAVE-12' });
    expect(full.message).toContain('LEAVE-12.SPL2');
    await leave(t, 'chengyuan', { type: 'special', specialKind: 'SPL4', startDate: '2024-11-11', endDate: '2024-11-11', attachments: study });
    const second = await failure(leave(t, 'chengyuan', { type: 'special', specialKind: 'SPL4', startDate: '2024-11-13', endDate: '2024-11-13', attachments: study }));
    expect(second.message).toContain('LEAVE-12.SPL4');
    expect(second.message).toContain('2024-11-11起的一周已请1天');
  });

  it('AS-C12 LEAVE-13: nursing time for twins: 2 h/day accepted, 2.5 refused, weekly 4 h limit, not on or after the first birthday, not for male staff', async () => {
    at('2024-08-20');
    const base = { type: 'special', specialKind: 'SPL6', startDate: '2024-09-02', endDate: '2024-12-31' };
    const nursing = (hours: number, mode = 'daily') => ({ mode, hours, infants: 2, infantBirthDate: '2024-03-01' });
    expect((await failure(leave(t, 'huangjing', { ...base, nursing: nursing(2.5) }))).rule).toBe('LEAVE-13');
    expect((await failure(leave(t, 'huangjing', { ...base, nursing: nursing(5, 'weekly') }))).rule).toBe('LEAVE-13');
    const late = await failure(leave(t, 'huangjing', { ...base, endDate: '2025-03-01', nursing: nursing(2) }));
    expect(late.message).toContain('2025-02-28');
    expect((await failure(leave(t, 'gaowei', { ...base, nursing: nursing(1) }))).rule).toBe('LEAVE-13');
    const ok = await leave(t, 'huangjing', { ...base, nursing: nursing(2) });
    expect(await planOf(t, ok.instanceId)).toEqual(['section:approve']);
  });
});

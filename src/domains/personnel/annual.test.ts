import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/support/app';
import { ctxFor } from '../../../test/support/ctx';
import { tierDaysOn } from './entitlement';
import { approveAll, failure, leave } from './test-helpers';
import { balances, cancelLeave, reportBack, setProfile } from './service';

/** Annual leave: entitlement (LEAVE-08), cancellation (LEAVE-09), next year (LEAVE-10); AS-C13…AS-C16. */
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t?.close());

const at = (d: string) => t.clock.set(`${d}T09:00:00+08:00`);
const diagnosis = [{ kind: 'HOSPITAL_DIAGNOSIS', name: '诊断书' }];

describe('annual leave', () => {
  it('AS-C13 LEAVE-08: the entitlement tier follows years of work, from the 1st of the month after the anniversary', () => {
    const s = (serviceStart: string) => ({ serviceStart, established: true });
    expect(tierDaysOn(s('2014-07-15'), '2024-07-31')).toBe(5);
    expect(tierDaysOn(s('2014-07-15'), '2024-08-01')).toBe(10);
    expect(tierDaysOn(s('2000-01-10'), '2024-01-02')).toBe(15);
    expect(tierDaysOn(s('2024-02-20'), '2025-02-28')).toBe(0);
    expect(tierDaysOn(s('2024-02-20'), '2025-03-01')).toBe(5);
    expect(tierDaysOn({ serviceStart: '2000-01-10', established: false }, '2024-06-01')).toBe(0);
  });

  it('AS-C13 LEAVE-08: 5 days in June (tier 5) approved, July refused with the figures, August approved on the new tier 10', async () => {
    await setProfile(await ctxFor(t, 'liuyang'), 'psn_xiaoran', { serviceStart: '2014-07-15' });
    at('2024-05-27');
    const june = await leave(t, 'xiaoran', { type: 'annual', startDate: '2024-06-03', endDate: '2024-06-07' });
    await approveAll(t, june.instanceId);
    expect((await balances(await ctxFor(t, 'xiaoran'), 'psn_xiaoran', 2024)).annual).toMatchObject({ usedDays: 5, remainingDays: 0 });
    at('2024-07-15');
    const july = await failure(leave(t, 'xiaoran', { type: 'annual', startDate: '2024-07-22', endDate: '2024-07-26' }));
    expect(july).toMatchObject({ rule: 'LEAVE-08' });
    expect(july.message).toContain('已休5天，剩余0天，本次5天');
    const aug = await leave(t, 'xiaoran', { type: 'annual', startDate: '2024-08-05', endDate: '2024-08-09' });
    await approveAll(t, aug.instanceId);
    at('2024-08-12');
    const bal = await balances(await ctxFor(t, 'xiaoran'), 'psn_xiaoran', 2024);
    expect(bal.annual).toMatchObject({ tierDays: 10, entitledDays: 10, usedDays: 10, remainingDays: 0 });
    expect(bal.entries.filter((e) => e.entry === 'grant').map((e) => e.days)).toEqual([5, 5]);
  });

  it('AS-C13 LEAVE-08: a person with less than one year of work has no annual leave', async () => {
    await setProfile(await ctxFor(t, 'liuyang'), 'psn_chengyuan', { serviceStart: '2024-02-20' });
    at('2024-11-04');
    const f = await failure(leave(t, 'chengyuan', { type: 'annual', startDate: '2024-11-11', endDate: '2024-11-11' }));
    expect(f.rule).toBe('LEAVE-08');
  });

  it('AS-C14 LEAVE-09 C2: 60 calendar days of sick leave with 1–10 years of work cancel the year\'s annual leave; 59 do not', async () => {
    at('2024-02-01');
    for (const [who, end] of [['dongxue', '2024-06-04'], ['tangning', '2024-06-03']] as const) {
      const a = await leave(t, who, { type: 'sick', startDate: '2024-02-19', endDate: '2024-03-19', attachments: diagnosis, reason: '病' });
      await approveAll(t, a.instanceId);
      const b = await leave(t, who, { type: 'sick', startDate: '2024-05-06', endDate: end, attachments: diagnosis, reason: '病' }, ['LEAVE-09', 'LEAVE-10']);
      await approveAll(t, b.instanceId);
    }
    at('2024-11-04');
    const refused = await failure(leave(t, 'dongxue', { type: 'annual', startDate: '2024-11-11', endDate: '2024-11-11' }));
    expect(refused).toMatchObject({ rule: 'LEAVE-09' });
    expect(refused.message).toContain('LEAVE-09.C2');
    const ok = await leave(t, 'tangning', { type: 'annual', startDate: '2024-11-11', endDate: '2024-11-11' });
    expect(ok.id).toBeTruthy();
  });

  it('AS-C15 LEAVE-10 LEAVE-09 C3: annual leave taken, then 90 sick days reached on 2024-11-20: the rest of 2024 and all of 2025 are forfeited', async () => {
    at('2024-04-22');
    const a = await leave(t, 'linfeng', { type: 'annual', startDate: '2024-04-29', endDate: '2024-05-08' });
    await approveAll(t, a.instanceId);
    expect((await balances(await ctxFor(t, 'linfeng'), 'psn_linfeng', 2024)).annual).toMatchObject({ tierDays: 10, usedDays: 5, remainingDays: 5 });
    at('2024-08-20');
    const warned = await failure(leave(t, 'linfeng', { type: 'sick', startDate: '2024-08-23', endDate: '2024-11-20', attachments: diagnosis, reason: '手术' }));
    expect(warned).toMatchObject({ code: 'RULE_WARNING', rule: 'LEAVE-09' });
    const s = await leave(t, 'linfeng', { type: 'sick', startDate: '2024-08-23', endDate: '2024-11-20', attachments: diagnosis, reason: '手术' }, ['LEAVE-09', 'LEAVE-10']);
    await approveAll(t, s.instanceId);
    const bal = await balances(await ctxFor(t, 'linfeng'), 'psn_linfeng', 2024);
    expect(bal.annual.remainingDays).toBe(0);
    expect(bal.annual.forfeited).toEqual([{ kind: 'current', code: 'C3', triggeredOn: '2024-11-20' }]);
    expect(bal.entries.find((e) => e.entry === 'forfeit')?.days).toBe(-5);
    expect((await balances(await ctxFor(t, 'linfeng'), 'psn_linfeng', 2025)).annual).toMatchObject({ remainingDays: 0, forfeited: [{ kind: 'next', code: 'C3', triggeredOn: '2024-11-20' }] });
    at('2025-02-20');
    const next = await failure(leave(t, 'linfeng', { type: 'annual', startDate: '2025-03-03', endDate: '2025-03-04' }));
    expect(next.rule).toBe('LEAVE-10');
  });

  it('AS-C16 LEAVE-09 C1: 20 days of personal leave without salary deduction (principal override) cancel the year\'s annual leave', async () => {
    at('2024-03-25');
    const r = await leave(t, 'gaowei', { type: 'personal', startDate: '2024-04-01', endDate: '2024-04-29', capOverrideReason: '照顾重病家属' }, ['LEAVE-11', 'LEAVE-09', 'ATT-08']);
    const signed = await approveAll(t, r.instanceId);
    expect(signed.at(-1)).toBe('principal:chenzhiyuan');
    at('2024-06-03');
    const f = await failure(leave(t, 'gaowei', { type: 'annual', startDate: '2024-06-10', endDate: '2024-06-11' }));
    expect(f.message).toContain('LEAVE-09.C1');
  });

  it('the ledger: cancelling an approved leave before it starts and returning early both give days back as reversal rows', async () => {
    at('2024-11-01');
    const a = await leave(t, 'xiechen', { type: 'annual', startDate: '2024-11-11', endDate: '2024-11-12' });
    await approveAll(t, a.instanceId);
    const b = await leave(t, 'xiechen', { type: 'annual', startDate: '2024-11-04', endDate: '2024-11-06' });
    await approveAll(t, b.instanceId);
    const before = (await balances(await ctxFor(t, 'xiechen'), 'psn_xiechen', 2024)).annual;
    expect(before).toMatchObject({ entitledDays: 5, usedDays: 5, remainingDays: 0 });
    await cancelLeave(await ctxFor(t, 'xiechen'), a.id, '工作需要');
    at('2024-11-05');
    await reportBack(await ctxFor(t, 'xiechen'), b.id, { returnedOn: '2024-11-05', mode: 'in_person' });
    const after = await balances(await ctxFor(t, 'xiechen'), 'psn_xiechen', 2024);
    expect(after.annual).toMatchObject({ usedDays: 1, remainingDays: 4 });
    expect(after.entries.filter((e) => e.leaveType === 'annual').map((e) => `${e.entry}:${e.days}`)).toEqual(['grant:5', 'use:-2', 'use:-3', 'reversal:2', 'reversal:2']);
  });
});

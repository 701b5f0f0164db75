import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/support/app';
import { ctxFor } from '../../../test/support/ctx';
import type { AppError } from '../../kernel/errors';
import { checkExpense, divHalfUp, unionAllocation, unionDuesFen, UNION02 } from './rules';
import { addUnionEntry, computeAllocation, computeDues, unionLedger } from './union';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t?.close());

async function refused(p: Promise<unknown>): Promise<AppError> {
  const err = await p.then(() => null, (e: AppError) => e);
  expect(err, 'expected the call to be refused').not.toBeNull();
  return err!;
}

describe('工会经费 (财务管理制度 六)', () => {
  it('UNION-01 AS: dues are 5‰ of salary, half up to the fen: 5,000.00 → 25.00; 4,321.00 → 21.61; 6,850.00 → 34.25', () => {
    expect(unionDuesFen(500_000)).toBe(2_500);
    expect(unionDuesFen(432_100)).toBe(2_161);
    expect(unionDuesFen(685_000)).toBe(3_425);
    expect(unionDuesFen(432_099)).toBe(2_160);
    expect(divHalfUp(1, 2)).toBe(1);
    expect(divHalfUp(9_007_199_254_740_991, 1000)).toBe(9_007_199_254_741);
  });

  it('UNION-02 AS: total payroll 300,000.00 → gross allocation 6,000.00, the retained share as configured', () => {
    const { grossFen, retainedFen } = unionAllocation(30_000_000);
    expect(grossFen).toBe(600_000);
    expect(retainedFen).toBe(600_000 * (UNION02.param('retainedPercent') as number) / 100);
  });

  it('UNION-01: the month\'s salary list becomes per-member dues and one 会费收入 entry; a month is computed once', async () => {
    const hub = await ctxFor(t, 'mali');
    const res = await computeDues(hub, { period: '2026-08', lines: [{ memberName: '甲', salaryFen: 500_000 }, { memberName: '乙', salaryFen: 432_100 }, { memberName: '丙', salaryFen: 685_000 }] });
    expect(res.members.map((m) => m.duesFen)).toEqual([2_500, 2_161, 3_425]);
    expect(res.totalFen).toBe(8_086);
    await expect(computeDues(hub, { period: '2026-08', lines: [{ memberName: '甲', salaryFen: 1 }] })).rejects.toThrow(/已计算/);
    await expect(computeDues(hub, { period: '2026-08', lines: [{ memberName: '丁', salaryFen: 100.5 }] })).rejects.toThrow(/整数/);
    expect((await refused(computeDues(await ctxFor(t, 'tangning'), { period: '2026-09', lines: [{ memberName: '甲', salaryFen: 1 }] }))).code).toBe('FORBIDDEN');
    const ledger = await unionLedger(hub, { year: 2026 });
    expect(ledger.entries.find((e) => e.summary.startsWith('2026-08 会费收入'))).toMatchObject({ amountFen: 8_086, categoryLabel: '会费收入', onDate: '2026-08-31' });
  });

  it('UNION-02: the allocation books the retained part as 拨缴经费收入', async () => {
    const res = await computeAllocation(await ctxFor(t, 'mali'), { period: '2026-08', payrollFen: 30_000_000, employees: 28 });
    expect(res.grossFen).toBe(600_000);
    const ledger = await unionLedger(await ctxFor(t, 'mali'), { year: 2026 });
    expect(ledger.entries.find((e) => e.category === 'allocation' && e.onDate === '2026-08-31')?.amountFen).toBe(res.retainedFen);
  });

  it('UNION-03: income only in the five categories; dues and allocations are computed, never typed in', async () => {
    const hub = await ctxFor(t, 'mali');
    expect((await refused(addUnionEntry(hub, { direction: 'income', category: 'donation', amountFen: 1000, onDate: '2026-11-01', summary: '捐款' }))).rule?.id).toBe('UNION-03');
    expect((await refused(addUnionEntry(hub, { direction: 'income', category: 'dues', amountFen: 1000, onDate: '2026-11-01', summary: '会费' }))).code).toBe('BAD_REQUEST');
    await addUnionEntry(hub, { direction: 'income', category: 'higher_subsidy', amountFen: 500_000, onDate: '2026-11-01', summary: '市总工会补助' });
  });

  it('UNION-04 AS: an expense of category "招待费" is blocked; 职工活动支出 passes; the 7号 standard per person and per year is enforced', async () => {
    const hub = await ctxFor(t, 'mali');
    const err = await refused(addUnionEntry(hub, { direction: 'expense', category: '招待费', amountFen: 10_000, onDate: '2026-11-02', summary: '招待' }));
    expect(err.rule).toEqual({ id: 'UNION-04', cite: '《财务管理制度》六（二）' });
    await addUnionEntry(hub, { direction: 'expense', category: 'activities', amountFen: 300_000, onDate: '2026-11-02', summary: '职工趣味运动会' });
    const festival = { direction: 'expense' as const, category: 'activities', onDate: '2026-11-02', summary: '中秋节日慰问', standardItem: '节日慰问（每人每节）', persons: 20 };
    expect((await refused(addUnionEntry(hub, { ...festival, amountFen: 20 * 50_001 }))).rule?.id).toBe('UNION-04');
    await addUnionEntry(hub, { ...festival, amountFen: 20 * 50_000 });
    await addUnionEntry(hub, { ...festival, summary: '国庆', amountFen: 20 * 50_000 });
    await addUnionEntry(hub, { ...festival, summary: '元旦', amountFen: 20 * 50_000 });
    const annual = await refused(addUnionEntry(hub, { ...festival, summary: '春节', amountFen: 20 * 50_000 }));
    expect(annual.message).toContain('全年节日慰问');
    expect(checkExpense({ category: 'other', amountFen: 1, standardItem: '未知标准', persons: 1 })[0].outcome).toBe('block');
  });

  it('UNION-01 UNION-04: the ledger totals and exports as XLSX', async () => {
    const ledger = await unionLedger(await ctxFor(t, 'mali'), { year: 2026 });
    expect(ledger.incomeFen).toBe(ledger.entries.filter((e) => e.direction === 'income').reduce((s, e) => s + e.amountFen, 0));
    expect(ledger.byCategory.filter((c) => c.direction === 'expense')).toHaveLength(6);
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/union/ledger.xlsx?year=2026', headers: { cookie: await t.cookieFor('mali') } });
    expect(res.statusCode).toBe(200);
    expect(res.rawPayload.subarray(0, 2).toString()).toBe('PK');
  });
});

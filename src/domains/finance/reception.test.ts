import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/support/app';
import { ctxFor } from '../../../test/support/ctx';
import { rows } from '../../kernel/db';
import { printInstance } from '../../kernel/flow';
import { checkMeals, maxAccompany } from './reception-checks';
import type { MealValue } from './form';
import { fillReceptionList, reviewReceptionList, submitClaim, submitReception } from './service';
import { rejected, sign, statusOf, taskOf } from './test-helpers';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t?.close());

const meal = (over: Partial<MealValue>): MealValue => ({ date: '2026-11-05', type: 'buffet_lunch', venue: '机关食堂', guests: 6, accompanying: 3, staff: 0, amountFen: 0, drinksFen: 0, ...over });
const ids = (v: { outcome: string; ruleId: string }[]) => v.filter((x) => x.outcome === 'block').map((x) => x.ruleId);

describe('meal limits (pure)', () => {
  it('RECEP-16 AS-D01…D04: accompanying diners 3 up to 10 guests, a third above', () => {
    expect([1, 10, 11, 12, 15, 18, 30].map(maxAccompany)).toEqual([3, 3, 3, 4, 5, 6, 10]);
    expect(ids(checkMeals([meal({ guests: 12, accompanying: 5, amountFen: 100_000 })], 12, '工作需要'))).toEqual(['RECEP-16']);
    expect(ids(checkMeals([meal({ guests: 12, accompanying: 4, amountFen: 100_000 })], 12, '工作需要'))).toEqual([]);
    expect(ids(checkMeals([meal({ guests: 10, accompanying: 4, amountFen: 50_000 })], 10, 'x'))).toEqual(['RECEP-16']);
    expect(ids(checkMeals([meal({ guests: 11, accompanying: 4, amountFen: 50_000 })], 11, 'x'))).toEqual(['RECEP-16']);
    expect(ids(checkMeals([meal({ guests: 15, accompanying: 5, amountFen: 50_000 })], 15, 'x'))).toEqual([]);
    expect(ids(checkMeals([meal({ guests: 15, accompanying: 6, amountFen: 50_000 })], 15, 'x'))).toEqual(['RECEP-16']);
  });

  it('RECEP-17 AS-D07…D10: 25 / 70 / below 150 without drinks / 50 without drinks, compared in fen', () => {
    const table = (amountFen: number) => checkMeals([meal({ type: 'table', guests: 8, accompanying: 3, amountFen, drinksFen: 30_000, tableReason: '人数过少' })], 8, 'x');
    expect(ids(table(154_000))).toEqual([]);
    expect(ids(table(165_000))).toEqual(['RECEP-17']);
    expect(ids(table(164_989))).toEqual([]);
    const breakfast = (amountFen: number) => checkMeals([meal({ type: 'buffet_breakfast', guests: 3, accompanying: 3, amountFen })], 3, 'x');
    expect(ids(breakfast(15_000))).toEqual([]);
    expect(ids(breakfast(15_600))).toEqual(['RECEP-17']);
    const lunch = (amountFen: number) => checkMeals([meal({ guests: 7, accompanying: 3, amountFen })], 7, 'x');
    expect(ids(lunch(72_000))).toEqual(['RECEP-17']);
    expect(ids(lunch(70_000))).toEqual([]);
    const staff = (amountFen: number) => checkMeals([meal({ type: 'staff', guests: 0, accompanying: 0, staff: 2, amountFen, drinksFen: 2_000 })], 6, 'x');
    expect(ids(staff(11_000))).toEqual(['RECEP-17']);
    expect(ids(staff(10_000))).toEqual([]);
  });

  it('RECEP-15 AS-D11 RECEP-18 AS-D12: one work meal per reception, with a reason; a table meal needs its reason', () => {
    expect(ids(checkMeals([meal({ amountFen: 60_000 }), meal({ type: 'buffet_dinner', amountFen: 60_000 })], 6, '工作需要'))).toEqual(['RECEP-15']);
    expect(ids(checkMeals([meal({ amountFen: 60_000 })], 6, ''))).toEqual(['RECEP-15']);
    expect(ids(checkMeals([meal({ type: 'table', guests: 20, accompanying: 6, amountFen: 300_000 })], 20, 'x'))).toEqual(['RECEP-18']);
    expect(ids(checkMeals([meal({ type: 'table', guests: 20, accompanying: 6, amountFen: 300_000, tableReason: '基层单位不具备自助餐条件' })], 20, 'x'))).toEqual([]);
  });
});

const letter = { issuer: '白城市洮北区扶贫办', docNo: '洮扶函〔2026〕12号', issuedOn: '2026-10-28', content: '汇报产业扶贫工作', itinerary: '11月5日来白，当日返回', persons: '王某等6人', fileRef: '公函扫描件.pdf' };
const report = (over: Record<string, unknown> = {}) => ({
  letter, guestUnit: '白城市洮北区扶贫办', purpose: '汇报产业扶贫项目进展', purposeCategory: 'report', visitorCategory: 's4', visitStart: '2026-11-05', visitEnd: '2026-11-05',
  guests: 6, leadGuest: '王某 主任', arrangement: '上午座谈，中午机关食堂自助餐，下午返回', accompanyNames: ['韩冰', '唐宁'],
  meals: [meal({ amountFen: 63_000 })], workMealReason: '座谈延至中午，确因工作需要', ...over,
});

describe('receptions (ORS-F1)', () => {
  it('AS-D05 RECEP-07 FIN-14: no official letter, no reception; AS-D06 RECEP-08: a vacation visit is excluded', async () => {
    const ctx = await ctxFor(t, 'tangning');
    expect((await rejected(submitReception(ctx, report({ letter: undefined })))).rule?.id).toBe('RECEP-07');
    expect((await rejected(submitReception(ctx, report({ letter: { ...letter, fileRef: '' } })))).rule?.id).toBe('RECEP-07');
    expect((await rejected(submitReception(ctx, report({ purposeCategory: 'vacation' })))).rule?.id).toBe('RECEP-08');
    expect((await rejected(submitReception(ctx, report({ guests: 12, meals: [meal({ guests: 12, accompanying: 5, amountFen: 100_000 })] })))).rule?.id).toBe('RECEP-16');
  });

  it('AS-D20 RECEP-10 CONF-09, AS-D15 AS-D24 RECEP-20 RECEP-22, AS-D14 RECEP-23: signed in order, list reviewed, then the claim passes', async () => {
    const r = await submitReception(await ctxFor(t, 'tangning'), report());
    // The deputy in charge cannot sign before 综合科意见.
    await expect(taskOf(t, r.instanceId, 'liminghua')).rejects.toThrow();
    for (const u of ['liuyang', 'liminghua', 'chenzhiyuan']) await sign(t, r.instanceId, u);
    expect(await statusOf(t, r.instanceId)).toBe('approved');
    const printed = await printInstance(await ctxFor(t, 'tangning'), r.instanceId);
    expect(printed.pdf.length).toBeGreaterThan(1000);

    const settle = (over: Record<string, unknown> = {}) => ({
      category: 'reception', purpose: '洮北区扶贫办来白工作餐', payee: '机关食堂', receptionId: r.id, attested: true,
      lines: [{ description: '自助午餐9人', amountFen: 63_000, paymentMethod: 'card' }],
      vouchers: [{ kind: 'invoice', ref: '发票No.7788' }, { kind: 'settlement_bill', ref: '食堂结算单' }, { kind: 'pos_slip', ref: 'POS-1', line: 0 }], ...over,
    });
    const me = await ctxFor(t, 'tangning');
    expect((await rejected(submitClaim(me, settle()))).rule?.id).toBe('RECEP-20');
    await fillReceptionList(me, r.id, { guestNames: '王某（主任）等6人', activities: '座谈汇报', meals: [meal({ amountFen: 63_000 })], totalFen: 63_000 });
    expect((await rejected(submitClaim(me, settle()))).rule?.id).toBe('RECEP-20');
    await expect(reviewReceptionList(me, r.id)).rejects.toMatchObject({ status: 403 });
    await reviewReceptionList(await ctxFor(t, 'hanbing'), r.id);
    expect((await rejected(submitClaim(me, settle({ vouchers: [{ kind: 'invoice', ref: '发票No.7788' }, { kind: 'pos_slip', ref: 'POS-1', line: 0 }] })))).rule?.id).toBe('RECEP-22');
    expect((await rejected(submitClaim(me, settle({ lines: [{ description: '自助午餐', amountFen: 30_000, paymentMethod: 'cash' }] })))).rule?.id).toBe('RECEP-23');
    const claim = await submitClaim(me, settle());
    for (const u of ['hanbing', 'mali', 'liminghua', 'chenzhiyuan']) await sign(t, claim.instanceId, u);
    expect(await statusOf(t, claim.instanceId)).toBe('approved');
  });

  it('AS-D21 RECEP-09: a reception approved after the visit began cannot be reimbursed', async () => {
    const r = await submitReception(await ctxFor(t, 'tangning'), report({ visitStart: '2026-11-02', visitEnd: '2026-11-02', meals: [meal({ date: '2026-11-02', amountFen: 63_000 })] }));
    t.clock.set('2026-11-04T09:00:00+08:00');
    for (const u of ['liuyang', 'liminghua', 'chenzhiyuan']) await sign(t, r.instanceId, u);
    const me = await ctxFor(t, 'tangning');
    await fillReceptionList(me, r.id, { guestNames: '王某等6人', activities: '座谈', meals: [], totalFen: 63_000 });
    await reviewReceptionList(await ctxFor(t, 'hanbing'), r.id);
    const err = await rejected(submitClaim(me, { category: 'reception', purpose: '接待', payee: '机关食堂', receptionId: r.id, attested: true,
      lines: [{ description: '午餐', amountFen: 63_000, paymentMethod: 'transfer' }], vouchers: [{ kind: 'invoice', ref: 'x' }, { kind: 'settlement_bill', ref: 'y' }] }));
    expect(err.rule?.id).toBe('RECEP-09');
    const [row] = await rows<{ year: number; seq: number }>(t.database.db, sql`select year, seq from finance_receptions where id = ${r.id}`);
    expect(row.year).toBe(2026);
    t.clock.set('2026-11-02T09:00:00+08:00');
  });
});

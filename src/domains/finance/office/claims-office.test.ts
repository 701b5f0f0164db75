import { sql } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/support/app';
import { ctxFor } from '../../../../test/support/ctx';
import { rows } from '../../../kernel/db';
import { clearParamOverrides, setParamOverrides } from '../../../kernel/rules';
import { submitClaim, submitReception } from '../service';
import { claim, rejected, sign } from '../test-helpers';
import { fillExecuted, submitMeetingBudget } from './service';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t?.close());
afterEach(() => clearParamOverrides());

const file = async (user: string, form: Record<string, unknown>, ack: string[] = []) => submitClaim(await ctxFor(t, user), form, ack);
const plain = (category: string, amountFen: number, over: Record<string, unknown> = {}) =>
  claim({ category, purpose: '测试', lines: [{ description: '费用', amountFen, paymentMethod: 'transfer' }], ...over });

describe('claims against the office-service rules', () => {
  it('MTG-04: a meeting claim needs the approved budget with executed amounts, and may not exceed what was executed', async () => {
    expect((await rejected(file('tangning', plain('meeting', 300_000)))).rule?.id).toBe('MTG-04');
    const me = await ctxFor(t, 'tangning');
    const b = await submitMeetingBudget(me, {
      kind: 'meeting', name: '全市防返贫监测工作会议', startDate: '2026-11-03', endDate: '2026-11-03', venue: '市扶贫办会议室', attendees: '各县扶贫办', headcount: 30,
      noticeRef: '会议通知', content: '部署', purpose: '压实责任', lines: [{ item: '场租费', budgetFen: 0 }, { item: '住宿费', budgetFen: 0 }, { item: '餐费', budgetFen: 300_000 }, { item: '资料用品费用', budgetFen: 50_000 }],
    });
    expect((await rejected(file('tangning', plain('meeting', 300_000, { meetingBudgetId: b.id })))).message).toContain('尚未审批完毕');
    for (const u of ['hanbing', 'liuyang', 'liminghua']) await sign(t, b.instanceId, u);
    expect((await rejected(file('tangning', plain('meeting', 300_000, { meetingBudgetId: b.id })))).message).toContain('执行金额');
    t.clock.set('2026-11-04T09:00:00+08:00');
    await fillExecuted(me, b.id, { executedFen: [0, 0, 290_000, 40_000] });
    const over = await rejected(file('tangning', plain('meeting', 340_000, { meetingBudgetId: b.id })));
    expect(over.rule?.id).toBe('MTG-04');
    await file('tangning', plain('meeting', 300_000, { meetingBudgetId: b.id }));
    // What is left of the executed total is 300.00 yuan.
    expect((await rejected(file('tangning', plain('meeting', 40_000, { meetingBudgetId: b.id })))).rule?.id).toBe('MTG-04');
    await file('tangning', plain('meeting', 30_000, { meetingBudgetId: b.id }));
    t.clock.set('2026-11-02T09:00:00+08:00');
  });

  it('AS-D39 PRINT-04 PRINT-03: periodicals and printing are ordered by 综合科 only', async () => {
    expect((await rejected(file('tangning', plain('periodicals', 80_000)))).rule?.id).toBe('PRINT-04');
    expect((await rejected(file('tangning', plain('printing', 80_000)))).rule?.id).toBe('PRINT-03');
    await file('huangjing', plain('periodicals', 80_000, { purpose: '2027年报刊订阅' }));
  });

  it('AS-D23 FIN-04: a 三公 claim above the year\'s quota is blocked showing quota and use; without a quota it warns', async () => {
    setParamOverrides('FIN-04', { vehicleQuotaFen: 150_000 });
    const repair = (amountFen: number) => plain('vehicle_fuel', amountFen, { purpose: '公务车加油' });
    await file('tangning', repair(100_000));
    const err = await rejected(file('tangning', repair(60_000)));
    expect(err.rule?.id).toBe('FIN-04');
    expect(err.message).toContain('1,500.00元');
    expect(err.message).toContain('1,000.00元');
    await file('tangning', repair(50_000));
    setParamOverrides('FIN-04', { vehicleQuotaFen: null });
    expect((await rejected(file('tangning', repair(10_000)))).rule?.id).toBe('FIN-04');
    await file('tangning', repair(10_000), ['FIN-04']);
  });

  it('FIN-15 RECEP-22: a reception claim on a reception whose approval form is not yet approved is refused', async () => {
    const letter = { issuer: '洮北区扶贫办', docNo: '洮扶函〔2026〕12号', content: '汇报', itinerary: '当日返回', persons: '6人', fileRef: '公函.pdf' };
    const r = await submitReception(await ctxFor(t, 'tangning'), { letter, guestUnit: '洮北区扶贫办', purpose: '汇报工作', purposeCategory: 'report', visitorCategory: 's4', visitStart: '2026-11-05', visitEnd: '2026-11-05', guests: 6, leadGuest: '王某', arrangement: '座谈' });
    const err = await rejected(file('tangning', { ...plain('reception', 50_000), receptionId: r.id, vouchers: [{ kind: 'invoice', ref: 'x' }, { kind: 'settlement_bill', ref: 'y' }] }));
    expect(err.rule?.id).toBe('FIN-15');
  });

  it('FIN-01: with no 财务负责人 in post, nothing is routed and the missing role is named', async () => {
    const roles = await t.app.inject({ method: 'GET', url: '/api/v1/finance/roles', headers: { cookie: await t.cookieFor('tangning') } });
    expect(roles.json().items.map((r: { person: string }) => r.person)).toEqual(['陈志远', '李明华', '刘洋', '马丽']);
    await t.database.db.execute(sql`update post_holdings set end_date = '2026-10-31' where post_code = 'finance_head'`);
    const err = await rejected(file('tangning', claim()));
    expect(err.rule?.id).toBe('FIN-01');
    expect(err.message).toContain('财务负责人');
    const [n] = await rows<{ n: number }>(t.database.db, sql`select count(*)::int as n from finance_claims where purpose = '购买办公用品' and person_id = 'psn_tangning'`);
    expect(n.n).toBe(0);
  });
});

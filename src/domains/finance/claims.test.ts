import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/support/app';
import { ctxFor } from '../../../test/support/ctx';
import { rows } from '../../kernel/db';
import { actOnTask, printInstance } from '../../kernel/flow';
import { claim, partyDecision, rejected, sign, statusOf, taskOf } from './test-helpers';
import { previewClaim, submitClaim } from './service';
import { DAILY_CATEGORIES } from './categories';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t?.close());

const file = async (user: string, form: Record<string, unknown>, ack: string[] = []) => submitClaim(await ctxFor(t, user), form, ack);
const planOf = async (instanceId: string) => {
  const [r] = await rows<{ plan: { id: string; name: string }[] }>(t.database.db, sql`select plan from flow_instances where id = ${instanceId}`);
  return r.plan.map((s) => s.id);
};

describe('expense chains (CONF-01)', () => {
  it('FIN-12: exactly the 13 daily expense kinds of 四（三）2', () => {
    expect(DAILY_CATEGORIES).toHaveLength(13);
  });

  it('AS-D30 FIN-12 FIN-13 FIVE-04: a 35,000-yuan heating claim is daily, warns FIVE-06 but never goes to the 党组, and ends 分管领导 → 主要领导', async () => {
    const form = claim({ category: 'heating', purpose: '2026年采暖费', payee: '白城市热力公司', lines: [{ description: '采暖费', amountFen: 3_500_000, paymentMethod: 'transfer' }] });
    const warn = await rejected(file('tangning', form));
    expect(warn.code).toBe('RULE_WARNING');
    expect(warn.rule?.id).toBe('FIVE-06');
    const res = await file('tangning', form, ['FIVE-06']);
    expect(res.warnings.map((w) => w.ruleId)).toEqual(['FIVE-06']);
    expect(await planOf(res.instanceId)).toEqual(['section', 'finance', 'leader', 'principal']);
    const [f] = await rows<{ facts: { isDailyExpense: boolean; tier: string; decision: unknown } }>(t.database.db, sql`select facts from flow_instances where id = ${res.instanceId}`);
    expect(f.facts).toMatchObject({ isDailyExpense: true, tier: 'daily', decision: null });
    for (const u of ['hanbing', 'mali', 'liminghua', 'chenzhiyuan']) await sign(t, res.instanceId, u);
    expect(await statusOf(t, res.instanceId)).toBe('approved');
  });

  it('AS-D29 FIN-11: the finance head cannot review before the section head has signed', async () => {
    const res = await file('tangning', claim());
    await expect(taskOf(t, res.instanceId, 'mali')).rejects.toThrow();
    await sign(t, res.instanceId, 'hanbing');
    await sign(t, res.instanceId, 'mali');
    await expect(taskOf(t, res.instanceId, 'chenzhiyuan')).rejects.toThrow();
  });

  it('FIVE-05: a special business expense goes to the leader in charge of the business, then the principal leader', async () => {
    const res = await file('tangning', claim({ category: 'special_fund', funding: 'special', purpose: '项目培训资料', lines: [{ description: '培训资料', amountFen: 500_000, paymentMethod: 'transfer' }] }));
    expect(await planOf(res.instanceId)).toEqual(['section', 'finance', 'business', 'principal']);
    await sign(t, res.instanceId, 'hanbing');
    await sign(t, res.instanceId, 'mali');
    await sign(t, res.instanceId, 'zhaoguoqiang');
    await sign(t, res.instanceId, 'chenzhiyuan');
    expect(await statusOf(t, res.instanceId)).toBe('approved');
  });

  it('AS-B42 FIVE-06 FIVE-03: 20,000 yuan of special funds is blocked without a 党组 decision, citing the rule; linked, it runs without the principal leader and prints', async () => {
    const form = claim({ category: 'special_fund', funding: 'special', purpose: '扶贫培训', payee: '白城市培训中心', lines: [{ description: '培训费', amountFen: 2_000_000, paymentMethod: 'transfer' }] });
    const err = await rejected(file('tangning', form));
    expect(err.code).toBe('RULE_BLOCKED');
    expect(err.rule).toEqual({ id: 'FIVE-06', cite: '《一把手“五不直接分管”和“末位表态”制度》第二条（二）3' });
    expect(err.message).toContain('党组集体研究决定');
    // A decision for less money does not cover it.
    const small = await partyDecision(t, 1_000_000, 'special_fund', '小额培训');
    expect((await rejected(file('tangning', { ...form, decisionId: small }))).rule?.id).toBe('FIVE-06');
    const decisionId = await partyDecision(t, 2_000_000);
    const res = await file('tangning', { ...form, decisionId });
    expect(await planOf(res.instanceId)).toEqual(['section', 'finance', 'business', 'finance_approval']);
    for (const u of ['hanbing', 'mali', 'zhaoguoqiang', 'liminghua']) await sign(t, res.instanceId, u);
    expect(await statusOf(t, res.instanceId)).toBe('approved');
    const [c] = await rows<{ status: string; decision_id: string }>(t.database.db, sql`select status, decision_id from finance_claims where id = ${res.id}`);
    expect(c).toEqual({ status: 'approved', decision_id: decisionId });
    const printed = await printInstance(await ctxFor(t, 'tangning'), res.instanceId);
    expect(printed.pdf.length).toBeGreaterThan(1000);
  });

  it('FIVE-07: one leader in two slots needs a recorded reason (综合科 large expense: business leader = finance-approval leader)', async () => {
    const decisionId = await partyDecision(t, 3_000_000, 'special_fund', '办公区维修专项');
    const form = claim({ category: 'special_fund', funding: 'special', purpose: '办公区维修专项', payee: '白城市建筑公司', decisionId, lines: [{ description: '维修', amountFen: 2_500_000, paymentMethod: 'transfer' }] });
    const err = await rejected(file('huangjing', form));
    expect(err.rule?.id).toBe('FIVE-07');
    const withReason = { ...form, coincidenceReason: '分管综合科的领导即分管财务审批的领导，按分工签署' };
    expect((await rejected(file('huangjing', withReason))).code).toBe('RULE_WARNING');
    const res = await file('huangjing', withReason, ['FIVE-07']);
    expect(res.warnings.map((w) => w.ruleId)).toContain('FIVE-07');
  });

  it('FIVE-03: the principal leader may not sign a slot that is not the last (checked on the action)', async () => {
    const res = await file('tangning', claim());
    // 综合科 adds the principal leader as an extra signer of the section step: his signature is refused.
    await actOnTask(await ctxFor(t, 'hanbing'), await taskOf(t, res.instanceId, 'hanbing'), 'add_signer', { personId: 'psn_chenzhiyuan', comment: '请主任把关' });
    const err = await rejected(actOnTask(await ctxFor(t, 'chenzhiyuan'), await taskOf(t, res.instanceId, 'chenzhiyuan'), 'approve', { comment: '同意' }));
    expect(err.rule?.id).toBe('FIVE-03');
  });
});

describe('vouchers and payment', () => {
  const cash = (amountFen: number, extra: Record<string, unknown> = {}) =>
    claim({ lines: [{ description: '复印纸', amountFen, paymentMethod: 'cash', goods: { item: 'A4复印纸', quantity: 1, unitPriceFen: amountFen, spec: '70g', model: '无' } }], ...extra });

  it('AS-D25 FIN-10 FIN-09: cash above 1,000 yuan is blocked; 1,000.00 needs a reason and an acknowledged warning', async () => {
    expect((await rejected(file('tangning', cash(120_000, { cashReason: '商店不支持刷卡' })))).rule?.id).toBe('FIN-10');
    expect((await rejected(file('tangning', cash(100_001, { cashReason: '商店不支持刷卡' })))).rule?.id).toBe('FIN-10');
    expect((await rejected(file('tangning', cash(100_000)))).rule?.id).toBe('FIN-09');
    const warn = await rejected(file('tangning', cash(100_000, { cashReason: '商店不支持刷卡' })));
    expect(warn).toMatchObject({ code: 'RULE_WARNING', rule: { id: 'FIN-09' } });
    await file('tangning', cash(100_000, { cashReason: '商店不支持刷卡' }), ['FIN-09']);
  });

  it('AS-D26 FIN-10: two cash payments of 600 to one payee in one claim warn', async () => {
    const line = { description: '复印纸', amountFen: 60_000, paymentMethod: 'cash', goods: { item: '复印纸', quantity: 1, unitPriceFen: 60_000, spec: '70g', model: '无' } };
    const p = await previewClaim(await ctxFor(t, 'tangning'), claim({ lines: [line, line], cashReason: '临时采购' }));
    expect(p.verdicts.filter((v) => v.outcome === 'warn').map((v) => v.ruleId)).toEqual(['FIN-09', 'FIN-10']);
  });

  it('AS-D28 FIN-08: an official-card line needs its POS slip', async () => {
    const card = claim({ lines: [{ description: '打印机', amountFen: 235_000, paymentMethod: 'card', goods: { item: '打印机', quantity: 1, unitPriceFen: 235_000, spec: 'A4', model: 'HP1020' } }] });
    expect((await rejected(file('tangning', card))).rule?.id).toBe('FIN-08');
    await file('tangning', { ...card, vouchers: [{ kind: 'invoice', ref: '发票002' }, { kind: 'pos_slip', ref: 'POS-8812', line: 0 }] });
  });

  it('AS-D27 FIN-06 FIN-05: goods detail without a unit price is blocked; no voucher or no attestation is blocked', async () => {
    const bad = claim({ lines: [{ description: 'A4复印纸 20包', amountFen: 50_000, paymentMethod: 'transfer', goods: { item: 'A4复印纸', quantity: 20, spec: '70g', model: '得力7401' } }] });
    const err = await rejected(file('tangning', bad));
    expect(err.rule?.id).toBe('FIN-06');
    expect(err.message).toContain('单价');
    expect((await rejected(file('tangning', claim({ vouchers: [] })))).rule?.id).toBe('FIN-05');
    expect((await rejected(file('tangning', claim({ attested: false })))).rule?.id).toBe('FIN-05');
  });

  it('FIN-07: a vehicle repair needs the repair items and the approved repair form', async () => {
    const repair = claim({ category: 'vehicle_repair', purpose: '公务车维修', lines: [{ description: '更换刹车片', amountFen: 80_000, paymentMethod: 'transfer' }] });
    expect((await rejected(file('tangning', repair))).rule?.id).toBe('FIN-07');
    await file('tangning', { ...repair, vouchers: [{ kind: 'invoice', ref: '发票003' }, { kind: 'repair_items', ref: '维修清单' }, { kind: 'vehicle_repair_approval', ref: '维修审批单2026-07' }] });
  });
});

describe('splitting (化整为零)', () => {
  it('FIVE-06 SZYD-07: two purchases from one section to one payee, each under 2万元, together above it, are flagged to 综合科 and the inspector', async () => {
    const payee = '白城市办公设备公司';
    const a = await file('dongxue', claim({ payee }, 1_200_000));
    expect(a.splitFlagId).toBeNull();
    const b = await file('fenglei', claim({ payee }, 900_000));
    expect(b.splitFlagId).toBeTruthy();
    const [flag] = await rows<{ rule_id: string; total_fen: number; message: string }>(t.database.db, sql`select rule_id, total_fen::float8 as total_fen, message from finance_split_flags where id = ${b.splitFlagId}`);
    expect(flag.rule_id).toBe('SZYD-07');
    expect(flag.total_fen).toBe(2_100_000);
    const told = await rows<{ name: string }>(t.database.db, sql`select p.name from notifications n join people p on p.id = n.recipient_person_id where n.object_id = ${b.splitFlagId} order by p.name`);
    expect(told.map((x) => x.name).sort()).toEqual(['刘洋', '周文斌', '马丽'].sort());
  });
});

describe('concurrency', () => {
  it('two approvals of one claim at the same moment: one signs, the other gets a 409', async () => {
    const res = await file('tangning', claim());
    const task = await taskOf(t, res.instanceId, 'hanbing');
    const ctx = await ctxFor(t, 'hanbing');
    const outcomes = await Promise.allSettled([actOnTask(ctx, task, 'approve', { comment: '同意' }), actOnTask(ctx, task, 'approve', { comment: '同意' })]);
    expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(1);
    const failed = outcomes.find((o) => o.status === 'rejected') as PromiseRejectedResult;
    expect(failed.reason.status).toBe(409);
    const [n] = await rows<{ n: number }>(t.database.db, sql`select count(*)::int as n from flow_actions where instance_id = ${res.instanceId} and action = 'approve'`);
    expect(n.n).toBe(1);
  });
});

describe('ledgers', () => {
  it('the claims ledger exports as XLSX for 综合科 and is refused to ordinary staff', async () => {
    const ok = await t.app.inject({ method: 'GET', url: '/api/v1/finance/ledger/claims.xlsx', headers: { cookie: await t.cookieFor('liuyang') } });
    expect(ok.statusCode).toBe(200);
    expect(ok.headers['content-type']).toContain('spreadsheetml');
    expect(ok.rawPayload.subarray(0, 2).toString()).toBe('PK');
    const no = await t.app.inject({ method: 'GET', url: '/api/v1/finance/ledger/claims.xlsx', headers: { cookie: await t.cookieFor('tangning') } });
    expect(no.statusCode).toBe(403);
  });
});

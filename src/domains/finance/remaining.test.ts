import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rows } from '../../kernel/db';
import { createTestApp, type TestApp } from '../../../test/support/app';
import { ctxFor } from '../../../test/support/ctx';
import { getRule } from '../../kernel/rules';
import type { ClaimFacts } from './facts';
import { ClaimForm, type MealValue } from './form';
import { checkExcludedArea, excludedAreaFacts } from './five';
import { checkAgainstPlan, checkReception, checkReceptionLines, checkScope, checkVehicles } from './reception-checks';
import { fillReceptionList, reviewReceptionList, submitClaim, submitReception } from './service';
import { rejected, sign } from './test-helpers';
import { checkOutboundTrip, checkTravel, hostFees } from './travel';
import { listViolations, recordViolation } from './violations';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t?.close());

type V = { outcome: string; ruleId: string };
const blocks = (v: V[]) => v.filter((x) => x.outcome === 'block').map((x) => x.ruleId);
const warns = (v: V[]) => v.filter((x) => x.outcome === 'warn').map((x) => x.ruleId);
const meal = (over: Partial<MealValue>): MealValue => ({ date: '2026-11-05', type: 'buffet_lunch', venue: '机关食堂', guests: 6, accompanying: 3, staff: 0, amountFen: 63_000, drinksFen: 0, ...over });
const letter = { issuer: '白城市洮北区扶贫办', docNo: '洮扶函〔2026〕12号', issuedOn: '2026-10-28', content: '汇报产业扶贫工作', itinerary: '11月5日来白，当日返回', persons: '王某等6人', fileRef: '公函扫描件.pdf' };
const report = (over: Record<string, unknown> = {}) => ({
  letter, guestUnit: '白城市洮北区扶贫办', purpose: '汇报产业扶贫项目进展', purposeCategory: 'report', visitorCategory: 's4', visitStart: '2026-11-05', visitEnd: '2026-11-05',
  guests: 6, leadGuest: '王某 主任', arrangement: '上午座谈，中午机关食堂自助餐，下午返回', accompanyNames: ['韩冰', '唐宁'],
  meals: [meal({})], workMealReason: '座谈延至中午，确因工作需要', ...over,
});

describe('reception scope and plan', () => {
  it('RECEP-05: a visitor outside the four categories, or none chosen, is refused', async () => {
    expect(blocks(checkScope({ visitorCategory: undefined }))).toEqual(['RECEP-05']);
    expect(blocks(checkScope({ visitorCategory: 'out_of_scope' }))).toEqual(['RECEP-05']);
    for (const c of ['s1', 's2', 's3', 's4', 's5'] as const) expect(blocks(checkScope({ visitorCategory: c }))).toEqual([]);
    const ctx = await ctxFor(t, 'tangning');
    expect((await rejected(submitReception(ctx, report({ visitorCategory: undefined })))).rule?.id).toBe('RECEP-05');
    expect((await rejected(submitReception(ctx, report({ visitorCategory: 'out_of_scope' })))).rule?.id).toBe('RECEP-05');
  });

  it('RECEP-06: a joint work group is hosted by its lead unit only', async () => {
    expect(blocks(checkScope({ visitorCategory: 's6' }))).toEqual(['RECEP-06']);
    expect(blocks(checkScope({ visitorCategory: 's6', weAreLeadUnit: true }))).toEqual([]);
    expect((await rejected(submitReception(await ctxFor(t, 'tangning'), report({ visitorCategory: 's6', weAreLeadUnit: false })))).rule?.id).toBe('RECEP-06');
  });

  it('RECEP-11: the plan states the place of each work meal; the actual meal is compared with the plan', () => {
    const parsed = (over: Record<string, unknown>) => ({ ...report(over), hostEntity: 'office' }) as Parameters<typeof checkReception>[0];
    expect(blocks(checkReception(parsed({ meals: [meal({ venue: '' })] })))).toEqual(['RECEP-11']);
    expect(blocks(checkReception(parsed({})))).toEqual([]);
    expect(warns(checkAgainstPlan([meal({})], [meal({})]))).toEqual([]);
    expect(warns(checkAgainstPlan([meal({})], [meal({ venue: '宾馆餐厅' })]))).toEqual(['RECEP-11']);
    expect(warns(checkAgainstPlan([meal({})], [meal({ type: 'table', tableReason: 'x' })]))).toEqual(['RECEP-11']);
    expect(warns(checkAgainstPlan([meal({ amountFen: 63_000 })], [meal({ amountFen: 63_001 })]))).toEqual(['RECEP-11']);
  });

  it('RECEP-15: at most one work meal per reception', () => {
    const two = [meal({}), meal({ date: '2026-11-06' })];
    expect(blocks(checkReception({ ...report({ meals: two, visitEnd: '2026-11-06' }), hostEntity: 'office' } as Parameters<typeof checkReception>[0]))).toContain('RECEP-15');
  });
});

describe('reception claim lines', () => {
  it('RECEP-12 RECEP-14 RECEP-21 RECEP-24: banned items on a reception claim are refused, each citing its article', () => {
    expect(blocks(checkReceptionLines([{ description: '欢迎横幅制作' }]))).toEqual(['RECEP-12']);
    expect(blocks(checkReceptionLines([{ description: '献花' }]))).toEqual(['RECEP-12']);
    expect(blocks(checkReceptionLines([{ description: '宾馆额外洗漱用品' }]))).toEqual(['RECEP-14']);
    expect(blocks(checkReceptionLines([{ description: '来宾返程火车票' }]))).toEqual(['RECEP-21']);
    expect(blocks(checkReceptionLines([{ description: '来宾培训费' }]))).toEqual(['RECEP-21']);
    expect(blocks(checkReceptionLines([{ description: '景区门票' }]))).toEqual(['RECEP-24']);
    expect(blocks(checkReceptionLines([{ description: '赠送土特产' }]))).toEqual(['RECEP-24']);
    expect(blocks(checkReceptionLines([{ description: '自助午餐9人' }, { description: '标准间住宿2间' }]))).toEqual([]);
  });

  it('RECEP-19: more vehicles than集中乘车 needs is warned', () => {
    expect(warns(checkVehicles(2, 6, 3))).toEqual([]);
    expect(warns(checkVehicles(3, 6, 3))).toEqual(['RECEP-19']);
    expect(warns(checkVehicles(undefined, 6, 3))).toEqual([]);
  });

  it('RECEP-22 RECEP-24 RECEP-19 AS: a settled reception with a souvenir line is refused; the vehicles warn', async () => {
    const r = await submitReception(await ctxFor(t, 'tangning'), report());
    for (const u of ['liuyang', 'liminghua', 'chenzhiyuan']) await sign(t, r.instanceId, u);
    const me = await ctxFor(t, 'tangning');
    await fillReceptionList(me, r.id, { guestNames: '王某等6人', activities: '座谈汇报', meals: [meal({})], vehicleCount: 4, totalFen: 63_000 });
    await reviewReceptionList(await ctxFor(t, 'hanbing'), r.id);
    const settle = (lines: unknown[]) => ({ category: 'reception', purpose: '接待', payee: '机关食堂', receptionId: r.id, attested: true, lines,
      vouchers: [{ kind: 'invoice', ref: '发票' }, { kind: 'settlement_bill', ref: '结算单' }] });
    const err = await rejected(submitClaim(me, settle([{ description: '自助午餐', amountFen: 63_000, paymentMethod: 'transfer' }, { description: '纪念品', amountFen: 20_000, paymentMethod: 'transfer' }])));
    expect(err.rule?.id).toBe('RECEP-24');
    expect(err.message).toContain('公务接待制度');
    const warned = await rejected(submitClaim(me, settle([{ description: '自助午餐', amountFen: 63_000, paymentMethod: 'transfer' }])));
    expect(warned.rule?.id).toBe('RECEP-19');
    const ok = await submitClaim(me, settle([{ description: '自助午餐', amountFen: 63_000, paymentMethod: 'transfer' }]), ['RECEP-19']);
    expect(ok.instanceId).toBeTruthy();
  });
});

describe('CAR-17 in claims', () => {
  it('CAR-17: a claim line for a traffic fine is refused, citing the vehicle rules', async () => {
    const me = await ctxFor(t, 'tangning');
    const err = await rejected(submitClaim(me, { category: 'vehicle_toll', purpose: '公务车辆费用', payee: '白城市交警支队', attested: true,
      lines: [{ description: '公务用车违章停车罚款', amountFen: 20_000, paymentMethod: 'transfer' }], vouchers: [{ kind: 'invoice', ref: '罚没票据' }] }));
    expect(err.rule?.id).toBe('CAR-17');
    expect(err.message).toContain('驾驶员');
    const ok = await submitClaim(me, { category: 'vehicle_toll', purpose: '公务车辆过路费', payee: '吉林高速', attested: true,
      lines: [{ description: '长春往返过路费', amountFen: 20_000, paymentMethod: 'transfer' }], vouchers: [{ kind: 'invoice', ref: '通行费发票' }] });
    expect(ok.instanceId).toBeTruthy();
  });
});

describe('travel', () => {
  const facts = (trip: Partial<NonNullable<ClaimFacts['trip']>> | null) => ({
    lineNotes: [], trip: trip && { id: 'trp', travellerIds: ['psn_tangning'], destination: '长春', startDate: '2026-11-04', endDate: '2026-11-06', approvedBy: 'psn_zhaoguoqiang', ...trip },
  }) as unknown as ClaimFacts;
  const form = (over: Record<string, unknown> = {}) => ClaimForm.parse({ category: 'travel_in_province', purpose: '培训', payee: '唐宁', attested: true, tripId: 'trp',
    lines: [{ description: '车票', amountFen: 15_550, paymentMethod: 'transfer', date: '2026-11-04', travel: { type: 'ticket', mode: 'hsr', seatClass: 'second' } }],
    vouchers: [{ kind: 'invoice', ref: 'x' }, { kind: 'supporting_document', ref: '通知' }], hostStatement: { mealDays: [], vehicleDays: [] }, ...over });

  it('TRAVEL-01: a trip not signed by the leader in charge, or signed by the traveller, is not reimbursed', () => {
    expect(blocks(checkTravel(form(), facts({ approvedBy: null })))).toEqual(['TRAVEL-01']);
    expect(blocks(checkTravel(form(), facts({ approvedBy: 'psn_tangning' })))).toEqual(['TRAVEL-01']);
    expect(blocks(checkTravel(form(), facts({})))).toEqual([]);
  });

  it('TRAVEL-07 TRAVEL-08: study trips need a special need, scenic places warn, a trip needing reception needs our 公函', () => {
    expect(warns(checkOutboundTrip({ purposeCategory: 'exchange', destination: '长春' }))).toEqual(['TRAVEL-07']);
    expect(warns(checkOutboundTrip({ purposeCategory: 'exchange', destination: '长春', specialNeed: '学习产业项目经验' }))).toEqual([]);
    expect(warns(checkOutboundTrip({ purposeCategory: 'task', destination: '长白山风景区' }))).toEqual(['TRAVEL-07']);
    expect(warns(checkOutboundTrip({ purposeCategory: 'task', destination: '长春', repeatOf: '2026年5月赴长春考察' }))).toEqual(['TRAVEL-07']);
    expect(blocks(checkOutboundTrip({ destination: '长春', needsReception: true, letter: { content: '培训', itinerary: '', persons: '2人' } }))).toEqual(['TRAVEL-08']);
    expect(blocks(checkOutboundTrip({ destination: '长春', needsReception: true, letter: { content: '培训', itinerary: '4日至6日', persons: '2人' } }))).toEqual([]);
  });

  it('TRAVEL-09 TRAVEL-10: the meal & vehicle statement is required; host-arranged meals need the fee receipt, one work meal exempt', () => {
    expect(blocks(hostFees({ vouchers: [] }))).toEqual(['TRAVEL-09']);
    expect(blocks(checkTravel(form({ hostStatement: undefined }), facts({})))).toEqual(['TRAVEL-09']);
    expect(blocks(hostFees({ hostStatement: { mealDays: ['2026-11-05'], vehicleDays: [] }, vouchers: [] }))).toEqual(['TRAVEL-10']);
    expect(blocks(hostFees({ hostStatement: { mealDays: ['2026-11-05'], vehicleDays: [], workMealDay: '2026-11-05' }, vouchers: [] }))).toEqual([]);
    expect(blocks(hostFees({ hostStatement: { mealDays: ['2026-11-05'], vehicleDays: ['2026-11-05'], workMealDay: '2026-11-05' }, vouchers: [] }))).toEqual(['TRAVEL-10']);
    expect(blocks(hostFees({ hostStatement: { mealDays: ['2026-11-05'], vehicleDays: [] }, vouchers: [{ kind: 'host_fee_receipt', ref: '伙食费收据No.3' }] }))).toEqual([]);
  });
});

describe('五不直接分管: personnel, construction, administrative approval', () => {
  it('FIVE-08 AS-B44: personnel documents need the 党组 decision and the personnel leader, never the principal', async () => {
    const f = await excludedAreaFacts(t.database.db, 'personnel', '2026-11-02');
    expect(f.leaderInChargeId).toBe('psn_liminghua');
    expect(f.principalId).toBeTruthy();
    expect(blocks(checkExcludedArea({ area: 'personnel', signerId: 'psn_liminghua', ...f }))).toEqual(['FIVE-08']);
    expect(blocks(checkExcludedArea({ area: 'personnel', signerId: f.principalId!, ...f, decisionId: 'dec1' }))).toEqual(['FIVE-08']);
    expect(blocks(checkExcludedArea({ area: 'personnel', signerId: 'psn_liminghua', ...f, decisionId: 'dec1' }))).toEqual([]);
  });

  it('FIVE-09 FIVE-14: construction and administrative approval by their leader; a major problem needs the decision', async () => {
    for (const [area, id] of [['construction', 'FIVE-09'], ['admin_approval', 'FIVE-14']] as const) {
      const f = await excludedAreaFacts(t.database.db, area, '2026-11-02');
      expect(f.leaderInChargeId).toBe('psn_zhaoguoqiang');
      expect(blocks(checkExcludedArea({ area, signerId: 'psn_zhaoguoqiang', ...f }))).toEqual([]);
      expect(blocks(checkExcludedArea({ area, signerId: 'psn_zhaoguoqiang', ...f, major: true }))).toEqual([id]);
      expect(blocks(checkExcludedArea({ area, signerId: 'psn_liminghua', ...f }))).toEqual([id]);
      expect(blocks(checkExcludedArea({ area, signerId: f.principalId!, ...f }))).toEqual([id]);
      expect(blocks(checkExcludedArea({ area, signerId: 'psn_zhaoguoqiang', ...f, leaderInChargeId: null }))).toEqual([id]);
    }
  });
});

describe('registered duties', () => {
  it('RECEP-01 RECEP-03 RECEP-04 RECEP-13 RECEP-25 RECEP-26 RECEP-27 FIN-02 FIN-03 FIN-16 FIN-17 FIN-18: registered with their article and enforcement', () => {
    const expected: Record<string, string> = {
      'RECEP-01': 'record', 'RECEP-03': 'record', 'RECEP-04': 'record', 'RECEP-13': 'record', 'RECEP-25': 'enforce', 'RECEP-26': 'remind', 'RECEP-27': 'record',
      'FIN-02': 'enforce', 'FIN-03': 'remind', 'FIN-16': 'report', 'FIN-17': 'record', 'FIN-18': 'remind',
    };
    for (const [id, enforcement] of Object.entries(expected)) {
      const r = getRule(id);
      expect(r, id).toBeTruthy();
      expect(r!.spec.enforcement, id).toBe(enforcement);
      expect(r!.spec.cite, id).toMatch(/《|流程图/);
    }
  });
});

describe('violation register', () => {
  it('FIN-17 RECEP-27: a confirmed violation is recorded under the right article, audited, listed and exported; bad input changes nothing', async () => {
    const hub = await ctxFor(t, 'liuyang');
    const before = (await listViolations(hub)).length;
    const r = await recordViolation(hub, { violatedRuleIds: ['RECEP-24'], occurredOn: '2026-11-05', facts: '接待中赠送土特产品', directPersonIds: ['psn_tangning'], leaderPersonIds: ['psn_hanbing'], handling: '责令退赔，诫勉谈话' });
    expect(r.ruleId).toBe('RECEP-27');
    const f = await recordViolation(hub, { violatedRuleIds: ['FIN-10'], occurredOn: '2026-11-06', facts: '超限额现金支付', directPersonIds: ['psn_tangning'], handling: '依会计法处理' });
    expect(f.ruleId).toBe('FIN-17');
    const bad = await rejected(recordViolation(hub, { violatedRuleIds: ['FIN-10'], occurredOn: '2026-11-06', facts: '超限额现金支付', directPersonIds: ['psn_nobody'], handling: '依会计法处理' }));
    expect(bad.rule?.id).toBe('FIN-17');
    await rejected(recordViolation(hub, { violatedRuleIds: ['XX-99'], occurredOn: '2026-11-06', facts: '不明', directPersonIds: ['psn_tangning'], handling: '处理' }));
    const list = await listViolations(hub);
    expect(list.length).toBe(before + 2);
    expect(list.find((x) => x.id === r.id)?.directNames).toBe('唐宁');
    const audits = await rows<{ n: number }>(t.database.db, sql`select count(*)::int as n from audit_log where object_id = ${r.id}`);
    expect(audits[0].n).toBe(1);
    const ok = await t.app.inject({ method: 'GET', url: '/api/v1/finance/ledger/violations.xlsx', headers: { cookie: await t.cookieFor('liuyang') } });
    expect(ok.statusCode).toBe(200);
    expect(ok.rawPayload.subarray(0, 2).toString()).toBe('PK');
    const no = await t.app.inject({ method: 'GET', url: '/api/v1/finance/ledger/violations.xlsx', headers: { cookie: await t.cookieFor('tangning') } });
    expect(no.statusCode).toBe(403);
  });
});

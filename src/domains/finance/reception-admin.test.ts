import ExcelJS from 'exceljs';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/support/app';
import { ctxFor } from '../../../test/support/ctx';
import { rows } from '../../kernel/db';
import type { Verdict } from '../../kernel/rules';
import type { LodgingLineValue, MealValue } from './form';
import { budgetSummary, checkBudget, setReceptionBudget } from './reception-budget';
import { fileReception, recordReceptionPayment, remindReceptionFiling, unfiledReceptions } from './reception-filing';
import { checkLodging, listHotels, saveHotel, type Hotel } from './reception-lodging';
import { fillReceptionList, reviewReceptionList, submitClaim, submitReception } from './service';
import { rejected, sign, statusOf, taskOf } from './test-helpers';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t?.close());

const flagged = (v: Verdict[], outcome: 'block' | 'warn') => v.filter((x) => x.outcome === outcome) as Extract<Verdict, { outcome: 'block' | 'warn' }>[];
const HOTEL: Hotel = { id: 'htl_a', name: '定点宾馆甲', kind: 'designated', address: '', prices: { standard: 26_000 }, agreementRef: '', active: true };
const room = (over: Partial<LodgingLineValue> = {}): LodgingLineValue => ({
  hotelId: 'htl_a', hotelName: '', roomType: 'standard', occupant: 'guest', occupantName: '', checkIn: '2026-11-05', nights: 1, rateFen: 26_000, ...over,
});

describe('RECEP-14 lodging (pure)', () => {
  it('RECEP-14 AS-D18: local accompanying staff lodge only when flagged 必要工作人员 with a reason', () => {
    const two = [room({ occupant: 'local', occupantName: '韩冰' }), room({ occupant: 'local', occupantName: '唐宁' })];
    const both = flagged(checkLodging(two, [HOTEL]), 'block');
    expect(both.map((v) => [v.ruleId, (v.details as { line: number }).line])).toEqual([['RECEP-14', 0], ['RECEP-14', 1]]);
    const one = [room({ occupant: 'necessary_staff', occupantName: '韩冰', justification: '负责次日早会材料' }), two[1]];
    const left = flagged(checkLodging(one, [HOTEL]), 'block');
    expect(left).toHaveLength(1);
    expect((left[0].details as { line: number }).line).toBe(1);
    expect(left[0].message).toContain('当地陪同人员一律不安排住宿');
    // The flag without its reason is not enough.
    expect(flagged(checkLodging([room({ occupant: 'necessary_staff' })], [HOTEL]), 'block')[0].message).toContain('须说明理由');
  });

  it('RECEP-14 AS-D19: a suite at the agreement price warns; a standard room above it is blocked', () => {
    const suite = checkLodging([room({ roomType: 'suite', rateFen: 26_000 })], [HOTEL]);
    expect(flagged(suite, 'block')).toEqual([]);
    expect(flagged(suite, 'warn').map((v) => v.ruleId)).toEqual(['RECEP-14']);
    const dear = flagged(checkLodging([room({ rateFen: 30_000 })], [HOTEL]), 'block');
    expect(dear.map((v) => v.ruleId)).toEqual(['RECEP-14']);
    expect(dear[0].message).toContain('高于定点宾馆甲协议价格260.00元');
    expect(flagged(checkLodging([room({ rateFen: 26_000 })], [HOTEL]), 'block')).toEqual([]);
  });

  it('RECEP-14(a)(b): an unlisted or stopped hotel is refused; a rate above the local standard is refused', () => {
    expect(flagged(checkLodging([room({ hotelId: '', hotelName: '某快捷酒店' })], [HOTEL]), 'block')[0].message).toContain('不是定点宾馆');
    expect(flagged(checkLodging([room()], [{ ...HOTEL, active: false }]), 'block')).toHaveLength(1);
    const rich = { ...HOTEL, prices: { standard: 50_000 } };
    expect(flagged(checkLodging([room({ rateFen: 40_000 })], [rich], 35_000), 'block')[0].message).toContain('超过当地财政住宿标准350.00元');
  });
});

describe('RECEP-21(a) budget (pure)', () => {
  it('RECEP-21 AS-D23: 50,000.00 with 48,500.00 used blocks 2,000.00 and passes 1,500.00; no budget warns', () => {
    const s = { year: 2024, totalFen: 5_000_000, committedFen: 3_000_000, paidFen: 1_850_000, remainingFen: 150_000, note: '' };
    expect(checkBudget(s, 200_000).map((v) => [v.outcome, v.ruleId])).toEqual([['block', 'RECEP-21']]);
    expect(checkBudget(s, 150_000)).toEqual([]);
    expect(checkBudget({ ...s, totalFen: null }, 1).map((v) => v.outcome)).toEqual(['warn']);
  });
});

const letter = { issuer: '白城市洮北区扶贫办', docNo: '洮扶函〔2026〕20号', issuedOn: '2026-10-28', content: '汇报工作', itinerary: '来白一天', persons: '王某等6人', fileRef: '公函.pdf' };
const meal = (over: Partial<MealValue> = {}): MealValue => ({ date: '2026-11-05', type: 'buffet_lunch', venue: '机关食堂', guests: 6, accompanying: 3, staff: 0, amountFen: 63_000, drinksFen: 0, ...over });
const report = (over: Record<string, unknown> = {}) => ({
  letter, guestUnit: '白城市洮北区扶贫办', purpose: '汇报产业扶贫项目进展', purposeCategory: 'report', visitorCategory: 's4', visitStart: '2026-11-05', visitEnd: '2026-11-06',
  guests: 6, leadGuest: '王某 主任', arrangement: '座谈，自助午餐，住白城宾馆一晚', accompanyNames: ['韩冰'], meals: [meal()], workMealReason: '座谈延至中午', ...over,
});
const hotelId = async (name: string) => (await listHotels(await ctxFor(t, 'liuyang'))).find((h) => h.name === name)!.id;

describe('receptions: hotels, budget, payment and filing', () => {
  it('RECEP-14 AS-D18 AS-D19: the demo hotel list is kept by 综合科; ORS-F1 lodging lines are checked at submission', async () => {
    const hotels = await listHotels(await ctxFor(t, 'tangning'));
    expect(hotels.map((h) => h.name)).toEqual(expect.arrayContaining(['白城宾馆', '鹤乡大酒店', '市直机关接待中心']));
    expect((await rejected(saveHotel(await ctxFor(t, 'liuyang'), { name: '', kind: 'designated', prices: { standard: 1 } }))).status).toBe(400);
    const forbidden = await t.app.inject({ method: 'POST', url: '/api/v1/finance/reception-hotels', headers: { cookie: await t.cookieFor('tangning') }, payload: { name: 'x', kind: 'designated', prices: { standard: 100 } } });
    expect(forbidden.statusCode).toBe(403);
    const me = await ctxFor(t, 'tangning');
    const baicheng = await hotelId('白城宾馆');
    const local = (await rejected(submitReception(me, report({ lodging: [room({ hotelId: baicheng, occupant: 'local' }), room({ hotelId: baicheng, occupant: 'local' })] }))));
    expect(local.rule?.id).toBe('RECEP-14');
    const over = await rejected(submitReception(me, report({ lodging: [room({ hotelId: baicheng, rateFen: 30_000 })] })));
    expect([over.code, over.rule?.id]).toEqual(['RULE_BLOCKED', 'RECEP-14']);
    const suite = [room({ hotelId: baicheng, roomType: 'suite', rateFen: 26_000, roomTypeReason: '带队领导' })];
    expect((await rejected(submitReception(me, report({ lodging: suite })))).code).toBe('RULE_WARNING');
    const [{ n }] = await rows<{ n: number }>(t.database.db, sql`select count(*)::int as n from finance_receptions where guest_unit = '白城市洮北区扶贫办'`);
    expect(n).toBe(0);
    const ok = await submitReception(me, report({ lodging: suite }), ['RECEP-14']);
    expect(ok.warnings.map((w) => w.ruleId)).toEqual(['RECEP-14']);
  });

  it('RECEP-21 AS-D23: approving a reception that would exceed the year budget is blocked; a budget below use is refused', async () => {
    const hub = await ctxFor(t, 'liuyang');
    await setReceptionBudget(hub, { year: 2027, totalFen: 5_000_000 });
    const visit = { visitStart: '2027-01-12', visitEnd: '2027-01-12', meals: [meal({ date: '2027-01-12' })] };
    const first = await submitReception(await ctxFor(t, 'tangning'), report({ ...visit, estimatedFen: 4_850_000 }));
    for (const u of ['liuyang', 'liminghua', 'chenzhiyuan']) await sign(t, first.instanceId, u);
    expect(await budgetSummary(t.database.db, 2027)).toMatchObject({ totalFen: 5_000_000, committedFen: 4_850_000, paidFen: 0, remainingFen: 150_000 });
    const big = await submitReception(await ctxFor(t, 'tangning'), report({ ...visit, estimatedFen: 200_000 }));
    const err = await rejected(sign(t, big.instanceId, 'liuyang'));
    expect([err.code, err.rule?.id]).toEqual(['RULE_BLOCKED', 'RECEP-21']);
    expect(err.message).toContain('尚余1,500.00元');
    const fits = await submitReception(await ctxFor(t, 'tangning'), report({ ...visit, estimatedFen: 150_000 }));
    for (const u of ['liuyang', 'liminghua', 'chenzhiyuan']) await sign(t, fits.instanceId, u);
    expect(await statusOf(t, fits.instanceId)).toBe('approved');
    expect((await budgetSummary(t.database.db, 2027)).remainingFen).toBe(0);
    expect((await rejected(setReceptionBudget(hub, { year: 2027, totalFen: 4_000_000 }))).rule?.id).toBe('RECEP-21');
    expect((await rejected(setReceptionBudget(await ctxFor(t, 'liuyang'), { year: 2027, totalFen: -1 }))).status).toBe(400);
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/finance/reception-budgets/2027', headers: { cookie: await t.cookieFor('tangning') } });
    expect(res.json()).toMatchObject({ totalFen: 5_000_000, committedFen: 5_000_000, remainingFen: 0 });
  });

  it('AS-D24 RECEP-25 RECEP-21 RECEP-26: signed in order, paid by our office only, filed with 综合科, then read-only', async () => {
    const me = await ctxFor(t, 'tangning');
    const baicheng = await hotelId('白城宾馆');
    const guestRoom = room({ hotelId: baicheng, occupantName: '王某' });
    const r = await submitReception(me, report({ lodging: [guestRoom] }));
    for (const u of ['liuyang', 'liminghua', 'chenzhiyuan']) await sign(t, r.instanceId, u);
    const [printed] = await rows<{ hotel: string }>(t.database.db, sql`select form->'lodging'->0->>'hotelName' as hotel from flow_instances where id = ${r.instanceId}`);
    expect(printed.hotel).toBe('白城宾馆');
    const list = { guestNames: '王某（主任）等6人', activities: '座谈汇报', meals: [meal()], lodgingLines: [guestRoom], totalFen: 89_000 };
    // RECEP-21(d): a cost paid by a subordinate unit is not a settled reception cost.
    const shifted = await rejected(fillReceptionList(me, r.id, { ...list, otherCosts: [{ item: '会议室茶歇', amountFen: 5_000, payer: 'subordinate' }] }));
    expect(shifted.rule?.id).toBe('RECEP-21');
    expect((await rejected(fillReceptionList(me, r.id, { ...list, lodgingLines: [{ ...guestRoom, occupant: 'local' }] }))).rule?.id).toBe('RECEP-14');
    await fillReceptionList(me, r.id, list);
    await reviewReceptionList(await ctxFor(t, 'hanbing'), r.id);
    const claim = await submitClaim(me, {
      category: 'reception', purpose: '洮北区扶贫办来白接待', payee: '白城宾馆、机关食堂', receptionId: r.id, attested: true,
      lines: [{ description: '自助午餐9人', amountFen: 63_000, paymentMethod: 'card' }, { description: '住宿1间1晚', amountFen: 26_000, paymentMethod: 'transfer' }],
      vouchers: [{ kind: 'invoice', ref: '发票No.9001' }, { kind: 'settlement_bill', ref: '结算单' }, { kind: 'pos_slip', ref: 'POS-9', line: 0 }],
    });
    // RECEP-25: 经手人 → 接待科室负责人 → 财务 → 分管财务领导 → 主要领导; nobody signs ahead of turn.
    for (const early of ['mali', 'liminghua', 'chenzhiyuan']) await expect(taskOf(t, claim.instanceId, early)).rejects.toThrow();
    await sign(t, claim.instanceId, 'hanbing');
    for (const early of ['liminghua', 'chenzhiyuan']) await expect(taskOf(t, claim.instanceId, early)).rejects.toThrow();
    await sign(t, claim.instanceId, 'mali');
    await expect(taskOf(t, claim.instanceId, 'chenzhiyuan')).rejects.toThrow();
    for (const u of ['liminghua', 'chenzhiyuan']) await sign(t, claim.instanceId, u);
    expect(await statusOf(t, claim.instanceId)).toBe('approved');

    const fin = await ctxFor(t, 'mali');
    const early = await rejected(fileReception(fin, r.id, { archiveRef: 'JD-2026-001' }));
    expect(early.rule?.id).toBe('RECEP-26');
    expect(early.message).toContain('支付凭证');
    expect((await rejected(recordReceptionPayment(fin, r.id, { paidOn: '2026-11-02', method: 'transfer', payer: 'enterprise', proofRef: '回单1' }))).rule?.id).toBe('RECEP-21');
    expect((await rejected(recordReceptionPayment(fin, r.id, { paidOn: '2026-11-02', method: 'cash', payer: 'office', proofRef: '回单1' }))).rule?.id).toBe('RECEP-23');
    const paid = await t.app.inject({ method: 'POST', url: `/api/v1/finance/receptions/${r.id}/payment`, headers: { cookie: await t.cookieFor('tangning') }, payload: { paidOn: '2026-11-02', method: 'transfer', payer: 'office', proofRef: '回单1' } });
    expect(paid.statusCode).toBe(403);
    const committed = (await budgetSummary(t.database.db, 2026)).committedFen;
    await recordReceptionPayment(fin, r.id, { paidOn: '2026-11-02', method: 'transfer', payer: 'office', proofRef: '银行回单 20261102-01' });
    const after = await budgetSummary(t.database.db, 2026);
    expect(after.paidFen).toBe(89_000);
    expect(committed - after.committedFen).toBe(89_000);

    // RECEP-26: 10 working days after 2026-11-02 is 2026-11-16; overdue from the 17th, reminded once.
    const [due] = (await unfiledReceptions(fin)).filter((x) => x.id === r.id);
    expect(due).toMatchObject({ dueOn: '2026-11-16', overdue: false });
    expect(await remindReceptionFiling(t.database, t.clock)).toBe(0);
    t.clock.set('2026-11-17T09:00:00+08:00');
    expect((await unfiledReceptions(fin)).find((x) => x.id === r.id)?.overdue).toBe(true);
    expect(await remindReceptionFiling(t.database, t.clock)).toBe(1);
    expect(await remindReceptionFiling(t.database, t.clock)).toBe(0);
    const notes = await rows<{ recipient_person_id: string; body: string }>(t.database.db, sql`select recipient_person_id, body from notifications where object_type = 'finance_reception_filing' and object_id = ${r.id}`);
    expect(notes.map((n) => n.recipient_person_id).sort()).toEqual(['psn_liuyang', 'psn_tangning']);
    expect(notes[0].body).toContain('RECEP-26');

    expect((await rejected(fileReception(fin, r.id, { archiveRef: '' }))).status).toBe(400);
    await fileReception(fin, r.id, { archiveRef: 'JD-2026-001' });
    expect((await unfiledReceptions(fin)).some((x) => x.id === r.id)).toBe(false);
    const [audited] = await rows<{ n: number }>(t.database.db, sql`select count(*)::int as n from audit_log where event = 'finance.reception.filed' and object_id = ${r.id}`);
    expect(audited.n).toBe(1);
    // Read-only after filing: every further change cites RECEP-26.
    expect((await rejected(fillReceptionList(me, r.id, list))).rule?.id).toBe('RECEP-26');
    expect((await rejected(reviewReceptionList(await ctxFor(t, 'hanbing'), r.id))).rule?.id).toBe('RECEP-26');
    expect((await rejected(fileReception(fin, r.id, { archiveRef: 'JD-2026-002' }))).rule?.id).toBe('RECEP-26');
    expect((await rejected(recordReceptionPayment(fin, r.id, { paidOn: '2026-11-03', method: 'transfer', payer: 'office', proofRef: 'x' }))).rule?.id).toBe('RECEP-26');
    const again = await rejected(submitClaim(me, { category: 'reception', purpose: '补报', payee: '白城宾馆', receptionId: r.id, attested: true,
      lines: [{ description: '住宿', amountFen: 1_000, paymentMethod: 'transfer' }], vouchers: [{ kind: 'invoice', ref: 'x' }, { kind: 'settlement_bill', ref: 'y' }] }));
    expect(again.rule?.id).toBe('RECEP-26');
    // The database keeps the filed set as well (reception.repeatable.sql).
    await expect(t.database.db.execute(sql`update finance_receptions set guests = 99 where id = ${r.id}`)).rejects.toThrow();
    await expect(t.database.db.execute(sql`delete from finance_receptions where id = ${r.id}`)).rejects.toThrow();

    // E-REC-6: the register by year and unit, exported as XLSX.
    const xlsx = await t.app.inject({ method: 'GET', url: '/api/v1/finance/ledger/receptions.xlsx?year=2026', headers: { cookie: await t.cookieFor('liuyang') } });
    expect(xlsx.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const sheet = wb.worksheets[0];
    const header = (sheet.getRow(1).values as unknown[]).map(String);
    const rowsOut = sheet.getSheetValues().slice(2).map((v) => (v as unknown[]).map((c) => (c == null ? '' : String(c))));
    const filed = rowsOut.find((v) => v.includes('JD-2026-001'))!;
    expect(filed[header.indexOf('备案日期')]).toBe('2026-11-17');
    expect(filed[header.indexOf('支付金额（元）')]).toBe('890');
    expect(rowsOut.every((v) => !v.join('').includes('2027-01-12'))).toBe(true);
    const none = await t.app.inject({ method: 'GET', url: '/api/v1/finance/receptions?scope=all&year=2026&unitId=unit_none', headers: { cookie: await t.cookieFor('liuyang') } });
    expect(none.json().items).toEqual([]);
    t.clock.set('2026-11-02T09:00:00+08:00');
  });
});

import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/support/app';
import { ctxFor } from '../../../test/support/ctx';
import { rows } from '../../kernel/db';
import { pdfText } from '../../kernel/render/pdf-text';
import { checkNoTrafficFine } from './rules';
import { answerEmergencyRepair, printRepair, recordRepaired, requestEmergencyRepair, returnPart, settleRepair, submitRepair } from './service-repair';
import { addFuel, checkFuelLedger, fuelAmountFen, fuelLedger, printFuel, signFuel } from './service-fuel';
import { arrangeRental, listDriverRecords, printRental, recordDriverEvent, refuseTrafficFineClaim, submitRental, vehicleCosts, vehicleReminders } from './service-fleet';
import { refused, sign, statusOf } from './test-helpers';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t?.close());

const vehicleId = async (plate: string) => (await rows<{ id: string }>(t.database.db, sql`select id from vehicles where plate = ${plate}`))[0].id;
const SHOP = '白城市公务用车定点维修厂（演示）';
const brakes = async (budgetFen = 250_000, over: Record<string, unknown> = {}) =>
  submitRepair(await ctxFor(t, 'wujun'), { vehicleId: await vehicleId('吉G·A1234'), items: [{ item: '更换前刹车片', part: '前刹车片', quantity: 4 }], budgetFen, shop: SHOP, ...over });
const approve = async (instanceId: string) => {
  for (const u of ['gaowei', 'liuyang', 'liminghua']) await sign(t, instanceId, u);
};

describe('车辆维修 (VUR-F2, Art.8–9)', () => {
  it('CAR-09 CAR-10: only a driver fills the form; items and a positive amount; a designated shop unless an emergency is authorised', async () => {
    expect((await refused(submitRepair(await ctxFor(t, 'tangning'), { vehicleId: await vehicleId('吉G·A1234'), items: [{ item: '保养' }], budgetFen: 50_000, shop: SHOP }))).rule?.id).toBe('CAR-09');
    expect((await refused(brakes(0))).rule?.id).toBe('CAR-10');
    const shop = await refused(brakes(250_000, { shop: '路边修理部' }));
    expect(shop.rule?.id).toBe('CAR-09');
    expect(shop.message).toContain('指定修配厂');
  });

  it('CAR-09 AS: the four signatures in the form\'s order (driver → 车辆管理员 → 办公室主任 → 主管领导) come before the repair', async () => {
    const res = await brakes();
    const [plan] = await rows<{ plan: { id: string }[] }>(t.database.db, sql`select plan from flow_instances where id = ${res.instanceId}`);
    expect(plan.plan.map((s) => s.id)).toEqual(['manager', 'office', 'leader']);
    expect((await refused(recordRepaired(await ctxFor(t, 'wujun'), res.id, { repairedAt: '2026-11-02T08:00' }))).rule?.id).toBe('CAR-09');
    await approve(res.instanceId);
    expect(await statusOf(t, 'vehicle_repairs', res.id)).toBe('approved');
    const text = pdfText((await printRepair(await ctxFor(t, 'wujun'), res.id)).pdf);
    for (const s of ['白城市扶贫办车辆维修申请审批单', '吉G·A1234', '吴军', '高伟', '刘洋', '李明华', '2500.00元', '更换前刹车片']) expect(text).toContain(s);
  });

  it('CAR-12 CAR-10 AS: settlement needs the old parts back and an invoice within the approved amount and items; a supplementary form lifts the amount', async () => {
    const res = await brakes();
    await approve(res.instanceId);
    t.clock.set('2026-11-02T15:00:00+08:00');
    await recordRepaired(await ctxFor(t, 'wujun'), res.id, { repairedAt: '2026-11-02T14:00' });
    const hub = await ctxFor(t, 'liuyang');
    const invoice = { invoiceNo: 'FP-9001', amountFen: 250_000, items: ['更换前刹车片'] };
    const parts = await refused(settleRepair(hub, res.id, invoice));
    expect(parts.rule?.id).toBe('CAR-12');
    expect(parts.message).toContain('前刹车片');
    expect((await refused(returnPart(await ctxFor(t, 'wujun'), res.id, { part: '前刹车片', quantity: 4 }))).rule?.id).toBe('CAR-12');
    await returnPart(await ctxFor(t, 'gaowei'), res.id, { part: '前刹车片', quantity: 4 });
    const over = await refused(settleRepair(hub, res.id, { ...invoice, amountFen: 280_000 }));
    expect(over.rule?.id).toBe('CAR-10');
    expect(over.message).toContain('2800.00元');
    expect((await refused(settleRepair(hub, res.id, { ...invoice, items: ['更换前刹车片', '更换轮胎'] }))).rule?.id).toBe('CAR-10');
    const sup = await brakes(280_000, { supplementOf: res.id, items: [{ item: '更换前刹车片', part: '前刹车片', quantity: 4 }] });
    await approve(sup.instanceId);
    await settleRepair(hub, res.id, { ...invoice, amountFen: 280_000 });
    expect(await statusOf(t, 'vehicle_repairs', res.id)).toBe('settled');
    t.clock.set('2026-11-02T09:00:00+08:00');
  });

  it('CAR-11 AS: an emergency repair proceeds on the 综合科长\'s explicit answer; without the back-filled form it is reminded and cannot settle', async () => {
    t.clock.set('2026-11-04T10:00:00+08:00');
    const driver = await ctxFor(t, 'wujun');
    const car = await vehicleId('吉G·A5678');
    const em = await requestEmergencyRepair(driver, { vehicleId: car, reason: '高速公路上水箱漏水，无法到定点修配厂', channel: '电话', items: [{ item: '更换水箱', part: '水箱', quantity: 1 }], budgetFen: 120_000, shop: '大安市路通汽修' });
    expect(em.backfillDue).toBe('2026-11-09');
    expect((await refused(recordRepaired(driver, em.id, { repairedAt: '2026-11-04T10:10' }))).rule?.id).toBe('CAR-11');
    expect((await refused(answerEmergencyRepair(await ctxFor(t, 'gaowei'), em.id, { answer: 'approve' }))).rule?.id).toBe('CAR-11');
    t.clock.set('2026-11-04T10:20:00+08:00');
    await answerEmergencyRepair(await ctxFor(t, 'liuyang'), em.id, { answer: 'approve' });
    t.clock.set('2026-11-04T11:30:00+08:00');
    await recordRepaired(driver, em.id, { repairedAt: '2026-11-04T11:00' });
    await returnPart(await ctxFor(t, 'gaowei'), em.id, { part: '水箱', quantity: 1 });
    const settle = { invoiceNo: 'FP-7', amountFen: 120_000, items: ['更换水箱'] };
    expect((await refused(settleRepair(await ctxFor(t, 'liuyang'), em.id, settle))).rule?.id).toBe('CAR-11');
    t.clock.set('2026-11-10T09:00:00+08:00');
    expect(await vehicleReminders(t.database.db, t.clock)).toBeGreaterThanOrEqual(2);
    const [n] = await rows<{ n: number }>(t.database.db, sql`select count(*)::int as n from notifications where object_id = ${em.id} and recipient_person_id in ('psn_wujun', 'psn_liuyang')`);
    expect(n.n).toBe(2);
    const back = await submitRepair(driver, { vehicleId: car, items: [{ item: '更换水箱', part: '水箱', quantity: 1 }], budgetFen: 120_000, shop: '大安市路通汽修', emergencyRepairId: em.id });
    expect(back.id).toBe(em.id);
    await approve(back.instanceId);
    await settleRepair(await ctxFor(t, 'liuyang'), em.id, settle);
    expect(await statusOf(t, 'vehicle_repairs', em.id)).toBe('settled');
    t.clock.set('2026-11-02T09:00:00+08:00');
  });
});

describe('加油台账 (Art.10)', () => {
  const entry = async (user: string, over: Record<string, unknown> = {}) =>
    addFuel(await ctxFor(t, user), { vehicleId: await vehicleId('吉G·A5678'), fueledAt: '2026-11-01T10:00', station: '白城市定点加油站（演示）', inCity: true, centilitres: 4255, unitPriceFen: 752, payment: 'fuel_card', invoiceNo: 'FP-1', odometerKm: 60_000, driverPersonId: 'psn_wujun', ...over } as never);

  it('CAR-13: the amount is computed in fen, half up (42.55 L × 7.52 = 319.98)', () => {
    expect(fuelAmountFen(4255, 752)).toBe(31_998);
    expect(fuelAmountFen(4256, 750)).toBe(31_920);
  });

  it('CAR-13 AS: signed only by the driver it is incomplete and excluded; one person in both boxes is blocked; driver and manager complete it', async () => {
    const e = await entry('wujun');
    const mine = (await fuelLedger(await ctxFor(t, 'liuyang'), { period: '2026-11' })).find((x) => x.id === e.id)!;
    expect(mine.complete).toBe(false);
    const yearBefore = (await vehicleCosts(await ctxFor(t, 'liuyang'), 2026)).find((c) => c.plate === '吉G·A5678' && c.period === '2026-11')?.fuelFen ?? 0;
    expect((await refused(signFuel(await ctxFor(t, 'wujun'), e.id, 'manager'))).rule?.id).toBe('CAR-13');
    const self = await entry('gaowei', { driverPersonId: 'psn_gaowei' });
    const both = await refused(signFuel(await ctxFor(t, 'gaowei'), self.id, 'manager'));
    expect(both.rule?.id).toBe('CAR-13');
    expect(both.message).toContain('同一人');
    await signFuel(await ctxFor(t, 'gaowei'), e.id, 'manager');
    expect((await fuelLedger(await ctxFor(t, 'liuyang'), { period: '2026-11' })).find((x) => x.id === e.id)!.complete).toBe(true);
    const yearAfter = (await vehicleCosts(await ctxFor(t, 'liuyang'), 2026)).find((c) => c.plate === '吉G·A5678' && c.period === '2026-11')!.fuelFen;
    expect(yearAfter - yearBefore).toBe(31_998);
    // The database refuses one person in both boxes even if the service were bypassed.
    await expect(t.database.db.execute(sql`update vehicle_fuel set manager_person_id = driver_person_id where id = ${self.id}`)).rejects.toThrow();
  });

  it('CAR-13: a non-designated in-city station warns', async () => {
    const w = await refused(entry('wujun', { station: '中石化某加油站' }));
    expect(w.code).toBe('RULE_WARNING');
    expect(w.rule?.id).toBe('CAR-13');
    expect((await entry('wujun', { station: '中石化某加油站', acknowledged: ['CAR-13'] })).warnings.map((x) => x.ruleId)).toEqual(['CAR-13']);
  });

  it('CAR-15 AS: out-of-town fuel paid in cash with no prior report is blocked; a prior report to the 综合科长, the official card and an invoice pass', async () => {
    const out = { inCity: false, station: '松原市中石油', fueledAt: '2026-11-01T14:00', centilitres: 5000, unitPriceFen: 760 };
    const err = await refused(entry('wujun', { ...out, payment: 'cash', invoiceNo: null }));
    expect(err.rule?.id).toBe('CAR-15');
    expect(err.message).toContain('事先向综合科长报告');
    expect((await refused(entry('wujun', { ...out, payment: 'official_card', priorReport: { reportedAt: '2026-11-01T15:00', channel: '电话' } }))).rule?.id).toBe('CAR-15');
    const ok = await entry('wujun', { ...out, payment: 'official_card', invoiceNo: 'FP-88', priorReport: { reportedAt: '2026-11-01T09:00', channel: '电话' } });
    expect(ok.amountFen).toBe(38_000);
  });

  it('CAR-14: only the 综合科负责人 checks the month; an unchecked last month is reminded; the ledger prints with both signatures and the check', async () => {
    expect((await refused(checkFuelLedger(await ctxFor(t, 'gaowei'), { period: '2026-10', findings: '' }))).rule?.id).toBe('CAR-14');
    await addFuel(await ctxFor(t, 'wujun'), { vehicleId: await vehicleId('吉G·A5678'), fueledAt: '2026-10-20T10:00', station: '白城市定点加油站（演示）', inCity: true, centilitres: 3000, unitPriceFen: 750, payment: 'fuel_card', invoiceNo: 'FP-10', driverPersonId: 'psn_wujun' });
    await vehicleReminders(t.database.db, t.clock);
    const [r] = await rows<{ n: number }>(t.database.db, sql`select count(*)::int as n from notifications where object_type = 'vehicle_fuel_check' and object_id = '2026-10' and recipient_person_id = 'psn_liuyang'`);
    expect(r.n).toBe(1);
    await checkFuelLedger(await ctxFor(t, 'liuyang'), { period: '2026-10', findings: '台账与发票相符' });
    await expect(checkFuelLedger(await ctxFor(t, 'liuyang'), { period: '2026-10', findings: '' })).rejects.toThrow(/已核查/);
    const text = pdfText((await printFuel(await ctxFor(t, 'liuyang'), '2026-10')).pdf);
    for (const s of ['加油台账', '吴军', '刘洋', '台账与发票相符', '（未签）']) expect(text).toContain(s);
  });
});

describe('租车 (VUR-F3, CAR-21)', () => {
  const rental = (over: Record<string, unknown> = {}) => ({ passengers: 5, purpose: '陪同省检查组赴镇赉县检查', names: ['唐宁', '韩冰', '许诺', '董雪', '萧然'], startDate: '2026-11-16', endDate: '2026-11-17', places: '白城—镇赉—白城', useCase: 3, ...over });

  it('CAR-21 AS: 5 passengers with 4 names is blocked; with 5 names it is signed 申请科室负责人 → 办公室主任 → 办公室主管领导, arranged and printed', async () => {
    const err = await refused(submitRental(await ctxFor(t, 'tangning'), rental({ names: ['唐宁', '韩冰', '许诺', '董雪'] })));
    expect(err.rule?.id).toBe('CAR-21');
    const res = await submitRental(await ctxFor(t, 'tangning'), rental());
    expect((await refused(arrangeRental(await ctxFor(t, 'liuyang'), res.id, { brandModel: '丰田考斯特' }))).rule?.id).toBe('CAR-21');
    for (const u of ['hanbing', 'liuyang', 'liminghua']) await sign(t, res.instanceId, u);
    await arrangeRental(await ctxFor(t, 'liuyang'), res.id, { brandModel: '丰田考斯特', costFen: 160_000 });
    const text = pdfText((await printRental(await ctxFor(t, 'tangning'), res.id)).pdf);
    for (const s of ['白城市扶贫办租车申请审批单', 'ZC-2026-001', '韩冰', '刘洋', '李明华', '丰田考斯特', '萧然']) expect(text).toContain(s);
    const costs = await vehicleCosts(await ctxFor(t, 'liuyang'), 2026);
    expect(costs.find((c) => c.plate.includes('丰田考斯特'))?.rentalFen).toBe(160_000);
  });

  it('CAR-04 (CONF-65): renting without an Art.4 purpose warns', async () => {
    const w = await refused(submitRental(await ctxFor(t, 'tangning'), rental({ useCase: null })));
    expect(w.code).toBe('RULE_WARNING');
    expect(w.rule?.id).toBe('CAR-04');
  });
});

describe('drivers (Art.11–13)', () => {
  it('CAR-17 AS: a claim line "交通违章罚款 200.00" is refused and recorded against the driver', async () => {
    expect(checkNoTrafficFine([{ description: '加油费' }])[0].outcome).toBe('ok');
    const err = await refused(refuseTrafficFineClaim(await ctxFor(t, 'wujun'), { personId: 'psn_wujun', lines: [{ description: '加油费', amountFen: 30_000 }, { description: '交通违章罚款', amountFen: 20_000 }] }));
    expect(err.code).toBe('RULE_BLOCKED');
    expect(err.rule).toEqual({ id: 'CAR-17', cite: '《公务用车使用管理细则》第十二条' });
    const rec = (await listDriverRecords(await ctxFor(t, 'liuyang'))).find((r) => r.driverName === '吴军' && r.fineFen === 20_000);
    expect(rec?.ruleId).toBe('CAR-17');
    await refuseTrafficFineClaim(await ctxFor(t, 'wujun'), { personId: 'psn_wujun', lines: [{ description: '加油费', amountFen: 30_000 }] });
  });

  it('CAR-16 CAR-18 CAR-06: attendance, accidents and a passenger who drove are recorded with their handling reference, by 综合科 only', async () => {
    const [d] = await rows<{ id: string }>(t.database.db, sql`select id from vehicle_drivers where name = '吴军'`);
    expect((await refused(recordDriverEvent(await ctxFor(t, 'tangning'), { driverId: d.id, kind: 'late', occurredOn: '2026-11-02', description: '迟到' }))).rule?.id).toBe('CAR-02');
    await recordDriverEvent(await ctxFor(t, 'liuyang'), { driverId: d.id, kind: 'overdue', occurredOn: '2026-11-02', description: '出差返回逾期一天，无正当理由' });
    await recordDriverEvent(await ctxFor(t, 'liuyang'), { driverId: d.id, kind: 'passenger_drove', occurredOn: '2026-11-02', description: '乘车人要求其超速行驶', passengerPersonId: 'psn_xunuo' });
    const recs = await listDriverRecords(await ctxFor(t, 'liuyang'));
    expect(recs.find((r) => r.kind === 'overdue')).toMatchObject({ ruleId: 'CAR-16', handlingRef: '工勤人员管理办法、劳动法' });
    expect(recs.find((r) => r.kind === 'passenger_drove')).toMatchObject({ ruleId: 'CAR-06', passengerName: '许诺' });
  });
});

describe('ledgers (CAR-08)', () => {
  it('CAR-08: every vehicle ledger exports as XLSX for 综合科; staff cannot', async () => {
    const hub = await t.cookieFor('liuyang');
    for (const name of ['vehicles', 'drivers', 'requests', 'repairs', 'rentals', 'fuel', 'driver-records', 'costs']) {
      const res = await t.app.inject({ method: 'GET', url: `/api/v1/vehicles/ledger/${name}.xlsx?year=2026`, headers: { cookie: hub } });
      expect(res.statusCode, name).toBe(200);
      expect(res.rawPayload.subarray(0, 2).toString()).toBe('PK');
    }
    const staff = await t.app.inject({ method: 'GET', url: '/api/v1/vehicles/ledger/fuel.xlsx', headers: { cookie: await t.cookieFor('tangning') } });
    expect(staff.statusCode).toBe(403);
  });
});

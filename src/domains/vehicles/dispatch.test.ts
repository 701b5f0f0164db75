import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/support/app';
import { ctxFor } from '../../../test/support/ctx';
import { rows } from '../../kernel/db';
import { pdfText } from '../../kernel/render/pdf-text';
import { getRule } from '../../kernel/rules';
import { assignFleet, lendVehicle, printSlip, recordMunicipalDispatch, recordReturn, submitDispatch } from './service-dispatch';
import { vehicleReminders } from './service-fleet';
import { recordExternal, refused, sign, slip, statusOf } from './test-helpers';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t?.close());

const file = async (user: string, form: Record<string, unknown>, ack: string[] = []) => submitDispatch(await ctxFor(t, user), form, ack);
const vehicleId = async (plate: string) => (await rows<{ id: string }>(t.database.db, sql`select id from vehicles where plate = ${plate}`))[0].id;
const driverId = async (name: string) => (await rows<{ id: string }>(t.database.db, sql`select id from vehicle_drivers where name = ${name}`))[0].id;
/** An own-fleet trip of 唐宁's section, approved by the director. */
async function approvedFleetTrip(start: string, end: string, over: Record<string, unknown> = {}) {
  const res = await file('tangning', slip({ kind: 'fleet', useCase: 4, destination: '洮南市', purpose: '专项督查', userPersonId: 'psn_tangning', startAt: start, endAt: end, passengers: [{ name: '唐宁', kind: 'staff', personId: 'psn_tangning' }], ...over }));
  await sign(t, res.instanceId, 'chenzhiyuan');
  return res;
}

describe('派车单 (VUR-F1): the permitted cases and their documents', () => {
  it('CAR-03 CAR-04 AS: purpose "接送家属" with no Art.4 case is blocked, citing the rule', async () => {
    const err = await refused(file('tangning', slip({ useCase: null, purpose: '接送家属', userPersonId: 'psn_tangning' })));
    expect(err.code).toBe('RULE_BLOCKED');
    expect(err.rule?.id).toBe('CAR-03');
    expect(err.message).toContain('五种用车情形');
    expect(err.message).toContain('《公务用车使用管理细则》第三条');
  });

  it('CAR-04: case (二) without an accompanying principal or deputy leader is blocked; with 李明华 it passes', async () => {
    const two = slip({ useCase: 2, purpose: '陪同省扶贫办副主任调研' });
    expect((await refused(file('liminghua', two))).rule?.id).toBe('CAR-04');
    expect((await refused(file('liminghua', { ...two, accompanyingLeaderId: 'psn_tangning' }))).rule?.id).toBe('CAR-04');
    const ok = await file('liminghua', { ...two, accompanyingLeaderId: 'psn_liminghua' });
    expect(ok.instanceId).toBeTruthy();
    expect((await refused(file('liminghua', slip({ useCase: 5, instructionDocument: null })))).rule?.id).toBe('CAR-04');
    expect((await refused(file('liminghua', slip({ useCase: 3, accompanyingLeaderId: 'psn_liminghua' })))).message).toContain('省办统一安排');
  });

  it('CAR-05 AS: neither a document nor a phone record is blocked; a phone record with date, caller and content passes', async () => {
    const err = await refused(file('liminghua', slip({ documents: [] })));
    expect(err.rule?.id).toBe('CAR-05');
    expect(err.message).toContain('电话记录');
    expect((await refused(file('liminghua', slip({ documents: [], phoneRecord: { date: '2026-11-02', caller: '', content: '通知' } })))).rule?.id).toBe('CAR-05');
    const ok = await file('liminghua', slip({ documents: [], phoneRecord: { date: '2026-11-02', caller: '省扶贫办', content: '通知汇报' } }));
    expect(ok.id).toBeTruthy();
  });

  it('CAR-02 AS: case (一) for a 科员 warns and needs acknowledgement; a 副处级 user does not warn; cases (三)(四) never warn', async () => {
    const staff = slip({ userPersonId: 'psn_tangning', passengers: [{ name: '唐宁', kind: 'staff', personId: 'psn_tangning' }] });
    const warn = await refused(file('tangning', staff));
    expect(warn.code).toBe('RULE_WARNING');
    expect(warn.rule?.id).toBe('CAR-02');
    const res = await file('tangning', staff, ['CAR-02']);
    expect(res.warnings.map((w) => w.ruleId)).toEqual(['CAR-02']);
    expect((await file('liminghua', slip())).warnings).toEqual([]);
    expect((await file('tangning', { ...staff, useCase: 4 })).warnings).toEqual([]);
  });

  it('CAR-07 AS: a family member among the passengers is blocked; an unlinked guest too; a stop without purpose warns', async () => {
    const fam = slip({ passengers: [{ name: '李明华', kind: 'staff' }, { name: '李明华之子', kind: 'other' }] });
    const err = await refused(file('liminghua', fam));
    expect(err.rule?.id).toBe('CAR-07');
    expect(err.message).toContain('李明华之子');
    expect((await refused(file('liminghua', slip({ passengers: [{ name: '省办王处长', kind: 'guest' }] })))).rule?.id).toBe('CAR-07');
    expect((await file('liminghua', slip({ passengers: [{ name: '省办王处长', kind: 'guest', link: '接待审批单2026年第3号' }] }))).id).toBeTruthy();
    const stop = await refused(file('liminghua', slip({ stops: [{ place: '万达广场', purpose: '' }] })));
    expect(stop.code).toBe('RULE_WARNING');
    expect(stop.rule?.id).toBe('CAR-07');
  });

  it('CAR-05: the use period must end after it starts', async () => {
    expect((await refused(file('liminghua', slip({ endAt: '2026-11-05T06:00' })))).rule?.id).toBe('CAR-05');
  });
});

describe('signatures and the municipal dispatch (P-CAR-1)', () => {
  it('CAR-05 AS: the motor pool dispatch cannot be recorded before 主要领导 and the municipal signatures; in order it dispatches and prints every signature', async () => {
    const res = await file('liminghua', slip());
    const hub = await ctxFor(t, 'liuyang');
    const dispatch = { vehicleType: '轿车', count: 1, plates: '吉G·00888', captain: '赵队长' };
    const early = await refused(recordMunicipalDispatch(hub, res.id, dispatch));
    expect(early.rule?.id).toBe('CAR-05');
    expect(early.message).toContain('办主要领导签字');
    await sign(t, res.instanceId, 'chenzhiyuan');
    expect((await refused(recordMunicipalDispatch(hub, res.id, dispatch))).rule?.id).toBe('CAR-05');
    await recordExternal(t, res.instanceId, '市政府办公室副主任', '2026-11-02');
    await recordExternal(t, res.instanceId, '市机关事务管理局分管局长', '2026-11-02');
    expect(await statusOf(t, 'vehicle_requests', res.id)).toBe('approved');
    // Only 综合科 (or the vehicle manager) records the dispatch (CAR-02).
    expect((await refused(recordMunicipalDispatch(await ctxFor(t, 'tangning'), res.id, dispatch))).rule?.id).toBe('CAR-02');
    await recordMunicipalDispatch(hub, res.id, dispatch);
    expect(await statusOf(t, 'vehicle_requests', res.id)).toBe('dispatched');
    const { pdf } = await printSlip(await ctxFor(t, 'liminghua'), res.id);
    const text = pdfText(pdf);
    for (const s of ['各部门公务用车派车单', '部门主要领导', '秘书长', '分管局长', '车队长', '李明华', '陈志远', '市政府办公室副主任', '赵队长', '吉G·00888', '2026年11月5日7时0分']) expect(text).toContain(s);
    const [audited] = await rows<{ n: number }>(t.database.db, sql`select count(*)::int as n from audit_log where object_id = ${res.id} and event = 'vehicles.request.dispatch'`);
    expect(audited.n).toBe(1);
  });

  it('CAR-05: when the principal leader applies himself, his submission is the 部门主要领导 signature', async () => {
    const res = await file('chenzhiyuan', slip({ userPersonId: 'psn_chenzhiyuan', passengers: [] }));
    const [plan] = await rows<{ plan: { id: string }[] }>(t.database.db, sql`select plan from flow_instances where id = ${res.instanceId}`);
    expect(plan.plan.map((s) => s.id)).toEqual(['secretary', 'bureau']);
  });
});

describe('own fleet: central dispatch, no double booking (CAR-02)', () => {
  it('CAR-02: a staff member cannot assign a vehicle; 综合科 can', async () => {
    const res = await approvedFleetTrip('2026-11-09T08:00', '2026-11-09T12:00');
    const a = { vehicleId: await vehicleId('吉G·A5678'), driverId: await driverId('吴军') };
    expect((await refused(assignFleet(await ctxFor(t, 'tangning'), res.id, a))).rule?.id).toBe('CAR-02');
    await assignFleet(await ctxFor(t, 'liuyang'), res.id, a);
    expect(await statusOf(t, 'vehicle_requests', res.id)).toBe('dispatched');
  });

  it('CAR-02: an overlapping trip is refused for the same vehicle and for the same driver, naming the clash; back-to-back is fine', async () => {
    const first = await approvedFleetTrip('2026-11-10T08:00', '2026-11-10T12:00');
    const hub = await ctxFor(t, 'liuyang');
    const car = await vehicleId('吉G·A5678');
    await assignFleet(hub, first.id, { vehicleId: car, driverId: await driverId('吴军') });
    const second = await approvedFleetTrip('2026-11-10T11:00', '2026-11-10T15:00');
    const err = await refused(assignFleet(hub, second.id, { vehicleId: car, driverId: await driverId('高伟') }));
    expect(err.code).toBe('RULE_BLOCKED');
    expect(err.rule).toEqual({ id: 'CAR-02', cite: '《公务用车使用管理细则》第二条' });
    expect(err.message).toContain('吉G·A5678');
    expect(err.message).toContain(first.id);
    const driver = await refused(assignFleet(hub, second.id, { vehicleId: await vehicleId('吉G·A1234'), driverId: await driverId('吴军') }));
    expect(driver.message).toContain('驾驶员吴军');
    expect(await statusOf(t, 'vehicle_requests', second.id)).toBe('approved');
    const next = await approvedFleetTrip('2026-11-10T12:00', '2026-11-10T15:00');
    await assignFleet(hub, next.id, { vehicleId: car, driverId: await driverId('高伟') });
  });

  it('CAR-02 concurrency: two dispatchers assigning one vehicle to two overlapping trips at the same moment — exactly one wins', async () => {
    const a = await approvedFleetTrip('2026-11-11T08:00', '2026-11-11T12:00');
    const b = await approvedFleetTrip('2026-11-11T09:00', '2026-11-11T10:00');
    const car = await vehicleId('吉G·A1234');
    const results = await Promise.allSettled([
      assignFleet(await ctxFor(t, 'liuyang'), a.id, { vehicleId: car, driverId: await driverId('吴军') }),
      assignFleet(await ctxFor(t, 'mali'), b.id, { vehicleId: car, driverId: await driverId('高伟') }),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const loser = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
    expect(loser.reason.rule?.id).toBe('CAR-02');
    const [n] = await rows<{ n: number }>(t.database.db, sql`select count(*)::int as n from vehicle_bookings where resource_id = ${car} and active and start_at < '2026-11-11T04:00:00Z' and end_at > '2026-11-11T00:00:00Z'`);
    expect(n.n).toBe(1);
  });

  it('CAR-02: the database itself refuses an overlapping booking (exclusion constraint)', async () => {
    const car = await vehicleId('吉G·B0001');
    await t.database.db.execute(sql`insert into vehicle_bookings values ('vbk_t1', 'r1', 'vehicle', ${car}, '2026-12-01T00:00:00Z', '2026-12-01T05:00:00Z', true, now())`);
    await expect(t.database.db.execute(sql`insert into vehicle_bookings values ('vbk_t2', 'r2', 'vehicle', ${car}, '2026-12-01T04:00:00Z', '2026-12-01T06:00:00Z', true, now())`)).rejects.toThrow();
    await t.database.db.execute(sql`insert into vehicle_bookings values ('vbk_t3', 'r3', 'vehicle', ${car}, '2026-12-01T05:00:00Z', '2026-12-01T06:00:00Z', true, now())`);
  });

  it('CAR-06: the driver of record cannot be a passenger', async () => {
    const res = await approvedFleetTrip('2026-11-12T08:00', '2026-11-12T10:00', { passengers: [{ name: '唐宁', kind: 'staff', personId: 'psn_tangning' }, { name: '高伟', kind: 'staff', personId: 'psn_gaowei' }] });
    const err = await refused(assignFleet(await ctxFor(t, 'liuyang'), res.id, { vehicleId: await vehicleId('吉G·A5678'), driverId: await driverId('高伟') }));
    expect(err.rule?.id).toBe('CAR-06');
  });

  it('CAR-18: a driver booked for more than the day\'s line warns (fatigue), and can be acknowledged', async () => {
    const hub = await ctxFor(t, 'liuyang');
    const morning = await approvedFleetTrip('2026-11-13T06:00', '2026-11-13T12:00');
    await assignFleet(hub, morning.id, { vehicleId: await vehicleId('吉G·A5678'), driverId: await driverId('吴军') });
    const evening = await approvedFleetTrip('2026-11-13T13:00', '2026-11-13T17:00');
    const a = { vehicleId: await vehicleId('吉G·A1234'), driverId: await driverId('吴军') };
    const warn = await refused(assignFleet(hub, evening.id, a));
    expect(warn.code).toBe('RULE_WARNING');
    expect(warn.rule?.id).toBe('CAR-18');
    expect((await assignFleet(hub, evening.id, { ...a, acknowledged: ['CAR-18'] })).warnings.map((w) => w.ruleId)).toEqual(['CAR-18']);
  });
});

describe('回执 and mileage (CAR-20)', () => {
  it('CAR-20: only the 用车人 signs the return; a late return warns; the odometer moves; a missing receipt is reminded once', async () => {
    const res = await approvedFleetTrip('2026-11-02T09:30', '2026-11-02T11:00');
    const car = await vehicleId('吉G·A5678');
    await assignFleet(await ctxFor(t, 'liuyang'), res.id, { vehicleId: car, driverId: await driverId('高伟'), startKm: 52_300 });
    t.clock.set('2026-11-02T12:00:00+08:00');
    expect(await vehicleReminders(t.database.db, t.clock)).toBeGreaterThanOrEqual(2);
    expect(await vehicleReminders(t.database.db, t.clock)).toBe(0);
    expect((await refused(recordReturn(await ctxFor(t, 'liuyang'), res.id, { returnedAt: '2026-11-02T11:30', endKm: 52_380 }))).code).toBe('FORBIDDEN');
    const late = await refused(recordReturn(await ctxFor(t, 'tangning'), res.id, { returnedAt: '2026-11-02T11:30', endKm: 52_380 }));
    expect(late.rule?.id).toBe('CAR-20');
    await recordReturn(await ctxFor(t, 'tangning'), res.id, { returnedAt: '2026-11-02T11:30', endKm: 52_380, acknowledged: ['CAR-20'] });
    expect(await statusOf(t, 'vehicle_requests', res.id)).toBe('completed');
    const [v] = await rows<{ odometer_km: number }>(t.database.db, sql`select odometer_km from vehicles where id = ${car}`);
    expect(v.odometer_km).toBeGreaterThanOrEqual(52_380);
    const text = pdfText((await printSlip(await ctxFor(t, 'tangning'), res.id)).pdf);
    expect(text).toContain('综合科派车');
    expect(text).toContain('80 km');
    t.clock.set('2026-11-02T09:00:00+08:00');
  });
});

describe('no lending (CAR-22, ASSET-06)', () => {
  it('CAR-22 AS: lending a vehicle to anyone is refused and the attempt audited', async () => {
    const car = await vehicleId('吉G·A1234');
    const err = await refused(lendVehicle(await ctxFor(t, 'liuyang'), car, { to: '某企业' }));
    expect(err.rule?.id).toBe('CAR-22');
    const [a] = await rows<{ outcome: string }>(t.database.db, sql`select outcome from audit_log where event = 'vehicles.lend.refused' and object_id = ${car}`);
    expect(a.outcome).toBe('denied');
  });

  it('CAR-01 CAR-19: the definition and the new-MGOAB-rule record are registered with the article', () => {
    expect(getRule('CAR-01')?.spec.enforcement).toBe('record');
    expect(getRule('CAR-19')?.cite).toBe('《公务用车使用管理细则》第十四条');
  });
});

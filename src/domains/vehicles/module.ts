import { sql } from 'drizzle-orm';
import type { Ctx } from '../../kernel/context';
import type { Module } from '../../kernel/module';
import { grantPermissions } from '../../kernel/access/grants';
import { actOnTask } from '../../kernel/flow';
import { rows } from '../../kernel/db';
import { hashPassword } from '../../kernel/identity/passwords';
import { insertAccount } from '../../kernel/identity/store';
import { loadActor } from '../../kernel/identity/sessions';
import { localDate } from '../../kernel/time';
import { vehicleRoutes } from './routes';
import { assignFleet, recordMunicipalDispatch, submitDispatch } from './service-dispatch';
import { createDriver, createVehicle, recordDriverEvent, vehicleReminders } from './service-fleet';
import { addFuel, signFuel } from './service-fuel';
import './flows';

export const VEHICLE_PERMISSIONS = [
  { code: 'vehicles.use', label: '公务用车：申请派车、租车，驾驶员维修与加油登记，签回执' },
  { code: 'vehicles.manage', label: '公务用车管理：车辆与驾驶员登记、统一调度派车、维修结算（综合科）' },
  { code: 'vehicles.ledger', label: '公务用车台账查阅与导出（综合科、班子成员、纪检监察）' },
];

/**
 * 公务用车 (公务用车使用管理细则): every staff role requests vehicles; 综合科 dispatches and
 * keeps the ledgers, open to the leaders and the discipline inspector.
 */
export const vehiclesModule: Module = {
  name: 'vehicles',
  permissions: VEHICLE_PERMISSIONS,
  routes: vehicleRoutes,
  jobs: [{ name: 'vehicles.reminders', everyMs: 60 * 60_000, run: (database, clock) => vehicleReminders(database.db, clock) }],
  async seedBase(ctx) {
    for (const role of ['staff', 'section_chief', 'leader', 'hub']) await grantPermissions(ctx.db, role, ['vehicles.use']);
    await grantPermissions(ctx.db, 'hub', ['vehicles.manage']);
    for (const role of ['hub', 'leader', 'inspector']) await grantPermissions(ctx.db, role, ['vehicles.ledger']);
  },
  seedDemo,
};

/** Acting as a demo account inside the seeding transaction. */
async function as(ctx: Ctx, username: string): Promise<Ctx> {
  const actor = await loadActor(ctx.db, `acct_${username}`, ctx.clock.now());
  if (!actor) throw new Error(`demo account ${username} missing`);
  return { ...ctx, actor, requestId: `demo-${username}` };
}

async function signAll(ctx: Ctx, instanceId: string, users: string[]): Promise<void> {
  for (const u of users) {
    const [task] = await rows<{ id: string }>(ctx.db, sql`select ft.id from flow_tasks ft join accounts a on a.person_id = ft.assignee_person_id
      where ft.instance_id = ${instanceId} and ft.status = 'pending' and a.username = ${u}`);
    if (!task) throw new Error(`demo: no task for ${u}`);
    await actOnTask(await as(ctx, u), task.id, 'approve', { comment: '同意' });
  }
}

/**
 * The demo fleet: a second driver (吴军, 综合科 工勤 driver, so that the fuel ledger has two
 * different signers — 高伟 is both vehicle manager and driver), two own vehicles and one on
 * long-term assignment from the 机关事务管理局, a dispatched own-fleet trip, a municipal request
 * dispatched by the motor pool, and signed fuel entries. Every demo request runs to its end, so
 * nobody's inbox starts with a vehicle task.
 */
async function seedDemo(ctx: Ctx, opts: { password: string }): Promise<void> {
  await ctx.db.execute(sql`insert into people (id, name, unit_id, grade, work_start_date, party_member, sort_order)
    values ('psn_wujun', '吴军', 'unit_zonghe', 'general', '2012-04-01', false, 125)`);
  await ctx.db.execute(sql`insert into post_holdings (id, person_id, post_code, unit_id, start_date) values ('hold_wujun_driver', 'psn_wujun', 'driver', 'unit_zonghe', '2012-04-01')`);
  await insertAccount(ctx.db, { id: 'acct_wujun', username: 'wujun', displayName: '吴军', personId: 'psn_wujun', passwordHash: await hashPassword(opts.password), mustChangePassword: false, roles: ['staff'] }, ctx.clock.now());

  const hub = await as(ctx, 'liuyang');
  const a1 = await createVehicle(hub, { plate: '吉G·A1234', brandModel: '大众帕萨特', vehicleType: '轿车', ownership: 'own', seats: 5, odometerKm: 86_000 });
  await createVehicle(hub, { plate: '吉G·A5678', brandModel: '丰田汉兰达', vehicleType: '越野车', ownership: 'own', seats: 7, odometerKm: 52_300 });
  await createVehicle(hub, { plate: '吉G·B0001', brandModel: '别克GL8', vehicleType: '商务车', ownership: 'pool', seats: 7, odometerKm: 120_500 });
  await createDriver(hub, { personId: 'psn_gaowei', name: '', licenseNo: '220802198003150011', licenseClass: 'B1', phone: '13804360001' });
  const wu = await createDriver(hub, { personId: 'psn_wujun', name: '', licenseNo: '220802198507200031', licenseClass: 'A2', phone: '13804360002' });
  await createDriver(hub, { personId: null, name: '王师傅（政府车队）', licenseNo: '220802197811110052', licenseClass: 'A1', phone: '13804360003' });

  const now = ctx.clock.now();
  const today = localDate(now);
  const tomorrow = localDate(new Date(now.getTime() + 86_400_000));
  const yesterday = localDate(new Date(now.getTime() - 86_400_000));

  // 唐宁: a 督查 trip on the office's own car (case 四), signed by the director, dispatched by 综合科.
  const trip = await submitDispatch(await as(ctx, 'tangning'), {
    kind: 'fleet', useCase: 4, destination: '洮北区德顺乡', itinerary: '市扶贫办—德顺乡政府—德顺乡胜利村—市扶贫办', purpose: '防返贫监测专项督查',
    userPersonId: 'psn_tangning', startAt: `${tomorrow}T08:30`, endAt: `${tomorrow}T16:30`,
    documents: [{ title: '关于开展防返贫监测专项督查的通知', ref: '白扶办发〔2026〕18号' }], passengers: [{ name: '唐宁', kind: 'staff', personId: 'psn_tangning' }, { name: '许诺', kind: 'staff', personId: 'psn_xunuo' }],
  });
  await signAll(ctx, trip.instanceId, ['chenzhiyuan']);
  await assignFleet(hub, trip.id, { vehicleId: a1.id, driverId: wu.id });

  // 李明华: to the provincial office to report (case 一), requested from the 机关事务管理局.
  const muni = await submitDispatch(await as(ctx, 'liminghua'), {
    kind: 'municipal', useCase: 1, destination: '长春市（省扶贫办）', itinerary: '白城—长春—白城', purpose: '向省扶贫办汇报脱贫攻坚成果巩固工作',
    userPersonId: 'psn_liminghua', startAt: `${tomorrow}T07:00`, endAt: `${tomorrow}T19:00`,
    phoneRecord: { date: today, caller: '省扶贫办综合处', content: '通知赴省办汇报巩固脱贫成果工作' }, passengers: [{ name: '李明华', kind: 'staff', personId: 'psn_liminghua' }],
  });
  await signAll(ctx, muni.instanceId, ['chenzhiyuan']);
  for (const [approver, ref] of [['市政府办公室副主任', '派车单签批'], ['市机关事务管理局分管局长', '派车单同意']] as const) {
    const [task] = await rows<{ id: string }>(ctx.db, sql`select id from flow_tasks where instance_id = ${muni.instanceId} and status = 'pending' and assignee_person_id = 'psn_gaowei'`);
    await actOnTask(await as(ctx, 'gaowei'), task.id, 'record_external', { external: { approver, decision: 'approve', documentRef: ref, decidedOn: today } });
  }
  await recordMunicipalDispatch(hub, muni.id, { vehicleType: '轿车', count: 1, plates: '吉G·00321', captain: '赵队长' });

  // Fuel: 吴军 enters, 高伟 (vehicle manager) countersigns; one entry still awaits the manager.
  const f1 = await addFuel(await as(ctx, 'wujun'), { vehicleId: a1.id, fueledAt: `${yesterday}T10:00`, station: '白城市定点加油站（演示）', inCity: true, centilitres: 4520, unitPriceFen: 752, payment: 'fuel_card', invoiceNo: 'FP-0001', odometerKm: 86_000, driverPersonId: 'psn_wujun' });
  await signFuel(await as(ctx, 'gaowei'), f1.id, 'manager');
  await addFuel(await as(ctx, 'wujun'), { vehicleId: a1.id, fueledAt: `${today}T08:10`.slice(0, 16) <= localMinute(now) ? `${today}T08:10` : `${yesterday}T16:00`, station: '白城市定点加油站（演示）', inCity: true, centilitres: 3800, unitPriceFen: 752, payment: 'fuel_card', invoiceNo: 'FP-0002', odometerKm: 86_420, driverPersonId: 'psn_wujun' });
  await recordDriverEvent(hub, { driverId: wu.id, kind: 'late', occurredOn: yesterday, description: '上午迟到15分钟，已批评教育' });
}

function localMinute(d: Date): string {
  return new Date(d.getTime() + 8 * 3_600_000).toISOString().slice(0, 16);
}

import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { FastifyReply } from 'fastify';
import { contentDisposition } from '../../kernel/render';
import { xlsxStream, XLSX_CONTENT_TYPE, type XlsxColumn } from '../../kernel/render/xlsx';
import { Day, Fen, LocalMinute, RECORD_KINDS } from './form';
import * as L from './ledger';
import * as dispatch from './service-dispatch';
import * as fleet from './service-fleet';
import * as fuel from './service-fuel';
import * as repair from './service-repair';

/** /api/v1/vehicles/*: requests, dispatch, repairs, rentals, fuel ledger, drivers, ledgers. Approvals go through /flow. */
const Id = z.object({ id: z.string().min(1).max(100) });
const Ack = z.array(z.string().max(40)).max(20).optional();
const Submit = z.object({ form: z.record(z.string(), z.unknown()), acknowledged: Ack });
const USE = { permission: 'vehicles.use' };
const MANAGE = { permission: 'vehicles.manage' };
const LEDGER = { permission: 'vehicles.ledger' };
const Period = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, '期间格式应为 YYYY-MM');
const Items = z.array(z.object({ item: z.string().trim().min(1).max(200), part: z.string().trim().max(200).optional(), quantity: z.number().int().min(1).max(1000).optional() })).min(1, '请填写维修项目').max(50);

const pdf = (reply: FastifyReply, out: { pdf: Buffer; fileName: string }) =>
  reply.header('content-type', 'application/pdf').header('content-disposition', contentDisposition(out.fileName, 'inline')).header('cache-control', 'no-store').send(out.pdf);
const xlsx = <T>(reply: FastifyReply, name: string, columns: XlsxColumn<T>[], items: T[]) =>
  reply.header('content-type', XLSX_CONTENT_TYPE).header('content-disposition', contentDisposition(`${name}.xlsx`)).send(xlsxStream(columns, items, { sheetName: name }));

export const vehicleRoutes: FastifyPluginAsyncZod = async (app) => {
  // ---- register
  app.get('/vehicles/vehicles', { config: USE, schema: { summary: '车辆登记簿' } }, async (req) => ({ items: await fleet.listVehicles(req.ctx) }));
  app.post('/vehicles/vehicles', { config: { ...MANAGE, rules: ['CAR-01'] }, schema: { summary: '登记车辆', body: z.object({ plate: z.string().trim().min(2).max(20), brandModel: z.string().trim().min(1).max(60), vehicleType: z.string().trim().min(1).max(20), ownership: z.enum(['own', 'pool', 'rented']), seats: z.number().int().min(1).max(60), odometerKm: z.number().int().min(0).max(3_000_000), assetId: z.string().max(100).nullable().optional() }) } }, async (req, reply) =>
    reply.status(201).send(await fleet.createVehicle(req.ctx, req.body)),
  );
  app.post('/vehicles/vehicles/:id/lend', { config: { ...USE, rules: ['CAR-22', 'ASSET-06'] }, schema: { summary: '出借车辆（一律拒绝）', params: Id, body: z.object({ to: z.string().trim().min(1).max(100) }) } }, async (req) =>
    dispatch.lendVehicle(req.ctx, req.params.id, req.body),
  );
  app.get('/vehicles/drivers', { config: USE, schema: { summary: '驾驶员登记簿' } }, async (req) => ({ items: await fleet.listDrivers(req.ctx) }));
  app.post('/vehicles/drivers', { config: MANAGE, schema: { summary: '登记驾驶员', body: z.object({ personId: z.string().max(100).nullable().optional(), name: z.string().trim().max(50).default(''), licenseNo: z.string().trim().min(1).max(30), licenseClass: z.string().trim().max(10).default('C1'), phone: z.string().trim().max(30).default('') }) } }, async (req, reply) =>
    reply.status(201).send(await fleet.createDriver(req.ctx, req.body)),
  );

  // ---- dispatch (VUR-F1)
  app.post('/vehicles/requests', { config: { ...USE, rules: ['CAR-02', 'CAR-03', 'CAR-04', 'CAR-05', 'CAR-07'] }, schema: { summary: '提交派车单', body: Submit } }, async (req, reply) =>
    reply.status(201).send(await dispatch.submitDispatch(req.ctx, req.body.form, req.body.acknowledged)),
  );
  app.get('/vehicles/requests', { config: USE, schema: { summary: '派车单（本人或全部）', querystring: z.object({ scope: z.enum(['mine', 'all']).default('mine') }) } }, async (req) => ({ items: await dispatch.listRequests(req.ctx, req.query) }));
  app.post('/vehicles/requests/:id/municipal-dispatch', { config: { ...USE, rules: ['CAR-05'] }, schema: { summary: '登记政府车队派车（车队长）', params: Id, body: z.object({ vehicleType: z.string().trim().min(1).max(20).default('轿车'), count: z.number().int().min(1).max(20), plates: z.string().trim().min(1).max(100), captain: z.string().trim().min(1).max(50) }) } }, async (req, reply) => {
    await dispatch.recordMunicipalDispatch(req.ctx, req.params.id, req.body);
    return reply.status(204).send();
  });
  app.post('/vehicles/requests/:id/assign', { config: { ...USE, rules: ['CAR-02', 'CAR-06', 'CAR-18'] }, schema: { summary: '派车：指定本办车辆和驾驶员（综合科）', params: Id, body: z.object({ vehicleId: z.string().min(1).max(100), driverId: z.string().min(1).max(100), startKm: z.number().int().min(0).max(3_000_000).nullable().optional(), acknowledged: Ack }) } }, async (req) =>
    dispatch.assignFleet(req.ctx, req.params.id, req.body),
  );
  app.post('/vehicles/requests/:id/return', { config: { ...USE, rules: ['CAR-20'] }, schema: { summary: '回执：返回时间与用车人签字', params: Id, body: z.object({ returnedAt: LocalMinute, endKm: z.number().int().min(0).max(3_000_000).nullable().optional(), acknowledged: Ack }) } }, async (req) =>
    dispatch.recordReturn(req.ctx, req.params.id, req.body),
  );
  app.get('/vehicles/requests/:id/slip.pdf', { config: USE, schema: { summary: '打印各部门公务用车派车单（PDF）', params: Id } }, async (req, reply) => pdf(reply, await dispatch.printSlip(req.ctx, req.params.id)));

  // ---- repairs (VUR-F2)
  app.post('/vehicles/repairs', { config: { ...USE, rules: ['CAR-09', 'CAR-10'] }, schema: { summary: '提交车辆维修申请审批单（驾驶员）', body: Submit } }, async (req, reply) =>
    reply.status(201).send(await repair.submitRepair(req.ctx, req.body.form, req.body.acknowledged)),
  );
  app.get('/vehicles/repairs', { config: USE, schema: { summary: '车辆维修记录' } }, async (req) => ({ items: await repair.listRepairs(req.ctx) }));
  app.post('/vehicles/repairs/emergency', { config: { ...USE, rules: ['CAR-11'] }, schema: { summary: '紧急维修请示综合科', body: z.object({ vehicleId: z.string().min(1).max(100), reason: z.string().trim().min(1, '请说明原因').max(500), channel: z.enum(['电话', '当面', '短信']), items: Items, budgetFen: Fen, shop: z.string().trim().min(1).max(100) }) } }, async (req, reply) =>
    reply.status(201).send(await repair.requestEmergencyRepair(req.ctx, req.body)),
  );
  app.post('/vehicles/repairs/:id/emergency-answer', { config: { ...USE, rules: ['CAR-11'] }, schema: { summary: '综合科长答复紧急维修请示', params: Id, body: z.object({ answer: z.enum(['approve', 'reject']), comment: z.string().max(500).optional() }) } }, async (req, reply) => {
    await repair.answerEmergencyRepair(req.ctx, req.params.id, req.body);
    return reply.status(204).send();
  });
  app.post('/vehicles/repairs/:id/repaired', { config: { ...USE, rules: ['CAR-09', 'CAR-11'] }, schema: { summary: '登记维修完成', params: Id, body: z.object({ repairedAt: LocalMinute }) } }, async (req, reply) => {
    await repair.recordRepaired(req.ctx, req.params.id, req.body);
    return reply.status(204).send();
  });
  app.post('/vehicles/repairs/:id/parts', { config: { ...USE, rules: ['CAR-12'] }, schema: { summary: '原配件交回（车辆管理员签收）', params: Id, body: z.object({ part: z.string().trim().min(1).max(200), quantity: z.number().int().min(1).max(1000) }) } }, async (req, reply) => {
    await repair.returnPart(req.ctx, req.params.id, req.body);
    return reply.status(204).send();
  });
  app.post('/vehicles/repairs/:id/settle', { config: { ...MANAGE, rules: ['CAR-09', 'CAR-10', 'CAR-11', 'CAR-12'] }, schema: { summary: '维修结算', params: Id, body: z.object({ invoiceNo: z.string().trim().min(1).max(50), amountFen: Fen, items: z.array(z.string().trim().min(1).max(200)).min(1).max(50) }) } }, async (req, reply) => {
    await repair.settleRepair(req.ctx, req.params.id, req.body);
    return reply.status(204).send();
  });
  app.get('/vehicles/repairs/:id/form.pdf', { config: USE, schema: { summary: '打印车辆维修申请审批单（PDF）', params: Id } }, async (req, reply) => pdf(reply, await repair.printRepair(req.ctx, req.params.id)));

  // ---- rentals (VUR-F3)
  app.post('/vehicles/rentals', { config: { ...USE, rules: ['CAR-21', 'CAR-04'] }, schema: { summary: '提交租车申请审批单', body: Submit } }, async (req, reply) =>
    reply.status(201).send(await fleet.submitRental(req.ctx, req.body.form, req.body.acknowledged)),
  );
  app.get('/vehicles/rentals', { config: USE, schema: { summary: '租车申请' } }, async (req) => ({ items: await fleet.listRentals(req.ctx) }));
  app.post('/vehicles/rentals/:id/arrange', { config: { ...USE, rules: ['CAR-21', 'CAR-01'] }, schema: { summary: '综合科安排租车（品牌型号、费用）', params: Id, body: z.object({ brandModel: z.string().trim().min(1).max(60), costFen: Fen.nullable().optional() }) } }, async (req, reply) => {
    await fleet.arrangeRental(req.ctx, req.params.id, req.body);
    return reply.status(204).send();
  });
  app.get('/vehicles/rentals/:id/form.pdf', { config: USE, schema: { summary: '打印租车申请审批单（PDF）', params: Id } }, async (req, reply) => pdf(reply, await fleet.printRental(req.ctx, req.params.id)));

  // ---- fuel ledger (Art.10)
  app.post('/vehicles/fuel', { config: { ...USE, rules: ['CAR-13', 'CAR-15'] }, schema: { summary: '登记加油台账', body: z.object({
    vehicleId: z.string().min(1).max(100), fueledAt: LocalMinute, station: z.string().trim().min(1).max(100), inCity: z.boolean(), centilitres: z.number().int().min(1).max(100_000),
    unitPriceFen: z.number().int().min(1).max(10_000), payment: z.enum(['official_card', 'fuel_card', 'cash', 'transfer']), invoiceNo: z.string().trim().max(50).nullable().optional(),
    odometerKm: z.number().int().min(0).max(3_000_000).nullable().optional(), driverPersonId: z.string().min(1).max(100),
    priorReport: z.object({ reportedAt: LocalMinute, channel: z.string().trim().min(1).max(20) }).nullable().optional(), acknowledged: Ack,
  }) } }, async (req, reply) => reply.status(201).send(await fuel.addFuel(req.ctx, req.body)));
  app.post('/vehicles/fuel/:id/sign', { config: { ...USE, rules: ['CAR-13'] }, schema: { summary: '加油台账签字确认', params: Id, body: z.object({ as: z.enum(['driver', 'manager']) }) } }, async (req, reply) => {
    await fuel.signFuel(req.ctx, req.params.id, req.body.as);
    return reply.status(204).send();
  });
  app.get('/vehicles/fuel', { config: USE, schema: { summary: '加油台账', querystring: z.object({ period: Period.optional(), vehicleId: z.string().max(100).optional() }) } }, async (req) => ({ items: await fuel.fuelLedger(req.ctx, req.query) }));
  app.get('/vehicles/fuel/report', { config: { ...LEDGER, rules: ['CAR-14'] }, schema: { summary: '燃油统计（百公里油耗）' } }, async (req) => ({ items: await fuel.fuelReport(req.ctx), checks: await fuel.fuelChecks(req.ctx) }));
  app.post('/vehicles/fuel/checks', { config: { ...USE, rules: ['CAR-14'] }, schema: { summary: '综合科负责人核查加油台账', body: z.object({ period: Period, findings: z.string().max(1000).default('') }) } }, async (req, reply) =>
    reply.status(201).send(await fuel.checkFuelLedger(req.ctx, req.body)),
  );
  app.get('/vehicles/fuel/:period/ledger.pdf', { config: USE, schema: { summary: '打印加油台账（PDF）', params: z.object({ period: Period }) } }, async (req, reply) => pdf(reply, await fuel.printFuel(req.ctx, req.params.period)));

  // ---- drivers' records, fines
  app.post('/vehicles/driver-records', { config: { ...USE, rules: ['CAR-06', 'CAR-16', 'CAR-17', 'CAR-18'] }, schema: { summary: '登记驾驶员考勤、违章、事故记录', body: z.object({
    driverId: z.string().min(1).max(100), kind: z.enum(Object.keys(RECORD_KINDS) as [keyof typeof RECORD_KINDS]), occurredOn: Day, description: z.string().trim().min(1, '请填写情况').max(1000),
    fineFen: Fen.nullable().optional(), vehicleId: z.string().max(100).nullable().optional(), requestId: z.string().max(100).nullable().optional(), passengerPersonId: z.string().max(100).nullable().optional(),
  }) } }, async (req, reply) => reply.status(201).send(await fleet.recordDriverEvent(req.ctx, req.body)));
  app.get('/vehicles/driver-records', { config: LEDGER, schema: { summary: '驾驶员记录' } }, async (req) => ({ items: await fleet.listDriverRecords(req.ctx) }));
  app.post('/vehicles/fines/claim-check', { config: { permission: 'authenticated', rules: ['CAR-17'] }, schema: { summary: '报销明细交通罚款检查（罚款由驾驶员个人承担）', body: z.object({ personId: z.string().min(1).max(100), lines: z.array(z.object({ description: z.string().max(300), amountFen: Fen.optional(), kind: z.string().max(40).optional() })).max(200) }) } }, async (req) => {
    await fleet.refuseTrafficFineClaim(req.ctx, req.body);
    return { ok: true };
  });

  // ---- reports and ledgers
  app.get('/vehicles/costs', { config: { ...LEDGER, rules: ['CAR-01', 'CAR-08'] }, schema: { summary: '公务用车费（按车辆、按月）', querystring: z.object({ year: z.coerce.number().int().min(2004).max(2100) }) } }, async (req) => ({ items: await fleet.vehicleCosts(req.ctx, req.query.year) }));
  app.get('/vehicles/mileage', { config: LEDGER, schema: { summary: '里程记录' } }, async (req) => ({ items: await fleet.mileage(req.ctx) }));
  app.get('/vehicles/ledger/:name', { config: LEDGER, schema: { summary: '导出公务用车台账（XLSX）', params: z.object({ name: z.enum(['vehicles.xlsx', 'drivers.xlsx', 'requests.xlsx', 'repairs.xlsx', 'rentals.xlsx', 'fuel.xlsx', 'driver-records.xlsx', 'costs.xlsx']) }), querystring: z.object({ year: z.coerce.number().int().min(2004).max(2100).optional() }) } }, async (req, reply) => {
    const ctx = req.ctx;
    switch (req.params.name) {
      case 'vehicles.xlsx': return xlsx(reply, '车辆登记簿', L.VEHICLE_COLUMNS, await fleet.listVehicles(ctx));
      case 'drivers.xlsx': return xlsx(reply, '驾驶员登记簿', L.DRIVER_COLUMNS, await fleet.listDrivers(ctx));
      case 'requests.xlsx': return xlsx(reply, '派车台账', L.REQUEST_COLUMNS, await dispatch.listRequests(ctx, { scope: 'all' }));
      case 'repairs.xlsx': return xlsx(reply, '车辆维修台账', L.REPAIR_COLUMNS, await repair.listRepairs(ctx));
      case 'rentals.xlsx': return xlsx(reply, '租车台账', L.RENTAL_COLUMNS, await fleet.listRentals(ctx));
      case 'fuel.xlsx': return xlsx(reply, '加油台账', L.FUEL_COLUMNS, await fuel.fuelLedger(ctx, {}));
      case 'driver-records.xlsx': return xlsx(reply, '驾驶员记录', L.DRIVER_RECORD_COLUMNS, await fleet.listDriverRecords(ctx));
      case 'costs.xlsx': return xlsx(reply, '公务用车费', L.COST_COLUMNS, await fleet.vehicleCosts(ctx, req.query.year ?? Number(new Date(ctx.clock.now().getTime() + 8 * 3_600_000).toISOString().slice(0, 4))));
    }
  });
};

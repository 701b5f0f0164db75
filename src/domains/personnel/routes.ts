import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { requireActor } from '../../kernel/context';
import { audit } from '../../kernel/audit/write';
import { isLocalDate, localDate } from '../../kernel/time';
import { ATTACHMENT_KINDS } from './form';
import type { Readable } from 'node:stream';
import { GROUNDS } from './attendance';
import { FINDINGS } from './presence';
import { contentDisposition } from '../../kernel/render/download';
import * as svc from './service';
import { outboundLetters, outboundReport, TRIP_MONTH_COLUMNS } from './trip-report';
import { xlsxStream } from '../../kernel/render/xlsx';
import { departureRoutes } from './departure-routes';
import { probationRoutes } from './probation-routes';

/** /api/v1/personnel/*: leave, balances, trips, attendance (综合科). */
const Id = z.object({ id: z.string().min(1).max(100) });
const Day = z.string().refine(isLocalDate, '日期格式应为 YYYY-MM-DD');
const Ack = z.array(z.string().max(40)).max(20).optional();
const Submit = z.object({ form: z.record(z.string(), z.unknown()), acknowledged: Ack });
const Year = z.object({ year: z.coerce.number().int().min(2004).max(2100).optional() });
const ListQuery = Year.extend({ scope: z.enum(['mine', 'team']).default('mine') });

const LEAVE = { permission: 'personnel.leave' };
const ATT = { permission: 'personnel.attendance' };
const thisYear = (req: { ctx: { clock: { now(): Date } } }) => Number(localDate(req.ctx.clock.now()).slice(0, 4));

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const Time = z.string().regex(/^([01]?\d|2[0-3]):[0-5]\d$/, '时间格式应为 HH:MM');

export const personnelRoutes: FastifyPluginAsyncZod = async (app) => {
  // The attendance machine's export arrives as the raw body and is read as a stream; scoped to this plugin.
  app.addContentTypeParser(['text/csv', 'application/octet-stream', XLSX_TYPE], (_req, payload, done) => done(null, payload));
  await app.register(departureRoutes);
  await app.register(probationRoutes);
  app.post('/personnel/leave/preview', { config: { ...LEAVE, rules: ['LEAVE-04', 'LEAVE-05', 'LEAVE-07', 'LEAVE-08', 'LEAVE-11'] }, schema: { summary: '请假预览：天数、余额、审批路径与提示', body: z.object({ form: z.record(z.string(), z.unknown()) }) } }, async (req) =>
    svc.previewLeave(req.ctx, req.body.form),
  );
  app.post('/personnel/leave', { config: { ...LEAVE, rules: ['LEAVE-01', 'LEAVE-08', 'LEAVE-11', 'LEAVE-12', 'LEAVE-14', 'LEAVE-15', 'LEAVE-16'] }, schema: { summary: '提交请假申请', body: Submit } }, async (req, reply) =>
    reply.status(201).send(await svc.submitLeave(req.ctx, req.body.form, req.body.acknowledged)),
  );
  app.get('/personnel/leave', { config: LEAVE, schema: { summary: '请假记录（本人或本科室）', querystring: ListQuery } }, async (req) => ({
    items: await svc.listLeaves(req.ctx, { scope: req.query.scope, year: req.query.year }),
  }));
  app.get('/personnel/leave/:id', { config: LEAVE, schema: { summary: '请假详情', params: Id } }, async (req) => svc.leaveInScope(req.ctx, req.params.id));
  app.post('/personnel/leave/:id/report-back', { config: { ...LEAVE, rules: ['LEAVE-20'] }, schema: { summary: '销假', params: Id, body: z.object({ returnedOn: Day, mode: z.enum(['in_person', 'phone']).default('in_person') }) } }, async (req) =>
    svc.reportBack(req.ctx, req.params.id, req.body),
  );
  app.post(
    '/personnel/leave/:id/extension',
    {
      config: { ...LEAVE, rules: ['LEAVE-19'] },
      schema: {
        summary: '延假（原审批人决定）',
        params: Id,
        body: z.object({ decision: z.enum(['granted', 'refused']), requestedOn: Day, newEndDate: Day.optional(), newEndHalf: z.enum(['full', 'am']).optional(), note: z.string().max(500).optional(), acknowledged: Ack }),
      },
    },
    async (req) => svc.decideExtension(req.ctx, req.params.id, req.body),
  );
  app.post('/personnel/leave/:id/cancel', { config: LEAVE, schema: { summary: '撤回或取消请假', params: Id, body: z.object({ reason: z.string().trim().min(1, '请填写取消理由').max(500) }) } }, async (req) =>
    svc.cancelLeave(req.ctx, req.params.id, req.body.reason),
  );
  app.post('/personnel/leave/:id/evidence', { config: { ...LEAVE, rules: ['LEAVE-17'] }, schema: { summary: '补交证明材料', params: Id, body: z.object({ kind: z.enum(ATTACHMENT_KINDS), name: z.string().trim().min(1).max(200) }) } }, async (req) =>
    svc.addEvidence(req.ctx, req.params.id, req.body),
  );
  app.post('/personnel/leave/:id/fake-sick', { config: { ...ATT, rules: ['ATT-09'] }, schema: { summary: '认定骗取病假（按旷工处理并移送纪检）', params: Id, body: z.object({ evidence: z.string().trim().min(1).max(1000) }) } }, async (req) =>
    svc.reclassifyFakeSickLeave(req.ctx, req.params.id, req.body.evidence),
  );
  app.get('/personnel/balances', { config: LEAVE, schema: { summary: '假期余额（台账）', querystring: Year.extend({ personId: z.string().max(100).optional() }) } }, async (req) =>
    svc.balances(req.ctx, req.query.personId ?? requireActor(req.ctx).personId ?? '', req.query.year ?? thisYear(req)),
  );

  app.post('/personnel/trips/preview', { config: { ...LEAVE, rules: ['TRIP-01'] }, schema: { summary: '公出预览', body: z.object({ form: z.record(z.string(), z.unknown()) }) } }, async (req) =>
    svc.previewTrip(req.ctx, req.body.form),
  );
  app.post('/personnel/trips', { config: { ...LEAVE, rules: ['TRIP-01'] }, schema: { summary: '提交公出审批单', body: Submit } }, async (req, reply) =>
    reply.status(201).send(await svc.submitTrip(req.ctx, req.body.form, req.body.acknowledged)),
  );
  app.get('/personnel/trips', { config: LEAVE, schema: { summary: '公出记录', querystring: ListQuery } }, async (req) => ({ items: await svc.listTrips(req.ctx, { scope: req.query.scope, year: req.query.year }) }));
  app.get('/personnel/trips/report', { config: { ...ATT, rules: ['TRAVEL-07', 'TRAVEL-08'] }, schema: { summary: '公务外出统计（按科室、月份）与发出的公函', querystring: Year } }, async (req) => {
    const year = req.query.year ?? thisYear(req);
    return { year, months: await outboundReport(req.ctx, year), letters: await outboundLetters(req.ctx, year) };
  });
  app.get('/personnel/trips/report.xlsx', { config: { ...ATT, rules: ['TRAVEL-07'] }, schema: { summary: '导出公务外出统计（XLSX）', querystring: Year } }, async (req, reply) => {
    const year = req.query.year ?? thisYear(req);
    return reply.header('content-type', XLSX_TYPE).header('content-disposition', contentDisposition(`${year}年公务外出统计.xlsx`))
      .send(xlsxStream(TRIP_MONTH_COLUMNS, await outboundReport(req.ctx, year), { sheetName: '公务外出统计' }));
  });
  app.get('/personnel/trips/:id', { config: LEAVE, schema: { summary: '公出审批单详情', params: Id } }, async (req) => svc.tripDetail(req.ctx, req.params.id));
  app.post('/personnel/trips/:id/return', { config: { ...LEAVE, rules: ['TRIP-02'] }, schema: { summary: '登记公出返回', params: Id, body: z.object({ returnedOn: Day, justified: z.boolean().optional(), reason: z.string().max(500).optional() }) } }, async (req) =>
    svc.recordTripReturn(req.ctx, req.params.id, req.body),
  );

  app.get('/personnel/attendance/candidates', { config: { ...ATT, rules: ['ATT-03', 'TRIP-01', 'LEAVE-20'] }, schema: { summary: '待认定旷工与只作统计事项', querystring: Year } }, async (req) =>
    svc.absenceCandidates(req.ctx, req.query.year ?? thisYear(req)),
  );
  app.post(
    '/personnel/attendance/absences',
    {
      config: { ...ATT, rules: ['ATT-03'] },
      schema: { summary: '认定旷工', body: z.object({ personId: z.string().max(100), date: Day, halves: z.union([z.literal(1), z.literal(2)]).default(2), ground: z.enum(GROUNDS), evidence: z.string().max(1000), leaveId: z.string().max(100).optional(), tripId: z.string().max(100).optional() }) },
    },
    async (req, reply) => reply.status(201).send(await svc.confirmAbsence(req.ctx, req.body)),
  );
  app.post('/personnel/attendance/absences/dismiss', { config: { ...ATT, rules: ['ATT-03'] }, schema: { summary: '排除旷工嫌疑', body: z.object({ personId: z.string().max(100), date: Day, reason: z.string().max(1000) }) } }, async (req, reply) =>
    reply.status(201).send(await svc.dismissCandidate(req.ctx, req.body)),
  );
  app.get('/personnel/attendance/report', { config: { ...ATT, rules: ['ATT-05', 'ATT-06', 'ATT-07', 'ATT-08'] }, schema: { summary: '年度考勤统计（考核影响）', querystring: Year } }, async (req) => ({
    year: req.query.year ?? thisYear(req),
    items: await svc.yearReport(req.ctx, req.query.year ?? thisYear(req)),
  }));
  app.get('/personnel/attendance/report.xlsx', { config: ATT, schema: { summary: '导出年度考勤统计（XLSX）', querystring: Year } }, async (req, reply) => {
    const year = req.query.year ?? thisYear(req);
    const { candidates, reported } = await svc.absenceCandidates(req.ctx, year);
    const body = await svc.reportXlsx(year, await svc.yearReport(req.ctx, year), candidates, reported);
    await audit(req.ctx, { event: 'personnel.attendance.export', objectType: 'attendance_report', objectId: String(year) });
    const name = `${year}年考勤统计.xlsx`;
    return reply
      .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
      .header('content-disposition', `attachment; filename="attendance-${year}.xlsx"; filename*=UTF-8''${encodeURIComponent(name)}`)
      .header('cache-control', 'no-store')
      .send(body);
  });
  // ATT-02: daily clock-in records; ATT-04: 工作纪律抽查.
  app.post(
    '/personnel/attendance/punches/import',
    { config: { ...ATT, rules: ['ATT-02'] }, schema: { summary: '导入考勤机打卡记录（CSV或XLSX，流式读取，逐行报错）', querystring: z.object({ format: z.enum(['csv', 'xlsx']).optional(), encoding: z.enum(['utf-8', 'gbk']).default('utf-8') }) } },
    async (req) => {
      const type = (req.headers['content-type'] ?? '').split(';')[0]!.trim();
      const format = req.query.format ?? (type === XLSX_TYPE ? 'xlsx' : 'csv');
      return svc.importPunches(req.ctx, req.body as unknown as Readable, format, req.query.encoding);
    },
  );
  app.post(
    '/personnel/attendance/punches',
    { config: { ...ATT, rules: ['ATT-02'] }, schema: { summary: '登记或更正打卡记录（综合科）', body: z.object({ personId: z.string().min(1).max(100), date: Day, clockIn: Time.nullable().optional(), clockOut: Time.nullable().optional(), note: z.string().max(500).optional() }) } },
    async (req, reply) => reply.status(201).send(await svc.recordPunch(req.ctx, req.body)),
  );
  const Range = z.object({ from: Day, to: Day, personId: z.string().max(100).optional() });
  app.get('/personnel/attendance/punches', { config: ATT, schema: { summary: '打卡记录', querystring: Range } }, async (req) => ({ items: await svc.listPunches(req.ctx, req.query) }));
  app.get('/personnel/attendance/punches.xlsx', { config: ATT, schema: { summary: '导出打卡记录（XLSX）', querystring: Range } }, async (req, reply) => {
    const body = await svc.punchesXlsx(req.query.from, req.query.to, await svc.listPunches(req.ctx, req.query));
    await audit(req.ctx, { event: 'personnel.attendance.punches_export', objectType: 'attendance_punches', detail: req.query });
    return reply.header('content-type', XLSX_TYPE).header('content-disposition', contentDisposition(`打卡记录${req.query.from}至${req.query.to}.xlsx`)).header('cache-control', 'no-store').send(body);
  });
  app.post(
    '/personnel/attendance/spot-checks',
    {
      config: { ...ATT, rules: ['ATT-04'] },
      schema: {
        summary: '登记工作纪律抽查',
        body: z.object({
          date: Day,
          time: Time.optional(),
          organiserPersonId: z.string().min(1).max(100),
          checkerPersonId: z.string().min(1).max(100),
          scope: z.string().max(200),
          note: z.string().max(1000).optional(),
          findings: z.array(z.object({ personId: z.string().min(1).max(100), finding: z.enum(FINDINGS), explanation: z.string().max(1000).optional() })).max(500),
        }),
      },
    },
    async (req, reply) => reply.status(201).send(await svc.recordSpotCheck(req.ctx, req.body)),
  );
  app.get('/personnel/attendance/spot-checks', { config: { ...ATT, rules: ['ATT-04'] }, schema: { summary: '工作纪律抽查记录', querystring: Year } }, async (req) => ({
    items: await svc.listSpotChecks(req.ctx, req.query.year ?? thisYear(req)),
  }));
  app.get('/personnel/attendance/spot-checks.xlsx', { config: ATT, schema: { summary: '导出工作纪律抽查记录（XLSX）', querystring: Year } }, async (req, reply) => {
    const year = req.query.year ?? thisYear(req);
    const body = await svc.spotChecksXlsx(year, await svc.listSpotChecks(req.ctx, year));
    await audit(req.ctx, { event: 'personnel.attendance.spot_checks_export', objectType: 'attendance_spot_checks', objectId: String(year) });
    return reply.header('content-type', XLSX_TYPE).header('content-disposition', contentDisposition(`${year}年工作纪律抽查.xlsx`)).header('cache-control', 'no-store').send(body);
  });
  app.post('/personnel/profiles/:id', { config: { ...ATT, rules: ['LEAVE-08', 'LEAVE-13', 'LEAVE-16'] }, schema: { summary: '登记人事信息（性别、在编、参加工作时间）', params: Id, body: z.object({ gender: z.enum(['F', 'M']).nullable().optional(), established: z.boolean().optional(), serviceStart: Day.nullable().optional() }) } }, async (req, reply) => {
    await svc.setProfile(req.ctx, req.params.id, req.body);
    return reply.status(204).send();
  });
};

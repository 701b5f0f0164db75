import type { Readable } from 'node:stream';
import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { requireActor, type Ctx } from '../../kernel/context';
import { audit } from '../../kernel/audit/write';
import { isLocalDate } from '../../kernel/time';
import { contentDisposition, xlsxStream, XLSX_CONTENT_TYPE } from '../../kernel/render';
import { CHANNELS } from './rules';
import * as reg from './register';
import * as mon from './monitoring';
import { runImport, importErrors } from './import';
import { createJob, getJob, listJobs } from './jobs';
import { runReclassify, startReclassify } from './reclassify';
import { householdColumns } from './export';
import { scaleVerdict } from './rules';
import { dutyRoutes } from './duty-routes';
import { measureRoutes } from './measure-routes';

/** /api/v1/poverty/*: the household register, its import and export, and monitoring. */
const READ = { permission: 'poverty.read' };
const MANAGE = { permission: 'poverty.manage' };
const Id = z.object({ id: z.string().min(1).max(100) });
const Level = z.enum(['RED', 'YELLOW', 'BLUE']);
const Day = z.string().refine(isLocalDate, '日期格式应为 YYYY-MM-DD');
const Ack = z.array(z.string().max(40)).max(20).optional();
const Filter = z.object({
  region: z.string().regex(/^\d{6,12}$/).optional(),
  status: z.enum(['none', 'poor', 'exited']).optional(),
  level: Level.optional(),
  monitored: z.enum(['true', 'false']).transform((v) => v === 'true').optional(),
  q: z.string().max(40).optional(),
});
const Fen = z.number().int().min(0).max(1e12);
const Criteria = z.object({
  C1: z.object({ incomeFen: Fen, standardFen: Fen, year: z.number().int() }).optional(),
  C2: z.object({ cause: z.enum(['ILLNESS', 'DISABILITY', 'DISASTER', 'COVID19', 'OTHER']), rigidExpenditureFen: Fen, previousYearIncomeFen: Fen, currentIncomeFen: Fen.optional() }).optional(),
  C3: z.object({ hazards: z.array(z.enum(['COMPULSORY_EDUCATION', 'BASIC_MEDICAL', 'HOUSING_SAFETY', 'DRINKING_WATER'])).max(4) }).optional(),
  C4: z.object({ eventType: z.string().min(1).max(200), eventDate: Day }).optional(),
});

const UPLOAD_TYPES = ['text/csv', 'application/octet-stream', XLSX_CONTENT_TYPE];

export const povertyRoutes: FastifyPluginAsyncZod = async (app) => {
  // Uploads arrive as the raw body and are read as a stream (never buffered whole); this
  // parser is scoped to this plugin's routes.
  app.addContentTypeParser(UPLOAD_TYPES, (_req, payload, done) => done(null, payload));

  app.get('/poverty/regions', { config: READ, schema: { summary: '区划（县、乡镇、村）' } }, async (req) => ({ items: await reg.listRegions(req.ctx) }));
  app.get('/poverty/households', { config: READ, schema: { summary: '农户台账（证件号码脱敏）', querystring: Filter.extend({ page: z.coerce.number().int().min(1).default(1), pageSize: z.coerce.number().int().min(1).max(200).default(20) }) } }, async (req) => {
    const { page, pageSize, ...f } = req.query;
    return reg.listHouseholds(req.ctx, f, page, pageSize);
  });
  app.get('/poverty/households.xlsx', { config: MANAGE, schema: { summary: '导出农户台账（XLSX，脱敏）', querystring: Filter } }, async (req, reply) => {
    await audit(req.ctx, { event: 'poverty.households.export', objectType: 'poverty_households', detail: { filter: req.query } });
    return reply
      .header('content-type', XLSX_CONTENT_TYPE)
      .header('content-disposition', contentDisposition('农户台账.xlsx'))
      .header('cache-control', 'no-store')
      .send(xlsxStream(householdColumns, reg.allHouseholds(req.ctx, req.query), { sheetName: '农户台账' }));
  });
  app.get('/poverty/households/:id', { config: READ, schema: { summary: '农户详情与家庭成员（脱敏）', params: Id } }, async (req) => reg.householdDetail(req.ctx, req.params.id));
  app.post('/poverty/persons/:id/reveal', { config: { permission: 'poverty.reveal' }, schema: { summary: '查看完整证件号码（须填写理由，留痕）', params: Id, body: z.object({ reason: z.string().trim().min(2, '请填写查看理由').max(500) }) } }, async (req) =>
    reg.revealPerson(req.ctx, req.params.id, req.body.reason),
  );

  app.post('/poverty/imports', { config: MANAGE, schema: { summary: '新建导入任务', body: z.object({ fileName: z.string().trim().min(1).max(200) }) } }, async (req, reply) => {
    const actor = requireActor(req.ctx);
    const id = await createJob(req.ctx.db, 'import', { fileName: req.body.fileName, createdBy: actor.accountId, at: req.ctx.clock.now() });
    return reply.status(201).send({ id });
  });
  app.put('/poverty/imports/:id/file', { config: MANAGE, schema: { summary: '上传导入文件（CSV或XLSX，流式读取）', params: Id, querystring: z.object({ encoding: z.enum(['utf-8', 'gbk']).default('utf-8') }) } }, async (req) => {
    const type = (req.headers['content-type'] ?? '').split(';')[0].trim();
    const job = await getJob(req.ctx.db, req.params.id);
    const format = type === XLSX_CONTENT_TYPE || /\.xlsx$/i.test(job.fileName ?? '') ? 'xlsx' : 'csv';
    const length = Number(req.headers['content-length']);
    return runImport(req.server.database, req.ctx, req.params.id, req.body as unknown as Readable, { format, encoding: req.query.encoding, bytesTotal: Number.isFinite(length) ? length : undefined });
  });
  app.get('/poverty/imports', { config: READ, schema: { summary: '导入任务' } }, async (req) => ({ items: await listJobs(req.ctx.db, 'import') }));
  app.get('/poverty/jobs/:id', { config: READ, schema: { summary: '任务进度', params: Id } }, async (req) => getJob(req.ctx.db, req.params.id));
  app.get('/poverty/imports/:id/errors', { config: READ, schema: { summary: '导入错误报告（逐行）', params: Id } }, async (req) => ({ items: await importErrors(req.ctx, req.params.id) }));

  app.get('/poverty/monitoring/hints/:id', { config: { ...READ, rules: ['MON-03', 'MON-04', 'MON-05', 'MON-15', 'MON-16', 'MON-17'] }, schema: { summary: '监测条件与预警等级提示', params: Id } }, async (req) => mon.criteriaHints(req.ctx, req.params.id));
  app.post(
    '/poverty/monitoring',
    { config: { ...MANAGE, rules: ['MON-01', 'MON-09'] }, schema: { summary: '提出纳入监测', body: z.object({ householdId: z.string().max(100), category: z.enum(['UNSTABLE_EXITED', 'MARGINAL']), channel: z.enum(CHANNELS), sectorDepartment: z.string().max(100).optional(), criteria: Criteria, note: z.string().max(1000).optional() }) } },
    async (req, reply) => reply.status(201).send(await mon.proposeMonitoring(req.ctx, req.body)),
  );
  app.post('/poverty/monitoring/:id/verify', { config: { ...MANAGE, rules: ['MON-08', 'MON-10'] }, schema: { summary: '登记核实确认', params: Id, body: z.object({ body: z.string().trim().min(1).max(100), actorName: z.string().trim().min(1).max(100), finding: z.string().trim().min(1).max(1000) }) } }, async (req, reply) => {
    await mon.verifyMonitoring(req.ctx, req.params.id, req.body);
    return reply.status(204).send();
  });
  app.post('/poverty/monitoring/:id/confirm', { config: { ...MANAGE, rules: ['MON-02', 'MON-06', 'MON-07', 'MON-08', 'MON-09', 'MON-10', 'MON-14', 'MON-15'] }, schema: { summary: '县扶贫办确认纳入并确定预警等级', params: Id, body: z.object({ level: Level.nullable().optional(), levelReason: z.string().max(500).optional(), includedOn: Day.optional(), acknowledged: Ack }) } }, async (req) =>
    mon.confirmMonitoring(req.ctx, req.params.id, req.body),
  );
  app.post('/poverty/monitoring/:id/level', { config: { ...MANAGE, rules: ['MON-15'] }, schema: { summary: '调整预警等级（须说明理由）', params: Id, body: z.object({ level: Level, reason: z.string().trim().min(1).max(500), acknowledged: Ack }) } }, async (req) =>
    mon.setLevel(req.ctx, req.params.id, req.body),
  );
  app.post('/poverty/monitoring/:id/exit', { config: { ...MANAGE, rules: ['MON-24', 'MON-19'] }, schema: { summary: '退出监测', params: Id, body: z.object({ incomeStable: z.boolean(), evidence: z.string().max(1000), exitedOn: Day.optional(), acknowledged: Ack }) } }, async (req) =>
    mon.exitMonitoring(req.ctx, req.params.id, req.body),
  );
  app.get('/poverty/monitoring/:id/history', { config: READ, schema: { summary: '监测记录全过程', params: Id } }, async (req) => mon.monitoringHistory(req.ctx, req.params.id));
  app.get('/poverty/monitoring/scale', { config: { ...READ, rules: ['MON-06'] }, schema: { summary: '监测规模（按县，人口口径）' } }, async (req) => ({
    items: (await mon.scaleReport(req.ctx.db)).map((r) => ({ ...r, verdict: scaleVerdict(r.registeredPersons, r.monitoredPersons, r.deepPoverty) })),
  }));
  app.get('/poverty/dashboard', { config: READ, schema: { summary: '监测户按预警等级和村统计' } }, async (req) => ({ byVillage: await mon.levelsByVillage(req.ctx) }));
  app.post('/poverty/reclassify', { config: { ...MANAGE, rules: ['MON-15', 'MON-16', 'MON-17'] }, schema: { summary: '按预警规则重新分级（后台分批执行）' } }, async (req, reply) => {
    const jobId = await startReclassify(req.ctx);
    // Runs after the reply, chunk by chunk; the web app polls /poverty/jobs/:id.
    const ctx: Ctx = { ...req.ctx };
    const embedded = req.server.database.kind === 'pglite';
    setImmediate(() => void runReclassify(ctx, jobId, { embedded }).catch((err: unknown) => req.log.error({ err }, 'reclassify failed')));
    return reply.status(202).send({ jobId });
  });

  await app.register(dutyRoutes);
  await app.register(measureRoutes);
};

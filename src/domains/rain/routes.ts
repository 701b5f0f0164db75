import type { Readable } from 'node:stream';
import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { sql } from 'drizzle-orm';
import { rows } from '../../kernel/db';
import { withTx } from '../../kernel/context';
import { errors } from '../../kernel/errors';
import { isLocalDate, localDate } from '../../kernel/time';
import { contentDisposition, renderFormPdf, xlsxStream, XLSX_CONTENT_TYPE, type XlsxColumn } from '../../kernel/render';
import { audit } from '../../kernel/audit/write';
import { getJob, listJobs } from '../poverty/jobs';
import { HALF_RE, SCHOOL_TYPE_CODES, SEMESTER_RE, semesterLabel, SUMMARY_ATTACHMENTS, type DecisionKind } from './rules';
import * as st from './students';
import * as roll from './roll';
import * as pub from './publicity';
import * as pay from './payments';
import * as rep from './reports';
import { readFile, readLimited, storeFile, filesOf } from './files';
import { confirmationSlip } from './print';

/** /api/v1/rain/*: 雨露计划 — students, comparison jobs, publicity, batches, ledgers, summaries. */
const READ = { permission: 'rain.read' };
const MANAGE = { permission: 'rain.manage' };
const CONFIRM = { permission: 'rain.confirm' };
const Id = z.object({ id: z.string().min(1).max(100) });
const Day = z.string().refine(isLocalDate, '日期格式应为 YYYY-MM-DD');
const Semester = z.string().regex(SEMESTER_RE, '学期格式应为 YYYY-spring 或 YYYY-autumn');
const Half = z.string().regex(HALF_RE, '半年格式应为 YYYY-H1 或 YYYY-H2');
const County = z.string().regex(/^\d{6}$/, '县代码应为6位数字');
const Region = z.string().regex(/^\d{6,12}$/);
const Ack = z.array(z.string().max(40)).max(20).optional();
const Text = (max = 1000) => z.string().trim().min(1, '不能为空').max(max);
const UPLOAD_TYPES = ['text/csv', 'application/octet-stream', XLSX_CONTENT_TYPE, 'image/jpeg', 'image/png', 'application/pdf'];
const yuan = (fen: number) => fen / 100;

const financeColumns: XlsxColumn<Awaited<ReturnType<typeof pay.financeExportRows>>[number]>[] = [
  { header: '乡（镇）', value: (r) => r.townshipName },
  { header: '村', value: (r) => r.villageName },
  { header: '户编号', value: (r) => r.householdCode, width: 18 },
  { header: '户主（收款人）', value: (r) => r.householderName },
  { header: '一卡通（折）账号', value: (r) => r.account, width: 24 },
  { header: '学生姓名', value: (r) => r.studentName },
  { header: '证件号码', value: (r) => r.idMasked, width: 22 },
  { header: '就读学校', value: (r) => r.schoolName, width: 24 },
  { header: '补助金额（元）', value: (r) => yuan(r.amountFen), numFmt: '#,##0.00' },
  { header: '资金来源', value: () => pay.FUND_SOURCE },
];
const listColumns: XlsxColumn<pay.BatchLine>[] = [
  { header: '乡（镇）', value: (r) => r.townshipName },
  { header: '村', value: (r) => r.villageName },
  { header: '户编号', value: (r) => r.householdCode, width: 18 },
  { header: '户主', value: (r) => r.householderName },
  { header: '一卡通账号', value: (r) => r.accountMasked, width: 22 },
  { header: '学生姓名', value: (r) => r.studentName },
  { header: '证件号码', value: (r) => r.idMasked, width: 22 },
  { header: '就读学校', value: (r) => r.schoolName, width: 24 },
  { header: '补助金额（元）', value: (r) => yuan(r.amountFen), numFmt: '#,##0.00' },
];

export const rainRoutes: FastifyPluginAsyncZod = async (app) => {
  // Uploads are the raw body, read as a stream (school rolls) or size-limited (photos, attachments).
  app.addContentTypeParser(UPLOAD_TYPES, (_req, payload, done) => done(null, payload));

  // ---- students and eligibility
  app.get('/rain/students', {
    config: { ...READ, rules: ['RAIN-04', 'RAIN-06', 'RAIN-07', 'RAIN-08', 'RAIN-09', 'RAIN-10', 'RAIN-11', 'RAIN-12'] },
    schema: { summary: '学生名单（含资格与不符合原因）', querystring: z.object({ semester: Semester, region: Region.optional(), eligibility: z.enum(['eligible', 'ineligible', 'needs_decision']).optional(), q: z.string().max(40).optional(), page: z.coerce.number().int().min(1).default(1), pageSize: z.coerce.number().int().min(1).max(500).default(50) }) },
  }, async (req) => {
    const { page, pageSize, ...f } = req.query;
    return st.listStudents(req.ctx, f, page, pageSize);
  });
  app.post('/rain/students', {
    config: { ...MANAGE, rules: ['RAIN-08'] },
    schema: { summary: '登记学生（源头确认）', body: z.object({ personId: z.string().max(100), schoolName: Text(200), schoolLocation: z.string().max(200).nullish(), schoolType: z.enum(SCHOOL_TYPE_CODES as [string, ...string[]]), registrySystem: z.enum(['MOE', 'MOHRSS']).nullish(), studentStatusNo: z.string().max(60).nullish(), enrolmentStatus: z.enum(['IN_SCHOOL', 'POST_INTERNSHIP', 'GRADUATED', 'DROPPED_OUT', 'OUT_OF_SCHOOL']), enrolledOn: Day.nullish(), hukouMovedOut: z.boolean().optional(), secondaryGraduatedOn: Day.nullish(), certificateRef: z.string().max(200).nullish() }) },
  }, async (req, reply) => reply.status(201).send(await st.saveStudent(req.ctx, req.body as st.StudentInput)));
  app.get('/rain/students/:id/decisions', { config: READ, schema: { summary: '领导小组决定记录', params: Id } }, async (req) => ({ items: await st.studentDecisions(req.ctx.db, req.params.id) }));
  app.post('/rain/students/:id/decisions', {
    config: { ...CONFIRM, rules: ['RAIN-08', 'RAIN-10', 'RAIN-13'] },
    schema: { summary: '登记县级扶贫开发领导小组决定', params: Id, body: z.object({ kind: z.enum(['EXITED_BEFORE_FIRST_SUBSIDY', 'OTHER_TYPE', 'DROPOUT_NOT_WRONG']), approved: z.boolean(), decidedOn: Day, ref: Text(200), note: z.string().max(1000).optional() }) },
  }, async (req, reply) => reply.status(201).send(await st.recordDecision(req.ctx, req.params.id, { ...req.body, kind: req.body.kind as DecisionKind })));
  app.post('/rain/households/:id/special-approval', {
    config: { ...CONFIRM, rules: ['RAIN-06', 'RAIN-12'] },
    schema: { summary: '登记特殊情况家庭的领导小组审定', params: Id, body: z.object({ reason: z.enum(['INCOMPLETE_INFO', 'RETURNED_TO_POVERTY', 'OTHER']), approvedOn: Day, procedureRef: Text(300) }) },
  }, async (req, reply) => {
    await st.recordSpecialApproval(req.ctx, req.params.id, req.body);
    return reply.status(204).send();
  });
  app.post('/rain/determinations', { config: { ...MANAGE, rules: ['RAIN-04', 'RAIN-14'] }, schema: { summary: '源头确认：列入本学期补助对象确认', body: z.object({ studentId: z.string().max(100), semester: Semester, inNationalRange: z.boolean() }) } }, async (req, reply) =>
    reply.status(201).send(await st.proposeDetermination(req.ctx, req.body)),
  );

  // ---- semester records, review, status
  app.post('/rain/semesters/review', { config: { ...MANAGE, rules: ['RAIN-14'] }, schema: { summary: '县级复核：确认补助对象和非补助对象', body: z.object({ countyCode: County, semester: Semester }) } }, async (req) => st.reviewSemester(req.ctx, req.body));
  app.post('/rain/semesters/record', {
    config: { ...MANAGE, rules: ['RAIN-14', 'RAIN-22', 'RAIN-26'] },
    schema: { summary: '登记专项通知、户籍筛查、源头确认或录入期限', body: z.object({ countyCode: County, semester: Semester, what: z.enum(['notice', 'hukou', 'source', 'deadline']), date: Day, note: z.string().max(1000).optional() }) },
  }, async (req, reply) => {
    await st.recordSemester(req.ctx, req.body);
    return reply.status(204).send();
  });
  app.get('/rain/semesters/status', { config: { ...READ, rules: ['RAIN-14', 'RAIN-21', 'RAIN-22'] }, schema: { summary: '本学期工作进度', querystring: z.object({ countyCode: County, semester: Semester }) } }, async (req) => {
    const today = localDate(req.ctx.clock.now());
    const [counts] = await rows<{ proposed: number; reviewed: number; publicised: number; confirmed: number; paid: number; cancelled: number }>(
      req.ctx.db,
      sql`select count(*) filter (where status = 'proposed')::int as proposed, count(county_review)::int as reviewed, count(*) filter (where status = 'publicised')::int as publicised,
        count(*) filter (where status = 'confirmed')::int as confirmed, count(*) filter (where status = 'paid')::int as paid, count(*) filter (where status = 'cancelled')::int as cancelled
        from rain_determinations where county_code = ${req.query.countyCode} and semester = ${req.query.semester}`,
    );
    return {
      semesterLabel: semesterLabel(req.query.semester),
      record: (await st.semesterRecord(req.ctx.db, req.query.countyCode, req.query.semester)) ?? null,
      counts,
      entry: await pay.entryStatus(req.ctx.db, req.query.countyCode, req.query.semester, today),
    };
  });

  // ---- comparison and screening jobs
  app.post('/rain/roll-jobs', { config: MANAGE, schema: { summary: '新建学籍比对任务', body: z.object({ fileName: Text(200) }) } }, async (req, reply) => reply.status(201).send({ id: await roll.startRollJob(req.ctx, req.body.fileName) }));
  app.put('/rain/roll-jobs/:id/file', {
    config: { ...MANAGE, rules: ['RAIN-04', 'RAIN-08', 'RAIN-14'] },
    schema: { summary: '上传学籍比对名单（CSV或XLSX，流式读取，按证件号码和姓名匹配）', params: Id, querystring: z.object({ semester: Semester, encoding: z.enum(['utf-8', 'gbk']).default('utf-8') }) },
  }, async (req) => {
    const type = (req.headers['content-type'] ?? '').split(';')[0].trim();
    const job = await getJob(req.ctx.db, req.params.id);
    const format = type === XLSX_CONTENT_TYPE || /\.xlsx$/i.test(job.fileName ?? '') ? 'xlsx' : 'csv';
    const length = Number(req.headers['content-length']);
    return roll.runRollJob(req.server.database, req.ctx, req.params.id, req.query.semester, req.body as unknown as Readable, { format, encoding: req.query.encoding, bytesTotal: Number.isFinite(length) ? length : undefined });
  });
  app.post('/rain/screening', { config: { ...MANAGE, rules: ['RAIN-14'] }, schema: { summary: '户籍筛查（新成长劳动力与学籍比对）', body: z.object({ countyCode: County, semester: Semester }) } }, async (req) => roll.runScreening(req.ctx, req.body));
  app.get('/rain/jobs', { config: READ, schema: { summary: '比对与筛查任务', querystring: z.object({ kind: z.enum(['rain-roll', 'rain-screening']).default('rain-roll') }) } }, async (req) => ({ items: await listJobs(req.ctx.db, req.query.kind) }));
  app.get('/rain/jobs/:id', { config: READ, schema: { summary: '任务进度', params: Id } }, async (req) => {
    const job = await getJob(req.ctx.db, req.params.id);
    if (!job.kind.startsWith('rain-')) throw errors.notFound('任务');
    return job;
  });
  app.get('/rain/jobs/:id/findings', { config: READ, schema: { summary: '比对结果（逐行）', params: Id } }, async (req) => ({ items: await roll.jobFindings(req.ctx, req.params.id) }));

  // ---- publicity and objections
  app.get('/rain/publicities', { config: READ, schema: { summary: '公示记录', querystring: z.object({ semester: Semester }) } }, async (req) => ({ items: await pub.listPublicities(req.ctx.db, req.query.semester) }));
  app.post('/rain/publicities', {
    config: { ...MANAGE, rules: ['RAIN-08', 'RAIN-10', 'RAIN-11', 'RAIN-14', 'RAIN-15'] },
    schema: { summary: '村级公示拟补助对象名单', body: z.object({ villageCode: Region, semester: Semester, place: Text(200), startDate: Day, periodDays: z.number().int().min(1).max(60), acknowledged: Ack }) },
  }, async (req, reply) => reply.status(201).send(await pub.createPublicity(req.ctx, req.body)));
  app.get('/rain/publicities/:id', { config: READ, schema: { summary: '公示详情（名单、照片、举报）', params: Id } }, async (req) => pub.publicityDetail(req.ctx.db, req.params.id));
  app.put('/rain/publicities/:id/photos', { config: { ...MANAGE, rules: ['RAIN-15'] }, schema: { summary: '上传公示现场照片（JPEG/PNG）', params: Id, querystring: z.object({ fileName: z.string().max(200).default('公示现场.jpg') }) } }, async (req, reply) =>
    reply.status(201).send(await pub.addPhoto(req.ctx, req.params.id, req.query.fileName, await readLimited(req.body as unknown as Readable))),
  );
  app.post('/rain/publicities/:id/confirm', { config: { ...CONFIRM, rules: ['RAIN-15', 'RAIN-17'] }, schema: { summary: '县级扶贫领导小组确认公示名单', params: Id, body: z.object({ confirmedOn: Day, ref: Text(200), acknowledged: Ack }) } }, async (req) =>
    pub.confirmPublicity(req.ctx, req.params.id, req.body),
  );
  app.post('/rain/objections', { config: { ...MANAGE, rules: ['RAIN-16', 'RAIN-17'] }, schema: { summary: '登记群众举报', body: z.object({ determinationId: z.string().max(100), reporter: z.string().max(100).optional(), content: Text(2000), filedOn: Day }) } }, async (req, reply) =>
    reply.status(201).send(await pub.fileObjection(req.ctx, req.body)),
  );
  app.post('/rain/objections/:id/verify', { config: { ...MANAGE, rules: ['RAIN-16'] }, schema: { summary: '乡（镇）查实举报', params: Id, body: z.object({ finding: z.enum(['SUBSTANTIATED', 'UNFOUNDED']), note: Text(1000), verifiedOn: Day }) } }, async (req, reply) => {
    await pub.verifyObjection(req.ctx, req.params.id, req.body);
    return reply.status(204).send();
  });
  app.post('/rain/objections/:id/decide', { config: { ...CONFIRM, rules: ['RAIN-16'] }, schema: { summary: '县级扶贫部门核准（取消补助资格）或驳回', params: Id, body: z.object({ approve: z.boolean(), note: Text(1000), decidedOn: Day }) } }, async (req, reply) => {
    await pub.decideObjection(req.ctx, req.params.id, req.body);
    return reply.status(204).send();
  });
  app.get('/rain/files/:id', { config: READ, schema: { summary: '查看附件或照片', params: Id } }, async (req, reply) => {
    const f = await readFile(req.ctx.db, req.params.id);
    return reply.header('content-type', f.contentType).header('content-disposition', contentDisposition(f.fileName, 'inline')).header('x-content-type-options', 'nosniff').send(f.content);
  });

  // ---- payment batches
  app.get('/rain/batches', { config: READ, schema: { summary: '发放批次', querystring: z.object({ semester: Semester.optional() }) } }, async (req) => ({ items: await pay.listBatches(req.ctx.db, req.query.semester) }));
  app.post('/rain/batches', {
    config: { ...MANAGE, rules: ['RAIN-01', 'RAIN-02', 'RAIN-03', 'RAIN-05', 'RAIN-17'] },
    schema: { summary: '生成补助发放批次（名单、资金、账号）', body: z.object({ countyCode: County, semester: Semester, lines: z.array(z.object({ determinationId: z.string().max(100), amountFen: z.number().int().min(0).max(1e9).optional(), payeeAccount: z.string().max(40).optional() })).min(1).max(100000).optional() }) },
  }, async (req, reply) => reply.status(201).send(await pay.createBatch(req.ctx, req.body)));
  app.get('/rain/batches/:id', { config: READ, schema: { summary: '发放批次详情（账号脱敏）', params: Id } }, async (req) => pay.batchDetail(req.ctx.db, req.params.id));
  app.get('/rain/batches/:id/list.xlsx', { config: MANAGE, schema: { summary: '导出发放名单（XLSX，账号脱敏）', params: Id } }, async (req, reply) => {
    const lines = await pay.batchLines(req.ctx.db, req.params.id);
    await audit(req.ctx, { event: 'rain.batch.export', objectType: 'rain_batch', objectId: req.params.id, detail: { masked: true, lines: lines.length } });
    return reply.header('content-type', XLSX_CONTENT_TYPE).header('content-disposition', contentDisposition('雨露计划发放名单.xlsx')).header('cache-control', 'no-store').send(xlsxStream(listColumns, lines, { sheetName: '发放名单' }));
  });
  app.get('/rain/batches/:id/finance.xlsx', { config: { permission: 'rain.accounts', rules: ['RAIN-03', 'RAIN-05', 'RAIN-17'] }, schema: { summary: '导出提交财政局的发放清单（含完整账号，留痕审计）', params: Id } }, async (req, reply) => {
    const lines = await pay.financeExportRows(req.ctx, req.params.id);
    return reply.header('content-type', XLSX_CONTENT_TYPE).header('content-disposition', contentDisposition('雨露计划补助发放清单（财政局）.xlsx')).header('cache-control', 'no-store').send(xlsxStream(financeColumns, lines, { sheetName: '发放清单' }));
  });
  app.post('/rain/batches/:id/submit', { config: { ...MANAGE, rules: ['RAIN-05', 'RAIN-17'] }, schema: { summary: '提交县级财政局', params: Id, body: z.object({ submittedOn: Day }) } }, async (req, reply) => {
    await pay.submitBatch(req.ctx, req.params.id, req.body);
    return reply.status(204).send();
  });
  app.post('/rain/batches/:id/paid', { config: MANAGE, schema: { summary: '登记财政局发放（补助流水）', params: Id, body: z.object({ paidOn: Day, flowRef: Text(200) }) } }, async (req, reply) => {
    await pay.recordPaid(req.ctx, req.params.id, req.body);
    return reply.status(204).send();
  });
  app.post('/rain/batches/:id/copies', { config: { ...MANAGE, rules: ['RAIN-18'] }, schema: { summary: '登记补助流水抄送', params: Id, body: z.object({ recipient: z.string().max(20), copiedOn: Day }) } }, async (req, reply) => {
    await pay.recordCopy(req.ctx, req.params.id, req.body);
    return reply.status(204).send();
  });
  app.get('/rain/batches/:id/slips.pdf', { config: { ...READ, rules: ['RAIN-19'] }, schema: { summary: '打印资助确认单（按村）', params: Id, querystring: z.object({ village: Region }) } }, async (req, reply) => {
    const b = await pay.batchDetail(req.ctx.db, req.params.id);
    const lines = b.lines.filter((l) => l.villageCode === req.query.village);
    if (lines.length === 0) throw errors.badRequest('该批次没有这个村的补助对象');
    const pdf = await renderFormPdf(confirmationSlip({ semester: b.semester, townshipName: lines[0].townshipName, villageName: lines[0].villageName, batchId: b.id, paidOn: b.paidOn, flowRef: b.flowRef, lines }));
    await audit(req.ctx, { event: 'rain.slips.print', objectType: 'rain_batch', objectId: b.id, detail: { village: req.query.village, lines: lines.length } });
    return reply.header('content-type', 'application/pdf').header('content-disposition', contentDisposition(`资助确认单-${lines[0].villageName}.pdf`, 'inline')).send(pdf);
  });
  app.post('/rain/payments/:id/confirmation', { config: { ...MANAGE, rules: ['RAIN-19'] }, schema: { summary: '登记发放确认（告知款项名称及标准，确认单备案）', params: Id, body: z.object({ informedOn: Day, townshipFiledOn: Day.nullish(), villageFiledOn: Day.nullish() }) } }, async (req, reply) => {
    await pay.recordConfirmation(req.ctx, req.params.id, req.body);
    return reply.status(204).send();
  });

  // ---- ledgers and national entry
  app.get('/rain/ledgers.xlsx', { config: { ...READ, rules: ['RAIN-20'] }, schema: { summary: '学期台账（县、乡、村三级，到户到人，XLSX）', querystring: z.object({ semester: Semester, region: Region }) } }, async (req, reply) => {
    const [r] = await rows<{ name: string; level: string }>(req.ctx.db, sql`select name, level from poverty_regions where code = ${req.query.region}`);
    if (!r) throw errors.badRequest('区划代码不存在');
    await audit(req.ctx, { event: 'rain.ledger.export', objectType: 'rain_ledger', objectId: `${req.query.region}:${req.query.semester}`, detail: req.query });
    const name = `${r.name}雨露计划学期台账（${semesterLabel(req.query.semester)}）.xlsx`;
    return reply.header('content-type', XLSX_CONTENT_TYPE).header('content-disposition', contentDisposition(name)).header('cache-control', 'no-store')
      .send(xlsxStream(rep.ledgerColumns, rep.ledgerRows(req.ctx.db, req.query.semester, req.query.region), { sheetName: '学期台账' }));
  });
  app.get('/rain/charts/subsidies', { config: READ, schema: { summary: '雨露计划补助发放统计（按县、学期）' } }, async (req) => ({ items: await rep.subsidiesByCountyAndSemester(req.ctx.db) }));
  app.get('/rain/ledgers/summary', { config: { ...READ, rules: ['RAIN-20', 'RAIN-21'] }, schema: { summary: '县级统计与三级台账核对', querystring: z.object({ countyCode: County, semester: Semester }) } }, async (req) => rep.reconcile(req.ctx.db, req.query.countyCode, req.query.semester));
  app.post('/rain/entries', { config: { ...MANAGE, rules: ['RAIN-22'] }, schema: { summary: '登记已录入全国扶贫开发信息管理系统', body: z.object({ paymentIds: z.array(z.string().max(100)).min(1).max(100000), enteredOn: Day }) } }, async (req) => pay.markEntered(req.ctx, req.body));
  app.post('/rain/entries/complete', { config: { ...MANAGE, rules: ['RAIN-22'] }, schema: { summary: '标记本学期录入完成（补助人数须等于录入人数）', body: z.object({ countyCode: County, semester: Semester }) } }, async (req, reply) => {
    await pay.completeEntry(req.ctx, req.body);
    return reply.status(204).send();
  });

  // ---- corrections
  app.get('/rain/corrections', { config: READ, schema: { summary: '漏补补放与错补追缴记录' } }, async (req) => ({ items: await pay.listCorrections(req.ctx.db) }));
  app.post('/rain/corrections', {
    config: { ...MANAGE, rules: ['RAIN-01', 'RAIN-13', 'RAIN-25'] },
    schema: { summary: '登记漏补补放或错补追缴（须有佐证）', body: z.object({ studentId: z.string().max(100), semester: Semester, kind: z.enum(['MISSED', 'WRONG']), amountFen: z.number().int().min(1).max(1e9), correctedOn: Day, evidence: z.string().max(2000), paymentId: z.string().max(100).optional(), acknowledged: Ack }) },
  }, async (req, reply) => reply.status(201).send(await pay.recordCorrection(req.ctx, req.body)));

  // ---- half-year summaries
  app.get('/rain/summaries', { config: { ...READ, rules: ['RAIN-23'] }, schema: { summary: '半年总结（市级汇总）', querystring: z.object({ half: Half }) } }, async (req) => rep.compilation(req.ctx.db, req.query.half));
  app.get('/rain/summaries/stats', { config: READ, schema: { summary: '半年统计', querystring: z.object({ countyCode: County, half: Half }) } }, async (req) => rep.summaryStats(req.ctx.db, req.query.countyCode, req.query.half));
  app.post('/rain/summaries', { config: MANAGE, schema: { summary: '保存半年总结', body: z.object({ countyCode: County, half: Half, summaryText: Text(20000) }) } }, async (req, reply) => reply.status(201).send(await rep.saveSummary(req.ctx, req.body)));
  app.put('/rain/summaries/:id/attachments', {
    config: { ...MANAGE, rules: ['RAIN-23'] },
    schema: { summary: '上传半年总结附件（会议纪要、专项通知、统计表、台账）', params: Id, querystring: z.object({ label: z.enum(Object.keys(SUMMARY_ATTACHMENTS) as [string, ...string[]]), fileName: z.string().max(200).default('附件') }) },
  }, async (req, reply) => {
    const content = await readLimited(req.body as unknown as Readable);
    const f = await withTx(req.ctx, async (tx) => {
      const [s] = await rows<{ submitted_on: string | null }>(tx.db, sql`select submitted_on from rain_summaries where id = ${req.params.id} for update`);
      if (!s) throw errors.notFound('半年总结');
      if (s.submitted_on) throw errors.conflict('该半年总结已上报');
      return storeFile(tx, { purpose: 'attachment', ownerType: 'rain_summary', ownerId: req.params.id, label: req.query.label, fileName: req.query.fileName, content });
    });
    return reply.status(201).send(f);
  });
  app.get('/rain/summaries/:id/attachments', { config: READ, schema: { summary: '半年总结附件', params: Id } }, async (req) => ({ items: await filesOf(req.ctx.db, 'rain_summary', req.params.id) }));
  app.post('/rain/summaries/:id/approve', { config: { ...CONFIRM, rules: ['RAIN-23'] }, schema: { summary: '扶贫领导小组组长审定', params: Id, body: z.object({ approverName: Text(50), approvedOn: Day }) } }, async (req, reply) => {
    await rep.approveSummary(req.ctx, req.params.id, req.body);
    return reply.status(204).send();
  });
  app.post('/rain/summaries/:id/submit', { config: { ...MANAGE, rules: ['RAIN-23'] }, schema: { summary: '逐级上报半年总结', params: Id, body: z.object({ submittedOn: Day }) } }, async (req, reply) => {
    await rep.submitSummary(req.ctx, req.params.id, req.body);
    return reply.status(204).send();
  });

  // ---- inspections, graduate data, duties
  app.get('/rain/inspections', { config: { ...READ, rules: ['RAIN-24'] }, schema: { summary: '明察暗访与问题销号' } }, async (req) => ({ items: await rep.listInspections(req.ctx.db) }));
  app.post('/rain/inspections', {
    config: { ...MANAGE, rules: ['RAIN-24'] },
    schema: { summary: '组织明察暗访（随机抽取乡镇、村和补助对象）', body: z.object({ countyCode: County, half: Half, kind: z.enum(['OPEN', 'COVERT']), conductedOn: Day, note: z.string().max(2000).optional(), sizes: z.object({ townships: z.number().int().min(1).max(100), villages: z.number().int().min(1).max(1000), beneficiaries: z.number().int().min(1).max(10000) }).optional() }) },
  }, async (req, reply) => reply.status(201).send(await rep.createInspection(req.ctx, req.body)));
  app.post('/rain/inspections/:id/problems', { config: { ...MANAGE, rules: ['RAIN-24'] }, schema: { summary: '登记发现的问题', params: Id, body: z.object({ description: Text(2000) }) } }, async (req, reply) => reply.status(201).send(await rep.addProblem(req.ctx, req.params.id, req.body.description)));
  app.post('/rain/problems/:id/close', { config: { ...MANAGE, rules: ['RAIN-24'] }, schema: { summary: '问题整改销号', params: Id, body: z.object({ rectification: Text(2000), closedOn: Day }) } }, async (req, reply) => {
    await rep.closeProblem(req.ctx, req.params.id, req.body);
    return reply.status(204).send();
  });
  app.post('/rain/graduate-data', { config: { ...MANAGE, rules: ['RAIN-27'] }, schema: { summary: '登记教育部门提供的毕业生基础信息', body: z.object({ year: z.number().int().min(2000).max(2100), receivedOn: Day, description: Text(1000) }) } }, async (req, reply) => reply.status(201).send(await rep.recordGraduateData(req.ctx, req.body)));
  app.get('/rain/duties', { config: { ...READ, rules: ['RAIN-19', 'RAIN-22', 'RAIN-23', 'RAIN-24', 'RAIN-26', 'RAIN-27'] }, schema: { summary: '到期与逾期事项', querystring: z.object({ countyCode: County }) } }, async (req) => ({ items: await rep.duties(req.ctx.db, req.query.countyCode, localDate(req.ctx.clock.now())) }));
  app.get('/rain/regions', { config: READ, schema: { summary: '区划' } }, async (req) => ({ items: await rows(req.ctx.db, sql`select code, name, level, parent_code as "parentCode" from poverty_regions order by code`) }));
};

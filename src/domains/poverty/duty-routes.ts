import type { Readable } from 'node:stream';
import { sql } from 'drizzle-orm';
import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { rows } from '../../kernel/db';
import { audit } from '../../kernel/audit/write';
import { errors } from '../../kernel/errors';
import { isLocalDate, localDate } from '../../kernel/time';
import { contentDisposition, renderFormPdf, xlsxStream, XLSX_CONTENT_TYPE, chineseDate } from '../../kernel/render';
import { getJob } from './jobs';
import { importErrors } from './import';
import * as cmp from './comparison';
import * as duty from './duties';
import { SECTOR_KINDS } from './sector';
import { listStaffRegions, setStaffRegions, assertHouseholdInScope } from './scope';
import { findingColumns, overdueColumns, visitColumns } from './export';

/** /api/v1/poverty/*: 数据比对, the monitoring duties (MON-11…13) and the region data scope. */
const READ = { permission: 'poverty.read' };
const MANAGE = { permission: 'poverty.manage' };
const Id = z.object({ id: z.string().min(1).max(100) });
const Day = z.string().refine(isLocalDate, '日期格式应为 YYYY-MM-DD');
const Level = z.enum(['RED', 'YELLOW', 'BLUE']);
const County = z.string().regex(/^\d{6}$/, '县（区）代码应为6位');
const Text = (max: number) => z.string().trim().min(1).max(max);

function xlsx(reply: import('fastify').FastifyReply, name: string) {
  return reply.header('content-type', XLSX_CONTENT_TYPE).header('content-disposition', contentDisposition(name)).header('cache-control', 'no-store');
}

export const dutyRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/poverty/sector-kinds', { config: READ, schema: { summary: '数据比对的部门数据类别与事项' } }, async (req) => {
    const today = localDate(req.ctx.clock.now());
    return { items: Object.entries(SECTOR_KINDS).map(([key, k]) => ({ key, label: k.label, department: k.department, weekly: Boolean(k.weekly), items: Object.keys(k.items), defaultPeriod: cmp.defaultPeriod(key, today) })) };
  });
  app.post('/poverty/comparisons', { config: { ...MANAGE, rules: ['MON-11', 'MON-13'] }, schema: { summary: '新建数据比对任务', body: z.object({ sector: z.enum(Object.keys(SECTOR_KINDS) as [string, ...string[]]), period: z.string().max(10).optional(), countyCode: County, fileName: Text(200) }) } }, async (req, reply) => {
    const period = req.body.period ?? cmp.defaultPeriod(req.body.sector, localDate(req.ctx.clock.now()));
    return reply.status(201).send({ id: await cmp.createComparison(req.ctx, { ...req.body, period }) });
  });
  app.put('/poverty/comparisons/:id/file', { config: MANAGE, schema: { summary: '上传部门数据文件（CSV或XLSX，流式读取）并比对', params: Id, querystring: z.object({ encoding: z.enum(['utf-8', 'gbk']).default('utf-8') }) } }, async (req) => {
    const type = (req.headers['content-type'] ?? '').split(';')[0].trim();
    const job = await getJob(req.ctx.db, req.params.id);
    const format = type === XLSX_CONTENT_TYPE || /\.xlsx$/i.test(job.fileName ?? '') ? 'xlsx' : 'csv';
    const length = Number(req.headers['content-length']);
    return cmp.runComparison(req.server.database, req.ctx, req.params.id, req.body as unknown as Readable, { format, encoding: req.query.encoding, bytesTotal: Number.isFinite(length) ? length : undefined });
  });
  app.get('/poverty/comparisons', { config: READ, schema: { summary: '数据比对任务' } }, async (req) => ({ items: await cmp.listComparisons(req.ctx) }));
  app.get('/poverty/comparisons/:id/errors', { config: READ, schema: { summary: '比对错误报告（逐行）', params: Id } }, async (req) => ({ items: await importErrors(req.ctx, req.params.id) }));

  const FindingFilter = z.object({ jobId: z.string().max(100).optional(), status: z.enum(['open', 'confirmed', 'dismissed']).optional() });
  app.get('/poverty/findings', { config: READ, schema: { summary: '比对发现的农户（新符合监测条件或预警等级升高）', querystring: FindingFilter.extend({ page: z.coerce.number().int().min(1).default(1), pageSize: z.coerce.number().int().min(1).max(200).default(20) }) } }, async (req) => {
    const { page, pageSize, ...f } = req.query;
    return cmp.listFindings(req.ctx, f, page, pageSize);
  });
  app.get('/poverty/findings.xlsx', { config: MANAGE, schema: { summary: '导出比对发现清单（XLSX，脱敏）', querystring: FindingFilter } }, async (req, reply) => {
    await audit(req.ctx, { event: 'poverty.findings.export', objectType: 'poverty_findings', detail: { filter: req.query } });
    return xlsx(reply, '数据比对发现清单.xlsx').send(xlsxStream(findingColumns, cmp.allFindings(req.ctx, req.query), { sheetName: '比对发现' }));
  });
  app.post('/poverty/findings/:id/confirm', { config: { ...MANAGE, rules: ['MON-10', 'MON-02', 'MON-06', 'MON-07', 'MON-14', 'MON-15'] }, schema: { summary: '核实确认比对发现（纳入监测或调高预警等级）', params: Id, body: z.object({ verifierBody: Text(100), verifierName: Text(100), finding: Text(1000), level: Level.optional(), levelReason: z.string().max(500).optional(), acknowledged: z.array(z.string().max(40)).max(20).optional() }) } }, async (req) =>
    cmp.confirmFinding(req.ctx, req.params.id, req.body),
  );
  app.post('/poverty/findings/:id/dismiss', { config: MANAGE, schema: { summary: '驳回比对发现（须说明理由）', params: Id, body: z.object({ reason: Text(500) }) } }, async (req) => cmp.dismissFinding(req.ctx, req.params.id, req.body.reason));

  app.get('/poverty/quarters', { config: { ...READ, rules: ['MON-11'] }, schema: { summary: '季度数据比对完成情况', querystring: z.object({ quarter: z.string().regex(/^\d{4}-Q[1-4]$/).optional() }) } }, async (req) => ({ items: await duty.quarterStatus(req.ctx, req.query.quarter) }));
  app.post('/poverty/quarters/complete', { config: { ...MANAGE, rules: ['MON-11'] }, schema: { summary: '确认本季度数据比对完成', body: z.object({ countyCode: County, quarter: z.string().regex(/^\d{4}-Q[1-4]$/, '季度格式应为 2026-Q4'), note: z.string().max(500).optional() }) } }, async (req) => cmp.completeQuarter(req.ctx, req.body));
  app.get('/poverty/hospital-weeks', { config: { ...READ, rules: ['MON-13'] }, schema: { summary: '每周住院名单报送情况' } }, async (req) => ({ items: await duty.hospitalWeeks(req.ctx) }));
  app.post('/poverty/hospital-weeks/nil', { config: { ...MANAGE, rules: ['MON-13'] }, schema: { summary: '本周无住院（零报告）', body: z.object({ countyCode: County, week: z.string().regex(/^\d{4}-W\d{2}$/, '周次格式应为 2026-W45') }) } }, async (req, reply) => reply.status(201).send(await cmp.submitNilWeek(req.ctx, req.body)));
  app.get('/poverty/followups', { config: { ...READ, rules: ['MON-13'] }, schema: { summary: '住院跟进任务', querystring: z.object({ status: z.enum(['open', 'done']).optional() }) } }, async (req) => ({ items: await duty.listFollowups(req.ctx, req.query.status) }));
  app.post('/poverty/followups/:id/done', { config: MANAGE, schema: { summary: '登记住院跟进核实情况', params: Id, body: z.object({ result: Text(1000) }) } }, async (req) => duty.completeFollowup(req.ctx, req.params.id, req.body.result));

  app.post('/poverty/visits', { config: { ...MANAGE, rules: ['MON-12'] }, schema: { summary: '登记入户走访', body: z.object({ householdId: z.string().max(100), visitedOn: Day, visitorName: Text(50), visitorRole: z.enum(duty.VISITOR_ROLES), incomeObservation: Text(1000), guaranteesObservation: Text(1000), problems: z.string().max(1000).optional() }) } }, async (req, reply) => reply.status(201).send(await duty.recordVisit(req.ctx, req.body)));
  app.get('/poverty/households/:id/visits', { config: READ, schema: { summary: '监测户走访记录', params: Id } }, async (req) => ({ items: await duty.listVisits(req.ctx, req.params.id) }));
  app.get('/poverty/visits.xlsx', { config: MANAGE, schema: { summary: '导出走访台账（XLSX）', querystring: z.object({ from: Day.optional(), to: Day.optional() }) } }, async (req, reply) => {
    await audit(req.ctx, { event: 'poverty.visits.export', objectType: 'poverty_visits', detail: { filter: req.query } });
    return xlsx(reply, '入户走访台账.xlsx').send(xlsxStream(visitColumns, duty.allVisits(req.ctx, req.query), { sheetName: '走访台账' }));
  });
  app.get('/poverty/visits/:id/form.pdf', { config: READ, schema: { summary: '打印入户走访记录表（PDF）', params: Id } }, async (req, reply) => {
    const [v] = await rows<duty.VisitRow & { townshipName: string; level: string | null }>(req.ctx.db, sql`select v.id, v.household_id as "householdId", h.code as "householdCode", h.householder_name as "householderName",
      r.name as "villageName", t.name as "townshipName", v.visited_on::text as "visitedOn", v.visitor_name as "visitorName", v.visitor_role as "visitorRole",
      v.income_observation as "incomeObservation", v.guarantees_observation as "guaranteesObservation", v.problems, m.level
      from poverty_visits v join poverty_households h on h.id = v.household_id join poverty_regions r on r.code = h.village_code join poverty_regions t on t.code = h.township_code
      join poverty_monitoring m on m.id = v.monitoring_id where v.id = ${req.params.id}`);
    if (!v) throw errors.notFound('走访记录');
    await assertHouseholdInScope(req.ctx, v.householdId);
    const pdf = await renderFormPdf({
      title: '防止返贫监测对象入户走访记录表',
      subtitle: `${v.townshipName}${v.villageName}　户编号 ${v.householdCode}`,
      rows: [
        { kind: 'fields', cells: [{ label: '户主', value: v.householderName }, { label: '预警等级', value: v.level ? { RED: '红色', YELLOW: '黄色', BLUE: '蓝色' }[v.level] ?? v.level : '' }] },
        { kind: 'fields', cells: [{ label: '走访日期', value: chineseDate(v.visitedOn) }, { label: '走访人', value: `${v.visitorName}（${v.visitorRole}）` }] },
        { kind: 'text', label: '收入情况', value: v.incomeObservation, minHeight: 70 },
        { kind: 'text', label: '“两不愁三保障”及饮水安全情况', value: v.guaranteesObservation, minHeight: 70 },
        { kind: 'text', label: '发现的问题', value: v.problems ?? '无', minHeight: 60 },
        { kind: 'signature', label: '农户签字', opinion: '', signer: '', date: '' },
        { kind: 'signature', label: '走访人签字', opinion: '', signer: v.visitorName, date: chineseDate(v.visitedOn) },
      ],
      notes: ['依据《白城市建立防止返贫监测和帮扶机制实施细则》四（一）1：乡村干部、驻村干部对监测户每月至少走访一次（MON-12）。'],
    });
    await audit(req.ctx, { event: 'poverty.visit.print', objectType: 'poverty_visit', objectId: v.id });
    return reply.header('content-type', 'application/pdf').header('content-disposition', contentDisposition(`入户走访记录表-${v.householdCode}-${v.visitedOn}.pdf`, 'inline')).send(pdf);
  });
  const OverdueQ = z.object({ region: z.string().regex(/^\d{6,12}$/).optional() });
  app.get('/poverty/visits/overdue', { config: { ...READ, rules: ['MON-12'] }, schema: { summary: '逾期未走访监测户（按村）', querystring: OverdueQ } }, async (req) => ({ items: await duty.overdueVisits(req.ctx, undefined, req.query.region) }));
  app.get('/poverty/visits/overdue.xlsx', { config: { ...MANAGE, rules: ['MON-12'] }, schema: { summary: '导出逾期未走访清单（XLSX）', querystring: OverdueQ } }, async (req, reply) => {
    const items = await duty.overdueVisits(req.ctx, undefined, req.query.region);
    await audit(req.ctx, { event: 'poverty.visits.overdue.export', objectType: 'poverty_visits', detail: { n: items.length } });
    return xlsx(reply, '逾期未走访清单.xlsx').send(xlsxStream(overdueColumns, items, { sheetName: '逾期未走访' }));
  });

  app.get('/poverty/staff-regions', { config: MANAGE, schema: { summary: '工作人员数据范围（账号与区划）' } }, async (req) => ({ items: await listStaffRegions(req.ctx.db) }));
  app.put('/poverty/staff-regions/:id', { config: MANAGE, schema: { summary: '设置账号的数据范围（区划代码，空则不限）', params: Id, body: z.object({ regions: z.array(z.string().regex(/^\d{6,12}$/)).max(50) }) } }, async (req, reply) => {
    await setStaffRegions(req.ctx, req.params.id, req.body.regions);
    return reply.status(204).send();
  });
};

import { sql } from 'drizzle-orm';
import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { rows } from '../../kernel/db';
import { audit } from '../../kernel/audit/write';
import { isLocalDate } from '../../kernel/time';
import { contentDisposition, xlsxStream, XLSX_CONTENT_TYPE } from '../../kernel/render';
import { CHANNELS } from './rules';
import { HAZARDS, MEASURE_TYPES, SOCIAL_SECURITY_ITEMS, STABLE_SUBSIDIES, SUBSIDY_STATES, SUPPORT_STEPS, RELIEF_KINDS } from './measure-rules';
import * as ms from './measures';
import * as inc from './incidents';
import { measureColumns, sectorActionColumns, supportAgreementPdf } from './measure-export';
import { LOCAL_ROLE } from './duty-seed';
import { regionScope } from './scope';

/** /api/v1/poverty/*: 帮扶措施 (MON-18…MON-22), 识别为贫困户 (MON-23), staff accounts for the data scope form. */
const READ = { permission: 'poverty.read' };
const MANAGE = { permission: 'poverty.manage' };
const Id = z.object({ id: z.string().min(1).max(100) });
const Day = z.string().refine(isLocalDate, '日期格式应为 YYYY-MM-DD');
const Text = (max: number) => z.string().trim().min(1, '不能为空').max(max);
const Ack = z.array(z.string().max(40)).max(20).optional();
const Hazard = z.enum(HAZARDS);

const MeasureBody = z.object({
  householdId: z.string().max(100),
  type: z.enum(MEASURE_TYPES),
  description: Text(2000),
  responsibleBody: Text(100),
  startDate: Day,
  amountFen: z.number().int().min(0).max(1e12).nullish(),
  detail: z.object({
    item: z.enum(SOCIAL_SECURITY_ITEMS).optional(),
    sector: z.string().max(50).optional(),
    hazard: Hazard.optional(),
    checkKind: z.enum(['periodic', 'adhoc']).optional(),
    items: z.record(z.string().max(20), z.enum(SUBSIDY_STATES)).optional(),
    step: z.enum(SUPPORT_STEPS).optional(),
    supporterName: z.string().max(50).optional(),
    supporterRelation: z.string().max(20).optional(),
    supportedPersonId: z.string().max(100).optional(),
    villageCommittee: z.string().max(100).optional(),
    signedOn: Day.optional(),
    terms: z.string().max(1000).optional(),
    incidentId: z.string().max(100).optional(),
    reliefKind: z.enum(RELIEF_KINDS).optional(),
    decisionRef: z.string().max(200).optional(),
  }).strict().optional(),
});

function xlsx(reply: import('fastify').FastifyReply, name: string) {
  return reply.header('content-type', XLSX_CONTENT_TYPE).header('content-disposition', contentDisposition(name)).header('cache-control', 'no-store');
}

export const measureRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/poverty/measure-options', { config: READ, schema: { summary: '帮扶措施类型与选项' } }, async () => ({
    types: MEASURE_TYPES, socialSecurityItems: SOCIAL_SECURITY_ITEMS, stableSubsidies: STABLE_SUBSIDIES, hazards: HAZARDS, supportSteps: SUPPORT_STEPS, reliefKinds: RELIEF_KINDS,
  }));
  app.post('/poverty/measures', { config: { ...MANAGE, rules: ['MON-18', 'MON-19', 'MON-20', 'MON-21', 'MON-22'] }, schema: { summary: '登记帮扶措施（按类型，留存历史）', body: MeasureBody } }, async (req, reply) =>
    reply.status(201).send(await ms.recordMeasure(req.ctx, { ...req.body, detail: req.body.detail as Record<string, unknown> | undefined })),
  );
  app.post('/poverty/measures/:id/status', { config: MANAGE, schema: { summary: '措施办结或停止（留痕）', params: Id, body: z.object({ status: z.enum(['done', 'stopped']), note: Text(1000) }) } }, async (req) =>
    ms.setMeasureStatus(req.ctx, req.params.id, req.body),
  );
  app.get('/poverty/households/:id/measures', { config: { ...READ, rules: ['MON-18', 'MON-19'] }, schema: { summary: '监测户帮扶措施、行业部门事项与提示', params: Id } }, async (req) => ms.householdMeasures(req.ctx, req.params.id));
  app.get('/poverty/measures.xlsx', { config: MANAGE, schema: { summary: '导出帮扶措施台账（XLSX）', querystring: z.object({ type: z.enum(MEASURE_TYPES).optional(), from: Day.optional(), to: Day.optional() }) } }, async (req, reply) => {
    await audit(req.ctx, { event: 'poverty.measures.export', objectType: 'poverty_measures', detail: { filter: req.query } });
    return xlsx(reply, '帮扶措施台账.xlsx').send(xlsxStream(measureColumns, ms.allMeasures(req.ctx, req.query), { sheetName: '帮扶措施' }));
  });
  app.get('/poverty/measures/:id/agreement.pdf', { config: { ...READ, rules: ['MON-21'] }, schema: { summary: '打印三方赡养协议（PDF）', params: Id } }, async (req, reply) => {
    const r = await supportAgreementPdf(req.ctx, req.params.id);
    await audit(req.ctx, { event: 'poverty.agreement.print', objectType: 'poverty_measure', objectId: req.params.id });
    return reply.header('content-type', 'application/pdf').header('content-disposition', contentDisposition(r.fileName, 'inline')).send(r.pdf);
  });

  app.post('/poverty/households/:id/guarantee-problems', { config: { ...MANAGE, rules: ['MON-18'] }, schema: { summary: '登记“两不愁三保障”或饮水安全问题（交行业部门落实）', params: Id, body: z.object({ hazard: Hazard, note: Text(1000) }) } }, async (req, reply) =>
    reply.status(201).send(await ms.reportGuaranteeProblem(req.ctx, req.params.id, req.body)),
  );
  app.get('/poverty/sector-actions', { config: { ...READ, rules: ['MON-18'] }, schema: { summary: '行业部门落实事项', querystring: z.object({ status: z.enum(['open', 'measure_recorded', 'resolved']).optional() }) } }, async (req) => ({ items: await ms.listSectorActions(req.ctx, req.query) }));
  app.get('/poverty/sector-actions.xlsx', { config: { ...MANAGE, rules: ['MON-18'] }, schema: { summary: '导出行业部门落实事项（XLSX）' } }, async (req, reply) => {
    const items = await ms.listSectorActions(req.ctx);
    await audit(req.ctx, { event: 'poverty.sector_actions.export', objectType: 'poverty_sector_actions', detail: { n: items.length } });
    return xlsx(reply, '行业部门落实事项.xlsx').send(xlsxStream(sectorActionColumns, items, { sheetName: '行业部门落实' }));
  });
  app.post('/poverty/sector-actions/:id/resolve', { config: { ...MANAGE, rules: ['MON-18'] }, schema: { summary: '问题已解决（须已有行业部门措施）', params: Id, body: z.object({ resolvedOn: Day, result: Text(1000) }) } }, async (req) =>
    ms.resolveSectorAction(req.ctx, req.params.id, req.body),
  );
  app.get('/poverty/social-security/missing', { config: { ...READ, rules: ['MON-19'] }, schema: { summary: '无劳动能力且未落实社会保障措施的监测户' } }, async (req) => ({ items: await ms.missingSocialSecurity(req.ctx) }));
  app.get('/poverty/subsidy-checks/report', { config: { ...READ, rules: ['MON-20'] }, schema: { summary: '稳定补贴收入摸排统计' } }, async (req) => ms.subsidyReport(req.ctx));

  app.get('/poverty/incidents', { config: { ...READ, rules: ['MON-22'] }, schema: { summary: '重大灾害与家庭重大变故' } }, async (req) => ({ items: await inc.listIncidents(req.ctx) }));
  app.post('/poverty/incidents', { config: { ...MANAGE, rules: ['MON-22', 'MON-01', 'MON-09'] }, schema: { summary: '登记重大灾害或家庭重大变故（未监测的即提出纳入监测）', body: z.object({ householdId: z.string().max(100), kind: z.enum(['disaster', 'family']), eventType: Text(100), eventDate: Day, description: Text(2000), channel: z.enum(CHANNELS).optional(), sectorDepartment: z.string().max(100).optional() }) } }, async (req, reply) =>
    reply.status(201).send(await inc.recordIncident(req.ctx, req.body)),
  );
  app.post('/poverty/incidents/:id/assess', { config: { ...MANAGE, rules: ['MON-22'] }, schema: { summary: '救助后评估（仍有问题的在动态调整时纳入建档立卡）', params: Id, body: z.object({ problemsRemain: z.boolean(), hazards: z.array(Hazard).max(4).default([]), assessment: Text(2000), assessedOn: Day }) } }, async (req) =>
    inc.assessIncident(req.ctx, req.params.id, req.body),
  );
  app.get('/poverty/conversions', { config: { ...READ, rules: ['MON-22', 'MON-23'] }, schema: { summary: '识别为贫困户及国办系统录入' } }, async (req) => inc.listConversions(req.ctx));
  app.post('/poverty/households/:id/identify', { config: { ...MANAGE, rules: ['MON-23', 'MON-22'] }, schema: { summary: '按程序识别为贫困户', params: Id, body: z.object({ identifiedOn: Day, procedureRef: z.string().max(500), acknowledged: Ack }) } }, async (req) =>
    inc.identifyPoor(req.ctx, req.params.id, req.body),
  );
  app.post('/poverty/conversions/:id/entry', { config: { ...MANAGE, rules: ['MON-23'] }, schema: { summary: '登记录入全国扶贫开发信息系统', params: Id, body: z.object({ enteredOn: Day }) } }, async (req) =>
    inc.recordEntry(req.ctx, req.params.id, req.body),
  );

  app.get('/poverty/staff-accounts', { config: MANAGE, schema: { summary: '可分配数据范围的乡村监测员账号' } }, async (req) => ({
    // Only an account without a region of its own may assign regions (scope.ts setStaffRegions).
    canAssign: (await regionScope(req.ctx)) === null,
    items: await rows(req.ctx.db, sql`select a.id as "accountId", a.username, coalesce(p.name, a.username) as "displayName",
      coalesce(array(select s.region_code from poverty_staff_regions s where s.account_id = a.id order by s.region_code), '{}') as regions
      from accounts a join account_roles ar on ar.account_id = a.id join roles r on r.id = ar.role_id left join people p on p.id = a.person_id
      where r.code = ${LOCAL_ROLE} order by a.username`),
  }));
};

import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { xlsxStream, XLSX_CONTENT_TYPE } from '../../../kernel/render/xlsx';
import { attachment } from './common';
import { BUDGET_COLUMNS, PLAN_COLUMNS, PRINT_COLUMNS, PROCUREMENT_COLUMNS } from './ledger';
import * as svc from './service';
import { financeRoles } from './roles';
import { localDate } from '../../../kernel/time';

/** /api/v1/finance/{procurements,meeting-budgets,meeting-plans,prints}: filing, records, ledgers. Approvals go through /flow. */
const Id = z.object({ id: z.string().min(1).max(100) });
const Ack = z.array(z.string().max(40)).max(20).optional();
const Submit = z.object({ form: z.record(z.string(), z.unknown()), acknowledged: Ack });
const Scope = z.object({ scope: z.enum(['mine', 'all']).default('mine'), year: z.coerce.number().int().min(2004).max(2100).optional() });
const Year = z.object({ year: z.coerce.number().int().min(2004).max(2100) });
const FILE = { permission: 'finance.claim' };
const LEDGER = { permission: 'finance.ledger' };
const OFFICE = { permission: 'finance.office' };
const PROCUREMENT_RULES = ['FIVE-10', 'FIVE-11', 'FIVE-12', 'FIVE-13', 'FIVE-15', 'FIVE-16', 'FIVE-18'];
const BUDGET_RULES = ['MTG-01', 'MTG-02', 'MTG-03', 'MTG-04', 'MTG-05', 'MTG-06'];

function xlsx<T>(reply: { header(k: string, v: string): typeof reply; send(x: unknown): unknown }, name: string, ascii: string, columns: Parameters<typeof xlsxStream<T>>[0], items: T[]) {
  return reply.header('content-type', XLSX_CONTENT_TYPE).header('content-disposition', attachment(name, ascii)).send(xlsxStream(columns, items, { sheetName: name.replace('.xlsx', '') }));
}

export const financeOfficeRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/finance/roles', { config: { ...FILE, rules: ['FIN-01'] }, schema: { summary: '财务角色在任情况（FIN-01）' } }, async (req) => ({ items: await financeRoles(req.ctx, localDate(req.ctx.clock.now())) }));
  // Procurement (FMS-F1)
  app.post('/finance/procurements', { config: { ...FILE, rules: PROCUREMENT_RULES }, schema: { summary: '提交物资采购（维修）申请', body: Submit } }, async (req, reply) =>
    reply.status(201).send(await svc.submitProcurement(req.ctx, req.body.form, req.body.acknowledged)),
  );
  app.get('/finance/procurements', { config: FILE, schema: { summary: '物资采购（维修）申请（本科室或全部）', querystring: Scope } }, async (req) => ({ items: await svc.listProcurements(req.ctx, req.query) }));
  app.get('/finance/procurements/covering-decision', { config: { ...FILE, rules: ['FIVE-12', 'FIVE-15'] }, schema: { summary: '可关联的党组集体研究决定（采购项目）', querystring: z.object({ amountFen: z.coerce.number().int().nonnegative() }) } }, async (req) => ({
    decision: await svc.procurementDecision(req.ctx, req.query.amountFen),
  }));
  app.get('/finance/ledger/procurements.xlsx', { config: LEDGER, schema: { summary: '导出物资采购台账（XLSX）' } }, async (req, reply) =>
    xlsx(reply, '物资采购台账.xlsx', 'procurements.xlsx', PROCUREMENT_COLUMNS, await svc.listProcurements(req.ctx, { scope: 'all' })));

  // Meeting and training budgets (FMS-F3a / F3b) and the yearly plan
  app.post('/finance/meeting-budgets', { config: { ...FILE, rules: BUDGET_RULES }, schema: { summary: '提交会议（培训）费预算单', body: Submit } }, async (req, reply) =>
    reply.status(201).send(await svc.submitMeetingBudget(req.ctx, req.body.form, req.body.acknowledged)),
  );
  app.get('/finance/meeting-budgets', { config: FILE, schema: { summary: '会议（培训）费预算单（本科室或全部）', querystring: Scope } }, async (req) => ({ items: await svc.listBudgets(req.ctx, req.query) }));
  app.post('/finance/meeting-budgets/:id/executed', { config: { ...FILE, rules: ['MTG-04'] }, schema: { summary: '填写执行金额', params: Id, body: z.object({ executedFen: z.array(z.number()).max(8), note: z.string().max(500).optional(), acknowledged: Ack }) } }, async (req) =>
    svc.fillExecuted(req.ctx, req.params.id, { executedFen: req.body.executedFen, note: req.body.note }, req.body.acknowledged),
  );
  app.get('/finance/meeting-budgets/:id/form.pdf', { config: FILE, schema: { summary: '打印会议（培训）费预算单（含执行金额）', params: Id } }, async (req, reply) => {
    const { pdf, fileName } = await svc.printBudget(req.ctx, req.params.id);
    return reply.header('content-type', 'application/pdf').header('content-disposition', attachment(fileName, 'budget.pdf')).send(pdf);
  });
  app.get('/finance/ledger/meeting-budgets.xlsx', { config: LEDGER, schema: { summary: '导出会议（培训）费台账（XLSX）', querystring: Scope } }, async (req, reply) =>
    xlsx(reply, '会议培训费台账.xlsx', 'meeting-budgets.xlsx', BUDGET_COLUMNS, await svc.listBudgets(req.ctx, { scope: 'all', year: req.query.year })));
  app.get('/finance/meeting-plans', { config: FILE, schema: { summary: '年度会议、培训计划与上年对比', querystring: Year } }, async (req) => ({
    lines: await svc.planReport(req.ctx, req.query.year), items: await svc.planItems(req.ctx, req.query.year),
  }));
  app.post('/finance/meeting-plans', { config: { ...OFFICE, rules: ['MTG-01', 'MTG-02'] }, schema: { summary: '编制年度会议（培训）计划（综合科）', body: z.object({ plan: z.record(z.string(), z.unknown()), acknowledged: Ack }) } }, async (req) =>
    svc.savePlan(req.ctx, req.body.plan, req.body.acknowledged),
  );
  app.post('/finance/meeting-plans/:year/:kind/approve', { config: { ...OFFICE, rules: ['MTG-01'] }, schema: { summary: '审定年度计划（综合科科长）', params: z.object({ year: z.coerce.number().int().min(2004).max(2100), kind: z.enum(['meeting', 'training']) }) } }, async (req) =>
    svc.approvePlan(req.ctx, req.params.year, req.params.kind),
  );
  app.get('/finance/ledger/meeting-plans.xlsx', { config: LEDGER, schema: { summary: '导出年度会议、培训计划对比表（XLSX）', querystring: Year } }, async (req, reply) =>
    xlsx(reply, '会议培训计划对比表.xlsx', 'meeting-plans.xlsx', PLAN_COLUMNS, await svc.planReport(req.ctx, req.query.year)));

  // Printing (FMS-F4)
  app.post('/finance/prints', { config: { ...FILE, rules: ['PRINT-01', 'PRINT-02'] }, schema: { summary: '提交印刷品印制申请', body: Submit } }, async (req, reply) =>
    reply.status(201).send(await svc.submitPrint(req.ctx, req.body.form, req.body.acknowledged)),
  );
  app.get('/finance/prints', { config: FILE, schema: { summary: '印刷品印制申请（本科室或全部）', querystring: Scope } }, async (req) => ({ items: await svc.listPrints(req.ctx, req.query) }));
  app.post('/finance/prints/:id/printed', { config: { ...OFFICE, rules: ['PRINT-03'] }, schema: { summary: '登记统一印制（财务科）', params: Id, body: z.record(z.string(), z.unknown()) } }, async (req) =>
    svc.recordPrinted(req.ctx, req.params.id, req.body),
  );
  app.post('/finance/prints/:id/distributions', { config: { ...OFFICE, rules: ['PRINT-03'] }, schema: { summary: '登记发放（财务科）', params: Id, body: z.record(z.string(), z.unknown()) } }, async (req) =>
    svc.distribute(req.ctx, req.params.id, req.body),
  );
  app.get('/finance/prints/:id/distributions', { config: FILE, schema: { summary: '发放登记', params: Id } }, async (req) => ({ items: await svc.distributions(req.ctx, req.params.id) }));
  app.get('/finance/ledger/prints.xlsx', { config: LEDGER, schema: { summary: '导出印刷品印制发放台账（XLSX）', querystring: Scope } }, async (req, reply) =>
    xlsx(reply, '印刷品台账.xlsx', 'prints.xlsx', PRINT_COLUMNS, await svc.listPrints(req.ctx, { scope: 'all', year: req.query.year })));
};

import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { xlsxStream, XLSX_CONTENT_TYPE } from '../../kernel/render/xlsx';
import { CATEGORY_CODES } from './categories';
import { CLAIM_COLUMNS, RECEPTION_COLUMNS } from './ledger';
import { listViolations, recordViolation, VIOLATION_COLUMNS } from './violations';
import * as svc from './service';
import { budgetSummary, setReceptionBudget } from './reception-budget';
import { fileReception, recordReceptionPayment, unfiledReceptions } from './reception-filing';
import { listHotels, saveHotel } from './reception-lodging';
import { RECEP14, RECEP26 } from './rules';

/** /api/v1/finance/*: claims, receptions and the ledgers. Approvals go through /flow. */
const Id = z.object({ id: z.string().min(1).max(100) });
const Ack = z.array(z.string().max(40)).max(20).optional();
const Submit = z.object({ form: z.record(z.string(), z.unknown()), acknowledged: Ack });
const CLAIM = { permission: 'finance.claim' };
const LEDGER = { permission: 'finance.ledger' };
/** 综合科 manages reception work (RECEP-04): hotels, the budget, payments and filing. */
const RECEP_ADMIN = { permission: 'finance.reception' };
const RegisterQuery = z.object({ scope: z.enum(['mine', 'all']).default('mine'), year: z.coerce.number().int().min(2004).max(2100).optional(), unitId: z.string().max(100).optional() });
const CLAIM_RULES = ['FIN-05', 'FIN-06', 'FIN-07', 'FIN-08', 'FIN-09', 'FIN-10', 'FIN-11', 'FIN-12', 'FIN-13', 'FIN-14', 'FIVE-03', 'FIVE-06', 'FIVE-07', 'TRAVEL-02', 'TRAVEL-03', 'TRAVEL-04', 'TRAVEL-05', 'TRAVEL-06', 'RECEP-09', 'RECEP-20', 'RECEP-22', 'RECEP-23',
  'TRAVEL-01', 'TRAVEL-09', 'TRAVEL-10', 'RECEP-11', 'RECEP-12', 'RECEP-14', 'RECEP-19', 'RECEP-21', 'RECEP-24', 'RECEP-25', 'CAR-17'];
const RECEPTION_RULES = ['RECEP-02', 'RECEP-07', 'RECEP-08', 'RECEP-10', 'RECEP-15', 'RECEP-16', 'RECEP-17', 'RECEP-18', 'RECEP-01', 'RECEP-03', 'RECEP-04', 'RECEP-05', 'RECEP-06', 'RECEP-11'];

function attachment(name: string, ascii: string) {
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}

export const financeRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post('/finance/claims/preview', { config: { ...CLAIM, rules: CLAIM_RULES }, schema: { summary: '报销预览：审批类别、审批路径与规则检查', body: z.object({ form: z.record(z.string(), z.unknown()) }) } }, async (req) =>
    svc.previewClaim(req.ctx, req.body.form),
  );
  app.post('/finance/claims', { config: { ...CLAIM, rules: CLAIM_RULES }, schema: { summary: '提交报销', body: Submit } }, async (req, reply) =>
    reply.status(201).send(await svc.submitClaim(req.ctx, req.body.form, req.body.acknowledged)),
  );
  app.get('/finance/claims', { config: CLAIM, schema: { summary: '报销记录（本人或全部）', querystring: z.object({ scope: z.enum(['mine', 'all']).default('mine'), year: z.coerce.number().int().min(2004).max(2100).optional() }) } }, async (req) => ({
    items: await svc.listClaims(req.ctx, req.query),
  }));
  app.get(
    '/finance/claims/covering-decision',
    { config: { ...CLAIM, rules: ['FIVE-06'] }, schema: { summary: '可关联的党组集体研究决定', querystring: z.object({ category: z.enum(CATEGORY_CODES), amountFen: z.coerce.number().int().nonnegative() }) } },
    async (req) => ({ decision: await svc.coveringDecision(req.ctx, req.query) }),
  );
  app.post('/finance/receptions', { config: { ...CLAIM, rules: RECEPTION_RULES }, schema: { summary: '提交公务接待审批报告单', body: Submit } }, async (req, reply) =>
    reply.status(201).send(await svc.submitReception(req.ctx, req.body.form, req.body.acknowledged)),
  );
  app.get('/finance/receptions', { config: { ...CLAIM, rules: ['RECEP-26'] }, schema: { summary: '公务接待登记簿（本科室或全部，可按年度、科室查询）', querystring: RegisterQuery } }, async (req) => ({
    items: await svc.listReceptions(req.ctx, req.query),
  }));
  app.get('/finance/reception-hotels', { config: { ...CLAIM, rules: ['RECEP-14'] }, schema: { summary: '定点宾馆及协议价格' } }, async (req) => ({
    items: await listHotels(req.ctx), standardFen: RECEP14.param('lodgingStandardFen'),
  }));
  app.post('/finance/reception-hotels', { config: { ...RECEP_ADMIN, rules: ['RECEP-14'] }, schema: { summary: '登记或修改定点宾馆（综合科）', body: z.record(z.string(), z.unknown()) } }, async (req) =>
    saveHotel(req.ctx, req.body),
  );
  app.get('/finance/reception-budgets/:year', { config: { ...CLAIM, rules: ['RECEP-21'] }, schema: { summary: '年度接待费预算执行情况', params: z.object({ year: z.coerce.number().int().min(2004).max(2100) }) } }, async (req) =>
    budgetSummary(req.ctx.db, req.params.year),
  );
  app.post('/finance/reception-budgets', { config: { ...RECEP_ADMIN, rules: ['RECEP-21'] }, schema: { summary: '设置年度接待费预算总额（综合科）', body: z.record(z.string(), z.unknown()) } }, async (req) =>
    setReceptionBudget(req.ctx, req.body),
  );
  app.post('/finance/receptions/:id/payment', { config: { ...RECEP_ADMIN, rules: ['RECEP-21', 'RECEP-23', 'RECEP-26'] }, schema: { summary: '登记接待费支付（财务室）', params: Id, body: z.record(z.string(), z.unknown()) } }, async (req) =>
    recordReceptionPayment(req.ctx, req.params.id, req.body),
  );
  app.post('/finance/receptions/:id/filing', { config: { ...RECEP_ADMIN, rules: ['RECEP-26'] }, schema: { summary: '接待材料交综合科备案', params: Id, body: z.record(z.string(), z.unknown()) } }, async (req) =>
    fileReception(req.ctx, req.params.id, req.body),
  );
  app.get('/finance/reception-filing/unfiled', { config: { ...RECEP_ADMIN, rules: ['RECEP-26'] }, schema: { summary: '已支付未备案的公务接待（含逾期标记）' } }, async (req) => ({
    items: await unfiledReceptions(req.ctx), filingDays: RECEP26.param('filingDays'),
  }));
  app.post('/finance/receptions/:id/list', { config: { ...CLAIM, rules: ['RECEP-20'] }, schema: { summary: '填写公务接待清单', params: Id, body: z.record(z.string(), z.unknown()) } }, async (req) =>
    svc.fillReceptionList(req.ctx, req.params.id, req.body),
  );
  app.post('/finance/receptions/:id/list/review', { config: { ...CLAIM, rules: ['RECEP-20'] }, schema: { summary: '审查公务接待清单（接待科室负责人）', params: Id } }, async (req) =>
    svc.reviewReceptionList(req.ctx, req.params.id),
  );
  app.get('/finance/split-flags', { config: { ...LEDGER, rules: ['FIVE-06'] }, schema: { summary: '化整为零预警' } }, async (req) => ({ items: await svc.splitFlags(req.ctx) }));
  app.get('/finance/ledger/claims.xlsx', { config: LEDGER, schema: { summary: '导出报销台账（XLSX）' } }, async (req, reply) => {
    const items = await svc.listClaims(req.ctx, { scope: 'all' });
    return reply.header('content-type', XLSX_CONTENT_TYPE).header('content-disposition', attachment('报销台账.xlsx', 'claims.xlsx')).send(xlsxStream(CLAIM_COLUMNS, items, { sheetName: '报销台账' }));
  });
  app.get('/finance/violations', { config: { ...LEDGER, rules: ['FIN-17', 'RECEP-27'] }, schema: { summary: '违规问题登记簿' } }, async (req) => ({ items: await listViolations(req.ctx) }));
  app.post('/finance/violations', { config: { ...LEDGER, rules: ['FIN-17', 'RECEP-27'] }, schema: { summary: '登记违规问题（会计法、纪律处分）', body: z.record(z.string(), z.unknown()) } }, async (req, reply) =>
    reply.status(201).send(await recordViolation(req.ctx, req.body)),
  );
  app.get('/finance/ledger/violations.xlsx', { config: { ...LEDGER, rules: ['FIN-17', 'RECEP-27'] }, schema: { summary: '导出违规问题登记簿（XLSX）' } }, async (req, reply) => {
    const items = await listViolations(req.ctx);
    return reply.header('content-type', XLSX_CONTENT_TYPE).header('content-disposition', attachment('违规问题登记簿.xlsx', 'violations.xlsx')).send(xlsxStream(VIOLATION_COLUMNS, items, { sheetName: '违规问题登记簿' }));
  });
  app.get('/finance/ledger/receptions.xlsx', { config: { ...LEDGER, rules: ['RECEP-26'] }, schema: { summary: '导出公务接待登记簿（XLSX，可按年度、科室）', querystring: RegisterQuery.omit({ scope: true }) } }, async (req, reply) => {
    const items = await svc.listReceptions(req.ctx, { scope: 'all', ...req.query });
    return reply.header('content-type', XLSX_CONTENT_TYPE).header('content-disposition', attachment('公务接待台账.xlsx', 'receptions.xlsx')).send(xlsxStream(RECEPTION_COLUMNS, items, { sheetName: '公务接待台账' }));
  });
};

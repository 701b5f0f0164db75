import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { audit } from '../../../kernel/audit/write';
import { renderFormPdf } from '../../../kernel/render/form-pdf';
import { xlsxStream, XLSX_CONTENT_TYPE } from '../../../kernel/render/xlsx';
import { isLocalDate } from '../../../kernel/time';
import { attachment } from '../office/common';
import * as counts from './counts';
import { exportInspection } from './inspection';
import { COUNT_COLUMNS, REPORT_COLUMNS } from './ledger';
import { countForm } from './print';
import * as reports from './reports';

/**
 * /api/v1/finance/cash-counts, /finance/report-calendar, /finance/inspection: cash counts
 * (FIN-03, FIN-02.2/02.3), the statutory report calendar (FIN-18) and the inspection export (FIN-16).
 * 综合科 (finance.cash) records; leaders and the inspector read (finance.ledger).
 */
const Id = z.object({ id: z.string().min(1).max(100) });
const Ack = z.array(z.string().max(40)).max(20).optional();
const Day = z.string().refine(isLocalDate, '日期格式应为 YYYY-MM-DD');
const CASH = { permission: 'finance.cash' };
const LEDGER = { permission: 'finance.ledger' };
const COUNT_RULES = ['FIN-03', 'FIN-02.2', 'FIN-02.3'];

export const financeCashRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/finance/cash-counts/staff', { config: { ...CASH, rules: ['FIN-03'] }, schema: { summary: '财务负责人、会计、出纳与综合科人员（监盘人指定）' } }, async (req) => counts.cashStaff(req.ctx));
  app.post('/finance/cash-counts', { config: { ...CASH, rules: COUNT_RULES }, schema: { summary: '登记现金盘点（定期/不定期）', body: z.object({ count: z.record(z.string(), z.unknown()), acknowledged: Ack }) } }, async (req, reply) =>
    reply.status(201).send(await counts.recordCount(req.ctx, req.body.count, req.body.acknowledged)),
  );
  app.get('/finance/cash-counts', { config: { ...LEDGER, rules: COUNT_RULES }, schema: { summary: '现金盘点记录', querystring: z.object({ from: Day.optional(), to: Day.optional() }) } }, async (req) => ({
    items: await counts.listCounts(req.ctx, req.query),
  }));
  app.get('/finance/cash-counts/exceptions', { config: { ...LEDGER, rules: COUNT_RULES }, schema: { summary: '有差额、白条或超限额的盘点（报财务负责人）' } }, async (req) => ({ items: await counts.countExceptions(req.ctx) }));
  app.get('/finance/cash-counts/schedule', { config: { ...LEDGER, rules: ['FIN-03'] }, schema: { summary: '定期、不定期盘点完成情况与逾期' } }, async (req) => ({ items: await counts.countSchedule(req.ctx) }));
  app.post('/finance/cash-counts/:id/close', { config: { ...CASH, rules: ['FIN-03', 'FIN-02.3'] }, schema: { summary: '结束盘点（有差额须说明原因）', params: Id, body: z.object({ explanation: z.string().max(1000).optional() }) } }, async (req) =>
    counts.closeCount(req.ctx, req.params.id, req.body),
  );
  app.get('/finance/cash-counts/:id/record.pdf', { config: { ...LEDGER, rules: ['FIN-03'] }, schema: { summary: '打印库存现金盘点表', params: Id } }, async (req, reply) => {
    const c = await counts.getCount(req.ctx, req.params.id);
    const head = await counts.financeHead(req.ctx, c.countedOn);
    const pdf = await renderFormPdf(countForm(c, head?.name ?? ''));
    await audit(req.ctx, { event: 'finance.cash_count.print', objectType: 'finance_cash_count', objectId: c.id });
    return reply.header('content-type', 'application/pdf').header('content-disposition', attachment(`库存现金盘点表${c.no}.pdf`, 'cash-count.pdf')).send(pdf);
  });
  app.get('/finance/ledger/cash-counts.xlsx', { config: { ...LEDGER, rules: COUNT_RULES }, schema: { summary: '导出现金盘点台账（XLSX）' } }, async (req, reply) =>
    reply.header('content-type', XLSX_CONTENT_TYPE).header('content-disposition', attachment('现金盘点台账.xlsx', 'cash-counts.xlsx'))
      .send(xlsxStream(COUNT_COLUMNS, await counts.listCounts(req.ctx), { sheetName: '现金盘点台账' })));

  // Report calendar (FIN-18)
  app.get('/finance/report-calendar', { config: { ...LEDGER, rules: ['FIN-18'] }, schema: { summary: '报表报送日历与各期报送情况' } }, async (req) => ({
    entries: await reports.listReportEntries(req.ctx), occurrences: await reports.reportOccurrences(req.ctx),
  }));
  app.get('/finance/report-calendar/overdue', { config: { ...LEDGER, rules: ['FIN-18'] }, schema: { summary: '逾期未报送的报表' } }, async (req) => ({ items: await reports.overdueReports(req.ctx) }));
  app.post('/finance/report-calendar', { config: { ...CASH, rules: ['FIN-18'] }, schema: { summary: '登记需报送的报表（名称、报送单位、期限、周期）', body: z.record(z.string(), z.unknown()) } }, async (req, reply) =>
    reply.status(201).send(await reports.createReportEntry(req.ctx, req.body)),
  );
  app.post('/finance/report-calendar/:id/deactivate', { config: { ...CASH, rules: ['FIN-18'] }, schema: { summary: '停用报表（不再提醒）', params: Id } }, async (req) => {
    await reports.deactivateReportEntry(req.ctx, req.params.id);
    return { ok: true };
  });
  app.post('/finance/report-calendar/:id/sent', { config: { ...CASH, rules: ['FIN-18'] }, schema: { summary: '登记报送（日期、文号）', params: Id, body: z.record(z.string(), z.unknown()) } }, async (req) =>
    reports.markReportSent(req.ctx, req.params.id, req.body),
  );
  app.get('/finance/ledger/report-calendar.xlsx', { config: { ...LEDGER, rules: ['FIN-18'] }, schema: { summary: '导出报表报送记录（XLSX）' } }, async (req, reply) =>
    reply.header('content-type', XLSX_CONTENT_TYPE).header('content-disposition', attachment('报表报送记录.xlsx', 'report-calendar.xlsx'))
      .send(xlsxStream(REPORT_COLUMNS, await reports.reportOccurrences(req.ctx), { sheetName: '报表报送记录' })));

  // Inspection export (FIN-16): the same workbook for 综合科 and for the 审计管理员 (two permission codes, 三员分立).
  for (const [url, permission] of [['/finance/inspection.xlsx', 'finance.inspection'], ['/finance/inspection/audit.xlsx', 'audit.finance_inspection']]) {
    app.get(url, { config: { permission, rules: ['FIN-16'] }, schema: { summary: '导出监督检查资料（报销凭证及签字记录、台账、现金盘点；只读）', querystring: z.object({ from: Day, to: Day }) } }, async (req, reply) =>
      reply.header('content-type', XLSX_CONTENT_TYPE).header('content-disposition', attachment(`监督检查资料${req.query.from}至${req.query.to}.xlsx`, 'inspection.xlsx'))
        .send(await exportInspection(req.ctx, req.query.from, req.query.to)));
  }
};

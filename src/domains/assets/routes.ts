import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { contentDisposition } from '../../kernel/render';
import { xlsxStream, XLSX_CONTENT_TYPE } from '../../kernel/render/xlsx';
import { isLocalDate } from '../../kernel/time';
import { ASSET_COLUMNS, DISPOSAL_COLUMNS, UNION_COLUMNS } from './ledger';
import { disposalDecisionOptions, largeLine } from './disposal-decision';
import * as svc from './service';
import * as union from './union';

/** /api/v1/assets/* (固定资产) and /api/v1/union/* (工会经费). Disposal approvals go through /flow. */
const Id = z.object({ id: z.string().min(1).max(100) });
const Ack = z.array(z.string().max(40)).max(20).optional();
const Day = z.string().refine(isLocalDate, '日期格式应为 YYYY-MM-DD');
const Fen = z.number().int('金额以分为单位，须为整数').nonnegative().max(100_000_000_000);
const Period = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, '月份格式应为 YYYY-MM');
const READ = { permission: 'assets.read' };
const MANAGE = { permission: 'assets.manage' };
const UREAD = { permission: 'union.read' };
const UMANAGE = { permission: 'union.manage' };
const AssetBody = z.object({
  assetNo: z.string().trim().min(1).max(40), name: z.string().trim().min(1).max(100), category: z.string().trim().min(1).max(40), specModel: z.string().trim().max(100).default(''),
  quantity: z.number().int().min(1).max(100_000), originalValueFen: Fen, acquiredOn: Day, source: z.enum(['purchase', 'donation', 'transfer_in']), unitId: z.string().min(1).max(100),
  location: z.string().trim().max(100).default(''), isVehicle: z.boolean().optional(),
});
const year = () => z.coerce.number().int().min(2004).max(2100);

export const assetRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/assets', { config: { ...READ, rules: ['ASSET-01'] }, schema: { summary: '固定资产台账（按使用部门）', querystring: z.object({ unitId: z.string().max(100).optional(), includeDisposed: z.coerce.boolean().optional() }) } }, async (req) => ({
    items: await svc.listAssets(req.ctx, req.query), manager: await svc.assetManager(req.ctx.db),
  }));
  app.get('/assets/ledger.xlsx', { config: { ...READ, rules: ['ASSET-01'] }, schema: { summary: '导出固定资产台账（XLSX）' } }, async (req, reply) =>
    reply.header('content-type', XLSX_CONTENT_TYPE).header('content-disposition', contentDisposition('固定资产台账.xlsx')).send(xlsxStream(ASSET_COLUMNS, await svc.listAssets(req.ctx, { includeDisposed: true }), { sheetName: '固定资产台账' })),
  );
  app.post('/assets/manager', { config: { ...MANAGE, rules: ['ASSET-01'] }, schema: { summary: '指定兼职固定资产管理人员', body: z.object({ personId: z.string().min(1).max(100) }) } }, async (req, reply) => {
    await svc.setAssetManager(req.ctx, req.body.personId);
    return reply.status(204).send();
  });
  app.post('/assets', { config: { ...MANAGE, rules: ['ASSET-01', 'ASSET-05'] }, schema: { summary: '资产验收并登记综合科台账', body: AssetBody } }, async (req, reply) => reply.status(201).send(await svc.registerAsset(req.ctx, req.body)));
  app.post('/assets/finance-first', { config: { ...READ, rules: ['ASSET-09'] }, schema: { summary: '受赠、无偿调入资产先在财务科登记', body: AssetBody.extend({ cardNo: z.string().trim().min(1).max(40) }) } }, async (req, reply) =>
    reply.status(201).send(await svc.registerDonationWithFinance(req.ctx, req.body)),
  );
  app.get('/assets/:id/events', { config: { ...READ, rules: ['ASSET-05'] }, schema: { summary: '资产变动记录', params: Id } }, async (req) => ({ items: await svc.assetEvents(req.ctx, req.params.id) }));
  app.post('/assets/:id/card', { config: { ...READ, rules: ['ASSET-02', 'ASSET-09'] }, schema: { summary: '财务科建立登记卡片和明细账', params: Id, body: z.object({ cardNo: z.string().trim().min(1).max(40) }) } }, async (req, reply) => {
    await svc.registerCard(req.ctx, req.params.id, req.body);
    return reply.status(204).send();
  });
  app.post('/assets/:id/ledger', { config: { ...MANAGE, rules: ['ASSET-09'] }, schema: { summary: '综合科台账登记', params: Id } }, async (req, reply) => {
    await svc.registerLedger(req.ctx, req.params.id);
    return reply.status(204).send();
  });
  app.post('/assets/:id/issue', { config: { ...MANAGE, rules: ['ASSET-02', 'ASSET-09'] }, schema: { summary: '领发', params: Id, body: z.object({ toPersonId: z.string().min(1).max(100) }) } }, async (req, reply) => {
    await svc.issueAsset(req.ctx, req.params.id, req.body);
    return reply.status(204).send();
  });
  app.post('/assets/:id/transfer', { config: { ...MANAGE, rules: ['ASSET-08'] }, schema: { summary: '综合科调拨', params: Id, body: z.object({ toUnitId: z.string().min(1).max(100), toPersonId: z.string().max(100).nullable().optional(), note: z.string().max(500).optional() }) } }, async (req, reply) => {
    await svc.transferAsset(req.ctx, req.params.id, req.body);
    return reply.status(204).send();
  });
  app.post('/assets/:id/reassign', { config: { ...READ, rules: ['ASSET-08'] }, schema: { summary: '变更使用部门（非综合科一律拒绝）', params: Id, body: z.object({ toUnitId: z.string().min(1).max(100) }) } }, async (req, reply) => {
    await svc.requestDirectReassign(req.ctx, req.params.id, req.body);
    return reply.status(204).send();
  });
  app.post('/assets/:id/events', { config: { ...MANAGE, rules: ['ASSET-05'] }, schema: { summary: '登记保管、检查、维修', params: Id, body: z.object({ type: z.enum(['custody', 'inspection', 'repair']), note: z.string().trim().min(1).max(500) }) } }, async (req, reply) => {
    await svc.recordAssetEvent(req.ctx, req.params.id, req.body);
    return reply.status(204).send();
  });
  app.post('/assets/:id/return', { config: { ...MANAGE, rules: ['ASSET-07'] }, schema: { summary: '交还验收', params: Id } }, async (req, reply) => {
    await svc.returnAsset(req.ctx, req.params.id);
    return reply.status(204).send();
  });
  app.post('/assets/:id/lend', { config: { ...READ, rules: ['ASSET-06', 'CAR-22'] }, schema: { summary: '出借（须单位领导许可、综合科办理；车辆不得出借）', params: Id, body: z.object({ to: z.string().trim().min(1).max(100), leaderPersonId: z.string().max(100).nullable().optional(), permissionRef: z.string().max(200).nullable().optional() }) } }, async (req, reply) => {
    await svc.lendAsset(req.ctx, req.params.id, req.body);
    return reply.status(204).send();
  });
  app.post('/assets/:id/dispose', { config: { ...READ, rules: ['ASSET-10'] }, schema: { summary: '登记报损、报废、变卖（须有批准的处置审批）', params: Id, body: z.object({ type: z.enum(['loss', 'scrap', 'sale']), approvalRef: z.string().max(100).nullable().optional() }) } }, async (req, reply) => {
    await svc.recordDisposalEvent(req.ctx, req.params.id, req.body);
    return reply.status(204).send();
  });
  app.get('/assets/clearance/:id', { config: { ...READ, rules: ['ASSET-07'] }, schema: { summary: '调离前未交还资产', params: Id, querystring: z.object({ request: z.coerce.boolean().optional() }) } }, async (req) => svc.clearance(req.ctx, req.params.id, req.query));

  app.post('/assets/disposals', { config: { ...MANAGE, rules: ['ASSET-10'] }, schema: { summary: '提交固定资产处置审批', body: z.object({ form: z.record(z.string(), z.unknown()), acknowledged: Ack }) } }, async (req, reply) =>
    reply.status(201).send(await svc.submitDisposal(req.ctx, req.body.form, req.body.acknowledged)),
  );
  app.get('/assets/disposals', { config: READ, schema: { summary: '资产处置' } }, async (req) => ({ items: await svc.listDisposals(req.ctx) }));
  app.get('/assets/disposals/decisions', { config: { ...MANAGE, rules: ['ASSET-10', 'PG-01', 'SZYD-05'] }, schema: { summary: '可关联的党组集体研究决定（固定资产处置）', querystring: z.object({ amountFen: z.coerce.number().int().nonnegative().max(100_000_000_000) }) } }, async (req) => ({
    items: await disposalDecisionOptions(req.ctx.db, req.query.amountFen), largeLineFen: largeLine(),
  }));
  app.get('/assets/disposals.xlsx', { config: { ...READ, rules: ['ASSET-10', 'ASSET-11'] }, schema: { summary: '导出资产处置登记簿（XLSX）' } }, async (req, reply) =>
    reply.header('content-type', XLSX_CONTENT_TYPE).header('content-disposition', contentDisposition('资产处置登记簿.xlsx')).send(xlsxStream(DISPOSAL_COLUMNS, await svc.listDisposals(req.ctx), { sheetName: '资产处置登记簿' })),
  );
  app.post('/assets/disposals/:id/proceeds', { config: { ...MANAGE, rules: ['ASSET-11'] }, schema: { summary: '登记残值变价收入', params: Id, body: z.object({ proceedsFen: Fen, target: z.enum(['city_finance', 'office_income', 'other_use']) }) } }, async (req, reply) => {
    await svc.recordProceeds(req.ctx, req.params.id, req.body);
    return reply.status(204).send();
  });
  app.post('/assets/disposals/:id/remit', { config: { ...READ, rules: ['ASSET-11'] }, schema: { summary: '上交市财政', params: Id, body: z.object({ amountFen: Fen, remittedOn: Day, voucher: z.string().trim().min(1).max(100) }) } }, async (req, reply) => {
    await svc.remitProceeds(req.ctx, req.params.id, req.body);
    return reply.status(204).send();
  });
  app.post('/assets/disposals/:id/close', { config: { ...MANAGE, rules: ['ASSET-11'] }, schema: { summary: '处置办结', params: Id } }, async (req, reply) => {
    await svc.closeDisposal(req.ctx, req.params.id);
    return reply.status(204).send();
  });

  app.get('/assets/checks', { config: READ, schema: { summary: '对账与年度盘点记录' } }, async (req) => svc.listChecks(req.ctx));
  app.post('/assets/reconciliations', { config: { ...MANAGE, rules: ['ASSET-03'] }, schema: { summary: '综合科与财务科对账', body: z.object({ period: z.string().regex(/^\d{4}-Q[1-4]$/, '期间格式应为 YYYY-Qn'), physicalMatches: z.boolean(), explanation: z.string().max(2000).nullable().optional() }) } }, async (req, reply) =>
    reply.status(201).send(await svc.reconcile(req.ctx, req.body)),
  );
  app.post('/assets/reconciliations/:id/close', { config: { ...MANAGE, rules: ['ASSET-03'] }, schema: { summary: '说明差异并结束对账', params: Id, body: z.object({ explanation: z.string().trim().min(1).max(2000) }) } }, async (req, reply) => {
    await svc.closeReconciliation(req.ctx, req.params.id, req.body);
    return reply.status(204).send();
  });
  app.post('/assets/stocktakes', { config: { ...MANAGE, rules: ['ASSET-04'] }, schema: { summary: '年度盘点', body: z.object({ year: z.number().int().min(2004).max(2100), discrepancies: z.array(z.object({ assetNo: z.string().max(40), finding: z.string().max(500) })).max(1000).default([]) }) } }, async (req, reply) =>
    reply.status(201).send(await svc.stocktake(req.ctx, req.body)),
  );

  // ---- union funds
  app.post('/union/dues', { config: { ...UMANAGE, rules: ['UNION-01'] }, schema: { summary: '按工资表计算会费（5‰）', body: z.object({ period: Period, lines: z.array(z.object({ memberName: z.string().trim().min(1).max(50), personId: z.string().max(100).nullable().optional(), salaryFen: Fen })).min(1).max(5000) }) } }, async (req, reply) =>
    reply.status(201).send(await union.computeDues(req.ctx, req.body)),
  );
  app.get('/union/dues', { config: UREAD, schema: { summary: '会费明细', querystring: z.object({ period: Period }) } }, async (req) => ({ items: await union.listDues(req.ctx, req.query) }));
  app.post('/union/allocations', { config: { ...UMANAGE, rules: ['UNION-02'] }, schema: { summary: '计算拨缴经费（工资总额2%）及留成', body: z.object({ period: Period, payrollFen: Fen, employees: z.number().int().min(1).max(100_000) }) } }, async (req, reply) =>
    reply.status(201).send(await union.computeAllocation(req.ctx, req.body)),
  );
  app.get('/union/allocations', { config: UREAD, schema: { summary: '拨缴经费' } }, async (req) => ({ items: await union.listAllocations(req.ctx) }));
  app.post('/union/entries', { config: { ...UMANAGE, rules: ['UNION-03', 'UNION-04'] }, schema: { summary: '登记工会经费收支', body: z.object({ direction: z.enum(['income', 'expense']), category: z.string().min(1).max(40), amountFen: Fen, onDate: Day, summary: z.string().trim().min(1).max(300), standardItem: z.string().max(60).nullable().optional(), persons: z.number().int().min(1).max(100_000).nullable().optional() }) } }, async (req, reply) =>
    reply.status(201).send(await union.addUnionEntry(req.ctx, req.body)),
  );
  app.get('/union/ledger', { config: UREAD, schema: { summary: '工会经费台账', querystring: z.object({ year: year() }) } }, async (req) => union.unionLedger(req.ctx, req.query));
  app.get('/union/ledger.xlsx', { config: UREAD, schema: { summary: '导出工会经费台账（XLSX）', querystring: z.object({ year: year() }) } }, async (req, reply) =>
    reply.header('content-type', XLSX_CONTENT_TYPE).header('content-disposition', contentDisposition(`工会经费台账${req.query.year}.xlsx`)).send(xlsxStream(UNION_COLUMNS, (await union.unionLedger(req.ctx, req.query)).entries, { sheetName: '工会经费台账' })),
  );
};

import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { xlsxStream, XLSX_CONTENT_TYPE } from '../../kernel/render/xlsx';
import { contentDisposition } from '../../kernel/render/download';
import { audit } from '../../kernel/audit/write';
import { DOC_COLUMNS } from './ledger';
import * as svc from './service';

/** /api/v1/secrecy/*: the register of paper classified documents and media (no content, SEC-23). */
const Id = z.object({ id: z.string().min(1).max(100) });
const Body = z.record(z.string(), z.unknown());
const READ = { permission: 'secrecy.read' };
const HANDLE = { permission: 'secrecy.handle' };
const REQUEST = { permission: 'secrecy.request' };

export const secrecyRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/secrecy/documents', { config: { ...READ, rules: ['SEC-09'] }, schema: { summary: '涉密文件登记簿（查阅留痕）', querystring: z.object({ year: z.coerce.number().int().min(2000).max(2100).optional(), status: z.string().max(20).optional() }) } },
    async (req) => ({ items: await svc.listDocuments(req.ctx, req.query) }));
  app.post('/secrecy/documents', { config: { ...HANDLE, rules: ['SEC-01', 'SEC-03', 'SEC-09', 'SEC-23'] }, schema: { summary: '登记涉密文件（文书；绝密由专管人员）', body: Body } }, async (req, reply) =>
    reply.status(201).send(await svc.registerDocument(req.ctx, req.body)));
  app.get('/secrecy/documents/:id', { config: READ, schema: { summary: '涉密文件登记详情（查阅留痕）', params: Id } }, async (req) => svc.documentDetail(req.ctx, req.params.id));
  app.post('/secrecy/documents/:id/instruct', { config: { ...HANDLE, rules: ['SEC-02'] }, schema: { summary: '呈送综合科负责人签批、主任批示', params: Id } }, async (req, reply) =>
    reply.status(201).send(await svc.sendForInstruction(req.ctx, req.params.id)));
  app.post('/secrecy/documents/:id/circulate', { config: { ...HANDLE, rules: ['SEC-02', 'SEC-04', 'SEC-19'] }, schema: { summary: '按批示传阅（一次一个科室，交回文书）', params: Id, body: Body } }, async (req, reply) =>
    reply.status(201).send(await svc.circulate(req.ctx, req.params.id, req.body)));
  app.post('/secrecy/circulations/:id/return', { config: { ...HANDLE, rules: ['SEC-04'] }, schema: { summary: '传阅件交回文书', params: Id } }, async (req, reply) => {
    await svc.returnLeg(req.ctx, req.params.id);
    return reply.status(204).send();
  });
  app.post('/secrecy/documents/:id/archive', { config: { ...HANDLE, rules: ['SEC-04', 'SEC-13', 'SEC-14'] }, schema: { summary: '归档入卷（分密级入柜）', params: Id, body: Body } }, async (req, reply) => {
    await svc.archiveDocument(req.ctx, req.params.id, req.body);
    return reply.status(204).send();
  });
  app.get('/secrecy/archive-report', { config: { ...READ, rules: ['SEC-13'] }, schema: { summary: '上年涉密文件第一季度归档情况（提醒与逾期）', querystring: z.object({ asOf: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional() }) } },
    async (req) => ({ items: await svc.archiveReport(req.ctx, req.query.asOf) }));
  app.post('/secrecy/documents/:id/destruction', { config: { ...HANDLE, rules: ['SEC-09'] }, schema: { summary: '申请销毁（综合科负责人、定密责任人批准）', params: Id, body: Body } }, async (req, reply) =>
    reply.status(201).send(await svc.requestDestruction(req.ctx, req.params.id, req.body)));
  app.post('/secrecy/destructions/:id/execute', { config: { ...HANDLE, rules: ['SEC-09'] }, schema: { summary: '登记销毁（执行人、监销人）', params: Id, body: Body } }, async (req, reply) => {
    await svc.executeDestruction(req.ctx, req.params.id, req.body);
    return reply.status(204).send();
  });
  app.get('/secrecy/destructions', { config: { ...READ, rules: ['SEC-09'] }, schema: { summary: '涉密文件销毁记录' } }, async (req) => ({ items: await svc.listDestructions(req.ctx) }));

  app.post('/secrecy/loans', { config: { ...REQUEST, rules: ['SEC-05', 'SEC-06', 'SEC-19', 'SEC-23'] }, schema: { summary: '申请借阅已归档的涉密文件', body: Body } }, async (req, reply) =>
    reply.status(201).send(await svc.requestLoan(req.ctx, req.body)));
  app.get('/secrecy/loans/mine', { config: REQUEST, schema: { summary: '我的借阅' } }, async (req) => ({ items: await svc.listLoans(req.ctx, { scope: 'mine' }) }));
  app.get('/secrecy/loans', { config: { ...READ, rules: ['SEC-05'] }, schema: { summary: '借阅登记（含逾期）', querystring: z.object({ asOf: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional() }) } },
    async (req) => ({ items: await svc.listLoans(req.ctx, { scope: 'all', asOf: req.query.asOf }) }));
  app.post('/secrecy/loans/:id/out', { config: { ...HANDLE, rules: ['SEC-05'] }, schema: { summary: '借出（文书）', params: Id } }, async (req, reply) => {
    await svc.lendOut(req.ctx, req.params.id);
    return reply.status(204).send();
  });
  app.post('/secrecy/loans/:id/return', { config: { ...HANDLE, rules: ['SEC-05'] }, schema: { summary: '归还（文书收回）', params: Id } }, async (req, reply) => {
    await svc.returnLoan(req.ctx, req.params.id);
    return reply.status(204).send();
  });

  app.post('/secrecy/copy-requests', { config: { ...REQUEST, rules: ['SEC-06', 'SEC-07', 'SEC-08', 'SEC-19'] }, schema: { summary: '申请复制或摘抄机密、秘密文件', body: Body } }, async (req, reply) =>
    reply.status(201).send(await svc.requestCopies(req.ctx, req.body)));
  app.get('/secrecy/copy-requests/mine', { config: REQUEST, schema: { summary: '我的复制（摘抄）申请' } }, async (req) => ({ items: await svc.listCopyRequests(req.ctx, { scope: 'mine' }) }));
  app.get('/secrecy/copy-requests', { config: READ, schema: { summary: '复制（摘抄）申请' } }, async (req) => ({ items: await svc.listCopyRequests(req.ctx, { scope: 'all' }) }));
  app.post('/secrecy/copy-requests/:id/make', { config: { ...HANDLE, rules: ['SEC-07', 'SEC-08'] }, schema: { summary: '综合科协助复制（编号、加盖印章）', params: Id } }, async (req, reply) =>
    reply.status(201).send(await svc.makeCopies(req.ctx, req.params.id)));
  app.post('/secrecy/copies/:id', { config: { ...HANDLE, rules: ['SEC-07', 'SEC-08'] }, schema: { summary: '复制件退回、销毁或登记其他用途', params: Id, body: Body } }, async (req, reply) => {
    await svc.actOnCopy(req.ctx, req.params.id, req.body);
    return reply.status(204).send();
  });
  app.get('/secrecy/copies/outstanding', { config: { ...READ, rules: ['SEC-07', 'SEC-08'] }, schema: { summary: '未退回销毁的复制件、摘抄件' } }, async (req) => ({ items: await svc.outstandingCopies(req.ctx) }));

  app.get('/secrecy/media', { config: { ...READ, rules: ['SEC-24'] }, schema: { summary: '涉密存储介质登记' } }, async (req) => ({ items: await svc.listMedia(req.ctx) }));
  app.post('/secrecy/media', { config: { ...HANDLE, rules: ['SEC-24'] }, schema: { summary: '登记涉密存储介质', body: Body } }, async (req, reply) => reply.status(201).send(await svc.registerMedium(req.ctx, req.body)));
  app.post('/secrecy/media/:id/items', { config: { ...HANDLE, rules: ['SEC-24'] }, schema: { summary: '登记存储条目（密级自动取最高）', params: Id, body: Body } }, async (req, reply) =>
    reply.status(201).send(await svc.addMediumItem(req.ctx, req.params.id, req.body)));
  app.post('/secrecy/media-items/:id/remove', { config: { ...HANDLE, rules: ['SEC-24'] }, schema: { summary: '删除存储条目', params: Id } }, async (req, reply) => {
    await svc.removeMediumItem(req.ctx, req.params.id);
    return reply.status(204).send();
  });
  app.post('/secrecy/media/:id/reevaluate', { config: { ...HANDLE, rules: ['SEC-24'] }, schema: { summary: '重新评定介质密级（管理责任人）', params: Id } }, async (req) => svc.reevaluateMedium(req.ctx, req.params.id));

  app.get('/secrecy/ledger/documents.xlsx', { config: { ...READ, rules: ['SEC-09'] }, schema: { summary: '导出涉密文件登记簿（XLSX，留痕）', querystring: z.object({ year: z.coerce.number().int().min(2000).max(2100).optional() }) } }, async (req, reply) => {
    const items = await svc.listDocuments(req.ctx, { year: req.query.year });
    await audit(req.ctx, { event: 'secrecy.register.export', objectType: 'secrecy_document', detail: { rows: items.length } });
    return reply.header('content-type', XLSX_CONTENT_TYPE).header('content-disposition', contentDisposition('涉密文件登记簿.xlsx')).send(xlsxStream(DOC_COLUMNS, items, { sheetName: '涉密文件登记簿' }));
  });
};

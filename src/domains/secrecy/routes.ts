import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { xlsxStream, XLSX_CONTENT_TYPE } from '../../kernel/render/xlsx';
import { contentDisposition } from '../../kernel/render/download';
import { audit } from '../../kernel/audit/write';
import { CHECK_ITEM_COLUMNS, DEVICE_COLUMNS, DOC_COLUMNS, OUTGOING_COLUMNS, RECORD_COLUMNS, TAKEOUT_COLUMNS } from './ledger';
import * as svc from './service';
import * as out from './outgoing';
import * as cus from './custody';
import * as eq from './equipment';
import type { Ctx } from '../../kernel/context';
import type { FastifyReply } from 'fastify';
import type { XlsxColumn } from '../../kernel/render/xlsx';

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
  app.post('/secrecy/documents/:id/circulate', { config: { ...HANDLE, rules: ['SEC-02', 'SEC-04', 'SEC-19', 'DOC-29'] }, schema: { summary: '按批示传阅（一次一个科室，交回文书）', params: Id, body: Body } }, async (req, reply) =>
    reply.status(201).send(await svc.circulate(req.ctx, req.params.id, req.body)));
  app.post('/secrecy/circulations/:id/return', { config: { ...HANDLE, rules: ['SEC-04', 'DOC-29'] }, schema: { summary: '传阅件交回文书', params: Id } }, async (req, reply) => {
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

  // ---------------------------------------------------------------- 涉密发文 (SEC-10/11/12/17/18/20)
  const Ack = z.object({ form: Body, acknowledged: z.array(z.string().max(40)).max(20).optional() });
  app.get('/secrecy/outgoing', { config: { ...READ, rules: ['SEC-10', 'SEC-17', 'SEC-18'] }, schema: { summary: '涉密发文登记簿（查阅留痕）' } }, async (req) => ({ items: await out.listOutgoing(req.ctx) }));
  app.post('/secrecy/outgoing', { config: { ...REQUEST, rules: ['SEC-10', 'SEC-11', 'SEC-12', 'SEC-20', 'SEC-23'] }, schema: { summary: '登记涉密发文并送综合科审核、分管领导签发、主任把关', body: Ack } }, async (req, reply) =>
    reply.status(201).send(await out.registerOutgoing(req.ctx, req.body.form, req.body.acknowledged)));
  app.post('/secrecy/outgoing/:id/level', { config: { ...REQUEST, rules: ['SEC-20'] }, schema: { summary: '变更密级（定密责任人）', params: Id, body: Body } }, async (req, reply) => {
    await out.changeOutgoingLevel(req.ctx, req.params.id, req.body);
    return reply.status(204).send();
  });
  app.post('/secrecy/outgoing/:id/print', { config: { ...HANDLE, rules: ['SEC-10', 'SEC-17'] }, schema: { summary: '登记印制（综合科涉密计算机，生成份号）', params: Id, body: Body } }, async (req, reply) =>
    reply.status(201).send(await out.printOutgoing(req.ctx, req.params.id, req.body)));
  app.post('/secrecy/outgoing/:id/distribute', { config: { ...HANDLE, rules: ['SEC-17'] }, schema: { summary: '逐份登记分发', params: Id, body: Body } }, async (req) => out.distributeCopies(req.ctx, req.params.id, req.body));
  app.post('/secrecy/outgoing/:id/dispatch', { config: { ...HANDLE, rules: ['SEC-17', 'SEC-18'] }, schema: { summary: '登记发出（机要渠道）', params: Id, body: Body } }, async (req, reply) => {
    await out.dispatchOutgoing(req.ctx, req.params.id, req.body);
    return reply.status(204).send();
  });

  // ---------------------------------------------------------------- 带离 (SEC-15) and 清查核对 (SEC-16)
  app.post('/secrecy/takeouts', { config: { ...REQUEST, rules: ['SEC-15', 'SEC-19'] }, schema: { summary: '申请将涉密文件带离工作场所', body: Ack } }, async (req, reply) =>
    reply.status(201).send(await cus.requestTakeout(req.ctx, req.body.form, req.body.acknowledged)));
  app.get('/secrecy/takeouts/mine', { config: REQUEST, schema: { summary: '我的带离申请' } }, async (req) => ({ items: await cus.listTakeouts(req.ctx, { scope: 'mine' }) }));
  app.get('/secrecy/takeouts', { config: { ...READ, rules: ['SEC-15'] }, schema: { summary: '涉密文件带离登记' } }, async (req) => ({ items: await cus.listTakeouts(req.ctx, { scope: 'all' }) }));
  app.post('/secrecy/takeouts/:id/out', { config: { ...HANDLE, rules: ['SEC-15'] }, schema: { summary: '登记带出', params: Id } }, async (req, reply) => {
    await cus.takeoutOut(req.ctx, req.params.id);
    return reply.status(204).send();
  });
  app.post('/secrecy/takeouts/:id/return', { config: { ...HANDLE, rules: ['SEC-15'] }, schema: { summary: '登记带回', params: Id } }, async (req, reply) => {
    await cus.takeoutBack(req.ctx, req.params.id);
    return reply.status(204).send();
  });
  app.get('/secrecy/checks', { config: { ...READ, rules: ['SEC-16'] }, schema: { summary: '清查核对记录' } }, async (req) => ({ items: await cus.listChecks(req.ctx), due: await cus.checkDue(req.ctx) }));
  app.post('/secrecy/checks', { config: { ...HANDLE, rules: ['SEC-16'] }, schema: { summary: '开始本期清查核对（列出全部在册涉密件及持有人）' } }, async (req, reply) => reply.status(201).send(await cus.startCheck(req.ctx)));
  app.get('/secrecy/checks/:id/items', { config: { ...READ, rules: ['SEC-16'] }, schema: { summary: '清查核对明细', params: Id } }, async (req) => ({ items: await cus.checkItems(req.ctx, req.params.id) }));
  app.post('/secrecy/check-items/:id', { config: { ...HANDLE, rules: ['SEC-16'] }, schema: { summary: '登记核对结果', params: Id, body: Body } }, async (req, reply) => {
    await cus.recordCheckItem(req.ctx, req.params.id, req.body);
    return reply.status(204).send();
  });
  app.post('/secrecy/checks/:id/close', { config: { ...HANDLE, rules: ['SEC-16'] }, schema: { summary: '结束清查（发现问题报告综合科负责人）', params: Id } }, async (req) => cus.closeCheck(req.ctx, req.params.id));

  // ---------------------------------------------------------------- equipment, work log, committee
  app.get('/secrecy/devices', { config: { ...READ, rules: ['SEC-22', 'SEC-23', 'SEC-25', 'SEC-26'] }, schema: { summary: '计算机及办公设备保密登记' } }, async (req) => ({ items: await eq.listDevices(req.ctx) }));
  app.post('/secrecy/devices', { config: { ...HANDLE, rules: ['SEC-22', 'SEC-23', 'SEC-26'] }, schema: { summary: '登记设备（涉密计算机不得上网）', body: Body } }, async (req, reply) => reply.status(201).send(await eq.registerDevice(req.ctx, req.body)));
  app.put('/secrecy/devices/:id', { config: { ...HANDLE, rules: ['SEC-22', 'SEC-23', 'SEC-26'] }, schema: { summary: '修改设备登记', params: Id, body: Body } }, async (req, reply) => {
    await eq.updateDevice(req.ctx, req.params.id, req.body);
    return reply.status(204).send();
  });
  app.post('/secrecy/devices/:id/events', { config: { ...HANDLE, rules: ['SEC-25', 'SEC-26', 'SEC-31'] }, schema: { summary: '登记维修、更换、报废、转让、外借', params: Id, body: Body } }, async (req, reply) =>
    reply.status(201).send(await eq.recordDeviceEvent(req.ctx, req.params.id, req.body)));
  app.get('/secrecy/records', { config: { ...READ, rules: ['SEC-21', 'SEC-27', 'SEC-28', 'SEC-30', 'SEC-32', 'SEC-33', 'SEC-34'] }, schema: { summary: '保密工作记录', querystring: z.object({ kind: z.string().max(20).optional() }) } },
    async (req) => ({ items: await eq.listRecords(req.ctx, req.query), inspections: await eq.inspectionsDue(req.ctx) }));
  app.post('/secrecy/records', { config: { ...HANDLE, rules: ['SEC-21', 'SEC-27', 'SEC-28', 'SEC-30', 'SEC-32', 'SEC-33', 'SEC-34'] }, schema: { summary: '登记保密工作记录', body: Body } }, async (req, reply) =>
    reply.status(201).send(await eq.addRecord(req.ctx, req.body)));
  app.post('/secrecy/records/:id/correct', { config: { ...HANDLE, rules: ['SEC-27', 'SEC-30'] }, schema: { summary: '登记整改（处理）结果', params: Id, body: Body } }, async (req, reply) => {
    await eq.correctRecord(req.ctx, req.params.id, req.body);
    return reply.status(204).send();
  });
  app.get('/secrecy/committee', { config: { ...READ, rules: ['SEC-29'] }, schema: { summary: '保密委员会及缺员报告' } }, async (req) => eq.committeeReport(req.ctx));
  app.post('/secrecy/committee', { config: { ...HANDLE, rules: ['SEC-29'] }, schema: { summary: '登记保密委员会成员', body: Body } }, async (req, reply) => reply.status(201).send(await eq.addCommitteeMember(req.ctx, req.body)));
  app.post('/secrecy/committee/:id/end', { config: { ...HANDLE, rules: ['SEC-29'] }, schema: { summary: '成员离任', params: Id } }, async (req, reply) => {
    await eq.endCommitteeMember(req.ctx, req.params.id);
    return reply.status(204).send();
  });
  app.get('/secrecy/people', { config: REQUEST, schema: { summary: '人员与科室（选择用）' } }, async (req) => svc.peopleAndUnits(req.ctx));

  // ---------------------------------------------------------------- XLSX exports of every register (audited)
  const exportXlsx = async <R,>(ctx: Ctx, reply: FastifyReply, name: string, columns: XlsxColumn<R>[], items: R[]) => {
    await audit(ctx, { event: 'secrecy.register.export', objectType: 'secrecy_register', detail: { register: name, rows: items.length } });
    return reply.header('content-type', XLSX_CONTENT_TYPE).header('content-disposition', contentDisposition(`${name}.xlsx`)).send(xlsxStream(columns, items, { sheetName: name }));
  };
  app.get('/secrecy/ledger/outgoing.xlsx', { config: READ, schema: { summary: '导出涉密发文登记簿（XLSX）' } }, async (req, reply) => exportXlsx(req.ctx, reply, '涉密发文登记簿', OUTGOING_COLUMNS, await out.listOutgoing(req.ctx)));
  app.get('/secrecy/ledger/takeouts.xlsx', { config: READ, schema: { summary: '导出涉密文件带离登记（XLSX）' } }, async (req, reply) => exportXlsx(req.ctx, reply, '涉密文件带离登记', TAKEOUT_COLUMNS, await cus.listTakeouts(req.ctx, { scope: 'all' })));
  app.get('/secrecy/checks/:id/items.xlsx', { config: READ, schema: { summary: '导出清查核对表（XLSX）', params: Id } }, async (req, reply) => exportXlsx(req.ctx, reply, '涉密文件清查核对表', CHECK_ITEM_COLUMNS, await cus.checkItems(req.ctx, req.params.id)));
  app.get('/secrecy/ledger/devices.xlsx', { config: READ, schema: { summary: '导出设备保密登记（XLSX）' } }, async (req, reply) => exportXlsx(req.ctx, reply, '计算机及办公设备保密登记', DEVICE_COLUMNS, await eq.listDevices(req.ctx)));
  app.get('/secrecy/ledger/records.xlsx', { config: READ, schema: { summary: '导出保密工作记录（XLSX）' } }, async (req, reply) => exportXlsx(req.ctx, reply, '保密工作记录', RECORD_COLUMNS, await eq.listRecords(req.ctx)));
};

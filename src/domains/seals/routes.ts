import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { xlsxStream, XLSX_CONTENT_TYPE } from '../../kernel/render/xlsx';
import { contentDisposition } from '../../kernel/render/download';
import { startFlow } from '../../kernel/flow';
import { withTx } from '../../kernel/context';
import { audit } from '../../kernel/audit/write';
import { USE_COLUMNS } from './ledger';
import * as svc from './service';

/** /api/v1/seals/*: the register of seals, the 用印登记簿, take-outs and loss cases. Approvals go through /flow. */
const Id = z.object({ id: z.string().min(1).max(100) });
const Body = z.record(z.string(), z.unknown());
const USE = { permission: 'seals.use' };
const KEEP = { permission: 'seals.keep' };
const LEDGER = { permission: 'seals.ledger' };

export const sealsRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/seals/leaders', { config: USE, schema: { summary: '办领导（签发人、紧急用章同意人）' } }, async (req) => ({ items: await svc.officeLeaders(req.ctx) }));
  app.get('/seals', { config: USE, schema: { summary: '印章登记（在用、停用、封存、销毁）' } }, async (req) => ({ items: await svc.listSeals(req.ctx) }));
  app.post('/seals', { config: { ...KEEP, rules: ['SEAL-14', 'SEAL-16'] }, schema: { summary: '依已批准的刻制（更换）申请登记新印章', body: Body } }, async (req, reply) =>
    reply.status(201).send(await svc.registerSeal(req.ctx, req.body)));
  app.post('/seals/make-requests', { config: { ...USE, rules: ['SEAL-14'] }, schema: { summary: '申请刻制或更换印章（报分管领导签字同意）', body: Body } }, async (req, reply) => {
    const res = await withTx(req.ctx, async (tx) => {
      const r = await startFlow(tx, 'seals.make', { form: req.body });
      await audit(tx, { event: 'seals.make.request', objectType: 'flow_instance', objectId: r.instanceId });
      return r;
    });
    return reply.status(201).send({ instanceId: res.instanceId });
  });
  app.post('/seals/:id/temp-keepers', { config: { ...USE, rules: ['SEAL-12'] }, schema: { summary: '指定临时代管人（综合科分管领导）', params: Id, body: Body } }, async (req, reply) =>
    reply.status(201).send(await svc.designateTempKeeper(req.ctx, req.params.id, req.body)));
  app.get('/seals/temp-keepers', { config: { ...LEDGER, rules: ['SEAL-12'] }, schema: { summary: '临时代管人指定记录' } }, async (req) => ({ items: await svc.listTempKeepers(req.ctx) }));
  app.post('/seals/stop', { config: { ...USE, rules: ['SEAL-11'] }, schema: { summary: '停用印章（单位名称变动、损坏；综合科分管领导批准）', body: Body } }, async (req) => svc.stopSeals(req.ctx, req.body));
  app.post('/seals/:id/loss', { config: { ...KEEP, rules: ['SEAL-11', 'SEAL-13'] }, schema: { summary: '报告印章遗失或被盗（立即停用）', params: Id, body: Body } }, async (req, reply) =>
    reply.status(201).send(await svc.reportLoss(req.ctx, req.params.id, req.body)));
  app.get('/seals/loss-cases', { config: { ...LEDGER, rules: ['SEAL-13'] }, schema: { summary: '印章遗失案件' } }, async (req) => ({ items: await svc.listLossCases(req.ctx) }));
  app.post('/seals/loss-cases/:id', { config: { ...KEEP, rules: ['SEAL-13'] }, schema: { summary: '登记报告办领导、遗失声明、报有关部门备案', params: Id, body: Body } }, async (req) =>
    svc.recordLossStep(req.ctx, req.params.id, req.body));
  app.post('/seals/:id/dispose', { config: { ...KEEP, rules: ['SEAL-11'] }, schema: { summary: '停用印章的封存或销毁', params: Id, body: Body } }, async (req, reply) => {
    await svc.disposeSeal(req.ctx, req.params.id, req.body);
    return reply.status(204).send();
  });

  app.post('/seals/uses', { config: { ...USE, rules: ['SEAL-01', 'SEAL-02', 'SEAL-03', 'SEAL-04', 'SEAL-06', 'SEAL-09', 'SEAL-11', 'SEAL-15', 'SEAL-16'] },
    schema: { summary: '用印登记与申请（按材料类别送审）', body: z.object({ form: Body, acknowledged: z.array(z.string().max(40)).max(20).optional() }) } }, async (req, reply) =>
    reply.status(201).send(await svc.requestUse(req.ctx, req.body.form, req.body.acknowledged)));
  app.get('/seals/uses', { config: USE, schema: { summary: '用印登记（本人、待用印或全部）', querystring: z.object({ scope: z.enum(['mine', 'all', 'keeper']).default('mine'), year: z.coerce.number().int().min(2004).max(2100).optional(), status: z.string().max(20).optional() }) } },
    async (req) => ({ items: await svc.listUses(req.ctx, req.query) }));
  app.get('/seals/uses/emergencies', { config: { ...LEDGER, rules: ['SEAL-09'] }, schema: { summary: '紧急用章未补办手续清单' } }, async (req) => ({ items: await svc.openEmergencies(req.ctx) }));
  app.get('/seals/uses/:id', { config: USE, schema: { summary: '用印登记详情', params: Id } }, async (req) => svc.useDetail(req.ctx, req.params.id));
  app.get('/seals/uses/:id/form.pdf', { config: USE, schema: { summary: '打印用印审批单（PDF）', params: Id } }, async (req, reply) => {
    const { pdf, fileName } = await svc.printUse(req.ctx, req.params.id);
    return reply.header('content-type', 'application/pdf').header('content-disposition', contentDisposition(fileName, 'inline')).header('cache-control', 'no-store').send(pdf);
  });
  app.post('/seals/uses/:id/stamp', { config: { ...KEEP, rules: ['SEAL-01', 'SEAL-06', 'SEAL-07', 'SEAL-08', 'SEAL-09', 'SEAL-11', 'SEAL-12'] }, schema: { summary: '登记用印（印章管理人员）', params: Id, body: Body } }, async (req) =>
    svc.stampUse(req.ctx, req.params.id, req.body));
  app.post('/seals/uses/:id/refuse', { config: { ...KEEP, rules: ['SEAL-05', 'SEAL-12'] }, schema: { summary: '拒绝用印（行文不规范）', params: Id, body: Body } }, async (req, reply) => {
    await svc.refuseUse(req.ctx, req.params.id, req.body);
    return reply.status(204).send();
  });
  app.post('/seals/violations', { config: { ...KEEP, rules: ['SEAL-10'] }, schema: { summary: '登记违规用印', body: Body } }, async (req, reply) => reply.status(201).send(await svc.recordViolation(req.ctx, req.body)));
  app.get('/seals/violations', { config: { ...LEDGER, rules: ['SEAL-10'] }, schema: { summary: '违规用印记录' } }, async (req) => ({ items: await svc.listViolations(req.ctx) }));

  app.post('/seals/takeouts', { config: { ...USE, rules: ['SEAL-07'] }, schema: { summary: '申请带出印章（综合科负责人签字）', body: Body } }, async (req, reply) => reply.status(201).send(await svc.requestTakeout(req.ctx, req.body)));
  app.get('/seals/takeouts', { config: USE, schema: { summary: '印章带出记录' } }, async (req) => ({ items: await svc.listTakeouts(req.ctx) }));
  app.post('/seals/takeouts/:id/out', { config: { ...KEEP, rules: ['SEAL-07'] }, schema: { summary: '交付带出的印章', params: Id } }, async (req, reply) => {
    await svc.handOutSeal(req.ctx, req.params.id);
    return reply.status(204).send();
  });
  app.post('/seals/takeouts/:id/return', { config: { ...KEEP, rules: ['SEAL-07'] }, schema: { summary: '印章交回', params: Id } }, async (req, reply) => {
    await svc.returnSeal(req.ctx, req.params.id);
    return reply.status(204).send();
  });

  app.get('/seals/ledger/uses.xlsx', { config: LEDGER, schema: { summary: '导出用印登记簿（XLSX）', querystring: z.object({ year: z.coerce.number().int().min(2004).max(2100).optional() }) } }, async (req, reply) => {
    const items = await svc.listUses(req.ctx, { scope: 'all', year: req.query.year });
    await audit(req.ctx, { event: 'seals.ledger.export', objectType: 'seal_use', detail: { rows: items.length } });
    return reply.header('content-type', XLSX_CONTENT_TYPE).header('content-disposition', contentDisposition('用印登记簿.xlsx')).send(xlsxStream(USE_COLUMNS, items, { sheetName: '用印登记簿' }));
  });
};

import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { audit } from '../../kernel/audit/write';
import { contentDisposition } from '../../kernel/render/download';
import { xlsxStream, XLSX_CONTENT_TYPE } from '../../kernel/render/xlsx';
import { createProbation, listProbations, PROBATION_COLUMNS, recordAssessment } from './probation';

/** /api/v1/personnel/probations: 试用期管理 of section-level cadres (PROB-01…03), for 综合科. */
const Id = z.object({ id: z.string().min(1).max(100) });
const Body = z.record(z.string(), z.unknown());
const Status = z.object({ status: z.enum(['on_probation', 'formal', 'removed']).optional() });
const HUB = { permission: 'personnel.attendance', rules: ['PROB-01', 'PROB-02', 'PROB-03'] };

export const probationRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/personnel/probations', { config: HUB, schema: { summary: '试用期登记簿', querystring: Status } }, async (req) => ({ items: await listProbations(req.ctx, req.query) }));
  app.get('/personnel/probations.xlsx', { config: HUB, schema: { summary: '导出试用期登记簿（XLSX）', querystring: Status } }, async (req, reply) => {
    const items = await listProbations(req.ctx, req.query);
    await audit(req.ctx, { event: 'personnel.probation.export', objectType: 'personnel_probation', detail: { rows: items.length, status: req.query.status ?? null } });
    return reply.header('content-type', XLSX_CONTENT_TYPE).header('content-disposition', contentDisposition('试用期登记簿.xlsx'))
      .send(xlsxStream(PROBATION_COLUMNS, items, { sheetName: '试用期登记簿' }));
  });
  app.post('/personnel/probations', { config: HUB, schema: { summary: '登记试用期（提拔、调任科级领导职务）', body: Body } }, async (req, reply) =>
    reply.code(201).send(await createProbation(req.ctx, req.body)));
  app.post('/personnel/probations/:id/assessment', { config: HUB, schema: { summary: '登记试用期满考核（民主测评与结果）', params: Id, body: Body } }, async (req) =>
    recordAssessment(req.ctx, req.params.id, req.body));
};

import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { audit } from '../../kernel/audit/write';
import { contentDisposition } from '../../kernel/render/download';
import { xlsxStream, XLSX_CONTENT_TYPE } from '../../kernel/render/xlsx';
import { DEPARTURE_COLUMNS, listDepartures, recordCityFiling, recordPrincipalReport } from './departure';

/** /api/v1/personnel/departures: WR-19 离白外出 records (the chain is recorded here, checked at approval). */
const Id = z.object({ id: z.string().min(1).max(100) });
const Body = z.record(z.string(), z.unknown());
const Year = z.coerce.number().int().min(2004).max(2100).optional();
const LEAVE = { permission: 'personnel.leave', rules: ['WR-19'] };
const ATT = { permission: 'personnel.attendance', rules: ['WR-19'] };

export const departureRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/personnel/departures', { config: LEAVE, schema: { summary: '离白外出报告（本人；综合科查阅全部）', querystring: z.object({ scope: z.enum(['mine', 'all']).default('mine'), year: Year }) } },
    async (req) => ({ items: await listDepartures(req.ctx, req.query) }));
  app.get('/personnel/departures.xlsx', { config: ATT, schema: { summary: '导出离白外出报告（XLSX）', querystring: z.object({ year: Year }) } }, async (req, reply) => {
    const items = await listDepartures(req.ctx, { scope: 'all', year: req.query.year });
    await audit(req.ctx, { event: 'personnel.departure.export', objectType: 'personnel_departure', detail: { rows: items.length } });
    return reply.header('content-type', XLSX_CONTENT_TYPE).header('content-disposition', contentDisposition('离白外出报告.xlsx')).send(xlsxStream(DEPARTURE_COLUMNS, items, { sheetName: '离白外出报告' }));
  });
  app.post('/personnel/departures/:id/city-filing', { config: ATT, schema: { summary: '登记综合科向市委、市政府办报备（办主要领导）', params: Id, body: Body } }, async (req) =>
    recordCityFiling(req.ctx, req.params.id, req.body));
  app.post('/personnel/departures/:id/principal-report', { config: LEAVE, schema: { summary: '登记向办主要领导报告', params: Id, body: Body } }, async (req) =>
    recordPrincipalReport(req.ctx, req.params.id, req.body));
};

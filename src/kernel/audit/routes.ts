import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { requireActor } from '../context';
import { isLocalDate, localDate } from '../time';
import { audit } from './write';
import { listAuditEvents, myRecentActivity, type AuditFilter } from './query';
import { auditEventsXlsx } from './xlsx';
import { verifyAuditChain, DEFAULT_MAX_UNSEALED_SECONDS } from './verify';

const instantOrDate = z
  .string()
  .max(40)
  .refine((v) => isLocalDate(v) || (/^\d{4}-\d{2}-\d{2}T/.test(v) && !Number.isNaN(Date.parse(v))), '应为日期（YYYY-MM-DD）或带时区的时间');

const Filter = z.object({
  from: instantOrDate.optional(),
  to: instantOrDate.optional(),
  actor: z.string().trim().max(64).optional(),
  event: z.string().trim().max(100).optional(),
  objectType: z.string().trim().max(64).optional(),
  objectId: z.string().trim().max(200).optional(),
  outcome: z.enum(['success', 'failure', 'denied']).optional(),
});

/** Drop empty strings so that `?actor=` means "any actor". */
function clean(q: z.infer<typeof Filter>): AuditFilter {
  return Object.fromEntries(Object.entries(q).filter(([, v]) => v !== undefined && v !== '')) as AuditFilter;
}

/**
 * The audit administrator's tools (security.md §3.2–3.3): query, export and verify the log.
 * Each use is itself audited, so the security administrator can see the auditor's work.
 */
export const auditRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/audit/events',
    {
      config: { permission: 'audit.read' },
      schema: {
        summary: '查询审计日志（最新在前）',
        querystring: Filter.extend({
          page: z.coerce.number().int().min(1).default(1),
          pageSize: z.coerce.number().int().min(1).max(200).default(50),
        }),
      },
    },
    async (req) => {
      const { page, pageSize, ...q } = req.query;
      const filter = clean(q);
      const result = await listAuditEvents(req.ctx.db, filter, page, pageSize);
      // Fail closed: if the viewing cannot be recorded, the rows are not shown.
      await audit(req.ctx, { event: 'audit.read', objectType: 'audit_log', detail: { filter, page, pageSize, total: result.total } });
      return { ...result, page, pageSize };
    },
  );

  app.get(
    '/audit/events.xlsx',
    { config: { permission: 'audit.read' }, schema: { summary: '导出审计日志（XLSX）', querystring: Filter } },
    async (req, reply) => {
      const filter = clean(req.query);
      await audit(req.ctx, { event: 'audit.export', objectType: 'audit_log', detail: { filter, format: 'xlsx' } });
      const name = `审计日志-${localDate(req.ctx.clock.now()).replaceAll('-', '')}.xlsx`;
      reply
        .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header('content-disposition', `attachment; filename="audit-log.xlsx"; filename*=UTF-8''${encodeURIComponent(name)}`)
        .header('cache-control', 'no-store');
      return reply.send(auditEventsXlsx(req.ctx.db, filter));
    },
  );

  app.get(
    '/audit/mine',
    {
      config: { permission: 'authenticated' },
      schema: { summary: '本人最近的操作记录（工作台）', querystring: z.object({ limit: z.coerce.number().int().min(1).max(100).default(20) }) },
    },
    async (req) => {
      const actor = requireActor(req.ctx);
      // The actor's own trail, not the office's log: not audited, or every visit to the
      // workbench would add a record to the very list it shows.
      const items = await myRecentActivity(req.ctx.db, actor.accountId, req.query.limit);
      return {
        items: items.map((e) => ({ id: e.id, at: e.at, atLocal: e.atLocal, event: e.event, objectType: e.objectType, objectId: e.objectId, outcome: e.outcome })),
      };
    },
  );

  app.post(
    '/audit/verify',
    {
      config: { permission: 'audit.verify' },
      schema: {
        summary: '校验审计日志完整性（SM3 哈希链）',
        body: z
          .object({ maxUnsealedSeconds: z.number().int().min(0).max(30 * 86400).default(DEFAULT_MAX_UNSEALED_SECONDS) })
          .default({ maxUnsealedSeconds: DEFAULT_MAX_UNSEALED_SECONDS }),
      },
    },
    async (req) => {
      const report = await verifyAuditChain(req.ctx.db, { maxUnsealedSeconds: req.body.maxUnsealedSeconds });
      await audit(req.ctx, {
        event: 'audit.verify',
        objectType: 'audit_chain',
        objectId: 'main',
        outcome: report.ok ? 'success' : 'failure',
        detail: {
          ok: report.ok,
          checked: report.checked,
          firstBroken: report.firstBroken ?? null,
          unsealedTooLongCount: report.unsealedTooLongCount,
        },
      });
      return report;
    },
  );
};

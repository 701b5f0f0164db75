import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { contentDisposition, XLSX_CONTENT_TYPE } from '../../kernel/render';
import { localDate } from '../../kernel/time';
import { gongwenOf } from './gongwen-model';
import { renderGongwenDocx } from './gongwen-docx';
import { renderGongwenPdf } from './gongwen-pdf';
import { CATEGORY_LABEL, DIRECTION_LABEL, DOC_KINDS, NON_DISCLOSURE_REASONS } from './model';
import { assertPrintable, numberDocument, requestReprint } from './numbering';
import { documentDetail, myDrafts, register } from './queries';
import { createDraft, recordGoReview, submitDraft, updateDraft } from './service';
import { registerXlsx } from './xlsx';
import { loadDoc } from './store';
import { sealableDocuments } from './seal-docs';
import { rows, sql } from '../../kernel/db';

/** /api/v1/documents/*: drafting, route, 综合科 review, numbering, output and the 发文 register. */
const Id = z.object({ id: z.string().min(1).max(100) });
const Ack = z.array(z.string().max(40)).max(20).optional();
const Draft = z.record(z.string(), z.unknown());
const DRAFT = { permission: 'documents.draft' };
const REVIEW = { permission: 'documents.review' };
const NUMBER = { permission: 'documents.number' };
const READ = { permission: 'documents.read' };

export const documentsRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/documents/meta', { config: READ, schema: { summary: '公文选项：文种、行文方向、发文名义、不予公开理由、科室' } }, async (req) => ({
    kinds: DOC_KINDS,
    directions: DIRECTION_LABEL,
    categories: CATEGORY_LABEL,
    reasons: NON_DISCLOSURE_REASONS,
    units: await rows(req.ctx.db, sql`select id, name from org_units where kind <> 'office' and active order by sort_order, name`),
    // Candidates for 拟签发人: office leaders and section heads (the server checks who may sign).
    signers: await rows(req.ctx.db, sql`select distinct p.id, p.name, string_agg(distinct po.name, '，') as posts from people p
      join post_holdings h on h.person_id = p.id and h.end_date is null join posts po on po.code = h.post_code
      where p.active and h.post_code in ('director', 'deputy_director', 'party_secretary', 'section_chief') group by p.id, p.name order by p.id`),
  }));
  app.post('/documents', { config: { ...DRAFT, rules: ['SEC-23', 'DISC-03', 'DISC-05', 'DISC-06', 'DISC-08'] }, schema: { summary: '起草发文', body: Draft } }, async (req, reply) =>
    reply.status(201).send(await createDraft(req.ctx, req.body)),
  );
  app.put('/documents/:id', { config: { ...DRAFT, rules: ['SEC-23', 'DISC-05', 'DISC-08', 'DOC-16'] }, schema: { summary: '修改发文稿', params: Id, body: Draft } }, async (req) =>
    updateDraft(req.ctx, req.params.id, req.body),
  );
  app.post('/documents/:id/submit', { config: { ...DRAFT, rules: ['DISC-01', 'DISC-02', 'DISC-04', 'DISC-06', 'DISC-07', 'DOC-04', 'DOC-05', 'DOC-11', 'DOC-13'] }, schema: { summary: '送审（进入审签流程）', params: Id, body: z.object({ acknowledged: Ack }) } }, async (req) =>
    submitDraft(req.ctx, req.params.id, req.body.acknowledged),
  );
  app.get('/documents/mine', { config: DRAFT, schema: { summary: '我起草的公文' } }, async (req) => ({ items: await myDrafts(req.ctx) }));
  app.get('/documents/register', { config: READ, schema: { summary: '发文登记簿', querystring: z.object({ year: z.coerce.number().int().min(2000).max(2100).optional() }) } }, async (req) => ({
    items: await register(req.ctx, req.query.year),
  }));
  app.get('/documents/register.xlsx', { config: READ, schema: { summary: '导出发文登记簿（XLSX）', querystring: z.object({ year: z.coerce.number().int().min(2000).max(2100).optional() }) } }, async (req, reply) => {
    const year = req.query.year ?? Number(localDate(req.ctx.clock.now()).slice(0, 4));
    const buf = await registerXlsx(year, await register(req.ctx, year));
    return reply.header('content-type', XLSX_CONTENT_TYPE).header('content-disposition', contentDisposition(`${year}年发文登记簿.xlsx`)).send(buf);
  });
  app.get('/documents/for-seal-request', { config: { ...READ, rules: ['SEAL-01', 'DOC-20'] }, schema: { summary: '用印申请可选的公文：本年已编号、本轮尚未用印（发文字号、标题、印制份数）' } }, async (req) => ({
    items: await sealableDocuments(req.ctx),
  }));
  app.get('/documents/:id', { config: READ, schema: { summary: '公文详情', params: Id } }, async (req) => documentDetail(req.ctx, req.params.id));
  app.post(
    '/documents/:id/go-review',
    {
      config: { ...REVIEW, rules: ['DOC-06', 'DISC-02', 'DISC-08'] },
      schema: {
        summary: '综合科审核（逐项记录，不合格退回承办科室）',
        params: Id,
        body: z.object({ kind: z.boolean(), content: z.boolean(), wording: z.boolean(), format: z.boolean(), attribute: z.boolean(), noMixedContentConfirmed: z.boolean().optional(), note: z.string().max(1000).optional() }),
      },
    },
    async (req) => recordGoReview(req.ctx, req.params.id, req.body),
  );
  app.post('/documents/:id/number', { config: { ...NUMBER, rules: ['DOC-15', 'DOC-16', 'DOC-17'] }, schema: { summary: '编发文字号（综合科）', params: Id, body: z.object({ signedCopyMatches: z.boolean() }) } }, async (req) =>
    numberDocument(req.ctx, req.params.id, req.body),
  );
  app.post('/documents/:id/reprint', { config: { ...NUMBER, rules: ['DOC-21'] }, schema: { summary: '重印（沿用原发文字号）', params: Id, body: z.object({ reason: z.string().trim().min(1, '请填写重印原因').max(500), majorChange: z.boolean() }) } }, async (req) =>
    requestReprint(req.ctx, req.params.id, req.body),
  );
  for (const fmt of ['pdf', 'docx'] as const) {
    app.get(`/documents/:id/document.${fmt}`, { config: { ...READ, rules: ['DOC-18', 'DOC-21'] }, schema: { summary: `公文${fmt.toUpperCase()}（GB/T 9704 版式）`, params: Id } }, async (req, reply) => {
      await documentDetail(req.ctx, req.params.id);
      const d = await loadDoc(req.ctx.db, req.params.id);
      assertPrintable(d);
      const g = gongwenOf(d, localDate(req.ctx.clock.now()));
      const name = `${d.docNumber ?? '草稿'}-${d.title}.${fmt}`;
      const body = fmt === 'pdf' ? (await renderGongwenPdf(g)).pdf : await renderGongwenDocx(g);
      const type = fmt === 'pdf' ? 'application/pdf' : 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
      return reply.header('content-type', type).header('content-disposition', contentDisposition(name, fmt === 'pdf' ? 'inline' : 'attachment')).header('cache-control', 'no-store').send(body);
    });
  }
};

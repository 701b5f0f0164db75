import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { contentDisposition, renderFormPdf, XLSX_CONTENT_TYPE, xlsxStream } from '../../kernel/render';
import { localDate } from '../../kernel/time';
import { archivedPdf, archiveOutgoing, ISSUE_STEPS, issueState, recordIssueStep, saveCopyPlan } from './dispatch-service';
import { sealRequestsFor } from './issue-seal';
import { circulationForm, INCOMING_COLUMNS, processingForm } from './incoming-print';
import { incomingDetail, incomingList, incomingMeta, overdueReport } from './incoming-queries';
import {
  archiveIncoming, assignHandling, chaseIncoming, markMisdelivered, markRead, recordExtension, recordHandover, recordInstruction, recordReply,
  registerHandedOver, registerIncoming, returnCirculation, routeToLeader, sendCirculation,
} from './incoming-service';
import { documentDetail } from './queries';

/**
 * /api/v1/incoming/*: 收文 (签收登记, 错投, 呈批, 批示, 交办, 延期, 办结, 传阅, 催办, 归档, 收文处理笺,
 * 文件传阅单, 收文登记簿); /api/v1/documents/:id/issue*: 发文 after numbering (份数, 校对, 印制, 复核,
 * 用印, 封发, 归档). Routes open to every reader (documents.read) check in the service who may act,
 * so that the refusal cites the article (DOC-25, DOC-28 …).
 */
const Id = z.object({ id: z.string().min(1).max(100) });
const Body = z.record(z.string(), z.unknown());
const READ = { permission: 'documents.read' };
const HUB = { permission: 'documents.incoming' };
const DISPATCH = { permission: 'documents.dispatch' };
const YearQ = z.object({ year: z.coerce.number().int().min(2000).max(2100).optional(), status: z.string().max(40).optional(), overdue: z.coerce.boolean().optional() });

export const incomingRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/incoming/meta', { config: READ, schema: { summary: '收文选项：批示领导、承办科室、传阅人' } }, async (req) => incomingMeta(req.ctx));
  app.get('/incoming', { config: READ, schema: { summary: '收文列表（含逾期标记、现持有人）', querystring: YearQ } }, async (req) => ({ items: await incomingList(req.ctx, req.query) }));
  app.get('/incoming/overdue', { config: { ...READ, rules: ['DOC-27', 'DOC-26'] }, schema: { summary: '收文逾期清单与滞留清单' } }, async (req) => overdueReport(req.ctx));
  app.get('/incoming/register.xlsx', { config: READ, schema: { summary: '导出收文登记簿（XLSX）', querystring: YearQ } }, async (req, reply) => {
    const year = req.query.year ?? Number(localDate(req.ctx.clock.now()).slice(0, 4));
    const items = await incomingList(req.ctx, { year });
    return reply.header('content-type', XLSX_CONTENT_TYPE).header('content-disposition', contentDisposition(`${year}年收文登记簿.xlsx`)).send(xlsxStream(INCOMING_COLUMNS, [...items].reverse(), { sheetName: `${year}年收文登记簿` }));
  });
  app.post('/incoming', { config: { ...READ, rules: ['DOC-23', 'DOC-24', 'DOC-25', 'SEC-23'] }, schema: { summary: '收文签收登记（综合科）', body: Body } }, async (req, reply) =>
    reply.status(201).send(await registerIncoming(req.ctx, req.body)),
  );
  app.post('/incoming/handovers', { config: { ...READ, rules: ['DOC-25', 'SEC-23'] }, schema: { summary: '其他科室或个人收到的来文，登记交综合科', body: Body } }, async (req, reply) =>
    reply.status(201).send(await recordHandover(req.ctx, req.body)),
  );
  app.get('/incoming/:id', { config: READ, schema: { summary: '收文详情（流转记录、传阅记录）', params: Id } }, async (req) => incomingDetail(req.ctx, req.params.id));
  for (const [file, form, label] of [['processing', processingForm, '收文处理笺'], ['circulation', circulationForm, '文件传阅单']] as const) {
    app.get(`/incoming/:id/${file}.pdf`, { config: READ, schema: { summary: `${label}（PDF）`, params: Id } }, async (req, reply) => {
      const d = await incomingDetail(req.ctx, req.params.id);
      const pdf = await renderFormPdf(form(d));
      return reply.header('content-type', 'application/pdf').header('content-disposition', contentDisposition(`${label}-${d.registerNo ?? d.id}.pdf`, 'inline')).header('cache-control', 'no-store').send(pdf);
    });
  }
  const cmd = (path: string, perm: { permission: string }, rules: string[], summary: string, run: (ctx: Parameters<typeof registerHandedOver>[0], id: string, body: unknown) => Promise<unknown>) =>
    app.post(`/incoming/:id/${path}`, { config: { ...perm, rules }, schema: { summary, params: Id, body: Body } }, async (req) => run(req.ctx, req.params.id, req.body));
  cmd('register', HUB, ['DOC-23', 'DOC-24', 'DOC-25'], '综合科登记转交的来文', registerHandedOver);
  cmd('misdelivered', HUB, ['DOC-24'], '错投文件退回或转投', markMisdelivered);
  cmd('route', HUB, ['DOC-26'], '签至办领导批示（紧急公文可同时复印分送承办科室）', routeToLeader);
  cmd('instruct', READ, ['DOC-26'], '领导批示', recordInstruction);
  cmd('assign', HUB, ['DOC-26', 'DOC-27'], '交承办科室并确定办理期限', assignHandling);
  cmd('extensions', READ, ['DOC-27'], '登记与来文部门商定的回复时间', recordExtension);
  cmd('reply', READ, [], '登记办理结果（答复、办结）', recordReply);
  cmd('archive', HUB, ['DOC-28'], '收文归档', archiveIncoming);
  cmd('circulation', READ, ['DOC-28', 'DOC-29'], '传阅：由综合科送阅件人（不得横向传阅）', sendCirculation);
  cmd('circulation/read', READ, [], '阅件人登记已阅', markRead);
  cmd('circulation/return', HUB, ['DOC-28'], '传阅文件退回综合科并清理检查', returnCirculation);
  cmd('chase', HUB, ['DOC-27'], '催办', chaseIncoming);

  // 发文 after numbering.
  app.get('/documents/:id/issue', { config: READ, schema: { summary: '发文办理记录：印制份数、校对、印制、复核、用印、封发、归档', params: Id } }, async (req) => {
    await documentDetail(req.ctx, req.params.id);
    return issueState(req.ctx, req.params.id);
  });
  app.put('/documents/:id/issue/copies', { config: { ...DISPATCH, rules: ['DOC-22'] }, schema: { summary: '核定印制份数（DOC-22）', params: Id, body: Body } }, async (req) =>
    saveCopyPlan(req.ctx, req.params.id, req.body),
  );
  app.get('/documents/:id/issue/seal-requests', { config: { ...DISPATCH, rules: ['SEAL-01', 'DOC-20'] }, schema: { summary: '可用于本公文用印的已批准用印申请（用印登记簿）', params: Id } }, async (req) => ({
    items: await sealRequestsFor(req.ctx, req.params.id),
  }));
  app.post('/documents/:id/issue/archive', { config: { ...DISPATCH, rules: ['DOC-18', 'DOC-14'] }, schema: { summary: '归档领导手签件和电子版', params: Id, body: Body } }, async (req) =>
    archiveOutgoing(req.ctx, req.params.id, req.body),
  );
  app.post(
    '/documents/:id/issue/:step',
    { config: { ...READ, rules: ['DOC-01', 'DOC-14', 'DOC-20', 'DOC-21', 'DOC-22'] }, schema: { summary: '登记校对、印制、复核、用印、封发', params: z.object({ id: z.string().min(1).max(100), step: z.enum(ISSUE_STEPS) }), body: Body } },
    async (req) => {
      const { acknowledged, ...rest } = req.body as { acknowledged?: unknown };
      const ack = Array.isArray(acknowledged) ? acknowledged.filter((a): a is string => typeof a === 'string').slice(0, 20) : [];
      return recordIssueStep(req.ctx, req.params.id, req.params.step, rest, ack);
    },
  );
  app.get('/documents/:id/archived.pdf', { config: READ, schema: { summary: '归档电子文件（PDF，原样）', params: Id } }, async (req, reply) => {
    await documentDetail(req.ctx, req.params.id);
    const f = await archivedPdf(req.ctx, req.params.id);
    return reply.header('content-type', 'application/pdf').header('content-disposition', contentDisposition(f.name, 'inline')).send(f.pdf);
  });
};

import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { FastifyReply } from 'fastify';
import { audit } from '../../kernel/audit/write';
import type { Ctx } from '../../kernel/context';
import { contentDisposition } from '../../kernel/render/download';
import { xlsxStream, XLSX_CONTENT_TYPE, type XlsxColumn } from '../../kernel/render/xlsx';
import { listDisclosures, recordDisclosure } from './disclosures';
import { listFindings, recordFindingStep, registerFinding } from './findings';
import { DISCLOSURE_COLUMNS, FINDING_COLUMNS, LETTER_COLUMNS, NORMATIVE_COLUMNS, OVERDUE_COLUMNS, SPEECH_COLUMNS } from './ledger';
import { annotateLetter, closeLetter, handOver, listLetters, registerLetter, sendForAnnotation } from './letters';
import { amendNormative, draftNormative, fileNormative, issueNormative, listNormative, repealNormative } from './normative';
import { overdueReport } from './overdue';
import { decideSpeech, listSpeeches, publishSpeech, requestSpeech, withdrawSpeech } from './speeches';

/** /api/v1/workrules/*: the registers of the 工作规则 kept by 综合科 (WR-12, 14, 15, 16, 18) and the overdue report (WR-17). */
const Id = z.object({ id: z.string().min(1).max(100) });
const Body = z.record(z.string(), z.unknown());
const Ack = z.object({ form: Body, acknowledged: z.array(z.string().max(40)).max(20).optional() });
const READ = { permission: 'workrules.read' };
const KEEP = { permission: 'workrules.keep' };
const ANNOTATE = { permission: 'workrules.annotate' };
const SPEECH = { permission: 'workrules.speech' };
const ANYONE = { permission: 'authenticated' };

/** The registers' XLSX exports, each audited. */
const EXPORTS: { path: string; name: string; rule: string; columns: XlsxColumn<never>[]; load: (ctx: Ctx) => Promise<unknown[]> }[] = [
  { path: 'normative', name: '规范性文件登记簿', rule: 'WR-12', columns: NORMATIVE_COLUMNS as XlsxColumn<never>[], load: listNormative },
  { path: 'disclosures', name: '向社会公开登记簿', rule: 'WR-14', columns: DISCLOSURE_COLUMNS as XlsxColumn<never>[], load: listDisclosures },
  { path: 'findings', name: '监督发现问题整改登记簿', rule: 'WR-15', columns: FINDING_COLUMNS as XlsxColumn<never>[], load: listFindings },
  { path: 'letters', name: '来信来访及12317电话登记簿', rule: 'WR-16', columns: LETTER_COLUMNS as XlsxColumn<never>[], load: (ctx) => listLetters(ctx) },
  { path: 'speeches', name: '讲话文章报党组同意登记簿', rule: 'WR-18', columns: SPEECH_COLUMNS as XlsxColumn<never>[], load: (ctx) => listSpeeches(ctx) },
  { path: 'overdue', name: '逾期事项报告', rule: 'WR-17', columns: OVERDUE_COLUMNS as XlsxColumn<never>[], load: overdueReport },
];

async function sendXlsx(ctx: Ctx, reply: FastifyReply, e: (typeof EXPORTS)[number]) {
  const items = await e.load(ctx);
  await audit(ctx, { event: 'workrules.export', objectType: 'wr_register', objectId: e.path, detail: { rows: items.length, ruleId: e.rule } });
  return reply.header('content-type', XLSX_CONTENT_TYPE).header('content-disposition', contentDisposition(`${e.name}.xlsx`))
    .send(xlsxStream(e.columns, items as never[], { sheetName: e.name }));
}

export const workrulesRoutes: FastifyPluginAsyncZod = async (app) => {
  for (const e of EXPORTS) {
    app.get(`/workrules/${e.path}.xlsx`, { config: { ...READ, rules: [e.rule] }, schema: { summary: `导出${e.name}（XLSX）` } }, async (req, reply) => sendXlsx(req.ctx, reply, e));
  }

  app.get('/workrules/normative', { config: { ...READ, rules: ['WR-12', 'WR-20'] }, schema: { summary: '规范性文件登记簿' } }, async (req) => ({ items: await listNormative(req.ctx) }));
  app.post('/workrules/normative', { config: { ...KEEP, rules: ['WR-12'] }, schema: { summary: '登记起草规范性文件（明确解释科室）', body: Body } }, async (req, reply) =>
    reply.status(201).send(await draftNormative(req.ctx, req.body)));
  app.post('/workrules/normative/:id/amend', { config: { ...KEEP, rules: ['WR-12'] }, schema: { summary: '修改规范性文件（起草修改稿）', params: Id, body: Body } }, async (req, reply) =>
    reply.status(201).send(await amendNormative(req.ctx, req.params.id, req.body)));
  app.post('/workrules/normative/:id/issue', { config: { ...KEEP, rules: ['WR-12'] }, schema: { summary: '登记印发（制定）', params: Id, body: Body } }, async (req) => issueNormative(req.ctx, req.params.id, req.body));
  app.post('/workrules/normative/:id/file', { config: { ...KEEP, rules: ['WR-12'] }, schema: { summary: '登记报市政府备案', params: Id, body: Body } }, async (req) => fileNormative(req.ctx, req.params.id, req.body));
  app.post('/workrules/normative/:id/repeal', { config: { ...KEEP, rules: ['WR-12'] }, schema: { summary: '登记废止', params: Id, body: Body } }, async (req) => repealNormative(req.ctx, req.params.id, req.body));

  app.get('/workrules/disclosures', { config: { ...READ, rules: ['WR-14'] }, schema: { summary: '向社会公开登记簿' } }, async (req) => ({ items: await listDisclosures(req.ctx) }));
  app.post('/workrules/disclosures', { config: { ...KEEP, rules: ['WR-14'] }, schema: { summary: '登记向社会公开（渠道、日期）', body: Body } }, async (req, reply) =>
    reply.status(201).send(await recordDisclosure(req.ctx, req.body)));

  app.get('/workrules/findings', { config: { ...READ, rules: ['WR-15'] }, schema: { summary: '监督发现问题整改登记簿' } }, async (req) => ({ items: await listFindings(req.ctx) }));
  app.post('/workrules/findings', { config: { ...KEEP, rules: ['WR-15'] }, schema: { summary: '登记监督发现的问题', body: Body } }, async (req, reply) =>
    reply.status(201).send(await registerFinding(req.ctx, req.body)));
  app.post('/workrules/findings/:id/:step', { config: { ...KEEP, rules: ['WR-15'] },
    schema: { summary: '登记调查核实、整改、向市政府报告或向社会公布', params: Id.extend({ step: z.enum(['verify', 'rectify', 'report', 'publish']) }), body: Body } },
  async (req) => recordFindingStep(req.ctx, req.params.id, req.params.step, req.body));

  app.get('/workrules/letters', { config: { ...READ, rules: ['WR-11', 'WR-16'] }, schema: { summary: '来信来访及12317电话登记簿' } }, async (req) => ({ items: await listLetters(req.ctx) }));
  app.get('/workrules/letters/mine', { config: { ...ANYONE, rules: ['WR-11', 'WR-16'] }, schema: { summary: '本人承办或待阅批的来信来访' } }, async (req) => ({ items: await listLetters(req.ctx, { mine: true }) }));
  app.post('/workrules/letters', { config: { ...KEEP, rules: ['WR-11', 'WR-16'] }, schema: { summary: '登记来信来访或12317电话（首问责任人）', body: Body } }, async (req, reply) =>
    reply.status(201).send(await registerLetter(req.ctx, req.body)));
  app.post('/workrules/letters/:id/send', { config: { ...KEEP, rules: ['WR-16'] }, schema: { summary: '列为重要事项并送领导阅批', params: Id, body: Body } }, async (req) => sendForAnnotation(req.ctx, req.params.id, req.body));
  app.post('/workrules/letters/:id/handover', { config: { ...ANYONE, rules: ['WR-11'] }, schema: { summary: '转办（登记交接，责任人变更）', params: Id, body: Body } }, async (req) => handOver(req.ctx, req.params.id, req.body));
  app.post('/workrules/letters/:id/annotate', { config: { ...ANNOTATE, rules: ['WR-16'] }, schema: { summary: '阅批（办领导、科室负责人）', params: Id, body: Body } }, async (req) => annotateLetter(req.ctx, req.params.id, req.body));
  app.post('/workrules/letters/:id/close', { config: { ...ANYONE, rules: ['WR-11', 'WR-16'] }, schema: { summary: '办结（重要事项须已阅批）', params: Id, body: Body } }, async (req) => closeLetter(req.ctx, req.params.id, req.body));

  app.get('/workrules/speeches', { config: { ...READ, rules: ['WR-18'] }, schema: { summary: '讲话文章报党组同意登记簿' } }, async (req) => ({ items: await listSpeeches(req.ctx) }));
  app.get('/workrules/speeches/mine', { config: { ...SPEECH, rules: ['WR-18'] }, schema: { summary: '本人的讲话文章报批' } }, async (req) => ({ items: await listSpeeches(req.ctx, { mine: true }) }));
  app.post('/workrules/speeches', { config: { ...SPEECH, rules: ['WR-18'] }, schema: { summary: '讲话、文章报党组同意', body: Body } }, async (req, reply) =>
    reply.status(201).send(await requestSpeech(req.ctx, req.body)));
  app.post('/workrules/speeches/:id/decision', { config: { ...KEEP, rules: ['WR-18'] }, schema: { summary: '登记党组意见（同意或不同意）', params: Id, body: Body } }, async (req) => decideSpeech(req.ctx, req.params.id, req.body));
  app.post('/workrules/speeches/:id/publish', { config: { ...KEEP, rules: ['WR-18'] }, schema: { summary: '登记发表（未经事先同意须确认）', params: Id, body: Ack } }, async (req) =>
    publishSpeech(req.ctx, req.params.id, req.body.form, req.body.acknowledged));
  app.post('/workrules/speeches/:id/withdraw', { config: { ...SPEECH, rules: ['WR-18'] }, schema: { summary: '撤回报批', params: Id } }, async (req) => withdrawSpeech(req.ctx, req.params.id));

  app.get('/workrules/overdue', { config: { ...READ, rules: ['WR-17'] }, schema: { summary: '逾期事项报告（审批待办、督办、备案、来信来访）' } }, async (req) => ({ items: await overdueReport(req.ctx) }));
};

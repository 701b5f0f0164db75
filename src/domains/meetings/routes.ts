import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { contentDisposition } from '../../kernel/render';
import { classifyMatter, findCoveringDecision, MATTER_KINDS } from './classifier';
import { closeTask, createTask, followupList, remindOverdueTasks, reportProgress } from './followup';
import { meetingFrequency } from './frequency';
import { listDecisions, listMeetings, meetingDetail } from './queries';
import { addTopic, closeMeeting, createMeeting, openMeeting, setAttendance } from './service-meetings';
import { correctMinutes, minutesFile, signMinutes, type MinutesFile } from './service-minutes';
import { addOpinion, flagDisagreement, openTopic, openVote, recuse, reopenDiscussion } from './service-topics';
import { castVote, closeTopic } from './service-votes';
import { recordPublication, remindDecisionDisclosures, setDecisionDisclosure } from './service-disclosure';
import { CloseResponsibility, meetingsOversightRoutes, meetingsPrepRoutes } from './routes-prep';

const Id = z.object({ id: z.string().min(1).max(100) });
const Text = (max: number, label: string) => z.string().trim().min(1, `请填写${label}`).max(max);
const Ack = z.array(z.string()).max(20).optional();
const read = { permission: 'meetings.read' };
const manage = { permission: 'meetings.manage' };

const Matter = z.object({
  kind: z.enum(Object.keys(MATTER_KINDS) as [keyof typeof MATTER_KINDS]),
  amountFen: z.number().int().min(0).max(1e13).nullish(),
  purpose: z.string().max(500).optional(),
  inOfficeName: z.boolean().optional(),
});

const Topic = z.object({
  title: Text(200, '议题名称'),
  kind: z.enum(['ordinary', 'cadre', 'briefing']).optional(),
  matter: Matter.optional(),
  isMajor: z.boolean().optional(),
  materials: z.string().max(20000).optional(),
  preferredOpinion: z.string().max(5000).optional(),
  presenterId: z.string().max(100).optional(),
  relatedStaffIds: z.array(z.string().max(100)).max(30).optional(),
  targetDecisionId: z.string().max(100).optional(),
  targetMode: z.enum(['revoke', 'change']).optional(),
});

const send = (reply: import('fastify').FastifyReply, f: MinutesFile) =>
  reply.header('content-type', f.contentType).header('content-disposition', contentDisposition(f.fileName)).header('cache-control', 'no-store').send(f.data);

export const meetingsRoutes: FastifyPluginAsyncZod = async (app, opts) => {
  await meetingsPrepRoutes(app, opts);
  await meetingsOversightRoutes(app, opts);
  app.get('/meetings', { config: read, schema: { summary: '会议列表（仅列出本人有权查阅的会议）' } }, async (req) => listMeetings(req.ctx));
  app.get('/meetings/calendar', { config: { ...read, rules: ['PG-02', 'DM-06'] }, schema: { summary: '会议召开频次提示' } }, async (req) =>
    meetingFrequency(req.ctx.db, req.ctx.clock.now()));
  app.post('/meetings', {
    config: { ...manage, rules: ['PG-09', 'DM-05', 'WR-05', 'WR-08', 'SZYD-01'] },
    schema: { summary: '筹备会议（议题、应到与列席人员）', body: z.object({
      bodyCode: z.enum(['party_group', 'director_meeting']), kind: z.enum(['regular', 'ad_hoc']).optional(), title: Text(200, '会议名称'),
      startAt: z.string().datetime({ offset: true }), place: Text(200, '会议地点'), inviteInspector: z.boolean().optional(), topics: z.array(Topic).max(50),
    }) },
  }, async (req) => createMeeting(req.ctx, req.body));
  app.get('/meetings/decisions', { config: { ...read, rules: ['WR-13', 'WR-21', 'DM-18', 'SZYD-25'] }, schema: { summary: '会议决定（不予公开的仅限与会和负责落实人员）' } }, async (req) => listDecisions(req.ctx));
  app.post('/meetings/decisions/:id/disclosure', { config: { ...read, rules: ['WR-13'] }, schema: { summary: '确定决定的公开属性（签发纪要前）', params: Id,
    body: z.object({ disclosure: z.string().max(10), disclosureReason: z.string().max(10).optional() }) } },
    async (req) => setDecisionDisclosure(req.ctx, req.params.id, req.body));
  app.post('/meetings/decisions/:id/publication', { config: { ...manage, rules: ['WR-13', 'WR-14', 'SZYD-31'] }, schema: { summary: '登记决定已公开（渠道、日期）', params: Id,
    body: z.object({ channel: Text(200, '公开渠道'), publishedOn: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD').optional() }) } },
    async (req, reply) => { await recordPublication(req.ctx, req.params.id, req.body); return reply.status(204).send(); });
  app.post('/meetings/decisions/disclosure-remind', { config: { ...manage, rules: ['WR-13', 'SZYD-31'] }, schema: { summary: '主动公开决定到期提醒' } },
    async (req) => ({ reminded: await remindDecisionDisclosures(req.ctx) }));
  app.post('/meetings/classify', { config: { ...read, rules: ['SZYD-04', 'SZYD-05', 'SZYD-06', 'SZYD-07', 'SZYD-08'] }, schema: { summary: '“三重一大”事项认定与覆盖决定', body: Matter.extend({ decisionId: z.string().max(100).optional() }) } },
    async (req) => ({ classification: classifyMatter(req.body), coveringDecision: await findCoveringDecision(req.ctx.db, req.body) }));
  app.get('/meetings/:id', { config: { ...read, rules: ['PG-28', 'DM-18'] }, schema: { summary: '会议详情（保密，查阅留痕）', params: Id } }, async (req) => meetingDetail(req.ctx, req.params.id));
  app.post('/meetings/:id/topics', { config: { ...read, rules: ['DM-14', 'SZYD-12', 'WR-08'] }, schema: { summary: '增加议题（会中临时动议须写明理由）', params: Id,
    body: Topic.extend({ adHoc: z.object({ ground: z.enum(['special', 'urgent', 'major_emergency']), reason: z.string().max(1000) }).optional() }) } },
    async (req) => addTopic(req.ctx, req.params.id, req.body));
  app.post('/meetings/:id/attendance', { config: read, schema: { summary: '登记出席、请假、缺席', params: Id,
    body: z.object({ personId: z.string().max(100), status: z.enum(['present', 'leave', 'absent']), leaveReason: z.string().max(500).optional() }) } },
    async (req, reply) => { await setAttendance(req.ctx, req.params.id, req.body.personId, req.body.status, req.body.leaveReason); return reply.status(204).send(); });
  app.post('/meetings/:id/open', { config: { ...read, rules: ['PG-03', 'DM-07', 'PG-04', 'DM-11', 'PG-02', 'DM-08', 'PG-12', 'DM-10'] },
    schema: { summary: '宣布开会（时间已批准、提前通知或主持人写明临时召开事由；法定人数）', params: Id, body: z.object({ acknowledged: Ack, emergencyReason: z.string().max(1000).optional() }) } },
    async (req, reply) => { await openMeeting(req.ctx, req.params.id, req.body.acknowledged, { emergencyReason: req.body.emergencyReason }); return reply.status(204).send(); });
  app.post('/meetings/:id/close', { config: read, schema: { summary: '宣布散会', params: Id } }, async (req, reply) => { await closeMeeting(req.ctx, req.params.id); return reply.status(204).send(); });

  app.post('/meetings/topics/:id/open', { config: { ...read, rules: ['PG-12', 'PG-13', 'SZYD-14', 'SZYD-24', 'SZYD-13', 'SZYD-16'] },
    schema: { summary: '开始审议议题（“三重一大”议题先由介绍人介绍上会材料）', params: Id, body: z.object({ acknowledged: Ack, presenterId: z.string().max(100).optional() }).optional() } },
    async (req, reply) => { await openTopic(req.ctx, req.params.id, req.body?.acknowledged, { presenterId: req.body?.presenterId }); return reply.status(204).send(); });
  app.post('/meetings/topics/:id/recuse', { config: { ...read, rules: ['SZYD-24'] }, schema: { summary: '回避', params: Id,
    body: z.object({ personId: z.string().max(100).optional(), ground: z.enum(['self', 'relative']), note: z.string().max(500).optional() }) } },
    async (req, reply) => { await recuse(req.ctx, req.params.id, req.body); return reply.status(204).send(); });
  app.post('/meetings/topics/:id/opinions', { config: { ...read, rules: ['PG-19', 'SZYD-19', 'FIVE-17', 'SZYD-17', 'PG-15', 'DM-05', 'SZYD-15', 'PG-14', 'SZYD-18'] }, schema: { summary: '发表意见（主要负责人末位表态）', params: Id,
    body: z.object({ personId: z.string().max(100).optional(), body: Text(5000, '意见'), stance: z.enum(['agree', 'disagree', 'defer']).optional(), reason: z.string().max(2000).optional(), written: z.boolean().optional() }) } },
    async (req) => addOpinion(req.ctx, req.params.id, req.body));
  app.post('/meetings/topics/:id/reopen', { config: read, schema: { summary: '重新开启讨论（结论性意见作废）', params: Id } },
    async (req, reply) => { await reopenDiscussion(req.ctx, req.params.id); return reply.status(204).send(); });
  app.post('/meetings/topics/:id/disagreement', { config: { ...read, rules: ['PG-21', 'SZYD-22'] }, schema: { summary: '登记重大分歧', params: Id,
    body: z.object({ flag: z.boolean(), emergencyReason: z.string().max(1000).optional() }) } },
    async (req, reply) => { await flagDisagreement(req.ctx, req.params.id, req.body); return reply.status(204).send(); });
  app.post('/meetings/topics/:id/vote/open', { config: { ...read, rules: ['PG-19', 'SZYD-19', 'SZYD-17', 'SZYD-22', 'PG-21', 'PG-13', 'SZYD-14'] }, schema: { summary: '开始表决（重大分歧仍表决的须写明理由）', params: Id,
    body: z.object({ method: z.enum(['oral', 'show_of_hands', 'secret']), acknowledged: Ack, reason: z.string().max(2000).optional() }) } },
    async (req, reply) => { await openVote(req.ctx, req.params.id, req.body); return reply.status(204).send(); });
  app.post('/meetings/topics/:id/votes', { config: { ...read, rules: ['PG-15', 'DM-05', 'SZYD-15', 'PG-17', 'SZYD-21', 'SZYD-24'] }, schema: { summary: '表决（每人每项一票）', params: Id,
    body: z.object({ personId: z.string().max(100).optional(), choice: z.enum(['agree', 'disagree', 'abstain']) }) } },
    async (req, reply) => { await castVote(req.ctx, req.params.id, req.body); return reply.status(204).send(); });
  app.post('/meetings/topics/:id/close', { config: { ...read, rules: ['PG-16', 'PG-18', 'SZYD-20', 'SZYD-22', 'DM-04', 'WR-08', 'PG-22', 'SZYD-26', 'DM-03', 'DM-15', 'DM-17', 'WR-07', 'SZYD-02', 'WR-13'] }, schema: { summary: '结束议题并作出决定', params: Id,
    body: z.object({ defer: z.boolean().optional(), reason: z.string().max(2000).optional(), conclusion: z.string().max(5000).optional(),
      disclosure: z.string().max(10).optional(), disclosureReason: z.string().max(10).optional(),
      chairOutcome: z.enum(['adopted', 'not_adopted']).optional(), decisionText: z.string().max(10000).optional(), ...CloseResponsibility,
      undertakingUnitIds: z.array(z.string().max(100)).max(20).optional() }) } },
    async (req) => closeTopic(req.ctx, req.params.id, req.body));

  app.get('/meetings/:id/minutes/draft.:format', { config: { ...read, rules: ['PG-28'] }, schema: { summary: '纪要草稿（PDF/DOCX）', params: Id.extend({ format: z.enum(['pdf', 'docx']) }) } },
    async (req, reply) => send(reply, await minutesFile(req.ctx, { meetingId: req.params.id }, req.params.format)));
  app.post('/meetings/:id/minutes/sign', { config: { ...read, rules: ['PG-26', 'DM-16', 'PG-27', 'SZYD-23', 'WR-13'] }, schema: { summary: '签发会议纪要（此后永久保存）', params: Id } },
    async (req) => signMinutes(req.ctx, req.params.id));
  app.get('/meetings/minutes/:id/file.:format', { config: { ...read, rules: ['PG-28'] }, schema: { summary: '下载已签发纪要（查阅留痕）', params: Id.extend({ format: z.enum(['pdf', 'docx']) }) } },
    async (req, reply) => send(reply, await minutesFile(req.ctx, { minutesId: req.params.id }, req.params.format)));
  app.post('/meetings/minutes/:id/corrections', { config: { ...read, rules: ['PG-27'] }, schema: { summary: '纪要更正（新版本指向原版本）', params: Id,
    body: z.object({ reason: Text(1000, '更正理由'), text: Text(10000, '更正内容') }) } },
    async (req) => correctMinutes(req.ctx, req.params.id, req.body));

  app.get('/meetings/followups', { config: { ...read, rules: ['SZYD-30', 'SZYD-35'] }, schema: { summary: '落实情况（督办事项）', querystring: z.object({ status: z.enum(['open', 'done']).optional() }) } },
    async (req) => followupList(req.ctx, req.query));
  app.post('/meetings/decisions/:id/tasks', { config: { ...manage, rules: ['SZYD-30'] }, schema: { summary: '决定分解为督办事项', params: Id,
    body: z.object({ title: Text(200, '事项'), ownerId: z.string().max(100), coOwnerIds: z.array(z.string().max(100)).max(20).optional(), dueWorkingDays: z.number().int().min(1).max(250).optional() }) } },
    async (req) => createTask(req.ctx, req.params.id, req.body));
  app.post('/meetings/followups/:id/reports', { config: read, schema: { summary: '报告落实情况', params: Id, body: z.object({ body: Text(5000, '落实情况'), evidence: z.string().max(2000).optional() }) } },
    async (req, reply) => { await reportProgress(req.ctx, req.params.id, req.body); return reply.status(204).send(); });
  app.post('/meetings/followups/:id/close', { config: manage, schema: { summary: '督办事项办结', params: Id, body: z.object({ note: Text(2000, '办结说明') }) } },
    async (req, reply) => { await closeTask(req.ctx, req.params.id, req.body.note); return reply.status(204).send(); });
  app.post('/meetings/followups/remind', { config: { ...manage, rules: ['SZYD-30'] }, schema: { summary: '逾期督办事项催办' } },
    async (req) => ({ reminded: await remindOverdueTasks(req.ctx) }));
};

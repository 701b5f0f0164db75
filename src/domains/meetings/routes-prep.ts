import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { MATTER_KINDS } from './classifier';
import { oversightReport, recordAccountabilityCase, recordEmergencyDisposal, registerInstitutionDecision, reportEmergencyDisposal, reportOnDecision, superviseInstitutionDecision } from './service-oversight';
import { DM_SCOPES, PG_SCOPES } from './rules';
import { addConsultation, approveOffPlan, CONSULTATION_KINDS, type ConsultationKind } from './service-consult';
import { assignResponsibility, reserveMinorityOpinion } from './service-decisions';
import { approveMeetingTime, commentOnAgenda, delegateChair, requestLeave, rescheduleMeeting, sendNotice } from './service-prep';
import { collectProposal, confirmProposal, listProposals, proposeFromFollowups, proposeTopic, reviewProposal, scheduleProposal } from './service-proposals';

/** Topic proposals, the agenda, the notice, the chair, leave, minority opinions and responsibility (issue 4). */
const Id = z.object({ id: z.string().min(1).max(100) });
const read = { permission: 'meetings.read' };
const manage = { permission: 'meetings.manage' };
const Body = z.enum(['party_group', 'director_meeting']);
const Attachment = z.object({ name: z.string().trim().min(1).max(200), ref: z.string().trim().min(1).max(500) });
const AdHoc = z.object({ ground: z.enum(['special', 'urgent', 'major_emergency']), reason: z.string().max(1000) });
const Responsibility = { responsibleMemberIds: z.array(z.string().max(100)).max(20).optional(), leadMemberId: z.string().max(100).optional() };
const noContent = <T>(p: Promise<T>, reply: import('fastify').FastifyReply) => p.then(() => reply.status(204).send());

export const meetingsPrepRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/meetings/proposals', { config: { ...read, rules: ['PG-28'] }, schema: { summary: '议题建议（征集、汇总、审核、确认）' } }, async (req) => listProposals(req.ctx));
  app.post('/meetings/proposals', {
    config: { ...read, rules: ['PG-06', 'PG-10', 'DM-12', 'WR-05'] },
    schema: { summary: '提出议题建议（附材料和倾向性意见）', body: z.object({
      bodyCode: Body, title: z.string().trim().min(1, '请填写议题名称').max(200), kind: z.enum(['ordinary', 'cadre', 'briefing']).optional(),
      matter: z.object({ kind: z.enum(Object.keys(MATTER_KINDS) as [keyof typeof MATTER_KINDS]), amountFen: z.number().int().min(0).max(1e13).nullish(),
        purpose: z.string().max(500).optional(), inOfficeName: z.boolean().optional() }).optional(),
      isMajor: z.boolean().optional(), materials: z.string().max(20000).optional(), attachments: z.array(Attachment).max(30).optional(),
      preferredOpinion: z.string().max(5000).optional(), relatedStaffIds: z.array(z.string().max(100)).max(30).optional(),
      scopeCodes: z.array(z.string().max(10)).max(11).optional(), planItem: z.string().max(200).optional(),
      flags: z.object({ involvesOtherSections: z.boolean().optional(), involvesCounties: z.boolean().optional(), majorPublicInterest: z.boolean().optional(),
        specialisedOrTechnical: z.boolean().optional(), broadPublicImpact: z.boolean().optional(), notIndividuallySolvable: z.boolean().optional(),
        notIndividuallySolvableReason: z.string().max(1000).optional() }).optional(),
      acknowledged: z.array(z.string()).max(20).optional(),
    }) },
  }, async (req) => proposeTopic(req.ctx, req.body));
  app.get('/meetings/scopes', { config: { ...read, rules: ['PG-01', 'DM-01'] }, schema: { summary: '议事范围与征求意见形式' } },
    async () => ({ party_group: PG_SCOPES, director_meeting: DM_SCOPES, consultationKinds: CONSULTATION_KINDS }));
  app.post('/meetings/proposals/:id/consultations', { config: { ...read, rules: ['WR-06', 'PG-11', 'SZYD-09', 'SZYD-10'] },
    schema: { summary: '登记调查研究、征求意见或会前酝酿', params: Id, body: z.object({
      kind: z.enum(Object.keys(CONSULTATION_KINDS) as [ConsultationKind]), leadId: z.string().max(100).optional(), memberIds: z.array(z.string().max(100)).max(20).optional(),
      participants: z.string().max(1000).optional(), summary: z.string().trim().min(1, '请填写情况摘要').max(5000), heldOn: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD'),
      outcome: z.string().max(1000).optional(),
    }) } },
    async (req) => addConsultation(req.ctx, req.params.id, req.body));
  app.post('/meetings/proposals/:id/off-plan', { config: { ...read, rules: ['WR-09'] }, schema: { summary: '主任决定未列入计划的工作列入决策', params: Id,
    body: z.object({ reason: z.string().trim().min(1, '请写明理由').max(1000) }) } },
    async (req, reply) => noContent(approveOffPlan(req.ctx, req.params.id, req.body), reply));
  app.post('/meetings/proposals/followups', { config: { ...manage, rules: ['SZYD-35'] }, schema: { summary: '将落实情况列为下次会议议题', body: z.object({ bodyCode: Body }) } },
    async (req) => proposeFromFollowups(req.ctx, req.body));
  app.post('/meetings/proposals/:id/collect', { config: { ...manage, rules: ['DM-12'] }, schema: { summary: '综合科汇总议题', params: Id } },
    async (req, reply) => noContent(collectProposal(req.ctx, req.params.id), reply));
  app.post('/meetings/proposals/:id/review', { config: { ...read, rules: ['SZYD-11'] }, schema: { summary: '分管领导审核决策建议', params: Id } },
    async (req, reply) => noContent(reviewProposal(req.ctx, req.params.id), reply));
  app.post('/meetings/proposals/:id/confirm', { config: { ...read, rules: ['SZYD-11'] }, schema: { summary: '主要负责人确认决策建议', params: Id } },
    async (req, reply) => noContent(confirmProposal(req.ctx, req.params.id), reply));
  app.post('/meetings/proposals/:id/schedule', { config: { ...read, rules: ['PG-10', 'DM-13', 'SZYD-11', 'DM-14', 'SZYD-12'] },
    schema: { summary: '主持人确定议题，列入会议议程', params: Id, body: z.object({ meetingId: z.string().max(100), adHoc: AdHoc.optional() }) } },
    async (req) => scheduleProposal(req.ctx, req.params.id, req.body));

  app.post('/meetings/:id/approve-time', { config: { ...read, rules: ['PG-03', 'DM-07'] }, schema: { summary: '批准会议时间', params: Id } },
    async (req, reply) => noContent(approveMeetingTime(req.ctx, req.params.id), reply));
  app.post('/meetings/:id/delegate-chair', { config: { ...read, rules: ['PG-07', 'DM-09'] }, schema: { summary: '委托主持会议', params: Id,
    body: z.object({ delegateId: z.string().max(100), reason: z.string().trim().min(1, '请写明事由').max(500) }) } },
    async (req, reply) => noContent(delegateChair(req.ctx, req.params.id, req.body), reply));
  app.post('/meetings/:id/notice', { config: { ...read, rules: ['PG-03', 'PG-04', 'PG-05', 'DM-07', 'DM-11'] }, schema: { summary: '发出会议通知（提前一天，附材料）', params: Id,
    body: z.object({ lateReason: z.string().max(1000).optional(), acknowledged: z.array(z.string()).max(20).optional() }) } },
    async (req) => sendNotice(req.ctx, req.params.id, req.body));
  app.post('/meetings/:id/agenda-comments', { config: { ...read, rules: ['PG-10'] }, schema: { summary: '会议成员对议程提出意见', params: Id,
    body: z.object({ body: z.string().trim().min(1, '请填写意见').max(2000) }) } },
    async (req) => commentOnAgenda(req.ctx, req.params.id, req.body));
  app.post('/meetings/:id/reschedule', { config: { ...read, rules: ['DM-08', 'PG-03', 'DM-07'] }, schema: { summary: '会议改期（须重新批准、重新通知）', params: Id,
    body: z.object({ startAt: z.string().datetime({ offset: true }), reason: z.string().max(1000) }) } },
    async (req, reply) => noContent(rescheduleMeeting(req.ctx, req.params.id, req.body), reply));
  app.post('/meetings/:id/leave', { config: { ...read, rules: ['PG-08'] }, schema: { summary: '会前向主持人请假', params: Id,
    body: z.object({ reason: z.string().trim().min(1, '请写明请假事由').max(500), personId: z.string().max(100).optional() }) } },
    async (req) => requestLeave(req.ctx, req.params.id, req.body));

  app.post('/meetings/topics/:id/minority', { config: { ...read, rules: ['PG-20'] }, schema: { summary: '保留少数意见', params: Id,
    body: z.object({ personId: z.string().max(100).optional(), body: z.string().trim().min(1, '请填写保留的意见').max(5000), reportToSuperior: z.boolean().optional() }) } },
    async (req, reply) => noContent(reserveMinorityOpinion(req.ctx, req.params.id, req.body), reply));
  app.post('/meetings/decisions/:id/responsibility', { config: { ...read, rules: ['PG-22', 'SZYD-26'] }, schema: { summary: '明确决定的负责成员和牵头成员', params: Id,
    body: z.object(Responsibility) } },
    async (req, reply) => noContent(assignResponsibility(req.ctx, req.params.id, req.body), reply));
};

export const CloseResponsibility = Responsibility;

const oversee = { permission: 'authenticated' };
/** After decisions: reports on decisions, emergency disposals, accountability, institutions, the oversight report (PG-24, PG-25, SZYD-27, SZYD-29, SZYD-32…34, SZYD-36). */
export const meetingsOversightRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/meetings/oversight', { config: { ...oversee, rules: ['SZYD-27', 'SZYD-29', 'SZYD-32', 'SZYD-34', 'SZYD-36', 'PG-25'] }, schema: { summary: '监督检查：责任追究线索、五项工作分管、班子成员决策情况' } },
    async (req) => oversightReport(req.ctx));
  app.post('/meetings/decisions/:id/reports', { config: { ...read, rules: ['PG-24', 'PG-25', 'SZYD-32'] }, schema: { summary: '报告决定执行中的新情况、向上级报告、可能造成的损失及纠正', params: Id,
    body: z.object({ kind: z.enum(['problem', 'superior', 'potential_loss', 'correction']), body: z.string().trim().min(1, '请填写报告内容').max(5000), addressee: z.string().max(200).optional() }) } },
    async (req) => reportOnDecision(req.ctx, req.params.id, req.body));
  app.post('/meetings/emergency-disposals', { config: { ...read, rules: ['SZYD-29'] }, schema: { summary: '登记重大突发事件临时处置（须事后报告领导班子）',
    body: z.object({ matter: z.string().trim().min(1, '请写明处置事项').max(2000), personId: z.string().max(100).optional(), needsRedecision: z.boolean().optional() }) } },
    async (req) => recordEmergencyDisposal(req.ctx, req.body));
  app.post('/meetings/emergency-disposals/:id/reported', { config: { ...oversee, rules: ['SZYD-29'] }, schema: { summary: '临时处置已向领导班子报告', params: Id, body: z.object({ meetingId: z.string().max(100).optional() }) } },
    async (req, reply) => noContent(reportEmergencyDisposal(req.ctx, req.params.id, req.body), reply));
  app.post('/meetings/accountability', { config: { ...oversee, rules: ['SZYD-32', 'SZYD-33'] }, schema: { summary: '登记责任追究',
    body: z.object({ circumstance: z.number().int(), personIds: z.array(z.string().max(100)).min(1).max(20), facts: z.string().max(5000), measures: z.array(z.string().max(50)).max(8),
      otherMeasure: z.string().max(500).optional(), decisionId: z.string().max(100).optional(), disposalId: z.string().max(100).optional() }) } },
    async (req) => recordAccountabilityCase(req.ctx, req.body));
  app.post('/meetings/institution-decisions', { config: { ...oversee, rules: ['SZYD-36'] }, schema: { summary: '登记所属事业单位“三重一大”决策',
    body: z.object({ institution: z.string().trim().min(1).max(200), title: z.string().trim().min(1).max(200), decidedOn: z.string().max(10), category: z.string().max(50), summary: z.string().max(5000) }) } },
    async (req) => registerInstitutionDecision(req.ctx, req.body));
  app.post('/meetings/institution-decisions/:id/oversight', { config: { ...oversee, rules: ['SZYD-36'] }, schema: { summary: '记录对所属事业单位决策执行的监督', params: Id,
    body: z.object({ note: z.string().trim().min(1, '请填写监督情况').max(2000) }) } },
    async (req, reply) => noContent(superviseInstitutionDecision(req.ctx, req.params.id, req.body), reply));
};

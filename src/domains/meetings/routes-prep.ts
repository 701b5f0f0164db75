import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { MATTER_KINDS } from './classifier';
import { assignResponsibility, reserveMinorityOpinion } from './service-decisions';
import { approveMeetingTime, delegateChair, requestLeave, sendNotice } from './service-prep';
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
    }) },
  }, async (req) => proposeTopic(req.ctx, req.body));
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

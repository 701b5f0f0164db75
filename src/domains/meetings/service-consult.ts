import { asc, eq } from 'drizzle-orm';
import { can, requireActor, withTx, type Ctx } from '../../kernel/context';
import { audit } from '../../kernel/audit/write';
import type { Db } from '../../kernel/db';
import { errors } from '../../kernel/errors';
import { newId } from '../../kernel/ids';
import { actingFor, holdersOfPost, leaderInChargeOfUnit, personWithPosts } from '../../kernel/org';
import { enforce, type Verdict } from '../../kernel/rules';
import { localDate } from '../../kernel/time';
import type { BodyCode } from './checks';
import { rosterOf } from './roster';
import { DM01, DM02, DM_SCOPES, PG01, PG11, PG_SCOPES, SZYD09, SZYD10, WR06, WR09 } from './rules';
import { meetingConsultations, topicProposals, type ProposalFlags } from './schema';

/**
 * Before a topic is decided: 调查研究、征求意见 (WR-06, PG-11, SZYD-09), 酝酿 that decides nothing
 * (SZYD-10), the scope of the deciding body (PG-01, DM-01), the DM-02 confirmation, and the plan
 * gate (WR-09). Checks are pure; the services record and enforce them.
 */
export const CONSULTATION_KINDS = {
  research: '调查研究',
  cross_section: '科室间协商',
  county_opinion: '征求县（市、区）意见',
  city_departments: '征求市有关部门意见',
  public_consultation: '向社会公开征求意见',
  grassroots_or_experts: '听取基层群众、专家学者意见',
  expert_recommendation: '专家论证',
  technical_consultation: '技术咨询',
  decision_assessment: '决策评估',
  symposium: '座谈会',
  demonstration: '论证会',
  hearing: '听证会',
  pre_meeting_deliberation: '会前酝酿（不作决定）',
} as const;
export type ConsultationKind = keyof typeof CONSULTATION_KINDS;

type ProposalRow = typeof topicProposals.$inferSelect;
type ConsultationRow = typeof meetingConsultations.$inferSelect;
const isSzyd = (kind: string) => kind === 'szyd' || kind === 'cadre';
const label = (k: ConsultationKind) => CONSULTATION_KINDS[k];

/** PG-01 / DM-01: a decision topic names at least one item of the body's 议事范围. */
export function scopeVerdict(bodyCode: BodyCode, kind: string, codes: string[]): Verdict {
  const rule = bodyCode === 'party_group' ? PG01 : DM01;
  const valid = bodyCode === 'party_group' ? PG_SCOPES : DM_SCOPES;
  if (codes.some((c) => !(c in valid))) return rule.block(`议事范围代码无效：${codes.filter((c) => !(c in valid)).join('、')}`);
  if (kind === 'briefing' || codes.length > 0) return rule.ok();
  return rule.block(`请选择议题所属的${bodyCode === 'party_group' ? '党组' : '主任办公会议'}议事范围`);
}

/** DM-02: a decision topic for the 主任办公会议 is confirmed as not solvable by one leader or among the 副主任. */
export function individualVerdict(bodyCode: BodyCode, kind: string, flags: ProposalFlags): Verdict {
  if (bodyCode !== 'director_meeting' || kind === 'briefing' || flags.notIndividuallySolvable) return DM02.ok();
  return DM02.warn('分管领导职权范围内或副主任之间协商能够解决的问题，不应提交主任办公会议讨论；确需提交的请写明理由');
}

export interface ConsultationFacts {
  bodyCode: BodyCode;
  kind: string;
  isMajor: boolean;
  proposerKind: string;
  flags: ProposalFlags;
  /** Who must lead the 三重一大 research: the section's 分管领导, else the proposing member. */
  expectedLeadId: string | null;
  /** Voting members of the body (PG-11: 党组成员). */
  memberIds: string[];
  consultations: Pick<ConsultationRow, 'kind' | 'leadId' | 'memberIds'>[];
}

/** SZYD-09 alone (checked already when the principal leader confirms a 三重一大 proposal). */
export function szydConsultationVerdicts(f: ConsultationFacts): Verdict[] {
  if (!isSzyd(f.kind)) return [];
  const has = (...kinds: ConsultationKind[]) => f.consultations.some((c) => kinds.includes(c.kind as ConsultationKind));
  const out: Verdict[] = [];
  if (!f.consultations.some((c) => c.kind === 'research' && c.leadId && c.leadId === f.expectedLeadId)) {
    out.push(SZYD09.block('“三重一大”事项决策前，须由分管领导牵头进行调查研究并登记'));
  }
  if (f.flags.specialisedOrTechnical && !has('expert_recommendation', 'technical_consultation', 'decision_assessment')) {
    out.push(SZYD09.block('专业性、技术性较强的事项，须有专家论证、技术咨询或决策评估记录'));
  }
  if (f.flags.broadPublicImpact && !has('symposium', 'demonstration', 'hearing')) {
    out.push(SZYD09.block('涉及面广、与群众利益密切相关的事项，须通过座谈会、论证会或听证会听取意见'));
  }
  return out;
}

/** Everything to be on record before the topic goes on the agenda: SZYD-09, WR-06 and PG-11. */
export function consultationVerdicts(f: ConsultationFacts): Verdict[] {
  const out = szydConsultationVerdicts(f);
  if (f.bodyCode !== 'party_group' || f.kind === 'briefing') return out;
  const has = (k: ConsultationKind) => f.consultations.some((c) => c.kind === k);
  if (f.isMajor && f.proposerKind === 'section') {
    const missing: ConsultationKind[] = [];
    if (!has('research')) missing.push('research');
    if (f.flags.involvesOtherSections && !has('cross_section')) missing.push('cross_section');
    if (f.flags.involvesCounties && !has('county_opinion')) missing.push('county_opinion');
    if (f.flags.majorPublicInterest) for (const k of ['city_departments', 'public_consultation'] as const) if (!has(k)) missing.push(k);
    if (missing.length) out.push(WR06.block(`科室提请党组会议讨论的重大事项尚缺：${missing.map(label).join('、')}`, { missing }));
  }
  if (f.isMajor) {
    const joined = f.consultations.some((c) => c.kind === 'research' && [c.leadId, ...c.memberIds].some((id) => id && f.memberIds.includes(id)));
    if (!joined) out.push(PG11.block('重大议题的调查研究，党组有关成员要亲自参加：请登记有党组成员参加的调查研究'));
  }
  return out;
}

/** WR-09: a decision topic is in the 年度计划 / 决策目录, or the 主任 admitted it with a reason. */
export function planVerdict(p: Pick<ProposalRow, 'kind' | 'planItem' | 'offPlanApprovedAt'>): Verdict {
  if (p.kind === 'briefing' || p.planItem?.trim() || p.offPlanApprovedAt) return WR09.ok();
  return WR09.block('未列入年度计划或决策目录的工作原则上不得列入决策内容；确需列入的，由办主任决定');
}

export async function consultationsOf(db: Db, proposalId: string): Promise<ConsultationRow[]> {
  return db.select().from(meetingConsultations).where(eq(meetingConsultations.proposalId, proposalId)).orderBy(asc(meetingConsultations.heldOn), asc(meetingConsultations.at));
}

/** The facts of a proposal for the checks above, read on `date`. */
export async function consultationFacts(db: Db, p: ProposalRow, date: string, memberIds?: string[]): Promise<ConsultationFacts> {
  const expectedLead = p.proposerKind === 'section' ? (p.proposerUnitId ? await leaderInChargeOfUnit(db, p.proposerUnitId, date) : null)?.id ?? null : p.proposerId;
  const members = memberIds ?? (await rosterOf(db, p.bodyCode as BodyCode, date, false)).members.map((m) => m.id);
  return { bodyCode: p.bodyCode as BodyCode, kind: p.kind, isMajor: p.isMajor, proposerKind: p.proposerKind, flags: p.flags,
    expectedLeadId: expectedLead, memberIds: members, consultations: await consultationsOf(db, p.id) };
}

export interface ConsultationInput {
  kind: ConsultationKind;
  leadId?: string;
  memberIds?: string[];
  participants?: string;
  summary: string;
  heldOn: string;
  /** A 酝酿 never carries an outcome; giving one is refused (SZYD-10). */
  outcome?: string;
}

/**
 * Record a research, consultation or 酝酿 on a proposal: by its proposer, a member of the
 * body, the section's 分管领导 or 综合科, before it is on an agenda. A 酝酿 has no outcome and
 * never changes the proposal's status (SZYD-10).
 */
export async function addConsultation(ctx: Ctx, proposalId: string, input: ConsultationInput): Promise<{ id: string }> {
  const actor = requireActor(ctx);
  if (!(input.kind in CONSULTATION_KINDS)) throw errors.badRequest('征求意见的形式不正确');
  if (input.outcome?.trim()) {
    enforce([SZYD10.block('会前酝酿、调查研究和征求意见不得做出决定；决定只能由会议表决形成')]);
  }
  const summary = input.summary.trim();
  if (!summary) throw errors.badRequest('请填写情况摘要');
  if (!/^\d{4}-\d{2}-\d{2}$/.test(input.heldOn)) throw errors.badRequest('日期格式应为 YYYY-MM-DD');
  const today = localDate(ctx.clock.now());
  if (input.heldOn > today) throw errors.badRequest('不能登记尚未进行的调研或征求意见');
  return withTx(ctx, async (tx) => {
    const [p] = await tx.db.select().from(topicProposals).where(eq(topicProposals.id, proposalId)).for('update');
    if (!p) throw errors.notFound('议题建议');
    if (p.status === 'scheduled' || p.status === 'withdrawn') throw errors.conflict('议题已列入议程或已撤回，不能再登记');
    const roster = await rosterOf(tx.db, p.bodyCode as BodyCode, today, false);
    const leader = p.proposerUnitId ? await leaderInChargeOfUnit(tx.db, p.proposerUnitId, today) : null;
    const allowed = can(tx, 'meetings.manage') || actor.personId === p.proposerId || actor.personId === leader?.id || roster.members.some((m) => m.id === actor.personId);
    if (!allowed) throw errors.forbidden('只有提出人、分管领导、会议成员或综合科可以登记');
    for (const id of [input.leadId, ...(input.memberIds ?? [])].filter((x): x is string => !!x)) {
      if (!(await personWithPosts(tx.db, id))) throw errors.badRequest(`人员 ${id} 不存在`);
    }
    const id = newId('cns');
    await tx.db.insert(meetingConsultations).values({ id, proposalId, kind: input.kind, leadId: input.leadId ?? null, memberIds: [...new Set(input.memberIds ?? [])],
      participants: input.participants?.trim() ?? '', summary, heldOn: input.heldOn, recordedBy: actor.accountId, at: tx.clock.now() });
    await audit(tx, { event: 'meetings.proposal.consultation', objectType: 'topic_proposal', objectId: proposalId, detail: { id, kind: input.kind, rule: input.kind === 'pre_meeting_deliberation' ? SZYD10.id : SZYD09.id } });
    return { id };
  });
}

/** WR-09: the 主任 (or the 副主任 acting for him on the day, CONF-16) admits an off-plan topic with a reason. */
export async function approveOffPlan(ctx: Ctx, proposalId: string, input: { reason: string }): Promise<void> {
  const actor = requireActor(ctx);
  const reason = input.reason.trim();
  if (!reason) throw errors.badRequest('请写明列入决策的理由');
  await withTx(ctx, async (tx) => {
    const today = localDate(tx.clock.now());
    const [p] = await tx.db.select().from(topicProposals).where(eq(topicProposals.id, proposalId)).for('update');
    if (!p) throw errors.notFound('议题建议');
    if (p.status === 'scheduled' || p.status === 'withdrawn') throw errors.conflict('议题已列入议程或已撤回');
    const directors = await holdersOfPost(tx.db, 'director', undefined, today);
    let mayApprove = directors.some((d) => d.id === actor.personId);
    for (const d of directors) if (!mayApprove && (await actingFor(tx.db, d.id, today, 'director'))?.acting.id === actor.personId) mayApprove = true;
    if (!mayApprove) enforce([WR09.block('未列入年度计划或决策目录的工作确需列入决策的，由办主任决定')]);
    await tx.db.update(topicProposals).set({ offPlanApprovedBy: actor.personId, offPlanApprovedAt: tx.clock.now(), offPlanReason: reason }).where(eq(topicProposals.id, proposalId));
    await audit(tx, { event: 'meetings.proposal.off_plan', objectType: 'topic_proposal', objectId: proposalId, detail: { reason, rule: WR09.id } });
  });
}

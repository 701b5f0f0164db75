import { desc, eq, max, or } from 'drizzle-orm';
import { can, requireActor, withTx, type Ctx } from '../../kernel/context';
import { audit } from '../../kernel/audit/write';
import { AppError, errors } from '../../kernel/errors';
import { newId } from '../../kernel/ids';
import { leaderInChargeOfUnit, personWithPosts, principalLeader } from '../../kernel/org';
import { enforce, type Verdict } from '../../kernel/rules';
import { localDate } from '../../kernel/time';
import type { BodyCode } from './checks';
import type { Matter } from './classifier';
import { followupList } from './followup';
import { rosterOf } from './roster';
import { DM12, DM13, PG06, PG10, SZYD11 } from './rules';
import { meetingTopics, topicProposals, type Attachment, type ProposalFlags } from './schema';
import { CONSULTATION_KINDS, consultationFacts, consultationVerdicts, individualVerdict, planVerdict, scopeVerdict, szydConsultationVerdicts, type ConsultationKind } from './service-consult';
import { enforceAdHoc, insertTopic, routingVerdict, supplementaryNotice, topicKindOf, type AdHoc } from './service-meetings';
import { body, loadMeeting } from './store';

/**
 * Topics before they are on an agenda (PG-06, PG-10, DM-12, DM-13, SZYD-11): a member or a
 * section proposes, 综合科 collects, the 分管领导 reviews a section's 三重一大 proposal, the
 * principal leader confirms it, and the meeting's chair puts it on the agenda.
 */
export type ProposalRow = typeof topicProposals.$inferSelect;

export interface ProposalInput {
  bodyCode: BodyCode;
  title: string;
  kind?: 'ordinary' | 'cadre' | 'briefing';
  matter?: Matter;
  isMajor?: boolean;
  materials?: string;
  attachments?: Attachment[];
  preferredOpinion?: string;
  relatedStaffIds?: string[];
  /** PG-01 / DM-01 议事范围 codes. */
  scopeCodes?: string[];
  /** WR-06 / SZYD-09 consultation needs and the DM-02 confirmation. */
  flags?: ProposalFlags;
  /** WR-09: the 年度计划 / 决策目录 item the topic implements. */
  planItem?: string;
  acknowledged?: string[];
}

const matterOf = (p: ProposalRow): Matter | undefined =>
  p.matterKind ? { kind: p.matterKind as Matter['kind'], amountFen: p.amountFen, purpose: p.purpose ?? undefined, inOfficeName: p.inOfficeName ?? undefined } : undefined;
const partyOrAdmin = (b: BodyCode) => (b === 'party_group' ? 'party' : 'administrative');
const needsConfirmation = (p: Pick<ProposalRow, 'kind' | 'proposerKind'>) => (p.kind === 'szyd' || p.kind === 'cadre') && p.proposerKind !== 'principal';

/** PG-06 / DM-12: a section's decision topic states its preferred opinion (建议方案). */
function preferredOpinionVerdict(b: BodyCode, proposerKind: string, kind: string, opinion: string | undefined): Verdict {
  if (proposerKind !== 'section' || kind === 'briefing' || opinion?.trim()) return PG06.ok();
  return b === 'party_group' ? PG06.block('科室呈报的议题须表明呈报科室的倾向性意见') : DM12.block('科室提交的议题须提出需要解决的主要问题或建议方案');
}

/** SZYD-11: a member's 三重一大 proposal needs the principal's confirmation; a section's also the 分管领导's review first. */
export function entryVerdict(p: Pick<ProposalRow, 'kind' | 'proposerKind' | 'reviewedAt' | 'confirmedAt'>): Verdict {
  if (!needsConfirmation(p)) return SZYD11.ok();
  if (p.proposerKind === 'section' && !p.reviewedAt) return SZYD11.block('科室提出的“三重一大”决策建议须先经分管领导审核，再经主要负责人确认，方能进入决策程序');
  if (!p.confirmedAt) return SZYD11.block('“三重一大”决策建议须经领导班子主要负责人确认后，方能进入决策程序');
  return SZYD11.ok();
}

export async function proposeTopic(ctx: Ctx, input: ProposalInput): Promise<{ id: string; kind: string; proposerKind: string }> {
  const actor = requireActor(ctx);
  if (!actor.personId) throw errors.forbidden('只有本办人员可以提出议题');
  const today = localDate(ctx.clock.now());
  const { kind, ruleId } = topicKindOf(input);
  enforce([routingVerdict(input.bodyCode, kind, input.title)]);
  const principal = await principalLeader(ctx.db, today, partyOrAdmin(input.bodyCode));
  const roster = await rosterOf(ctx.db, input.bodyCode, today, false);
  const proposerKind = principal?.id === actor.personId ? 'principal' : roster.members.some((m) => m.id === actor.personId) ? 'member' : 'section';
  const flags: ProposalFlags = { ...(input.flags ?? {}) };
  const warnings = enforce([preferredOpinionVerdict(input.bodyCode, proposerKind, kind, input.preferredOpinion), scopeVerdict(input.bodyCode, kind, input.scopeCodes ?? []),
    individualVerdict(input.bodyCode, kind, flags)], input.acknowledged ?? []);
  if (warnings.some((w) => w.ruleId === 'DM-02') && !flags.notIndividuallySolvableReason?.trim()) throw errors.badRequest('请写明该事项须提交主任办公会议集体研究的理由（DM-02）');
  const me = await personWithPosts(ctx.db, actor.personId, today);
  return withTx(ctx, async (tx) => {
    const id = newId('tpp');
    await tx.db.insert(topicProposals).values({
      id, bodyCode: input.bodyCode, title: input.title.trim(), kind, matterKind: input.matter?.kind ?? null, amountFen: input.matter?.amountFen ?? null,
      purpose: input.matter?.purpose ?? null, inOfficeName: input.matter?.inOfficeName ?? null, szydRuleId: ruleId, materials: input.materials?.trim() ?? '',
      attachments: input.attachments ?? [], preferredOpinion: input.preferredOpinion?.trim() ?? '', isMajor: input.isMajor ?? kind !== 'ordinary',
      relatedStaffIds: input.relatedStaffIds ?? [], proposerKind, proposerId: actor.personId!, proposerUnitId: me?.unitId ?? null,
      scopeCodes: [...new Set(input.scopeCodes ?? [])], flags, planItem: input.planItem?.trim() || null,
      createdBy: actor.accountId, createdAt: tx.clock.now(),
    });
    await audit(tx, { event: 'meetings.proposal.create', objectType: 'topic_proposal', objectId: id, detail: { kind, proposerKind, body: input.bodyCode, warnings } });
    return { id, kind, proposerKind };
  });
}

async function loadProposal(ctx: Ctx, id: string): Promise<ProposalRow> {
  const [p] = await ctx.db.select().from(topicProposals).where(eq(topicProposals.id, id)).for('update');
  if (!p) throw errors.notFound('议题建议');
  return p;
}

function assertProposalStatus(p: ProposalRow, allowed: string[], what: string): void {
  if (allowed.includes(p.status)) return;
  const label: Record<string, string> = { submitted: '尚未经综合科汇总', collected: '已汇总', scheduled: '已列入会议议题', withdrawn: '已撤回' };
  throw new AppError('PROPOSAL_STATE', 409, `议题“${p.title}”${label[p.status] ?? p.status}，不能${what}`);
}

/** 综合科 collects the topic (集中议题, DM-12, DM-15). */
export async function collectProposal(ctx: Ctx, id: string): Promise<void> {
  const actor = requireActor(ctx);
  await withTx(ctx, async (tx) => {
    const p = await loadProposal(tx, id);
    if (!can(tx, 'meetings.manage')) throw errors.forbidden('议题由综合科汇总');
    assertProposalStatus(p, ['submitted'], '汇总');
    await tx.db.update(topicProposals).set({ status: 'collected', collectedBy: actor.accountId, collectedAt: tx.clock.now() }).where(eq(topicProposals.id, id));
    await audit(tx, { event: 'meetings.proposal.collect', objectType: 'topic_proposal', objectId: id });
  });
}

/** SZYD-11: the 分管领导 of the proposing section reviews its 三重一大 proposal. */
export async function reviewProposal(ctx: Ctx, id: string): Promise<void> {
  const actor = requireActor(ctx);
  await withTx(ctx, async (tx) => {
    const p = await loadProposal(tx, id);
    assertProposalStatus(p, ['submitted', 'collected'], '审核');
    if (p.proposerKind !== 'section') throw errors.badRequest('只有科室提出的议题需要分管领导审核');
    const leader = p.proposerUnitId ? await leaderInChargeOfUnit(tx.db, p.proposerUnitId, localDate(tx.clock.now())) : null;
    if (!leader || leader.id !== actor.personId) enforce([SZYD11.block(`科室提出的决策建议由分管领导${leader ? `（${leader.name}）` : ''}审核`)]);
    await tx.db.update(topicProposals).set({ reviewedBy: actor.personId, reviewedAt: tx.clock.now() }).where(eq(topicProposals.id, id));
    await audit(tx, { event: 'meetings.proposal.review', objectType: 'topic_proposal', objectId: id, detail: { rule: SZYD11.id } });
  });
}

/** SZYD-11: the principal leader (书记 at the 党组, 主任 at the 主任办公会议, CONF-15) confirms entry into the procedure. */
export async function confirmProposal(ctx: Ctx, id: string): Promise<void> {
  const actor = requireActor(ctx);
  await withTx(ctx, async (tx) => {
    const p = await loadProposal(tx, id);
    assertProposalStatus(p, ['submitted', 'collected'], '确认');
    const principal = await principalLeader(tx.db, localDate(tx.clock.now()), partyOrAdmin(p.bodyCode as BodyCode));
    if (principal?.id !== actor.personId) enforce([SZYD11.block('决策建议由领导班子主要负责人确认')]);
    if (p.proposerKind === 'section' && !p.reviewedAt) enforce([entryVerdict(p)]);
    // SZYD-09: the research and consultations are on record before the proposal enters the procedure.
    enforce(szydConsultationVerdicts(await consultationFacts(tx.db, p, localDate(tx.clock.now()))));
    await tx.db.update(topicProposals).set({ confirmedBy: actor.personId, confirmedAt: tx.clock.now() }).where(eq(topicProposals.id, id));
    await audit(tx, { event: 'meetings.proposal.confirm', objectType: 'topic_proposal', objectId: id, detail: { rule: SZYD11.id } });
  });
}

/**
 * The chair puts a collected proposal on a meeting's agenda (PG-10: 书记 or the delegated
 * chair; DM-13: 主任 or the entrusted / acting 副主任). 三重一大 proposals need SZYD-11's
 * confirmation — when the chair is the principal leader, this one act confirms too (both
 * times stored). On an open meeting it is an ad-hoc topic (DM-14, SZYD-12). After the notice,
 * the attendees get a supplementary notice.
 */
export async function scheduleProposal(ctx: Ctx, id: string, input: { meetingId: string; adHoc?: AdHoc }): Promise<{ topicId: string }> {
  const actor = requireActor(ctx);
  return withTx(ctx, async (tx) => {
    const p = await loadProposal(tx, id);
    const m = await loadMeeting(tx.db, input.meetingId, true);
    const agendaRule = body(m) === 'party_group' ? PG10 : DM13;
    if (actor.personId !== m.chairId) enforce([agendaRule.block(body(m) === 'party_group' ? '议题由书记或受委托主持会议的党组成员确定' : '议题须报请主任（或受委托主持的副主任）审议后方能列入')]);
    if (p.bodyCode !== m.bodyCode) throw errors.badRequest('该议题建议提交的会议类别与本次会议不符');
    if (p.status === 'submitted') enforce([(body(m) === 'party_group' ? PG10 : DM12).block('议题须先交综合科汇总，再报请主持人确定')]);
    assertProposalStatus(p, ['collected'], '列入议程');
    if (m.status !== 'planned' && m.status !== 'open') throw new AppError('MEETING_STATE', 409, '会议已经结束，不能列入议题');
    if (m.status === 'open') enforceAdHoc(p.kind as 'ordinary', input.adHoc);
    const now = tx.clock.now();
    let confirmed = p;
    if (needsConfirmation(p) && !p.confirmedAt && (p.proposerKind === 'member' || p.reviewedAt)) {
      const principal = await principalLeader(tx.db, localDate(now), partyOrAdmin(body(m)));
      if (principal?.id === actor.personId) confirmed = { ...p, confirmedBy: actor.personId, confirmedAt: now };
    }
    enforce([entryVerdict(confirmed), planVerdict(p), ...consultationVerdicts(await consultationFacts(tx.db, p, localDate(now)))]);
    const [last] = await tx.db.select({ n: max(meetingTopics.seq) }).from(meetingTopics).where(eq(meetingTopics.meetingId, m.id));
    const topicId = await insertTopic(tx, m, {
      title: p.title, kind: p.kind === 'szyd' ? undefined : (p.kind as 'ordinary'), matter: matterOf(p), isMajor: p.isMajor, materials: p.materials,
      preferredOpinion: p.preferredOpinion, presenterId: p.proposerId, relatedStaffIds: p.relatedStaffIds, attachments: p.attachments, proposalId: p.id,
    }, (last?.n ?? 0) + 1, m.status === 'open' ? input.adHoc : undefined);
    await tx.db.update(topicProposals).set({ status: 'scheduled', meetingId: m.id, topicId, agendaApprovedBy: actor.personId, agendaApprovedAt: now,
      confirmedBy: confirmed.confirmedBy, confirmedAt: confirmed.confirmedAt }).where(eq(topicProposals.id, id));
    if (m.noticeSentAt || m.status === 'open') await supplementaryNotice(tx, m, topicId);
    await audit(tx, { event: 'meetings.proposal.schedule', objectType: 'topic_proposal', objectId: id, detail: { meetingId: m.id, topicId, rule: agendaRule.id } });
    return { topicId };
  });
}

/**
 * The 落实情况 list as a topic for the next meeting (SZYD-35, DM-17): 综合科 turns the open
 * follow-up tasks (overdue first) into a briefing proposal, already collected.
 */
export async function proposeFromFollowups(ctx: Ctx, input: { bodyCode: BodyCode }): Promise<{ id: string; tasks: number }> {
  const actor = requireActor(ctx);
  if (!can(ctx, 'meetings.manage') || !actor.personId) throw errors.forbidden('落实情况由综合科汇总');
  const today = localDate(ctx.clock.now());
  const open = (await followupList(ctx, { status: 'open' })).tasks.sort((a, b) => Number(b.overdue) - Number(a.overdue));
  if (open.length === 0) throw errors.conflict('目前没有未办结的督办事项');
  const lines = open.map((t, i) => `${i + 1}. ${t.title}（决定：${t.decisionTitle}；责任人：${t.ownerName ?? t.ownerId}；期限：${t.dueDate}；${t.overdue ? '已逾期' : '办理中'}${t.reports[0] ? `；最近报告：${t.reports[0].body}` : '；尚无落实情况报告'}）`);
  const me = await personWithPosts(ctx.db, actor.personId, today);
  return withTx(ctx, async (tx) => {
    const id = newId('tpp');
    await tx.db.insert(topicProposals).values({
      id, bodyCode: input.bodyCode, title: `会议决定事项落实情况（截至${today}）`, kind: 'briefing', materials: lines.join('\n'), proposerKind: 'section',
      proposerId: actor.personId!, proposerUnitId: me?.unitId ?? null, source: 'followups', status: 'collected', collectedBy: actor.accountId, collectedAt: tx.clock.now(),
      createdBy: actor.accountId, createdAt: tx.clock.now(),
    });
    await audit(tx, { event: 'meetings.proposal.followups', objectType: 'topic_proposal', objectId: id, detail: { tasks: open.map((t) => t.id) } });
    return { id, tasks: open.length };
  });
}

/**
 * Proposals are undecided matters (PG-28): 综合科 and oversight see all, members of the
 * bodies see those of their body, everyone else their own.
 */
export async function listProposals(ctx: Ctx) {
  const actor = requireActor(ctx);
  const today = localDate(ctx.clock.now());
  const bodies: BodyCode[] = [];
  const rosterIds: Record<BodyCode, string[]> = { party_group: [], director_meeting: [] };
  for (const b of ['party_group', 'director_meeting'] as const) {
    rosterIds[b] = (await rosterOf(ctx.db, b, today, false)).members.map((m) => m.id);
    if (rosterIds[b].includes(actor.personId ?? '-')) bodies.push(b);
  }
  const all = can(ctx, 'meetings.manage') || can(ctx, 'meetings.oversee');
  const where = all ? undefined : or(eq(topicProposals.proposerId, actor.personId ?? '-'), ...bodies.map((b) => eq(topicProposals.bodyCode, b)));
  const found = await ctx.db.select().from(topicProposals).where(where).orderBy(desc(topicProposals.createdAt)).limit(500);
  const names = new Map<string, string>();
  for (const pid of new Set(found.flatMap((p) => [p.proposerId, p.reviewedBy, p.confirmedBy].filter((x): x is string => !!x)))) {
    names.set(pid, (await personWithPosts(ctx.db, pid))?.name ?? pid);
  }
  const principal = { party_group: await principalLeader(ctx.db, today, 'party'), director_meeting: await principalLeader(ctx.db, today, 'administrative') };
  return {
    proposals: await Promise.all(found.map(async (p) => {
      const reviewer = p.proposerKind === 'section' && p.proposerUnitId ? await leaderInChargeOfUnit(ctx.db, p.proposerUnitId, today) : null;
      const facts = await consultationFacts(ctx.db, p, today, rosterIds[p.bodyCode as BodyCode]);
      return {
        consultations: facts.consultations.map((c) => ({ ...c, kindName: CONSULTATION_KINDS[c.kind as ConsultationKind] ?? c.kind })),
        // What still stands between the proposal and the agenda (WR-09, WR-06, PG-11, SZYD-09).
        pending: [planVerdict(p), ...consultationVerdicts(facts)].filter((v) => v.outcome !== 'ok'),
        expectedResearchLeadId: facts.expectedLeadId,
        ...p, proposerName: names.get(p.proposerId), reviewedByName: p.reviewedBy ? names.get(p.reviewedBy) : null, confirmedByName: p.confirmedBy ? names.get(p.confirmedBy) : null,
        needsConfirmation: needsConfirmation(p), entry: entryVerdict(p),
        mayReview: needsConfirmation(p) && p.proposerKind === 'section' && !p.reviewedAt && reviewer?.id === actor.personId,
        mayConfirm: needsConfirmation(p) && !p.confirmedAt && principal[p.bodyCode as BodyCode]?.id === actor.personId,
      };
    })),
  };
}


import { eq, sql } from 'drizzle-orm';
import { requireActor, withTx, type Ctx } from '../../kernel/context';
import { audit } from '../../kernel/audit/write';
import { AppError, errors } from '../../kernel/errors';
import { newId } from '../../kernel/ids';
import { enforce } from '../../kernel/rules';
import { localDate } from '../../kernel/time';
import { adoptionRule, computeOutcome, conclusionPresent, type Tally } from './checks';
import { DM15, DM17, PG17, PG18, SZYD21, SZYD22, SZYD24, WR08 } from './rules';
import { meetingDecisions, meetingTopics, topicBallotBox, topicBallotVoters, topicVotes } from './schema';
import { needsResponsibility, recordResponsibility, responsibilityVerdicts, scheduleBriefingOfPartyGroup } from './service-decisions';
import { unitTree, type UnitNode } from '../../kernel/org/views';
import { leaderInChargeOfUnit } from '../../kernel/org';
import { notify } from '../../kernel/notify';
import { disclosureVerdict as disclosureVerdictOf, recordDisclosure, type DisclosureInput } from './service-disclosure';
import { nonVotingRule } from './service-topics';
import { assertChairOrManager, attendeeOf, attendeesOf, body, kindOf, loadMeeting, loadTopic, mayRecordFor, recusedIds, type TopicRow } from './store';

const CLOSED = '该议题表决已结束，不能再投票';
const flatUnits = (nodes: UnitNode[]): UnitNode[] => nodes.flatMap((n) => [n, ...flatUnits(n.children)]);

/**
 * One vote per member per topic (PG-17). The topic row is read FOR SHARE, so votes run side
 * by side while a close (FOR UPDATE) waits for them, and a vote after the close sees
 * `closed` and gets a 409. The primary key (topic, person) makes a second vote impossible
 * even when the same member's two requests arrive together.
 */
export async function castVote(ctx: Ctx, topicId: string, input: { personId?: string; choice: 'agree' | 'disagree' | 'abstain' }): Promise<void> {
  const actor = requireActor(ctx);
  const personId = input.personId ?? actor.personId;
  if (!personId) throw errors.badRequest('请指明表决人');
  await withTx(ctx, async (tx) => {
    const t = await loadTopic(tx.db, topicId, 'share');
    const m = await loadMeeting(tx.db, t.meetingId);
    const itemRule = t.kind === 'szyd' || t.kind === 'cadre' ? SZYD21 : PG17;
    if (t.status === 'closed') throw new AppError('TOPIC_CLOSED', 409, CLOSED, { id: itemRule.id, cite: itemRule.cite });
    // 逐项表决 (PG-17, SZYD-21): a ballot belongs to the one item whose vote is open.
    if (t.status !== 'voting') throw new AppError('TOPIC_STATE', 409, `议题“${t.title}”尚未开始表决；会议决定多个事项时逐项表决`, { id: itemRule.id, cite: itemRule.cite });
    if (personId !== actor.personId) {
      if (!mayRecordFor(tx, m)) throw errors.forbidden('只能本人投票，或由会议记录人登记举手、口头表决结果');
      if (t.voteMethod === 'secret') throw errors.forbidden('无记名投票只能由本人投票');
    }
    await assertVoter(tx, m.bodyCode, t, personId);
    const twice = () => new AppError('ALREADY_VOTED', 409, '该成员已对本议题表决，每人每项只能投一票', { id: itemRule.id, cite: itemRule.cite });
    if (t.voteMethod === 'secret') {
      // 无记名投票: the marker says who voted, the ballot box counts the choice; no row holds both.
      const marked = await tx.db.insert(topicBallotVoters).values({ topicId, personId }).onConflictDoNothing().returning({ personId: topicBallotVoters.personId });
      if (marked.length === 0) throw twice();
      await tx.db.insert(topicBallotBox).values({ topicId, choice: input.choice, count: 1 })
        .onConflictDoUpdate({ target: [topicBallotBox.topicId, topicBallotBox.choice], set: { count: sql`${topicBallotBox.count} + 1` } });
    } else {
      const inserted = await tx.db.insert(topicVotes).values({ topicId, personId, choice: input.choice, recordedBy: actor.accountId, at: tx.clock.now() })
        .onConflictDoNothing().returning({ personId: topicVotes.personId });
      if (inserted.length === 0) throw twice();
    }
    await audit(tx, { event: 'meetings.topic.vote', objectType: 'meeting_topic', objectId: topicId, detail: { personId, choice: t.voteMethod === 'secret' ? 'secret' : input.choice } });
  });
}

async function assertVoter(ctx: Ctx, bodyCode: string, t: TopicRow, personId: string): Promise<void> {
  if ((t.eligibleVoterIds ?? []).includes(personId)) return;
  if ((await recusedIds(ctx.db, t.id)).has(personId)) enforce([SZYD24.block('该成员已对本议题回避，不能表决')]);
  const a = await attendeeOf(ctx.db, t.meetingId, personId);
  if (!a || a.capacity !== 'member') enforce([nonVotingRule(bodyCode, t.kind, !a).block('列席人员可以发表意见，但无表决权')]);
  throw errors.forbidden('该成员表决开始时未到会，不能表决');
}

/** The count of a topic's votes: named votes, or the ballot box of a secret vote (SZYD-20, CONF-29). */
export async function tallyOf(ctx: Ctx, topicId: string, secret: boolean): Promise<Tally> {
  if (secret) {
    const box = await ctx.db.select().from(topicBallotBox).where(eq(topicBallotBox.topicId, topicId));
    const count = (c: string) => box.find((b) => b.choice === c)?.count ?? 0;
    return { agree: count('agree'), disagree: count('disagree'), abstain: count('abstain') };
  }
  const votes = await ctx.db.select({ choice: topicVotes.choice }).from(topicVotes).where(eq(topicVotes.topicId, topicId));
  const count = (c: string) => votes.filter((v) => v.choice === c).length;
  return { agree: count('agree'), disagree: count('disagree'), abstain: count('abstain') };
}

export interface CloseInput extends DisclosureInput {
  /** Defer instead of deciding (PG-21, SZYD-22), with a reason. */
  defer?: boolean;
  reason?: string;
  /** 主任办公会议: the chair's conclusion (DM-04); for ordinary topics also its outcome. */
  conclusion?: string;
  chairOutcome?: 'adopted' | 'not_adopted';
  /** The decision's text, with objectives, measures and responsibility (WR-08). */
  decisionText?: string;
  /** PG-22 / SZYD-26: who carries the decision out, and the lead where duties overlap. */
  responsibleMemberIds?: string[];
  leadMemberId?: string;
  /** DM-17: the 承办科室 of a 主任办公会议 decision. */
  undertakingUnitIds?: string[];
}

type Outcome = { outcome: 'adopted' | 'not_adopted' | 'deferred' | 'briefed'; reason: string };

async function decideOutcome(ctx: Ctx, t: TopicRow, bodyCode: 'party_group' | 'director_meeting', input: CloseInput, tally: Tally): Promise<Outcome> {
  if (t.kind === 'briefing') return { outcome: 'briefed', reason: '通报事项' };
  if (input.defer) {
    if (!input.reason?.trim()) throw errors.badRequest('暂缓决定须写明理由');
    return { outcome: 'deferred', reason: input.reason.trim() };
  }
  if (t.disagreementFlag && (t.kind === 'szyd' || t.kind === 'cadre') && !t.emergencyReason) {
    enforce([SZYD22.block('意见分歧较大，除紧急情况外应暂缓决策')]);
  }
  const rule = adoptionRule(bodyCode, kindOf(t));
  if (!rule) {
    enforce([conclusionPresent(bodyCode, kindOf(t), input.conclusion)]);
    if (!input.chairOutcome) throw errors.badRequest('请选择主持人结论：通过或不通过');
    return { outcome: input.chairOutcome, reason: `主持人结论：${input.conclusion!.trim()}` };
  }
  if (t.status !== 'voting') throw new AppError('TOPIC_STATE', 409, `议题“${t.title}”须经表决方能作出决定（${rule.id}）`);
  const r = computeOutcome(rule, tally, t.dueCount ?? 0);
  if (bodyCode === 'director_meeting') enforce([conclusionPresent(bodyCode, kindOf(t), input.conclusion)]);
  const changeRule = t.targetDecisionId ? `；撤销或改变原决定同样须过半数应到会成员通过（${PG18.id}）` : '';
  return { outcome: r.adopted ? 'adopted' : 'not_adopted', reason: r.text + changeRule };
}

/**
 * Close a topic: the outcome is computed from the votes against 应到会成员 and cannot be
 * overridden (PG-16); an adopted topic becomes a decision, and a topic that names an earlier
 * decision revokes or supersedes it in the same transaction (PG-18, SZYD-28).
 */
export async function closeTopic(ctx: Ctx, topicId: string, input: CloseInput): Promise<{ outcome: string; decisionId: string | null; reason: string }> {
  return withTx(ctx, async (tx) => {
    const t = await loadTopic(tx.db, topicId, 'update');
    const m = await loadMeeting(tx.db, t.meetingId);
    assertChairOrManager(tx, m);
    if (t.status === 'closed' || t.status === 'pending') throw new AppError('TOPIC_STATE', 409, `议题“${t.title}”${t.status === 'closed' ? '已经结束' : '尚未开始审议'}`);
    const tally = await tallyOf(tx, topicId, t.voteMethod === 'secret');
    const { outcome, reason } = await decideOutcome(tx, t, body(m), input, tally);
    const undertakers = [...new Set(input.undertakingUnitIds ?? [])];
    if (outcome === 'adopted') {
      if (!input.decisionText?.trim()) enforce([WR08.block('通过的决定须写明任务目标、方法措施和责任分工')]);
      // PG-22 / SZYD-26 when the decision is made, not only when follow-up starts.
      if (needsResponsibility(m.bodyCode, t.kind)) {
        const memberIds = (await attendeesOf(tx.db, m.id)).filter((a) => a.capacity === 'member').map((a) => a.personId);
        enforce(responsibilityVerdicts(m.bodyCode, t.kind, memberIds, input));
      }
      if (m.bodyCode === 'director_meeting') {
        if (undertakers.length === 0) enforce([DM17.block('主任办公会议决定的事项须明确承办科室，承办结果报综合科')]);
        const units = new Set(flatUnits(await unitTree(tx.db, m.meetingDate)).map((u) => u.id));
        if (undertakers.some((u) => !units.has(u))) throw errors.badRequest('承办科室不存在');
      }
    }
    await tx.db.update(meetingTopics).set({
      status: 'closed', outcome, outcomeReason: reason, chairConclusion: input.conclusion?.trim() || null, closedAt: tx.clock.now(),
      yesCount: tally.agree, noCount: tally.disagree, abstainCount: tally.abstain,
    }).where(eq(meetingTopics.id, topicId));
    // WR-13: the 公开属性 may be set with the decision (or later, before the minutes are signed).
    if (outcome === 'adopted' && (input.disclosure || input.disclosureReason)) enforce([disclosureVerdictOf(input)]);
    const supervisorIds = outcome === 'adopted' ? await supervisorsOf(tx, undertakers, m.meetingDate) : [];
    const decisionId = outcome === 'adopted' ? await recordDecision(tx, m.bodyCode, t, input.decisionText!.trim(), undertakers, supervisorIds) : null;
    if (decisionId && input.disclosure) await recordDisclosure(tx, decisionId, localDate(tx.clock.now()), input);
    if (decisionId) await notifySupervisors(tx, decisionId, t.title, supervisorIds);
    if (decisionId && input.responsibleMemberIds?.length) await recordResponsibility(tx, m, t, decisionId, input);
    if (decisionId && m.bodyCode === 'director_meeting') await scheduleBriefingOfPartyGroup(tx, m, decisionId, t.title, localDate(tx.clock.now()));
    await audit(tx, { event: 'meetings.topic.close', objectType: 'meeting_topic', objectId: topicId, detail: { outcome, tally, due: t.dueCount, voters: t.eligibleVoterIds, decisionId } });
    return { outcome, decisionId, reason };
  });
}

/** DM-15: each 承办科室's 分管领导 supervises (督办) the implementation and coordinates its problems. */
async function supervisorsOf(ctx: Ctx, unitIds: string[], date: string): Promise<string[]> {
  const ids: string[] = [];
  for (const unitId of unitIds) {
    const leader = await leaderInChargeOfUnit(ctx.db, unitId, date);
    if (leader && !ids.includes(leader.id)) ids.push(leader.id);
  }
  return ids;
}

async function notifySupervisors(ctx: Ctx, decisionId: string, title: string, supervisorIds: string[]): Promise<void> {
  for (const personId of supervisorIds) {
    await notify(ctx.db, { recipientPersonId: personId, kind: 'info', title: `督办会议决定：${title}`, body: `本决定由您分管的科室承办，请督办并协调解决落实中的问题（${DM15.id}）。`,
      link: '/meetings/followups', objectType: 'meeting_decision', objectId: decisionId }, ctx.clock.now());
  }
}

async function recordDecision(ctx: Ctx, bodyCode: string, t: TopicRow, text: string, undertakingUnitIds: string[], supervisorIds: string[]): Promise<string> {
  const id = newId('dec');
  await ctx.db.insert(meetingDecisions).values({
    id, meetingId: t.meetingId, topicId: t.id, bodyCode, title: t.title, body: text, decidedOn: localDate(ctx.clock.now()), undertakingUnitIds, supervisorIds,
    supersedesId: t.targetDecisionId, supersedeMode: t.targetDecisionId ? t.targetMode : null,
    matterKind: t.matterKind, amountFen: t.amountFen, purpose: t.purpose, szydRuleId: t.szydRuleId, createdAt: ctx.clock.now(),
  });
  if (t.targetDecisionId) {
    await ctx.db.update(meetingDecisions).set({ status: t.targetMode === 'revoke' ? 'revoked' : 'superseded' }).where(eq(meetingDecisions.id, t.targetDecisionId));
  }
  return id;
}

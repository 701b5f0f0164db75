import { and, eq, max } from 'drizzle-orm';
import { requireActor, withTx, type Ctx } from '../../kernel/context';
import { audit } from '../../kernel/audit/write';
import { AppError, errors } from '../../kernel/errors';
import { newId } from '../../kernel/ids';
import { leaderInChargeOfUnit, personWithPosts, principalLeader } from '../../kernel/org';
import { enforce, type Rule, type Verdict } from '../../kernel/rules';
import { materialsVerdicts, readyToVote, speakLastRule, speakingVerdict, topicQuorum, type SpeakingState } from './checks';
import { DM05, PG09, PG14, PG15, PG21, SZYD15, SZYD16, SZYD17, SZYD18, SZYD22, SZYD24 } from './rules';
import { topicAttendees, topicOpinions, topicProposals, topicRecusals, meetingTopics } from './schema';
import {
  assertChairOrManager, assertStatus, attendeeOf, body, kindOf, loadMeeting, loadTopic, mayRecordFor, opinionsOf, votingPicture,
  type MeetingRow, type TopicRow,
} from './store';

function assertTopicStatus(t: TopicRow, allowed: string[], what: string): void {
  if (allowed.includes(t.status)) return;
  const label: Record<string, string> = { pending: '尚未开始审议', discussion: '正在讨论', voting: '正在表决', closed: '已经结束' };
  throw new AppError('TOPIC_STATE', 409, `议题“${t.title}”${label[t.status] ?? t.status}，不能${what}`);
}

/** Speaking state of a topic for the speak-last check (PG-19, SZYD-19, FIVE-17). */
export async function speakingState(ctx: Ctx, m: MeetingRow, t: TopicRow): Promise<SpeakingState> {
  const { voterIds } = await votingPicture(ctx.db, t);
  const principal = await principalLeader(ctx.db, m.meetingDate, body(m) === 'party_group' ? 'party' : 'administrative');
  const opinions = (await opinionsOf(ctx.db, t.id)).filter((o) => !o.voided && o.capacity === 'member');
  return {
    principalId: principal?.id ?? null,
    voterIds,
    spokenIds: new Set(opinions.map((o) => o.personId)),
    conclusionRecorded: opinions.some((o) => o.isConclusion),
  };
}

const isSzyd = (t: TopicRow) => t.kind === 'szyd' || t.kind === 'cadre';

/** Who is expected to present a topic (SZYD-16): its designated presenter, the proposer and the 分管领导 of the proposing section. */
async function expectedPresenters(ctx: Ctx, m: MeetingRow, t: TopicRow): Promise<Set<string>> {
  const ids = new Set<string>(t.presenterId ? [t.presenterId] : []);
  if (!t.proposalId) return ids;
  const [p] = await ctx.db.select({ proposerId: topicProposals.proposerId, unitId: topicProposals.proposerUnitId }).from(topicProposals).where(eq(topicProposals.id, t.proposalId));
  if (p) ids.add(p.proposerId);
  const leader = p?.unitId ? await leaderInChargeOfUnit(ctx.db, p.unitId, m.meetingDate) : null;
  if (leader) ids.add(leader.id);
  return ids;
}

/**
 * SZYD-16: a 三重一大 session opens with the presentation of its materials, so the presenter is
 * recorded (强制记录) before any discussion; a presenter other than the topic's own (its
 * designated presenter, proposer or 分管领导) is allowed after a warning (一般).
 */
async function presentationVerdicts(ctx: Ctx, m: MeetingRow, t: TopicRow, presenterId: string | null): Promise<Verdict[]> {
  if (!isSzyd(t)) return [];
  if (!presenterId) return [SZYD16.block('“三重一大”议题一般先由分管领导或有关负责同志介绍上会材料，再进行讨论：请指明介绍人')];
  const expected = await expectedPresenters(ctx, m, t);
  if (expected.size === 0 || expected.has(presenterId)) return [SZYD16.ok()];
  const names = [];
  for (const id of expected) names.push((await personWithPosts(ctx.db, id))?.name ?? id);
  return [SZYD16.warn(`介绍人不是本议题的分管领导或有关负责同志（${names.join('、')}）`)];
}

/**
 * Take a topic: the meeting must be open and the topic's quorum hold without the recused
 * (PG-13, SZYD-14, CONF-05); a 三重一大 session starts with its presenter (SZYD-16).
 */
export async function openTopic(ctx: Ctx, topicId: string, acknowledged: string[] = [], opts: { presenterId?: string } = {}): Promise<void> {
  await withTx(ctx, async (tx) => {
    const t = await loadTopic(tx.db, topicId, 'update');
    const m = await loadMeeting(tx.db, t.meetingId);
    assertChairOrManager(tx, m);
    assertStatus(m, ['open'], '审议议题');
    assertTopicStatus(t, ['pending'], '开始审议');
    const { due, voterIds } = await votingPicture(tx.db, t);
    if (t.kind !== 'briefing') enforce(topicQuorum(body(m), kindOf(t), voterIds.length, due));
    if (opts.presenterId && !(await personWithPosts(tx.db, opts.presenterId))) throw errors.badRequest('介绍人不存在');
    const presenterId = opts.presenterId ?? t.presenterId;
    const warnings = enforce([...materialsVerdicts(kindOf(t), { hasMaterials: !!t.materials.trim() || t.attachments.length > 0, materialsSentAt: t.materialsSentAt,
      adHocGround: t.adHocGround, meetingStart: m.startAt, meetingDate: m.meetingDate }), ...(await presentationVerdicts(tx, m, t, presenterId))], acknowledged);
    await tx.db.update(meetingTopics).set({ status: 'discussion', openedAt: tx.clock.now(), presenterId }).where(eq(meetingTopics.id, topicId));
    await audit(tx, { event: 'meetings.topic.open', objectType: 'meeting_topic', objectId: topicId, detail: { present: voterIds.length, due, presenterId, warnings } });
  });
}

/** 回避 (SZYD-24): by the person concerned, or set by the chair. Not once the vote is open. */
export async function recuse(ctx: Ctx, topicId: string, input: { personId?: string; ground: 'self' | 'relative'; note?: string }): Promise<void> {
  const actor = requireActor(ctx);
  const personId = input.personId ?? actor.personId;
  if (!personId) throw errors.badRequest('请指明回避人员');
  await withTx(ctx, async (tx) => {
    const t = await loadTopic(tx.db, topicId, 'update');
    const m = await loadMeeting(tx.db, t.meetingId);
    if (personId !== actor.personId) assertChairOrManager(tx, m);
    assertTopicStatus(t, ['pending', 'discussion'], '登记回避');
    if (!(await attendeeOf(tx.db, m.id, personId))) throw errors.badRequest('回避人员不是本次会议的参会人员');
    await tx.db.insert(topicRecusals).values({ topicId, personId, ground: input.ground, note: input.note ?? '', declaredBy: actor.accountId, declaredAt: tx.clock.now() })
      .onConflictDoNothing();
    await tx.db.update(topicOpinions).set({ voided: true }).where(and(eq(topicOpinions.topicId, topicId), eq(topicOpinions.personId, personId)));
    await audit(tx, { event: 'meetings.topic.recuse', objectType: 'meeting_topic', objectId: topicId, detail: { personId, ground: input.ground, rule: SZYD24.id } });
  });
}

export interface OpinionInput {
  personId?: string;
  body: string;
  stance?: 'agree' | 'disagree' | 'defer';
  reason?: string;
  /** A written opinion of an absent member (PG-14, SZYD-18): recorded, never counted. */
  written?: boolean;
}

/**
 * The rule that makes a 列席 non-voting in this forum: SZYD-15 for staff invited to a 三重一大
 * topic, DM-05 at the 主任办公会议 (CONF-25), PG-15 at the 党组会议.
 */
export function nonVotingRule(bodyCode: string, kind: string, topicOnly: boolean): Rule {
  if (topicOnly && (kind === 'szyd' || kind === 'cadre')) return SZYD15;
  return bodyCode === 'director_meeting' ? DM05 : PG15;
}

/** Written opinions of absent members: PG-14 at the 党组会议, SZYD-18 for 三重一大 topics and at the 主任办公会议. */
const writtenRule = (bodyCode: string, t: TopicRow) => (isSzyd(t) || bodyCode === 'director_meeting' ? SZYD18 : PG14);

type Speaker = { capacity: 'member' | 'nonvoting' | 'written'; topicOnly: boolean };

/** Topic staff attend only while their own topic is discussed (PG-09, DM-05, SZYD-15). */
async function refuseOtherTopicStaff(ctx: Ctx, m: MeetingRow, personId: string): Promise<never> {
  const own = await ctx.db.select({ kind: meetingTopics.kind }).from(topicAttendees).innerJoin(meetingTopics, eq(meetingTopics.id, topicAttendees.topicId))
    .where(and(eq(meetingTopics.meetingId, m.id), eq(topicAttendees.personId, personId)));
  if (own.length) {
    const rule = own.some((o) => o.kind === 'szyd' || o.kind === 'cadre') ? SZYD15 : m.bodyCode === 'director_meeting' ? DM05 : PG09;
    enforce([rule.block('与议题有关的科室人员仅在讨论其议题时列席，不能就其他议题发表意见')]);
  }
  throw errors.forbidden('该人员不是本议题的参会或列席人员');
}

async function speakerCapacity(ctx: Ctx, m: MeetingRow, t: TopicRow, personId: string, written: boolean): Promise<Speaker> {
  const recusal = await ctx.db.select().from(topicRecusals).where(and(eq(topicRecusals.topicId, t.id), eq(topicRecusals.personId, personId)));
  if (recusal.length) enforce([SZYD24.block('该成员已对本议题回避，不能发表意见或表决')]);
  const a = await attendeeOf(ctx.db, m.id, personId);
  if (written) {
    // CONF-28: only an absent member writes; the opinion is printed, never counted as presence or vote.
    if (a?.capacity !== 'member' || a.status === 'present') enforce([writtenRule(m.bodyCode, t).block('只有因故未到会的成员可以书面形式表达意见；到会成员当场发表意见，列席人员无表决权')]);
    return { capacity: 'written', topicOnly: false };
  }
  if (a && a.status !== 'present') throw errors.badRequest('该人员未出席会议，不能当场发表意见；未到会成员可提交书面意见');
  if (a?.capacity === 'member') return { capacity: 'member', topicOnly: false };
  if (a) return { capacity: 'nonvoting', topicOnly: false };
  const [topicOnly] = await ctx.db.select().from(topicAttendees).where(and(eq(topicAttendees.topicId, t.id), eq(topicAttendees.personId, personId)));
  if (topicOnly) return { capacity: 'nonvoting', topicOnly: true };
  return refuseOtherTopicStaff(ctx, m, personId);
}

/** Record an opinion in speaking order; the principal leader speaks last (PG-19, SZYD-19, FIVE-17). */
export async function addOpinion(ctx: Ctx, topicId: string, input: OpinionInput): Promise<{ id: string; seq: number }> {
  const actor = requireActor(ctx);
  const personId = input.personId ?? actor.personId;
  if (!personId) throw errors.badRequest('请指明发言人');
  return withTx(ctx, async (tx) => {
    const t = await loadTopic(tx.db, topicId, 'update');
    const m = await loadMeeting(tx.db, t.meetingId);
    if (personId !== actor.personId && !mayRecordFor(tx, m)) throw errors.forbidden('只能本人发表意见，或由会议记录人记录');
    assertTopicStatus(t, input.written ? ['pending', 'discussion'] : ['discussion'], '发表意见');
    const { capacity, topicOnly } = await speakerCapacity(tx, m, t, personId, input.written ?? false);
    const state = await speakingState(tx, m, t);
    if (capacity === 'nonvoting' && input.stance) enforce([nonVotingRule(m.bodyCode, t.kind, topicOnly).block('列席人员可以发表意见，但无表决权，不能表明表决立场')]);
    if (capacity === 'member') {
      enforce([speakingVerdict(speakLastRule(body(m), kindOf(t)), state, personId)]);
      const szyd = t.kind === 'szyd' || t.kind === 'cadre';
      if (szyd && (!input.stance || !input.reason?.trim())) enforce([SZYD17.block('“三重一大”议题须逐个明确表示同意、不同意或缓议，并说明理由')]);
    }
    const isConclusion = capacity === 'member' && personId === state.principalId && state.voterIds.includes(personId);
    const [last] = await tx.db.select({ n: max(topicOpinions.seq) }).from(topicOpinions).where(eq(topicOpinions.topicId, topicId));
    const seq = (last?.n ?? 0) + 1;
    const id = newId('opn');
    await tx.db.insert(topicOpinions).values({ id, topicId, seq, personId, capacity, stance: input.stance ?? null, reason: input.reason?.trim() ?? '',
      body: input.body.trim(), isConclusion, recordedBy: actor.accountId, at: tx.clock.now() });
    await audit(tx, { event: 'meetings.topic.opinion', objectType: 'meeting_topic', objectId: topicId, detail: { personId, seq, capacity, isConclusion } });
    return { id, seq };
  });
}

/** The chair reopens the discussion: the principal's conclusion is voided and must be restated (CONF-30). */
export async function reopenDiscussion(ctx: Ctx, topicId: string): Promise<void> {
  await withTx(ctx, async (tx) => {
    const t = await loadTopic(tx.db, topicId, 'update');
    assertChairOrManager(tx, await loadMeeting(tx.db, t.meetingId));
    assertTopicStatus(t, ['discussion'], '重新开启讨论');
    await tx.db.update(topicOpinions).set({ voided: true }).where(and(eq(topicOpinions.topicId, topicId), eq(topicOpinions.isConclusion, true)));
    await audit(tx, { event: 'meetings.topic.reopen', objectType: 'meeting_topic', objectId: topicId });
  });
}

/** The chair records a major disagreement (PG-21, SZYD-22) and, for 三重一大, an emergency if there is one. */
export async function flagDisagreement(ctx: Ctx, topicId: string, input: { flag: boolean; emergencyReason?: string }): Promise<void> {
  await withTx(ctx, async (tx) => {
    const t = await loadTopic(tx.db, topicId, 'update');
    assertChairOrManager(tx, await loadMeeting(tx.db, t.meetingId));
    assertTopicStatus(t, ['discussion'], '登记重大分歧');
    await tx.db.update(meetingTopics).set({ disagreementFlag: input.flag, emergencyReason: input.emergencyReason?.trim() || null }).where(eq(meetingTopics.id, topicId));
    await audit(tx, { event: 'meetings.topic.disagreement', objectType: 'meeting_topic', objectId: topicId, detail: input });
  });
}

/**
 * Open the vote: quorum again on present attendance (CONF-27), the principal's conclusion
 * (PG-19/SZYD-19), stances with reasons (SZYD-17), and deferral on major disagreement
 * (SZYD-22 blocks for 三重一大 without an emergency; PG-21 warns otherwise). The voters and
 * the base N are frozen here.
 */
export async function openVote(ctx: Ctx, topicId: string, input: { method: 'oral' | 'show_of_hands' | 'secret'; acknowledged?: string[]; reason?: string }): Promise<void> {
  await withTx(ctx, async (tx) => {
    const t = await loadTopic(tx.db, topicId, 'update');
    const m = await loadMeeting(tx.db, t.meetingId);
    assertChairOrManager(tx, m);
    assertStatus(m, ['open'], '表决');
    assertTopicStatus(t, ['discussion'], '开始表决');
    if (t.kind === 'briefing') throw errors.badRequest('通报事项不进行表决');
    const { due, voterIds } = await votingPicture(tx.db, t);
    const state = await speakingState(tx, m, t);
    const stances = new Map((await opinionsOf(tx.db, topicId)).filter((o) => !o.voided && o.capacity === 'member').map((o) => [o.personId, { stance: o.stance, reason: o.reason }]));
    const verdicts = [...topicQuorum(body(m), kindOf(t), voterIds.length, due), ...readyToVote(speakLastRule(body(m), kindOf(t)), state, kindOf(t), stances)];
    const szyd = t.kind === 'szyd' || t.kind === 'cadre';
    if (t.disagreementFlag && szyd && !t.emergencyReason) verdicts.push(SZYD22.block('意见分歧较大，除紧急情况外应暂缓决策：请以“暂缓”结束本议题'));
    if (t.disagreementFlag && !szyd) verdicts.push(PG21.warn('会议对需要决定的重大问题有重大分歧，一般应暂缓作出决定'));
    const warnings = enforce(verdicts, input.acknowledged ?? []);
    // PG-21 is a WARN: going on to a vote despite the major disagreement needs the chair's reason on record.
    const proceedReason = input.reason?.trim() || null;
    if (t.disagreementFlag && !szyd && !proceedReason) enforce([PG21.block('会议对需要决定的重大问题有重大分歧，一般应暂缓作出决定；如仍进行表决，须写明理由')]);
    const now = tx.clock.now();
    await tx.db.update(meetingTopics).set({ status: 'voting', voteMethod: input.method, dueCount: due, eligibleVoterIds: voterIds, voteOpenedAt: now }).where(eq(meetingTopics.id, topicId));
    await audit(tx, { event: 'meetings.topic.vote_open', objectType: 'meeting_topic', objectId: topicId,
      detail: { due, voters: voterIds, method: input.method, warnings, ...(t.disagreementFlag ? { proceedReason } : {}) } });
  });
}

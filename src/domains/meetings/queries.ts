import { asc, desc, eq, inArray } from 'drizzle-orm';
import { can, requireActor, type Ctx } from '../../kernel/context';
import { audit } from '../../kernel/audit/write';
import { adoptionRule, disagreementSuggested, disagreementVerdict, minimumOf, speakLastRule, topicQuorum } from './checks';
import { requireEntitlement, seesTopic, visibleMeetingIds } from './access';
import { BODY_NAMES } from './roster';
import { NON_DISCLOSURE_REASONS } from '../documents/model';
import {
  agendaComments, decisionDisclosures, decisionResponsibles, meetingAttendees, meetingReschedules, meetingDecisions, meetingMinutes, meetingTopics, meetings, minorityOpinions,
  topicAttendees, topicBallotVoters, topicRecusals, topicVotes,
} from './schema';
import { tallyOf } from './service-votes';
import { noticeDeadline } from './checks-prep';
import { localDate } from '../../kernel/time';
import { responsiblesOf } from './service-decisions';
import { chairHolderId } from './service-prep';
import { speakingState } from './service-topics';
import { attendeesOf, body, isChairOrManager, kindOf, loadMeeting, mayRecordFor, opinionsOf, votingPicture, type MeetingRow, type TopicRow } from './store';

export async function listMeetings(ctx: Ctx) {
  const visible = await visibleMeetingIds(ctx);
  if (visible !== 'all' && visible.length === 0) return { meetings: [] };
  const q = ctx.db.select().from(meetings).orderBy(desc(meetings.startAt)).limit(500);
  const found = visible === 'all' ? await q : await q.where(inArray(meetings.id, visible));
  return { meetings: found.map((m) => ({ id: m.id, bodyCode: m.bodyCode, bodyName: BODY_NAMES[body(m)], title: m.title, startAt: m.startAt, place: m.place, status: m.status })) };
}

async function topicView(ctx: Ctx, m: MeetingRow, t: TopicRow, names: Map<string, string>) {
  const { due, voterIds, recused } = await votingPicture(ctx.db, t);
  const state = await speakingState(ctx, m, t);
  const opinions = await opinionsOf(ctx.db, t.id);
  const secret = t.voteMethod === 'secret';
  // 无记名投票: only who has voted (markers) and, once the item is closed, the ballot-box count.
  const votes: { personId: string; choice: string | null }[] = secret
    ? (await ctx.db.select().from(topicBallotVoters).where(eq(topicBallotVoters.topicId, t.id))).map((v) => ({ personId: v.personId, choice: null }))
    : await ctx.db.select({ personId: topicVotes.personId, choice: topicVotes.choice }).from(topicVotes).where(eq(topicVotes.topicId, t.id)).orderBy(asc(topicVotes.at));
  const tallyHidden = secret && t.status !== 'closed';
  const tally = tallyHidden ? { agree: 0, disagree: 0, abstain: 0 } : await tallyOf(ctx, t.id, secret);
  const staff = await ctx.db.select().from(topicAttendees).where(eq(topicAttendees.topicId, t.id));
  const recusals = await ctx.db.select().from(topicRecusals).where(eq(topicRecusals.topicId, t.id));
  const [decision] = await ctx.db.select().from(meetingDecisions).where(eq(meetingDecisions.topicId, t.id));
  const [disclosure] = decision ? await ctx.db.select().from(decisionDisclosures).where(eq(decisionDisclosures.decisionId, decision.id)) : [];
  const minority = await ctx.db.select().from(minorityOpinions).where(eq(minorityOpinions.topicId, t.id));
  const responsibles = decision ? await responsiblesOf(ctx, [decision.id]) : [];
  // CONF-31 heuristic: suggest the major-disagreement flag when DISAGREE + DEFER stances reach the share of present voters.
  const dissent = opinions.filter((o) => !o.voided && o.capacity === 'member' && (o.stance === 'disagree' || o.stance === 'defer')).length;
  const rule = adoptionRule(body(m), kindOf(t));
  const waiting = state.principalId && voterIds.includes(state.principalId) && speakLastRule(body(m), kindOf(t))
    ? voterIds.filter((id) => id !== state.principalId && !state.spokenIds.has(id)) : [];
  const name = (id: string) => names.get(id) ?? id;
  return {
    id: t.id, seq: t.seq, title: t.title, kind: t.kind, status: t.status, isMajor: t.isMajor, materials: t.materials, preferredOpinion: t.preferredOpinion,
    matterKind: t.matterKind, amountFen: t.amountFen, purpose: t.purpose, szydRuleId: t.szydRuleId, targetDecisionId: t.targetDecisionId, targetMode: t.targetMode,
    adHocReason: t.adHocReason, adHocGround: t.adHocGround, materialsSentAt: t.materialsSentAt, openedAt: t.openedAt, closedAt: t.closedAt, disagreementFlag: t.disagreementFlag, emergencyReason: t.emergencyReason, voteMethod: t.voteMethod,
    outcome: t.outcome, outcomeReason: t.outcomeReason, chairConclusion: t.chairConclusion,
    quorum: t.kind === 'briefing' ? [] : topicQuorum(body(m), kindOf(t), voterIds.length, due),
    present: voterIds.length, due, needed: rule ? minimumOf(rule, t.dueCount ?? due) : null, adoptionRuleId: rule?.id ?? null,
    voters: (t.eligibleVoterIds ?? voterIds).map((id) => ({ personId: id, name: name(id) })),
    speakLast: { ruleId: speakLastRule(body(m), kindOf(t))?.id ?? null, principalId: state.principalId, principalName: state.principalId ? name(state.principalId) : null,
      waiting: waiting.map((id) => ({ personId: id, name: name(id) })), conclusionRecorded: state.conclusionRecorded },
    recusals: recusals.map((r) => ({ personId: r.personId, name: name(r.personId), ground: r.ground, note: r.note })),
    recusedIds: [...recused],
    relatedStaff: staff.map((s) => ({ personId: s.personId, name: s.name })),
    opinions: opinions.map((o) => ({ id: o.id, seq: o.seq, personId: o.personId, name: name(o.personId), capacity: o.capacity, stance: o.stance, reason: o.reason,
      body: o.body, isConclusion: o.isConclusion, voided: o.voided, at: o.at })),
    votes: votes.map((v) => ({ personId: v.personId, name: name(v.personId), choice: v.choice })),
    tally, tallyHidden,
    decision: decision ? { id: decision.id, body: decision.body, status: decision.status,
      responsibles: responsibles.map((r) => ({ personId: r.personId, name: name(r.personId), isLead: r.isLead })),
      supervisorIds: decision.supervisorIds, disclosure: disclosure?.attribute ?? null, disclosureDueDate: disclosure?.dueDate ?? null, publishedOn: disclosure?.publishedOn ?? null } : null,
    presenterId: t.presenterId, voteOpenedAt: t.voteOpenedAt,
    attachments: t.attachments, proposalId: t.proposalId,
    disagreementSuggested: disagreementSuggested(dissent, voterIds.length),
    // PG-21 / SZYD-22: shown with its article while the topic is discussed; the chair defers or votes with a reason.
    disagreementWarning: t.status === 'discussion' ? disagreementVerdict(kindOf(t), { flagged: t.disagreementFlag, emergencyReason: t.emergencyReason, dissent, voters: voterIds.length }) : null,
    minorityOpinions: minority.map((o) => ({ personId: o.personId, name: name(o.personId), body: o.body, reportToSuperior: o.reportToSuperior, at: o.at })),
  };
}

/** A meeting as its entitled viewers see it; topic 列席 see only their topics (PG-28). Every view is audited. */
export async function meetingDetail(ctx: Ctx, meetingId: string) {
  const actor = requireActor(ctx);
  const m = await loadMeeting(ctx.db, meetingId);
  const entitlement = await requireEntitlement(ctx, meetingId);
  const attendees = await attendeesOf(ctx.db, meetingId);
  const topics = (await ctx.db.select().from(meetingTopics).where(eq(meetingTopics.meetingId, meetingId)).orderBy(asc(meetingTopics.seq))).filter((t) => seesTopic(entitlement, t.id));
  const staff = topics.length ? await ctx.db.select().from(topicAttendees).where(inArray(topicAttendees.topicId, topics.map((t) => t.id))) : [];
  const names = new Map([...attendees, ...staff].map((a) => [a.personId, a.name]));
  const minutes = await ctx.db.select({ id: meetingMinutes.id, version: meetingMinutes.version, correctsId: meetingMinutes.correctsId, correctionReason: meetingMinutes.correctionReason,
    signedBy: meetingMinutes.signedBy, signedAt: meetingMinutes.signedAt }).from(meetingMinutes).where(eq(meetingMinutes.meetingId, meetingId)).orderBy(asc(meetingMinutes.version));
  const comments = await ctx.db.select().from(agendaComments).where(eq(agendaComments.meetingId, meetingId)).orderBy(asc(agendaComments.at));
  const reschedules = await ctx.db.select().from(meetingReschedules).where(eq(meetingReschedules.meetingId, meetingId)).orderBy(asc(meetingReschedules.at));
  await audit(ctx, { event: 'meetings.view', objectType: 'meeting', objectId: meetingId, detail: { scope: entitlement.kind } });
  const me = attendees.find((a) => a.personId === actor.personId);
  return {
    meeting: { id: m.id, bodyCode: m.bodyCode, bodyName: BODY_NAMES[body(m)], kind: m.kind, title: m.title, startAt: m.startAt, meetingDate: m.meetingDate, place: m.place,
      status: m.status, chairId: m.chairId, chairName: names.get(m.chairId) ?? m.chairId, recorderId: m.recorderId, recorderName: m.recorderId ? names.get(m.recorderId) ?? null : null,
      chairBasis: m.chairBasis, chairHolderId: chairHolderId(m), chairHolderName: names.get(chairHolderId(m)) ?? null, chairDelegationReason: m.chairDelegationReason,
      timeApprovedAt: m.timeApprovedAt, timeApprovedByName: m.timeApprovedBy ? names.get(m.timeApprovedBy) ?? m.timeApprovedBy : null,
      noticeSentAt: m.noticeSentAt, noticeLateReason: m.noticeLateReason, noticeDeadline: noticeDeadline(body(m), m.meetingDate), reminderDueAt: m.reminderDueAt, reminderSentAt: m.reminderSentAt,
      noticeLate: !!m.noticeSentAt && localDate(m.noticeSentAt) > noticeDeadline(body(m), m.meetingDate),
      emergencyReason: m.emergencyReason, emergencyDeclaredAt: m.emergencyDeclaredAt },
    agendaComments: comments.map((c) => ({ id: c.id, personId: c.personId, name: names.get(c.personId) ?? c.personId, body: c.body, at: c.at })),
    reschedules: reschedules.map((r) => ({ fromStartAt: r.fromStartAt, toStartAt: r.toStartAt, reason: r.reason, byName: names.get(r.byPersonId) ?? r.byPersonId, at: r.at })),
    attendees: attendees.map((a) => ({ personId: a.personId, name: a.name, capacity: a.capacity, status: a.status, leaveReason: a.leaveReason, leaveRequestedAt: a.leaveRequestedAt })),
    topics: await Promise.all(topics.map((t) => topicView(ctx, m, t, names))),
    minutes: entitlement.kind === 'all' ? minutes : [],
    me: { personId: actor.personId, capacity: me?.capacity ?? (entitlement.kind === 'topics' ? 'topic' : null), isChairOrManager: isChairOrManager(ctx, m), mayRecord: mayRecordFor(ctx, m) },
  };
}

/** The meetings, topics and decisions through which a person may read a withheld (不予公开) decision. */
async function withheldReach(ctx: Ctx, personId: string | null) {
  if (!personId) return { meetings: new Set<string>(), topics: new Set<string>(), decisions: new Set<string>() };
  const seats = await ctx.db.select({ id: meetingAttendees.meetingId }).from(meetingAttendees).where(eq(meetingAttendees.personId, personId));
  const topics = await ctx.db.select({ id: topicAttendees.topicId }).from(topicAttendees).where(eq(topicAttendees.personId, personId));
  const duties = await ctx.db.select({ id: decisionResponsibles.decisionId }).from(decisionResponsibles).where(eq(decisionResponsibles.personId, personId));
  return { meetings: new Set(seats.map((r) => r.id)), topics: new Set(topics.map((r) => r.id)), decisions: new Set(duties.map((r) => r.id)) };
}

/**
 * Decisions (决定) with their status and 公开属性 (WR-13). Adopted decisions are distributed to
 * meetings.read holders (DM-18 按规定传达范围), except those withheld (不予公开): these reach only
 * the meeting's members and 列席, the topic's own 列席, the responsible members, 综合科 and
 * oversight (WR-21 不该外传的不外传, DM-18 凡需保密的均不得外传, SZYD-25).
 */
export async function listDecisions(ctx: Ctx) {
  const actor = requireActor(ctx);
  const found = await ctx.db.select({ d: meetingDecisions, meetingTitle: meetings.title, disclosure: decisionDisclosures }).from(meetingDecisions)
    .innerJoin(meetings, eq(meetings.id, meetingDecisions.meetingId)).leftJoin(decisionDisclosures, eq(decisionDisclosures.decisionId, meetingDecisions.id))
    .orderBy(desc(meetingDecisions.createdAt)).limit(500);
  const all = can(ctx, 'meetings.manage') || can(ctx, 'meetings.oversee');
  const reach = all ? null : await withheldReach(ctx, actor.personId);
  const mayRead = ({ d, disclosure }: (typeof found)[number]) =>
    !reach || disclosure?.attribute !== '不予公开' || reach.meetings.has(d.meetingId) || reach.topics.has(d.topicId) || reach.decisions.has(d.id);
  const today = localDate(ctx.clock.now());
  return {
    decisions: found.filter(mayRead).map(({ d, meetingTitle, disclosure: x }) => ({
      ...d, meetingTitle, bodyName: BODY_NAMES[d.bodyCode as 'party_group'],
      disclosure: x?.attribute ?? null, disclosureReason: x?.reasonCode ? NON_DISCLOSURE_REASONS[x.reasonCode] ?? x.reasonCode : null,
      disclosureDueDate: x?.dueDate ?? null, publishedOn: x?.publishedOn ?? null, publicationChannel: x?.channel ?? null,
      disclosureOverdue: x?.attribute === '主动公开' && !x.publishedOn && x.dueDate! < today,
    })),
  };
}

import { and, asc, eq, gte, inArray } from 'drizzle-orm';
import { requireActor, withTx, type Ctx } from '../../kernel/context';
import { audit } from '../../kernel/audit/write';
import { AppError, errors } from '../../kernel/errors';
import { newId } from '../../kernel/ids';
import { notify } from '../../kernel/notify';
import { enforce, type Verdict } from '../../kernel/rules';
import { addDays } from '../../kernel/time';
import { DM03, PG20, PG22, SZYD26 } from './rules';
import { decisionResponsibles, decisionTasks, meetingDecisions, meetings, minorityOpinions, topicVotes } from './schema';
import { assertChairOrManager, attendeesOf, loadMeeting, loadTopic, mayRecordFor, type MeetingRow, type TopicRow } from './store';

/**
 * After a decision: who carries it out (PG-22, SZYD-26), the minority's reserved opinions
 * (PG-20) and the 主任办公会议's duty to brief the 党组 (DM-03).
 */
export interface Responsibility {
  responsibleMemberIds?: string[];
  leadMemberId?: string;
}

/** PG-22: at least one responsible member of the body; SZYD-26: more than one needs exactly one lead among them. */
export function responsibilityVerdicts(bodyCode: string, kind: string, memberIds: string[], r: Responsibility): Verdict[] {
  const ids = [...new Set(r.responsibleMemberIds ?? [])];
  const szyd = kind === 'szyd' || kind === 'cadre';
  const rule = bodyCode === 'party_group' ? PG22 : SZYD26;
  if (ids.length === 0) return [rule.block(bodyCode === 'party_group' ? '党组会议的决定须明确具体负责的党组成员' : '“三重一大”决策须明确组织实施的班子成员')];
  if (ids.some((id) => !memberIds.includes(id))) return [rule.block(bodyCode === 'party_group' ? '具体负责的须是党组成员' : '组织实施的须是班子成员')];
  if (szyd && ids.length > 1 && (!r.leadMemberId || !ids.includes(r.leadMemberId))) return [SZYD26.block('分工和职责交叉的，须由领导班子明确其中一名班子成员牵头')];
  return [PG22.ok()];
}

/** Whether a decision of this body and kind must name responsible members (PG-22 everywhere at the 党组; SZYD-26 for 三重一大). */
export const needsResponsibility = (bodyCode: string, kind: string) => bodyCode === 'party_group' || kind === 'szyd' || kind === 'cadre';

export async function recordResponsibility(ctx: Ctx, m: MeetingRow, t: TopicRow, decisionId: string, r: Responsibility): Promise<void> {
  const memberIds = (await attendeesOf(ctx.db, m.id)).filter((a) => a.capacity === 'member').map((a) => a.personId);
  enforce(responsibilityVerdicts(m.bodyCode, t.kind, memberIds, r));
  const ids = [...new Set(r.responsibleMemberIds!)];
  const lead = ids.length === 1 ? ids[0] : r.leadMemberId ?? null;
  await ctx.db.insert(decisionResponsibles).values(ids.map((personId) => ({ decisionId, personId, isLead: personId === lead })));
  for (const personId of ids) {
    await notify(ctx.db, { recipientPersonId: personId, kind: 'info', title: `会议决定由您${personId === lead && ids.length > 1 ? '牵头' : ''}负责落实：${t.title}`,
      body: `请贯彻执行或督促相关科室落实（${PG22.id}）。`, link: '/meetings/followups', objectType: 'meeting_decision', objectId: decisionId }, ctx.clock.now());
  }
}

/** Responsibility named after the meeting (when the close did not): by the chair or 综合科, once — it is then part of the decision. */
export async function assignResponsibility(ctx: Ctx, decisionId: string, r: Responsibility): Promise<void> {
  await withTx(ctx, async (tx) => {
    const [d] = await tx.db.select().from(meetingDecisions).where(eq(meetingDecisions.id, decisionId)).for('update');
    if (!d) throw errors.notFound('会议决定');
    const m = await loadMeeting(tx.db, d.meetingId);
    assertChairOrManager(tx, m);
    const existing = await tx.db.select().from(decisionResponsibles).where(eq(decisionResponsibles.decisionId, decisionId));
    if (existing.length) throw errors.conflict('该决定已明确负责成员；改变须经新的决定');
    await recordResponsibility(tx, m, await loadTopic(tx.db, d.topicId), decisionId, r);
    await audit(tx, { event: 'meetings.decision.responsibility', objectType: 'meeting_decision', objectId: decisionId, detail: { ...r } });
  });
}

/** PG-22 / SZYD-26 before follow-up starts: the decision names who is responsible. */
export async function assertResponsibility(ctx: Ctx, d: typeof meetingDecisions.$inferSelect): Promise<void> {
  const t = await loadTopic(ctx.db, d.topicId);
  if (!needsResponsibility(d.bodyCode, t.kind)) return;
  const found = await ctx.db.select().from(decisionResponsibles).where(eq(decisionResponsibles.decisionId, d.id));
  if (found.length === 0) enforce(responsibilityVerdicts(d.bodyCode, t.kind, [], {}));
}

/**
 * DM-03: an adopted 主任办公会议 decision is briefed to the 党组 — a follow-up task for the
 * recorder, due after the parameter's calendar days or at the next 党组会议 if earlier.
 */
export async function scheduleBriefingOfPartyGroup(ctx: Ctx, m: MeetingRow, decisionId: string, title: string, decidedOn: string): Promise<string> {
  const [nextPg] = await ctx.db.select({ date: meetings.meetingDate }).from(meetings)
    .where(and(eq(meetings.bodyCode, 'party_group'), gte(meetings.meetingDate, decidedOn))).orderBy(asc(meetings.meetingDate)).limit(1);
  const byDays = addDays(decidedOn, DM03.param('notifyPartyGroupDays'));
  const dueDate = nextPg && nextPg.date < byDays ? nextPg.date : byDays;
  const ownerId = m.recorderId ?? m.chairId;
  const id = newId('tsk');
  await ctx.db.insert(decisionTasks).values({ id, decisionId, title: `向办党组通报议定事项：${title}`, ownerId, coOwnerIds: [], dueDate, createdBy: 'system', createdAt: ctx.clock.now() });
  await notify(ctx.db, { recipientPersonId: ownerId, kind: 'remind', title: `向办党组通报：${title}`, body: `主任办公会议议定事项应及时向办党组通报，请于 ${dueDate} 前完成（${DM03.id}）。`,
    link: '/meetings/followups', objectType: 'decision_task', objectId: id }, ctx.clock.now());
  return id;
}

/**
 * PG-20: a member in the minority on an adopted topic may have the opinion reserved and
 * reported upward; the decision stands. Ballots are read server-side only, so a secret vote
 * stays secret.
 */
export async function reserveMinorityOpinion(ctx: Ctx, topicId: string, input: { personId?: string; body: string; reportToSuperior?: boolean }): Promise<void> {
  const actor = requireActor(ctx);
  const personId = input.personId ?? actor.personId;
  if (!personId) throw errors.badRequest('请指明保留意见的成员');
  await withTx(ctx, async (tx) => {
    const t = await loadTopic(tx.db, topicId, 'update');
    const m = await loadMeeting(tx.db, t.meetingId);
    if (personId !== actor.personId && !mayRecordFor(tx, m)) throw errors.forbidden('只能本人保留意见，或由会议记录人记录');
    if (t.status !== 'closed' || t.outcome !== 'adopted') throw new AppError('TOPIC_STATE', 409, '只有已通过的决定可以保留少数意见');
    if (!(t.eligibleVoterIds ?? []).includes(personId)) enforce([PG20.block('只有参加表决的成员可以保留意见')]);
    // A secret ballot cannot be looked up, so there the member's own statement that he was in the minority stands.
    if (t.voteMethod !== 'secret') {
      const [vote] = await tx.db.select().from(topicVotes).where(and(eq(topicVotes.topicId, topicId), eq(topicVotes.personId, personId)));
      if (vote?.choice === 'agree') enforce([PG20.block('该成员表决同意，不属于少数意见')]);
    }
    const inserted = await tx.db.insert(minorityOpinions).values({ topicId, personId, body: input.body.trim(), reportToSuperior: input.reportToSuperior ?? false, at: tx.clock.now() })
      .onConflictDoNothing().returning({ personId: minorityOpinions.personId });
    if (!inserted.length) throw errors.conflict('该成员已保留意见');
    await audit(tx, { event: 'meetings.topic.minority', objectType: 'meeting_topic', objectId: topicId, detail: { personId, reportToSuperior: input.reportToSuperior ?? false, rule: PG20.id } });
  });
}

export async function responsiblesOf(ctx: Ctx, decisionIds: string[]) {
  return decisionIds.length ? ctx.db.select().from(decisionResponsibles).where(inArray(decisionResponsibles.decisionId, decisionIds)) : [];
}

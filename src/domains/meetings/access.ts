import { and, eq } from 'drizzle-orm';
import { can, requireActor, type Ctx } from '../../kernel/context';
import { audit } from '../../kernel/audit/write';
import { AppError } from '../../kernel/errors';
import { DM18, PG28 } from './rules';
import { meetingAttendees, meetingTopics, meetings, topicAttendees } from './schema';

/**
 * Who may see a meeting's undecided matters and minutes (PG-28, DM-18, SZYD-25, WR-21): members and
 * 列席 of the meeting, topic 列席 for their topic only, 综合科 (meetings.manage) and roles with
 * meetings.oversee. Everyone else gets a 403 citing PG-28, and the refusal is audited.
 */
export type Entitlement = { kind: 'all' } | { kind: 'topics'; topicIds: Set<string> } | { kind: 'none' };

export async function entitlementOf(ctx: Ctx, meetingId: string): Promise<Entitlement> {
  const actor = requireActor(ctx);
  if (can(ctx, 'meetings.manage') || can(ctx, 'meetings.oversee')) return { kind: 'all' };
  if (!actor.personId) return { kind: 'none' };
  const [seat] = await ctx.db.select({ id: meetingAttendees.personId }).from(meetingAttendees)
    .where(and(eq(meetingAttendees.meetingId, meetingId), eq(meetingAttendees.personId, actor.personId)));
  if (seat) return { kind: 'all' };
  const topics = await ctx.db.select({ id: topicAttendees.topicId }).from(topicAttendees)
    .innerJoin(meetingTopics, eq(meetingTopics.id, topicAttendees.topicId))
    .where(and(eq(meetingTopics.meetingId, meetingId), eq(topicAttendees.personId, actor.personId)));
  return topics.length ? { kind: 'topics', topicIds: new Set(topics.map((t) => t.id)) } : { kind: 'none' };
}

export async function requireEntitlement(ctx: Ctx, meetingId: string): Promise<Exclude<Entitlement, { kind: 'none' }>> {
  const e = await entitlementOf(ctx, meetingId);
  if (e.kind === 'none') {
    await audit(ctx, { event: 'meetings.view', objectType: 'meeting', objectId: meetingId, outcome: 'denied' });
    // The forum's own confidentiality article: PG-28 at the 党组会议, DM-18 at the 主任办公会议.
    const [m] = await ctx.db.select({ bodyCode: meetings.bodyCode }).from(meetings).where(eq(meetings.id, meetingId));
    const rule = m?.bodyCode === 'director_meeting' ? DM18 : PG28;
    throw new AppError('FORBIDDEN', 403, '会议内容保密，仅限与会人员、列席人员及有监督职责的人员查阅', { id: rule.id, cite: rule.cite });
  }
  return e;
}

export const seesTopic = (e: Exclude<Entitlement, { kind: 'none' }>, topicId: string) => e.kind === 'all' || e.topicIds.has(topicId);

/** Meetings the actor may see: all for 综合科 and oversight, else those with a seat or a topic. */
export async function visibleMeetingIds(ctx: Ctx): Promise<string[] | 'all'> {
  const actor = requireActor(ctx);
  if (can(ctx, 'meetings.manage') || can(ctx, 'meetings.oversee')) return 'all';
  if (!actor.personId) return [];
  const seats = await ctx.db.select({ id: meetingAttendees.meetingId }).from(meetingAttendees).where(eq(meetingAttendees.personId, actor.personId));
  const topics = await ctx.db.select({ id: meetingTopics.meetingId }).from(topicAttendees)
    .innerJoin(meetingTopics, eq(meetingTopics.id, topicAttendees.topicId)).where(eq(topicAttendees.personId, actor.personId));
  return [...new Set([...seats, ...topics].map((r) => r.id))];
}

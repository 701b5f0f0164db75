import { and, asc, eq } from 'drizzle-orm';
import type { Ctx } from '../../kernel/context';
import { can, requireActor } from '../../kernel/context';
import type { Db } from '../../kernel/db';
import { AppError, errors } from '../../kernel/errors';
import { meetingAttendees, meetingTopics, meetings, topicOpinions, topicRecusals } from './schema';
import type { BodyCode, TopicKind } from './checks';

export type MeetingRow = typeof meetings.$inferSelect;
export type TopicRow = typeof meetingTopics.$inferSelect;
export type AttendeeRow = typeof meetingAttendees.$inferSelect;

export const body = (m: MeetingRow) => m.bodyCode as BodyCode;
export const kindOf = (t: TopicRow) => t.kind as TopicKind;

export async function loadMeeting(db: Db, id: string, lock = false): Promise<MeetingRow> {
  const q = db.select().from(meetings).where(eq(meetings.id, id));
  const [m] = lock ? await q.for('update') : await q;
  if (!m) throw errors.notFound('会议');
  return m;
}

/** A topic, locked FOR UPDATE (state changes) or FOR SHARE (votes: concurrent, but a close waits). */
export async function loadTopic(db: Db, id: string, lock: 'update' | 'share' | null = null): Promise<TopicRow> {
  const q = db.select().from(meetingTopics).where(eq(meetingTopics.id, id));
  const [t] = lock ? await q.for(lock) : await q;
  if (!t) throw errors.notFound('议题');
  return t;
}

export function attendeesOf(db: Db, meetingId: string): Promise<AttendeeRow[]> {
  return db.select().from(meetingAttendees).where(eq(meetingAttendees.meetingId, meetingId)).orderBy(asc(meetingAttendees.sortOrder));
}

export async function recusedIds(db: Db, topicId: string): Promise<Set<string>> {
  const found = await db.select({ id: topicRecusals.personId }).from(topicRecusals).where(eq(topicRecusals.topicId, topicId));
  return new Set(found.map((r) => r.id));
}

/** 应到会成员 (CONF-26) and the present, non-recused voting members of a topic (CONF-05). */
export async function votingPicture(db: Db, topic: TopicRow): Promise<{ due: number; voterIds: string[]; recused: Set<string> }> {
  const all = await attendeesOf(db, topic.meetingId);
  const recused = await recusedIds(db, topic.id);
  const members = all.filter((a) => a.capacity === 'member');
  const voterIds = members.filter((a) => a.status === 'present' && !recused.has(a.personId)).map((a) => a.personId);
  return { due: members.length, voterIds, recused };
}

export async function opinionsOf(db: Db, topicId: string) {
  return db.select().from(topicOpinions).where(eq(topicOpinions.topicId, topicId)).orderBy(asc(topicOpinions.seq));
}

export function isChairOrManager(ctx: Ctx, m: MeetingRow): boolean {
  const actor = requireActor(ctx);
  return actor.personId === m.chairId || can(ctx, 'meetings.manage');
}

export function assertChairOrManager(ctx: Ctx, m: MeetingRow): void {
  if (!isChairOrManager(ctx, m)) throw errors.forbidden('只有会议主持人或综合科会务人员可以执行此操作');
}

/** The recorder (综合科科长) or 综合科 may enter what members said and how they voted by hand. */
export function mayRecordFor(ctx: Ctx, m: MeetingRow): boolean {
  const actor = requireActor(ctx);
  return actor.personId === m.recorderId || can(ctx, 'meetings.manage');
}

export function assertStatus(m: MeetingRow, allowed: string[], what: string): void {
  if (!allowed.includes(m.status)) {
    const label: Record<string, string> = { planned: '尚未开始', open: '正在进行', closed: '已经结束' };
    throw new AppError('MEETING_STATE', 409, `会议${label[m.status] ?? m.status}，不能${what}`);
  }
}

export async function attendeeOf(db: Db, meetingId: string, personId: string): Promise<AttendeeRow | undefined> {
  const [a] = await db.select().from(meetingAttendees).where(and(eq(meetingAttendees.meetingId, meetingId), eq(meetingAttendees.personId, personId)));
  return a;
}

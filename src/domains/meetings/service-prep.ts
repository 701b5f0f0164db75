import { and, eq, gt, inArray, isNotNull, isNull, lte } from 'drizzle-orm';
import { can, requireActor, withTx, type Ctx } from '../../kernel/context';
import { audit } from '../../kernel/audit/write';
import type { Db } from '../../kernel/db';
import { AppError, errors } from '../../kernel/errors';
import { notify } from '../../kernel/notify';
import { actingFor, holdersOfPost, type PersonRef } from '../../kernel/org';
import { enforce, type Verdict } from '../../kernel/rules';
import { localDate } from '../../kernel/time';
import type { BodyCode } from './checks';
import { chairRule, delegateVerdict, noticeRule, noticeTiming } from './checks-prep';
import { BODY_NAMES } from './roster';
import { DM07, DM08, PG03, PG05, PG08, PG10 } from './rules';
import { agendaComments, meetingAttendees, meetingReschedules, meetingTopics, meetings, topicAttendees } from './schema';
import { newId } from '../../kernel/ids';
import { assertStatus, attendeeOf, attendeesOf, body, loadMeeting, type MeetingRow } from './store';

/**
 * Before the meeting (PG-03…PG-08, DM-07, DM-09, DM-11): the chair (书记 / 主任, a member
 * they entrusted, or the deputy acting for them on the date), the approval of the time, the
 * notice with its reminder, and members asking the chair for leave.
 */
const HOLDER_POST: Record<BodyCode, string> = { party_group: 'party_secretary', director_meeting: 'director' };
const timeRule = (b: BodyCode) => (b === 'party_group' ? PG03 : DM07);
/** The 书记 / 主任 whose meeting it is, even after the chair was delegated. */
export const chairHolderId = (m: MeetingRow) => m.chairDelegatedBy ?? m.chairId;

const isDeputyDirector = async (db: Db, personId: string, date: string) =>
  (await holdersOfPost(db, 'deputy_director', undefined, date)).some((p) => p.id === personId);

/**
 * When the 书记 / 主任 has an acting arrangement on the meeting date, the deputy standing in
 * chairs — if PG-07 / DM-09 would allow him as a delegate (a 党组成员; a 副主任).
 */
export async function actingChair(db: Db, bodyCode: BodyCode, holder: PersonRef, date: string, members: PersonRef[]): Promise<{ chair: PersonRef; reason: string } | null> {
  const acting = await actingFor(db, holder.id, date, HOLDER_POST[bodyCode]);
  if (!acting) return null;
  const verdict = delegateVerdict(bodyCode, holder.id, {
    personId: acting.acting.id, isMember: members.some((m) => m.id === acting.acting.id), isDeputyDirector: await isDeputyDirector(db, acting.acting.id, date),
  });
  return verdict.outcome === 'ok' ? { chair: acting.acting, reason: acting.reason } : null;
}

/** PG-07 / DM-09: the 书记 / 主任 entrusts one member (a 副主任 at the 主任办公会议) with the chair and is on leave. */
export async function delegateChair(ctx: Ctx, meetingId: string, input: { delegateId: string; reason: string }): Promise<void> {
  const actor = requireActor(ctx);
  await withTx(ctx, async (tx) => {
    const m = await loadMeeting(tx.db, meetingId, true);
    const holderId = chairHolderId(m);
    const rule = chairRule(body(m));
    if (actor.personId !== holderId) enforce([rule.block(`只有${body(m) === 'party_group' ? '党组书记' : '主任'}本人可以委托他人主持会议`)]);
    assertStatus(m, ['planned'], '委托主持');
    const seat = await attendeeOf(tx.db, m.id, input.delegateId);
    enforce([delegateVerdict(body(m), holderId, {
      personId: input.delegateId, isMember: seat?.capacity === 'member', isDeputyDirector: await isDeputyDirector(tx.db, input.delegateId, m.meetingDate),
    })]);
    const reason = input.reason.trim();
    if (!reason) throw errors.badRequest('请写明不能出席的事由');
    await tx.db.update(meetings).set({ chairId: input.delegateId, chairBasis: 'delegated', chairDelegatedBy: holderId, chairDelegationReason: reason }).where(eq(meetings.id, m.id));
    await tx.db.update(meetingAttendees).set({ status: 'leave', leaveReason: reason, leaveRequestedAt: tx.clock.now() })
      .where(and(eq(meetingAttendees.meetingId, m.id), eq(meetingAttendees.personId, holderId)));
    await notify(tx.db, { recipientPersonId: input.delegateId, kind: 'info', title: `受委托主持：${m.title}`, body: `${reason}，委托您主持本次会议（${rule.id}）。`,
      link: `/meetings/${m.id}`, objectType: 'meeting', objectId: m.id }, tx.clock.now());
    await audit(tx, { event: 'meetings.chair.delegate', objectType: 'meeting', objectId: m.id, detail: { from: holderId, to: input.delegateId, reason, rule: rule.id } });
  });
}

/** PG-03 / DM-07: the chair (书记 / 主任 or the delegated / acting chair, CONF-16) approves the time. */
export async function approveMeetingTime(ctx: Ctx, meetingId: string): Promise<void> {
  const actor = requireActor(ctx);
  await withTx(ctx, async (tx) => {
    const m = await loadMeeting(tx.db, meetingId, true);
    const rule = timeRule(body(m));
    if (actor.personId !== m.chairId) enforce([rule.block(`会议时间须报请${body(m) === 'party_group' ? '党组书记' : '主任'}（或受委托主持人）批准`)]);
    assertStatus(m, ['planned'], '批准会议时间');
    if (m.timeApprovedAt) throw errors.conflict('会议时间已经批准');
    await tx.db.update(meetings).set({ timeApprovedBy: actor.personId, timeApprovedAt: tx.clock.now() }).where(eq(meetings.id, m.id));
    await audit(tx, { event: 'meetings.time.approve', objectType: 'meeting', objectId: m.id, detail: { rule: rule.id } });
  });
}

const fmt = (d: Date) => new Intl.DateTimeFormat('zh-CN', { timeZone: 'Asia/Shanghai', dateStyle: 'long', timeStyle: 'short' }).format(d);

/**
 * PG-04 / DM-11: the notice with time, place, participants and topics goes to every member and
 * 列席 — topic 列席 with their topic only — after the time was approved (PG-03 / DM-07), with
 * the materials (PG-05). Late notices need a reason and an acknowledged warning. A reminder is
 * scheduled before the start (fired by the module's job).
 */
export async function sendNotice(ctx: Ctx, meetingId: string, input: { lateReason?: string; acknowledged?: string[] } = {}): Promise<{ recipients: number; late: boolean }> {
  const actor = requireActor(ctx);
  return withTx(ctx, async (tx) => {
    const m = await loadMeeting(tx.db, meetingId, true);
    if (!can(tx, 'meetings.manage') && actor.personId !== m.chairId) throw errors.forbidden('会议通知由综合科发出');
    assertStatus(m, ['planned'], '发出会议通知');
    if (m.noticeSentAt) throw errors.conflict('会议通知已经发出；新列入的议题会自动补充通知');
    const rule = noticeRule(body(m));
    const topics = await tx.db.select().from(meetingTopics).where(eq(meetingTopics.meetingId, m.id)).orderBy(meetingTopics.seq);
    const verdicts: Verdict[] = [];
    if (!m.timeApprovedAt) verdicts.push(timeRule(body(m)).block('会议时间尚未经批准，不能发出通知'));
    if (!m.place.trim() || topics.length === 0) verdicts.push(rule.block('会议通知须包含时间、地点和议题'));
    const sentOn = localDate(tx.clock.now());
    const timing = noticeTiming(body(m), m.meetingDate, sentOn, input.lateReason);
    verdicts.push(timing);
    const bare = topics.filter((t) => t.kind !== 'briefing' && !t.materials.trim() && t.attachments.length === 0);
    if (bare.length) verdicts.push(PG05.warn(`议题“${bare.map((t) => t.title).join('、')}”尚无上会材料，材料应与通知同时送达`));
    // PG-10: the agenda is settled 在充分听取党组成员意见的基础上 — warn when no member's comment on it is on record.
    if (body(m) === 'party_group') {
      const comments = await tx.db.select({ id: agendaComments.id }).from(agendaComments).where(eq(agendaComments.meetingId, m.id)).limit(1);
      if (!comments.length) verdicts.push(PG10.warn('确定议题前应充分听取党组成员意见，本次会议尚未记录党组成员对议程的意见'));
    }
    const warnings = enforce(verdicts, input.acknowledged ?? []);
    const staff = topics.length ? await tx.db.select().from(topicAttendees).where(inArray(topicAttendees.topicId, topics.map((t) => t.id))) : [];
    const line = (t: (typeof topics)[number]) => `${t.seq}. ${t.title}${t.attachments.length ? `（材料：${t.attachments.map((a) => a.name).join('、')}）` : ''}`;
    const head = `${BODY_NAMES[body(m)]}定于 ${fmt(m.startAt)} 在${m.place}召开。`;
    const now = tx.clock.now();
    const attendees = await attendeesOf(tx.db, m.id);
    for (const a of attendees) {
      await notify(tx.db, { recipientPersonId: a.personId, kind: 'info', title: `会议通知：${m.title}`, body: `${head}议题：${topics.map(line).join('；')}`,
        link: `/meetings/${m.id}`, objectType: 'meeting', objectId: m.id }, now);
    }
    const topicOnly = staff.filter((s) => topics.some((t) => t.id === s.topicId) && !attendees.some((a) => a.personId === s.personId));
    for (const s of topicOnly) {
      const t = topics.find((x) => x.id === s.topicId)!;
      await notify(tx.db, { recipientPersonId: s.personId, kind: 'info', title: `列席通知：${m.title}`, body: `${head}请列席议题：${line(t)}`,
        link: `/meetings/${m.id}`, objectType: 'meeting', objectId: m.id }, now);
    }
    const reminderDueAt = new Date(m.startAt.getTime() - rule.param('reminderHoursBefore') * 3_600_000);
    const late = timing.outcome !== 'ok';
    await tx.db.update(meetings).set({ noticeSentAt: now, noticeSentBy: actor.accountId, noticeLateReason: late ? input.lateReason!.trim() : null, reminderDueAt })
      .where(eq(meetings.id, m.id));
    // PG-05 / SZYD-13: the materials reach the participants with the notice.
    const withMaterials = topics.filter((t) => t.materials.trim() || t.attachments.length > 0).map((t) => t.id);
    if (withMaterials.length) await tx.db.update(meetingTopics).set({ materialsSentAt: now }).where(inArray(meetingTopics.id, withMaterials));
    await audit(tx, { event: 'meetings.notice', objectType: 'meeting', objectId: m.id, detail: { recipients: attendees.length + topicOnly.length, late, warnings, rule: rule.id } });
    return { recipients: attendees.length + topicOnly.length, late };
  });
}

/**
 * Remind everyone not on leave shortly before a notified meeting (PG-04 / DM-11 reminder
 * parameter). Rows are claimed with SKIP LOCKED and marked in the same transaction, so several
 * servers send each reminder once; a reminder due while no server ran goes out at the next run
 * if the meeting has not started yet.
 */
export async function remindMeetings(ctx: Ctx): Promise<number> {
  const now = ctx.clock.now();
  return withTx(ctx, async (tx) => {
    const due = await tx.db.select().from(meetings)
      .where(and(eq(meetings.status, 'planned'), isNotNull(meetings.noticeSentAt), isNull(meetings.reminderSentAt), lte(meetings.reminderDueAt, now), gt(meetings.startAt, now)))
      .for('update', { skipLocked: true });
    for (const m of due) {
      for (const a of (await attendeesOf(tx.db, m.id)).filter((x) => x.status === 'present')) {
        await notify(tx.db, { recipientPersonId: a.personId, kind: 'remind', title: `会议提醒：${m.title}`, body: `${fmt(m.startAt)} 在${m.place}召开，请准时参加（${noticeRule(body(m)).id}）。`,
          link: `/meetings/${m.id}`, objectType: 'meeting', objectId: m.id }, now);
      }
      await tx.db.update(meetings).set({ reminderSentAt: now }).where(eq(meetings.id, m.id));
    }
    if (due.length) await audit(tx, { event: 'meetings.remind', detail: { meetings: due.map((m) => m.id) } });
    return due.length;
  });
}

/**
 * PG-08: a member asks the chair for leave before the meeting, with a reason. Asked once the
 * meeting has started, it is recorded as absence without leave (AS-A28).
 */
export async function requestLeave(ctx: Ctx, meetingId: string, input: { reason: string; personId?: string }): Promise<{ recordedAs: 'leave' | 'absent' }> {
  const actor = requireActor(ctx);
  const personId = input.personId ?? actor.personId;
  if (!personId) throw errors.badRequest('请指明请假人员');
  if (personId !== actor.personId && !can(ctx, 'meetings.manage')) throw errors.forbidden('只能本人请假，或由综合科代为登记');
  const reason = input.reason.trim();
  if (!reason) throw errors.badRequest('请假须写明事由');
  return withTx(ctx, async (tx) => {
    const m = await loadMeeting(tx.db, meetingId, true);
    assertStatus(m, ['planned', 'open'], '请假');
    const seat = await attendeeOf(tx.db, m.id, personId);
    if (!seat) throw errors.notFound('该参会人员');
    if (personId === m.chairId) throw new AppError('CHAIR_LEAVE', 409, `主持人不能请假；请先委托他人主持（${chairRule(body(m)).id}）`);
    const now = tx.clock.now();
    const recordedAs = now < m.startAt && m.status === 'planned' ? 'leave' : 'absent';
    await tx.db.update(meetingAttendees).set({ status: recordedAs, leaveReason: recordedAs === 'leave' ? reason : null, leaveRequestedAt: now })
      .where(and(eq(meetingAttendees.meetingId, m.id), eq(meetingAttendees.personId, personId)));
    await notify(tx.db, { recipientPersonId: m.chairId, kind: 'info', title: `请假：${seat.name}`, body: `${seat.name} 因“${reason}”请假，不能参加“${m.title}”${recordedAs === 'absent' ? '（会议开始后提出，按未请假缺席记录）' : ''}（${PG08.id}）。`,
      link: `/meetings/${m.id}`, objectType: 'meeting', objectId: m.id }, now);
    await audit(tx, { event: 'meetings.leave', objectType: 'meeting', objectId: m.id, detail: { personId, reason, recordedAs, rule: PG08.id } });
    return { recordedAs };
  });
}


/**
 * PG-10: a 党组成员 (or a member of the 主任办公会议) comments on the draft agenda of a planned
 * meeting before the notice fixes it; the chair sees the comments when settling the agenda.
 */
export async function commentOnAgenda(ctx: Ctx, meetingId: string, input: { body: string }): Promise<{ id: string }> {
  const actor = requireActor(ctx);
  const text = input.body.trim();
  if (!text) throw errors.badRequest('请填写对议程的意见');
  return withTx(ctx, async (tx) => {
    const m = await loadMeeting(tx.db, meetingId, true);
    assertStatus(m, ['planned'], '对议程提出意见');
    if (m.noticeSentAt) throw errors.conflict('会议通知已发出，议程已确定');
    const seat = actor.personId ? await attendeeOf(tx.db, m.id, actor.personId) : undefined;
    if (seat?.capacity !== 'member') enforce([PG10.block('议程意见由会议成员（党组成员 / 班子成员）提出')]);
    const id = newId('agc');
    await tx.db.insert(agendaComments).values({ id, meetingId: m.id, personId: actor.personId!, body: text, at: tx.clock.now() });
    if (m.chairId !== actor.personId) {
      await notify(tx.db, { recipientPersonId: m.chairId, kind: 'info', title: `议程意见：${m.title}`, body: `${seat!.name}：${text}（${PG10.id}）`,
        link: `/meetings/${m.id}`, objectType: 'meeting', objectId: m.id }, tx.clock.now());
    }
    await audit(tx, { event: 'meetings.agenda.comment', objectType: 'meeting', objectId: m.id, detail: { commentId: id, rule: PG10.id } });
    return { id };
  });
}

/**
 * DM-08 (and PG-03 for the 党组会议): a planned meeting moved to another time is recorded with its
 * reason; the approval of the time and the notice are void and must be given again. Everyone
 * already notified is told the old notice no longer stands. Who should attend stays as the
 * meeting was prepared (the roster is not re-read for the new date).
 */
export async function rescheduleMeeting(ctx: Ctx, meetingId: string, input: { startAt: string; reason: string }): Promise<void> {
  const actor = requireActor(ctx);
  const to = new Date(input.startAt);
  if (Number.isNaN(to.getTime())) throw errors.badRequest('会议时间格式不正确');
  const reason = input.reason.trim();
  return withTx(ctx, async (tx) => {
    const m = await loadMeeting(tx.db, meetingId, true);
    if (!can(tx, 'meetings.manage') && actor.personId !== m.chairId) throw errors.forbidden('会议改期由综合科提出或主持人决定');
    assertStatus(m, ['planned'], '改期');
    if (!reason) enforce([DM08.block('会议提前或推迟须写明特殊情况')]);
    if (to.getTime() === m.startAt.getTime()) throw errors.badRequest('新的会议时间与原时间相同');
    const now = tx.clock.now();
    if (to <= now) throw errors.badRequest('新的会议时间须晚于现在');
    await tx.db.insert(meetingReschedules).values({ id: newId('mrs'), meetingId: m.id, fromStartAt: m.startAt, toStartAt: to, reason, byPersonId: actor.personId ?? actor.accountId, at: now });
    await tx.db.update(meetings).set({ startAt: to, meetingDate: localDate(to), timeApprovedBy: null, timeApprovedAt: null, noticeSentAt: null, noticeSentBy: null,
      noticeLateReason: null, reminderDueAt: null, reminderSentAt: null }).where(eq(meetings.id, m.id));
    if (m.noticeSentAt) {
      for (const a of await attendeesOf(tx.db, m.id)) {
        await notify(tx.db, { recipientPersonId: a.personId, kind: 'info', title: `会议改期：${m.title}`, body: `原定 ${fmt(m.startAt)} 召开的会议因“${reason}”改期，原通知作废，另行通知（${DM08.id}）。`,
          link: `/meetings/${m.id}`, objectType: 'meeting', objectId: m.id }, now);
      }
    }
    await audit(tx, { event: 'meetings.reschedule', objectType: 'meeting', objectId: m.id, detail: { from: m.startAt.toISOString(), to: to.toISOString(), reason, rule: DM08.id } });
  });
}

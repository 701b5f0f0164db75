import { and, eq, inArray, max } from 'drizzle-orm';
import { requireActor, withTx, type Ctx } from '../../kernel/context';
import { audit } from '../../kernel/audit/write';
import { errors } from '../../kernel/errors';
import { newId } from '../../kernel/ids';
import { personWithPosts } from '../../kernel/org';
import { enforce, type Verdict } from '../../kernel/rules';
import { localDate } from '../../kernel/time';
import { classifyMatter, type Matter } from './classifier';
import { meetingQuorum, type BodyCode, type TopicKind } from './checks';
import { rosterOf } from './roster';
import { DM08, DM14, PG02, PG09, SZYD01, SZYD12, WR05, WR08 } from './rules';
import { noticeDeadline, openingVerdicts } from './checks-prep';
import { notify } from '../../kernel/notify';
import { meetingAttendees, meetingDecisions, meetingTopics, meetings, topicAttendees, type Attachment } from './schema';
import { actingChair } from './service-prep';
import { assertChairOrManager, assertStatus, attendeesOf, body, loadMeeting, type MeetingRow } from './store';

export interface TopicInput {
  title: string;
  /** ordinary | cadre | briefing; a matter's classification may make it szyd or cadre. */
  kind?: 'ordinary' | 'cadre' | 'briefing';
  matter?: Matter;
  isMajor?: boolean;
  materials?: string;
  preferredOpinion?: string;
  presenterId?: string;
  relatedStaffIds?: string[];
  targetDecisionId?: string;
  targetMode?: 'revoke' | 'change';
  attachments?: Attachment[];
  /** Set when the topic comes from a confirmed proposal (PG-10, DM-13). */
  proposalId?: string;
}

export interface MeetingInput {
  bodyCode: BodyCode;
  kind?: 'regular' | 'ad_hoc';
  title: string;
  startAt: string;
  place: string;
  inviteInspector?: boolean;
  topics: TopicInput[];
}

/** The topic's kind: the classifier's answer wins over the form (cadre work and 三重一大 cannot be downgraded). */
export function topicKindOf(t: TopicInput): { kind: TopicKind; ruleId: string | null } {
  if (t.matter) {
    const c = classifyMatter(t.matter);
    if (c.collective) return { kind: c.topicKind, ruleId: c.ruleId };
  }
  return { kind: t.kind ?? 'ordinary', ruleId: null };
}

export function routingVerdict(bodyCode: BodyCode, kind: TopicKind, title: string): Verdict {
  if (bodyCode === 'director_meeting' && kind === 'cadre') return WR05.block(`干部任免议题“${title}”只能提交党组会议研究决定，不能提交主任办公会议`);
  return WR05.ok();
}

/**
 * WR-08 在会前应形成方案和意见: a topic to be decided reaches the agenda with its 建议方案 /
 * 倾向性意见 or its 上会材料. Reading: either carries the plan; a briefing decides nothing.
 */
export function planVerdictOf(kind: TopicKind, t: Pick<TopicInput, 'title' | 'preferredOpinion' | 'materials' | 'attachments'>): Verdict {
  if (kind === 'briefing' || t.preferredOpinion?.trim() || t.materials?.trim() || t.attachments?.length) return WR08.ok();
  return WR08.block(`议题“${t.title}”尚未形成方案和意见：决策议题须在会前附建议方案（倾向性意见）或上会材料，方能列入会议议题`);
}

/** SZYD-01: decisions — 三重一大 above all — are taken only at a 党组会议 or a 主任办公会议; the system offers no other forum. */
export function forumVerdict(bodyCode: string): Verdict {
  if (bodyCode === 'party_group' || bodyCode === 'director_meeting') return SZYD01.ok();
  return SZYD01.block('“三重一大”事项以党组会议、主任办公会议为决策形式，系统不提供其他会议形式');
}

export async function insertTopic(ctx: Ctx, m: MeetingRow, t: TopicInput, seq: number, adHoc?: { ground: string; reason: string }): Promise<string> {
  const { kind, ruleId } = topicKindOf(t);
  enforce([routingVerdict(body(m), kind, t.title), planVerdictOf(kind, t)]);
  if (t.targetDecisionId) await assertTarget(ctx, t.targetDecisionId);
  const id = newId('mtp');
  await ctx.db.insert(meetingTopics).values({
    id,
    meetingId: m.id,
    seq,
    title: t.title,
    kind,
    matterKind: t.matter?.kind ?? null,
    amountFen: t.matter?.amountFen ?? null,
    purpose: t.matter?.purpose ?? null,
    szydRuleId: ruleId,
    materials: t.materials ?? '',
    preferredOpinion: t.preferredOpinion ?? '',
    presenterId: t.presenterId ?? null,
    isMajor: t.isMajor ?? kind !== 'ordinary',
    attachments: t.attachments ?? [],
    proposalId: t.proposalId ?? null,
    targetDecisionId: t.targetDecisionId ?? null,
    targetMode: t.targetDecisionId ? (t.targetMode ?? 'change') : null,
    adHocGround: adHoc?.ground ?? null,
    adHocReason: adHoc?.reason ?? null,
  });
  for (const personId of new Set(t.relatedStaffIds ?? [])) {
    const p = await personWithPosts(ctx.db, personId, m.meetingDate);
    if (!p) throw errors.badRequest(`人员 ${personId} 不存在`);
    await ctx.db.insert(topicAttendees).values({ topicId: id, personId, name: p.name });
  }
  return id;
}

/** A revoking or changing topic must name a decision still in force (PG-18, SZYD-28). */
async function assertTarget(ctx: Ctx, decisionId: string): Promise<void> {
  const [d] = await ctx.db.select().from(meetingDecisions).where(eq(meetingDecisions.id, decisionId));
  if (!d) throw errors.notFound('被撤销或改变的决定');
  if (d.status !== 'in_force') throw errors.conflict(`决定“${d.title}”已不再有效，不能再撤销或改变`);
}

/** 综合科 prepares a meeting: members and 列席 are taken from the org on the meeting date (PG-09, DM-05). */
export async function createMeeting(ctx: Ctx, input: MeetingInput): Promise<{ id: string }> {
  const actor = requireActor(ctx);
  enforce([forumVerdict(input.bodyCode)]);
  const startAt = new Date(input.startAt);
  if (Number.isNaN(startAt.getTime())) throw errors.badRequest('会议时间格式不正确');
  const date = localDate(startAt);
  const roster = await rosterOf(ctx.db, input.bodyCode, date, input.inviteInspector ?? input.bodyCode === 'party_group');
  if (!roster.chair || roster.members.length === 0) {
    throw errors.unprocessable('BODY_EMPTY', `${date} 该会议机构没有成员或主持人，请先在组织机构中登记职务`);
  }
  // PG-07 / DM-09: a deputy acting for the 书记 / 主任 on the date chairs, and the holder is on leave.
  const acting = await actingChair(ctx.db, input.bodyCode, roster.chair, date, roster.members);
  return withTx(ctx, async (tx) => {
    const id = newId('mtg');
    const row = { id, bodyCode: input.bodyCode, kind: input.kind ?? 'regular', title: input.title, startAt, meetingDate: date, place: input.place,
      chairId: acting?.chair.id ?? roster.chair!.id, recorderId: roster.recorder?.id ?? null, createdBy: actor.accountId, createdAt: tx.clock.now() };
    await tx.db.insert(meetings).values({ ...row, ...(acting ? { chairBasis: 'acting', chairDelegatedBy: roster.chair!.id, chairDelegationReason: acting.reason } : {}) });
    const seats = [
      ...roster.members.map((p) => ({ p, capacity: 'member' })),
      ...roster.standing.map((p) => ({ p, capacity: 'standing' })),
      ...roster.invited.map((p) => ({ p, capacity: 'invited' })),
    ];
    await tx.db.insert(meetingAttendees).values(seats.map((s, i) => ({ meetingId: id, personId: s.p.id, name: s.p.name, capacity: s.capacity, sortOrder: i,
      ...(acting && s.p.id === roster.chair!.id && s.capacity === 'member' ? { status: 'leave', leaveReason: acting.reason } : {}) })));
    const [created] = await tx.db.select().from(meetings).where(eq(meetings.id, id));
    for (const [i, t] of input.topics.entries()) await insertTopic(tx, created, t, i + 1);
    await audit(tx, { event: 'meetings.create', objectType: 'meeting', objectId: id, detail: { body: input.bodyCode, topics: input.topics.length, rules: [PG09.id] } });
    return { id };
  });
}

export type AdHoc = { ground: 'special' | 'urgent' | 'major_emergency'; reason: string };

/** During the meeting a topic not on the agenda needs a reason (DM-14, CONF-33); 三重一大 only on a major emergency (SZYD-12). */
export function enforceAdHoc(kind: TopicKind, adHoc: AdHoc | undefined): void {
  if (!adHoc?.reason.trim()) enforce([DM14.block('会议进行中临时增加议题，须经主持人同意并写明特殊情况或紧急理由')]);
  if ((kind === 'szyd' || kind === 'cadre') && adHoc?.ground !== 'major_emergency') {
    enforce([SZYD12.block('“三重一大”事项除遇重大突发事件和紧急情况外，不得临时动议')]);
  }
}

/**
 * Add a topic. Before the meeting: normal agenda work. During the meeting: an ad-hoc motion
 * needs a reason (DM-14, CONF-33); a 三重一大 one only for a major emergency (SZYD-12).
 */
export async function addTopic(ctx: Ctx, meetingId: string, t: TopicInput & { adHoc?: { ground: 'special' | 'urgent' | 'major_emergency'; reason: string } }): Promise<{ id: string }> {
  return withTx(ctx, async (tx) => {
    const m = await loadMeeting(tx.db, meetingId, true);
    assertChairOrManager(tx, m);
    assertStatus(m, ['planned', 'open'], '增加议题');
    if (m.status === 'open') enforceAdHoc(topicKindOf(t).kind, t.adHoc);
    const [last] = await tx.db.select({ n: max(meetingTopics.seq) }).from(meetingTopics).where(eq(meetingTopics.meetingId, meetingId));
    const id = await insertTopic(tx, m, t, (last?.n ?? 0) + 1, t.adHoc);
    if (m.noticeSentAt || m.status === 'open') await supplementaryNotice(tx, m, id);
    await audit(tx, { event: 'meetings.topic.add', objectType: 'meeting', objectId: meetingId, detail: { topicId: id, adHoc: t.adHoc ?? null } });
    return { id };
  });
}

/** Mark a person present, on leave (with reason) or absent (PG-08). Counts never change the base N (CONF-26). */
export async function setAttendance(ctx: Ctx, meetingId: string, personId: string, status: 'present' | 'leave' | 'absent', leaveReason?: string): Promise<void> {
  await withTx(ctx, async (tx) => {
    const m = await loadMeeting(tx.db, meetingId, true);
    assertChairOrManager(tx, m);
    assertStatus(m, ['planned', 'open'], '登记出席情况');
    if (status === 'leave' && !leaveReason?.trim()) throw errors.badRequest('请假须写明事由');
    const updated = await tx.db
      .update(meetingAttendees)
      .set({ status, leaveReason: status === 'leave' ? leaveReason!.trim() : null })
      .where(and(eq(meetingAttendees.meetingId, meetingId), eq(meetingAttendees.personId, personId)))
      .returning({ id: meetingAttendees.personId });
    if (updated.length === 0) throw errors.notFound('该参会人员');
    await audit(tx, { event: 'meetings.attendance', objectType: 'meeting', objectId: meetingId, detail: { personId, status, leaveReason } });
  });
}

/**
 * Open the meeting: its time approved and its notice sent a day before, or the chair's recorded
 * reason for convening at short notice (PG-03 / DM-07, PG-04 / DM-11, PG-02 / DM-08); then the
 * meeting quorum (PG-12 / DM-10).
 */
export async function openMeeting(ctx: Ctx, meetingId: string, acknowledged: string[] = [], opts: { emergencyReason?: string } = {}): Promise<void> {
  const actor = requireActor(ctx);
  await withTx(ctx, async (tx) => {
    const m = await loadMeeting(tx.db, meetingId, true);
    assertChairOrManager(tx, m);
    assertStatus(m, ['planned'], '宣布开会');
    const given = opts.emergencyReason?.trim() || null;
    if (given && actor.personId !== m.chairId) {
      enforce([(body(m) === 'party_group' ? PG02 : DM08).block('临时召开会议须由会议主持人决定并写明事由')]);
    }
    const emergencyReason = given ?? m.emergencyReason;
    enforce(openingVerdicts(body(m), { meetingDate: m.meetingDate, timeApproved: !!m.timeApprovedAt,
      noticeSentOn: m.noticeSentAt ? localDate(m.noticeSentAt) : null, emergencyReason }));
    const late = !!m.noticeSentAt && localDate(m.noticeSentAt) > noticeDeadline(body(m), m.meetingDate);
    const members = (await attendeesOf(tx.db, meetingId)).filter((a) => a.capacity === 'member');
    const present = members.filter((a) => a.status === 'present').length;
    const warnings = enforce(meetingQuorum(body(m), present, members.length), acknowledged);
    const now = tx.clock.now();
    await tx.db.update(meetings).set({ status: 'open', openedAt: now,
      ...(late && given ? { kind: 'ad_hoc', emergencyReason: given, emergencyDeclaredBy: actor.personId, emergencyDeclaredAt: now } : {}) }).where(eq(meetings.id, meetingId));
    await audit(tx, { event: 'meetings.open', objectType: 'meeting', objectId: meetingId,
      detail: { present, due: members.length, warnings, noticeLate: late, emergencyReason: late ? emergencyReason : null } });
  });
}

/** Close the meeting; topics never taken are recorded as deferred (未审议). */
export async function closeMeeting(ctx: Ctx, meetingId: string): Promise<void> {
  await withTx(ctx, async (tx) => {
    const m = await loadMeeting(tx.db, meetingId, true);
    assertChairOrManager(tx, m);
    assertStatus(m, ['open'], '宣布散会');
    const running = await tx.db.select({ id: meetingTopics.id }).from(meetingTopics)
      .where(and(eq(meetingTopics.meetingId, meetingId), inArray(meetingTopics.status, ['discussion', 'voting'])));
    if (running.length) throw errors.conflict('尚有议题正在讨论或表决，请先结束该议题');
    await tx.db.update(meetingTopics).set({ status: 'closed', outcome: 'deferred', outcomeReason: '本次会议未审议', closedAt: tx.clock.now() })
      .where(and(eq(meetingTopics.meetingId, meetingId), eq(meetingTopics.status, 'pending')));
    await tx.db.update(meetings).set({ status: 'closed', closedAt: tx.clock.now() }).where(eq(meetings.id, meetingId));
    await audit(tx, { event: 'meetings.close', objectType: 'meeting', objectId: meetingId });
  });
}

/**
 * A topic added after the notice went out (or during the meeting) is notified to every
 * attendee with its materials; the materials count as delivered now (PG-05, SZYD-13).
 */
export async function supplementaryNotice(ctx: Ctx, m: MeetingRow, topicId: string): Promise<void> {
  const [t] = await ctx.db.select().from(meetingTopics).where(eq(meetingTopics.id, topicId));
  const now = ctx.clock.now();
  const hasMaterials = !!t.materials.trim() || t.attachments.length > 0;
  const materials = t.attachments.length ? `（材料：${t.attachments.map((a) => a.name).join('、')}）` : t.materials.trim() ? '（附上会材料）' : '';
  for (const a of await attendeesOf(ctx.db, m.id)) {
    await notify(ctx.db, { recipientPersonId: a.personId, kind: 'info', title: `补充通知：${m.title}`, body: `增加议题：${t.title}${materials}${t.adHocReason ? `；临时动议理由：${t.adHocReason}` : ''}`,
      link: `/meetings/${m.id}`, objectType: 'meeting', objectId: m.id }, now);
  }
  if (hasMaterials) await ctx.db.update(meetingTopics).set({ materialsSentAt: now }).where(eq(meetingTopics.id, topicId));
}

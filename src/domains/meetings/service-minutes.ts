import { desc, eq } from 'drizzle-orm';
import { requireActor, withTx, type Ctx } from '../../kernel/context';
import { audit } from '../../kernel/audit/write';
import { AppError, errors } from '../../kernel/errors';
import { newId } from '../../kernel/ids';
import { enforce } from '../../kernel/rules';
import { localDate } from '../../kernel/time';
import { requireEntitlement } from './access';
import { buildMinutes, restrictTopics, type MinutesContent } from './minutes-model';
import { renderMinutesDocx } from './minutes-docx';
import { renderMinutesPdf } from './minutes-pdf';
import { BODY_NAMES } from './roster';
import { DM16, PG26, PG27, SZYD23, WR13 } from './rules';
import { meetingMinutes, meetingTopics } from './schema';
import { unclassifiedDecisions } from './service-disclosure';
import { assertStatus, body, loadMeeting } from './store';

/** The minutes rule of the forum: PG-26 at the 党组会议, DM-16 at the 主任办公会议. */
const minutesRule = (m: { bodyCode: string }) => (m.bodyCode === 'director_meeting' ? DM16 : PG26);

/**
 * The recorder (综合科科长, PG-26/DM-16) signs the minutes of a closed meeting; they are then
 * permanent (PG-27, CONF-34). Signing finalises the meeting's decisions, so each must carry its
 * 公开属性 by then (WR-13).
 */
export async function signMinutes(ctx: Ctx, meetingId: string): Promise<{ id: string; version: number }> {
  const actor = requireActor(ctx);
  return withTx(ctx, async (tx) => {
    const m = await loadMeeting(tx.db, meetingId, true);
    assertStatus(m, ['closed'], '签发会议纪要');
    if (!m.recorderId || actor.personId !== m.recorderId) enforce([minutesRule(m).block('会议记录由综合科科长负责，须由会议记录人签发纪要')]);
    const [existing] = await tx.db.select({ id: meetingMinutes.id }).from(meetingMinutes).where(eq(meetingMinutes.meetingId, meetingId)).limit(1);
    if (existing) throw errors.conflict(`会议纪要已签发，不能重新签发；如需更正请形成更正记录（${PG27.id}）`);
    const unclassified = await unclassifiedDecisions(tx, meetingId);
    if (unclassified.length) enforce([WR13.block(`决定“${unclassified.join('、')}”尚未确定公开属性（主动公开、依申请公开或不予公开），请先确定再签发纪要`)]);
    const content = await buildMinutes(tx.db, meetingId);
    const szyd = (await tx.db.select({ kind: meetingTopics.kind }).from(meetingTopics).where(eq(meetingTopics.meetingId, meetingId))).some((t) => t.kind === 'szyd' || t.kind === 'cadre');
    if (!content.time || !content.place || !content.chair || content.topics.some((t) => t.outcome === '未审议' && !t.outcomeReason)) {
      enforce([(szyd ? SZYD23 : minutesRule(m)).block('纪要须记明时间、地点、主持人、参会、列席、请假人员及每项议题的讨论情况和最后决定')]);
    }
    const id = newId('min');
    await tx.db.insert(meetingMinutes).values({ id, meetingId, version: 1, content, signedBy: actor.personId!, signedAt: tx.clock.now() });
    await audit(tx, { event: 'meetings.minutes.sign', objectType: 'meeting_minutes', objectId: id, detail: { meetingId } });
    return { id, version: 1 };
  });
}

/** A correction is a new version pointing at the one it corrects; the old row is never touched (CONF-34). */
export async function correctMinutes(ctx: Ctx, minutesId: string, input: { reason: string; text: string }): Promise<{ id: string; version: number }> {
  const actor = requireActor(ctx);
  return withTx(ctx, async (tx) => {
    const [old] = await tx.db.select().from(meetingMinutes).where(eq(meetingMinutes.id, minutesId));
    if (!old) throw errors.notFound('会议纪要');
    const m = await loadMeeting(tx.db, old.meetingId, true);
    if (actor.personId !== m.recorderId) enforce([minutesRule(m).block('纪要更正须由会议记录人提出')]);
    const [latest] = await tx.db.select().from(meetingMinutes).where(eq(meetingMinutes.meetingId, m.id)).orderBy(desc(meetingMinutes.version)).limit(1);
    if (latest.id !== old.id) throw errors.conflict(`请在最新版本（第 ${latest.version} 版）上更正`);
    const content: MinutesContent = { ...(old.content as MinutesContent), correction: { reason: input.reason, correctsVersion: old.version, text: input.text } };
    const id = newId('min');
    const version = old.version + 1;
    await tx.db.insert(meetingMinutes).values({ id, meetingId: m.id, version, correctsId: old.id, correctionReason: input.reason, content, signedBy: actor.personId!, signedAt: tx.clock.now() });
    await audit(tx, { event: 'meetings.minutes.correct', objectType: 'meeting_minutes', objectId: id, detail: { corrects: old.id, reason: input.reason } });
    return { id, version };
  });
}

export interface MinutesFile {
  data: Buffer;
  fileName: string;
  contentType: string;
}

const TYPES = { pdf: 'application/pdf', docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' };

async function render(content: MinutesContent, format: 'pdf' | 'docx', draft: boolean): Promise<Buffer> {
  return format === 'pdf' ? renderMinutesPdf(content, { draft }) : renderMinutesDocx(content, { draft });
}

/**
 * Download signed minutes (or, with `draft`, a preview of the record for the recorder).
 * Topic 列席 receive only their topics; every view is audited (PG-28).
 */
export async function minutesFile(ctx: Ctx, ref: { minutesId?: string; meetingId?: string }, format: 'pdf' | 'docx'): Promise<MinutesFile> {
  let content: MinutesContent;
  let meetingId: string;
  let label: string;
  if (ref.minutesId) {
    const [row] = await ctx.db.select().from(meetingMinutes).where(eq(meetingMinutes.id, ref.minutesId));
    if (!row) throw errors.notFound('会议纪要');
    meetingId = row.meetingId;
    content = row.content as MinutesContent;
    label = `第${row.version}版`;
  } else {
    meetingId = ref.meetingId!;
    content = await buildMinutes(ctx.db, meetingId);
    label = '草稿';
  }
  const m = await loadMeeting(ctx.db, meetingId);
  const e = await requireEntitlement(ctx, meetingId);
  if (e.kind === 'topics') content = restrictTopics(content, e.topicIds);
  if (!ref.minutesId && e.kind !== 'all') throw new AppError('FORBIDDEN', 403, '纪要草稿仅限与会人员查阅');
  const data = await render(content, format, !ref.minutesId);
  await audit(ctx, { event: 'meetings.minutes.view', objectType: 'meeting_minutes', objectId: ref.minutesId ?? meetingId, detail: { format, scope: e.kind, meetingId } });
  return { data, fileName: `${BODY_NAMES[body(m)]}纪要-${localDate(m.startAt)}-${label}.${format}`, contentType: TYPES[format] };
}

import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { can, withTx, type Ctx } from '../../kernel/context';
import { rows } from '../../kernel/db';
import { audit } from '../../kernel/audit/write';
import { errors } from '../../kernel/errors';
import { newId } from '../../kernel/ids';
import { enforce } from '../../kernel/rules';
import { Day, me, notFuture, nowIso, OptText, parse, personExists, Text, today } from './common';
import { checkPriorConsent, WR18 } from './rules';

/**
 * WR-18 讲话、文章事先报党组同意: a speech or article on behalf of the office, or a personal
 * one on a major matter the 党组会议 has not decided, needs the PLG's consent beforehand. The
 * system does not publish them, so this is a register (RECORD): the request, the consent
 * (the 党组会议 decision when it is in the system, else its minutes' reference), and the
 * publication; one published without prior consent is confirmed by the user and reported.
 */
export const KIND_LABEL: Record<string, string> = { office: '代表办发表', personal_major: '个人发表（涉及未经党组研究决定的重大问题）' };
export const SPEECH_STATUS: Record<string, string> = { requested: '待党组研究', consented: '党组同意', refused: '党组不同意', withdrawn: '已撤回' };

const Request = z.strictObject({
  kind: z.enum(['office', 'personal_major'], { error: '请选择讲话或文章的类别' }),
  speakerId: z.string().max(100).optional(),
  title: Text(300, '讲话或文章题目'),
  venue: Text(200, '发表场合或媒体'),
  plannedOn: Day,
  summary: Text(2000, '主要内容'),
});
const Decide = z.strictObject({
  decision: z.enum(['consented', 'refused']),
  decidedOn: Day.optional(),
  consentDecisionId: z.string().max(100).optional(),
  decisionRef: OptText(200),
});
const Publish = z.strictObject({ publishedOn: Day, note: OptText(500) });

export interface SpeechRow {
  id: string; kind: string; speakerId: string; speakerName: string; title: string; venue: string; plannedOn: string; summary: string; requestedOn: string;
  status: string; consentDecisionId: string | null; decidedOn: string | null; decisionRef: string | null; publishedOn: string | null; publishedNote: string | null;
  withoutPriorConsent: boolean;
}

const SELECT = sql`select s.id, s.kind, s.speaker_id as "speakerId", p.name as "speakerName", s.title, s.venue, s.planned_on::text as "plannedOn", s.summary,
    s.requested_on::text as "requestedOn", s.status, s.consent_decision_id as "consentDecisionId", s.decided_on::text as "decidedOn", s.decision_ref as "decisionRef",
    s.published_on::text as "publishedOn", s.published_note as "publishedNote", s.without_prior_consent as "withoutPriorConsent"
  from wr_speeches s join people p on p.id = s.speaker_id`;

export async function listSpeeches(ctx: Ctx, opts: { mine?: boolean } = {}): Promise<SpeechRow[]> {
  const where = opts.mine ? sql`where s.speaker_id = ${me(ctx)} or s.created_by = ${me(ctx)}` : sql``;
  return rows<SpeechRow>(ctx.db, sql`${SELECT} ${where} order by s.planned_on desc, s.created_at desc limit 2000`);
}

async function load(ctx: Ctx, id: string): Promise<SpeechRow & { createdBy: string }> {
  const [w] = await rows<{ created_by: string }>(ctx.db, sql`select created_by from wr_speeches where id = ${id} for update`);
  if (!w) throw errors.notFound('讲话文章登记');
  const [s] = await rows<SpeechRow>(ctx.db, sql`${SELECT} where s.id = ${id}`);
  return { ...s, createdBy: w.created_by };
}

/** A leader files a request for themselves; 综合科 may file one for any speaker. */
export function requestSpeech(ctx: Ctx, raw: unknown): Promise<SpeechRow> {
  const v = parse(Request, raw, '讲话文章报批');
  return withTx(ctx, async (tx) => {
    const speaker = v.speakerId ?? me(tx);
    if (speaker !== me(tx) && !can(tx, 'workrules.keep')) throw errors.forbidden('只能为本人报批，或由综合科代为登记');
    await personExists(tx.db, speaker);
    const id = newId('wrs');
    await tx.db.execute(sql`insert into wr_speeches (id, kind, speaker_id, title, venue, planned_on, summary, requested_on, status, created_by, created_at)
      values (${id}, ${v.kind}, ${speaker}, ${v.title}, ${v.venue}, ${v.plannedOn}, ${v.summary}, ${today(tx)}, 'requested', ${me(tx)}, ${nowIso(tx)})`);
    await audit(tx, { event: 'workrules.speech.request', objectType: 'wr_speech', objectId: id, detail: { kind: v.kind, speakerId: speaker, ruleId: WR18.id } });
    return load(tx, id);
  });
}

/** The 党组会议's decision on the request, recorded by 综合科: a decision in the system, or the minutes' reference. */
async function decisionOf(ctx: Ctx, v: z.infer<typeof Decide>): Promise<{ decidedOn: string; ref: string; decisionId: string | null }> {
  if (v.consentDecisionId) {
    const [d] = await rows<{ body_code: string; status: string; decided_on: string; title: string }>(ctx.db,
      sql`select body_code, status, decided_on::text, title from meeting_decisions where id = ${v.consentDecisionId}`);
    if (!d) throw errors.badRequest('会议决定不存在');
    if (d.body_code !== 'party_group') enforce([WR18.block('讲话、文章须经办党组同意：所选决定不是党组会议的决定')]);
    if (d.status !== 'in_force') throw errors.conflict('所选党组会议决定已撤销或被改变');
    return { decidedOn: d.decided_on, ref: v.decisionRef ?? d.title, decisionId: v.consentDecisionId };
  }
  if (!v.decidedOn || !v.decisionRef) throw errors.badRequest('请选择党组会议决定，或填写党组会议日期和纪要（记录）编号');
  return { decidedOn: v.decidedOn, ref: v.decisionRef, decisionId: null };
}

export function decideSpeech(ctx: Ctx, id: string, raw: unknown): Promise<SpeechRow> {
  const v = parse(Decide, raw, '党组意见');
  return withTx(ctx, async (tx) => {
    const s = await load(tx, id);
    if (s.status !== 'requested') throw errors.conflict(`该事项${SPEECH_STATUS[s.status]}，不能再登记党组意见`);
    const d = await decisionOf(tx, v);
    notFuture(tx, d.decidedOn, '党组会议日期');
    await tx.db.execute(sql`update wr_speeches set status = ${v.decision}, decided_on = ${d.decidedOn}, decision_ref = ${d.ref}, consent_decision_id = ${d.decisionId},
      decision_recorded_by = ${me(tx)} where id = ${id}`);
    await audit(tx, { event: `workrules.speech.${v.decision}`, objectType: 'wr_speech', objectId: id, detail: { decidedOn: d.decidedOn, ref: d.ref, decisionId: d.decisionId, ruleId: WR18.id } });
    return load(tx, id);
  });
}

/** 已发表: without prior consent it is a WR-18 warning the user confirms; the row is then flagged. */
export function publishSpeech(ctx: Ctx, id: string, raw: unknown, acknowledged: string[] = []): Promise<SpeechRow> {
  const v = parse(Publish, raw, '发表登记');
  return withTx(ctx, async (tx) => {
    const s = await load(tx, id);
    if (s.publishedOn) throw errors.conflict('已登记发表');
    if (s.status === 'withdrawn') throw errors.conflict('该事项已撤回');
    notFuture(tx, v.publishedOn, '发表日期');
    const verdict = checkPriorConsent({ consentedOn: s.status === 'consented' ? s.decidedOn : null, publishedOn: v.publishedOn });
    enforce([verdict], acknowledged);
    const flagged = verdict.outcome !== 'ok';
    await tx.db.execute(sql`update wr_speeches set published_on = ${v.publishedOn}, published_note = ${v.note ?? null}, without_prior_consent = ${flagged} where id = ${id}`);
    await audit(tx, { event: 'workrules.speech.publish', objectType: 'wr_speech', objectId: id, detail: { publishedOn: v.publishedOn, withoutPriorConsent: flagged, ruleId: WR18.id } });
    return load(tx, id);
  });
}

export function withdrawSpeech(ctx: Ctx, id: string): Promise<SpeechRow> {
  return withTx(ctx, async (tx) => {
    const s = await load(tx, id);
    if (s.status !== 'requested') throw errors.conflict('只有待党组研究的事项可以撤回');
    if (s.createdBy !== me(tx) && s.speakerId !== me(tx) && !can(tx, 'workrules.keep')) throw errors.forbidden('只能撤回本人的报批');
    await tx.db.execute(sql`update wr_speeches set status = 'withdrawn' where id = ${id}`);
    await audit(tx, { event: 'workrules.speech.withdraw', objectType: 'wr_speech', objectId: id });
    return load(tx, id);
  });
}

import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { can, withTx, type Ctx } from '../../kernel/context';
import { rows } from '../../kernel/db';
import { lockNamed } from '../../kernel/db/mutex';
import { audit } from '../../kernel/audit/write';
import { loadWorkingCalendar } from '../../kernel/calendar';
import { errors } from '../../kernel/errors';
import { newId } from '../../kernel/ids';
import { notify } from '../../kernel/notify';
import { enforce } from '../../kernel/rules';
import { Day, mayAnnotate, me, notFuture, nowIso, OptText, parse, personExists, Text, today } from './common';
import { checkAnnotatedBeforeClose, checkHotlineFeedback, CRED02, inForce, WR11, WR16 } from './rules';
import type { Handover } from './schema';

/**
 * WR-16 群众来信来访及12317监督举报电话: registered with its first responder (首问责任人, WR-11),
 * who owns it until a recorded hand-over; an important item is sent to an office leader or a
 * section head, who reads and annotates it (阅批) before it can be closed. The handling time
 * limit is the office's parameter (CONF-21): without it nothing is reported overdue.
 */
export const CHANNEL_LABEL: Record<string, string> = { letter: '来信', visit: '来访', hotline: '12317电话', online: '网上信访' };

const Create = z.strictObject({
  channel: z.enum(['letter', 'visit', 'hotline', 'online'], { error: '请选择来源' }),
  receivedOn: Day,
  contact: OptText(100),
  subject: Text(1000, '反映问题摘要'),
  important: z.boolean().default(false),
  annotatorId: z.string().max(100).optional(),
  /** 首问责任人: who received it; the registering person by default. */
  firstResponderId: z.string().max(100).optional(),
});
const Send = z.strictObject({ annotatorId: Text(100, '送阅批的领导') });
const Hand = z.strictObject({ toPersonId: Text(100, '接办人'), note: Text(500, '转办说明') });
const Annotate = z.strictObject({ annotation: Text(2000, '阅批意见') });
const Close = z.strictObject({
  closedOn: Day,
  result: Text(2000, '办理结果'),
  /** CRED-02 (12317): the feedback to the caller, or with noFeedback the reason there was none. */
  fedBackOn: Day.optional(),
  feedback: OptText(500),
  noFeedback: z.boolean().default(false),
});

export interface LetterRow {
  id: string; year: number; seq: number; channel: string; receivedOn: string; contact: string | null; subject: string; important: boolean;
  annotatorId: string | null; annotatorName: string | null; firstResponderId: string; firstResponderName: string; ownerId: string; ownerName: string;
  handovers: Handover[]; dueOn: string | null; annotatedBy: string | null; annotatedByName: string | null; annotatedOn: string | null; annotation: string | null;
  result: string | null; closedOn: string | null; fedBackOn: string | null; feedback: string | null; overdue: boolean; awaitingAnnotation: boolean;
}

const SELECT = sql`select l.id, l.year, l.seq, l.channel, l.received_on::text as "receivedOn", l.contact, l.subject, l.important,
    l.annotator_id as "annotatorId", an.name as "annotatorName", l.first_responder_id as "firstResponderId", fr.name as "firstResponderName",
    l.owner_id as "ownerId", ow.name as "ownerName", l.handovers, l.due_on::text as "dueOn", l.annotated_by as "annotatedBy", ab.name as "annotatedByName",
    l.annotated_on::text as "annotatedOn", l.annotation, l.result, l.closed_on::text as "closedOn",
    l.fed_back_on::text as "fedBackOn", l.feedback
  from wr_letters l join people fr on fr.id = l.first_responder_id join people ow on ow.id = l.owner_id
  left join people an on an.id = l.annotator_id left join people ab on ab.id = l.annotated_by`;

type Base = Omit<LetterRow, 'overdue' | 'awaitingAnnotation'>;
const decorate = (on: string) => (l: Base): LetterRow => ({
  ...l,
  overdue: !l.closedOn && !!l.dueOn && l.dueOn < on && inForce(l.receivedOn),
  awaitingAnnotation: l.important && !l.annotatedOn,
});

/** The register (综合科, leaders) or, with `mine`, what the person owns or was asked to annotate. */
export async function listLetters(ctx: Ctx, opts: { mine?: boolean } = {}): Promise<LetterRow[]> {
  const where = opts.mine ? sql`where l.owner_id = ${me(ctx)} or l.annotator_id = ${me(ctx)}` : sql``;
  const found = await rows<Base>(ctx.db, sql`${SELECT} ${where} order by l.year desc, l.seq desc limit 2000`);
  return found.map(decorate(today(ctx)));
}

async function load(ctx: Ctx, id: string): Promise<LetterRow> {
  await rows(ctx.db, sql`select id from wr_letters where id = ${id} for update`);
  const [l] = await rows<Base>(ctx.db, sql`${SELECT} where l.id = ${id}`);
  if (!l) throw errors.notFound('来信来访登记');
  return decorate(today(ctx))(l);
}

async function assertAnnotator(ctx: Ctx, personId: string): Promise<void> {
  await personExists(ctx.db, personId);
  if (!(await mayAnnotate(ctx.db, personId, today(ctx)))) throw errors.badRequest('阅批人须为办领导或科室（服务中心）主要负责人');
}

async function askToAnnotate(ctx: Ctx, l: { id: string; subject: string }, annotatorId: string): Promise<void> {
  await notify(ctx.db, { recipientPersonId: annotatorId, kind: 'info', title: '重要来信来访请阅批', body: `${l.subject}（${WR16.id} ${WR16.cite}）`,
    link: '/workrules/mine', objectType: 'wr_letter_ask', objectId: l.id }, ctx.clock.now());
}

export function registerLetter(ctx: Ctx, raw: unknown): Promise<LetterRow> {
  const v = parse(Create, raw, '来信来访登记');
  return withTx(ctx, async (tx) => {
    notFuture(tx, v.receivedOn, '收到日期');
    const responder = v.firstResponderId ?? me(tx);
    await personExists(tx.db, responder);
    if (v.important && !v.annotatorId) throw errors.badRequest('重要事项请选择送阅批的办领导或科室负责人');
    if (v.annotatorId) await assertAnnotator(tx, v.annotatorId);
    const year = Number(v.receivedOn.slice(0, 4));
    // One number per year and register: serialise the numbering (no row to lock before the first entry).
    await lockNamed(tx.db, `wr_letters:${year}`);
    const [{ seq }] = await rows<{ seq: number }>(tx.db, sql`select coalesce(max(seq), 0)::int + 1 as seq from wr_letters where year = ${year}`);
    const limit = WR16.param('hotlineHandlingWorkingDays');
    const dueOn = limit ? (await loadWorkingCalendar(tx.db)).add(v.receivedOn, limit) : null;
    const id = newId('wrl');
    await tx.db.execute(sql`insert into wr_letters (id, year, seq, channel, received_on, contact, subject, important, annotator_id, first_responder_id, owner_id, due_on, created_by, created_at)
      values (${id}, ${year}, ${seq}, ${v.channel}, ${v.receivedOn}, ${v.contact ?? null}, ${v.subject}, ${v.important}, ${v.annotatorId ?? null}, ${responder}, ${responder},
        ${dueOn}, ${me(tx)}, ${nowIso(tx)})`);
    if (v.important) await askToAnnotate(tx, { id, subject: v.subject }, v.annotatorId!);
    await audit(tx, { event: 'workrules.letter.register', objectType: 'wr_letter', objectId: id, detail: { channel: v.channel, important: v.important, firstResponderId: responder, dueOn, ruleIds: [WR11.id, WR16.id] } });
    return load(tx, id);
  });
}

/** 综合科 marks an item important and sends it to a leader or section head for 阅批. */
export function sendForAnnotation(ctx: Ctx, id: string, raw: unknown): Promise<LetterRow> {
  const v = parse(Send, raw, '送阅批');
  return withTx(ctx, async (tx) => {
    const l = await load(tx, id);
    if (l.closedOn) throw errors.conflict('该事项已办结');
    if (l.annotatedOn) throw errors.conflict('该事项已阅批');
    await assertAnnotator(tx, v.annotatorId);
    await tx.db.execute(sql`update wr_letters set important = true, annotator_id = ${v.annotatorId} where id = ${id}`);
    await askToAnnotate(tx, l, v.annotatorId);
    await audit(tx, { event: 'workrules.letter.send', objectType: 'wr_letter', objectId: id, detail: v });
    return load(tx, id);
  });
}

/** The owner (or 综合科) may act on an open item; the owner changes only by a recorded hand-over (WR-11). */
function assertOwner(ctx: Ctx, l: LetterRow): void {
  if (l.closedOn) throw errors.conflict('该事项已办结');
  if (l.ownerId !== me(ctx) && !can(ctx, 'workrules.keep')) throw errors.forbidden(`只有责任人${l.ownerName}或综合科可以办理（首问负责制，${WR11.id}）`);
}

export function handOver(ctx: Ctx, id: string, raw: unknown): Promise<LetterRow> {
  const v = parse(Hand, raw, '转办');
  return withTx(ctx, async (tx) => {
    const l = await load(tx, id);
    assertOwner(tx, l);
    await personExists(tx.db, v.toPersonId);
    if (v.toPersonId === l.ownerId) throw errors.badRequest('接办人就是当前责任人');
    const h: Handover = { from: l.ownerId, to: v.toPersonId, on: today(tx), note: v.note, by: me(tx) };
    await tx.db.execute(sql`update wr_letters set owner_id = ${v.toPersonId}, handovers = handovers || ${JSON.stringify([h])}::jsonb where id = ${id}`);
    await notify(tx.db, { recipientPersonId: v.toPersonId, kind: 'info', title: '转办的来信来访事项', body: `${l.subject}：${v.note}`, link: '/workrules/mine', objectType: 'wr_letter_handover', objectId: `${id}:${l.handovers.length + 1}` }, tx.clock.now());
    await audit(tx, { event: 'workrules.letter.handover', objectType: 'wr_letter', objectId: id, detail: { ...h, ruleId: WR11.id } });
    return load(tx, id);
  });
}

/** 阅批 by an office leader or a section head (WR-16); recorded once. */
export function annotateLetter(ctx: Ctx, id: string, raw: unknown): Promise<LetterRow> {
  const v = parse(Annotate, raw, '阅批');
  return withTx(ctx, async (tx) => {
    const l = await load(tx, id);
    if (l.annotatedOn) throw errors.conflict(`${l.annotatedByName}已于${l.annotatedOn}阅批`);
    if (!(await mayAnnotate(tx.db, me(tx), today(tx)))) enforce([WR16.block('阅批须由办领导或相关科室负责人进行')]);
    await tx.db.execute(sql`update wr_letters set annotated_by = ${me(tx)}, annotated_on = ${today(tx)}, annotation = ${v.annotation} where id = ${id}`);
    await notify(tx.db, { recipientPersonId: l.ownerId, kind: 'info', title: '来信来访已阅批', body: v.annotation, link: '/workrules/mine', objectType: 'wr_letter_annotated', objectId: id }, tx.clock.now());
    await audit(tx, { event: 'workrules.letter.annotate', objectType: 'wr_letter', objectId: id, detail: { ruleId: WR16.id } });
    return load(tx, id);
  });
}

export function closeLetter(ctx: Ctx, id: string, raw: unknown): Promise<LetterRow> {
  const v = parse(Close, raw, '办结');
  return withTx(ctx, async (tx) => {
    const l = await load(tx, id);
    assertOwner(tx, l);
    enforce([checkAnnotatedBeforeClose(l), checkHotlineFeedback(l, v)]);
    if (v.closedOn < l.receivedOn) throw errors.badRequest('办结日期不能早于收到日期');
    notFuture(tx, v.closedOn, '办结日期');
    const fedBackOn = v.noFeedback ? null : v.fedBackOn ?? null;
    if (fedBackOn) notFuture(tx, fedBackOn, '反馈日期');
    await tx.db.execute(sql`update wr_letters set closed_on = ${v.closedOn}, result = ${v.result}, fed_back_on = ${fedBackOn}, feedback = ${v.feedback ?? null} where id = ${id}`);
    await audit(tx, { event: 'workrules.letter.close', objectType: 'wr_letter', objectId: id,
      detail: { closedOn: v.closedOn, late: !!l.dueOn && v.closedOn > l.dueOn, fedBackOn, noFeedback: v.noFeedback, ruleIds: l.channel === 'hotline' ? [CRED02.id] : [] } });
    return load(tx, id);
  });
}

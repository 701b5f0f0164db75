import { and, eq, isNull, sql } from 'drizzle-orm';
import type { Ctx } from '../../kernel/context';
import { can, requireActor, withTx } from '../../kernel/context';
import { audit } from '../../kernel/audit/write';
import { addWorkingDays } from '../../kernel/calendar';
import { rows, type Db } from '../../kernel/db';
import { errors } from '../../kernel/errors';
import { newId } from '../../kernel/ids';
import { notify } from '../../kernel/notify';
import { holdersOfPost, sectionChiefOf } from '../../kernel/org/lookups';
import { enforce, type Verdict } from '../../kernel/rules';
import { localDate } from '../../kernel/time';
import { circulationVerdicts, classificationVerdicts, extensionVerdicts, notMisdelivered } from './incoming-checks';
import {
  ArchiveInput, AssignInput, ChaseInput, CirculateInput, ExtensionInput, HandoverInput, IncomingInput, InstructInput, MisdeliveredInput,
  parse, ReadInput, ReplyInput, ReturnCheckInput, RouteInput,
} from './incoming-model';
import { DOC01, DOC23, DOC24, DOC25, DOC26, DOC27, DOC28 } from './incoming-rules';
import { incomingCirculation, incomingDocuments, incomingEvents, incomingExtensions } from './incoming-schema';

/**
 * 收文办理 (《公文运转管理制度》第十六条至第二十一条): 签收登记, 错投, 呈批, 交办, 传阅, 催办, 延期,
 * 答复, 归档. Every command runs in one transaction, locks the document row first (concurrent
 * clerks serialise) and writes the flow log (DOC-26) and the audit record with its change.
 */
export type IncomingRow = typeof incomingDocuments.$inferSelect;
const HUB = 'documents.incoming';
const OBJ = 'incoming_document';
export const isHub = (ctx: Ctx) => can(ctx, HUB);

export async function loadIncoming(db: Db, id: string, lock = false): Promise<IncomingRow> {
  const q = db.select().from(incomingDocuments).where(eq(incomingDocuments.id, id));
  const [row] = lock ? await q.for('update') : await q;
  if (!row) throw errors.notFound('收文');
  return row;
}

export async function nameOf(db: Db, personId: string | null | undefined): Promise<string> {
  if (!personId) return '';
  const [r] = await rows<{ name: string }>(db, sql`select name from people where id = ${personId}`);
  return r?.name ?? personId;
}
export async function unitNameOf(db: Db, unitId: string | null | undefined): Promise<string> {
  if (!unitId) return '';
  const [r] = await rows<{ name: string }>(db, sql`select name from org_units where id = ${unitId}`);
  return r?.name ?? unitId;
}

/** 办领导: 主任 or 副主任 (R-LEAD) on the date. */
export async function isOfficeLeader(db: Db, personId: string, date: string): Promise<boolean> {
  const [r] = await rows(db, sql`select 1 from post_holdings h join people p on p.id = h.person_id
    where h.person_id = ${personId} and h.post_code in ('director', 'deputy_director') and p.active
      and h.start_date <= ${date} and (h.end_date is null or h.end_date >= ${date}) limit 1`);
  return !!r;
}

/** The 文书 of 综合科 who receive the notices of 收文 (R-CLERK). */
export async function clerks(db: Db, date: string): Promise<string[]> {
  return (await holdersOfPost(db, 'clerk', null, date)).map((p) => p.id);
}

async function assertUnit(db: Db, unitId: string): Promise<string> {
  const [u] = await rows<{ name: string }>(db, sql`select name from org_units where id = ${unitId} and active and kind <> 'office'`);
  if (!u) throw errors.badRequest('承办科室不存在');
  return u.name;
}

export async function logEvent(
  ctx: Ctx,
  incomingId: string,
  kind: string,
  e: { fromLabel?: string | null; toLabel?: string | null; text?: string | null; data?: Record<string, unknown> } = {},
): Promise<void> {
  await ctx.db.insert(incomingEvents).values({
    id: newId('ine'), incomingId, at: ctx.clock.now(), kind, byPersonId: ctx.actor?.personId ?? null,
    fromLabel: e.fromLabel ?? null, toLabel: e.toLabel ?? null, text: e.text ?? null, data: e.data ?? {},
  });
}

function requireHub(ctx: Ctx, rule: { block: (m: string) => Verdict } = DOC01, what = '收文签收、登记、呈批、交办、传阅和归档'): void {
  if (!isHub(ctx)) enforce([rule.block(`${what}由办综合科负责`)]);
}

const today = (ctx: Ctx) => localDate(ctx.clock.now());

/**
 * The next 收文编号 of the year: the counter row is created or incremented in the registering
 * transaction, so concurrent registrations serialise on it, a failed one rolls its number back
 * (no gaps) and two never share one (no duplicates).
 */
async function nextRegisterNo(ctx: Ctx): Promise<{ registerNo: string; regYear: number; regSeq: number }> {
  const regYear = Number(today(ctx).slice(0, 4));
  const [c] = await rows<{ last_seq: number }>(
    ctx.db,
    sql`insert into doc_incoming_counters (year, last_seq) values (${regYear}, 1)
        on conflict (year) do update set last_seq = doc_incoming_counters.last_seq + 1 returning last_seq`,
  );
  const regSeq = Number(c.last_seq);
  return { registerNo: `${DOC23.param('registerPrefix')}〔${regYear}〕${regSeq}号`, regYear, regSeq };
}

/** 签收、拆封、逐件核对、登记 by 综合科 (DOC-23, DOC-24). Classified paper is refused (SEC-23). */
export async function registerIncoming(ctx: Ctx, raw: unknown): Promise<{ id: string; registerNo: string }> {
  const d = parse(IncomingInput, raw, '收文登记');
  enforce(classificationVerdicts(d.classification));
  if (!isHub(ctx)) enforce([DOC25.block('收到主送市扶贫办或综合科的文件，请登记“交综合科”，由综合科统一登记办理')]);
  if (!d.complete && !d.missingNote) enforce([DOC24.block('逐件核对发现不齐全的，请登记缺少的内容')]);
  return withTx(ctx, async (tx) => {
    const actor = requireActor(tx);
    const now = tx.clock.now();
    const id = newId('inc');
    const no = await nextRegisterNo(tx);
    await tx.db.insert(incomingDocuments).values({
      id, status: 'registered', ...no, receiptChannel: d.receiptChannel, handedOverByPersonId: d.handedOverByPersonId ?? null,
      addressedTo: d.addressedTo, sender: d.sender, senderDocNo: d.senderDocNo ?? null, title: d.title, classification: d.classification,
      urgency: d.urgency, receivedOn: d.receivedOn, copies: d.copies, attachments: d.attachments.map((a) => ({ title: a.title, pages: a.pages ?? null })),
      complete: d.complete, missingNote: d.missingNote ?? null, senderDueDate: d.senderDueDate ?? null,
      registeredByPersonId: actor.personId, registeredAt: now, createdAt: now, updatedAt: now,
    });
    await logEvent(tx, id, 'register', { fromLabel: d.sender, toLabel: '综合科', text: `${d.receiptChannel}签收，登记为${no.registerNo}${d.complete ? '，逐件核对齐全完整' : `，核对不齐全：${d.missingNote}`}` });
    await audit(tx, { event: 'documents.incoming.register', objectType: OBJ, objectId: id, detail: { registerNo: no.registerNo, title: d.title, sender: d.sender } });
    return { id, registerNo: no.registerNo };
  });
}

/** A section or person received a document meant for the Office: they record the hand-over only (DOC-25). */
export async function recordHandover(ctx: Ctx, raw: unknown): Promise<{ id: string }> {
  const d = parse(HandoverInput, raw, '交综合科登记');
  enforce(classificationVerdicts(d.classification));
  return withTx(ctx, async (tx) => {
    const actor = requireActor(tx);
    if (!actor.personId) throw errors.forbidden('该账号未关联人员');
    const [me] = await rows<{ unit_id: string | null }>(tx.db, sql`select unit_id from people where id = ${actor.personId}`);
    const now = tx.clock.now();
    const id = newId('inc');
    await tx.db.insert(incomingDocuments).values({
      id, status: 'handed_over', receiptChannel: '其他科室或个人转交', handedOverByPersonId: actor.personId, handedOverUnitId: me?.unit_id ?? null,
      addressedTo: d.addressedTo, sender: d.sender, senderDocNo: d.senderDocNo ?? null, title: d.title, classification: d.classification,
      urgency: d.urgency, receivedOn: d.receivedOn, copies: d.copies, attachments: [], senderDueDate: d.senderDueDate ?? null, createdAt: now, updatedAt: now,
    });
    const from = (await unitNameOf(tx.db, me?.unit_id)) || (await nameOf(tx.db, actor.personId));
    await logEvent(tx, id, 'handover', { fromLabel: from, toLabel: '综合科', text: d.note ?? '交综合科统一登记办理' });
    for (const p of await clerks(tx.db, today(tx))) {
      await notify(tx.db, { recipientPersonId: p, kind: 'info', title: `${from}转交来文待登记：${d.title}`, link: `/documents/incoming/${id}`, objectType: OBJ, objectId: id }, now);
    }
    await audit(tx, { event: 'documents.incoming.handover', objectType: OBJ, objectId: id, detail: { title: d.title, from } });
    return { id };
  });
}

/** 综合科 registers a document another section handed over (flow log: section → 综合科, DOC-25). */
export async function registerHandedOver(ctx: Ctx, id: string, raw: unknown): Promise<{ id: string; registerNo: string }> {
  const d = parse(IncomingInput.pick({ complete: true, missingNote: true, attachments: true, copies: true }).partial({ copies: true, attachments: true }), raw, '收文登记');
  if (!isHub(ctx)) enforce([DOC25.block('转交的文件由综合科统一登记办理')]);
  if (!d.complete && !d.missingNote) enforce([DOC24.block('逐件核对发现不齐全的，请登记缺少的内容')]);
  return withTx(ctx, async (tx) => {
    const actor = requireActor(tx);
    const cur = await loadIncoming(tx.db, id, true);
    if (cur.status !== 'handed_over') throw errors.conflict('该文件已登记');
    const no = await nextRegisterNo(tx);
    const now = tx.clock.now();
    await tx.db.update(incomingDocuments).set({
      status: 'registered', ...no, complete: d.complete, missingNote: d.missingNote ?? null, copies: d.copies ?? cur.copies,
      attachments: d.attachments ? d.attachments.map((a) => ({ title: a.title, pages: a.pages ?? null })) : cur.attachments,
      registeredByPersonId: actor.personId, registeredAt: now, updatedAt: now,
    }).where(eq(incomingDocuments.id, id));
    await logEvent(tx, id, 'register', { fromLabel: (await unitNameOf(tx.db, cur.handedOverUnitId)) || (await nameOf(tx.db, cur.handedOverByPersonId)), toLabel: '综合科', text: `登记为${no.registerNo}` });
    await audit(tx, { event: 'documents.incoming.register', objectType: OBJ, objectId: id, detail: { registerNo: no.registerNo, handedOver: true } });
    return { id, registerNo: no.registerNo };
  });
}

/** 错投: returned to the sender or sent on to the right recipient; terminal (DOC-24). */
export async function markMisdelivered(ctx: Ctx, id: string, raw: unknown): Promise<{ status: string }> {
  const d = parse(MisdeliveredInput, raw, '错投处理');
  requireHub(ctx, DOC24, '错投文件的退回、转投');
  return withTx(ctx, async (tx) => {
    const cur = await loadIncoming(tx.db, id, true);
    enforce(notMisdelivered(cur.status));
    if (!['handed_over', 'registered'].includes(cur.status)) throw errors.conflict('文件已呈批或办理，不能再按错投处理');
    const status = d.action === '退回' ? 'returned' : 'forwarded';
    const record = { action: d.action, target: d.target, note: d.note ?? null, on: today(tx), by: tx.actor?.personId ?? null };
    await tx.db.update(incomingDocuments).set({ status, misdelivered: record, updatedAt: tx.clock.now() }).where(eq(incomingDocuments.id, id));
    await logEvent(tx, id, 'misdelivered', { fromLabel: '综合科', toLabel: d.target, text: `错投${d.action}${d.note ? `：${d.note}` : ''}` });
    await audit(tx, { event: 'documents.incoming.misdelivered', objectType: OBJ, objectId: id, detail: record });
    return { status };
  });
}

/**
 * 签至办领导批示 (DOC-26): the leader must be an 办领导; an urgent document may at the same time
 * be copied to the handling section (紧急公文可同时复印分送承办科室). Re-routing while waiting is allowed.
 */
export async function routeToLeader(ctx: Ctx, id: string, raw: unknown): Promise<{ status: string }> {
  const d = parse(RouteInput, raw, '呈批');
  requireHub(ctx, DOC26, '收文呈办领导批示');
  return withTx(ctx, async (tx) => {
    const cur = await loadIncoming(tx.db, id, true);
    enforce(notMisdelivered(cur.status));
    if (!['registered', 'awaiting_instruction'].includes(cur.status)) throw errors.conflict(cur.status === 'handed_over' ? '请先登记' : '该文件已批示');
    const date = today(tx);
    if (!(await isOfficeLeader(tx.db, d.leaderPersonId, date))) enforce([DOC26.block('收文须签至办领导（主任或副主任）批示')]);
    if (d.urgentCopy && cur.urgency === '非紧急') enforce([DOC26.block('只有紧急公文（特急、加急）可同时复印分送承办科室')]);
    if (d.urgentCopy && !d.handlingUnitId) enforce([DOC26.block('复印分送须选择承办科室')]);
    const unitName = d.handlingUnitId ? await assertUnit(tx.db, d.handlingUnitId) : null;
    const now = tx.clock.now();
    const leader = await nameOf(tx.db, d.leaderPersonId);
    await tx.db.update(incomingDocuments).set({ status: 'awaiting_instruction', proposal: d.proposal ?? null, instructionLeaderId: d.leaderPersonId, routedAt: now, handlingUnitId: d.handlingUnitId ?? cur.handlingUnitId, updatedAt: now })
      .where(eq(incomingDocuments.id, id));
    await logEvent(tx, id, 'route', { fromLabel: '综合科', toLabel: leader, text: `呈${leader}批示${d.proposal ? `；拟办意见：${d.proposal}` : ''}` });
    await notify(tx.db, { recipientPersonId: d.leaderPersonId, kind: 'remind', title: `请批示来文：${cur.title}`, body: `${cur.sender}${cur.senderDocNo ? ` ${cur.senderDocNo}` : ''}，收文编号${cur.registerNo}`, link: `/documents/incoming/${id}`, objectType: OBJ, objectId: id }, now);
    if (d.urgentCopy && d.handlingUnitId) {
      await logEvent(tx, id, 'urgent_copy', { fromLabel: '综合科', toLabel: unitName, text: `紧急公文（${cur.urgency}）复印分送承办科室` });
      const chief = await sectionChiefOf(tx.db, d.handlingUnitId, date);
      if (chief) await notify(tx.db, { recipientPersonId: chief.id, kind: 'info', title: `紧急来文复印件已分送：${cur.title}`, link: `/documents/incoming/${id}`, objectType: OBJ, objectId: id }, now);
    }
    await audit(tx, { event: 'documents.incoming.route', objectType: OBJ, objectId: id, detail: { leader: d.leaderPersonId, urgentCopy: d.urgentCopy, handlingUnitId: d.handlingUnitId ?? null } });
    return { status: 'awaiting_instruction' };
  });
}

/** The leader's 批示, recorded with its text and time (DOC-26). */
export async function recordInstruction(ctx: Ctx, id: string, raw: unknown): Promise<{ status: string }> {
  const d = parse(InstructInput, raw, '批示');
  return withTx(ctx, async (tx) => {
    const actor = requireActor(tx);
    const cur = await loadIncoming(tx.db, id, true);
    if (cur.status !== 'awaiting_instruction') throw errors.conflict('该文件不在待批示状态');
    if (cur.instructionLeaderId !== actor.personId) enforce([DOC26.block(`该文件已呈${await nameOf(tx.db, cur.instructionLeaderId)}批示，由其本人批示`)]);
    if (d.handlingUnitId) await assertUnit(tx.db, d.handlingUnitId);
    const now = tx.clock.now();
    await tx.db.update(incomingDocuments).set({ status: 'instructed', instructionText: d.text, instructedAt: now, handlingUnitId: d.handlingUnitId ?? cur.handlingUnitId, updatedAt: now })
      .where(eq(incomingDocuments.id, id));
    const leader = await nameOf(tx.db, actor.personId);
    await logEvent(tx, id, 'instruct', { fromLabel: leader, toLabel: '综合科', text: `批示：${d.text}` });
    for (const p of await clerks(tx.db, today(tx))) {
      await notify(tx.db, { recipientPersonId: p, kind: 'info', title: `${leader}已批示：${cur.title}`, body: d.text, link: `/documents/incoming/${id}`, objectType: OBJ, objectId: id }, now);
    }
    await audit(tx, { event: 'documents.incoming.instruct', objectType: OBJ, objectId: id, detail: { text: d.text } });
    return { status: 'instructed' };
  });
}

/**
 * 交承办科室 with a deadline (DOC-27): the sender's deadline if the document gives one, else
 * working days on the office calendar (DOC-27 defaultHandlingWorkingDays) from today.
 */
export async function assignHandling(ctx: Ctx, id: string, raw: unknown): Promise<{ dueDate: string }> {
  const d = parse(AssignInput, raw, '交办');
  requireHub(ctx, DOC26, '收文交办');
  return withTx(ctx, async (tx) => {
    const cur = await loadIncoming(tx.db, id, true);
    enforce(notMisdelivered(cur.status));
    if (['registered', 'awaiting_instruction'].includes(cur.status)) enforce([DOC26.block('需要办理的收文须先签至办领导批示，再交承办科室')]);
    if (cur.status !== 'instructed') throw errors.conflict('该文件已交办');
    const unitName = await assertUnit(tx.db, d.handlingUnitId);
    const date = today(tx);
    const dueDate = d.dueDate ?? cur.senderDueDate ?? (await addWorkingDays(tx.db, date, d.workingDays ?? DOC27.param('defaultHandlingWorkingDays')));
    if (dueDate < date) throw errors.badRequest('办理期限不能早于今天');
    const now = tx.clock.now();
    await tx.db.update(incomingDocuments).set({ status: 'in_handling', handlingUnitId: d.handlingUnitId, assignedAt: now, dueDate, effectiveDueDate: dueDate, updatedAt: now })
      .where(eq(incomingDocuments.id, id));
    await logEvent(tx, id, 'assign', { fromLabel: '综合科', toLabel: unitName, text: `交${unitName}办理，期限${dueDate}${d.dueDate || cur.senderDueDate ? '（来文时限）' : `（${d.workingDays ?? DOC27.param('defaultHandlingWorkingDays')}个工作日）`}` });
    const chief = await sectionChiefOf(tx.db, d.handlingUnitId, date);
    if (chief) await notify(tx.db, { recipientPersonId: chief.id, kind: 'remind', title: `交办来文：${cur.title}`, body: `请于${dueDate}前办理完毕；批示：${cur.instructionText ?? ''}`, link: `/documents/incoming/${id}`, objectType: OBJ, objectId: id }, now);
    await audit(tx, { event: 'documents.incoming.assign', objectType: OBJ, objectId: id, detail: { handlingUnitId: d.handlingUnitId, dueDate } });
    return { dueDate };
  });
}

/** The handling section (or 综合科) acts on the document it handles. */
function assertHandler(ctx: Ctx, cur: IncomingRow): void {
  const actor = requireActor(ctx);
  if (isHub(ctx)) return;
  if (!cur.handlingUnitId || !actor.unitIds.includes(cur.handlingUnitId)) throw errors.forbidden('只有承办科室或综合科可以办理该文件');
}

/** An agreed new reply time (DOC-27): only a recorded agreement with the sender moves the deadline. */
export async function recordExtension(ctx: Ctx, id: string, raw: unknown): Promise<{ counted: boolean; effectiveDueDate: string }> {
  const d = parse(ExtensionInput, raw, '商定回复时间');
  return withTx(ctx, async (tx) => {
    const actor = requireActor(tx);
    const cur = await loadIncoming(tx.db, id, true);
    assertHandler(tx, cur);
    if (cur.status !== 'in_handling' || !cur.effectiveDueDate) throw errors.conflict('只有承办中的文件可以商定延期');
    const date = today(tx);
    const { verdicts, counted } = extensionVerdicts({ ...d, effectiveDueDate: cur.effectiveDueDate, today: date });
    enforce(verdicts);
    const now = tx.clock.now();
    await tx.db.insert(incomingExtensions).values({
      id: newId('inx'), incomingId: id, agreedWith: d.agreedWith!, agreedOn: d.agreedOn!, previousDueDate: cur.effectiveDueDate, newDueDate: d.newDueDate,
      replyMethod: d.replyMethod!, note: d.note ?? null, counted, recordedByPersonId: actor.personId ?? actor.accountId, recordedAt: now,
    });
    const effectiveDueDate = counted ? d.newDueDate : cur.effectiveDueDate;
    await tx.db.update(incomingDocuments).set({ effectiveDueDate, updatedAt: now }).where(eq(incomingDocuments.id, id));
    await logEvent(tx, id, 'extension', {
      fromLabel: await unitNameOf(tx.db, cur.handlingUnitId), toLabel: cur.sender,
      text: counted ? `与${d.agreedWith}商定：回复时间改为${d.newDueDate}，方式：${d.replyMethod}` : `期限${cur.effectiveDueDate}已过后登记的商定（${d.newDueDate}），不改变期限，仍按逾期统计`,
    });
    await audit(tx, { event: 'documents.incoming.extension', objectType: OBJ, objectId: id, detail: { ...d, counted, previous: cur.effectiveDueDate } });
    return { counted, effectiveDueDate };
  });
}

/** 答复 / 办结: the result, and the outgoing reply document if there is one. */
export async function recordReply(ctx: Ctx, id: string, raw: unknown): Promise<{ status: string }> {
  const d = parse(ReplyInput, raw, '办理结果');
  return withTx(ctx, async (tx) => {
    const actor = requireActor(tx);
    const cur = await loadIncoming(tx.db, id, true);
    assertHandler(tx, cur);
    if (cur.status !== 'in_handling') throw errors.conflict('只有承办中的文件可以登记办理结果');
    let replyLabel = '';
    if (d.replyDocumentId) {
      const [doc] = await rows<{ title: string; doc_number: string | null }>(tx.db, sql`select title, doc_number from doc_outgoing where id = ${d.replyDocumentId}`);
      if (!doc) throw errors.badRequest('关联的复文不存在');
      replyLabel = `；复文：${doc.doc_number ?? ''}${doc.title}`;
    }
    const now = tx.clock.now();
    await tx.db.update(incomingDocuments).set({ status: 'completed', resultText: d.resultText, replyDocumentId: d.replyDocumentId ?? null, completedOn: today(tx), completedByPersonId: actor.personId, updatedAt: now })
      .where(eq(incomingDocuments.id, id));
    await logEvent(tx, id, 'reply', { fromLabel: await unitNameOf(tx.db, cur.handlingUnitId), toLabel: '综合科', text: `办结：${d.resultText}${replyLabel}` });
    for (const p of await clerks(tx.db, today(tx))) {
      await notify(tx.db, { recipientPersonId: p, kind: 'info', title: `来文已办结，待归档：${cur.title}`, link: `/documents/incoming/${id}`, objectType: OBJ, objectId: id }, now);
    }
    await audit(tx, { event: 'documents.incoming.reply', objectType: OBJ, objectId: id, detail: { resultText: d.resultText, replyDocumentId: d.replyDocumentId ?? null } });
    return { status: 'completed' };
  });
}

/** 归档 by 综合科: a handled document after 办结, or a 阅知 document after its 批示; never while out on circulation. */
export async function archiveIncoming(ctx: Ctx, id: string, raw: unknown): Promise<{ status: string }> {
  const d = parse(ArchiveInput, raw, '归档');
  requireHub(ctx);
  return withTx(ctx, async (tx) => {
    const cur = await loadIncoming(tx.db, id, true);
    enforce(notMisdelivered(cur.status));
    if (!['completed', 'instructed'].includes(cur.status)) throw errors.conflict(cur.status === 'archived' ? '该文件已归档' : '文件办结（或阅知件经领导批示）后方可归档');
    const [open] = await tx.db.select().from(incomingCirculation).where(and(eq(incomingCirculation.incomingId, id), isNull(incomingCirculation.returnedAt)));
    if (open) enforce([DOC28.block(`文件正在${await nameOf(tx.db, open.readerPersonId)}处传阅，须退回综合科后方可归档`)]);
    const now = tx.clock.now();
    await tx.db.update(incomingDocuments).set({ status: 'archived', archivedAt: now, archiveLocation: d.location ?? null, updatedAt: now }).where(eq(incomingDocuments.id, id));
    await logEvent(tx, id, 'archive', { fromLabel: '综合科', toLabel: '档案', text: `归档${d.location ? `（${d.location}）` : ''}` });
    await audit(tx, { event: 'documents.incoming.archive', objectType: OBJ, objectId: id, detail: { location: d.location ?? null } });
    return { status: 'archived' };
  });
}

async function openLeg(db: Db, id: string) {
  const [leg] = await db.select().from(incomingCirculation).where(and(eq(incomingCirculation.incomingId, id), isNull(incomingCirculation.returnedAt))).for('update');
  return leg ?? null;
}

/**
 * 传阅 (DOC-28): 综合科 sends one leg to one reader. The same call by a reader (passing it on) is
 * refused: the document goes back to 综合科 first. The partial unique index on the open leg backs
 * the row lock: two clerks can never have the same paper out twice.
 */
export async function sendCirculation(ctx: Ctx, id: string, raw: unknown): Promise<{ legNo: number }> {
  const d = parse(CirculateInput, raw, '传阅');
  return withTx(ctx, async (tx) => {
    const actor = requireActor(tx);
    const cur = await loadIncoming(tx.db, id, true);
    const leg = await openLeg(tx.db, id);
    enforce(circulationVerdicts({
      isHub: isHub(tx), actorPersonId: actor.personId, status: cur.status, classification: cur.classification, readerPersonId: d.readerPersonId,
      openLeg: leg ? { readerPersonId: leg.readerPersonId, readerName: await nameOf(tx.db, leg.readerPersonId) } : null,
    }));
    if (cur.status === 'handed_over') enforce([DOC23.block('文件须先由综合科登记，再传阅')]);
    if (cur.status === 'archived') throw errors.conflict('该文件已归档');
    const [reader] = await rows<{ name: string; unit_id: string | null }>(tx.db, sql`select name, unit_id from people where id = ${d.readerPersonId} and active`);
    if (!reader) throw errors.badRequest('传阅人不存在');
    const [n] = await rows<{ n: number }>(tx.db, sql`select coalesce(max(leg_no), 0)::int as n from doc_incoming_circulation where incoming_id = ${id}`);
    const legNo = n.n + 1;
    const now = tx.clock.now();
    await tx.db.insert(incomingCirculation).values({ id: newId('inl'), incomingId: id, legNo, readerPersonId: d.readerPersonId, readerUnitId: reader.unit_id, sentAt: now, sentByPersonId: actor.personId! });
    await logEvent(tx, id, 'circulate_out', { fromLabel: '综合科', toLabel: reader.name, text: `第${legNo}轮传阅` });
    await notify(tx.db, { recipientPersonId: d.readerPersonId, kind: 'remind', title: `传阅文件：${cur.title}`, body: '阅毕请退回综合科，不得直接转给他人（DOC-28）', link: `/documents/incoming/${id}`, objectType: OBJ, objectId: id }, now);
    await audit(tx, { event: 'documents.incoming.circulate', objectType: OBJ, objectId: id, detail: { legNo, reader: d.readerPersonId } });
    return { legNo };
  });
}

/** The reader marks the circulated document read (已阅), with an optional note. */
export async function markRead(ctx: Ctx, id: string, raw: unknown): Promise<{ legNo: number }> {
  const d = parse(ReadInput, raw, '阅件');
  return withTx(ctx, async (tx) => {
    const actor = requireActor(tx);
    await loadIncoming(tx.db, id, true);
    const leg = await openLeg(tx.db, id);
    if (!leg || leg.readerPersonId !== actor.personId) throw errors.conflict('该文件不在您处传阅');
    if (leg.readAt) throw errors.conflict('已登记阅毕');
    await tx.db.update(incomingCirculation).set({ readAt: tx.clock.now(), readNote: d.note ?? null }).where(eq(incomingCirculation.id, leg.id));
    await logEvent(tx, id, 'circulate_read', { fromLabel: await nameOf(tx.db, actor.personId), text: `已阅${d.note ? `：${d.note}` : ''}` });
    await audit(tx, { event: 'documents.incoming.read', objectType: OBJ, objectId: id, detail: { legNo: leg.legNo } });
    return { legNo: leg.legNo };
  });
}

/** The paper comes back: the clerk records its check (短缺? 批办意见?) and closes the leg (DOC-28). */
export async function returnCirculation(ctx: Ctx, id: string, raw: unknown): Promise<{ legNo: number }> {
  const d = parse(ReturnCheckInput, raw, '传阅退回检查');
  requireHub(ctx, DOC28, '传阅文件退回后的清理检查');
  return withTx(ctx, async (tx) => {
    const actor = requireActor(tx);
    await loadIncoming(tx.db, id, true);
    const leg = await openLeg(tx.db, id);
    if (!leg) throw errors.conflict('该文件没有在外传阅');
    await tx.db.update(incomingCirculation).set({ returnedAt: tx.clock.now(), returnedCheckedBy: actor.personId, missingPages: d.missingPages, hasInstructions: d.hasInstructions, checkNote: d.note ?? null })
      .where(eq(incomingCirculation.id, leg.id));
    const check = `${d.missingPages ? '有短缺' : '无短缺'}，${d.hasInstructions ? '有批办意见' : '无批办意见'}${d.note ? `；${d.note}` : ''}`;
    await logEvent(tx, id, 'circulate_return', { fromLabel: await nameOf(tx.db, leg.readerPersonId), toLabel: '综合科', text: `退回综合科，检查：${check}` });
    await audit(tx, { event: 'documents.incoming.circulation_return', objectType: OBJ, objectId: id, detail: { legNo: leg.legNo, ...d } });
    return { legNo: leg.legNo };
  });
}

/** 催办 by hand (综合科), recorded in the flow log; the handling section's head is told. */
export async function chaseIncoming(ctx: Ctx, id: string, raw: unknown): Promise<{ ok: true }> {
  const d = parse(ChaseInput, raw, '催办');
  requireHub(ctx, DOC27, '催办');
  return withTx(ctx, async (tx) => {
    const cur = await loadIncoming(tx.db, id, true);
    if (cur.status !== 'in_handling') throw errors.conflict('只有承办中的文件可以催办');
    const chief = cur.handlingUnitId ? await sectionChiefOf(tx.db, cur.handlingUnitId, today(tx)) : null;
    const now = tx.clock.now();
    if (chief) await notify(tx.db, { recipientPersonId: chief.id, kind: 'remind', title: `催办：${cur.title}`, body: `办理期限${cur.effectiveDueDate}${d.note ? `；${d.note}` : ''}`, link: `/documents/incoming/${id}`, objectType: OBJ, objectId: id }, now);
    await logEvent(tx, id, 'chase', { fromLabel: '综合科', toLabel: await unitNameOf(tx.db, cur.handlingUnitId), text: `催办${d.note ? `：${d.note}` : ''}` });
    await audit(tx, { event: 'documents.incoming.chase', objectType: OBJ, objectId: id, detail: { note: d.note ?? null } });
    return { ok: true };
  });
}

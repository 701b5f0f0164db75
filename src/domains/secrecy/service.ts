import { sql } from 'drizzle-orm';
import { lockNamed } from '../../kernel/db/mutex';
import { z } from 'zod';
import { requireActor, systemCtx, withTx, type Ctx } from '../../kernel/context';
import { rows, type Database } from '../../kernel/db';
import { audit } from '../../kernel/audit/write';
import { errors } from '../../kernel/errors';
import { newId } from '../../kernel/ids';
import { startFlow } from '../../kernel/flow';
import { addWorkingDays, isWorkingDay } from '../../kernel/calendar';
import { notify } from '../../kernel/notify';
import { enforce } from '../../kernel/rules';
import { localDate, type Clock } from '../../kernel/time';
import { hubChief, holdsPost } from '../seals/org';
import { regNo } from './flows';
import {
  archiveDeadline, checkCabinet, checkNoContent, checkNotTopSecret, checkScope, highestLevel, LEVEL_LABEL, LEVELS, SEC01, SEC02, SEC03, SEC04, SEC05, SEC07, SEC08, SEC09, SEC13, SEC24,
  type Level,
} from './rules';
import type { KnowledgeScope } from './schema';

/**
 * Commands of the classified register. Register, circulation, archive, lending, copying and
 * destruction are done by the 文书 (SEC-01), 绝密 only by the 绝密件专管人员 (SEC-03,
 * CONF-120); every action is audited in its transaction (SEC-09) and every view of the
 * register is audited too. Inputs are strict objects: a body, content or attachment field
 * is refused (SEC-23), and free text is checked not to be content (rules.ts).
 */
export const CLERK_POST = 'clerk';
export const CUSTODIAN_POST = 'top_secret_custodian';
export const OFFICER_POST = 'classification_officer';

export const today = (ctx: Ctx) => localDate(ctx.clock.now());
export const nowIso = (ctx: Ctx) => ctx.clock.now().toISOString();
export const Day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD');
export const LevelEnum = z.enum(LEVELS as [Level, ...Level[]], { error: '密级应为秘密、机密或绝密' });

export function parse<T>(schema: z.ZodType<T>, raw: unknown, what: string): T {
  const r = schema.safeParse(raw);
  if (!r.success) {
    const i = r.error.issues[0];
    const unknownKey = i.code === 'unrecognized_keys' ? `不能录入字段：${(i as { keys: string[] }).keys.join('、')}（涉密信息不上网，本系统只登记标识信息，SEC-23）` : null;
    throw errors.badRequest(`${what}填写有误：${unknownKey ?? `${i.path.join('.')} ${i.message}`}`, r.error.issues);
  }
  return r.data;
}

/** SEC-01 / SEC-03: who may handle a document of this level. */
export async function requireHandler(ctx: Ctx, level: string): Promise<string> {
  const me = requireActor(ctx).personId ?? '';
  const d = today(ctx);
  if (level === 'top_secret') {
    if (!(await holdsPost(ctx.db, me, CUSTODIAN_POST, d))) enforce([SEC03.block('绝密件只能由绝密件专管人员拆封、登记和办理')]);
  } else if (!(await holdsPost(ctx.db, me, CLERK_POST, d)) && !(await holdsPost(ctx.db, me, CUSTODIAN_POST, d))) {
    enforce([SEC01.block('涉密文件的收文、传文、档案管理由文书负责')]);
  }
  return me;
}

export interface DocLock { id: string; year: number; seq: number; level: Level; status: string; term: string; knowledge_scope: KnowledgeScope; direction: string; title: string }
export async function lockDoc(ctx: Ctx, id: string): Promise<DocLock> {
  const [d] = await rows<DocLock>(ctx.db, sql`select id, year, seq, level, status, term, knowledge_scope, direction, title from secrecy_documents where id = ${id} for update`);
  if (!d) throw errors.notFound('涉密文件登记');
  return d;
}

export async function personOf(ctx: Ctx, personId: string): Promise<{ id: string; unitId: string | null; name: string }> {
  const [p] = await rows<{ id: string; unitId: string | null; name: string }>(ctx.db, sql`select id, unit_id as "unitId", name from people where id = ${personId}`);
  if (!p) throw errors.notFound('人员');
  return p;
}

// ---------------------------------------------------------------- register

export const RegisterDocument = z.strictObject({
  title: z.string().trim().min(2, '请填写文件标题'),
  sourceOrg: z.string().trim().min(2, '请填写来文（制发）单位'),
  docNo: z.string().trim().optional(),
  level: LevelEnum,
  term: z.string().trim().min(1, '请填写保密期限').max(20),
  knowledgeScope: z.strictObject({ unitIds: z.array(z.string()).max(50).default([]), personIds: z.array(z.string()).max(100).default([]) }),
  copyNo: z.string().trim().min(1, '请填写份号').max(20),
  pages: z.number().int().min(1).max(10_000),
  direction: z.enum(['incoming', 'outgoing', 'internal']),
  receivedOn: Day,
});

export async function registerDocument(ctx: Ctx, raw: unknown): Promise<{ id: string; regNo: string }> {
  const input = parse(RegisterDocument, raw, '涉密文件登记');
  enforce([checkNoContent({ 文件标题: input.title, 来文单位: input.sourceOrg, 文号: input.docNo, 保密期限: input.term, 份号: input.copyNo })]);
  if (input.knowledgeScope.unitIds.length + input.knowledgeScope.personIds.length === 0) throw errors.badRequest('请登记知悉范围（科室或人员）');
  if (input.receivedOn > today(ctx)) throw errors.badRequest('收文（成文）日期不得晚于今天');
  return withTx(ctx, async (tx) => {
    const me = await requireHandler(tx, input.level);
    const year = Number(input.receivedOn.slice(0, 4));
    await lockNamed(tx.db, `secrecy_documents:${year}`);
    const [n] = await rows<{ seq: number }>(tx.db, sql`select coalesce(max(seq), 0)::int + 1 as seq from secrecy_documents where year = ${year}`);
    const id = newId('sdoc');
    await tx.db.execute(sql`insert into secrecy_documents (id, year, seq, title, source_org, doc_no, level, term, knowledge_scope, copy_no, pages, direction, received_on, status, registered_by, created_at)
      values (${id}, ${year}, ${n.seq}, ${input.title}, ${input.sourceOrg}, ${input.docNo ?? null}, ${input.level}, ${input.term}, ${JSON.stringify(input.knowledgeScope)}::jsonb, ${input.copyNo},
        ${input.pages}, ${input.direction}, ${input.receivedOn}, 'registered', ${me}, ${nowIso(tx)})`);
    await audit(tx, { event: 'secrecy.document.register', objectType: 'secrecy_document', objectId: id, detail: { regNo: regNo(year, n.seq), level: input.level, ruleIds: ['SEC-01', 'SEC-09'] } });
    return { id, regNo: regNo(year, n.seq) };
  });
}

export interface DocRow { id: string; regNo: string; year: number; title: string; sourceOrg: string; docNo: string | null; level: Level; levelLabel: string; term: string; knowledgeScope: KnowledgeScope;
  copyNo: string; pages: number; direction: string; receivedOn: string; status: string; cabinet: string | null; archivedOn: string | null; openLegs: number; openLoan: string | null; instructInstanceId: string | null }

const DOC_SELECT = sql`select d.id, d.year, d.seq, d.title, d.source_org as "sourceOrg", d.doc_no as "docNo", d.level, d.term, d.knowledge_scope as "knowledgeScope", d.copy_no as "copyNo", d.pages,
    d.direction, d.received_on::text as "receivedOn", d.status, d.cabinet, d.archived_on::text as "archivedOn", d.instruct_instance_id as "instructInstanceId",
    (select count(*)::int from secrecy_circulations c where c.document_id = d.id and c.returned_at is null) as "openLegs",
    (select l.status from secrecy_loans l where l.document_id = d.id and l.status in ('pending', 'approved', 'out') limit 1) as "openLoan"
  from secrecy_documents d`;
const docRow = (r: Omit<DocRow, 'regNo' | 'levelLabel'> & { seq: number }): DocRow => ({ ...r, regNo: regNo(r.year, r.seq), levelLabel: LEVEL_LABEL[r.level] });

/** The register, for 综合科 and the leaders (route permission); every view is audited. */
export async function listDocuments(ctx: Ctx, q: { year?: number; status?: string }): Promise<DocRow[]> {
  const where = [sql`true`];
  if (q.year) where.push(sql`d.year = ${q.year}`);
  if (q.status) where.push(sql`d.status = ${q.status}`);
  const found = await rows<Omit<DocRow, 'regNo' | 'levelLabel'> & { seq: number }>(ctx.db, sql`${DOC_SELECT} where ${sql.join(where, sql` and `)} order by d.year desc, d.seq desc limit 2000`);
  await audit(ctx, { event: 'secrecy.register.view', objectType: 'secrecy_document', detail: { rows: found.length, year: q.year ?? null, status: q.status ?? null } });
  return found.map(docRow);
}

export async function documentDetail(ctx: Ctx, id: string): Promise<DocRow & { legs: unknown[]; loans: unknown[]; copies: unknown[] }> {
  const [r] = await rows<Omit<DocRow, 'regNo' | 'levelLabel'> & { seq: number }>(ctx.db, sql`${DOC_SELECT} where d.id = ${id}`);
  if (!r) throw errors.notFound('涉密文件登记');
  const legs = await rows(ctx.db, sql`select c.id, u.name as "unitName", p.name as "holderName", c.due_date::text as "dueDate", c.sent_at as "sentAt", c.returned_at as "returnedAt"
    from secrecy_circulations c join org_units u on u.id = c.to_unit_id join people p on p.id = c.holder_person_id where c.document_id = ${id} order by c.sent_at`);
  const loans = await rows(ctx.db, sql`select l.id, p.name as "borrowerName", l.due_date::text as "dueDate", l.status, l.flow_instance_id as "flowInstanceId", l.returned_at as "returnedAt"
    from secrecy_loans l join people p on p.id = l.borrower_person_id where l.document_id = ${id} order by l.created_at`);
  const copies = await copyRows(ctx, sql`c.document_id = ${id}`);
  await audit(ctx, { event: 'secrecy.document.view', objectType: 'secrecy_document', objectId: id });
  return { ...docRow(r), legs, loans, copies };
}

// ---------------------------------------------------------------- instructions and circulation

/** SEC-02: an incoming document goes 文书 → 综合科负责人 → 主任, on the engine; nothing else is offered. */
export async function sendForInstruction(ctx: Ctx, id: string): Promise<{ instanceId: string }> {
  return withTx(ctx, async (tx) => {
    const doc = await lockDoc(tx, id);
    await requireHandler(tx, doc.level);
    if (doc.direction !== 'incoming') throw errors.badRequest('只有涉密来文需要呈送批示');
    if (doc.status !== 'registered') throw errors.conflict('该文件已呈送批示或已办理');
    const res = await startFlow(tx, 'secrecy.instruct', { form: { documentId: id, hubChiefId: (await hubChief(tx.db, today(tx))).id }, subjectType: 'secrecy_document', subjectId: id });
    await tx.db.execute(sql`update secrecy_documents set status = 'instructing', instruct_instance_id = ${res.instanceId} where id = ${id}`);
    await audit(tx, { event: 'secrecy.document.instruct', objectType: 'secrecy_document', objectId: id, detail: { instanceId: res.instanceId, ruleId: SEC02.id } });
    return { instanceId: res.instanceId };
  });
}

export const Circulate = z.strictObject({ toUnitId: z.string().min(1), holderPersonId: z.string().min(1) });

/** SEC-04 + SEC-19: one leg at a time, out from and back to 文书, only inside the knowledge scope. */
export async function circulate(ctx: Ctx, id: string, raw: unknown): Promise<{ legId: string; dueDate: string }> {
  const input = parse(Circulate, raw, '传阅');
  return withTx(ctx, async (tx) => {
    const doc = await lockDoc(tx, id);
    const me = await requireHandler(tx, doc.level);
    if (doc.direction === 'incoming' && doc.status !== 'instructed') enforce([SEC02.block('涉密来文须经综合科负责人签批、主任批示后，按批示要求传递')]);
    if (doc.status === 'archived' || doc.status === 'destroyed') throw errors.conflict('已归档或销毁的文件不能传阅，请办理借阅');
    const holder = await personOf(tx, input.holderPersonId);
    if (holder.unitId !== input.toUnitId) throw errors.badRequest('接收人不属于所选科室');
    enforce([checkScope(doc.knowledge_scope, holder, holder.name)]);
    const [open] = await rows<{ n: number }>(tx.db, sql`select count(*)::int as n from secrecy_circulations where document_id = ${id} and returned_at is null`);
    if (open.n > 0) enforce([SEC04.block('上一位传阅人尚未将文件交回文书，文件须交回文书后再传递，不得横向传阅')]);
    const dueDate = await addWorkingDays(tx.db, today(tx), SEC04.param('legReturnWorkingDays'));
    const legId = newId('scir');
    await tx.db.execute(sql`insert into secrecy_circulations (id, document_id, to_unit_id, holder_person_id, due_date, sent_by, sent_at)
      values (${legId}, ${id}, ${input.toUnitId}, ${holder.id}, ${dueDate}, ${me}, ${nowIso(tx)})`);
    await audit(tx, { event: 'secrecy.circulation.send', objectType: 'secrecy_document', objectId: id, detail: { legId, to: holder.id, dueDate } });
    return { legId, dueDate };
  });
}

export async function returnLeg(ctx: Ctx, legId: string): Promise<void> {
  await withTx(ctx, async (tx) => {
    const [leg] = await rows<{ document_id: string; returned_at: string | null }>(tx.db, sql`select document_id, returned_at from secrecy_circulations where id = ${legId} for update`);
    if (!leg) throw errors.notFound('传阅记录');
    const doc = await lockDoc(tx, leg.document_id);
    const me = await requireHandler(tx, doc.level);
    if (leg.returned_at) throw errors.conflict('该传阅件已交回');
    await tx.db.execute(sql`update secrecy_circulations set returned_at = ${nowIso(tx)}, received_by = ${me} where id = ${legId}`);
    await audit(tx, { event: 'secrecy.circulation.return', objectType: 'secrecy_document', objectId: doc.id, detail: { legId } });
  });
}

// ---------------------------------------------------------------- archive (SEC-13, SEC-14)

export const Archive = z.strictObject({ cabinet: z.string().trim().min(1, '请填写保密柜编号').max(40), compartmentLevel: LevelEnum });

export async function archiveDocument(ctx: Ctx, id: string, raw: unknown): Promise<void> {
  const input = parse(Archive, raw, '归档');
  enforce([checkNoContent({ 保密柜: input.cabinet })]);
  await withTx(ctx, async (tx) => {
    const doc = await lockDoc(tx, id);
    await requireHandler(tx, doc.level);
    if (doc.status === 'archived' || doc.status === 'destroyed') throw errors.conflict('该文件已归档或销毁');
    if (doc.status === 'instructing') enforce([SEC02.block('文件尚在签批中，批示后方可归档')]);
    const [open] = await rows<{ n: number }>(tx.db, sql`select count(*)::int as n from secrecy_circulations where document_id = ${id} and returned_at is null`);
    if (open.n > 0) enforce([SEC04.block('有传阅件尚未交回文书，不得归档')]);
    enforce([checkCabinet(doc.level, input.compartmentLevel)]);
    await tx.db.execute(sql`update secrecy_documents set status = 'archived', cabinet = ${input.cabinet}, archived_on = ${today(tx)} where id = ${id}`);
    await audit(tx, { event: 'secrecy.document.archive', objectType: 'secrecy_document', objectId: id, detail: { cabinet: input.cabinet, level: doc.level } });
  });
}

/** SEC-13 report: documents of past years not archived, due 31 March of the next year. */
export async function archiveReport(ctx: Ctx, asOf = today(ctx)): Promise<{ id: string; regNo: string; levelLabel: string; year: number; deadline: string; state: 'overdue' | 'due' | 'open' }[]> {
  const y = Number(asOf.slice(0, 4));
  const found = await rows<{ id: string; year: number; seq: number; level: Level }>(ctx.db, sql`select id, year, seq, level from secrecy_documents
    where status not in ('archived', 'destroyed') and year < ${y} order by year, seq`);
  const from = SEC13.param('reminderFrom');
  return found.map((d) => {
    const deadline = archiveDeadline(d.year);
    const state = asOf > deadline ? 'overdue' : asOf >= `${d.year + 1}-${from}` ? 'due' : 'open';
    return { id: d.id, regNo: regNo(d.year, d.seq), levelLabel: LEVEL_LABEL[d.level], year: d.year, deadline, state };
  });
}

// ---------------------------------------------------------------- loans (SEC-05, SEC-06)

export const LoanRequest = z.strictObject({ regNo: z.string().regex(/^\d{4}-\d{4}$/, '登记号格式如 2026-0001'), purpose: z.string().trim().min(2, '请填写借阅事由'), dueDate: Day.optional() });

export async function docByRegNo(ctx: Ctx, no: string, lock = false): Promise<DocLock> {
  const [y, s] = no.split('-').map(Number);
  const [d] = await rows<{ id: string }>(ctx.db, sql`select id from secrecy_documents where year = ${y} and seq = ${s}`);
  if (!d) throw errors.notFound(`登记号 ${no} 的涉密文件`);
  return lock ? lockDoc(ctx, d.id) : lockDoc(ctx, d.id);
}

/** A section asks to borrow an archived document; one open loan per paper copy (locked row + unique index). */
export async function requestLoan(ctx: Ctx, raw: unknown): Promise<{ id: string; instanceId: string }> {
  const input = parse(LoanRequest, raw, '借阅申请');
  enforce([checkNoContent({ 借阅事由: input.purpose })]);
  return withTx(ctx, async (tx) => {
    const doc = await docByRegNo(tx, input.regNo, true);
    enforce([checkNotTopSecret(doc.level, '借阅')]);
    if (!input.dueDate) enforce([SEC05.block('借阅涉密文件须限期归还，请填写归还日期')]);
    const dueDate = input.dueDate!;
    if (dueDate < today(tx)) throw errors.badRequest('归还日期不得早于今天');
    if (doc.status !== 'archived') enforce([SEC05.block('借阅手续适用于已归档的涉密文件；未归档的文件按批示传阅')]);
    const me = await personOf(tx, requireActor(tx).personId ?? '');
    enforce([checkScope(doc.knowledge_scope, me, '借阅人')]);
    const [open] = await rows<{ n: number }>(tx.db, sql`select count(*)::int as n from secrecy_loans where document_id = ${doc.id} and status in ('pending', 'approved', 'out')`);
    if (open.n > 0) throw errors.conflict('该份涉密文件已有借阅申请或已借出，归还后方可再借');
    const id = newId('sloan');
    await tx.db.execute(sql`insert into secrecy_loans (id, document_id, borrower_person_id, purpose, due_date, status, created_at)
      values (${id}, ${doc.id}, ${me.id}, ${input.purpose}, ${dueDate}, 'pending', ${nowIso(tx)})`);
    const res = await startFlow(tx, 'secrecy.loan', { form: { loanId: id, documentId: doc.id, hubChiefId: (await hubChief(tx.db, today(tx))).id }, subjectType: 'secrecy_loan', subjectId: id });
    await tx.db.execute(sql`update secrecy_loans set flow_instance_id = ${res.instanceId} where id = ${id}`);
    await audit(tx, { event: 'secrecy.loan.request', objectType: 'secrecy_document', objectId: doc.id, detail: { loanId: id, dueDate, instanceId: res.instanceId } });
    return { id, instanceId: res.instanceId };
  });
}

async function lockLoan(ctx: Ctx, id: string): Promise<{ id: string; document_id: string; status: string }> {
  const [l] = await rows<{ id: string; document_id: string; status: string }>(ctx.db, sql`select id, document_id, status from secrecy_loans where id = ${id} for update`);
  if (!l) throw errors.notFound('借阅记录');
  return l;
}

/** 文书 hands the document out on an approved loan, and takes it back. */
export async function lendOut(ctx: Ctx, loanId: string): Promise<void> {
  await withTx(ctx, async (tx) => {
    const l = await lockLoan(tx, loanId);
    const doc = await lockDoc(tx, l.document_id);
    const me = await requireHandler(tx, doc.level);
    if (l.status !== 'approved') enforce([SEC05.block('借阅申请尚未经综合科负责人批准，不得借出')]);
    await tx.db.execute(sql`update secrecy_loans set status = 'out', lent_at = ${nowIso(tx)}, lent_by = ${me} where id = ${loanId}`);
    await audit(tx, { event: 'secrecy.loan.out', objectType: 'secrecy_document', objectId: doc.id, detail: { loanId } });
  });
}

export async function returnLoan(ctx: Ctx, loanId: string): Promise<void> {
  await withTx(ctx, async (tx) => {
    const l = await lockLoan(tx, loanId);
    const doc = await lockDoc(tx, l.document_id);
    await requireHandler(tx, doc.level);
    if (l.status !== 'out') throw errors.conflict('该借阅未处于借出状态');
    await tx.db.execute(sql`update secrecy_loans set status = 'returned', returned_at = ${nowIso(tx)} where id = ${loanId}`);
    await audit(tx, { event: 'secrecy.loan.return', objectType: 'secrecy_document', objectId: doc.id, detail: { loanId } });
  });
}

export interface LoanRow { id: string; regNo: string; levelLabel: string; borrowerName: string; unitName: string | null; purpose: string; dueDate: string; status: string; flowInstanceId: string | null; overdue: boolean; documentId: string }

/** Loans (all for the register keepers; one's own otherwise); overdue = out past its due date (SEC-05). */
export async function listLoans(ctx: Ctx, q: { scope: 'mine' | 'all'; asOf?: string }): Promise<LoanRow[]> {
  const d = q.asOf ?? today(ctx);
  const where = q.scope === 'all' ? sql`true` : sql`l.borrower_person_id = ${requireActor(ctx).personId ?? ''}`;
  const found = await rows<Omit<LoanRow, 'regNo' | 'levelLabel'> & { year: number; seq: number; level: Level }>(ctx.db, sql`select l.id, d.year, d.seq, d.level, p.name as "borrowerName", u.name as "unitName",
      l.purpose, l.due_date::text as "dueDate", l.status, l.flow_instance_id as "flowInstanceId", (l.status = 'out' and l.due_date < ${d}) as overdue, l.document_id as "documentId"
    from secrecy_loans l join secrecy_documents d on d.id = l.document_id join people p on p.id = l.borrower_person_id left join org_units u on u.id = p.unit_id
    where ${where} order by l.created_at desc limit 1000`);
  return found.map((r) => ({ ...r, regNo: regNo(r.year, r.seq), levelLabel: LEVEL_LABEL[r.level] }));
}

// ---------------------------------------------------------------- copies and excerpts (SEC-06, SEC-07, SEC-08)

export const CopyRequest = z.strictObject({ regNo: z.string().regex(/^\d{4}-\d{4}$/, '登记号格式如 2026-0001'), kind: z.enum(['copy', 'excerpt']), count: z.number().int().min(1).max(20).default(1), reason: z.string().trim().min(2, '请填写工作需要的理由') });

export async function requestCopies(ctx: Ctx, raw: unknown): Promise<{ id: string; instanceId: string }> {
  const input = parse(CopyRequest, raw, input0(raw));
  enforce([checkNoContent({ 理由: input.reason })]);
  return withTx(ctx, async (tx) => {
    const doc = await docByRegNo(tx, input.regNo);
    enforce([checkNotTopSecret(doc.level, input.kind === 'copy' ? '翻印（复制）' : '摘录')]);
    if (doc.status === 'destroyed') throw errors.conflict('该文件已销毁');
    const me = await personOf(tx, requireActor(tx).personId ?? '');
    enforce([checkScope(doc.knowledge_scope, me, '申请人')]);
    const id = newId('screq');
    const count = input.kind === 'excerpt' ? 1 : input.count;
    await tx.db.execute(sql`insert into secrecy_copy_requests (id, document_id, kind, applicant_person_id, count, reason, status, created_at)
      values (${id}, ${doc.id}, ${input.kind}, ${me.id}, ${count}, ${input.reason}, 'pending', ${nowIso(tx)})`);
    const res = await startFlow(tx, 'secrecy.copy', { form: { requestId: id, documentId: doc.id, kind: input.kind, count }, subjectType: 'secrecy_copy_request', subjectId: id });
    await tx.db.execute(sql`update secrecy_copy_requests set flow_instance_id = ${res.instanceId} where id = ${id}`);
    await audit(tx, { event: `secrecy.${input.kind}.request`, objectType: 'secrecy_document', objectId: doc.id, detail: { requestId: id, count, instanceId: res.instanceId } });
    return { id, instanceId: res.instanceId };
  });
}
const input0 = (raw: unknown) => ((raw as { kind?: string })?.kind === 'excerpt' ? '摘抄申请' : '复制申请');

/**
 * 综合科 makes the approved copies (SEC-07): numbered C1…Cn, each stamped “白城市扶贫办综合科”
 * and inheriting the original's level, term and scope; an excerpt becomes record E1… (SEC-08).
 */
export async function makeCopies(ctx: Ctx, requestId: string): Promise<{ copyNos: string[] }> {
  return withTx(ctx, async (tx) => {
    const [r] = await rows<{ document_id: string; kind: 'copy' | 'excerpt'; count: number; status: string; applicant_person_id: string }>(tx.db,
      sql`select document_id, kind, count, status, applicant_person_id from secrecy_copy_requests where id = ${requestId} for update`);
    if (!r) throw errors.notFound('复制（摘抄）申请');
    const doc = await lockDoc(tx, r.document_id);
    const me = await requireHandler(tx, doc.level);
    enforce([checkNotTopSecret(doc.level, r.kind === 'copy' ? '翻印（复制）' : '摘录')]);
    if (r.status === 'made') throw errors.conflict('该申请已办理');
    if (r.status !== 'approved') enforce([(r.kind === 'copy' ? SEC07 : SEC08).block(`${r.kind === 'copy' ? '复制' : '摘抄'}须经主管办领导批准，该申请尚未批准`)]);
    const prefix = r.kind === 'copy' ? 'C' : 'E';
    const [n] = await rows<{ n: number }>(tx.db, sql`select count(*)::int as n from secrecy_copies where document_id = ${doc.id} and kind = ${r.kind}`);
    const copyNos: string[] = [];
    for (let i = 1; i <= r.count; i++) {
      const copyNo = `${prefix}${n.n + i}`;
      copyNos.push(copyNo);
      await tx.db.execute(sql`insert into secrecy_copies (id, document_id, request_id, kind, copy_no, level, term, knowledge_scope, stamp_text, holder_person_id, made_by, created_at)
        values (${newId('scopy')}, ${doc.id}, ${requestId}, ${r.kind}, ${copyNo}, ${doc.level}, ${doc.term}, ${JSON.stringify(doc.knowledge_scope)}::jsonb,
          ${r.kind === 'copy' ? SEC07.param('stampText') : null}, ${r.applicant_person_id}, ${me}, ${nowIso(tx)})`);
    }
    await tx.db.execute(sql`update secrecy_copy_requests set status = 'made' where id = ${requestId}`);
    await audit(tx, { event: `secrecy.${r.kind}.make`, objectType: 'secrecy_document', objectId: doc.id, detail: { requestId, copyNos } });
    return { copyNos };
  });
}

export const CopyAction = z.strictObject({ action: z.enum(['return', 'destroy', 'other_use']), otherUse: z.string().trim().max(60).optional() });

/** A copy comes back to 综合科 and is destroyed, or another use is registered (SEC-07); excerpts are cleared the same way (SEC-08). */
export async function actOnCopy(ctx: Ctx, copyId: string, raw: unknown): Promise<void> {
  const input = parse(CopyAction, raw, '复制件登记');
  if (input.otherUse) enforce([checkNoContent({ 其他用途: input.otherUse })]);
  await withTx(ctx, async (tx) => {
    const [c] = await rows<{ document_id: string; level: string; returned_at: string | null; destroyed_at: string | null; kind: string }>(tx.db,
      sql`select document_id, level, returned_at, destroyed_at, kind from secrecy_copies where id = ${copyId} for update`);
    if (!c) throw errors.notFound('复制件');
    await requireHandler(tx, c.level);
    if (c.destroyed_at) throw errors.conflict('该复制件已销毁');
    const now = nowIso(tx);
    if (input.action === 'return') {
      if (c.returned_at) throw errors.conflict('该复制件已退回');
      await tx.db.execute(sql`update secrecy_copies set returned_at = ${now} where id = ${copyId}`);
    } else if (input.action === 'destroy') {
      if (!c.returned_at) enforce([SEC07.block('复制件须先退回综合科，再由综合科销毁')]);
      await tx.db.execute(sql`update secrecy_copies set destroyed_at = ${now} where id = ${copyId}`);
    } else {
      if (!input.otherUse) throw errors.badRequest('请登记复制件的其他用途');
      await tx.db.execute(sql`update secrecy_copies set other_use = ${input.otherUse} where id = ${copyId}`);
    }
    await audit(tx, { event: `secrecy.copy.${input.action}`, objectType: 'secrecy_document', objectId: c.document_id, detail: { copyId, otherUse: input.otherUse ?? null } });
  });
}

export interface CopyRow { id: string; regNo: string; kind: string; copyNo: string; level: Level; levelLabel: string; term: string; knowledgeScope: KnowledgeScope; stampText: string | null;
  holderName: string; createdAt: string; returnedAt: string | null; destroyedAt: string | null; otherUse: string | null }

async function copyRows(ctx: Ctx, where: ReturnType<typeof sql>): Promise<CopyRow[]> {
  const found = await rows<Omit<CopyRow, 'regNo' | 'levelLabel'> & { year: number; seq: number }>(ctx.db, sql`select c.id, d.year, d.seq, c.kind, c.copy_no as "copyNo", c.level, c.term,
      c.knowledge_scope as "knowledgeScope", c.stamp_text as "stampText", p.name as "holderName", c.created_at::text as "createdAt", c.returned_at::text as "returnedAt",
      c.destroyed_at::text as "destroyedAt", c.other_use as "otherUse"
    from secrecy_copies c join secrecy_documents d on d.id = c.document_id join people p on p.id = c.holder_person_id where ${where} order by d.year, d.seq, c.kind, c.created_at, c.copy_no`);
  return found.map((r) => ({ ...r, regNo: regNo(r.year, r.seq), levelLabel: LEVEL_LABEL[r.level] }));
}

/** SEC-07 / SEC-08 report: copies and excerpts not destroyed and with no other use registered. */
export async function outstandingCopies(ctx: Ctx): Promise<CopyRow[]> {
  return copyRows(ctx, sql`c.destroyed_at is null and c.other_use is null`);
}

export async function listCopyRequests(ctx: Ctx, q: { scope: 'mine' | 'all' }): Promise<unknown[]> {
  const where = q.scope === 'all' ? sql`true` : sql`r.applicant_person_id = ${requireActor(ctx).personId ?? ''}`;
  const found = await rows<{ id: string; year: number; seq: number; kind: string; count: number; status: string; applicantName: string; flowInstanceId: string | null; level: Level }>(ctx.db,
    sql`select r.id, d.year, d.seq, d.level, r.kind, r.count, r.status, p.name as "applicantName", r.flow_instance_id as "flowInstanceId"
      from secrecy_copy_requests r join secrecy_documents d on d.id = r.document_id join people p on p.id = r.applicant_person_id where ${where} order by r.created_at desc limit 500`);
  return found.map((r) => ({ ...r, regNo: regNo(r.year, r.seq), levelLabel: LEVEL_LABEL[r.level] }));
}

// ---------------------------------------------------------------- destruction (SEC-09)

export const DestroyRequest = z.strictObject({ reason: z.string().trim().min(2, '请填写销毁理由') });
export const DestroyExecute = z.strictObject({ method: z.enum(['shred', 'burn', 'authority'], { error: '销毁方式应为粉碎、焚毁或送保密部门销毁' }), witnessPersonId: z.string().min(1, '请登记监销人') });
const METHOD_LABEL: Record<string, string> = { shred: '粉碎', burn: '焚毁', authority: '送保密工作部门销毁' };

export async function requestDestruction(ctx: Ctx, id: string, raw: unknown): Promise<{ id: string; instanceId: string }> {
  const input = parse(DestroyRequest, raw, '销毁申请');
  enforce([checkNoContent({ 销毁理由: input.reason })]);
  return withTx(ctx, async (tx) => {
    const doc = await lockDoc(tx, id);
    await requireHandler(tx, doc.level);
    if (doc.status === 'destroyed') throw errors.conflict('该文件已销毁');
    const [open] = await rows<{ n: number }>(tx.db, sql`select (select count(*) from secrecy_circulations where document_id = ${id} and returned_at is null)
      + (select count(*) from secrecy_loans where document_id = ${id} and status in ('approved', 'out'))::int as n`);
    if (Number(open.n) > 0) enforce([SEC04.block('有传阅件或借出件尚未收回，不得销毁')]);
    const d = today(tx);
    const [officer] = await rows<{ person_id: string }>(tx.db, sql`select person_id from post_holdings where post_code = ${OFFICER_POST} and start_date <= ${d} and (end_date is null or end_date >= ${d}) order by person_id limit 1`);
    if (!officer) throw errors.unprocessable('FLOW_NO_APPROVER', '定密责任人未在组织机构中登记（CONF-123）');
    const did = newId('sdes');
    await tx.db.execute(sql`insert into secrecy_destructions (id, document_id, reason, status, created_at) values (${did}, ${id}, ${input.reason}, 'pending', ${nowIso(tx)})`)
      .catch(() => { throw errors.conflict('该文件已有销毁申请'); });
    const res = await startFlow(tx, 'secrecy.destroy', { form: { destructionId: did, documentId: id, hubChiefId: (await hubChief(tx.db, d)).id, officerId: officer.person_id }, subjectType: 'secrecy_destruction', subjectId: did });
    await tx.db.execute(sql`update secrecy_destructions set flow_instance_id = ${res.instanceId} where id = ${did}`);
    await audit(tx, { event: 'secrecy.destroy.request', objectType: 'secrecy_document', objectId: id, detail: { destructionId: did, instanceId: res.instanceId } });
    return { id: did, instanceId: res.instanceId };
  });
}

/**
 * The approved destruction is carried out by the handler with a second person present as
 * 监销人 (reading: the seed names no witnesses; one executor plus one witness, both recorded).
 */
export async function executeDestruction(ctx: Ctx, destructionId: string, raw: unknown): Promise<void> {
  const input = parse(DestroyExecute, raw, '销毁登记');
  await withTx(ctx, async (tx) => {
    const [x] = await rows<{ document_id: string; status: string }>(tx.db, sql`select document_id, status from secrecy_destructions where id = ${destructionId} for update`);
    if (!x) throw errors.notFound('销毁申请');
    const doc = await lockDoc(tx, x.document_id);
    const me = await requireHandler(tx, doc.level);
    if (x.status !== 'approved') enforce([SEC09.block('涉密文件销毁须经综合科负责人和定密责任人批准，该申请尚未批准')]);
    if (input.witnessPersonId === me) throw errors.badRequest('监销人不能是销毁执行人本人');
    await personOf(tx, input.witnessPersonId);
    await tx.db.execute(sql`update secrecy_destructions set status = 'done', method = ${input.method}, executed_by = ${me}, witness_person_id = ${input.witnessPersonId}, executed_at = ${nowIso(tx)} where id = ${destructionId}`);
    await tx.db.execute(sql`update secrecy_documents set status = 'destroyed', destroyed_on = ${today(tx)} where id = ${doc.id}`);
    await audit(tx, { event: 'secrecy.destroy.execute', objectType: 'secrecy_document', objectId: doc.id, detail: { destructionId, method: METHOD_LABEL[input.method], witness: input.witnessPersonId } });
  });
}

export async function listDestructions(ctx: Ctx): Promise<unknown[]> {
  const found = await rows<{ id: string; year: number; seq: number; level: Level; reason: string; status: string; method: string | null; executedBy: string | null; witness: string | null; executedAt: string | null; flowInstanceId: string | null }>(ctx.db,
    sql`select x.id, d.year, d.seq, d.level, x.reason, x.status, x.method, e.name as "executedBy", w.name as witness, x.executed_at::text as "executedAt", x.flow_instance_id as "flowInstanceId"
      from secrecy_destructions x join secrecy_documents d on d.id = x.document_id left join people e on e.id = x.executed_by left join people w on w.id = x.witness_person_id order by x.created_at desc`);
  return found.map((r) => ({ ...r, regNo: regNo(r.year, r.seq), levelLabel: LEVEL_LABEL[r.level], methodLabel: r.method ? METHOD_LABEL[r.method] : null }));
}

// ---------------------------------------------------------------- storage media (SEC-24)

export const RegisterMedium = z.strictObject({
  number: z.string().trim().min(2, '请填写保密机构统一编号').max(30),
  kind: z.enum(['usb', 'disk', 'optical', 'tape', 'other']),
  custodianPersonId: z.string().min(1, '请指定管理责任人'),
  location: z.string().trim().min(2, '请填写统一保管地点'),
  privateDevice: z.boolean(),
});

export async function registerMedium(ctx: Ctx, raw: unknown): Promise<{ id: string }> {
  const input = parse(RegisterMedium, raw, '存储介质登记');
  enforce([checkNoContent({ 编号: input.number, 保管地点: input.location })]);
  if (input.privateDevice) enforce([SEC24.block('严禁使用私人计算机和存储介质处理和存储涉密信息')]);
  return withTx(ctx, async (tx) => {
    await requireHandler(tx, 'secret');
    await personOf(tx, input.custodianPersonId);
    const id = newId('smed');
    await tx.db.execute(sql`insert into secrecy_media (id, number, kind, custodian_person_id, location, level, created_at)
      values (${id}, ${input.number}, ${input.kind}, ${input.custodianPersonId}, ${input.location}, null, ${nowIso(tx)})`).catch(() => { throw errors.conflict(`编号 ${input.number} 已登记`); });
    await audit(tx, { event: 'secrecy.medium.register', objectType: 'secrecy_medium', objectId: id, detail: { number: input.number } });
    return { id };
  });
}

export const MediumItem = z.strictObject({ label: z.string().trim().min(1, '请填写存储条目名称'), level: LevelEnum });

/** SEC-24: adding an item raises the medium's level at once to the highest level of its contents. */
export async function addMediumItem(ctx: Ctx, mediumId: string, raw: unknown): Promise<{ id: string; level: Level }> {
  const input = parse(MediumItem, raw, '存储条目');
  enforce([checkNoContent({ 条目名称: input.label })]);
  return withTx(ctx, async (tx) => {
    const m = await lockMedium(tx, mediumId);
    await requireHandler(tx, input.level === 'top_secret' ? 'top_secret' : 'secret');
    const id = newId('smit');
    await tx.db.execute(sql`insert into secrecy_media_items (id, medium_id, label, level, added_at) values (${id}, ${mediumId}, ${input.label}, ${input.level}, ${nowIso(tx)})`);
    const level = highestLevel([m.level ?? '', input.level].filter(Boolean))!;
    await tx.db.execute(sql`update secrecy_media set level = ${level} where id = ${mediumId}`);
    await audit(tx, { event: 'secrecy.medium.item_add', objectType: 'secrecy_medium', objectId: mediumId, detail: { itemId: id, itemLevel: input.level, level } });
    return { id, level };
  });
}

/** Removing an item never lowers the marked level by itself: the custodian re-evaluates (AS-E25). */
export async function removeMediumItem(ctx: Ctx, itemId: string): Promise<void> {
  await withTx(ctx, async (tx) => {
    const [it] = await rows<{ medium_id: string; removed_at: string | null; level: string }>(tx.db, sql`select medium_id, removed_at, level from secrecy_media_items where id = ${itemId} for update`);
    if (!it) throw errors.notFound('存储条目');
    await lockMedium(tx, it.medium_id);
    await requireHandler(tx, it.level === 'top_secret' ? 'top_secret' : 'secret');
    if (it.removed_at) throw errors.conflict('该条目已删除');
    await tx.db.execute(sql`update secrecy_media_items set removed_at = ${nowIso(tx)} where id = ${itemId}`);
    await audit(tx, { event: 'secrecy.medium.item_remove', objectType: 'secrecy_medium', objectId: it.medium_id, detail: { itemId } });
  });
}

export async function reevaluateMedium(ctx: Ctx, mediumId: string): Promise<{ from: Level | null; to: Level | null }> {
  return withTx(ctx, async (tx) => {
    const m = await lockMedium(tx, mediumId);
    if (requireActor(tx).personId !== m.custodian_person_id) enforce([SEC24.block('存储介质的密级只能由其管理责任人重新评定')]);
    const items = await rows<{ level: string }>(tx.db, sql`select level from secrecy_media_items where medium_id = ${mediumId} and removed_at is null`);
    const to = highestLevel(items.map((i) => i.level));
    await tx.db.execute(sql`update secrecy_media set level = ${to} where id = ${mediumId}`);
    await audit(tx, { event: 'secrecy.medium.reevaluate', objectType: 'secrecy_medium', objectId: mediumId, detail: { from: m.level, to, ruleId: SEC24.id } });
    return { from: m.level as Level | null, to };
  });
}

async function lockMedium(ctx: Ctx, id: string): Promise<{ id: string; level: string | null; custodian_person_id: string }> {
  const [m] = await rows<{ id: string; level: string | null; custodian_person_id: string }>(ctx.db, sql`select id, level, custodian_person_id from secrecy_media where id = ${id} for update`);
  if (!m) throw errors.notFound('存储介质');
  return m;
}

export async function listMedia(ctx: Ctx): Promise<unknown[]> {
  const media = await rows<{ id: string; number: string; kind: string; custodianName: string; custodianPersonId: string; location: string; level: Level | null }>(ctx.db,
    sql`select m.id, m.number, m.kind, p.name as "custodianName", m.custodian_person_id as "custodianPersonId", m.location, m.level from secrecy_media m join people p on p.id = m.custodian_person_id order by m.number`);
  const items = await rows<{ id: string; mediumId: string; label: string; level: Level }>(ctx.db, sql`select id, medium_id as "mediumId", label, level from secrecy_media_items where removed_at is null order by added_at`);
  await audit(ctx, { event: 'secrecy.media.view', objectType: 'secrecy_medium', detail: { rows: media.length } });
  return media.map((m) => {
    const mine = items.filter((i) => i.mediumId === m.id).map((i) => ({ ...i, levelLabel: LEVEL_LABEL[i.level] }));
    const computed = highestLevel(mine.map((i) => i.level));
    return { ...m, levelLabel: m.level ? LEVEL_LABEL[m.level] : '未存储涉密信息', computedLevel: computed, computedLevelLabel: computed ? LEVEL_LABEL[computed] : null, items: mine };
  });
}

// ---------------------------------------------------------------- reminders (job)

/**
 * SEC-05, SEC-04 and SEC-13 reminders, a background job on working days: loans due tomorrow
 * or overdue (borrower and 文书), circulation legs not returned in time (文书), and from
 * 1 March the past year's unarchived documents (文书, once a day). One notice per object per day.
 */
export async function remindSecrecy(database: Database, clock: Clock): Promise<number> {
  const ctx = systemCtx(database.db, clock);
  const d = localDate(clock.now());
  const day = await isWorkingDay(ctx.db, d).catch(() => null);
  if (!day?.workingDay) return 0;
  const dayStart = `${d}T00:00:00+08:00`;
  const clerks = (await rows<{ person_id: string }>(ctx.db, sql`select distinct person_id from post_holdings where post_code in (${CLERK_POST}, ${CUSTODIAN_POST})
    and start_date <= ${d} and (end_date is null or end_date >= ${d})`)).map((r) => r.person_id);
  const tomorrow = await addWorkingDays(ctx.db, d, SEC05.param('reminderDaysBefore')).catch(() => d);
  let sent = 0;
  const loans = await rows<{ id: string; borrower_person_id: string; due_date: string; year: number; seq: number }>(ctx.db, sql`select l.id, l.borrower_person_id, l.due_date::text, d.year, d.seq
    from secrecy_loans l join secrecy_documents d on d.id = l.document_id where l.status = 'out' and l.due_date <= ${tomorrow}`);
  for (const l of loans) {
    const overdue = l.due_date < d;
    sent += await onceADay(ctx, 'secrecy_loan', l.id, dayStart, async (tx) => {
      for (const r of new Set([l.borrower_person_id, ...clerks])) {
        await notify(tx.db, { recipientPersonId: r, kind: overdue ? 'overdue' : 'due', title: overdue ? `涉密文件 ${regNo(l.year, l.seq)} 借阅逾期未还，请文书按期收回` : `涉密文件 ${regNo(l.year, l.seq)} 借阅将于${l.due_date}到期`,
          body: `归还期限 ${l.due_date}（SEC-05）`, link: '/secrecy', objectType: 'secrecy_loan', objectId: l.id }, clock.now());
      }
    });
  }
  const legs = await rows<{ id: string; due_date: string; holder: string; year: number; seq: number }>(ctx.db, sql`select c.id, c.due_date::text, p.name as holder, d.year, d.seq
    from secrecy_circulations c join secrecy_documents d on d.id = c.document_id join people p on p.id = c.holder_person_id where c.returned_at is null and c.due_date < ${d}`);
  for (const g of legs) {
    sent += await onceADay(ctx, 'secrecy_circulation', g.id, dayStart, async (tx) => {
      for (const r of clerks) await notify(tx.db, { recipientPersonId: r, kind: 'overdue', title: `传阅件 ${regNo(g.year, g.seq)} 逾期未交回（${g.holder}）`, body: `应于${g.due_date}交回文书，防止滞留、截留（SEC-04）`, link: '/secrecy', objectType: 'secrecy_circulation', objectId: g.id }, clock.now());
    });
  }
  const pending = (await archiveReport(ctx, d)).filter((x) => x.state !== 'open');
  if (pending.length) {
    sent += await onceADay(ctx, 'secrecy_archive', `archive-${d.slice(0, 4)}`, dayStart, async (tx) => {
      const overdue = pending.filter((x) => x.state === 'overdue').length;
      for (const r of clerks) await notify(tx.db, { recipientPersonId: r, kind: overdue ? 'overdue' : 'remind', title: `上年涉密文件尚有${pending.length}件未归档${overdue ? `（逾期${overdue}件）` : ''}`, body: `每年第一季度内必须将上年涉密文件全部归档入卷（SEC-13，期限${pending[0].deadline}）`, link: '/secrecy', objectType: 'secrecy_archive', objectId: `archive-${d.slice(0, 4)}` }, clock.now());
    });
  }
  return sent;
}

export async function onceADay(ctx: Ctx, objectType: string, id: string, dayStart: string, send: (tx: Ctx) => Promise<void>): Promise<number> {
  return withTx(ctx, async (tx) => {
    await lockNamed(tx.db, `remind:${objectType}:${id}`);
    const [seen] = await rows<{ n: number }>(tx.db, sql`select count(*)::int as n from notifications where object_type = ${objectType} and object_id = ${id} and created_at >= ${dayStart}::timestamptz`);
    if (seen.n > 0) return 0;
    await send(tx);
    await audit(tx, { event: 'secrecy.remind', objectType, objectId: id });
    return 1;
  });
}

/** Pickers of the secrecy pages: people and units (names only). */
export async function peopleAndUnits(ctx: Ctx): Promise<{ people: { id: string; name: string; unitId: string | null }[]; units: { id: string; name: string; kind: string }[]; officers: string[]; itAdmins: string[] }> {
  const d = today(ctx);
  const people = await rows<{ id: string; name: string; unitId: string | null }>(ctx.db, sql`select id, name, unit_id as "unitId" from people where active order by name`);
  const units = await rows<{ id: string; name: string; kind: string }>(ctx.db, sql`select id, name, kind from org_units where active order by sort_order`);
  const holders = async (post: string) => (await rows<{ person_id: string }>(ctx.db, sql`select distinct person_id from post_holdings where post_code = ${post} and start_date <= ${d} and (end_date is null or end_date >= ${d})`)).map((r) => r.person_id);
  return { people, units, officers: await holders(OFFICER_POST), itAdmins: await holders('it_admin') };
}

import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { withTx, type Ctx } from '../../kernel/context';
import { rows } from '../../kernel/db';
import { audit } from '../../kernel/audit/write';
import { errors } from '../../kernel/errors';
import { newId } from '../../kernel/ids';
import { enforce } from '../../kernel/rules';
import { addDays } from '../../kernel/time';
import { Day, me, notFuture, nowIso, parse, Text, today, unitExists } from './common';
import { checkInterpreter, inForce, WR12 } from './rules';

/**
 * WR-12 规范性文件: drafted (起草), issued (制定), amended by a later version (修改), repealed
 * (废止). Each names the section that interprets it (第十六条); once issued it is filed with the
 * 市政府 (第十七条) and reminded until the filing is recorded (reminders.ts).
 */
export const DOC_STATUS: Record<string, string> = { drafting: '起草中', in_force: '现行有效', amended: '已修改', repealed: '已废止' };

const Create = z.strictObject({
  title: Text(200, '文件名称'),
  role: z.enum(['lead', 'joint'], { error: '请选择牵头制定或参与制定' }),
  draftingUnitId: Text(100, '起草科室'),
  interpretingUnitId: z.string().max(100).optional(),
  draftStartedOn: Day,
});
const Issue = z.strictObject({ docNo: Text(100, '文号'), issuedOn: Day });
const File = z.strictObject({ filedOn: Day, filingRef: Text(200, '备案登记号或报送文号') });
const Repeal = z.strictObject({ repealedOn: Day, repealRef: Text(200, '废止决定文号') });

export interface NormativeRow {
  id: string; title: string; role: string; status: string; draftingUnitId: string; draftingUnitName: string | null; interpretingUnitId: string; interpretingUnitName: string | null;
  draftStartedOn: string; docNo: string | null; issuedOn: string | null; filingDueOn: string | null; filedOn: string | null; filingRef: string | null;
  amendsId: string | null; repealedOn: string | null; repealRef: string | null; filingOverdue: boolean;
}

const SELECT = sql`select d.id, d.title, d.role, d.status, d.drafting_unit_id as "draftingUnitId", du.name as "draftingUnitName",
    d.interpreting_unit_id as "interpretingUnitId", iu.name as "interpretingUnitName", d.draft_started_on::text as "draftStartedOn", d.doc_no as "docNo",
    d.issued_on::text as "issuedOn", d.filing_due_on::text as "filingDueOn", d.filed_on::text as "filedOn", d.filing_ref as "filingRef",
    d.amends_id as "amendsId", d.repealed_on::text as "repealedOn", d.repeal_ref as "repealRef"
  from wr_normative_docs d left join org_units du on du.id = d.drafting_unit_id left join org_units iu on iu.id = d.interpreting_unit_id`;

/** Issued, not yet filed, past the reminder date and under the 工作规则 (WR-20). */
export const filingOverdue = (d: { issuedOn: string | null; filedOn: string | null; filingDueOn: string | null }, on: string) =>
  !!d.issuedOn && !d.filedOn && !!d.filingDueOn && d.filingDueOn < on && inForce(d.issuedOn);

export async function listNormative(ctx: Ctx): Promise<NormativeRow[]> {
  const on = today(ctx);
  const found = await rows<Omit<NormativeRow, 'filingOverdue'>>(ctx.db, sql`${SELECT} order by coalesce(d.issued_on, d.draft_started_on) desc, d.created_at desc limit 2000`);
  return found.map((d) => ({ ...d, filingOverdue: filingOverdue(d, on) }));
}

async function lock(ctx: Ctx, id: string) {
  const [d] = await rows<{ id: string; status: string; issued_on: string | null; filed_on: string | null; amends_id: string | null; title: string }>(ctx.db,
    sql`select id, status, issued_on::text, filed_on::text, amends_id, title from wr_normative_docs where id = ${id} for update`);
  if (!d) throw errors.notFound('规范性文件');
  return d;
}

async function insertDraft(ctx: Ctx, v: z.infer<typeof Create>, amendsId: string | null): Promise<{ id: string }> {
  enforce([checkInterpreter(v.interpretingUnitId)]);
  await unitExists(ctx.db, v.draftingUnitId);
  await unitExists(ctx.db, v.interpretingUnitId!);
  notFuture(ctx, v.draftStartedOn, '起草日期');
  const id = newId('wrn');
  await ctx.db.execute(sql`insert into wr_normative_docs (id, title, role, drafting_unit_id, interpreting_unit_id, status, draft_started_on, amends_id, created_by, created_at)
    values (${id}, ${v.title}, ${v.role}, ${v.draftingUnitId}, ${v.interpretingUnitId!}, 'drafting', ${v.draftStartedOn}, ${amendsId}, ${me(ctx)}, ${nowIso(ctx)})`);
  await audit(ctx, { event: 'workrules.normative.draft', objectType: 'wr_normative_doc', objectId: id, detail: { title: v.title, amendsId, ruleId: WR12.id } });
  return { id };
}

export function draftNormative(ctx: Ctx, raw: unknown): Promise<{ id: string }> {
  const v = parse(Create, raw, '规范性文件');
  return withTx(ctx, (tx) => insertDraft(tx, v, null));
}

/** 修改: a new version drafted against a document in force; the old one stays in force until the new one is issued. */
export function amendNormative(ctx: Ctx, id: string, raw: unknown): Promise<{ id: string }> {
  const v = parse(Create, raw, '修改稿');
  return withTx(ctx, async (tx) => {
    const d = await lock(tx, id);
    if (d.status !== 'in_force') throw errors.conflict('只有现行有效的规范性文件可以修改');
    const [open] = await rows(tx.db, sql`select id from wr_normative_docs where amends_id = ${id}`);
    if (open) throw errors.conflict('该文件已有修改稿');
    return insertDraft(tx, v, id);
  });
}

/** 制定: issued with its number; the filing reminder date is fixed now (WR-12). */
export function issueNormative(ctx: Ctx, id: string, raw: unknown): Promise<NormativeRow> {
  const v = parse(Issue, raw, '印发登记');
  return withTx(ctx, async (tx) => {
    const d = await lock(tx, id);
    if (d.status !== 'drafting') throw errors.conflict('该文件已印发');
    notFuture(tx, v.issuedOn, '印发日期');
    const due = addDays(v.issuedOn, WR12.param('normativeFilingReminderDays'));
    await tx.db.execute(sql`update wr_normative_docs set status = 'in_force', doc_no = ${v.docNo}, issued_on = ${v.issuedOn}, filing_due_on = ${due} where id = ${id}`);
    if (d.amends_id) await tx.db.execute(sql`update wr_normative_docs set status = 'amended' where id = ${d.amends_id} and status = 'in_force'`);
    await audit(tx, { event: 'workrules.normative.issue', objectType: 'wr_normative_doc', objectId: id, detail: { ...v, filingDueOn: due, amends: d.amends_id } });
    return reload(tx, id);
  });
}

/** 报市政府备案 (第十七条): recorded once, on or after the issue day. */
export function fileNormative(ctx: Ctx, id: string, raw: unknown): Promise<NormativeRow> {
  const v = parse(File, raw, '备案登记');
  return withTx(ctx, async (tx) => {
    const d = await lock(tx, id);
    if (!d.issued_on) throw errors.conflict('文件尚未印发，不能登记备案');
    if (d.filed_on) throw errors.conflict(`该文件已于${d.filed_on}登记备案`);
    if (v.filedOn < d.issued_on) throw errors.badRequest('备案日期不能早于印发日期');
    notFuture(tx, v.filedOn, '备案日期');
    await tx.db.execute(sql`update wr_normative_docs set filed_on = ${v.filedOn}, filing_ref = ${v.filingRef}, filed_by = ${me(tx)} where id = ${id}`);
    await audit(tx, { event: 'workrules.normative.file', objectType: 'wr_normative_doc', objectId: id, detail: { ...v, ruleId: WR12.id } });
    return reload(tx, id);
  });
}

/** 废止. */
export function repealNormative(ctx: Ctx, id: string, raw: unknown): Promise<NormativeRow> {
  const v = parse(Repeal, raw, '废止登记');
  return withTx(ctx, async (tx) => {
    const d = await lock(tx, id);
    if (d.status !== 'in_force') throw errors.conflict('只有现行有效的规范性文件可以废止');
    if (v.repealedOn < d.issued_on!) throw errors.badRequest('废止日期不能早于印发日期');
    notFuture(tx, v.repealedOn, '废止日期');
    await tx.db.execute(sql`update wr_normative_docs set status = 'repealed', repealed_on = ${v.repealedOn}, repeal_ref = ${v.repealRef} where id = ${id}`);
    await audit(tx, { event: 'workrules.normative.repeal', objectType: 'wr_normative_doc', objectId: id, detail: v });
    return reload(tx, id);
  });
}

async function reload(ctx: Ctx, id: string): Promise<NormativeRow> {
  const [d] = await rows<Omit<NormativeRow, 'filingOverdue'>>(ctx.db, sql`${SELECT} where d.id = ${id}`);
  return { ...d, filingOverdue: filingOverdue(d, today(ctx)) };
}

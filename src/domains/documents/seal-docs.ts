import { sql } from 'drizzle-orm';
import { can, requireActor, type Ctx } from '../../kernel/context';
import { rows, type Db } from '../../kernel/db';
import { localDate } from '../../kernel/time';

/**
 * What the seals area needs to know about outgoing documents (SEAL-01, DOC-20): which 公文 a
 * 用印申请 may name, and whether a named document exists. Imports nothing from the seals area,
 * so the seals service can call it without an import cycle.
 */

/** Spacing, quotes and the bracket variants clerks type for 〔〕 do not make another document. */
export const normRef = (s: string) => s.replace(/\s+/g, '').replace(/[[［【]/g, '〔').replace(/[\]］】]/g, '〕').replace(/[《》“”"]/g, '');

export interface OutgoingRef { id: string; docNumber: string | null; title: string }

/**
 * The outgoing document a 用印申请's document reference names: by id, or by 发文字号 (compared the
 * way the seal step compares them, entryFitsDocument). Null when there is none.
 */
export async function findOutgoingDocument(db: Db, ref: string): Promise<OutgoingRef | null> {
  const r = ref.trim();
  if (!r) return null;
  const [byId] = await rows<OutgoingRef>(db, sql`select id, doc_number as "docNumber", title from doc_outgoing where id = ${r}`);
  if (byId) return byId;
  // A 发文字号 reads 字〔year〕N号 (formatDocNumber): narrow by year and number, then compare whole.
  const n = normRef(r);
  const m = /〔(\d{4})〕(\d+)号$/.exec(n);
  if (!m || m[2].length > 9) return null;
  const same = await rows<OutgoingRef>(db, sql`select id, doc_number as "docNumber", title from doc_outgoing
    where doc_number is not null and doc_year = ${Number(m[1])} and doc_seq = ${Number(m[2])}`);
  return same.find((d) => normRef(d.docNumber!) === n) ?? null;
}

export interface SealableDocument { id: string; docNumber: string; title: string; round: number; printedCopies: number | null; plannedCopies: number | null }

/**
 * For the 用印申请 form: this year's numbered documents whose current print round (a reprint
 * opens a new one, DOC-21) has no 用印 step yet. Number and title are what the 发文登记簿 already
 * shows every reader; the copies come from the issue records, which only those who may open the
 * document see (same test as assertMaySee), so nobody learns more than before.
 */
export async function sealableDocuments(ctx: Ctx): Promise<SealableDocument[]> {
  const me = requireActor(ctx).personId ?? '';
  const year = Number(localDate(ctx.clock.now()).slice(0, 4));
  const seesAll = can(ctx, 'documents.review') || can(ctx, 'documents.register');
  const mayView = seesAll
    ? sql`true`
    : sql`(d.drafter_person_id = ${me} or exists (select 1 from flow_tasks t where t.instance_id = d.flow_instance_id and (t.assignee_person_id = ${me} or t.on_behalf_of_person_id = ${me})))`;
  return rows<SealableDocument>(ctx.db, sql`
    with cur as (
      select d.id, d.doc_number, d.title, d.series, d.doc_seq, ${mayView} as may_view,
        (select count(*)::int from doc_reprints r where r.document_id = d.id and r.status <> 'cancelled') as round
      from doc_outgoing d where d.doc_year = ${year} and d.doc_number is not null)
    select c.id, c.doc_number as "docNumber", c.title, c.round,
      case when c.may_view then (select (s.data->>'copies')::int from doc_issue_steps s where s.document_id = c.id and s.round = c.round and s.step = 'print') end as "printedCopies",
      case when c.may_view then (select i.computed_copies from doc_issue i where i.document_id = c.id) end as "plannedCopies"
    from cur c
    where not exists (select 1 from doc_issue_steps s where s.document_id = c.id and s.round = c.round and s.step = 'seal')
    order by c.series, c.doc_seq`);
}

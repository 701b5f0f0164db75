import { sql } from 'drizzle-orm';
import type { Ctx } from '../../kernel/context';
import { rows, type Db } from '../../kernel/db';
import { enforce } from '../../kernel/rules';
import { localDate } from '../../kernel/time';
import { getSealUse, stampUse, usableSealUses, type SealUseLink } from '../seals/service';
import { USE_STATUS } from '../seals/ledger';
import { SEAL01 } from '../seals/rules';
import { normRef } from './seal-docs';
import { loadDoc, type DocRow } from './store';

/**
 * The 用印 step of a 公文 goes through the 用印登记簿 (SEAL-01 先审批，后用印，every use
 * registered; DOC-20 用印记录关联用印申请). The step names one entry of the register that is
 * approved (or an emergency use, SEAL-09), was registered for this document, and that no seal
 * step has taken yet; the copies stamped stay within the copies the entry approved.
 * An entry not yet stamped is stamped here through the register's own stampUse (keeper,
 * seal in use and in 综合科: SEAL-06/07/08/11/12), so the register shows one stamping, not two.
 */

type DocRef = Pick<DocRow, 'id' | 'docNumber' | 'title'>;

/** One normalisation (spacing, quotes, bracket variants) for this step and the 用印申请's reference. */
const norm = normRef;

/** A 发文字号 as the register writes it: 〔year〕N号. */
const DOC_NUMBER = /〔\d{4}〕\d+号/;

/**
 * Reading: an entry is for this 公文 when its document reference is the document (id or 发文字号),
 * or its 用印文件名称 names this 发文字号, or (naming no 发文字号 and no other document) carries the
 * whole title. An entry that names another document never fits, even under the same title.
 */
export function entryFitsDocument(u: Pick<SealUseLink, 'documentTitle' | 'documentRef'>, d: DocRef): boolean {
  const ref = u.documentRef ? norm(u.documentRef) : '';
  const title = norm(u.documentTitle);
  const number = d.docNumber ? norm(d.docNumber) : '';
  if (ref) return ref === d.id || (!!number && ref === number);
  if (number && title.includes(number)) return true;
  return !DOC_NUMBER.test(title) && norm(d.title).length > 0 && title.includes(norm(d.title));
}

/** The seal step that already took an entry, if any (any document, any print round). */
async function takenBy(db: Db, useId: string): Promise<{ documentId: string; docNumber: string | null; round: number } | null> {
  const [r] = await rows<{ documentId: string; docNumber: string | null; round: number }>(db, sql`select s.document_id as "documentId", d.doc_number as "docNumber", s.round
    from doc_issue_steps s left join doc_outgoing d on d.id = s.document_id where s.step = 'seal' and s.data->>'sealRequestId' = ${useId} limit 1`);
  return r ?? null;
}

/** For the seal form: entries of the register (this year and last) that this document's seal step may take. */
export async function sealRequestsFor(ctx: Ctx, documentId: string): Promise<(Pick<SealUseLink, 'id' | 'entryNo' | 'sealName' | 'documentTitle' | 'copies' | 'status'> & { statusLabel: string })[]> {
  const d = await loadDoc(ctx.db, documentId);
  const year = Number(localDate(ctx.clock.now()).slice(0, 4));
  const taken = new Set((await rows<{ id: string }>(ctx.db, sql`select data->>'sealRequestId' as id from doc_issue_steps where step = 'seal' and data ? 'sealRequestId'`)).map((r) => r.id));
  return (await usableSealUses(ctx, year - 1))
    .filter((u) => entryFitsDocument(u, d) && !taken.has(u.id))
    .map((u) => ({ id: u.id, entryNo: u.entryNo, sealName: u.sealName, documentTitle: u.documentTitle, copies: u.copies, status: u.status, statusLabel: USE_STATUS[u.status] ?? u.status }));
}

export interface SealStepInput { sealRequestId?: string | null; sealName?: string | null; copiesStamped: number }

/**
 * Inside the seal step's transaction: check the entry and stamp it in the register when it is
 * not stamped yet. Throws (nothing recorded) on any refusal.
 */
export async function takeSealRequest(tx: Ctx, d: DocRef, input: SealStepInput): Promise<{ sealRequestId: string; entryNo: string; sealName: string; stampedInRegister: boolean }> {
  const ref = input.sealRequestId?.trim();
  if (!ref) enforce([SEAL01.block('用印须先在用印登记簿登记并经批准（先审批，后用印）：请选择本公文已批准的用印申请')]);
  // The entry's row lock serialises two documents reaching for the same entry.
  const use = await getSealUse(tx, ref!, { lock: true });
  if (!use) enforce([SEAL01.block(`用印登记簿中没有“${ref}”这条用印申请，先审批、登记，后用印`)]);
  const u = use!;
  if (!['approved', 'emergency', 'stamped'].includes(u.status)) enforce([SEAL01.block(`用印申请${u.entryNo}尚未批准（${USE_STATUS[u.status] ?? u.status}），不能据此用印`)]);
  if (!entryFitsDocument(u, d)) enforce([SEAL01.block(`用印申请${u.entryNo}登记的用印文件是“${u.documentTitle}”，不是本公文（${d.docNumber ?? d.title}），不能据此用印`)]);
  if (input.sealName?.trim() && input.sealName.trim() !== u.sealName) enforce([SEAL01.block(`用印申请${u.entryNo}批准使用的是“${u.sealName}”，不是“${input.sealName.trim()}”`)]);
  const taken = await takenBy(tx.db, u.id);
  if (taken) {
    const where = taken.documentId === d.id ? `本公文${taken.round ? `重印第${taken.round}轮` : '首印'}` : `公文${taken.docNumber ?? taken.documentId}`;
    enforce([SEAL01.block(`用印申请${u.entryNo}已用于${where}的用印，每次用印须另行登记审批`)]);
  }
  if (input.copiesStamped > u.copies) enforce([SEAL01.block(`用印申请${u.entryNo}批准用印${u.copies}份，本次登记${input.copiesStamped}份，超出部分未经审批`)]);
  // Reading: on a 公文 each copy takes one impression, so the register's 用印处数 is the copies stamped.
  const stampedInRegister = u.status !== 'stamped';
  if (stampedInRegister) await stampUse(tx, u.id, { blankPages: false, stampCount: input.copiesStamped });
  return { sealRequestId: u.id, entryNo: u.entryNo, sealName: u.sealName, stampedInRegister };
}

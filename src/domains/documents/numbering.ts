import { eq, sql } from 'drizzle-orm';
import type { Ctx } from '../../kernel/context';
import { requireActor, withTx } from '../../kernel/context';
import { audit } from '../../kernel/audit/write';
import { rows } from '../../kernel/db';
import { errors } from '../../kernel/errors';
import { startFlow } from '../../kernel/flow';
import { newId } from '../../kernel/ids';
import { enforce, type Verdict } from '../../kernel/rules';
import { localDate } from '../../kernel/time';
import { formatDocNumber, type Series } from './model';
import { DOC15, DOC16, DOC17, DOC21 } from './rules';
import { outgoingDocuments, documentReprints } from './schema';
import { contentHash, loadDoc, type DocRow } from './store';
import type { ResignFormValue } from './flows';

export const prefixOf = (s: Series): string =>
  s === 'party' ? DOC17.param('prefixParty') : s === 'general' ? DOC17.param('prefixGeneral') : DOC17.param('prefixOffice');

/** DOC-15 / DOC-16: signed, reviewed, attachments complete, the signed text unchanged and confirmed. */
export function numberingVerdicts(d: DocRow, signedCopyMatches: boolean): Verdict[] {
  if (d.docNumber) return [DOC17.block(`该公文已编号为 ${d.docNumber}，发文字号不得变更或重复分配`)];
  if (d.status !== 'signed' || !d.signedByPersonId) return [DOC15.block('公文未完成签发，不得编号')];
  const review = d.goReview as { passed?: boolean } | null;
  if (!review?.passed) return [DOC16.block('审签手续不完备：缺少综合科审核记录，不得编号')];
  const missing = d.attachments.filter((a) => !a.ready);
  if (missing.length) return [DOC16.block(`附件不齐全，不得编号：${missing.map((a) => a.title).join('、')}`)];
  if (d.bodyHashAtSignOff !== contentHash(d)) return [DOC16.block('电子文本与签发稿不一致，须重新签发后方可编号')];
  if (!signedCopyMatches) return [DOC16.block('请核对手签稿与电子文本一致后再编号')];
  return [DOC15.ok(), DOC16.ok()];
}

/**
 * Assign the 发文字号 (DOC-17): the counter row of (series, year) is created or incremented in
 * the numbering transaction, so the row lock serialises concurrent requests, a failed request
 * rolls back its number (no gaps) and two requests never share one (no duplicates;
 * data-and-performance.md §3). The document row is locked first: one document, one number.
 */
export async function numberDocument(ctx: Ctx, id: string, input: { signedCopyMatches: boolean }): Promise<{ docNumber: string; seq: number; year: number }> {
  return withTx(ctx, async (tx) => {
    const actor = requireActor(tx);
    const d = await loadDoc(tx.db, id, true);
    enforce(numberingVerdicts(d, input.signedCopyMatches));
    const now = tx.clock.now();
    const year = Number(localDate(now).slice(0, 4));
    const series = d.series as Series;
    const [c] = await rows<{ last_seq: number }>(
      tx.db,
      sql`insert into doc_number_counters (series, year, last_seq) values (${series}, ${year}, 1)
          on conflict (series, year) do update set last_seq = doc_number_counters.last_seq + 1 returning last_seq`,
    );
    const seq = Number(c.last_seq);
    const docNumber = formatDocNumber(prefixOf(series), year, seq);
    await tx.db.update(outgoingDocuments).set({ status: 'numbered', docNumber, docYear: year, docSeq: seq, numberedAt: now, numberedBy: actor.personId, updatedAt: now }).where(eq(outgoingDocuments.id, id));
    await audit(tx, { event: 'documents.number', objectType: 'document', objectId: id, detail: { docNumber } });
    return { docNumber, seq, year };
  });
}

/**
 * Reprint after an error (DOC-21): the number never changes and the counter does not move. A
 * major change (judged by 综合科, CONF-118) goes back to the original signer before printing.
 */
export async function requestReprint(ctx: Ctx, id: string, input: { reason: string; majorChange: boolean }): Promise<{ reprintId: string; instanceId: string | null; docNumber: string }> {
  return withTx(ctx, async (tx) => {
    const actor = requireActor(tx);
    const d = await loadDoc(tx.db, id, true);
    if (d.status !== 'numbered' || !d.docNumber) enforce([DOC21.block(d.status === 'resign_required' ? '该公文的重印正在等待原签发人重新签发' : '只有已编号印发的公文可以重印')]);
    const reprintId = newId('rpt');
    const now = tx.clock.now();
    let instanceId: string | null = null;
    await tx.db.insert(documentReprints).values({ id: reprintId, documentId: id, reason: input.reason, majorChange: input.majorChange, requestedBy: actor.personId ?? actor.accountId, requestedAt: now, status: input.majorChange ? 'awaiting_resign' : 'done' });
    if (input.majorChange) {
      const [hub] = await rows<{ unit_id: string | null }>(tx.db, sql`select unit_id from post_holdings where post_code = 'clerk' and end_date is null limit 1`);
      const form: ResignFormValue = {
        documentId: id, title: d.title, kind: d.kind, direction: d.direction as never, category: d.category as never, isImportant: d.isImportant,
        counterpartSignerLevel: d.counterpartSignerLevel as never, draftingUnitId: d.draftingUnitId, hubUnitId: hub?.unit_id ?? null,
        needsSectionReview: false, countersignPersonIds: [], signerPersonId: d.signedByPersonId!, reprintId, reason: input.reason,
      };
      instanceId = (await startFlow(tx, 'documents.resign', { form, subjectType: 'document', subjectId: id })).instanceId;
      await tx.db.update(documentReprints).set({ resignInstanceId: instanceId }).where(eq(documentReprints.id, reprintId));
      await tx.db.update(outgoingDocuments).set({ status: 'resign_required', updatedAt: now }).where(eq(outgoingDocuments.id, id));
    } else {
      await tx.db.update(outgoingDocuments).set({ reprints: d.reprints + 1, updatedAt: now }).where(eq(outgoingDocuments.id, id));
    }
    await audit(tx, { event: 'documents.reprint', objectType: 'document', objectId: id, detail: { reprintId, majorChange: input.majorChange, reason: input.reason, docNumber: d.docNumber } });
    return { reprintId, instanceId, docNumber: d.docNumber! };
  });
}

/** Printing is refused while a major-change reprint waits for the signer (DOC-21). */
export function assertPrintable(d: DocRow): void {
  if (d.status === 'resign_required') enforce([DOC21.block('重印涉及重大修改，须经原签发人重新签发后方可印制')]);
}

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { rows } from '../../kernel/db';
import { createTestApp, type TestApp } from '../../../test/support/app';
import { ctxFor } from '../../../test/support/ctx';
import { sign } from '../finance/test-helpers';
import { recordIssueStep } from './dispatch-service';
import { requestReprint } from './numbering';
import { DRAFTER, signedDoc } from './test-helpers';

/**
 * The 用印申请 names its 公文 (documentRef) and the 公文's 用印 step finds it (SEAL-01, DOC-20):
 * GET /documents/for-seal-request offers the documents, POST /seals/uses checks the reference.
 */
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t?.close());

interface Offered { id: string; docNumber: string; title: string; round: number; printedCopies: number | null; plannedCopies: number | null }
const get = async <T>(url: string, who: string) => {
  const res = await t.app.inject({ method: 'GET', url: `/api/v1${url}`, headers: { cookie: await t.cookieFor(who) } });
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as T;
};
const forSeal = async (who = DRAFTER) => (await get<{ items: Offered[] }>('/documents/for-seal-request', who)).items;
const offeredTo = async (docId: string) => (await get<{ items: { id: string }[] }>(`/documents/${docId}/issue/seal-requests`, 'linfeng')).items.map((i) => i.id);
const fileUse = async (form: Record<string, unknown>, who = DRAFTER) =>
  t.app.inject({ method: 'POST', url: '/api/v1/seals/uses', headers: { cookie: await t.cookieFor(who) }, payload: { form: { sealId: 'seal_official', copies: 9, ...form } } });
const step = async (id: string, s: Parameters<typeof recordIssueStep>[2], body: Record<string, unknown> = {}, who = 'liuyang') => recordIssueStep(await ctxFor(t, who), id, s, body);
const throughRecheck = async (id: string) => {
  await step(id, 'proofread');
  await step(id, 'print', { copies: 9 });
  await step(id, 'recheck');
};
const counts = async () =>
  (await rows<{ uses: number; flows: number; audits: number }>(t.database.db, sql`select (select count(*)::int from seal_uses) as uses,
    (select count(*)::int from flow_instances where definition_key = 'seals.use') as flows, (select count(*)::int from audit_log where event = 'seals.use.request') as audits`))[0];

describe('用印申请 for a 公文 (SEAL-01, DOC-20)', () => {
  it('SEAL-01 DOC-20: a 公文 request filed with documentRef = the document is offered by its seal-requests list and taken by the seal step', async () => {
    const a = await signedDoc(t, {}, 'sunli', true);
    const b = await signedDoc(t, {}, 'sunli', true);
    await throughRecheck(a.id);
    await throughRecheck(b.id);

    // The drafter sees both numbered documents, with the copies printed for the one he may open.
    const mine = await forSeal();
    expect(mine.find((d) => d.id === a.id)).toMatchObject({ docNumber: a.docNumber, title: '关于开展扶贫项目资金自查的通知', round: 0, printedCopies: 9 });
    // A reader who may not open the document sees what the 发文登记簿 shows, not its issue records.
    expect((await forSeal('tangning')).find((d) => d.id === a.id)).toMatchObject({ docNumber: a.docNumber, printedCopies: null, plannedCopies: null });

    // The form's choice: title（发文字号）, the reference typed with other brackets still finds the document.
    const typed = a.docNumber!.replace('〔', '【').replace('〕', '】');
    const res = await fileUse({ category: 'gongwen', reviewedOk: true, documentTitle: `关于开展扶贫项目资金自查的通知（${a.docNumber}）`, documentRef: typed });
    expect(res.statusCode, res.body).toBe(201);
    const use = res.json() as { id: string; instanceId: string };
    const [row] = await rows<{ document_ref: string }>(t.database.db, sql`select document_ref from seal_uses where id = ${use.id}`);
    expect(row.document_ref).toBe(a.id);

    // Not offered before approval (先审批，后用印); then 科室复核 and the 分管领导 (SEAL-15).
    expect(await offeredTo(a.id)).not.toContain(use.id);
    await sign(t, use.instanceId, 'zhutao');
    await sign(t, use.instanceId, 'sunli');
    expect(await offeredTo(a.id)).toContain(use.id);
    // Same title, another 发文字号: the reference pins the entry to document a.
    expect(await offeredTo(b.id)).not.toContain(use.id);

    const sealed = await t.app.inject({ method: 'POST', url: `/api/v1/documents/${a.id}/issue/seal`, headers: { cookie: await t.cookieFor('linfeng') },
      payload: { approverPersonId: 'psn_sunli', copiesStamped: 9, sealRequestId: use.id } });
    expect(sealed.statusCode, sealed.body).toBe(200);
    const [stamped] = await rows<{ status: string; stamp_count: number }>(t.database.db, sql`select status, stamp_count from seal_uses where id = ${use.id}`);
    expect(stamped).toEqual({ status: 'stamped', stamp_count: 9 });
    const [rec] = await rows<{ data: { sealRequestId: string } }>(t.database.db, sql`select data from doc_issue_steps where document_id = ${a.id} and step = 'seal'`);
    expect(rec.data.sealRequestId).toBe(use.id);
    // Stamped in this round: no longer offered to the form; b still is.
    const after = (await forSeal()).map((d) => d.id);
    expect(after).not.toContain(a.id);
    expect(after).toContain(b.id);
  });

  it('DOC-21 DOC-20: a reprint opens a new round, and the document is offered again for its new 用印申请', async () => {
    const { id } = await signedDoc(t, {}, 'sunli', true);
    await throughRecheck(id);
    const res = await fileUse({ category: 'signed', documentTitle: '首印用印', documentRef: id, signedByPersonId: 'psn_sunli', signedEvidence: '发文稿纸签发页' });
    expect(res.statusCode, res.body).toBe(201);
    await step(id, 'seal', { approverPersonId: 'psn_sunli', copiesStamped: 9, sealRequestId: (res.json() as { id: string }).id }, 'linfeng');
    expect((await forSeal()).map((d) => d.id)).not.toContain(id);
    await step(id, 'dispatch', { entries: [{ recipient: '各县（市、区）扶贫办', copies: 9, method: '机要交换' }] });
    await requestReprint(await ctxFor(t, 'liuyang'), id, { reason: '错别字', majorChange: false });
    expect((await forSeal()).find((d) => d.id === id)).toMatchObject({ round: 1, printedCopies: null });
  });

  it('SEAL-01: an unknown documentRef is refused with a Chinese 400 and nothing is saved', async () => {
    const before = await counts();
    for (const documentRef of ['白扶办发〔2026〕999号', 'doc_no_such_document']) {
      const res = await fileUse({ category: 'gongwen', reviewedOk: true, documentTitle: `自查通知（${documentRef}）`, documentRef });
      expect(res.statusCode, res.body).toBe(400);
      const body = res.json() as { error: { code: string; message: string } };
      expect(body.error.message).toContain(`对应公文“${documentRef}”不存在`);
    }
    // Same for the category A path, which saves without an approval flow.
    const signed = await fileUse({ category: 'signed', documentTitle: '自查通知', documentRef: '白扶办发〔2026〕999号', signedByPersonId: 'psn_sunli', signedEvidence: '签发页' });
    expect(signed.statusCode).toBe(400);
    expect(await counts()).toEqual(before);
  });
});

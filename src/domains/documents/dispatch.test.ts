import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { rows } from '../../kernel/db';
import { createTestApp, type TestApp } from '../../../test/support/app';
import { ctxFor } from '../../../test/support/ctx';
import { archiveOutgoing, computeCopies, issueState, recordIssueStep, saveCopyPlan } from './dispatch-service';
import { remindUrgentPrinting } from './incoming-jobs';
import { requestReprint } from './numbering';
import { requestUse, stampUse } from '../seals/service';
import { entryFitsDocument } from './issue-seal';
import { failure, signedDoc } from './test-helpers';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t?.close());

const hub = () => ctxFor(t, 'liuyang');
const step = async (id: string, s: Parameters<typeof recordIssueStep>[2], body: Record<string, unknown> = {}, who = 'liuyang', ack: string[] = []) =>
  recordIssueStep(await ctxFor(t, who), id, s, body, ack);

/**
 * An entry of the 用印登记簿 for document `id`, already approved (category A: the 公文 signed by
 * 孙丽, SEAL-02); its 用印文件名称 names the 发文字号 unless `documentTitle` is given.
 */
async function sealRequest(id: string, over: Record<string, unknown> = {}) {
  const [d] = await rows<{ docNumber: string; title: string }>(t.database.db, sql`select doc_number as "docNumber", title from doc_outgoing where id = ${id}`);
  return requestUse(await ctxFor(t, 'xunuo'), { sealId: 'seal_official', category: 'signed', documentTitle: `${d.docNumber} ${d.title}`, copies: 9,
    signedByPersonId: 'psn_sunli', signedEvidence: '发文稿纸签发页', ...over });
}
const sealStep = (id: string, sealRequestId: string | undefined, over: Record<string, unknown> = {}, who = 'linfeng') =>
  step(id, 'seal', { approverPersonId: 'psn_sunli', sealName: '白城市扶贫开发办公室', copiesStamped: 9, sealRequestId, ...over }, who);
const useRow = async (useId: string) =>
  (await rows<{ status: string; stamped_by: string | null; stamp_count: number | null }>(t.database.db, sql`select status, stamped_by, stamp_count from seal_uses where id = ${useId}`))[0];
const sealSteps = async (id: string) => (await rows<{ data: Record<string, unknown> }>(t.database.db, sql`select data from doc_issue_steps where document_id = ${id} and step = 'seal'`)).map((r) => r.data);
const throughRecheck = async (id: string) => {
  await step(id, 'proofread');
  await step(id, 'print', { copies: 9 });
  await step(id, 'recheck');
};

/** A numbered document with a copy plan of `copies` (1 main recipient carrying them all). */
async function numbered(over: Record<string, unknown> = {}) {
  const { id } = await signedDoc(t, over, 'sunli', true);
  return id;
}

describe('copy count (DOC-22)', () => {
  it('DOC-22 AS-E14: 5×2 + 2×1 + 4 leaders + 1 section + 2 retained = 19; 25 needs a reason and an acknowledged warning', async () => {
    const plan = {
      recipientCopies: [
        ...['洮北区', '洮南市', '大安市', '镇赉县', '通榆县'].map((r) => ({ recipient: `${r}扶贫办`, copies: 2, kind: 'main' as const })),
        { recipient: '市财政局', copies: 1, kind: 'cc' as const },
        { recipient: '市审计局', copies: 1, kind: 'cc' as const },
      ],
      leaderCopies: 4,
      deptArchiveCopies: [{ unitId: 'unit_ducha', unitName: '督查科', copies: 1 }],
      hubRetainedCopies: 2,
    };
    expect(computeCopies(plan)).toBe(19);
    const id = await numbered();
    expect((await saveCopyPlan(await hub(), id, plan)).computedCopies).toBe(19);
    await step(id, 'proofread');
    expect((await failure(step(id, 'print', { copies: 25 }))).rule).toBe('DOC-22');
    const warned = await failure(step(id, 'print', { copies: 25, reason: '备用6份' }));
    expect(warned.code).toBe('RULE_WARNING');
    expect(warned.rule).toBe('DOC-22');
    const r = await step(id, 'print', { copies: 25, reason: '备用6份' }, 'liuyang', ['DOC-22']);
    expect(r.warnings.map((w) => w.ruleId)).toEqual(['DOC-22']);
  });

  it('DOC-22: the default plan counts the recipients, the 4 office leaders, the drafting section and 综合科', async () => {
    const id = await numbered();
    const s = await issueState(await hub(), id);
    // baseDraft: 1 主送 + 1 抄送, 主任 + 3 副主任, 督查科 1, 综合科 2 (demo value).
    expect(s.plan).toMatchObject({ leaderCopies: 4, hubRetainedCopies: 2, computedCopies: 1 + 1 + 4 + 1 + 2 });
    expect(s.next).toBe('proofread');
  });
});

describe('printing, stamping, dispatch in order (DOC-14, DOC-01, DOC-20)', () => {
  it('DOC-14: steps in the order 校对 → 印制 → 复核 → 用印 → 封发, each once per round', async () => {
    const id = await numbered();
    expect((await failure(step(id, 'print', { copies: 9 }))).rule).toBe('DOC-14');
    await step(id, 'proofread', { note: '校对无误' });
    expect((await failure(step(id, 'proofread'))).rule).toBe('DOC-14');
    await step(id, 'print', { copies: 9, device: '综合科速印机' });
    expect((await failure(step(id, 'seal', { approverPersonId: 'psn_sunli', sealName: '白城市扶贫开发办公室', copiesStamped: 9 }))).rule).toBe('DOC-14');
  });

  it('DOC-01: printing is for 综合科; the drafting section records the 复核', async () => {
    const id = await numbered();
    expect((await failure(step(id, 'proofread', {}, 'xunuo'))).rule).toBe('DOC-01');
    await step(id, 'proofread');
    await step(id, 'print', { copies: 9 });
    await step(id, 'recheck', { note: '复核无误' }, 'xunuo');
    const s = await issueState(await hub(), id);
    expect(s.steps.map((x) => `${x.step}:${x.byName}`)).toEqual(['proofread:刘洋', 'print:刘洋', 'recheck:许诺']);
  });

  it('DOC-20 SEAL-01: the seal needs the approval of the 主要领导 or the 分管领导, and keeps the seal request id', async () => {
    const id = await numbered();
    await throughRecheck(id);
    const req = await sealRequest(id);
    expect((await failure(step(id, 'seal', { approverPersonId: 'psn_zhutao', sealName: '白城市扶贫开发办公室', copiesStamped: 9, sealRequestId: req.id }, 'linfeng'))).rule).toBe('DOC-20');
    // 李明华 is a 副主任 but not in charge of 督查科.
    expect((await failure(step(id, 'seal', { approverPersonId: 'psn_liminghua', sealName: '白城市扶贫开发办公室', copiesStamped: 9, sealRequestId: req.id }, 'linfeng'))).rule).toBe('DOC-20');
    await expect(step(id, 'seal', { approverPersonId: 'psn_sunli', sealName: '白城市扶贫开发办公室', copiesStamped: 10, sealRequestId: req.id }, 'linfeng')).rejects.toMatchObject({ status: 400 });
    // SEAL-01: the request must be in the 用印登记簿 and approved — the demo's refused entry 2 is not.
    const year = (await rows<{ year: number }>(t.database.db, sql`select year from seal_uses where id = 'suse_demo2'`))[0].year;
    expect((await failure(step(id, 'seal', { approverPersonId: 'psn_sunli', sealName: '白城市扶贫开发办公室', copiesStamped: 9, sealRequestId: `${year}年第2号` }, 'linfeng'))).rule).toBe('SEAL-01');
    const unknown = await failure(step(id, 'seal', { approverPersonId: 'psn_sunli', sealName: '白城市扶贫开发办公室', copiesStamped: 9, sealRequestId: 'no_such_request' }, 'linfeng'));
    expect(unknown).toMatchObject({ rule: 'SEAL-01', status: 422 });
    // The entry can be named by the number the 用印登记簿 prints.
    await step(id, 'seal', { approverPersonId: 'psn_sunli', sealName: '白城市扶贫开发办公室', copiesStamped: 9, sealRequestId: req.entryNo }, 'linfeng');
    const [rec] = await rows<{ data: { sealRequestId: string; approverName: string; entryNo: string } }>(t.database.db, sql`select data from doc_issue_steps where document_id = ${id} and step = 'seal'`);
    expect(rec.data).toMatchObject({ sealRequestId: req.id, entryNo: req.entryNo, approverName: '孙丽' });
    // The 主任 may approve too (another document).
    const other = await numbered();
    await throughRecheck(other);
    await sealStep(other, (await sealRequest(other)).id, { approverPersonId: 'psn_chenzhiyuan' });
  });
});

describe('the 用印 step goes through the 用印登记簿 (DOC-20, SEAL-01)', () => {
  it('DOC-20 SEAL-01: which register entries are for a 公文 (发文字号, reference or the whole title)', () => {
    const d = { id: 'doc_1', docNumber: '白扶办发〔2026〕12号', title: '关于开展扶贫项目资金自查的通知' };
    const fits = (documentTitle: string, documentRef: string | null = null) => entryFitsDocument({ documentTitle, documentRef }, d);
    expect(fits('白扶办发〔2026〕12号')).toBe(true);
    expect(fits('白扶办发 [2026] 12号 通知')).toBe(true);
    expect(fits('《关于开展扶贫项目资金自查的通知》')).toBe(true);
    expect(fits('扶贫项目协议', 'doc_1')).toBe(true);
    expect(fits('扶贫项目协议', '白扶办发〔2026〕12号')).toBe(true);
    expect(fits('白扶办发〔2026〕2号')).toBe(false);
    expect(fits('白扶办发〔2026〕13号 关于开展扶贫项目资金自查的通知')).toBe(false);
    expect(fits('关于开展扶贫项目资金自查的通知', 'doc_2')).toBe(false);
    expect(fits('自查的通知')).toBe(false);
  });

  it('DOC-20 SEAL-01: without a seal-use request the stamping is refused and nothing is recorded', async () => {
    const id = await numbered();
    await throughRecheck(id);
    const err = await failure(sealStep(id, undefined));
    expect(err).toMatchObject({ code: 'RULE_BLOCKED', rule: 'SEAL-01' });
    expect(err.message).toContain('先审批，后用印');
    expect((await failure(sealStep(id, '  '))).rule).toBe('SEAL-01');
    expect(await sealSteps(id)).toEqual([]);
    expect((await issueState(await hub(), id)).next).toBe('seal');
  });

  it('DOC-20 SEAL-01: a request registered for another document, not yet approved, for another seal or for fewer copies is refused', async () => {
    const a = await numbered();
    const b = await numbered();
    await throughRecheck(a);
    const forB = await sealRequest(b);
    const err = await failure(sealStep(a, forB.id));
    expect(err.rule).toBe('SEAL-01');
    expect(err.message).toContain('不是本公文');
    // A 公文 request still with the section and the 分管领导 (SEAL-15) is not an approval yet.
    const pending = await sealRequest(a, { category: 'gongwen', reviewedOk: true, signedByPersonId: undefined, signedEvidence: undefined });
    expect(pending.status).toBe('pending');
    expect((await failure(sealStep(a, pending.id))).message).toContain('尚未批准');
    const party = await sealRequest(a, { sealId: 'seal_party' });
    expect((await failure(sealStep(a, party.id))).rule).toBe('SEAL-01');
    const four = await sealRequest(a, { copies: 4 });
    const over = await failure(sealStep(a, four.id));
    expect(over.rule).toBe('SEAL-01');
    expect(over.message).toContain('批准用印4份');
    expect(await sealSteps(a)).toEqual([]);
    expect((await useRow(four.id)).status).toBe('approved');
    // The same request fits when the stamping stays within its copies.
    await sealStep(a, four.id, { copiesStamped: 4 });
    expect(await useRow(four.id)).toMatchObject({ status: 'stamped', stamp_count: 4 });
  });

  it('DOC-20 SEAL-01: a request already used by another document is refused, and is no longer offered', async () => {
    const a = await numbered();
    const b = await numbered();
    await throughRecheck(a);
    await throughRecheck(b);
    // Both documents bear the same title, so a request naming only the title fits either.
    const shared = await sealRequest(a, { documentTitle: '关于开展扶贫项目资金自查的通知' });
    const offered = async (id: string) => {
      const res = await t.app.inject({ method: 'GET', url: `/api/v1/documents/${id}/issue/seal-requests`, headers: { cookie: await t.cookieFor('linfeng') } });
      expect(res.statusCode).toBe(200);
      return (res.json() as { items: { id: string }[] }).items.map((i) => i.id);
    };
    expect(await offered(b)).toContain(shared.id);
    await sealStep(a, shared.id);
    expect(await offered(b)).not.toContain(shared.id);
    const err = await failure(sealStep(b, shared.id));
    expect(err.rule).toBe('SEAL-01');
    expect(err.message).toContain('已用于公文');
    expect(await sealSteps(b)).toEqual([]);
    // A reprint round of the same document needs a new request too.
    await step(a, 'dispatch', { entries: [{ recipient: '各县（市、区）扶贫办', copies: 9, method: '机要交换' }] });
    await requestReprint(await hub(), a, { reason: '错别字', majorChange: false });
    await throughRecheck(a);
    expect((await failure(sealStep(a, shared.id))).message).toContain('已用于本公文首印');
  });

  it('DOC-20 SEAL-01 SEAL-12: a proper request is stamped in the 用印登记簿 by its keeper, once', async () => {
    const id = await numbered();
    await throughRecheck(id);
    const req = await sealRequest(id);
    // 刘洋 keeps the 发文 records but not the 公章: the register's own check refuses him (SEAL-12).
    expect((await failure(sealStep(id, req.id, {}, 'liuyang'))).rule).toBe('SEAL-12');
    expect((await useRow(req.id)).status).toBe('approved');
    const r = await sealStep(id, req.id, { sealName: null });
    expect(r.step).toBe('seal');
    expect(await useRow(req.id)).toEqual({ status: 'stamped', stamped_by: 'psn_linfeng', stamp_count: 9 });
    expect(await sealSteps(id)).toEqual([expect.objectContaining({ sealRequestId: req.id, sealName: '白城市扶贫开发办公室', stampedInRegister: true })]);
    const [stamps] = await rows<{ n: number }>(t.database.db, sql`select count(*)::int as n from audit_log where event = 'seals.use.stamp' and object_id = ${req.id}`);
    expect(stamps.n).toBe(1);
    const ledger = await t.app.inject({ method: 'GET', url: `/api/v1/seals/uses/${req.id}`, headers: { cookie: await t.cookieFor('linfeng') } });
    expect(ledger.json()).toMatchObject({ status: 'stamped', stampedByName: '林峰', stampCount: 9 });
  });

  it('SEAL-01: an entry the keeper already stamped in the register is linked, not stamped a second time', async () => {
    const id = await numbered();
    await throughRecheck(id);
    const req = await sealRequest(id);
    await stampUse(await ctxFor(t, 'linfeng'), req.id, { blankPages: false, stampCount: 9 });
    // Recording the 公文's step no longer needs the keeper: the stamping is already registered.
    await sealStep(id, req.id, {}, 'liuyang');
    expect(await sealSteps(id)).toEqual([expect.objectContaining({ sealRequestId: req.id, stampedInRegister: false })]);
    const [stamps] = await rows<{ n: number }>(t.database.db, sql`select count(*)::int as n from audit_log where event = 'seals.use.stamp' and object_id = ${req.id}`);
    expect(stamps.n).toBe(1);
  });
});

describe('dispatch and archive (DOC-18), reprints (DOC-21)', () => {
  async function throughSeal(id: string, copies = 9) {
    await step(id, 'proofread');
    await step(id, 'print', { copies, reason: copies === 9 ? undefined : '按需' }, 'liuyang', ['DOC-22']);
    await step(id, 'recheck');
    await sealStep(id, (await sealRequest(id, { copies })).id, { copiesStamped: copies });
  }

  it('DOC-18: archive only after 封发, with the signed original; the electronic file is kept as archived', async () => {
    const id = await numbered();
    await throughSeal(id);
    expect((await failure(archiveOutgoing(await hub(), id, { signedOriginal: true }))).rule).toBe('DOC-14');
    await expect(step(id, 'dispatch', { entries: [{ recipient: '各县（市、区）扶贫办', copies: 10, method: '机要交换' }] })).rejects.toMatchObject({ status: 400 });
    await step(id, 'dispatch', { entries: [{ recipient: '各县（市、区）扶贫办', copies: 6, method: '机要交换' }, { recipient: '市财政局', copies: 1, method: '专人送达' }] });
    expect((await failure(archiveOutgoing(await hub(), id, { signedOriginal: false }))).rule).toBe('DOC-18');
    const { sha256 } = await archiveOutgoing(await hub(), id, { signedOriginal: true, location: '2026-发文-0007' });
    const res = await t.app.inject({ method: 'GET', url: `/api/v1/documents/${id}/archived.pdf`, headers: { cookie: await t.cookieFor('liuyang') } });
    expect(res.statusCode).toBe(200);
    expect(createHash('sha256').update(res.rawPayload).digest('hex')).toBe(sha256);
    await expect(archiveOutgoing(await hub(), id, { signedOriginal: true })).rejects.toMatchObject({ status: 409 });
    const s = await issueState(await hub(), id);
    expect(s.archived).toMatchObject({ location: '2026-发文-0007', signedOriginal: true, sha256 });
  });

  it('DOC-21: a reprint opens a new round with the same number; a major change blocks printing until re-signed', async () => {
    const id = await numbered();
    await throughSeal(id);
    await step(id, 'dispatch', { entries: [{ recipient: '各县（市、区）扶贫办', copies: 9, method: '机要交换' }] });
    await requestReprint(await hub(), id, { reason: '错别字', majorChange: false });
    const s = await issueState(await hub(), id);
    expect(s.round).toBe(1);
    expect(s.next).toBe('proofread');
    await step(id, 'proofread');
    const other = await numbered();
    await throughSeal(other);
    await requestReprint(await hub(), other, { reason: '改动主要内容', majorChange: true });
    await expect(step(other, 'proofread')).rejects.toMatchObject({ status: 422 });
  });

  it('DOC-19: an urgent numbered document raises one print reminder for 综合科', async () => {
    const id = await numbered({ urgency: '特急' });
    expect(await remindUrgentPrinting(t.database, t.clock)).toBeGreaterThanOrEqual(1);
    await remindUrgentPrinting(t.database, t.clock);
    const [n] = await rows<{ n: number }>(t.database.db, sql`select count(*)::int as n from notifications where object_id = ${id} and recipient_person_id = 'psn_huangjing' and title like '紧急公文待印制%'`);
    expect(n.n).toBe(1);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { rows } from '../../kernel/db';
import { createTestApp, type TestApp } from '../../../test/support/app';
import { ctxFor } from '../../../test/support/ctx';
import { archiveOutgoing, computeCopies, issueState, recordIssueStep, saveCopyPlan } from './dispatch-service';
import { remindUrgentPrinting } from './incoming-jobs';
import { requestReprint } from './numbering';
import { failure, signedDoc } from './test-helpers';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t?.close());

const hub = () => ctxFor(t, 'liuyang');
const step = async (id: string, s: Parameters<typeof recordIssueStep>[2], body: Record<string, unknown> = {}, who = 'liuyang', ack: string[] = []) =>
  recordIssueStep(await ctxFor(t, who), id, s, body, ack);

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

  it('DOC-20: the seal needs the approval of the 主要领导 or the 分管领导, and keeps the seal request id', async () => {
    const id = await numbered();
    await step(id, 'proofread');
    await step(id, 'print', { copies: 9 });
    await step(id, 'recheck', {}, 'xunuo');
    expect((await failure(step(id, 'seal', { approverPersonId: 'psn_zhutao', sealName: '白城市扶贫开发办公室', copiesStamped: 9 }, 'linfeng'))).rule).toBe('DOC-20');
    // 李明华 is a 副主任 but not in charge of 督查科.
    expect((await failure(step(id, 'seal', { approverPersonId: 'psn_liminghua', sealName: '白城市扶贫开发办公室', copiesStamped: 9 }, 'linfeng'))).rule).toBe('DOC-20');
    await expect(step(id, 'seal', { approverPersonId: 'psn_sunli', sealName: '白城市扶贫开发办公室', copiesStamped: 10 }, 'linfeng')).rejects.toMatchObject({ status: 400 });
    // SEAL-01: the request must be in the 用印登记簿 and approved — the demo's refused entry 2 is not.
    const year = (await rows<{ year: number }>(t.database.db, sql`select year from seal_uses where id = 'suse_demo2'`))[0].year;
    expect((await failure(step(id, 'seal', { approverPersonId: 'psn_sunli', sealName: '白城市扶贫开发办公室', copiesStamped: 9, sealRequestId: `${year}年第2号` }, 'linfeng'))).rule).toBe('SEAL-01');
    await expect(step(id, 'seal', { approverPersonId: 'psn_sunli', sealName: '白城市扶贫开发办公室', copiesStamped: 9, sealRequestId: 'no_such_request' }, 'linfeng')).rejects.toMatchObject({ status: 400 });
    await step(id, 'seal', { approverPersonId: 'psn_sunli', sealName: '白城市扶贫开发办公室', copiesStamped: 9, sealRequestId: `${year}年第1号` }, 'linfeng');
    const [rec] = await rows<{ data: { sealRequestId: string; approverName: string } }>(t.database.db, sql`select data from doc_issue_steps where document_id = ${id} and step = 'seal'`);
    expect(rec.data).toMatchObject({ sealRequestId: 'suse_demo1', approverName: '孙丽' });
    // The 主任 may approve too (another document).
    const other = await numbered();
    await step(other, 'proofread');
    await step(other, 'print', { copies: 9 });
    await step(other, 'recheck');
    await step(other, 'seal', { approverPersonId: 'psn_chenzhiyuan', sealName: '白城市扶贫开发办公室', copiesStamped: 9 }, 'linfeng');
  });
});

describe('dispatch and archive (DOC-18), reprints (DOC-21)', () => {
  async function throughSeal(id: string, copies = 9) {
    await step(id, 'proofread');
    await step(id, 'print', { copies, reason: copies === 9 ? undefined : '按需' }, 'liuyang', ['DOC-22']);
    await step(id, 'recheck');
    await step(id, 'seal', { approverPersonId: 'psn_sunli', sealName: '白城市扶贫开发办公室', copiesStamped: copies }, 'linfeng');
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

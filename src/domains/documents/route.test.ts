import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { rows } from '../../kernel/db';
import { actOnTask } from '../../kernel/flow';
import { createTestApp, type TestApp } from '../../../test/support/app';
import { ctxFor } from '../../../test/support/ctx';
import { numberDocument, requestReprint } from './numbering';
import { recordGoReview, submitDraft, updateDraft } from './service';
import { loadDoc } from './store';
import { baseDraft, DRAFTER, draft, failure, P, pending, routeToSignOff, signBy, signedDoc } from './test-helpers';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t?.close());

const number = async (id: string, signedCopyMatches = true) => numberDocument(await ctxFor(t, 'liuyang'), id, { signedCopyMatches });
const submitted = async (over: Record<string, unknown>) => {
  const id = await draft(t, over);
  await submitDraft(await ctxFor(t, DRAFTER), id);
  return id;
};

describe('the route of an outgoing document (DOC-02, DOC-03, DOC-06, DOC-07)', () => {
  it('DOC-03, DOC-02: 科室审核 → 分管主任审阅 → 会签 → 综合科审核 → 签发, each recorded', async () => {
    const id = await submitted({ countersignUnitIds: ['unit_xinxi'] });
    const steps = await routeToSignOff(t, id);
    expect(steps).toEqual(['section:zhutao', 'leader:sunli', 'countersign:luomin', 'go_review:huangjing']);
    const [trail] = await rows<{ n: number }>(t.database.db, sql`select count(*)::int as n from flow_actions a join doc_outgoing d on d.flow_instance_id = a.instance_id where d.id = ${id} and a.action = 'approve'`);
    expect(trail.n).toBe(4);
  });

  it('DOC-06: a failed item in the 综合科 review returns the draft with the reasons; approving without the record is refused', async () => {
    const id = await submitted({});
    for (let i = 0; i < 2; i++) {
      const task = (await pending(t, id))!;
      await actOnTask(await ctxFor(t, task.assignee.replace('psn_', '')), task.id, 'approve', {});
    }
    const task = (await pending(t, id))!;
    expect(task.step).toBe('go_review');
    expect(await failure(actOnTask(await ctxFor(t, 'huangjing'), task.id, 'approve', {}))).toMatchObject({ rule: 'DOC-06' });
    const r = await recordGoReview(await ctxFor(t, 'huangjing'), id, { kind: true, content: true, wording: false, format: true, attribute: true });
    expect(r).toEqual({ outcome: 'returned', reasons: ['文字表述不符合要求'] });
    const doc = await rows<{ status: string }>(t.database.db, sql`select f.status from flow_instances f join doc_outgoing d on d.flow_instance_id = f.id where d.id = ${id}`);
    expect(doc[0].status).toBe('returned');
    // The drafter corrects and resubmits: the route starts again.
    await updateDraft(await ctxFor(t, DRAFTER), id, baseDraft({ title: '关于开展扶贫项目资金自查工作的通知' }));
    await submitDraft(await ctxFor(t, DRAFTER), id);
    expect((await pending(t, id))!.step).toBe('section');
  });

  it('DISC-08: the 综合科 reviewer must confirm no mixed content for a 主动公开 document', async () => {
    const id = await submitted({ disclosure: '主动公开', disclosureMethod: '政府信息公开平台', attachments: [] });
    for (let i = 0; i < 2; i++) {
      const task = (await pending(t, id))!;
      await actOnTask(await ctxFor(t, task.assignee.replace('psn_', '')), task.id, 'approve', {});
    }
    const f = await failure(recordGoReview(await ctxFor(t, 'huangjing'), id, { kind: true, content: true, wording: true, format: true, attribute: true }));
    expect(f).toMatchObject({ rule: 'DISC-08' });
  });
});

describe('sign-off by the person the rules name (DOC-08..DOC-12)', () => {
  it('AS-E01 — DOC-12, DOC-15: a 科长 cannot sign off a 下行文, nor can it be numbered; the leader in charge can', async () => {
    const id = await submitted({ proposedSignerId: P('zhutao') });
    await routeToSignOff(t, id);
    const f = await failure(signBy(t, id, 'zhutao'));
    expect(f).toMatchObject({ code: 'RULE_BLOCKED', rule: 'DOC-12' });
    expect(f.message).toContain('分管起草科室的办领导');
    expect(await failure(number(id))).toMatchObject({ rule: 'DOC-15' });
    // The 科长 passes it on (转办) to the 分管办领导, who signs.
    const task = (await pending(t, id))!;
    await actOnTask(await ctxFor(t, 'zhutao'), task.id, 'delegate', { personId: P('sunli'), comment: '呈分管领导签发' });
    await signBy(t, id, 'sunli');
    const doc = await loadDoc(t.database.db, id);
    expect(doc).toMatchObject({ status: 'signed', signedByPersonId: P('sunli'), issueDate: '2026-11-02' });
    expect((await number(id)).docNumber).toMatch(/^白扶办发〔2026〕\d+号$/);
  });

  it('AS-E02 — DOC-09: an upward 请示 is signed by the 主任, not a 副主任', async () => {
    const id = await submitted({ kind: '请示', direction: 'up', disclosure: null, mainRecipients: ['市人民政府'], nonDisclosureReasonText: '报上级机关的请示', proposedSignerId: P('liminghua'), attachments: [] });
    await routeToSignOff(t, id);
    expect(await failure(signBy(t, id, 'liminghua'))).toMatchObject({ rule: 'DOC-09' });
    const id2 = await submitted({ kind: '请示', direction: 'up', disclosure: null, mainRecipients: ['市人民政府'], nonDisclosureReasonText: '报上级机关的请示', attachments: [] });
    await routeToSignOff(t, id2);
    expect((await pending(t, id2))!.assignee).toBe(P('chenzhiyuan'));
    await signBy(t, id2, 'chenzhiyuan');
    expect((await loadDoc(t.database.db, id2)).status).toBe('signed');
  });

  it('AS-E03 — DOC-08: a 党组文件 is signed by the 党组书记 only', async () => {
    const id = await submitted({ category: 'party', proposedSignerId: P('liminghua') });
    await routeToSignOff(t, id);
    expect(await failure(signBy(t, id, 'liminghua'))).toMatchObject({ rule: 'DOC-08' });
    const ok = await signedDoc(t, { category: 'party' }, 'chenzhiyuan', true);
    expect(ok.docNumber).toMatch(/^白扶党组发〔2026〕\d+号$/);
  });

  it('AS-E56 — DOC-10: an important 平行文 goes to the 主任; the leader in charge signs ordinary ones', async () => {
    const id = await submitted({ kind: '函', direction: 'parallel', isImportant: true, proposedSignerId: P('sunli'), mainRecipients: ['市农业农村局'] });
    await routeToSignOff(t, id);
    expect(await failure(signBy(t, id, 'sunli'))).toMatchObject({ rule: 'DOC-10' });
    expect((await signedDoc(t, { kind: '函', direction: 'parallel', isImportant: true }, 'chenzhiyuan')).id).toBeTruthy();
    expect((await signedDoc(t, { kind: '函', direction: 'parallel' }, 'sunli')).id).toBeTruthy();
  });

  it('AS-E57 — DOC-11: joint documents by equivalence', async () => {
    const id = await submitted({ category: 'joint', counterpartSignerLevel: 'principal', proposedSignerId: P('liminghua') });
    await routeToSignOff(t, id);
    expect(await failure(signBy(t, id, 'liminghua'))).toMatchObject({ rule: 'DOC-11' });
    expect((await signedDoc(t, { category: 'joint', counterpartSignerLevel: 'deputy' }, 'liminghua')).id).toBeTruthy();
    expect(await failure(submitted({ category: 'joint' }))).toMatchObject({ rule: 'DOC-11' });
  });
});

describe('numbering (DOC-15, DOC-16, DOC-17) and reprints (DOC-21)', () => {
  it('AS-E11 — DOC-16: attachments not complete block numbering', async () => {
    const { id } = await signedDoc(t, { attachments: [{ title: '自查表', attribute: '依申请公开', ready: false }] });
    expect(await failure(number(id))).toMatchObject({ rule: 'DOC-16' });
    expect(await failure(number((await signedDoc(t)).id, false))).toMatchObject({ rule: 'DOC-16' });
  });

  it('AS-E12 — DOC-16: editing the body after sign-off voids the sign-off', async () => {
    const { id } = await signedDoc(t);
    const r = await updateDraft(await ctxFor(t, DRAFTER), id, baseDraft({ body: [{ level: 0, text: '改动后的正文。' }] }));
    expect(r.signOffVoided).toBe(true);
    expect((await loadDoc(t.database.db, id)).status).toBe('draft');
    expect(await failure(number(id))).toMatchObject({ rule: 'DOC-15' });
  });

  it('DOC-17: numbers are consecutive per series and year; a number is never assigned twice', async () => {
    const a = await signedDoc(t, {}, 'sunli', true);
    const b = await signedDoc(t, {}, 'sunli', true);
    const seq = (n: string) => Number(/〕(\d+)号/.exec(n)![1]);
    expect(seq(b.docNumber!)).toBe(seq(a.docNumber!) + 1);
    expect(await failure(number(a.id))).toMatchObject({ rule: 'DOC-17' });
  });

  it('AS-E13 — DOC-21: a reprint keeps its number; a major change needs the original signer again', async () => {
    const a = await signedDoc(t, {}, 'sunli', true);
    const hub = await ctxFor(t, 'liuyang');
    const minor = await requestReprint(hub, a.id, { reason: '错别字', majorChange: false });
    expect(minor.docNumber).toBe(a.docNumber);
    const next = await signedDoc(t, {}, 'sunli', true);
    expect(Number(/〕(\d+)号/.exec(next.docNumber!)![1])).toBe(Number(/〕(\d+)号/.exec(a.docNumber!)![1]) + 1);
    const major = await requestReprint(hub, a.id, { reason: '政策口径调整', majorChange: true });
    expect((await loadDoc(t.database.db, a.id)).status).toBe('resign_required');
    const res = await t.app.inject({ method: 'GET', url: `/api/v1/documents/${a.id}/document.pdf`, headers: { cookie: await t.cookieFor('liuyang') } });
    expect(res.json().error.rule.id).toBe('DOC-21');
    const [task] = await rows<{ id: string; assignee: string }>(t.database.db, sql`select id, assignee_person_id as assignee from flow_tasks where instance_id = ${major.instanceId} and status = 'pending'`);
    expect(task.assignee).toBe(P('sunli'));
    await actOnTask(await ctxFor(t, 'sunli'), task.id, 'approve', { comment: '同意重印' });
    const doc = await loadDoc(t.database.db, a.id);
    expect(doc).toMatchObject({ status: 'numbered', docNumber: a.docNumber, reprints: 2 });
  });
});

import { eq, sql } from 'drizzle-orm';
import type { Ctx } from '../../kernel/context';
import { can, requireActor, withTx } from '../../kernel/context';
import { audit } from '../../kernel/audit/write';
import { rows } from '../../kernel/db';
import { errors } from '../../kernel/errors';
import { actOnTask, resubmit, startFlow } from '../../kernel/flow';
import { newId } from '../../kernel/ids';
import { sectionChiefOf, leaderInChargeOfUnit, principalLeader, holdersOfPost } from '../../kernel/org/lookups';
import { enforce, type Flagged } from '../../kernel/rules';
import { localDate } from '../../kernel/time';
import { checkSave, suggestedDisclosure } from './checks';
import type { OutgoingFormValue } from './flows';
import { DraftInput, seriesOf, type DraftInputValue } from './model';
import { DISC02, DOC06, DOC21 } from './rules';
import { outgoingDocuments } from './schema';
import { hubUnitId, loadDoc, type DocRow } from './store';

/** Drafting, submitting and the 综合科 review of outgoing documents (发文). */
const EDITABLE = ['draft', 'returned', 'signed', 'rejected', 'withdrawn', 'resign_required'];

function parseDraft(raw: unknown): DraftInputValue {
  const p = DraftInput.safeParse(raw);
  if (!p.success) {
    const i = p.error.issues[0];
    throw errors.badRequest(`发文填写有误：${i.path.join('.') ? `${i.path.join('.')} ` : ''}${i.message}`, p.error.issues);
  }
  const d = p.data;
  // DISC-06 / DISC-07: a draft without an attribute starts from the one the rules suggest.
  if (!d.disclosure) {
    const s = suggestedDisclosure(d);
    if (s) {
      d.disclosure = s.disclosure as never;
      if (s.reasonCode && !d.nonDisclosureReasonCode) d.nonDisclosureReasonCode = s.reasonCode;
    }
  }
  return d;
}

const columns = (d: DraftInputValue) => ({
  kind: d.kind, direction: d.direction, category: d.category, series: seriesOf(d.category), title: d.title,
  mainRecipients: d.mainRecipients, ccRecipients: d.ccRecipients, body: d.body, attachments: d.attachments,
  classification: d.classification, secrecyTerm: d.secrecyTerm ?? null, workSecret: d.workSecret, urgency: d.urgency,
  disclosure: d.disclosure, disclosureMethod: d.disclosureMethod ?? null, nonDisclosureReasonCode: d.nonDisclosureReasonCode ?? null,
  nonDisclosureReasonText: d.nonDisclosureReasonText ?? null, isForwarding: d.isForwarding, forwardedSourceAttribute: d.forwardedSourceAttribute ?? null,
  forwardingDeviationReason: d.forwardingDeviationReason ?? null, isImportant: d.isImportant, counterpartSignerLevel: d.counterpartSignerLevel ?? null,
  countersignUnitIds: d.countersignUnitIds, proposedSignerId: d.proposedSignerId ?? null, requestedSignBy: d.requestedSignBy ?? null, note: d.note ?? null,
});

export async function createDraft(ctx: Ctx, raw: unknown): Promise<{ id: string; disclosure: string | null }> {
  const d = parseDraft(raw);
  enforce(checkSave(d));
  return withTx(ctx, async (tx) => {
    const actor = requireActor(tx);
    if (!actor.personId) throw errors.forbidden('该账号未关联人员，不能起草公文');
    const [me] = await rows<{ unit_id: string | null }>(tx.db, sql`select unit_id from people where id = ${actor.personId}`);
    const id = newId('doc');
    const now = tx.clock.now();
    await tx.db.insert(outgoingDocuments).values({ id, status: 'draft', ...columns(d), draftingUnitId: me?.unit_id ?? null, drafterPersonId: actor.personId, createdAt: now, updatedAt: now });
    await audit(tx, { event: 'documents.draft.create', objectType: 'document', objectId: id, detail: { title: d.title } });
    return { id, disclosure: d.disclosure };
  });
}

/** The drafter's view of who may act: the drafter edits; 综合科 may correct drafts it reviews. */
function assertDrafter(ctx: Ctx, d: DocRow): void {
  const actor = requireActor(ctx);
  if (d.drafterPersonId !== actor.personId && !can(ctx, 'documents.review')) throw errors.forbidden('只有起草人可以修改本公文');
}

/**
 * Edit a draft. An edit after sign-off voids the sign-off (DOC-16c, interpretation): the
 * document must go through the route again. A numbered document changes only by reprint.
 */
export async function updateDraft(ctx: Ctx, id: string, raw: unknown): Promise<{ id: string; signOffVoided: boolean }> {
  const d = parseDraft(raw);
  enforce(checkSave(d));
  return withTx(ctx, async (tx) => {
    const cur = await loadDoc(tx.db, id, true);
    assertDrafter(tx, cur);
    const flowReturned = cur.status === 'in_review' && (await flowStatus(tx, cur.flowInstanceId)) === 'returned';
    if (!EDITABLE.includes(cur.status) && !flowReturned) throw errors.conflict(cur.status === 'numbered' ? '已编号的公文不能直接修改，有误的请办理重印（DOC-21）' : '公文正在审签中，退回后方可修改');
    const voided = cur.status === 'signed';
    const now = tx.clock.now();
    await tx.db.update(outgoingDocuments).set({
      ...columns(d),
      ...(voided ? { status: 'draft', signedByPersonId: null, signedByName: null, signedAt: null, issueDate: null, bodyHashAtSignOff: null, flowInstanceId: null, goReview: null } : {}),
      revision: cur.revision + 1,
      updatedAt: now,
    }).where(eq(outgoingDocuments.id, id));
    await audit(tx, { event: 'documents.draft.update', objectType: 'document', objectId: id, detail: voided ? { signOffVoided: true, rule: 'DOC-16' } : {} });
    return { id, signOffVoided: voided };
  });
}

async function flowStatus(ctx: Ctx, instanceId: string | null): Promise<string | null> {
  if (!instanceId) return null;
  const [r] = await rows<{ status: string }>(ctx.db, sql`select status from flow_instances where id = ${instanceId}`);
  return r?.status ?? null;
}

/** The signer the rules name, as the default 拟签发人 (DOC-08..DOC-12). */
async function defaultSigner(ctx: Ctx, d: DocRow, hub: string | null, today: string): Promise<string | null> {
  if (d.category === 'party') return (await principalLeader(ctx.db, today, 'party'))?.id ?? null;
  if ((d.category === 'office' && (d.direction === 'up' || d.isImportant)) || (d.category === 'joint' && d.counterpartSignerLevel === 'principal')) {
    return (await holdersOfPost(ctx.db, 'director', undefined, today))[0]?.id ?? null;
  }
  const unit = d.category === 'general' ? hub : d.draftingUnitId;
  return unit ? ((await leaderInChargeOfUnit(ctx.db, unit, today))?.id ?? null) : null;
}

async function flowForm(ctx: Ctx, d: DocRow): Promise<OutgoingFormValue> {
  const today = localDate(ctx.clock.now());
  const hub = await hubUnitId(ctx.db);
  const chief = d.draftingUnitId ? await sectionChiefOf(ctx.db, d.draftingUnitId, today) : null;
  const countersign: string[] = [];
  for (const u of d.countersignUnitIds) {
    if (u === d.draftingUnitId) continue;
    const c = await sectionChiefOf(ctx.db, u, today);
    if (!c) throw errors.unprocessable('DOC_NO_COUNTERSIGNER', '会签科室未登记科室负责人，请联系综合科维护组织机构');
    countersign.push(c.id);
  }
  const signer = d.proposedSignerId ?? (await defaultSigner(ctx, d, hub, today));
  if (!signer) throw errors.unprocessable('DOC_NO_SIGNER', '无法确定签发人，请选择拟签发人');
  return {
    documentId: d.id, title: d.title, kind: d.kind, direction: d.direction as never, category: d.category as never, isImportant: d.isImportant,
    counterpartSignerLevel: d.counterpartSignerLevel as never, draftingUnitId: d.draftingUnitId, hubUnitId: hub,
    needsSectionReview: !!chief && chief.id !== d.drafterPersonId, countersignPersonIds: countersign, signerPersonId: signer,
  };
}

/** Send the draft on its route (or back on it after a return). Checks run in the flow's checkSubmit. */
export async function submitDraft(ctx: Ctx, id: string, acknowledged: string[] = []): Promise<{ instanceId: string; warnings: Flagged[] }> {
  return withTx(ctx, async (tx) => {
    const d = await loadDoc(tx.db, id, true);
    assertDrafter(tx, d);
    const form = await flowForm(tx, d);
    const now = tx.clock.now();
    if (d.flowInstanceId && (await flowStatus(tx, d.flowInstanceId)) === 'returned') {
      await resubmit(tx, d.flowInstanceId, form, acknowledged);
      await tx.db.update(outgoingDocuments).set({ status: 'in_review', goReview: null, updatedAt: now }).where(eq(outgoingDocuments.id, id));
      return { instanceId: d.flowInstanceId, warnings: [] };
    }
    if (!['draft', 'rejected', 'withdrawn'].includes(d.status)) throw errors.conflict('该公文已在审签中或已签发');
    const r = await startFlow(tx, 'documents.outgoing', { form, subjectType: 'document', subjectId: id, acknowledged });
    await tx.db.update(outgoingDocuments).set({ status: 'in_review', flowInstanceId: r.instanceId, goReview: null, updatedAt: now }).where(eq(outgoingDocuments.id, id));
    await audit(tx, { event: 'documents.submit', objectType: 'document', objectId: id, detail: { instanceId: r.instanceId } });
    return { instanceId: r.instanceId, warnings: r.warnings };
  });
}

export interface GoReviewInput {
  kind: boolean;
  content: boolean;
  wording: boolean;
  format: boolean;
  attribute: boolean;
  noMixedContentConfirmed?: boolean;
  note?: string;
}

/**
 * 综合科审核 (DOC-06): every item recorded; any failure, or a missing attribute (DISC-02), returns
 * the draft to the drafting section with the reasons; otherwise the review step is approved.
 */
export async function recordGoReview(ctx: Ctx, id: string, input: GoReviewInput): Promise<{ outcome: 'passed' | 'returned'; reasons: string[] }> {
  return withTx(ctx, async (tx) => {
    const actor = requireActor(tx);
    const d = await loadDoc(tx.db, id, true);
    const [task] = await rows<{ id: string }>(
      tx.db,
      sql`select t.id from flow_tasks t join flow_instances i on i.id = t.instance_id
          where t.instance_id = ${d.flowInstanceId} and t.status = 'pending' and (i.plan -> t.step_index ->> 'id') = 'go_review' and t.assignee_person_id = ${actor.personId}`,
    );
    if (!task) throw errors.conflict('该公文不在您的综合科审核环节');
    const labels: [keyof GoReviewInput, string][] = [['kind', '发文种类'], ['content', '文件内容'], ['wording', '文字表述'], ['format', '体例格式'], ['attribute', '公开属性']];
    const reasons = labels.filter(([k]) => !input[k]).map(([, l]) => `${l}不符合要求`);
    if (!d.disclosure) reasons.unshift('NO_DISCLOSURE_ATTRIBUTE：未标识公开属性');
    const passed = reasons.length === 0;
    const record = { ...input, passed, by: actor.personId, at: tx.clock.now().toISOString(), reasons };
    await tx.db.update(outgoingDocuments).set({ goReview: record, updatedAt: tx.clock.now() }).where(eq(outgoingDocuments.id, id));
    const comment = passed ? `综合科审核通过${input.note ? `：${input.note}` : ''}` : `退回承办科室（${(d.disclosure ? DOC06 : DISC02).id}）：${reasons.join('；')}${input.note ? `；${input.note}` : ''}`;
    await actOnTask(tx, task.id, passed ? 'approve' : 'return', { comment, toStep: 'applicant' });
    await audit(tx, { event: 'documents.go_review', objectType: 'document', objectId: id, detail: record });
    return { outcome: passed ? 'passed' : 'returned', reasons };
  });
}

export { DOC21 };

import { z } from 'zod';
import { sql } from 'drizzle-orm';
import type { Ctx } from '../../kernel/context';
import { addWorkingDays } from '../../kernel/calendar/workdays';
import { defineFlow, type ActionFacts } from '../../kernel/flow';
import type { Verdict } from '../../kernel/rules';
import { localDate } from '../../kernel/time';
import { checkSubmit, type DraftFacts } from './checks';
import { CATEGORIES, DIRECTIONS } from './model';
import { DISC02, DISC08, DOC06, DOC07, DOC13 } from './rules';
import { checkSigner, signerFacts } from './signer';
import { contentHash, lastStepSigner, loadDoc, type DocRow } from './store';

/**
 * The route of an outgoing document on the approval engine (DOC-02, DOC-03, DOC-06, DOC-07,
 * CONF-115 order): 科室审核 → 分管主任审阅 → 会签 (when other sections are named) → 综合科审核
 * → 签发. The form is a snapshot of what routing needs; the checks read the live document.
 */
export const OutgoingForm = z.object({
  documentId: z.string(),
  title: z.string(),
  kind: z.string(),
  direction: z.enum(DIRECTIONS),
  category: z.enum(CATEGORIES),
  isImportant: z.boolean(),
  counterpartSignerLevel: z.enum(['principal', 'deputy']).nullish(),
  draftingUnitId: z.string().nullable(),
  hubUnitId: z.string().nullable(),
  needsSectionReview: z.boolean(),
  countersignPersonIds: z.array(z.string()),
  signerPersonId: z.string().min(1, '请选择拟签发人'),
});
export type OutgoingFormValue = z.infer<typeof OutgoingForm>;

const asFacts = (d: DocRow): DraftFacts => ({ ...d, direction: d.direction as never, category: d.category as never, kind: d.kind as never, classification: d.classification as never, urgency: d.urgency as never, disclosure: d.disclosure as never, forwardedSourceAttribute: d.forwardedSourceAttribute as never, counterpartSignerLevel: d.counterpartSignerLevel as never, attachments: d.attachments as never });

export async function submissionVerdicts(ctx: Ctx, d: DocRow): Promise<Verdict[]> {
  const today = localDate(ctx.clock.now());
  const minSignBy = d.urgency === '非紧急' && d.requestedSignBy ? await addWorkingDays(ctx.db, today, DOC13.param('minWorkingDays')) : null;
  return checkSubmit(asFacts(d), minSignBy);
}

/** The 综合科 review must be recorded, passed and (for 主动公开) confirm no mixed content. */
function goReviewVerdicts(d: DocRow): Verdict[] {
  if (!d.disclosure) return [DISC02.block('公文未标识公开属性，应退回承办科室重新办理（NO_DISCLOSURE_ATTRIBUTE）')];
  const r = d.goReview as { passed?: boolean; noMixedContentConfirmed?: boolean } | null;
  if (!r?.passed) return [DOC06.block('请先在公文页面逐项记录综合科审核结果（发文种类、文件内容、文字表述、体例格式、公开属性）')];
  if (d.disclosure === '主动公开' && !r.noMixedContentConfirmed) return [DISC08.block('主动公开的公文须由综合科确认无夹带依申请公开、不予公开内容')];
  return [];
}

async function checkOutgoingAction(a: ActionFacts<OutgoingFormValue>, ctx: Ctx): Promise<Verdict[]> {
  if (a.action !== 'approve') return [];
  const d = await loadDoc(ctx.db, a.facts.form.documentId);
  if (a.step.id === 'go_review') return goReviewVerdicts(d);
  if (a.step.id !== 'sign') return [];
  const gate = goReviewVerdicts(d);
  if (gate.length) return gate.map((v) => (v.outcome === 'block' ? DOC07.block(`未经综合科审核的公文不得呈报办领导签发：${v.message}`) : v));
  const f = a.facts.form;
  return checkSigner(f, await signerFacts(ctx.db, a.actorPersonId, f.draftingUnitId, f.hubUnitId, a.today));
}

/** Sign-off complete: record the signer, the 成文日期 and what was signed (DOC-16c). */
async function markSigned(ctx: Ctx, documentId: string, instanceId: string): Promise<void> {
  const d = await loadDoc(ctx.db, documentId);
  const signer = await lastStepSigner(ctx.db, instanceId);
  const now = ctx.clock.now();
  await ctx.db.execute(sql`update doc_outgoing set status = ${d.docNumber ? 'numbered' : 'signed'}, signed_by_person_id = ${signer?.personId ?? null},
    signed_by_name = ${signer?.name ?? null}, signed_at = ${now.toISOString()}, issue_date = ${d.docNumber ? d.issueDate : localDate(now)},
    body_hash_at_sign_off = ${contentHash(d)}, updated_at = ${now.toISOString()} where id = ${documentId}`);
}

export const OUTGOING_FLOW = defineFlow<OutgoingFormValue>({
  key: 'documents.outgoing',
  version: 1,
  name: '发文审签',
  form: OutgoingForm as never,
  title: (f) => `发文：${f.form.title}`,
  checkSubmit: async (ctx, f) => submissionVerdicts(ctx, await loadDoc(ctx.db, f.form.documentId)),
  checkActionAsync: checkOutgoingAction,
  onComplete: async (ctx, inst, outcome) => {
    const id = (inst.form as OutgoingFormValue).documentId;
    if (outcome === 'approved') return markSigned(ctx, id, inst.id);
    await ctx.db.execute(sql`update doc_outgoing set status = ${outcome}, updated_at = ${ctx.clock.now().toISOString()} where id = ${id}`);
  },
  steps: [
    { id: 'section', name: '科室审核', kind: 'single', approvers: [{ kind: 'sectionChief' }], verb: 'review', when: (f) => f.form.needsSectionReview, ruleIds: ['DOC-03'] },
    { id: 'leader', name: '分管主任审阅', kind: 'single', approvers: [{ kind: 'leaderOfApplicantUnit' }], verb: 'review', ruleIds: ['DOC-03'] },
    { id: 'countersign', name: '会签', kind: 'countersign', approvers: [{ kind: 'formField', field: 'countersignPersonIds' }], verb: 'consent', when: (f) => f.form.countersignPersonIds.length > 0, ruleIds: ['DOC-02'] },
    { id: 'go_review', name: '综合科审核', kind: 'anyOne', approvers: [{ kind: 'post', post: 'clerk' }], verb: 'review', ruleIds: ['DOC-06', 'DISC-02', 'DISC-08'] },
    { id: 'sign', name: '签发', kind: 'single', approvers: [{ kind: 'formField', field: 'signerPersonId' }], verb: 'sign', ruleIds: ['DOC-07', 'DOC-08', 'DOC-09', 'DOC-10', 'DOC-11', 'DOC-12'] },
  ],
});

/** A reprint with a major change goes back to the original signer (DOC-21). */
export const ResignForm = OutgoingForm.extend({ reprintId: z.string(), reason: z.string() });
export type ResignFormValue = z.infer<typeof ResignForm>;

export const RESIGN_FLOW = defineFlow<ResignFormValue>({
  key: 'documents.resign',
  version: 1,
  name: '重印重新签发',
  form: ResignForm as never,
  title: (f) => `重印重新签发：${f.form.title}`,
  checkActionAsync: async (a, ctx) => {
    if (a.action !== 'approve') return [];
    const f = a.facts.form;
    return checkSigner(f, await signerFacts(ctx.db, a.actorPersonId, f.draftingUnitId, f.hubUnitId, a.today));
  },
  onComplete: async (ctx, inst, outcome) => {
    const f = inst.form as ResignFormValue;
    const now = ctx.clock.now().toISOString();
    if (outcome === 'approved') {
      const d = await loadDoc(ctx.db, f.documentId);
      await ctx.db.execute(sql`update doc_reprints set status = 'done' where id = ${f.reprintId}`);
      await ctx.db.execute(sql`update doc_outgoing set status = 'numbered', reprints = reprints + 1, body_hash_at_sign_off = ${contentHash(d)}, updated_at = ${now} where id = ${f.documentId}`);
    } else {
      await ctx.db.execute(sql`update doc_reprints set status = 'cancelled' where id = ${f.reprintId}`);
      await ctx.db.execute(sql`update doc_outgoing set status = 'numbered', updated_at = ${now} where id = ${f.documentId}`);
    }
  },
  steps: [{ id: 'resign', name: '原签发人重新签发', kind: 'single', approvers: [{ kind: 'formField', field: 'signerPersonId' }], verb: 'sign', ruleIds: ['DOC-21'] }],
});

import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { defineFlow, type PrintableInstance } from '../../kernel/flow';
import { audit } from '../../kernel/audit/write';
import { rows } from '../../kernel/db';
import { errors } from '../../kernel/errors';
import { newId } from '../../kernel/ids';
import { localDate } from '../../kernel/time';
import type { FormRow, FormSpec } from '../../kernel/render/form-spec';
import { checkDecisionInForce, checkDisposalDecision, coveringDisposalDecision, largeLine, type DisposalDecision } from './disposal-decision';

/**
 * 固定资产处置审批 (ASSET-10, CONF-55): 综合科科长 → 分管副主任 (the deputy supervising 综合科,
 * `assetDisposalApprovers`). At the large line of book value or more (PG-S6, SZYD-05) the request
 * links the 党组 decision that covers it, or nobody may submit or approve it (disposal-decision.ts).
 */
export const DISPOSAL_KINDS = { loss: '报损', scrap: '报废', sale: '变卖' } as const;
export const DisposalForm = z.object({
  assetIds: z.array(z.string().min(1).max(100)).min(1, '请选择要处置的资产').max(500),
  kind: z.enum(['loss', 'scrap', 'sale']),
  reason: z.string().trim().min(1, '请填写处置原因').max(1000),
  expectedProceedsFen: z.number().int().nonnegative().max(10_000_000_000).default(0),
  /** The 党组 decision (meetings) of a large disposal. */
  decisionId: z.string().trim().max(100).nullable().default(null),
  hubChiefId: z.string().max(100).optional(),
  hubLeaderId: z.string().max(100).optional(),
});
export type DisposalFormValue = z.infer<typeof DisposalForm>;

interface DisposalFacts {
  bookValueFen: number;
  assets: { id: string; assetNo: string; name: string; unitName: string; valueFen: number }[];
  /** At or above the large line (ASSET-10 with PG-S6 / SZYD-05). */
  large: boolean;
  decision: DisposalDecision | null;
}
const df = (facts: { derived: unknown }) => facts.derived as DisposalFacts;

export const DISPOSAL_FLOW = defineFlow<DisposalFormValue>({
  key: 'assets.disposal',
  version: 1,
  name: '固定资产处置审批',
  form: DisposalForm as never,
  title: (f) => `固定资产${DISPOSAL_KINDS[f.form.kind]}：${(f.derived as unknown as DisposalFacts).assets.map((a) => a.name).join('、').slice(0, 60)}`,
  async derive(ctx, form) {
    const found = await rows<{ id: string; assetNo: string; name: string; unitName: string; valueFen: number; status: string }>(ctx.db, sql`select a.id, a.asset_no as "assetNo", a.name, u.name as "unitName",
        a.original_value_fen::float8 as "valueFen", a.status from assets a join org_units u on u.id = a.unit_id
      where a.id in (${sql.join(form.assetIds.map((i) => sql`${i}`), sql`, `)})`);
    if (found.length !== new Set(form.assetIds).size) throw errors.badRequest('所选资产中有不存在的资产');
    const busy = found.filter((a) => a.status === 'disposing' || a.status === 'disposed');
    if (busy.length) throw errors.conflict(`资产已在处置中或已处置：${busy.map((a) => a.assetNo).join('、')}`);
    const bookValueFen = found.reduce((s, a) => s + a.valueFen, 0);
    const large = bookValueFen >= largeLine();
    const decision = large && form.decisionId ? await coveringDisposalDecision(ctx.db, bookValueFen, form.decisionId) : null;
    const facts: DisposalFacts = { bookValueFen, assets: found.map(({ status: _s, ...a }) => a), large, decision };
    return { ...facts };
  },
  checkSubmit(_ctx, f) {
    const d = df(f);
    return checkDisposalDecision({ bookValueFen: d.bookValueFen, decisionId: f.form.decisionId, decision: d.decision });
  },
  // Every approval re-reads the decision: one revoked after submission stops the disposal.
  async checkActionAsync(a, ctx) {
    if (a.action !== 'approve') return [];
    return checkDecisionInForce(ctx.db, df(a.facts));
  },
  printForm: printDisposal,
  async onComplete(ctx, inst, outcome) {
    const form = inst.form as unknown as DisposalFormValue;
    await ctx.db.execute(sql`update asset_disposals set status = ${outcome} where flow_instance_id = ${inst.id}`);
    const type = form.kind;
    for (const id of form.assetIds) {
      if (outcome === 'approved') {
        await ctx.db.execute(sql`update assets set status = 'disposed', holder_person_id = null where id = ${id}`);
        await ctx.db.execute(sql`insert into asset_events (id, asset_id, type, on_date, from_unit_id, actor_person_id, approval_ref, note, created_at)
          select ${newId('aev')}, a.id, ${type}, ${localDate(ctx.clock.now())}, a.unit_id, ${inst.applicantPersonId}, ${inst.id}, ${`经批准${DISPOSAL_KINDS[type]}：${form.reason}`}, ${ctx.clock.now().toISOString()} from assets a where a.id = ${id}`);
      } else {
        await ctx.db.execute(sql`update assets set status = case when holder_person_id is null then 'registered' else 'in_use' end where id = ${id} and status = 'disposing'`);
      }
    }
    await audit(ctx, { event: `assets.disposal.${outcome}`, objectType: 'asset_disposal', objectId: inst.subjectId ?? inst.id, detail: { ruleId: 'ASSET-10', assets: form.assetIds.length, decisionId: (inst.facts as unknown as DisposalFacts).decision?.id ?? null } });
  },
  steps: [
    { id: 'office', name: '综合科科长', kind: 'single', approvers: [{ kind: 'formField', field: 'hubChiefId' }], verb: 'review', ruleIds: ['ASSET-10'] },
    { id: 'leader', name: '分管副主任', kind: 'single', approvers: [{ kind: 'formField', field: 'hubLeaderId' }], verb: 'approve', ruleIds: ['ASSET-10'] },
  ],
});

function printDisposal(detail: PrintableInstance): FormSpec {
  const form = detail.form as unknown as DisposalFormValue;
  const f = detail.facts as unknown as DisposalFacts;
  const sigs: FormRow[] = detail.steps.map((s) => {
    const sig = s.signatures.at(-1);
    return { kind: 'signature', label: s.name, opinion: sig ? sig.opinion : '', signer: sig?.name ?? '', date: sig?.decidedAt ?? '' };
  });
  return {
    title: '固定资产处置审批表',
    subtitle: `申请日期：${new Date(detail.submittedAt).toLocaleDateString('zh-CN', { timeZone: 'Asia/Shanghai' })}`,
    rows: [
      { kind: 'fields', cells: [{ label: '处置方式', value: DISPOSAL_KINDS[form.kind] }, { label: '申请人', value: detail.applicant.name }, { label: '账面价值', value: `${(f.bookValueFen / 100).toFixed(2)}元` }] },
      { kind: 'text', label: '处置资产', value: f.assets.map((a) => `${a.assetNo} ${a.name}（${a.unitName}，${(a.valueFen / 100).toFixed(2)}元）`).join('\n'), minHeight: 50 },
      { kind: 'text', label: '处置原因', value: form.reason },
      { kind: 'fields', cells: [{ label: '预计残值变价收入', value: `${(form.expectedProceedsFen / 100).toFixed(2)}元（一律上交市财政）` }] },
      { kind: 'text', label: '党组决定', value: decisionLabel(detail) },
      ...sigs,
    ],
    notes: ['未经批准不得擅自处置固定资产；残值变价收入一律上交市财政，严禁将其作为“小金库”或挪做他用（财务管理制度五（五）、五（六））。'],
  };
}

/** The linked decision as printed; requests filed before the link carried a typed reference. */
function decisionLabel(detail: PrintableInstance): string {
  const d = (detail.facts as unknown as Partial<DisposalFacts>).decision;
  if (d) return `${d.title}（${d.bodyCode === 'party_group' ? '党组会议' : '主任办公会议'} ${d.decidedOn}）`;
  return typeof detail.form.decisionRef === 'string' && detail.form.decisionRef ? detail.form.decisionRef : '—';
}

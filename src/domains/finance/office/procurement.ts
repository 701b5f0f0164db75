import { sql } from 'drizzle-orm';
import type { Ctx } from '../../../kernel/context';
import { rows } from '../../../kernel/db';
import { defineFlow, type ActionFacts, type Applicant, type Facts, type FlowDefinition, type PrintableInstance } from '../../../kernel/flow';
import { planSteps } from '../../../kernel/flow/plan';
import { resolveAssignees } from '../../../kernel/flow/resolve';
import { principalLeader, sectionChiefOf } from '../../../kernel/org/lookups';
import type { FormSpec, FormRow } from '../../../kernel/render/form-spec';
import type { Verdict } from '../../../kernel/rules';
import { localDate } from '../../../kernel/time';
import { classifyMatter, findCoveringDecision } from '../../meetings';
import { SZYD07 } from '../../meetings/rules';
import { yuan } from '../categories';
import { checkFinanceRoles } from './roles';
import { localDay, nextSeq, settleRow, signed } from './common';
import { PROCUREMENT_KINDS, PROCUREMENT_METHODS, ProcurementForm, type ProcurementFormValue } from './forms';
import { FIVE10, FIVE12, FIVE13, FIVE15, FIVE16, FIVE18 } from './rules';

/**
 * 物资采购 by tier (五不直接分管 第二条（四）) on the seed's 办公用品、生活物资购买（维修）申请单 (FMS-F1):
 * one request form for buying or repairing office supplies, living materials and equipment.
 *  - small  (below the boundary, FIVE-10): 申请人 → 综合科（科长签字） → 分管物资采购的领导批准;
 *  - larger (boundary or more, not 三重一大, FIVE-11): … → 分管领导审核并请示 → 主要领导同意;
 *  - large  (三重一大 by the classifier, 2万元 or more, FIVE-12 / FIVE-15, CONF-45): only with the linked
 *    党组 decision; then the large-expenditure chain (FIVE-06 as merged by CONF-01): 经办人科室负责人 →
 *    综合科 → 财务负责人 → 分管该业务的办领导 (for procurement: the leader in charge of procurement)
 *    审核 → 分管财务审批的办领导审批. The principal leader signs no slot of it (FIVE-18).
 * Reading (CONF-54): 科长签字 on FMS-F1 is the 综合科科长. The estimated amount is kept with each
 * line (the paper form has no price column) because the tier depends on it.
 */
export type ProcurementTier = 'small' | 'larger' | 'large';
export const PROCUREMENT_TIER_LABEL: Record<ProcurementTier, string> = { small: '小额度', larger: '较大额度', large: '大额度' };

export interface ProcurementFacts {
  today: string;
  year: number;
  seq: number;
  totalFen: number;
  tier: ProcurementTier | null;
  boundaryFen: number | null;
  classification: string;
  szydRuleId: string | null;
  decision: { id: string; title: string; decidedOn: string; body: string; hasProposal: boolean } | null;
  principalId: string | null;
  applicantIsChief: boolean;
}

const pf = (f: Facts<ProcurementFormValue>) => f.derived as unknown as ProcurementFacts;

/** The boundary if usable (CONF-03: above 0 and below the large-amount threshold), else null. */
export function usableBoundary(): number | null {
  const b = FIVE10.param('smallLargerBoundaryFen');
  return typeof b === 'number' && b > 0 && b < SZYD07.param('thresholdFen') ? b : null;
}

/** The tier of an amount: the 三重一大 classifier decides large; the office's boundary small/larger. */
export function procurementTier(totalFen: number): { tier: ProcurementTier | null; boundaryFen: number | null; classification: string; szydRuleId: string | null } {
  const cls = classifyMatter({ kind: 'procurement', amountFen: totalFen });
  const boundaryFen = usableBoundary();
  if (cls.collective) return { tier: 'large', boundaryFen, classification: cls.reason, szydRuleId: cls.ruleId };
  if (boundaryFen === null) return { tier: null, boundaryFen, classification: cls.reason, szydRuleId: null };
  return { tier: totalFen < boundaryFen ? 'small' : 'larger', boundaryFen, classification: cls.reason, szydRuleId: null };
}

export async function deriveProcurement(ctx: Ctx, form: ProcurementFormValue, applicant: Applicant): Promise<ProcurementFacts> {
  const today = localDate(ctx.clock.now());
  const year = Number(today.slice(0, 4));
  const totalFen = form.lines.reduce((s, l) => s + l.estimatedFen, 0);
  const t = procurementTier(totalFen);
  const found = t.tier === 'large' && form.decisionId
    ? await findCoveringDecision(ctx.db, { kind: 'procurement', amountFen: totalFen, decisionId: form.decisionId })
    : null;
  let hasProposal = false;
  if (found) {
    const [r] = await rows<{ n: number }>(ctx.db, sql`select count(*)::int as n from meeting_decisions d join meeting_topics t on t.id = d.topic_id where d.id = ${found.id} and t.proposal_id is not null`);
    hasProposal = (r?.n ?? 0) > 0;
  }
  const principal = await principalLeader(ctx.db, today);
  const chief = applicant.unitId ? await sectionChiefOf(ctx.db, applicant.unitId, today) : null;
  return {
    today,
    year,
    seq: await nextSeq(ctx, 'finance_procurements', year),
    totalFen,
    ...t,
    decision: found ? { id: found.id, title: found.title, decidedOn: found.decidedOn, body: found.body, hasProposal } : null,
    principalId: principal?.id ?? null,
    applicantIsChief: chief?.id === applicant.personId,
  };
}

/** Pure checks at submission (FIVE-10, FIVE-12, FIVE-13, FIVE-15, FIVE-16). */
export function checkProcurement(form: ProcurementFormValue, f: ProcurementFacts): Verdict[] {
  if (f.tier === null) {
    return [FIVE10.block('本办尚未设置“小额度与较大额度物资采购的分界”参数（FIVE-10 smallLargerBoundaryFen，须大于0且低于大额资金标准），采购申请暂不能确定审批路径，请系统管理员在“制度执行一览”中设置')];
  }
  const out: Verdict[] = [];
  if (f.tier === 'large' && !f.decision) {
    if (!form.decisionId) out.push(FIVE12.block(`${f.classification}，属大额度物资采购，按大额资金支出规定办理，须先经办党组集体研究决定，请关联党组会议的决定`, { szydRuleId: f.szydRuleId }));
    else out.push(FIVE15.block('所选决定不是领导班子集体研究作出的有效决定，或其事项类别（采购项目）、金额不覆盖本次采购；个人审批不能代替集体决定'));
  }
  if (f.decision && !f.decision.hasProposal) out.push(FIVE16.warn(`所关联的决定“${f.decision.title}”未载明承办科室提交的工作讨论方案，请核实`));
  if (form.method === 'single_source' && !form.methodBasis) out.push(FIVE13.block('单一来源采购须写明依据（政府采购法第三十一条）'));
  return out;
}

/** FIVE-18: the principal leader is in no slot of the route except the larger tier's consent. */
async function checkRoute(ctx: Ctx, def: FlowDefinition<ProcurementFormValue>, facts: Facts<ProcurementFormValue>): Promise<Verdict[]> {
  const f = pf(facts);
  const out: Verdict[] = [];
  for (const step of planSteps(def, facts)) {
    if (step.id === 'principal') continue;
    const people = await resolveAssignees(ctx.db, step.approvers, facts.applicant, facts.form as never, f.today, step.name).catch(() => []);
    if (people.some((p) => p.personId === f.principalId)) out.push(FIVE18.block(`主要领导不直接分管物资采购，不能在“${step.name}”签字；请调整领导分工`));
  }
  return out;
}

export function checkProcurementAction(a: ActionFacts<ProcurementFormValue>): Verdict[] {
  if (!['approve', 'record_external'].includes(a.action)) return [];
  const f = pf(a.facts);
  if (f.tier === 'large' && !f.decision) return [FIVE12.block('大额度物资采购未关联党组集体研究决定，不得签批')];
  if (a.actorPersonId === f.principalId && a.step.id !== 'principal') return [FIVE18.block(`主要领导不直接分管物资采购，不能在“${a.step.name}”签字`)];
  return [];
}

const tierIs = (...t: ProcurementTier[]) => (f: Facts<ProcurementFormValue>) => t.includes(pf(f).tier as ProcurementTier);

export const PROCUREMENT_FLOW: FlowDefinition<ProcurementFormValue> = defineFlow<ProcurementFormValue>({
  key: 'finance.procurement',
  version: 1,
  name: '物资采购（维修）申请',
  form: ProcurementForm as never,
  title: (f) => `${f.applicant.name}申请${PROCUREMENT_KINDS[f.form.kind]}：${f.form.title}（${yuan(pf(f).totalFen)}，${pf(f).tier ? PROCUREMENT_TIER_LABEL[pf(f).tier!] : '未定级'}）`,
  derive: async (ctx, form, applicant) => ({ ...(await deriveProcurement(ctx, form, applicant)) }),
  checkSubmit: async (ctx, facts) => {
    const v = [...(await checkFinanceRoles(ctx, pf(facts).today)), ...checkProcurement(facts.form, pf(facts))];
    return v.some((x) => x.outcome === 'block') ? v : [...v, ...(await checkRoute(ctx, PROCUREMENT_FLOW, facts))];
  },
  checkAction: checkProcurementAction,
  printForm: printProcurementForm,
  onComplete: (ctx, inst, outcome) => settleRow(ctx, 'finance_procurements', inst, outcome),
  steps: [
    { id: 'section', name: '经办人科室负责人', kind: 'single', approvers: [{ kind: 'sectionChief' }], verb: 'sign', when: (f) => tierIs('large')(f) && !pf(f).applicantIsChief, ruleIds: ['FIVE-12'] },
    { id: 'hub', name: '科长签字（综合科）', kind: 'single', approvers: [{ kind: 'formField', field: 'hubChiefId' }], verb: 'review', when: (f) => f.form.hubChiefId !== f.applicant.personId, ruleIds: ['FIVE-10'] },
    { id: 'finance', name: '财务负责人', kind: 'single', approvers: [{ kind: 'post', post: 'finance_head' }], verb: 'review', when: tierIs('large'), ruleIds: ['FIVE-12'] },
    { id: 'procurement', name: '分管物资采购的领导批准', kind: 'single', approvers: [{ kind: 'leaderOfArea', area: 'procurement' }], verb: 'approve', when: tierIs('small'), ruleIds: ['FIVE-10'] },
    { id: 'procurement_request', name: '分管物资采购的领导审核并请示', kind: 'single', approvers: [{ kind: 'leaderOfArea', area: 'procurement' }], verb: 'review', when: tierIs('larger'), ruleIds: ['FIVE-11'] },
    { id: 'principal', name: '主要领导同意', kind: 'single', approvers: [{ kind: 'principal' }], verb: 'consent', when: tierIs('larger'), ruleIds: ['FIVE-11', 'FIVE-18'] },
    { id: 'business', name: '分管该业务（物资采购）的办领导审核', kind: 'single', approvers: [{ kind: 'leaderOfArea', area: 'procurement' }], verb: 'review', when: tierIs('large'), ruleIds: ['FIVE-12'] },
    { id: 'finance_approval', name: '分管财务审批的办领导审批', kind: 'single', approvers: [{ kind: 'leaderOfArea', area: 'finance_approval' }], verb: 'approve', when: tierIs('large'), ruleIds: ['FIVE-12', 'FIVE-15'] },
  ],
});

/**
 * FMS-F1 as printed: the item table (名称 · 数量 · 用途 · 备注, at least the 5 printed rows), then the
 * footer boxes as printed left to right — 领导签批 · 科长签字 · 申请人 — stacked top to bottom, the
 * leaders' box holding every leader's signature of the tier's chain.
 */
export function printProcurementForm(detail: PrintableInstance): FormSpec {
  const form = detail.form as unknown as ProcurementFormValue;
  const f = detail.facts as unknown as ProcurementFacts;
  const cell = (value: string, span: number) => ({ label: '', value, span });
  const table: FormRow[] = [{ kind: 'fields', cells: [cell('名称', 3), cell('数量', 1), cell('用途', 3), cell('备注', 2)] }];
  const lines = [...form.lines.map((l) => [l.name, `${l.quantity}${l.unit}`, l.use, l.remark]), ...Array.from({ length: Math.max(0, 5 - form.lines.length) }, () => ['', '', '', ''])];
  for (const [name, qty, use, remark] of lines) table.push({ kind: 'fields', cells: [cell(name, 3), cell(qty, 1), cell(use, 3), cell(remark, 2)] });
  const box = (id: string, label: string): FormRow[] => {
    if (!detail.steps.some((x) => x.id === id)) return [];
    const s = signed(detail, id);
    return [{ kind: 'signature', label, opinion: s?.opinion ?? '', signer: s?.signer ?? '', date: s?.date ?? '', ...(s?.onBehalfOf ? { onBehalfOf: s.onBehalfOf } : {}) }];
  };
  return {
    title: '办公用品、生活物资购买（维修）申请单',
    subtitle: `${localDay(detail.submittedAt)}　　NO：FMSF1-${f.year}-${String(f.seq).padStart(4, '0')}`,
    rows: [
      { kind: 'fields', cells: [{ label: '申请科室', value: detail.applicant.unitName ?? '' }, { label: '事由', value: `${PROCUREMENT_KINDS[form.kind]}：${form.title}`, span: 2 }] },
      ...table,
      { kind: 'fields', cells: [{ label: '采购级别', value: f.tier ? PROCUREMENT_TIER_LABEL[f.tier] : '' }, { label: '预计金额', value: yuan(f.totalFen) }] },
      { kind: 'fields', cells: [{ label: '采购方式', value: PROCUREMENT_METHODS[form.method] + (form.methodBasis ? `（${form.methodBasis}）` : '') }] },
      ...(f.decision ? [{ kind: 'text' as const, label: '党组决定', value: `${f.decision.title}（${f.decision.decidedOn}）` }] : []),
      ...box('finance_approval', '领导签批（分管财务审批）'),
      ...box('business', '领导审核（分管物资采购）'),
      ...box('principal', '领导签批（主要领导同意）'),
      ...box('procurement_request', '领导签批（分管物资采购，请示）'),
      ...box('procurement', '领导签批'),
      ...box('finance', '财务负责人'),
      ...box('hub', '科长签字'),
      ...box('section', '经办人科室负责人'),
      { kind: 'signature', label: '申请人', opinion: '', signer: detail.applicant.name, date: localDay(detail.submittedAt) },
    ],
    notes: [
      '小额度的物资采购，由有关科室提出申请，报综合科，经分管领导批准后实施；较大额度的，分管领导请示党政“一把手”同意后执行；大额度的，按大额资金的支出规定办理（五不直接分管第二条（四））。',
      `小额度与较大额度的分界：${f.boundaryFen ? yuan(f.boundaryFen) : '未设置'}（本办设置）；大额度：${yuan(SZYD07.param('thresholdFen'))}以上（三重一大）。`,
    ],
  };
}

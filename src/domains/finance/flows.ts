import { sql } from 'drizzle-orm';
import { defineFlow, type Facts, type FlowDefinition, type InstanceRef } from '../../kernel/flow';
import type { Ctx } from '../../kernel/context';
import { localDate } from '../../kernel/time';
import { rows } from '../../kernel/db';
import type { Verdict } from '../../kernel/rules';
import { categoryDef, TIER_LABEL, yuan } from './categories';
import { checkChain, checkClaimAction } from './chain';
import { checkClaim } from './checks';
import { deriveClaim } from './derive';
import type { ClaimFacts } from './facts';
import { ClaimForm, ReceptionForm, type ClaimFormValue, type ReceptionFormValue } from './form';
import { printClaimForm, printReceptionForm } from './print';
import { checkReception } from './reception-checks';
import { checkReceptionAction } from './reception-budget';
import { checkLodging, checkPayers, listHotels } from './reception-lodging';
import { checkFinanceRoles } from './office/roles';

/**
 * The expense claim on the approval engine, one definition whose steps apply by tier
 * (CONF-01): every claim starts 经办人 (the submission) → 承办科室负责人 → 财务负责人审核;
 * daily then 分管领导 → 主要领导审批; special 分管该业务的领导审核 → 主要领导审批; large (after the
 * 党组 decision) 分管该业务的办领导审核 → 分管财务审批的办领导审批, the principal leader in no slot.
 */
const cf = (f: Facts<ClaimFormValue>) => f.derived as unknown as ClaimFacts;
const notLeader = (f: Facts<ClaimFormValue>) => f.applicant.grade !== 'principal' && f.applicant.grade !== 'deputy';
const isConstruction = (f: Facts<ClaimFormValue>) => f.form.category === 'capital_construction';

export const CLAIM_FLOW: FlowDefinition<ClaimFormValue> = defineFlow<ClaimFormValue>({
  key: 'finance.claim',
  version: 1,
  name: '费用报销',
  form: ClaimForm as never,
  title: (f) => `${f.applicant.name}报销${categoryDef(f.form.category).label}${yuan(cf(f).totalFen)}（${TIER_LABEL[cf(f).tier]}）`,
  derive: async (ctx, form, applicant) => ({ ...(await deriveClaim(ctx, form, applicant)) }),
  checkSubmit: async (ctx, f): Promise<Verdict[]> => {
    const roles = await checkFinanceRoles(ctx, cf(f).today);
    if (roles.length) return roles;
    return [...checkClaim(f.form, cf(f)), ...(cf(f).tier !== 'large' || cf(f).decision ? await checkChain(ctx, CLAIM_FLOW, f) : [])];
  },
  checkAction: checkClaimAction,
  printForm: printClaimForm,
  onComplete: (ctx, inst, outcome) => settle(ctx, 'finance_claims', inst, outcome),
  steps: [
    { id: 'section', name: '承办科室负责人', kind: 'single', approvers: [{ kind: 'sectionChief' }], verb: 'sign', when: (f) => notLeader(f) && !cf(f).applicantIsChief, ruleIds: ['FIN-11', 'FIN-12'] },
    { id: 'finance', name: '财务负责人审核', kind: 'single', approvers: [{ kind: 'post', post: 'finance_head' }], verb: 'review', ruleIds: ['FIN-11', 'FIVE-04', 'FIVE-05', 'FIVE-06'] },
    { id: 'leader', name: '分管领导', kind: 'single', approvers: [{ kind: 'leaderOfArea', area: 'finance_approval' }], verb: 'sign', when: (f) => cf(f).tier === 'daily', ruleIds: ['FIVE-04'] },
    { id: 'business', name: '分管该业务的领导审核', kind: 'single', approvers: [{ kind: 'leaderOfApplicantUnit' }], verb: 'review', when: (f) => cf(f).tier !== 'daily' && !isConstruction(f), ruleIds: ['FIVE-05', 'FIVE-06'] },
    // FIVE-09: a 基本建设项目 expense is the construction leader's business, at every tier; never the principal's.
    { id: 'construction', name: '分管工程项目建设的领导审核', kind: 'single', approvers: [{ kind: 'leaderOfArea', area: 'construction' }], verb: 'review', when: isConstruction, ruleIds: ['FIVE-09', 'FIVE-05', 'FIVE-06'] },
    { id: 'principal', name: '主要领导审批', kind: 'single', approvers: [{ kind: 'principal' }], verb: 'approve', when: (f) => cf(f).tier !== 'large' && !cf(f).applicantIsPrincipal, ruleIds: ['FIVE-03', 'FIVE-04', 'FIVE-05'] },
    {
      id: 'finance_approval',
      name: '分管财务审批的领导审批',
      kind: 'single',
      approvers: [{ kind: 'leaderOfArea', area: 'finance_approval' }],
      verb: 'approve',
      when: (f) => cf(f).tier === 'large' || (cf(f).applicantIsPrincipal && cf(f).tier === 'special'),
      ruleIds: ['FIVE-06', 'FIVE-03'],
    },
  ],
});

/** 公务接待审批报告单 (ORS-F1): 综合科意见 → 分管领导意见 → 主要领导意见, in that order (CONF-09). */
export const RECEPTION_FLOW = defineFlow<ReceptionFormValue>({
  key: 'finance.reception',
  version: 1,
  name: '公务接待审批',
  form: ReceptionForm as never,
  title: (f) => `${f.form.guestUnit}来白${f.form.guests}人公务接待（${f.form.visitStart}）`,
  derive: (ctx) => receptionNumber(ctx),
  checkSubmit: async (ctx, f) => [
    ...checkReception(f.form),
    ...checkLodging(f.form.lodging, await listHotels(ctx)),
    ...checkPayers(f.form.lodging.map((l, i) => ({ label: `第${i + 1}间住宿`, payer: l.payer }))),
  ],
  // RECEP-21(a): each signature checks the estimate against the year's budget.
  checkActionAsync: checkReceptionAction,
  printForm: printReceptionForm,
  onComplete: (ctx, inst, outcome) => settle(ctx, 'finance_receptions', inst, outcome),
  steps: [
    { id: 'hub', name: '综合科意见', kind: 'single', approvers: [{ kind: 'formField', field: 'hubChiefId' }], verb: 'review', ruleIds: ['RECEP-10'] },
    { id: 'leader', name: '分管领导意见', kind: 'single', approvers: [{ kind: 'leaderOfArea', area: 'finance_approval' }], verb: 'consent', ruleIds: ['RECEP-10'] },
    { id: 'principal', name: '主要领导意见', kind: 'single', approvers: [{ kind: 'principal' }], verb: 'approve', ruleIds: ['RECEP-10'] },
  ],
});

/** ORS-F1 （ 年第 号）: the next number of the office's year, assigned at submission. */
async function receptionNumber(ctx: Ctx): Promise<Record<string, unknown>> {
  const year = Number(localDate(ctx.clock.now()).slice(0, 4));
  const [r] = await rows<{ seq: number }>(ctx.db, sql`select coalesce(max(seq), 0)::int + 1 as seq from finance_receptions where year = ${year}`);
  return { year, seq: r.seq };
}

/** The ledger row follows its flow: approved, rejected or withdrawn, in the same transaction. */
async function settle(ctx: Ctx, table: 'finance_claims' | 'finance_receptions', inst: InstanceRef, outcome: 'approved' | 'rejected' | 'withdrawn'): Promise<void> {
  if (table === 'finance_claims') {
    await ctx.db.execute(sql`update finance_claims set status = ${outcome} where flow_instance_id = ${inst.id}`);
  } else {
    const on = outcome === 'approved' ? localDate(ctx.clock.now()) : null;
    await ctx.db.execute(sql`update finance_receptions set status = ${outcome}, approved_on = ${on} where flow_instance_id = ${inst.id}`);
  }
}

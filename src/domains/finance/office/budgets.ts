import { sql } from 'drizzle-orm';
import type { Ctx } from '../../../kernel/context';
import { rows } from '../../../kernel/db';
import { defineFlow, type Applicant, type Facts, type FlowDefinition, type PrintableInstance } from '../../../kernel/flow';
import type { FormRow, FormSpec } from '../../../kernel/render/form-spec';
import type { Verdict } from '../../../kernel/rules';
import { localDate } from '../../../kernel/time';
import { yuan } from '../categories';
import { localDay, settleRow, signed } from './common';
import { CAPPED_ITEMS, MEETING_KINDS, MeetingBudgetForm, type MeetingBudgetFormValue, type MeetingKind } from './forms';
import { MTG01, MTG02, MTG03, MTG05, MTG06 } from './rules';

/**
 * 会议费 / 培训费预算单 (FMS-F3a / F3b) on the approval engine: 经办人签字 (the submission) →
 * 科室负责人审核意见 → 综合科审核意见 → 审批领导意见. Reading (D-finance.md FMS-F3a S4, CONF-44): the
 * 审批领导 is the deputy in charge of finance approval, as in 财务管理制度 四（三）. The budget is
 * required before a meeting's fees are committed and its executed column before reimbursement
 * (CONF-53; the claim side is in ../checks.ts, MTG-04).
 */
export interface BudgetFacts {
  today: string;
  year: number;
  days: number;
  budgetFen: number;
  cappedFen: number;
  /** The year's plan for this kind (MTG-01), and whether this meeting is one of its items. */
  plan: { plannedFen: number; approved: boolean; listed: boolean } | null;
  /** What the year's other budgets of this kind already commit (executed, else budgeted). */
  committedFen: number;
}

const bf = (f: Facts<MeetingBudgetFormValue>) => f.derived as unknown as BudgetFacts;
export const daysBetween = (a: string, b: string) => Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000) + 1;

export async function deriveBudget(ctx: Ctx, form: MeetingBudgetFormValue): Promise<BudgetFacts> {
  const today = localDate(ctx.clock.now());
  const year = Number(form.startDate.slice(0, 4));
  const [plan] = await rows<{ planned_fen: number; status: string; items: { name: string }[] }>(ctx.db,
    sql`select planned_fen::float8 as planned_fen, status, items from finance_meeting_plans where year = ${year} and kind = ${form.kind}`);
  const [c] = await rows<{ fen: number }>(ctx.db, sql`select coalesce(sum(coalesce(executed_fen, budget_fen)), 0)::float8 as fen from finance_meeting_budgets
    where year = ${year} and kind = ${form.kind} and status in ('pending', 'approved')`);
  return {
    today,
    year,
    days: daysBetween(form.startDate, form.endDate),
    budgetFen: form.lines.reduce((s, l) => s + l.budgetFen, 0),
    cappedFen: form.lines.filter((l) => CAPPED_ITEMS.includes(l.item)).reduce((s, l) => s + l.budgetFen, 0),
    plan: plan ? { plannedFen: plan.planned_fen, approved: plan.status === 'approved', listed: plan.items.some((i) => i.name.trim() === form.name.trim()) } : null,
    committedFen: c?.fen ?? 0,
  };
}

/** The 207号 cap of a kind: meetings always; trainings only when the office configured one (CONF-53). */
export function capFor(kind: MeetingKind): number | null {
  return kind === 'meeting' ? MTG03.param('meetingCapFenPerPersonDay') : MTG03.param('trainingCapFenPerPersonDay');
}

export function checkBudget(form: MeetingBudgetFormValue, f: BudgetFacts): Verdict[] {
  const label = MEETING_KINDS[form.kind];
  const out: Verdict[] = [];
  if (!form.noticeRef) out.push(MTG05.block(`${label}预算单须附${label}通知（出席人员及人数（附${label}通知））`));
  const cap = capFor(form.kind);
  if (cap !== null) {
    const venues = MTG03.param('designatedVenues');
    if (!venues.some((v) => form.venue.includes(v))) out.push(MTG03.block(`${label}地点“${form.venue}”不是定点场所（${venues.join('、')}）`));
    const max = cap * form.headcount * f.days;
    if (f.cappedFen > max) out.push(MTG03.block(`住宿费、场租费、餐费合计${yuan(f.cappedFen)}，超过综合定额${yuan(cap)}/人·天 × ${form.headcount}人 × ${f.days}天 = ${yuan(max)}`));
  }
  const planned = f.plan?.approved && f.plan.listed;
  if (!planned) {
    const why = !f.plan ? `${f.year}年度${label}计划尚未报送` : !f.plan.approved ? `${f.year}年度${label}计划尚未审定` : `“${form.name}”不在${f.year}年度${label}计划内`;
    out.push(form.unplannedReason ? MTG01.warn(`${why}；计划外理由：${form.unplannedReason}`) : MTG01.block(`${why}，计划外的${label}须说明理由`));
  }
  if (f.plan && f.committedFen + f.budgetFen > f.plan.plannedFen) {
    out.push(MTG02.warn(`本年度${label}费已承诺${yuan(f.committedFen)}，加上本次预算${yuan(f.budgetFen)}将超过年度计划${yuan(f.plan.plannedFen)}`));
  }
  const scenic = MTG06.param('scenicAreas').find((s) => form.venue.includes(s));
  if (scenic) out.push(MTG06.warn(`${label}地点“${form.venue}”位于风景名胜区（${scenic}），禁止违反规定到风景名胜区举办会议`));
  return out;
}

export const BUDGET_FLOW: FlowDefinition<MeetingBudgetFormValue> = defineFlow<MeetingBudgetFormValue>({
  key: 'finance.meeting_budget',
  version: 1,
  name: '会议（培训）预算审批',
  form: MeetingBudgetForm as never,
  title: (f) => `${f.form.name}${MEETING_KINDS[f.form.kind]}费预算（${yuan(bf(f).budgetFen)}）`,
  derive: async (ctx, form) => ({ ...(await deriveBudget(ctx, form)) }),
  checkSubmit: (_ctx, facts) => checkBudget(facts.form, bf(facts)),
  printForm: printBudgetForm,
  onComplete: (ctx, inst, outcome) => settleRow(ctx, 'finance_meeting_budgets', inst, outcome),
  steps: [
    { id: 'section', name: '科室负责人审核意见', kind: 'single', approvers: [{ kind: 'sectionChief' }], verb: 'review', when: (f) => f.applicant.grade === 'general', ruleIds: ['MTG-04'] },
    { id: 'hub', name: '综合科审核意见', kind: 'single', approvers: [{ kind: 'formField', field: 'hubChiefId' }], verb: 'review', when: (f) => f.form.hubChiefId !== f.applicant.personId, ruleIds: ['MTG-01', 'MTG-04'] },
    { id: 'leader', name: '审批领导意见', kind: 'single', approvers: [{ kind: 'leaderOfArea', area: 'finance_approval' }], verb: 'approve', ruleIds: ['MTG-04'] },
  ],
});

export type BudgetApplicant = Applicant;

/** FMS-F3a / F3b top to bottom: the header rows, 序号/项目/预算金额/执行金额, 合计, the four boxes. */
export function printBudgetForm(detail: PrintableInstance): FormSpec {
  const form = detail.form as unknown as MeetingBudgetFormValue;
  const f = detail.facts as unknown as BudgetFacts & { executed?: (number | null)[] };
  const label = MEETING_KINDS[form.kind];
  const executed = f.executed ?? [];
  const cell = (value: string, span = 1) => ({ label: '', value, span });
  const lines: FormRow[] = [{ kind: 'fields', cells: [cell('序号'), cell(`${label}费项目`, 2), cell('预算金额', 2), cell('执行金额', 2)] },
    ...form.lines.map((l, i): FormRow => ({ kind: 'fields', cells: [cell(String(i + 1)), cell(l.item, 2), cell(yuan(l.budgetFen), 2), cell(executed[i] != null ? yuan(executed[i]!) : '', 2)] }))];
  const execTotal = executed.length ? executed.reduce<number>((s, x) => s + (x ?? 0), 0) : null;
  const box = (id: string, title: string): FormRow => {
    const s = signed(detail, id);
    return { kind: 'signature', label: title, opinion: s?.opinion ?? '', signer: s?.signer ?? '', date: s?.date ?? '', ...(s?.onBehalfOf ? { onBehalfOf: s.onBehalfOf } : {}) };
  };
  return {
    title: `白城市扶贫办${label}费预算单`,
    subtitle: `填报日期：${localDay(detail.submittedAt)}`,
    rows: [
      { kind: 'fields', cells: [{ label: `${label}名称`, value: form.name }] },
      { kind: 'fields', cells: [{ label: `${label}时间`, value: `${form.startDate} 至 ${form.endDate} 共 ${f.days} 天` }, { label: `${label}地点`, value: form.venue }] },
      { kind: 'text', label: `出席人员及人数（附${label}通知）`, value: `${form.attendees}（共${form.headcount}人）；通知：${form.noticeRef}` },
      { kind: 'text', label: `${label}内容`, value: form.content },
      { kind: 'text', label: `${label}目的`, value: form.purpose },
      { kind: 'fields', cells: [{ label: '承办科室', value: detail.applicant.unitName ?? '' }] },
      ...lines,
      { kind: 'fields', cells: [cell('合  计', 3), cell(yuan(f.budgetFen), 2), cell(execTotal !== null ? yuan(execTotal) : '', 2)] },
      { kind: 'signature', label: '经办人签字', opinion: '', signer: detail.applicant.name, date: localDay(detail.submittedAt) },
      box('section', '科室负责人审核意见'),
      box('hub', '综合科审核意见'),
      box('leader', '审批领导意见'),
    ],
    notes: ['会议住宿费、场租费、伙食费严格按白财党群〔2018〕207号规定执行；会议费、培训费总额度原则上不超过上年（财务管理制度四（五））。'],
  };
}

import { sql } from 'drizzle-orm';
import { lockNamed } from '../../kernel/db/mutex';
import { z } from 'zod';
import { requireActor, withTx, type Ctx } from '../../kernel/context';
import { rows, type Db } from '../../kernel/db';
import { audit } from '../../kernel/audit/write';
import type { ActionFacts } from '../../kernel/flow';
import { enforce, type Verdict } from '../../kernel/rules';
import { yuan } from './categories';
import type { ReceptionFormValue } from './form';
import { parseInput } from './office/common';
import { lodgingFen } from './reception-lodging';
import { RECEP21 } from './rules';

/**
 * E-REC-7, RECEP-21(a): the year's reception budget (接待费预算总额, ORS 18). Committed = the
 * estimates of approved receptions not yet paid; paid = what was paid; remaining is computed,
 * never stored. The year of a reception is the year of its visit.
 */
export interface BudgetSummary { year: number; totalFen: number | null; committedFen: number; paidFen: number; remainingFen: number | null; note: string }

/** The plan's estimated cost: as entered, or its meals and rooms. */
export function estimateOf(form: Pick<ReceptionFormValue, 'estimatedFen' | 'meals' | 'lodging'>): number {
  if (form.estimatedFen !== undefined) return form.estimatedFen;
  return form.meals.reduce((s, m) => s + m.amountFen + m.drinksFen, 0) + lodgingFen(form.lodging ?? []);
}

export async function budgetSummary(db: Db, year: number): Promise<BudgetSummary> {
  const [b] = await rows<{ total: number; note: string }>(db, sql`select total_fen::float8 as total, note from finance_reception_budgets where year = ${year}`);
  const [u] = await rows<{ committed: number; paid: number }>(db, sql`select
      coalesce(sum(estimated_fen) filter (where paid_on is null), 0)::float8 as committed,
      coalesce(sum(paid_fen) filter (where paid_on is not null), 0)::float8 as paid
    from finance_receptions where status = 'approved' and extract(year from visit_start) = ${year}`);
  const totalFen = b ? b.total : null;
  return { year, totalFen, committedFen: u.committed, paidFen: u.paid, remainingFen: totalFen === null ? null : totalFen - u.committed - u.paid, note: b?.note ?? '' };
}

/** RECEP-21(a), pure: would this estimate push committed + paid above the budget? */
export function checkBudget(s: BudgetSummary, estimateFen: number): Verdict[] {
  if (s.totalFen === null) return [RECEP21.warn(`${s.year}年度接待费预算总额尚未设置，请综合科设置后审批`)];
  const used = s.committedFen + s.paidFen;
  if (used + estimateFen > s.totalFen) {
    return [RECEP21.block(`${s.year}年度接待费预算${yuan(s.totalFen)}，已承诺${yuan(s.committedFen)}、已支付${yuan(s.paidFen)}，本次预计${yuan(estimateFen)}将超出预算总额（尚余${yuan(s.totalFen - used)}）`, { ...s, estimateFen })];
  }
  return [];
}

/** On every signature of ORS-F1: the approval commits the estimate (RECEP-21(a)). */
export async function checkReceptionAction(a: ActionFacts<ReceptionFormValue>, ctx: Ctx): Promise<Verdict[]> {
  if (a.action !== 'approve') return [];
  const form = a.facts.form;
  const year = Number(form.visitStart.slice(0, 4));
  // Two approvals of the same year serialise so that both cannot pass on the same remainder.
  await lockNamed(ctx.db, `finance_reception_budget:${year}`);
  return checkBudget(await budgetSummary(ctx.db, year), estimateOf(form));
}

const BudgetInput = z.object({
  year: z.number().int().min(2004, '年度有误').max(2100, '年度有误'),
  totalFen: z.number().int('金额以分为单位，须为整数').nonnegative('预算不能为负数').max(100_000_000_000),
  note: z.string().trim().max(500).default(''),
});

/** 综合科 sets (or changes) the year's budget total; a total below what is used is refused. */
export async function setReceptionBudget(ctx: Ctx, raw: unknown): Promise<BudgetSummary> {
  const v = parseInput(BudgetInput, raw, '接待费预算');
  return withTx(ctx, async (tx) => {
    await lockNamed(tx.db, `finance_reception_budget:${v.year}`);
    const now = await budgetSummary(tx.db, v.year);
    const used = now.committedFen + now.paidFen;
    if (v.totalFen < used) enforce([RECEP21.block(`${v.year}年度已承诺和已支付的接待费合计${yuan(used)}，预算总额不能低于该数`)]);
    const me = requireActor(tx);
    await tx.db.execute(sql`insert into finance_reception_budgets (year, total_fen, note, set_by, set_at) values (${v.year}, ${v.totalFen}, ${v.note}, ${me.personId ?? me.accountId}, ${tx.clock.now().toISOString()})
      on conflict (year) do update set total_fen = excluded.total_fen, note = excluded.note, set_by = excluded.set_by, set_at = excluded.set_at`);
    await audit(tx, { event: 'finance.reception_budget.set', objectType: 'finance_reception_budget', objectId: String(v.year), detail: { totalFen: v.totalFen, previousFen: now.totalFen } });
    return budgetSummary(tx.db, v.year);
  });
}

import { sql } from 'drizzle-orm';
import { can, requireActor, withTx, type Ctx } from '../../kernel/context';
import { rows } from '../../kernel/db';
import { audit } from '../../kernel/audit/write';
import { AppError, errors } from '../../kernel/errors';
import { newId } from '../../kernel/ids';
import { enforce } from '../../kernel/rules';
import { addDays } from '../../kernel/time';
import { checkExpense, checkIncomeCategory, UNION01, UNION02, UNION_EXPENSE, UNION_INCOME, unionAllocation, unionDuesFen } from './rules';

/**
 * 工会经费 (财务管理制度 六): the monthly dues from the salary list (UNION-01), the 2% allocation
 * and its retained part (UNION-02), and the ledger of income (UNION-03) and expenditure
 * (UNION-04). Every amount is integer fen; rounding is half up to the fen (CONF-57).
 */
const PERIOD = /^\d{4}-(0[1-9]|1[0-2])$/;
function me(ctx: Ctx): string {
  if (!can(ctx, 'union.manage')) throw errors.forbidden('工会经费由综合科（工会经费管理人员）登记');
  const p = requireActor(ctx).personId;
  if (!p) throw errors.forbidden('该账号未关联人员');
  return p;
}
/** The month's last day: its entries are dated there. */
const lastDay = (period: string) => {
  const [y, m] = period.split('-').map(Number);
  return addDays(m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, '0')}-01`, -1);
};

export interface SalaryLine { memberName: string; personId?: string | null; salaryFen: number }

/** UNION-01: dues of each member for the month, and one 会费收入 entry for their sum. */
export async function computeDues(ctx: Ctx, input: { period: string; lines: SalaryLine[] }): Promise<{ period: string; members: { memberName: string; salaryFen: number; duesFen: number }[]; totalFen: number }> {
  return withTx(ctx, async (tx) => {
    const actor = me(tx);
    if (!PERIOD.test(input.period)) throw errors.badRequest('月份格式应为 YYYY-MM');
    if (!input.lines.length) throw errors.badRequest('工资表为空');
    const names = new Set<string>();
    for (const l of input.lines) {
      if (!l.memberName.trim()) throw errors.badRequest('工资表中有未填姓名的行');
      if (!Number.isInteger(l.salaryFen) || l.salaryFen < 0) throw errors.badRequest(`${l.memberName} 的工资收入须为非负整数（分）`);
      if (names.has(l.memberName.trim())) throw errors.badRequest(`工资表中 ${l.memberName} 重复`);
      names.add(l.memberName.trim());
    }
    const [dup] = await rows(tx.db, sql`select 1 from union_dues where period = ${input.period} limit 1`);
    if (dup) throw errors.conflict(`${input.period} 的会费已计算`);
    const members = input.lines.map((l) => ({ memberName: l.memberName.trim(), personId: l.personId ?? null, salaryFen: l.salaryFen, duesFen: unionDuesFen(l.salaryFen) }));
    const now = tx.clock.now().toISOString();
    for (const m of members) {
      await tx.db.execute(sql`insert into union_dues (id, period, member_name, person_id, salary_fen, dues_fen, created_by, created_at)
        values (${newId('udu')}, ${input.period}, ${m.memberName}, ${m.personId}, ${m.salaryFen}, ${m.duesFen}, ${actor}, ${now})`);
    }
    const totalFen = members.reduce((s, m) => s + m.duesFen, 0);
    await tx.db.execute(sql`insert into union_entries (id, direction, category, amount_fen, on_date, summary, source_id, created_by, created_at)
      values (${newId('uen')}, 'income', 'dues', ${totalFen}, ${lastDay(input.period)}, ${`${input.period} 会费收入（${members.length}人，按工资收入的${UNION01.param('duesPerMille')}‰）`}, ${`dues:${input.period}`}, ${actor}, ${now})`);
    await audit(tx, { event: 'union.dues.compute', objectType: 'union_dues', objectId: input.period, detail: { ruleId: 'UNION-01', members: members.length, totalFen } });
    return { period: input.period, members: members.map(({ personId: _p, ...m }) => m), totalFen };
  });
}

/** UNION-02: 2% of the month's total payroll of all employees; the retained part is union income. */
export async function computeAllocation(ctx: Ctx, input: { period: string; payrollFen: number; employees: number }): Promise<{ grossFen: number; retainedFen: number }> {
  return withTx(ctx, async (tx) => {
    const actor = me(tx);
    if (!PERIOD.test(input.period)) throw errors.badRequest('月份格式应为 YYYY-MM');
    if (!Number.isInteger(input.payrollFen) || input.payrollFen <= 0) throw errors.badRequest('全部职工工资总额须为正整数（分）');
    const [dup] = await rows(tx.db, sql`select 1 from union_allocations where period = ${input.period}`);
    if (dup) throw errors.conflict(`${input.period} 的拨缴经费已计算`);
    const { grossFen, retainedFen } = unionAllocation(input.payrollFen);
    const id = newId('ual');
    const now = tx.clock.now().toISOString();
    await tx.db.execute(sql`insert into union_allocations (id, period, payroll_fen, gross_fen, retained_fen, employees, created_by, created_at)
      values (${id}, ${input.period}, ${input.payrollFen}, ${grossFen}, ${retainedFen}, ${input.employees}, ${actor}, ${now})`);
    await tx.db.execute(sql`insert into union_entries (id, direction, category, amount_fen, on_date, summary, source_id, created_by, created_at)
      values (${newId('uen')}, 'income', 'allocation', ${retainedFen}, ${lastDay(input.period)},
        ${`${input.period} 拨缴经费留成（工资总额×${UNION02.param('allocationPercent')}%=${(grossFen / 100).toFixed(2)}元，留成${UNION02.param('retainedPercent')}%）`}, ${`allocation:${input.period}`}, ${actor}, ${now})`);
    await audit(tx, { event: 'union.allocation.compute', objectType: 'union_allocation', objectId: id, detail: { ruleId: 'UNION-02', payrollFen: input.payrollFen, grossFen, retainedFen } });
    return { grossFen, retainedFen };
  });
}

/** A manual ledger entry: income of the other three categories (UNION-03) or an expense (UNION-04). */
export async function addUnionEntry(ctx: Ctx, input: { direction: 'income' | 'expense'; category: string; amountFen: number; onDate: string; summary: string; standardItem?: string | null; persons?: number | null }): Promise<{ id: string }> {
  return withTx(ctx, async (tx) => {
    const actor = me(tx);
    if (!Number.isInteger(input.amountFen) || input.amountFen <= 0) throw errors.badRequest('金额须为正整数（分）');
    if (input.direction === 'income') {
      enforce(checkIncomeCategory(input.category));
      if (input.category === 'dues' || input.category === 'allocation') throw new AppError('BAD_REQUEST', 400, '会费收入和拨缴经费收入由系统按工资表计算入账，不能手工录入');
    } else {
      let ytd = 0;
      if (input.standardItem) {
        const [r] = await rows<{ per: number }>(tx.db, sql`select coalesce(sum(amount_fen::float8 / nullif(persons, 0)), 0)::float8 as per from union_entries
          where direction = 'expense' and standard_item like '节日慰问%' and extract(year from on_date) = ${Number(input.onDate.slice(0, 4))}`);
        ytd = r.per;
      }
      enforce(checkExpense(input, ytd));
    }
    const id = newId('uen');
    await tx.db.execute(sql`insert into union_entries (id, direction, category, amount_fen, on_date, summary, standard_item, persons, created_by, created_at)
      values (${id}, ${input.direction}, ${input.category}, ${input.amountFen}, ${input.onDate}, ${input.summary.trim()}, ${input.standardItem ?? null}, ${input.persons ?? null}, ${actor}, ${tx.clock.now().toISOString()})`);
    await audit(tx, { event: `union.${input.direction}`, objectType: 'union_entry', objectId: id, detail: { ruleId: input.direction === 'income' ? 'UNION-03' : 'UNION-04', category: input.category, amountFen: input.amountFen } });
    return { id };
  });
}

export interface UnionEntryView { id: string; direction: string; category: string; categoryLabel: string; amountFen: number; onDate: string; summary: string; standardItem: string | null; persons: number | null }

export async function unionLedger(ctx: Ctx, q: { year: number }): Promise<{ entries: UnionEntryView[]; incomeFen: number; expenseFen: number; byCategory: { direction: string; label: string; amountFen: number }[] }> {
  const found = await rows<Omit<UnionEntryView, 'categoryLabel'>>(ctx.db, sql`select id, direction, category, amount_fen::float8 as "amountFen", on_date::text as "onDate", summary,
      standard_item as "standardItem", persons from union_entries where extract(year from on_date) = ${q.year} order by on_date, created_at`);
  const entries = found.map((e) => ({ ...e, categoryLabel: ((e.direction === 'income' ? UNION_INCOME : UNION_EXPENSE) as Record<string, string>)[e.category] ?? e.category }));
  const sum = (d: string) => entries.filter((e) => e.direction === d).reduce((s, e) => s + e.amountFen, 0);
  const byCategory = [
    ...Object.entries(UNION_INCOME).map(([k, label]) => ({ direction: 'income', label, amountFen: entries.filter((e) => e.direction === 'income' && e.category === k).reduce((s, e) => s + e.amountFen, 0) })),
    ...Object.entries(UNION_EXPENSE).map(([k, label]) => ({ direction: 'expense', label, amountFen: entries.filter((e) => e.direction === 'expense' && e.category === k).reduce((s, e) => s + e.amountFen, 0) })),
  ];
  return { entries, incomeFen: sum('income'), expenseFen: sum('expense'), byCategory };
}

export async function listDues(ctx: Ctx, q: { period: string }): Promise<{ memberName: string; salaryFen: number; duesFen: number }[]> {
  return rows(ctx.db, sql`select member_name as "memberName", salary_fen::float8 as "salaryFen", dues_fen::float8 as "duesFen" from union_dues where period = ${q.period} order by member_name`);
}

export async function listAllocations(ctx: Ctx): Promise<{ period: string; payrollFen: number; grossFen: number; retainedFen: number; employees: number }[]> {
  return rows(ctx.db, sql`select period, payroll_fen::float8 as "payrollFen", gross_fen::float8 as "grossFen", retained_fen::float8 as "retainedFen", employees from union_allocations order by period desc`);
}

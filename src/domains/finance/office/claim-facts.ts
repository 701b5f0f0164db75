import { sql } from 'drizzle-orm';
import { lockNamed } from '../../../kernel/db/mutex';
import type { Ctx } from '../../../kernel/context';
import { rows } from '../../../kernel/db';
import type { Applicant } from '../../../kernel/flow';
import type { Category } from '../categories';
import type { ClaimFormValue } from '../form';
import { hubUnitId } from './common';
import { FIN04 } from './rules';

/**
 * What a claim's submission reads for the office-service rules: the linked meeting budget
 * (MTG-04, its row locked so that two claims on one budget serialise), whether the applicant
 * is in 综合科 (PRINT-03/04), and the year's use of its 三公 quota (FIN-04, a named mutex per
 * group and year so that two claims cannot both pass on the same remainder).
 */
export const SANGONG: Partial<Record<Category, { group: string; param: 'receptionQuotaFen' | 'vehicleQuotaFen' | 'abroadQuotaFen' }>> = {
  reception: { group: '公务接待费', param: 'receptionQuotaFen' },
  vehicle_fuel: { group: '公务用车运行维护费', param: 'vehicleQuotaFen' },
  vehicle_repair: { group: '公务用车运行维护费', param: 'vehicleQuotaFen' },
  vehicle_toll: { group: '公务用车运行维护费', param: 'vehicleQuotaFen' },
};

export async function claimExtras(ctx: Ctx, form: ClaimFormValue, applicant: Applicant, today: string) {
  let meetingBudget = null;
  if ((form.category === 'meeting' || form.category === 'training') && form.meetingBudgetId) {
    const [b] = await rows<{ id: string; kind: string; status: string; budget_fen: number; executed_fen: number | null }>(ctx.db,
      sql`select id, kind, status, budget_fen::float8 as budget_fen, executed_fen::float8 as executed_fen from finance_meeting_budgets where id = ${form.meetingBudgetId} for update`);
    if (b) {
      const [c] = await rows<{ fen: number }>(ctx.db, sql`select coalesce(sum(c.amount_fen), 0)::float8 as fen from finance_claims c join flow_instances i on i.id = c.flow_instance_id
        where i.form->>'meetingBudgetId' = ${b.id} and c.status in ('pending', 'approved')`);
      meetingBudget = { id: b.id, kind: b.kind, status: b.status, budgetFen: b.budget_fen, executedFen: b.executed_fen, claimedFen: c.fen };
    }
  }
  const hub = await hubUnitId(ctx);
  const s = SANGONG[form.category];
  let sangong = null;
  if (s) {
    const year = today.slice(0, 4);
    await lockNamed(ctx.db, `finance_sangong:${s.group}:${year}`);
    const cats = Object.entries(SANGONG).filter(([, v]) => v.group === s.group).map(([k]) => k);
    const [u] = await rows<{ fen: number }>(ctx.db, sql`select coalesce(sum(amount_fen), 0)::float8 as fen from finance_claims
      where category in (${sql.join(cats.map((c) => sql`${c}`), sql`, `)}) and status in ('pending', 'approved') and extract(year from submitted_on) = ${Number(year)}`);
    sangong = { group: s.group, quotaFen: FIN04.param(s.param), usedFen: u.fen };
  }
  return { meetingBudget, applicantInHub: !!hub && applicant.unitId === hub, sangong };
}

import type { Ctx } from '../../../kernel/context';
import { holdersOfPost, leaderInChargeOfArea, principalLeader, sectionChiefOf } from '../../../kernel/org/lookups';
import type { Verdict } from '../../../kernel/rules';
import { hubUnitId } from './common';
import { FIN01 } from './rules';

/**
 * FIN-01: who holds the finance roles on a day — 主任, 分管财务副主任, 综合科科长 and 财务负责人
 * (CONF-18). A route that needs a missing one is refused naming it, instead of failing later.
 */
export interface FinanceRole { role: string; person: string | null }

export async function financeRoles(ctx: Ctx, date: string): Promise<FinanceRole[]> {
  const hub = await hubUnitId(ctx);
  // One after the other: called inside flow transactions, whose queries share one connection.
  const principal = await principalLeader(ctx.db, date);
  const deputy = await leaderInChargeOfArea(ctx.db, 'finance_approval', date);
  const chief = hub ? await sectionChiefOf(ctx.db, hub, date) : null;
  const heads = await holdersOfPost(ctx.db, 'finance_head', undefined, date);
  return [
    { role: '主任（对全办财务工作负总责）', person: principal?.name ?? null },
    { role: '分管财务副主任', person: deputy?.name ?? null },
    { role: '综合科科长', person: chief?.name ?? null },
    { role: '财务负责人', person: heads[0]?.name ?? null },
  ];
}

export async function checkFinanceRoles(ctx: Ctx, date: string): Promise<Verdict[]> {
  const missing = (await financeRoles(ctx, date)).filter((r) => !r.person).map((r) => r.role);
  return missing.length ? [FIN01.block(`财务审批角色缺任：${missing.join('、')}；请综合科在组织机构中登记后再提交`)] : [];
}

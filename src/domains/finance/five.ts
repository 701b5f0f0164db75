import type { Db } from '../../kernel/db';
import { leaderInChargeOfArea, principalLeader } from '../../kernel/org/lookups';
import type { Verdict } from '../../kernel/rules';
import { FIVE08, FIVE09, FIVE14 } from './rules';

/**
 * FIVE-08 (人事), FIVE-09 (工程项目建设), FIVE-14 (行政审批): the 一把手 does not directly handle
 * these areas; the leader assigned to the area (kernel/org 分工) signs, and personnel matters —
 * or a problem flagged 重大 in the other two — need a 办党组 collective decision first.
 * Pure, for the personnel, project and approval areas to call where their documents are signed.
 * Reading: when no leader is assigned to the area that day, nobody may sign in its name.
 */
export type ExcludedArea = 'personnel' | 'construction' | 'admin_approval';
const RULE = { personnel: FIVE08, construction: FIVE09, admin_approval: FIVE14 } as const;
const NAME = { personnel: '干部人事工作', construction: '工程项目建设', admin_approval: '行政审批' } as const;

export interface ExcludedAreaAct {
  area: ExcludedArea;
  signerId: string;
  /** The leader the signer stands in for that day (acting arrangement), if any. */
  onBehalfOfId?: string | null;
  leaderInChargeId: string | null;
  principalId: string | null;
  /** 重大问题 (construction, administrative approval); personnel matters always need the decision. */
  major?: boolean;
  /** The linked 办党组 decision, if any (meetings). */
  decisionId?: string | null;
}

export function checkExcludedArea(a: ExcludedAreaAct): Verdict[] {
  const rule = RULE[a.area];
  if (a.principalId && a.signerId === a.principalId) {
    return [rule.block(`“一把手”不直接分管${NAME[a.area]}，不得签发或审批；应由分管${NAME[a.area]}的领导办理`)];
  }
  if (!a.leaderInChargeId) return [rule.block(`今日未明确分管${NAME[a.area]}的领导，请先在领导分工中指定`)];
  if (a.signerId !== a.leaderInChargeId && a.onBehalfOfId !== a.leaderInChargeId) return [rule.block(`${NAME[a.area]}事项应由分管领导办理，签发人不是分管领导`)];
  if ((a.area === 'personnel' || a.major) && !a.decisionId) {
    return [rule.block(a.area === 'personnel' ? '干部推荐、任免、录用及重要岗位调整须先经办党组集体研究决定，请关联党组会议决定' : `${NAME[a.area]}中的重大问题须提交办党组集体研究决定，请关联党组会议决定`)];
  }
  return [rule.ok()];
}

/** The facts for `checkExcludedArea` on a given day. */
export async function excludedAreaFacts(db: Db, area: ExcludedArea, date: string): Promise<{ leaderInChargeId: string | null; principalId: string | null }> {
  // One after the other: inside a flow's transaction both share its connection.
  const leader = await leaderInChargeOfArea(db, area, date);
  const principal = await principalLeader(db, date);
  return { leaderInChargeId: leader?.id ?? null, principalId: principal?.id ?? null };
}

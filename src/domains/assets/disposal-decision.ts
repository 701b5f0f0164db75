import { sql } from 'drizzle-orm';
import type { Db } from '../../kernel/db';
import { rows } from '../../kernel/db';
import type { Verdict } from '../../kernel/rules';
import { findCoveringDecision } from '../meetings';
import { ASSET10 } from './rules';

/**
 * Large disposals (ASSET-10 with PG-S6 党组议事规则一（六） and SZYD-05 三重一大四（三）): at or above
 * the large line the disposal carries the 党组 decision that covers it — a 固定资产处置 decision in
 * force whose amount is at least the book value. Checked at submission and again at every
 * approval, because a decision can be revoked while the request waits.
 */
export interface DisposalDecision {
  id: string;
  title: string;
  decidedOn: string;
  bodyCode: string;
  amountFen: number | null;
}

const yuan = (fen: number) => `${(fen / 100).toFixed(2)}元`;
const BASIS = '大额资产处置须经办党组集体研究决定（党组议事规则一（六）PG-S6；“三重一大”四（三）SZYD-05）';

export const largeLine = () => ASSET10.param('collectiveThresholdFen') as number;

export async function coveringDisposalDecision(db: Db, bookValueFen: number, decisionId: string): Promise<DisposalDecision | null> {
  const d = await findCoveringDecision(db, { kind: 'fixed_assets', amountFen: bookValueFen, decisionId });
  return d ? { id: d.id, title: d.title, decidedOn: d.decidedOn, bodyCode: d.bodyCode, amountFen: d.amountFen } : null;
}

/** At submission: the decision is required at or above the line; a 主任办公会议 decision only warns (CONF-23). */
export function checkDisposalDecision(f: { bookValueFen: number; decisionId: string | null; decision: DisposalDecision | null }): Verdict[] {
  const line = largeLine();
  if (f.bookValueFen < line) return [ASSET10.ok()];
  const head = `处置资产账面价值${yuan(f.bookValueFen)}，达到${yuan(line)}，属大额资产处置；${BASIS}`;
  if (!f.decision) {
    const hint = f.decisionId ? '所选决定不存在、已失效，或不是固定资产处置事项、金额不覆盖本次处置' : '请选择党组会议的集体研究决定';
    return [ASSET10.block(`${head}：${hint}`, { szydRuleId: 'SZYD-05', pgScope: 'PG-S6' })];
  }
  if (f.decision.bodyCode !== 'party_group') {
    return [ASSET10.warn(`所关联的决定“${f.decision.title}”由主任办公会议作出；大额资产处置默认由党组会议决定，须向党组通报（CONF-23）`)];
  }
  return [ASSET10.ok()];
}

/** At an approval: the linked decision must still be in force. */
export async function checkDecisionInForce(db: Db, f: { bookValueFen: number; decision: DisposalDecision | null }): Promise<Verdict[]> {
  if (f.bookValueFen < largeLine()) return [];
  if (!f.decision) return [ASSET10.block(`大额资产处置未关联党组集体研究决定，不得批准（${BASIS}）`)];
  const [d] = await rows<{ status: string }>(db, sql`select status from meeting_decisions where id = ${f.decision.id}`);
  if (d?.status !== 'in_force') return [ASSET10.block(`所关联的党组决定“${f.decision.title}”已撤销或被变更，不得批准本次处置；请重新提交并关联有效决定`)];
  return [];
}

/** The decisions the disposal page offers: 固定资产处置 decisions in force covering the amount. */
export async function disposalDecisionOptions(db: Db, amountFen: number): Promise<(DisposalDecision & { bodyName: string })[]> {
  return rows(db, sql`select id, title, decided_on::text as "decidedOn", body_code as "bodyCode", amount_fen::float8 as "amountFen",
      case body_code when 'party_group' then '党组会议' when 'director_meeting' then '主任办公会议' else body_code end as "bodyName"
    from meeting_decisions where matter_kind = 'fixed_assets' and status = 'in_force' and amount_fen >= ${amountFen}
    order by (body_code = 'party_group') desc, decided_on desc limit 50`);
}

import { and, desc, eq, gte, ilike } from 'drizzle-orm';
import type { Db } from '../../kernel/db';
import type { Rule } from '../../kernel/rules';
import { meetingDecisions } from './schema';
import { SZYD03, SZYD04, SZYD05, SZYD06, SZYD07, SZYD08 } from './rules';
import type { BodyCode } from './checks';

/**
 * The 三重一大 classifier (A-meetings.md §6.2, CONF-02, CONF-04, CONF-23) that other areas
 * call: finance, procurement and cadre selection ask whether a matter needs a collective
 * decision and link their approval to the decision that covers it.
 */
export const MATTER_KINDS = {
  special_fund: '专项经费',
  procurement: '采购项目',
  capital_construction: '基本建设项目',
  major_event: '重大活动项目经费',
  donation: '以办名义的捐赠',
  budget: '年度财务预算编制、执行和调整',
  fixed_assets: '大型（大批）固定资产购置和处置',
  office_building: '办公用房建设和装修',
  cadre_appointment: '中层干部任免和调整',
  reserve_cadre: '后备干部人选推荐',
  honours: '推荐申报市级及以上先进',
  recruitment: '公开选调、招考（聘用）工作人员',
  major_plan: '重大发展规划和工作计划、工作部署',
  integrity: '党风廉政建设和反腐败工作的重要问题',
  vital_interests: '涉及群众和干部职工切身利益的重大问题',
  superior_directive: '上级重要文件、重要会议精神的贯彻落实及请示报告的重要事项',
  other: '其他',
} as const;

export type MatterKind = keyof typeof MATTER_KINDS;

export interface Matter {
  kind: MatterKind;
  /** Integer fen; 2万元 = 2,000,000. */
  amountFen?: number | null;
  purpose?: string;
  /** Donations: made in the office's name (SZYD-08). */
  inOfficeName?: boolean;
}

export interface Classification {
  collective: boolean;
  /** The deciding body: cadre matters only the 党组 (CONF-04); other 三重一大 the 党组 by default (CONF-23). */
  body: BodyCode | null;
  /** Bodies that may decide it (the 主任办公会议 for non-cadre matters, with a warning). */
  allowedBodies: BodyCode[];
  ruleId: string | null;
  cite: string | null;
  reason: string;
  /** cadre work needs PG-13's two thirds at the 党组; others SZYD-14's. */
  topicKind: 'cadre' | 'szyd' | 'ordinary';
}

const AMOUNT_KINDS: MatterKind[] = ['special_fund', 'procurement', 'capital_construction', 'major_event'];
const ANY_AMOUNT: Partial<Record<MatterKind, Rule>> = { budget: SZYD06, fixed_assets: SZYD05, office_building: SZYD05 };
const PERSONNEL: MatterKind[] = ['cadre_appointment', 'reserve_cadre', 'honours', 'recruitment'];
const CADRE: MatterKind[] = ['cadre_appointment', 'reserve_cadre'];
/** SZYD-03 重大事项决策 (MM-PLAN, MM-INTEGRITY, MM-VITAL-INTERESTS, MM-SUPERIOR): declared by the proposer, not computed. */
const MAJOR_MATTERS: MatterKind[] = ['major_plan', 'integrity', 'vital_interests', 'superior_directive'];

const yuan = (fen: number) => `${(fen / 100).toLocaleString('zh-CN', { minimumFractionDigits: 2 })}元`;

function collective(rule: Rule, reason: string, kind: 'cadre' | 'szyd'): Classification {
  const allowedBodies: BodyCode[] = kind === 'cadre' ? ['party_group'] : ['party_group', 'director_meeting'];
  return { collective: true, body: 'party_group', allowedBodies, ruleId: rule.id, cite: rule.cite, reason, topicKind: kind };
}

function notCollective(reason: string): Classification {
  return { collective: false, body: null, allowedBodies: [], ruleId: null, cite: null, reason, topicKind: 'ordinary' };
}

/** Must this matter be decided collectively, by which body, under which rule? */
export function classifyMatter(m: Matter): Classification {
  const label = MATTER_KINDS[m.kind];
  const amount = m.amountFen ?? 0;
  if (PERSONNEL.includes(m.kind)) {
    return collective(SZYD04, `${label}属重要人事任免，须由党组集体研究决定`, CADRE.includes(m.kind) ? 'cadre' : 'szyd');
  }
  if (MAJOR_MATTERS.includes(m.kind)) return collective(SZYD03, `${label}属重大事项决策，须集体讨论决定`, 'szyd');
  const anyAmount = ANY_AMOUNT[m.kind];
  if (anyAmount) return collective(anyAmount, `${label}不论金额均属“三重一大”事项`, 'szyd');
  if (AMOUNT_KINDS.includes(m.kind)) {
    const threshold = SZYD07.param('thresholdFen');
    if (amount >= threshold) return collective(SZYD07, `${label}${yuan(amount)}，达到${yuan(threshold)}（含）以上，属大额资金使用`, 'szyd');
    return notCollective(`${label}${yuan(amount)}，低于${yuan(threshold)}，不属“三重一大”大额资金（SZYD-07）`);
  }
  if (m.kind === 'donation') {
    const threshold = SZYD08.param('thresholdFen');
    if (m.inOfficeName === false) return notCollective('非以办名义的捐赠不属 SZYD-08 规定的重大捐赠，可人工认定');
    if (amount >= threshold) return collective(SZYD08, `以办名义捐赠${yuan(amount)}，达到${yuan(threshold)}（含）以上，属重大捐赠`, 'szyd');
    return notCollective(`以办名义捐赠${yuan(amount)}，低于${yuan(threshold)}，不属重大捐赠（SZYD-08）`);
  }
  return notCollective('未列入“三重一大”自动认定范围；如属重大事项决策，由分管领导或主要负责人人工认定');
}

export interface CoveringDecision {
  id: string;
  title: string;
  body: string;
  bodyCode: string;
  decidedOn: string;
  amountFen: number | null;
  purpose: string | null;
  ruleId: string | null;
}

/**
 * The decision in force that covers the matter: same kind, an amount at least the matter's,
 * and (when given) a purpose the decision mentions. With `decisionId`, only that decision is
 * checked, so an approval that names its decision cannot be linked to one that does not fit.
 */
export async function findCoveringDecision(db: Db, m: Matter & { decisionId?: string }): Promise<CoveringDecision | null> {
  const conditions = [eq(meetingDecisions.matterKind, m.kind), eq(meetingDecisions.status, 'in_force')];
  if (m.amountFen != null) conditions.push(gte(meetingDecisions.amountFen, m.amountFen));
  if (m.decisionId) conditions.push(eq(meetingDecisions.id, m.decisionId));
  if (m.purpose?.trim()) conditions.push(ilike(meetingDecisions.purpose, `%${m.purpose.trim().replace(/[%_\\]/g, (c) => `\\${c}`)}%`));
  const [row] = await db
    .select({
      id: meetingDecisions.id,
      title: meetingDecisions.title,
      body: meetingDecisions.body,
      bodyCode: meetingDecisions.bodyCode,
      decidedOn: meetingDecisions.decidedOn,
      amountFen: meetingDecisions.amountFen,
      purpose: meetingDecisions.purpose,
      ruleId: meetingDecisions.szydRuleId,
    })
    .from(meetingDecisions)
    .where(and(...conditions))
    .orderBy(desc(meetingDecisions.decidedOn))
    .limit(1);
  return row ?? null;
}

import type { Rule, Verdict } from '../../kernel/rules';
import { DM04, DM10, FIVE17, PG12, PG13, PG16, PG19, PG21, SZYD13, SZYD14, SZYD17, SZYD19, SZYD20, SZYD22 } from './rules';
import { addDays, localDate } from '../../kernel/time';

/**
 * Pure checks (no IO): quorum, adoption and speaking order. Counting follows A-meetings.md
 * N-1/N-2 in integers and CONFLICTS.md CONF-05 (a recused member is absent for the topic's
 * quorum and stays in the base of 应到会成员).
 */
export type BodyCode = 'party_group' | 'director_meeting';
export type TopicKind = 'ordinary' | 'cadre' | 'szyd' | 'briefing';

type FractionRule = Rule<{ num: { value: number; label: string }; den: { value: number; label: string }; strict: { value: boolean; label: string } }>;

/** Does x of n satisfy the rule's fraction ("more than half", "at least two thirds")? */
export function meets(rule: FractionRule, x: number, n: number): boolean {
  const num = rule.param('num');
  const den = rule.param('den');
  return rule.param('strict') ? x * den > num * n : x * den >= num * n;
}

/** The smallest x of n that satisfies the rule. */
export function minimumOf(rule: FractionRule, n: number): number {
  for (let x = 0; x <= n; x++) if (meets(rule, x, n)) return x;
  return n + 1;
}

const QUORUM_TEXT: Record<string, string> = {
  'PG-12': '党组会议必须有过半数的党组成员到会方能举行',
  'PG-13': '研究干部工作必须有三分之二的党组成员到会方能举行',
  'DM-10': '主任办公会议必须有超过半数的班子成员到会',
  'SZYD-14': '审议“三重一大”事项的会议，必须有三分之二以上成员到会方能召开',
};

function quorum(rule: FractionRule, present: number, due: number): Verdict {
  if (meets(rule, present, due)) return rule.ok();
  return rule.block(`${QUORUM_TEXT[rule.id]} — 到会 ${present} / 需 ${minimumOf(rule, due)} / 应到 ${due}`, { present, needed: minimumOf(rule, due), due });
}

/** The meeting's own quorum (PG-12 / DM-10), when it opens and at every vote (CONF-27). */
export function meetingQuorum(body: BodyCode, present: number, due: number): Verdict[] {
  const verdicts = [quorum(body === 'party_group' ? PG12 : DM10, present, due)];
  if (body === 'director_meeting' && present < due && verdicts[0].outcome === 'ok') {
    verdicts.push(DM10.warn(`原则上要求参会人员到齐召开 — 到会 ${present} / 应到 ${due}`));
  }
  return verdicts;
}

/** The topic's quorum: the meeting's, then two thirds for cadre work and 三重一大 (PG-13, SZYD-14). */
export function topicQuorum(body: BodyCode, kind: TopicKind, present: number, due: number): Verdict[] {
  const verdicts = [quorum(body === 'party_group' ? PG12 : DM10, present, due)];
  if (kind === 'cadre' && body === 'party_group') verdicts.push(quorum(PG13, present, due));
  if (kind === 'cadre' || kind === 'szyd') verdicts.push(quorum(SZYD14, present, due));
  return verdicts;
}

/** Which rule computes adoption: PG-16 at the 党组; SZYD-20 for 三重一大 at the 主任办公会议 (CONF-06). */
export function adoptionRule(body: BodyCode, kind: TopicKind): FractionRule | null {
  if (body === 'party_group') return PG16;
  if (kind === 'szyd' || kind === 'cadre') return SZYD20;
  return null; // ordinary 主任办公会议 topics: the chair's conclusion decides (DM-04, CONF-25)
}

export interface Tally {
  agree: number;
  disagree: number;
  abstain: number;
}

/** Adopted iff the AGREE votes reach the rule's share of 应到会成员 (not of those present). */
export function computeOutcome(rule: FractionRule, tally: Tally, due: number): { adopted: boolean; needed: number; text: string } {
  const needed = minimumOf(rule, due);
  const adopted = meets(rule, tally.agree, due);
  const text = `同意 ${tally.agree}，不同意 ${tally.disagree}，弃权（缓议）${tally.abstain}；应到会成员 ${due} 人，须 ${needed} 人同意方为通过（${rule.id}）`;
  return { adopted, needed, text };
}

/** Where the principal leader speaks last (CONF-30): every 党组 topic, 三重一大 and cadre topics anywhere. */
export function speakLastRule(body: BodyCode, kind: TopicKind): Rule | null {
  if (kind === 'briefing') return null;
  if (body === 'party_group') return PG19;
  if (kind === 'szyd' || kind === 'cadre') return SZYD19;
  return null;
}

export interface SpeakingState {
  principalId: string | null;
  /** Present, non-recused voting members (the principal included if present). */
  voterIds: string[];
  /** Members with a current (not voided) opinion on the topic. */
  spokenIds: Set<string>;
  conclusionRecorded: boolean;
}

/** May `speakerId` (a voting member) give an opinion now? Rejects the principal first and members after him. */
export function speakingVerdict(rule: Rule | null, s: SpeakingState, speakerId: string): Verdict {
  if (!rule || !s.principalId || !s.voterIds.includes(s.principalId)) return PG19.ok();
  if (speakerId === s.principalId) {
    const waiting = s.voterIds.filter((id) => id !== s.principalId && !s.spokenIds.has(id));
    if (waiting.length > 0) {
      return rule.block(`主要负责人不得首先表态或个人定调，须待其他成员充分发表意见后最后表态（${FIVE17.id}）— 尚有 ${waiting.length} 名成员未发表意见`, { waiting });
    }
    return rule.ok();
  }
  if (s.conclusionRecorded) return rule.block(`主要负责人已作结论性意见，其他成员不能再发表意见；如需继续讨论，请主持人重新开启讨论（${FIVE17.id}）`);
  return rule.ok();
}

/** Before a vote opens: the principal's conclusion (PG-19/SZYD-19) and, for 三重一大, every stance with a reason (SZYD-17). */
export function readyToVote(rule: Rule | null, s: SpeakingState, kind: TopicKind, stances: Map<string, { stance: string | null; reason: string }>): Verdict[] {
  const verdicts: Verdict[] = [];
  if (rule && s.principalId && s.voterIds.includes(s.principalId) && !s.conclusionRecorded) {
    verdicts.push(rule.block('主要负责人尚未作结论性意见，不能开始表决'));
  }
  if (kind === 'szyd' || kind === 'cadre') {
    const missing = s.voterIds.filter((id) => !stances.get(id)?.stance);
    const noReason = s.voterIds.filter((id) => stances.get(id)?.stance && !stances.get(id)?.reason.trim());
    if (missing.length) verdicts.push(SZYD17.block(`尚有 ${missing.length} 名到会成员未明确表示同意、不同意或缓议`, { missing }));
    else if (noReason.length) verdicts.push(SZYD17.block(`尚有 ${noReason.length} 名成员未说明理由`, { noReason }));
  }
  return verdicts;
}

/** CONF-31 heuristic: suggest the major-disagreement flag when DISAGREE + DEFER stances reach the share of present voters. */
export function disagreementSuggested(dissent: number, voters: number): boolean {
  return voters > 0 && dissent * PG21.param('suggestDen') >= voters * PG21.param('suggestNum');
}

/**
 * What the meeting room shows while a topic with a suggested or flagged major disagreement is
 * discussed (CONF-31): for 三重一大 and cadre topics SZYD-22 defers the decision unless the chair
 * records an emergency; any other topic gets the PG-21 warning. openVote enforces the same.
 */
export function disagreementVerdict(kind: TopicKind, f: { flagged: boolean; emergencyReason: string | null; dissent: number; voters: number }): Verdict | null {
  if (kind === 'briefing' || !(f.flagged || disagreementSuggested(f.dissent, f.voters))) return null;
  const share = `${PG21.param('suggestNum')}/${PG21.param('suggestDen')}`;
  const ground = f.flagged ? '主持人已登记重大分歧' : `不同意与缓议合计 ${f.dissent} 人，达到到会表决成员（${f.voters} 人）的 ${share}`;
  const details = { flagged: f.flagged, dissent: f.dissent, voters: f.voters };
  if (kind === 'szyd' || kind === 'cadre') {
    return f.emergencyReason
      ? SZYD22.warn(`${ground}；已说明紧急情况（${f.emergencyReason}），可按多数意见执行`, details)
      : SZYD22.block(`${ground}：意见分歧较大的，除紧急情况下按多数意见执行外，应暂缓决策`, details);
  }
  return PG21.warn(`${ground}：会议对需要决定的重大问题有重大分歧，一般应暂缓作出决定`, details);
}

/** A 主任办公会议 topic closes only with the chair's conclusion (DM-04). */
export function conclusionPresent(body: BodyCode, kind: TopicKind, conclusion: string | null | undefined): Verdict {
  if (body !== 'director_meeting' || kind === 'briefing' || conclusion?.trim()) return DM04.ok();
  return DM04.block('主任办公会议议题须由主持人作出简要明确的结论后方能结束');
}

export interface MaterialsFacts {
  hasMaterials: boolean;
  materialsSentAt: Date | null;
  adHocGround: string | null;
  meetingStart: Date;
  meetingDate: string;
}

/**
 * SZYD-13: a 三重一大 topic's materials reached the participants before the meeting (with the
 * notice or a supplementary notice), warning when less than the lead time; for a topic added on a
 * major emergency (SZYD-12) it is enough that they were delivered before its session opens.
 */
export function materialsVerdicts(kind: TopicKind, f: MaterialsFacts): Verdict[] {
  if (kind !== 'szyd' && kind !== 'cadre') return [];
  if (!f.hasMaterials || !f.materialsSentAt) return [SZYD13.block('“三重一大”议题的有关材料尚未送达参会人员，不能审议')];
  if (f.adHocGround === 'major_emergency') return [SZYD13.ok()];
  if (f.materialsSentAt >= f.meetingStart) return [SZYD13.block('“三重一大”议题的有关材料须在会议召开前送达参会人员')];
  const lead = SZYD13.param('materialsLeadDays');
  const sentOn = localDate(f.materialsSentAt);
  if (sentOn > addDays(f.meetingDate, -lead)) {
    return [SZYD13.warn(`有关材料于 ${sentOn} 送达，距会议不足 ${lead} 天，参会人员可能没有必要的时间了解相关情况`)];
  }
  return [SZYD13.ok()];
}

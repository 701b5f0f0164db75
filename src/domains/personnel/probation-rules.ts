import { defineRule, type Verdict } from '../../kernel/rules';
import { addDays } from '../../kernel/time';

/**
 * 试用期 of section-level cadres (《科级干部选拔任用工作规范》八（二）, C-personnel.md PROB-01…03,
 * CONFLICTS.md CONF-80). The appointment itself is decided elsewhere (党组会议); here 综合科
 * keeps the probation: its dates, the reminder before the assessment, and the assessment's
 * democratic evaluation and outcome.
 */
const REG = '科级干部选拔任用工作规范';
const C = (article: string) => `《${REG}》${article}`;

export const PROB01 = defineRule({ id: 'PROB-01', cite: C('八（二）'), regulation: REG, enforcement: 'remind',
  text: '提拔担任科级领导职务以及调任科级领导职务的，试用期为一年（自任职之日起至一年后对应日的前一日）；转任、交流不设试用期。试用期满前提醒综合科和办党组组织考核。',
  params: { reminderLeadDays: { value: 30, label: '考核提醒提前天数（CONF-80）', unit: '天' } } });
export const PROB02 = defineRule({ id: 'PROB-02', cite: C('八（二）'), regulation: REG, enforcement: 'enforce',
  text: '试用期满，应对试用对象进行考核，考核必须进行民主测评；试用期满之前不得登记考核结果。' });
export const PROB03 = defineRule({ id: 'PROB-03', cite: C('八（二）'), regulation: REG, enforcement: 'enforce',
  // CONF-80: the base is the valid ballots; exactly one third is not 超过; removal needs the Party Group's finding too.
  text: '基本称职和不称职票超过三分之一（以收回的有效票为基数），确属不适应岗位任职需求的，免去试任职务，一般按试任前职级安排工作；胜任现职的，予以正式任职。票数未超过三分之一的，只能正式任职。',
  params: {
    thresholdNum: { value: 1, label: '免去试任职务：基本称职与不称职票占有效票比例（超过）分子' },
    thresholdDen: { value: 3, label: '比例分母' },
  } });

/** 提拔 and 调任 carry a probation; 转任 and 交流 do not (PROB-01). */
export const APPOINTMENT_TYPES = { promotion: '提拔任职', transfer_in: '调任', transfer: '转任', exchange: '交流' } as const;
export type AppointmentType = keyof typeof APPOINTMENT_TYPES;

export function checkHasProbation(type: AppointmentType): Verdict {
  return type === 'promotion' || type === 'transfer_in' ? PROB01.ok() : PROB01.block(`${APPOINTMENT_TYPES[type]}不设试用期，只有提拔或调任科级领导职务的才有一年试用期`);
}

/**
 * PROB-01 dates from the day the appointment takes effect: the probation ends the day before
 * its first anniversary (2024-07-01 → 2025-06-30), the assessment is due on the anniversary,
 * the reminder comes `reminderLeadDays` before that. A 29 February start has its anniversary
 * on 1 March of a common year (the year is 365 days then), so it ends on 28 February.
 */
export function probationDates(effectiveOn: string): { endOn: string; dueOn: string; remindOn: string } {
  const [y, m, d] = effectiveOn.split('-').map(Number);
  const anniversary = new Date(Date.UTC(y + 1, m - 1, d)); // Date rolls 29 Feb of a common year over to 1 Mar
  const dueOn = anniversary.toISOString().slice(0, 10);
  return { endOn: addDays(dueOn, -1), dueOn, remindOn: addDays(dueOn, -Number(PROB01.param('reminderLeadDays'))) };
}

/** The democratic evaluation (民主测评): valid ballots and the four grades. */
export interface Evaluation {
  ballots: number;
  excellent: number;
  competent: number;
  basicallyCompetent: number;
  incompetent: number;
}

/** PROB-02: the assessment comes after the probation, and has its evaluation with every valid ballot graded. */
export function checkAssessment(e: Evaluation | null, dueOn: string, assessedOn: string): Verdict {
  if (assessedOn < dueOn) return PROB02.block(`试用期至${addDays(dueOn, -1)}届满，${dueOn}起方可登记考核结果`);
  if (!e || e.ballots <= 0) return PROB02.block('考核必须进行民主测评，请填写收回的有效票数及各等次票数');
  const graded = e.excellent + e.competent + e.basicallyCompetent + e.incompetent;
  if (graded !== e.ballots) return PROB02.block(`民主测评各等次票数合计 ${graded} 张，与有效票 ${e.ballots} 张不一致`);
  return PROB02.ok();
}

const ratio = () => ({ num: Number(PROB03.param('thresholdNum')), den: Number(PROB03.param('thresholdDen')) });
/** The threshold in words: 三分之一 as the regulation has it, or the office's own ratio. */
function shareText(): string {
  const { num, den } = ratio();
  return num === 1 && den <= 10 ? `${'零一二三四五六七八九十'[den]}分之一` : `${num}/${den}`;
}

/** PROB-03: 基本称职 and 不称职 together above one third of the valid ballots (exactly one third is not above). */
export function thresholdMet(e: Evaluation): boolean {
  const { num, den } = ratio();
  return den * (e.basicallyCompetent + e.incompetent) > num * e.ballots;
}

export type ProbationOutcome = 'formal' | 'removed';

/**
 * PROB-03: removal only when the threshold is met and the Party Group finds the person unfit
 * for the post, and then with where the person works next; the threshold met but the Party
 * Group finding the person fit is a warning before formal appointment.
 */
export function checkOutcome(e: Evaluation, o: { outcome: ProbationOutcome; partyGroupFindsUnfit: boolean | null; placement: string | null }): Verdict {
  const x = e.basicallyCompetent + e.incompetent;
  const votes = `基本称职和不称职票 ${x} 张，有效票 ${e.ballots} 张`;
  if (!thresholdMet(e)) {
    return o.outcome === 'removed' ? PROB03.block(`${votes}，未超过${shareText()}，只能予以正式任职；确不胜任的，另按免职程序办理（DISM-01）`) : PROB03.ok();
  }
  if (o.partyGroupFindsUnfit === null) return PROB03.block(`${votes}，超过${shareText()}，请登记办党组是否认定其确属不适应岗位任职需求`);
  if (o.outcome === 'removed') {
    if (!o.partyGroupFindsUnfit) return PROB03.block(`办党组认定其胜任现职，不能免去试任职务`);
    return o.placement ? PROB03.ok() : PROB03.block('免去试任职务的，请填写免职后的工作安排（一般按试任前职级安排工作）');
  }
  return o.partyGroupFindsUnfit
    ? PROB03.block(`${votes}，超过${shareText()}，且办党组认定其不适应岗位任职需求，应免去试任职务`)
    : PROB03.warn(`${votes}，超过${shareText()}；办党组认定其胜任现职，予以正式任职`);
}

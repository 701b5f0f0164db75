import type { Verdict } from '../../kernel/rules';
import { addDays } from '../../kernel/time';
import { anniversary } from './days';
import { cancellation } from './entitlement';
import type { LeaveFacts } from './facts';
import { LEAVE_TYPE_LABEL, RELATIONSHIP_LABEL, SPECIAL_LABEL, type LeaveFormValue } from './form';
import {
  ATT08, LEAVE01, LEAVE04, LEAVE07, LEAVE08, LEAVE09, LEAVE10, LEAVE11, LEAVE12, LEAVE13, LEAVE14, LEAVE15, LEAVE16, LEAVE17, LEAVE18,
} from './rules';

/**
 * The submission checks of a leave request: pure functions of the form and the derived facts.
 * Every message names its figures (“已休12天，本次4天”).
 */
const d = (halves: number) => halves / 2;

export function checkLeave(form: LeaveFormValue, f: LeaveFacts): Verdict[] {
  return [
    ...advance(form, f),
    ...counting(form, f),
    ...gapWarning(f),
    ...byType(form, f),
    ...annualConsequences(form, f),
  ];
}

/** LEAVE-01 / LEAVE-18: in advance, or by phone / proxy with the consent recorded. */
function advance(form: LeaveFormValue, f: LeaveFacts): Verdict[] {
  if (form.channel === 'written') {
    return form.startDate < f.today
      ? [LEAVE01.block(`请假应事先办理：开始日期 ${form.startDate} 早于今天 ${f.today}；特殊紧急情况请选择“电话请假后补办”，并登记电话同意的审批人`)]
      : [];
  }
  const out: Verdict[] = [];
  if (!form.phoneApproverId || !form.phoneApprovedOn) out.push(LEAVE01.block('电话或委托请假后补办手续，须登记电话同意的审批人和同意日期'));
  else if (form.phoneApprovedOn > form.startDate) out.push(LEAVE01.block(`电话同意日期 ${form.phoneApprovedOn} 晚于请假开始日期 ${form.startDate}，不属于事先请假`));
  if (form.channel === 'proxy' && !form.proxyName) out.push(LEAVE18.block('委托他人代为请假的，须登记代请人姓名'));
  return out;
}

/** LEAVE-07: a working-day leave must cover at least one working day. */
function counting(form: LeaveFormValue, f: LeaveFacts): Verdict[] {
  const nursing = form.specialKind === 'SPL6';
  if (!nursing && f.unit === 'working' && f.workingHalves === 0) {
    return [LEAVE07.block(`${LEAVE_TYPE_LABEL[form.type]}按工作日计算，${form.startDate} 至 ${form.endDate} 没有工作日，无需请假`)];
  }
  return [];
}

/** CONF-07: section cadres' leave of more than 1 and up to 2 working days is not in the text. */
function gapWarning(f: LeaveFacts): Verdict[] {
  if (!f.route.gap) return [];
  const policy = LEAVE04.param('cadreLeaveGapPolicy') === 'ESCALATE' ? '按从严理解报主要领导批准' : '由分管领导批准';
  return [
    {
      outcome: 'warn',
      ruleId: 'LEAVE-04-GAP',
      cite: LEAVE04.cite,
      message: `科级干部请假${d(f.tierHalves)}个工作日，在“1个工作日以内”与“超过2个工作日”之间，制度未作规定，${policy}（CONF-07）`,
    },
  ];
}

function byType(form: LeaveFormValue, f: LeaveFacts): Verdict[] {
  switch (form.type) {
    case 'annual':
      return annual(form, f);
    case 'personal':
      return personal(form, f);
    case 'special':
      return special(form, f);
    case 'marriage':
      return marriage(form, f);
    case 'bereavement':
      return bereavement(form, f);
    case 'maternity':
    case 'paternity':
      return birth(form, f);
    case 'sick':
      return sick(form);
  }
}

function annual(form: LeaveFormValue, f: LeaveFacts): Verdict[] {
  const a = f.annual;
  if (a.forfeitKind === 'current') return [LEAVE09.block(`LEAVE-09.${a.forfeitCode}：${f.year}年已出现不享受当年年休假的情形，当年年休假为0天`, { code: a.forfeitCode })];
  if (a.forfeitCode) return [LEAVE10.block(`${f.year - 1}年已享受年休假后又出现不享受年休假情形（${a.forfeitCode}），不享受${f.year}年年休假`, { code: a.forfeitCode })];
  const c = cancellation(f.usage, f.serviceStart, form.startDate);
  if (c) return [LEAVE09.block(`LEAVE-09.${c.code}：${f.year}年${c.message}，不享受当年年休假`, { code: c.code })];
  if (a.entitlementHalves === 0) {
    const why = f.serviceStart ? `参加工作时间 ${f.serviceStart}，至 ${form.startDate} 累计工作未满1年（满1年后次月起享受）` : '未登记参加工作时间或不是在编在职人员';
    return [LEAVE08.block(`不享受年休假：${why}`)];
  }
  const left = a.entitlementHalves - a.usedHalves - a.pendingHalves;
  if (f.chargeableHalves > left) {
    const pending = a.pendingHalves ? `，审批中${d(a.pendingHalves)}天` : '';
    return [LEAVE08.block(`${f.year}年年休假${d(a.entitlementHalves)}天（工作满年限档次${a.tierDays}天），已休${d(a.usedHalves)}天${pending}，剩余${d(Math.max(0, left))}天，本次${d(f.chargeableHalves)}天`)];
  }
  return [];
}

function personal(form: LeaveFormValue, f: LeaveFacts): Verdict[] {
  const cap = LEAVE11.param('capDays');
  const used = f.personalUsedHalves + f.personalPendingHalves;
  const total = used + f.chargeableHalves;
  if (total <= cap * 2) return [];
  const figures = `事假全年累计不得超过${cap}个工作日，已休${d(f.personalUsedHalves)}天${f.personalPendingHalves ? `（另有审批中${d(f.personalPendingHalves)}天）` : ''}，本次${d(f.chargeableHalves)}天，合计${d(total)}天`;
  if (!form.capOverrideReason || LEAVE11.param('personalLeaveCapOverride') === 'NONE') return [LEAVE11.block(figures)];
  return [LEAVE11.warn(`${figures}；超出部分须主要领导批准（理由：${form.capOverrideReason}）`), ...overrideConsequences(f, total)];
}

/** The consequences an override of the cap brings near (LEAVE-09 C1, ATT-08), as warnings. */
function overrideConsequences(f: LeaveFacts, totalHalves: number): Verdict[] {
  const c1 = LEAVE09.param('c1PersonalDays');
  const m = ATT08.param('monthWorkingDays');
  const three = m * ATT08.param('notAssessedMonths');
  const six = m * ATT08.param('unfitMonths');
  return [
    LEAVE09.warn(`事假累计达到${c1}个工作日以上且不扣工资的，不享受当年年休假（LEAVE-09.C1）；本次后累计${d(totalHalves)}天`),
    ATT08.warn(`事假累计超过${three}个工作日（三个月）的年度不进行考核，超过${six}个工作日（六个月）的定为不称职；本次后累计${d(totalHalves)}天`),
  ];
}

function special(form: LeaveFormValue, f: LeaveFacts): Verdict[] {
  const kind = form.specialKind!;
  if (kind === 'SPL6') return nursing(form, f);
  const limit = LEAVE12.param(kind);
  const label = SPECIAL_LABEL[kind];
  if (kind === 'SPL4') {
    for (const [monday, taken] of Object.entries(f.spl4ByWeek)) {
      if (taken + f.chargeableHalves > limit * 2) {
        return [LEAVE12.block(`LEAVE-12.SPL4：${label}每周不超过${limit}个工作日，${monday}起的一周已请${d(taken)}天，本次${d(f.chargeableHalves)}天`, { code: 'SPL4' })];
      }
    }
  }
  if (f.chargeableHalves > limit * 2) {
    return [LEAVE12.block(`LEAVE-12.${kind}：${label}以${limit}个工作日为限，本次${d(f.chargeableHalves)}天；超出部分可另请事假`, { code: kind })];
  }
  const need = { SPL1: 'HOSPITAL_CARE_NOTICE', SPL2: 'SCHOOL_NOTICE', SPL4: 'STUDY_APPROVAL', SPL5: 'PRENATAL_PROOF' } as Record<string, string>;
  if (need[kind] && form.channel === 'written' && !form.attachments.some((a) => a.kind === need[kind])) {
    return [LEAVE12.block(`LEAVE-12.${kind}：${label}须附证明材料（${EVIDENCE_LABEL[need[kind]]}）`, { code: kind })];
  }
  return [];
}

export const EVIDENCE_LABEL: Record<string, string> = {
  HOSPITAL_DIAGNOSIS: '市级正规医院诊断书',
  EMERGENCY_CERT: '急诊就诊医疗机构证明',
  HOSPITAL_CARE_NOTICE: '医院陪护通知',
  SCHOOL_NOTICE: '学校或幼儿园通知书',
  HOUSING_REPAIR_NOTICE: '房管部门维修通知',
  MARRIAGE_CERT: '结婚证',
  DEATH_PROOF: '死亡证明',
  PRENATAL_PROOF: '产前检查证明',
  STUDY_APPROVAL: '在职学习批准文件',
  BIRTH_CERT: '出生医学证明',
  OTHER: '其他材料',
};

function nursing(form: LeaveFormValue, f: LeaveFacts): Verdict[] {
  const n = form.nursing;
  if (!n) return [LEAVE13.block('请填写哺乳方式、时间、婴儿人数和出生日期')];
  if (f.gender !== 'F') return [LEAVE13.block(f.gender ? '哺乳时间仅适用于女性工作人员' : '请综合科先登记本人性别，哺乳时间仅适用于女性工作人员')];
  const lastDay = addDays(anniversary(n.infantBirthDate, 1), -1);
  if (form.endDate > lastDay) return [LEAVE13.block(`婴儿 ${n.infantBirthDate} 出生，哺乳时间至满1周岁前一天（${lastDay}）为止，申请截至 ${form.endDate}`)];
  if (n.mode === 'daily') {
    const max = LEAVE13.param('dailyHours') + (n.infants - 1);
    if (n.hours > max) return [LEAVE13.block(`每天哺乳时间不超过${max}小时（${n.infants}个婴儿），申请${n.hours}小时`)];
  } else if (n.hours > LEAVE13.param('weeklyHours')) {
    return [LEAVE13.block(`每周少上班不超过${LEAVE13.param('weeklyHours')}小时，申请${n.hours}小时`)];
  }
  return [];
}

function marriage(form: LeaveFormValue, f: LeaveFacts): Verdict[] {
  const max = LEAVE14.param('marriageDays');
  if (!form.attachments.some((a) => a.kind === 'MARRIAGE_CERT')) return [LEAVE14.block('婚假须提供结婚证（依法办理结婚登记）')];
  const total = f.sameEventHalves + f.chargeableHalves;
  if (total > max * 2) return [LEAVE14.block(`婚假${max}个工作日，本次${d(f.chargeableHalves)}天${f.sameEventHalves ? `，同一次结婚已请${d(f.sameEventHalves)}天` : ''}，合计${d(total)}天`)];
  return [];
}

const BEREAVEMENT_OK = new Set(['spouse', 'parent', 'child', 'grandparent', 'grandchild', 'parent_in_law']);

function bereavement(form: LeaveFormValue, f: LeaveFacts): Verdict[] {
  const max = LEAVE15.param('bereavementMaxDays');
  if (!form.relationship) return [LEAVE15.block('请选择与逝者的关系')];
  if (!BEREAVEMENT_OK.has(form.relationship)) return [LEAVE15.block(`丧假限于配偶、直系亲属、岳父母、公婆死亡，“${RELATIONSHIP_LABEL[form.relationship]}”不在此列`)];
  const total = f.sameEventHalves + f.chargeableHalves;
  if (total > max * 2) return [LEAVE15.block(`丧假每次1至${max}个工作日，本次${d(f.chargeableHalves)}天${f.sameEventHalves ? `，同一丧事已请${d(f.sameEventHalves)}天` : ''}`)];
  return [];
}

function birth(form: LeaveFormValue, f: LeaveFacts): Verdict[] {
  const maternity = form.type === 'maternity';
  const need = maternity ? 'F' : 'M';
  if (f.gender !== need) {
    const who = maternity ? '产假仅适用于女工作人员' : '护理假仅适用于男方';
    return [LEAVE16.block(f.gender ? who : `请综合科先登记本人性别（${who}）`)];
  }
  const max = maternity ? LEAVE16.param('maternityDays') : LEAVE16.param('paternityDays');
  const total = f.sameEventHalves + f.chargeableHalves;
  const unit = f.unit === 'calendar' ? '天（含节假日）' : '个工作日';
  if (total > max * 2) return [LEAVE16.block(`${LEAVE_TYPE_LABEL[form.type]}${max}${unit}，本次${d(f.chargeableHalves)}天${f.sameEventHalves ? `，已请${d(f.sameEventHalves)}天` : ''}`)];
  return [];
}

export const SICK_EVIDENCE = ['HOSPITAL_DIAGNOSIS', 'EMERGENCY_CERT'];

/** LEAVE-17: warned at submission, enforced at final approval (checkAction). */
function sick(form: LeaveFormValue): Verdict[] {
  if (form.attachments.some((a) => SICK_EVIDENCE.includes(a.kind))) return [];
  if (form.channel !== 'written') return [LEAVE17.warn('电话请病假的，请在销假期限内补交市级正规医院诊断书或急诊证明')];
  return [LEAVE17.warn('请病假应附市级正规医院诊断书（急诊附就诊医疗机构证明），未附的最后一级审批人不能批准')];
}

/** Sick or personal leave that would cancel this year's (and next year's) annual leave (LEAVE-09/10). */
function annualConsequences(form: LeaveFormValue, f: LeaveFacts): Verdict[] {
  if (form.type !== 'sick' && form.type !== 'personal') return [];
  if (f.annual.forfeitKind === 'current') return [];
  const add = f.chargeableByYear[String(f.year)] ?? 0;
  const after = { ...f.usage, [form.type === 'sick' ? 'sickHalves' : 'personalUndeductedHalves']: (form.type === 'sick' ? f.usage.sickHalves : f.usage.personalUndeductedHalves) + add };
  if (cancellation(f.usage, f.serviceStart, form.startDate)) return [];
  const c = cancellation(after, f.serviceStart, form.endDate);
  if (!c) return [];
  const out = [LEAVE09.warn(`LEAVE-09.${c.code}：本次请假后${c.message}，将不再享受${f.year}年年休假`, { code: c.code })];
  if (f.annualTakenHalves > 0) out.push(LEAVE10.warn(`${f.year}年已休年休假${d(f.annualTakenHalves)}天，本次请假后将不享受${f.year + 1}年年休假`));
  return out;
}


import { defineRule } from '../../kernel/rules';

/**
 * The rules of 《市扶贫办机关考勤管理制度（试行）》 (C-personnel.md Part 2) and the decisions of
 * CONFLICTS.md (CONF-07, -13, -14, -49, -66…-74). Numbers live in params; the pure checks that
 * use them are in checks.ts, routing in route.ts, counting in days.ts.
 */
const REG = '市扶贫办机关考勤管理制度（试行）';
const C = (article: string) => `《${REG}》${article}`;

export const ATT01 = defineRule({ id: 'ATT-01', cite: C('适用范围'), regulation: REG, enforcement: 'compute',
  text: '本制度适用于市扶贫办机关及下属事业单位全体工作人员；年休假仅适用于在编在职人员。' });
export const ATT02 = defineRule({ id: 'ATT-02', cite: C('一（一）（二）'), regulation: REG, enforcement: 'record',
  text: '严格遵守作息时间，不迟到、不早退，不得擅离职守；迟到早退单独记录，不作旷工处理。',
  // The regulation says "机关规定的作息时间" without stating it: the office sets the hours here.
  params: {
    workStartMinute: { value: 510, label: '上班时间（自零时起的分钟数，510 即 8:30）', unit: '分钟', demo: true },
    workEndMinute: { value: 1050, label: '下班时间（自零时起的分钟数，1050 即 17:30）', unit: '分钟', demo: true },
  } });
export const ATT03 = defineRule({ id: 'ATT-03', cite: C('一（三）、四（一）、四（四）'), regulation: REG, enforcement: 'compute',
  text: '不请假或请假未获批准擅自不上班、请假期满未续假或续假未获批准逾期不归、不服从组织调动或工作安排、骗取病假、以下基层为由办私事的，按旷工处理；旷工须由综合科确认并写明依据。' });
export const ATT04 = defineRule({ id: 'ATT-04', cite: C('一（四）'), regulation: REG, enforcement: 'report',
  text: '办领导组织不定期抽查工作纪律，年度汇总抽查情况，与年度考核结果相结合。' });
export const ATT05 = defineRule({ id: 'ATT-05', cite: C('五（一）'), regulation: REG, enforcement: 'compute',
  text: '当年旷工或因公外出、请假期满无正当理由逾期未到岗，连续超过15天或累计超过30天的，当年年度考核定为不称职。',
  params: {
    consecutiveDays: { value: 15, label: '连续天数（超过即适用）', unit: '工作日' },
    cumulativeDays: { value: 30, label: '累计天数（超过即适用）', unit: '工作日' },
  } });
export const ATT06 = defineRule({ id: 'ATT-06', cite: C('五（二）'), regulation: REG, enforcement: 'report',
  text: '无故旷工连续超过15天，或一年内累计超过30天的，按照《公务员法》给予辞退处理（系统提示启动辞退审查，不自动辞退）。',
  params: {
    consecutiveDays: { value: 15, label: '连续旷工天数（超过即适用）', unit: '工作日' },
    cumulativeDays: { value: 30, label: '年内累计旷工天数（超过即适用）', unit: '工作日' },
  } });
export const ATT07 = defineRule({ id: 'ATT-07', cite: C('五（三）'), regulation: REG, enforcement: 'report',
  text: '长期请病假不能正常履行职责的，按规定办理病退或退职手续（系统只统计病假天数）。',
  params: { sickLeaveDashboardFlagDays: { value: 0, label: '病假累计提示天数（0 为不提示）', unit: '天', demo: true } } });
export const ATT08 = defineRule({ id: 'ATT-08', cite: C('五（四）'), regulation: REG, enforcement: 'compute',
  text: '请事假累计超过三个月不到六个月的，年度不进行考核；超过六个月的，确定为不称职等次。',
  params: {
    monthWorkingDays: { value: 21.75, label: '每月折算工作日', unit: '工作日' },
    notAssessedMonths: { value: 3, label: '不进行考核（超过）', unit: '月' },
    unfitMonths: { value: 6, label: '不称职（超过）', unit: '月' },
  } });
export const ATT09 = defineRule({ id: 'ATT-09', cite: C('五（五）'), regulation: REG, enforcement: 'record',
  text: '开具假医疗证明请病假获准的，按旷工处理，报纪检监察组追究责任，并扣除请假期间全额工资。' });
export const ATT10 = defineRule({ id: 'ATT-10', cite: C('四（一）'), regulation: REG, enforcement: 'record',
  text: '不得以办公事下基层为由办私事，一经发现报主管领导后按旷工处理。' });

export const LEAVE01 = defineRule({ id: 'LEAVE-01', cite: C('二（一）'), regulation: REG, enforcement: 'enforce',
  text: '坚持事先请假、事后销假，履行书面请假手续，填写《请销假审批表》；特殊紧急情况应先打电话请假，后补办书面请假手续。' });
export const LEAVE02 = defineRule({ id: 'LEAVE-02', cite: C('二（二）'), regulation: REG, enforcement: 'enforce',
  text: '单位主要领导请假，需经政府分管领导批准后，并履行书面报备手续，方可外出。' });
export const LEAVE03 = defineRule({ id: 'LEAVE-03', cite: C('二（二）'), regulation: REG, enforcement: 'compute',
  text: '单位领导班子副职请假，经单位主要领导同意。' });
export const LEAVE04 = defineRule({ id: 'LEAVE-04', cite: C('二（三）'), regulation: REG, enforcement: 'compute',
  text: '科级干部请假在1个工作日以内的，直接由分管领导批准；超过2个工作日的，需经分管领导同意，报主要领导批准。超过1个、不超过2个工作日的，制度未作规定，默认报主要领导批准（CONF-07）。',
  params: {
    leaderOnlyMaxDays: { value: 1, label: '分管领导直接批准（以内）', unit: '工作日' },
    principalAboveDays: { value: 2, label: '报主要领导批准（超过）', unit: '工作日' },
    cadreLeaveGapPolicy: { value: 'ESCALATE', label: '1至2个工作日之间：ESCALATE 报主要领导 / LEADER_IN_CHARGE_ONLY 分管领导批准' },
  } });
export const LEAVE05 = defineRule({ id: 'LEAVE-05', cite: C('二（四）'), regulation: REG, enforcement: 'compute',
  text: '一般工作人员请假在1个工作日以内的，由科室负责人批准；1个工作日以上3个工作日以内的，由科室负责人同意，报分管领导批准；3个工作日以上的，报主要领导审批。',
  params: {
    sectionOnlyMaxDays: { value: 1, label: '科室负责人批准（以内）', unit: '工作日' },
    leaderMaxDays: { value: 3, label: '分管领导批准（以内）', unit: '工作日' },
    includeLeaderInChargeForLongLeave: { value: true, label: '超过3个工作日时分管领导先签同意（三（九），CONF-66）' },
  } });
export const LEAVE06 = defineRule({ id: 'LEAVE-06', cite: C('三（九）'), regulation: REG, enforcement: 'compute',
  text: '各类请假应事先提出申请，按程序报批；“经科长同意后，由主管主任审批”按二（二）至（四）的分级程序执行（CONF-66）。' });
export const LEAVE07 = defineRule({ id: 'LEAVE-07', cite: C('三（一）'), regulation: REG, enforcement: 'compute',
  text: '病假、生育假均包括国家法定休假日和休息日；年休假、婚假、丧假、事假均不包括国家法定休假日和休息日。',
  params: { paternityCountingUnit: { value: 'CALENDAR_DAY', label: '护理假计算单位（CALENDAR_DAY / WORKING_DAY）' } } });
export const LEAVE08 = defineRule({ id: 'LEAVE-08', cite: C('三（一）'), regulation: REG, enforcement: 'enforce',
  text: '工作满1年以上的在编在职人员享受带薪年休假：累计工作满1年不满10年的每年5天；满10年不满20年的10天；满20年以上的15天。',
  params: {
    tier1Years: { value: 1, label: '第一档工作年限', unit: '年' },
    tier1Days: { value: 5, label: '第一档天数', unit: '工作日' },
    tier2Years: { value: 10, label: '第二档工作年限', unit: '年' },
    tier2Days: { value: 10, label: '第二档天数', unit: '工作日' },
    tier3Years: { value: 20, label: '第三档工作年限', unit: '年' },
    tier3Days: { value: 15, label: '第三档天数', unit: '工作日' },
    annualLeaveTierEffective: { value: 'NEXT_MONTH', label: '新档次生效：NEXT_MONTH 满年限次月1日 / ANNIVERSARY 满年限当日 / JAN_1 次年1月1日' },
    nonEstablishedAnnualLeave: { value: false, label: '编外人员享受年休假' },
  } });
export const LEAVE09 = defineRule({ id: 'LEAVE-09', cite: C('三（八）'), regulation: REG, enforcement: 'enforce',
  text: '请事假累计20天以上且不扣工资的；工作满1年不满10年、病假累计2个月以上的；满10年不满20年、3个月以上的；满20年以上、4个月以上的，不享受当年的年休假。',
  params: {
    c1PersonalDays: { value: 20, label: 'C1 事假累计（以上）', unit: '工作日' },
    monthCalendarDays: { value: 30, label: '病假每月折算天数', unit: '天' },
    c2Months: { value: 2, label: 'C2 病假（满1年不满10年）', unit: '月' },
    c3Months: { value: 3, label: 'C3 病假（满10年不满20年）', unit: '月' },
    c4Months: { value: 4, label: 'C4 病假（满20年以上）', unit: '月' },
  } });
export const LEAVE10 = defineRule({ id: 'LEAVE-10', cite: C('三（八）'), regulation: REG, enforcement: 'enforce',
  text: '已享受当年年休假，年内又出现不享受年休假情形之一的，不享受下一年的年休假。' });
export const LEAVE11 = defineRule({ id: 'LEAVE-11', cite: C('三（二）'), regulation: REG, enforcement: 'enforce',
  text: '因私事必须由本人处理的，可以请事假，全年事假累计不得超过15天；超出须主要领导批准并写明理由（CONF-68）。',
  params: {
    capDays: { value: 15, label: '全年事假上限', unit: '工作日' },
    personalLeaveCapOverride: { value: 'PRINCIPAL_LEADER_ONLY', label: '超限批准：PRINCIPAL_LEADER_ONLY 主要领导批准 / NONE 不允许' },
  } });
export const LEAVE12 = defineRule({ id: 'LEAVE-12', cite: C('三（二）1—6'), regulation: REG, enforcement: 'enforce',
  text: '特殊事假：陪护病重亲属5个工作日以内；家长会半个工作日以内；搬家或看守维修1个工作日以内；在职学习每周1个工作日以内；产前检查每次1个工作日以内。不扣工资，不计入全年事假累计。',
  params: {
    SPL1: { value: 5, label: '陪护（每次病情）', unit: '工作日' },
    SPL2: { value: 0.5, label: '家长会（每次）', unit: '工作日' },
    SPL3: { value: 1, label: '搬家或看守维修（每次）', unit: '工作日' },
    SPL4: { value: 1, label: '在职学习（每周）', unit: '工作日' },
    SPL5: { value: 1, label: '产前检查（每次）', unit: '工作日' },
  } });
export const LEAVE13 = defineRule({ id: 'LEAVE-13', cite: C('三（二）6'), regulation: REG, enforcement: 'enforce',
  text: '女性工作人员有不满1周岁婴儿需亲自哺乳的，每天1小时以内，或每周少上半天班（4小时）；多胞胎每多1个婴儿每天增加1小时。',
  params: { dailyHours: { value: 1, label: '每天哺乳时间', unit: '小时' }, weeklyHours: { value: 4, label: '每周替代时间', unit: '小时' } } });
export const LEAVE14 = defineRule({ id: 'LEAVE-14', cite: C('三（五）'), regulation: REG, enforcement: 'enforce',
  text: '依法办理结婚登记的职工，享受婚假十五天（工作日），须提供结婚证。',
  params: { marriageDays: { value: 15, label: '婚假', unit: '工作日' } } });
export const LEAVE15 = defineRule({ id: 'LEAVE-15', cite: C('三（六）'), regulation: REG, enforcement: 'enforce',
  text: '配偶、直系亲属、岳父母、公婆死亡，可以请丧假1—3天。',
  params: { bereavementMaxDays: { value: 3, label: '丧假（每次）', unit: '工作日' } } });
export const LEAVE16 = defineRule({ id: 'LEAVE-16', cite: C('三（七）'), regulation: REG, enforcement: 'enforce',
  text: '女工作人员产假158天，男方护理假15天；期间按正常工作对待，工资、奖金照发。',
  params: { maternityDays: { value: 158, label: '产假', unit: '天' }, paternityDays: { value: 15, label: '护理假', unit: '天' } } });
export const LEAVE17 = defineRule({ id: 'LEAVE-17', cite: C('三（九）'), regulation: REG, enforcement: 'enforce',
  text: '请病假应持市级正规医院诊断书，急诊应有就诊医疗机构证明；电话请假的，最迟在销假期限内补交。' });
export const LEAVE18 = defineRule({ id: 'LEAVE-18', cite: C('三（九）'), regulation: REG, enforcement: 'record',
  text: '如遇特殊情况，可打电话或委托他人代为请假，并事后办理补假手续（登记代请人及电话同意的审批人）。' });
export const LEAVE19 = defineRule({ id: 'LEAVE-19', cite: C('四（二）'), regulation: REG, enforcement: 'record',
  text: '请假期间因特殊原因不能按时返回的，需电话直接向审批人说明情况，由审批人决定是否延假及延假期限；延假须在假期最后一天结束前提出。' });
export const LEAVE20 = defineRule({ id: 'LEAVE-20', cite: C('四（三）'), regulation: REG, enforcement: 'remind',
  text: '请假人需在假期期满的次日内到综合科当面销假或电话销假；逾期销假只作统计报告，不直接认定旷工（CONF-14）。',
  params: { reportBackDeadline: { value: 'NEXT_WORKING_DAY', label: '销假期限：NEXT_WORKING_DAY 假满后第一个工作日 / NEXT_CALENDAR_DAY 假满次日' } } });

export const TRIP01 = defineRule({ id: 'TRIP-01', cite: C('二（五）'), regulation: REG, enforcement: 'enforce',
  text: '科级以上干部公出，需事前填写公出审批单，由分管领导签字后，方可公出；一般工作人员事后补批的予以提示（CONF-49）。' });
export const TRIP02 = defineRule({ id: 'TRIP-02', cite: C('五（一）'), regulation: REG, enforcement: 'compute',
  text: '因公外出期满无正当理由逾期未到岗的天数，计入年度考核的逾期天数（ATT-05）。' });

import { defineRule } from '../../../kernel/rules';

/**
 * Rules of the finance office services: procurement by tier (一把手“五不直接分管”和“末位表态”制度
 * 第二条（四）、第三条: FIVE-10…13, 15, 16, 18), meeting and training budgets (财务管理制度 四（五）:
 * MTG-01…06), printing and periodicals (四（六）: PRINT-01…04) and the remaining FIN, TRAVEL and
 * RECEP rules. Ids and articles from ../shared/spec/D-finance.md and B-poverty.md; the readings
 * of CONFLICTS.md (CONF-03, CONF-45, CONF-53, CONF-54 …) are noted beside each rule.
 */
const FMS = '财务管理制度';
const ORS = '公务接待制度';
const FIVE = '一把手“五不直接分管”和“末位表态”制度';

// ── Procurement (物资采购) ─────────────────────────────────────────────────────────────────
/**
 * CONF-03: the small/larger boundary has no source value. The parameter is the office's choice
 * (demo office: 5,000 元, AS-B43); set to null (or out of range) the system refuses to route any
 * procurement and names the parameter. amount < boundary → small; boundary ≤ amount and not
 * 三重一大 → larger; the 2万元 line is the 三重一大 classifier's (SZYD-07, CONF-02) → large.
 */
export const FIVE10 = defineRule({ id: 'FIVE-10', cite: `《${FIVE}》第二条（四）`, regulation: FIVE, enforcement: 'enforce',
  text: '小额度的物资采购，由有关科室提出申请，报综合科，经分管领导批准后，实施采购。',
  params: { smallLargerBoundaryFen: { value: 500_000 as number | null, label: '小额度与较大额度物资采购的分界（低于为小额度）', unit: '分', demo: true } } });
export const FIVE11 = defineRule({ id: 'FIVE-11', cite: `《${FIVE}》第二条（四）`, regulation: FIVE, enforcement: 'enforce',
  text: '较大额度的物资采购，分管领导请示党政“一把手”同意后执行。' });
export const FIVE12 = defineRule({ id: 'FIVE-12', cite: `《${FIVE}》第二条（四）`, regulation: FIVE, enforcement: 'enforce',
  text: '大额度的物资采购，按大额资金的支出规定办理：经办党组集体研究决定后，经办人科室负责人、财务负责人签字，分管该业务的办领导审核，分管财务审批的办领导审批。' });
export const FIVE13 = defineRule({ id: 'FIVE-13', cite: `《${FIVE}》第二条（四）`, regulation: FIVE, enforcement: 'record',
  text: '综合科和有关科室要严格执行政府采购相关法律法规：每项采购登记采购方式及其依据。' });
/** CONF-45: 第三条's 物资采购 is read together with 第二条（四）: the collective decision applies to large (三重一大) procurement. */
export const FIVE15 = defineRule({ id: 'FIVE-15', cite: `《${FIVE}》第三条`, regulation: FIVE, enforcement: 'enforce',
  text: '凡属重大决策、重要干部人事变动、重大项目安排、物资采购和大额资金的使用，必须由领导班子集体研究作出决定；个人审批不能代替集体决定（大额度采购须关联会议决定，CONF-45）。' });
/** The meetings area enforces the proposal when a topic is opened; here the linked decision is checked for it and a missing proposal warns. */
export const FIVE16 = defineRule({ id: 'FIVE-16', cite: `《${FIVE}》第三条`, regulation: FIVE, enforcement: 'warn',
  text: '领导班子集体研究时，承办科室提交工作讨论方案。' });
export const FIVE18 = defineRule({ id: 'FIVE-18', cite: `《${FIVE}》第一条、第二条`, regulation: FIVE, enforcement: 'enforce',
  text: '实行党政“一把手”监管督查、分管领导负责落实执行：主要领导可查阅五个方面的全部记录，但不在实施环节签字（较大额度采购的“同意”和日常、专项经费的最后一栏审批除外）。' });

// ── Meetings and trainings (会议费和培训费) ────────────────────────────────────────────────
/** CONF-53: the plan deadline is the office's (demo 11-30); the reminder goes 30 days before. */
export const MTG01 = defineRule({ id: 'MTG-01', cite: `《${FMS}》四（五）1`, regulation: FMS, enforcement: 'remind',
  text: '会议及培训由综合科统一管理，并按规定时间提出下一年计划；计划外的会议（培训）预算须说明理由。',
  params: {
    planDeadline: { value: '11-30', label: '下一年度计划报送截止日（月-日）', demo: true },
    remindDaysBefore: { value: 30, label: '提前提醒天数', unit: '天' },
  } });
/** GAP-D-FMS10 / CONF-53: meetings and trainings compared separately, baseline the previous year's plan, else its executed total. */
export const MTG02 = defineRule({ id: 'MTG-02', cite: `《${FMS}》四（五）1`, regulation: FMS, enforcement: 'warn',
  text: '会议费、培训费总额度原则上不超过上年；超过的须说明理由。' });
export const MTG03 = defineRule({ id: 'MTG-03', cite: `《${FMS}》四（五）2`, regulation: FMS, enforcement: 'enforce',
  text: '会议住宿费、场租费、伙食费严格按市财政局《关于白城市市直党政机关确定会议定点场所执行标准的通知》（白财党群〔2018〕207号）规定执行。',
  params: {
    meetingCapFenPerPersonDay: { value: 40_000, label: '会议住宿费、场租费、伙食费综合定额（每人每天）', unit: '分', demo: true },
    designatedVenues: { value: ['白城市委党校', '白城宾馆', '市扶贫办会议室'] as string[], label: '会议定点场所', demo: true },
    trainingCapFenPerPersonDay: { value: null as number | null, label: '培训费综合定额（未设置则不对培训检查）', unit: '分', demo: true },
  } });
export const MTG04 = defineRule({ id: 'MTG-04', cite: `《${FMS}》附件3`, regulation: FMS, enforcement: 'enforce',
  text: '会议（培训）须填报预算单，经办人、科室负责人、综合科、审批领导依次签署；报销会议费、培训费须关联已批准且已填写执行金额的预算单，执行超预算的予以提示。' });
export const MTG05 = defineRule({ id: 'MTG-05', cite: `《${FMS}》附件3（1）（2）`, regulation: FMS, enforcement: 'enforce',
  text: '预算单须写明出席人员及人数，并附会议（培训）通知。' });
export const MTG06 = defineRule({ id: 'MTG-06', cite: `《${ORS}》第5条、第18条`, regulation: ORS, enforcement: 'warn',
  text: '禁止违反规定到风景名胜区举办会议和公务活动；禁止以举办会议、培训为名列支、转移、隐匿接待费开支。',
  params: { scenicAreas: { value: ['长白山', '向海', '查干湖'] as string[], label: '风景名胜区名单（关键词）', demo: true } } });

// ── Printing and periodicals (印刷费、书刊费) ───────────────────────────────────────────────
export const PRINT01 = defineRule({ id: 'PRINT-01', cite: `《${FMS}》四（六）1`, regulation: FMS, enforcement: 'enforce',
  text: '机关各科室印刷资料时，需询价并做出预算。' });
/** GAP-D-FMS13: "报分综合科科长" read as 报综合科科长; 分管副主任 = the finance deputy (CONF-44). */
export const PRINT02 = defineRule({ id: 'PRINT-02', cite: `《${FMS}》四（六）1；附件4`, regulation: FMS, enforcement: 'enforce',
  text: '印刷申请报综合科科长审核→分管副主任审批。' });
export const PRINT03 = defineRule({ id: 'PRINT-03', cite: `《${FMS}》四（六）1`, regulation: FMS, enforcement: 'enforce',
  text: '审批后，由财务科统一印制并登记发放；发放数量不得超过印制数量。' });
/** CONF-17: 办公室 = 综合科. */
export const PRINT04 = defineRule({ id: 'PRINT-04', cite: `《${FMS}》四（六）2`, regulation: FMS, enforcement: 'enforce',
  text: '书报、刊物等由办公室（综合科）统一订购。' });

// ── Remaining FIN rules ─────────────────────────────────────────────────────────────────────
export const FIN01 = defineRule({ id: 'FIN-01', cite: `《${FMS}》一、二`, regulation: FMS, enforcement: 'enforce',
  text: '主任对全办的财务工作负总责；分管财务副主任协管全办的财务工作；综合科科长负责财务管理的具体组织实施：审批路径须有在职人员担任上述角色和财务负责人，缺任的不能流转。' });
/** Demo quotas from CONF §9.3 (CFG-SANGONG-QUOTA): external values; null = not configured → warning only. */
export const FIN04 = defineRule({ id: 'FIN-04', cite: `《${FMS}》四（一）`, regulation: FMS, enforcement: 'enforce',
  text: '公务出国（境）费、公务接待费、公务用车费应严格控制在国家规定的指标额度之内。',
  params: {
    receptionQuotaFen: { value: 3_000_000 as number | null, label: '公务接待费年度额度', unit: '分', demo: true },
    vehicleQuotaFen: { value: 8_000_000 as number | null, label: '公务用车运行维护费年度额度', unit: '分', demo: true },
    abroadQuotaFen: { value: 0 as number | null, label: '公务出国（境）费年度额度', unit: '分', demo: true },
  } });
/** Merged with RECEP-22 (CONF-59): FMS 四（七）2 names the approved 《公务接待审批单》 first. */
export const FIN15 = defineRule({ id: 'FIN-15', cite: `《${FMS}》四（七）2`, regulation: FMS, enforcement: 'enforce',
  text: '接待费报销凭证包括《公务接待审批单》、派出单位公函、正规发票、结算清单（与RECEP-22合并检查）。' });

import type { XlsxColumn } from '../../kernel/render';
import type { HouseholdRow } from './register';
import { STATUS_LABEL } from './columns';
import type { FindingRow } from './comparison';
import type { OverdueVisit, VisitRow } from './duties';

/** Export columns of the household register: masked values only (SECREQ-17, SECREQ-43 via safeCell). */
export const LEVEL_LABEL: Record<string, string> = { RED: '红色', YELLOW: '黄色', BLUE: '蓝色' };
const yuan = (fen: number | null) => (fen === null ? null : fen / 100);

export const householdColumns: XlsxColumn<HouseholdRow>[] = [
  { header: '户编号', value: (r) => r.code, width: 18 },
  { header: '乡镇', value: (r) => r.townshipName },
  { header: '村', value: (r) => r.villageName },
  { header: '户主', value: (r) => r.householderName },
  { header: '证件号码', value: (r) => r.householderIdMasked, width: 22 },
  { header: '户类型', value: (r) => STATUS_LABEL[r.registeredStatus] ?? r.registeredStatus },
  { header: '脱贫年度', value: (r) => r.exitYear },
  { header: '人口数', value: (r) => r.memberCount },
  { header: '人均可支配收入（元）', value: (r) => yuan(r.disposableIncomePerHeadFen), numFmt: '#,##0.00' },
  { header: '人均纯收入（元）', value: (r) => yuan(r.netIncomePerHeadFen), numFmt: '#,##0.00' },
  { header: '一卡通账号', value: (r) => r.bankAccountMasked, width: 22 },
  { header: '预警等级', value: (r) => (r.level ? LEVEL_LABEL[r.level] : r.monitoringStatus === 'proposed' ? '待确认' : '') },
  { header: '规则建议', value: (r) => (r.suggestedLevel ? `${LEVEL_LABEL[r.suggestedLevel]}（${r.suggestedRule}）` : '') },
];

const SECTOR_LABEL: Record<string, string> = { education: '教育', housing: '住建', civil_affairs: '民政', health: '卫健', medical_insurance: '医保', hospital: '医保（每周住院）' };
const FINDING_STATUS: Record<string, string> = { open: '待核实', confirmed: '已核实确认', dismissed: '已驳回' };

/** 数据比对发现清单: masked and cited (the rule that suggests the colour). */
export const findingColumns: XlsxColumn<FindingRow>[] = [
  { header: '户编号', value: (r) => r.householdCode, width: 18 },
  { header: '村', value: (r) => r.villageName },
  { header: '户主', value: (r) => r.householderName },
  { header: '户类型', value: (r) => STATUS_LABEL[r.registeredStatus] ?? r.registeredStatus },
  { header: '比对数据', value: (r) => SECTOR_LABEL[r.sector] ?? r.sector },
  { header: '期次', value: (r) => r.period },
  { header: '发现类型', value: (r) => (r.kind === 'entry' ? '新符合监测条件' : '预警等级升高') },
  { header: '原等级', value: (r) => (r.fromLevel ? LEVEL_LABEL[r.fromLevel] : '') },
  { header: '规则建议等级', value: (r) => LEVEL_LABEL[r.toLevel] },
  { header: '制度依据', value: (r) => r.ruleId },
  { header: '理由', value: (r) => r.reason, width: 30 },
  { header: '部门数据', value: (r) => r.evidence, width: 50 },
  { header: '状态', value: (r) => FINDING_STATUS[r.status] ?? r.status },
  { header: '处理人', value: (r) => r.decidedByName },
  { header: '处理意见', value: (r) => r.decisionNote, width: 30 },
];

export const visitColumns: XlsxColumn<VisitRow>[] = [
  { header: '户编号', value: (r) => r.householdCode, width: 18 },
  { header: '村', value: (r) => r.villageName },
  { header: '户主', value: (r) => r.householderName },
  { header: '走访日期', value: (r) => r.visitedOn, width: 12 },
  { header: '走访人', value: (r) => r.visitorName },
  { header: '身份', value: (r) => r.visitorRole },
  { header: '收入情况', value: (r) => r.incomeObservation, width: 30 },
  { header: '两不愁三保障及饮水', value: (r) => r.guaranteesObservation, width: 30 },
  { header: '发现的问题', value: (r) => r.problems, width: 30 },
];

export const overdueColumns: XlsxColumn<OverdueVisit>[] = [
  { header: '村', value: (r) => r.villageName },
  { header: '户编号', value: (r) => r.householdCode, width: 18 },
  { header: '户主', value: (r) => r.householderName },
  { header: '预警等级', value: (r) => (r.level ? LEVEL_LABEL[r.level] : '') },
  { header: '纳入日期', value: (r) => r.includedOn, width: 12 },
  { header: '最近走访', value: (r) => r.lastVisit, width: 12 },
  { header: '未走访月份', value: (r) => r.months.join('、'), width: 30 },
];

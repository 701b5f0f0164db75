import type { XlsxColumn } from '../../kernel/render';
import type { HouseholdRow } from './register';
import { STATUS_LABEL } from './columns';

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

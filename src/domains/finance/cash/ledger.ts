import type { XlsxColumn } from '../../../kernel/render/xlsx';
import { RECURRENCES, type Recurrence } from './calendar';
import type { CountRow } from './counts';
import { COUNT_KINDS, type CountKind } from './forms';
import type { ReportOccurrence } from './reports';

/** The cash-count ledger and the report calendar as XLSX columns; amounts in yuan, two decimals. */
const money = (fen: number | null) => (fen === null ? null : Math.round(fen) / 100);
const M = '#,##0.00';
const DUE_STATE: Record<string, string> = { sent: '已报送', upcoming: '未到期', approaching: '即将到期', overdue: '已逾期' };

export const COUNT_COLUMNS: XlsxColumn<CountRow>[] = [
  { header: '编号', value: (r) => r.no, width: 14 },
  { header: '盘点日期', value: (r) => r.countedOn, width: 12 },
  { header: '类型', value: (r) => COUNT_KINDS[r.kind as CountKind] ?? r.kind },
  { header: '出纳', value: (r) => r.cashierName },
  { header: '监盘人', value: (r) => r.supervisorName },
  { header: '指定人', value: (r) => r.designatedByName },
  { header: '账面余额（元）', value: (r) => money(r.bookFen), numFmt: M, width: 14 },
  { header: '实存现金（元）', value: (r) => money(r.cashFen), numFmt: M, width: 14 },
  { header: '差额（元）', value: (r) => money(r.differenceFen), numFmt: M, width: 12 },
  { header: '白条（元）', value: (r) => money(r.iouFen), numFmt: M, width: 12 },
  { header: '白条明细', value: (r) => r.ious.map((i) => `${i.description} ${money(i.amountFen)}`).join('；'), width: 30 },
  { header: '超限额', value: (r) => (r.overLimit ? `超限额，计划${r.depositPlannedOn ?? ''}送存` : ''), width: 20 },
  { header: '问题标记', value: (r) => r.flags.join('、'), width: 20 },
  { header: '差异原因说明', value: (r) => r.explanation, width: 30 },
  { header: '状态', value: (r) => (r.status === 'closed' ? '已结束' : '盘点中') },
];

export const REPORT_COLUMNS: XlsxColumn<ReportOccurrence>[] = [
  { header: '报表名称', value: (r) => r.name, width: 28 },
  { header: '报送单位', value: (r) => r.recipient, width: 20 },
  { header: '周期', value: (r) => RECURRENCES[r.recurrence as Recurrence] ?? r.recurrence },
  { header: '报送期限', value: (r) => r.dueOn, width: 12 },
  { header: '状态', value: (r) => DUE_STATE[r.state] ?? r.state },
  { header: '报送日期', value: (r) => r.sentOn, width: 12 },
  { header: '报送文号/回执', value: (r) => r.reference, width: 24 },
  { header: '逾期报送', value: (r) => (r.sentOn && r.sentOn > r.dueOn ? '是' : '') },
  { header: '责任人', value: (r) => r.responsibleName },
];

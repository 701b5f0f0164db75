import { TIER_LABEL, type Tier } from './categories';
import type { XlsxColumn } from '../../kernel/render/xlsx';
import type { ClaimRow, ReceptionRow } from './service';

/** The ledgers as XLSX columns (报销台账, 公务接待台账); amounts in yuan with two decimals. */
const STATUS: Record<string, string> = { pending: '审批中', approved: '已批准', rejected: '未批准', withdrawn: '已撤回', returned: '退回修改' };
const money = (fen: number) => Math.round(fen) / 100;

export const CLAIM_COLUMNS: XlsxColumn<ClaimRow>[] = [
  { header: '报销编号', value: (r) => r.id, width: 24 },
  { header: '填报日期', value: (r) => r.submittedOn, width: 12 },
  { header: '承办部门', value: (r) => r.unitName, width: 14 },
  { header: '经手人', value: (r) => r.personName },
  { header: '费用类别', value: (r) => r.categoryLabel, width: 14 },
  { header: '审批类别', value: (r) => TIER_LABEL[r.tier as Tier] ?? r.tier, width: 14 },
  { header: '收款人', value: (r) => r.payee, width: 20 },
  { header: '事由', value: (r) => r.purpose, width: 30 },
  { header: '金额（元）', value: (r) => money(r.amountFen), numFmt: '#,##0.00', width: 14 },
  { header: '核准报销（元）', value: (r) => money(r.payableFen), numFmt: '#,##0.00', width: 14 },
  { header: '党组决定', value: (r) => r.decisionId, width: 20 },
  { header: '状态', value: (r) => STATUS[r.status] ?? r.status },
];

export const RECEPTION_COLUMNS: XlsxColumn<ReceptionRow>[] = [
  { header: '编号', value: (r) => `${r.year}年第${r.seq}号`, width: 14 },
  { header: '报告部门', value: (r) => r.unitName, width: 14 },
  { header: '经办人', value: (r) => r.personName },
  { header: '被接待单位', value: (r) => r.guestUnit, width: 24 },
  { header: '公函文号', value: (r) => String(r.letter?.docNo ?? ''), width: 20 },
  { header: '来白事由', value: (r) => r.purpose, width: 30 },
  { header: '来白时间', value: (r) => `${r.visitStart}至${r.visitEnd}`, width: 24 },
  { header: '来白人数', value: (r) => r.guests },
  { header: '审批状态', value: (r) => STATUS[r.status] ?? r.status },
  { header: '接待清单', value: (r) => (r.list ? (r.listReviewedBy ? `已审查（${r.listReviewedBy}）` : '已填写待审查') : '未填写'), width: 18 },
  { header: '接待费用（元）', value: (r) => (r.list ? money(Number(r.list.totalFen ?? 0)) : null), numFmt: '#,##0.00', width: 14 },
  { header: '预计费用（元）', value: (r) => money(r.estimatedFen), numFmt: '#,##0.00', width: 14 },
  { header: '支付日期', value: (r) => r.paidOn, width: 12 },
  { header: '支付金额（元）', value: (r) => (r.paidFen === null ? null : money(r.paidFen)), numFmt: '#,##0.00', width: 14 },
  { header: '备案日期', value: (r) => r.filedOn ?? (r.paidOn ? '未备案' : ''), width: 12 },
  { header: '备案档号', value: (r) => r.archiveRef, width: 16 },
  { header: '备案人', value: (r) => r.filedByName },
];

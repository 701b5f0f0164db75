import type { XlsxColumn } from '../../../kernel/render/xlsx';
import { MEETING_KINDS, PROCUREMENT_KINDS, PROCUREMENT_METHODS, type MeetingKind, type ProcurementMethod } from './forms';
import { PROCUREMENT_TIER_LABEL, type ProcurementTier } from './procurement';
import type { BudgetRow, PlanLine, PrintRow, ProcurementRow } from './service';

/** The office-service ledgers as XLSX columns; amounts in yuan with two decimals. */
const STATUS: Record<string, string> = { pending: '审批中', approved: '已批准', rejected: '未批准', withdrawn: '已撤回', returned: '退回修改', draft: '编制中' };
const money = (fen: number | null) => (fen === null ? null : Math.round(fen) / 100);
const M = '#,##0.00';

export const PROCUREMENT_COLUMNS: XlsxColumn<ProcurementRow>[] = [
  { header: '编号', value: (r) => r.no, width: 16 },
  { header: '申请日期', value: (r) => r.submittedOn, width: 12 },
  { header: '申请科室', value: (r) => r.unitName, width: 14 },
  { header: '申请人', value: (r) => r.personName },
  { header: '类别', value: (r) => PROCUREMENT_KINDS[r.kind as keyof typeof PROCUREMENT_KINDS] ?? r.kind },
  { header: '事由', value: (r) => r.title, width: 30 },
  { header: '预计金额（元）', value: (r) => money(r.amountFen), numFmt: M, width: 14 },
  { header: '采购级别', value: (r) => PROCUREMENT_TIER_LABEL[r.tier as ProcurementTier] ?? r.tier },
  { header: '采购方式', value: (r) => PROCUREMENT_METHODS[r.method as ProcurementMethod] ?? r.method, width: 22 },
  { header: '党组决定', value: (r) => r.decisionId, width: 20 },
  { header: '状态', value: (r) => STATUS[r.status] ?? r.status },
];

export const BUDGET_COLUMNS: XlsxColumn<BudgetRow>[] = [
  { header: '年度', value: (r) => r.year },
  { header: '类别', value: (r) => MEETING_KINDS[r.kind as MeetingKind] ?? r.kind },
  { header: '名称', value: (r) => r.name, width: 26 },
  { header: '承办科室', value: (r) => r.unitName, width: 14 },
  { header: '经办人', value: (r) => r.personName },
  { header: '时间', value: (r) => `${r.startDate}至${r.endDate}`, width: 24 },
  { header: '地点', value: (r) => r.venue, width: 18 },
  { header: '人数', value: (r) => r.headcount },
  { header: '预算金额（元）', value: (r) => money(r.budgetFen), numFmt: M, width: 14 },
  { header: '执行金额（元）', value: (r) => money(r.executedFen), numFmt: M, width: 14 },
  { header: '超预算项目', value: (r) => r.lines.filter((l) => l.executedFen !== null && l.executedFen > l.budgetFen).map((l) => l.item).join('、'), width: 18 },
  { header: '状态', value: (r) => STATUS[r.status] ?? r.status },
];

export const PLAN_COLUMNS: XlsxColumn<PlanLine>[] = [
  { header: '年度', value: (r) => r.year },
  { header: '项目', value: (r) => r.label },
  { header: '计划总额（元）', value: (r) => money(r.plannedFen), numFmt: M, width: 14 },
  { header: '上年计划（元）', value: (r) => money(r.previousPlannedFen), numFmt: M, width: 14 },
  { header: '上年执行（元）', value: (r) => money(r.previousExecutedFen), numFmt: M, width: 14 },
  { header: '比上年增减（元）', value: (r) => money(r.varianceFen), numFmt: M, width: 16 },
  { header: '超上年', value: (r) => (r.overPrevious ? '超上年' : '') },
  { header: '超上年理由', value: (r) => r.justification, width: 30 },
  { header: '本年已预算（元）', value: (r) => money(r.budgetedFen), numFmt: M, width: 16 },
  { header: '本年已执行（元）', value: (r) => money(r.executedFen), numFmt: M, width: 16 },
  { header: '计划状态', value: (r) => (r.status ? STATUS[r.status] : '未编制') },
];

export const PRINT_COLUMNS: XlsxColumn<PrintRow>[] = [
  { header: '年度', value: (r) => r.year },
  { header: '科（室）', value: (r) => r.unitName, width: 14 },
  { header: '申请人', value: (r) => r.personName },
  { header: '印刷品名称', value: (r) => r.title, width: 26 },
  { header: '印刷费用（元）', value: (r) => money(r.costFen), numFmt: M, width: 14 },
  { header: '申请数量', value: (r) => r.quantity },
  { header: '发放范围', value: (r) => r.scope, width: 20 },
  { header: '审批状态', value: (r) => STATUS[r.status] ?? r.status },
  { header: '印制数量', value: (r) => r.printedQuantity },
  { header: '印制单位', value: (r) => r.printer, width: 18 },
  { header: '印制日期', value: (r) => r.printedOn, width: 12 },
  { header: '已发放', value: (r) => r.distributedQuantity },
];

import type { XlsxColumn } from '../../kernel/render/xlsx';
import type { AssetView, DisposalView } from './service';
import type { UnionEntryView } from './union';

/** The asset and union ledgers as XLSX columns; money in yuan with two decimals. */
const money = (fen: number | null) => (fen == null ? null : Math.round(fen) / 100);
export const SOURCE: Record<string, string> = { purchase: '购置', donation: '接受捐赠', transfer_in: '无偿调入' };
export const ASSET_STATUS: Record<string, string> = { registered: '在库', in_use: '在用', disposing: '处置中', disposed: '已处置' };

export const ASSET_COLUMNS: XlsxColumn<AssetView>[] = [
  { header: '使用部门', value: (r) => r.unitName, width: 16 },
  { header: '资产编号', value: (r) => r.assetNo, width: 14 },
  { header: '名称', value: (r) => r.name, width: 20 },
  { header: '类别', value: (r) => r.category, width: 12 },
  { header: '规格型号', value: (r) => r.specModel, width: 18 },
  { header: '数量', value: (r) => r.quantity },
  { header: '原值（元）', value: (r) => money(r.originalValueFen), numFmt: '#,##0.00', width: 14 },
  { header: '取得日期', value: (r) => r.acquiredOn, width: 12 },
  { header: '来源', value: (r) => SOURCE[r.source] ?? r.source },
  { header: '使用人/责任人', value: (r) => r.holderName, width: 14 },
  { header: '存放地点', value: (r) => r.location, width: 16 },
  { header: '综合科台账', value: (r) => (r.ledgerRegistered ? '已登记' : '未登记'), width: 12 },
  { header: '财务卡片号', value: (r) => r.cardNo ?? '未登记', width: 14 },
  { header: '状态', value: (r) => ASSET_STATUS[r.status] ?? r.status },
];

export const UNION_COLUMNS: XlsxColumn<UnionEntryView>[] = [
  { header: '日期', value: (r) => r.onDate, width: 12 },
  { header: '收支', value: (r) => (r.direction === 'income' ? '收入' : '支出') },
  { header: '类别', value: (r) => r.categoryLabel, width: 16 },
  { header: '摘要', value: (r) => r.summary, width: 50 },
  { header: '收入（元）', value: (r) => (r.direction === 'income' ? money(r.amountFen) : null), numFmt: '#,##0.00', width: 14 },
  { header: '支出（元）', value: (r) => (r.direction === 'expense' ? money(r.amountFen) : null), numFmt: '#,##0.00', width: 14 },
  { header: '开支标准', value: (r) => r.standardItem, width: 22 },
  { header: '人数', value: (r) => r.persons },
];

export const DISPOSAL_KIND: Record<string, string> = { loss: '报损', scrap: '报废', sale: '变卖' };
const DISPOSAL_STATUS: Record<string, string> = { pending: '审批中', approved: '已批准', rejected: '未批准', withdrawn: '已撤回', returned: '已退回', closed: '已办结' };

/** 资产处置登记簿 (ASSET-10, ASSET-11): approval, the linked 党组 decision, proceeds and remittance. */
export const DISPOSAL_COLUMNS: XlsxColumn<DisposalView>[] = [
  { header: '申请日期', value: (r) => r.submittedOn, width: 12 },
  { header: '处置方式', value: (r) => DISPOSAL_KIND[r.kind] ?? r.kind },
  { header: '资产数', value: (r) => r.assetCount },
  { header: '账面价值（元）', value: (r) => money(r.bookValueFen), numFmt: '#,##0.00', width: 14 },
  { header: '处置原因', value: (r) => r.reason, width: 30 },
  { header: '党组决定', value: (r) => (r.decisionTitle ? `${r.decisionTitle}（${r.decidedOn}）` : null), width: 36 },
  { header: '审批状态', value: (r) => DISPOSAL_STATUS[r.status] ?? r.status },
  { header: '残值变价收入（元）', value: (r) => money(r.proceedsFen), numFmt: '#,##0.00', width: 16 },
  { header: '上交市财政（元）', value: (r) => money(r.remittedFen), numFmt: '#,##0.00', width: 16 },
  { header: '上交日期', value: (r) => r.remittedOn, width: 12 },
];

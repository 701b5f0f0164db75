import type { XlsxColumn } from '../../kernel/render/xlsx';
import { CATEGORY_LABEL, DEFECTS, type Defect } from './rules';
import type { UseRow } from './service';

/** 用印登记簿 as XLSX columns (exported through the formula-injection-safe writer). */
export const USE_STATUS: Record<string, string> = { pending: '审批中', approved: '已批准待用印', emergency: '紧急先用（待补办）', stamped: '已用印', refused: '拒绝用印', rejected: '未批准', withdrawn: '已撤回' };
const local = (iso: string | null) => (iso ? new Date(iso).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false }) : '');

export const USE_COLUMNS: XlsxColumn<UseRow>[] = [
  { header: '登记编号', value: (r) => r.entryNo, width: 16 },
  { header: '登记时间', value: (r) => local(r.createdAt), width: 20 },
  { header: '印章', value: (r) => r.sealName, width: 22 },
  { header: '用印科室', value: (r) => r.unitName, width: 14 },
  { header: '经办人', value: (r) => r.applicantName },
  { header: '用印文件名称', value: (r) => r.documentTitle, width: 36 },
  { header: '份数', value: (r) => r.copies },
  { header: '材料类别', value: (r) => CATEGORY_LABEL[r.category] ?? r.category, width: 30 },
  { header: '空白页面', value: (r) => (r.blankPage ? '是' : '否') },
  { header: '签发领导', value: (r) => r.signedByName },
  { header: '紧急用章事由', value: (r) => r.emergencyReason, width: 24 },
  { header: '补办期限', value: (r) => r.paperworkDue, width: 12 },
  { header: '补办完成', value: (r) => (r.emergencyReason ? (r.paperworkDoneAt ? local(r.paperworkDoneAt) : '未补办') : ''), width: 20 },
  { header: '状态', value: (r) => USE_STATUS[r.status] ?? r.status, width: 16 },
  { header: '用印人', value: (r) => r.stampedByName },
  { header: '用印时间', value: (r) => local(r.stampedAt), width: 20 },
  { header: '用印处数', value: (r) => r.stampCount },
  { header: '拒绝理由', value: (r) => (r.refusalDefects ?? []).map((d) => DEFECTS[d as Defect] ?? d).join('、') + (r.refusalNote ? `：${r.refusalNote}` : ''), width: 24 },
];

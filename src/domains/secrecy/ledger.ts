import type { XlsxColumn } from '../../kernel/render/xlsx';
import type { DocRow } from './service';

/** 涉密文件登记簿 as XLSX columns: identification only, never content (SEC-23). */
export const DOC_STATUS: Record<string, string> = { registered: '已登记', instructing: '签批中', instructed: '已批示', archived: '已归档', destroyed: '已销毁' };
export const DIRECTION: Record<string, string> = { incoming: '来文', outgoing: '发文', internal: '内部' };

export const DOC_COLUMNS: XlsxColumn<DocRow>[] = [
  { header: '登记号', value: (r) => r.regNo, width: 12 },
  { header: '类别', value: (r) => DIRECTION[r.direction] ?? r.direction },
  { header: '文件标题', value: (r) => r.title, width: 36 },
  { header: '来文（制发）单位', value: (r) => r.sourceOrg, width: 20 },
  { header: '文号', value: (r) => r.docNo, width: 18 },
  { header: '密级', value: (r) => r.levelLabel },
  { header: '保密期限', value: (r) => r.term },
  { header: '份号', value: (r) => r.copyNo },
  { header: '页数', value: (r) => r.pages },
  { header: '收文（成文）日期', value: (r) => r.receivedOn, width: 14 },
  { header: '状态', value: (r) => DOC_STATUS[r.status] ?? r.status },
  { header: '保密柜', value: (r) => r.cabinet, width: 14 },
  { header: '归档日期', value: (r) => r.archivedOn, width: 12 },
  { header: '未交回传阅', value: (r) => r.openLegs },
];

import type { XlsxColumn } from '../../kernel/render/xlsx';
import type { DocRow } from './service';
import type { OutgoingRow } from './outgoing';
import type { TakeoutRow, CheckItemRow } from './custody';
import type { DeviceRow, RecordRow } from './equipment';

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

/** 涉密发文登记簿 (SEC-10/17/18): one row per document, copies and recipients as text. */
export const OUTGOING_COLUMNS: XlsxColumn<OutgoingRow>[] = [
  { header: '登记号', value: (r) => r.regNo, width: 14 },
  { header: '文件标题', value: (r) => r.title, width: 36 },
  { header: '文号', value: (r) => r.docNo, width: 18 },
  { header: '密级', value: (r) => r.levelLabel },
  { header: '保密期限', value: (r) => r.term },
  { header: '行文方向', value: (r) => r.directionLabel },
  { header: '定密责任人', value: (r) => r.levelDecidedByName },
  { header: '拟稿人', value: (r) => r.drafterName },
  { header: '印制份数', value: (r) => r.copies },
  { header: '分送对象', value: (r) => r.recipients, width: 36 },
  { header: '状态', value: (r) => r.statusLabel },
  { header: '印制设备', value: (r) => r.printDevice },
  { header: '已登记分发', value: (r) => r.distributed },
  { header: '分发记录（份号→对象/签收人）', value: (r) => r.copyList.filter((c) => c.distributedAt).map((c) => `${c.copyNo}→${c.recipient}/${c.receiverName}`).join('；'), width: 48 },
  { header: '传递方式', value: (r) => r.channelLabel, width: 16 },
  { header: '发出时间', value: (r) => r.dispatchedAt, width: 20 },
];

export const TAKEOUT_COLUMNS: XlsxColumn<TakeoutRow>[] = [
  { header: '登记号', value: (r) => r.regNo, width: 12 }, { header: '密级', value: (r) => r.levelLabel }, { header: '带离人', value: (r) => r.personName },
  { header: '事由', value: (r) => r.purpose, width: 30 }, { header: '去向', value: (r) => r.destination, width: 20 }, { header: '带回期限', value: (r) => r.dueDate, width: 12 },
  { header: '状态', value: (r) => r.statusLabel + (r.overdue ? '（逾期）' : '') }, { header: '带出时间', value: (r) => r.outAt, width: 20 }, { header: '带回时间', value: (r) => r.returnedAt, width: 20 },
];

export const CHECK_RESULT: Record<string, string> = { pending: '未核对', present: '在位', missing: '缺失', mismatch: '与登记不符' };
export const CHECK_ITEM_COLUMNS: XlsxColumn<CheckItemRow>[] = [
  { header: '类别', value: (r) => (r.objectType === 'document' ? '原件' : '复制（摘抄）件') }, { header: '登记号/份号', value: (r) => r.label, width: 26 }, { header: '密级', value: (r) => r.levelLabel },
  { header: '登记的持有人/存放处', value: (r) => r.expectedHolder, width: 28 }, { header: '核对结果', value: (r) => CHECK_RESULT[r.result] ?? r.result }, { header: '情况说明', value: (r) => r.note, width: 30 },
  { header: '核对时间', value: (r) => r.checkedAt, width: 20 },
];

export const DEVICE_COLUMNS: XlsxColumn<DeviceRow>[] = [
  { header: '设备编号', value: (r) => r.number, width: 14 }, { header: '类别', value: (r) => r.kindLabel }, { header: '名称型号', value: (r) => r.name, width: 24 },
  { header: '使用科室', value: (r) => r.unitName }, { header: '责任人（专人）', value: (r) => r.userName }, { header: '涉密', value: (r) => (r.isClassified ? '是' : '否') },
  { header: '密级', value: (r) => r.levelLabel }, { header: '连接互联网', value: (r) => (r.internetConnected ? '是' : '否') }, { header: '开机密码', value: (r) => (r.passwordSet ? '已设置' : '未设置') },
  { header: '涉密单机档案', value: (r) => r.deviceFileNo }, { header: '使用理由', value: (r) => r.justification, width: 24 }, { header: '存放地点', value: (r) => r.location, width: 18 },
  { header: '状态', value: (r) => r.statusLabel }, { header: '维修、报废等记录', value: (r) => r.events.map((e) => `${e.createdAt.slice(0, 10)} ${e.kindLabel}${e.handler ? `（${e.handler}）` : ''}`).join('；'), width: 40 },
];

export const RECORD_COLUMNS: XlsxColumn<RecordRow>[] = [
  { header: '日期', value: (r) => r.occurredOn, width: 12 }, { header: '类别', value: (r) => r.kindLabel, width: 14 }, { header: '依据', value: (r) => r.rule },
  { header: '事项', value: (r) => r.subject, width: 30 }, { header: '情况', value: (r) => r.summary, width: 40 }, { header: '设备', value: (r) => r.device },
  { header: '当事人', value: (r) => r.personName }, { header: '同意（许可）人', value: (r) => r.approvedByName }, { header: '发现问题', value: (r) => r.findings, width: 30 },
  { header: '整改日期', value: (r) => r.correctedOn, width: 12 }, { header: '处理结果', value: (r) => r.outcome, width: 24 }, { header: '记录人', value: (r) => r.recordedByName },
];

import type { FormRow, FormSpec } from '../../kernel/render/form-spec';
import type { XlsxColumn } from '../../kernel/render';
import type { incomingDetail, incomingList } from './incoming-queries';

/**
 * Printed forms of 收文办理. The seed has no layout for them, so they follow the customary
 * 收文处理笺 (来文要素, 拟办意见, 领导批示, 承办, 办理结果 boxes) and a 文件传阅单 with one row
 * per leg (送出, 阅毕, 退回, 清理检查), both drawn by kernel/render.
 */
const OFFICE = '白城市扶贫开发办公室';
const local = (iso: string | Date | null | undefined) => (iso ? new Date(iso).toLocaleDateString('zh-CN', { timeZone: 'Asia/Shanghai' }) : '');
const localTime = (iso: string | Date | null | undefined) =>
  iso ? new Date(iso).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' }) : '';

type Detail = Awaited<ReturnType<typeof incomingDetail>>;
type Leg = { legNo: number; readerName: string; readerUnitName: string | null; sentAt: string; readAt: string | null; readNote: string | null; returnedAt: string | null; missingPages: boolean | null; hasInstructions: boolean | null; checkNote: string | null };
type Ext = { agreedWith: string; agreedOn: string; previousDueDate: string; newDueDate: string; replyMethod: string; counted: boolean };
type Ev = { kind: string; at: string; byName: string | null; text: string | null };

const eventOf = (d: Detail, kind: string) => (d.events as Ev[]).filter((e) => e.kind === kind).at(-1);

export function processingForm(d: Detail): FormSpec {
  const route = eventOf(d, 'route');
  const exts = d.extensions as Ext[];
  const legs = d.legs as unknown as Leg[];
  const rows: FormRow[] = [
    { kind: 'fields', cells: [{ label: '来文单位', value: String(d.sender ?? '') }, { label: '来文字号', value: String(d.senderDocNo ?? '') }] },
    { kind: 'fields', cells: [{ label: '文件标题', value: String(d.title ?? '') }] },
    { kind: 'fields', cells: [{ label: '密级', value: String(d.classification ?? '') }, { label: '紧急程度', value: String(d.urgency ?? '') }, { label: '份数', value: `${d.copies ?? ''}份` }] },
    { kind: 'fields', cells: [{ label: '收文渠道', value: String(d.receiptChannel ?? '') }, { label: '来文时限', value: String(d.senderDueDate ?? '无') }, { label: '核对', value: d.complete ? '齐全完整' : `不齐全：${d.missingNote ?? ''}` }] },
    { kind: 'text', label: '附件', value: (d.attachments as { title: string; pages?: number | null }[]).map((a, i) => `${i + 1}. ${a.title}${a.pages ? `（${a.pages}页）` : ''}`).join('\n') || '无' },
    { kind: 'signature', label: '拟办意见', opinion: String(d.proposal ?? ''), signer: route?.byName ?? '', date: local(route?.at) },
    { kind: 'signature', label: '领导批示', opinion: String(d.instructionText ?? ''), signer: d.instructionText ? String(d.leaderName ?? '') : '', date: local(d.instructedAt as string | null), minHeight: 70 },
    { kind: 'fields', cells: [{ label: '承办科室', value: String(d.handlingUnitName ?? '') }, { label: '办理期限', value: String(d.effectiveDueDate ?? '') }] },
    ...(exts.length ? [{ kind: 'text' as const, label: '商定延期', value: exts.map((e) => `${e.agreedOn} 与${e.agreedWith}商定改为${e.newDueDate}（${e.replyMethod}）${e.counted ? '' : '，逾期后登记，不改变期限'}`).join('\n') }] : []),
    { kind: 'signature', label: '办理结果', opinion: `${d.resultText ?? ''}${d.reply ? `\n复文：${d.reply.docNumber ?? ''}${d.reply.title}` : ''}`, signer: d.resultText ? (eventOf(d, 'reply')?.byName ?? '') : '', date: String(d.completedOn ?? ''), minHeight: 60 },
    { kind: 'text', label: '传阅情况', value: legs.map((l) => `${l.readerName}：${localTime(l.sentAt)}送出${l.readAt ? `，${localTime(l.readAt)}阅毕` : ''}${l.returnedAt ? `，${localTime(l.returnedAt)}退回` : '，未退回'}`).join('\n') || '无' },
    { kind: 'fields', cells: [{ label: '归档', value: d.archivedAt ? `${local(d.archivedAt as string)} ${d.archiveLocation ?? ''}` : '未归档' }, { label: '登记人', value: d.registeredBy }] },
  ];
  return {
    title: `${OFFICE}收文处理笺`,
    subtitle: `收文编号：${d.registerNo ?? '未登记'}　收文日期：${d.receivedOn ?? ''}`,
    rows,
    notes: ['收文由办综合科签收、登记，签至办领导批示后交承办科室办理（《公文运转管理制度》第十七条至第二十一条）。', '承办科室难以按时办结的，应主动与来文部门商定回复时间及方式。'],
  };
}

export function circulationForm(d: Detail): FormSpec {
  const legs = d.legs as unknown as Leg[];
  const rows: FormRow[] = [
    { kind: 'fields', cells: [{ label: '来文单位', value: String(d.sender ?? '') }, { label: '来文字号', value: String(d.senderDocNo ?? '') }, { label: '密级', value: String(d.classification ?? '') }] },
    { kind: 'fields', cells: [{ label: '文件标题', value: String(d.title ?? '') }] },
    ...(d.instructionText ? [{ kind: 'text' as const, label: '领导批示', value: `${d.instructionText}（${d.leaderName ?? ''} ${local(d.instructedAt as string | null)}）` }] : []),
    ...legs.map((l): FormRow => ({
      kind: 'fields',
      cells: [
        { label: `第${l.legNo}轮 阅件人`, value: `${l.readerName}${l.readerUnitName ? `（${l.readerUnitName}）` : ''}` },
        { label: '送阅', value: localTime(l.sentAt) },
        { label: '阅毕', value: l.readAt ? `${localTime(l.readAt)}${l.readNote ? ` ${l.readNote}` : ''}` : '' },
        { label: '退回检查', value: l.returnedAt ? `${localTime(l.returnedAt)} ${l.missingPages ? '有短缺' : '无短缺'}，${l.hasInstructions ? '有批办意见' : '无批办意见'}${l.checkNote ? `；${l.checkNote}` : ''}` : '' },
      ],
    })),
  ];
  if (!legs.length) rows.push({ kind: 'text', label: '传阅记录', value: '尚未传阅' });
  return {
    title: '文件传阅单',
    subtitle: `收文编号：${d.registerNo ?? ''}　当前持有：${d.holder}`,
    rows,
    notes: ['传阅文件由综合科递送，阅毕退回综合科，不得横向传阅（《公文运转管理制度》第二十一条）。'],
  };
}

type ListRow = Awaited<ReturnType<typeof incomingList>>[number];
/** 收文登记簿 columns (XLSX, text through safeCell in kernel/render). */
export const INCOMING_COLUMNS: XlsxColumn<ListRow>[] = [
  { header: '收文编号', value: (r) => r.registerNo, width: 22 },
  { header: '收文日期', value: (r) => String(r.receivedOn ?? ''), width: 12 },
  { header: '来文单位', value: (r) => r.sender, width: 20 },
  { header: '来文字号', value: (r) => String(r.senderDocNo ?? ''), width: 20 },
  { header: '标题', value: (r) => r.title, width: 44 },
  { header: '密级', value: (r) => String(r.classification ?? ''), width: 6 },
  { header: '紧急程度', value: (r) => r.urgency, width: 9 },
  { header: '份数', value: (r) => Number(r.copies ?? 0), width: 6 },
  { header: '收文渠道', value: (r) => String(r.receiptChannel ?? ''), width: 12 },
  { header: '批示领导', value: (r) => r.leaderName ?? '', width: 10 },
  { header: '批示', value: (r) => String(r.instructionText ?? ''), width: 30 },
  { header: '承办科室', value: (r) => r.handlingUnitName ?? '', width: 14 },
  { header: '办理期限', value: (r) => r.effectiveDueDate ?? '', width: 12 },
  { header: '状态', value: (r) => r.statusLabel, width: 12 },
  { header: '逾期', value: (r) => (r.overdue ? '逾期' : ''), width: 6 },
  { header: '现持有', value: (r) => r.holder, width: 16 },
  { header: '办结日期', value: (r) => String(r.completedOn ?? ''), width: 12 },
  { header: '办理结果', value: (r) => String(r.resultText ?? ''), width: 30 },
  { header: '错投处理', value: (r) => (r.misdelivered ? `${r.misdelivered.action}：${r.misdelivered.target}` : ''), width: 16 },
  { header: '归档日期', value: (r) => local(r.archivedAt as string | null), width: 12 },
];

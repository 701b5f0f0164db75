import type { XlsxColumn } from '../../kernel/render/xlsx';
import { DISCLOSURE_CHANNEL, MATTER_LABEL, type DisclosureRow } from './disclosures';
import { SOURCE_LABEL, type FindingRow } from './findings';
import { CHANNEL_LABEL, type LetterRow } from './letters';
import { DOC_STATUS, type NormativeRow } from './normative';
import type { OverdueRow } from './overdue';
import { KIND_LABEL, SPEECH_STATUS, type SpeechRow } from './speeches';

/** The registers as XLSX columns (written by the formula-injection-safe writer). */
export const NORMATIVE_COLUMNS: XlsxColumn<NormativeRow>[] = [
  { header: '文件名称', value: (r) => r.title, width: 36 },
  { header: '文号', value: (r) => r.docNo, width: 18 },
  { header: '制定方式', value: (r) => (r.role === 'lead' ? '牵头制定' : '参与制定') },
  { header: '起草科室', value: (r) => r.draftingUnitName, width: 14 },
  { header: '负责解释的职能科室', value: (r) => r.interpretingUnitName, width: 16 },
  { header: '状态', value: (r) => DOC_STATUS[r.status] ?? r.status },
  { header: '起草日期', value: (r) => r.draftStartedOn, width: 12 },
  { header: '印发日期', value: (r) => r.issuedOn, width: 12 },
  { header: '备案提醒日期', value: (r) => r.filingDueOn, width: 12 },
  { header: '报市政府备案日期', value: (r) => r.filedOn ?? (r.issuedOn ? '未备案' : ''), width: 14 },
  { header: '备案登记号', value: (r) => r.filingRef, width: 18 },
  { header: '修改的原文件', value: (r) => (r.amendsId ? '是（修改稿）' : '') },
  { header: '废止日期', value: (r) => r.repealedOn, width: 12 },
  { header: '废止文号', value: (r) => r.repealRef, width: 18 },
];

export const DISCLOSURE_COLUMNS: XlsxColumn<DisclosureRow>[] = [
  { header: '公开事项', value: (r) => r.title, width: 36 },
  { header: '事项类别', value: (r) => MATTER_LABEL[r.matterKind] ?? r.matterKind, width: 18 },
  { header: '公开方式', value: (r) => DISCLOSURE_CHANNEL[r.channel] ?? r.channel },
  { header: '网址、发布会或媒体', value: (r) => r.channelDetail, width: 30 },
  { header: '公开日期', value: (r) => r.disclosedOn, width: 12 },
  { header: '承办科室', value: (r) => r.unitName, width: 14 },
];

export const FINDING_COLUMNS: XlsxColumn<FindingRow>[] = [
  { header: '监督来源', value: (r) => SOURCE_LABEL[r.source] ?? r.source },
  { header: '监督机关或渠道', value: (r) => r.sourceDetail, width: 20 },
  { header: '问题', value: (r) => r.title, width: 36 },
  { header: '发现日期', value: (r) => r.foundOn, width: 12 },
  { header: '责任科室', value: (r) => r.responsibleUnitName, width: 14 },
  { header: '核实情况', value: (r) => ({ pending: '待核实', confirmed: '确有问题', unfounded: '不属实' })[r.verification] ?? r.verification },
  { header: '整改措施', value: (r) => r.rectification, width: 30 },
  { header: '整改日期', value: (r) => r.rectifiedOn, width: 12 },
  { header: '向市政府报告日期', value: (r) => r.reportedOn, width: 14 },
  { header: '报告文号', value: (r) => r.reportRef, width: 18 },
  { header: '向社会公布日期', value: (r) => r.publishedOn, width: 14 },
  { header: '公布渠道', value: (r) => r.publishChannel, width: 16 },
  { header: '待办', value: (r) => (r.pending.length ? r.pending.join('、') : '已办结'), width: 20 },
];

export const LETTER_COLUMNS: XlsxColumn<LetterRow>[] = [
  { header: '登记号', value: (r) => `${r.year}-${String(r.seq).padStart(3, '0')}`, width: 12 },
  { header: '来源', value: (r) => CHANNEL_LABEL[r.channel] ?? r.channel },
  { header: '收到日期', value: (r) => r.receivedOn, width: 12 },
  { header: '反映人', value: (r) => r.contact },
  { header: '反映问题摘要', value: (r) => r.subject, width: 36 },
  { header: '重要', value: (r) => (r.important ? '是' : '否') },
  { header: '首问责任人', value: (r) => r.firstResponderName },
  { header: '现责任人', value: (r) => r.ownerName },
  { header: '转办记录', value: (r) => r.handovers.map((h) => `${h.on} ${h.note}`).join('；'), width: 24 },
  { header: '送阅批', value: (r) => r.annotatorName },
  { header: '阅批人', value: (r) => r.annotatedByName },
  { header: '阅批日期', value: (r) => r.annotatedOn, width: 12 },
  { header: '阅批意见', value: (r) => r.annotation, width: 30 },
  { header: '办理期限', value: (r) => r.dueOn, width: 12 },
  { header: '办结日期', value: (r) => r.closedOn ?? (r.overdue ? '逾期未办结' : '办理中'), width: 12 },
  { header: '办理结果', value: (r) => r.result, width: 30 },
  { header: '反馈日期', value: (r) => r.fedBackOn, width: 12 },
  { header: '反馈情况', value: (r) => r.feedback, width: 30 },
];

export const SPEECH_COLUMNS: XlsxColumn<SpeechRow>[] = [
  { header: '类别', value: (r) => KIND_LABEL[r.kind] ?? r.kind, width: 22 },
  { header: '讲话（署名）人', value: (r) => r.speakerName },
  { header: '题目', value: (r) => r.title, width: 30 },
  { header: '场合或媒体', value: (r) => r.venue, width: 20 },
  { header: '拟发表日期', value: (r) => r.plannedOn, width: 12 },
  { header: '报批日期', value: (r) => r.requestedOn, width: 12 },
  { header: '党组意见', value: (r) => SPEECH_STATUS[r.status] ?? r.status },
  { header: '党组会议日期', value: (r) => r.decidedOn, width: 12 },
  { header: '会议决定或纪要', value: (r) => r.decisionRef, width: 24 },
  { header: '发表日期', value: (r) => r.publishedOn, width: 12 },
  { header: '未经事先同意发表', value: (r) => (r.withoutPriorConsent ? '是' : '') },
];

export const OVERDUE_COLUMNS: XlsxColumn<OverdueRow>[] = [
  { header: '类别', value: (r) => r.kindLabel, width: 20 },
  { header: '事项', value: (r) => r.title, width: 40 },
  { header: '责任人或科室', value: (r) => r.ownerName, width: 14 },
  { header: '期限', value: (r) => r.dueOn, width: 12 },
  { header: '逾期天数', value: (r) => r.daysOverdue },
];

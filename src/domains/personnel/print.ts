import type { PrintableInstance } from '../../kernel/flow';
import type { FormRow, FormSpec } from '../../kernel/render/form-spec';
import type { LeaveFacts } from './facts';
import { LEAVE_TYPE_LABEL, SPECIAL_LABEL, TRANSPORT_LABEL, TRIP_PURPOSES, type LeaveFormValue, type TripFormValue } from './form';

/**
 * The paper forms: 《请销假审批表》 (考勤制度 二（一）) and 公务出差审批单 (FMS-F2, 附件2).
 * Signature boxes follow the instance's steps in order; the 销假 record comes from the facts
 * the report-back adds to the instance (service reportBack).
 */
const OFFICE = '白城市扶贫开发办公室';
const HALF = { full: '', am: '上午', pm: '下午' } as const;
const local = (iso: string) => new Date(iso).toLocaleDateString('zh-CN', { timeZone: 'Asia/Shanghai' });

type SignatureRow = Extract<FormRow, { kind: 'signature' }>;

function signatureRows(detail: PrintableInstance): SignatureRow[] {
  return detail.steps.map((s) => {
    const sig = s.signatures.filter((x) => ['approved', 'recorded', 'rejected'].includes(x.status)).at(-1);
    const ext = sig?.external as { approver?: string; documentRef?: string; decidedOn?: string } | null | undefined;
    const opinion = sig ? (ext ? `${ext.approver ?? ''} ${sig.status === 'rejected' ? '不同意' : '同意'}（${ext.documentRef ?? ''}）` : sig.opinion || (sig.status === 'rejected' ? '不同意' : s.verbLabel)) : '';
    return {
      kind: 'signature',
      label: s.name,
      opinion,
      signer: sig?.name ?? '',
      date: ext?.decidedOn ?? (sig ? local(sig.decidedAt) : ''),
      ...(sig?.onBehalfOf ? { onBehalfOf: sig.onBehalfOf } : {}),
    };
  });
}

export function printLeaveForm(detail: PrintableInstance): FormSpec {
  const form = detail.form as unknown as LeaveFormValue;
  const f = detail.facts as unknown as LeaveFacts & { post?: string; reportBack?: ReportBackFact; extensions?: string[] };
  const type = form.type === 'special' && form.specialKind ? `特殊事假（${SPECIAL_LABEL[form.specialKind]}）` : LEAVE_TYPE_LABEL[form.type];
  const count = f.unit === 'calendar' ? `${f.calendarHalves / 2}天（含节假日），其中工作日${f.workingHalves / 2}天` : `${f.workingHalves / 2}个工作日`;
  const rb = f.reportBack;
  return {
    title: `${OFFICE}请销假审批表`,
    subtitle: `编号：${detail.id}　填表日期：${local(detail.submittedAt)}`,
    rows: [
      { kind: 'fields', cells: [{ label: '申请人', value: detail.applicant.name }, { label: '单位', value: detail.applicant.unitName ?? '' }, { label: '职务', value: f.post ?? '' }] },
      { kind: 'fields', cells: [{ label: '请假类别', value: type }, { label: '请假方式', value: { written: '书面', phone: '电话请假后补办', proxy: '委托代请后补办' }[form.channel] }] },
      {
        kind: 'fields',
        cells: [
          { label: '请假时间', value: `${form.startDate}${HALF[form.startHalf]} 至 ${form.endDate}${HALF[form.endHalf]}`, span: 2 },
          { label: '天数', value: count },
        ],
      },
      { kind: 'text', label: '请假事由', value: form.reason, minHeight: 40 },
      ...signatureRows(detail),
      ...(f.extensions?.length ? [{ kind: 'text' as const, label: '延假记录', value: f.extensions.join('；') }] : []),
      { kind: 'fields', cells: [{ label: '销假时间', value: rb ? `${rb.reportedOn}（${rb.mode === 'phone' ? '电话' : '当面'}）` : '' }, { label: '到岗日期', value: rb?.returnedOn ?? '' }, { label: '综合科经办', value: rb?.receivedBy ?? '' }] },
    ],
    notes: ['请假人需在假期期满的次日内到综合科当面销假或电话销假（考勤制度四（三））。', '病假应持市级正规医院诊断书，急诊应有就诊医疗机构证明。'],
  };
}

export interface ReportBackFact {
  reportedOn: string;
  returnedOn: string;
  mode: 'in_person' | 'phone';
  receivedBy: string | null;
  late: boolean;
}

export function printTripForm(detail: PrintableInstance): FormSpec {
  const form = detail.form as unknown as TripFormValue;
  const f = detail.facts as { calendarDays?: number; companionNames?: string[] };
  const md = (d: string) => `${Number(d.slice(5, 7))}月${Number(d.slice(8, 10))}日`;
  const names = [detail.applicant.name, ...(f.companionNames ?? [])].join('、');
  const remarks = [`交通工具：${TRANSPORT_LABEL[form.transport]}`, form.remarks ?? '', `${form.startDate.slice(0, 4)}年；申请人单位：${detail.applicant.unitName ?? ''}`].filter(Boolean).join('\n');
  // Requests filed before TRAVEL-07/08 reached the form have no category or letter.
  const category = form.purposeCategory ? `（${TRIP_PURPOSES[form.purposeCategory]}${form.specialNeed ? `；特别需要：${form.specialNeed}` : ''}）` : '';
  const letter = form.needsReception && form.letter
    ? [{ kind: 'text' as const, label: '接待公函', value: `${form.letter.docNo}（致${form.letter.hostUnit}）` }]
    : [];
  const sig = signatureRows(detail).at(-1);
  return {
    title: '公务出差审批单',
    subtitle: `编号：${detail.id}`,
    rows: [
      { kind: 'fields', cells: [{ label: '公出人姓名', value: names, span: 2 }, { label: '备注', value: remarks, span: 2 }] },
      { kind: 'fields', cells: [{ label: '公出目的地', value: form.destination, span: 2 }] },
      { kind: 'text', label: '公出事由', value: `${form.purpose}${category}` },
      ...letter,
      { kind: 'fields', cells: [{ label: '公出时间', value: `${md(form.startDate)}至${md(form.endDate)}，共（${f.calendarDays ?? ''}）天。`, span: 2 }] },
      sig ? { ...sig, label: '审批领导' } : { kind: 'signature', label: '审批领导', opinion: '', signer: '', date: '' },
    ],
    notes: [
      '注：此审批单为报销差旅费的必备附件',
      '审批领导签字即确认本次公出不属于没有特别需要的一般性学习交流、考察调研，重复性考察，变相旅游，违规到风景名胜区举办会议和公务活动（《公务接待制度》第5条）。',
    ],
  };
}

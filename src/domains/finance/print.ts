import type { PrintableInstance } from '../../kernel/flow';
import type { FormRow, FormSpec } from '../../kernel/render/form-spec';
import { categoryDef, PAYMENT_METHODS, TIER_LABEL, VOUCHER_KINDS, yuan } from './categories';
import type { ClaimFacts } from './facts';
import { MEAL_TYPES, OCCUPANTS, PURPOSE_CATEGORIES, ROOM_TYPES, VISITOR_CATEGORIES, type ClaimFormValue, type ReceptionFormValue } from './form';

/**
 * The printed forms. No claim form is attached to 财务管理制度 (its 财务报销流程图 is missing,
 * GAP-D-FMS20), so the 报销单 is laid out from E-FIN-1 with one box per signature of the chain
 * in order; ORS-F1 follows the seed's table top to bottom (D-finance.md §3.4).
 */
const OFFICE = '白城市扶贫开发办公室';
const local = (iso: string) => new Date(iso).toLocaleDateString('zh-CN', { timeZone: 'Asia/Shanghai' });
type SignatureRow = Extract<FormRow, { kind: 'signature' }>;

function signatureRows(detail: PrintableInstance): SignatureRow[] {
  return detail.steps.map((s) => {
    const sig = s.signatures.filter((x) => ['approved', 'recorded', 'rejected'].includes(x.status)).at(-1);
    return {
      kind: 'signature',
      label: s.name,
      opinion: sig ? sig.opinion || (sig.status === 'rejected' ? '不同意' : s.verbLabel) : '',
      signer: sig?.name ?? '',
      date: sig ? local(sig.decidedAt) : '',
      ...(sig?.onBehalfOf ? { onBehalfOf: sig.onBehalfOf } : {}),
    };
  });
}

export function printClaimForm(detail: PrintableInstance): FormSpec {
  const form = detail.form as unknown as ClaimFormValue;
  const f = detail.facts as unknown as ClaimFacts;
  const lines: FormRow[] = form.lines.map((l, i) => ({
    kind: 'fields',
    cells: [
      { label: `明细${i + 1}`, value: l.description + (l.goods?.item ? `（${l.goods.item} ${l.goods.quantity}×${yuan(l.goods.unitPriceFen)} ${l.goods.spec}/${l.goods.model}）` : ''), span: 3 },
      { label: '金额', value: yuan(l.amountFen) },
      { label: '结算方式', value: PAYMENT_METHODS[l.paymentMethod] },
    ],
  }));
  return {
    title: `${OFFICE}费用报销单`,
    subtitle: `编号：${detail.id}　填报日期：${local(detail.submittedAt)}`,
    rows: [
      { kind: 'fields', cells: [{ label: '承办部门', value: detail.applicant.unitName ?? '' }, { label: '经手人（验收人）', value: detail.applicant.name }, { label: '费用类别', value: categoryDef(form.category).label }] },
      { kind: 'fields', cells: [{ label: '审批类别', value: TIER_LABEL[f.tier] + (f.isDailyExpense ? '（日常支出）' : '') }, { label: '收款人', value: form.payee, span: 2 }] },
      { kind: 'text', label: '报销事由', value: form.purpose },
      ...lines,
      { kind: 'fields', cells: [{ label: '合计金额', value: yuan(f.totalFen) }, { label: '核准报销', value: yuan(f.payableFen) }, { label: '个人承担', value: yuan(f.personalShareFen) }] },
      ...(f.decision ? [{ kind: 'text' as const, label: '党组决定', value: `${f.decision.title}（${f.decision.decidedOn}）` }] : []),
      ...(f.trip ? [{ kind: 'text' as const, label: '公出审批单', value: `${f.trip.destination} ${f.trip.startDate} 至 ${f.trip.endDate}，审批领导：${f.trip.approvedBy ?? ''}` }] : []),
      { kind: 'text', label: '附件凭证', value: form.vouchers.map((v) => `${VOUCHER_KINDS[v.kind]}：${v.ref}`).join('；') || '无' },
      ...(form.cashReason ? [{ kind: 'text' as const, label: '现金结算理由', value: form.cashReason }] : []),
      ...(form.coincidenceReason ? [{ kind: 'text' as const, label: '一人多栏理由', value: form.coincidenceReason }] : []),
      { kind: 'signature', label: '经手人（验收人）', opinion: '本部门对报销凭证的真实性、合法性负责', signer: detail.applicant.name, date: local(detail.submittedAt) },
      ...signatureRows(detail),
    ],
    notes: ['实行多支笔联签（财务管理制度四（三）；五不直接分管第二条（二））。', '现金支付超过1000元的不予核销；公务卡结算须附POS机刷卡凭条。'],
  };
}

export function printReceptionForm(detail: PrintableInstance): FormSpec {
  const form = detail.form as unknown as ReceptionFormValue;
  const f = detail.facts as { year?: number; seq?: number };
  const meals = form.meals.map((m) => `${m.date} ${MEAL_TYPES[m.type]} ${m.venue} 客人${m.guests}人 陪餐${m.accompanying}人 ${yuan(m.amountFen)}`).join('；');
  const rooms = (form.lodging ?? []).map((l) => `${l.hotelName || '未登记宾馆'} ${ROOM_TYPES[l.roomType]} ${OCCUPANTS[l.occupant]}${l.occupantName ? l.occupantName : ''} ${l.checkIn}起${l.nights}晚 ${yuan(l.rateFen)}/晚`).join('；');
  const estimate = form.estimatedFen !== undefined ? `\n预计费用：${yuan(form.estimatedFen)}` : '';
  const [sign1, sign2, sign3] = signatureRows(detail);
  return {
    title: '公务接待审批报告单',
    subtitle: `（${f.year ?? ''}年第${f.seq ?? ''}号）`,
    rows: [
      { kind: 'fields', cells: [{ label: '报告部门', value: detail.applicant.unitName ?? '' }, { label: '报告时间', value: local(detail.submittedAt) }] },
      { kind: 'fields', cells: [{ label: '被接待单位', value: form.guestUnit }] },
      { kind: 'text', label: '来白事由', value: `${form.purpose}（${PURPOSE_CATEGORIES[form.purposeCategory]}${form.visitorCategory ? `；${VISITOR_CATEGORIES[form.visitorCategory]}` : ''}）；公函：${form.letter?.issuer ?? ''} ${form.letter?.docNo ?? ''}` },
      { kind: 'fields', cells: [{ label: '来白时间', value: `${form.visitStart} 至 ${form.visitEnd}` }, { label: '来白人数', value: `${form.guests}人` }] },
      { kind: 'fields', cells: [{ label: '来白主要领导姓名及职务', value: form.leadGuest }] },
      { kind: 'text', label: '在白食宿安排及行程', value: form.arrangement + (meals ? `\n工作餐：${meals}` : '') + (rooms ? `\n住宿：${rooms}` : '') + estimate, minHeight: 50 },
      { kind: 'text', label: '建议市办陪同人员', value: form.accompanyNames.join('、') || '无' },
      ...[sign1, sign2, sign3].filter(Boolean),
    ],
    notes: ['附：派出单位公函。无公函的公务活动和来访人员一律不予接待（公务接待制度第9条）。'],
  };
}

import type { PrintableInstance } from '../../kernel/flow';
import type { FormRow, FormSpec } from '../../kernel/render/form-spec';
import { PAYMENTS, type DispatchFormValue, type RentalFormValue, type RepairFormValue } from './form';
import { USE_CASES, yuan } from './rules';

/**
 * The seed's vehicle forms (附件1–3 of 公务用车使用管理细则, D-finance.md §4.4) laid out top to
 * bottom as printed, with the signatures of the flow filled in, and the fuel ledger (加油台账)
 * with both signatures of each entry (CAR-13).
 */
type Sig = Extract<FormRow, { kind: 'signature' }>;
const dateOf = (iso: string) => new Date(iso).toLocaleDateString('zh-CN', { timeZone: 'Asia/Shanghai' });

/** 2026年11月3日8时30分 from an instant, in the office's zone. */
export function minuteText(iso: string | null | undefined): string {
  if (!iso) return '';
  const p = Object.fromEntries(
    new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', hourCycle: 'h23' })
      .formatToParts(new Date(iso))
      .map((x) => [x.type, x.value]),
  );
  return `${p.year}年${Number(p.month)}月${Number(p.day)}日${Number(p.hour)}时${Number(p.minute)}分`;
}

function stepSig(detail: PrintableInstance, stepId: string, label: string): Sig {
  const s = detail.steps.find((x) => x.id === stepId);
  const sig = s?.signatures.filter((x) => ['approved', 'recorded', 'rejected'].includes(x.status)).at(-1);
  return {
    kind: 'signature',
    label,
    opinion: sig ? sig.opinion || (sig.status === 'rejected' ? '不同意' : s!.verbLabel) : '',
    signer: sig?.name ?? '',
    date: sig?.decidedAt ?? '',
    ...(sig?.onBehalfOf ? { onBehalfOf: sig.onBehalfOf } : {}),
  };
}

export interface DispatchExtra {
  status: string;
  dispatch: Record<string, unknown> | null;
  dispatchedByName: string | null;
  dispatchedAt: string | null;
  returnedAt: string | null;
  returnSignedByName: string | null;
  returnSignedAt: string | null;
  startKm: number | null;
  endKm: number | null;
}

/** 各部门公务用车派车单 (VUR-F1): 申请部门 → 审批领导 → 派用车辆 → 回执. */
export function printDispatchSlip(detail: PrintableInstance, extra: DispatchExtra | null): FormSpec {
  const form = detail.form as unknown as DispatchFormValue;
  const facts = detail.facts as { userName?: string; startIso?: string; endIso?: string; applicantIsPrincipal?: boolean; unitName?: string | null; accompanyingLeaderName?: string | null };
  const d = extra?.dispatch ?? null;
  const director: Sig = facts.applicantIsPrincipal
    ? { kind: 'signature', label: '部门主要领导', opinion: '同意（主要领导本人申请）', signer: detail.applicant.name, date: dateOf(detail.submittedAt) }
    : stepSig(detail, 'director', '部门主要领导');
  const municipal = form.kind === 'municipal';
  const docs = [...form.documents.filter((x) => x.title).map((x) => `${x.title}（${x.ref}）`), ...(form.phoneRecord ? [`电话记录：${form.phoneRecord.date} ${form.phoneRecord.caller}：${form.phoneRecord.content}`] : [])];
  const rows: FormRow[] = [
    { kind: 'fields', cells: [{ label: '用车单位', value: `白城市扶贫开发办公室${facts.unitName ? ' ' + facts.unitName : ''}` }, { label: '目的地', value: form.destination }] },
    { kind: 'text', label: '行程安排', value: form.itinerary + (form.stops.length ? `\n停靠：${form.stops.map((s) => `${s.place}${s.purpose ? `（${s.purpose}）` : ''}`).join('→')}` : ''), minHeight: 40 },
    { kind: 'text', label: '事　由', value: `${form.purpose}\n用车情形：${form.useCase ? USE_CASES[form.useCase] : '未选择'}${facts.accompanyingLeaderName ? `；陪同领导：${facts.accompanyingLeaderName}` : ''}`, minHeight: 40 },
    { kind: 'signature', label: '申请人', opinion: '申请用车', signer: detail.applicant.name, date: dateOf(detail.submittedAt) },
    { kind: 'fields', cells: [{ label: '用车人', value: facts.userName ?? '' }] },
    director,
    { kind: 'fields', cells: [{ label: '用车时间', value: `${minuteText(facts.startIso)} 至 ${minuteText(facts.endIso)}` }] },
  ];
  if (municipal) {
    rows.push(stepSig(detail, 'secretary', '秘书长'), stepSig(detail, 'bureau', '分管局长'));
    rows.push({ kind: 'signature', label: '车队长', opinion: d ? '派车' : '', signer: String(d?.captain ?? ''), date: extra?.dispatchedAt ? dateOf(extra.dispatchedAt) : '' });
    rows.push({ kind: 'fields', cells: [{ label: '种类', value: d ? `${d.vehicleType ?? '轿车'}　${d.count ?? 1}　辆` : '轿车　　辆' }, { label: '车　号', value: String(d?.plates ?? '') }] });
  } else {
    rows.push({ kind: 'signature', label: '综合科派车', opinion: d ? '统一调度' : '', signer: extra?.dispatchedByName ?? '', date: extra?.dispatchedAt ? dateOf(extra.dispatchedAt) : '' });
    rows.push({ kind: 'fields', cells: [{ label: '种类', value: d ? `${d.vehicleType ?? ''}　1　辆` : '' }, { label: '车　号', value: String(d?.plates ?? '') }, { label: '驾驶员', value: String(d?.driverName ?? '') }] });
  }
  rows.push({ kind: 'fields', cells: [{ label: '回执', value: minuteText(extra?.returnedAt) }, { label: '用车人', value: extra?.returnSignedByName ?? '' }] });
  if (extra?.endKm != null && extra.startKm != null) rows.push({ kind: 'fields', cells: [{ label: '出车里程', value: `${extra.startKm} km` }, { label: '回车里程', value: `${extra.endKm} km` }, { label: '行驶', value: `${extra.endKm - extra.startKm} km` }] });
  rows.push({ kind: 'text', label: '相关文件、电话记录', value: docs.join('；') || '无' });
  rows.push({ kind: 'text', label: '乘车人员', value: form.passengers.map((p) => p.name).join('、') || (facts.userName ?? '') });
  return {
    title: '各部门公务用车派车单',
    subtitle: `${municipal ? '向市机关事务管理局申请用车' : '本办车辆派车（综合科统一调度）'}　编号：${detail.id}`,
    rows,
    notes: ['乘车人不得驾驶车辆，不得要求驾驶人员违章驾驶；不得携带与公务无关的人员乘坐公务车辆（公务用车使用管理细则第五条、第六条）。'],
  };
}

export interface RepairExtra { plate: string; driverName: string; emergency: Record<string, unknown> | null; parts: { part: string; quantity: number; receivedByName: string; returnedOn: string }[] }

/** 白城市扶贫办车辆维修申请审批单 (VUR-F2). */
export function printRepairForm(detail: PrintableInstance, extra?: RepairExtra): FormSpec {
  const form = detail.form as unknown as RepairFormValue;
  const f = detail.facts as { plate?: string; driverName?: string };
  const manager = stepSig(detail, 'manager', '车辆管理员');
  return {
    title: '白城市扶贫办车辆维修申请审批单',
    subtitle: `${dateOf(detail.submittedAt)}`,
    rows: [
      { kind: 'fields', cells: [{ label: '车牌号', value: extra?.plate ?? f.plate ?? '' }, { label: '驾驶员姓名', value: extra?.driverName ?? f.driverName ?? detail.applicant.name }] },
      { kind: 'text', label: '维修项目', value: form.items.map((i, n) => `${n + 1}. ${i.item}${i.part ? `（更换${i.part}${i.quantity ? ` ${i.quantity}件` : ''}）` : ''}`).join('\n') + `\n修配厂：${form.shop}`, minHeight: 70 },
      { kind: 'fields', cells: [{ label: '车辆管理员', value: manager.signer ? `${manager.signer}（${manager.opinion}）${manager.date}` : '' }, { label: '预算维修金额', value: yuan(form.budgetFen) }] },
      stepSig(detail, 'office', '办公室主任'),
      stepSig(detail, 'leader', '主管领导'),
      ...(extra?.emergency ? [{ kind: 'text' as const, label: '紧急维修请示', value: `${minuteText(String(extra.emergency.requestedAt))} 经${String(extra.emergency.channel ?? '')}请示综合科，${String(extra.emergency.approverName ?? '')}于${minuteText(String(extra.emergency.answeredAt ?? ''))}明确答复同意；原因：${String(extra.emergency.reason ?? '')}` }] : []),
      ...(extra?.parts.length ? [{ kind: 'text' as const, label: '原配件交回', value: extra.parts.map((p) => `${p.part} ${p.quantity}件，${p.returnedOn} 交${p.receivedByName}`).join('；') }] : []),
    ],
    notes: ['车辆维修须由驾驶员填写，车辆管理员会同定点修配厂核定维修项目及金额，经批准后方可维修；本单作为财务结算的依据（公务用车使用管理细则第八条）。车辆更换配件，须将原配件交回（第九条）。'],
  };
}

/** 白城市扶贫办租车申请审批单 (VUR-F3), 编号 ZC-YYYY-NNN. */
export function printRentalForm(detail: PrintableInstance, extra?: { brandModel: string | null }): FormSpec {
  const form = detail.form as unknown as RentalFormValue;
  const f = detail.facts as { year?: number; seq?: number; unitName?: string | null };
  const section = detail.steps.some((s) => s.id === 'section')
    ? stepSig(detail, 'section', '申请科（室）负责人')
    : { kind: 'signature' as const, label: '申请科（室）负责人', opinion: '申请', signer: detail.applicant.name, date: dateOf(detail.submittedAt) };
  return {
    title: '白城市扶贫办租车申请审批单',
    subtitle: `编号：ZC-${f.year ?? ''}-${String(f.seq ?? '').padStart(3, '0')}`,
    rows: [
      { kind: 'fields', cells: [{ label: '租用车辆使用科（室）', value: f.unitName ?? detail.applicant.unitName ?? '' }, { label: '乘车人数', value: `${form.passengers}人` }] },
      { kind: 'text', label: '租车用途', value: form.purpose + (form.useCase ? `（${USE_CASES[form.useCase]}）` : '') },
      { kind: 'text', label: '乘车人员名单', value: form.names.join('、') },
      { kind: 'fields', cells: [{ label: '用车起止时间', value: `${form.startDate} 至 ${form.endDate}` }, { label: '用车起止地点', value: form.places }] },
      section,
      stepSig(detail, 'office', '办公室主任'),
      stepSig(detail, 'leader', '办公室主管领导'),
      { kind: 'fields', cells: [{ label: '车辆品牌型号', value: extra?.brandModel ?? '' }] },
      { kind: 'text', label: '备　注', value: form.remark || '' },
    ],
  };
}

export interface FuelRow {
  fueledAt: string; plate: string; station: string; inCity: boolean; centilitres: number; unitPriceFen: number; amountFen: number; payment: string;
  invoiceNo: string | null; odometerKm: number | null; driverName: string; driverSignedAt: string | null; managerName: string | null; managerSignedAt: string | null; complete: boolean;
}

/** 加油台账 (E-CAR-6): one row per refuelling with both signatures (CAR-13). */
export function printFuelLedger(title: string, entries: FuelRow[], check: { checkerName: string; checkedOn: string; findings: string } | null): FormSpec {
  const rows: FormRow[] = entries.flatMap((e, i): FormRow[] => [
    {
      kind: 'fields',
      cells: [
        { label: `${i + 1}. 时间`, value: minuteText(e.fueledAt) },
        { label: '车号', value: e.plate },
        { label: '加油站', value: `${e.station}${e.inCity ? '' : '（外地）'}` },
      ],
    },
    {
      kind: 'fields',
      cells: [
        { label: '油量/金额', value: `${(e.centilitres / 100).toFixed(2)}升×${yuan(e.unitPriceFen)}=${yuan(e.amountFen)}，${PAYMENTS[e.payment as keyof typeof PAYMENTS] ?? e.payment}${e.invoiceNo ? `，发票${e.invoiceNo}` : ''}${e.odometerKm != null ? `，里程${e.odometerKm}km` : ''}` },
        { label: '司机签字', value: e.driverSignedAt ? e.driverName : '（未签）' },
        { label: '车辆管理人员', value: e.managerSignedAt ? e.managerName ?? '' : '（未签）' },
      ],
    },
  ]);
  const total = entries.filter((e) => e.complete).reduce((s, e) => s + e.amountFen, 0);
  rows.push({ kind: 'fields', cells: [{ label: '双方签字确认的合计', value: yuan(total) }, { label: '未完成签字', value: `${entries.filter((e) => !e.complete).length} 笔（不计入合计、不得报销）` }] });
  rows.push(check ? { kind: 'signature', label: '综合科负责人核查', opinion: check.findings, signer: check.checkerName, date: check.checkedOn } : { kind: 'signature', label: '综合科负责人核查', opinion: '', signer: '', date: '' });
  return { title, subtitle: '车辆管理人员和司机在台账上互相签字确认（公务用车使用管理细则第十条）', rows };
}

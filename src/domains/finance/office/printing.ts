import { defineFlow, type FlowDefinition, type PrintableInstance } from '../../../kernel/flow';
import type { FormSpec } from '../../../kernel/render/form-spec';
import type { Verdict } from '../../../kernel/rules';
import { localDate } from '../../../kernel/time';
import { yuan } from '../categories';
import { localDay, settleRow, signed } from './common';
import { PrintForm, type PrintFormValue } from './forms';
import { PRINT01 } from './rules';

/**
 * 办机关各科室印刷品印制申请表 (FMS-F4): the section asks with a quotation and a budget (PRINT-01);
 * 综合科审核 → 领导签批 in that order (PRINT-02, the engine refuses the leader before 综合科);
 * then the finance function prints centrally and registers the distribution (PRINT-03, service).
 */
export function checkPrint(form: PrintFormValue): Verdict[] {
  const out: Verdict[] = [];
  if (!(form.costFen > 0)) out.push(PRINT01.block('请填写印刷费用预算（须大于0元）'));
  if (form.quotations.length === 0) out.push(PRINT01.block('印刷资料须先询价，请至少登记一份报价'));
  return out;
}

export const PRINT_FLOW: FlowDefinition<PrintFormValue> = defineFlow<PrintFormValue>({
  key: 'finance.print',
  version: 1,
  name: '印刷品印制申请',
  form: PrintForm as never,
  title: (f) => `${f.applicant.unitName ?? ''}印制《${f.form.title}》${f.form.quantity}本（${yuan(f.form.costFen)}）`,
  derive: async (ctx) => ({ today: localDate(ctx.clock.now()) }),
  checkSubmit: (_ctx, facts) => checkPrint(facts.form),
  printForm: printPrintForm,
  onComplete: (ctx, inst, outcome) => settleRow(ctx, 'finance_print_requests', inst, outcome),
  steps: [
    { id: 'hub', name: '综合科审核', kind: 'single', approvers: [{ kind: 'formField', field: 'hubChiefId' }], verb: 'review', when: (f) => f.form.hubChiefId !== f.applicant.personId, ruleIds: ['PRINT-02'] },
    { id: 'leader', name: '领导签批', kind: 'single', approvers: [{ kind: 'leaderOfArea', area: 'finance_approval' }], verb: 'approve', ruleIds: ['PRINT-02'] },
  ],
});

export function printPrintForm(detail: PrintableInstance): FormSpec {
  const form = detail.form as unknown as PrintFormValue;
  const box = (id: string, label: string) => {
    const s = signed(detail, id);
    return { kind: 'signature' as const, label, opinion: s?.opinion ?? '', signer: s?.signer ?? '', date: s?.date ?? '', ...(s?.onBehalfOf ? { onBehalfOf: s.onBehalfOf } : {}) };
  };
  return {
    title: '办机关各科室印刷品印制申请表',
    subtitle: `（${localDay(detail.submittedAt)}）`,
    rows: [
      { kind: 'fields', cells: [{ label: '科（室）名称', value: detail.applicant.unitName ?? '' }, { label: '申请人', value: detail.applicant.name }] },
      box('leader', '领导签批'),
      box('hub', '综合科审核'),
      { kind: 'fields', cells: [{ label: '印刷品名称', value: form.title }] },
      { kind: 'fields', cells: [{ label: '印刷费用（元）', value: (form.costFen / 100).toFixed(2) }, { label: '印刷数量（本、册）', value: String(form.quantity) }] },
      { kind: 'text', label: '发放范围', value: form.scope },
      { kind: 'fields', cells: [{ label: '纸张选择', value: form.paper }, { label: '开本', value: form.format }] },
      { kind: 'fields', cells: [{ label: '印刷地点', value: form.place }] },
      { kind: 'text', label: '备注', value: [form.remark, form.quotations.length ? `询价：${form.quotations.map((q) => `${q.supplier} ${yuan(q.amountFen)}${q.ref ? `（${q.ref}）` : ''}`).join('；')}` : ''].filter(Boolean).join('\n') },
    ],
    notes: ['机关各科室印刷资料时，需询价并做出预算，报综合科科长→分管副主任审批后，由财务科统一印制并登记发放（财务管理制度四（六）1）。'],
  };
}

import type { FormRow, FormSpec } from '../../kernel/render/form-spec';
import { RAIN01, semesterLabel } from './rules';
import type { BatchLine } from './payments';

/**
 * 资助确认单 (三（四）): one sheet per village of a paid batch. Each beneficiary (or the parent)
 * signs after being told the payment name and the standard; the village and the township file it.
 * No template is attached to the regulation, so the layout follows the fields 三（四） names.
 */
export const PAYMENT_NAME = '“雨露计划”扶贫助学补助';

export function confirmationSlip(input: { semester: string; townshipName: string; villageName: string; batchId: string; paidOn: string | null; flowRef: string | null; lines: Omit<BatchLine, 'accountEnc'>[] }): FormSpec {
  const std = RAIN01.param('amountPerSemesterFen') / 100;
  const total = input.lines.reduce((s, l) => s + l.amountFen, 0) / 100;
  const lines: FormRow[] = input.lines.flatMap((l, i): FormRow[] => [
    {
      kind: 'fields',
      cells: [
        { label: `${i + 1}. 学生`, value: l.studentName, span: 2 },
        { label: '户主', value: l.householderName, span: 2 },
        { label: '金额（元）', value: (l.amountFen / 100).toFixed(2), span: 2 },
      ],
    },
    { kind: 'fields', cells: [{ label: '就读学校', value: l.schoolName, span: 3 }, { label: '本人或家长签字', value: '', span: 3 }] },
  ]);
  return {
    title: `${PAYMENT_NAME}发放确认单`,
    subtitle: `${input.townshipName}${input.villageName}　${semesterLabel(input.semester)}　批次：${input.batchId}`,
    rows: [
      { kind: 'fields', cells: [{ label: '款项名称', value: PAYMENT_NAME, span: 2 }, { label: '补助标准', value: `每生每学期${std}元` }] },
      { kind: 'fields', cells: [{ label: '资金来源', value: '财政扶贫资金' }, { label: '发放方式', value: '一卡通（折）直补到户' }, { label: '发放日期', value: input.paidOn ?? '' }] },
      { kind: 'fields', cells: [{ label: '补助流水', value: input.flowRef ?? '', span: 2 }, { label: '合计', value: `${input.lines.length}人　${total.toFixed(2)}元` }] },
      ...lines,
      { kind: 'signature', label: '村委会（告知人）', opinion: '已逐一告知补助对象款项名称及补助标准', signer: '', date: '' },
      { kind: 'signature', label: '乡（镇）党委、政府', opinion: '', signer: '', date: '' },
    ],
    notes: ['依据“雨露计划”工作细则三（四）：乡镇收到补助流水后组织所属村开展发放确认，告知补助对象款项名称及补助标准，乡村两级备案留存确认单。'],
  };
}

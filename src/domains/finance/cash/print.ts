import type { FormSpec } from '../../../kernel/render/form-spec';
import { yuan } from '../categories';
import type { CountRow } from './counts';
import { COUNT_KINDS, type CountKind } from './forms';
import { signedYuan } from './rules';

/** 库存现金盘点表: the paper the cashier, the supervisor and the finance head sign after a count. */
const chineseDay = (d: string) => `${Number(d.slice(0, 4))}年${Number(d.slice(5, 7))}月${Number(d.slice(8, 10))}日`;
const money = (fen: number) => (fen / 100).toFixed(2);

export function countForm(c: CountRow, financeHeadName: string): FormSpec {
  const ious = c.ious.length ? c.ious.map((i, n) => `${n + 1}. ${i.description}${i.issuer ? `（出具人：${i.issuer}）` : ''} ${yuan(i.amountFen)}`).join('\n') : '无';
  const sig = (label: string, signer: string) => ({ kind: 'signature' as const, label, opinion: '', signer, date: chineseDay(c.countedOn), minHeight: 56 });
  return {
    title: '库存现金盘点表',
    subtitle: `编号：${c.no}　　盘点日期：${chineseDay(c.countedOn)}`,
    rows: [
      { kind: 'fields', cells: [{ label: '盘点类型', value: COUNT_KINDS[c.kind as CountKind] ?? c.kind }, { label: '状态', value: c.status === 'closed' ? '已结束' : '盘点中' }] },
      { kind: 'fields', cells: [{ label: '出纳（现金保管人）', value: c.cashierName }, { label: '监盘人', value: c.supervisorName }] },
      { kind: 'fields', cells: [{ label: '指定人（财务负责人）', value: c.designatedByName }, { label: '指定理由', value: c.supervisorJustification ?? '会计人员监盘' }] },
      { kind: 'fields', cells: [{ label: '现金账面余额（元）', value: money(c.bookFen) }, { label: '实际库存现金（元）', value: money(c.cashFen) }] },
      { kind: 'fields', cells: [{ label: '账实差额（元）', value: `${money(c.differenceFen)}（${c.differenceFen < 0 ? '短款' : c.differenceFen > 0 ? '长款' : '相符'}）` }, { label: '白条合计（元）', value: money(c.iouFen) }] },
      { kind: 'text', label: '白条（不计入库存现金）', value: ious, minHeight: 40 },
      { kind: 'fields', cells: [{ label: '核定库存现金限额（元）', value: money(c.limitFen) }, { label: '超限额', value: c.overLimit ? `是，计划${c.depositPlannedOn ?? ''}送存银行` : '否' }] },
      { kind: 'text', label: '差异原因说明', value: c.explanation ?? (c.differenceFen === 0 && c.iouFen === 0 ? '账实相符' : `（未填写）差额${signedYuan(c.differenceFen)}`), minHeight: 48 },
      sig('出纳签字', c.cashierName),
      sig('监盘人签字', c.supervisorName),
      sig('财务负责人签字', financeHeadName),
    ],
    notes: [
      '市办应当定期和不定期进行现金盘点，确保现金账面余额与实际库存相符。盘点一般由财务负责人指定会计人员进行监盘（财务管理制度三（二））。',
      '用不符合财务会计制度规定的凭证顶替库存现金（白条抵库）属禁止行为，白条不计入库存现金（财务管理制度三（一）3）。',
    ],
  };
}

import type { Verdict } from '../../kernel/rules';
import { categoryDef, TIER_LABEL, yuan, type VoucherKind } from './categories';
import type { ClaimFacts } from './facts';
import type { ClaimFormValue } from './form';
import { FIN05, FIN06, FIN07, FIN08, FIN09, FIN10, FIN14, FIVE06, RECEP09, RECEP20, RECEP22, RECEP23, RECEP26 } from './rules';
import { checkAgainstPlan, checkMeals, checkReceptionLines, checkVehicles } from './reception-checks';
import { checkNoTrafficFine } from '../vehicles';
import { checkTravel } from './travel';
import { checkClaimExtras } from './office/claim-checks';
import { FIN15 } from './office/rules';

/**
 * Rules checked when a claim is submitted. Pure: the facts (decision found, trip, reception)
 * were derived beforehand, so every verdict here is testable without a database.
 */
export function checkClaim(form: ClaimFormValue, f: ClaimFacts): Verdict[] {
  // CAR-17 first: a traffic fine is borne by the driver, whatever the claim's category or papers.
  const out: Verdict[] = [...checkNoTrafficFine(form.lines).filter((v) => v.outcome !== 'ok'), ...vouchers(form), ...payment(form), ...largeExpense(form, f)];
  const cat = categoryDef(form.category);
  if (cat.goods) out.push(...goodsDetail(form));
  if (cat.repair) out.push(...repair(form));
  if (cat.travel) out.push(...checkTravel(form, f));
  if (cat.reception) out.push(...receptionClaim(form, f));
  out.push(...checkClaimExtras(form, f));
  return out;
}

const has = (form: ClaimFormValue, kind: VoucherKind, line?: number) =>
  form.vouchers.some((v) => v.kind === kind && (line === undefined || v.line === line));

/** FIN-05: an original voucher or invoice, and the section's attestation. */
function vouchers(form: ClaimFormValue): Verdict[] {
  if (!has(form, 'original_voucher') && !has(form, 'invoice')) return [FIN05.block('报销须附原始凭证或正规发票，请登记凭证编号')];
  if (!form.attested) return [FIN05.block('请确认“本部门对报销凭证的真实性、合法性负责”')];
  return [];
}

/** FIN-06: 品名、数量、单价、规格、型号 on every line; quantity × unit price should match. */
function goodsDetail(form: ClaimFormValue): Verdict[] {
  const out: Verdict[] = [];
  form.lines.forEach((l, i) => {
    const g = l.goods;
    const missing = !g ? ['品名', '数量', '单价', '规格', '型号'] : [
      ...(!g.item ? ['品名'] : []), ...(!(g.quantity > 0) ? ['数量'] : []), ...(!(g.unitPriceFen > 0) ? ['单价'] : []),
      ...(!g.spec ? ['规格'] : []), ...(!g.model ? ['型号'] : []),
    ];
    if (missing.length) out.push(FIN06.block(`第${i + 1}条明细“${l.description}”缺少商品明细：${missing.join('、')}（无型号的填“无”）`));
    else if (Math.round(g!.quantity * g!.unitPriceFen) !== l.amountFen) {
      out.push(FIN06.warn(`第${i + 1}条明细数量×单价为${yuan(Math.round(g!.quantity * g!.unitPriceFen))}，与金额${yuan(l.amountFen)}不符`));
    }
  });
  return out;
}

function repair(form: ClaimFormValue): Verdict[] {
  if (!has(form, 'repair_items')) return [FIN07.block('车辆维修费须附维修项目明细')];
  if (!has(form, 'vehicle_repair_approval')) return [FIN07.block('车辆维修费须附经批准的车辆维修审批单')];
  return [];
}

/** FIN-08, FIN-09, FIN-10, RECEP-23: how the money is paid. */
function payment(form: ClaimFormValue): Verdict[] {
  const out: Verdict[] = [];
  const max = FIN10.param('cashWriteOffMaxFen');
  let cashTotal = 0;
  form.lines.forEach((l, i) => {
    if (l.paymentMethod === 'card' && !has(form, 'pos_slip', i)) out.push(FIN08.block(`第${i + 1}条明细用公务卡结算，须附该笔的POS机刷卡凭条`));
    if (l.paymentMethod !== 'cash') return;
    cashTotal += l.amountFen;
    if (categoryDef(form.category).reception) out.push(RECEP23.block(`接待费不得以现金方式支付（第${i + 1}条明细现金${yuan(l.amountFen)}）`));
    else if (l.amountFen > max) out.push(FIN10.block(`第${i + 1}条明细现金支付${yuan(l.amountFen)}，超过${yuan(max)}的现金支付不予核销`));
  });
  if (cashTotal > 0 && !categoryDef(form.category).reception) {
    if (!form.cashReason) out.push(FIN09.block('现金结算须填写理由（原则上应采用银行转账或公务卡结算）'));
    else out.push(FIN09.warn(`本单含现金结算${yuan(cashTotal)}，理由：${form.cashReason}`));
    const lines = form.lines.filter((l) => l.paymentMethod === 'cash');
    if (lines.length > 1 && cashTotal > max) out.push(FIN10.warn(`同一收款人“${form.payee}”的现金支付合计${yuan(cashTotal)}，超过${yuan(max)}，请核实是否拆分支付`));
  }
  return out;
}

/**
 * FIVE-06 (CONF-01, CONF-41): a non-routine claim the classifier calls 三重一大 needs the
 * 党组 decision linked before anyone signs; a routine claim of that size only warns.
 */
function largeExpense(form: ClaimFormValue, f: ClaimFacts): Verdict[] {
  if (f.tier === 'large' && !f.decision) {
    const hint = form.decisionId ? '所选决定不存在、已失效，或其事项类别、金额不覆盖本次支出' : '请先关联党组会议的集体研究决定';
    return [FIVE06.block(`${f.classification}，属${TIER_LABEL.large}支出，须经办党组集体研究决定后方可报销：${hint}`, { szydRuleId: f.szydRuleId })];
  }
  if (f.routine && f.collective) return [FIVE06.warn(`${f.classification}；但属日常公用支出，按程序审批，不再提交党组会议审定（FIN-13）`)];
  return [];
}

/** FIN-14, RECEP-09, RECEP-20, RECEP-22, and the meal limits again on what actually happened. */
function receptionClaim(form: ClaimFormValue, f: ClaimFacts): Verdict[] {
  const r = f.reception;
  if (!r) return [FIN14.block('接待费报销须关联已审批的公务接待审批报告单')];
  if (r.status !== 'approved') return [FIN15.block('所关联的《公务接待审批单》（审批报告单）尚未审批完毕')];
  if (r.filedOn) return [RECEP26.block(`该公务接待的材料已于${r.filedOn}交综合科备案，不能再报销或修改`)];
  if (!r.hasLetter) return [RECEP22.block('接待费报销须附派出单位公函')];
  if (!r.approvedOn || r.approvedOn > r.visitStart) return [RECEP09.block(`公务接待审批（${r.approvedOn ?? '未完成'}）晚于接待开始日期 ${r.visitStart}，应先审批后接待，费用不予报销`)];
  if (!has(form, 'invoice')) return [RECEP22.block('接待费报销须附正规发票或财务票据')];
  if (!has(form, 'settlement_bill')) return [RECEP22.block('接待费报销须附结算清单')];
  if (!r.listFilled) return [RECEP20.block('接待费报销须附《公务接待清单》')];
  if (!r.listReviewed) return [RECEP20.block('《公务接待清单》尚未由接待科室负责人审查')];
  const accompanying = Math.max(0, ...r.listMeals.filter((m) => m.type !== 'staff').map((m) => m.accompanying));
  return [
    ...checkReceptionLines(form.lines),
    ...checkMeals(r.listMeals, r.guests, null),
    ...checkAgainstPlan(r.planMeals ?? [], r.listMeals),
    ...checkVehicles(r.listVehicles, r.guests, accompanying),
  ];
}

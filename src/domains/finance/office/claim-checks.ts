import type { Verdict } from '../../../kernel/rules';
import { yuan } from '../categories';
import type { ClaimFacts } from '../facts';
import type { ClaimFormValue } from '../form';
import { FIN04, MTG04, PRINT03, PRINT04 } from './rules';

/**
 * The office-service rules on an expense claim (pure; the facts were read by claim-facts.ts):
 * MTG-04 (a meeting or training claim settles an approved budget whose executed column is
 * filled, and never more than executed), PRINT-03/04 (printing and periodicals are ordered by
 * 综合科 = 办公室/财务科, CONF-17) and FIN-04 (the 三公 quota).
 */
export function checkClaimExtras(form: ClaimFormValue, f: ClaimFacts): Verdict[] {
  const out: Verdict[] = [];
  if (form.category === 'meeting' || form.category === 'training') {
    const label = form.category === 'meeting' ? '会议' : '培训';
    const b = f.meetingBudget;
    if (!b || b.kind !== form.category) out.push(MTG04.block(`${label}费报销须关联已批准的${label}费预算单`));
    else if (b.status !== 'approved') out.push(MTG04.block(`所关联的${label}费预算单尚未审批完毕`));
    else if (b.executedFen === null) out.push(MTG04.block(`请先在${label}费预算单上填写执行金额`));
    else {
      if (b.claimedFen + f.totalFen > b.executedFen) out.push(MTG04.block(`本次报销${yuan(f.totalFen)}，加上已报销${yuan(b.claimedFen)}，超过预算单执行金额${yuan(b.executedFen)}`));
      if (b.executedFen > b.budgetFen) out.push(MTG04.warn(`${label}执行金额${yuan(b.executedFen)}超过预算${yuan(b.budgetFen)}，请审批领导知悉`));
    }
  }
  if (form.category === 'periodicals' && !f.applicantInHub) out.push(PRINT04.block('书报、刊物等由办公室（综合科）统一订购，本科室不能自行订购报销'));
  if (form.category === 'printing' && !f.applicantInHub) out.push(PRINT03.block('印刷品由财务科（综合科）在印制申请审批后统一印制，各科室不能自行印制报销'));
  const s = f.sangong;
  if (s) {
    if (s.quotaFen === null) out.push(FIN04.warn(`${s.group}年度指标额度尚未设置`));
    else if (s.usedFen + f.totalFen > s.quotaFen) out.push(FIN04.block(`${s.group}年度额度${yuan(s.quotaFen)}，已使用${yuan(s.usedFen)}，本次${yuan(f.totalFen)}将超过额度`));
  }
  return out;
}

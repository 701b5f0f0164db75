import { defineRule, type Verdict } from '../../../kernel/rules';
import { addDays, type LocalDate } from '../../../kernel/time';
import { yuan } from '../categories';
import { FIN03 } from '../rules';

/**
 * Cash on hand (财务管理制度 三): the two prohibitions of 三（一） a cash count can observe are
 * registered as sub-rules of FIN-02 so that a block or a flag cites the exact item (FIN-02 itself
 * is registered in ../rules.ts); FIN-03 (cash counts) is checked here. Pure functions, no IO.
 */
const FMS = '财务管理制度';

export const FIN02_2 = defineRule({ id: 'FIN-02.2', cite: `《${FMS}》三（一）2`, regulation: FMS, enforcement: 'warn',
  text: '禁止超出核定的库存现金限额留存现金：盘点或账面余额超过限额的予以提示，须登记计划送存银行日期，并报财务负责人。',
  params: { cashOnHandLimitFen: { value: 500_000, label: '核定的库存现金限额（CFG-CASH-ON-HAND-LIMIT，由开户银行核定）', unit: '分', demo: true } } });
export const FIN02_3 = defineRule({ id: 'FIN-02.3', cite: `《${FMS}》三（一）3`, regulation: FMS, enforcement: 'enforce',
  text: '禁止用不符合财务会计制度规定的凭证（白条）顶替库存现金：盘点发现的白条单独登记、不计入库存现金，差额按短款列示，并作为违规事项报财务负责人。' });

export interface IouItem { description: string; amountFen: number; issuer?: string }

export interface CountFigures { bookFen: number; cashFen: number; iouFen: number; differenceFen: number; overLimit: boolean; limitFen: number }

/** FIN-03 / FIN-02.3: difference = counted cash − book balance; IOUs are listed but never counted as cash. */
export function countFigures(bookFen: number, cashFen: number, ious: IouItem[]): CountFigures {
  const limitFen = FIN02_2.param('cashOnHandLimitFen');
  return { bookFen, cashFen, iouFen: ious.reduce((s, i) => s + i.amountFen, 0), differenceFen: cashFen - bookFen, overLimit: Math.max(cashFen, bookFen) > limitFen, limitFen };
}

export interface SupervisorFacts {
  cashierId: string;
  supervisorId: string;
  designatedById: string;
  financeHeadId: string | null;
  supervisorIsAccountant: boolean;
  /** Why someone other than an accountant supervises ("一般", FIN-03 interpretation). */
  justification?: string;
}

/**
 * FIN-03: the supervisor (监盘人) is designated by the 财务负责人, is never the cashier whose cash
 * is counted, and "generally" is an accountant — anyone else only with a recorded reason (warn).
 */
export function checkSupervisor(f: SupervisorFacts): Verdict[] {
  if (!f.financeHeadId) return [FIN03.block('财务负责人未在组织机构中登记，无法指定监盘人')];
  if (f.designatedById !== f.financeHeadId) return [FIN03.block('监盘人须由财务负责人指定，所选指定人不是当日的财务负责人')];
  if (f.supervisorId === f.cashierId) return [FIN03.block('出纳不得担任本人所保管现金的监盘人，请财务负责人另行指定会计人员监盘')];
  if (f.supervisorIsAccountant) return [];
  if (!f.justification?.trim()) return [FIN03.block('监盘人一般应为会计人员；指定其他人员监盘须填写理由')];
  return [FIN03.warn(`监盘人不是会计人员，指定理由：${f.justification.trim()}`)];
}

/** FIN-02.3 and FIN-02.2 flags of a count, as warnings the recorder acknowledges. */
export function checkCashOnHand(fig: CountFigures, ious: IouItem[], depositPlannedOn?: string): Verdict[] {
  const out: Verdict[] = [];
  if (ious.length) out.push(FIN02_3.warn(`发现白条${ious.length}张合计${yuan(fig.iouFen)}，不计入库存现金，差额${signedYuan(fig.differenceFen)}按短款列示，作为违规事项报财务负责人`));
  if (fig.overLimit) {
    if (!depositPlannedOn) out.push(FIN02_2.block(`库存现金${yuan(Math.max(fig.cashFen, fig.bookFen))}超过核定限额${yuan(fig.limitFen)}，须登记计划送存银行日期`));
    else out.push(FIN02_2.warn(`库存现金${yuan(Math.max(fig.cashFen, fig.bookFen))}超过核定限额${yuan(fig.limitFen)}，计划于${depositPlannedOn}送存银行`));
  }
  return out;
}

/** FIN-03: a count with a difference (or IOUs) is closed only with an explanation. */
export function checkClose(differenceFen: number, iouFen: number, explanation: string | undefined): Verdict[] {
  if (differenceFen === 0 && iouFen === 0) return [];
  if (explanation?.trim()) return [];
  const what = differenceFen !== 0 ? `账实差额${signedYuan(differenceFen)}` : `存在白条${yuan(iouFen)}`;
  return [(differenceFen !== 0 ? FIN03 : FIN02_3).block(`${what}，须填写差异原因说明后方可结束盘点`)];
}

export const signedYuan = (fen: number) => (fen > 0 ? `+${yuan(fen)}` : fen < 0 ? `-${yuan(-fen)}` : yuan(0));

// ── The periodic schedule (FIN-03, CFG-CASH-COUNT-FREQ) ──────────────────────────────────────

export interface Period { key: string; label: string; start: LocalDate; end: LocalDate }

/** The schedule period (month or quarter) containing a date. */
export function periodOf(date: LocalDate, frequency: 'monthly' | 'quarterly'): Period {
  const y = Number(date.slice(0, 4));
  const m = Number(date.slice(5, 7));
  const first = frequency === 'monthly' ? m : Math.floor((m - 1) / 3) * 3 + 1;
  const months = frequency === 'monthly' ? 1 : 3;
  const start = `${y}-${String(first).padStart(2, '0')}-01`;
  const next = first + months > 12 ? `${y + 1}-01-01` : `${y}-${String(first + months).padStart(2, '0')}-01`;
  const q = Math.floor((m - 1) / 3) + 1;
  return frequency === 'monthly'
    ? { key: start.slice(0, 7), label: `${y}年${first}月`, start, end: addDays(next, -1) }
    : { key: `${y}-Q${q}`, label: `${y}年第${q}季度`, start, end: addDays(next, -1) };
}

/** Every period from the one containing `from` to the one containing `to`, in order. */
export function periodsBetween(from: LocalDate, to: LocalDate, frequency: 'monthly' | 'quarterly'): Period[] {
  const out: Period[] = [];
  for (let p = periodOf(from, frequency); p.start <= to; p = periodOf(addDays(p.end, 1), frequency)) out.push(p);
  return out;
}

export interface ScheduleLine extends Period { kind: 'scheduled' | 'unscheduled'; required: number; done: number; state: 'done' | 'due' | 'overdue' }

/**
 * FIN-03 schedule: each period needs one 定期 count and each quarter `unscheduledPerQuarter`
 * 不定期 counts; a finished period short of them is overdue, the current one is due.
 */
export function scheduleStatus(counts: { kind: string; countedOn: LocalDate }[], from: LocalDate, today: LocalDate): ScheduleLine[] {
  const freq = FIN03.param('scheduleFrequency') === 'quarterly' ? 'quarterly' : 'monthly';
  const need = Number(FIN03.param('unscheduledPerQuarter'));
  const line = (p: Period, kind: 'scheduled' | 'unscheduled', required: number): ScheduleLine => {
    const done = counts.filter((c) => c.kind === kind && c.countedOn >= p.start && c.countedOn <= p.end).length;
    return { ...p, kind, required, done, state: done >= required ? 'done' : p.end < today ? 'overdue' : 'due' };
  };
  const out = periodsBetween(from, today, freq).map((p) => line(p, 'scheduled', 1));
  if (need > 0) out.push(...periodsBetween(from, today, 'quarterly').map((p) => line(p, 'unscheduled', need)));
  return out.sort((a, b) => a.start.localeCompare(b.start) || a.kind.localeCompare(b.kind));
}

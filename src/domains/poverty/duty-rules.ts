import { defineRule } from '../../kernel/rules';
import { addDays, weekday, type LocalDate } from '../../kernel/time';

/**
 * The monitoring duties with deadlines (B-poverty.md MON-11…13, CONF-103): pure date logic,
 * calendar days (CONV-2: these deadlines are not working days; CONV-3: no rolling).
 */
const REG = '白城市建立防止返贫监测和帮扶机制实施细则';

export const MON11 = defineRule({
  id: 'MON-11',
  cite: '防返贫细则 三（一）4、四（一）2',
  regulation: REG,
  enforcement: 'remind',
  text: '县级扶贫部门每季度首月10日前将监测户信息与教育、住建、民政、卫健、医保等部门数据比对一次；从季度首月1日起提醒，逾期列入逾期清单。',
  params: { remindFromDay: { value: 1, label: '季度首月几日起提醒', unit: '日' }, dueDay: { value: 10, label: '季度首月截止日', unit: '日' } },
});
export const MON12 = defineRule({
  id: 'MON-12',
  cite: '防返贫细则 四（一）1',
  regulation: REG,
  enforcement: 'remind',
  text: '乡村干部、驻村干部对监测户每月至少走访一次；纳入当月不计，自纳入次月起每个自然月无走访记录的，列入该村逾期清单。',
  params: { remindFromDay: { value: 20, label: '当月几日起提醒尚未走访的监测户', unit: '日', demo: true } },
});
export const MON13 = defineRule({
  id: 'MON-13',
  cite: '防返贫细则 四（一）3',
  regulation: REG,
  enforcement: 'remind',
  text: '县医保部门每周（周一至周日）梳理一次监测户住院信息报县扶贫办（本周无住院的报“无”）；监测户成员住院的，由属地乡镇、村跟进核实。',
});

/** 2026-Q4 of a local date. */
export function quarterOf(date: LocalDate): string {
  return `${date.slice(0, 4)}-Q${Math.floor((Number(date.slice(5, 7)) - 1) / 3) + 1}`;
}

/** MON-11: the 10th of the quarter's first month (01-10, 04-10, 07-10, 10-10), inclusive (CONV-1). */
export function quarterDue(quarter: string): LocalDate {
  const m = /^(\d{4})-Q([1-4])$/.exec(quarter);
  if (!m) throw new Error(`bad quarter ${quarter}`);
  const month = (Number(m[2]) - 1) * 3 + 1;
  return `${m[1]}-${String(month).padStart(2, '0')}-${String(MON11.param('dueDay')).padStart(2, '0')}`;
}

export function quarterStart(quarter: string): LocalDate {
  return quarterDue(quarter).slice(0, 8) + '01';
}

export type DutyState = 'done' | 'late' | 'open' | 'overdue' | 'not_yet';

/** MON-11 (AS-B26): on time up to and including the due day; overdue from the day after. */
export function quarterState(quarter: string, today: LocalDate, completedOn: LocalDate | null): DutyState {
  const due = quarterDue(quarter);
  if (completedOn) return completedOn <= due ? 'done' : 'late';
  if (today > due) return 'overdue';
  const remindFrom = `${due.slice(0, 8)}${String(MON11.param('remindFromDay')).padStart(2, '0')}`;
  return today >= remindFrom ? 'open' : 'not_yet';
}

/** ISO 8601 week of a local date: 2020-W31. */
export function isoWeek(date: LocalDate): string {
  const wd = (weekday(date) + 6) % 7; // Monday = 0
  const thursday = addDays(date, 3 - wd);
  const year = Number(thursday.slice(0, 4));
  const jan1 = `${year}-01-01`;
  const days = Math.round((Date.parse(`${thursday}T00:00:00Z`) - Date.parse(`${jan1}T00:00:00Z`)) / 86_400_000);
  return `${year}-W${String(Math.floor(days / 7) + 1).padStart(2, '0')}`;
}

/** Monday and Sunday of an ISO week. */
export function weekRange(week: string): { monday: LocalDate; sunday: LocalDate } {
  const m = /^(\d{4})-W(\d{2})$/.exec(week);
  if (!m) throw new Error(`bad week ${week}`);
  const jan4 = `${m[1]}-01-04`;
  const monday1 = addDays(jan4, -((weekday(jan4) + 6) % 7));
  const monday = addDays(monday1, (Number(m[2]) - 1) * 7);
  return { monday, sunday: addDays(monday, 6) };
}

/** MON-13 (AS-B28): a week without a submission is overdue from the Monday after it. */
export function weekOverdue(week: string, today: LocalDate, submitted: boolean): boolean {
  return !submitted && today > weekRange(week).sunday;
}

/** The weeks whose lists are due by `today` (ended), from `from` (a Monday or any day in the first week). */
export function endedWeeks(from: LocalDate, today: LocalDate): string[] {
  const out: string[] = [];
  for (let d = weekRange(isoWeek(from)).monday; addDays(d, 6) < today; d = addDays(d, 7)) out.push(isoWeek(d));
  return out;
}

/**
 * MON-12 (AS-B27, CONF-103): the calendar months a household must have a visit in, as
 * 'YYYY-MM': every full month after the month of inclusion, up to the month before `today`
 * (and before the month of exit, for an exited household).
 */
export function visitMonthsDue(includedOn: LocalDate, today: LocalDate, exitedOn: LocalDate | null = null): string[] {
  const idx = (d: string) => Number(d.slice(0, 4)) * 12 + Number(d.slice(5, 7)) - 1;
  const first = idx(includedOn) + 1;
  const last = Math.min(idx(today) - 1, exitedOn ? idx(exitedOn) - 1 : Infinity);
  const out: string[] = [];
  for (let k = first; k <= last; k++) out.push(`${Math.floor(k / 12)}-${String((k % 12) + 1).padStart(2, '0')}`);
  return out;
}

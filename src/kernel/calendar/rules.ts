import { defineRule, type Verdict } from '../rules';
import { isWeekend, weekdayName, yearOf, type CalendarRow } from './days';

/**
 * Rules of the working-day calendar (calendar.md §3.3–§3.4, security.md SECREQ-47).
 * Checks are pure: they get rows and return verdicts; service.ts enforces them.
 */
const REGULATION = '工作日历（国务院办公厅节假日安排）';

export const CAL_FAIL_CLOSED = defineRule({
  id: 'CAL-01',
  cite: 'calendar.md §3.3；SECREQ-47',
  text: '放假安排未发布的年度，一律不计算工作日（含跨入该年度的顺延计算），不得按周末规则推算。',
  regulation: REGULATION,
  enforcement: 'enforce',
});

export const CAL_MAKEUP_ON_WEEKEND = defineRule({
  id: 'CAL-02',
  cite: 'calendar.md §3.4 检查2',
  text: '调休上班日必须是星期六或星期日。',
  regulation: REGULATION,
  enforcement: 'enforce',
});

export const CAL_DATE_IN_YEAR = defineRule({
  id: 'CAL-03',
  cite: 'calendar.md §3.4 检查3',
  text: '年度放假安排只能录入该年度的日期；元旦放假及其调休上班日可提前到上一年12月。',
  regulation: REGULATION,
  enforcement: 'enforce',
});

export const CAL_STATUTORY_DAYS = defineRule({
  id: 'CAL-04',
  cite: '《全国年节及纪念日放假办法》第二条（2024年修订，2025年起施行）',
  text: '每个节日放假期间的工作日天数减去调休上班天数，应等于法定放假天数。',
  regulation: REGULATION,
  enforcement: 'enforce',
  params: {
    元旦: { value: 1, label: '元旦', unit: '天' },
    春节: { value: 4, label: '春节', unit: '天' },
    清明: { value: 1, label: '清明节', unit: '天' },
    劳动节: { value: 2, label: '劳动节', unit: '天' },
    端午: { value: 1, label: '端午节', unit: '天' },
    中秋: { value: 1, label: '中秋节', unit: '天' },
    国庆节: { value: 3, label: '国庆节', unit: '天' },
  },
});

export const CAL_FOUR_EYES = defineRule({
  id: 'CAL-05',
  cite: 'GB/T 22239-2019 授权和审批；calendar.md §3.4.4',
  text: '年度放假安排须由录入人以外的第二人审核发布（四眼原则）。',
  regulation: REGULATION,
  enforcement: 'enforce',
});

/** The first year the workflow accepts: the statutory table of CAL-04 applies from 2025. */
export const FIRST_ENTERABLE_YEAR = 2025;

export const FESTIVALS = ['元旦', '春节', '清明', '劳动节', '端午', '中秋', '国庆节'] as const;
type Festival = (typeof FESTIVALS)[number];

const ALIASES: Record<string, Festival> = { 清明节: '清明', 端午节: '端午', 中秋节: '中秋', 国庆: '国庆节', 五一: '劳动节', 新年: '元旦' };

/** Store festivals under the names chinese-days uses, so seeded and entered years agree. */
export function normalizeFestival(name: string): string {
  return name
    .trim()
    .split(/[、,，+＋]/)
    .map((p) => ALIASES[p.trim()] ?? p.trim())
    .filter(Boolean)
    .join('、');
}

function parts(festival: string): string[] {
  return festival.split('、');
}

function isKnown(p: string): p is Festival {
  return (FESTIVALS as readonly string[]).includes(p);
}

/** CAL-02 and CAL-03 for one row of the notice for `year`. */
export function checkRow(year: number, row: Pick<CalendarRow, 'date' | 'kind' | 'festival'>): Verdict[] {
  const out: Verdict[] = [];
  if (row.kind === 'adjusted_workday' && !isWeekend(row.date)) {
    out.push(CAL_MAKEUP_ON_WEEKEND.block(`${row.date} 是${weekdayName(row.date)}，调休上班日必须是星期六或星期日`, { date: row.date }));
  }
  const y = yearOf(row.date);
  const previousDecember = y === year - 1 && row.date.slice(5, 7) === '12';
  if (y !== year && !(previousDecember && parts(row.festival).includes('元旦'))) {
    const hint = previousDecember ? `；上一年12月只能录入元旦的放假或调休上班日` : '';
    out.push(
      CAL_DATE_IN_YEAR.block(`${row.date} 不在${year}年度放假安排的范围内（${year - 1}-12-01 至 ${year}-12-31）${hint}`, { date: row.date }),
    );
  }
  return out.length > 0 ? out : [CAL_DATE_IN_YEAR.ok()];
}

/** CAL-04: per festival, weekday days off minus make-up days equals the statutory days. */
export function checkStatutoryDays(rows: CalendarRow[]): Verdict[] {
  const net = new Map<string, number>();
  for (const r of rows) {
    const delta = r.kind === 'adjusted_workday' ? -1 : isWeekend(r.date) ? 0 : 1;
    net.set(r.festival, (net.get(r.festival) ?? 0) + delta);
  }
  const out: Verdict[] = [];
  for (const [festival, days] of net) {
    const ps = parts(festival);
    if (!ps.every(isKnown)) {
      out.push(CAL_STATUTORY_DAYS.warn(`「${festival}」不是《全国年节及纪念日放假办法》规定的全体公民放假节日，请与通知原文核对`, { festival }));
      continue;
    }
    const expected = ps.reduce((sum, p) => sum + CAL_STATUTORY_DAYS.param(p as Festival), 0);
    if (days !== expected) {
      out.push(CAL_STATUTORY_DAYS.block(`${festival}：放假期间的工作日减去调休上班日为${days}天，法定应为${expected}天`, { festival, days, expected }));
    }
  }
  const present = new Set([...net.keys()].flatMap(parts));
  for (const f of FESTIVALS) {
    if (!present.has(f)) out.push(CAL_STATUTORY_DAYS.block(`尚未录入${f}的放假安排`, { festival: f }));
  }
  return out.length > 0 ? out : [CAL_STATUTORY_DAYS.ok()];
}

/** CAL-05: whoever created, entered or submitted the year may not publish it. */
export function checkFourEyes(publisherId: string, enteredBy: Iterable<string | null>): Verdict {
  for (const id of enteredBy) {
    if (id === publisherId) return CAL_FOUR_EYES.block('您参与了本年度放假安排的录入，不能由本人审核发布，请由另一名管理员审核发布');
  }
  return CAL_FOUR_EYES.ok();
}

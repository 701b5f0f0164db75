import type { LocalDate } from '../../../kernel/time';

/**
 * FIN-18 report calendar arithmetic (pure): the due dates of a recurring report. A monthly report
 * due on the 31st falls on the last day of shorter months, never spilling into the next month.
 */
export const RECURRENCES = { once: '一次性', monthly: '每月', quarterly: '每季度', yearly: '每年' } as const;
export type Recurrence = keyof typeof RECURRENCES;
const STEP: Record<Recurrence, number> = { once: 0, monthly: 1, quarterly: 3, yearly: 12 };

/** The n-th due date (n = 0 is the first) of a report first due on `first`. */
export function nthDue(first: LocalDate, recurrence: Recurrence, n: number): LocalDate {
  const y = Number(first.slice(0, 4));
  const m = Number(first.slice(5, 7)) - 1 + STEP[recurrence] * n;
  const day = Number(first.slice(8, 10));
  const year = y + Math.floor(m / 12);
  const month = (m % 12) + 1;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${year}-${String(month).padStart(2, '0')}-${String(Math.min(day, last)).padStart(2, '0')}`;
}

/** Due dates from the first up to and including `until` (at most `max`), plus the first one after it. */
export function dueDates(first: LocalDate, recurrence: Recurrence, until: LocalDate, max = 400): LocalDate[] {
  if (recurrence === 'once') return [first];
  const out: LocalDate[] = [];
  for (let n = 0; n < max; n++) {
    const d = nthDue(first, recurrence, n);
    out.push(d);
    if (d > until) break;
  }
  return out;
}

export type DueState = 'sent' | 'upcoming' | 'approaching' | 'overdue';

/** Where an unsent occurrence stands today: overdue after the due date, approaching from `remindFrom`. */
export function dueState(dueOn: LocalDate, today: LocalDate, remindFrom: LocalDate | null, sent: boolean): DueState {
  if (sent) return 'sent';
  if (today > dueOn) return 'overdue';
  return remindFrom !== null && today >= remindFrom ? 'approaching' : 'upcoming';
}

import { isWeekend, yearOf, type CalendarRow } from './days';
import { checkRow, checkStatutoryDays } from './rules';
import type { Flagged, Verdict } from '../rules';

/**
 * The count summary an administrator compares with the notice text (calendar.md §3.4 check 5):
 * days off per festival, make-up days, and the rows dated in the previous year, listed apart
 * because publishing the year changes days of the year before.
 */
export interface FestivalCount {
  festival: string;
  daysOff: number;
  weekdaysOff: number;
  adjustedWorkdays: number;
  /** weekdaysOff − adjustedWorkdays: the statutory days the notice grants. */
  netDaysOff: number;
}

export interface YearSummary {
  festivals: FestivalCount[];
  holidayDays: number;
  adjustedWorkdays: number;
  previousYearRows: CalendarRow[];
}

export function summarize(year: number, rows: CalendarRow[]): YearSummary {
  const byFestival = new Map<string, FestivalCount>();
  for (const r of rows) {
    const c = byFestival.get(r.festival) ?? { festival: r.festival, daysOff: 0, weekdaysOff: 0, adjustedWorkdays: 0, netDaysOff: 0 };
    if (r.kind === 'holiday') {
      c.daysOff += 1;
      if (!isWeekend(r.date)) c.weekdaysOff += 1;
    } else c.adjustedWorkdays += 1;
    c.netDaysOff = c.weekdaysOff - c.adjustedWorkdays;
    byFestival.set(r.festival, c);
  }
  return {
    festivals: [...byFestival.values()],
    holidayDays: rows.filter((r) => r.kind === 'holiday').length,
    adjustedWorkdays: rows.filter((r) => r.kind === 'adjusted_workday').length,
    previousYearRows: rows.filter((r) => yearOf(r.date) === year - 1).sort((a, b) => a.date.localeCompare(b.date)),
  };
}

/** Every check a year must pass before it is submitted or published. */
export function yearVerdicts(year: number, rows: CalendarRow[]): Verdict[] {
  return [...rows.flatMap((r) => checkRow(year, r)), ...checkStatutoryDays(rows)];
}

/** The problems to show on the entry page (blocks and warnings, without the passes). */
export function yearIssues(year: number, rows: CalendarRow[]): Flagged[] {
  if (rows.length === 0) return [];
  return yearVerdicts(year, rows).filter((v): v is Flagged => v.outcome !== 'ok');
}

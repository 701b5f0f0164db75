/** Shapes of the calendar API (src/kernel/calendar/contract.ts), as the pages use them. */
export type RowKind = 'holiday' | 'adjusted_workday';
export type YearStatus = 'draft' | 'review' | 'published';

export interface CalendarRow {
  date: string;
  kind: RowKind;
  festival: string;
  noticeYear: number;
}

export interface HolidayPeriod {
  festival: string;
  start: string;
  end: string;
  days: number;
  noticeYear: number;
  adjustedWorkdays: string[];
}

export interface YearListItem {
  year: number;
  status: YearStatus;
  statusLabel: string;
  sourceDoc: string;
  origin: string;
  holidayDays: number;
  adjustedWorkdays: number;
  approvedAt: string | null;
}

export interface FestivalCount {
  festival: string;
  daysOff: number;
  weekdaysOff: number;
  adjustedWorkdays: number;
  netDaysOff: number;
}

export interface Issue {
  outcome: 'warn' | 'block';
  ruleId: string;
  cite: string;
  message: string;
}

export interface YearDetail {
  year: number;
  status: YearStatus;
  statusLabel: string;
  sourceDoc: string;
  origin: string;
  createdBy: string | null;
  submittedBy: string | null;
  approvedBy: string | null;
  approvedAt: string | null;
  returnNote: string | null;
  rowsVisible: boolean;
  days: CalendarRow[];
  periods: HolidayPeriod[];
  summary: { festivals: FestivalCount[]; holidayDays: number; adjustedWorkdays: number; previousYearRows: CalendarRow[] };
  issues: Issue[];
}

export const STATUS_COLOR: Record<YearStatus, string> = { draft: 'default', review: 'orange', published: 'green' };

export const KIND_LABEL: Record<RowKind, string> = { holiday: '放假', adjusted_workday: '调休上班' };

export const FESTIVALS = ['元旦', '春节', '清明', '劳动节', '端午', '中秋', '国庆节'];

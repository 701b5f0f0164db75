import { z } from 'zod';
import { isLocalDate } from '../time';

/** Zod shapes of the calendar API, shared by the public and the administration routes. */
export const DateStr = z.string().refine(isLocalDate, { message: '日期应为有效的 YYYY-MM-DD 格式，例如 2026-10-10' });

export const YearParam = z.object({
  year: z.coerce.number({ message: '年度应为四位数字' }).int('年度应为整数').min(1900, '年度不能早于1900年').max(2100, '年度不能晚于2100年'),
});

export const RowKind = z.enum(['holiday', 'adjusted_workday'], { message: '类型应为 holiday（放假）或 adjusted_workday（调休上班）' });

export const DayOut = z.object({
  date: z.string(),
  workingDay: z.boolean(),
  kind: z.enum(['workday', 'weekend', 'holiday', 'adjusted_workday']),
  festival: z.string().optional(),
  reason: z.string(),
});

const Row = z.object({ date: z.string(), kind: RowKind, festival: z.string(), noticeYear: z.number() });

export const Period = z.object({
  festival: z.string(),
  start: z.string(),
  end: z.string(),
  days: z.number(),
  noticeYear: z.number(),
  adjustedWorkdays: z.array(z.string()),
});

const Status = z.enum(['draft', 'review', 'published']);

export const YearListOut = z.object({
  years: z.array(
    z.object({
      year: z.number(),
      status: Status,
      statusLabel: z.string(),
      sourceDoc: z.string(),
      origin: z.string(),
      holidayDays: z.number(),
      adjustedWorkdays: z.number(),
      approvedAt: z.string().nullable(),
    }),
  ),
  warning: z.string().nullable(),
});

export const YearOut = z.object({
  year: z.number(),
  status: Status,
  statusLabel: z.string(),
  sourceDoc: z.string(),
  origin: z.string(),
  createdBy: z.string().nullable(),
  submittedBy: z.string().nullable(),
  approvedBy: z.string().nullable(),
  approvedAt: z.string().nullable(),
  returnNote: z.string().nullable(),
  rowsVisible: z.boolean(),
  days: z.array(Row),
  periods: z.array(Period),
  summary: z.object({
    festivals: z.array(
      z.object({ festival: z.string(), daysOff: z.number(), weekdaysOff: z.number(), adjustedWorkdays: z.number(), netDaysOff: z.number() }),
    ),
    holidayDays: z.number(),
    adjustedWorkdays: z.number(),
    previousYearRows: z.array(Row),
  }),
  issues: z.array(z.object({ outcome: z.enum(['warn', 'block']), ruleId: z.string(), cite: z.string(), message: z.string() })),
});

export const Acknowledge = z.object({ acknowledge: z.array(z.string()).max(20).optional() }).optional();

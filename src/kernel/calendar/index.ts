/** What other kernel parts and domains use of the calendar (deadlines, 公示 periods, timers). */
export {
  CalendarYearNotPublished,
  addWorkingDays,
  countWorkingDays,
  isWorkingDay,
  loadWorkingCalendar,
  publicityPeriod,
  workingDayOnOrAfter,
  type Period,
  type WorkingCalendar,
} from './workdays';
export type { DayInfo, DayKind } from './days';
export { pendingYearWarning, upcomingHolidays } from './queries';

import type { Db } from '../db';
import { addWorkingDays as calendarAdd } from '../calendar/workdays';

/** Working-day deadlines come from the office calendar (fails closed on unpublished years). */
export function addWorkingDays(db: Db, date: string, days: number): Promise<string> {
  return calendarAdd(db, date, days);
}

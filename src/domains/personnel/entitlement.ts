import { anniversary, completedYears, firstOfNextMonth } from './days';
import { LEAVE08, LEAVE09 } from './rules';

/**
 * Annual-leave entitlement by years of work (LEAVE-08) and the conditions that cancel it
 * (LEAVE-09 C1–C4). Pure: the facts come from the ledger and the profile.
 */
export interface ServiceFacts {
  /** 参加工作时间 (or the profile's service start). Null: unknown → no entitlement. */
  serviceStart: string | null;
  established: boolean;
}

/** The date a tier of `years` takes effect for a service start (GAP-C-LEAVE12). */
export function tierEffective(serviceStart: string, years: number): string {
  const reached = anniversary(serviceStart, years);
  const mode = LEAVE08.param('annualLeaveTierEffective');
  if (mode === 'ANNIVERSARY') return reached;
  if (mode === 'JAN_1') return `${Number(reached.slice(0, 4)) + 1}-01-01`;
  return firstOfNextMonth(reached);
}

/** Annual leave days in force on `date` (0, 5, 10, 15 by default). */
export function tierDaysOn(s: ServiceFacts, date: string): number {
  if (!s.serviceStart) return 0;
  if (!s.established && !LEAVE08.param('nonEstablishedAnnualLeave')) return 0;
  const tiers: [number, number][] = [
    [LEAVE08.param('tier3Years'), LEAVE08.param('tier3Days')],
    [LEAVE08.param('tier2Years'), LEAVE08.param('tier2Days')],
    [LEAVE08.param('tier1Years'), LEAVE08.param('tier1Days')],
  ];
  for (const [years, days] of tiers) if (tierEffective(s.serviceStart, years) <= date) return days;
  return 0;
}

export interface YearUsage {
  /** Ordinary personal leave without salary deduction, working half days (C1). */
  personalUndeductedHalves: number;
  /** Sick leave, calendar half days (C2–C4). */
  sickHalves: number;
}

export interface Cancellation {
  code: 'C1' | 'C2' | 'C3' | 'C4';
  message: string;
}

/** The sick-leave threshold (calendar days) and its code for the years of service at a date. */
export function sickThreshold(serviceStart: string | null, date: string): { code: 'C2' | 'C3' | 'C4'; days: number; years: number } {
  const years = serviceStart ? completedYears(serviceStart, date) : 0;
  const month = LEAVE09.param('monthCalendarDays');
  if (years >= LEAVE08.param('tier3Years')) return { code: 'C4', days: month * LEAVE09.param('c4Months'), years };
  if (years >= LEAVE08.param('tier2Years')) return { code: 'C3', days: month * LEAVE09.param('c3Months'), years };
  return { code: 'C2', days: month * LEAVE09.param('c2Months'), years };
}

/** Which of LEAVE-09 C1–C4 holds for the year's usage (first match), with the figures. */
export function cancellation(u: YearUsage, serviceStart: string | null, date: string): Cancellation | null {
  const c1 = LEAVE09.param('c1PersonalDays');
  if (u.personalUndeductedHalves >= c1 * 2) {
    return { code: 'C1', message: `事假累计${u.personalUndeductedHalves / 2}个工作日且未扣工资（达到${c1}天以上）` };
  }
  const t = sickThreshold(serviceStart, date);
  if (serviceStart && t.years >= 1 && u.sickHalves >= t.days * 2) {
    return { code: t.code, message: `工作${t.years}年，病假累计${u.sickHalves / 2}天（达到${t.days}天以上）` };
  }
  return null;
}

import { and, gte, lt, min } from 'drizzle-orm';
import type { Db } from '../../kernel/db';
import { localDate } from '../../kernel/time';
import { DM06, PG02 } from './rules';
import { meetings } from './schema';
import { BODY_NAMES } from './roster';
import type { BodyCode } from './checks';

/**
 * The meeting calendar (PG-02: 党组会议 一般每月1次; DM-06: 主任办公会议 一般每月1至2次):
 * for each of the last complete months, a warning when a body held fewer meetings than the
 * norm. A meeting counts in the month of its date (meetings are never
 * cancelled in this model, only held or still planned); a month is judged only once it has passed (N-6).
 */
export interface FrequencyWarning {
  month: string;
  bodyCode: BodyCode;
  held: number;
  ruleId: string;
  cite: string;
  message: string;
}

function monthsBefore(today: string, n: number): string[] {
  const [y, m] = today.split('-').map(Number);
  const out: string[] = [];
  for (let i = 1; i <= n; i++) {
    const d = new Date(Date.UTC(y, m - 1 - i, 1));
    out.push(d.toISOString().slice(0, 7));
  }
  return out.reverse();
}

const nextMonth = (ym: string) => {
  const [y, m] = ym.split('-').map(Number);
  return new Date(Date.UTC(y, m, 1)).toISOString().slice(0, 10);
};

export interface MonthCount { month: string; counts: Record<BodyCode, number> }

/**
 * Judge each month against the norm. Months before `recordsFrom` (the month of the first meeting
 * the office recorded here) are not judged: the system cannot know what was held before its
 * records began, and a new installation should not open on half a year of warnings.
 */
export function judgeMonths(months: string[], held: { bodyCode: string; date: string }[], recordsFrom: string | null): { months: MonthCount[]; warnings: FrequencyWarning[] } {
  const minimum: Record<BodyCode, number> = { party_group: PG02.param('minPerMonth'), director_meeting: DM06.param('minPerMonth') };
  const rules = { party_group: PG02, director_meeting: DM06 } as const;
  const warnings: FrequencyWarning[] = [];
  const result = months.map((month) => {
    const counts = { party_group: 0, director_meeting: 0 } as Record<BodyCode, number>;
    for (const row of held) if (row.date.startsWith(month)) counts[row.bodyCode as BodyCode] += 1;
    if (recordsFrom && month < recordsFrom) return { month, counts };
    for (const code of Object.keys(rules) as BodyCode[]) {
      const rule = rules[code];
      if (counts[code] < minimum[code]) {
        warnings.push({ month, bodyCode: code, held: counts[code], ruleId: rule.id, cite: rule.cite,
          message: `${month.replace('-', '年')}月未召开${BODY_NAMES[code]}（${rule.spec.text}）` });
      }
    }
    return { month, counts };
  });
  return { months: result, warnings };
}

export async function meetingFrequency(db: Db, now: Date): Promise<{ months: MonthCount[]; warnings: FrequencyWarning[] }> {
  const months = monthsBefore(localDate(now), PG02.param('lookbackMonths'));
  const held = await db.select({ bodyCode: meetings.bodyCode, date: meetings.meetingDate }).from(meetings)
    .where(and(gte(meetings.meetingDate, `${months[0]}-01`), lt(meetings.meetingDate, nextMonth(months[months.length - 1]))));
  const [first] = await db.select({ date: min(meetings.meetingDate) }).from(meetings);
  return judgeMonths(months, held, first?.date ? first.date.slice(0, 7) : null);
}

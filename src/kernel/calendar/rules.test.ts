import { describe, expect, it } from 'vitest';
import { allRules } from '../rules';
import type { CalendarRow } from './days';
import { holidayPeriods } from './days';
import { pendingYearWarning } from './queries';
import { checkFourEyes, checkRow, checkStatutoryDays, normalizeFestival } from './rules';
import { chineseDaysRows } from './seed';
import { summarize } from './summary';

const ofYear = (y: number) => chineseDaysRows().filter((r) => r.noticeYear === y);
const blocks = (vs: ReturnType<typeof checkStatutoryDays>) => vs.filter((v) => v.outcome === 'block');

describe('calendar rules are registered', () => {
  it('CAL-01 … CAL-05 are listed with their citations', () => {
    const ids = allRules().map((r) => r.id);
    for (const id of ['CAL-01', 'CAL-02', 'CAL-03', 'CAL-04', 'CAL-05']) expect(ids).toContain(id);
  });
});

describe('CAL-02: make-up working days fall on a weekend (calendar.md §3.4 check 2, fact 7)', () => {
  it('blocks a weekday', () => {
    const [v] = checkRow(2027, { date: '2027-02-17', kind: 'adjusted_workday', festival: '春节' });
    expect(v).toMatchObject({ outcome: 'block', ruleId: 'CAL-02', message: '2027-02-17 是星期三，调休上班日必须是星期六或星期日' });
  });
  it('every seeded make-up day 2004–2026 is on a weekend', () => {
    const rows = chineseDaysRows().filter((r) => r.kind === 'adjusted_workday');
    for (const r of rows) expect(checkRow(r.noticeYear, r).every((v) => v.outcome === 'ok'), r.date).toBe(true);
  });
});

describe('CAL-03: dates belong to the target year, 元旦 may reach into December (fact 8)', () => {
  it.each([
    ['2026-12-31', 'holiday', '元旦', true],
    ['2026-12-27', 'adjusted_workday', '元旦', true],
    ['2026-12-31', 'holiday', '春节', false],
    ['2026-11-30', 'holiday', '元旦', false],
    ['2028-01-01', 'holiday', '元旦', false],
    ['2027-10-01', 'holiday', '国庆节', true],
  ] as const)('%s %s %s → allowed %s', (date, kind, festival, allowed) => {
    const vs = checkRow(2027, { date, kind, festival });
    expect(vs.every((v) => v.outcome === 'ok')).toBe(allowed);
    if (!allowed) expect(vs[0]).toMatchObject({ ruleId: 'CAL-03', message: expect.stringContaining('不在2027年度放假安排的范围内') });
  });
});

describe('CAL-04: statutory days per festival (calendar.md §3.4 check 4)', () => {
  it('the 2025 and 2026 notices pass', () => {
    expect(blocks(checkStatutoryDays(ofYear(2025)))).toEqual([]);
    expect(blocks(checkStatutoryDays(ofYear(2026)))).toEqual([]);
  });
  it('a 春节 one weekday short is blocked with the counts', () => {
    const rows = ofYear(2026).filter((r) => r.date !== '2026-02-23');
    expect(blocks(checkStatutoryDays(rows))[0]).toMatchObject({ ruleId: 'CAL-04', message: '春节：放假期间的工作日减去调休上班日为3天，法定应为4天' });
  });
  it('a missing festival is blocked', () => {
    const rows = ofYear(2026).filter((r) => r.festival !== '端午');
    expect(blocks(checkStatutoryDays(rows)).map((v) => v.outcome === 'block' && v.message)).toEqual(['尚未录入端午的放假安排']);
  });
  it('a festival outside the statutory list is only a warning', () => {
    const extra: CalendarRow = { date: '2026-09-03', kind: 'holiday', festival: '纪念日', noticeYear: 2026 };
    const vs = checkStatutoryDays([...ofYear(2026), extra]);
    expect(blocks(vs)).toEqual([]);
    expect(vs).toContainEqual(expect.objectContaining({ outcome: 'warn', ruleId: 'CAL-04' }));
  });
  it('a combined 中秋、国庆节 break counts the sum', () => {
    const rows = ofYear(2026).map((r) => (r.festival === '中秋' || r.festival === '国庆节' ? { ...r, festival: '中秋、国庆节' } : r));
    expect(blocks(checkStatutoryDays(rows))).toEqual([]);
  });
});

describe('CAL-05: four eyes', () => {
  it('blocks anyone who entered the year, passes a second person', () => {
    expect(checkFourEyes('a', ['a', 'b'])).toMatchObject({ outcome: 'block', ruleId: 'CAL-05' });
    expect(checkFourEyes('c', ['a', 'b', null])).toMatchObject({ outcome: 'ok' });
  });
});

describe('helpers', () => {
  it('normalises festival names to the chinese-days spelling', () => {
    expect(normalizeFestival(' 国庆 ')).toBe('国庆节');
    expect(normalizeFestival('中秋节,国庆')).toBe('中秋、国庆节');
  });
  it('groups one break across festival labels and lists its make-up days', () => {
    const periods = holidayPeriods(ofYear(2025)).filter((p) => p.start === '2025-10-01');
    expect(periods).toEqual([
      { festival: '国庆节、中秋', start: '2025-10-01', end: '2025-10-08', days: 8, noticeYear: 2025, adjustedWorkdays: ['2025-09-28', '2025-10-11'] },
    ]);
  });
  it('the summary lists rows dated in the previous year apart', () => {
    const s = summarize(2019, ofYear(2019));
    expect(s.previousYearRows.map((r) => r.date)).toEqual(['2018-12-29', '2018-12-30', '2018-12-31']);
  });
});

describe('November warning (calendar.md §3.5, §4.6)', () => {
  const published = new Set([2025, 2026]);
  it('is silent before 1 November', () => expect(pendingYearWarning('2026-10-31', published)).toBeNull());
  it('warns from 1 November while next year is unpublished', () => expect(pendingYearWarning('2026-11-01', published)).toContain('2027年放假安排尚未发布'));
  it('is silent once next year is published', () => expect(pendingYearWarning('2026-12-15', new Set([2026, 2027]))).toBeNull());
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { sql } from 'drizzle-orm';
import { createTestDatabase } from '../../../test/support/db';
import { TestClock } from '../../../test/support/app';
import { rows, type Database } from '../db';
import { inTransaction } from '../db/transaction';
import { systemCtx } from '../context';
import { ensureBuiltinRoles } from '../access/grants';
import { addDays } from '../time';
import { calendarModule } from './module';
import {
  addWorkingDays,
  CalendarYearNotPublished,
  countWorkingDays,
  isWorkingDay,
  publicityPeriod,
  workingDayOnOrAfter,
} from './workdays';

// SECREQ-47 / calendar.md §5: the worked examples are the fixtures.
let database: Database;
beforeAll(async () => {
  database = await createTestDatabase();
  const ctx = systemCtx(database.db, new TestClock());
  await ensureBuiltinRoles(database.db);
  await calendarModule.seedBase!(ctx);
});
afterAll(async () => database?.close());

const db = () => database.db;

describe('seeding from chinese-days (calendar.md §3.2)', () => {
  it('publishes 2004–2026 with their origin, and is idempotent', async () => {
    await calendarModule.seedBase!(systemCtx(db(), new TestClock()));
    const years = await rows<{ year: number; status: string; origin: string }>(db(), sql`select year, status, origin from calendar_year order by year`);
    expect(years.map((y) => Number(y.year))).toEqual(Array.from({ length: 23 }, (_, i) => 2004 + i));
    expect(years.every((y) => y.status === 'published' && y.origin.startsWith('chinese-days@1.5.7'))).toBe(true);
    const [n] = await rows<{ n: number }>(db(), sql`select count(*)::int as n from work_calendar`);
    expect(n.n).toBe(769);
  });

  it('files late-December 元旦 rows under the next notice (fact 8)', async () => {
    const found = await rows<{ date: string; notice_year: number; kind: string }>(
      db(),
      sql`select date::text as date, notice_year, kind from work_calendar where date in ('2018-12-29','2018-12-30','2022-12-31','2011-12-31') order by date`,
    );
    expect(found.map((r) => [r.date, Number(r.notice_year), r.kind])).toEqual([
      ['2011-12-31', 2012, 'adjusted_workday'],
      ['2018-12-29', 2019, 'adjusted_workday'],
      ['2018-12-30', 2019, 'holiday'],
      ['2022-12-31', 2023, 'holiday'],
    ]);
  });

  it('grants calendar.edit and calendar.publish to 系统管理员', async () => {
    const found = await rows<{ permission: string }>(
      db(),
      sql`select rp.permission from role_permissions rp join roles r on r.id = rp.role_id where r.code = 'sysadmin' and rp.permission like 'calendar.%' order by 1`,
    );
    expect(found.map((r) => r.permission)).toEqual(['calendar.edit', 'calendar.publish']);
  });
});

describe('single dates of 2026 (calendar.md §5.1)', () => {
  const cases: [string, boolean, string, string][] = [
    ['2026-01-04', true, 'adjusted_workday', '元旦'],
    ['2026-02-14', true, 'adjusted_workday', '春节'],
    ['2026-02-28', true, 'adjusted_workday', '春节'],
    ['2026-02-20', false, 'holiday', '春节'],
    ['2026-05-05', false, 'holiday', '劳动节'],
    ['2026-05-09', true, 'adjusted_workday', '劳动节'],
    ['2026-09-20', true, 'adjusted_workday', '国庆节'],
    ['2026-10-10', true, 'adjusted_workday', '国庆节'],
    ...['01', '02', '03', '04', '05', '06', '07'].map((d): [string, boolean, string, string] => [`2026-10-${d}`, false, 'holiday', '国庆节']),
  ];
  it.each(cases)('%s → working day %s (%s, %s)', async (date, working, kind, festival) => {
    const info = await isWorkingDay(db(), date);
    expect(info).toMatchObject({ date, workingDay: working, kind, festival });
    expect(info.reason).toContain(festival);
  });

  it('gives weekday and weekend reasons without a row', async () => {
    expect(await isWorkingDay(db(), '2026-10-12')).toEqual({ date: '2026-10-12', workingDay: true, kind: 'workday', reason: '星期一，工作日' });
    expect(await isWorkingDay(db(), '2026-10-11')).toMatchObject({ workingDay: false, kind: 'weekend', reason: '星期日，周末休息日，非工作日' });
    expect((await isWorkingDay(db(), '2026-10-10')).reason).toBe('星期六，国庆节调休上班，为工作日');
  });
});

describe('working-day maths (calendar.md §5.2, §3.6)', () => {
  it('2026-09-30 + 5 working days is 2026-10-13', async () => {
    expect(await addWorkingDays(db(), '2026-09-30', 5)).toBe('2026-10-13');
  });

  it('干部公示 of 5 working days from a notice on 2026-09-30 runs 10-08 to 10-13 (PUB-02)', async () => {
    expect(await publicityPeriod(db(), '2026-09-30', 5)).toEqual({ start: '2026-10-08', end: '2026-10-13' });
  });

  // C-personnel.md PUB-02 / PUB-05 examples on the 2024 calendar.
  it.each([
    ['2024-06-03', 5, '2024-06-04', '2024-06-11'],
    ['2024-09-12', 5, '2024-09-13', '2024-09-20'],
    ['2024-09-27', 5, '2024-09-29', '2024-10-10'],
    ['2024-12-27', 5, '2024-12-30', '2025-01-06'],
    ['2024-06-03', 7, '2024-06-04', '2024-06-13'],
  ])('PUB-02: notice %s, %i working days → %s to %s', async (notice, n, start, end) => {
    expect(await publicityPeriod(db(), notice, n)).toEqual({ start, end });
  });

  it('n = 0 returns the date itself; negative n walks backwards', async () => {
    expect(await addWorkingDays(db(), '2026-10-03', 0)).toBe('2026-10-03');
    expect(await addWorkingDays(db(), '2026-10-08', -1)).toBe('2026-09-30');
    expect(await addWorkingDays(db(), '2026-10-13', -5)).toBe('2026-09-30');
  });

  it('counts working days with both ends included', async () => {
    expect(await countWorkingDays(db(), '2026-10-01', '2026-10-07')).toBe(0);
    expect(await countWorkingDays(db(), '2026-10-08', '2026-10-13')).toBe(5);
    expect(await countWorkingDays(db(), '2026-10-12', '2026-10-12')).toBe(1);
    await expect(countWorkingDays(db(), '2026-10-13', '2026-10-12')).rejects.toMatchObject({ status: 400 });
  });

  it('first working day on or after a date', async () => {
    expect(await workingDayOnOrAfter(db(), '2026-10-03')).toBe('2026-10-08');
    expect(await workingDayOnOrAfter(db(), '2026-10-10')).toBe('2026-10-10');
  });

  it('count(d + 1, d + n working days) = n, and the end is a working day, across 2005–2025', async () => {
    const start = Date.UTC(2005, 0, 1);
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 0, max: 365 * 20 }), fc.integer({ min: 1, max: 60 }), async (offset, n) => {
        const d = new Date(start + offset * 86_400_000).toISOString().slice(0, 10);
        const end = await addWorkingDays(db(), d, n);
        expect((await isWorkingDay(db(), end)).workingDay).toBe(true);
        expect(await countWorkingDays(db(), addDays(d, 1), end)).toBe(n);
        // Walking back lands on d when d is a working day, else on the last working day before it.
        const back = (await isWorkingDay(db(), d)).workingDay ? d : await addWorkingDays(db(), d, -1);
        expect(await addWorkingDays(db(), end, -n)).toBe(back);
      }),
      { numRuns: 60 },
    );
  });

  it('rejects a malformed date with a Chinese 400', async () => {
    await expect(isWorkingDay(db(), '2026-02-30')).rejects.toMatchObject({ status: 400, message: expect.stringContaining('不是有效日期') });
  });
});

describe('fail closed for unpublished years (calendar.md §3.3, §5.3)', () => {
  it('2027-01-01 throws CALENDAR_YEAR_NOT_PUBLISHED, never a weekend guess', async () => {
    const err = await isWorkingDay(db(), '2027-01-01').catch((e) => e);
    expect(err).toBeInstanceOf(CalendarYearNotPublished);
    expect(err).toMatchObject({ code: 'CALENDAR_YEAR_NOT_PUBLISHED', status: 422, year: 2027 });
    expect(err.message).toContain('2027年');
  });

  it('a walk that reaches 2027 throws, while 2026-12-31 itself answers', async () => {
    expect((await isWorkingDay(db(), '2026-12-31')).workingDay).toBe(true);
    await expect(addWorkingDays(db(), '2026-12-31', 1)).rejects.toBeInstanceOf(CalendarYearNotPublished);
    await expect(addWorkingDays(db(), '2026-12-25', 10)).rejects.toMatchObject({ year: 2027 });
    await expect(countWorkingDays(db(), '2026-12-01', '2027-01-05')).rejects.toBeInstanceOf(CalendarYearNotPublished);
    await expect(publicityPeriod(db(), '2026-12-28', 5)).rejects.toBeInstanceOf(CalendarYearNotPublished);
  });

  it('walking backwards into 2003 throws too', async () => {
    await expect(addWorkingDays(db(), '2004-01-05', -5)).rejects.toMatchObject({ code: 'CALENDAR_YEAR_NOT_PUBLISHED', year: 2003 });
  });
});

describe('the cached calendar follows the database (several servers, one database)', () => {
  it('sees a change written by another process, and forgets it when that change is gone', async () => {
    expect((await isWorkingDay(db(), '2026-10-10')).workingDay).toBe(true);
    // What another server's commit looks like from here: new status and revision, no local hook.
    await db().execute(sql`update calendar_year set status = 'draft', revision = 'other-server-1' where year = 2026`);
    await expect(isWorkingDay(db(), '2026-10-10')).rejects.toBeInstanceOf(CalendarYearNotPublished);
    await db().execute(sql`update calendar_year set status = 'published', revision = 'other-server-2' where year = 2026`);
    expect((await isWorkingDay(db(), '2026-10-10')).workingDay).toBe(true);
  });

  it('a copy read inside a rolled-back transaction is never reused', async () => {
    await inTransaction(db(), async (tx) => {
      await tx.execute(sql`update calendar_year set status = 'draft', revision = 'rolled-back' where year = 2025`);
      await expect(isWorkingDay(tx, '2025-10-10')).rejects.toBeInstanceOf(CalendarYearNotPublished);
      throw new Error('rollback');
    }).catch(() => undefined);
    expect((await isWorkingDay(db(), '2025-10-10')).workingDay).toBe(true);
  });

  it.runIf(Boolean(process.env.DATABASE_URL))('a second connection pool sees the first one’s publication', async () => {
    const { openDatabase } = await import('../db');
    const other = await openDatabase({ databaseUrl: String(database.pool!.options.connectionString), poolSize: 2 });
    try {
      await other.db.execute(sql`update calendar_year set status = 'review', revision = 'pool-2-a' where year = 2024`);
      await expect(isWorkingDay(db(), '2024-06-10')).rejects.toBeInstanceOf(CalendarYearNotPublished);
      await other.db.execute(sql`update calendar_year set status = 'published', revision = 'pool-2-b' where year = 2024`);
      expect(await isWorkingDay(db(), '2024-06-10')).toMatchObject({ workingDay: false, festival: '端午' });
    } finally {
      await other.close();
    }
  });
});

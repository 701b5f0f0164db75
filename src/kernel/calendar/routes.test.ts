import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../../../test/support/app';
import { rows } from '../db';
import { systemCtx } from '../context';
import { ensureBuiltinRoles } from '../access/grants';
import { calendarModule } from './module';
import { createAccountWithRole } from './test-fixtures';

// The public calendar API: exact shapes (SECREQ-47, calendar.md §5).
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ seed: false });
  await ensureBuiltinRoles(t.database.db);
  await calendarModule.seedBase!(systemCtx(t.database.db, t.clock));
  await createAccountWithRole(t.database.db, 'cal_staff', 'staff');
});
afterAll(async () => t?.close());

const get = (url: string) => t.app.inject({ method: 'GET', url: `/api/v1${url}` });

describe('GET /calendar/days/{date}', () => {
  it('2026-10-10 (Saturday) is a 调休 working day', async () => {
    const res = await get('/calendar/days/2026-10-10');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ date: '2026-10-10', workingDay: true, kind: 'adjusted_workday', festival: '国庆节', reason: '星期六，国庆节调休上班，为工作日' });
  });

  it('2026-10-07 is a holiday', async () => {
    expect((await get('/calendar/days/2026-10-07')).json()).toEqual({
      date: '2026-10-07',
      workingDay: false,
      kind: 'holiday',
      festival: '国庆节',
      reason: '星期三，国庆节放假，非工作日',
    });
  });

  it('an ordinary weekday has no festival', async () => {
    expect((await get('/calendar/days/2026-10-12')).json()).toEqual({ date: '2026-10-12', workingDay: true, kind: 'workday', reason: '星期一，工作日' });
  });

  it.each(['2026-02-30', '2026-1-5', 'tomorrow'])('rejects the bad date %s with a Chinese 400', async (bad) => {
    const res = await get(`/calendar/days/${bad}`);
    expect(res.statusCode).toBe(400);
    expect(res.json().error.message).toMatch(/日期应为有效的 YYYY-MM-DD 格式/);
  });

  it('an unpublished year answers 422 CALENDAR_YEAR_NOT_PUBLISHED', async () => {
    const res = await get('/calendar/days/2027-01-01');
    expect(res.statusCode).toBe(422);
    expect(res.json()).toEqual({ error: { code: 'CALENDAR_YEAR_NOT_PUBLISHED', message: expect.stringContaining('2027年') } });
    expect(Object.keys(res.json().error)).toEqual(['code', 'message']);
  });
});

describe('GET /calendar/working-days/add and /count', () => {
  it('2026-09-30 + 5 working days is exactly { date: 2026-10-13 }', async () => {
    const res = await get('/calendar/working-days/add?date=2026-09-30&days=5');
    expect(res.statusCode).toBe(200);
    expect(res.body).toBe('{"date":"2026-10-13"}');
  });

  it('walks backwards for negative days', async () => {
    expect((await get('/calendar/working-days/add?date=2026-10-08&days=-1')).json()).toEqual({ date: '2026-09-30' });
  });

  it('a walk into 2027 answers 422', async () => {
    const res = await get('/calendar/working-days/add?date=2026-12-31&days=1');
    expect(res.statusCode).toBe(422);
    expect(res.json().error.code).toBe('CALENDAR_YEAR_NOT_PUBLISHED');
  });

  it.each(['date=2026-09-31&days=5', 'date=2026-09-30&days=1.5', 'date=2026-09-30', 'days=5'])('rejects %s with 400', async (q) => {
    const res = await get(`/calendar/working-days/add?${q}`);
    expect(res.statusCode).toBe(400);
    expect(res.json().error.message).toMatch(/[\u4e00-\u9fa5]/);
  });

  it('counts working days with both ends included', async () => {
    const res = await get('/calendar/working-days/count?from=2026-10-01&to=2026-10-13');
    expect(res.json()).toEqual({ from: '2026-10-01', to: '2026-10-13', workingDays: 5 });
  });

  it('a reversed range is a 400', async () => {
    expect((await get('/calendar/working-days/count?from=2026-10-13&to=2026-10-01')).statusCode).toBe(400);
  });
});

describe('years and upcoming holidays', () => {
  it('lists 2004–2026 as published, with a November warning about 2027', async () => {
    const body = (await get('/calendar/years')).json();
    expect(body.years).toHaveLength(23);
    expect(body.years[22]).toMatchObject({ year: 2026, status: 'published', statusLabel: '已发布', holidayDays: 33, adjustedWorkdays: 6 });
    expect(body.warning).toContain('2027年放假安排尚未发布'); // the test clock is 2026-11-02
  });

  it('shows a year with its breaks and make-up days', async () => {
    const body = (await get('/calendar/years/2026')).json();
    expect(body).toMatchObject({ year: 2026, status: 'published', rowsVisible: true, issues: [] });
    expect(body.periods).toContainEqual({
      festival: '国庆节',
      start: '2026-10-01',
      end: '2026-10-07',
      days: 7,
      noticeYear: 2026,
      adjustedWorkdays: ['2026-09-20', '2026-10-10'],
    });
    expect(body.days).toContainEqual({ date: '2026-10-10', kind: 'adjusted_workday', festival: '国庆节', noticeYear: 2026 });
  });

  it('an unknown year is 404, a malformed one 400', async () => {
    expect((await get('/calendar/years/2030')).statusCode).toBe(404);
    expect((await get('/calendar/years/abc')).statusCode).toBe(400);
  });

  it('upcoming holidays from a date, up to the published horizon', async () => {
    const body = (await get('/calendar/holidays/upcoming?from=2026-01-01&limit=3')).json();
    expect(body.publishedThrough).toBe('2026-12-31');
    expect(body.holidays.map((h: { festival: string; start: string }) => [h.festival, h.start])).toEqual([
      ['元旦', '2026-01-01'],
      ['春节', '2026-02-15'],
      ['清明', '2026-04-04'],
    ]);
    const late = (await get('/calendar/holidays/upcoming?from=2026-09-28&limit=5')).json();
    expect(late.holidays.map((h: { festival: string }) => h.festival)).toEqual(['国庆节']);
  });

  it('defaults to today in the office zone', async () => {
    const body = (await get('/calendar/holidays/upcoming')).json();
    expect(body).toMatchObject({ from: '2026-11-02', holidays: [] });
  });
});

describe('who may change the calendar', () => {
  it('anonymous is 401, an ordinary account 403', async () => {
    const body = { year: 2027, sourceDoc: '国办发明电〔2026〕1号' };
    expect((await t.app.inject({ method: 'POST', url: '/api/v1/calendar/years', payload: body })).statusCode).toBe(401);
    const cookie = await t.cookieFor('cal_staff');
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/calendar/years', payload: body, headers: { cookie } });
    expect(res.statusCode).toBe(403);
    const [n] = await rows<{ n: number }>(t.database.db, sql`select count(*)::int as n from calendar_year where year = 2027`);
    expect(n.n).toBe(0);
  });
});

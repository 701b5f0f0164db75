import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../../../test/support/app';
import { rows } from '../db';
import { systemCtx } from '../context';
import { ensureBuiltinRoles } from '../access/grants';
import { calendarModule } from './module';
import { createAccountWithRole, FICTIONAL_2027 } from './test-fixtures';

// 录入新年度放假安排 through the API (calendar.md §3.4, §5.3 #14; SECREQ-47): two 系统管理员,
// one enters 2027, the other publishes it. The 2027 dates are fictional test data.
let t: TestApp;
let editor: string;
let reviewer: string;
beforeAll(async () => {
  t = await createTestApp({ seed: false });
  await ensureBuiltinRoles(t.database.db);
  await calendarModule.seedBase!(systemCtx(t.database.db, t.clock));
  await createAccountWithRole(t.database.db, 'cal_editor', 'sysadmin');
  await createAccountWithRole(t.database.db, 'cal_reviewer', 'sysadmin');
  editor = await t.cookieFor('cal_editor');
  reviewer = await t.cookieFor('cal_reviewer');
});
afterAll(async () => t?.close());

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
const call = (cookie: string | null, method: Method, url: string, payload?: object) =>
  t.app.inject({ method, url: `/api/v1${url}`, payload, headers: cookie ? { cookie } : {} });

async function state(year: number) {
  const [y] = await rows<{ revision: string; status: string }>(t.database.db, sql`select revision, status from calendar_year where year = ${year}`);
  const [n] = await rows<{ n: number }>(t.database.db, sql`select count(*)::int as n from work_calendar where notice_year = ${year}`);
  return { ...y, rows: n.n };
}

/** A rejected request leaves the year exactly as it was. */
async function expectRejected(res: Awaited<ReturnType<typeof call>>, before: Awaited<ReturnType<typeof state>>, status: number) {
  expect(res.statusCode, res.body).toBe(status);
  expect(res.json().error.message).toMatch(/[\u4e00-\u9fa5]/);
  expect(await state(2027)).toEqual(before);
}

describe('entering 2027', () => {
  it('2027 is not answered before it is published', async () => {
    expect((await call(null, 'GET', '/calendar/days/2027-01-01')).statusCode).toBe(422);
  });

  it('creates a draft with its source document', async () => {
    const res = await call(editor, 'POST', '/calendar/years', { year: 2027, sourceDoc: '国办发明电〔2026〕测试号' });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ year: 2027, status: 'draft', statusLabel: '草稿', createdBy: 'cal_editor', days: [] });
    const again = await call(editor, 'POST', '/calendar/years', { year: 2027, sourceDoc: 'x' });
    expect(again.statusCode).toBe(409);
  });

  it('refuses to submit an empty year', async () => {
    const before = await state(2027);
    const res = await call(editor, 'POST', '/calendar/years/2027/submit', {});
    await expectRejected(res, before, 422);
    expect(res.json().error.code).toBe('CALENDAR_YEAR_EMPTY');
  });

  it('a make-up day on a weekday is refused and nothing of the festival is stored (CAL-02)', async () => {
    const before = await state(2027);
    const res = await call(editor, 'POST', '/calendar/years/2027/festivals', { festival: '春节', start: '2027-02-05', end: '2027-02-11', adjustedWorkdays: ['2027-02-17'] });
    await expectRejected(res, before, 422);
    expect(res.json().error).toMatchObject({ code: 'RULE_BLOCKED', rule: { id: 'CAL-02' }, message: expect.stringContaining('2027-02-17 是星期三') });
  });

  it('a date outside December 2026 … 2027, or a non-元旦 day in December, is refused (CAL-03)', async () => {
    const before = await state(2027);
    for (const body of [
      { date: '2026-11-30', kind: 'holiday', festival: '元旦' },
      { date: '2026-12-30', kind: 'holiday', festival: '春节' },
      { date: '2028-01-01', kind: 'holiday', festival: '元旦' },
    ]) {
      const res = await call(editor, 'POST', '/calendar/years/2027/days', body);
      await expectRejected(res, before, 422);
      expect(res.json().error.rule.id).toBe('CAL-03');
    }
  });

  it('malformed input is a 400 that changes nothing', async () => {
    const before = await state(2027);
    await expectRejected(await call(editor, 'POST', '/calendar/years/2027/days', { date: '2027-02-30', kind: 'holiday', festival: '春节' }), before, 400);
    await expectRejected(await call(editor, 'POST', '/calendar/years/2027/days', { date: '2027-02-06', kind: 'day_off', festival: '春节' }), before, 400);
    await expectRejected(await call(editor, 'POST', '/calendar/years/2027/festivals', { festival: '春节', start: '2027-02-11', end: '2027-02-05' }), before, 400);
  });

  it('enters every festival of the notice', async () => {
    for (const f of FICTIONAL_2027) {
      const res = await call(editor, 'POST', '/calendar/years/2027/festivals', f);
      expect(res.statusCode, res.body).toBe(200);
    }
    const body = (await call(editor, 'GET', '/calendar/years/2027')).json();
    expect(body.issues).toEqual([]);
    expect(body.summary.previousYearRows.map((r: { date: string }) => r.date)).toEqual(['2026-12-27', '2026-12-31']);
    expect(body.summary.festivals).toContainEqual({ festival: '春节', daysOff: 7, weekdaysOff: 5, adjustedWorkdays: 1, netDaysOff: 4 });
  });

  it('a duplicate or overlapping date is refused (check 1)', async () => {
    const before = await state(2027);
    const dup = await call(editor, 'POST', '/calendar/years/2027/days', { date: '2027-10-01', kind: 'holiday', festival: '国庆节' });
    await expectRejected(dup, before, 409);
    expect(dup.json().error.message).toContain('2027-10-01');
    const overlap = await call(editor, 'POST', '/calendar/years/2027/festivals', { festival: '中秋', start: '2027-09-15', end: '2027-09-16', adjustedWorkdays: [] });
    await expectRejected(overlap, before, 409);
  });

  it('a wrong statutory count blocks submission (CAL-04); fixing it lets it through', async () => {
    expect((await call(editor, 'DELETE', '/calendar/years/2027/days/2027-02-11')).statusCode).toBe(200);
    const before = await state(2027);
    const res = await call(editor, 'POST', '/calendar/years/2027/submit', {});
    await expectRejected(res, before, 422);
    expect(res.json().error).toMatchObject({ rule: { id: 'CAL-04' }, message: expect.stringContaining('春节：放假期间的工作日减去调休上班日为3天，法定应为4天') });
    expect((await call(editor, 'POST', '/calendar/years/2027/days', { date: '2027-02-11', kind: 'holiday', festival: '春节节' })).statusCode).toBe(200);
    expect((await call(editor, 'PUT', '/calendar/years/2027/days/2027-02-11', { kind: 'holiday', festival: '春节' })).statusCode).toBe(200);
  });

  it('drafts are hidden from the public', async () => {
    const body = (await call(null, 'GET', '/calendar/years/2027')).json();
    expect(body).toMatchObject({ status: 'draft', rowsVisible: false, days: [] });
  });
});

describe('review and publication', () => {
  it('submits for review; a year under review cannot be edited', async () => {
    const res = await call(editor, 'POST', '/calendar/years/2027/submit', {});
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ status: 'review', submittedBy: 'cal_editor' });
    const edit = await call(editor, 'POST', '/calendar/years/2027/days', { date: '2027-12-31', kind: 'holiday', festival: '元旦' });
    expect(edit.statusCode).toBe(409);
  });

  it('the person who entered the year cannot publish it (CAL-05)', async () => {
    const before = await state(2027);
    const res = await call(editor, 'POST', '/calendar/years/2027/publish', {});
    await expectRejected(res, before, 422);
    expect(res.json().error.rule.id).toBe('CAL-05');
    expect((await call(null, 'GET', '/calendar/days/2027-01-01')).statusCode).toBe(422);
  });

  it('a second administrator publishes it, with an audit record', async () => {
    const res = await call(reviewer, 'POST', '/calendar/years/2027/publish', {});
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ status: 'published', approvedBy: 'cal_reviewer', rowsVisible: true });
    const audits = await rows<{ actor_username: string; object_id: string }>(
      t.database.db,
      sql`select actor_username, object_id from audit_log where event = 'calendar.year.publish'`,
    );
    expect(audits).toEqual([{ actor_username: 'cal_reviewer', object_id: '2027' }]);
    const events = await rows<{ event: string }>(t.database.db, sql`select distinct event from audit_log where event like 'calendar.%' order by 1`);
    expect(events.map((e) => e.event)).toEqual(
      expect.arrayContaining(['calendar.day.add', 'calendar.day.remove', 'calendar.day.update', 'calendar.festival.add', 'calendar.year.create', 'calendar.year.submit']),
    );
  });

  it('2027 now answers from the table, and the December 2026 rows take effect', async () => {
    expect((await call(null, 'GET', '/calendar/days/2027-01-01')).json()).toMatchObject({ workingDay: false, kind: 'holiday', festival: '元旦' });
    expect((await call(null, 'GET', '/calendar/days/2026-12-31')).json()).toMatchObject({ workingDay: false, kind: 'holiday', festival: '元旦' });
    expect((await call(null, 'GET', '/calendar/days/2026-12-27')).json()).toMatchObject({ workingDay: true, kind: 'adjusted_workday' });
    expect((await call(null, 'GET', '/calendar/working-days/add?date=2026-12-30&days=1')).json()).toEqual({ date: '2027-01-04' });
    const y2026 = (await call(null, 'GET', '/calendar/years/2026')).json();
    expect(y2026.days).toContainEqual({ date: '2026-12-31', kind: 'holiday', festival: '元旦', noticeYear: 2027 });
  });

  it('a published year can no longer be changed', async () => {
    const res = await call(editor, 'DELETE', '/calendar/years/2027/days/2027-10-01');
    expect(res.statusCode).toBe(409);
    expect(res.json().error.message).toContain('已发布');
  });

  it('a reviewer can send a year back to draft with a reason', async () => {
    expect((await call(editor, 'POST', '/calendar/years', { year: 2028, sourceDoc: '测试' })).statusCode).toBe(201);
    await t.database.db.execute(sql`update calendar_year set status = 'review' where year = 2028`);
    const res = await call(reviewer, 'POST', '/calendar/years/2028/return', { note: '春节日期与通知不符' });
    expect(res.json()).toMatchObject({ status: 'draft', returnNote: '春节日期与通知不符' });
    expect((await call(editor, 'DELETE', '/calendar/years/2028')).json()).toEqual({ deleted: 2028 });
  });
});

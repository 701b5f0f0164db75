import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { rows } from '../../kernel/db';
import { createTestApp, type TestApp } from '../../../test/support/app';
import { ctxFor } from '../../../test/support/ctx';
import { isoWeek, quarterDue, quarterState, visitMonthsDue, weekOverdue, weekRange } from './duty-rules';
import { hospitalWeeks, overdueVisits, recordVisit, remindDuties } from './duties';
import { submitNilWeek, completeQuarter } from './comparison';
import { fieldCipher } from './crypto';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());
const one = async <T>(q: ReturnType<typeof sql>) => (await rows<T>(t.database.db, q))[0];
const notices = async (objectId: string, kind: string) => (await one<{ n: number }>(sql`select count(*)::int as n from notifications where object_id = ${objectId} and kind = ${kind}`)).n;

describe('duty dates (pure)', () => {
  it('AS-B26 MON-11: Q2 2020 is due 04-10 inclusive, overdue from 04-11; Q4 2020 is due 10-10 (a Saturday, no rolling)', () => {
    expect(quarterDue('2020-Q2')).toBe('2020-04-10');
    expect(quarterState('2020-Q2', '2020-04-12', '2020-04-09')).toBe('done');
    expect(quarterState('2020-Q2', '2020-04-12', '2020-04-10')).toBe('done');
    expect(quarterState('2020-Q2', '2020-04-12', '2020-04-11')).toBe('late');
    expect(quarterState('2020-Q2', '2020-04-10', null)).toBe('open');
    expect(quarterState('2020-Q2', '2020-04-11', null)).toBe('overdue');
    expect(quarterState('2020-Q2', '2020-03-31', null)).toBe('not_yet');
    expect([quarterDue('2020-Q3'), quarterDue('2020-Q4')]).toEqual(['2020-07-10', '2020-10-10']);
  });
  it('AS-B27 MON-12: included 2020-07-15, on 2020-10-01 August and September are due (the inclusion month is not)', () => {
    expect(visitMonthsDue('2020-07-15', '2020-10-01')).toEqual(['2020-08', '2020-09']);
    expect(visitMonthsDue('2020-07-15', '2020-10-01', '2020-09-20')).toEqual(['2020-08']);
  });
  it('AS-B28 MON-13: ISO week 2020-W31 is 07-27…08-02 and overdue from 08-03 without a list', () => {
    expect(weekRange('2020-W31')).toEqual({ monday: '2020-07-27', sunday: '2020-08-02' });
    expect(isoWeek('2020-08-02')).toBe('2020-W31');
    expect(isoWeek('2021-01-03')).toBe('2020-W53');
    expect(weekOverdue('2020-W31', '2020-08-02', false)).toBe(false);
    expect(weekOverdue('2020-W31', '2020-08-03', false)).toBe(true);
    expect(weekOverdue('2020-W31', '2020-08-03', true)).toBe(false);
  });
});

describe('MON-12 monthly visits', () => {
  it('AS-B27 MON-12: visits on 07-20 and 08-05, none in September → overdue for September on 2020-10-01, per village', async () => {
    const m = await one<{ id: string; household_id: string; code: string }>(sql`select m.id, m.household_id, h.code from poverty_monitoring m join poverty_households h on h.id = m.household_id where h.code = '220802200201004'`);
    await t.database.db.execute(sql`update poverty_monitoring set included_on = '2020-07-15' where id = ${m.id}`);
    await t.database.db.execute(sql`delete from poverty_visits where monitoring_id = ${m.id}`);
    t.clock.set('2020-10-01T10:00:00+08:00');
    const ctx = await ctxFor(t, 'huangjing');
    const visit = { householdId: m.household_id, visitorName: '刘春', visitorRole: '包村干部', incomeObservation: '务工收入稳定', guaranteesObservation: '有保障' };
    await expect(recordVisit(ctx, { ...visit, visitedOn: '2020-10-02' })).rejects.toMatchObject({ status: 400 });
    await expect(recordVisit(ctx, { ...visit, visitedOn: '2020-07-01' })).rejects.toMatchObject({ status: 400 });
    await recordVisit(ctx, { ...visit, visitedOn: '2020-07-20' });
    await recordVisit(ctx, { ...visit, visitedOn: '2020-08-05' });
    const list = await overdueVisits(ctx, '2020-10-01');
    expect(list.find((o) => o.householdCode === m.code)).toMatchObject({ months: ['2020-09'], lastVisit: '2020-08-05', villageName: '林海村' });
    const general = await one<{ id: string }>(sql`select id from poverty_households where code = '220802200201010'`);
    await expect(recordVisit(ctx, { ...visit, householdId: general.id, visitedOn: '2020-09-01' })).rejects.toMatchObject({ status: 409 });
    const cookie = await t.cookieFor('huangjing');
    const pdf = await t.app.inject({ url: `/api/v1/poverty/visits/${(await one<{ id: string }>(sql`select id from poverty_visits where monitoring_id = ${m.id} limit 1`)).id}/form.pdf`, headers: { cookie } });
    expect(pdf.statusCode).toBe(200);
    expect(pdf.rawPayload.subarray(0, 4).toString()).toBe('%PDF');
    const xlsx = await t.app.inject({ url: '/api/v1/poverty/visits/overdue.xlsx', headers: { cookie } });
    expect(xlsx.statusCode).toBe(200);
  });
});

describe('reminders (Module.jobs), sent once on several servers', () => {
  it('MON-11: reminded from 01-01, once even when two servers run the job together; overdue from 01-11; completion needs a comparison job', async () => {
    t.clock.set('2027-01-02T09:00:00+08:00');
    const [a, b] = await Promise.all([remindDuties(t.database, t.clock), remindDuties(t.database, t.clock)]);
    expect(a + b).toBeGreaterThan(0);
    const hub = await one<{ person_id: string }>(sql`select person_id from accounts where username = 'huangjing'`);
    expect((await one<{ n: number }>(sql`select count(*)::int as n from notifications where object_id = '220802:2027-Q1' and kind = 'remind' and recipient_person_id = ${hub.person_id}`)).n).toBe(1);
    await remindDuties(t.database, t.clock);
    expect((await one<{ n: number }>(sql`select count(*)::int as n from notifications where object_id = '220802:2027-Q1' and kind = 'remind' and recipient_person_id = ${hub.person_id}`)).n).toBe(1);
    const ctx = await ctxFor(t, 'huangjing');
    await expect(completeQuarter(ctx, { countyCode: '220802', quarter: '2027-Q1' })).rejects.toMatchObject({ rule: { id: 'MON-11' } });
    t.clock.set('2027-01-11T09:00:00+08:00');
    await remindDuties(t.database, t.clock);
    expect(await notices('220802:2027-Q1', 'overdue')).toBeGreaterThan(0);
  });

  it('MON-13: a missed week is reminded as overdue on the Monday after; a nil return counts as the list (AS-B28)', async () => {
    t.clock.set('2020-07-30T09:00:00+08:00');
    const ctx = await ctxFor(t, 'huangjing');
    await submitNilWeek(ctx, { countyCode: '220802', week: '2020-W30' });
    await expect(submitNilWeek(ctx, { countyCode: '220802', week: '2020-W30' })).rejects.toMatchObject({ status: 409 });
    t.clock.set('2020-08-03T09:00:00+08:00');
    const weeks = await hospitalWeeks(ctx, 2);
    expect(weeks.filter((w) => w.countyCode === '220802').map((w) => [w.week, w.submitted, w.overdue])).toEqual([
      ['2020-W30', true, false], ['2020-W31', false, true], ['2020-W32', false, false],
    ]);
    await remindDuties(t.database, t.clock);
    expect(await notices('220802:2020-W31', 'overdue')).toBeGreaterThan(0);
  });
});

describe('region data scope and search (SECREQ-16, P6)', () => {
  it('SECREQ-16: 董雪, linked to 青山镇, sees only its households; another township\'s household is not found', async () => {
    const dx = await t.cookieFor('dongxue');
    const list = (await t.app.inject({ url: '/api/v1/poverty/households?pageSize=200', headers: { cookie: dx } })).json();
    expect(list.total).toBe(20);
    expect(list.items.every((h: { code: string }) => h.code.startsWith('220802100'))).toBe(true);
    const other = await one<{ id: string }>(sql`select id from poverty_households where code = '220802200201001'`);
    expect((await t.app.inject({ url: `/api/v1/poverty/households/${other.id}`, headers: { cookie: dx } })).statusCode).toBe(404);
    const hub = await t.cookieFor('huangjing');
    expect((await t.app.inject({ url: '/api/v1/poverty/households?pageSize=200', headers: { cookie: hub } })).json().total).toBeGreaterThanOrEqual(40);
    // Only unrestricted office staff assign regions.
    const acc = await one<{ id: string }>(sql`select id from accounts where username = 'dongxue'`);
    expect((await t.app.inject({ method: 'PUT', url: `/api/v1/poverty/staff-regions/${acc.id}`, headers: { cookie: dx }, payload: { regions: [] } })).statusCode).toBe(403);
  });

  it('P6: household search by name bigrams, village, ID last four and six (no decryption) and full ID', async () => {
    const hub = await t.cookieFor('huangjing');
    const search = async (q: string) => (await t.app.inject({ url: `/api/v1/poverty/households?pageSize=200&q=${encodeURIComponent(q)}`, headers: { cookie: hub } })).json().items.map((h: { code: string }) => h.code) as string[];
    const h = await one<{ code: string; householder_name: string }>(sql`select code, householder_name from poverty_households where code = '220802200202005'`);
    expect(await search(h.householder_name)).toContain(h.code);
    expect(await search(h.householder_name.slice(1))).toContain(h.code);
    const village = await search('西屯');
    expect(village.length).toBeGreaterThanOrEqual(10);
    expect(village.every((c) => c.startsWith('220802200202'))).toBe(true);
    const p = await one<{ id_enc: string; code: string }>(sql`select p.id_enc, h.code from poverty_persons p join poverty_households h on h.id = p.household_id where h.code = '220802100202006' and p.relation = '配偶'`);
    const id = fieldCipher().decrypt(p.id_enc);
    expect(await search(id.slice(-6))).toEqual([p.code]);
    expect(await search(id.slice(-4))).toContain(p.code);
    expect(await search(id)).toEqual([p.code]);
    expect(await search('220802100202')).toHaveLength(10);
    // Bigrams of two different names never combine into a match of a longer term.
    expect(await search('不存在的名字')).toEqual([]);
  });
});

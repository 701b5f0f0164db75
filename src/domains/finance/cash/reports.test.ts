import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/support/app';
import { ctxFor } from '../../../../test/support/ctx';
import { rows } from '../../../kernel/db';
import { rejected } from '../test-helpers';
import { dueDates, dueState, nthDue } from './calendar';
import { createReportEntry, deactivateReportEntry, markReportSent, overdueReports, remindReports, reportOccurrences } from './reports';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t?.close());

const at = (iso: string) => t.clock.set(`${iso}T09:00:00+08:00`);
const notices = async (objectId: string) =>
  rows<{ recipient_person_id: string; kind: string }>(t.database.db, sql`select recipient_person_id, kind from notifications where object_type = 'finance_report' and object_id = ${objectId} order by recipient_person_id`);

describe('FIN-18 report calendar', () => {
  it('FIN-18: recurring due dates stay in their month (31st → last day) and occurrences move from upcoming to approaching to overdue', () => {
    expect([0, 1, 2, 3].map((n) => nthDue('2026-01-31', 'monthly', n))).toEqual(['2026-01-31', '2026-02-28', '2026-03-31', '2026-04-30']);
    expect(nthDue('2026-11-15', 'quarterly', 1)).toBe('2027-02-15');
    expect(nthDue('2024-02-29', 'yearly', 1)).toBe('2025-02-28');
    expect(dueDates('2026-09-10', 'monthly', '2026-11-02')).toEqual(['2026-09-10', '2026-10-10', '2026-11-10']);
    expect(dueDates('2026-09-10', 'once', '2026-11-02')).toEqual(['2026-09-10']);
    expect(dueState('2026-11-10', '2026-11-04', '2026-11-05', false)).toBe('upcoming');
    expect(dueState('2026-11-10', '2026-11-05', '2026-11-05', false)).toBe('approaching');
    expect(dueState('2026-11-10', '2026-11-11', '2026-11-05', false)).toBe('overdue');
    expect(dueState('2026-11-10', '2026-11-11', '2026-11-05', true)).toBe('sent');
  });

  it('FIN-18: reminded three working days before the due date, overdue the day after it (to the finance head too), and marked sent with date and reference', async () => {
    const mali = await ctxFor(t, 'mali');
    const e = await createReportEntry(mali, { name: '预算执行情况月报', recipient: '白城市财政局', firstDueOn: '2026-11-10', recurrence: 'monthly', responsiblePersonId: 'psn_huangjing' });
    expect(e).toMatchObject({ responsibleName: '黄静', active: true });
    const mine = async () => (await reportOccurrences(mali)).filter((o) => o.entryId === e.id);
    // 2026-11-10 is a Tuesday: three working days before is Thursday 11-05 (kernel calendar).
    expect((await mine()).map((o) => [o.dueOn, o.remindFrom, o.state])).toEqual([['2026-11-10', '2026-11-05', 'upcoming']]);
    try {
      at('2026-11-04');
      await remindReports(t.database, t.clock);
      expect(await notices(`${e.id}:2026-11-10:approaching`)).toEqual([]);
      at('2026-11-05');
      expect((await mine())[0].state).toBe('approaching');
      await remindReports(t.database, t.clock);
      await remindReports(t.database, t.clock);
      expect(await notices(`${e.id}:2026-11-10:approaching`)).toEqual([{ recipient_person_id: 'psn_huangjing', kind: 'due' }]);
      at('2026-11-11');
      expect((await overdueReports(mali)).map((o) => [o.entryId, o.dueOn])).toContainEqual([e.id, '2026-11-10']);
      await remindReports(t.database, t.clock);
      expect((await notices(`${e.id}:2026-11-10:overdue`)).map((n) => n.recipient_person_id)).toEqual(['psn_huangjing', 'psn_mali']);
      // Only a due date of the calendar can be marked, once, never in the future.
      expect((await rejected(markReportSent(mali, e.id, { dueOn: '2026-11-11', sentOn: '2026-11-11', reference: '白扶办财〔2026〕11号' }))).status).toBe(400);
      expect((await rejected(markReportSent(mali, e.id, { dueOn: '2026-11-10', sentOn: '2026-11-12', reference: '白扶办财〔2026〕11号' }))).message).toContain('不能晚于今天');
      expect((await rejected(markReportSent(mali, e.id, { dueOn: '2026-11-10', sentOn: '2026-11-11', reference: '' }))).status).toBe(400);
      expect(await markReportSent(mali, e.id, { dueOn: '2026-11-10', sentOn: '2026-11-11', reference: '白扶办财〔2026〕11号' })).toEqual({ late: true });
      expect((await rejected(markReportSent(mali, e.id, { dueOn: '2026-11-10', sentOn: '2026-11-11', reference: 'x' }))).status).toBe(409);
      const [sent] = await mine();
      expect(sent).toMatchObject({ state: 'sent', sentOn: '2026-11-11', reference: '白扶办财〔2026〕11号' });
      expect((await overdueReports(mali)).map((o) => o.entryId)).not.toContain(e.id);
      const [a] = await rows<{ n: number }>(t.database.db, sql`select count(*)::int as n from audit_log where object_id = ${e.id} and event like 'finance.report_calendar.%'`);
      expect(a.n).toBe(2);
    } finally {
      at('2026-11-02');
    }
  });

  it('FIN-18: a stopped report no longer reminds; only 综合科 keeps the calendar; bad input is refused', async () => {
    const mali = await ctxFor(t, 'mali');
    const e = await createReportEntry(mali, { name: '临时统计表', recipient: '市统计局', firstDueOn: '2026-10-20', recurrence: 'once' });
    expect(e.responsibleName).toBe('马丽');
    expect((await overdueReports(mali)).map((o) => o.entryId)).toContain(e.id);
    await deactivateReportEntry(mali, e.id);
    expect((await overdueReports(mali)).map((o) => o.entryId)).not.toContain(e.id);
    await expect(createReportEntry(await ctxFor(t, 'tangning'), { name: 'x', recipient: 'y', firstDueOn: '2026-12-01', recurrence: 'once' })).rejects.toMatchObject({ status: 403 });
    expect((await rejected(createReportEntry(mali, { name: '报表', recipient: '市财政局', firstDueOn: '2026-13-01', recurrence: 'monthly' }))).status).toBe(400);
    expect((await rejected(createReportEntry(mali, { name: '报表', recipient: '市财政局', firstDueOn: '2026-12-01', recurrence: 'weekly' }))).status).toBe(400);
  });

  it('FIN-18: the demo calendar holds two reports, the past months sent; leaders read it over HTTP and export it', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/finance/report-calendar', headers: { cookie: await t.cookieFor('liminghua') } });
    expect(res.statusCode).toBe(200);
    const names = res.json().entries.map((x: { name: string }) => x.name);
    expect(names).toEqual(expect.arrayContaining(['行政事业单位会计报表（月报）', '扶贫资金使用情况统计表（季报）']));
    const demo = res.json().occurrences.filter((o: { name: string }) => o.name === '行政事业单位会计报表（月报）');
    expect(demo.map((o: { dueOn: string; state: string }) => [o.dueOn, o.state])).toEqual([['2026-10-10', 'sent'], ['2026-11-10', 'upcoming']]);
    const xlsx = await t.app.inject({ method: 'GET', url: '/api/v1/finance/ledger/report-calendar.xlsx', headers: { cookie: await t.cookieFor('liminghua') } });
    expect(xlsx.rawPayload.subarray(0, 2).toString()).toBe('PK');
    const write = await t.app.inject({ method: 'POST', url: '/api/v1/finance/report-calendar', headers: { cookie: await t.cookieFor('liminghua') }, payload: { name: 'x', recipient: 'y', firstDueOn: '2026-12-01', recurrence: 'once' } });
    expect(write.statusCode).toBe(403);
  });
});

import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/support/app';
import { ctxFor } from '../../../test/support/ctx';
import { rows } from '../../kernel/db';
import { actOnTask } from '../../kernel/flow';
import { remindDepartures } from './departure';
import { approveAll, failure, leave, pendingTasks, status, trip, user } from './test-helpers';

/** WR-19 离白外出 (工作规则 第三十三条, CONF-50) on leave and trip records. */
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t?.close());

const DAY = 86_400_000;
const out = { leavesBaicheng: true, destination: '长春市' };
const departureOf = async (subjectId: string) =>
  (await rows<{ id: string; role: string; principal_reported_on: string | null; principal_report_mode: string | null; hub_notified_on: string | null; city_filed_on: string | null }>(t.database.db,
    sql`select id, role, principal_reported_on::text, principal_report_mode, hub_notified_on::text, city_filed_on::text from personnel_departures where subject_id = ${subjectId}`))[0];
async function call(username: string, method: 'GET' | 'POST', url: string, payload?: unknown) {
  const res = await t.app.inject({ method, url: `/api/v1${url}`, headers: { cookie: await t.cookieFor(username) }, ...(payload === undefined ? {} : { payload: payload as object }) });
  return { status: res.statusCode, body: res.body ? JSON.parse(res.body) : null };
}
async function signNext(instanceId: string) {
  const [task] = await pendingTasks(t, instanceId);
  const ctx = await ctxFor(t, user(task.assignee));
  return task.kind === 'external'
    ? actOnTask(ctx, task.id, 'record_external', { external: { approver: '王副市长', decision: 'approve', documentRef: '电话记录', decidedOn: '2026-11-02' } })
    : actOnTask(ctx, task.id, 'approve', { comment: '同意' });
}

describe('离白外出报告 (WR-19)', () => {
  it('WR-19 a deputy\'s leave out of Baicheng: 综合科 is told at submission and the principal leader\'s approval is the report', async () => {
    const r = await leave(t, 'liminghua', { type: 'personal', startDate: '2026-11-10', endDate: '2026-11-10', ...out });
    const d = await departureOf(r.id);
    expect(d).toMatchObject({ role: 'leader', hub_notified_on: '2026-11-02', principal_reported_on: null });
    const told = await rows<{ recipient_person_id: string }>(t.database.db, sql`select recipient_person_id from notifications where object_type = 'personnel_departure' and object_id = ${d.id}`);
    expect(told.map((n) => n.recipient_person_id)).toContain('psn_liuyang');
    expect(await approveAll(t, r.instanceId)).toEqual(['principal:chenzhiyuan']);
    expect(await status(t, r.id)).toBe('approved');
    expect(await departureOf(r.id)).toMatchObject({ principal_reported_on: '2026-11-02', principal_report_mode: 'approval' });
  });

  it('WR-19 a section head\'s one-day leave approved by the 分管领导 is refused until the report to the principal leader is recorded', async () => {
    const r = await leave(t, 'hanbing', { type: 'personal', startDate: '2026-11-11', endDate: '2026-11-11', ...out });
    const d = await departureOf(r.id);
    expect(d.role).toBe('head');
    const refused = await failure(signNext(r.instanceId));
    expect(refused).toMatchObject({ code: 'RULE_BLOCKED', rule: 'WR-19' });
    expect(refused.message).toContain('向办主要领导报告');
    expect(await status(t, r.id)).toBe('pending');
    expect((await call('tangning', 'POST', `/personnel/departures/${d.id}/principal-report`, { reportedOn: '2026-11-02', mode: 'phone' })).status).toBe(403);
    const reported = await call('hanbing', 'POST', `/personnel/departures/${d.id}/principal-report`, { reportedOn: '2026-11-02', mode: 'phone' });
    expect(reported.body).toMatchObject({ missing: [], late: [], roleLabel: '科室及服务中心主要负责人' });
    await signNext(r.instanceId);
    expect(await status(t, r.id)).toBe('approved');
  });

  it('WR-19 the principal leader\'s trip out of Baicheng needs 综合科\'s advance report to the 市委、市政府办 before approval', async () => {
    const r = await trip(t, 'chenzhiyuan', { startDate: '2026-11-12', endDate: '2026-11-13', leavesBaicheng: true });
    const d = await departureOf(r.id);
    expect(d.role).toBe('principal');
    const refused = await failure(signNext(r.instanceId));
    expect(refused).toMatchObject({ code: 'RULE_BLOCKED', rule: 'WR-19' });
    expect(refused.message).toContain('综合科向市委、市政府办报备');
    expect((await call('chenzhiyuan', 'POST', `/personnel/departures/${d.id}/city-filing`, { filedOn: '2026-11-02', ref: '书面报备' })).status).toBe(403);
    const filed = await call('liuyang', 'POST', `/personnel/departures/${d.id}/city-filing`, { filedOn: '2026-11-02', ref: '白扶办〔2026〕报备12号' });
    expect(filed.body.missing).toEqual([]);
    await signNext(r.instanceId);
    const [row] = await rows<{ status: string }>(t.database.db, sql`select status from personnel_trips where id = ${r.id}`);
    expect(row.status).toBe('approved');
  });

  it('WR-19 general staff and requests not leaving Baicheng carry no reporting chain', async () => {
    const staff = await trip(t, 'tangning', { startDate: '2026-11-16', endDate: '2026-11-17', leavesBaicheng: true });
    const local = await leave(t, 'zhutao', { type: 'personal', startDate: '2026-11-16', endDate: '2026-11-16' });
    expect(await departureOf(staff.id)).toBeUndefined();
    expect(await departureOf(local.id)).toBeUndefined();
    await approveAll(t, staff.instanceId);
    await approveAll(t, local.instanceId);
    expect(await status(t, local.id)).toBe('approved');
    expect((await failure(leave(t, 'zhutao', { type: 'personal', startDate: '2026-11-17', endDate: '2026-11-17', leavesBaicheng: true }))).message).toContain('去向');
  });

  it('WR-19 an incomplete chain is reminded from the day before departure, once; a report made after departure is listed as late', async () => {
    const r = await trip(t, 'fenglei', { startDate: '2026-11-03', endDate: '2026-11-04', leavesBaicheng: true, destination: '松原市' });
    const d = await departureOf(r.id);
    await remindDepartures(t.database, t.clock);
    await remindDepartures(t.database, t.clock);
    const reminded = await rows<{ recipient_person_id: string; title: string }>(t.database.db, sql`select recipient_person_id, title from notifications where object_type = 'personnel_departure_remind' and object_id = ${d.id}`);
    expect(reminded).toEqual([{ recipient_person_id: 'psn_fenglei', title: '离白外出尚未登记：向办主要领导报告' }]);
    t.clock.advance(2 * DAY);
    await call('fenglei', 'POST', `/personnel/departures/${d.id}/principal-report`, { reportedOn: '2026-11-04', mode: 'phone' });
    expect((await call('fenglei', 'GET', '/personnel/departures?scope=all')).status).toBe(403);
    const all = (await call('liuyang', 'GET', '/personnel/departures?scope=all')).body.items as { id: string; late: string[]; missing: string[] }[];
    expect(all.find((x) => x.id === d.id)).toMatchObject({ missing: [], late: ['向主要领导报告'] });
    const xlsx = await t.app.inject({ method: 'GET', url: '/api/v1/personnel/departures.xlsx', headers: { cookie: await t.cookieFor('liuyang') } });
    expect(xlsx.statusCode).toBe(200);
    t.clock.set('2026-11-02T09:00:00+08:00');
  });

  it('WR-19 a malformed report is refused with the field and a Chinese message, not a server error', async () => {
    const r = await call('liuyang', 'POST', '/personnel/departures/dep_missing/city-filing', { filedOn: '明天', ref: '' });
    expect(r.status).toBe(400);
    expect(r.body.error).toMatchObject({ code: 'VALIDATION_FAILED', message: '提交的内容有误。字段 filedOn：日期格式应为 YYYY-MM-DD' });
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { sql } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../../../test/support/app';
import { rows } from '../db';
import { audit } from './write';
import { asAttacker, ctxOf, sealAll } from './test-helpers';

let t: TestApp;
let staff: string;
let auditor: string;
beforeAll(async () => {
  t = await createTestApp();
  t.database.pool?.on('error', () => undefined);
  staff = await t.cookieFor('xunuo');
  auditor = await t.cookieFor('pengying');
  // A record a spreadsheet would take for a formula.
  await audit(ctxOf(t.database), { event: 'test.formula', objectType: 'thing', objectId: '=HYPERLINK("http://evil","x")' });
  await sealAll(t.database);
});
afterAll(async () => t?.close());

const get = (url: string, cookie: string) => t.app.inject({ method: 'GET', url, headers: { cookie } });
const lastEvent = async (event: string) =>
  (await rows<{ actor_username: string; outcome: string; detail: Record<string, unknown> }>(
    t.database.db,
    sql`select actor_username, outcome, detail from audit_log where event = ${event} order by id desc limit 1`,
  ))[0];

describe('audit API permissions (三员分立, security.md §3.2)', () => {
  it('refuses a staff account with 403 and records the refusal', async () => {
    const res = await get('/api/v1/audit/events', staff);
    expect(res.statusCode).toBe(403);
    expect(await lastEvent('access.denied')).toMatchObject({ actor_username: 'xunuo', outcome: 'denied' });
    expect((await get('/api/v1/audit/events.xlsx', staff)).statusCode).toBe(403);
    expect((await t.app.inject({ method: 'POST', url: '/api/v1/audit/verify', headers: { cookie: staff }, payload: {} })).statusCode).toBe(403);
  });

  it('refuses the other two administrators', async () => {
    for (const u of ['weiqiang', 'qiumin']) expect((await get('/api/v1/audit/events', await t.cookieFor(u))).statusCode).toBe(403);
  });

  it('requires a login', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/audit/events' })).statusCode).toBe(401);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/audit/mine' })).statusCode).toBe(401);
  });
});

describe('GET /audit/events', () => {
  it('lists newest first with paging, for the 审计管理员, and audits the viewing', async () => {
    const res = await get('/api/v1/audit/events?pageSize=5', auditor);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.items).toHaveLength(5);
    expect(body.total).toBeGreaterThan(5);
    const ids = body.items.map((i: { id: number }) => i.id);
    expect([...ids].sort((a, b) => b - a)).toEqual(ids);
    expect(body.items[0]).toHaveProperty('atLocal');
    expect(await lastEvent('audit.read')).toMatchObject({ actor_username: 'pengying', outcome: 'success' });
    const page2 = (await get('/api/v1/audit/events?pageSize=5&page=2', auditor)).json();
    // Viewing page 1 added one record (audit.read) at the top, so page 2 starts one earlier.
    expect(page2.items[0].id).toBe(ids[4]);
    expect(page2.items[1].id).toBeLessThan(ids[4]);
  });

  it('filters by actor, event prefix, object and outcome', async () => {
    const denied = (await get('/api/v1/audit/events?outcome=denied&actor=XUNUO', auditor)).json();
    expect(denied.total).toBeGreaterThan(0);
    for (const e of denied.items) expect(e).toMatchObject({ outcome: 'denied', actorUsername: 'xunuo' });
    const byPrefix = (await get('/api/v1/audit/events?event=audit.', auditor)).json();
    for (const e of byPrefix.items) expect(e.event.startsWith('audit.')).toBe(true);
    // LIKE wildcards in the prefix are literal.
    expect((await get('/api/v1/audit/events?event=%25', auditor)).json().total).toBe(0);
    const byObject = (await get(`/api/v1/audit/events?objectType=thing&objectId=${encodeURIComponent('=HYPERLINK("http://evil","x")')}`, auditor)).json();
    expect(byObject.total).toBe(1);
  });

  it('filters by time range (local dates in Asia/Shanghai, or instants)', async () => {
    const none = (await get('/api/v1/audit/events?from=2000-01-01&to=2000-01-02', auditor)).json();
    expect(none.total).toBe(0);
    const all = (await get('/api/v1/audit/events?from=2000-01-01T00:00:00Z', auditor)).json();
    expect(all.total).toBeGreaterThan(0);
    expect((await get('/api/v1/audit/events?from=yesterday', auditor)).statusCode).toBe(400);
  });
});

describe('GET /audit/events.xlsx', () => {
  it('exports the filtered list with formula cells neutralised, and audits the export', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/audit/events.xlsx?objectType=thing', headers: { cookie: auditor } });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    expect(res.headers['content-disposition']).toContain("filename*=UTF-8''");
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('审计日志')!;
    expect(ws.getRow(1).getCell(1).value).toBe('编号');
    expect(ws.rowCount).toBe(2);
    expect(ws.getRow(2).getCell(8).value).toBe(`'=HYPERLINK("http://evil","x")`);
    expect(await lastEvent('audit.export')).toMatchObject({ actor_username: 'pengying' });
  });
});

describe('GET /audit/mine', () => {
  it('shows only the actor’s own activity', async () => {
    const res = await get('/api/v1/audit/mine', staff);
    expect(res.statusCode).toBe(200);
    const items = res.json().items;
    expect(items.length).toBeGreaterThan(0);
    // The demo office also holds xunuo's own earlier actions; what matters is that nobody else's appear.
    expect(items.some((i: { event: string }) => i.event === 'access.denied')).toBe(true);
    const ids = items.map((i: { id: string | number }) => String(i.id));
    const actors = await rows<{ actor_username: string }>(t.database.db, sql`select distinct actor_username from audit_log where id::text in ${ids}`);
    expect(actors.map((a) => a.actor_username)).toEqual(['xunuo']);
  });
});

describe('POST /audit/verify', () => {
  it('reports an intact chain, and audits the verification', async () => {
    await sealAll(t.database);
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/audit/verify', headers: { cookie: auditor }, payload: {} });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ ok: true });
    expect(res.json().checked).toBeGreaterThan(0);
    expect(await lastEvent('audit.verify')).toMatchObject({ actor_username: 'pengying', outcome: 'success' });
  });

  it('reports the first broken link after tampering', async () => {
    await sealAll(t.database);
    await asAttacker(t.database, `update audit_log set actor_username = 'nobody' where seq = 2`);
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/audit/verify', headers: { cookie: auditor }, payload: { maxUnsealedSeconds: 600 } });
    expect(res.json()).toMatchObject({ ok: false, firstBroken: { seq: 2, reason: '记录被篡改' } });
    expect(await lastEvent('audit.verify')).toMatchObject({ outcome: 'failure' });
  });
});

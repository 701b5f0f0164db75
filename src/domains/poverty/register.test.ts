import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { sql } from 'drizzle-orm';
import { rows } from '../../kernel/db';
import { createTestApp, type TestApp } from '../../../test/support/app';
import { checkIdNumber } from './idcard';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe('demo ledger, masking and the audited reveal (SECREQ-17, SECREQ-26)', () => {
  it('holds the demo-office sample: 洮北区, 2 townships, 4 villages, 40 households, 120 valid IDs', async () => {
    const [c] = await rows<{ r: number; h: number; p: number }>(t.database.db, sql`select (select count(*)::int from poverty_regions) as r,
      (select count(*)::int from poverty_households) as h, (select count(*)::int from poverty_persons) as p`);
    expect(c).toEqual({ r: 7, h: 40, p: 120 });
    const levels = await rows<{ level: string }>(t.database.db, sql`select distinct level from poverty_monitoring where status = 'monitored' order by level`);
    expect(levels.map((l) => l.level)).toEqual(['BLUE', 'RED', 'YELLOW']);
  });

  it('lists households with masked IDs only; staff without the permission get 403', async () => {
    const cookie = await t.cookieFor('huangjing');
    const res = await t.app.inject({ url: '/api/v1/poverty/households?region=220802100201&pageSize=50', headers: { cookie } });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.total).toBe(10);
    // The total follows every filter, with and without the monitoring join.
    const [expected] = await rows<{ all: number; monitored: number; red: number }>(t.database.db, sql`select count(*)::int as all,
      count(m.id)::int as monitored, count(*) filter (where m.level = 'RED')::int as red
      from poverty_households h left join poverty_monitoring m on m.household_id = h.id and m.status <> 'exited' where h.village_code like '2208021002%'`);
    const total = async (q: string) => (await t.app.inject({ url: `/api/v1/poverty/households?region=2208021002${q}`, headers: { cookie } })).json().total;
    expect([await total(''), await total('&monitored=true'), await total('&monitored=false'), await total('&level=RED')])
      .toEqual([expected.all, expected.monitored, expected.all - expected.monitored, expected.red]);
    expect(expected.monitored).toBeGreaterThan(0);
    for (const h of body.items) expect(h.householderIdMasked).toMatch(/^220802\*{8}\d{3}[\dX]$/);
    expect(res.body).not.toMatch(/220802(19|20)\d{6}/);
    expect((await t.app.inject({ url: '/api/v1/poverty/households', headers: { cookie: await t.cookieFor('xunuo') } })).statusCode).toBe(403);
  });

  it('reveals one ID to a leader with a reason, audited; others get 403 and the attempt is logged', async () => {
    const [p] = await rows<{ id: string }>(t.database.db, sql`select id from poverty_persons order by id limit 1`);
    const hub = await t.cookieFor('huangjing');
    const denied = await t.app.inject({ method: 'POST', url: `/api/v1/poverty/persons/${p.id}/reveal`, headers: { cookie: hub }, payload: { reason: '核对身份' } });
    expect(denied.statusCode).toBe(403);
    const leader = await t.cookieFor('zhaoguoqiang');
    const noReason = await t.app.inject({ method: 'POST', url: `/api/v1/poverty/persons/${p.id}/reveal`, headers: { cookie: leader }, payload: { reason: '' } });
    expect(noReason.statusCode).toBe(400);
    const ok = await t.app.inject({ method: 'POST', url: `/api/v1/poverty/persons/${p.id}/reveal`, headers: { cookie: leader }, payload: { reason: '核对一卡通发放信息' } });
    expect(ok.statusCode).toBe(200);
    expect(checkIdNumber(ok.json().idNumber).ok).toBe(true);
    const log = await rows<{ event: string; actor_username: string; detail: { reason: string } }>(t.database.db, sql`select event, actor_username, detail from audit_log where object_id = ${p.id} order by id`);
    expect(log).toEqual([{ event: 'poverty.person.reveal', actor_username: 'zhaoguoqiang', detail: expect.objectContaining({ reason: '核对一卡通发放信息' }) }]);
    const deniedLog = await rows(t.database.db, sql`select 1 from audit_log where event = 'access.denied' and actor_username = 'huangjing'`);
    expect(deniedLog.length).toBeGreaterThan(0);
  });

  it('exports a filtered list to XLSX, masked and formula-safe (SECREQ-43), and audits it', async () => {
    const cookie = await t.cookieFor('huangjing');
    // A hostile householder name must come out as text.
    await t.database.db.execute(sql`update poverty_households set householder_name = '=1+2' where code = '220802100201001'`);
    const res = await t.app.inject({ url: '/api/v1/poverty/households.xlsx?region=220802100201', headers: { cookie } });
    expect(res.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[0];
    expect(ws.rowCount).toBe(11);
    const values = ws.getSheetValues().flat().filter((v) => typeof v === 'string') as string[];
    expect(values).toContain("'=1+2");
    expect(values.some((v) => /^220802\d{12}$/.test(v))).toBe(false);
    expect(values.some((v) => /^220802\*{8}/.test(v))).toBe(true);
    const [a] = await rows(t.database.db, sql`select 1 from audit_log where event = 'poverty.households.export'`);
    expect(a).toBeTruthy();
  });
});

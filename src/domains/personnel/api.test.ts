import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/support/app';
import { ctxFor } from '../../../test/support/ctx';
import { instanceDetail } from '../../kernel/flow';
import { getFlow } from '../../kernel/flow';
import { approveAll } from './test-helpers';

/** The HTTP API: permissions, 201 with the flow instance, RULE_WARNING, data scope, XLSX, paper form. */
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
  t.clock.set('2026-09-25T09:00:00+08:00');
});
afterAll(async () => t?.close());

async function call(username: string, method: 'GET' | 'POST', url: string, payload?: unknown) {
  return t.app.inject({ method, url: `/api/v1${url}`, headers: { cookie: await t.cookieFor(username) }, payload: payload as never });
}

const form = { type: 'personal', startDate: '2026-09-30', startHalf: 'pm', endDate: '2026-10-09', reason: '回老家办理房产手续' };

describe('personnel API', () => {
  it('LEAVE-05 LEAVE-07: preview gives working, calendar and chargeable days, the balance and the route with names', async () => {
    const res = await call('xunuo', 'POST', '/personnel/leave/preview', { form });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({ workingDays: 2.5, calendarDays: 9.5, chargeableDays: 2.5, blocked: false, balance: { type: 'personal', usedDays: 0, entitledDays: 15 } });
    expect(body.route.map((s: { name: string; verbLabel: string; approvers: string[] }) => `${s.name}:${s.verbLabel}:${s.approvers}`)).toEqual(['科室负责人意见:同意:朱涛', '分管领导意见:批准:孙丽']);
  });

  it('LEAVE-04: submit answers 201 with the flow instance; a warning needs `acknowledged`', async () => {
    const gap = { type: 'personal', startDate: '2026-10-12', endDate: '2026-10-13', reason: '陪同就医' };
    const warned = await call('zhutao', 'POST', '/personnel/leave', { form: gap });
    expect(warned.statusCode).toBe(422);
    expect(warned.json().error).toMatchObject({ code: 'RULE_WARNING', rule: { id: 'LEAVE-04-GAP' } });
    const ok = await call('zhutao', 'POST', '/personnel/leave', { form: gap, acknowledged: ['LEAVE-04-GAP'] });
    expect(ok.statusCode).toBe(201);
    expect(ok.json().instanceId).toMatch(/^flw_/);
  });

  it('data scope: staff see their own leave, section chiefs their unit, 综合科 the attendance report; staff are refused it', async () => {
    const sub = await call('xunuo', 'POST', '/personnel/leave', { form });
    expect(sub.statusCode).toBe(201);
    const mine = await call('xunuo', 'GET', '/personnel/leave?scope=team');
    expect(mine.json().items.every((i: { personId: string }) => i.personId === 'psn_xunuo')).toBe(true);
    const chief = await call('zhutao', 'GET', '/personnel/leave?scope=team');
    expect(chief.json().items.map((i: { personId: string }) => i.personId).sort()).toEqual(['psn_xunuo', 'psn_zhutao']);
    expect((await call('luomin', 'GET', `/personnel/leave/${sub.json().id}`)).statusCode).toBe(403);
    expect((await call('xunuo', 'GET', '/personnel/attendance/report?year=2026')).statusCode).toBe(403);
    expect((await call('liuyang', 'GET', '/personnel/attendance/report?year=2026')).statusCode).toBe(200);
    expect((await call('xunuo', 'GET', '/personnel/balances?personId=psn_zhutao')).statusCode).toBe(403);
  });

  it('the 请销假审批表: one signature box per step with its title, and the 销假 record', async () => {
    const sub = (await call('xunuo', 'GET', '/personnel/leave?scope=mine')).json().items[0];
    await approveAll(t, sub.flowInstanceId, '同意');
    t.clock.set('2026-10-12T09:00:00+08:00');
    expect((await call('xunuo', 'POST', `/personnel/leave/${sub.id}/report-back`, { returnedOn: '2026-10-10', mode: 'phone' })).statusCode).toBe(200);
    const detail = await instanceDetail(await ctxFor(t, 'xunuo'), sub.flowInstanceId);
    const printable = {
      id: detail.id,
      title: detail.title,
      status: detail.status,
      applicant: { personId: 'psn_xunuo', name: '许诺', unitName: '督查科' },
      form: detail.form,
      facts: detail.facts,
      submittedAt: detail.submittedAt,
      completedAt: detail.completedAt,
      steps: detail.steps.map((s) => ({
        id: s.id,
        name: s.name,
        verbLabel: s.verbLabel,
        signatures: s.tasks.map((x) => ({ name: x.assigneeName, onBehalfOf: null, opinion: x.comment ?? '', decidedAt: x.decidedAt ?? '', status: x.status, external: null })),
      })),
    };
    const spec = getFlow('personnel.leave')!.printForm!(printable as never);
    expect(spec.title).toBe('白城市扶贫开发办公室请销假审批表');
    const sigs = spec.rows.filter((r) => r.kind === 'signature');
    expect(sigs.map((r) => (r.kind === 'signature' ? `${r.label}:${r.signer}` : ''))).toEqual(['科室负责人意见:朱涛', '分管领导意见:孙丽']);
    const text = JSON.stringify(spec.rows);
    expect(text).toContain('事假');
    expect(text).toContain('2.5个工作日');
    expect(text).toContain('2026-10-12（电话）');
  });

  it('ATT-05 XLSX export is formula-injection safe', async () => {
    await t.database.db.execute(sql`update people set name = '=HYPERLINK("x")' where id = 'psn_xiechen'`);
    const res = await call('liuyang', 'GET', '/personnel/attendance/report.xlsx?year=2026');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as never);
    const names = wb.worksheets[0].getColumn(1).values as unknown[];
    expect(names).toContain(`'=HYPERLINK("x")`);
    expect(names).not.toContain('=HYPERLINK("x")');
  });

  it('TRIP-01: trip preview, submit and list through the API', async () => {
    t.clock.set('2026-10-12T09:00:00+08:00');
    const tripForm = { destination: '长春市', purpose: '省扶贫办业务培训', purposeCategory: 'meeting', startDate: '2026-10-14', endDate: '2026-10-16', transport: 'train', companions: ['psn_xunuo'] };
    const p = await call('zhutao', 'POST', '/personnel/trips/preview', { form: tripForm });
    expect(p.json()).toMatchObject({ calendarDays: 3, blocked: false });
    expect(p.json().route[0]).toMatchObject({ name: '审批领导', approvers: ['孙丽'] });
    const s = await call('zhutao', 'POST', '/personnel/trips', { form: tripForm });
    expect(s.statusCode).toBe(201);
    expect((await call('zhutao', 'GET', '/personnel/trips')).json().items[0]).toMatchObject({ destination: '长春市', status: 'pending' });
  });
});

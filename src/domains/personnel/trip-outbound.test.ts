import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/support/app';
import { ctxFor } from '../../../test/support/ctx';
import { rows } from '../../kernel/db';
import { actOnTask, printInstance } from '../../kernel/flow';
import { pdfText } from '../../kernel/render/pdf-text';
import { failure, pendingTasks, trip } from './test-helpers';

/** 公出审批单 outbound: TRAVEL-07 (ORS 5) warnings and the approver's confirmation, TRAVEL-08 (ORS 6) 公函. */
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t?.close());

const count = async () => (await rows<{ n: number }>(t.database.db, sql`select count(*)::int as n from personnel_trips`))[0].n;
const dates = { startDate: '2026-11-10', endDate: '2026-11-12' };
const letter = { hostUnit: '长春市乡村振兴局', docNo: '白扶贫函〔2026〕12号', content: '学习产业帮扶项目经验', itinerary: '11月10日至12日，长春市及九台区', persons: ['唐宁'] };

async function signAs(instanceId: string, acknowledged: string[] = []) {
  const [task] = await pendingTasks(t, instanceId);
  const username = (await rows<{ username: string }>(t.database.db, sql`select username from accounts where person_id = ${task.assignee}`))[0].username;
  return actOnTask(await ctxFor(t, username), task.id, 'approve', { comment: '同意', acknowledged });
}

describe('公出 outbound (公务接待制度 第5、6条)', () => {
  it('TRAVEL-07: the form requires the purpose category (ORS 2); without it nothing is filed', async () => {
    const before = await count();
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/personnel/trips', headers: { cookie: await t.cookieFor('tangning') },
      payload: { form: { destination: '长春市', purpose: '培训', ...dates, transport: 'train' } } });
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('请选择公务类别');
    expect(await count()).toBe(before);
  });

  it('TRAVEL-07: a study exchange without a special need warns; the approver must confirm the four prohibitions before signing', async () => {
    const w = await failure(trip(t, 'tangning', { purpose: '赴外地学习交流', purposeCategory: 'exchange', ...dates }));
    expect(w).toMatchObject({ code: 'RULE_WARNING', rule: 'TRAVEL-07' });
    expect(w.message).toContain('特别需要');
    const r = await trip(t, 'tangning', { purpose: '赴外地学习交流', purposeCategory: 'exchange', ...dates }, ['TRAVEL-07']);
    expect(r.warnings.map((x) => x.ruleId)).toEqual(['TRAVEL-07']);
    const unconfirmed = await failure(signAs(r.instanceId));
    expect(unconfirmed).toMatchObject({ code: 'RULE_WARNING', rule: 'TRAVEL-07' });
    expect(unconfirmed.message).toContain('风景名胜区');
    await signAs(r.instanceId, ['TRAVEL-07']);
    const [trail] = await rows<{ detail: { acknowledgedWarnings?: string[] } | null }>(t.database.db, sql`select detail from flow_actions where instance_id = ${r.instanceId} and action = 'approve'`);
    expect(trail.detail?.acknowledgedWarnings).toEqual(['TRAVEL-07']);
    const [row] = await rows<{ status: string; purpose_category: string }>(t.database.db, sql`select status, purpose_category from personnel_trips where id = ${r.id}`);
    expect(row).toEqual({ status: 'approved', purpose_category: 'exchange' });
  });

  it('TRAVEL-07: with a special need the exchange passes; a clean trip needs no confirmation at the signature', async () => {
    const r = await trip(t, 'tangning', { purpose: '学习产业帮扶经验', purposeCategory: 'meeting', specialNeed: '省里统一组织', destination: '吉林市', ...dates });
    expect(r.warnings).toEqual([]);
    await signAs(r.instanceId);
    const [row] = await rows<{ status: string }>(t.database.db, sql`select status from personnel_trips where id = ${r.id}`);
    expect(row.status).toBe('approved');
  });

  it('TRAVEL-07: the same section to the same place for the same business within 12 months warns of repetitive inspection; another section does not', async () => {
    const first = await trip(t, 'tangning', { purpose: '考察产业项目', purposeCategory: 'research', specialNeed: '项目选址比选', destination: '松原市', ...dates });
    await signAs(first.instanceId);
    const again = await failure(trip(t, 'tangning', { purpose: '再次考察产业项目', purposeCategory: 'research', specialNeed: '复核', destination: '松原市', startDate: '2026-12-08', endDate: '2026-12-09' }));
    expect(again).toMatchObject({ code: 'RULE_WARNING', rule: 'TRAVEL-07' });
    expect(again.message).toContain('重复性考察');
    expect(again.message).toContain('2026-11-10');
    const other = await trip(t, 'xunuo', { purpose: '考察产业项目', purposeCategory: 'research', specialNeed: '督查', destination: '松原市', ...dates });
    expect(other.warnings).toEqual([]);
    const task = await trip(t, 'tangning', { purpose: '送达材料', purposeCategory: 'task', destination: '松原市', ...dates });
    expect(task.warnings).toEqual([]);
  });

  it('TRAVEL-07: a destination in a scenic area warns', async () => {
    const w = await failure(trip(t, 'tangning', { purpose: '召开现场会', purposeCategory: 'meeting', destination: '长白山风景区', ...dates }));
    expect(w).toMatchObject({ code: 'RULE_WARNING', rule: 'TRAVEL-07' });
    expect(w.message).toContain('风景名胜区');
  });

  it('TRAVEL-08: a trip needing reception is refused without our 公函 of content, itinerary and persons, and changes nothing', async () => {
    const before = await count();
    const base = { purpose: '学习产业帮扶项目经验', purposeCategory: 'task', needsReception: true, ...dates };
    expect(await failure(trip(t, 'tangning', base))).toMatchObject({ code: 'RULE_BLOCKED', rule: 'TRAVEL-08' });
    const noItinerary = await failure(trip(t, 'tangning', { ...base, letter: { ...letter, itinerary: '' } }));
    expect(noItinerary).toMatchObject({ code: 'RULE_BLOCKED', rule: 'TRAVEL-08' });
    expect(noItinerary.message).toContain('行程');
    expect((await failure(trip(t, 'tangning', { ...base, letter: { ...letter, docNo: '' } }))).message).toContain('公函文号');
    expect(await count()).toBe(before);
  });

  it('TRAVEL-08: the persons of the letter must be the travellers — a missing companion or a stranger is refused', async () => {
    const base = { purpose: '学习产业帮扶项目经验', purposeCategory: 'task', needsReception: true, companions: ['psn_dongxue'], ...dates };
    const missing = await failure(trip(t, 'tangning', { ...base, letter }));
    expect(missing).toMatchObject({ code: 'RULE_BLOCKED', rule: 'TRAVEL-08' });
    expect(missing.message).toContain('未列公出人员 董雪');
    const stranger = await failure(trip(t, 'tangning', { ...base, letter: { ...letter, persons: ['唐宁', '董雪', '王五'] } }));
    expect(stranger.message).toContain('列有非公出人员 王五');
  });

  it('TRAVEL-08: with the full letter the trip is filed, the letter recorded, and the printed 公出审批单 shows its reference', async () => {
    const r = await trip(t, 'tangning', { purpose: '学习产业帮扶项目经验', purposeCategory: 'task', needsReception: true, companions: ['psn_dongxue'], ...dates, letter: { ...letter, persons: ['董雪', '唐宁'] } });
    const [row] = await rows<{ needs_reception: boolean; letter: { docNo: string; persons: string[] } }>(t.database.db, sql`select needs_reception, letter from personnel_trips where id = ${r.id}`);
    expect(row.needs_reception).toBe(true);
    expect(row.letter).toMatchObject({ docNo: '白扶贫函〔2026〕12号', persons: ['董雪', '唐宁'] });
    await signAs(r.instanceId);
    const text = pdfText((await printInstance(await ctxFor(t, 'tangning'), r.instanceId)).pdf);
    for (const s of ['公务出差审批单', '白扶贫函〔2026〕12号', '长春市乡村振兴局', '执行任务']) expect(text).toContain(s);
  });

  it('TRAVEL-07 TRAVEL-08 REPORT: 综合科 sees trips per section and month with headcount, and the letters sent; XLSX exports', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/personnel/trips/report?year=2026', headers: { cookie: await t.cookieFor('liuyang') } });
    expect(res.statusCode).toBe(200);
    const body = res.json() as { months: { unitName: string; month: string; trips: number; persons: number; hosted: number }[]; letters: { docNo: string; persons: string }[] };
    const guihua = body.months.find((m) => m.unitName === '规划项目科' && m.month === '2026-11');
    // Approved: the exchange, 吉林市, 松原市 and the hosted trip with two travellers.
    expect(guihua).toMatchObject({ trips: 4, persons: 5, hosted: 1 });
    expect(body.letters).toEqual([expect.objectContaining({ docNo: '白扶贫函〔2026〕12号', persons: '董雪、唐宁' })]);
    const xlsx = await t.app.inject({ method: 'GET', url: '/api/v1/personnel/trips/report.xlsx?year=2026', headers: { cookie: await t.cookieFor('liuyang') } });
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.rawPayload.subarray(0, 2).toString()).toBe('PK');
    const staff = await t.app.inject({ method: 'GET', url: '/api/v1/personnel/trips/report?year=2026', headers: { cookie: await t.cookieFor('tangning') } });
    expect(staff.statusCode).toBe(403);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { rows } from '../../kernel/db';
import { createTestApp, type TestApp } from '../../../test/support/app';
import { ctxFor } from '../../../test/support/ctx';
import { STABLE_SUBSIDIES } from './measure-rules';
import { exitMonitoring } from './monitoring';
import { householdMeasures, listSectorActions, missingSocialSecurity, openSectorActions, recordMeasure, reportGuaranteeProblem, resolveSectorAction, setMeasureStatus, subsidyReport } from './measures';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const one = async <T>(q: ReturnType<typeof sql>) => (await rows<T>(t.database.db, q))[0];
const household = (code: string) => one<{ id: string }>(sql`select id from poverty_households where code = ${code}`).then((r) => r.id);
const rejects = (p: Promise<unknown>, ruleId: string) => expect(p).rejects.toMatchObject({ rule: { id: ruleId } });
const base = { description: '措施内容', responsibleBody: '洮北区民政局', startDate: '2026-10-20' };
const allItems = (state: string) => Object.fromEntries(STABLE_SUBSIDIES.map((s) => [s, state]));

describe('MON-18 measures by type, as history; three-guarantee problems open sector items', () => {
  it('MON-18: a drinking-water problem opens a 水利 item due in 10 working days, listed for the office and warned on the household', async () => {
    const ctx = await ctxFor(t, 'huangjing');
    const hid = await household('220802200201003'); // 林海村, monitored blue
    const a = await reportGuaranteeProblem(ctx, hid, { hazard: 'DRINKING_WATER', note: '水井水质不达标' });
    // 2026-11-02 (Mon) + 10 working days = 2026-11-16.
    expect(a).toMatchObject({ sector: '水利', dueOn: '2026-11-16' });
    expect((await one<{ water_secured: boolean }>(sql`select water_secured from poverty_households where id = ${hid}`)).water_secured).toBe(false);
    // The suggestion follows the red definition at once, logged.
    expect(await one(sql`select suggested_level, suggested_rule from poverty_monitoring where household_id = ${hid} and status = 'monitored'`)).toEqual({ suggested_level: 'RED', suggested_rule: 'MON-15' });
    const view = await householdMeasures(ctx, hid);
    expect(view.warnings).toEqual([expect.objectContaining({ ruleId: 'MON-18', outcome: 'warn' })]);
    // Running the set-wise opener again adds nothing for the same hazard.
    expect(await openSectorActions(ctx, hid)).toBe(0);
    // Resolving before the sector's measure is on record is blocked.
    await rejects(resolveSectorAction(ctx, a.id, { resolvedOn: '2026-11-02', result: '已解决' }), 'MON-18');
    const m = await recordMeasure(ctx, { ...base, householdId: hid, type: 'SECTOR_POLICY_FOR_GUARANTEES', responsibleBody: '洮北区水利局', detail: { sector: '水利', hazard: 'DRINKING_WATER' } });
    expect((await listSectorActions(ctx)).find((x) => x.id === a.id)).toMatchObject({ status: 'measure_recorded', measure: '措施内容' });
    expect((await householdMeasures(ctx, hid)).warnings).toEqual([]);
    await resolveSectorAction(ctx, a.id, { resolvedOn: '2026-11-02', result: '接入集中供水' });
    expect((await one<{ water_secured: boolean }>(sql`select water_secured from poverty_households where id = ${hid}`)).water_secured).toBe(true);
    const audits = await rows<{ event: string }>(t.database.db, sql`select event from audit_log where object_id in (${a.id}, ${m.id}) order by id`);
    expect(audits.map((x) => x.event)).toEqual(['poverty.measure.record', 'poverty.sector_action.resolve']);
  });

  it('MON-18: the demo 住建 item past its deadline is listed overdue; a sector measure must name the sector and the hazard', async () => {
    const ctx = await ctxFor(t, 'huangjing');
    const overdue = (await listSectorActions(ctx)).filter((a) => a.overdue);
    expect(overdue).toEqual([expect.objectContaining({ householdCode: '220802200202003', hazard: 'HOUSING_SAFETY', sector: '住建' })]);
    await rejects(recordMeasure(ctx, { ...base, householdId: await household('220802200202003'), type: 'SECTOR_POLICY_FOR_GUARANTEES', detail: { hazard: 'HOUSING_SAFETY' } }), 'MON-18');
  });

  it('MON-18: a measure is never overwritten — only its status moves, with history; a general household gets none', async () => {
    const ctx = await ctxFor(t, 'huangjing');
    const hid = await household('220802100202004');
    const { id } = await recordMeasure(ctx, { ...base, householdId: hid, type: 'INDUSTRY', description: '扶贫小额信贷发展庭院经济' });
    await setMeasureStatus(ctx, id, { status: 'done', note: '已还贷，养殖见效' });
    await expect(setMeasureStatus(ctx, id, { status: 'stopped', note: '再改' })).rejects.toMatchObject({ status: 409 });
    await expect(t.database.db.execute(sql`update poverty_measures set description = '改写' where id = ${id}`)).rejects.toThrow();
    await expect(t.database.db.execute(sql`delete from poverty_measures where id = ${id}`)).rejects.toThrow();
    const view = await householdMeasures(ctx, hid);
    expect(view.measures.find((m) => m.id === id)?.history.map((e) => e.status)).toEqual(['active', 'done']);
    await expect(recordMeasure(ctx, { ...base, householdId: await household('220802100201009'), type: 'INDUSTRY' })).rejects.toMatchObject({ status: 409 });
  });

  it('MON-18: a C3 hazard confirmed at inclusion opens its sector item', async () => {
    const cookie = await t.cookieFor('huangjing');
    const hid = await household('220802200201010');
    const p = await t.app.inject({ method: 'POST', url: '/api/v1/poverty/monitoring', headers: { cookie }, payload: { householdId: hid, category: 'MARGINAL', channel: 'HOUSEHOLD_VISIT', criteria: { C3: { hazards: ['COMPULSORY_EDUCATION'] } } } });
    expect(p.statusCode).toBe(201);
    const c = await t.app.inject({ method: 'POST', url: `/api/v1/poverty/monitoring/${p.json().id}/confirm`, headers: { cookie }, payload: { level: 'RED', acknowledged: ['MON-06', 'MON-15'] } });
    expect(c.statusCode).toBe(200);
    const items = (await t.app.inject({ url: '/api/v1/poverty/sector-actions?status=open', headers: { cookie } })).json().items;
    expect(items).toContainEqual(expect.objectContaining({ householdId: hid, hazard: 'COMPULSORY_EDUCATION', sector: '教育', status: 'open' }));
  });
});

describe('MON-19 social security for households without labour capacity', () => {
  it('MON-19: lists no-labour households without a social-security measure; exit warns until acknowledged', async () => {
    const ctx = await ctxFor(t, 'huangjing');
    const missing = (await missingSocialSecurity(ctx)).map((r) => r.householdCode);
    // 青山村001 has 特困供养 in the demo; the other red and yellow households have no labour and nothing yet.
    expect(missing).not.toContain('220802100201001');
    expect(missing).toContain('220802100201002');
    expect(missing).toContain('220802200201001');
    const hid = await household('220802200201001');
    const m = await one<{ id: string }>(sql`select id from poverty_monitoring where household_id = ${hid} and status = 'monitored'`);
    await t.database.db.execute(sql`update poverty_households set net_income_per_head_fen = 500000 where id = ${hid}`);
    await rejects(exitMonitoring(ctx, m.id, { incomeStable: true, evidence: '2025年全年收入核算' }), 'MON-19');
    await rejects(recordMeasure(ctx, { ...base, householdId: hid, type: 'SOCIAL_SECURITY', detail: { item: '补贴' } }), 'MON-19');
    await recordMeasure(ctx, { ...base, householdId: hid, type: 'SOCIAL_SECURITY', description: '纳入农村低保', detail: { item: '农村低保' } });
    expect((await missingSocialSecurity(ctx)).map((r) => r.householdCode)).not.toContain('220802200201001');
    expect(await exitMonitoring(ctx, m.id, { incomeStable: true, evidence: '2025年全年收入核算' })).toMatchObject({ exitedOn: '2026-11-02' });
  });

  it('MON-19: an acknowledged exit is recorded with the acknowledgement in the audit', async () => {
    const ctx = await ctxFor(t, 'huangjing');
    const m = await one<{ id: string; household_id: string }>(sql`select m.id, m.household_id from poverty_monitoring m join poverty_households h on h.id = m.household_id where h.code = '220802200202002' and m.status = 'monitored'`);
    await t.database.db.execute(sql`update poverty_households set net_income_per_head_fen = 500000 where id = ${m.household_id}`);
    await exitMonitoring(ctx, m.id, { incomeStable: true, evidence: '收入核算', acknowledged: ['MON-19'] });
    const a = await one<{ detail: { acknowledged: string[] } }>(sql`select detail from audit_log where event = 'poverty.monitoring.exit' and object_id = ${m.id}`);
    expect(a.detail.acknowledged).toEqual(['MON-19']);
  });
});

describe('MON-20 stable-subsidy checks', () => {
  it('MON-20: every one of the eleven subsidies must be answered; the report counts the latest check of each household', async () => {
    const ctx = await ctxFor(t, 'huangjing');
    const hid = await household('220802100202001');
    const items = allItems('not_applicable');
    delete items['计生奖励扶助金'];
    await rejects(recordMeasure(ctx, { ...base, householdId: hid, type: 'STABLE_SUBSIDY_CHECK', detail: { checkKind: 'periodic', items } }), 'MON-20');
    await rejects(recordMeasure(ctx, { ...base, householdId: hid, type: 'STABLE_SUBSIDY_CHECK', detail: { items: allItems('paid') } }), 'MON-20');
    const before = await subsidyReport(ctx);
    const paidBefore = before.bySubsidy.find((s) => s.subsidy === '特困供养金')?.paid ?? 0;
    expect(before.unchecked.map((u) => u.householdCode)).toContain('220802100202001');
    await recordMeasure(ctx, { ...base, householdId: hid, type: 'STABLE_SUBSIDY_CHECK', detail: { checkKind: 'adhoc', items: { ...allItems('not_applicable'), 特困供养金: 'paid', 最低生活保障金: 'not_paid' } } });
    const after = await subsidyReport(ctx);
    expect(after.bySubsidy.find((s) => s.subsidy === '特困供养金')?.paid).toBe(paidBefore + 1);
    expect(after.notPaid).toContainEqual(expect.objectContaining({ householdCode: '220802100202001', items: ['最低生活保障金'], checkKind: 'adhoc' }));
    expect(after.unchecked.map((u) => u.householdCode)).not.toContain('220802100202001');
    expect(after.bySubsidy.map((s) => s.subsidy)).toEqual([...STABLE_SUBSIDIES]);
  });
});

describe('MON-21 support-obligation agreement', () => {
  it('MON-21: an agreement needs a recorded refusal and an elderly member; it prints as the three-party paper', async () => {
    const ctx = await ctxFor(t, 'huangjing');
    const hid = await household('220802200201002'); // 林海村002: householder born 1959, child born 1999
    const persons = await rows<{ id: string; birth_date: string }>(t.database.db, sql`select id, birth_date::text from poverty_persons where household_id = ${hid} order by birth_date`);
    const elder = persons[0];
    const young = persons[persons.length - 1];
    const d = { supporterName: '张建军', supportedPersonId: elder.id };
    expect(elder.birth_date.slice(0, 4)).toBe('1959');
    await rejects(recordMeasure(ctx, { ...base, householdId: hid, type: 'SUPPORT_OBLIGATION', detail: { ...d, step: 'agreement', villageCommittee: '林海村村民委员会', signedOn: '2026-10-30' } }), 'MON-21');
    await rejects(recordMeasure(ctx, { ...base, householdId: hid, type: 'SUPPORT_OBLIGATION', detail: { ...d, supportedPersonId: young.id, step: 'publicity' } }), 'MON-21');
    // The demo path of 青山村002 (publicity → refusal → agreement) prints.
    const cookie = await t.cookieFor('huangjing');
    const q2 = await household('220802100201002');
    const agreement = await one<{ id: string }>(sql`select id from poverty_measures where household_id = ${q2} and detail->>'step' = 'agreement'`);
    const pdf = await t.app.inject({ url: `/api/v1/poverty/measures/${agreement.id}/agreement.pdf`, headers: { cookie } });
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    // 董雪 (青山镇) prints her township's agreement; a measure that is not an agreement does not print.
    expect((await t.app.inject({ url: `/api/v1/poverty/measures/${agreement.id}/agreement.pdf`, headers: { cookie: await t.cookieFor('dongxue') } })).statusCode).toBe(200);
    const other = await one<{ id: string }>(sql`select id from poverty_measures where type = 'SUPPORT_OBLIGATION' and detail->>'step' = 'refusal' limit 1`);
    const refusal = await t.app.inject({ url: `/api/v1/poverty/measures/${other.id}/agreement.pdf`, headers: { cookie } });
    expect(refusal.statusCode).toBe(404);
  });
});

describe('measure ledger', () => {
  it('MON-18: the XLSX ledger lists measures by type in Chinese', async () => {
    const cookie = await t.cookieFor('huangjing');
    const res = await t.app.inject({ url: '/api/v1/poverty/measures.xlsx?type=SOCIAL_SECURITY', headers: { cookie } });
    expect(res.statusCode).toBe(200);
    const ExcelJS = (await import('exceljs')).default;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const cells = wb.worksheets[0].getSheetValues().flat().map(String).join('|');
    expect(cells).toContain('综合性社会保障');
    expect(cells).toContain('特困人员救助供养');
    expect(cells).not.toContain('扶贫小额信贷');
  });
});

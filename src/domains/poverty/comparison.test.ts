import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { sql } from 'drizzle-orm';
import { rows } from '../../kernel/db';
import { createTestApp, type TestApp } from '../../../test/support/app';
import { ctxFor } from '../../../test/support/ctx';
import { fieldCipher } from './crypto';
import { makeIdNumber } from './idcard';
import { confirmFinding } from './comparison';

let t: TestApp;
let cookie: string;
beforeAll(async () => {
  t = await createTestApp();
  cookie = await t.cookieFor('huangjing');
});
afterAll(() => t.close());

const one = async <T>(q: ReturnType<typeof sql>) => (await rows<T>(t.database.db, q))[0];
/** A member of a demo household: name and plaintext ID (decrypted here only to build the sector file). */
async function member(code: string) {
  const p = await one<{ name: string; id_enc: string; household_id: string }>(sql`select p.name, p.id_enc, p.household_id from poverty_persons p join poverty_households h on h.id = p.household_id where h.code = ${code} order by p.relation = '户主' desc limit 1`);
  return { name: p.name, id: fieldCipher().decrypt(p.id_enc), householdId: p.household_id };
}
async function compare(sector: string, csv: string, period?: string) {
  const created = await t.app.inject({ method: 'POST', url: '/api/v1/poverty/comparisons', headers: { cookie }, payload: { sector, countyCode: '220802', fileName: `${sector}.csv`, period } });
  expect(created.statusCode).toBe(201);
  const jobId = created.json().id as string;
  const res = await t.app.inject({ method: 'PUT', url: `/api/v1/poverty/comparisons/${jobId}/file`, headers: { cookie, 'content-type': 'text/csv' }, payload: csv });
  return { jobId, res };
}
const findings = async (jobId: string) => (await t.app.inject({ url: `/api/v1/poverty/findings?jobId=${jobId}`, headers: { cookie } })).json().items as { id: string; householdCode: string; kind: string; fromLevel: string | null; toLevel: string; ruleId: string; status: string; evidence: string }[];

describe('数据比对 as a job (MON-10, MON-15, MON-02)', () => {
  let jobId = '';
  const GENERAL = '220802100201009'; // 一般户, not monitored
  const BLUE = '220802100202003'; // monitored, blue
  const RED = '220802100201001'; // monitored, red already
  const POOR = '220802100201008'; // 未脱贫户: not a monitoring subject

  it('streams a housing file into staging, matches set-wise by ID hash and name, and lists entry and level-up findings', async () => {
    const g = await member(GENERAL);
    const b = await member(BLUE);
    const r = await member(RED);
    const p = await member(POOR);
    const stranger = makeIdNumber('220802', '1980-01-01', 777);
    const badId = g.id.slice(0, 17) + (g.id[17] === '1' ? '2' : '1');
    const csv = ['姓名,证件号码,事项,日期,说明',
      `${g.name},${g.id},C级危房,2026-10-20,鉴定为C级`, // 2 → entry
      `${b.name},${b.id},D级危房,2026-10-21,`, // 3 → level_up blue → red
      `${r.name},${r.id},C级危房,2026-10-21,`, // 4 → already red: nothing
      `${p.name},${p.id},C级危房,2026-10-21,`, // 5 → poor household: nothing
      `张冒名,${b.id},C级危房,,`, // 6 → name mismatch
      `某人,${badId},C级危房,,`, // 7 → bad ID
      `外县人,${stranger},C级危房,,`, // 8 → not in the register
      `${g.name},${g.id},漏水,,`, // 9 → unknown item
    ].join('\n');
    const run = await compare('housing', csv);
    jobId = run.jobId;
    expect(run.res.statusCode).toBe(200);
    expect(run.res.json()).toMatchObject({ status: 'done', processed: 8, accepted: 4, changed: 2 });
    expect(run.res.json().message).toContain('台账中无此人1行');
    const list = await findings(jobId);
    expect(list.map((f) => [f.householdCode, f.kind, f.fromLevel, f.toLevel, f.ruleId]).sort()).toEqual([
      [GENERAL, 'entry', null, 'RED', 'MON-15'],
      [BLUE, 'level_up', 'BLUE', 'RED', 'MON-15'],
    ].sort());
    // Each finding carries the sector's rows of that household as its evidence (the matched row only).
    expect(list.find((f) => f.householdCode === GENERAL)!.evidence).toBe(`${g.name}：住房安全隐患（鉴定为C级） 2026-10-20`);
    expect(list.find((f) => f.householdCode === BLUE)!.evidence).toBe(`${b.name}：住房安全隐患 2026-10-21`);
    const report = (await t.app.inject({ url: `/api/v1/poverty/comparisons/${jobId}/errors`, headers: { cookie } })).json().items as { line: number; code: string }[];
    expect(report.map((e) => [e.line, e.code])).toEqual([[6, 'name_mismatch'], [7, 'bad_id'], [9, 'bad_value']]);
    // Staging is emptied; the plaintext ID never reached the database.
    expect((await one<{ n: number }>(sql`select count(*)::int as n from poverty_sector_staging`)).n).toBe(0);
    expect((await rows(t.database.db, sql`select 1 from poverty_import_errors where message like ${'%' + b.id + '%'}`))).toHaveLength(0);
    // The same job cannot be uploaded twice.
    const again = await t.app.inject({ method: 'PUT', url: `/api/v1/poverty/comparisons/${jobId}/file`, headers: { cookie, 'content-type': 'text/csv' }, payload: csv });
    expect(again.statusCode).toBe(409);
  });

  it('MON-10: a finding is confirmed only with its verification; MON-06 warns before inclusion and nothing changes until acknowledged', async () => {
    const ctx = await ctxFor(t, 'huangjing');
    const f = (await findings(jobId)).find((x) => x.kind === 'entry')!;
    await expect(confirmFinding(ctx, f.id, { verifierBody: '', verifierName: '', finding: '' })).rejects.toMatchObject({ rule: { id: 'MON-10' } });
    const url = `/api/v1/poverty/findings/${f.id}/confirm`;
    const body = { verifierBody: '驻村工作队', verifierName: '王海', finding: '入户核实，房屋主体开裂，属实' };
    const warned = await t.app.inject({ method: 'POST', url, headers: { cookie }, payload: body });
    expect(warned.statusCode).toBe(422);
    expect(warned.json().error.rule.id).toBe('MON-06');
    expect((await one<{ n: number }>(sql`select count(*)::int as n from poverty_monitoring where household_id = (select id from poverty_households where code = ${GENERAL})`)).n).toBe(0);
    expect((await one<{ housing_secured: boolean }>(sql`select housing_secured from poverty_households where code = ${GENERAL}`)).housing_secured).toBe(true);
    const ok = await t.app.inject({ method: 'POST', url, headers: { cookie }, payload: { ...body, acknowledged: ['MON-06'] } });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ level: 'RED' });
    const m = await one<{ id: string; channel: string; status: string; level: string; sector_department: string }>(sql`select id, channel, status, level, sector_department from poverty_monitoring where id = ${ok.json().monitoringId}`);
    expect(m).toMatchObject({ channel: 'DATA_COMPARISON', status: 'monitored', level: 'RED', sector_department: '住建' });
    const events = await rows<{ kind: string; body: string | null; actor_name: string }>(t.database.db, sql`select kind, body, actor_name from poverty_monitoring_events where monitoring_id = ${m.id} order by at, id`);
    expect(events.map((e) => e.kind)).toEqual(['propose', 'verify', 'confirm']);
    expect(events[1]).toMatchObject({ body: '驻村工作队', actor_name: '王海' });
    expect((await one<{ housing_secured: boolean }>(sql`select housing_secured from poverty_households where code = ${GENERAL}`)).housing_secured).toBe(false);
    const again = await t.app.inject({ method: 'POST', url, headers: { cookie }, payload: { ...body, acknowledged: ['MON-06'] } });
    expect(again.statusCode).toBe(409);
  });

  it('MON-15: a level-up finding moves the monitored household to red, citing the rule, with history', async () => {
    const f = (await findings(jobId)).find((x) => x.kind === 'level_up')!;
    const res = await t.app.inject({ method: 'POST', url: `/api/v1/poverty/findings/${f.id}/confirm`, headers: { cookie }, payload: { verifierBody: '包村干部', verifierName: '刘春', finding: '房屋经鉴定为D级危房' } });
    expect(res.statusCode).toBe(200);
    const hh = (await t.app.inject({ url: `/api/v1/poverty/households?q=${BLUE}`, headers: { cookie } })).json().items[0];
    expect(hh).toMatchObject({ level: 'RED', suggestedLevel: 'RED', suggestedRule: 'MON-15' });
    const changes = await rows<{ kind: string; from_level: string; to_level: string; reason: string; job_id: string | null }>(t.database.db, sql`select kind, from_level, to_level, reason, job_id from poverty_level_changes where monitoring_id = ${hh.monitoringId} order by at, id`);
    expect(changes.slice(-2)).toEqual([
      expect.objectContaining({ kind: 'suggested', from_level: 'BLUE', to_level: 'RED', job_id: jobId }),
      expect.objectContaining({ kind: 'confirmed', from_level: 'BLUE', to_level: 'RED', reason: expect.stringContaining('MON-15') }),
    ]);
  });

  it('exports the findings list as XLSX with masked data only, and dismissing needs a reason', async () => {
    const res = await t.app.inject({ url: `/api/v1/poverty/findings.xlsx?jobId=${jobId}`, headers: { cookie } });
    expect(res.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[0];
    expect(ws.getRow(1).values).toContain('制度依据');
    const texts = ws.getSheetValues().flat().map(String).join('|');
    expect(texts).toContain(GENERAL);
    expect(texts).toContain('MON-15');
    expect(texts).not.toContain((await member(GENERAL)).id);
    const dismissed = await t.app.inject({ method: 'POST', url: `/api/v1/poverty/findings/${(await findings(jobId))[0].id}/dismiss`, headers: { cookie }, payload: { reason: '已处理' } });
    expect(dismissed.statusCode).toBe(409); // both are confirmed already
  });
});

describe('weekly hospital list (MON-13)', () => {
  it('MON-13: an admission of a monitored member creates a follow-up for the township/village and tells its staff', async () => {
    const m = await member('220802100201002'); // 青山镇, monitored (yellow)
    const csv = ['姓名,证件号码,事项,日期,金额,说明', `${m.name},${m.id},疾病住院,2026-10-28,3200.50,白城市中心医院`].join('\n');
    const run = await compare('hospital', csv, '2026-W44');
    expect(run.res.json()).toMatchObject({ status: 'done', accepted: 1 });
    const fu = (await t.app.inject({ url: '/api/v1/poverty/followups?status=open', headers: { cookie } })).json().items as { id: string; personName: string; period: string }[];
    const mine = fu.find((f) => f.period === '2026-W44')!;
    expect(mine).toMatchObject({ personName: m.name });
    const dongxue = await one<{ person_id: string }>(sql`select person_id from accounts where username = 'dongxue'`);
    const n = await rows(t.database.db, sql`select 1 from notifications where recipient_person_id = ${dongxue.person_id} and object_id = ${run.jobId}`);
    expect(n.length).toBe(1);
    const weeks = (await t.app.inject({ url: '/api/v1/poverty/hospital-weeks', headers: { cookie } })).json().items as { week: string; submitted: boolean }[];
    expect(weeks.find((w) => w.week === '2026-W44')).toMatchObject({ submitted: true });
    const done = await t.app.inject({ method: 'POST', url: `/api/v1/poverty/followups/${mine.id}/done`, headers: { cookie }, payload: { result: '已入户核实，医保报销后自付可承受' } });
    expect(done.statusCode).toBe(200);
  });
});

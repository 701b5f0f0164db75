import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { rows } from '../../kernel/db';
import { clearParamOverrides, setParamOverrides } from '../../kernel/rules';
import { createTestApp, type TestApp } from '../../../test/support/app';
import { ctxFor } from '../../../test/support/ctx';
import { confirmMonitoring, exitMonitoring, proposeMonitoring, setLevel, verifyMonitoring } from './monitoring';
import { runReclassify, startReclassify } from './reclassify';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());
afterEach(() => clearParamOverrides());

const one = async <T>(q: ReturnType<typeof sql>) => (await rows<T>(t.database.db, q))[0];
const household = (code: string) => one<{ id: string }>(sql`select id from poverty_households where code = ${code}`).then((r) => r.id);
// Village 青山村: households 001–004 are monitored in the demo; 005–007 exited, 008 poor, 009–010 general.
const EXITED = '220802100201005';
const GENERAL = '220802100201009';
const rejects = (p: Promise<unknown>, ruleId: string) => expect(p).rejects.toMatchObject({ rule: { id: ruleId } });

describe('identification and confirmation (MON-01, MON-02, MON-06, MON-07, MON-08, MON-10, MON-14, MON-15)', () => {
  it('AS-B30: a registered household entered as MARGINAL is blocked by MON-01', async () => {
    const ctx = await ctxFor(t, 'huangjing');
    await rejects(proposeMonitoring(ctx, { householdId: await household(EXITED), category: 'MARGINAL', channel: 'HOUSEHOLD_VISIT', criteria: {} }), 'MON-01');
  });

  it('MON-08: an application is confirmed only after the three verifiers; MON-14 needs a colour; MON-06 warns on scale', async () => {
    const ctx = await ctxFor(t, 'huangjing');
    const hid = await household(GENERAL);
    const { id } = await proposeMonitoring(ctx, { householdId: hid, category: 'MARGINAL', channel: 'HOUSEHOLD_APPLICATION', criteria: { C4: { eventType: '房屋火灾', eventDate: '2026-10-01' } } });
    await rejects(confirmMonitoring(ctx, id, { level: 'BLUE' }), 'MON-08');
    for (const body of ['驻村工作队', '包村干部', '村两委']) await verifyMonitoring(ctx, id, { body, actorName: `${body}成员`, finding: '情况属实' });
    await rejects(confirmMonitoring(ctx, id, { level: null }), 'MON-14');
    // The demo county's monitored share is far above 5%: a warning to acknowledge, never a block.
    setParamOverrides('MON-06', { monScaleTolerance: 1 });
    await rejects(confirmMonitoring(ctx, id, { level: 'BLUE' }), 'MON-06');
    const done = await confirmMonitoring(ctx, id, { level: 'BLUE', acknowledged: ['MON-06'] });
    expect(done).toMatchObject({ level: 'BLUE', warnings: [expect.objectContaining({ ruleId: 'MON-06' })] });
    const events = await rows<{ kind: string; body: string }>(t.database.db, sql`select kind, body from poverty_monitoring_events where monitoring_id = ${id} order by at, id`);
    expect(events.map((e) => e.kind)).toEqual(['propose', 'verify', 'verify', 'verify', 'confirm']);
  });

  it('MON-10: a data-comparison finding needs a verification before inclusion; MON-02 needs a criterion', async () => {
    const ctx = await ctxFor(t, 'huangjing');
    const { id } = await proposeMonitoring(ctx, { householdId: await household('220802100202009'), category: 'MARGINAL', channel: 'DATA_COMPARISON', criteria: {} });
    await rejects(confirmMonitoring(ctx, id, { level: 'BLUE' }), 'MON-02');
    await t.database.db.execute(sql`update poverty_monitoring set criteria = '{"C3":{"hazards":["HOUSING_SAFETY"]}}' where id = ${id}`);
    await rejects(confirmMonitoring(ctx, id, { level: 'BLUE' }), 'MON-10');
  });

  it('AS-B30: a red (特困, no labour) household set to blue without a reason warns (MON-15); with a reason it is logged', async () => {
    const ctx = await ctxFor(t, 'huangjing');
    const m = await one<{ id: string }>(sql`select m.id from poverty_monitoring m join poverty_households h on h.id = m.household_id where h.code = '220802100201001'`);
    // Every colour change needs a reason (CONF-101), which is stricter than MON-15's warning.
    await expect(setLevel(ctx, m.id, { level: 'BLUE', reason: ' ' })).rejects.toMatchObject({ status: 400 });
    await setLevel(ctx, m.id, { level: 'BLUE', reason: '已纳入低保，收入稳定' });
    const changes = await rows<{ from_level: string; to_level: string; reason: string }>(t.database.db, sql`select from_level, to_level, reason from poverty_level_changes where monitoring_id = ${m.id} and kind = 'confirmed' order by at, id`);
    expect(changes.at(-1)).toEqual({ from_level: 'RED', to_level: 'BLUE', reason: '已纳入低保，收入稳定' });
    expect(changes.length).toBe(2); // the history keeps the original colour
  });
});

describe('MON-24 exit (AS-B29)', () => {
  it('blocks while drinking water is not met, allows at 1.2 × S with evidence', async () => {
    const ctx = await ctxFor(t, 'huangjing');
    const m = await one<{ id: string; household_id: string }>(sql`select m.id, m.household_id from poverty_monitoring m join poverty_households h on h.id = m.household_id where h.code = '220802200201003'`);
    await t.database.db.execute(sql`update poverty_households set net_income_per_head_fen = 480000, water_secured = false where id = ${m.household_id}`);
    await rejects(exitMonitoring(ctx, m.id, { incomeStable: true, evidence: '2025年全年收入核算' }), 'MON-24');
    await t.database.db.execute(sql`update poverty_households set water_secured = true where id = ${m.household_id}`);
    await rejects(exitMonitoring(ctx, m.id, { incomeStable: true, evidence: '' }), 'MON-24');
    expect(await exitMonitoring(ctx, m.id, { incomeStable: true, evidence: '2025年全年收入核算' })).toMatchObject({ exitedOn: '2026-11-02' });
    expect((await one<{ status: string }>(sql`select status from poverty_monitoring where id = ${m.id}`)).status).toBe('exited');
  });
});

describe('set-wise reclassification (MON-15, MON-16, MON-17)', () => {
  it('in chunks, records what changed, and equals one hand-written UPDATE on the same data', async () => {
    const ctx = await ctxFor(t, 'huangjing');
    // Change the facts under a few monitored households.
    await t.database.db.execute(sql`update poverty_households set water_secured = false where code = '220802100202003'`); // blue → red (hazard)
    await t.database.db.execute(sql`update poverty_households set disposable_income_per_head_fen = 500000 where code = '220802200202004'`); // blue → red (income)
    await t.database.db.execute(sql`update poverty_households set extreme_poor = false, income_only_transfers = true, disposable_income_per_head_fen = 700000 where code = '220802200201001'`); // red → yellow
    const jobId = await startReclassify(ctx);
    const job = await runReclassify(ctx, jobId, { chunk: 3 });
    const [{ n }] = await rows<{ n: number }>(t.database.db, sql`select count(*)::int as n from poverty_monitoring where status = 'monitored'`);
    expect(job).toMatchObject({ status: 'done', processed: n, total: n, changed: 3 });
    const changes = await rows<{ code: string; from_level: string; to_level: string; rule_id: string }>(t.database.db, sql`select h.code, c.from_level, c.to_level, c.rule_id
      from poverty_level_changes c join poverty_monitoring m on m.id = c.monitoring_id join poverty_households h on h.id = m.household_id where c.job_id = ${jobId} order by h.code`);
    expect(changes).toEqual([
      { code: '220802100202003', from_level: 'BLUE', to_level: 'RED', rule_id: 'MON-15' },
      { code: '220802200201001', from_level: 'RED', to_level: 'YELLOW', rule_id: 'MON-16' },
      { code: '220802200202004', from_level: 'BLUE', to_level: 'RED', rule_id: 'MON-15' },
    ]);
    const chunked = await rows(t.database.db, sql`select id, suggested_level, suggested_rule from poverty_monitoring where status = 'monitored' order by id`);
    // The same rules written by hand as one UPDATE (demo standard for 2025: 4,000 yuan).
    await t.database.db.execute(sql`update poverty_monitoring set suggested_level = null, suggested_rule = null`);
    await t.database.db.execute(sql`update poverty_monitoring m set
      suggested_level = case
        when h.extreme_poor and not exists (select 1 from poverty_persons p where p.household_id = h.id and p.labour_capacity in ('full', 'skilled', 'weak')) then 'RED'
        when h.disposable_income_per_head_fen < 600000 then 'RED'
        when not h.education_secured or not h.medical_secured or not h.housing_secured or not h.water_secured then 'RED'
        when h.income_only_transfers and not exists (select 1 from poverty_persons p where p.household_id = h.id and p.labour_capacity in ('full', 'skilled', 'weak')) then 'YELLOW'
        else 'BLUE' end,
      suggested_rule = case
        when h.extreme_poor and not exists (select 1 from poverty_persons p where p.household_id = h.id and p.labour_capacity in ('full', 'skilled', 'weak')) then 'MON-15'
        when h.disposable_income_per_head_fen < 600000 then 'MON-15'
        when not h.education_secured or not h.medical_secured or not h.housing_secured or not h.water_secured then 'MON-15'
        when h.income_only_transfers and not exists (select 1 from poverty_persons p where p.household_id = h.id and p.labour_capacity in ('full', 'skilled', 'weak')) then 'MON-16'
        else 'MON-17' end
      from poverty_households h where h.id = m.household_id and m.status = 'monitored'`);
    const single = await rows(t.database.db, sql`select id, suggested_level, suggested_rule from poverty_monitoring where status = 'monitored' order by id`);
    expect(chunked).toEqual(single);
    // A second run on unchanged data changes nothing and records nothing.
    await runReclassify(ctx, await startReclassify(ctx), { chunk: 4 });
    const again = await one<{ changed: number }>(sql`select changed from poverty_jobs where kind = 'reclassify' order by created_at desc, id desc limit 1`);
    expect(again.changed).toBe(0);
  });

  it('runs over HTTP as a background job the web app polls', async () => {
    const cookie = await t.cookieFor('huangjing');
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/poverty/reclassify', headers: { cookie } });
    expect(res.statusCode).toBe(202);
    const { jobId } = res.json();
    let job = { status: 'pending' };
    for (let i = 0; i < 50 && job.status !== 'done'; i++) {
      await new Promise((r) => setTimeout(r, 50));
      job = (await t.app.inject({ url: `/api/v1/poverty/jobs/${jobId}`, headers: { cookie } })).json();
    }
    expect(job.status).toBe('done');
    const dash = (await t.app.inject({ url: '/api/v1/poverty/dashboard', headers: { cookie } })).json();
    expect(dash.byVillage.length).toBeGreaterThan(0);
    const scale = (await t.app.inject({ url: '/api/v1/poverty/monitoring/scale', headers: { cookie } })).json();
    expect(scale.items[0]).toMatchObject({ countyCode: '220802', verdict: expect.objectContaining({ ruleId: 'MON-06' }) });
  });
});

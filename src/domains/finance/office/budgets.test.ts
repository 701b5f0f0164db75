import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/support/app';
import { ctxFor } from '../../../../test/support/ctx';
import { rows } from '../../../kernel/db';
import { rejected, sign, statusOf, taskOf } from '../test-helpers';
import { approvePlan, fillExecuted, planReport, remindMeetingPlan, savePlan, submitMeetingBudget } from './service';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t?.close());

const hub = () => ctxFor(t, 'liuyang');
const plan = (year: number, kind: 'meeting' | 'training', amountFen: number, name = '年度工作会议', justification?: string) => ({ year, kind, items: [{ name, amountFen }], justification });
const budget = (over: Record<string, unknown> = {}) => ({
  kind: 'meeting', name: '全市防返贫监测工作会议', startDate: '2026-11-10', endDate: '2026-11-11', venue: '白城宾馆', attendees: '各县（市、区）扶贫办分管领导', headcount: 20,
  noticeRef: '白扶办发〔2026〕30号', content: '部署监测工作', purpose: '压实责任',
  lines: [{ item: '场租费', budgetFen: 1_000_000 }, { item: '住宿费', budgetFen: 2_500_000 }, { item: '餐费', budgetFen: 1_200_000 }, { item: '资料用品费用', budgetFen: 300_000 }], ...over,
});

describe('the yearly plan (MTG-01, MTG-02)', () => {
  it('AS-D36 MTG-02: meetings above the previous year warn and need a reason, trainings below do not; the plan is approved by 综合科科长 only', async () => {
    await savePlan(await hub(), plan(2021, 'meeting', 10_000_000));
    await savePlan(await hub(), plan(2021, 'training', 8_500_000));
    await approvePlan(await hub(), 2021, 'meeting');
    await approvePlan(await hub(), 2021, 'training');
    const noReason = await rejected(savePlan(await hub(), plan(2022, 'meeting', 12_000_000)));
    expect(noReason.message).toContain('MTG-02');
    expect(noReason.message).toContain('须说明理由');
    const unacked = await rejected(savePlan(await hub(), plan(2022, 'meeting', 12_000_000, '年度工作会议', '新增全市监测培训会')));
    expect(unacked).toMatchObject({ code: 'RULE_WARNING', rule: { id: 'MTG-02' } });
    const saved = await savePlan(await hub(), plan(2022, 'meeting', 12_000_000, '年度工作会议', '新增全市监测培训会'), ['MTG-02']);
    expect(saved.plan).toMatchObject({ varianceFen: 2_000_000, overPrevious: true, baselineFen: 10_000_000 });
    const training = await savePlan(await hub(), plan(2022, 'training', 8_000_000));
    expect(training.warnings).toEqual([]);
    expect(training.plan.overPrevious).toBe(false);
    await expect(approvePlan(await ctxFor(t, 'mali'), 2022, 'meeting')).rejects.toMatchObject({ status: 403 });
    await approvePlan(await hub(), 2022, 'meeting');
    await expect(savePlan(await hub(), plan(2022, 'meeting', 1_000))).rejects.toMatchObject({ status: 409 });
    const report = await planReport(await hub(), 2022);
    expect(report.map((l) => [l.kind, l.overPrevious])).toEqual([['meeting', true], ['training', false]]);
  });

  it('MTG-01: 综合科科长 is reminded once a day from 30 days before the deadline while next year\'s plan is missing', async () => {
    t.clock.set('2026-10-20T09:00:00+08:00');
    expect(await remindMeetingPlan(t.database, t.clock)).toBe(0);
    t.clock.set('2026-11-02T09:00:00+08:00');
    expect(await remindMeetingPlan(t.database, t.clock)).toBe(1);
    expect(await remindMeetingPlan(t.database, t.clock)).toBe(0);
    const [n] = await rows<{ title: string; name: string }>(t.database.db, sql`select n.title, p.name from notifications n join people p on p.id = n.recipient_person_id where n.object_type = 'finance_meeting_plan'`);
    expect(n).toMatchObject({ name: '刘洋' });
    expect(n.title).toContain('2027年度');
  });

  it('only 综合科 compiles the plan (finance.office)', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/finance/meeting-plans', headers: { cookie: await t.cookieFor('tangning') }, payload: { plan: plan(2027, 'meeting', 1_000_000) } });
    expect(res.statusCode).toBe(403);
  });
});

describe('budget forms (FMS-F3a / F3b, MTG-03…06)', () => {
  it('AS-D37 MTG-05: no notice, no budget; MTG-03: lodging, venue and meals above the cap, or a venue not designated, are blocked', async () => {
    const me = await ctxFor(t, 'tangning');
    expect((await rejected(submitMeetingBudget(me, budget({ noticeRef: '' })))).rule?.id).toBe('MTG-05');
    // 40,000 fen × 20 people × 2 days = 16,000.00; 场租 + 住宿 + 餐费 = 47,000.00.
    const over = await rejected(submitMeetingBudget(me, budget({ unplannedReason: '临时部署' })));
    expect(over.rule?.id).toBe('MTG-03');
    expect(over.message).toContain('综合定额');
    expect((await rejected(submitMeetingBudget(me, budget({ venue: '某度假山庄', lines: [{ item: '餐费', budgetFen: 100_000 }] })))).rule?.id).toBe('MTG-03');
  });

  it('MTG-01 MTG-06: a meeting outside the plan needs a reason; a scenic venue warns; trainings are not capped unless configured', async () => {
    const me = await ctxFor(t, 'tangning');
    const small = { lines: [{ item: '场租费', budgetFen: 0 }, { item: '住宿费', budgetFen: 600_000 }, { item: '餐费', budgetFen: 400_000 }, { item: '资料用品费用', budgetFen: 100_000 }] };
    const noReason = await rejected(submitMeetingBudget(me, budget({ name: '计划外座谈会', ...small })));
    expect(noReason.rule?.id).toBe('MTG-01');
    const warned = await rejected(submitMeetingBudget(me, budget({ name: '计划外座谈会', ...small, unplannedReason: '上级临时部署' })));
    expect(warned).toMatchObject({ code: 'RULE_WARNING', rule: { id: 'MTG-01' } });
    const scenic = await rejected(submitMeetingBudget(me, { ...budget({ name: '计划外培训', kind: 'training', venue: '查干湖培训基地', unplannedReason: '上级临时部署' }), lines: [{ item: '讲课费', budgetFen: 5_000_000 }] }, ['MTG-01']));
    expect(scenic).toMatchObject({ code: 'RULE_WARNING', rule: { id: 'MTG-06' } });
  });

  it('AS-D37 MTG-04: a planned meeting within the caps is signed 经办人 → 科室负责人 → 综合科 → 审批领导; executed above budget warns; it prints both columns', async () => {
    const me = await ctxFor(t, 'tangning');
    const lines = [{ item: '场租费', budgetFen: 100_000 }, { item: '住宿费', budgetFen: 250_000 }, { item: '餐费', budgetFen: 120_000 }, { item: '资料用品费用', budgetFen: 30_000 }];
    const res = await submitMeetingBudget(me, budget({ lines }));
    expect(res.warnings).toEqual([]);
    await expect(taskOf(t, res.instanceId, 'liuyang')).rejects.toThrow();
    for (const u of ['hanbing', 'liuyang', 'liminghua']) await sign(t, res.instanceId, u);
    expect(await statusOf(t, res.instanceId)).toBe('approved');
    await expect(fillExecuted(me, res.id, { executedFen: [100_000, 250_000, 120_000, 30_000] })).rejects.toMatchObject({ status: 409 });
    t.clock.set('2026-11-12T09:00:00+08:00');
    await expect(fillExecuted(await ctxFor(t, 'xunuo'), res.id, { executedFen: [100_000, 250_000, 120_000, 30_000] })).rejects.toMatchObject({ status: 403 });
    const noNote = await rejected(fillExecuted(me, res.id, { executedFen: [100_000, 270_000, 120_000, 30_000] }));
    expect(noNote.message).toContain('MTG-04');
    const warn = await rejected(fillExecuted(me, res.id, { executedFen: [100_000, 270_000, 120_000, 30_000], note: '参会人数增加2人' }));
    expect(warn).toMatchObject({ code: 'RULE_WARNING', rule: { id: 'MTG-04' } });
    const done = await fillExecuted(me, res.id, { executedFen: [100_000, 270_000, 120_000, 30_000], note: '参会人数增加2人' }, ['MTG-04']);
    expect(done.budget.executedFen).toBe(520_000);
    const pdf = await t.app.inject({ method: 'GET', url: `/api/v1/finance/meeting-budgets/${res.id}/form.pdf`, headers: { cookie: await t.cookieFor('tangning') } });
    expect(pdf.statusCode).toBe(200);
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'gc-mtb-')), 'f.pdf');
    fs.writeFileSync(file, pdf.rawPayload);
    const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
    for (const s of ['白城市扶贫办会议费预算单', '预算金额', '执行金额', '5,000.00元', '5,200.00元', '共 2 天', '韩冰', '刘洋', '李明华', '审批领导意见']) expect(text).toContain(s);
    const xlsx = await t.app.inject({ method: 'GET', url: '/api/v1/finance/ledger/meeting-budgets.xlsx', headers: { cookie: await t.cookieFor('liuyang') } });
    expect(xlsx.statusCode).toBe(200);
    t.clock.set('2026-11-02T09:00:00+08:00');
  });
});

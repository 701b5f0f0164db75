import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/support/app';
import { ctxFor } from '../../../../test/support/ctx';
import { rows } from '../../../kernel/db';
import { actOnTask, printInstance } from '../../../kernel/flow';
import { clearParamOverrides, setParamOverrides } from '../../../kernel/rules';
import { partyDecision, rejected, sign, statusOf, taskOf } from '../test-helpers';
import { listProcurements, submitProcurement } from './service';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t?.close());
afterEach(() => clearParamOverrides());

const request = (estimatedFen: number, over: Record<string, unknown> = {}) => ({
  kind: 'purchase', title: '规划项目科办公设备', method: 'below_limit',
  lines: [{ name: '激光打印机', quantity: 1, unit: '台', use: '项目材料打印', remark: 'A4黑白', estimatedFen }], ...over,
});
const file = async (user: string, form: Record<string, unknown>, ack: string[] = []) => submitProcurement(await ctxFor(t, user), form, ack);
const planOf = async (instanceId: string) => {
  const [r] = await rows<{ plan: { id: string }[]; facts: { tier: string; seq: number; year: number } }>(t.database.db, sql`select plan, facts from flow_instances where id = ${instanceId}`);
  return { steps: r.plan.map((s) => s.id), facts: r.facts };
};
const pdfText = (pdf: Buffer) => {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'gc-prc-')), 'f.pdf');
  fs.writeFileSync(file, pdf);
  return execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
};

describe('procurement tiers (五不直接分管 第二条（四）, CONF-03)', () => {
  it('AS-B43 FIVE-10: 3,000 yuan is small: 综合科 → the procurement leader approves; prints FMS-F1 with its number', async () => {
    const res = await file('tangning', request(300_000));
    const { steps, facts } = await planOf(res.instanceId);
    expect(facts.tier).toBe('small');
    expect(steps).toEqual(['hub', 'procurement']);
    await expect(taskOf(t, res.instanceId, 'sunli')).rejects.toThrow();
    await sign(t, res.instanceId, 'liuyang');
    await sign(t, res.instanceId, 'sunli');
    expect(await statusOf(t, res.instanceId)).toBe('approved');
    const [row] = (await listProcurements(await ctxFor(t, 'tangning'), { scope: 'mine' })).filter((r) => r.flowInstanceId === res.instanceId);
    expect(row).toMatchObject({ status: 'approved', tier: 'small', amountFen: 300_000 });
    expect(row.no).toBe(`FMSF1-${facts.year}-${String(facts.seq).padStart(4, '0')}`);
    const text = pdfText((await printInstance(await ctxFor(t, 'tangning'), res.instanceId)).pdf);
    for (const s of ['办公用品、生活物资购买（维修）申请单', row.no, '领导签批', '科长签字', '申请人', '激光打印机', '孙丽', '刘洋', '唐宁']) expect(text).toContain(s);
    expect(text).not.toContain('陈志远');
  });

  it('AS-B43 FIVE-11 FIVE-18: 8,000 yuan is larger: the procurement leader requests, then the principal consents; the principal may sign nothing else', async () => {
    const res = await file('tangning', request(800_000));
    const { steps, facts } = await planOf(res.instanceId);
    expect(facts.tier).toBe('larger');
    expect(steps).toEqual(['hub', 'procurement_request', 'principal']);
    await sign(t, res.instanceId, 'liuyang');
    // 孙丽 has not yet asked: the principal leader has no task.
    await expect(taskOf(t, res.instanceId, 'chenzhiyuan')).rejects.toThrow();
    // 综合科 adds the principal leader as an extra signer of the request step: refused (FIVE-18).
    await actOnTask(await ctxFor(t, 'sunli'), await taskOf(t, res.instanceId, 'sunli'), 'add_signer', { personId: 'psn_chenzhiyuan', comment: '请主任一起审' });
    const err = await rejected(actOnTask(await ctxFor(t, 'chenzhiyuan'), await taskOf(t, res.instanceId, 'chenzhiyuan'), 'approve', { comment: '同意' }));
    expect(err.rule?.id).toBe('FIVE-18');
  });

  it('AS-B43 CONF-03 FIVE-10: the boundary is exclusive below — 4,999.99 small, 5,000.00 larger; with no boundary set nothing is routed, naming the parameter', async () => {
    expect((await planOf((await file('tangning', request(499_999))).instanceId)).facts.tier).toBe('small');
    expect((await planOf((await file('tangning', request(500_000))).instanceId)).facts.tier).toBe('larger');
    setParamOverrides('FIVE-10', { smallLargerBoundaryFen: null });
    const err = await rejected(file('tangning', request(300_000)));
    expect(err.rule?.id).toBe('FIVE-10');
    expect(err.message).toContain('smallLargerBoundaryFen');
    setParamOverrides('FIVE-10', { smallLargerBoundaryFen: 2_500_000 });
    expect((await rejected(file('tangning', request(300_000)))).rule?.id).toBe('FIVE-10');
  });

  it('AS-B43 FIVE-12 FIVE-15 FIVE-16: 25,000 yuan is large: blocked without a 党组 decision; a decision of another kind is refused; linked, the large chain runs without the principal', async () => {
    const big = request(2_500_000, { method: 'inquiry' });
    const none = await rejected(file('tangning', big));
    expect(none.rule?.id).toBe('FIVE-12');
    expect(none.message).toContain('党组集体研究决定');
    const otherKind = await partyDecision(t, 3_000_000, 'special_fund', '专项经费使用');
    expect((await rejected(file('tangning', { ...big, decisionId: otherKind }))).rule?.id).toBe('FIVE-15');
    const decisionId = await partyDecision(t, 3_000_000, 'procurement', '采购项目材料打印设备');
    // The test decision came from no section's discussion proposal: FIVE-16 warns.
    expect((await rejected(file('tangning', { ...big, decisionId }))).rule?.id).toBe('FIVE-16');
    const res = await file('tangning', { ...big, decisionId }, ['FIVE-16']);
    const { steps, facts } = await planOf(res.instanceId);
    expect(facts.tier).toBe('large');
    expect(steps).toEqual(['section', 'hub', 'finance', 'business', 'finance_approval']);
    for (const u of ['hanbing', 'liuyang', 'mali', 'sunli', 'liminghua']) await sign(t, res.instanceId, u);
    expect(await statusOf(t, res.instanceId)).toBe('approved');
    const [row] = await rows<{ decision_id: string; tier: string }>(t.database.db, sql`select decision_id, tier from finance_procurements where flow_instance_id = ${res.instanceId}`);
    expect(row).toEqual({ decision_id: decisionId, tier: 'large' });
  });

  it('FIVE-13: the procurement method is recorded; single-source needs its basis', async () => {
    expect((await rejected(file('tangning', request(300_000, { method: 'single_source' })))).rule?.id).toBe('FIVE-13');
    const res = await file('tangning', request(300_000, { method: 'single_source', methodBasis: '原厂专用耗材，只能从唯一供应商处采购' }));
    const [row] = await rows<{ method: string }>(t.database.db, sql`select method from finance_procurements where flow_instance_id = ${res.instanceId}`);
    expect(row.method).toBe('single_source');
    const [a] = await rows<{ n: number }>(t.database.db, sql`select count(*)::int as n from audit_log where event = 'finance.procurement.submit' and detail->>'method' = 'single_source'`);
    expect(a.n).toBe(1);
  });

  it('bad input is refused in Chinese and nothing is stored', async () => {
    const [before] = await rows<{ n: number }>(t.database.db, sql`select count(*)::int as n from finance_procurements`);
    const err = await rejected(file('tangning', request(300_000, { lines: [] })));
    expect(err.status).toBe(400);
    expect(err.message).toContain('请至少填写一项');
    const [after] = await rows<{ n: number }>(t.database.db, sql`select count(*)::int as n from finance_procurements`);
    expect(after.n).toBe(before.n);
  });

  it('two requests filed at the same moment get different numbers', async () => {
    const [a, b] = await Promise.all([file('tangning', request(100_000)), file('dongxue', request(100_000))]);
    const nos = await rows<{ seq: number }>(t.database.db, sql`select seq from finance_procurements where id in (${a.id}, ${b.id})`);
    expect(new Set(nos.map((n) => n.seq)).size).toBe(2);
  });

  it('the procurement ledger exports as XLSX for 综合科 and is refused to ordinary staff', async () => {
    const ok = await t.app.inject({ method: 'GET', url: '/api/v1/finance/ledger/procurements.xlsx', headers: { cookie: await t.cookieFor('liuyang') } });
    expect(ok.statusCode).toBe(200);
    expect(ok.rawPayload.subarray(0, 2).toString()).toBe('PK');
    const no = await t.app.inject({ method: 'GET', url: '/api/v1/finance/ledger/procurements.xlsx', headers: { cookie: await t.cookieFor('tangning') } });
    expect(no.statusCode).toBe(403);
    const api = await t.app.inject({ method: 'POST', url: '/api/v1/finance/procurements', headers: { cookie: await t.cookieFor('tangning') }, payload: { form: request(2_500_000) } });
    expect(api.statusCode).toBe(422);
    expect(api.json().error.rule.id).toBe('FIVE-12');
  });
});

import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/support/app';
import { ctxFor } from '../../../../test/support/ctx';
import { rows } from '../../../kernel/db';
import { printInstance } from '../../../kernel/flow';
import { rejected, sign, statusOf, taskOf } from '../test-helpers';
import { distribute, listPrints, recordPrinted, submitPrint } from './service';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t?.close());

const request = (over: Record<string, unknown> = {}) => ({
  title: '扶贫政策汇编', costFen: 600_000, quantity: 500, scope: '各县（市、区）扶贫办', paper: '70g胶版纸', format: '16开',
  quotations: [{ supplier: '白城市印刷厂', amountFen: 600_000, ref: '报价单1' }], ...over,
});

describe('printing (FMS-F4)', () => {
  it('AS-D38 PRINT-01 PRINT-02 PRINT-03: quotation and budget first; 综合科 before the leader; printed centrally; never more handed out than printed', async () => {
    const me = await ctxFor(t, 'tangning');
    expect((await rejected(submitPrint(me, request({ costFen: 0, quotations: [] })))).rule?.id).toBe('PRINT-01');
    expect((await rejected(submitPrint(me, request({ quotations: [] })))).rule?.id).toBe('PRINT-01');
    const res = await submitPrint(me, request());
    // PRINT-02: the leader has no task before 综合科审核.
    await expect(taskOf(t, res.instanceId, 'liminghua')).rejects.toThrow();
    const hub = await ctxFor(t, 'liuyang');
    expect((await rejected(recordPrinted(hub, res.id, { quantity: 500, printer: '白城市印刷厂', printedOn: '2026-11-03' }))).message).toContain('PRINT-02');
    await sign(t, res.instanceId, 'liuyang');
    await sign(t, res.instanceId, 'liminghua');
    expect(await statusOf(t, res.instanceId)).toBe('approved');
    // Sections do not print themselves (PRINT-03).
    await expect(recordPrinted(me, res.id, { quantity: 500, printer: '某打印店', printedOn: '2026-11-03' })).rejects.toMatchObject({ status: 403 });
    await recordPrinted(hub, res.id, { quantity: 500, printer: '白城市印刷厂', printedOn: '2026-11-03' });
    await distribute(hub, res.id, { handedOn: '2026-11-04', recipient: '洮北区扶贫办', quantity: 300, receiver: '王某' });
    const over = await rejected(distribute(hub, res.id, { handedOn: '2026-11-04', recipient: '洮南市扶贫办', quantity: 220, receiver: '李某' }));
    expect(over.rule?.id).toBe('PRINT-03');
    const [row] = (await listPrints(me, { scope: 'mine' })).filter((r) => r.id === res.id);
    expect(row).toMatchObject({ printedQuantity: 500, distributedQuantity: 300 });
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'gc-prt-')), 'f.pdf');
    fs.writeFileSync(file, (await printInstance(me, res.instanceId)).pdf);
    const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
    for (const s of ['办机关各科室印刷品印制申请表', '科（室）名称', '规划项目科', '扶贫政策汇编', '6000.00', '领导签批', '综合科审核', '刘洋', '李明华', '白城市印刷厂']) expect(text).toContain(s);
  });

  it('PRINT-03: two hand-outs at the same moment cannot together exceed what was printed', async () => {
    const res = await submitPrint(await ctxFor(t, 'tangning'), request({ quantity: 100 }));
    for (const u of ['liuyang', 'liminghua']) await sign(t, res.instanceId, u);
    const hub = await ctxFor(t, 'liuyang');
    await recordPrinted(hub, res.id, { quantity: 100, printer: '白城市印刷厂', printedOn: '2026-11-03' });
    const outcomes = await Promise.allSettled([
      distribute(hub, res.id, { handedOn: '2026-11-04', recipient: '督查科', quantity: 60, receiver: '许诺' }),
      distribute(hub, res.id, { handedOn: '2026-11-04', recipient: '社会扶贫科', quantity: 60, receiver: '董雪' }),
    ]);
    expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(1);
    const [sum] = await rows<{ n: number }>(t.database.db, sql`select coalesce(sum(quantity), 0)::int as n from finance_print_distributions where request_id = ${res.id}`);
    expect(sum.n).toBe(60);
  });

  it('the printing ledger exports as XLSX for 综合科', async () => {
    const ok = await t.app.inject({ method: 'GET', url: '/api/v1/finance/ledger/prints.xlsx', headers: { cookie: await t.cookieFor('liuyang') } });
    expect(ok.statusCode).toBe(200);
    expect(ok.rawPayload.subarray(0, 2).toString()).toBe('PK');
  });
});

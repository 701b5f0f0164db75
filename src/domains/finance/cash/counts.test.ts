import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/support/app';
import { ctxFor } from '../../../../test/support/ctx';
import { rows } from '../../../kernel/db';
import { rejected } from '../test-helpers';
import { closeCount, countExceptions, countSchedule, recordCount, remindCashCounts } from './counts';
import { checkSupervisor, countFigures, periodOf, scheduleStatus } from './rules';

/**
 * Demo mapping of the AS-D fixtures: 王五 (财务负责人) = 马丽 mali, 赵六 (会计) = 黄静 huangjing,
 * 钱七 (出纳) = 高伟 gaowei; 刘洋 liuyang is 综合科科长 (finance.cash, not the finance head).
 */
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t?.close());

const count = (over: Record<string, unknown> = {}) => ({
  kind: 'unscheduled', countedOn: '2026-11-02', cashierPersonId: 'psn_gaowei', supervisorPersonId: 'psn_huangjing', bookFen: 320_000, cashFen: 320_000, ...over,
});
const notices = async (person: string, objectType: string) =>
  rows<{ title: string; object_id: string }>(t.database.db, sql`select title, object_id from notifications where recipient_person_id = ${person} and object_type = ${objectType} order by created_at`);

describe('FIN-03 schedule', () => {
  it('FIN-03: periods are months (or quarters); a finished month without a 定期 count is overdue, the current one due', () => {
    expect(periodOf('2026-11-15', 'monthly')).toMatchObject({ key: '2026-11', start: '2026-11-01', end: '2026-11-30' });
    expect(periodOf('2026-12-31', 'quarterly')).toMatchObject({ key: '2026-Q4', start: '2026-10-01', end: '2026-12-31' });
    const lines = scheduleStatus([{ kind: 'scheduled', countedOn: '2026-09-30' }, { kind: 'unscheduled', countedOn: '2026-08-03' }], '2026-09-30', '2026-11-02');
    const state = (kind: string, key: string) => lines.find((l) => l.kind === kind && l.key === key)?.state;
    expect(state('scheduled', '2026-09')).toBe('done');
    expect(state('scheduled', '2026-10')).toBe('overdue');
    expect(state('scheduled', '2026-11')).toBe('due');
    expect(state('unscheduled', '2026-Q3')).toBe('done');
    expect(state('unscheduled', '2026-Q4')).toBe('due');
  });

  it('FIN-03: the demo office counted last month; a month later the missing 定期 count is reported to the finance head once', async () => {
    expect((await countSchedule(await ctxFor(t, 'mali'))).filter((l) => l.state === 'overdue')).toEqual([]);
    expect(await remindCashCounts(t.database, t.clock)).toBe(0);
    t.clock.set('2026-12-03T09:00:00+08:00');
    try {
      const overdue = (await countSchedule(await ctxFor(t, 'mali'))).filter((l) => l.state === 'overdue');
      expect(overdue.map((l) => `${l.kind}:${l.key}`)).toEqual(['scheduled:2026-11']);
      expect(await remindCashCounts(t.database, t.clock)).toBe(1);
      expect(await remindCashCounts(t.database, t.clock)).toBe(0);
      const sent = await notices('psn_mali', 'finance_cash_schedule');
      expect(sent.map((n) => n.title)).toEqual(['2026年11月未完成定期现金盘点']);
    } finally {
      t.clock.set('2026-11-02T09:00:00+08:00');
    }
  });
});

describe('cash counts (FIN-03, FIN-02.3, FIN-02.2)', () => {
  it('AS-D40 FIN-02.3 FIN-03: 3,200.00 book, 2,950.00 cash + a 250.00 IOU → −250.00, flagged, not closed without explanation; the cashier cannot supervise, the designated accountant can', async () => {
    const mali = await ctxFor(t, 'mali');
    const as40 = count({ cashFen: 295_000, ious: [{ description: '借条：预借差旅费', amountFen: 25_000, issuer: '唐宁' }] });
    // 钱七 (the cashier) as supervisor: blocked.
    const own = await rejected(recordCount(mali, { ...as40, supervisorPersonId: 'psn_gaowei' }, ['FIN-02.3']));
    expect(own.rule?.id).toBe('FIN-03');
    expect(own.message).toContain('出纳不得担任');
    // The IOU is a warning to acknowledge (FIN-02.3) …
    const warn = await rejected(recordCount(mali, as40));
    expect([warn.code, warn.rule?.id]).toEqual(['RULE_WARNING', 'FIN-02.3']);
    // … with 赵六 designated by 王五 it passes.
    const { count: c, warnings } = await recordCount(mali, { ...as40, designatedByPersonId: 'psn_mali' }, ['FIN-02.3']);
    expect(warnings.map((w) => w.ruleId)).toEqual(['FIN-02.3']);
    expect(c).toMatchObject({ bookFen: 320_000, cashFen: 295_000, iouFen: 25_000, differenceFen: -25_000, status: 'open', supervisorName: '黄静', designatedByName: '马丽' });
    expect(c.flags).toEqual(['FIN-03', 'FIN-02.3']);
    const close = await rejected(closeCount(mali, c.id, {}));
    expect(close.rule?.id).toBe('FIN-03');
    expect(close.message).toContain('-250.00元');
    const closed = await closeCount(mali, c.id, { explanation: '出纳以借条抵库250.00元，已责令收回并登记违规问题' });
    expect(closed).toMatchObject({ status: 'closed', closedByName: '马丽' });
    expect((await countExceptions(mali)).map((x) => x.id)).toContain(c.id);
    const [a] = await rows<{ n: number }>(t.database.db, sql`select count(*)::int as n from audit_log where object_id = ${c.id} and event in ('finance.cash_count.record', 'finance.cash_count.close')`);
    expect(a.n).toBe(2);
  });

  it('FIN-03: the supervisor is designated by the finance head only; a non-accountant needs a recorded reason', async () => {
    const liuyang = await ctxFor(t, 'liuyang');
    // 刘洋 is not the 财务负责人: his designation does not count.
    expect((await rejected(recordCount(liuyang, count()))).message).toContain('须由财务负责人指定');
    const ok = await recordCount(liuyang, count({ designatedByPersonId: 'psn_mali' }));
    expect(ok.count.flags).toEqual([]);
    // 许诺 is no accountant: blocked without a reason, a warning with one.
    const other = count({ supervisorPersonId: 'psn_xunuo', designatedByPersonId: 'psn_mali' });
    expect((await rejected(recordCount(liuyang, other))).rule?.id).toBe('FIN-03');
    const warned = await rejected(recordCount(liuyang, { ...other, supervisorJustification: '会计黄静休假' }));
    expect([warned.code, warned.rule?.id]).toEqual(['RULE_WARNING', 'FIN-03']);
    const done = await recordCount(liuyang, { ...other, supervisorJustification: '会计黄静休假' }, ['FIN-03']);
    expect(done.count.supervisorJustification).toBe('会计黄静休假');
    // Pure check: no finance head registered → nobody can designate.
    expect(checkSupervisor({ cashierId: 'a', supervisorId: 'b', designatedById: 'c', financeHeadId: null, supervisorIsAccountant: true })[0]).toMatchObject({ outcome: 'block', ruleId: 'FIN-03' });
  });

  it('FIN-02.2: cash above the 5,000.00 limit needs a deposit date, warns and is reported to the finance head', async () => {
    const liuyang = await ctxFor(t, 'liuyang');
    expect(countFigures(500_000, 500_000, []).overLimit).toBe(false);
    expect(countFigures(500_001, 500_000, []).overLimit).toBe(true);
    const big = count({ bookFen: 680_000, cashFen: 680_000, designatedByPersonId: 'psn_mali' });
    const noDate = await rejected(recordCount(liuyang, big, ['FIN-02.2']));
    expect([noDate.code, noDate.rule?.id]).toEqual(['RULE_BLOCKED', 'FIN-02.2']);
    expect((await rejected(recordCount(liuyang, { ...big, depositPlannedOn: '2026-11-03' }))).rule?.id).toBe('FIN-02.2');
    const { count: c } = await recordCount(liuyang, { ...big, depositPlannedOn: '2026-11-03' }, ['FIN-02.2']);
    expect(c).toMatchObject({ overLimit: true, limitFen: 500_000, depositPlannedOn: '2026-11-03', flags: ['FIN-02.2'] });
    const sent = await notices('psn_mali', 'finance_cash_count');
    expect(sent.find((n) => n.object_id === c.id)?.title).toContain('超过库存现金限额');
    // No difference, no IOU: closes without an explanation.
    expect((await closeCount(liuyang, c.id, {})).status).toBe('closed');
  });

  it('FIN-03: bad input and people without finance.cash change nothing', async () => {
    const before = await rows<{ n: number }>(t.database.db, sql`select count(*)::int as n from finance_cash_counts`);
    await expect(recordCount(await ctxFor(t, 'tangning'), count({ designatedByPersonId: 'psn_mali' }))).rejects.toMatchObject({ status: 403 });
    const mali = await ctxFor(t, 'mali');
    expect((await rejected(recordCount(mali, count({ bookFen: -1 })))).status).toBe(400);
    expect((await rejected(recordCount(mali, count({ countedOn: '2026-11-03' })))).message).toContain('不能晚于今天');
    expect((await rejected(recordCount(mali, count({ cashierPersonId: 'psn_nobody' })))).message).toContain('出纳不存在');
    const after = await rows<{ n: number }>(t.database.db, sql`select count(*)::int as n from finance_cash_counts`);
    expect(after[0].n).toBe(before[0].n);
  });

  it('FIN-03 AS-D40: the count record prints with both figures, the IOU and the signature boxes; the ledger exports as XLSX', async () => {
    const cookie = await t.cookieFor('mali');
    const list = await t.app.inject({ method: 'GET', url: '/api/v1/finance/cash-counts', headers: { cookie } });
    const c = list.json().items.find((x: { differenceFen: number }) => x.differenceFen === -25_000);
    const pdf = await t.app.inject({ method: 'GET', url: `/api/v1/finance/cash-counts/${c.id}/record.pdf`, headers: { cookie } });
    expect(pdf.statusCode).toBe(200);
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'gc-cash-')), 'c.pdf');
    fs.writeFileSync(file, pdf.rawPayload);
    const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
    for (const s of ['库存现金盘点表', c.no, '3200.00', '2950.00', '-250.00', '短款', '借条：预借差旅费', '出纳签字', '监盘人签字', '财务负责人签字', '高伟', '黄静', '马丽']) expect(text).toContain(s);
    const xlsx = await t.app.inject({ method: 'GET', url: '/api/v1/finance/ledger/cash-counts.xlsx', headers: { cookie } });
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.rawPayload.subarray(0, 2).toString()).toBe('PK');
    const staff = await t.app.inject({ method: 'GET', url: '/api/v1/finance/cash-counts/staff', headers: { cookie: await t.cookieFor('xunuo') } });
    expect(staff.statusCode).toBe(403);
    const mine = (await t.app.inject({ method: 'GET', url: '/api/v1/finance/cash-counts/staff', headers: { cookie } })).json();
    expect([mine.financeHead.name, mine.accountants.map((a: { name: string }) => a.name), mine.lastCashierId]).toEqual(['马丽', ['黄静'], 'psn_gaowei']);
  });
});

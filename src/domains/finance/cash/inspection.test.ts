import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/support/app';
import { ctxFor } from '../../../../test/support/ctx';
import { rows } from '../../../kernel/db';
import { loadExcelJS } from '../../../kernel/render/xlsx';
import { submitClaim } from '../service';
import { claim, sign } from '../test-helpers';

let t: TestApp;
let claimId = '';
beforeAll(async () => {
  t = await createTestApp();
  const res = await submitClaim(await ctxFor(t, 'tangning'), claim({ purpose: '检查期内购买办公用品', vouchers: [{ kind: 'invoice', ref: '发票No.8848' }] }));
  claimId = res.id;
  for (const u of ['hanbing', 'mali', 'liminghua', 'chenzhiyuan']) await sign(t, res.instanceId, u);
});
afterAll(async () => t?.close());

type Sheet = { name: string; rows: string[][] };
async function workbook(buf: Buffer): Promise<Sheet[]> {
  const ExcelJS = await loadExcelJS();
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buf as unknown as ArrayBuffer);
  return wb.worksheets.map((ws) => {
    const out: string[][] = [];
    ws.eachRow((r) => out.push((r.values as unknown[]).slice(1).map((v) => String(v ?? ''))));
    return { name: ws.name, rows: out };
  });
}
const get = async (user: string, url: string) => t.app.inject({ method: 'GET', url: `/api/v1${url}`, headers: { cookie: await t.cookieFor(user) } });
const tables = async () => rows<{ n: string }>(t.database.db, sql`select (select count(*) from finance_claims) || '/' || (select count(*) from flow_actions) || '/' || (select count(*) from finance_cash_counts) as n`);

describe('FIN-16 inspection export', () => {
  it('FIN-16: one workbook for the period — vouchers with their signature trail, the ledgers and the cash counts — for 综合科 and the audit administrator, audited, read-only', async () => {
    const before = await tables();
    for (const [user, url] of [['mali', '/finance/inspection.xlsx'], ['pengying', '/finance/inspection/audit.xlsx']]) {
      const res = await get(user, `${url}?from=2026-10-01&to=2026-11-30`);
      expect(res.statusCode).toBe(200);
      const sheets = await workbook(res.rawPayload);
      expect(sheets.map((s) => s.name)).toEqual(['说明', '报销凭证', '审批签字记录', '公务接待台账', '物资采购台账', '会议培训费台账', '印刷品台账', '现金盘点台账', '报表报送记录', '违规问题登记簿']);
      const sheet = (name: string) => sheets.find((s) => s.name === name)!.rows;
      const claimRow = sheet('报销凭证').find((r) => r[0] === claimId)!;
      expect(claimRow).toEqual(expect.arrayContaining(['检查期内购买办公用品', '已批准', '银行转账']));
      expect(claimRow.at(-1)).toContain('发票No.8848');
      const trail = sheet('审批签字记录').filter((r) => r[1] === claimId);
      expect(trail[0].slice(5, 7)).toEqual(['提交', '唐宁']);
      expect(trail.filter((r) => r[5] === '同意').every((r) => r[4].length > 0)).toBe(true);
      expect(trail.filter((r) => r[5] === '同意').map((r) => r[6])).toEqual(['韩冰', '马丽', '李明华', '陈志远']);
      expect(sheet('现金盘点台账').some((r) => r[0].startsWith('XJPD-2026-'))).toBe(true);
      expect(sheet('报表报送记录').some((r) => r[0] === '行政事业单位会计报表（月报）' && r[4] === '已报送')).toBe(true);
      expect(sheet('说明').find((r) => r[0] === '期间')?.[1]).toBe('2026-10-01 至 2026-11-30');
    }
    const [audited] = await rows<{ users: string }>(t.database.db, sql`select string_agg(actor_username, ',' order by id) as users from audit_log where event = 'finance.inspection.export' and object_id = '2026-10-01~2026-11-30'`);
    expect(audited.users).toBe('mali,pengying');
    expect(await tables()).toEqual(before);
  });

  it('FIN-16: a period before the claim leaves it out; a reversed period is refused; staff without the permission are refused', async () => {
    const early = await workbook((await get('mali', '/finance/inspection.xlsx?from=2026-01-01&to=2026-09-30')).rawPayload);
    expect(early.find((s) => s.name === '报销凭证')!.rows.some((r) => r[0] === claimId)).toBe(false);
    expect((await get('mali', '/finance/inspection.xlsx?from=2026-11-30&to=2026-10-01')).statusCode).toBe(400);
    expect((await get('tangning', '/finance/inspection.xlsx?from=2026-10-01&to=2026-11-30')).statusCode).toBe(403);
    expect((await get('zhouwenbin', '/finance/inspection.xlsx?from=2026-10-01&to=2026-11-30')).statusCode).toBe(403);
    // 三员分立: each reader has its own code; neither opens the other's door.
    expect((await get('pengying', '/finance/inspection.xlsx?from=2026-10-01&to=2026-11-30')).statusCode).toBe(403);
    expect((await get('mali', '/finance/inspection/audit.xlsx?from=2026-10-01&to=2026-11-30')).statusCode).toBe(403);
  });
});

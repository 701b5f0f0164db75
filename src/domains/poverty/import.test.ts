import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { sql } from 'drizzle-orm';
import { rows } from '../../kernel/db';
import { createTestApp, type TestApp } from '../../../test/support/app';
import { makeIdNumber } from './idcard';

let t: TestApp;
let cookie: string;
beforeAll(async () => {
  t = await createTestApp();
  cookie = await t.cookieFor('huangjing'); // 综合科 (hub): poverty.manage
});
afterAll(() => t.close());

const HEADER = '户编号,村代码,姓名,证件号码,与户主关系,户类型,劳动技能,脱贫年度,人均可支配收入,收入年度,饮水安全,一卡通账号';
const id = (seq: number) => makeIdNumber('220802', '1975-03-08', 500 + seq);

async function upload(body: string | Buffer, fileName: string, type: string) {
  const created = await t.app.inject({ method: 'POST', url: '/api/v1/poverty/imports', headers: { cookie }, payload: { fileName } });
  expect(created.statusCode).toBe(201);
  const jobId = created.json().id as string;
  const res = await t.app.inject({ method: 'PUT', url: `/api/v1/poverty/imports/${jobId}/file`, headers: { cookie, 'content-type': type }, payload: body });
  return { jobId, res };
}
const count = async (table: string) => (await rows<{ n: number }>(t.database.db, sql`select count(*)::int as n from ${sql.raw(table)}`))[0].n;

describe('household import: the row-by-row error report', () => {
  it('imports good rows set-wise and rejects a bad checksum, a duplicate and an unknown village, changing nothing for them', async () => {
    const before = { households: await count('poverty_households'), persons: await count('poverty_persons') };
    const bad = id(1).slice(0, 17) + (id(1)[17] === '1' ? '2' : '1');
    const [existing] = await rows<{ code: string }>(t.database.db, sql`select code from poverty_households limit 1`);
    const csv = [
      HEADER,
      `T001,220802100201,测试甲,${id(2)},户主,脱贫户,普通劳动力,2019,7000.50,2025,是,6217000011112222`, // 2 ok
      `T001,220802100201,测试乙,${id(3)},配偶,脱贫户,弱劳动力或半劳动力,2019,7000.50,2025,是,`, // 3 ok
      `T002,220802100201,测试丙,${bad},户主,一般户,,,,,,`, // 4 bad checksum
      `T003,220802100202,测试丁,${id(2)},户主,一般户,,,,,,`, // 5 duplicate of line 2
      `T004,220802999999,测试戊,${id(4)},户主,一般户,,,,,,`, // 6 unknown village
      `T005,220802100202,"=HYPERLINK(""x"")",${id(5)},户主,一般户,,,,,否,`, // 7 ok, a hostile name
    ].join('\r\n');
    const { jobId, res } = await upload(csv, '台账.csv', 'text/csv');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: 'done', processed: 6, accepted: 3, rejected: 3 });
    const report = (await t.app.inject({ url: `/api/v1/poverty/imports/${jobId}/errors`, headers: { cookie } })).json().items as { line: number; code: string; message: string }[];
    expect(report.map((e) => [e.line, e.code])).toEqual([[4, 'bad_id'], [5, 'duplicate'], [6, 'unknown_village']]);
    expect(report[0].message).toContain('校验位');
    expect(report[1].message).toContain('第2行');
    // Rejected rows changed nothing: only T001 (2 persons) and T005 (1 person) arrived.
    expect(await count('poverty_households')).toBe(before.households + 2);
    expect(await count('poverty_persons')).toBe(before.persons + 3);
    const [h] = await rows<{ member_count: number; disposable: string; bank_account_masked: string }>(t.database.db, sql`select member_count, disposable_income_per_head_fen::text as disposable, bank_account_masked from poverty_households where code = 'T001'`);
    expect(h).toEqual({ member_count: 2, disposable: '700050', bank_account_masked: '6217********2222' });
    // No plaintext ID number anywhere in the register or the staging table (SECREQ-26).
    const leaked = await rows(t.database.db, sql`select 1 from poverty_persons where id_enc like ${'%' + id(2) + '%'} or id_masked = ${id(2)}`);
    expect(leaked).toHaveLength(0);
    expect(await count('poverty_import_staging')).toBe(0);
    // A second import of the same person is a duplicate against the register.
    const again = await upload([HEADER, `T009,220802100201,测试甲,${id(2)},户主,一般户,,,,,,`].join('\n'), 'again.csv', 'text/csv');
    expect(again.res.json()).toMatchObject({ accepted: 0, rejected: 1 });
    const r2 = (await t.app.inject({ url: `/api/v1/poverty/imports/${again.jobId}/errors`, headers: { cookie } })).json().items;
    expect(r2[0]).toMatchObject({ code: 'duplicate', message: expect.stringContaining('T001') });
  });

  it('a later file adds a member to a household already in the register: its count and search document grow, ids are time-ordered', async () => {
    const first = await upload([HEADER, `T101,220802100201,测试庚,${id(11)},户主,一般户,,,,,,`].join('\n'), 'a.csv', 'text/csv');
    expect(first.res.json()).toMatchObject({ accepted: 1 });
    const later = await upload([HEADER, `T101,220802100201,测试辛甲,${id(12)},子女,一般户,,,,,,`, `T102,220802100202,测试壬,${id(13)},户主,一般户,,,,,,`].join('\n'), 'b.csv', 'text/csv');
    expect(later.res.json()).toMatchObject({ accepted: 2, rejected: 0 });
    const [h] = await rows<{ id: string; member_count: number; same: boolean }>(t.database.db, sql`
      select h.id, h.member_count, h.search_tsv = (select poverty_search_tsv(array_prepend(h.householder_name, array_agg(p.name)), array[v.name, tw.name], array_agg(right(p.id_masked, 4)), array_agg(p.id_tail_hash))
        from poverty_persons p where p.household_id = h.id) as same
      from poverty_households h join poverty_regions v on v.code = h.village_code join poverty_regions tw on tw.code = h.township_code where h.code = 'T101'`);
    // The document built on import equals the one the register would compute from scratch.
    expect(h).toMatchObject({ member_count: 2, same: true });
    const found = await t.app.inject({ url: `/api/v1/poverty/households?q=${encodeURIComponent('辛甲')}`, headers: { cookie } });
    expect(found.json().items.map((x: { code: string }) => x.code)).toEqual(['T101']);
    // Set-wise rows get the same time-ordered ids as newId (kernel/ids.ts): prefix, 12 hex ms, 20 hex.
    const persons = await rows<{ id: string }>(t.database.db, sql`select p.id from poverty_persons p join poverty_households h on h.id = p.household_id where h.code in ('T101', 'T102')`);
    for (const x of [h.id, ...persons.map((p) => p.id)]) expect(x).toMatch(/^(hh|ps)_[0-9a-f]{32}$/);
    expect(Math.abs(parseInt(h.id.slice(3, 15), 16) - Date.now())).toBeLessThan(600_000);
  });

  it('reads XLSX as a stream and reports a missing required column', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('台账');
    ws.addRow(HEADER.split(','));
    ws.addRow(['X001', '220802200201', '表格甲', id(7), '户主', '未脱贫户', '', '', '5000', '2025', '是', '']);
    ws.addRow(['X001', '220802200201', '表格乙', id(8), '之子', '未脱贫户', '无劳动力', '', '5000', '2025', '是', '']);
    const buf = Buffer.from(await wb.xlsx.writeBuffer());
    const { res } = await upload(buf, '台账.xlsx', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(res.json()).toMatchObject({ status: 'done', accepted: 2, rejected: 0 });
    const { res: bad } = await upload('户编号,姓名\nA,B\n', 'x.csv', 'text/csv');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.message).toContain('村代码');
  });

  it('shows progress on the job and needs poverty.manage to upload', async () => {
    const jobs = (await t.app.inject({ url: '/api/v1/poverty/imports', headers: { cookie } })).json().items;
    expect(jobs.length).toBeGreaterThan(0);
    expect(jobs[0]).toMatchObject({ kind: 'import', processed: expect.any(Number) });
    const staff = await t.cookieFor('xunuo');
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/poverty/imports', headers: { cookie: staff }, payload: { fileName: 'a.csv' } });
    expect(res.statusCode).toBe(403);
  });
});

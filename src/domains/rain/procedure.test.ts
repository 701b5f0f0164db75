import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { sql } from 'drizzle-orm';
import { rows } from '../../kernel/db';
import type { Ctx } from '../../kernel/context';
import { createTestApp, type TestApp } from '../../../test/support/app';
import { ctxFor } from '../../../test/support/ctx';
import { addHousehold, addStudent, confirmStudents, COUNTY, one, payDeterminations, PNG, VILLAGES } from './test-helpers';
import { ROLL_HEADER } from './roll';
import { duties, remindDuties } from './reports';

let t: TestApp;
let staff: Ctx;
let leader: Ctx;
let hub: string;
let boss: string;
beforeAll(async () => {
  t = await createTestApp();
  staff = await ctxFor(t, 'huangjing');
  leader = await ctxFor(t, 'zhengxiaoyan');
  hub = await t.cookieFor('huangjing');
  boss = await t.cookieFor('zhengxiaoyan');
});
afterAll(() => t.close());

const api = (method: 'GET' | 'POST' | 'PUT', url: string, cookie: string, payload?: unknown, headers: Record<string, string> = {}) =>
  t.app.inject({ method, url: `/api/v1${url}`, headers: { cookie, ...headers }, payload: payload as never });

async function uploadRoll(body: string | Buffer, fileName: string, semester: string, type = 'text/csv') {
  const created = await api('POST', '/rain/roll-jobs', hub, { fileName });
  expect(created.statusCode).toBe(201);
  const id = created.json().id as string;
  const res = await api('PUT', `/rain/roll-jobs/${id}/file?semester=${semester}`, hub, body, { 'content-type': type });
  return { id, res };
}

describe('学籍比对: the bulk matching job (RAIN-04, RAIN-08, RAIN-14)', () => {
  it('matches a school roll by ID hash and name set-wise, reports every rejected row and judges eligibility with reasons', async () => {
    const households: Awaited<ReturnType<typeof addHousehold>>[] = [];
    for (let i = 0; i < 300; i++) households.push(await addHousehold(t.database.db, { status: i % 10 === 9 ? 'none' : 'poor', village: VILLAGES[i % 4] }));
    const lines = households.map((h, i) => `${h.children[0].name},${h.children[0].idNumber},白城职业技术学院,吉林省白城市,${i % 25 === 0 ? '普通高中' : '高职院校'},${i % 7 === 0 ? '' : '教育部'},G${i},${i % 30 === 0 ? '顶岗实习' : '在校'},2024-09-01,${i % 2 ? '是' : '否'}`);
    const { makeIdNumber } = await import('../poverty/idcard');
    const notInRegister = makeIdNumber('650102', '2004-02-02', 77);
    const bad = households[0].children[0].idNumber.slice(0, 17) + (households[0].children[0].idNumber[17] === '1' ? '2' : '1');
    const renamed = await addHousehold(t.database.db, { status: 'poor' });
    const csv = [
      ROLL_HEADER,
      ...lines,
      `陌生人,${notInRegister},某职业学院,新疆,高职院校,教育部,X1,在校,2024-09-01,否`, // not in the register
      `${renamed.children[0].name}改,${renamed.children[0].idNumber},某学院,长春,高职院校,教育部,X2,在校,,是`, // name differs
      `错号,${bad},某学院,长春,高职院校,教育部,X3,在校,,是`, // bad checksum
      `${households[2].children[0].name},${households[2].children[0].idNumber},某学院,长春,高职院校,教育部,X4,在校,,是`, // duplicate
    ].join('\n');
    const { id, res } = await uploadRoll(csv, '学籍比对.csv', '2024-autumn');
    expect(res.statusCode).toBe(200);
    // 300 matched; a stranger, a name mismatch, a bad ID and a duplicate row are rejected.
    expect(res.json()).toMatchObject({ status: 'done', processed: 304, rejected: 4 });
    const findings = (await api('GET', `/rain/jobs/${id}/findings`, hub)).json().items as { line: number; code: string; message: string }[];
    expect(findings.map((f) => f.code).sort()).toEqual(['bad_id', 'duplicate', 'name_mismatch', 'not_in_register']);
    expect(findings.find((f) => f.code === 'name_mismatch')!.message).toContain('姓名不符');
    expect(res.json().accepted).toBe(300);
    const dets = await rows<{ eligibility: string; n: number }>(t.database.db, sql`select eligibility, count(*)::int as n from rain_determinations where semester = '2024-autumn' and comparison_job_id = ${id} group by eligibility order by eligibility`);
    const expected = { eligible: 0, ineligible: 0 };
    const total = dets.reduce((s, d) => s + d.n, 0);
    expect(total).toBe(300);
    for (const [i] of households.entries()) {
      const ok = i % 10 !== 9 && i % 25 !== 0 && i % 7 !== 0;
      if (ok) expected.eligible++;
      else expected.ineligible++;
    }
    expect(dets).toEqual([{ eligibility: 'eligible', n: expected.eligible }, { eligibility: 'ineligible', n: expected.ineligible }]);
    // The list shows the reason for every ineligible student.
    const list = (await api('GET', '/rain/students?semester=2024-autumn&eligibility=ineligible&pageSize=500', hub)).json();
    expect(list.total).toBeGreaterThanOrEqual(expected.ineligible);
    for (const s of list.items as { reasons: { ruleId: string; text: string }[] }[]) expect(s.reasons.length).toBeGreaterThan(0);
    const highSchool = (list.items as { name: string; reasons: { ruleId: string; text: string }[] }[]).find((s) => s.name === households[25].children[0].name)!;
    expect(highSchool.reasons).toEqual(expect.arrayContaining([expect.objectContaining({ ruleId: 'RAIN-08', text: expect.stringContaining('普通高中') })]));
    // RAIN-04: owned by the household's village.
    const own = await one<{ village_code: string }>(t.database.db, sql`select d.village_code from rain_determinations d join rain_students s on s.id = d.student_id where s.person_id = ${households[3].children[0].personId} and d.semester = '2024-autumn'`);
    expect(own.village_code).toBe(VILLAGES[3]);
    expect((await one<{ n: number }>(t.database.db, sql`select count(*)::int as n from rain_roll_staging`)).n).toBe(0);
  });

  it('reads an XLSX school roll, and refuses a file without the required columns', async () => {
    const h = await addHousehold(t.database.db, { status: 'poor' });
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('学籍');
    ws.addRow(ROLL_HEADER.split(','));
    ws.addRow([h.children[0].name, h.children[0].idNumber, '白城技师学院', '白城', '技师学院', '人社部', 'R1', '在校', '2024-09-01', '是']);
    const buf = Buffer.from(await wb.xlsx.writeBuffer());
    const { res } = await uploadRoll(buf, 'roll.xlsx', '2024-autumn', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(res.json()).toMatchObject({ status: 'done', accepted: 1, rejected: 0 });
    const bad = await uploadRoll('姓名,学校名称\n张三,某校\n', 'bad.csv', '2024-autumn');
    expect(bad.res.statusCode).toBe(400);
    expect(bad.res.json().error.message).toContain('证件号码');
  });

  it('户籍筛查 lists young members of registered households without a student record and records the link (RAIN-14)', async () => {
    const h = await addHousehold(t.database.db, { status: 'poor', village: VILLAGES[2] });
    const res = await api('POST', '/rain/screening', hub, { countyCode: COUNTY, semester: '2023-autumn' });
    expect(res.statusCode).toBe(200);
    const job = res.json() as { id: string; rejected: number; status: string };
    expect(job.status).toBe('done');
    const findings = (await api('GET', `/rain/jobs/${job.id}/findings`, hub)).json().items as { personId: string; code: string }[];
    expect(findings.find((f) => f.personId === h.children[0].personId)?.code).toBe('omission');
    const rec = await one<{ hukou_screened_on: string }>(t.database.db, sql`select hukou_screened_on from rain_semesters where county_code = ${COUNTY} and semester = '2023-autumn'`);
    expect(rec.hukou_screened_on).toBe('2026-11-02');
  });
});

describe('payment batches over HTTP (RAIN-02 concurrency, RAIN-03 export, RAIN-19 slips, RAIN-20 ledgers)', () => {
  it('RAIN-02 two concurrent batch requests for the same student: one line only', async () => {
    const h = await addHousehold(t.database.db, { status: 'poor', village: VILLAGES[1] });
    const s = await addStudent(staff, h.children[0].personId);
    const { determinations } = await confirmStudents(staff, leader, [s], '2009-autumn', VILLAGES[1]);
    const body = { countyCode: COUNTY, semester: '2009-autumn', lines: [{ determinationId: determinations.get(s)! }] };
    const results = await Promise.all([api('POST', '/rain/batches', hub, body), api('POST', '/rain/batches', hub, body), api('POST', '/rain/batches', boss, body)]);
    const codes = results.map((r) => r.statusCode).sort();
    expect(codes.filter((c) => c === 201)).toHaveLength(1);
    for (const r of results.filter((x) => x.statusCode !== 201)) {
      expect([409, 422]).toContain(r.statusCode);
      expect(r.json().error.rule.id).toBe('RAIN-02');
    }
    expect((await one<{ n: number }>(t.database.db, sql`select count(*)::int as n from rain_payments where student_id = ${s} and semester = '2009-autumn'`)).n).toBe(1);
    expect((await one<{ n: number }>(t.database.db, sql`select count(*)::int as n from rain_batches where semester = '2009-autumn'`)).n).toBe(1);
  });

  it('masks accounts in lists; the finance export has them in full, needs rain.accounts and is audited', async () => {
    const h = await addHousehold(t.database.db, { status: 'poor', village: VILLAGES[2], names: ['=HYPERLINK("x")'] });
    const s = await addStudent(staff, h.children[0].personId);
    const { determinations } = await confirmStudents(staff, leader, [s], '2008-autumn', VILLAGES[2]);
    const created = await api('POST', '/rain/batches', hub, { countyCode: COUNTY, semester: '2008-autumn' });
    expect(created.statusCode).toBe(201);
    const batchId = created.json().id as string;
    const detail = (await api('GET', `/rain/batches/${batchId}`, hub)).json();
    expect(JSON.stringify(detail)).not.toContain(h.account);
    expect(detail.lines[0].accountMasked).toMatch(/^6217\*+\d{4}$/);
    expect((await api('GET', `/rain/batches/${batchId}/finance.xlsx`, hub)).statusCode).toBe(403);
    const res = await api('GET', `/rain/batches/${batchId}/finance.xlsx`, boss);
    expect(res.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const sheet = wb.worksheets[0];
    expect(sheet.getRow(2).getCell(5).value).toBe(h.account);
    expect(sheet.getRow(2).getCell(6).value).toBe('\'=HYPERLINK("x")'); // formula-injection safe
    expect(sheet.getRow(2).getCell(9).value).toBe(1500);
    const audited = await rows<{ event: string }>(t.database.db, sql`select event from audit_log where object_id = ${batchId} and event = 'rain.batch.export_accounts'`);
    expect(audited).toHaveLength(1);
    void determinations;
  });

  it('RAIN-19 RAIN-20 prints the confirmation slip and exports the three-level ledgers that reconcile', async () => {
    const hs = [await addHousehold(t.database.db, { status: 'poor', village: VILLAGES[0], names: ['确认甲'] }), await addHousehold(t.database.db, { status: 'poor', village: VILLAGES[3], names: ['确认乙'] })];
    const s0 = await addStudent(staff, hs[0].children[0].personId);
    const s1 = await addStudent(staff, hs[1].children[0].personId);
    const a = await confirmStudents(staff, leader, [s0], '2007-autumn', VILLAGES[0]);
    const b = await confirmStudents(staff, leader, [s1], '2007-autumn', VILLAGES[3]);
    const batchId = await payDeterminations(staff, '2007-autumn', [a.determinations.get(s0)!, b.determinations.get(s1)!]);
    const pdf = await api('GET', `/rain/batches/${batchId}/slips.pdf?village=${VILLAGES[0]}`, hub);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    const file = path.join(os.tmpdir(), `slip-${process.pid}-${Date.now()}.pdf`);
    fs.writeFileSync(file, pdf.rawPayload);
    const text = execFileSync('pdftotext', [file, '-']).toString().replace(/\s+/g, '');
    fs.rmSync(file);
    expect(text).toContain('发放确认单');
    expect(text).toContain('确认甲');
    expect(text).not.toContain('确认乙');
    expect(text).toContain('每生每学期1500元');
    const read = async (region: string) => {
      const res = await api('GET', `/rain/ledgers.xlsx?semester=2007-autumn&region=${region}`, hub);
      expect(res.statusCode).toBe(200);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
      const names: string[] = [];
      wb.worksheets[0].eachRow((row, n) => {
        if (n > 1) names.push(String(row.getCell(6).value));
      });
      return names.sort();
    };
    expect(await read(COUNTY)).toEqual(['确认乙', '确认甲']);
    expect(await read('220802100')).toEqual(['确认甲']);
    expect(await read(VILLAGES[3])).toEqual(['确认乙']);
    const summary = (await api('GET', `/rain/ledgers/summary?countyCode=${COUNTY}&semester=2007-autumn`, hub)).json();
    expect(summary.differences).toEqual([]);
    expect(summary.county).toMatchObject({ paid: 2, paidFen: 300000 });
  });
});

describe('half-year summary, inspections and duties (RAIN-23, RAIN-24, RAIN-26, RAIN-27)', () => {
  it('RAIN-23 the summary is reported only with its four attachments and the leading-group head’s approval', async () => {
    const created = await api('POST', '/rain/summaries', hub, { countyCode: COUNTY, half: '2026-H1', summaryText: '上半年工作总结' });
    expect(created.statusCode).toBe(201);
    const id = created.json().id as string;
    let res = await api('POST', `/rain/summaries/${id}/submit`, hub, { submittedOn: '2026-07-20' });
    expect(res.json().error.rule.id).toBe('RAIN-23');
    expect(res.json().error.message).toContain('会议纪要');
    for (const label of ['minutes', 'notices', 'statistics', 'ledgers']) {
      const up = await api('PUT', `/rain/summaries/${id}/attachments?label=${label}&fileName=${label}.pdf`, hub, Buffer.from('%PDF-1.4\n%test\n'), { 'content-type': 'application/pdf' });
      expect(up.statusCode).toBe(201);
    }
    const refused = await api('PUT', `/rain/summaries/${id}/attachments?label=minutes&fileName=x.exe`, hub, Buffer.from('MZ\x90\x00'), { 'content-type': 'application/octet-stream' });
    expect(refused.statusCode).toBe(400);
    res = await api('POST', `/rain/summaries/${id}/submit`, hub, { submittedOn: '2026-07-20' });
    expect(res.json().error.message).toContain('组长审定');
    expect((await api('POST', `/rain/summaries/${id}/approve`, hub, { approverName: '陈志远', approvedOn: '2026-07-15' })).statusCode).toBe(403);
    expect((await api('POST', `/rain/summaries/${id}/approve`, boss, { approverName: '陈志远', approvedOn: '2026-07-15' })).statusCode).toBe(204);
    expect((await api('POST', `/rain/summaries/${id}/submit`, hub, { submittedOn: '2026-07-20' })).statusCode).toBe(204);
    const comp = (await api('GET', '/rain/summaries?half=2026-H1', hub)).json();
    expect(comp.counties[0]).toMatchObject({ countyCode: COUNTY, submittedOn: '2026-07-20', dueDate: '2026-07-31' });
    expect(comp.counties[0].stats.paid).toBeGreaterThan(0); // the demo's paid spring semester
  });

  it('RAIN-24 draws a random sample of the half’s beneficiaries and tracks problems until closed', async () => {
    const before = await duties(t.database.db, COUNTY, '2026-11-02');
    expect(before.find((d) => d.ruleId === 'RAIN-24' && d.key === 'inspection:2026-H1')).toBeTruthy();
    const res = await api('POST', '/rain/inspections', hub, { countyCode: COUNTY, half: '2026-H1', kind: 'COVERT', conductedOn: '2026-10-20', sizes: { townships: 1, villages: 1, beneficiaries: 2 } });
    expect(res.statusCode).toBe(201);
    const sample = res.json().sample as { townships: { code: string }[]; villages: { code: string }[]; beneficiaries: { villageCode: string; townshipCode: string }[] };
    expect(sample.townships).toHaveLength(1);
    expect(sample.villages).toHaveLength(1);
    expect(sample.villages[0].code.startsWith(sample.townships[0].code)).toBe(true);
    expect(sample.beneficiaries.length).toBeGreaterThan(0);
    for (const b of sample.beneficiaries) expect(b.villageCode).toBe(sample.villages[0].code);
    const problem = await api('POST', `/rain/inspections/${res.json().id}/problems`, hub, { description: '确认单未留存' });
    expect((await duties(t.database.db, COUNTY, '2026-11-02')).find((d) => d.key === 'problems')).toBeTruthy();
    expect((await api('POST', `/rain/problems/${problem.json().id}/close`, hub, { rectification: '已补签并归档', closedOn: '2026-10-30' })).statusCode).toBe(204);
    const after = await duties(t.database.db, COUNTY, '2026-11-02');
    expect(after.find((d) => d.key === 'inspection:2026-H1')).toBeUndefined();
    expect(after.find((d) => d.key === 'problems')).toBeUndefined();
  });

  it('RAIN-26 RAIN-27 remind the seasonal notice and the graduate data once per duty', async () => {
    await t.database.db.execute(sql`delete from rain_semesters where county_code = ${COUNTY} and semester = '2027-spring'`);
    const list = await duties(t.database.db, COUNTY, '2027-03-02');
    expect(list.find((d) => d.ruleId === 'RAIN-26')).toMatchObject({ key: 'notice:2027-spring', overdue: true });
    expect(list.find((d) => d.ruleId === 'RAIN-27')).toBeUndefined();
    expect((await duties(t.database.db, COUNTY, '2027-07-02')).find((d) => d.ruleId === 'RAIN-27')).toMatchObject({ key: 'graduates:2027' });
    const clock = { now: () => new Date('2027-07-02T09:00:00+08:00') };
    const sent = await remindDuties(t.database, clock);
    expect(sent).toBeGreaterThan(0);
    expect(await remindDuties(t.database, clock)).toBe(0);
    const notes = await rows<{ title: string }>(t.database.db, sql`select distinct title from notifications where object_type = 'rain_duty'`);
    expect(notes.map((n) => n.title).join()).toContain('专项通知');
    await api('POST', '/rain/graduate-data', hub, { year: 2027, receivedOn: '2027-07-05', description: '教育局提供初、高中毕业生名单' });
    await api('POST', '/rain/semesters/record', hub, { countyCode: COUNTY, semester: '2027-spring', what: 'notice', date: '2027-03-03', note: '洮北扶贫发〔2027〕2号' });
    const later = await duties(t.database.db, COUNTY, '2027-07-06');
    expect(later.find((d) => d.ruleId === 'RAIN-27' || d.key === 'notice:2027-spring')).toBeUndefined();
  });

  it('the demo shows students, an ineligible one with its reason, and a paid semester', async () => {
    const res = (await api('GET', '/rain/students?semester=2026-autumn&region=220802&pageSize=500', hub)).json() as { items: { name: string; eligibility: string; reasons: { ruleId: string }[]; schoolType: string }[] };
    const demo = res.items.filter((s) => !s.name.startsWith('学生') && !s.name.startsWith('确认'));
    expect(demo.length).toBeGreaterThanOrEqual(10);
    expect(demo.some((s) => s.eligibility === 'ineligible' && s.reasons.some((r) => r.ruleId === 'RAIN-08'))).toBe(true);
    expect(demo.some((s) => s.eligibility === 'needs_decision')).toBe(true);
    const batches = (await api('GET', '/rain/batches?semester=2026-spring', hub)).json().items as { status: string; lineCount: number }[];
    expect(batches[0]).toMatchObject({ status: 'paid' });
    expect((await api('GET', '/rain/students?semester=2026-autumn', await t.cookieFor('zhouwenbin'))).statusCode).toBe(200);
    expect((await api('POST', '/rain/batches', await t.cookieFor('zhouwenbin'), { countyCode: COUNTY, semester: '2026-autumn' })).statusCode).toBe(403);
    void PNG;
  });
});

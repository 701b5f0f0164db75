import { Readable } from 'node:stream';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/support/app';
import { ctxFor } from '../../../test/support/ctx';
import { rows } from '../../kernel/db';
import { loadExcelJS } from '../../kernel/render/xlsx';
import { absenceCandidates, importPunches, listPunches, recordPunch, recordSpotCheck, yearReport } from './service';
import { lateness } from './presence';
import { approveAll, failure, leave } from './test-helpers';

/** Presence data: clock-in records (ATT-02) and 工作纪律抽查 (ATT-04), feeding absence (ATT-03) and the yearly report. */
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t?.close());

const at = (d: string) => t.clock.set(`${d}T18:00:00+08:00`);
const hub = () => ctxFor(t, 'liuyang');
const csv = (text: string) => Readable.from([Buffer.from(text, 'utf8')]);
const auditCount = async (event: string) => (await rows<{ n: number }>(t.database.db, sql`select count(*)::int as n from audit_log where event = ${event}`))[0]!.n;

describe('ATT-02 clock-in records', () => {
  it('ATT-02 computes minutes late and early against the office hours (8:30–17:30), a missing punch counts nothing', () => {
    expect(lateness('08:41', '17:30')).toEqual({ lateMinutes: 11, earlyMinutes: 0 });
    expect(lateness('8:30', '17:05')).toEqual({ lateMinutes: 0, earlyMinutes: 25 });
    expect(lateness(null, '16:00')).toEqual({ lateMinutes: 0, earlyMinutes: 90 });
    expect(lateness('09:00', null, { start: 540, end: 1080 })).toEqual({ lateMinutes: 0, earlyMinutes: 0 });
  });

  it('ATT-02 imports the attendance machine CSV: good rows saved with lateness, every bad row reported by line, one audit record', async () => {
    at('2024-03-06');
    const before = await auditCount('personnel.attendance.import');
    const file = [
      '账号,姓名,日期,上班,下班',
      'xunuo,许诺,2024-03-04,08:41,17:35',
      'xiechen,谢晨,2024/03/04,08:20,17:02',
      'nobody,无此人,2024-03-04,08:00,17:30',
      'xunuo,许诺,2024-03-04,08:10,17:30',
      'tangning,唐宁,2024-03-04,8点,17:30',
      'dongxue,董雪,2024-03-09,08:00,17:30',
      'gaowei,高伟,2024-03-04,,',
    ].join('\n');
    const r = await importPunches(await hub(), csv(file), 'csv');
    expect(r).toMatchObject({ rows: 7, imported: 2 });
    expect(r.errors.map((e) => e.line)).toEqual([4, 5, 6, 7, 8]);
    expect(r.errors[0]!.message).toContain('找不到人员');
    expect(r.errors[1]!.message).toContain('重复');
    expect(r.errors[2]!.message).toContain('格式不正确');
    expect(r.errors[3]!.message).toContain('晚于今天');
    const saved = await listPunches(await hub(), { from: '2024-03-04', to: '2024-03-04' });
    expect(saved.map((p) => [p.personId, p.clockIn, p.lateMinutes, p.earlyMinutes])).toEqual(
      expect.arrayContaining([['psn_xunuo', '08:41', 11, 0], ['psn_xiechen', '08:20', 0, 28]]),
    );
    expect(await auditCount('personnel.attendance.import')).toBe(before + 1);
  });

  it('ATT-02 imports an XLSX export with the header row in any column order', async () => {
    at('2024-03-06');
    const ExcelJS = await loadExcelJS();
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('考勤');
    ws.addRow(['日期', '上班打卡', '下班打卡', '姓名']);
    ws.addRow(['2024-03-05', '08:29', '17:31', '许诺']);
    const r = await importPunches(await hub(), Readable.from([Buffer.from(await wb.xlsx.writeBuffer())]), 'xlsx');
    expect(r).toMatchObject({ rows: 1, imported: 1, errors: [] });
  });

  it('ATT-02 refuses a file without the header columns and saves nothing', async () => {
    const err = await failure(importPunches(await hub(), csv('a,b,c\n1,2,3\n'), 'csv'));
    expect(err.code).toBe('BAD_REQUEST');
    expect(err.message).toContain('表头');
  });

  it('ATT-02 综合科 corrects a day by hand (audited); a clock-out before the clock-in is refused citing ATT-02', async () => {
    at('2024-03-06');
    const row = await recordPunch(await hub(), { personId: 'psn_xiechen', date: '2024-03-04', clockIn: '08:20', clockOut: '17:40', note: '考勤机故障，补登' });
    expect(row).toMatchObject({ source: 'manual', earlyMinutes: 0, note: '考勤机故障，补登' });
    const bad = await failure(recordPunch(await hub(), { personId: 'psn_xiechen', date: '2024-03-04', clockIn: '17:40', clockOut: '08:20' }));
    expect(bad.code).toBe('RULE_BLOCKED');
    expect(bad.rule).toBe('ATT-02');
    expect((await listPunches(await hub(), { from: '2024-03-04', to: '2024-03-04', personId: 'psn_xiechen' }))[0]!.clockOut).toBe('17:40');
  });

  it('ATT-03 ATT-02 a working day with clock-in data makes an A1 candidate for each person without a record, unless on approved leave', async () => {
    at('2024-03-01');
    const onLeave = await leave(t, 'tangning', { type: 'personal', startDate: '2024-03-04', endDate: '2024-03-04' });
    await approveAll(t, onLeave.instanceId);
    at('2024-03-06');
    const { candidates } = await absenceCandidates(await hub(), 2024);
    const day = candidates.filter((c) => c.date === '2024-03-04');
    expect(day.some((c) => c.personId === 'psn_dongxue' && c.ground === 'A1' && c.ruleId === 'ATT-02')).toBe(true);
    expect(day.some((c) => c.personId === 'psn_xunuo')).toBe(false);
    expect(day.some((c) => c.personId === 'psn_tangning')).toBe(false);
  });

  it('ATT-02 the yearly report counts lateness apart from absence', async () => {
    const me = (await yearReport(await hub(), 2024)).find((p) => p.personId === 'psn_xunuo')!;
    expect(me).toMatchObject({ lateTimes: 1, lateMinutes: 11, absenceDays: 0 });
    expect(me.flags.find((f) => f.ruleId === 'ATT-02')?.text).toContain('迟到1次共11分钟');
  });

  it('ATT-02 the import endpoint streams the uploaded CSV and answers with the error report', async () => {
    at('2024-03-08');
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/personnel/attendance/punches/import',
      headers: { cookie: await t.cookieFor('liuyang'), 'content-type': 'text/csv' },
      payload: '姓名,日期,上班,下班\n许诺,2024-03-07,08:30,17:30\n谁,2024-03-07,08:30,17:30\n',
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ imported: 1, errors: [{ line: 3 }] });
    const staff = await t.app.inject({ method: 'POST', url: '/api/v1/personnel/attendance/punches/import', headers: { cookie: await t.cookieFor('xunuo'), 'content-type': 'text/csv' }, payload: 'x' });
    expect(staff.statusCode).toBe(403);
  });
});

describe('ATT-04 spot checks', () => {
  it('ATT-04 records a check organised by an office leader with its findings; a non-leader organiser is refused', async () => {
    at('2024-05-10');
    const bad = await failure(recordSpotCheck(await hub(), { date: '2024-05-10', organiserPersonId: 'psn_xunuo', checkerPersonId: 'psn_liuyang', scope: '全体科室', findings: [] }));
    expect(bad.rule).toBe('ATT-04');
    const before = await auditCount('personnel.attendance.spot_check');
    await recordSpotCheck(await hub(), {
      date: '2024-05-10',
      time: '09:15',
      organiserPersonId: 'psn_liminghua',
      checkerPersonId: 'psn_liuyang',
      scope: '全体科室',
      findings: [
        { personId: 'psn_gaowei', finding: 'absent', explanation: '称外出办事，未请假' },
        { personId: 'psn_xiechen', finding: 'misconduct', explanation: '工作时间观看视频' },
      ],
    });
    expect(await auditCount('personnel.attendance.spot_check')).toBe(before + 1);
  });

  it('ATT-04 ATT-03 a person found absent becomes an A1 candidate citing the check', async () => {
    const { candidates } = await absenceCandidates(await hub(), 2024);
    const c = candidates.find((x) => x.personId === 'psn_gaowei' && x.date === '2024-05-10');
    expect(c).toMatchObject({ ground: 'A1', ruleId: 'ATT-04' });
    expect(c!.basis).toContain('称外出办事');
  });

  it('ATT-04 the yearly report summarises each person’s findings for the assessment', async () => {
    const report = await yearReport(await hub(), 2024);
    const xie = report.find((p) => p.personId === 'psn_xiechen')!;
    expect(xie.spotFindings).toBe(1);
    expect(xie.flags.find((f) => f.ruleId === 'ATT-04')?.text).toContain('工作时间观看视频');
    const dong = report.find((p) => p.personId === 'psn_dongxue')!;
    expect(dong.spotFindings).toBe(0);
    expect(dong.spotSummary).toBe('抽查1次均在岗');
  });

  it('ATT-04 the spot-check ledger exports as XLSX with formula cells neutralised', async () => {
    at('2024-05-11');
    await recordSpotCheck(await hub(), { date: '2024-05-11', organiserPersonId: 'psn_liminghua', checkerPersonId: 'psn_liuyang', scope: '综合科', findings: [{ personId: 'psn_xunuo', finding: 'late', explanation: '=HYPERLINK("x")' }] });
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/personnel/attendance/spot-checks.xlsx?year=2024', headers: { cookie: await t.cookieFor('liuyang') } });
    expect(res.statusCode).toBe(200);
    const ExcelJS = await loadExcelJS();
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const texts: string[] = [];
    wb.worksheets[0]!.eachRow((r) => r.eachCell((c) => texts.push(String(c.value))));
    expect(texts).toContain('迟到');
    expect(texts.some((x) => x.startsWith('='))).toBe(false);
  });
});

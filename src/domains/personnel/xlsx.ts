import { safeCell } from '../../kernel/audit/xlsx';
import { loadExcelJS } from '../../kernel/render/xlsx';
import type { Candidate, Reported } from './absence';
import type { PersonYear } from './report';
import { FINDING_LABEL, type PunchRow, type SpotCheckRow } from './presence';

/**
 * The yearly attendance report as XLSX for 综合科. Every text cell goes through safeCell, so a
 * name or remark starting with = + - @ cannot become a formula (OWASP CSV injection).
 */
export async function reportXlsx(year: number, report: PersonYear[], candidates: Candidate[], reported: Reported[]): Promise<Buffer> {
  const ExcelJS = await loadExcelJS();
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(`${year}年考勤统计`);
  ws.columns = [
    { header: '姓名', width: 10 }, { header: '科室', width: 16 }, { header: '旷工天数', width: 10 }, { header: '最长连续旷工', width: 12 },
    { header: '无正当理由逾期天数', width: 16 }, { header: '旷工及逾期合计', width: 14 }, { header: '最长连续', width: 10 },
    { header: '事假（工作日）', width: 12 }, { header: '病假（天）', width: 10 }, { header: '逾期销假次数', width: 12 },
    { header: '迟到（次/分钟）', width: 14 }, { header: '早退（次/分钟）', width: 14 }, { header: '抽查发现问题', width: 40 },
    { header: '年休假取消', width: 22 }, { header: '考核等次影响', width: 12 }, { header: '辞退审查', width: 10 }, { header: '依据与说明', width: 80 },
  ];
  ws.getRow(1).font = { bold: true };
  for (const r of report) {
    ws.addRow([
      safeCell(r.personName), safeCell(r.unitName), r.absenceDays, r.absenceLongestRun, r.overdueDays, r.att05Days, r.att05LongestRun,
      r.personalDays, r.sickDays, r.lateReportBacks, `${r.lateTimes}/${r.lateMinutes}`, `${r.earlyTimes}/${r.earlyMinutes}`, safeCell(r.spotSummary),
      safeCell(r.annualForfeits.join('；')), safeCell(r.grade ?? ''), r.dismissalReview ? '是' : '',
      safeCell(r.flags.map((f) => `${f.ruleId}：${f.text}`).join('\n')),
    ]);
  }
  const cs = wb.addWorksheet('待认定旷工');
  cs.columns = [{ header: '姓名', width: 10 }, { header: '日期', width: 12 }, { header: '情形', width: 8 }, { header: '依据', width: 10 }, { header: '说明', width: 60 }];
  cs.getRow(1).font = { bold: true };
  for (const c of candidates) cs.addRow([safeCell(c.personName), c.date, c.ground, c.ruleId, safeCell(c.basis)]);
  const rs = wb.addWorksheet('只作统计事项');
  rs.columns = [{ header: '姓名', width: 10 }, { header: '依据', width: 10 }, { header: '说明', width: 70 }];
  rs.getRow(1).font = { bold: true };
  for (const r of reported) rs.addRow([safeCell(r.personName), r.ruleId, safeCell(r.text)]);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** 打卡记录 ledger (ATT-02) as XLSX. */
export async function punchesXlsx(from: string, to: string, items: PunchRow[]): Promise<Buffer> {
  const ExcelJS = await loadExcelJS();
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(`打卡记录${from}至${to}`.slice(0, 31));
  ws.columns = [
    { header: '日期', width: 12 }, { header: '姓名', width: 10 }, { header: '科室', width: 16 }, { header: '上班打卡', width: 10 }, { header: '下班打卡', width: 10 },
    { header: '迟到（分钟）', width: 12 }, { header: '早退（分钟）', width: 12 }, { header: '来源', width: 10 }, { header: '备注', width: 40 },
  ];
  ws.getRow(1).font = { bold: true };
  for (const p of items) {
    ws.addRow([p.date, safeCell(p.personName), safeCell(p.unitName), p.clockIn ?? '', p.clockOut ?? '', p.lateMinutes, p.earlyMinutes, p.source === 'import' ? '考勤机导入' : '综合科登记', safeCell(p.note)]);
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** 工作纪律抽查 ledger (ATT-04) as XLSX: one row per finding (a check that found nothing has one row too). */
export async function spotChecksXlsx(year: number, items: SpotCheckRow[]): Promise<Buffer> {
  const ExcelJS = await loadExcelJS();
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(`${year}年工作纪律抽查`);
  ws.columns = [
    { header: '日期', width: 12 }, { header: '时间', width: 8 }, { header: '组织领导', width: 10 }, { header: '抽查人', width: 10 }, { header: '范围', width: 24 },
    { header: '被查人员', width: 10 }, { header: '情况', width: 14 }, { header: '说明', width: 40 }, { header: '备注', width: 30 },
  ];
  ws.getRow(1).font = { bold: true };
  for (const c of items) {
    const head = [c.date, c.time ?? '', safeCell(c.organiserName), safeCell(c.checkerName), safeCell(c.scope)];
    if (!c.findings.length) ws.addRow([...head, '', '均在岗', '', safeCell(c.note)]);
    for (const f of c.findings) ws.addRow([...head, safeCell(f.personName), FINDING_LABEL[f.finding], safeCell(f.explanation), safeCell(c.note)]);
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

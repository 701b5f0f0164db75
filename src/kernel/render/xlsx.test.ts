import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { safeCell, writeXlsx, type XlsxColumn } from './xlsx';
import { contentDisposition } from './download';
import { chineseDate } from './dates';

interface Row {
  name: string;
  amountFen: number;
  note: string | null;
}

const columns: XlsxColumn<Row>[] = [
  { header: '姓名', value: (r) => r.name },
  { header: '金额（元）', value: (r) => r.amountFen / 100, numFmt: '#,##0.00', width: 14 },
  { header: '备注', value: (r) => r.note },
];

async function* source(n: number): AsyncIterable<Row> {
  for (let i = 0; i < n; i++) yield { name: `人员${i}`, amountFen: i * 150, note: i === 1 ? '=HYPERLINK("http://evil","点我")' : i === 2 ? '-2+3' : i === 3 ? '@SUM(A1)' : null };
}

async function roundTrip(rows: AsyncIterable<Row>, maxRows?: number) {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (c: Buffer) => chunks.push(c));
  const n = await writeXlsx(columns, rows, out, { sheetName: '补贴台账', maxRows });
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.concat(chunks) as unknown as ArrayBuffer);
  return { n, ws: wb.getWorksheet('补贴台账')! };
}

describe('writeXlsx', () => {
  it('streams rows under Chinese headers with column widths, and reads back the same values', async () => {
    const { n, ws } = await roundTrip(source(5));
    expect(n).toBe(5);
    expect(ws.getRow(1).values).toEqual([undefined, '姓名', '金额（元）', '备注']);
    expect(ws.getCell('A5').value).toBe('人员3');
    expect(ws.getCell('B5').value).toBe(4.5);
    expect(ws.getColumn(1).width).toBe(10);
    expect(ws.getColumn(2).width).toBe(14);
    expect(ws.rowCount).toBe(6);
  });

  it('neutralises formula injection: text starting with = + - @ is kept as text', async () => {
    const { ws } = await roundTrip(source(4));
    expect(ws.getCell('C3').value).toBe(`'=HYPERLINK("http://evil","点我")`);
    expect(ws.getCell('C4').value).toBe("'-2+3");
    expect(ws.getCell('C5').value).toBe("'@SUM(A1)");
    expect(safeCell('\tx')).toBe("'\tx");
    expect(safeCell('\rx')).toBe("'\rx");
    expect(safeCell('+86 138')).toBe("'+86 138");
    expect(safeCell('正常文本')).toBe('正常文本');
    expect(safeCell(-5)).toBe(-5);
  });

  it('stops at maxRows', async () => {
    const { n, ws } = await roundTrip(source(10), 3);
    expect(n).toBe(3);
    expect(ws.rowCount).toBe(4);
  });
});

describe('download helpers', () => {
  it('encodes a Chinese file name per RFC 5987 with an ASCII fallback', () => {
    expect(contentDisposition('请销假审批表-许诺.pdf', 'inline')).toBe(
      `inline; filename="download.pdf"; filename*=UTF-8''${encodeURIComponent('请销假审批表-许诺.pdf')}`,
    );
    expect(contentDisposition('audit log 2026.xlsx')).toBe(`attachment; filename="audit log 2026.xlsx"; filename*=UTF-8''audit%20log%202026.xlsx`);
    expect(contentDisposition('审批表.pdf')).toBe(`attachment; filename="download.pdf"; filename*=UTF-8''${encodeURIComponent('审批表.pdf')}`);
  });

  it('writes dates the Chinese way in the office zone', () => {
    expect(chineseDate('2026-11-02')).toBe('2026年11月2日');
    // 2026-11-01 17:00 UTC is already 2 November in Asia/Shanghai.
    expect(chineseDate('2026-11-01T17:00:00Z')).toBe('2026年11月2日');
    expect(chineseDate(null)).toBe('');
  });
});

import { once } from 'node:events';
import { PassThrough, type Readable, type Writable } from 'node:stream';
import { loadExcelJS, safeCell, displayWidth, type XlsxColumn } from '../../../kernel/render/xlsx';

/**
 * One workbook of several ledgers (FIN-16 inspection export), written sheet by sheet with the
 * same column definitions the single-ledger exports use, every cell through safeCell.
 */
export interface Sheet<Row = never> { name: string; columns: XlsxColumn<Row>[]; rows: Iterable<Row> }

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnySheet = Sheet<any>;

async function writeWorkbook(sheets: AnySheet[], out: Writable): Promise<void> {
  const ExcelJS = await loadExcelJS();
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  for (const s of sheets) {
    const ws = wb.addWorksheet(s.name.replace(/[[\]:*?/\\]/g, '_').slice(0, 31), { views: [{ state: 'frozen', ySplit: 1 }] });
    ws.columns = s.columns.map((c, i) => ({ header: c.header, key: `c${i}`, width: c.width ?? Math.max(10, displayWidth(c.header) + 4), style: c.numFmt ? { numFmt: c.numFmt } : {} }));
    const header = ws.getRow(1);
    header.font = { bold: true };
    header.commit();
    for (const row of s.rows) {
      ws.addRow(s.columns.map((c) => safeCell(c.value(row)))).commit();
      if (out.writableNeedDrain) await once(out, 'drain');
    }
    ws.commit();
  }
  await wb.commit();
}

export function workbookStream(sheets: AnySheet[]): Readable {
  const out = new PassThrough();
  writeWorkbook(sheets, out).catch((err: unknown) => out.destroy(err as Error));
  return out;
}

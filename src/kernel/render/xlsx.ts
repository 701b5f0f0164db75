import { once } from 'node:events';
import { PassThrough, type Readable, type Writable } from 'node:stream';
import type ExcelJSModule from 'exceljs';

// exceljs costs over a second to load; only an export needs it, so it is loaded then, once.
let exceljs: Promise<typeof ExcelJSModule> | undefined;
export const loadExcelJS = (): Promise<typeof ExcelJSModule> => (exceljs ??= import('exceljs').then((m) => (m as { default?: typeof ExcelJSModule }).default ?? (m as unknown as typeof ExcelJSModule)));

export type XlsxValue = string | number | boolean | null | undefined;

/** A ledger column: Chinese header, optional width (in characters), and how to read a row. */
export interface XlsxColumn<Row> {
  header: string;
  value: (row: Row) => XlsxValue;
  width?: number;
  /** Excel number format, e.g. '#,##0.00' for yuan. */
  numFmt?: string;
}

export interface XlsxOptions {
  sheetName?: string;
  /** Stop after this many data rows (Excel holds 1,048,575 below the header). */
  maxRows?: number;
}

const EXCEL_MAX_ROWS = 1_048_575;

/**
 * Neutralise spreadsheet formula injection (OWASP "CSV injection"): text that starts with
 * = + - @ or a tab / carriage return is prefixed with a quote, so Excel shows it as text.
 */
export function safeCell(value: XlsxValue): string | number | boolean {
  if (value === null || value === undefined) return '';
  if (typeof value !== 'string') return value;
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

/** Display width of text in Excel columns: a CJK character is about two Latin ones. */
export function displayWidth(text: string): number {
  let w = 0;
  for (const ch of text) w += /[\u2e80-\uffef]/.test(ch) ? 2 : 1;
  return w;
}

function sheetName(name: string): string {
  return name.replace(/[[\]:*?/\\]/g, '_').slice(0, 31) || 'Sheet1';
}

/**
 * Stream rows into an XLSX workbook on `out` (a file, a PassThrough for an HTTP reply …),
 * one row at a time, waiting when the reader is slow: a ledger of a million rows is never
 * held in memory. Resolves with the number of data rows written.
 */
export async function writeXlsx<Row>(
  columns: XlsxColumn<Row>[],
  rows: AsyncIterable<Row> | Iterable<Row>,
  out: Writable,
  opts: XlsxOptions = {},
): Promise<number> {
  const ExcelJS = await loadExcelJS();
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  const ws = wb.addWorksheet(sheetName(opts.sheetName ?? '数据'), { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = columns.map((c, i) => ({ header: c.header, key: `c${i}`, width: c.width ?? Math.max(10, displayWidth(c.header) + 4), style: c.numFmt ? { numFmt: c.numFmt } : {} }));
  const header = ws.getRow(1);
  header.font = { bold: true };
  header.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFEEEEEE' } };
  header.commit();
  const limit = Math.min(opts.maxRows ?? EXCEL_MAX_ROWS, EXCEL_MAX_ROWS);
  let n = 0;
  for await (const row of rows) {
    if (n >= limit) break;
    ws.addRow(columns.map((c) => safeCell(c.value(row)))).commit();
    n++;
    if (out.writableNeedDrain) await once(out, 'drain');
  }
  ws.commit();
  await wb.commit();
  return n;
}

/** The workbook as a readable stream for `reply.send(...)`; a failure while writing aborts the download. */
export function xlsxStream<Row>(columns: XlsxColumn<Row>[], rows: AsyncIterable<Row> | Iterable<Row>, opts?: XlsxOptions): Readable {
  const out = new PassThrough();
  writeXlsx(columns, rows, out, opts).catch((err: unknown) => out.destroy(err as Error));
  return out;
}

export const XLSX_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

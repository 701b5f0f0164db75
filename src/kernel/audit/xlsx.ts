import { once } from 'node:events';
import { PassThrough, type Readable } from 'node:stream';
import { loadExcelJS } from '../render/xlsx';
import type { Db } from '../db';
import { streamAuditEvents, type AuditFilter } from './query';

/** Excel's row limit, less the header row. */
const MAX_ROWS = 1_048_575;

const OUTCOME_LABEL: Record<string, string> = { success: '成功', failure: '失败', denied: '拒绝' };

/**
 * Neutralise spreadsheet formula injection (OWASP CSV injection): a cell a user could have
 * influenced that starts with = + - @ (or a tab / carriage return) is prefixed with a quote.
 */
export function safeCell(value: string | number | null | undefined): string | number {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return value;
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

/** The filtered audit log as an XLSX stream, written row by row as the rows are read. */
export function auditEventsXlsx(db: Db, filter: AuditFilter): Readable {
  const out = new PassThrough();
  void (async () => {
    // exceljs is loaded on the first export (kernel/render/xlsx.ts), so the workbook is made in here.
    const ExcelJS = await loadExcelJS();
    const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
    const ws = wb.addWorksheet('审计日志');
    ws.columns = [
      { header: '编号', key: 'id', width: 10 },
      { header: '时间（北京时间）', key: 'at', width: 20 },
      { header: '操作人', key: 'actor', width: 14 },
      { header: '角色', key: 'role', width: 16 },
      { header: '来源地址', key: 'ip', width: 16 },
      { header: '事件', key: 'event', width: 26 },
      { header: '对象类型', key: 'objectType', width: 14 },
      { header: '对象编号', key: 'objectId', width: 24 },
      { header: '结果', key: 'outcome', width: 8 },
      { header: '请求编号', key: 'requestId', width: 38 },
      { header: '详情', key: 'detail', width: 60 },
      { header: '链序号', key: 'seq', width: 10 },
    ];
    ws.getRow(1).font = { bold: true };
    let n = 0;
    for await (const batch of streamAuditEvents(db, filter)) {
      for (const e of batch) {
        if (n++ >= MAX_ROWS) break;
        ws.addRow([
          e.id, safeCell(e.atLocal), safeCell(e.actorUsername), safeCell(e.actorRole), safeCell(e.sourceIp),
          safeCell(e.event), safeCell(e.objectType), safeCell(e.objectId), OUTCOME_LABEL[e.outcome] ?? safeCell(e.outcome),
          safeCell(e.requestId), safeCell(e.detail ? JSON.stringify(e.detail) : ''), e.seq ?? '',
        ]).commit();
      }
      if (n >= MAX_ROWS) break;
      // Let a slow download pace the reads instead of buffering the log in memory.
      if (out.writableNeedDrain) await once(out, 'drain');
    }
    ws.commit();
    await wb.commit();
  })().catch((err: unknown) => out.destroy(err as Error));
  return out;
}

import ExcelJS from 'exceljs';
import { safeCell } from '../../kernel/render';
import { DIRECTION_LABEL, type Direction } from './model';

/** The 发文登记簿 of a year as XLSX; text cells go through safeCell (formula injection). */
export async function registerXlsx(year: number, items: Record<string, unknown>[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(`${year}年发文登记`);
  ws.columns = [
    { header: '发文字号', width: 22 }, { header: '标题', width: 50 }, { header: '文种', width: 8 }, { header: '行文方向', width: 10 },
    { header: '主送', width: 30 }, { header: '起草科室', width: 14 }, { header: '签发人', width: 10 }, { header: '成文日期', width: 12 },
    { header: '公开属性', width: 12 }, { header: '重印次数', width: 8 },
  ];
  ws.getRow(1).font = { bold: true };
  for (const r of items) {
    ws.addRow([
      safeCell(String(r.docNumber ?? '')), safeCell(String(r.title ?? '')), safeCell(String(r.kind ?? '')), DIRECTION_LABEL[r.direction as Direction] ?? '',
      safeCell(((r.mainRecipients as string[]) ?? []).join('，')), safeCell(String(r.unitName ?? '')), safeCell(String(r.signedByName ?? '')),
      String(r.issueDate ?? ''), safeCell(String(r.disclosure ?? '')), Number(r.reprints ?? 0),
    ]);
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

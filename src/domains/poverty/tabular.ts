import { Transform, type Readable } from 'node:stream';
import type { CopyValue } from './copy';
import ExcelJS from 'exceljs';

/**
 * Streamed readers for uploaded ledgers: a CSV tokenizer (RFC 4180 quoting, UTF-8 or GBK)
 * and the exceljs streaming XLSX reader. Both yield one record at a time with its row number
 * in the file (the header is row 1), so a file of any size is never held in memory.
 */
export interface Record {
  line: number;
  cells: string[];
  /** The row could not be read at all (e.g. an ID stored as a number). */
  error?: string;
}

export class UploadError extends Error {}

export async function* readCsv(input: AsyncIterable<Buffer | string>, encoding: 'utf-8' | 'gbk' = 'utf-8'): AsyncGenerator<Record> {
  const decoder = new TextDecoder(encoding, { fatal: true });
  let cells: string[] = [];
  let field = '';
  let quoted = false;
  let afterQuote = false;
  let line = 1;
  let first = true;
  const decode = (chunk: Buffer | string, stream: boolean) => {
    try {
      return typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream });
    } catch {
      throw new UploadError(encoding === 'utf-8' ? '文件不是UTF-8编码，请选择GBK编码后重试' : '文件编码无法识别');
    }
  };
  const out: Record[] = [];
  const consume = (text: string) => {
    if (first) {
      text = text.replace(/^\uFEFF/, '');
      first = false;
    }
    for (let i = 0; i < text.length; i++) {
      const ch = text[i];
      if (quoted) {
        if (ch === '"') {
          if (text[i + 1] === '"') {
            field += '"';
            i++;
          } else if (i + 1 === text.length) {
            // A quote at the chunk's end: decide when the next chunk arrives.
            quoted = false;
            afterQuote = true;
          } else {
            quoted = false;
          }
        } else field += ch;
        continue;
      }
      if (afterQuote && ch === '"') {
        field += '"';
        quoted = true;
        afterQuote = false;
        continue;
      }
      afterQuote = false;
      if (ch === '"' && field === '') quoted = true;
      else if (ch === ',') {
        cells.push(field);
        field = '';
      } else if (ch === '\n' || ch === '\r') {
        if (ch === '\r' && text[i + 1] === '\n') i++;
        cells.push(field);
        field = '';
        if (cells.some((c) => c.trim() !== '')) out.push({ line, cells });
        cells = [];
        line++;
      } else field += ch;
    }
  };
  for await (const chunk of input) {
    consume(decode(chunk, true));
    yield* out.splice(0);
  }
  consume(decode(Buffer.alloc(0), false));
  if (field !== '' || cells.length > 0) {
    cells.push(field);
    if (cells.some((c) => c.trim() !== '')) out.push({ line, cells });
  }
  yield* out.splice(0);
}

function cellText(v: ExcelJS.CellValue): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number') {
    // An 18-digit ID typed as a number has lost its last digits already: say so.
    if (!Number.isSafeInteger(v) && Number.isInteger(v)) throw new UploadError('数字超出精度，证件号码、账号须以文本格式保存');
    return String(v);
  }
  if (typeof v === 'string' || typeof v === 'boolean') return String(v);
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if ('richText' in v) return v.richText.map((r) => r.text).join('');
  if ('text' in v && typeof v.text === 'string') return v.text;
  if ('result' in v) return v.result === undefined || v.result === null ? '' : String(v.result);
  return '';
}

/** The first worksheet, streamed. */
export async function* readXlsx(input: Readable): AsyncGenerator<Record> {
  const wb = new ExcelJS.stream.xlsx.WorkbookReader(input, { sharedStrings: 'cache', hyperlinks: 'ignore', styles: 'ignore', worksheets: 'emit', entries: 'emit' });
  for await (const ws of wb) {
    for await (const row of ws as AsyncIterable<ExcelJS.Row>) {
      const values = (row.values as ExcelJS.CellValue[]).slice(1);
      try {
        const cells = Array.from(values, (v) => cellText(v).trim());
        if (cells.some((c) => c !== '')) yield { line: row.number, cells };
      } catch (err) {
        if (!(err instanceof UploadError)) throw err;
        yield { line: row.number, cells: [], error: err.message };
      }
    }
    return; // only the first sheet
  }
}

/**
 * Count bytes as they pass (progress) and stop past the cap (SECREQ-40); check the magic
 * bytes of an XLSX (a ZIP: PK\x03\x04) on the first chunk.
 */
export function meter(maxBytes: number, expectZip: boolean, onBytes: (n: number) => void): Transform {
  let n = 0;
  return new Transform({
    transform(chunk: Buffer, _enc, done) {
      if (n === 0 && expectZip && !(chunk[0] === 0x50 && chunk[1] === 0x4b)) return done(new UploadError('文件内容不是XLSX格式'));
      n += chunk.length;
      if (n > maxBytes) return done(new UploadError(`文件超过大小上限（${Math.round(maxBytes / 1048576)}MB）`));
      onBytes(n);
      done(null, chunk);
    },
  });
}

/** Counts of a staged upload, kept by the caller so that a failure can report how far it got. */
export interface StageProgress {
  processed: number;
  rejected: number;
}

/**
 * The loop every streamed upload shares (household import, sector comparison, school roll):
 * the first record is the header, whose required columns are checked; every later record is
 * staged as a COPY row or refused with its reasons; rows and refusals go to `flush` in batches,
 * so memory stays flat whatever the size of the file.
 */
export async function stageUpload<I, E>(
  records: AsyncIterable<Record>,
  progress: StageProgress,
  o: {
    header: (cells: string[]) => { index: I; missing: string[] };
    stage: (line: number, cells: string[], index: I) => { row?: CopyValue[]; errors?: E[] };
    unreadable: (line: number, message: string) => E;
    batchSize: number;
    flush: (rows: CopyValue[][], refusals: E[]) => Promise<void>;
  },
): Promise<void> {
  let index: I | null = null;
  let batch: CopyValue[][] = [];
  let refusals: E[] = [];
  // One batch is written while the next is read and encrypted, so the database's COPY and our
  // parsing overlap (P2); waiting for the previous write first keeps memory to two batches.
  let inFlight: Promise<void> = Promise.resolve();
  const flush = async () => {
    const [rows, refused] = [batch, refusals];
    batch = [];
    refusals = [];
    await inFlight;
    inFlight = o.flush(rows, refused);
    inFlight.catch(() => undefined); // reported by the next await, not as an unhandled rejection
  };
  try {
    for await (const rec of records) {
      if (index === null) {
        const h = o.header(rec.cells);
        if (h.missing.length > 0) throw new UploadError(`表头缺少必填列：${h.missing.join('、')}`);
        index = h.index;
        continue;
      }
      progress.processed++;
      const r = rec.error ? { errors: [o.unreadable(rec.line, rec.error)] } : o.stage(rec.line, rec.cells, index);
      if (r.row) batch.push(r.row);
      else {
        refusals.push(...(r.errors ?? []));
        progress.rejected++;
      }
      if (batch.length + refusals.length >= o.batchSize) await flush();
    }
    if (index === null) throw new UploadError('文件为空或没有表头');
    await flush();
    await inFlight;
  } catch (err) {
    // Never leave a COPY running behind the caller's clean-up.
    await inFlight.catch(() => undefined);
    throw err;
  }
}

/** An uploaded file as records, read as a stream under a size limit, with the bytes read so far (for progress). */
export function openUpload(body: Readable, o: { format: 'csv' | 'xlsx'; encoding?: 'utf-8' | 'gbk'; maxBytes: number }): { records: AsyncIterable<Record>; bytesRead: () => number } {
  let bytes = 0;
  const metered = body.pipe(meter(o.maxBytes, o.format === 'xlsx', (n) => (bytes = n)));
  body.on('error', (e) => metered.destroy(e));
  return { records: o.format === 'csv' ? readCsv(metered, o.encoding) : readXlsx(metered), bytesRead: () => bytes };
}

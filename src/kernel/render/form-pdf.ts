import { loadFonts, pdfDocumentClass } from './fonts';
import type { FormRow, FormSpec } from './form-spec';
import { Typesetter, type Style } from './typeset';

/** A4 with the margins of GB/T 9704 (left 28 mm for binding, right 26 mm), shorter top and bottom. */
const MM = 72 / 25.4;
const PAGE_H = 841.89;
const MARGIN = { top: 25 * MM, bottom: 25 * MM, left: 28 * MM, right: 26 * MM };
const LEFT = MARGIN.left;
const WIDTH = 595.28 - MARGIN.left - MARGIN.right;
const BOTTOM = PAGE_H - MARGIN.bottom;

const PAD_X = 6;
const PAD_Y = 5;
/** Label column: seven characters of 小四 (科室负责人意见) plus padding. */
const LABEL_W = 96;
const MIN_FIELD_H = 30;
const MIN_TEXT_H = 60;
const MIN_SIGNATURE_H = 96;
const SHADE = '#eeeeee';

/** Chinese type sizes: 二号 22 pt, 小四 12 pt, 四号 14 pt, 五号 10.5 pt. */
const S = {
  title: { role: 'songBold', size: 22 },
  subtitle: { role: 'song', size: 12 },
  label: { role: 'song', size: 12 },
  value: { role: 'fangsong', size: 12 },
  signer: { role: 'kai', size: 14 },
  note: { role: 'song', size: 10.5 },
  page: { role: 'song', size: 10.5 },
} satisfies Record<string, Style>;

/** A row laid out for the page: its height, how to draw it, and (text rows) how to split it. */
interface Block {
  height: number;
  draw(y: number): void;
  /** A first part that fits in `avail`, and the rest; null when the row should move whole. */
  split?(avail: number): [Block, Block] | null;
}

/**
 * Draw an office paper form: centred title, subtitle, a bordered table of the spec's rows
 * with shaded label cells and signature boxes, notes, and 第 N 页 共 M 页 on every page.
 * Rows that do not fit move to the next page; long text and opinions continue there.
 */
export async function renderFormPdf(spec: FormSpec): Promise<Buffer> {
  const fonts = loadFonts();
  const PDFDocument = pdfDocumentClass();
  const doc = new PDFDocument({ size: 'A4', margins: MARGIN, bufferPages: true, displayTitle: true, info: { Title: spec.title, Creator: '规程', Producer: '规程' } });
  const done = collect(doc);
  const painter = new FormPainter(doc, new Typesetter(doc, fonts));
  painter.heading(spec.title, spec.subtitle);
  painter.table(spec.rows);
  painter.notes(spec.notes ?? []);
  painter.pageNumbers();
  doc.end();
  return done;
}

function collect(doc: PDFKit.PDFDocument): Promise<Buffer> {
  const chunks: Buffer[] = [];
  return new Promise((resolve, reject) => {
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
}

class FormPainter {
  private y = MARGIN.top;
  private tableTop = MARGIN.top;

  constructor(
    private readonly doc: PDFKit.PDFDocument,
    private readonly ts: Typesetter,
  ) {}

  private lh(s: Style) {
    return this.ts.lineHeight(s);
  }

  heading(title: string, subtitle?: string) {
    for (const line of this.ts.wrap(title, S.title, WIDTH)) {
      this.ts.draw(line, S.title, LEFT, this.y, WIDTH, 'center');
      this.y += this.lh(S.title);
    }
    this.y += 6;
    if (subtitle) {
      for (const line of this.ts.wrap(subtitle, S.subtitle, WIDTH)) {
        this.ts.draw(line, S.subtitle, LEFT, this.y, WIDTH, 'right');
        this.y += this.lh(S.subtitle);
      }
      this.y += 2;
    }
  }

  table(rows: FormRow[]) {
    if (rows.length === 0) return;
    this.tableTop = this.y;
    for (const row of rows) this.place(this.block(row));
    this.closeTable();
  }

  /** Put a row on the page, splitting it or starting a new page when it does not fit. */
  private place(block: Block) {
    let b: Block | null = block;
    while (b) {
      const avail = BOTTOM - this.y;
      if (b.height <= avail) {
        b.draw(this.y);
        this.y += b.height;
        return;
      }
      const parts: [Block, Block] | null = b.split?.(avail) ?? null;
      if (parts) {
        parts[0].draw(this.y);
        this.y += parts[0].height;
        b = parts[1];
      } else if (this.y === this.tableTop) {
        // Taller than a whole page and cannot split: draw it anyway rather than loop forever.
        b.draw(this.y);
        this.y += b.height;
        return;
      }
      this.newPage();
    }
  }

  private newPage() {
    this.closeTable();
    this.doc.addPage();
    this.y = MARGIN.top;
    this.tableTop = this.y;
  }

  /** The table's outer border on this page is heavier than the inner rules, as on paper forms. */
  private closeTable() {
    if (this.y > this.tableTop) this.doc.lineWidth(1).strokeColor('#000').rect(LEFT, this.tableTop, WIDTH, this.y - this.tableTop).stroke();
  }

  private block(row: FormRow): Block {
    switch (row.kind) {
      case 'fields':
        return this.fieldsBlock(row.cells);
      case 'text':
        return this.textBlock(row.label, this.ts.wrap(row.value, S.value, this.bodyWidth()), row.minHeight ?? MIN_TEXT_H);
      case 'signature':
        return this.signatureBlock(row, this.ts.wrap(row.opinion, S.value, this.bodyWidth()));
    }
  }

  private labelWidth(cellWidth = WIDTH) {
    return Math.min(LABEL_W, cellWidth * 0.45);
  }

  private bodyWidth() {
    return WIDTH - this.labelWidth() - 2 * PAD_X;
  }

  private fieldsBlock(cells: { label: string; value: string; span?: number }[]): Block {
    const total = cells.reduce((n, c) => n + (c.span ?? 1), 0);
    let x = LEFT;
    const laid = cells.map((c) => {
      const w = (WIDTH * (c.span ?? 1)) / total;
      const lw = c.label ? this.labelWidth(w) : 0;
      const cell = { x, w, lw, label: this.ts.wrap(c.label, S.label, lw - 2 * PAD_X), value: this.ts.wrap(c.value, S.value, w - lw - 2 * PAD_X) };
      x += w;
      return cell;
    });
    const lines = Math.max(...laid.map((c) => Math.max(c.label.length, c.value.length)));
    const height = Math.max(MIN_FIELD_H, lines * this.lh(S.value) + 2 * PAD_Y);
    return {
      height,
      draw: (y) => {
        for (const c of laid) {
          if (c.lw) this.labelCell(c.label, c.x, y, c.lw, height);
          this.lines(c.value, S.value, c.x + c.lw + PAD_X, this.middle(y, height, c.value.length, S.value), c.w - c.lw - 2 * PAD_X, 'left');
          this.cellBorder(c.x + c.lw, y, c.w - c.lw, height);
        }
      },
    };
  }

  private textBlock(label: string, lines: string[], minHeight: number, continued = false): Block {
    const height = Math.max(minHeight, lines.length * this.lh(S.value) + 2 * PAD_Y);
    return {
      height,
      draw: (y) => {
        this.labelCell(this.ts.wrap(continued ? `${label}（续）` : label, S.label, this.labelWidth() - 2 * PAD_X), LEFT, y, this.labelWidth(), height);
        this.lines(lines, S.value, LEFT + this.labelWidth() + PAD_X, y + PAD_Y, this.bodyWidth(), 'left');
        this.cellBorder(LEFT + this.labelWidth(), y, WIDTH - this.labelWidth(), height);
      },
      split: (avail) => {
        const n = Math.floor((avail - 2 * PAD_Y) / this.lh(S.value));
        if (n < 2 || n >= lines.length) return null;
        return [this.textBlock(label, lines.slice(0, n), 0, continued), this.textBlock(label, lines.slice(n), minHeight, true)];
      },
    };
  }

  private signatureBlock(row: Extract<FormRow, { kind: 'signature' }>, opinion: string[], continued = false): Block {
    const trailer = this.lh(S.signer) + this.lh(S.label);
    const height = Math.max(row.minHeight ?? MIN_SIGNATURE_H, opinion.length * this.lh(S.value) + 2 * PAD_Y + 8 + trailer);
    const label = continued ? `${row.label}（续）` : row.label;
    return {
      height,
      draw: (y) => {
        this.labelCell(this.ts.wrap(label, S.label, this.labelWidth() - 2 * PAD_X), LEFT, y, this.labelWidth(), height);
        this.lines(opinion, S.value, LEFT + this.labelWidth() + PAD_X, y + PAD_Y, this.bodyWidth(), 'left');
        this.signatureLines(row, y + height - PAD_Y - trailer);
        this.cellBorder(LEFT + this.labelWidth(), y, WIDTH - this.labelWidth(), height);
      },
      split: (avail) => {
        const n = Math.floor((avail - 2 * PAD_Y) / this.lh(S.value));
        if (n < 2 || n >= opinion.length) return null;
        const first = this.textBlock(row.label, opinion.slice(0, n), 0, continued);
        return [first, this.signatureBlock(row, opinion.slice(n), true)];
      },
    };
  }

  /** 签字：name（代 X） over the date, flush right with two characters of margin, as signed by hand. */
  private signatureLines(row: Extract<FormRow, { kind: 'signature' }>, y: number) {
    const right = LEFT + WIDTH - 2 * S.label.size;
    const name = row.signer ? `${row.signer}${row.onBehalfOf ? `（代 ${row.onBehalfOf}）` : ''}` : '　'.repeat(6);
    const prefix = '签字：';
    const nameW = this.ts.width(name, S.signer);
    const prefixW = this.ts.width(prefix, S.label);
    const x = right - nameW - prefixW;
    const shift = (this.lh(S.signer) - this.lh(S.label)) / 2;
    this.ts.draw(prefix, S.label, x, y + shift);
    this.ts.draw(name, S.signer, x + prefixW, y);
    const date = row.date || '　　　　年　　月　　日';
    this.ts.draw(date, S.label, right - this.ts.width(date, S.label), y + this.lh(S.signer));
  }

  private labelCell(lines: string[], x: number, y: number, w: number, h: number) {
    this.doc.rect(x, y, w, h).fill(SHADE);
    this.doc.fillColor('#000');
    this.lines(lines, S.label, x + PAD_X, this.middle(y, h, lines.length, S.label), w - 2 * PAD_X, 'center');
    this.cellBorder(x, y, w, h);
  }

  private cellBorder(x: number, y: number, w: number, h: number) {
    this.doc.lineWidth(0.5).strokeColor('#000').rect(x, y, w, h).stroke();
  }

  private middle(y: number, h: number, n: number, s: Style) {
    return y + (h - n * this.lh(s)) / 2;
  }

  private lines(lines: string[], s: Style, x: number, y: number, w: number, align: 'left' | 'center') {
    lines.forEach((line, i) => this.ts.draw(line, s, x, y + i * this.lh(s), w, align));
  }

  notes(notes: string[]) {
    if (notes.length === 0) return;
    this.y += 6;
    const texts = notes.map((n, i) => (/^(注|说明)/.test(n) ? n : notes.length === 1 ? `注：${n}` : `${i === 0 ? '注：' : '　　'}${i + 1}. ${n}`));
    for (const text of texts) {
      for (const line of this.ts.wrap(text, S.note, WIDTH)) {
        if (this.y + this.lh(S.note) > BOTTOM) {
          this.doc.addPage();
          this.y = MARGIN.top;
        }
        this.ts.draw(line, S.note, LEFT, this.y);
        this.y += this.lh(S.note);
      }
    }
  }

  /** 第 N 页 共 M 页, 7 mm below the type area as GB/T 9704 places page numbers. */
  pageNumbers() {
    const { start, count } = this.doc.bufferedPageRange();
    for (let i = start; i < start + count; i++) {
      this.doc.switchToPage(i);
      // Writing below the bottom margin would make pdfkit start a new page.
      this.doc.page.margins.bottom = 0;
      this.ts.draw(`第 ${i - start + 1} 页 共 ${count} 页`, S.page, LEFT, BOTTOM + 7 * MM, WIDTH, 'center');
    }
  }
}

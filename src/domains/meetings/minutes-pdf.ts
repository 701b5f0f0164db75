import { loadFonts } from '../../kernel/render';
import { pdfDocumentClass } from '../../kernel/render/fonts';
import { Typesetter, type Style } from '../../kernel/render/typeset';
import { CHAR, LINE_PITCH, MM, PAGE, RED } from '../../kernel/render/gbt9704';
import { minutesParagraphs, type MinutesContent } from './minutes-model';

/**
 * The 纪要 layout of GB/T 9704-2012 §10.3 on the grid of gongwen-format.md §1: A4, 版心
 * 156 × 225 mm at (28, 37) mm; the red 纪要标志 centred with its top 35 mm below the 版心;
 * body in 3号仿宋 with two-character indents; 出席 / 请假 / 列席 lines with the label in 3号黑体
 * and continuation lines aligned after the colon; page numbers "— n —" 7 mm below the 版心,
 * odd pages right and even pages left, one character in.
 */
const { left: LEFT, top: TOP, width: WIDTH, bottom: BOTTOM } = PAGE;
const PITCH = LINE_PITCH;
const S = {
  mark: { role: 'songBold', size: 26 },
  sub: { role: 'fangsong', size: 16 },
  body: { role: 'fangsong', size: 16 },
  h1: { role: 'hei', size: 16 },
  label: { role: 'hei', size: 16 },
  page: { role: 'song', size: 14 },
} satisfies Record<string, Style>;

class MinutesPainter {
  y = TOP;
  constructor(
    private readonly doc: PDFKit.PDFDocument,
    private readonly ts: Typesetter,
  ) {}

  private ensure(h: number): void {
    if (this.y + h <= BOTTOM) return;
    this.doc.addPage();
    this.y = TOP;
  }

  header(c: MinutesContent, draft: boolean): void {
    this.y = TOP + 35 * MM;
    this.doc.fillColor(RED);
    this.ts.draw(`${c.office}${c.heading}`, S.mark, LEFT, this.y, WIDTH, 'center');
    this.doc.fillColor('black');
    this.y += PITCH * 2;
    this.ts.draw(`（${c.meetingTitle}）${draft ? ' 草稿 未签发' : ''}`, S.sub, LEFT, this.y, WIDTH, 'center');
    this.y += PITCH;
    this.doc.moveTo(LEFT, this.y + 6).lineTo(LEFT + WIDTH, this.y + 6).lineWidth(1).strokeColor(RED).stroke().strokeColor('black');
    this.y += PITCH;
  }

  paragraph(text: string, style: Style, indent: number): void {
    const lines = this.ts.wrap(text, style, WIDTH - indent * CHAR);
    lines.forEach((line, i) => {
      this.ensure(PITCH);
      const x = LEFT + (i === 0 ? indent * CHAR : 0);
      this.ts.draw(line, style, x, this.y, WIDTH - (i === 0 ? indent * CHAR : 0));
      this.y += PITCH;
    });
  }

  /** 出席：names — the label in 黑体, continuation lines aligned after the colon. */
  list(label: string, text: string): void {
    const lead = `${label}：`;
    const leadW = 2 * CHAR + this.ts.width(lead, S.label);
    const lines = this.ts.wrap(text, S.body, WIDTH - leadW);
    lines.forEach((line, i) => {
      this.ensure(PITCH);
      if (i === 0) this.ts.draw(lead, S.label, LEFT + 2 * CHAR, this.y);
      this.ts.draw(line, S.body, LEFT + leadW, this.y, WIDTH - leadW);
      this.y += PITCH;
    });
  }

  pageNumbers(): void {
    const range = this.doc.bufferedPageRange();
    for (let i = 0; i < range.count; i++) {
      this.doc.switchToPage(range.start + i);
      const n = i + 1;
      const y = BOTTOM + 7 * MM - S.page.size;
      this.ts.draw(`— ${n} —`, S.page, LEFT + CHAR, y, WIDTH - 2 * CHAR, n % 2 === 1 ? 'right' : 'left');
    }
  }
}

export async function renderMinutesPdf(c: MinutesContent, opts: { draft?: boolean } = {}): Promise<Buffer> {
  const fonts = loadFonts();
  // pdfkit is loaded on the first print, not at start (kernel/render/fonts.ts).
  const PDFDocument = pdfDocumentClass();
  const doc = new PDFDocument({ size: 'A4', margin: 0, bufferPages: true, info: { Title: `${c.office}${c.heading}`, Creator: '规程', Producer: '规程' } });
  const chunks: Buffer[] = [];
  doc.on('data', (b: Buffer) => chunks.push(b));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  const painter = new MinutesPainter(doc, new Typesetter(doc, fonts));
  painter.header(c, opts.draft ?? false);
  for (const p of minutesParagraphs(c)) {
    if (p.kind === 'list') {
      painter.y += p.label === '出席' ? PITCH : 0;
      painter.list(p.label!, p.text);
    } else painter.paragraph(p.text, p.kind === 'h1' ? S.h1 : S.body, 2);
  }
  painter.pageNumbers();
  doc.end();
  return done;
}

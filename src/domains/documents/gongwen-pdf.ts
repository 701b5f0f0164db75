import { loadFonts } from '../../kernel/render';
import { pdfDocumentClass } from '../../kernel/render/fonts';
import { CHAR, LINE_PITCH, MM, PAGE, RED } from '../../kernel/render/gbt9704';
import { Typesetter, type Style } from '../../kernel/render/typeset';
import type { Gongwen } from './gongwen-model';

/**
 * The GB/T 9704-2012 layout (gongwen-format.md §1–§2) on pdfkit. Every element is placed in
 * mm on the 版心 (156 × 225 mm at 28, 37) and its box is returned, so tests assert positions
 * directly as well as through `pdftotext -bbox`.
 */
export { MM };
const { left: LEFT, top: TOP, width: WIDTH, bottom: BOTTOM } = PAGE;
const PITCH = LINE_PITCH;
const S = {
  mark: { role: 'songBold', size: 36 },
  body: { role: 'fangsong', size: 16 },
  hei: { role: 'hei', size: 16 },
  kai: { role: 'kai', size: 16 },
  title: { role: 'songBold', size: 22 },
  small: { role: 'fangsong', size: 14 },
  page: { role: 'song', size: 14 },
  flag: { role: 'hei', size: 9 },
} satisfies Record<string, Style>;

export interface Box {
  page: number;
  x: number;
  y: number;
  w: number;
  h: number;
}
export type Layout = Record<string, Box>;

const toMm = (page: number, x: number, y: number, w: number, h: number): Box => ({ page, x: x / MM, y: y / MM, w: w / MM, h: h / MM });

class Painter {
  y = TOP;
  page = 1;
  readonly boxes: Layout = {};
  constructor(
    readonly doc: PDFKit.PDFDocument,
    readonly ts: Typesetter,
  ) {}

  /** Glyph box of a line drawn by the typesetter at `y` (the em box centred in 1.5 × size). */
  box(key: string, text: string, s: Style, x: number, y: number, w: number, align: 'left' | 'center' | 'right') {
    const tw = this.ts.width(text, s);
    const gx = align === 'center' ? x + (w - tw) / 2 : align === 'right' ? x + w - tw : x;
    this.boxes[key] = toMm(this.page, gx, y + 0.25 * s.size, tw, s.size);
  }

  line(key: string, text: string, s: Style, x: number, w: number, align: 'left' | 'center' | 'right' = 'left', color = 'black') {
    this.ensure(PITCH);
    this.doc.fillColor(color);
    this.ts.draw(text, s, x, this.y, w, align);
    this.doc.fillColor('black');
    if (!this.boxes[key]) this.box(key, text, s, x, this.y, w, align);
    this.y += PITCH;
  }

  ensure(h: number) {
    if (this.y + h <= BOTTOM + 1) return;
    this.doc.addPage();
    this.page += 1;
    this.y = TOP;
  }

  /** A paragraph: first line indented `first` characters, continuation lines at `rest`. */
  para(key: string, text: string, s: Style, first: number, rest = 0) {
    const lines = wrapIndented(this.ts, text, s, first, rest);
    lines.forEach((l, i) => this.line(i === 0 ? key : `${key}.${i}`, l, s, LEFT + (i === 0 ? first : rest) * CHAR, WIDTH - (i === 0 ? first : rest) * CHAR));
  }

  rule(key: string, y: number, width: number, color = 'black') {
    this.doc.moveTo(LEFT, y).lineTo(LEFT + WIDTH, y).lineWidth(width).strokeColor(color).stroke().strokeColor('black');
    this.boxes[key] = toMm(this.page, LEFT, y, WIDTH, width);
  }
}

function wrapIndented(ts: Typesetter, text: string, s: Style, first: number, rest: number): string[] {
  const [head, ...tail] = ts.wrap(text, s, WIDTH - first * CHAR);
  if (!tail.length) return [head];
  return [head, ...ts.wrap(tail.join(''), s, WIDTH - rest * CHAR)];
}

const headingStyle = (level: number): Style => (level === 1 ? S.hei : level === 2 ? S.kai : S.body);

function header(p: Painter, g: Gongwen) {
  const marks: [string, string | null, Style][] = [['copyNo', g.copyNo, S.body], ['secrecy', g.secrecy, S.hei], ['urgency', g.urgency, S.hei]];
  for (const [key, text, style] of marks) if (text) p.line(key, text, style, LEFT, WIDTH);
  // 发文机关标志: red, centred, top edge 35 mm below the top of the 版心; shrunk to fit the 版心.
  const size = Math.min(S.mark.size, Math.floor(WIDTH / [...g.issuer].length));
  const mark = { ...S.mark, size };
  const markTop = TOP + 35 * MM;
  p.y = markTop - 0.25 * size;
  p.doc.fillColor(RED);
  p.ts.draw(g.issuer, mark, LEFT, p.y, WIDTH, 'center');
  p.doc.fillColor('black');
  p.box('issuer', g.issuer, mark, LEFT, p.y, WIDTH, 'center');
  // 发文字号 two lines below the 标志; 上行文: left, one character in, level with the 签发人.
  p.y = markTop + size + PITCH;
  if (g.signers.length) {
    const label = '签发人：';
    const name = g.signers.join('  ');
    const nameW = p.ts.width(name, S.kai);
    const labelW = p.ts.width(label, S.body);
    const right = LEFT + WIDTH - CHAR;
    p.ts.draw(label, S.body, right - nameW - labelW, p.y);
    p.ts.draw(name, S.kai, right - nameW, p.y);
    p.box('signer', `${label}${name}`, S.body, right - nameW - labelW, p.y, nameW + labelW, 'left');
    p.line('docNumber', g.docNumber, S.body, LEFT + CHAR, WIDTH - CHAR, 'left');
  } else p.line('docNumber', g.docNumber, S.body, LEFT, WIDTH, 'center');
  const numberBottom = (p.boxes.docNumber.y + p.boxes.docNumber.h) * MM;
  p.rule('redLine', numberBottom + 4 * MM, 1.5, RED);
  p.y = numberBottom + 4 * MM + PITCH;
}

function closing(p: Painter, g: Gongwen) {
  // Seal position: the top within one line of the body; 署名 and date just below its centre.
  const R = 21 * MM;
  p.ensure(R + PITCH * 2);
  const sealTop = p.y + PITCH * 0.3;
  const dateW = p.ts.width(g.issueDate, S.body);
  const dateX = LEFT + WIDTH - 4 * CHAR - dateW;
  const cx = dateX + dateW / 2;
  const cy = sealTop + R;
  if (g.sealed) {
    p.doc.circle(cx, cy, R).lineWidth(0.5).dash(3, { space: 3 }).strokeColor(RED).stroke().undash().strokeColor('black');
    p.boxes.seal = toMm(p.page, cx - R, sealTop, 2 * R, 2 * R);
  }
  p.y = cy - PITCH * 0.4;
  const sigW = p.ts.width(g.signature, S.body);
  p.ts.draw(g.signature, S.body, cx - sigW / 2, p.y);
  p.box('signature', g.signature, S.body, cx - sigW / 2, p.y, sigW, 'left');
  p.y += PITCH;
  p.ts.draw(g.issueDate, S.body, dateX, p.y);
  p.box('issueDate', g.issueDate, S.body, dateX, p.y, dateW, 'left');
  p.y += PITCH;
  for (const [i, n] of g.notes.entries()) p.para(i === 0 ? 'note' : `note${i}`, `（${n}）`, S.body, 2);
}

/** 版记 at the foot of the last page: thick first and last lines, the last on the 版心's bottom edge. */
function colophon(p: Painter, g: Gongwen): boolean {
  const rows = (g.cc ? 1 : 0) + 1;
  const need = rows * PITCH + 6;
  let ownPage = false;
  if (p.y + need > BOTTOM) {
    p.doc.addPage();
    p.page += 1;
    ownPage = true;
  }
  const thick = 0.35 * MM;
  const thin = 0.25 * MM;
  p.rule('colophonLast', BOTTOM, thick);
  const printY = BOTTOM - PITCH;
  p.ts.draw(`${g.printer}`, S.small, LEFT + CHAR, printY + 2);
  p.box('printer', g.printer, S.small, LEFT + CHAR, printY + 2, WIDTH, 'left');
  const pd = `${g.printDate}印发`;
  p.ts.draw(pd, S.small, LEFT, printY + 2, WIDTH - CHAR, 'right');
  p.box('printDate', pd, S.small, LEFT, printY + 2, WIDTH - CHAR, 'right');
  if (g.cc) {
    p.rule('colophonMiddle', printY, thin);
    const ccY = printY - PITCH;
    const cc = `抄送：${g.cc}。`;
    p.ts.draw(cc, S.small, LEFT + CHAR, ccY + 2, WIDTH - 2 * CHAR);
    p.box('cc', cc, S.small, LEFT + CHAR, ccY + 2, WIDTH - 2 * CHAR, 'left');
    p.rule('colophonFirst', ccY, thick);
  } else p.rule('colophonFirst', printY, thick);
  return ownPage;
}

function pageNumbers(p: Painter, unnumberedLast: boolean) {
  const range = p.doc.bufferedPageRange();
  const count = unnumberedLast ? range.count - 1 : range.count;
  for (let i = 0; i < count; i++) {
    p.doc.switchToPage(range.start + i);
    const n = i + 1;
    // The 一字线 sits 7 mm below the 版心; odd pages right, even pages left, one character in.
    const y = BOTTOM + 7 * MM - 0.75 * S.page.size;
    const text = `— ${n} —`;
    p.ts.draw(text, S.page, LEFT + CHAR, y, WIDTH - 2 * CHAR, n % 2 === 1 ? 'right' : 'left');
    p.boxes[`page${n}`] = { ...toMm(n, 0, 0, 0, 0) };
    p.box(`page${n}`, text, S.page, LEFT + CHAR, y, WIDTH - 2 * CHAR, n % 2 === 1 ? 'right' : 'left');
    p.boxes[`page${n}`].page = n;
  }
}

export interface RenderOptions {
  /** Visible flag when a font role has no font of its own (gongwen-format.md §6.4). */
  substituteFlag?: boolean;
}

export async function renderGongwenPdf(g: Gongwen, opts: RenderOptions = {}): Promise<{ pdf: Buffer; layout: Layout }> {
  const fonts = loadFonts();
  const PDFDocument = pdfDocumentClass();
  const doc = new PDFDocument({ size: 'A4', margin: 0, bufferPages: true, info: { Title: g.title, Creator: '规程', Producer: '规程' } });
  const chunks: Buffer[] = [];
  doc.on('data', (b: Buffer) => chunks.push(b));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  const p = new Painter(doc, new Typesetter(doc, fonts));
  const substitute = opts.substituteFlag ?? Object.values(fonts).some((f) => f.face.borrowedFrom);
  header(p, g);
  for (const line of p.ts.wrap(g.title, S.title, WIDTH)) p.line(p.boxes.title ? `title.${p.y}` : 'title', line, S.title, LEFT, WIDTH, 'center');
  p.y += PITCH;
  p.para('mainRecipients', `${g.mainRecipients}：`, S.body, 0);
  g.body.forEach((para, i) => p.para(`body${i}`, para.text, headingStyle(para.level), 2));
  if (g.attachments.length) {
    p.y += PITCH;
    g.attachments.forEach((a, i) => {
      const lead = i === 0 ? '附件：' : '　　　';
      const num = g.attachments.length > 1 ? `${i + 1}.` : '';
      p.para(i === 0 ? 'attachments' : `attachments${i}`, `${lead}${num}${a}`, S.body, 2, 5);
    });
  }
  closing(p, g);
  const ownPage = colophon(p, g);
  pageNumbers(p, ownPage);
  if (substitute || g.draft) {
    const range = doc.bufferedPageRange();
    for (let i = 0; i < range.count; i++) {
      doc.switchToPage(range.start + i);
      doc.fillColor('#888888');
      const flags = [g.draft ? '草稿 未编号' : '', substitute ? '替代字体输出，非正式文本' : ''].filter(Boolean).join('　');
      p.ts.draw(flags, S.flag, LEFT, 12 * MM, WIDTH, 'right');
      doc.fillColor('black');
    }
  }
  doc.end();
  return { pdf: await done, layout: p.boxes };
}

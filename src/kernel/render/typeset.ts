import { AppError } from '../errors';
import { FONT_ROLES, type FontRole, type LoadedFont } from './fonts';

type Doc = PDFKit.PDFDocument;

export interface Style {
  role: FontRole;
  size: number;
}

interface Run {
  role: FontRole;
  text: string;
}

/** Closing punctuation may hang past the line end rather than start a line (避头点). */
const NO_LINE_START = new Set('，。、；：？！）》」』”’】〕…%,.;:?!)]'.split(''));
const CJK = /[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u{20000}-\u{3134f}]/u;

/**
 * Measures, wraps and draws text with the font map. Each character is drawn in the requested
 * role's font when it has the glyph, else in the first other font that has it; a character
 * no font has is an error, never a blank box (tofu) on an official form.
 */
export class Typesetter {
  constructor(
    private readonly doc: Doc,
    private readonly fonts: Record<FontRole, LoadedFont>,
  ) {
    // pdfkit accepts a parsed fontkit font; the type definitions only list files and buffers.
    for (const role of FONT_ROLES) doc.registerFont(role, fonts[role].font as never);
  }

  private fontFor(ch: string, role: FontRole): FontRole {
    const cp = ch.codePointAt(0)!;
    if (cp < 0x20 || this.fonts[role].font.hasGlyphForCodePoint(cp)) return role;
    const other = FONT_ROLES.find((r) => this.fonts[r].font.hasGlyphForCodePoint(cp));
    if (other) return other;
    throw new AppError(
      'FONT_GLYPH_MISSING',
      500,
      `字符“${ch}”（U+${cp.toString(16).toUpperCase()}）在已安装的中文字体中都没有字形，无法打印。请安装包含该字的字体（如 fonts-noto-cjk-extra），并用 GUICHENG_FONT_DIR 指明其目录。`,
    );
  }

  private runs(text: string, role: FontRole): Run[] {
    const out: Run[] = [];
    for (const ch of text) {
      const r = this.fontFor(ch, role);
      const last = out[out.length - 1];
      if (last && last.role === r) last.text += ch;
      else out.push({ role: r, text: ch });
    }
    return out;
  }

  width(text: string, s: Style): number {
    let w = 0;
    for (const run of this.runs(text, s.role)) w += this.doc.font(run.role).fontSize(s.size).widthOfString(run.text);
    return w;
  }

  lineHeight(s: Style): number {
    return s.size * 1.5;
  }

  /** Break text into lines no wider than `width`: CJK between any two characters, Latin at spaces. */
  wrap(text: string, s: Style, width: number): string[] {
    const lines: string[] = [];
    for (const para of text.replace(/\r\n?/g, '\n').split('\n')) {
      let line = '';
      for (const token of tokens(para)) {
        const candidate = line + token;
        if (line === '' || this.width(candidate, s) <= width || NO_LINE_START.has(token)) {
          line = candidate;
          continue;
        }
        lines.push(line.trimEnd());
        line = token.trimStart();
        while (line.length > 1 && this.width(line, s) > width) {
          const cut = this.fitChars(line, s, width);
          lines.push(line.slice(0, cut));
          line = line.slice(cut);
        }
      }
      lines.push(line.trimEnd());
    }
    return lines;
  }

  private fitChars(text: string, s: Style, width: number): number {
    let n = 1;
    while (n < text.length && this.width(text.slice(0, n + 1), s) <= width) n++;
    return n;
  }

  /** Draw one line at (x, y) (top of the line box), aligned within `width`. */
  draw(text: string, s: Style, x: number, y: number, width = 0, align: 'left' | 'center' | 'right' = 'left'): void {
    const w = this.width(text, s);
    let cx = align === 'center' ? x + (width - w) / 2 : align === 'right' ? x + width - w : x;
    for (const run of this.runs(text, s.role)) {
      this.doc.font(run.role).fontSize(s.size);
      // pdfkit puts the baseline one ascender below y; centre the ideographic em box
      // (0.88 em over and 0.12 em under the baseline) in the 1.5× line box instead.
      const ascender = (this.doc as unknown as { _font: { ascender: number } })._font.ascender / 1000;
      const top = y + this.lineHeight(s) / 2 - (ascender - 0.38) * s.size;
      this.doc.text(run.text, cx, top, { lineBreak: false });
      cx += this.doc.widthOfString(run.text);
    }
  }
}

/** Split a paragraph into breakable pieces: single CJK characters, Latin words, spaces. */
function tokens(para: string): string[] {
  const out: string[] = [];
  let word = '';
  for (const ch of para) {
    if (CJK.test(ch) || ch === ' ') {
      if (word) out.push(word);
      word = '';
      out.push(ch);
    } else word += ch;
  }
  if (word) out.push(word);
  return out;
}

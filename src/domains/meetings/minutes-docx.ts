import type * as Docx from 'docx';
import { minutesParagraphs, type MinutesContent } from './minutes-model';

/**
 * The editable 纪要 (gongwen-format.md §5.3): A4 with the GB/T 9704 margins in twips, fonts
 * named for Word (仿宋_GB2312, 黑体, 方正小标宋简体) and resolved on the reader's machine,
 * odd/even page numbers "— n —".
 */
const SIZE_3 = 32; // 3号 = 16 pt, docx counts half-points
const SIZE_MARK = 52;
const FANG = { ascii: '仿宋_GB2312', eastAsia: '仿宋_GB2312', hAnsi: '仿宋_GB2312' };
const HEI = { ascii: '黑体', eastAsia: '黑体', hAnsi: '黑体' };
const MARK = { ascii: '方正小标宋简体', eastAsia: '方正小标宋简体', hAnsi: '方正小标宋简体' };
const INDENT = 640; // two characters of 3号 in twips

// docx is loaded on the first minutes download, not at start (it costs 0.1–0.4 s to load).
let docxModule: Promise<typeof Docx> | undefined;

export async function renderMinutesDocx(c: MinutesContent, opts: { draft?: boolean } = {}): Promise<Buffer> {
  const { AlignmentType, Document, Footer, Packer, PageNumber, Paragraph, TextRun } = await (docxModule ??= import('docx'));
  const run = (text: string, font = FANG, extra: Partial<{ color: string; size: number }> = {}) => new TextRun({ text, font, size: SIZE_3, ...extra });
  const pageFooter = (alignment: (typeof AlignmentType)[keyof typeof AlignmentType]) =>
    new Footer({ children: [new Paragraph({ alignment, children: [new TextRun({ children: ['— ', PageNumber.CURRENT, ' —'], size: 28 })] })] });
  const children: Docx.Paragraph[] = [
    new Paragraph({ alignment: AlignmentType.CENTER, spacing: { before: 1984 }, children: [run(`${c.office}${c.heading}`, MARK, { color: 'E60012', size: SIZE_MARK })] }),
    new Paragraph({ alignment: AlignmentType.CENTER, children: [run(`（${c.meetingTitle}）${opts.draft ? ' 草稿 未签发' : ''}`)] }),
    new Paragraph({ border: { bottom: { style: 'single', size: 8, color: 'E60012', space: 4 } }, children: [] }),
  ];
  for (const p of minutesParagraphs(c)) {
    if (p.kind === 'list') {
      children.push(new Paragraph({ indent: { left: INDENT }, children: [run(`${p.label}：`, HEI), run(p.text)] }));
    } else {
      children.push(new Paragraph({ indent: { firstLine: INDENT }, children: [run(p.text, p.kind === 'h1' ? HEI : FANG)] }));
    }
  }
  const doc = new Document({
    creator: '规程',
    title: `${c.office}${c.heading}`,
    evenAndOddHeaderAndFooters: true,
    sections: [{
      properties: { page: { size: { width: 11906, height: 16838 }, margin: { top: 2097, left: 1587, right: 1474, bottom: 1984 } } },
      footers: { default: pageFooter(AlignmentType.RIGHT), even: pageFooter(AlignmentType.LEFT) },
      children,
    }],
  });
  return Packer.toBuffer(doc);
}

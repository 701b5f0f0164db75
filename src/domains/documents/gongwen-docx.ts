import { AlignmentType, Document, Footer, Packer, PageNumber, Paragraph, TextRun } from 'docx';
import type { Gongwen } from './gongwen-model';

/**
 * The editable 公文 (gongwen-format.md §5.3): the same elements as the PDF, from the same model.
 * Word lays it out: A4, GB/T 9704 margins in twips, the 22-line grid, odd/even page numbers,
 * fonts named for Word (仿宋_GB2312 …) and resolved on the reader's machine.
 */
const SIZE_3 = 32;
const SIZE_4 = 28;
const font = (name: string) => ({ ascii: name, eastAsia: name, hAnsi: name });
const FANG = font('仿宋_GB2312');
const HEI = font('黑体');
const KAI = font('楷体_GB2312');
const XBS = font('方正小标宋简体');
const INDENT = 640;
const RED = 'E60012';

const run = (text: string, f = FANG, extra: Partial<{ color: string; size: number }> = {}) => new TextRun({ text, font: f, size: SIZE_3, ...extra });
const p = (children: TextRun[], extra: Record<string, unknown> = {}) => new Paragraph({ children, ...extra });
const footer = (alignment: (typeof AlignmentType)[keyof typeof AlignmentType]) =>
  new Footer({ children: [new Paragraph({ alignment, indent: { left: 320, right: 320 }, children: [new TextRun({ children: ['— ', PageNumber.CURRENT, ' —'], size: SIZE_4, font: font('宋体') })] })] });

export async function renderGongwenDocx(g: Gongwen): Promise<Buffer> {
  const kids: Paragraph[] = [];
  if (g.copyNo) kids.push(p([run(g.copyNo)]));
  if (g.secrecy) kids.push(p([run(g.secrecy, HEI)]));
  if (g.urgency) kids.push(p([run(g.urgency, HEI)]));
  kids.push(p([run(g.issuer, XBS, { color: RED, size: 72 })], { alignment: AlignmentType.CENTER, spacing: { before: 1984 - kids.length * 580, after: 580 } }));
  if (g.signers.length) {
    kids.push(p([run(g.docNumber), run('\t签发人：'), run(g.signers.join('  '), KAI)], { indent: { left: 320, right: 320 }, tabStops: [{ type: 'right', position: 8525 }] }));
  } else kids.push(p([run(g.docNumber)], { alignment: AlignmentType.CENTER }));
  kids.push(p([], { border: { bottom: { style: 'single', size: 12, color: RED, space: 4 } } }));
  kids.push(p([run(g.title, XBS, { size: 44 })], { alignment: AlignmentType.CENTER, spacing: { before: 580, after: 580 } }));
  kids.push(p([run(`${g.mainRecipients}：`)]));
  for (const b of g.body) kids.push(p([run(b.text, b.level === 1 ? HEI : b.level === 2 ? KAI : FANG)], { indent: { firstLine: INDENT } }));
  g.attachments.forEach((a, i) => {
    const num = g.attachments.length > 1 ? `${i + 1}.` : '';
    kids.push(p([run(`${i === 0 ? '附件：' : '　　　'}${num}${a}`)], { indent: { left: INDENT }, spacing: { before: i === 0 ? 580 : 0 } }));
  });
  kids.push(p([run(g.signature)], { alignment: AlignmentType.RIGHT, indent: { right: 1280 }, spacing: { before: 1160 } }));
  kids.push(p([run(g.issueDate)], { alignment: AlignmentType.RIGHT, indent: { right: 1280 } }));
  for (const n of g.notes) kids.push(p([run(`（${n}）`)], { indent: { firstLine: INDENT } }));
  const thick = { style: 'single' as const, size: 8, color: '000000', space: 1 };
  if (g.cc) kids.push(p([run(`抄送：${g.cc}。`, FANG, { size: SIZE_4 })], { indent: { left: 320, right: 320 }, border: { top: thick }, spacing: { before: 1160 } }));
  kids.push(p([run(g.printer, FANG, { size: SIZE_4 }), run(`\t${g.printDate}印发`, FANG, { size: SIZE_4 })], {
    indent: { left: 320, right: 320 }, tabStops: [{ type: 'right', position: 8205 }], border: { top: g.cc ? { ...thick, size: 4 } : thick, bottom: thick },
  }));
  const doc = new Document({
    creator: '规程',
    title: g.title,
    evenAndOddHeaderAndFooters: true,
    sections: [{
      properties: {
        page: { size: { width: 11906, height: 16838 }, margin: { top: 2097, left: 1587, right: 1474, bottom: 1984 } },
        grid: { type: 'linesAndChars' as never, linePitch: 579 },
      },
      footers: { default: footer(AlignmentType.RIGHT), even: footer(AlignmentType.LEFT) },
      children: kids,
    }],
  });
  return Packer.toBuffer(doc);
}

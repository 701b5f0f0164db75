import { execFileSync } from 'node:child_process';

/**
 * Text of a PDF as a reader would copy it, via poppler's pdftotext (Debian: poppler-utils).
 * Used by tests to check what a printed form says; not used when serving.
 */
export function pdfText(pdf: Buffer): string {
  try {
    return execFileSync('pdftotext', ['-layout', '-enc', 'UTF-8', '-', '-'], { input: pdf, encoding: 'utf8' });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') throw new Error('pdftotext not found: install the Debian package poppler-utils');
    throw err;
  }
}

/** Whether the PDF embeds a font program (TrueType /FontFile2 or CFF /FontFile3), not just names it. */
export function embedsFont(pdf: Buffer): boolean {
  const raw = pdf.toString('latin1');
  return /\/FontFile[23]\b/.test(raw);
}

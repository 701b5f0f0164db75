/** Display width: CJK and full-width characters take two columns in a terminal. */
function width(text: string): number {
  let w = 0;
  for (const ch of text) w += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(ch) ? 2 : 1;
  return w;
}

function pad(text: string, w: number, right: boolean): string {
  const fill = ' '.repeat(Math.max(0, w - width(text)));
  return right ? fill + text : text + fill;
}

/** A Markdown table (readable in a terminal and pasteable into the README as is). */
export function formatTable(headers: string[], rows: string[][], rightAligned: number[] = []): string {
  const widths = headers.map((h, i) => Math.max(width(h), ...rows.map((r) => width(r[i] ?? ''))));
  const line = (cells: string[]) => `| ${cells.map((c, i) => pad(c, widths[i]!, rightAligned.includes(i))).join(' | ')} |`;
  const rule = `|${widths.map((w, i) => (rightAligned.includes(i) ? `${'-'.repeat(w + 1)}:` : '-'.repeat(w + 2))).join('|')}|`;
  return [line(headers), rule, ...rows.map(line)].join('\n');
}

export const fmt = {
  rate: (n: number) => (Number.isFinite(n) ? `${Math.round(n).toLocaleString('en-US')}/s` : '—'),
  ms: (n: number) => (Number.isFinite(n) ? (n < 10 ? n.toFixed(1) : Math.round(n).toString()) : '—'),
  ratio: (n: number) => (Number.isFinite(n) ? `${n.toFixed(2)}x` : '—'),
  seconds: (ms: number) => (Number.isFinite(ms) ? `${(ms / 1000).toFixed(2)} s` : '—'),
};

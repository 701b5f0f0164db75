import { execFileSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import JSZip from 'jszip';
import { sql } from 'drizzle-orm';
import { rows } from '../../kernel/db';
import { embedsFont, pdfText } from '../../kernel/render/pdf-text';
import { createTestApp, type TestApp } from '../../../test/support/app';
import { renderGongwenDocx } from './gongwen-docx';
import type { Gongwen } from './gongwen-model';
import { renderGongwenPdf } from './gongwen-pdf';
import { DOC_NUMBER_RE, ISSUE_DATE_RE, numberedBody } from './model';
import { signedDoc } from './test-helpers';

/** Layout by coordinates and text by extraction (gongwen-format.md §7). */
const model = (over: Partial<Gongwen> = {}): Gongwen => ({
  copyNo: '000001', secrecy: '秘密★1年', urgency: '特急', issuer: '白城市扶贫开发办公室文件', docNumber: '白扶办发〔2026〕12号', signers: [],
  title: '关于开展扶贫项目资金自查的通知', mainRecipients: '各县（市、区）扶贫办',
  body: numberedBody([{ level: 0, text: '现就有关事项通知如下。' }, { level: 1, text: '自查范围' }, { level: 2, text: '年度资金' }, { level: 3, text: '拨付情况' }, { level: 4, text: '拨付进度' }, { level: 1, text: '工作要求' }]),
  attachments: ['扶贫项目资金自查表', '自查报告提纲'], signature: '白城市扶贫开发办公室', issueDate: '2026年11月2日', sealed: true,
  notes: ['此件依申请公开'], cc: '市财政局', printer: '白城市扶贫开发办公室综合科', printDate: '2026年11月2日', draft: false, ...over,
});

/** Words with their boxes (pt, top-left origin) per page, from `pdftotext -bbox`. */
function bbox(pdf: Buffer): { page: number; text: string; x: number; y: number; x2: number; y2: number }[] {
  const html = execFileSync('pdftotext', ['-bbox', '-enc', 'UTF-8', '-', '-'], { input: pdf, encoding: 'utf8' });
  const out: { page: number; text: string; x: number; y: number; x2: number; y2: number }[] = [];
  let page = 0;
  for (const line of html.split('\n')) {
    if (line.includes('<page ')) page += 1;
    const m = /<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">(.*)<\/word>/.exec(line);
    if (m) out.push({ page, text: m[5], x: +m[1], y: +m[2], x2: +m[3], y2: +m[4] });
  }
  return out;
}
const mm = (pt: number) => (pt * 25.4) / 72;

describe('GB/T 9704 PDF layout', () => {
  it('places every element where gongwen-format.md §2 says, with the fonts embedded', async () => {
    const { pdf, layout: L } = await renderGongwenPdf(model());
    expect(embedsFont(pdf)).toBe(true);
    // 份号, 密级, 紧急程度 flush left, top to bottom.
    expect(L.copyNo.x).toBeCloseTo(28, 0);
    expect(L.copyNo.y).toBeLessThan(L.secrecy.y);
    expect(L.secrecy.y).toBeLessThan(L.urgency.y);
    // 版头: top edge 35 mm below the 版心 (72 mm), centred.
    expect(L.issuer.y).toBeCloseTo(72, 0);
    expect(L.issuer.x + L.issuer.w / 2).toBeCloseTo(28 + 78, 0);
    // Red line 4 mm below the 发文字号, the width of the 版心.
    expect(L.redLine.y - (L.docNumber.y + L.docNumber.h)).toBeCloseTo(4, 1);
    expect(L.redLine.w).toBeCloseTo(156, 1);
    expect(L.title.y).toBeGreaterThan(L.redLine.y);
    expect(L.title.x + L.title.w / 2).toBeCloseTo(106, 0);
    // 正文 first lines indented two characters; 主送 flush left.
    expect(L.mainRecipients.x).toBeCloseTo(28, 0);
    expect(L.body0.x - 28).toBeCloseTo((2 * 16 * 25.4) / 72, 0);
    // 成文日期: right edge 4 characters from the right edge of the 版心.
    expect(184 - (L.issueDate.x + L.issueDate.w)).toBeCloseTo((4 * 16 * 25.4) / 72, 0);
    // Seal top within one line of the last body element (the attachment note), on the same page.
    const { layout: S } = await renderGongwenPdf(model({ attachments: ['扶贫项目资金自查表'], body: numberedBody([{ level: 0, text: '现就有关事项通知如下。' }, { level: 1, text: '自查范围' }]) }));
    expect(S.seal.page).toBe(S.attachments.page);
    const lastAbove = S.attachments.y + S.attachments.h;
    expect(S.seal.y - lastAbove).toBeGreaterThanOrEqual(0);
    expect(S.seal.y - lastAbove).toBeLessThanOrEqual(225 / 22);
    expect(L.note.y).toBeGreaterThan(L.issueDate.y);
    // 版记: the last line on the bottom edge of the 版心.
    expect(L.colophonLast.y).toBeCloseTo(262, 1);
    expect(L.colophonLast.h).toBeCloseTo(0.35, 2);
    expect(L.colophonMiddle.h).toBeCloseTo(0.25, 2);
    expect(L.cc.y).toBeLessThan(L.printer.y);
  });

  it('text by extraction: 发文字号 and 成文日期 formats, numbering levels, attachments, 附注, 版记, page number', async () => {
    const { pdf } = await renderGongwenPdf(model());
    const text = pdfText(pdf).replace(/[ \t]+/g, ' ');
    expect(text).toContain('白扶办发〔2026〕12号');
    expect(text).toMatch(/2026年11月2日/);
    for (const s of ['一、自查范围', '（一）年度资金', '1.拨付情况', '（1）拨付进度', '二、工作要求', '附件：1.扶贫项目资金自查表', '2.自查报告提纲', '（此件依申请公开）', '抄送：市财政局。', '2026年11月2日印发', '— 1 —', '秘密★1年', '特急', '000001']) {
      expect(text.replace(/ /g, '')).toContain(s.replace(/ /g, ''));
    }
    // Page number 7 mm below the 版心 (一字线 centre ≈ 269 mm), odd page right-aligned, one character in.
    const words = bbox(pdf);
    const dash = words.filter((w) => w.text === '—' && w.page === 1);
    expect(dash.length).toBeGreaterThan(0);
    const right = Math.max(...dash.map((d) => d.x2));
    expect(184 - mm(right)).toBeCloseTo((16 * 25.4) / 72, 0);
    expect(mm((dash[0].y + dash[0].y2) / 2)).toBeGreaterThan(265);
    expect(mm((dash[0].y + dash[0].y2) / 2)).toBeLessThan(272);
  });

  it('上行文: 发文字号 on the left, one character in, level with 签发人 on the right', async () => {
    const { pdf, layout: L } = await renderGongwenPdf(model({ signers: ['陈志远'], secrecy: null, copyNo: null, urgency: null }));
    expect(L.docNumber.x - 28).toBeCloseTo((16 * 25.4) / 72, 0);
    expect(L.signer.y).toBeCloseTo(L.docNumber.y, 1);
    expect(184 - (L.signer.x + L.signer.w)).toBeCloseTo((16 * 25.4) / 72, 0);
    expect(pdfText(pdf)).toContain('签发人：陈志远');
  });

  it('a long body runs onto further pages, numbered alternately right and left', async () => {
    const body = Array.from({ length: 40 }, (_, i) => ({ level: 0, text: `第${i + 1}段。扶贫项目资金管理须严格执行有关规定，确保专款专用、账目清楚。` }));
    const { pdf } = await renderGongwenPdf(model({ body }));
    const words = bbox(pdf);
    const pages = Math.max(...words.map((w) => w.page));
    expect(pages).toBeGreaterThan(2);
    const p2 = words.filter((w) => w.page === 2 && w.text === '—');
    expect(mm(Math.min(...p2.map((d) => d.x))) - 28).toBeCloseTo((16 * 25.4) / 72, 0);
    expect(pdfText(pdf).replace(/\s/g, '')).toContain('—2—');
  });
});

describe('DOCX', () => {
  it('has the GB/T 9704 margins, the grid, odd/even footers and East-Asian font names', async () => {
    const zip = await JSZip.loadAsync(await renderGongwenDocx(model()));
    const xml = await zip.file('word/document.xml')!.async('string');
    expect(xml).toMatch(/w:top="2097"/);
    expect(xml).toMatch(/w:left="1587"/);
    expect(xml).toMatch(/w:right="1474"/);
    expect(xml).toMatch(/w:bottom="1984"/);
    expect(xml).toMatch(/w:docGrid[^>]*w:type="linesAndChars"/);
    expect(xml).toMatch(/w:linePitch="579"/);
    expect(xml).toContain('w:eastAsia="仿宋_GB2312"');
    for (const s of ['白扶办发〔2026〕12号', '2026年11月2日', '一、自查范围', '（一）年度资金', '抄送：市财政局。', '（此件依申请公开）']) expect(xml).toContain(s);
    const settings = await zip.file('word/settings.xml')!.async('string');
    expect(settings).toContain('evenAndOddHeaders');
  });
});

describe('the served document (DOC-17, DOC-18)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => t?.close());

  it('PDF and DOCX of a numbered document carry its 发文字号, 成文日期 and attribute', async () => {
    const { id, docNumber } = await signedDoc(t, {}, 'sunli', true);
    const cookie = await t.cookieFor('xunuo');
    const res = await t.app.inject({ method: 'GET', url: `/api/v1/documents/${id}/document.pdf`, headers: { cookie } });
    expect(res.statusCode).toBe(200);
    const text = pdfText(res.rawPayload);
    const num = /\S+〔\d{4}〕\d+号/.exec(text)![0];
    expect(num).toBe(docNumber);
    expect(num).toMatch(DOC_NUMBER_RE);
    const dates = text.match(/\d{4}年\d{1,2}月\d{1,2}日/g)!;
    for (const d of dates) expect(d).toMatch(ISSUE_DATE_RE);
    expect(text).toContain('（此件依申请公开）');
    const docx = await t.app.inject({ method: 'GET', url: `/api/v1/documents/${id}/document.docx`, headers: { cookie } });
    expect(docx.statusCode).toBe(200);
    expect(docx.headers['content-type']).toContain('wordprocessingml');
  });

  it('DOC-17: 20 parallel numbering requests give 20 distinct consecutive numbers', async () => {
    const { id } = await signedDoc(t);
    const ids = Array.from({ length: 20 }, (_, i) => `doc_clone_${i}`);
    for (const c of ids) await t.database.db.execute(sql`insert into doc_outgoing select ${c} as id, d.status, d.kind, d.direction, d.category, d.series, d.title, d.main_recipients, d.cc_recipients, d.body, d.attachments, d.classification, d.secrecy_term, d.work_secret, d.urgency, d.disclosure, d.disclosure_method, d.non_disclosure_reason_code, d.non_disclosure_reason_text, d.is_forwarding, d.forwarded_source_attribute, d.forwarding_deviation_reason, d.is_important, d.counterpart_signer_level, d.countersign_unit_ids, d.proposed_signer_id, d.requested_sign_by, d.note, d.drafting_unit_id, d.drafter_person_id, d.flow_instance_id, d.go_review, d.signed_by_person_id, d.signed_by_name, d.signed_role, d.signed_at, d.issue_date, d.body_hash_at_sign_off, null, null, null, null, null, 0, 0, d.created_at, d.updated_at from doc_outgoing d where d.id = ${id}`);
    const [before] = await rows<{ last: number | null }>(t.database.db, sql`select max(last_seq) as last from doc_number_counters where series = 'office' and year = 2026`);
    const cookie = await t.cookieFor('liuyang');
    const res = await Promise.all(ids.map((c) => t.app.inject({ method: 'POST', url: `/api/v1/documents/${c}/number`, headers: { cookie }, payload: { signedCopyMatches: true } })));
    expect(res.map((r) => r.statusCode)).toEqual(ids.map(() => 200));
    const seqs = res.map((r) => r.json().seq as number).sort((a, b) => a - b);
    const start = Number(before.last ?? 0) + 1;
    expect(seqs).toEqual(Array.from({ length: 20 }, (_, i) => start + i));
    expect(new Set(res.map((r) => r.json().docNumber)).size).toBe(20);
    const reg = await t.app.inject({ method: 'GET', url: '/api/v1/documents/register.xlsx', headers: { cookie } });
    expect(reg.statusCode).toBe(200);
  });
});

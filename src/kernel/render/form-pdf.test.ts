import { describe, expect, it } from 'vitest';
import { renderFormPdf } from './form-pdf';
import type { FormSpec } from './form-spec';
import { embedsFont, pdfText } from './pdf-text';
import { AppError } from '../errors';

const leave: FormSpec = {
  title: '白城市扶贫开发办公室请销假审批表',
  subtitle: '填表日期：2026年11月2日',
  rows: [
    { kind: 'fields', cells: [{ label: '姓名', value: '许诺' }, { label: '科室', value: '综合科' }] },
    { kind: 'fields', cells: [{ label: '请假时间', value: '2026年11月3日至2026年11月5日，共3天', span: 2 }] },
    { kind: 'text', label: '请假事由', value: '回老家处理家事' },
    { kind: 'signature', label: '科室负责人意见', opinion: '同意。', signer: '朱涛', date: '2026年11月2日' },
    { kind: 'signature', label: '分管领导意见', opinion: '批准', signer: '李明华', onBehalfOf: '孙丽', date: '2026年11月3日' },
    { kind: 'signature', label: '主要领导意见', opinion: '', signer: '', date: '' },
  ],
  notes: ['此审批表由综合科存档'],
};

/** pdftotext keeps table cells apart with spaces; compare without them. */
const squash = (s: string) => s.replace(/\s+/g, '');

describe('renderFormPdf', () => {
  it('draws the form in Chinese with signer, on-behalf mark, date and notes, and embeds the CJK font', async () => {
    const pdf = await renderFormPdf(leave);
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const text = squash(pdfText(pdf));
    expect(text).toContain('白城市扶贫开发办公室请销假审批表');
    expect(text).toContain('签字：朱涛');
    expect(text).toContain('2026年11月2日');
    expect(text).toContain('李明华（代孙丽）');
    expect(text).toContain('注：此审批表由综合科存档');
    expect(text).toContain('第1页共1页');
    expect(embedsFont(pdf)).toBe(true);
  });

  it('moves rows to a new page, continues long text there and numbers every page', async () => {
    const long = '因工作需要，'.repeat(600);
    const rows: FormSpec['rows'] = [
      ...Array.from({ length: 12 }, (_, i) => ({ kind: 'fields' as const, cells: [{ label: `项目${i + 1}`, value: `内容${i + 1}` }] })),
      { kind: 'text', label: '情况说明', value: long },
      { kind: 'signature', label: '主要领导意见', opinion: '同意', signer: '陈志远', date: '2026年11月4日' },
    ];
    const text = squash(pdfText(await renderFormPdf({ title: '测试长表', rows })));
    const pages = Number(/共(\d+)页/.exec(text)?.[1]);
    expect(pages).toBeGreaterThanOrEqual(3);
    expect(text).toContain(`第${pages}页共${pages}页`);
    expect(text).toContain('情况说明（续）');
    expect(text).not.toContain('（续）（续）');
    expect(text).toContain('签字：陈志远');
  });

  it('refuses to draw a character no installed font has, instead of printing a blank box', async () => {
    const err = await renderFormPdf({ title: '测试', rows: [{ kind: 'text', label: '事由', value: '象形文字 \u{13000}' }] }).catch((e) => e);
    expect(err).toBeInstanceOf(AppError);
    expect(err.code).toBe('FONT_GLYPH_MISSING');
    expect(err.message).toContain('U+13000');
  });
});

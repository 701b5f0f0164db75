import { chineseDate } from '../../kernel/render';
import { DIRECTION_LABEL, numberedBody, type Direction, type Series } from './model';
import { DOC14 } from './rules';
import type { DocRow } from './store';

/**
 * One structured 公文 model (gongwen-format.md §5.1) that feeds both the PDF layout and the
 * DOCX: every element from 份号 to 印发日期, already worded as printed.
 */
export interface Gongwen {
  copyNo: string | null;
  /** e.g. 秘密★1年; the layout supports it although classified drafts never enter the system (SEC-23). */
  secrecy: string | null;
  urgency: string | null;
  issuer: string;
  docNumber: string;
  /** 签发人 names, printed for 上行文 only. */
  signers: string[];
  title: string;
  mainRecipients: string;
  body: { level: number; text: string }[];
  attachments: string[];
  signature: string;
  /** 成文日期, 2026年11月2日. */
  issueDate: string;
  sealed: boolean;
  /** 附注, in parentheses: the disclosure attribute (DOC-18) and the drafter's note. */
  notes: string[];
  cc: string;
  printer: string;
  printDate: string;
  draft: boolean;
}

const issuerOf = (s: Series) => (s === 'party' ? DOC14.param('issuerParty') : s === 'general' ? DOC14.param('issuerGeneral') : DOC14.param('issuerOffice'));
const signatureOf = (s: Series) => (s === 'party' ? DOC14.param('signatureParty') : s === 'general' ? DOC14.param('signatureGeneral') : DOC14.param('signatureOffice'));

export function gongwenOf(d: DocRow, today: string): Gongwen {
  const series = d.series as Series;
  const draft = !d.docNumber;
  return {
    copyNo: null,
    secrecy: d.classification !== '无' ? `${d.classification}${d.secrecyTerm ? `★${d.secrecyTerm}` : ''}` : null,
    urgency: d.urgency === '非紧急' ? null : d.urgency,
    issuer: issuerOf(series),
    docNumber: d.docNumber ?? '（未编号）',
    signers: (d.direction as Direction) === 'up' && d.signedByName ? [d.signedByName] : [],
    title: d.title,
    mainRecipients: d.mainRecipients.join('，'),
    body: numberedBody(d.body),
    attachments: d.attachments.map((a) => a.title),
    signature: signatureOf(series),
    issueDate: d.issueDate ? chineseDate(d.issueDate) : '（未签发）',
    sealed: true,
    notes: [d.disclosure ? `此件${d.disclosure}` : '公开属性未定', ...(d.note ? [d.note] : [])],
    cc: d.ccRecipients.join('，'),
    // 综合科 prints every document (DOC-18), so it is the 印发机关.
    printer: DOC14.param('signatureGeneral'),
    printDate: chineseDate(d.numberedAt ? new Date(d.numberedAt) : today),
    draft,
  };
}

export const directionLabel = (d: string) => DIRECTION_LABEL[d as Direction] ?? d;

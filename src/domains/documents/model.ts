import { z } from 'zod';

/**
 * The outgoing-document model: the closed value sets of the regulations and the draft input.
 * Kinds: the 15 of 《党政机关公文处理工作条例》 Art. 8 (gongwen-format.md §3).
 */
export const DOC_KINDS = ['决议', '决定', '命令（令）', '公报', '公告', '通告', '意见', '通知', '通报', '报告', '请示', '批复', '议案', '函', '纪要'] as const;
export type DocKind = (typeof DOC_KINDS)[number];

export const DIRECTIONS = ['up', 'parallel', 'down'] as const;
export type Direction = (typeof DIRECTIONS)[number];
export const DIRECTION_LABEL: Record<Direction, string> = { up: '上行文', parallel: '平行文', down: '下行文' };

/** party: 党组文件; office: 以市扶贫办名义; general: 以综合科名义 (第九条); joint: 会签文 / 联合发文 (第七条（四）). */
export const CATEGORIES = ['party', 'office', 'general', 'joint'] as const;
export type Category = (typeof CATEGORIES)[number];
export const CATEGORY_LABEL: Record<Category, string> = { party: '党组文件', office: '市扶贫办文件', general: '综合科名义', joint: '会签文/联合发文' };

export type Series = 'party' | 'office' | 'general';
/** The numbering series a category draws from: joint documents take the office's own series. */
export const seriesOf = (c: Category): Series => (c === 'party' ? 'party' : c === 'general' ? 'general' : 'office');

/** 公开属性 (DISC-03): exactly one of three; 不公开 is an alias of 不予公开 (GAP-E01). */
export const DISCLOSURES = ['主动公开', '依申请公开', '不予公开'] as const;
export type Disclosure = (typeof DISCLOSURES)[number];
export const CLASSIFICATIONS = ['无', '秘密', '机密', '绝密'] as const;
export const URGENCIES = ['非紧急', '加急', '特急'] as const;

/** Reason codes for 不予公开 (GAP-E03: the union of GIP-1, GIP-2 E1–E6 and GIP-6 C1–C5). */
export const NON_DISCLOSURE_REASONS: Record<string, string> = {
  G1: '报上级机关的请示和报告',
  G2: '征求意见和答复意见',
  G3: '涉及国家秘密',
  G4: '涉及工作秘密',
  E1: '国家秘密',
  E2: '商业秘密',
  E3: '个人隐私',
  E4: '正在调查、讨论、处理过程中',
  E5: '危及国家安全、公共安全、经济安全和社会稳定',
  E6: '法律法规规定不予公开的其他情形',
  C1: '内部事务信息',
  C2: '过程性信息',
  C3: '行政执法案卷信息',
  C4: '已移交档案馆的信息',
  C5: '其他不予公开情形',
};

const normaliseDisclosure = (v: unknown) => (v === '不公开' ? '不予公开' : v === '' ? null : v);

export const Paragraph = z.object({ level: z.number().int().min(0).max(4), text: z.string().trim().min(1, '段落不能为空').max(5000) });
export const Attachment = z.object({
  title: z.string().trim().min(1, '请填写附件名称').max(200),
  attribute: z.preprocess(normaliseDisclosure, z.enum(DISCLOSURES).nullable()).default(null),
  ready: z.boolean().default(false),
});

export const DraftInput = z.object({
  kind: z.enum(DOC_KINDS, { message: '文种须为《党政机关公文处理工作条例》规定的15种之一' }),
  direction: z.enum(DIRECTIONS),
  category: z.enum(CATEGORIES),
  title: z.string().trim().min(1, '请填写标题').max(200),
  mainRecipients: z.array(z.string().trim().min(1).max(100)).max(100).default([]),
  ccRecipients: z.array(z.string().trim().min(1).max(100)).max(100).default([]),
  body: z.array(Paragraph).max(500).default([]),
  attachments: z.array(Attachment).max(50).default([]),
  classification: z.enum(CLASSIFICATIONS).default('无'),
  secrecyTerm: z.string().trim().max(20).nullish(),
  workSecret: z.boolean().default(false),
  urgency: z.enum(URGENCIES).default('非紧急'),
  disclosure: z.preprocess(normaliseDisclosure, z.enum(DISCLOSURES, { message: '公开属性只能是主动公开、依申请公开或不予公开之一' }).nullable()).default(null),
  disclosureMethod: z.string().trim().max(100).nullish(),
  nonDisclosureReasonCode: z.string().max(10).nullish(),
  nonDisclosureReasonText: z.string().trim().max(1000).nullish(),
  isForwarding: z.boolean().default(false),
  forwardedSourceAttribute: z.preprocess((v) => (v === '不公开' ? '不予公开' : v), z.enum([...DISCLOSURES, '未标注']).nullable()).nullish(),
  forwardingDeviationReason: z.string().trim().max(500).nullish(),
  isImportant: z.boolean().default(false),
  counterpartSignerLevel: z.enum(['principal', 'deputy']).nullish(),
  countersignUnitIds: z.array(z.string().max(100)).max(20).default([]),
  proposedSignerId: z.string().max(100).nullish(),
  requestedSignBy: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD').nullish(),
  note: z.string().trim().max(500).nullish(),
});
export type DraftInputValue = z.infer<typeof DraftInput>;

/** Numbering levels of the body (GB/T 9704 7.3.3): 一、 →（一）→ 1. →（1）; level 0 is plain text. */
const CN = ['〇', '一', '二', '三', '四', '五', '六', '七', '八', '九'];
export function chineseNumber(n: number): string {
  if (n < 10) return CN[n];
  if (n < 20) return `十${n % 10 ? CN[n % 10] : ''}`;
  if (n < 100) return `${CN[Math.floor(n / 10)]}十${n % 10 ? CN[n % 10] : ''}`;
  return String(n);
}

/** The body with its level markers, counters restarting under each higher level. */
export function numberedBody(body: { level: number; text: string }[]): { level: number; text: string }[] {
  const counters = [0, 0, 0, 0, 0];
  return body.map((p) => {
    if (p.level === 0) return p;
    counters[p.level] += 1;
    for (let l = p.level + 1; l <= 4; l++) counters[l] = 0;
    const n = counters[p.level];
    const marker = p.level === 1 ? `${chineseNumber(n)}、` : p.level === 2 ? `（${chineseNumber(n)}）` : p.level === 3 ? `${n}.` : `（${n}）`;
    return { level: p.level, text: `${marker}${p.text}` };
  });
}

/** 发文字号: 机关代字〔YYYY〕N号 — year in full, no 第, no padding (gongwen-format.md §7.2). */
export const formatDocNumber = (prefix: string, year: number, seq: number) => `${prefix}〔${year}〕${seq}号`;
export const DOC_NUMBER_RE = /^.+〔\d{4}〕[1-9]\d*号$/;
export const ISSUE_DATE_RE = /^\d{4}年[1-9]\d?月[1-9]\d?日$/;

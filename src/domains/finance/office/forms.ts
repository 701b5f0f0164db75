import { z } from 'zod';
import { isLocalDate } from '../../../kernel/time';

/** The forms of the finance office services (FMS-F1, FMS-F3a/F3b, FMS-F4) as zod schemas. */
const Day = z.string().refine(isLocalDate, '日期格式应为 YYYY-MM-DD');
const Fen = z.number().int('金额以分为单位，须为整数').nonnegative('金额不能为负数').max(100_000_000_000);

export const PROCUREMENT_KINDS = { purchase: '购买', repair: '维修' } as const;
/** FIVE-13: 政府采购法 第二十六条 methods, plus purchases below the government-procurement limit. */
export const PROCUREMENT_METHODS = {
  below_limit: '限额以下自行采购（询价比选）',
  framework: '政府采购框架协议/定点采购',
  public_tender: '公开招标',
  invited_tender: '邀请招标',
  negotiation: '竞争性谈判',
  consultation: '竞争性磋商',
  inquiry: '询价',
  single_source: '单一来源采购',
} as const;
export type ProcurementMethod = keyof typeof PROCUREMENT_METHODS;

export const ProcurementLine = z.object({
  name: z.string().trim().min(1, '请填写名称').max(200),
  quantity: z.number().positive('数量须大于0').max(1_000_000),
  unit: z.string().trim().max(20).default(''),
  use: z.string().trim().min(1, '请填写用途').max(300),
  remark: z.string().trim().max(300).default(''),
  /** Estimated amount (not printed on FMS-F1; it decides the tier, FIVE-10…12). */
  estimatedFen: Fen.refine((n) => n > 0, '预计金额须大于0'),
});

export const ProcurementForm = z.object({
  kind: z.enum(Object.keys(PROCUREMENT_KINDS) as [keyof typeof PROCUREMENT_KINDS]),
  title: z.string().trim().min(1, '请填写采购（维修）事由').max(300),
  lines: z.array(ProcurementLine).min(1, '请至少填写一项').max(50),
  method: z.enum(Object.keys(PROCUREMENT_METHODS) as [ProcurementMethod, ...ProcurementMethod[]]),
  methodBasis: z.string().trim().max(500).default(''),
  /** FIVE-12 / FIVE-15: the 党组 decision a large procurement carries out. */
  decisionId: z.string().trim().max(100).optional(),
  /** Set by the server: the 综合科科长 who signs 科长签字 (CONF-54). */
  hubChiefId: z.string().max(100).optional(),
});
export type ProcurementFormValue = z.infer<typeof ProcurementForm>;

export const MEETING_KINDS = { meeting: '会议', training: '培训' } as const;
export type MeetingKind = keyof typeof MEETING_KINDS;
/** The printed lines of FMS-F3a and FMS-F3b; further lines carry their own item name. */
export const BUDGET_ITEMS: Record<MeetingKind, string[]> = {
  meeting: ['场租费', '住宿费', '餐费', '资料用品费用'],
  training: ['场租费', '住宿费', '餐费', '印刷费', '讲课费', '其他'],
};
/** The items MTG-03 caps (会议住宿费、场租费、伙食费). */
export const CAPPED_ITEMS = ['场租费', '住宿费', '餐费'];

export const BudgetLine = z.object({ item: z.string().trim().min(1, '请填写费用项目').max(50), budgetFen: Fen });

export const MeetingBudgetForm = z.object({
  kind: z.enum(['meeting', 'training']),
  name: z.string().trim().min(1, '请填写名称').max(200),
  startDate: Day,
  endDate: Day,
  venue: z.string().trim().min(1, '请填写地点').max(200),
  attendees: z.string().trim().min(1, '请填写出席人员').max(1000),
  headcount: z.number().int('人数须为整数').min(1, '出席人数至少1人').max(10_000),
  /** MTG-05: the notice (file name or document number). */
  noticeRef: z.string().trim().max(300).default(''),
  content: z.string().trim().min(1, '请填写内容').max(2000),
  purpose: z.string().trim().min(1, '请填写目的').max(1000),
  lines: z.array(BudgetLine).min(1).max(8),
  /** MTG-01: why a meeting outside the year's plan. */
  unplannedReason: z.string().trim().max(500).optional(),
  /** Set by the server: the 综合科科长 who signs 综合科审核意见. */
  hubChiefId: z.string().max(100).optional(),
}).refine((f) => f.endDate >= f.startDate, { message: '结束日期不能早于开始日期', path: ['endDate'] });
export type MeetingBudgetFormValue = z.infer<typeof MeetingBudgetForm>;

export const ExecutedAmounts = z.object({ executedFen: z.array(Fen).min(1).max(8), note: z.string().trim().max(500).optional() });

export const MeetingPlanInput = z.object({
  year: z.number().int().min(2004).max(2100),
  kind: z.enum(['meeting', 'training']),
  items: z.array(z.object({ name: z.string().trim().min(1).max(200), unitName: z.string().trim().max(100).optional(), month: z.number().int().min(1).max(12).optional(), amountFen: Fen })).min(1, '请至少列出一项').max(200),
  justification: z.string().trim().max(1000).optional(),
});

export const PrintForm = z.object({
  title: z.string().trim().min(1, '请填写印刷品名称').max(200),
  costFen: Fen,
  quantity: z.number().int('印刷数量须为整数').min(1, '印刷数量至少1本（册）').max(1_000_000),
  scope: z.string().trim().min(1, '请填写发放范围').max(500),
  paper: z.string().trim().max(100).default(''),
  format: z.string().trim().max(50).default(''),
  place: z.string().trim().max(200).default(''),
  remark: z.string().trim().max(500).default(''),
  /** PRINT-01: the quotations obtained (询价): supplier and quoted amount. */
  quotations: z.array(z.object({ supplier: z.string().trim().min(1, '请填写询价单位').max(200), amountFen: Fen, ref: z.string().trim().max(200).default('') })).max(10).default([]),
  hubChiefId: z.string().max(100).optional(),
});
export type PrintFormValue = z.infer<typeof PrintForm>;

export const PrintedInput = z.object({ quantity: z.number().int().min(1).max(1_000_000), printer: z.string().trim().min(1, '请填写印制单位').max(200), printedOn: Day });
export const DistributionInput = z.object({ handedOn: Day, recipient: z.string().trim().min(1, '请填写领取科室或人员').max(200), quantity: z.number().int().min(1, '发放数量至少1').max(1_000_000), receiver: z.string().trim().min(1, '请填写领取人').max(50) });

import { z } from 'zod';
import { isLocalDate } from '../../../kernel/time';
import { RECURRENCES, type Recurrence } from './calendar';

/** Inputs of the cash counts and the report calendar, with Chinese messages. */
const Day = z.string().refine(isLocalDate, '日期格式应为 YYYY-MM-DD');
const Fen = z.number({ message: '金额须为数字（分）' }).int('金额须为整数（分）').nonnegative('金额不能为负').max(100_000_000_000, '金额过大');
const Id = z.string().trim().min(1, '请选择人员').max(100);

export const COUNT_KINDS = { scheduled: '定期盘点', unscheduled: '不定期盘点' } as const;
export type CountKind = keyof typeof COUNT_KINDS;

export const IouInput = z.object({
  description: z.string().trim().min(1, '请填写白条内容').max(300),
  amountFen: Fen.refine((n) => n > 0, '白条金额须大于0'),
  issuer: z.string().trim().max(100).optional(),
});

export const CountInput = z.object({
  kind: z.enum(Object.keys(COUNT_KINDS) as [CountKind], { message: '请选择定期或不定期盘点' }),
  countedOn: Day,
  cashierPersonId: Id,
  supervisorPersonId: Id,
  /** The 财务负责人 who designated the supervisor; defaults to the recorder. */
  designatedByPersonId: Id.optional(),
  supervisorJustification: z.string().trim().max(500).optional(),
  bookFen: Fen,
  cashFen: Fen,
  ious: z.array(IouInput).max(50).default([]),
  depositPlannedOn: Day.optional(),
  note: z.string().trim().max(500).optional(),
});
export type CountInputValue = z.infer<typeof CountInput>;

export const CloseInput = z.object({ explanation: z.string().trim().max(1000).optional() });

export const ReportInput = z.object({
  name: z.string().trim().min(1, '请填写报表名称').max(200),
  recipient: z.string().trim().min(1, '请填写报送单位').max(200),
  firstDueOn: Day,
  recurrence: z.enum(Object.keys(RECURRENCES) as [Recurrence], { message: '请选择报送周期' }),
  responsiblePersonId: Id.optional(),
  note: z.string().trim().max(500).optional(),
});

export const SentInput = z.object({
  dueOn: Day,
  sentOn: Day,
  reference: z.string().trim().min(1, '请填写报送文号或回执编号').max(200),
  note: z.string().trim().max(500).optional(),
});

export const PeriodInput = z.object({ from: Day, to: Day });

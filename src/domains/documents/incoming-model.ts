import { z } from 'zod';
import { errors } from '../../kernel/errors';
import { CLASSIFICATIONS, URGENCIES } from './model';

/** The 收文 input shapes (zod) and the closed value sets of 第十七条至第二十一条. */
export const RECEIPT_CHANNELS = ['机要交换', '邮政', '部门递交', '其他科室或个人转交'] as const;
export const MISDELIVERY_ACTIONS = ['退回', '转投'] as const;
export const REPLY_METHODS = ['书面函件', '电子公文', '电话答复', '当面答复', '其他'] as const;

export const INCOMING_STATUS_LABEL: Record<string, string> = {
  handed_over: '待综合科登记',
  registered: '已登记',
  returned: '错投已退回',
  forwarded: '错投已转投',
  awaiting_instruction: '待领导批示',
  instructed: '已批示',
  in_handling: '承办中',
  completed: '已办结',
  archived: '已归档',
};

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD');
const text = (max: number, msg: string) => z.string().trim().min(1, msg).max(max);

export const IncomingInput = z.object({
  receiptChannel: z.enum(RECEIPT_CHANNELS, { message: '收文渠道须为机要交换、邮政、部门递交或其他科室或个人转交' }),
  addressedTo: text(100, '请填写主送单位'),
  sender: text(100, '请填写来文单位'),
  senderDocNo: z.string().trim().max(60).nullish(),
  title: text(300, '请填写文件标题'),
  classification: z.enum(CLASSIFICATIONS, { message: '密级须为无、秘密、机密或绝密' }).default('无'),
  urgency: z.enum(URGENCIES).default('非紧急'),
  receivedOn: day,
  copies: z.number().int().min(1, '份数至少为1').max(10000),
  attachments: z.array(z.object({ title: text(200, '请填写附件名称'), pages: z.number().int().min(1).max(10000).nullish() })).max(50).default([]),
  complete: z.boolean({ message: '请记录逐件核对结果（齐全完整或缺少的内容）' }),
  missingNote: z.string().trim().max(500).nullish(),
  senderDueDate: day.nullish(),
  /** For 其他科室或个人转交: who handed it over (DOC-25). */
  handedOverByPersonId: z.string().max(100).nullish(),
});
export type IncomingInputValue = z.infer<typeof IncomingInput>;

/** What another section records when a document for the Office reached it (DOC-25). */
export const HandoverInput = IncomingInput.pick({ addressedTo: true, sender: true, senderDocNo: true, title: true, classification: true, urgency: true, receivedOn: true, copies: true, senderDueDate: true }).extend({
  note: z.string().trim().max(500).nullish(),
});

export const MisdeliveredInput = z.object({
  action: z.enum(MISDELIVERY_ACTIONS, { message: '错投文件须选择退回或转投' }),
  target: text(100, '请填写退回或转投的单位'),
  note: z.string().trim().max(500).nullish(),
});

export const RouteInput = z.object({
  leaderPersonId: z.string().min(1, '请选择批示领导').max(100),
  proposal: z.string().trim().max(1000).nullish(),
  handlingUnitId: z.string().max(100).nullish(),
  urgentCopy: z.boolean().default(false),
});

export const InstructInput = z.object({
  text: text(2000, '请填写批示内容'),
  handlingUnitId: z.string().max(100).nullish(),
});

export const AssignInput = z.object({
  handlingUnitId: z.string().min(1, '请选择承办科室').max(100),
  /** The sender's deadline, if the document gives one; else working days from today. */
  dueDate: day.nullish(),
  workingDays: z.number().int().min(1).max(250).nullish(),
});

export const ExtensionInput = z.object({
  agreedWith: z.string().trim().max(100).nullish(),
  agreedOn: day.nullish(),
  newDueDate: day,
  replyMethod: z.string().trim().max(50).nullish(),
  note: z.string().trim().max(500).nullish(),
});

export const ReplyInput = z.object({
  resultText: text(2000, '请填写办理结果'),
  replyDocumentId: z.string().max(100).nullish(),
});

export const ArchiveInput = z.object({ location: z.string().trim().max(100).nullish() });
export const CirculateInput = z.object({ readerPersonId: z.string().min(1, '请选择传阅人').max(100) });
export const ReadInput = z.object({ note: z.string().trim().max(1000).nullish() });
export const ReturnCheckInput = z.object({ missingPages: z.boolean(), hasInstructions: z.boolean(), note: z.string().trim().max(500).nullish() });
export const ChaseInput = z.object({ note: z.string().trim().max(500).nullish() });

export function parse<T extends z.ZodTypeAny>(schema: T, raw: unknown, what: string): z.infer<T> {
  const p = schema.safeParse(raw);
  if (!p.success) {
    const i = p.error.issues[0];
    throw errors.badRequest(`${what}填写有误：${i.path.join('.') ? `${i.path.join('.')} ` : ''}${i.message}`, p.error.issues);
  }
  return p.data;
}

import { z } from 'zod';
import { isLocalDate } from '../../kernel/time';
import { PURPOSE_CATEGORIES, type PurposeCategory } from '../finance/form';

/** The fields of the 《请销假审批表》 and the 公出审批单 (FMS-F2), validated with zod. */
const LocalDate = z.string().refine(isLocalDate, '日期格式应为 YYYY-MM-DD，例如 2026-10-10');

export const LEAVE_TYPES = ['annual', 'sick', 'personal', 'special', 'marriage', 'bereavement', 'maternity', 'paternity'] as const;
export type LeaveType = (typeof LEAVE_TYPES)[number];

export const LEAVE_TYPE_LABEL: Record<LeaveType, string> = {
  annual: '年休假',
  sick: '病假',
  personal: '事假',
  special: '特殊事假',
  marriage: '婚假',
  bereavement: '丧假',
  maternity: '产假',
  paternity: '护理假',
};

export const SPECIAL_KINDS = ['SPL1', 'SPL2', 'SPL3', 'SPL4', 'SPL5', 'SPL6'] as const;
export const SPECIAL_LABEL: Record<(typeof SPECIAL_KINDS)[number], string> = {
  SPL1: '陪护病重亲属',
  SPL2: '参加家长会',
  SPL3: '搬家或看守维修',
  SPL4: '在职学习',
  SPL5: '产前检查',
  SPL6: '哺乳时间',
};

export const ATTACHMENT_KINDS = [
  'HOSPITAL_DIAGNOSIS', 'EMERGENCY_CERT', 'HOSPITAL_CARE_NOTICE', 'SCHOOL_NOTICE', 'HOUSING_REPAIR_NOTICE',
  'MARRIAGE_CERT', 'DEATH_PROOF', 'PRENATAL_PROOF', 'STUDY_APPROVAL', 'BIRTH_CERT', 'OTHER',
] as const;

export const RELATIONSHIPS = ['spouse', 'parent', 'child', 'grandparent', 'grandchild', 'parent_in_law', 'other'] as const;
export const RELATIONSHIP_LABEL: Record<(typeof RELATIONSHIPS)[number], string> = {
  spouse: '配偶',
  parent: '父母',
  child: '子女',
  grandparent: '祖父母、外祖父母',
  grandchild: '孙子女、外孙子女',
  parent_in_law: '岳父母、公婆',
  other: '其他亲属',
};

export const Attachment = z.object({ kind: z.enum(ATTACHMENT_KINDS), name: z.string().trim().min(1).max(200) });

export const LeaveForm = z
  .object({
    type: z.enum(LEAVE_TYPES),
    specialKind: z.enum(SPECIAL_KINDS).optional(),
    startDate: LocalDate,
    startHalf: z.enum(['full', 'pm']).default('full'),
    endDate: LocalDate,
    endHalf: z.enum(['full', 'am']).default('full'),
    reason: z.string().trim().min(1, '请填写请假事由').max(500),
    /** written; phone (先电话请假，后补办); proxy (委托他人代请，后补假手续) — LEAVE-01, LEAVE-18. */
    channel: z.enum(['written', 'phone', 'proxy']).default('written'),
    proxyName: z.string().trim().max(50).optional(),
    phoneApproverId: z.string().max(100).optional(),
    phoneApprovedOn: LocalDate.optional(),
    /** 丧假: the relationship to the deceased (LEAVE-15). */
    relationship: z.enum(RELATIONSHIPS).optional(),
    /** The event the leave belongs to (结婚登记日, 死亡日期 …): limits are per event. */
    eventDate: LocalDate.optional(),
    attachments: z.array(Attachment).max(20).default([]),
    /** LEAVE-11: personal leave above the cap, with the reason, for the principal leader to approve. */
    capOverrideReason: z.string().trim().max(500).optional(),
    /** LEAVE-13 nursing time (SPL6). */
    nursing: z
      .object({
        mode: z.enum(['daily', 'weekly']),
        hours: z.number().positive().max(8),
        infants: z.number().int().min(1).max(9).default(1),
        infantBirthDate: LocalDate,
      })
      .optional(),
    /** WR-19: the leave takes the person out of Baicheng (离白外出), and where to. */
    leavesBaicheng: z.boolean().default(false),
    destination: z.string().trim().max(200).optional(),
  })
  .refine((f) => !f.leavesBaicheng || !!f.destination, { message: '离白外出请填写去向', path: ['destination'] })
  .refine((f) => f.endDate >= f.startDate, { message: '结束日期不能早于开始日期', path: ['endDate'] })
  .refine((f) => !(f.startDate === f.endDate && f.startHalf === 'pm' && f.endHalf === 'am'), { message: '同一天不能既从下午开始又在上午结束', path: ['endHalf'] })
  .refine((f) => f.type !== 'special' || f.specialKind, { message: '请选择特殊事假类别', path: ['specialKind'] });

export type LeaveFormValue = z.infer<typeof LeaveForm>;

export const TRANSPORTS = ['train', 'plane', 'bus', 'official_car', 'other'] as const;
export const TRANSPORT_LABEL: Record<(typeof TRANSPORTS)[number], string> = {
  train: '火车',
  plane: '飞机',
  bus: '长途汽车',
  official_car: '公务用车',
  other: '其他',
};

/** ORS 2's official activities (RECEP-02), the purpose category TRAVEL-07 reasons on. */
export const TRIP_PURPOSES = PURPOSE_CATEGORIES;
export type TripPurpose = PurposeCategory;

/**
 * Our 公函 to the host unit of an outbound trip that needs reception (TRAVEL-08, ORS 6): it tells
 * the content, itinerary and persons; the letter's number is printed on the 公出审批单.
 */
export const OutboundLetter = z.object({
  hostUnit: z.string().trim().max(200).default(''),
  docNo: z.string().trim().max(100).default(''),
  content: z.string().trim().max(1000).default(''),
  itinerary: z.string().trim().max(1000).default(''),
  /** Names of the persons the letter announces; they must be the trip's travellers. */
  persons: z.array(z.string().trim().min(1).max(50)).max(40).default([]),
});
export type OutboundLetterValue = z.infer<typeof OutboundLetter>;

export const TripForm = z
  .object({
    destination: z.string().trim().min(1, '请填写公出目的地').max(200),
    purpose: z.string().trim().min(1, '请填写公出事由').max(500),
    /** TRAVEL-07: the form requires the category of official activity (ORS 2). */
    purposeCategory: z.enum(Object.keys(PURPOSE_CATEGORIES) as [PurposeCategory, ...PurposeCategory[]], { message: '请选择公务类别（出席会议、考察调研、执行任务、学习交流、检查指导、请示汇报工作或其他公务）' }),
    /** TRAVEL-07: the 特别需要 of a study exchange or research trip to another place. */
    specialNeed: z.string().trim().max(500).optional(),
    startDate: LocalDate,
    endDate: LocalDate,
    /** Other travellers on the same form (person ids). */
    companions: z.array(z.string().max(100)).max(20).default([]),
    transport: z.enum(TRANSPORTS),
    remarks: z.string().trim().max(500).optional(),
    /** TRAVEL-08: the host unit will receive us (meals, lodging, transport arranged by them). */
    needsReception: z.boolean().default(false),
    letter: OutboundLetter.optional(),
    /** WR-19: the trip leaves Baicheng (离白外出). */
    leavesBaicheng: z.boolean().default(false),
  })
  .refine((f) => f.endDate >= f.startDate, { message: '返回日期不能早于出发日期', path: ['endDate'] });

export type TripFormValue = z.infer<typeof TripForm>;

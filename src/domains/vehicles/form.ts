import { z } from 'zod';
import { isLocalDate } from '../../kernel/time';

/** The vehicle forms: 派车单 (VUR-F1), 车辆维修申请审批单 (VUR-F2), 租车申请审批单 (VUR-F3). */
export const Day = z.string().refine(isLocalDate, '日期格式应为 YYYY-MM-DD');
/** Office local date-time, minutes: 2026-11-03T08:30 (Asia/Shanghai). */
export const LocalMinute = z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, '时间格式应为 YYYY-MM-DDTHH:mm').refine((s) => isLocalDate(s.slice(0, 10)), '日期无效');
export const Fen = z.number().int('金额以分为单位，须为整数').nonnegative().max(10_000_000_000);
const Text = (max = 200) => z.string().trim().max(max);

/** An office local minute as an instant. */
export const instantOf = (local: string) => new Date(`${local}:00+08:00`);

export const Passenger = z.object({
  name: Text(50).min(1, '请填写乘车人姓名'),
  /** staff (本办人员) | guest (公务活动的来宾, linked) | other (与公务无关) — CAR-07. */
  kind: z.enum(['staff', 'guest', 'other']),
  personId: z.string().max(100).optional(),
  /** What links a guest to the official activity (接待审批单编号、来函 …). */
  link: Text().optional(),
});

export const DispatchForm = z.object({
  kind: z.enum(['municipal', 'fleet']),
  useCase: z.number().int().min(1).max(5).nullable().default(null),
  destination: Text().min(1, '请填写目的地'),
  itinerary: Text(500).min(1, '请填写行程安排'),
  purpose: Text(500).min(1, '请填写事由'),
  userPersonId: z.string().min(1, '请选择用车人').max(100),
  startAt: LocalMinute,
  endAt: LocalMinute,
  documents: z.array(z.object({ title: Text(), ref: Text() })).max(20).default([]),
  phoneRecord: z.object({ date: Day, caller: Text(100), content: Text(500) }).nullable().default(null),
  accompanyingLeaderId: z.string().max(100).nullable().default(null),
  provincialDocument: Text().nullable().default(null),
  instructionDocument: Text().nullable().default(null),
  passengers: z.array(Passenger).max(60).default([]),
  /** Stops of the itinerary; a stop whose purpose is blank is not point-to-point (CAR-07 warns). */
  stops: z.array(z.object({ place: Text(100).min(1), purpose: Text(200).default('') })).max(30).default([]),
  rankReason: Text(500).nullable().default(null),
});
export type DispatchFormValue = z.infer<typeof DispatchForm>;

export const RepairForm = z.object({
  vehicleId: z.string().min(1).max(100),
  items: z.array(z.object({ item: Text().min(1, '请填写维修项目'), part: Text().optional(), quantity: z.number().int().min(1).max(1000).optional() })).min(1, '请填写维修项目').max(50),
  budgetFen: Fen,
  shop: Text().min(1, '请填写修配厂'),
  /** Set by the server: the 综合科长 (办公室主任) and the deputy supervising 综合科 (主管领导), CONF-17. */
  hubChiefId: z.string().max(100).optional(),
  hubLeaderId: z.string().max(100).optional(),
  /** The emergency repair this form back-fills (CAR-11), or the repair it supplements (CAR-10). */
  emergencyRepairId: z.string().max(100).nullable().default(null),
  supplementOf: z.string().max(100).nullable().default(null),
});
export type RepairFormValue = z.infer<typeof RepairForm>;

export const RentalForm = z.object({
  passengers: z.number().int().min(1, '乘车人数至少1人').max(100),
  purpose: Text(500).min(1, '请填写租车用途'),
  names: z.array(Text(50).min(1)).max(100),
  startDate: Day,
  endDate: Day,
  places: Text().min(1, '请填写用车起止地点'),
  useCase: z.number().int().min(1).max(5).nullable().default(null),
  remark: Text(500).default(''),
  hubChiefId: z.string().max(100).optional(),
  hubLeaderId: z.string().max(100).optional(),
});
export type RentalFormValue = z.infer<typeof RentalForm>;

export const PAYMENTS = { official_card: '公务银行卡', fuel_card: '加油卡', cash: '现金', transfer: '转账' } as const;
export const RECORD_KINDS = {
  late: '迟到', early: '早退', absent: '无故旷工', overdue: '逾期不归', violation: '交通违法', accident: '交通事故', passenger_drove: '乘车人驾驶/要求违章',
} as const;

import { z } from 'zod';
import { isLocalDate } from '../../kernel/time';
import { CATEGORY_CODES, PAYMENT_METHODS, VOUCHER_KINDS, type PaymentMethod, type VoucherKind } from './categories';

/** The expense claim (报销单, E-FIN-1) and the reception approval report (ORS-F1) as forms. */
const Day = z.string().refine(isLocalDate, '日期格式应为 YYYY-MM-DD');
const Fen = z.number().int('金额以分为单位，须为整数').nonnegative().max(100_000_000_000);
const methods = Object.keys(PAYMENT_METHODS) as [PaymentMethod, ...PaymentMethod[]];
const voucherKinds = Object.keys(VOUCHER_KINDS) as [VoucherKind, ...VoucherKind[]];

export const TRAVEL_LINE_TYPES = { ticket: '城市间交通费', lodging: '住宿费', meal_allowance: '伙食补助费', city_transport: '市内交通费' } as const;
export const TRAVEL_MODES = { train: '火车', hsr: '高铁/动车', soft_train: '全列软席列车', ship: '轮船', plane: '飞机' } as const;
export const SEAT_CLASSES = {
  hard_seat: '硬座', hard_sleeper: '硬卧', soft_seat: '软座', soft_sleeper: '软卧',
  second: '二等座', first: '一等座', business: '商务座/特等座',
  fourth: '四等舱', third: '三等舱', cabin_second: '二等舱', cabin_first: '一等舱',
  economy: '经济舱', premium_economy: '超级经济舱', plane_business: '公务舱', plane_first: '头等舱',
} as const;

const Goods = z.object({
  item: z.string().trim().max(200).default(''),
  quantity: z.number().nonnegative().max(1_000_000).default(0),
  unitPriceFen: Fen.default(0),
  spec: z.string().trim().max(200).default(''),
  model: z.string().trim().max(200).default(''),
});

const Travel = z.object({
  type: z.enum(Object.keys(TRAVEL_LINE_TYPES) as [keyof typeof TRAVEL_LINE_TYPES]),
  mode: z.enum(Object.keys(TRAVEL_MODES) as [keyof typeof TRAVEL_MODES]).optional(),
  seatClass: z.enum(Object.keys(SEAT_CLASSES) as [keyof typeof SEAT_CLASSES]).optional(),
  /** Fare of the permitted class, entered with evidence, for an over-class ticket (TRAVEL-04). */
  permittedFareFen: Fen.optional(),
  from: z.string().max(100).optional(),
  to: z.string().max(100).optional(),
});

export const ClaimLine = z.object({
  description: z.string().trim().min(1, '请填写摘要').max(300),
  amountFen: Fen.refine((n) => n > 0, '金额须大于0'),
  paymentMethod: z.enum(methods),
  date: Day.optional(),
  invoiceNo: z.string().trim().max(100).optional(),
  goods: Goods.optional(),
  travel: Travel.optional(),
});
export type ClaimLineValue = z.infer<typeof ClaimLine>;

export const Voucher = z.object({
  kind: z.enum(voucherKinds),
  /** The recorded reference: invoice number, document number, file name … */
  ref: z.string().trim().min(1, '请填写凭证编号或名称').max(300),
  /** The claim line the voucher belongs to (POS slips, FIN-08). */
  line: z.number().int().nonnegative().optional(),
});

export const ClaimForm = z.object({
  category: z.enum(CATEGORY_CODES),
  /** Budget line charged (CONF-40): running costs → daily chain, project/special funds → special chain. */
  funding: z.enum(['running', 'special']).default('running'),
  purpose: z.string().trim().min(1, '请填写报销事由').max(500),
  payee: z.string().trim().min(1, '请填写收款人').max(200),
  lines: z.array(ClaimLine).min(1, '请至少填写一条明细').max(100),
  vouchers: z.array(Voucher).max(100).default([]),
  /** FIN-05: 本部门对报销凭证的真实性、合法性负责. */
  attested: z.boolean().default(false),
  cashReason: z.string().trim().max(500).optional(),
  /** FIVE-06: the 党组 decision (meetings) this large expense carries out. */
  decisionId: z.string().trim().max(100).optional(),
  /** TRAVEL-02: the approved 公出审批单. */
  tripId: z.string().trim().max(100).optional(),
  tripForMeeting: z.boolean().default(false),
  /** TRAVEL-05: what the organiser arranged, and on which days. */
  organizer: z.object({ arranged: z.array(z.enum(['board', 'lodging', 'transport'])).default([]), dates: z.array(Day).max(60).default([]) }).optional(),
  /** MTG-04: the approved 会议（培训）费预算单 this meeting or training claim settles. */
  meetingBudgetId: z.string().trim().max(100).optional(),
  /** RECEP-22: the approved reception this claim settles. */
  receptionId: z.string().trim().max(100).optional(),
  /** TRAVEL-09/10: the 《出差人员用餐用车情况表》 — days on which the host unit arranged meals or vehicles. */
  hostStatement: z.object({
    mealDays: z.array(Day).max(60).default([]),
    vehicleDays: z.array(Day).max(60).default([]),
    /** The one work meal arranged 确因工作需要, exempt from payment (ORS 21). */
    workMealDay: Day.optional(),
  }).optional(),
  /** FIVE-07: why one person signs two slots. */
  coincidenceReason: z.string().trim().max(500).optional(),
});
export type ClaimFormValue = z.infer<typeof ClaimForm>;

export const PURPOSE_CATEGORIES = {
  meeting: '出席会议', research: '考察调研', task: '执行任务', exchange: '学习交流', guidance: '检查指导', report: '请示汇报工作', other: '其他公务',
  vacation: '休假', family: '探亲', tourism: '旅游', personal: '个人接待活动',
} as const;
export type PurposeCategory = keyof typeof PURPOSE_CATEGORIES;

/** RECEP-05 (S1–S4) and RECEP-06 (S5 对口接待, S6 联合工作组); out_of_scope is recorded only to refuse it. */
export const VISITOR_CATEGORIES = {
  s1: '各级党政机关等领导视察指导工作', s2: '工作组来办检查指导工作', s3: '其他市（州）扶贫办联系工作', s4: '县（市、区）扶贫办领导请示、汇报工作',
  s5: '其他公务活动（对口接待）', s6: '检查组、督查组等联合工作组', out_of_scope: '不属于以上范围',
} as const;
export type VisitorCategory = keyof typeof VISITOR_CATEGORIES;
/** RECEP-01: who hosts. */
export const HOST_ENTITIES = { office: '市扶贫办机关', affiliated: '所属事业单位' } as const;
export const EXCLUDED_PURPOSES: PurposeCategory[] = ['vacation', 'family', 'tourism', 'personal'];

/** RECEP-21(d): who paid a reception cost. Only our office may (禁止转嫁接待费用). */
export const PAYERS = { office: '本办', subordinate: '下级单位', other_unit: '其他单位', enterprise: '企业', individual: '个人' } as const;
export type Payer = keyof typeof PAYERS;
const payerEnum = z.enum(Object.keys(PAYERS) as [Payer, ...Payer[]]);

export const MEAL_TYPES = { buffet_breakfast: '自助早餐', buffet_lunch: '自助午餐', buffet_dinner: '自助晚餐', table: '工作桌餐', staff: '工作人员用餐' } as const;
export type MealType = keyof typeof MEAL_TYPES;

export const Meal = z.object({
  date: Day,
  type: z.enum(Object.keys(MEAL_TYPES) as [MealType, ...MealType[]]),
  venue: z.string().trim().max(200).default(''),
  guests: z.number().int().nonnegative().max(1000),
  accompanying: z.number().int().nonnegative().max(1000).default(0),
  /** Staff meals: the working staff eating separately. */
  staff: z.number().int().nonnegative().max(1000).default(0),
  amountFen: Fen,
  drinksFen: Fen.default(0),
  /** RECEP-18(a): why a table meal instead of a buffet. */
  tableReason: z.string().trim().max(300).optional(),
  /** RECEP-21(d): who paid this cost; absent = our office. */
  payer: payerEnum.optional(),
});
export type MealValue = z.infer<typeof Meal>;

/** RECEP-14: room types; 标准间 is the rule (以标准间为主), the others warn. */
export const ROOM_TYPES = { standard: '标准间', single: '单人间', suite: '套间', other: '其他房型' } as const;
export type RoomType = keyof typeof ROOM_TYPES;
/** RECEP-14(e): local accompanying staff lodge only as 必要工作人员, with the reason. */
export const OCCUPANTS = { guest: '接待对象', necessary_staff: '必要工作人员', local: '当地陪同人员' } as const;
export type Occupant = keyof typeof OCCUPANTS;

/** One room of the lodging plan or list (E-REC-4 lodging[]); the agreement price comes from the hotel list. */
export const LodgingLine = z.object({
  hotelId: z.string().trim().max(100).default(''),
  /** Shown when the hotel is not on the list (it is then refused, RECEP-14(a)). */
  hotelName: z.string().trim().max(200).default(''),
  roomType: z.enum(Object.keys(ROOM_TYPES) as [RoomType, ...RoomType[]]),
  /** RECEP-14(c): why not a standard room. */
  roomTypeReason: z.string().trim().max(300).optional(),
  occupant: z.enum(Object.keys(OCCUPANTS) as [Occupant, ...Occupant[]]),
  occupantName: z.string().trim().max(100).default(''),
  /** RECEP-14(e): why this person is necessary working staff. */
  justification: z.string().trim().max(300).optional(),
  checkIn: Day,
  nights: z.number().int('晚数须为整数').min(1, '住宿至少1晚').max(60),
  /** Per room and night, in fen. */
  rateFen: Fen.refine((n) => n > 0, '房价须大于0'),
  payer: payerEnum.optional(),
});
export type LodgingLineValue = z.infer<typeof LodgingLine>;

export const Letter = z.object({
  issuer: z.string().trim().max(200).default(''),
  docNo: z.string().trim().max(100).default(''),
  issuedOn: Day.optional(),
  content: z.string().trim().max(1000).default(''),
  itinerary: z.string().trim().max(1000).default(''),
  persons: z.string().trim().max(1000).default(''),
  /** The scanned letter (file name or archive number). */
  fileRef: z.string().trim().max(300).default(''),
});
export type LetterValue = z.infer<typeof Letter>;

export const ReceptionForm = z.object({
  letter: Letter.optional(),
  guestUnit: z.string().trim().min(1, '请填写被接待单位').max(200),
  purpose: z.string().trim().min(1, '请填写来白事由').max(500),
  purposeCategory: z.enum(Object.keys(PURPOSE_CATEGORIES) as [PurposeCategory, ...PurposeCategory[]]),
  /** RECEP-05/06: the visitor category (required at submission, checked by RECEP-05). */
  visitorCategory: z.enum(Object.keys(VISITOR_CATEGORIES) as [VisitorCategory, ...VisitorCategory[]]).optional(),
  /** RECEP-06 S6: our office is the lead unit (牵头单位) of the joint work group. */
  weAreLeadUnit: z.boolean().optional(),
  /** RECEP-01 (RECORD). */
  hostEntity: z.enum(Object.keys(HOST_ENTITIES) as [keyof typeof HOST_ENTITIES]).default('office'),
  /** RECEP-03 (RECORD): dietary and ethnic customs to respect. */
  customsNote: z.string().trim().max(500).optional(),
  visitStart: Day,
  visitEnd: Day,
  guests: z.number().int().min(1, '来白人数至少1人').max(1000),
  leadGuest: z.string().trim().min(1, '请填写来白主要领导姓名及职务').max(200),
  arrangement: z.string().trim().min(1, '请填写在白食宿安排及行程').max(2000),
  accompanyNames: z.array(z.string().trim().min(1).max(50)).max(50).default([]),
  meals: z.array(Meal).max(20).default([]),
  workMealReason: z.string().trim().max(500).optional(),
  /** RECEP-14: the lodging plan, one line per room. */
  lodging: z.array(LodgingLine).max(100).default([]),
  /** E-REC-3 / RECEP-21(a): estimated cost; absent = meals + lodging of the plan. */
  estimatedFen: Fen.optional(),
  /** Set by the server: the 综合科科长 who signs 综合科意见 (RECEP-10). */
  hubChiefId: z.string().max(100).optional(),
});
export type ReceptionFormValue = z.infer<typeof ReceptionForm>;

/** The reception list (接待清单, E-REC-4), filled after the visit. */
export const ReceptionList = z.object({
  guestNames: z.string().trim().min(1, '请填写接待对象姓名、职务').max(2000),
  activities: z.string().trim().min(1, '请填写公务活动项目').max(2000),
  meals: z.array(Meal).max(20).default([]),
  lodging: z.string().trim().max(1000).default(''),
  /** RECEP-14: the rooms actually used, one line per room. */
  lodgingLines: z.array(LodgingLine).max(100).default([]),
  /** RECEP-21(d): other costs with who paid them. */
  otherCosts: z.array(z.object({ item: z.string().trim().min(1, '请填写费用项目').max(200), amountFen: Fen, payer: payerEnum.default('office') })).max(50).default([]),
  vehicles: z.string().trim().max(1000).default(''),
  /** RECEP-19: how many vehicles the reception used (集中乘车). */
  vehicleCount: z.number().int().nonnegative().max(100).optional(),
  totalFen: Fen,
});
export type ReceptionListValue = z.infer<typeof ReceptionList>;

import type { MatterKind } from '../meetings';

/**
 * Expense categories (D-finance.md §2.3.1). The 13 daily expenses of 财务管理制度 四（三）2 are
 * listed exactly; the routine running costs of 四（八） are added (their union is never a
 * 三重一大 matter, CONF-41). Other kinds map to the 三重一大 matter the classifier knows.
 */
export interface CategoryDef {
  label: string;
  /** One of the 13 日常支出 of 四（三）2 (FIN-12). */
  daily?: boolean;
  /** Routine running cost (四（八）, union with the 13, GAP-D-FMS04): never needs a 党组 decision. */
  routine?: boolean;
  /** The 三重一大 matter this spending is when it is not routine (classifyMatter). */
  matter?: MatterKind;
  /** Goods detail (品名、数量、单价、规格、型号) required (FIN-06). */
  goods?: boolean;
  travel?: boolean;
  reception?: boolean;
  repair?: boolean;
}

export const CATEGORIES = {
  travel_in_province: { label: '省内差旅费', daily: true, routine: true, travel: true },
  vehicle_toll: { label: '车辆过路费', daily: true, routine: true },
  water: { label: '水费', daily: true, routine: true },
  electricity: { label: '电费', daily: true, routine: true },
  heating: { label: '取暖费', daily: true, routine: true },
  property: { label: '物业费', daily: true, routine: true },
  courier: { label: '快递费', daily: true, routine: true },
  telephone: { label: '电话费', daily: true, routine: true },
  housing_fund: { label: '公积金', daily: true, routine: true },
  medical_insurance: { label: '医保', daily: true, routine: true },
  income_tax: { label: '个税', daily: true, routine: true },
  temp_wages: { label: '临时人员工资', daily: true, routine: true },
  pension: { label: '养老保险', daily: true, routine: true },
  travel_out_province: { label: '省外差旅费', routine: true, travel: true },
  vehicle_fuel: { label: '车辆燃油保养费', routine: true },
  vehicle_repair: { label: '车辆维修费', routine: true, repair: true },
  office_supplies: { label: '办公用品', matter: 'procurement', goods: true },
  equipment: { label: '办公设备', matter: 'procurement', goods: true },
  printing: { label: '印刷费', matter: 'special_fund' },
  periodicals: { label: '书报刊物费', matter: 'special_fund' },
  meeting: { label: '会议费', matter: 'major_event' },
  training: { label: '培训费', matter: 'major_event' },
  reception: { label: '公务接待费', reception: true },
  special_fund: { label: '业务专项经费', matter: 'special_fund' },
  capital_construction: { label: '基本建设项目', matter: 'capital_construction' },
  other: { label: '其他', matter: 'special_fund' },
} as const satisfies Record<string, CategoryDef>;

export type Category = keyof typeof CATEGORIES;
export const CATEGORY_CODES = Object.keys(CATEGORIES) as [Category, ...Category[]];
export const categoryDef = (c: Category): CategoryDef => CATEGORIES[c];
export const DAILY_CATEGORIES = CATEGORY_CODES.filter((c) => categoryDef(c).daily);

export const PAYMENT_METHODS = { transfer: '银行转账', card: '公务卡', cash: '现金' } as const;
export type PaymentMethod = keyof typeof PAYMENT_METHODS;

/** Voucher kinds (E-FIN-1 attachments): recorded references, not files. */
export const VOUCHER_KINDS = {
  original_voucher: '原始凭证',
  invoice: '正规发票/财务票据',
  goods_detail: '商品明细',
  repair_items: '维修项目明细',
  vehicle_repair_approval: '车辆维修审批单',
  pos_slip: 'POS机刷卡凭条',
  meeting_notice: '会议（培训）通知',
  supporting_document: '出差依据文件',
  settlement_bill: '结算清单',
  meal_vehicle_statement: '出差人员用餐用车情况表',
  host_fee_receipt: '向接待单位交纳伙食费、交通费凭证',
  other: '其他',
} as const;
export type VoucherKind = keyof typeof VOUCHER_KINDS;

/** Chains (CONF-01): daily 日常办公经费, special 业务专项经费, large 大额资金 (after a 党组 decision). */
export type Tier = 'daily' | 'special' | 'large';
export const TIER_LABEL: Record<Tier, string> = { daily: '日常办公经费', special: '业务专项经费', large: '大额资金' };

export const yuan = (fen: number): string => `${(fen / 100).toLocaleString('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}元`;

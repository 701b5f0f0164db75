/** Labels shared by the finance pages (mirrors src/domains/finance/categories.ts). */
export const CATEGORY_OPTIONS: { value: string; label: string; group: string }[] = [
  ...[['travel_in_province', '省内差旅费'], ['vehicle_toll', '车辆过路费'], ['water', '水费'], ['electricity', '电费'], ['heating', '取暖费'], ['property', '物业费'], ['courier', '快递费'], ['telephone', '电话费'], ['housing_fund', '公积金'], ['medical_insurance', '医保'], ['income_tax', '个税'], ['temp_wages', '临时人员工资'], ['pension', '养老保险']].map(([value, label]) => ({ value, label, group: '日常支出' })),
  ...[['travel_out_province', '省外差旅费'], ['vehicle_fuel', '车辆燃油保养费'], ['vehicle_repair', '车辆维修费']].map(([value, label]) => ({ value, label, group: '日常公用支出' })),
  ...[['office_supplies', '办公用品'], ['equipment', '办公设备'], ['printing', '印刷费'], ['periodicals', '书报刊物费'], ['meeting', '会议费'], ['training', '培训费'], ['reception', '公务接待费'], ['special_fund', '业务专项经费'], ['capital_construction', '基本建设项目'], ['other', '其他']].map(([value, label]) => ({ value, label, group: '其他支出' })),
];
export const CATEGORY_LABEL: Record<string, string> = Object.fromEntries(CATEGORY_OPTIONS.map((o) => [o.value, o.label]));
export const PAYMENT_OPTIONS = [{ value: 'transfer', label: '银行转账' }, { value: 'card', label: '公务卡' }, { value: 'cash', label: '现金' }];
export const VOUCHER_OPTIONS = [
  ['invoice', '正规发票/财务票据'], ['original_voucher', '原始凭证'], ['goods_detail', '商品明细'], ['pos_slip', 'POS机刷卡凭条'], ['repair_items', '维修项目明细'],
  ['vehicle_repair_approval', '车辆维修审批单'], ['meeting_notice', '会议（培训）通知'], ['supporting_document', '出差依据文件'], ['settlement_bill', '结算清单'],
  ['meal_vehicle_statement', '出差人员用餐用车情况表'], ['host_fee_receipt', '向接待单位交纳伙食费、交通费凭证'], ['other', '其他'],
].map(([value, label]) => ({ value, label }));
export const TIER_LABEL: Record<string, string> = { daily: '日常办公经费', special: '业务专项经费', large: '大额资金' };
export const STATUS_LABEL: Record<string, string> = { pending: '审批中', running: '审批中', approved: '已批准', rejected: '未批准', withdrawn: '已撤回', returned: '退回修改' };
export const yuan = (fen: number) => `${(fen / 100).toLocaleString('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}元`;
export const toFen = (v: unknown) => Math.round(Number(v ?? 0) * 100);

export interface ClaimRow {
  id: string; personName: string; unitName: string | null; flowInstanceId: string; categoryLabel: string; tier: string; payee: string;
  purpose: string; amountFen: number; payableFen: number; status: string; submittedOn: string; decisionId: string | null;
}

import type { XlsxColumn } from '../../kernel/render/xlsx';
import { PAYMENTS } from './form';
import { minuteText } from './print';
import { USE_CASES } from './rules';
import type { RequestView } from './service-dispatch';
import type { CostRow, DriverRecordView, DriverView, RentalView, VehicleView } from './service-fleet';
import type { FuelView } from './service-fuel';
import type { RepairView } from './service-repair';

/** The vehicle ledgers as XLSX columns; money in yuan with two decimals. */
const money = (fen: number | null) => (fen == null ? null : Math.round(fen) / 100);
export const STATUS: Record<string, string> = {
  draft: '待补办审批单', pending: '审批中', approved: '已批准', rejected: '未批准', withdrawn: '已撤回', returned: '退回修改', dispatched: '已派车', completed: '已回执', settled: '已结算',
};
const OWNERSHIP: Record<string, string> = { own: '本办车辆', pool: '机关事务管理局调派', rented: '租赁车辆' };

export const VEHICLE_COLUMNS: XlsxColumn<VehicleView>[] = [
  { header: '车牌号', value: (r) => r.plate, width: 14 },
  { header: '品牌型号', value: (r) => r.brandModel, width: 20 },
  { header: '种类', value: (r) => r.vehicleType },
  { header: '来源', value: (r) => OWNERSHIP[r.ownership] ?? r.ownership, width: 18 },
  { header: '座位数', value: (r) => r.seats },
  { header: '里程（km）', value: (r) => r.odometerKm },
  { header: '固定资产编号', value: (r) => r.assetId, width: 24 },
  { header: '状态', value: (r) => (r.status === 'active' ? '在用' : '停用') },
];

export const DRIVER_COLUMNS: XlsxColumn<DriverView>[] = [
  { header: '姓名', value: (r) => r.name },
  { header: '驾驶证号', value: (r) => r.licenseNo, width: 22 },
  { header: '准驾车型', value: (r) => r.licenseClass },
  { header: '电话', value: (r) => r.phone, width: 14 },
  { header: '本办人员', value: (r) => (r.personId ? '是' : '否（外部驾驶员）'), width: 16 },
  { header: '记录条数', value: (r) => r.incidents },
  { header: '个人承担罚款（元）', value: (r) => money(r.finesFen), numFmt: '#,##0.00', width: 18 },
];

export const REQUEST_COLUMNS: XlsxColumn<RequestView>[] = [
  { header: '派车单号', value: (r) => r.id, width: 26 },
  { header: '类别', value: (r) => (r.kind === 'municipal' ? '向机关事务管理局申请' : '本办车辆'), width: 18 },
  { header: '申请人', value: (r) => r.personName },
  { header: '科室', value: (r) => r.unitName, width: 14 },
  { header: '用车人', value: (r) => r.userName },
  { header: '用车情形', value: (r) => (r.useCase ? USE_CASES[r.useCase].slice(0, 3) : ''), width: 10 },
  { header: '目的地', value: (r) => r.destination, width: 20 },
  { header: '事由', value: (r) => r.purpose, width: 30 },
  { header: '用车开始', value: (r) => minuteText(r.startAt), width: 22 },
  { header: '用车结束', value: (r) => minuteText(r.endAt), width: 22 },
  { header: '车号', value: (r) => r.plates, width: 14 },
  { header: '驾驶员', value: (r) => r.driverName },
  { header: '返回时间', value: (r) => minuteText(r.returnedAt), width: 22 },
  { header: '行驶里程（km）', value: (r) => (r.endKm != null && r.startKm != null ? r.endKm - r.startKm : null) },
  { header: '状态', value: (r) => STATUS[r.status] ?? r.status },
];

export const REPAIR_COLUMNS: XlsxColumn<RepairView>[] = [
  { header: '车牌号', value: (r) => r.plate, width: 14 },
  { header: '驾驶员', value: (r) => r.driverName },
  { header: '维修项目', value: (r) => r.items.map((i) => i.item + (i.part ? `（更换${i.part}）` : '')).join('；'), width: 40 },
  { header: '修配厂', value: (r) => r.shop, width: 24 },
  { header: '核定金额（元）', value: (r) => money(r.budgetFen), numFmt: '#,##0.00', width: 14 },
  { header: '紧急维修', value: (r) => (r.emergency ? '是' : '否') },
  { header: '原配件交回', value: (r) => r.partsReturned.join('、'), width: 20 },
  { header: '发票金额（元）', value: (r) => money(r.invoiceAmountFen), numFmt: '#,##0.00', width: 14 },
  { header: '状态', value: (r) => STATUS[r.status] ?? r.status },
];

export const RENTAL_COLUMNS: XlsxColumn<RentalView>[] = [
  { header: '编号', value: (r) => r.no, width: 14 },
  { header: '使用科室', value: (r) => r.unitName, width: 14 },
  { header: '申请人', value: (r) => r.personName },
  { header: '乘车人数', value: (r) => r.passengers },
  { header: '用途', value: (r) => r.purpose, width: 30 },
  { header: '起止时间', value: (r) => `${r.startDate}至${r.endDate}`, width: 24 },
  { header: '起止地点', value: (r) => r.places, width: 24 },
  { header: '车辆品牌型号', value: (r) => r.brandModel, width: 18 },
  { header: '费用（元）', value: (r) => money(r.costFen), numFmt: '#,##0.00' },
  { header: '状态', value: (r) => STATUS[r.status] ?? r.status },
];

export const FUEL_COLUMNS: XlsxColumn<FuelView>[] = [
  { header: '加油时间', value: (r) => minuteText(r.fueledAt), width: 22 },
  { header: '车牌号', value: (r) => r.plate, width: 14 },
  { header: '加油站', value: (r) => r.station, width: 24 },
  { header: '市区/外地', value: (r) => (r.inCity ? '市区' : '外地') },
  { header: '油量（升）', value: (r) => r.centilitres / 100, numFmt: '0.00' },
  { header: '单价（元）', value: (r) => money(r.unitPriceFen), numFmt: '0.00' },
  { header: '金额（元）', value: (r) => money(r.amountFen), numFmt: '#,##0.00' },
  { header: '支付方式', value: (r) => PAYMENTS[r.payment as keyof typeof PAYMENTS] ?? r.payment, width: 12 },
  { header: '发票号', value: (r) => r.invoiceNo, width: 16 },
  { header: '里程表（km）', value: (r) => r.odometerKm },
  { header: '司机签字', value: (r) => (r.driverSignedAt ? r.driverName : '未签') },
  { header: '车辆管理人员签字', value: (r) => (r.managerSignedAt ? r.managerName : '未签'), width: 18 },
  { header: '签字齐全', value: (r) => (r.complete ? '是' : '否（不得报销）'), width: 16 },
];

export const DRIVER_RECORD_COLUMNS: XlsxColumn<DriverRecordView>[] = [
  { header: '日期', value: (r) => r.occurredOn, width: 12 },
  { header: '驾驶员', value: (r) => r.driverName },
  { header: '类别', value: (r) => r.kindLabel, width: 18 },
  { header: '情况', value: (r) => r.description, width: 40 },
  { header: '个人承担罚款（元）', value: (r) => money(r.fineFen), numFmt: '#,##0.00', width: 18 },
  { header: '车牌号', value: (r) => r.plate, width: 14 },
  { header: '涉及乘车人', value: (r) => r.passengerName },
  { header: '处理依据', value: (r) => r.handlingRef, width: 30 },
  { header: '规则', value: (r) => r.ruleId },
];

export const COST_COLUMNS: XlsxColumn<CostRow>[] = [
  { header: '月份', value: (r) => r.period },
  { header: '车辆', value: (r) => r.plate, width: 20 },
  { header: '燃油费（元）', value: (r) => money(r.fuelFen), numFmt: '#,##0.00', width: 14 },
  { header: '维修费（元）', value: (r) => money(r.repairFen), numFmt: '#,##0.00', width: 14 },
  { header: '租车费（元）', value: (r) => money(r.rentalFen), numFmt: '#,##0.00', width: 14 },
  { header: '公务用车费合计（元）', value: (r) => money(r.totalFen), numFmt: '#,##0.00', width: 20 },
];

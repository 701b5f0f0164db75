import { defineRule, type Verdict } from '../../kernel/rules';

/**
 * 公务用车使用管理细则 (VUR, seed L1788–L1956) and its forms, rule ids CAR-01…CAR-22 of
 * ../shared/spec/D-finance.md §4.6; choices of CONFLICTS.md CONF-62…CONF-65. Checks are pure.
 */
const VUR = '公务用车使用管理细则';
const c = (art: string) => `《${VUR}》${art}`;

export const CAR01 = defineRule({ id: 'CAR-01', cite: c('第一条'), regulation: VUR, enforcement: 'record',
  text: '公务车辆是指公务用车制度改革后，我办向市机关事务管理局申请的公务用车；本办自有车辆派车、租车一并登记车辆来源，相关费用计入公务用车费。' });
// Reading (CONF-63, GAP-D-VUR03): 副处级以上 = the office's leaders (grade principal/deputy);
// "原则上" makes a lower rank a warning with a reason, except in cases (三) and (四).
export const CAR02 = defineRule({ id: 'CAR-02', cite: c('第二条'), regulation: VUR, enforcement: 'enforce',
  text: '公务用车原则上副处级以上领导干部外出由办综合科统一调度；派车（指派车辆、驾驶员）只能由综合科办理，同一车辆、同一驾驶员同一时段只能派出一次。',
  params: { hubUnitCode: { value: 'zonghe', label: '综合科的机构代码', demo: true } } });
export const CAR03 = defineRule({ id: 'CAR-03', cite: c('第三条'), regulation: VUR, enforcement: 'enforce',
  text: '严禁违规或超范围使用公务车辆。' });
export const USE_CASES: Record<number, string> = {
  1: '（一）办领导因公务去省扶贫办汇报工作、去县（市、区）或市外出差',
  2: '（二）副厅级及以上领导来白城调研、检查指导工作，办主要领导或分管领导陪同',
  3: '（三）根据省办的统一安排，处级及以下领导来白城调研、检查指导工作，需要办领导陪同',
  4: '（四）根据办统一安排开展专项工作督查、评审、调研等需要',
  5: '（五）省扶贫办、市委市政府领导的批示和督办件，需要办领导赴县（市、区）办理',
};
export const CAR04 = defineRule({ id: 'CAR-04', cite: c('第四条（一）至（五）'), regulation: VUR, enforcement: 'enforce',
  text: `向市机关事务管理局申请用车限于以下五种情形：${Object.values(USE_CASES).join('；')}。` });
export const CAR05 = defineRule({ id: 'CAR-05', cite: c('第四条（六）'), regulation: VUR, enforcement: 'enforce',
  text: '申请调用车辆时，必须提供相关文件、电话记录，申请用车人填写《各部门公务用车派车单》，由办主要领导签字后，报市政府办公室副主任签批和机关事务管理局同意，政府车队派出车辆。' });
export const CAR06 = defineRule({ id: 'CAR-06', cite: c('第五条'), regulation: VUR, enforcement: 'enforce',
  text: '在执行公务中，乘车人不得驾驶车辆，不得要求驾驶人员违章驾驶。' });
export const CAR07 = defineRule({ id: 'CAR-07', cite: c('第六条'), regulation: VUR, enforcement: 'enforce',
  text: '申请用车人不得携带与公务无关的人员乘坐公务车辆；公务车辆只能用于“点”对“点”的公务接送。' });
export const CAR08 = defineRule({ id: 'CAR-08', cite: c('第七条'), regulation: VUR, enforcement: 'report',
  text: '办综合科负责管理公务用车的维修保养和燃油费用（按车辆、按月统计）。' });
export const CAR09 = defineRule({ id: 'CAR-09', cite: c('第八条'), regulation: VUR, enforcement: 'enforce',
  text: '公务用车的维护、修理，原则上要到指定的修配厂进行；须由驾驶员填写《车辆维修审批单》，经车辆管理员核定维修项目及金额、办公室主任和主管领导批准后，方可维修保养（CONF-64）。',
  params: { designatedShops: { value: ['白城市公务用车定点维修厂（演示）'] as string[], label: '定点维修厂', demo: true } } });
export const CAR10 = defineRule({ id: 'CAR-10', cite: c('第八条'), regulation: VUR, enforcement: 'enforce',
  text: '《车辆维修审批单》要注明维修项目和维修金额，作为财务结算的依据；发票金额超过核定金额或含未批准项目的，须补办审批单。' });
export const CAR11 = defineRule({ id: 'CAR-11', cite: c('第八条'), regulation: VUR, enforcement: 'enforce',
  text: '如遇特殊情况，无法及时填写《车辆维修审批单》或不能到指定修配厂维修的，须及时请示综合科批准，得到明确答复后方可维修，并及时补办车辆维修审批手续。',
  params: { backfillWorkingDays: { value: 3, label: '补办维修审批单期限', unit: '个工作日', demo: true } } });
export const CAR12 = defineRule({ id: 'CAR-12', cite: c('第九条'), regulation: VUR, enforcement: 'enforce',
  text: '车辆更换配件，须将原配件交回。' });
export const CAR13 = defineRule({ id: 'CAR-13', cite: c('第十条'), regulation: VUR, enforcement: 'enforce',
  text: '公务用车一般应在市区内定点加油，建立加油台账，加油时车辆管理人员和司机在台账上互相签字确认。',
  params: { designatedStations: { value: ['白城市定点加油站（演示）'] as string[], label: '定点加油站', demo: true } } });
export const CAR14 = defineRule({ id: 'CAR-14', cite: c('第十条'), regulation: VUR, enforcement: 'remind',
  text: '综合科负责人定期对加油台账执行情况进行核查（默认每月一次，CONF-20）。',
  params: { checkFrequency: { value: 'MONTHLY', label: '核查频率', demo: true } } });
export const CAR15 = defineRule({ id: 'CAR-15', cite: c('第十条'), regulation: VUR, enforcement: 'enforce',
  text: '外派车辆需在外地加油时，需事先向综合科长报告，使用公务银行卡购买汽油，开具发票报销。' });
export const CAR16 = defineRule({ id: 'CAR-16', cite: c('第十一条'), regulation: VUR, enforcement: 'record',
  text: '司勤人员按照工作时间正常上下班，不得迟到早退；无故旷工、因公外出或请假期满无正当理由逾期不归的，按工勤人员管理办法和劳动法相关规定处理。' });
export const CAR17 = defineRule({ id: 'CAR-17', cite: c('第十二条'), regulation: VUR, enforcement: 'enforce',
  text: '驾驶员在执行工作任务时发生违反交通法规行为，罚款由驾驶员个人承担，不得用公款报销。',
  params: { fineWords: { value: ['罚款', '罚单', '违章', '违法停车', '交通违法'] as string[], label: '报销明细中表示交通罚款的词语' } } });
export const CAR18 = defineRule({ id: 'CAR-18', cite: c('第十三条'), regulation: VUR, enforcement: 'warn',
  text: '严禁酒后驾驶、疲劳驾驶、超速行驶、闯红灯等交通违法行为；驾驶员一日派车时长超过上限的予以提示（防疲劳驾驶）。',
  params: { maxDrivingHours: { value: 8, label: '驾驶员每日派车时长提示线', unit: '小时', demo: true } } });
export const CAR19 = defineRule({ id: 'CAR-19', cite: c('第十四条'), regulation: VUR, enforcement: 'record',
  text: '如市机关事务管理局印发公务用车新的规定，按新规定执行（登记新规定及其生效日期）。',
  params: { newRegulation: { value: null as null | { title: string; effectiveDate: string }, label: '市机关事务管理局新规定（文号、生效日期）' } } });
export const CAR20 = defineRule({ id: 'CAR-20', cite: `${c('附件1')}《各部门公务用车派车单》回执`, regulation: VUR, enforcement: 'remind',
  text: '用车结束后填写回执（返回时间、用车人签字）；逾期未填回执的提醒用车人和综合科，返回晚于计划的予以提示。' });
export const CAR21 = defineRule({ id: 'CAR-21', cite: `${c('附件3')}《白城市扶贫办租车申请审批单》`, regulation: VUR, enforcement: 'enforce',
  text: '租车须填写租车申请审批单，经申请科（室）负责人、办公室主任、办公室主管领导依次签字；乘车人员名单人数须与乘车人数一致。' });
export const CAR22 = defineRule({ id: 'CAR-22', cite: '《财务管理制度》五（三）', regulation: VUR, enforcement: 'enforce',
  text: '公务车辆属固定资产，不得以任何借口私自出借。' });

// ---------------------------------------------------------------- checks (pure)

export interface DispatchFacts {
  kind: 'municipal' | 'fleet';
  useCase: number | null;
  purpose: string;
  startAt: string;
  endAt: string;
  /** Related documents and phone record (Art.4(六)). */
  documents: { title: string; ref: string }[];
  phoneRecord: { date: string; caller: string; content: string } | null;
  accompanyingLeader: { personId: string; grade: string } | null;
  provincialDocument: string | null;
  instructionDocument: string | null;
  /** The principal user's grade (CAR-02). */
  userGrade: string;
  passengers: { name: string; kind: 'staff' | 'guest' | 'other'; link?: string }[];
  stops: string[];
  rankReason?: string | null;
}

/** CAR-03 / CAR-04: one of the five cases, each with what its text requires. */
export function checkUseCase(f: Pick<DispatchFacts, 'useCase' | 'accompanyingLeader' | 'provincialDocument' | 'instructionDocument' | 'purpose'>): Verdict[] {
  if (!f.useCase || !USE_CASES[f.useCase]) {
    return [CAR03.block(`用车事由“${f.purpose}”不属于第四条规定的五种用车情形，不得申请公务用车`), CAR04.block('请选择第四条规定的用车情形')];
  }
  const leader = f.accompanyingLeader && (f.accompanyingLeader.grade === 'principal' || f.accompanyingLeader.grade === 'deputy');
  if (f.useCase === 2 && !leader) return [CAR04.block('第四条（二）须由办主要领导或分管领导陪同，请填写陪同领导')];
  if (f.useCase === 3 && !f.provincialDocument) return [CAR04.block('第四条（三）须有省办统一安排的文件，请填写文件')];
  if (f.useCase === 3 && !leader) return [CAR04.block('第四条（三）须有办领导陪同，请填写陪同领导')];
  if (f.useCase === 5 && !f.instructionDocument) return [CAR04.block('第四条（五）须附省扶贫办、市委市政府领导的批示或督办件')];
  return [CAR03.ok(), CAR04.ok()];
}

/** CAR-05: a related document or a phone record (date, caller, content) is attached. */
export function checkDocuments(f: Pick<DispatchFacts, 'documents' | 'phoneRecord'>): Verdict[] {
  const doc = f.documents.some((d) => d.title.trim() && d.ref.trim());
  const phone = f.phoneRecord && f.phoneRecord.date && f.phoneRecord.caller.trim() && f.phoneRecord.content.trim();
  return doc || phone ? [CAR05.ok()] : [CAR05.block('申请用车必须提供相关文件或电话记录（电话记录须有日期、来电人和内容）')];
}

/** CAR-02: below 副处级 warns (原则上) except in cases (三) and (四). */
export function checkRank(f: Pick<DispatchFacts, 'useCase' | 'userGrade'>): Verdict[] {
  if (f.userGrade === 'principal' || f.userGrade === 'deputy') return [CAR02.ok()];
  if (f.useCase === 3 || f.useCase === 4) return [CAR02.ok()];
  return [CAR02.warn('公务用车原则上用于副处级以上领导干部外出，本次用车人级别低于副处级，请说明理由')];
}

/** CAR-07: every passenger is staff or linked to the official activity; stops are on the purpose. */
export function checkPassengers(f: Pick<DispatchFacts, 'passengers' | 'stops'>): Verdict[] {
  const out: Verdict[] = [];
  const unrelated = f.passengers.filter((p) => p.kind === 'other' || (p.kind === 'guest' && !p.link?.trim()));
  if (unrelated.length) out.push(CAR07.block(`不得携带与公务无关的人员乘坐公务车辆：${unrelated.map((p) => p.name).join('、')}`, { passengers: unrelated.map((p) => p.name) }));
  else if (f.stops.length) out.push(CAR07.warn(`行程含与公务无关的停靠点（${f.stops.join('、')}），公务车辆只能“点”对“点”接送，请综合科审核`));
  return out.length ? out : [CAR07.ok()];
}

/** VUR-F1 field 8: the use period ends after it starts. */
export function checkPeriod(startAt: string, endAt: string): Verdict[] {
  return new Date(endAt) > new Date(startAt) ? [CAR05.ok()] : [CAR05.block('用车结束时间应晚于开始时间')];
}

/** CAR-06: the driver of record is not a passenger. */
export function checkDriverNotPassenger(driverPersonId: string | null, passengerIds: string[]): Verdict[] {
  return driverPersonId && passengerIds.includes(driverPersonId) ? [CAR06.block('乘车人不得驾驶车辆：所派驾驶员同时登记为乘车人')] : [CAR06.ok()];
}

/** CAR-18: a driver's booked hours on one day above the line warn (fatigue). */
export function checkDrivingHours(hoursThatDay: number): Verdict[] {
  const max = CAR18.param('maxDrivingHours') as number | null;
  if (max == null || hoursThatDay <= max) return [CAR18.ok()];
  return [CAR18.warn(`该驾驶员当日派车时长将达 ${hoursThatDay.toFixed(1)} 小时，超过 ${max} 小时，请防止疲劳驾驶`)];
}

export interface RepairForm { items: { item: string; part?: string; quantity?: number }[]; budgetFen: number; shop: string }

/** CAR-10: items and a positive amount; CAR-09: a designated shop unless an emergency is authorised. */
export function checkRepairForm(f: RepairForm, emergencyAuthorised: boolean): Verdict[] {
  const out: Verdict[] = [];
  if (!f.items.length || f.items.some((i) => !i.item.trim())) out.push(CAR10.block('《车辆维修审批单》须注明维修项目'));
  if (!(f.budgetFen > 0)) out.push(CAR10.block('《车辆维修审批单》须注明预算维修金额（大于0）'));
  const shops = CAR09.param('designatedShops') as string[];
  if (!shops.includes(f.shop) && !emergencyAuthorised) out.push(CAR09.block(`“${f.shop}”不是指定修配厂；不能到指定修配厂维修的，须先请示综合科批准（第八条）`));
  return out.length ? out : [CAR09.ok(), CAR10.ok()];
}

export interface Settlement {
  status: string;
  approvedAt: string | null;
  repairedAt: string | null;
  emergency: { answeredAt?: string; answer?: string } | null;
  approvedBudgetFen: number;
  approvedItems: string[];
  invoice: { amountFen: number; items: string[] };
  replacedParts: string[];
  returnedParts: string[];
}

/** CAR-09/10/11/12 at settlement: the approved form, the amount, the items, the parts. */
export function checkSettlement(s: Settlement): Verdict[] {
  const out: Verdict[] = [];
  const authorised = s.emergency?.answer === 'approve' && s.emergency.answeredAt && s.repairedAt && s.emergency.answeredAt <= s.repairedAt;
  if (s.emergency && !authorised) out.push(CAR11.block('紧急维修须在维修前得到综合科的明确批准答复'));
  if (s.status !== 'approved') out.push((s.emergency ? CAR11 : CAR09).block(s.emergency ? '紧急维修须及时补办《车辆维修审批单》并经批准后方可结算' : '《车辆维修审批单》未经全部审批，不能结算'));
  else if (!s.emergency && s.repairedAt && s.approvedAt && s.repairedAt < s.approvedAt) out.push(CAR09.block('维修早于审批完成，且无紧急维修批准，不能结算'));
  if (s.invoice.amountFen > s.approvedBudgetFen) out.push(CAR10.block(`发票金额 ${yuan(s.invoice.amountFen)} 超过核定维修金额 ${yuan(s.approvedBudgetFen)}，须补办审批单`));
  const extra = s.invoice.items.filter((i) => !s.approvedItems.includes(i));
  if (extra.length) out.push(CAR10.block(`发票含未经批准的维修项目：${extra.join('、')}，须补办审批单`));
  const missing = s.replacedParts.filter((p) => !s.returnedParts.includes(p));
  if (missing.length) out.push(CAR12.block(`更换的原配件未交回：${missing.join('、')}`, { missing }));
  return out.length ? out : [CAR09.ok(), CAR10.ok(), CAR11.ok(), CAR12.ok()];
}

export interface FuelFacts {
  inCity: boolean;
  station: string;
  payment: string;
  invoiceNo: string | null;
  fueledAt: string;
  priorReport: { reportedAt: string; toPersonId: string } | null;
  /** The 综合科长 on that day. */
  hubChiefId: string | null;
}

/** CAR-13 (designated station, warn) and CAR-15 (out of town: prior report, official card, invoice). */
export function checkFuel(f: FuelFacts): Verdict[] {
  const out: Verdict[] = [];
  if (f.inCity) {
    const stations = CAR13.param('designatedStations') as string[];
    if (!stations.includes(f.station)) out.push(CAR13.warn(`“${f.station}”不是定点加油站，公务用车一般应在市区内定点加油`));
  } else {
    const reported = f.priorReport && f.priorReport.reportedAt < f.fueledAt && (!f.hubChiefId || f.priorReport.toPersonId === f.hubChiefId);
    if (!reported) out.push(CAR15.block('外地加油须事先向综合科长报告（报告时间须早于加油时间）'));
    if (f.payment !== 'official_card') out.push(CAR15.block('外地加油须使用公务银行卡购买'));
    if (!f.invoiceNo?.trim()) out.push(CAR15.block('外地加油须开具发票'));
  }
  return out.length ? out : [CAR13.ok(), CAR15.ok()];
}

/** CAR-13: an entry counts (reimbursable, in totals) only with both signatures by two persons. */
export function fuelComplete(e: { driverPersonId: string; driverSignedAt: string | null; managerPersonId: string | null; managerSignedAt: string | null }): boolean {
  return Boolean(e.driverSignedAt && e.managerSignedAt && e.managerPersonId && e.managerPersonId !== e.driverPersonId);
}

/** CAR-21: passenger count equals the names listed; the period is in order. */
export function checkRental(f: { passengers: number; names: string[]; startDate: string; endDate: string; useCase?: number | null }): Verdict[] {
  const out: Verdict[] = [];
  if (f.names.length !== f.passengers) out.push(CAR21.block(`乘车人数为 ${f.passengers} 人，乘车人员名单列 ${f.names.length} 人，须一致`));
  if (f.endDate < f.startDate) out.push(CAR21.block('用车结束日期不得早于开始日期'));
  // CONF-65: renting without a CAR-04 purpose only warns.
  if (!f.useCase) out.push(CAR04.warn('租车未选择第四条规定的用车情形，请说明租车理由'));
  return out.length ? out : [CAR21.ok()];
}

/**
 * CAR-17: a claim line that is a traffic fine is never reimbursed from public funds. Finance
 * calls this on the lines of a claim (exported from ./index.ts); a hit blocks, citing the rule.
 */
export function checkNoTrafficFine(lines: { description: string; kind?: string }[]): Verdict[] {
  const words = CAR17.param('fineWords') as string[];
  const hits = lines.filter((l) => l.kind === 'traffic_fine' || words.some((w) => l.description.includes(w)));
  if (!hits.length) return [CAR17.ok()];
  return [CAR17.block(`交通违法罚款由驾驶员个人承担，不得报销：${hits.map((h) => h.description).join('、')}`, { lines: hits.map((h) => h.description) })];
}

export const yuan = (fen: number) => `${(fen / 100).toFixed(2)}元`;

import { defineRule } from '../../kernel/rules';

/**
 * Finance rules: 财务管理制度 (FIN, TRAVEL), 公务接待制度 (RECEP) and the expense chains of
 * 一把手“五不直接分管”和“末位表态”制度 (FIVE-03…07), ids from ../shared/spec/D-finance.md and
 * B-poverty.md. The 2万元 line is not here: it belongs to the 三重一大 classifier (SZYD-07).
 */
const FMS = '财务管理制度';
const ORS = '公务接待制度';
const FIVE = '一把手“五不直接分管”和“末位表态”制度';

export const FIN05 = defineRule({ id: 'FIN-05', cite: `《${FMS}》四（二）`, regulation: FMS, enforcement: 'enforce',
  text: '报销须附真实、合法、清晰的原始凭证；经费使用部门须对报销凭证的真实性、合法性负责。' });
export const FIN06 = defineRule({ id: 'FIN-06', cite: `《${FMS}》四（二）`, regulation: FMS, enforcement: 'enforce',
  text: '购买办公用品或设备的支出，须附商品明细，标明品名、数量、单价、规格及型号等内容。' });
export const FIN07 = defineRule({ id: 'FIN-07', cite: `《${FMS}》四（二）`, regulation: FMS, enforcement: 'enforce',
  text: '车辆维修应附维修项目明细和经批准的车辆维修审批单。' });
export const FIN08 = defineRule({ id: 'FIN-08', cite: `《${FMS}》四（二）`, regulation: FMS, enforcement: 'enforce',
  text: '用公务卡结算的须附POS机刷卡凭条。' });
export const FIN09 = defineRule({ id: 'FIN-09', cite: `《${FMS}》四（二）`, regulation: FMS, enforcement: 'warn',
  text: '采用银行转账或公务卡方式结算，原则上不得以现金方式结算；确需现金结算的须说明理由。' });
export const FIN10 = defineRule({ id: 'FIN-10', cite: `《${FMS}》四（二）`, regulation: FMS, enforcement: 'enforce',
  text: '根据现金管理规定，对现金支付超过1000元的，不予核销；同一收款人的现金支付合计超过限额的予以提示（CONF-48）。',
  params: { cashWriteOffMaxFen: { value: 100_000, label: '单笔现金支付上限（含）', unit: '分' } } });
export const FIN11 = defineRule({ id: 'FIN-11', cite: `《${FMS}》四（三）1`, regulation: FMS, enforcement: 'enforce',
  text: '实行多支笔联签：承办部门经手人（验收人）、负责人签字→综合科（财务负责人）审核→分管领导签批（CONF-01 合并链）。',
  params: { hubUnitCode: { value: 'zonghe', label: '综合科的机构代码（接待审批“综合科意见”、化整为零预警）', demo: true } } });
export const FIN12 = defineRule({ id: 'FIN-12', cite: `《${FMS}》四（三）2`, regulation: FMS, enforcement: 'enforce',
  text: '日常支出（省内差旅费、车辆过路费、水费、电费、取暖费、物业费、快递费、电话费、公积金、医保、个税、临时人员工资、养老保险）按同一联签程序审批。' });
export const FIN13 = defineRule({ id: 'FIN-13', cite: `《${FMS}》四（八）`, regulation: FMS, enforcement: 'enforce',
  text: '维持机关正常运转的电话费、差旅费、采暖费、车辆燃油保养费等日常公用支出，按程序审批，不再提交党组会议审定。' });
export const FIN14 = defineRule({ id: 'FIN-14', cite: `《${FMS}》四（七）1`, regulation: FMS, enforcement: 'enforce',
  text: '招待费须持对方单位公函，填写《公务接待审批单》，经审批后方可报销。' });

export const FIVE03 = defineRule({ id: 'FIVE-03', cite: `《${FIVE}》第二条（二）`, regulation: FIVE, enforcement: 'enforce',
  text: '党政“一把手”不行使财务支出的直接审批权，实行联签制：主要领导不单独签批，只在日常办公经费和业务专项经费的最后一栏审批，大额资金支出不签字。' });
export const FIVE04 = defineRule({ id: 'FIVE-04', cite: `《${FIVE}》第二条（二）1`, regulation: FIVE, enforcement: 'enforce',
  text: '日常办公经费支出由经办人、财务负责人、分管领导签字，经党政“一把手”审批实施。' });
export const FIVE05 = defineRule({ id: 'FIVE-05', cite: `《${FIVE}》第二条（二）2`, regulation: FIVE, enforcement: 'enforce',
  text: '业务专项经费支出由经办人、财务负责人签字，分管该业务的分管领导审核，“一把手”审批后实施。' });
export const FIVE06 = defineRule({ id: 'FIVE-06', cite: `《${FIVE}》第二条（二）3`, regulation: FIVE, enforcement: 'enforce',
  text: '大额资金支出须经办党组集体研究决定后，由经办人、财务负责人、经办人科室负责人签字，分管该业务的办领导审核，分管财务审批的办领导审批；化整为零规避集体决策的予以预警。',
  params: { splitWindowDays: { value: 30, label: '化整为零核查期间', unit: '天', demo: true } } });
export const FIVE07 = defineRule({ id: 'FIVE-07', cite: `《${FIVE}》第二条（二）“联签制”`, regulation: FIVE, enforcement: 'warn',
  text: '联签须由不同人员签字；同一人将占两个签字栏的，须说明理由并记录。' });

export const TRAVEL02 = defineRule({ id: 'TRAVEL-02', cite: `《${FMS}》四（四）1`, regulation: FMS, enforcement: 'enforce',
  text: '出差人员报销时应提交会议通知和出差审批单等有关文件材料，否则不予报销。' });
export const TRAVEL03 = defineRule({ id: 'TRAVEL-03', cite: `《${FMS}》四（四）2`, regulation: FMS, enforcement: 'compute',
  text: '住宿费、伙食补助费、市内交通费按市财政局文件标准报销，超过规定标准的不予报销，由个人承担。',
  params: {
    lodgingCapFenPerNight: { value: 35_000, label: '住宿费标准（每晚）', unit: '分', demo: true },
    mealAllowanceFenPerDay: { value: 10_000, label: '伙食补助费（每天）', unit: '分', demo: true },
    cityTransportFenPerDay: { value: 8_000, label: '市内交通费（每天）', unit: '分', demo: true },
  } });
export const TRAVEL04 = defineRule({ id: 'TRAVEL-04', cite: `《${FMS}》四（四）2`, regulation: FMS, enforcement: 'enforce',
  text: '火车硬席（硬座、硬卧），高铁、动车二等座，全列软席列车二等座，轮船三等舱，飞机经济舱；超标部分由个人承担，无同等级票价依据的不予报销。',
  params: { permittedClasses: { value: { train: ['hard_seat', 'hard_sleeper'], hsr: ['second'], soft_train: ['second'], ship: ['third', 'fourth'], plane: ['economy'] } as Record<string, string[]>, label: '可乘坐的交通工具等级' } } });
export const TRAVEL05 = defineRule({ id: 'TRAVEL-05', cite: `《${FMS}》四（四）3`, regulation: FMS, enforcement: 'enforce',
  text: '外出参加会议、培训，主办单位统一安排食宿交通的，只报销在途期间的伙食补助费和市内交通费。' });
export const TRAVEL06 = defineRule({ id: 'TRAVEL-06', cite: `《${FMS}》四（四）4`, regulation: FMS, enforcement: 'enforce',
  text: '不按规定时间和合理路线往返的车、船、飞机票、食宿费等不予报销。' });

export const RECEP02 = defineRule({ id: 'RECEP-02', cite: `《${ORS}》第2条`, regulation: ORS, enforcement: 'enforce',
  text: '公务是指出席会议、考察调研、执行任务、学习交流、检查指导、请示汇报工作等公务活动。' });
export const RECEP07 = defineRule({ id: 'RECEP-07', cite: `《${ORS}》第9条`, regulation: ORS, enforcement: 'enforce',
  text: '无公函的公务活动和来访人员一律不予接待；公函须写明内容、行程和人员。' });
export const RECEP08 = defineRule({ id: 'RECEP-08', cite: `《${ORS}》第10条`, regulation: ORS, enforcement: 'enforce',
  text: '休假、探亲、旅游等属于非公务活动和个人接待活动，一律不能纳入公务接待范围。' });
export const RECEP09 = defineRule({ id: 'RECEP-09', cite: `《${ORS}》第11条`, regulation: ORS, enforcement: 'enforce',
  text: '接到公函应填写公务接待审批报告单，先审批后接待；审批未在接待开始前完成的费用不予报销（CONF-58）。' });
export const RECEP10 = defineRule({ id: 'RECEP-10', cite: '公务接待审批报告单', regulation: ORS, enforcement: 'enforce',
  text: '审批报告单依次由综合科、分管领导、主要领导签署意见（CONF-09）。' });
export const RECEP15 = defineRule({ id: 'RECEP-15', cite: `《${ORS}》第15条`, regulation: ORS, enforcement: 'enforce',
  text: '接待对象按规定标准自行用餐，确因工作需要，接待单位可以安排一次工作餐。',
  params: { workMealsMax: { value: 1, label: '每次接待工作餐上限', unit: '次' } } });
export const RECEP16 = defineRule({ id: 'RECEP-16', cite: `《${ORS}》第15条`, regulation: ORS, enforcement: 'enforce',
  text: '接待对象在10人以内的，陪餐人数不得超过3人；接待对象超过10人的，陪餐人数不得超过接待对象人数的三分之一。',
  params: {
    smallGroupMax: { value: 10, label: '小团组人数（含）', unit: '人' },
    smallGroupAccompany: { value: 3, label: '小团组陪餐上限', unit: '人' },
  } });
export const RECEP17 = defineRule({ id: 'RECEP-17', cite: `《${ORS}》第15条`, regulation: ORS, enforcement: 'enforce',
  text: '自助餐早餐25元/人，午、晚餐70元/人；工作桌餐低于150元/人（不含酒水和饮品）；工作人员用餐50元/人（不含酒水和饮品）。',
  params: {
    buffetBreakfastFen: { value: 2_500, label: '自助早餐（含）', unit: '分/人' },
    buffetLunchDinnerFen: { value: 7_000, label: '自助午晚餐（含）', unit: '分/人' },
    tableMealFen: { value: 15_000, label: '工作桌餐（低于）', unit: '分/人' },
    staffMealFen: { value: 5_000, label: '工作人员用餐（含）', unit: '分/人' },
  } });
export const RECEP18 = defineRule({ id: 'RECEP-18', cite: `《${ORS}》第15条`, regulation: ORS, enforcement: 'enforce',
  text: '工作餐原则上安排自助餐，人数过少和不具备自助餐条件的可安排桌餐，须说明理由；不得提供香烟和高档酒水。' });
export const RECEP20 = defineRule({ id: 'RECEP-20', cite: `《${ORS}》第17条`, regulation: ORS, enforcement: 'enforce',
  text: '公务接待任务结束，接待单位应当如实填写《公务接待清单》，由相关负责人审查，作为财务报销凭证之一。' });
export const RECEP22 = defineRule({ id: 'RECEP-22', cite: `《${ORS}》第19条；《${FMS}》四（七）2`, regulation: ORS, enforcement: 'enforce',
  text: '接待费报销凭证包括公务接待审批单、派出单位公函、正规发票、结算清单和接待清单。' });
export const RECEP23 = defineRule({ id: 'RECEP-23', cite: `《${ORS}》第19条`, regulation: ORS, enforcement: 'enforce',
  text: '接待费采用银行转账或者公务卡方式结算，不得以现金方式支付。' });

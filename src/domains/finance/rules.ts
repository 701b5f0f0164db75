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

// ——— The remaining FIN / TRAVEL / RECEP rules and FIVE-08, 09, 14 (issue #7) ———

export const RECEP01 = defineRule({ id: 'RECEP-01', cite: `《${ORS}》第1条`, regulation: ORS, enforcement: 'record',
  text: '本制度适用于白城市扶贫开发办公室机关及所属事业单位的公务接待行为；每份审批报告单记录接待主体（机关或所属事业单位）。' });
export const RECEP03 = defineRule({ id: 'RECEP-03', cite: `《${ORS}》第3条`, regulation: ORS, enforcement: 'record',
  text: '公务接待坚持有利公务、务实节俭、严格标准、简化礼仪、高效透明、尊重少数民族风俗习惯的原则；审批报告单可记录饮食、民族风俗说明。' });
export const RECEP04 = defineRule({ id: 'RECEP-04', cite: `《${ORS}》第4条；《${FMS}》四（七）1`, regulation: ORS, enforcement: 'record',
  text: '市办综合科是本单位公务接待工作的管理科室，负责管理全办公务接待工作：签署综合科意见，接收归档的接待材料。' });
export const RECEP05 = defineRule({ id: 'RECEP-05', cite: `《${ORS}》第7条`, regulation: ORS, enforcement: 'enforce',
  text: '严格公务接待范围：各级党政机关等领导视察指导工作、工作组来办检查指导工作；其他市（州）扶贫办联系工作，县（市、区）扶贫办领导请示、汇报工作。' });
export const RECEP06 = defineRule({ id: 'RECEP-06', cite: `《${ORS}》第8条`, regulation: ORS, enforcement: 'enforce',
  text: '其他公务活动实行对口接待。接待各类检查组、督查组等联合工作组，以牵头单位为接待主体单位。' });
export const RECEP11 = defineRule({ id: 'RECEP-11', cite: '公务接待流程图 第1—3步', regulation: ORS, enforcement: 'enforce',
  text: '制定接待方案，写明用餐标准、地点和方式，按方案安排就餐；实际用餐与方案不符的予以提示。' });
export const RECEP12 = defineRule({ id: 'RECEP-12', cite: `《${ORS}》第12条`, regulation: ORS, enforcement: 'enforce',
  text: '公务接待不得在机场、车站、码头和辖区边界组织任何形式的迎送活动，不得跨地区迎送，不得张贴悬挂标语横幅，不得安排群众迎送，不献花、不得铺设迎宾地毯。',
  params: { bannedWords: { value: ['标语', '横幅', '鲜花', '献花', '花篮', '地毯', '迎送', '欢迎仪式'], label: '报销明细中不得出现的迎送项目（关键词）' } } });
export const RECEP13 = defineRule({ id: 'RECEP-13', cite: `《${ORS}》第13条`, regulation: ORS, enforcement: 'record',
  text: '接待单位安排的活动场所、活动项目和活动方式，应当有利于公务活动开展；外出考察调研应深入基层、深入群众。接待清单记录公务活动项目。' });
export const RECEP14 = defineRule({ id: 'RECEP-14', cite: `《${ORS}》第14条`, regulation: ORS, enforcement: 'enforce',
  text: '接待住宿在定点宾馆或机关内部接待场所安排，执行协议价格，以标准间为主，不得额外配发洗漱用品；除必要工作人员外，当地陪同人员一律不安排住宿。',
  params: {
    bannedWords: { value: ['洗漱用品', '洗漱包', '牙具'], label: '不得报销的住宿附加项目（关键词）' },
    // ORS 14 "按当地财政下发的标准执行": the finance bureau's figure is external; demo value.
    lodgingStandardFen: { value: 35_000, label: '接待住宿标准（每间每晚，当地财政标准）', unit: '分', demo: true },
  } });
export const RECEP19 = defineRule({ id: 'RECEP-19', cite: `《${ORS}》第16条`, regulation: ORS, enforcement: 'warn',
  text: '公务接待的出行活动应当安排集中乘车，合理使用车型，严格控制随行车辆。',
  params: { seatsPerVehicle: { value: 7, label: '每车核定座位（用于测算随行车辆）', unit: '座', demo: true } } });
export const RECEP21 = defineRule({ id: 'RECEP-21', cite: `《${ORS}》第18条`, regulation: ORS, enforcement: 'enforce',
  text: '禁止在接待费中列支应当由接待对象承担的差旅、会议、培训等费用，禁止以举办会议、培训为名列支、转移、隐匿接待费开支，禁止转嫁接待费用，禁止借公务接待名义列支其他支出。',
  params: { bannedWords: { value: ['差旅费', '火车票', '机票', '车票', '会议费', '会务费', '培训费', '报名费'], label: '接待费中不得列支的接待对象费用（关键词）' } } });
export const RECEP24 = defineRule({ id: 'RECEP-24', cite: `《${ORS}》第20条`, regulation: ORS, enforcement: 'enforce',
  text: '接待单位不得超标准接待，不得组织旅游和与公务活动无关的参观，不得组织到营业性娱乐、健身场所活动，不得安排专场文艺演出，不得以任何名义赠送礼金、有价证券、纪念品和土特产品等。',
  params: { bannedWords: { value: ['门票', '景区', '旅游', 'KTV', '歌厅', '洗浴', '足疗', '健身', '演出', '礼金', '购物卡', '有价证券', '纪念品', '土特产', '礼品'], label: '接待费中不得列支的项目（关键词）' } } });
export const RECEP25 = defineRule({ id: 'RECEP-25', cite: '公务接待流程图 第4—5步；《财务管理制度》四（三）1', regulation: ORS, enforcement: 'enforce',
  text: '接待费结算由接待科室经手人、接待科室负责人、财务主管科室领导（综合科科长）、分管财务领导依次签字，财务室审核。' });
export const RECEP26 = defineRule({ id: 'RECEP-26', cite: `《${ORS}》第11条；公务接待流程图 第6步`, regulation: ORS, enforcement: 'remind',
  text: '接待费支付后，所有接待材料（公函、审批报告单及接待方案、接待清单、发票、结算清单、支付凭证）在规定工作日内交综合科备案，留存备查；备案后不得再修改。',
  params: { filingDays: { value: 10, label: '报销后交综合科备案期限', unit: '工作日', demo: true } } });
export const RECEP27 = defineRule({ id: 'RECEP-27', cite: `《${ORS}》第23条`, regulation: ORS, enforcement: 'record',
  text: '对违反公务接待管理规定的行为，根据《中国共产党纪律处分条例》等有关规定，对直接责任者和领导责任者，依情节，给予相应的纪律处分。' });

export const TRAVEL01 = defineRule({ id: 'TRAVEL-01', cite: `《${FMS}》四（四）1`, regulation: FMS, enforcement: 'enforce',
  text: '工作人员出差须经分管领导审批（公出审批单），未经审批的出差费用不予报销。' });
export const TRAVEL07 = defineRule({ id: 'TRAVEL-07', cite: `《${ORS}》第5条`, regulation: ORS, enforcement: 'warn',
  text: '加强公务外出计划管理，禁止异地部门间没有特别需要的一般性学习交流、考察调研，禁止重复性考察，禁止以各种名义和方式变相旅游，禁止违反规定到风景名胜区举办会议和公务活动。',
  params: {
    scenicWords: { value: ['风景区', '风景名胜区', '景区', '度假区', '旅游区'], label: '风景名胜区（目的地关键词）', demo: true },
    repeatWindowMonths: { value: 12, label: '同一科室同一目的地同类公务提示“重复性考察”的期间（CFG-REPEAT-WINDOW）', unit: '个月', demo: true },
  } });
export const TRAVEL08 = defineRule({ id: 'TRAVEL-08', cite: `《${ORS}》第6条`, regulation: ORS, enforcement: 'enforce',
  text: '公务外出确需接待的，派出单位应当向接待单位发出公函，告知内容、行程和人员。' });
export const TRAVEL09 = defineRule({ id: 'TRAVEL-09', cite: `《${ORS}》第22条`, regulation: ORS, enforcement: 'enforce',
  text: '我单位人员因公外出前需填写《出差人员用餐用车情况表》；报销时须附该表。' });
export const TRAVEL10 = defineRule({ id: 'TRAVEL-10', cite: `《${ORS}》第21、22条`, regulation: ORS, enforcement: 'enforce',
  text: '凡由接待单位协助安排就餐、用车的，出差人员应当按标准向接待单位交纳伙食费和交通费（确因工作需要安排的一次工作餐除外），并将交纳凭证作为报销附件归档。',
  params: { exemptWorkMeals: { value: 1, label: '每次出差免交伙食费的工作餐次数（GAP-D-ORS12）', unit: '次' } } });

export const FIN02 = defineRule({ id: 'FIN-02', cite: `《${FMS}》三（一）`, regulation: FMS, enforcement: 'enforce',
  text: '禁止超范围、超限额使用现金，超限额留存现金，以白条顶替库存现金，编造用途套取现金，与其他单位相互借用现金，利用账户替其他单位和个人套取现金，设立“小金库”或保留账外公款。' });
export const FIN03 = defineRule({ id: 'FIN-03', cite: `《${FMS}》三（二）`, regulation: FMS, enforcement: 'remind',
  text: '市办应当定期和不定期进行现金盘点，确保现金账面余额与实际库存相符；盘点一般由财务负责人指定会计人员进行监盘。',
  params: {
    scheduleFrequency: { value: 'monthly' as 'monthly' | 'quarterly', label: '定期盘点周期（monthly 每月 / quarterly 每季度，CFG-CASH-COUNT-FREQ）' },
    unscheduledPerQuarter: { value: 1, label: '每季度至少不定期盘点', unit: '次' },
  } });
export const FIN16 = defineRule({ id: 'FIN-16', cite: `《${FMS}》七（一）`, regulation: FMS, enforcement: 'report',
  text: '依照有关法律、法规的规定，接受有关部门的监督检查，如实提供会计凭证、会计账簿和其他会计资料以及有关情况（按期间导出报销凭证及签字记录）。' });
export const FIN17 = defineRule({ id: 'FIN-17', cite: `《${FMS}》七（二）`, regulation: FMS, enforcement: 'record',
  text: '对违反本制度的行为按《会计法》中法律责任中的条款进行相应处理（登记违规事项、责任人、事实与处理）。' });
export const FIN18 = defineRule({ id: 'FIN-18', cite: `《${FMS}》七（三）`, regulation: FMS, enforcement: 'remind',
  text: '加强内部管理，严格执行财经纪律和核算程序，按时向有关单位报送各类报表。',
  params: { remindWorkingDays: { value: 3, label: '报送期限前提醒', unit: '工作日', demo: true } } });

export const FIVE08 = defineRule({ id: 'FIVE-08', cite: `《${FIVE}》第二条（一）`, regulation: FIVE, enforcement: 'enforce',
  text: '干部人事工作：干部推荐、任免、录用及重要岗位调整，须经办党组集体研究决定后，由分管人事工作的领导签发，“一把手”不直接签发。' });
export const FIVE09 = defineRule({ id: 'FIVE-09', cite: `《${FIVE}》第二条（三）`, regulation: FIVE, enforcement: 'enforce',
  text: '工程建设项目由分管领导负责，“一把手”不直接分管；重大问题须提交办党组集体研究决定。' });
export const FIVE14 = defineRule({ id: 'FIVE-14', cite: `《${FIVE}》第二条（五）`, regulation: FIVE, enforcement: 'enforce',
  text: '行政审批事项由分管领导负责，“一把手”不直接分管；重大问题须提交办党组集体研究决定。' });

import { defineRule } from '../../kernel/rules';

/**
 * The rules of 党组议事规则 (PG), 主任办公会议议事规则 (DM), “三重一大”事项决策制度 (SZYD),
 * 工作规则 (WR) and the speak-last article of 五不直接分管和末位表态制度 (FIVE-17), as
 * A-meetings.md and CONFLICTS.md (CONF-04, -05, -06, -24, -25, -26, -27, -28, -29, -30, -32,
 * -33, -34) read them. Numbers are parameters; the checks that use them are in checks.ts.
 */
const PG = '党组议事规则';
const DM = '主任办公会议议事规则';
const SZ = '“三重一大”事项决策制度';
const WR = '白城市扶贫开发办公室工作规则';
const FIVE = '一把手“五不直接分管”和“末位表态”制度';

/** A share of N as a fraction: "more than" (strict) or "at least". */
const fraction = (num: number, den: number, strict: boolean) => ({
  num: { value: num, label: '比例分子' },
  den: { value: den, label: '比例分母' },
  strict: { value: strict, label: '严格大于（true：超过；false：达到即可）' },
});

export const PG02 = defineRule({ id: 'PG-02', cite: `《${PG}》三（一）`, regulation: PG, enforcement: 'report',
  text: '党组会议实行例会制度，一般每月召开1次，必要时可以临时召开。',
  params: { minPerMonth: { value: 1, label: '每月至少召开', unit: '次' }, lookbackMonths: { value: 6, label: '提示回看月数', unit: '月', demo: true } } });
export const PG09 = defineRule({ id: 'PG-09', cite: `《${PG}》三（四）`, regulation: PG, enforcement: 'enforce',
  text: '党组会议由党组成员参加；不是党组成员的班子成员、综合科科长列席；与议题有关的科室人员在讨论其议题时列席；纪检监察组长应邀列席（CONF-32）。' });
export const PG12 = defineRule({ id: 'PG-12', cite: `《${PG}》四（一）`, regulation: PG, enforcement: 'enforce',
  text: '党组会议必须有过半数的党组成员到会方能举行。', params: fraction(1, 2, true) });
export const PG13 = defineRule({ id: 'PG-13', cite: `《${PG}》四（一）`, regulation: PG, enforcement: 'enforce',
  text: '研究干部工作必须有三分之二的党组成员到会方能举行（回避者不计入到会，CONF-05）。', params: fraction(2, 3, false) });
export const PG14 = defineRule({ id: 'PG-14', cite: `《${PG}》四（一）`, regulation: PG, enforcement: 'record',
  text: '党组成员因故不能出席会议的，如有必要，应征求其对决定事项的意见；书面意见载入记录，不计入表决（CONF-28）。' });
export const PG15 = defineRule({ id: 'PG-15', cite: `《${PG}》四（一）`, regulation: PG, enforcement: 'enforce',
  text: '列席人员可以对会议讨论的事项发表意见，但无表决权。' });
export const PG16 = defineRule({ id: 'PG-16', cite: `《${PG}》四（二）`, regulation: PG, enforcement: 'compute',
  text: '党组会议的决定必须经党组过半数应到会成员通过（以应到会成员为基数，不以实到人数为基数）。', params: fraction(1, 2, true) });
export const PG17 = defineRule({ id: 'PG-17', cite: `《${PG}》四（二）`, regulation: PG, enforcement: 'enforce',
  text: '讨论决定多个事项时，应逐项表决；每名成员对每个议题只能投一票，议题表决结束后不得再投票或改票。' });
export const PG18 = defineRule({ id: 'PG-18', cite: `《${PG}》四（二）`, regulation: PG, enforcement: 'enforce',
  text: '撤销或改变党组的决定，也必须经党组过半数应到会成员通过，并以新的决定点名被撤销或改变的决定。' });
export const PG19 = defineRule({ id: 'PG-19', cite: `《${PG}》四（二）`, regulation: PG, enforcement: 'enforce',
  text: '党组主要负责人不得首先表态或个人定调，待其他党组成员充分发表意见后，汇总讨论情况，最后发表结论性意见；结论性意见形成前不得表决。' });
export const PG21 = defineRule({ id: 'PG-21', cite: `《${PG}》四（二）`, regulation: PG, enforcement: 'warn',
  text: '会议如对需要决定的重大问题有重大分歧，一般应暂缓作出决定；不同意与缓议合计达到到会表决成员的三分之一时提示登记重大分歧（CONF-31）。',
  params: {
    suggestNum: { value: 1, label: '提示重大分歧：不同意+缓议占到会表决成员比例分子', demo: true },
    suggestDen: { value: 3, label: '提示重大分歧：比例分母', demo: true },
  } });
export const PG23 = defineRule({ id: 'PG-23', cite: `《${PG}》五（二）`, regulation: PG, enforcement: 'enforce',
  text: '党组会议作出的决定不得擅自改变；在新的决定作出前，原决定不变。' });
export const PG26 = defineRule({ id: 'PG-26', cite: `《${PG}》五（四）`, regulation: PG, enforcement: 'enforce',
  text: '党组会议由综合科科长做好会议记录，完整、准确记载党组成员和列席人员的观点、意见以及表决情况和决议。' });
export const PG27 = defineRule({ id: 'PG-27', cite: `《${PG}》五（四）`, regulation: PG, enforcement: 'enforce',
  text: '会议记录按日期前后装订成册，归入档案，永久保存；签发后不得修改或删除，更正另行形成记录（CONF-34）。' });
export const PG28 = defineRule({ id: 'PG-28', cite: `《${PG}》五（五）`, regulation: PG, enforcement: 'enforce',
  text: '会议内容保密：未决事项和会议记录仅限与会成员、列席人员（议题列席仅限其议题）和有监督职责的人员查阅，每次查阅留痕。' });

export const DM04 = defineRule({ id: 'DM-04', cite: `《${DM}》二（三）`, regulation: DM, enforcement: 'enforce',
  text: '主任办公会议遵循行政首长负责制，会议主持人在充分讨论的基础上对研究事项作出简要明确的结论；非“三重一大”议题以主持人结论为决定（CONF-25）。' });
export const DM05 = defineRule({ id: 'DM-05', cite: `《${DM}》三（一）`, regulation: DM, enforcement: 'enforce',
  text: '主任办公会议由办班子成员组成，综合科科长列席；与议题有关的科室人员在讨论其议题时可通知列席；列席人员无表决权。' });
export const DM06 = defineRule({ id: 'DM-06', cite: `《${DM}》三（二）`, regulation: DM, enforcement: 'report',
  text: '主任办公会议一般一个月召开1至2次。',
  params: { minPerMonth: { value: 1, label: '每月至少召开', unit: '次' }, normMaxPerMonth: { value: 2, label: '每月一般不超过', unit: '次' } } });
export const DM10 = defineRule({ id: 'DM-10', cite: `《${DM}》四（一）`, regulation: DM, enforcement: 'enforce',
  text: '原则上要求参会人员到齐召开；如经请假缺席，必须有超过半数以上参会人员。', params: fraction(1, 2, true) });
export const DM14 = defineRule({ id: 'DM-14', cite: `《${DM}》四（二）`, regulation: DM, enforcement: 'enforce',
  text: '除特殊情况或紧急议题外，原定议题中没有的，一般不临时动议；临时增加议题须写明理由（党组会议同此，CONF-33）。' });

export const SZYD04 = defineRule({ id: 'SZYD-04', cite: `《${SZ}》四（二）`, regulation: SZ, enforcement: 'enforce',
  text: '重要人事任免（中层干部任免和调整、后备干部推荐、推荐申报市级及以上先进、公开选调招考等）属“三重一大”事项，由党组集体研究决定（CONF-04）。' });
export const SZYD05 = defineRule({ id: 'SZYD-05', cite: `《${SZ}》四（三）`, regulation: SZ, enforcement: 'enforce',
  text: '大型（大批）固定资产购置和处置、办公用房建设和装修属重大项目安排，不论金额均须集体决策。' });
export const SZYD06 = defineRule({ id: 'SZYD-06', cite: `《${SZ}》四（四）`, regulation: SZ, enforcement: 'enforce',
  text: '年度财务预算的编制、执行和调整属大额度资金使用，不论金额均须集体决策。' });
export const SZYD07 = defineRule({ id: 'SZYD-07', cite: `《${SZ}》四（四）`, regulation: SZ, enforcement: 'enforce',
  text: '数额在2万元以上（含2万元）的专项经费、采购项目、基本建设项目、重大活动项目经费使用等，属“三重一大”事项。',
  params: { thresholdFen: { value: 2_000_000, label: '大额资金起点（含）', unit: '分' } } });
export const SZYD08 = defineRule({ id: 'SZYD-08', cite: `《${SZ}》四（四）`, regulation: SZ, enforcement: 'enforce',
  text: '以办名义进行的1万元以上（含1万元）的重大捐赠，属“三重一大”事项。',
  params: { thresholdFen: { value: 1_000_000, label: '重大捐赠起点（含）', unit: '分' } } });
export const SZYD12 = defineRule({ id: 'SZYD-12', cite: `《${SZ}》五（一）3`, regulation: SZ, enforcement: 'enforce',
  text: '“三重一大”事项除遇重大突发事件和紧急情况外，一般不得临时动议。' });
export const SZYD14 = defineRule({ id: 'SZYD-14', cite: `《${SZ}》五（二）1`, regulation: SZ, enforcement: 'enforce',
  text: '审议“三重一大”事项的会议，必须有三分之二以上班子成员到会方能召开（以决策机构的表决成员为基数，CONF-24；回避者不计入到会，CONF-05）。',
  params: fraction(2, 3, false) });
export const SZYD17 = defineRule({ id: 'SZYD-17', cite: `《${SZ}》五（二）2`, regulation: SZ, enforcement: 'enforce',
  text: '对决策建议，由班子成员逐个明确表示同意、不同意或缓议的意见，并说明理由。' });
export const SZYD19 = defineRule({ id: 'SZYD-19', cite: `《${SZ}》五（二）3`, regulation: SZ, enforcement: 'enforce',
  text: '领导班子主要负责人应当在其他班子成员充分发表意见的基础上，最后发表结论性意见（末位表态）。' });
export const SZYD20 = defineRule({ id: 'SZYD-20', cite: `《${SZ}》五（二）4`, regulation: SZ, enforcement: 'enforce',
  text: '会议讨论决定重要事项时应进行表决，可采取口头、举手、无记名投票等方式；须经过半数应到会成员同意方为通过（CONF-06）。',
  params: fraction(1, 2, true) });
export const SZYD22 = defineRule({ id: 'SZYD-22', cite: `《${SZ}》五（二）4`, regulation: SZ, enforcement: 'enforce',
  text: '对意见分歧较大或发现有重大问题尚不清楚的，除在紧急情况下按多数意见执行外，应暂缓决策。' });
export const SZYD23 = defineRule({ id: 'SZYD-23', cite: `《${SZ}》五（二）5`, regulation: SZ, enforcement: 'enforce',
  text: '记录会议时间、地点、主持人、参会人员、列席人员、请假人员，每项议题讨论情况以及最后决定。' });
export const SZYD24 = defineRule({ id: 'SZYD-24', cite: `《${SZ}》五（二）6`, regulation: SZ, enforcement: 'enforce',
  text: '会议在讨论与参会成员本人及其亲属有关的议题时，本人应主动回避；回避者不发表意见、不表决，不计入该议题到会人数，但仍计入应到会成员（CONF-05）。' });
export const SZYD28 = defineRule({ id: 'SZYD-28', cite: `《${SZ}》五（三）2`, regulation: SZ, enforcement: 'enforce',
  text: '在没有作出新的决策前，任何科室和个人不得擅自变更或者拒绝执行；确需变更的，由领导班子重新作出决策。' });
export const SZYD30 = defineRule({ id: 'SZYD-30', cite: `《${SZ}》五（三）3`, regulation: SZ, enforcement: 'remind',
  text: '决策执行负责人在办理期限内向领导班子报告执行情况；逾期未办结的，系统催办。',
  params: { defaultDueWorkingDays: { value: 10, label: '默认办理期限', unit: '工作日', demo: true } } });
export const SZYD35 = defineRule({ id: 'SZYD-35', cite: `《${SZ}》七（四）`, regulation: SZ, enforcement: 'report',
  text: '党组（班子）会议决定的事项，由综合科、督查科负责催办、督办，并及时将落实情况向主要负责人汇报。' });

export const WR05 = defineRule({ id: 'WR-05', cite: `《${WR}》第十一条`, regulation: WR, enforcement: 'enforce',
  text: '人事等重大事项由扶贫办党组会议讨论决定；干部任免议题只能提交党组会议（CONF-04）。' });
export const WR08 = defineRule({ id: 'WR-08', cite: `《${WR}》第十三条（六）`, regulation: WR, enforcement: 'enforce',
  text: '在会前应形成方案和意见（决策议题列入议程时须有建议方案或上会材料）；各项决定应有明确任务目标、方法措施、责任分工。' });

export const FIVE17 = defineRule({ id: 'FIVE-17', cite: `《${FIVE}》第三条`, regulation: FIVE, enforcement: 'enforce',
  text: '集体研究重大决策、重要干部人事变动、重大项目安排、物资采购和大额资金使用时，主要领导末位表态：其他成员发表意见前不得表态，表态后不再接受其他成员意见（除非主持人重新开启讨论，CONF-30）。' });

// Preparation of a meeting: time, topics, agenda, notice, chair, leave (issue 4, second part).
export const PG03 = defineRule({ id: 'PG-03', cite: `《${PG}》三（一）`, regulation: PG, enforcement: 'enforce',
  text: '党组会议具体时间由综合科根据内容和缓急程度，报请党组书记批准后确定；书记委托主持会议的党组成员可以批准（CONF-16）。' });
export const PG04 = defineRule({ id: 'PG-04', cite: `《${PG}》三（二）`, regulation: PG, enforcement: 'warn',
  text: '党组会议的召开时间、地点、议题，一般应提前一天通知各党组成员和列席人员（按日历日：通知日期不晚于会议日期前一日，CONF-14）；迟于此时须写明理由。',
  params: {
    leadCalendarDays: { value: 1, label: '提前通知', unit: '日历日' },
    reminderHoursBefore: { value: 2, label: '会前提醒', unit: '小时', demo: true },
  } });
export const PG05 = defineRule({ id: 'PG-05', cite: `《${PG}》三（二）`, regulation: PG, enforcement: 'warn',
  text: '会议有关材料与通知同时送达；议题列席人员只收到其议题的材料。' });
export const PG06 = defineRule({ id: 'PG-06', cite: `《${PG}》三（二）`, regulation: PG, enforcement: 'enforce',
  text: '科室准备的上会材料应表明呈报科室的倾向性意见。' });
export const PG07 = defineRule({ id: 'PG-07', cite: `《${PG}》三（三）`, regulation: PG, enforcement: 'enforce',
  text: '党组会议由党组书记召集并主持；党组书记因故不能出席，可委托一名党组成员主持。' });
export const PG08 = defineRule({ id: 'PG-08', cite: `《${PG}》三（三）`, regulation: PG, enforcement: 'record',
  text: '各党组成员应当按时参加会议，因故不能参加会议的必须于会前向会议主持人请假；会议开始后提出的按未请假缺席记录。' });
export const PG10 = defineRule({ id: 'PG-10', cite: `《${PG}》三（五）`, regulation: PG, enforcement: 'enforce',
  text: '党组会议议题由党组成员提出建议，书记或受委托主持会议的党组成员在充分听取党组成员意见的基础上确定。' });
export const PG20 = defineRule({ id: 'PG-20', cite: `《${PG}》四（二）`, regulation: PG, enforcement: 'record',
  text: '少数人的意见可以保留，并可向上级党组织报告；在上级或本党组作出新的决定前，仍须执行党组决定。' });
export const PG22 = defineRule({ id: 'PG-22', cite: `《${PG}》五（一）`, regulation: PG, enforcement: 'enforce',
  text: '党组会议作出的决定，由具体负责的党组成员贯彻执行或由其督促相关科室落实。' });

export const DM03 = defineRule({ id: 'DM-03', cite: `《${DM}》二（二）`, regulation: DM, enforcement: 'remind',
  text: '凡行政职权范围内的问题，由主任办公会讨论决定，并将议定事项及时向办党组通报。',
  params: { notifyPartyGroupDays: { value: 7, label: '通报办党组期限（或下次党组会议，取其早者）', unit: '日历日', demo: true } } });
export const DM07 = defineRule({ id: 'DM-07', cite: `《${DM}》三（二）`, regulation: DM, enforcement: 'enforce',
  text: '主任办公会议由综合科根据会议内容报请主任批准后确定会议时间；主持工作的副主任或受委托主持的副主任可以批准（CONF-16）。' });
export const DM09 = defineRule({ id: 'DM-09', cite: `《${DM}》四（一）`, regulation: DM, enforcement: 'enforce',
  text: '主任办公会议由主任或主任委托副主任主持。' });
export const DM11 = defineRule({ id: 'DM-11', cite: `《${DM}》四（一）`, regulation: DM, enforcement: 'warn',
  text: '会议一般提前一天通知（按日历日，CONF-14）；通知内容包括时间、地点、参加人员和议题。',
  params: {
    leadCalendarDays: { value: 1, label: '提前通知', unit: '日历日' },
    reminderHoursBefore: { value: 2, label: '会前提醒', unit: '小时', demo: true },
  } });
export const DM12 = defineRule({ id: 'DM-12', cite: `《${DM}》四（二）`, regulation: DM, enforcement: 'enforce',
  text: '有关科室提出需要解决的主要问题或建议方案，提供必要的参考资料，会前交综合科。' });
export const DM13 = defineRule({ id: 'DM-13', cite: `《${DM}》四（二）`, regulation: DM, enforcement: 'enforce',
  text: '综合科集中议题报请主任审议后，正式列入会议议题，提交讨论。' });

export const SZYD11 = defineRule({ id: 'SZYD-11', cite: `《${SZ}》五（一）3`, regulation: SZ, enforcement: 'enforce',
  text: '班子成员提出的决策建议或者经分管领导审核的决策建议，经领导班子主要负责人确认后，进入决策程序；主要负责人提出的决策建议，直接进入决策程序。' });
export const SZYD26 = defineRule({ id: 'SZYD-26', cite: `《${SZ}》五（三）1`, regulation: SZ, enforcement: 'enforce',
  text: '“三重一大”事项经决策后，由班子成员按分工和职责组织实施；遇有分工和职责交叉的，由领导班子明确一名班子成员牵头。' });

// ——— Rules added to finish issue 4: every WR / PG / DM / SZYD rule of A-meetings.md is registered. ———

// 工作规则 (R1).
export const WR06 = defineRule({ id: 'WR-06', cite: `《${WR}》第十二条`, regulation: WR, enforcement: 'enforce',
  // Reading: the research records attach to the proposal, so they are checked when the chair puts a
  // section's major matter on the 党组会议 agenda (the moment it is "提请党组会议讨论").
  text: '各科室及服务中心提请党组会议讨论的重大事项，必须经过深入调查研究；涉及相关科室之间的，应充分协商；涉及县（市、区）的，应事先征求意见；涉及重大公共利益和人民群众切身利益的，要向市有关部门及社会公开征求意见。' });
export const WR07 = defineRule({ id: 'WR-07', cite: `《${WR}》第十三条（三）`, regulation: WR, enforcement: 'enforce',
  text: '领导班子议事的主要形式是办党组会议和主任办公会议；决定重大事项必须以会议形式进行（决定只能由正在召开的会议审议议题后形成）。' });
export const WR09 = defineRule({ id: 'WR-09', cite: `《${WR}》第十四条`, regulation: WR, enforcement: 'enforce',
  text: '未列入年度计划或决策目录的工作原则上不得列入决策内容，确需列入决策或动议的，由办主任决定（主任批准并写明理由，CONF-38）。' });
export const WR10 = defineRule({ id: 'WR-10', cite: `《${WR}》第十四条`, regulation: WR, enforcement: 'remind',
  text: '各科室及服务中心必须坚决贯彻扶贫办的决定，及时报告执行情况；综合科加强督促检查，适时作出通报。',
  params: { firstReportDays: { value: 10, label: '督办事项首次报告执行情况期限', unit: '日历日', demo: true } } });
export const WR13 = defineRule({ id: 'WR-13', cite: `《${WR}》第十九条`, regulation: WR, enforcement: 'remind',
  // CONF-22: one disclosure attribute for decisions and documents (DISC-01, DISC-12 in the documents area).
  text: '党组会议、主任办公会议和主任专题会议讨论决定的事项，除依法需要保密的外，应及时公开；发布重要事项要经过严格审定（决定形成时确定公开属性：主动公开、依申请公开或不予公开；主动公开的自决定之日起按期公开，见 DISC-01、DISC-12，CONF-22）。',
  params: {
    publishWorkingDays: { value: 10, label: '主动公开的决定自决定之日起公开期限（DISC-12）', unit: '工作日' },
    firstReminderWorkingDays: { value: 3, label: '到期前第一次提醒', unit: '工作日', demo: true },
    lastReminderWorkingDays: { value: 1, label: '到期前最后一次提醒', unit: '工作日', demo: true },
  } });
// WR-11, WR-12, WR-14…WR-20 (records, reminders and reports of 工作规则) are registered in ../workrules/rules.ts.
export const WR21 = defineRule({ id: 'WR-21', cite: `《${WR}》第十三条（五）、第三十二条`, regulation: WR, enforcement: 'enforce',
  text: '个人服从组织，少数服从多数；严格遵守保密纪律，不该外传的不外传，不该议论的不议论（会议内容仅限有权人员查阅，见 PG-28、DM-18、SZYD-25）。' });

// 党组议事规则 (R2).
export const PG_SCOPES: Record<string, string> = {
  'PG-S1': '贯彻落实党中央以及上级党组织决策部署的重大举措', 'PG-S2': '扶贫工作发展战略、重大部署和重大事项', 'PG-S3': '重大改革事项',
  'PG-S4': '重要人事任免等事项', 'PG-S5': '重大项目安排', 'PG-S6': '大额资金使用、大额资产处置、预算安排', 'PG-S7': '职能配置、机构设置、人员编制事项',
  'PG-S8': '审计、巡察、督查检查、考核奖惩等重大事项', 'PG-S9': '重大思想动态的政治引导', 'PG-S10': '党的建设方面的重大事项', 'PG-S11': '其他应当由党组讨论和决定的重大问题',
};
export const DM_SCOPES: Record<string, string> = {
  'DM-S1': '学习贯彻重要讲话、指示和上级重要会议、决策，提出贯彻落实方案和措施', 'DM-S2': '需向市委市政府请示报告的重要事项', 'DM-S3': '听取和研究党建工作事项',
  'DM-S4': '纪检监察、党风廉政建设和反腐败工作的重要事项', 'DM-S5': '审定以党组名义作出的重要决定、印发的重要文件', 'DM-S6': '工作规划和部署、干部队伍管理',
  'DM-S7': '领导班子自身建设的重大事项', 'DM-S8': '干部任免、人员调配、推荐、表彰、奖惩', 'DM-S9': '年度预算编制和调整、重大财务支出、固定资产购置和处置',
  'DM-S10': '研究讨论其他需要党组决定的事宜',
};
export const PG01 = defineRule({ id: 'PG-01', cite: `《${PG}》一（一）至（十一）`, regulation: PG, enforcement: 'enforce',
  text: '提交党组会议的议题须属于党组议事范围（一）至（十一）中的至少一项。' });
export const PG11 = defineRule({ id: 'PG-11', cite: `《${PG}》三（五）`, regulation: PG, enforcement: 'enforce',
  text: '书记或受委托主持会议的党组成员可以指定有关科室对议题进行深入调查研究；重大议题的调查研究，党组有关成员要亲自参加。' });
export const PG24 = defineRule({ id: 'PG-24', cite: `《${PG}》五（二）`, regulation: PG, enforcement: 'record',
  text: '上级交办事项涉及党组已有决定的，党组成员如实向上级报告；需党组重新讨论的，在作出新的决定前原决定不变。' });
export const PG25 = defineRule({ id: 'PG-25', cite: `《${PG}》五（三）`, regulation: PG, enforcement: 'remind',
  text: '在执行党组决定过程中出现新的情况和重大问题，应及时向党组报告；必要时提交党组会议重新研究。',
  params: { problemReportDecisionDays: { value: 3, label: '主持人决定是否提交党组研究的提醒期限', unit: '日历日', demo: true } } });

// 主任办公会议议事规则 (R3).
export const DM01 = defineRule({ id: 'DM-01', cite: `《${DM}》一（一）至（十）`, regulation: DM, enforcement: 'enforce',
  text: '提交主任办公会议的议题须属于议事范围（一）至（十）中的至少一项。' });
export const DM02 = defineRule({ id: 'DM-02', cite: `《${DM}》二（一）`, regulation: DM, enforcement: 'warn',
  text: '凡分管领导职权范围内能够解决的问题，或副主任之间协商能够解决的问题，不提交主任办公会议讨论；涉及全办的事项个人处理后应在会上通报。' });
export const DM08 = defineRule({ id: 'DM-08', cite: `《${DM}》三（三）`, regulation: DM, enforcement: 'enforce',
  text: '会议时间如遇特殊情况可提前或推迟，改期须写明理由并重新报批、重新通知；遇有重大事宜，可随时召开（临时召开须写明事由）。' });
export const DM15 = defineRule({ id: 'DM-15', cite: `《${DM}》四（三）`, regulation: DM, enforcement: 'record',
  text: '议题与会务工作由综合科搜集与承办；一般落实事项由综合科办理，分管领导督办并协调解决问题。' });
export const DM16 = defineRule({ id: 'DM-16', cite: `《${DM}》四（四）`, regulation: DM, enforcement: 'enforce',
  text: '主任办公会议由综合科科长做好会议记录，完整、准确记载参会人员和列席人员的观点、意见以及表决情况和决议；纪要永久保存（CONF-34）。' });
export const DM17 = defineRule({ id: 'DM-17', cite: `《${DM}》五`, regulation: DM, enforcement: 'enforce',
  text: '主任办公会议决定的事项，承办科室要认真落实，并将承办结果报综合科；综合科和有督查职能的科室要及时催办督办，及时将承办情况向主任汇报。' });
export const DM18 = defineRule({ id: 'DM-18', cite: `《${DM}》六`, regulation: DM, enforcement: 'enforce',
  text: '参加会议人员要严格遵守保密制度：凡未做出决定的，不得外传、扩散；已做出决定的，按规定传达范围；凡需保密的，均不得外传。' });

// “三重一大”事项决策制度 (R4).
export const SZYD01 = defineRule({ id: 'SZYD-01', cite: `《${SZ}》二`, regulation: SZ, enforcement: 'enforce',
  text: '“三重一大”事项以党组会议、主任办公会议为主要形式决策，适用于办机关及所属事业单位；系统不提供其他决策形式。' });
export const SZYD02 = defineRule({ id: 'SZYD-02', cite: `《${SZ}》三（一）`, regulation: SZ, enforcement: 'enforce',
  text: '凡属职责范围内的“三重一大”事项，都应集体讨论决定：决定只能来自会议对议题的表决。' });
export const SZYD03 = defineRule({ id: 'SZYD-03', cite: `《${SZ}》四（一）`, regulation: SZ, enforcement: 'record',
  text: '重大事项决策：重大发展规划和工作计划、工作部署，党风廉政建设和反腐败工作的重要问题，涉及群众和干部职工切身利益的重大问题，上级重要文件、重要会议精神的贯彻落实及请示报告的重要事项。' });
export const SZYD09 = defineRule({ id: 'SZYD-09', cite: `《${SZ}》五（一）1`, regulation: SZ, enforcement: 'enforce',
  text: '“三重一大”事项决策前，由分管领导牵头负责进行调查研究，充分听取各方面意见；专业性、技术性较强的，应进行专家论证、技术咨询、决策评估；涉及面广、与群众利益密切相关的，应通过座谈会、论证会、听证会等形式听取意见。' });
export const SZYD10 = defineRule({ id: 'SZYD-10', cite: `《${SZ}》五（一）2`, regulation: SZ, enforcement: 'enforce',
  text: '班子成员通过适当形式对有关议题进行酝酿，但不得做出决定（酝酿记录没有结论栏目，不改变议题状态，不能形成决定）。' });
export const SZYD13 = defineRule({ id: 'SZYD-13', cite: `《${SZ}》五（一）4`, regulation: SZ, enforcement: 'enforce',
  text: '议题的有关材料要在领导班子会议召开前送达参会人员，并保证其有必要时间了解相关情况；重大突发事件临时动议的议题，材料须在审议前送达。',
  params: { materialsLeadDays: { value: 1, label: '材料提前送达（不足时提示）', unit: '日历日', demo: true } } });
export const SZYD15 = defineRule({ id: 'SZYD-15', cite: `《${SZ}》五（二）1`, regulation: SZ, enforcement: 'enforce',
  text: '可以邀请有关科室人员在讨论相关议题时列席会议：仅限其议题，无表决权。' });
export const SZYD16 = defineRule({ id: 'SZYD-16', cite: `《${SZ}》五（二）2`, regulation: SZ, enforcement: 'record',
  text: '一般先由分管领导或有关负责同志介绍上会材料，然后安排足够的时间进行讨论（记录介绍人和讨论起止时间）。' });
export const SZYD18 = defineRule({ id: 'SZYD-18', cite: `《${SZ}》五（二）2`, regulation: SZ, enforcement: 'record',
  text: '因故未到会的班子成员可以书面形式表达意见；书面意见载入记录，不计入到会和表决（CONF-28）。' });
export const SZYD21 = defineRule({ id: 'SZYD-21', cite: `《${SZ}》五（二）4`, regulation: SZ, enforcement: 'enforce',
  text: '会议决定多个事项时，应逐项表决。' });
export const SZYD25 = defineRule({ id: 'SZYD-25', cite: `《${SZ}》五（二）6`, regulation: SZ, enforcement: 'enforce',
  text: '对尚未正式公布的会议决策和需保密的会议内容，与会人员不得外泄。' });
export const SZYD27 = defineRule({ id: 'SZYD-27', cite: `《${SZ}》五（三）1`, regulation: SZ, enforcement: 'report',
  // The ban itself is enforced on the org's assignments as FIVE-01 (kernel/org); this rule reports any of the five areas left without another leader.
  text: '班子主要负责同志不直接分管财务、干部人事、行政审批、工程建设和物资采购等五个方面的具体工作，由班子其他成员协助分管。' });
export const SZYD29 = defineRule({ id: 'SZYD-29', cite: `《${SZ}》五（三）2；六（一）1`, regulation: SZ, enforcement: 'remind',
  text: '如遇重大突发事件和紧急情况作出临时处置的，应在事后及时向领导班子报告；未完成事项如需领导班子重新作出决策的，经再次决策后，按新的决策执行。',
  params: { emergencyReportDays: { value: 3, label: '事后报告期限（或下次班子会议，取其早者）', unit: '日历日', demo: true } } });
export const SZYD31 = defineRule({ id: 'SZYD-31', cite: `《${SZ}》五（三）4；七（一）`, regulation: SZ, enforcement: 'record',
  text: '对部分需要公开的决策和执行情况，按照规定进行公开（公开属性与期限见 DISC-01、DISC-12，CONF-22）。' });
export const SZYD32 = defineRule({ id: 'SZYD-32', cite: `《${SZ}》六（一）（二）`, regulation: SZ, enforcement: 'report',
  text: '责任追究情形：1.个人或少数人决定应集体决策的事项，或紧急情况个人决策事后不及时通报；2.提供虚假情况造成决策失误；3.不执行或擅自改变集体决定造成损失；4.执行中发现可能造成损失未及时报告纠正；5.其他违反本制度的行为。',
  params: { potentialLossCorrectionDays: { value: 7, label: '可能造成损失须报告纠正的期限', unit: '日历日', demo: true } } });
export const SZYD33_MEASURES = ['责令检查及纠正', '诫勉谈话', '通报批评', '责令辞职', '免职', '给予党纪政纪处分', '移送司法机关处理', '其他'] as const;
export const SZYD33 = defineRule({ id: 'SZYD-33', cite: `《${SZ}》六（三）`, regulation: SZ, enforcement: 'enforce',
  text: `责任追究的方式：${SZYD33_MEASURES.join('、')}（“等”以“其他”并写明）。` });
export const SZYD34 = defineRule({ id: 'SZYD-34', cite: `《${SZ}》七（二）（三）`, regulation: SZ, enforcement: 'report',
  text: '“三重一大”决策执行情况作为民主生活会、述职述廉、党风廉政建设责任制考核和干部考核的内容：按班子成员列出其参与和负责的决策、执行情况和责任追究。' });
export const SZYD36 = defineRule({ id: 'SZYD-36', cite: `《${SZ}》七（五）`, regulation: SZ, enforcement: 'record',
  text: '所属事业单位在职权范围内的“三重一大”决策登记备查，由办党组（班子）监督其执行（CONF-37）。' });

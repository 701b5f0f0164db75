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
  text: '各项决定应有明确任务目标、方法措施、责任分工。' });

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

export const MEETING_STATUS: Record<string, { label: string; color: string }> = {
  planned: { label: '筹备中', color: 'default' },
  open: { label: '进行中', color: 'processing' },
  closed: { label: '已散会', color: 'success' },
};
export const TOPIC_KIND: Record<string, string> = { ordinary: '一般议题', cadre: '干部工作', szyd: '三重一大', briefing: '通报事项' };
export const TOPIC_STATUS: Record<string, string> = { pending: '待审议', discussion: '讨论中', voting: '表决中', closed: '已结束' };
export const OUTCOME: Record<string, { label: string; color: string }> = {
  adopted: { label: '通过', color: 'success' },
  not_adopted: { label: '未通过', color: 'error' },
  deferred: { label: '暂缓', color: 'warning' },
  briefed: { label: '已通报', color: 'default' },
};
export const STANCE: Record<string, string> = { agree: '同意', disagree: '不同意', defer: '缓议' };
export const CHOICE: Record<string, string> = { agree: '赞成', disagree: '反对', abstain: '弃权' };
export const CAPACITY: Record<string, string> = { member: '成员', standing: '列席', invited: '应邀列席' };
export const ATTENDANCE: Record<string, string> = { present: '出席', leave: '请假', absent: '缺席' };
export const MATTER_KINDS: Record<string, string> = {
  special_fund: '专项经费', procurement: '采购项目', capital_construction: '基本建设项目', major_event: '重大活动项目经费', donation: '以办名义的捐赠',
  budget: '年度财务预算', fixed_assets: '大型固定资产购置和处置', office_building: '办公用房建设和装修', cadre_appointment: '中层干部任免和调整',
  reserve_cadre: '后备干部人选推荐', honours: '推荐申报市级及以上先进', recruitment: '公开选调、招考工作人员',
  major_plan: '重大发展规划和工作计划、工作部署', integrity: '党风廉政建设和反腐败工作的重要问题', vital_interests: '涉及群众和干部职工切身利益的重大问题',
  superior_directive: '上级重要文件、会议精神的贯彻落实及请示报告',
};
export const formatTime = (iso: string) => new Date(iso).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false });
/** 公开属性 of a decision (WR-13, CONF-22: the documents area's three values) and the reasons for 不予公开. */
export const DISCLOSURE = ['主动公开', '依申请公开', '不予公开'] as const;
export const WITHHOLD_REASONS: Record<string, string> = {
  G3: '涉及国家秘密', G4: '涉及工作秘密', E2: '商业秘密', E3: '个人隐私', E4: '正在调查、讨论、处理过程中', C1: '内部事务信息', C2: '过程性信息', E6: '法律法规规定不予公开的其他情形',
};

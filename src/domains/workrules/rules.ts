import { defineRule, type Verdict } from '../../kernel/rules';

/**
 * 《白城市扶贫开发办公室工作规则》 rules whose duty is a record, a reminder or a report
 * (A-meetings.md §3.4 WR-11, WR-12, WR-14…WR-20; CONFLICTS.md CONF-19, -20, -21, -38, -50).
 * The other WR rules (decisions, meetings) are registered in ../meetings/rules.ts.
 * Pure checks live here; the registers that use them are in this folder, WR-19 in personnel.
 */
const WR = '白城市扶贫开发办公室工作规则';
const C = (article: string) => `《${WR}》${article}`;
const every = (label: string) => ({ repeatDays: { value: 7, label, unit: '日历日', demo: true } });

export const WR11 = defineRule({ id: 'WR-11', cite: C('第十四条'), regulation: WR, enforcement: 'record',
  // The source only names the three systems (GAP-A14, CONF-38): owners and time limits are recorded; no limit is claimed from the source.
  text: '认真执行岗位责任制、首问负责制、限时办结制等制度：来信来访和12317电话登记首问责任人，转办须登记交接，责任人随之变更；督办事项记录责任人和办理期限，逾期即显示。' });
export const WR12 = defineRule({ id: 'WR-12', cite: C('第十六条、第十七条'), regulation: WR, enforcement: 'remind',
  text: '研究起草、适时制定、修改或废止规范性文件，职能科室负责解释；印发后依法及时报市政府备案，未备案的提醒综合科和牵头科室直至登记备案。',
  params: { normativeFilingReminderDays: { value: 15, label: '印发后报市政府备案提醒', unit: '日历日', demo: true }, ...every('未备案时重复提醒间隔') } });
export const WR14 = defineRule({ id: 'WR-14', cite: C('第二十条'), regulation: WR, enforcement: 'record',
  text: '涉及群众切身利益、需要群众广泛知晓的经济薄弱区域发展、低收入人口帮扶等事项，通过网站、新闻发布会以及新闻媒体等方式依法、及时、准确地向社会公开：登记公开渠道和日期。' });
export const WR15 = defineRule({ id: 'WR-15', cite: C('第二十二条、第二十五条'), regulation: WR, enforcement: 'remind',
  text: '对司法机关、派驻纪检组、审计等监督和新闻舆论、群众监督中发现的问题，及时纠治和整改，并向市政府报告；对媒体反映的问题，向社会公布处理结果。整改后未报告的，提醒直至登记报告。',
  params: every('整改后未报告市政府时重复提醒间隔') });
export const WR16 = defineRule({ id: 'WR-16', cite: C('第二十四条'), regulation: WR, enforcement: 'remind',
  // CONF-21: no time limit in the source; the handling limit is a parameter without a default, and until it is set no overdue is reported.
  text: '办领导及相关科室负责人要认真阅批重要的群众来信及12317监督举报电话反映的重要问题；未阅批的重要事项提醒送阅的领导，未阅批的不得办结。',
  params: {
    ...every('重要事项未阅批时重复提醒间隔'),
    hotlineHandlingWorkingDays: { value: null as number | null, label: '来信来访及12317电话办理时限（未设定时不报告逾期，CONF-21）', unit: '工作日' },
  } });
export const WR17 = defineRule({ id: 'WR-17', cite: C('第二十六条'), regulation: WR, enforcement: 'report',
  text: '对职权范围内的事项按程序和时限积极负责办理：逾期未办的审批待办、会议督办事项、规范性文件备案、监督问题报告和来信来访列入逾期事项报告（时限取自各事项，不取自本条）。' });
export const WR18 = defineRule({ id: 'WR-18', cite: C('第三十条'), regulation: WR, enforcement: 'record',
  // The system does not publish speeches or articles, so the rule is a register: request, the PLG's consent, publication (A-meetings WR-18 "otherwise RECORD").
  text: '办领导班子成员要严格执行办党组决定；代表办发表讲话或文章，以及个人发表涉及未经办党组会议研究决定的重大问题及事项的讲话或文章，事先须经办党组同意：登记申请、党组同意和发表情况，未经事先同意即发表的须确认并列入报告。' });
export const WR19 = defineRule({ id: 'WR-19', cite: C('第三十三条'), regulation: WR, enforcement: 'enforce',
  // CONF-50: recorded on the leave / trip record of the personnel area; the approval waits for the chain.
  text: '办主要领导离白外出，事先由综合科向市委、市政府办报备；其他办领导离白外出，应事先向办主要领导报告，并通知综合科；各科室及服务中心主要负责人离白外出，应向办主要领导报告，并告知综合科。报告未登记齐全的，请假或公出不能批准。' });
export const WR20 = defineRule({ id: 'WR-20', cite: C('第三十四条、第三十五条'), regulation: WR, enforcement: 'record',
  text: '本规则由白城市扶贫开发办公室负责解释，自 2019 年 3 月 19 日起施行；施行日期前的事项可以登记，但不提醒、不列入逾期（CONF-19）。',
  params: { effectiveDate: { value: '2019-03-19', label: '施行日期' } } });

/** 政务信用承诺书 (《政务信息公开管理制度》五) on the 12317 calls of the letters register (E-documents CRED-02, CONF-21). */
const GIP = '政务信息公开管理制度';
export const CRED02 = defineRule({ id: 'CRED-02', cite: `《${GIP}》五、政务信用承诺书（2）`, regulation: GIP, enforcement: 'record',
  text: '12317扶贫监督举报电话反映的问题按时限规定处理，处理结果做到及时反馈：办结时登记向举报人反馈的日期和方式；匿名等无法反馈的，登记原因（时限见 WR-16 的办理时限参数，CONF-21）。' });

/** CRED-02: a 12317 call closes with its feedback to the caller: when and how, or why there was none. */
export function checkHotlineFeedback(l: { channel: string; receivedOn: string }, v: { fedBackOn?: string; feedback?: string; noFeedback?: boolean }): Verdict {
  if (l.channel !== 'hotline') return CRED02.ok();
  if (!v.feedback) return CRED02.block(v.noFeedback ? '请填写无法向举报人反馈的原因' : '12317电话办结须登记向举报人反馈的方式和内容');
  if (v.noFeedback) return CRED02.ok();
  if (!v.fedBackOn) return CRED02.block('12317电话办结须登记向举报人反馈的日期；匿名等无法反馈的，请勾选并写明原因');
  if (v.fedBackOn < l.receivedOn) return CRED02.block('反馈日期不能早于收到日期');
  return CRED02.ok();
}

/** WR-20: does the 工作规则 apply to an event on this date? */
export const inForce = (date: string): boolean => date >= String(WR20.param('effectiveDate'));

/** WR-12: a normative document names the functional section that interprets it. */
export function checkInterpreter(interpretingUnitId: string | null | undefined): Verdict {
  return interpretingUnitId ? WR12.ok() : WR12.block('规范性文件须明确负责解释的职能科室');
}

/** WR-15: the report to the 市政府 follows the rectification; a media problem's result is published too. */
export function checkFindingReport(f: { rectification: string | null; rectifiedOn: string | null }): Verdict {
  return f.rectification && f.rectifiedOn ? WR15.ok() : WR15.block('请先登记纠治整改措施和整改日期，再登记向市政府报告');
}

/** WR-16: an important item is closed only after an office leader or a section head read and annotated it. */
export function checkAnnotatedBeforeClose(l: { important: boolean; annotatedOn: string | null }): Verdict {
  return !l.important || l.annotatedOn ? WR16.ok() : WR16.block('重要的群众来信或12317电话反映的重要问题须经办领导或相关科室负责人阅批后方可办结');
}

/** WR-18: publication needs the PLG's consent given on or before the day (事先); otherwise the user confirms a violation. */
export function checkPriorConsent(s: { consentedOn: string | null; publishedOn: string }): Verdict {
  if (s.consentedOn && s.consentedOn <= s.publishedOn) return WR18.ok();
  const why = s.consentedOn ? `办党组于${s.consentedOn}同意，晚于发表日期${s.publishedOn}` : '尚未经办党组同意';
  return WR18.warn(`该讲话或文章${why}，属未经事先同意发表，登记后列入报告`);
}

export type DepartureRole = 'principal' | 'leader' | 'head';
export const ROLE_LABEL: Record<DepartureRole, string> = { principal: '办主要领导', leader: '其他办领导', head: '科室及服务中心主要负责人' };

export interface DepartureItems {
  role: DepartureRole;
  departOn: string;
  cityFiledOn: string | null;
  principalReportedOn: string | null;
  hubNotifiedOn: string | null;
}

/** WR-19: what is still missing from the role's reporting chain (empty = complete). */
export function missingItems(d: DepartureItems): string[] {
  if (d.role === 'principal') return d.cityFiledOn ? [] : ['综合科向市委、市政府办报备'];
  const out: string[] = [];
  if (!d.principalReportedOn) out.push('向办主要领导报告');
  if (!d.hubNotifiedOn) out.push(d.role === 'leader' ? '通知综合科' : '告知综合科');
  return out;
}

/** WR-19: items recorded after the departure day (事先 not met) — reported, not refused. */
export function lateItems(d: DepartureItems): string[] {
  const late = (on: string | null) => !!on && on > d.departOn;
  const out: string[] = [];
  if (late(d.cityFiledOn)) out.push('报备');
  if (late(d.principalReportedOn)) out.push('向主要领导报告');
  if (late(d.hubNotifiedOn)) out.push('通知综合科');
  return out;
}

/** WR-19 at approval: the chain must be complete before the leave or trip is approved. */
export function checkDepartureChain(d: DepartureItems): Verdict {
  const missing = missingItems(d);
  if (!missing.length) return WR19.ok();
  return WR19.block(`${ROLE_LABEL[d.role]}离白外出，尚未登记：${missing.join('、')}，暂不能批准`);
}

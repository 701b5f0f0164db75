import { defineRule } from '../../kernel/rules';

/**
 * DOC rules of 《公文运转管理制度》 for 收文办理 (第十六条至第二十二条) and for the steps after
 * numbering (第三条、第十一条至第十五条), as catalogued in ../shared/spec/E-documents.md.
 */
const DOCF = '公文运转管理制度';

export const DOC01 = defineRule({ id: 'DOC-01', cite: '《公文运转管理制度》第三条', regulation: DOCF, enforcement: 'enforce',
  text: '办综合科主管全办公文运转：编号、印制、收文登记、传阅只能由综合科办理。' });

// Reading (CONF-130 / GAP-E45): “及时印制” has no number; the software raises the print task at once
// (a reminder to 综合科 as soon as an urgent document is numbered and not yet printed).
export const DOC19 = defineRule({ id: 'DOC-19', cite: '《公文运转管理制度》第十二条', regulation: DOCF, enforcement: 'remind',
  text: '有时限要求的紧急公文应及时印制：编号后立即提醒综合科印制；涉密公文不在本系统印制（见涉密文件登记）。' });

export const DOC20 = defineRule({ id: 'DOC-20', cite: '《公文运转管理制度》第十三条', regulation: DOCF, enforcement: 'enforce',
  text: '各科室对公文复核无误后，经办主要领导或分管领导批准方可加盖印章（同 SEAL-15），用印记录关联用印申请。' });

// Reading (CONF-119 / GAP-E20): 各科室存档数量 is an editable list (default: the drafting section, 1
// copy); 分送办领导数量 defaults to the office leaders holding 主任/副主任 posts; 综合科留存 is a demo value.
export const DOC22 = defineRule({ id: 'DOC-22', cite: '《公文运转管理制度》第十五条', regulation: DOCF, enforcement: 'compute',
  text: '纸质公文印制份数 = 主送单位和抄送单位所需数量 + 分送办领导数量 + 各科室存档数量 + 办综合科留存数量；印制份数与计算不符的须说明理由。',
  params: {
    hubRetainedCopies: { value: 2, label: '办综合科留存数量', unit: '份', demo: true },
    deptArchiveCopies: { value: 1, label: '起草科室存档数量（默认）', unit: '份', demo: true },
  } });

export const DOC23 = defineRule({ id: 'DOC-23', cite: '《公文运转管理制度》第十七条', regulation: DOCF, enforcement: 'enforce',
  text: '通过机要交换、邮政和各部门递交的纸质文件、资料，由办综合科签收、拆封、登记。',
  params: { registerPrefix: { value: '白扶办收', label: '收文编号代字', demo: true } } });

export const DOC24 = defineRule({ id: 'DOC-24', cite: '《公文运转管理制度》第十八条', regulation: DOCF, enforcement: 'enforce',
  text: '签收时逐件核对，检查文件是否齐全完整；错投的及时退回或者转投，不再办理。' });

export const DOC25 = defineRule({ id: 'DOC-25', cite: '《公文运转管理制度》第十九条', regulation: DOCF, enforcement: 'enforce',
  text: '综合科以外的科室或个人收到主送市扶贫办或综合科的文件，只能登记交综合科，由综合科统一登记办理。' });

// Reading (GAP-E21): ordinary documents go to the 分管领导 of the subject by default; 综合科 may route to
// any 办领导 (主任 or 副主任). Idle documents: CONFLICTS §9.6 documentIdleDays has no default — no idle
// report until the office sets it.
export const DOC26 = defineRule({ id: 'DOC-26', cite: '《公文运转管理制度》第二十条', regulation: DOCF, enforcement: 'enforce',
  text: '需要办理的收文，由综合科及时签至办领导批示；紧急公文可同时复印分送承办科室；文书对经手公文逐一登记流转情况，不得漏传、误传、延误。',
  params: { idleWorkingDays: { value: null as number | null, label: '收文滞留提示（待批示超过的工作日数，未设置则不提示）', unit: '个工作日', demo: true } } });

// Reading: the text gives no office-wide time limit (“及时处理”); when the sender sets none, 综合科
// assigns one in working days (default below, a demo value). A renegotiation counts only when recorded
// on or before the deadline in force (主动沟通); one recorded later is kept but the deadline does not move.
export const DOC27 = defineRule({ id: 'DOC-27', cite: '《公文运转管理制度》第二十一条第一款', regulation: DOCF, enforcement: 'remind',
  text: '承办科室在规定时限内办理完毕；难以按时完成的，应主动与来文部门沟通并商定回复时间及方式（登记商定人、日期、新期限、答复方式），否则不得延期；逾期的催办并列入逾期清单。',
  params: { defaultHandlingWorkingDays: { value: 5, label: '来文未规定时限时的办理时限', unit: '个工作日', demo: true } } });

// Reading (GAP-E22 / CONF-121): “避免横向传阅” is enforced as hub-only circulation.
export const DOC28 = defineRule({ id: 'DOC-28', cite: '《公文运转管理制度》第二十一条第二款', regulation: DOCF, enforcement: 'enforce',
  text: '传阅文件由综合科递送，每一轮由综合科送出、退回综合科，不得横向传阅；退回后文书检查是否短缺、有无批办意见并记录。' });

export const DOC29 = defineRule({ id: 'DOC-29', cite: '《公文运转管理制度》第二十二条', regulation: DOCF, enforcement: 'enforce',
  text: '涉密公文传阅严格遵守保密规定：涉密文件不在本系统收文传阅，按涉密文件登记簿办理。' });

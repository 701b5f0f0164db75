import type { Verdict } from '../../kernel/rules';
import { DOC24, DOC27, DOC28, DOC29 } from './incoming-rules';
import { SEC23 } from './rules';

/** Pure checks of 收文办理 (no IO): the service gathers the facts and enforces the verdicts. */

/** 涉密 content never enters this register: the paper goes to the classified register (SEC-23). */
export function classificationVerdicts(classification: string): Verdict[] {
  if (classification === '无') return [SEC23.ok()];
  return [SEC23.block(`涉密信息不上网：标为“${classification}”的来文不在本系统登记，请按涉密文件管理规定由文书（绝密件由专管人员）在涉密文件登记簿中签收、登记、传阅`)];
}

export const TERMINAL_MISDELIVERED = ['returned', 'forwarded'];

/** A misdelivered document is returned or sent on and never handled (DOC-24). */
export function notMisdelivered(status: string): Verdict[] {
  return TERMINAL_MISDELIVERED.includes(status) ? [DOC24.block(`该文件为错投文件，已${status === 'returned' ? '退回' : '转投'}，不再登记办理`)] : [DOC24.ok()];
}

export interface CirculationFacts {
  /** The actor is 综合科 (may send circulation legs). */
  isHub: boolean;
  actorPersonId: string | null;
  status: string;
  classification: string;
  /** The leg that is out now, if any. */
  openLeg: { readerPersonId: string; readerName: string } | null;
  readerPersonId: string;
}

/**
 * DOC-28: every leg goes out from 综合科 and comes back to 综合科. A reader never passes the
 * document on (横向传阅); 综合科 sends the next leg only after the last one came back and was checked.
 */
export function circulationVerdicts(f: CirculationFacts): Verdict[] {
  // DOC-29: classified paper never circulates here; the table's check keeps it out, this is the second fence.
  if (f.classification !== '无') return [DOC29.block('涉密公文不在收文传阅中办理，请在涉密文件登记簿中按保密规定传阅（知悉范围内逐件传阅、交回文书）')];
  const mis = notMisdelivered(f.status);
  if (mis[0].outcome === 'block') return mis;
  if (!f.isHub) {
    if (f.openLeg && f.openLeg.readerPersonId === f.actorPersonId) {
      return [DOC28.block('不得横向传阅：阅毕请将文件退回综合科，由综合科登记后递送下一位传阅人')];
    }
    return [DOC28.block('传阅文件只能由综合科递送')];
  }
  if (f.openLeg) return [DOC28.block(`文件正在${f.openLeg.readerName}处传阅，须退回综合科清理检查后方可送下一位`)];
  if (f.readerPersonId === f.actorPersonId) return [DOC28.block('传阅须送至综合科以外的阅件人')];
  return [DOC28.ok()];
}

export interface ExtensionFacts {
  agreedWith?: string | null;
  agreedOn?: string | null;
  replyMethod?: string | null;
  newDueDate: string;
  /** The deadline in force now. */
  effectiveDueDate: string;
  today: string;
}

/**
 * DOC-27: the deadline moves only by an agreement with the sender, recorded with whom, when,
 * the new date and the reply method. Reading: the agreement counts only if recorded on or
 * before the deadline in force (主动沟通); recorded later, it is filed and the deadline stays.
 */
export function extensionVerdicts(f: ExtensionFacts): { verdicts: Verdict[]; counted: boolean } {
  const missing = [!f.agreedWith?.trim() && '商定的来文部门及联系人', !f.agreedOn && '商定日期', !f.replyMethod?.trim() && '回复方式'].filter(Boolean);
  if (missing.length) return { verdicts: [DOC27.block(`延期须经与来文部门沟通商定，请登记${missing.join('、')}`)], counted: false };
  if (f.agreedOn! > f.today) return { verdicts: [DOC27.block('商定日期不能晚于今天')], counted: false };
  if (f.newDueDate <= f.effectiveDueDate) return { verdicts: [DOC27.block(`商定的回复时间须晚于现行期限 ${f.effectiveDueDate}`)], counted: false };
  return { verdicts: [DOC27.ok()], counted: f.today <= f.effectiveDueDate };
}

/** Overdue = today after the deadline in force and not completed (DOC-27). */
export const isOverdue = (status: string, effectiveDueDate: string | null, today: string): boolean =>
  status === 'in_handling' && !!effectiveDueDate && today > effectiveDueDate;

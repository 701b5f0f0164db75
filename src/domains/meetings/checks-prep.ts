import { addDays, type LocalDate } from '../../kernel/time';
import type { Verdict } from '../../kernel/rules';
import type { BodyCode } from './checks';
import { DM07, DM08, DM09, DM11, PG02, PG03, PG04, PG07 } from './rules';

/**
 * Pure checks of a meeting's preparation (no IO): who may chair (PG-07, DM-09) and whether
 * the notice is in time (PG-04, DM-11 read as calendar days by local date, CONF-14 / N-5).
 */
export const noticeRule = (body: BodyCode) => (body === 'party_group' ? PG04 : DM11);
export const chairRule = (body: BodyCode) => (body === 'party_group' ? PG07 : DM09);

/** The latest local date on which the notice is still in time. */
export function noticeDeadline(body: BodyCode, meetingDate: LocalDate): LocalDate {
  return addDays(meetingDate, -noticeRule(body).param('leadCalendarDays'));
}

/** A notice sent after the deadline only warns (一般), and then needs a reason. */
export function noticeTiming(body: BodyCode, meetingDate: LocalDate, sentOn: LocalDate, lateReason: string | undefined): Verdict {
  const rule = noticeRule(body);
  const deadline = noticeDeadline(body, meetingDate);
  if (sentOn <= deadline) return rule.ok();
  const text = `会议一般应提前${rule.param('leadCalendarDays')}天通知 — 会议日期 ${meetingDate}，应不晚于 ${deadline} 通知，今天是 ${sentOn}`;
  if (!lateReason?.trim()) return rule.block(`${text}；迟发通知须写明理由`, { deadline });
  return rule.warn(text, { deadline });
}

export interface ChairCandidate {
  personId: string;
  /** A voting member of the body on the meeting date (党组成员 / 班子成员). */
  isMember: boolean;
  /** Holds 副主任 on the meeting date (DM-09: only a 副主任 may be entrusted). */
  isDeputyDirector: boolean;
}

/** PG-07: one 党组成员; DM-09: a 副主任. Never the holder himself, never a 列席. */
export function delegateVerdict(body: BodyCode, holderId: string, c: ChairCandidate): Verdict {
  const rule = chairRule(body);
  if (c.personId === holderId) return rule.block('受委托主持人不能是委托人本人');
  if (body === 'party_group' && !c.isMember) return rule.block('党组书记因故不能出席，只能委托一名党组成员主持；非党组成员不能主持党组会议');
  if (body === 'director_meeting' && !(c.isMember && c.isDeputyDirector)) return rule.block('主任办公会议由主任或主任委托的副主任主持');
  return rule.ok();
}

export interface OpeningFacts {
  meetingDate: LocalDate;
  timeApproved: boolean;
  /** Local date the notice went out, if it did. */
  noticeSentOn: LocalDate | null;
  /** The chair's reason for convening at short notice (临时召开), stored or given now. */
  emergencyReason: string | null | undefined;
}

/**
 * Before the chair declares the meeting open: the time approved (PG-03 / DM-07) and the notice
 * sent (PG-04 / DM-11). A notice later than the day before is accepted only for a meeting the
 * chair convenes at short notice with a recorded reason — 党组会议 "必要时可以临时召开" (PG-02),
 * 主任办公会议 "遇有重大事宜，可随时召开" (DM-08). Reading: 一般提前一天 allows exceptions, but the
 * exception must be a decision of the chair on record, not a silent late notice.
 */
export function openingVerdicts(body: BodyCode, f: OpeningFacts): Verdict[] {
  const timeRule = body === 'party_group' ? PG03 : DM07;
  const adHocRule = body === 'party_group' ? PG02 : DM08;
  const rule = noticeRule(body);
  if (!f.timeApproved) return [timeRule.block(`会议时间尚未经${body === 'party_group' ? '党组书记' : '主任'}（或受委托主持人）批准，不能宣布开会`)];
  if (!f.noticeSentOn) return [rule.block('会议通知（时间、地点、议题）尚未发出，不能宣布开会')];
  const deadline = noticeDeadline(body, f.meetingDate);
  if (f.noticeSentOn <= deadline) return [rule.ok()];
  if (!f.emergencyReason?.trim()) {
    return [rule.block(`会议通知于 ${f.noticeSentOn} 发出，未按规定提前一天（应不晚于 ${deadline}）；确需临时召开的，由主持人写明紧急事由后开会（${adHocRule.id}）`, { deadline })];
  }
  return [adHocRule.ok()];
}

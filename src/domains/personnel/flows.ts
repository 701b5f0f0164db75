import { defineFlow, type ActionFacts, type Facts, type Verb } from '../../kernel/flow';
import type { Verdict } from '../../kernel/rules';
import { checkLeave, SICK_EVIDENCE } from './checks';
import { deriveLeave, type LeaveFacts } from './facts';
import { LEAVE_TYPE_LABEL, LeaveForm, TripForm, type LeaveFormValue, type TripFormValue } from './form';
import { onLeaveComplete } from './leave-complete';
import { printLeaveForm, printTripForm } from './print';
import { LEAVE17 } from './rules';
import { checkOutbound, checkTripAction, checkTripSubmit, deriveTrip, onTripComplete, type TripFacts } from './trip-flow';

/**
 * The two approval flows of the attendance rules, on the approval engine: 请假 (one definition
 * whose steps apply by rank and length, §2.5) and 公出 (FMS-F2, TRIP-01, CONF-49).
 */
const lf = (f: Facts<LeaveFormValue>) => f.derived as unknown as LeaveFacts;
const verbOf = (step: 'section' | 'leader' | 'principal') => (f: Facts<LeaveFormValue>): Verb => lf(f).route[step] ?? 'approve';

export const LEAVE_FLOW = defineFlow<LeaveFormValue>({
  key: 'personnel.leave',
  version: 1,
  name: '请假审批',
  form: LeaveForm as never,
  title: (f) => `${f.applicant.name}${LEAVE_TYPE_LABEL[f.form.type]}${lf(f).tierHalves ? `${lf(f).workingHalves / 2}个工作日` : ''}（${f.form.startDate}至${f.form.endDate}）`,
  derive: async (ctx, form, applicant) => ({ ...(await deriveLeave(ctx, form, applicant)) }),
  checkSubmit: (_ctx, f) => checkLeave(f.form, lf(f)),
  checkAction: (a) => leaveEvidence(a),
  printForm: printLeaveForm,
  onComplete: onLeaveComplete,
  steps: [
    { id: 'gov', name: '政府分管领导意见', kind: 'external', approvers: [{ kind: 'applicant' }], verb: 'record', externalLabel: '政府分管领导', when: (f) => lf(f).route.gov, ruleIds: ['LEAVE-02'] },
    { id: 'filing', name: '书面报备', kind: 'external', approvers: [{ kind: 'applicant' }], verb: 'record', externalLabel: '书面报备', when: (f) => lf(f).route.filing, ruleIds: ['LEAVE-02'] },
    { id: 'section', name: '科室负责人意见', kind: 'single', approvers: [{ kind: 'sectionChief' }], verb: verbOf('section'), when: (f) => !!lf(f).route.section, ruleIds: ['LEAVE-05', 'LEAVE-06'] },
    { id: 'leader', name: '分管领导意见', kind: 'single', approvers: [{ kind: 'leaderOfApplicantUnit' }], verb: verbOf('leader'), when: (f) => !!lf(f).route.leader, ruleIds: ['LEAVE-04', 'LEAVE-05'] },
    { id: 'principal', name: '主要领导意见', kind: 'single', approvers: [{ kind: 'principal' }], verb: verbOf('principal'), when: (f) => !!lf(f).route.principal, ruleIds: ['LEAVE-03', 'LEAVE-04', 'LEAVE-05', 'LEAVE-11'] },
  ],
});

/** LEAVE-17: the final approval of a written sick-leave request needs the certificate. */
function leaveEvidence(a: ActionFacts<LeaveFormValue>): Verdict[] {
  if (!a.isLastStep || !['approve', 'record_external'].includes(a.action)) return [];
  const form = a.facts.form;
  if (form.type !== 'sick' || form.channel !== 'written') return [];
  if (form.attachments.some((x) => SICK_EVIDENCE.includes(x.kind))) return [];
  return [LEAVE17.block('病假须附市级正规医院诊断书或急诊就诊医疗机构证明，未附的不能批准；请退回申请人补充后重新提交')];
}

const tf = (f: Facts<TripFormValue>) => f.derived as unknown as TripFacts;

export const TRIP_FLOW = defineFlow<TripFormValue>({
  key: 'personnel.trip',
  version: 1,
  name: '公出审批',
  form: TripForm as never,
  title: (f) => `${f.applicant.name}公出${f.form.destination}（${f.form.startDate}至${f.form.endDate}）`,
  derive: async (ctx, form, applicant) => ({ ...(await deriveTrip(ctx, form, applicant)) }),
  checkSubmit: (_ctx, f) => [...checkTripSubmit(f.form, tf(f)), ...checkOutbound(f.form, tf(f), f.applicant.name)],
  checkAction: checkTripAction,
  printForm: printTripForm,
  onComplete: onTripComplete,
  steps: [
    { id: 'gov', name: '审批领导（政府分管领导）', kind: 'external', approvers: [{ kind: 'applicant' }], verb: 'record', externalLabel: '政府分管领导', when: (f) => f.applicant.grade === 'principal', ruleIds: ['TRIP-01', 'TRAVEL-07', 'TRAVEL-08'] },
    { id: 'principal', name: '审批领导', kind: 'single', approvers: [{ kind: 'principal' }], verb: 'approve', when: (f) => f.applicant.grade === 'deputy', ruleIds: ['TRIP-01', 'TRAVEL-07', 'TRAVEL-08'] },
    { id: 'leader', name: '审批领导', kind: 'single', approvers: [{ kind: 'leaderOfApplicantUnit' }], verb: 'approve', when: (f) => f.applicant.grade === 'section' || f.applicant.grade === 'general', ruleIds: ['TRIP-01', 'TRAVEL-07', 'TRAVEL-08'] },
  ],
});


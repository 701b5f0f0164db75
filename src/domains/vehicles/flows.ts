import { sql } from 'drizzle-orm';
import { defineFlow, type Applicant, type Facts, type InstanceRef } from '../../kernel/flow';
import type { Ctx } from '../../kernel/context';
import { rows } from '../../kernel/db';
import { errors } from '../../kernel/errors';
import { isPrincipalLeader, sectionChiefOf } from '../../kernel/org/lookups';
import { localDate } from '../../kernel/time';
import type { Verdict } from '../../kernel/rules';
import { DispatchForm, instantOf, RentalForm, RepairForm, type DispatchFormValue, type RentalFormValue, type RepairFormValue } from './form';
import { printDispatchSlip, printRentalForm, printRepairForm } from './print';
import { checkDocuments, checkPassengers, checkPeriod, checkRank, checkRental, checkRepairForm, checkUseCase } from './rules';

/**
 * The three vehicle forms on the approval engine.
 * - 派车单 (VUR-F1, CAR-05): 申请人 → 部门主要领导 → (municipal) 秘书长 → 分管局长, the two
 *   municipal signatures recorded from the signed slip (external steps, CONF-62); the 车队长's
 *   dispatch, or 综合科's assignment of an own vehicle, follows the approval (service.ts).
 * - 维修单 (VUR-F2, CAR-09, CONF-64): 驾驶员 → 车辆管理员 (核定项目及金额) → 办公室主任 (= 综合科科长)
 *   → 主管领导 (= the deputy supervising 综合科).
 * - 租车单 (VUR-F3, CAR-21): 申请科（室）负责人 → 办公室主任 → 办公室主管领导.
 */
export interface DispatchFacts {
  today: string;
  unitName: string | null;
  userName: string;
  userGrade: string;
  accompanyingLeaderName: string | null;
  accompanyingLeaderGrade: string | null;
  applicantIsPrincipal: boolean;
  startIso: string;
  endIso: string;
}
const df = (f: Facts<DispatchFormValue>) => f.derived as unknown as DispatchFacts;

async function person(ctx: Ctx, id: string | null, what: string): Promise<{ name: string; grade: string } | null> {
  if (!id) return null;
  const [p] = await rows<{ name: string; grade: string }>(ctx.db, sql`select name, grade from people where id = ${id} and active`);
  if (!p) throw errors.badRequest(`${what}不存在或已离岗`);
  return p;
}

export const DISPATCH_FLOW = defineFlow<DispatchFormValue>({
  key: 'vehicles.dispatch',
  version: 1,
  name: '公务用车派车',
  form: DispatchForm as never,
  title: (f) => `${df(f).userName}${f.form.kind === 'municipal' ? '申请市机关事务管理局派车' : '申请本办派车'}赴${f.form.destination}（${f.form.startAt.replace('T', ' ')}）`,
  async derive(ctx, form, applicant: Applicant) {
    const user = (await person(ctx, form.userPersonId, '用车人'))!;
    const leader = await person(ctx, form.accompanyingLeaderId, '陪同领导');
    for (const p of form.passengers) if (p.personId) await person(ctx, p.personId, `乘车人${p.name}`);
    const today = localDate(ctx.clock.now());
    const facts: DispatchFacts = {
      today,
      unitName: applicant.unitName,
      userName: user.name,
      userGrade: user.grade,
      accompanyingLeaderName: leader?.name ?? null,
      accompanyingLeaderGrade: leader?.grade ?? null,
      applicantIsPrincipal: await isPrincipalLeader(ctx.db, applicant.personId, today),
      startIso: instantOf(form.startAt).toISOString(),
      endIso: instantOf(form.endAt).toISOString(),
    };
    return { ...facts };
  },
  checkSubmit(_ctx, f): Verdict[] {
    const d = df(f);
    return [
      ...checkPeriod(d.startIso, d.endIso),
      ...checkUseCase({ ...f.form, accompanyingLeader: f.form.accompanyingLeaderId ? { personId: f.form.accompanyingLeaderId, grade: d.accompanyingLeaderGrade ?? '' } : null }),
      ...checkDocuments(f.form),
      ...checkRank({ useCase: f.form.useCase, userGrade: d.userGrade }),
      ...checkPassengers({ passengers: f.form.passengers, stops: f.form.stops.filter((s) => !s.purpose.trim()).map((s) => s.place) }),
    ];
  },
  printForm: (detail) => printDispatchSlip(detail, null),
  onComplete: (ctx, inst, outcome) => settle(ctx, 'vehicle_requests', inst, outcome),
  steps: [
    { id: 'director', name: '部门主要领导', kind: 'single', approvers: [{ kind: 'principal' }], verb: 'sign', when: (f) => !df(f).applicantIsPrincipal, ruleIds: ['CAR-05'] },
    { id: 'secretary', name: '秘书长（市政府办公室副主任签批）', kind: 'external', externalLabel: '市政府办公室副主任', approvers: [{ kind: 'post', post: 'vehicle_manager' }], verb: 'record', when: (f) => f.form.kind === 'municipal', ruleIds: ['CAR-05'] },
    { id: 'bureau', name: '分管局长（市机关事务管理局同意）', kind: 'external', externalLabel: '市机关事务管理局分管局长', approvers: [{ kind: 'post', post: 'vehicle_manager' }], verb: 'record', when: (f) => f.form.kind === 'municipal', ruleIds: ['CAR-05'] },
  ],
});

export const REPAIR_FLOW = defineFlow<RepairFormValue>({
  key: 'vehicles.repair',
  version: 1,
  name: '车辆维修审批',
  form: RepairForm as never,
  title: (f) => `${String(f.derived.plate ?? '')}维修：${f.form.items.map((i) => i.item).join('、')}（${(f.form.budgetFen / 100).toFixed(2)}元）`,
  async derive(ctx, form) {
    const [v] = await rows<{ plate: string }>(ctx.db, sql`select plate from vehicles where id = ${form.vehicleId}`);
    if (!v) throw errors.badRequest('车辆不存在');
    return { plate: v.plate, today: localDate(ctx.clock.now()), emergencyAuthorised: Boolean(form.emergencyRepairId) };
  },
  checkSubmit: (_ctx, f) => checkRepairForm(f.form, Boolean(f.derived.emergencyAuthorised)),
  printForm: (detail) => printRepairForm(detail),
  onComplete: (ctx, inst, outcome) => settle(ctx, 'vehicle_repairs', inst, outcome),
  steps: [
    { id: 'manager', name: '车辆管理员（核定维修项目及金额）', kind: 'single', approvers: [{ kind: 'post', post: 'vehicle_manager' }], verb: 'review', ruleIds: ['CAR-09', 'CAR-10'] },
    { id: 'office', name: '办公室主任', kind: 'single', approvers: [{ kind: 'formField', field: 'hubChiefId' }], verb: 'consent', ruleIds: ['CAR-09'] },
    { id: 'leader', name: '主管领导', kind: 'single', approvers: [{ kind: 'formField', field: 'hubLeaderId' }], verb: 'approve', ruleIds: ['CAR-09'] },
  ],
});

export const RENTAL_FLOW = defineFlow<RentalFormValue>({
  key: 'vehicles.rental',
  version: 1,
  name: '租车审批',
  form: RentalForm as never,
  title: (f) => `${f.applicant.unitName ?? ''}租车：${f.form.purpose}（${f.form.startDate}至${f.form.endDate}，${f.form.passengers}人）`,
  async derive(ctx, _form, applicant) {
    const year = Number(localDate(ctx.clock.now()).slice(0, 4));
    const [r] = await rows<{ seq: number }>(ctx.db, sql`select coalesce(max(seq), 0)::int + 1 as seq from vehicle_rentals where year = ${year}`);
    return { year, seq: r.seq, unitName: applicant.unitName, applicantIsChief: await isSectionHead(ctx, applicant) };
  },
  checkSubmit: (_ctx, f) => checkRental(f.form),
  printForm: (detail) => printRentalForm(detail),
  onComplete: (ctx, inst, outcome) => settle(ctx, 'vehicle_rentals', inst, outcome),
  steps: [
    { id: 'section', name: '申请科（室）负责人', kind: 'single', approvers: [{ kind: 'sectionChief' }], verb: 'sign', when: (f) => !f.derived.applicantIsChief, ruleIds: ['CAR-21'] },
    { id: 'office', name: '办公室主任', kind: 'single', approvers: [{ kind: 'formField', field: 'hubChiefId' }], verb: 'consent', ruleIds: ['CAR-21'] },
    { id: 'leader', name: '办公室主管领导', kind: 'single', approvers: [{ kind: 'formField', field: 'hubLeaderId' }], verb: 'approve', ruleIds: ['CAR-21'] },
  ],
});

/** Whether the applicant heads their own unit today (their signature is the 负责人's). */
async function isSectionHead(ctx: Ctx, a: Applicant): Promise<boolean> {
  if (!a.unitId) return false;
  const chief = await sectionChiefOf(ctx.db, a.unitId, localDate(ctx.clock.now()));
  return chief?.id === a.personId;
}

/** The ledger row follows its flow, in the same transaction. */
async function settle(ctx: Ctx, table: 'vehicle_requests' | 'vehicle_repairs' | 'vehicle_rentals', inst: InstanceRef, outcome: 'approved' | 'rejected' | 'withdrawn'): Promise<void> {
  if (table === 'vehicle_requests') await ctx.db.execute(sql`update vehicle_requests set status = ${outcome} where flow_instance_id = ${inst.id}`);
  else if (table === 'vehicle_rentals') await ctx.db.execute(sql`update vehicle_rentals set status = ${outcome} where flow_instance_id = ${inst.id}`);
  else {
    const at = outcome === 'approved' ? ctx.clock.now().toISOString() : null;
    await ctx.db.execute(sql`update vehicle_repairs set status = ${outcome}, approved_at = ${at} where flow_instance_id = ${inst.id}`);
  }
}

import { sql } from 'drizzle-orm';
import type { Ctx } from '../../kernel/context';
import { rows } from '../../kernel/db';
import { errors } from '../../kernel/errors';
import { loadWorkingCalendar } from '../../kernel/calendar';
import type { ActionFacts, Applicant, InstanceRef } from '../../kernel/flow';
import { audit } from '../../kernel/audit/write';
import { enforce, type Verdict } from '../../kernel/rules';
import { localDate } from '../../kernel/time';
import { countRange } from './days';
import { checkDepartureAtApproval } from './departure';
import { checkOutboundTrip, type OutboundTrip } from '../finance/travel';
import { TRAVEL07 } from '../finance/rules';
import { TRIP_PURPOSES, type TripFormValue } from './form';
import { TRIP01 } from './rules';

/** Facts of a 公出审批单 derived at submission. */
export interface TripFacts {
  today: string;
  /** 科级以上 (CONF-72): section cadres and leaders must be signed before the start (TRIP-01). */
  cadre: boolean;
  calendarDays: number;
  workingDays: number;
  companionNames: string[];
  /** TRAVEL-07: a trip of the same section, destination and category approved within the window. */
  repeatOf: string | null;
  /** TRAVEL-07 concerns raised at submission; the approver confirms them at the signature. */
  outboundFlags: string[];
}

export async function deriveTrip(ctx: Ctx, form: TripFormValue, applicant: Applicant): Promise<TripFacts> {
  const cal = await loadWorkingCalendar(ctx.db);
  const count = countRange(cal, { startDate: form.startDate, startHalf: 'full', endDate: form.endDate, endHalf: 'full' });
  const names = form.companions.length
    ? await rows<{ id: string; name: string }>(ctx.db, sql`select id, name from people where id in (${sql.join(form.companions.map((c) => sql`${c}`), sql`, `)}) and active`)
    : [];
  if (names.length !== new Set(form.companions).size) throw errors.badRequest('同行人员中有不存在或已离岗的人员');
  const companionNames = form.companions.map((c) => names.find((n) => n.id === c)!.name);
  const repeatOf = await repeatedTrip(ctx, form, applicant);
  const flags = checkOutboundTrip(outboundOf(form, [applicant.name, ...companionNames], repeatOf));
  return {
    today: localDate(ctx.clock.now()),
    cadre: applicant.grade !== 'general',
    calendarDays: count.calendarHalves / 2,
    workingDays: count.workingHalves / 2,
    companionNames,
    repeatOf,
    outboundFlags: flags.filter((v) => v.ruleId === 'TRAVEL-07' && v.outcome === 'warn').map((v) => (v as { message: string }).message),
  };
}

/** The form as TRAVEL-07/08 (finance/travel.ts) read it. */
function outboundOf(form: TripFormValue, travellerNames: string[], repeatOf: string | null): OutboundTrip {
  return { purposeCategory: form.purposeCategory, destination: form.destination, specialNeed: form.specialNeed, repeatOf, needsReception: form.needsReception, letter: form.letter ?? null, travellerNames };
}

/**
 * TRAVEL-07 重复性考察: the same section went to the same place for the same kind of business lately.
 * Reading: 考察 is the inspection kind of trip — 考察调研 and 学习交流; attending a meeting, a task or a
 * report to the same city again is not a repeated inspection.
 */
const INSPECTION_KINDS = ['research', 'exchange'];
async function repeatedTrip(ctx: Ctx, form: TripFormValue, applicant: Applicant): Promise<string | null> {
  if (!applicant.unitId || !INSPECTION_KINDS.includes(form.purposeCategory)) return null;
  const months = TRAVEL07.param('repeatWindowMonths') as number;
  const [r] = await rows<{ startDate: string; name: string }>(ctx.db, sql`select t.start_date::text as "startDate", p.name from personnel_trips t join people p on p.id = t.person_id
    where t.unit_id = ${applicant.unitId} and t.status = 'approved' and t.purpose_category = ${form.purposeCategory}
      and lower(trim(t.destination)) = lower(${form.destination.trim()})
      and t.start_date > (${form.startDate}::date - make_interval(months => ${months})) and t.start_date < (${form.startDate}::date + make_interval(months => ${months}))
    order by t.start_date desc limit 1`);
  return r ? `${r.startDate} ${r.name}赴${form.destination}${TRIP_PURPOSES[form.purposeCategory]}` : null;
}

/** TRAVEL-07 / TRAVEL-08 at submission: warnings the applicant acknowledges; the 公函 blocks. */
export function checkOutbound(form: TripFormValue, f: TripFacts, applicantName: string): Verdict[] {
  return checkOutboundTrip(outboundOf(form, [applicantName, ...f.companionNames], f.repeatOf));
}

/**
 * TRAVEL-07 at the signature: when submission raised one of the four prohibitions, the approver
 * confirms (acknowledges) that the trip is not one of them before signing; the trail records it.
 */
export function checkTripAction(a: ActionFacts<TripFormValue>): Verdict[] {
  const flags = (a.facts.derived as unknown as TripFacts).outboundFlags ?? [];
  if (!['approve', 'record_external'].includes(a.action) || !flags.length) return [];
  return [TRAVEL07.warn(`请审批领导确认本次公出不属于禁止情形（没有特别需要的一般性学习交流、考察调研，重复性考察，变相旅游，违规到风景名胜区举办会议和公务活动）：${flags.join('；')}`)];
}

/** TRIP-01: 科级以上 apply before the trip starts (ENFORCE); other staff are warned (CONF-49). */
export function checkTripSubmit(form: TripFormValue, f: TripFacts): Verdict[] {
  if (form.startDate >= f.today) return [];
  const msg = `公出审批单应在公出前填写并由审批领导签字：出发日期 ${form.startDate} 早于今天 ${f.today}`;
  return [f.cadre ? TRIP01.block(`科级以上干部${msg}`) : TRIP01.warn(`${msg}，属事后补批`)];
}

export function signatureVerdict(startDate: string, signDay: string, cadre: boolean): Verdict[] {
  if (signDay <= startDate) return [];
  const msg = `审批领导签字日期 ${signDay} 晚于公出开始日期 ${startDate}`;
  return [cadre ? TRIP01.block(`科级以上干部须经签字后方可公出：${msg}`) : TRIP01.warn(`${msg}，属事后补批`)];
}

/**
 * TRIP-01 at the signature is checked here rather than in checkAction, because checkAction is
 * given no clock: for 科级以上 a signature after the start day is refused (the approval's
 * transaction rolls back); for other staff the late signature (补批) is recorded in the audit.
 */
export async function onTripComplete(ctx: Ctx, inst: InstanceRef, outcome: 'approved' | 'rejected' | 'withdrawn'): Promise<void> {
  if (!inst.subjectId) return;
  if (outcome === 'approved') {
    const late = signatureVerdict(String(inst.form.startDate), localDate(ctx.clock.now()), Boolean(inst.facts.cadre));
    enforce(late.filter((v) => v.outcome === 'block'));
    // WR-19: a trip out of Baicheng is approved only with the role's reporting chain recorded.
    await checkDepartureAtApproval(ctx, 'trip', inst, String(inst.form.startDate), String(inst.form.endDate));
    if (late.length) await audit(ctx, { event: 'personnel.trip.late_signature', objectType: 'trip', objectId: inst.subjectId, detail: { ruleId: 'TRIP-01', message: (late[0] as { message: string }).message } });
  }
  // The engine says who signed last when it knows (the approval that closed the route); the
  // trail is read only otherwise.
  const [signer] = inst.signedBy
    ? [{ person: inst.signedBy.personId, at: inst.signedBy.at.toISOString() }]
    : outcome === 'approved'
      ? await rows<{ person: string; at: string }>(
          ctx.db,
          sql`select decided_by_person_id as person, decided_at as at from flow_tasks
              where instance_id = ${inst.id} and status in ('approved', 'recorded') order by decided_at desc, step_index desc limit 1`,
        )
      : [];
  await ctx.db.execute(sql`update personnel_trips set status = ${outcome},
      signed_by = ${outcome === 'approved' ? signer?.person ?? null : null},
      signed_at = ${outcome === 'approved' && signer ? new Date(signer.at).toISOString() : null}
    where id = ${inst.subjectId}`);
}

import { sql } from 'drizzle-orm';
import { can, requireActor, withTx, type Ctx } from '../../kernel/context';
import { rows, type Db } from '../../kernel/db';
import { audit } from '../../kernel/audit/write';
import { assertInScope } from '../../kernel/access/scope';
import { errors } from '../../kernel/errors';
import { newId } from '../../kernel/ids';
import { loadWorkingCalendar } from '../../kernel/calendar';
import { getFlow, startFlow } from '../../kernel/flow';
import { applicantOf, prepare } from '../../kernel/flow/engine';
import type { Flagged } from '../../kernel/rules';
import { addDays, localDate } from '../../kernel/time';
import { openDeparture } from './departure';
import { TripForm } from './form';
import { routeNames, type RouteStep } from './leave-service';
import { scopeSql } from './queries';
import type { TripFacts } from './trip-flow';

/** 公出 (FMS-F2): preview, submission, list, late return (TRIP-02), lookup for travel claims. */
export async function previewTrip(ctx: Ctx, rawForm: unknown): Promise<{ calendarDays: number; workingDays: number; route: RouteStep[]; warnings: Flagged[]; blocked: boolean; travellerNames: string[] }> {
  const applicant = await applicantOf(ctx, requireActor(ctx).personId);
  const { facts, plan, verdicts } = await prepare(ctx, getFlow('personnel.trip')!, rawForm, applicant);
  const f = facts.derived as unknown as TripFacts;
  const flagged = verdicts.filter((v): v is Flagged => v.outcome !== 'ok');
  return {
    calendarDays: f.calendarDays, workingDays: f.workingDays, route: await routeNames(ctx, plan, applicant, facts.form), warnings: flagged, blocked: flagged.some((v) => v.outcome === 'block'),
    // The persons our 公函 announces (TRAVEL-08): the page fills the letter from them.
    travellerNames: [applicant.name, ...f.companionNames],
  };
}

export async function submitTrip(ctx: Ctx, rawForm: unknown, acknowledged: string[] = []): Promise<{ id: string; instanceId: string; warnings: Flagged[] }> {
  return withTx(ctx, async (tx) => {
    const id = newId('trp');
    const res = await startFlow(tx, 'personnel.trip', { form: rawForm, subjectType: 'trip', subjectId: id, acknowledged });
    const form = TripForm.parse(rawForm);
    const me = requireActor(tx).personId!;
    const letter = form.needsReception && form.letter ? JSON.stringify(form.letter) : null;
    await tx.db.execute(sql`insert into personnel_trips (id, person_id, unit_id, flow_instance_id, destination, purpose, start_date, end_date, companions, transport, remarks,
        purpose_category, special_need, needs_reception, letter, status, created_at)
      select ${id}, p.id, p.unit_id, ${res.instanceId}, ${form.destination}, ${form.purpose}, ${form.startDate}, ${form.endDate},
        ${JSON.stringify(form.companions)}::jsonb, ${form.transport}, ${form.remarks ?? null},
        ${form.purposeCategory}, ${form.specialNeed ?? null}, ${form.needsReception}, ${letter}::jsonb, 'pending', ${tx.clock.now().toISOString()}
      from people p where p.id = ${me}`);
    if (form.leavesBaicheng) await openDeparture(tx, { type: 'trip', id, personId: me, departOn: form.startDate, returnOn: form.endDate, destination: form.destination });
    await audit(tx, { event: 'personnel.trip.submit', objectType: 'trip', objectId: id, detail: { instanceId: res.instanceId, destination: form.destination, purposeCategory: form.purposeCategory, letterDocNo: form.needsReception ? form.letter?.docNo ?? null : null, warnings: res.warnings.map((w) => w.ruleId) } });
    return { id, instanceId: res.instanceId, warnings: res.warnings };
  });
}

export interface TripRow {
  id: string;
  personId: string;
  personName: string;
  unitId: string | null;
  flowInstanceId: string | null;
  destination: string;
  purpose: string;
  startDate: string;
  endDate: string;
  companions: string[];
  transport: string;
  remarks: string | null;
  status: string;
  signedBy: string | null;
  signedByName: string | null;
  signedAt: string | null;
  returnedOn: string | null;
  overdueJustified: boolean | null;
  overdueReason: string | null;
  purposeCategory: string | null;
  specialNeed: string | null;
  needsReception: boolean;
  letter: { hostUnit: string; docNo: string; content: string; itinerary: string; persons: string[] } | null;
}

const TRIP_SELECT = sql`select t.id, t.person_id as "personId", p.name as "personName", t.unit_id as "unitId", t.flow_instance_id as "flowInstanceId",
    t.destination, t.purpose, t.start_date::text as "startDate", t.end_date::text as "endDate", t.companions, t.transport, t.remarks, t.status,
    t.signed_by as "signedBy", s.name as "signedByName", t.signed_at as "signedAt", t.returned_on::text as "returnedOn",
    t.overdue_justified as "overdueJustified", t.overdue_reason as "overdueReason",
    t.purpose_category as "purposeCategory", t.special_need as "specialNeed", t.needs_reception as "needsReception", t.letter
  from personnel_trips t join people p on p.id = t.person_id left join people s on s.id = t.signed_by`;

export async function listTrips(ctx: Ctx, q: { scope: 'mine' | 'team'; year?: number }): Promise<TripRow[]> {
  const where = [scopeSql(ctx, sql`t.person_id`, sql`t.unit_id`, q.scope === 'mine')];
  if (q.year) where.push(sql`extract(year from t.start_date) = ${q.year}`);
  return rows<TripRow>(ctx.db, sql`${TRIP_SELECT} where ${sql.join(where, sql` and `)} order by t.start_date desc limit 500`);
}

async function tripRow(db: Db, id: string): Promise<TripRow> {
  const [r] = await rows<TripRow>(db, sql`${TRIP_SELECT} where t.id = ${id}`);
  if (!r) throw errors.notFound('公出审批单');
  return r;
}

export async function tripDetail(ctx: Ctx, id: string): Promise<TripRow> {
  const r = await tripRow(ctx.db, id);
  assertInScope(ctx, { unitId: r.unitId, ownerPersonId: r.personId });
  return r;
}

/** TRIP-02: record the return; overdue working days without a proper reason count toward ATT-05. */
export async function recordTripReturn(ctx: Ctx, id: string, input: { returnedOn: string; justified?: boolean; reason?: string }): Promise<TripRow & { overdueWorkingDays: number }> {
  return withTx(ctx, async (tx) => {
    const r = await tripDetail(tx, id);
    if (r.personId !== requireActor(tx).personId && !can(tx, 'personnel.attendance')) throw errors.forbidden('只有公出人本人或综合科可以登记返回');
    if (r.status !== 'approved') throw errors.conflict('只有已批准的公出可以登记返回');
    if (input.returnedOn > localDate(tx.clock.now())) throw errors.badRequest('返回到岗日期不能晚于今天');
    const overdue = await overdueWorkingDays(tx.db, r.endDate, input.returnedOn);
    if (overdue > 0 && input.justified && !input.reason?.trim()) throw errors.badRequest('逾期返回有正当理由的，请写明理由');
    await tx.db.execute(sql`update personnel_trips set returned_on = ${input.returnedOn}, overdue_justified = ${overdue > 0 ? !!input.justified : null},
        overdue_reason = ${input.reason ?? null} where id = ${id}`);
    await audit(tx, { event: 'personnel.trip.return', objectType: 'trip', objectId: id, detail: { ...input, overdueWorkingDays: overdue } });
    return { ...(await tripRow(tx.db, id)), overdueWorkingDays: overdue };
  });
}

/** Working days after the planned end and before the day back at the post. */
export async function overdueWorkingDays(db: Db, plannedEnd: string, returnedOn: string): Promise<number> {
  const from = addDays(plannedEnd, 1);
  const to = addDays(returnedOn, -1);
  return from > to ? 0 : (await loadWorkingCalendar(db)).count(from, to);
}

export interface ApprovedTrip {
  id: string;
  personId: string;
  personName: string;
  /** 公出人: the applicant and the companions on the same form. */
  travellerIds: string[];
  destination: string;
  purpose: string;
  startDate: string;
  endDate: string;
  days: number;
  transport: string;
  approvedBy: string | null;
  approvedAt: string | null;
  flowInstanceId: string | null;
}

/** For the travel-expense claim (TRAVEL-02): the approved 公出审批单, or null. */
export async function getApprovedTrip(db: Db, id: string): Promise<ApprovedTrip | null> {
  const [r] = await rows<TripRow>(db, sql`${TRIP_SELECT} where t.id = ${id} and t.status = 'approved'`);
  if (!r) return null;
  const days = Math.round((Date.parse(`${r.endDate}T00:00:00Z`) - Date.parse(`${r.startDate}T00:00:00Z`)) / 86_400_000) + 1;
  return {
    id: r.id,
    personId: r.personId,
    personName: r.personName,
    travellerIds: [r.personId, ...r.companions],
    destination: r.destination,
    purpose: r.purpose,
    startDate: r.startDate,
    endDate: r.endDate,
    days,
    transport: r.transport,
    approvedBy: r.signedByName,
    approvedAt: r.signedAt ? new Date(r.signedAt).toISOString() : null,
    flowInstanceId: r.flowInstanceId,
  };
}

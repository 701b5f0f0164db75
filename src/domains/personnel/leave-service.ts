import { sql } from 'drizzle-orm';
import { requireActor, withTx, type Ctx } from '../../kernel/context';
import { rows } from '../../kernel/db';
import { audit } from '../../kernel/audit/write';
import { errors } from '../../kernel/errors';
import { newId } from '../../kernel/ids';
import { getFlow, startFlow, VERB_LABEL, type PlannedStep } from '../../kernel/flow';
import { applicantOf, prepare } from '../../kernel/flow/engine';
import { resolveAssignees } from '../../kernel/flow/resolve';
import type { Flagged } from '../../kernel/rules';
import { localDate } from '../../kernel/time';
import type { LeaveFacts } from './facts';
import { openDeparture } from './departure';
import { LeaveForm } from './form';
import { LEAVE11 } from './rules';

/** Preview and submission of a leave request (POST /personnel/leave/preview, /personnel/leave). */
export interface RouteStep {
  id: string;
  name: string;
  verb: string;
  verbLabel: string;
  kind: string;
  approvers: string[];
  ruleIds: string[];
  problem?: string;
}

export interface LeavePreview {
  workingDays: number;
  calendarDays: number;
  chargeableDays: number;
  unit: 'working' | 'calendar';
  balance: { type: string; entitledDays: number | null; usedDays: number; pendingDays: number; remainingDays: number | null };
  route: RouteStep[];
  warnings: Flagged[];
  blocked: boolean;
}

export async function previewLeave(ctx: Ctx, rawForm: unknown): Promise<LeavePreview> {
  const actor = requireActor(ctx);
  const applicant = await applicantOf(ctx, actor.personId);
  const { facts, plan, verdicts } = await prepare(ctx, getFlow('personnel.leave')!, rawForm, applicant);
  const f = facts.derived as unknown as LeaveFacts;
  const flagged = verdicts.filter((v): v is Flagged => v.outcome !== 'ok');
  return {
    workingDays: f.workingHalves / 2,
    calendarDays: f.calendarHalves / 2,
    chargeableDays: f.chargeableHalves / 2,
    unit: f.unit,
    balance: balanceOf(String(facts.form.type), f),
    route: await routeNames(ctx, plan, applicant, facts.form),
    warnings: flagged,
    blocked: flagged.some((v) => v.outcome === 'block'),
  };
}

function balanceOf(type: string, f: LeaveFacts): LeavePreview['balance'] {
  if (type === 'annual') {
    const a = f.annual;
    return { type, entitledDays: a.entitlementHalves / 2, usedDays: a.usedHalves / 2, pendingDays: a.pendingHalves / 2, remainingDays: (a.entitlementHalves - a.usedHalves - a.pendingHalves) / 2 };
  }
  if (type === 'personal') {
    const cap = LEAVE11.param('capDays');
    return { type, entitledDays: cap, usedDays: f.personalUsedHalves / 2, pendingDays: f.personalPendingHalves / 2, remainingDays: Math.max(0, cap * 2 - f.personalUsedHalves - f.personalPendingHalves) / 2 };
  }
  return { type, entitledDays: null, usedDays: 0, pendingDays: 0, remainingDays: null };
}

/** The route with the names of the people who would sign today. */
export async function routeNames(ctx: Ctx, plan: PlannedStep[], applicant: Parameters<typeof resolveAssignees>[2], form: Record<string, unknown>): Promise<RouteStep[]> {
  const today = localDate(ctx.clock.now());
  const out: RouteStep[] = [];
  for (const s of plan) {
    const step: RouteStep = { id: s.id, name: s.name, verb: s.verb, verbLabel: VERB_LABEL[s.verb], kind: s.kind, approvers: [], ruleIds: s.ruleIds };
    if (s.kind === 'external') step.approvers = [s.externalLabel ?? '外部审批'];
    else {
      try {
        const people = await resolveAssignees(ctx.db, s.approvers, applicant, form, today, s.name);
        step.approvers = await namesOf(ctx, people.map((p) => p.personId));
      } catch (err) {
        step.problem = err instanceof Error ? err.message : String(err);
      }
    }
    out.push(step);
  }
  return out;
}

async function namesOf(ctx: Ctx, ids: string[]): Promise<string[]> {
  if (!ids.length) return [];
  const found = await rows<{ id: string; name: string }>(ctx.db, sql`select id, name from people where id in (${sql.join(ids.map((i) => sql`${i}`), sql`, `)})`);
  return ids.map((i) => found.find((f) => f.id === i)?.name ?? i);
}

export async function submitLeave(ctx: Ctx, rawForm: unknown, acknowledged: string[] = []): Promise<{ id: string; instanceId: string; warnings: Flagged[] }> {
  return withTx(ctx, async (tx) => {
    const id = newId('lv');
    const res = await startFlow(tx, 'personnel.leave', { form: rawForm, subjectType: 'leave_request', subjectId: id, acknowledged });
    const form = LeaveForm.parse(rawForm);
    const f = res.facts as unknown as LeaveFacts;
    const actor = requireActor(tx);
    const [unit] = await rows<{ unit_id: string | null }>(tx.db, sql`select unit_id from people where id = ${actor.personId}`);
    await tx.db.execute(sql`insert into leave_requests (id, person_id, unit_id, flow_instance_id, type, special_kind, start_date, start_half, end_date, end_half,
        effective_end_date, effective_end_half, working_halves, calendar_halves, chargeable_halves, reason, channel, status, attachments, created_at)
      values (${id}, ${actor.personId}, ${unit?.unit_id ?? null}, ${res.instanceId}, ${form.type}, ${form.specialKind ?? null}, ${form.startDate}, ${form.startHalf},
        ${form.endDate}, ${form.endHalf}, ${form.endDate}, ${form.endHalf}, ${f.workingHalves}, ${f.calendarHalves}, ${f.chargeableHalves}, ${form.reason},
        ${form.channel}, 'pending', ${JSON.stringify(form.attachments)}::jsonb, ${tx.clock.now().toISOString()})`);
    if (form.leavesBaicheng) await openDeparture(tx, { type: 'leave', id, personId: actor.personId!, departOn: form.startDate, returnOn: form.endDate, destination: form.destination ?? '' });
    await audit(tx, { event: 'personnel.leave.submit', objectType: 'leave_request', objectId: id, detail: { instanceId: res.instanceId, type: form.type, workingDays: f.workingHalves / 2, chargeableDays: f.chargeableHalves / 2 } });
    return { id, instanceId: res.instanceId, warnings: res.warnings };
  });
}

export async function reload(ctx: Ctx, id: string): Promise<LeaveRow> {
  const [r] = await rows<LeaveRow>(ctx.db, sql`${LEAVE_SELECT} where q.id = ${id}`);
  if (!r) throw errors.notFound('请假记录');
  return r;
}

export interface LeaveRow {
  id: string;
  personId: string;
  personName: string;
  unitId: string | null;
  unitName: string | null;
  flowInstanceId: string | null;
  type: string;
  specialKind: string | null;
  startDate: string;
  startHalf: string;
  endDate: string;
  endHalf: string;
  effectiveEndDate: string;
  effectiveEndHalf: string;
  workingDays: number;
  calendarDays: number;
  chargeableDays: number;
  reason: string;
  channel: string;
  status: string;
  flowStatus: string | null;
  attachments: { kind: string; name: string }[];
  reportBackDue: string | null;
  reportedBackOn: string | null;
  returnedOn: string | null;
  reportBackMode: string | null;
  reportBackLate: boolean;
}

export const LEAVE_SELECT = sql`select q.id, q.person_id as "personId", p.name as "personName", q.unit_id as "unitId", u.name as "unitName",
    q.flow_instance_id as "flowInstanceId", q.type, q.special_kind as "specialKind", q.start_date::text as "startDate", q.start_half as "startHalf",
    q.end_date::text as "endDate", q.end_half as "endHalf", q.effective_end_date::text as "effectiveEndDate", q.effective_end_half as "effectiveEndHalf",
    (q.working_halves / 2.0)::float8 as "workingDays", (q.calendar_halves / 2.0)::float8 as "calendarDays", (q.chargeable_halves / 2.0)::float8 as "chargeableDays",
    q.reason, q.channel, q.status, i.status as "flowStatus", q.attachments, q.report_back_due::text as "reportBackDue",
    to_char(q.reported_back_at at time zone 'Asia/Shanghai', 'YYYY-MM-DD') as "reportedBackOn", q.returned_on::text as "returnedOn",
    q.report_back_mode as "reportBackMode",
    coalesce((q.reported_back_at at time zone 'Asia/Shanghai')::date > q.report_back_due, false) as "reportBackLate"
  from leave_requests q join people p on p.id = q.person_id left join org_units u on u.id = q.unit_id
  left join flow_instances i on i.id = q.flow_instance_id`;

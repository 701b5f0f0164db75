import { sql } from 'drizzle-orm';
import { can, requireActor, withTx, type Ctx } from '../../kernel/context';
import { rows } from '../../kernel/db';
import { audit } from '../../kernel/audit/write';
import { errors } from '../../kernel/errors';
import { newId } from '../../kernel/ids';
import { getFlow, startFlow } from '../../kernel/flow';
import { applicantOf, prepare } from '../../kernel/flow/engine';
import { resolveAssignees } from '../../kernel/flow/resolve';
import { sectionChiefOf } from '../../kernel/org/lookups';
import type { Flagged } from '../../kernel/rules';
import { localDate } from '../../kernel/time';
import { findCoveringDecision, type CoveringDecision } from '../meetings';
import { categoryDef, type Category } from './categories';
import type { ClaimFacts } from './facts';
import { ClaimForm, MEAL_TYPES, ReceptionForm, ReceptionList } from './form';
import { enforce } from '../../kernel/rules';
import { parseInput } from './office/common';
import { estimateOf } from './reception-budget';
import { assertNotFiled } from './reception-filing';
import { checkLodging, checkPayers, listHotels } from './reception-lodging';
import { flagSplitting } from './split';
import { FIN11, RECEP20 } from './rules';

/** Commands of the finance area: claims, receptions and the reception list. */
export interface RouteStep { name: string; people: string[] }

export async function previewClaim(ctx: Ctx, rawForm: unknown): Promise<{ facts: ClaimFacts; route: RouteStep[]; verdicts: Flagged[]; blocked: boolean }> {
  const applicant = await applicantOf(ctx, requireActor(ctx).personId);
  const { facts, plan, verdicts } = await prepare(ctx, getFlow('finance.claim')!, rawForm, applicant);
  const f = facts.derived as unknown as ClaimFacts;
  const route: RouteStep[] = [];
  for (const step of plan) {
    const people = await resolveAssignees(ctx.db, step.approvers, applicant, facts.form, f.today, step.name).catch(() => []);
    const names = await rows<{ name: string }>(ctx.db, sql`select name from people where id in (${sql.join(people.map((p) => sql`${p.personId}`).concat(sql`''`), sql`, `)})`);
    route.push({ name: step.name, people: names.map((n) => n.name) });
  }
  const flagged = verdicts.filter((v): v is Flagged => v.outcome !== 'ok');
  return { facts: f, route, verdicts: flagged, blocked: flagged.some((v) => v.outcome === 'block') };
}

export async function submitClaim(ctx: Ctx, rawForm: unknown, acknowledged: string[] = []): Promise<{ id: string; instanceId: string; warnings: Flagged[]; splitFlagId: string | null }> {
  return withTx(ctx, async (tx) => {
    const id = newId('clm');
    const res = await startFlow(tx, 'finance.claim', { form: rawForm, subjectType: 'finance_claim', subjectId: id, acknowledged });
    const form = ClaimForm.parse(rawForm);
    const f = res.facts as unknown as ClaimFacts;
    const me = requireActor(tx).personId!;
    const [p] = await rows<{ unit_id: string | null }>(tx.db, sql`select unit_id from people where id = ${me}`);
    await tx.db.execute(sql`insert into finance_claims (id, person_id, unit_id, flow_instance_id, category, tier, payee, purpose, amount_fen, payable_fen,
        decision_id, trip_id, reception_id, status, submitted_on, created_at)
      values (${id}, ${me}, ${p?.unit_id ?? null}, ${res.instanceId}, ${form.category}, ${f.tier}, ${form.payee}, ${form.purpose}, ${f.totalFen}, ${f.payableFen},
        ${f.decision?.id ?? null}, ${f.trip?.id ?? null}, ${f.reception?.id ?? null}, 'pending', ${f.today}, ${tx.clock.now().toISOString()})`);
    await audit(tx, { event: 'finance.claim.submit', objectType: 'finance_claim', objectId: id, detail: { instanceId: res.instanceId, tier: f.tier, amountFen: f.totalFen, decisionId: f.decision?.id ?? null } });
    const splitFlagId = await flagSplitting(tx, { id, unitId: p?.unit_id ?? null, payee: form.payee, category: form.category, submittedOn: f.today });
    return { id, instanceId: res.instanceId, warnings: res.warnings, splitFlagId };
  });
}

export interface ClaimRow {
  id: string; personId: string; personName: string; unitName: string | null; flowInstanceId: string; category: string; categoryLabel: string;
  tier: string; payee: string; purpose: string; amountFen: number; payableFen: number; decisionId: string | null; tripId: string | null;
  receptionId: string | null; status: string; submittedOn: string;
}

const CLAIM_SELECT = sql`select c.id, c.person_id as "personId", p.name as "personName", u.name as "unitName", c.flow_instance_id as "flowInstanceId",
    c.category, c.tier, c.payee, c.purpose, c.amount_fen::float8 as "amountFen", c.payable_fen::float8 as "payableFen", c.decision_id as "decisionId",
    c.trip_id as "tripId", c.reception_id as "receptionId", c.status, c.submitted_on::text as "submittedOn"
  from finance_claims c join people p on p.id = c.person_id left join org_units u on u.id = c.unit_id`;

const withLabel = (r: Omit<ClaimRow, 'categoryLabel'>): ClaimRow => ({ ...r, categoryLabel: categoryDef(r.category as Category)?.label ?? r.category });

/** Own claims, or every claim for those who keep or supervise the ledgers. */
export async function listClaims(ctx: Ctx, q: { scope: 'mine' | 'all'; year?: number }): Promise<ClaimRow[]> {
  const actor = requireActor(ctx);
  const where = [q.scope === 'all' && can(ctx, 'finance.ledger') ? sql`true` : sql`c.person_id = ${actor.personId ?? ''}`];
  if (q.year) where.push(sql`extract(year from c.submitted_on) = ${q.year}`);
  const found = await rows<Omit<ClaimRow, 'categoryLabel'>>(ctx.db, sql`${CLAIM_SELECT} where ${sql.join(where, sql` and `)} order by c.submitted_on desc, c.created_at desc limit 1000`);
  return found.map(withLabel);
}

/** The decision in force that would cover a large claim (the page offers it to link, FIVE-06). */
export async function coveringDecision(ctx: Ctx, q: { category: Category; amountFen: number }): Promise<CoveringDecision | null> {
  const matter = categoryDef(q.category).matter;
  if (!matter || categoryDef(q.category).routine) return null;
  return findCoveringDecision(ctx.db, { kind: matter, amountFen: q.amountFen });
}

export async function submitReception(ctx: Ctx, rawForm: unknown, acknowledged: string[] = []): Promise<{ id: string; instanceId: string; warnings: Flagged[] }> {
  return withTx(ctx, async (tx) => {
    const id = newId('rcp');
    // 综合科意见 is signed by the 综合科科长 of the day (RECEP-10); the client cannot choose.
    const today = localDate(tx.clock.now());
    const [hub] = await rows<{ id: string }>(tx.db, sql`select id from org_units where code = ${FIN11.param('hubUnitCode')}`);
    const chief = hub ? await sectionChiefOf(tx.db, hub.id, today) : null;
    if (!chief) throw errors.unprocessable('FLOW_NO_APPROVER', '综合科科长未在组织机构中登记，无法确定“综合科意见”的签署人');
    const form: Record<string, unknown> = { ...(rawForm as Record<string, unknown>), hubChiefId: chief.id };
    // The printed form names each room's hotel as the list called it that day (RECEP-14).
    if (Array.isArray(form.lodging)) {
      const hotels = await listHotels(tx);
      form.lodging = (form.lodging as Record<string, unknown>[]).map((l) => ({ ...l, hotelName: hotels.find((h) => h.id === l?.hotelId)?.name ?? l?.hotelName ?? '' }));
    }
    const res = await startFlow(tx, 'finance.reception', { form, subjectType: 'finance_reception', subjectId: id, acknowledged });
    const v = ReceptionForm.parse(form);
    const me = requireActor(tx).personId!;
    const n = res.facts as { year: number; seq: number };
    const estimatedFen = estimateOf(v);
    await tx.db.execute(sql`insert into finance_receptions (id, person_id, unit_id, flow_instance_id, year, seq, guest_unit, purpose, visit_start, visit_end, guests, letter, status, estimated_fen, created_at)
      select ${id}, p.id, p.unit_id, ${res.instanceId}, ${n.year}, ${n.seq}, ${v.guestUnit}, ${v.purpose}, ${v.visitStart}, ${v.visitEnd}, ${v.guests},
        ${JSON.stringify(v.letter ?? {})}::jsonb, 'pending', ${estimatedFen}, ${tx.clock.now().toISOString()} from people p where p.id = ${me}`);
    await audit(tx, { event: 'finance.reception.submit', objectType: 'finance_reception', objectId: id, detail: { instanceId: res.instanceId, guests: v.guests, estimatedFen } });
    return { id, instanceId: res.instanceId, warnings: res.warnings };
  });
}

export interface ReceptionRow {
  id: string; personId: string; personName: string; unitId: string | null; unitName: string | null; flowInstanceId: string; year: number; seq: number;
  guestUnit: string; purpose: string; visitStart: string; visitEnd: string; guests: number; status: string; approvedOn: string | null;
  list: Record<string, unknown> | null; listReviewedBy: string | null; letter: Record<string, unknown>;
  estimatedFen: number; paidOn: string | null; paidFen: number | null; payment: Record<string, unknown> | null; filedOn: string | null; filedByName: string | null; archiveRef: string | null;
}

const RECEPTION_SELECT = sql`select r.id, r.person_id as "personId", p.name as "personName", r.unit_id as "unitId", u.name as "unitName",
    r.flow_instance_id as "flowInstanceId", r.year, r.seq, r.guest_unit as "guestUnit", r.purpose, r.visit_start::text as "visitStart",
    r.visit_end::text as "visitEnd", r.guests, r.status, r.approved_on::text as "approvedOn", r.list, rv.name as "listReviewedBy", r.letter,
    r.estimated_fen::float8 as "estimatedFen", r.paid_on::text as "paidOn", r.paid_fen::float8 as "paidFen", r.payment, r.filed_on::text as "filedOn",
    fb.name as "filedByName", r.archive_ref as "archiveRef"
  from finance_receptions r join people p on p.id = r.person_id left join org_units u on u.id = r.unit_id left join people rv on rv.id = r.list_reviewed_by
    left join people fb on fb.id = r.filed_by`;

/** The register (E-REC-6): own section's, or all for the ledger keepers; searchable by visit year and unit. */
export async function listReceptions(ctx: Ctx, q: { scope: 'mine' | 'all'; year?: number; unitId?: string }): Promise<ReceptionRow[]> {
  const actor = requireActor(ctx);
  const mine = sql`(r.person_id = ${actor.personId ?? ''} or r.unit_id in (${sql.join(actor.unitIds.map((u) => sql`${u}`).concat(sql`''`), sql`, `)}))`;
  const where = [q.scope === 'all' && (can(ctx, 'finance.ledger') || can(ctx, 'finance.reception')) ? sql`true` : mine];
  if (q.year) where.push(sql`extract(year from r.visit_start) = ${q.year}`);
  if (q.unitId) where.push(sql`r.unit_id = ${q.unitId}`);
  return rows<ReceptionRow>(ctx.db, sql`${RECEPTION_SELECT} where ${sql.join(where, sql` and `)} order by r.year desc, r.seq desc limit 1000`);
}

async function reception(ctx: Ctx, id: string): Promise<ReceptionRow> {
  const [r] = await rows<ReceptionRow>(ctx.db, sql`${RECEPTION_SELECT} where r.id = ${id} for update of r`);
  if (!r) throw errors.notFound('公务接待');
  return r;
}

/** RECEP-20: the receiving section fills the list truthfully after the visit. */
export async function fillReceptionList(ctx: Ctx, id: string, raw: unknown): Promise<ReceptionRow> {
  return withTx(ctx, async (tx) => {
    const r = await reception(tx, id);
    const me = requireActor(tx);
    if (r.personId !== me.personId && !(r.unitId && me.unitIds.includes(r.unitId))) throw errors.forbidden('只有接待科室可以填写接待清单');
    if (r.status !== 'approved') throw errors.conflict('公务接待审批报告单审批完毕后方可填写接待清单');
    assertNotFiled(r);
    if (r.listReviewedBy) throw errors.conflict('接待清单已经审查，不能再修改');
    const list = parseInput(ReceptionList, raw, '接待清单');
    // RECEP-14 on the rooms actually used, RECEP-21(d) on who paid each cost.
    const payers = [...list.meals.map((m) => ({ label: `${m.date}${MEAL_TYPES[m.type]}`, payer: m.payer })),
      ...list.lodgingLines.map((l, i) => ({ label: `第${i + 1}间住宿`, payer: l.payer })), ...list.otherCosts.map((c) => ({ label: c.item, payer: c.payer }))];
    const acknowledged = ((raw as { acknowledged?: unknown })?.acknowledged as string[] | undefined) ?? [];
    enforce([...checkLodging(list.lodgingLines, await listHotels(tx)), ...checkPayers(payers)], Array.isArray(acknowledged) ? acknowledged : []);
    await tx.db.execute(sql`update finance_receptions set list = ${JSON.stringify(list)}::jsonb, list_filled_at = ${tx.clock.now().toISOString()} where id = ${id}`);
    await audit(tx, { event: 'finance.reception.list', objectType: 'finance_reception', objectId: id, detail: { totalFen: list.totalFen } });
    return reception(tx, id);
  });
}

/** RECEP-20: the head of the receiving section (相关负责人, CONF-59) reviews the list. */
export async function reviewReceptionList(ctx: Ctx, id: string): Promise<ReceptionRow> {
  return withTx(ctx, async (tx) => {
    const r = await reception(tx, id);
    const me = requireActor(tx);
    const chief = r.unitId ? await sectionChiefOf(tx.db, r.unitId, localDate(tx.clock.now())) : null;
    assertNotFiled(r);
    if (!chief || chief.id !== me.personId) throw errors.forbidden(`接待清单由接待科室负责人审查（${RECEP20.id}）`);
    if (!r.list) throw errors.conflict('接待清单尚未填写');
    if (r.listReviewedBy) throw errors.conflict('接待清单已经审查');
    await tx.db.execute(sql`update finance_receptions set list_reviewed_by = ${me.personId}, list_reviewed_at = ${tx.clock.now().toISOString()} where id = ${id}`);
    await audit(tx, { event: 'finance.reception.list_review', objectType: 'finance_reception', objectId: id });
    return reception(tx, id);
  });
}

export async function splitFlags(ctx: Ctx): Promise<{ id: string; unitName: string | null; payee: string; totalFen: number; claimIds: string[]; ruleId: string; message: string; createdAt: string }[]> {
  return rows(ctx.db, sql`select f.id, u.name as "unitName", f.payee, f.total_fen::float8 as "totalFen", f.claim_ids as "claimIds", f.rule_id as "ruleId", f.message, f.created_at as "createdAt"
    from finance_split_flags f left join org_units u on u.id = f.unit_id order by f.created_at desc limit 500`);
}

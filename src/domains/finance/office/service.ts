import { sql } from 'drizzle-orm';
import { lockNamed } from '../../../kernel/db/mutex';
import { can, requireActor, withTx, type Ctx } from '../../../kernel/context';
import { rows, type Database } from '../../../kernel/db';
import { audit } from '../../../kernel/audit/write';
import { errors } from '../../../kernel/errors';
import { newId } from '../../../kernel/ids';
import { startFlow } from '../../../kernel/flow';
import { instanceDetail } from '../../../kernel/flow/queries';
import { toPrintable } from '../../../kernel/flow/print';
import { renderFormPdf } from '../../../kernel/render/form-pdf';
import { notify } from '../../../kernel/notify';
import { sectionChiefOf } from '../../../kernel/org/lookups';
import { enforce, type Flagged, type Verdict } from '../../../kernel/rules';
import { addDays, localDate, type Clock } from '../../../kernel/time';
import { systemCtx } from '../../../kernel/context';
import { findCoveringDecision, type CoveringDecision } from '../../meetings';
import { yuan } from '../categories';
import type { BudgetFacts } from './budgets';
import { printBudgetForm } from './budgets';
import { hubChiefId, hubUnitId, parseInput } from './common';
import { DistributionInput, ExecutedAmounts, MEETING_KINDS, MeetingBudgetForm, MeetingPlanInput, PrintedInput, PrintForm, ProcurementForm, type MeetingKind } from './forms';
import type { ProcurementFacts } from './procurement';
import { MTG01, MTG02, MTG04, PRINT03 } from './rules';

/** Commands of the finance office services: procurement, meeting budgets and plans, printing. */
type Submitted = { id: string; instanceId: string; warnings: Flagged[] };

const me = async (ctx: Ctx) => {
  const personId = requireActor(ctx).personId;
  if (!personId) throw errors.forbidden('只有办内工作人员可以提交申请');
  const [p] = await rows<{ unit_id: string | null }>(ctx.db, sql`select unit_id from people where id = ${personId}`);
  return { personId, unitId: p?.unit_id ?? null };
};
const nowIso = (ctx: Ctx) => ctx.clock.now().toISOString();
const mine = (ctx: Ctx, alias: string) => {
  const a = requireActor(ctx);
  return sql`(${sql.raw(alias)}.person_id = ${a.personId ?? ''} or ${sql.raw(alias)}.unit_id in (${sql.join(a.unitIds.map((u) => sql`${u}`).concat(sql`''`), sql`, `)}))`;
};

// ── Procurement (FMS-F1) ────────────────────────────────────────────────────────────────────
export async function submitProcurement(ctx: Ctx, raw: unknown, acknowledged: string[] = []): Promise<Submitted> {
  return withTx(ctx, async (tx) => {
    const id = newId('prc');
    const form = { ...(raw as Record<string, unknown>), hubChiefId: await hubChiefId(tx) };
    const res = await startFlow(tx, 'finance.procurement', { form, subjectType: 'finance_procurement', subjectId: id, acknowledged });
    const v = ProcurementForm.parse(form);
    const f = res.facts as unknown as ProcurementFacts;
    const who = await me(tx);
    await tx.db.execute(sql`insert into finance_procurements (id, person_id, unit_id, flow_instance_id, year, seq, kind, title, amount_fen, tier, method, decision_id, status, submitted_on, created_at)
      values (${id}, ${who.personId}, ${who.unitId}, ${res.instanceId}, ${f.year}, ${f.seq}, ${v.kind}, ${v.title}, ${f.totalFen}, ${f.tier}, ${v.method}, ${f.decision?.id ?? null}, 'pending', ${f.today}, ${nowIso(tx)})`);
    await audit(tx, { event: 'finance.procurement.submit', objectType: 'finance_procurement', objectId: id, detail: { instanceId: res.instanceId, tier: f.tier, amountFen: f.totalFen, method: v.method, decisionId: f.decision?.id ?? null } });
    return { id, instanceId: res.instanceId, warnings: res.warnings };
  });
}

export interface ProcurementRow {
  id: string; no: string; personName: string; unitName: string | null; flowInstanceId: string; kind: string; title: string; amountFen: number;
  tier: string; method: string; decisionId: string | null; status: string; submittedOn: string;
}

export async function listProcurements(ctx: Ctx, q: { scope: 'mine' | 'all' }): Promise<ProcurementRow[]> {
  const where = q.scope === 'all' && can(ctx, 'finance.ledger') ? sql`true` : mine(ctx, 'r');
  return rows<ProcurementRow>(ctx.db, sql`select r.id, 'FMSF1-' || r.year || '-' || lpad(r.seq::text, 4, '0') as no, p.name as "personName", u.name as "unitName",
      r.flow_instance_id as "flowInstanceId", r.kind, r.title, r.amount_fen::float8 as "amountFen", r.tier, r.method, r.decision_id as "decisionId", r.status, r.submitted_on::text as "submittedOn"
    from finance_procurements r join people p on p.id = r.person_id left join org_units u on u.id = r.unit_id where ${where} order by r.year desc, r.seq desc limit 1000`);
}

/** The decision in force that covers a large procurement (the page offers it to link, FIVE-12). */
export async function procurementDecision(ctx: Ctx, amountFen: number): Promise<CoveringDecision | null> {
  return findCoveringDecision(ctx.db, { kind: 'procurement', amountFen });
}

// ── Meeting and training budgets (FMS-F3a / F3b) ────────────────────────────────────────────
export async function submitMeetingBudget(ctx: Ctx, raw: unknown, acknowledged: string[] = []): Promise<Submitted> {
  return withTx(ctx, async (tx) => {
    const id = newId('mtb');
    const form = { ...(raw as Record<string, unknown>), hubChiefId: await hubChiefId(tx) };
    const res = await startFlow(tx, 'finance.meeting_budget', { form, subjectType: 'finance_meeting_budget', subjectId: id, acknowledged });
    const v = MeetingBudgetForm.parse(form);
    const f = res.facts as unknown as BudgetFacts;
    const who = await me(tx);
    const lines = v.lines.map((l) => ({ item: l.item, budgetFen: l.budgetFen, executedFen: null }));
    await tx.db.execute(sql`insert into finance_meeting_budgets (id, kind, person_id, unit_id, flow_instance_id, year, name, start_date, end_date, venue, headcount, lines, budget_fen, status, created_at)
      values (${id}, ${v.kind}, ${who.personId}, ${who.unitId}, ${res.instanceId}, ${f.year}, ${v.name}, ${v.startDate}, ${v.endDate}, ${v.venue}, ${v.headcount}, ${JSON.stringify(lines)}::jsonb, ${f.budgetFen}, 'pending', ${nowIso(tx)})`);
    await audit(tx, { event: 'finance.meeting_budget.submit', objectType: 'finance_meeting_budget', objectId: id, detail: { instanceId: res.instanceId, kind: v.kind, budgetFen: f.budgetFen } });
    return { id, instanceId: res.instanceId, warnings: res.warnings };
  });
}

export interface BudgetRow {
  id: string; kind: string; personId: string; personName: string; unitId: string | null; unitName: string | null; flowInstanceId: string; year: number; name: string;
  startDate: string; endDate: string; venue: string; headcount: number; lines: { item: string; budgetFen: number; executedFen: number | null }[];
  budgetFen: number; executedFen: number | null; status: string;
}
const BUDGET_SELECT = sql`select b.id, b.kind, b.person_id as "personId", p.name as "personName", b.unit_id as "unitId", u.name as "unitName", b.flow_instance_id as "flowInstanceId",
    b.year, b.name, b.start_date::text as "startDate", b.end_date::text as "endDate", b.venue, b.headcount, b.lines, b.budget_fen::float8 as "budgetFen",
    b.executed_fen::float8 as "executedFen", b.status
  from finance_meeting_budgets b join people p on p.id = b.person_id left join org_units u on u.id = b.unit_id`;

export async function listBudgets(ctx: Ctx, q: { scope: 'mine' | 'all'; year?: number }): Promise<BudgetRow[]> {
  const where = [q.scope === 'all' && can(ctx, 'finance.ledger') ? sql`true` : mine(ctx, 'b')];
  if (q.year) where.push(sql`b.year = ${q.year}`);
  return rows<BudgetRow>(ctx.db, sql`${BUDGET_SELECT} where ${sql.join(where, sql` and `)} order by b.start_date desc limit 1000`);
}

async function budgetForUpdate(ctx: Ctx, id: string): Promise<BudgetRow> {
  const [b] = await rows<BudgetRow>(ctx.db, sql`${BUDGET_SELECT} where b.id = ${id} for update of b`);
  if (!b) throw errors.notFound('会议（培训）预算单');
  return b;
}

/**
 * MTG-04: after the meeting the handler fills the executed column, line by line; executed above
 * budget warns (the warning is recorded and shown at reimbursement). Locked row: two fills serialise.
 */
export async function fillExecuted(ctx: Ctx, id: string, raw: unknown, acknowledged: string[] = []): Promise<{ budget: BudgetRow; warnings: Flagged[] }> {
  return withTx(ctx, async (tx) => {
    const input = parseInput(ExecutedAmounts, raw, '执行金额');
    const b = await budgetForUpdate(tx, id);
    const a = requireActor(tx);
    if (b.personId !== a.personId && !(b.unitId && a.unitIds.includes(b.unitId))) throw errors.forbidden('只有承办科室可以填写执行金额');
    if (b.status !== 'approved') throw errors.conflict('预算单审批完毕后方可填写执行金额');
    const today = localDate(tx.clock.now());
    if (today < b.endDate) throw errors.conflict(`${MEETING_KINDS[b.kind as MeetingKind]}结束（${b.endDate}）后方可填写执行金额`);
    if (input.executedFen.length !== b.lines.length) throw errors.badRequest(`执行金额应逐项填写，共${b.lines.length}项`);
    const executedFen = input.executedFen.reduce((s, x) => s + x, 0);
    const verdicts: Verdict[] = [];
    const over = b.lines.map((l, i) => (input.executedFen[i] > l.budgetFen ? `${l.item}执行${yuan(input.executedFen[i])}超过预算${yuan(l.budgetFen)}` : '')).filter(Boolean);
    if (executedFen > b.budgetFen) verdicts.push(MTG04.warn(`执行金额合计${yuan(executedFen)}超过预算${yuan(b.budgetFen)}${input.note ? `；说明：${input.note}` : ''}`));
    else if (over.length) verdicts.push(MTG04.warn(`${over.join('；')}（合计未超预算）`));
    if (verdicts.length && !input.note) throw errors.unprocessable('RULE_BLOCKED', `执行金额超过预算，须填写说明（依据：${MTG04.id} ${MTG04.cite}）`);
    const warnings = enforce(verdicts, acknowledged);
    const lines = b.lines.map((l, i) => ({ ...l, executedFen: input.executedFen[i] }));
    await tx.db.execute(sql`update finance_meeting_budgets set lines = ${JSON.stringify(lines)}::jsonb, executed_fen = ${executedFen}, executed_by = ${a.personId}, executed_at = ${nowIso(tx)} where id = ${id}`);
    await audit(tx, { event: 'finance.meeting_budget.executed', objectType: 'finance_meeting_budget', objectId: id, detail: { executedFen, budgetFen: b.budgetFen, note: input.note ?? null, warnings: warnings.map((w) => w.message) } });
    return { budget: await budgetForUpdate(tx, id), warnings };
  });
}

/** FMS-F3a/F3b with the executed column as it stands now. */
export async function printBudget(ctx: Ctx, id: string): Promise<{ pdf: Buffer; fileName: string }> {
  const [b] = await rows<BudgetRow>(ctx.db, sql`${BUDGET_SELECT} where b.id = ${id}`);
  if (!b) throw errors.notFound('会议（培训）预算单');
  const detail = toPrintable(await instanceDetail(ctx, b.flowInstanceId));
  const spec = printBudgetForm({ ...detail, facts: { ...detail.facts, executed: b.lines.map((l) => l.executedFen) } });
  await audit(ctx, { event: 'finance.meeting_budget.print', objectType: 'finance_meeting_budget', objectId: id });
  return { pdf: await renderFormPdf(spec), fileName: `${b.name}${MEETING_KINDS[b.kind as MeetingKind]}费预算单.pdf` };
}

// ── The yearly plan (MTG-01, MTG-02) ────────────────────────────────────────────────────────
export interface PlanLine {
  year: number; kind: MeetingKind; label: string; status: string | null; plannedFen: number | null; justification: string | null;
  previousPlannedFen: number | null; previousExecutedFen: number; baselineFen: number | null; varianceFen: number | null; overPrevious: boolean;
  budgetedFen: number; executedFen: number;
}

async function yearTotals(ctx: Ctx, year: number, kind: MeetingKind) {
  const [plan] = await rows<{ planned_fen: number; status: string; justification: string | null }>(ctx.db, sql`select planned_fen::float8 as planned_fen, status, justification from finance_meeting_plans where year = ${year} and kind = ${kind}`);
  const [t] = await rows<{ budgeted: number; executed: number }>(ctx.db, sql`select coalesce(sum(budget_fen), 0)::float8 as budgeted, coalesce(sum(executed_fen), 0)::float8 as executed
    from finance_meeting_budgets where year = ${year} and kind = ${kind} and status in ('pending', 'approved')`);
  return { plan: plan ?? null, budgeted: t.budgeted, executed: t.executed };
}

/** MTG-02 (GAP-D-FMS10): baseline = previous year's approved plan, else its executed total. */
export async function planReport(ctx: Ctx, year: number): Promise<PlanLine[]> {
  const out: PlanLine[] = [];
  for (const kind of ['meeting', 'training'] as MeetingKind[]) {
    const cur = await yearTotals(ctx, year, kind);
    const prev = await yearTotals(ctx, year - 1, kind);
    const previousPlannedFen = prev.plan?.status === 'approved' ? prev.plan.planned_fen : null;
    const baselineFen = previousPlannedFen ?? (prev.executed > 0 ? prev.executed : null);
    const plannedFen = cur.plan?.planned_fen ?? null;
    const varianceFen = plannedFen !== null && baselineFen !== null ? plannedFen - baselineFen : null;
    out.push({ year, kind, label: `${MEETING_KINDS[kind]}费`, status: cur.plan?.status ?? null, plannedFen, justification: cur.plan?.justification ?? null, previousPlannedFen,
      previousExecutedFen: prev.executed, baselineFen, varianceFen, overPrevious: (varianceFen ?? 0) > 0, budgetedFen: cur.budgeted, executedFen: cur.executed });
  }
  return out;
}

/** 综合科 compiles the plan; above the previous year's total it warns and needs a reason (MTG-02). */
export async function savePlan(ctx: Ctx, raw: unknown, acknowledged: string[] = []): Promise<{ plan: PlanLine; warnings: Flagged[] }> {
  return withTx(ctx, async (tx) => {
    const input = parseInput(MeetingPlanInput, raw, '会议（培训）计划');
    const plannedFen = input.items.reduce((s, i) => s + i.amountFen, 0);
    await lockNamed(tx.db, `finance_meeting_plans:${input.year}:${input.kind}`);
    const [existing] = await rows<{ id: string; status: string }>(tx.db, sql`select id, status from finance_meeting_plans where year = ${input.year} and kind = ${input.kind} for update`);
    if (existing?.status === 'approved') throw errors.conflict(`${input.year}年度${MEETING_KINDS[input.kind]}计划已审定，不能再修改`);
    const [line] = (await planReport(tx, input.year)).filter((l) => l.kind === input.kind);
    const verdicts: Verdict[] = [];
    if (line.baselineFen !== null && plannedFen > line.baselineFen) {
      const msg = `${input.year}年度${MEETING_KINDS[input.kind]}费计划${yuan(plannedFen)}，超过上年${line.previousPlannedFen !== null ? '计划' : '执行'}${yuan(line.baselineFen)}（+${yuan(plannedFen - line.baselineFen)}）`;
      if (!input.justification) throw errors.unprocessable('RULE_BLOCKED', `${msg}，须说明理由（依据：${MTG02.id} ${MTG02.cite}）`, undefined);
      verdicts.push(MTG02.warn(`${msg}；理由：${input.justification}`));
    }
    const warnings = enforce(verdicts, acknowledged);
    const a = requireActor(tx);
    if (existing) {
      await tx.db.execute(sql`update finance_meeting_plans set planned_fen = ${plannedFen}, items = ${JSON.stringify(input.items)}::jsonb, justification = ${input.justification ?? null}, updated_at = ${nowIso(tx)} where id = ${existing.id}`);
    } else {
      await tx.db.execute(sql`insert into finance_meeting_plans (id, year, kind, planned_fen, items, justification, status, created_by, updated_at)
        values (${newId('mtp')}, ${input.year}, ${input.kind}, ${plannedFen}, ${JSON.stringify(input.items)}::jsonb, ${input.justification ?? null}, 'draft', ${a.personId ?? a.accountId}, ${nowIso(tx)})`);
    }
    await audit(tx, { event: 'finance.meeting_plan.save', objectType: 'finance_meeting_plan', objectId: `${input.year}-${input.kind}`, detail: { plannedFen, warnings: warnings.map((w) => w.message) } });
    const [plan] = (await planReport(tx, input.year)).filter((l) => l.kind === input.kind);
    return { plan, warnings };
  });
}

/** MTG-01: only 综合科 (its 科长) approves the plan; then it is fixed. */
export async function approvePlan(ctx: Ctx, year: number, kind: MeetingKind): Promise<PlanLine> {
  return withTx(ctx, async (tx) => {
    const a = requireActor(tx);
    const hub = await hubUnitId(tx);
    const chief = hub ? await sectionChiefOf(tx.db, hub, localDate(tx.clock.now())) : null;
    if (!chief || chief.id !== a.personId) throw errors.forbidden(`会议、培训计划由综合科统一管理，由综合科科长审定（${MTG01.id}）`);
    const [p] = await rows<{ id: string; status: string }>(tx.db, sql`select id, status from finance_meeting_plans where year = ${year} and kind = ${kind} for update`);
    if (!p) throw errors.notFound(`${year}年度${MEETING_KINDS[kind]}计划`);
    if (p.status === 'approved') throw errors.conflict('计划已审定');
    await tx.db.execute(sql`update finance_meeting_plans set status = 'approved', approved_by = ${a.personId}, approved_at = ${nowIso(tx)} where id = ${p.id}`);
    await audit(tx, { event: 'finance.meeting_plan.approve', objectType: 'finance_meeting_plan', objectId: `${year}-${kind}` });
    return (await planReport(tx, year)).find((l) => l.kind === kind)!;
  });
}

export async function planItems(ctx: Ctx, year: number): Promise<{ kind: string; items: { name: string; unitName?: string; month?: number; amountFen: number }[] }[]> {
  return rows(ctx.db, sql`select kind, items from finance_meeting_plans where year = ${year} order by kind`);
}

/**
 * MTG-01 reminder (a job): from `remindDaysBefore` days before the plan deadline, 综合科科长 is told
 * once a day while next year's meeting or training plan is missing. Idempotent per day: several
 * servers running it send one notice (a named mutex + a notice of the same day checked first).
 */
export async function remindMeetingPlan(database: Database, clock: Clock): Promise<number> {
  const ctx = systemCtx(database.db, clock);
  return withTx(ctx, async (tx) => {
    const today = localDate(clock.now());
    const nextYear = Number(today.slice(0, 4)) + 1;
    const deadline = `${today.slice(0, 4)}-${MTG01.param('planDeadline')}`;
    if (today < addDays(deadline, -MTG01.param('remindDaysBefore')) || today > deadline) return 0;
    await lockNamed(tx.db, 'finance_meeting_plan_reminder');
    const missing = (await rows<{ kind: string }>(tx.db, sql`select k.kind from (values ('meeting'), ('training')) as k(kind)
      where not exists (select 1 from finance_meeting_plans p where p.year = ${nextYear} and p.kind = k.kind)`)).map((r) => MEETING_KINDS[r.kind as MeetingKind]);
    if (!missing.length) return 0;
    const hub = await hubUnitId(tx);
    const chief = hub ? await sectionChiefOf(tx.db, hub, today) : null;
    if (!chief) return 0;
    const [sent] = await rows<{ n: number }>(tx.db, sql`select count(*)::int as n from notifications where object_type = 'finance_meeting_plan' and object_id = ${`${nextYear}:${today}`}`);
    if (sent.n > 0) return 0;
    await notify(tx.db, { recipientPersonId: chief.id, kind: 'remind', title: `请报送${nextYear}年度${missing.join('、')}计划`, body: `按财务管理制度四（五）1，会议及培训由综合科统一管理，并按规定时间（${deadline}前）提出下一年计划（${MTG01.id}）。`, link: '/finance/meeting-budgets', objectType: 'finance_meeting_plan', objectId: `${nextYear}:${today}` }, clock.now());
    return 1;
  });
}

// ── Printing (FMS-F4, PRINT-01…03) ──────────────────────────────────────────────────────────
export async function submitPrint(ctx: Ctx, raw: unknown, acknowledged: string[] = []): Promise<Submitted> {
  return withTx(ctx, async (tx) => {
    const id = newId('prt');
    const form = { ...(raw as Record<string, unknown>), hubChiefId: await hubChiefId(tx) };
    const res = await startFlow(tx, 'finance.print', { form, subjectType: 'finance_print_request', subjectId: id, acknowledged });
    const v = PrintForm.parse(form);
    const who = await me(tx);
    const year = Number(localDate(tx.clock.now()).slice(0, 4));
    await tx.db.execute(sql`insert into finance_print_requests (id, person_id, unit_id, flow_instance_id, year, title, cost_fen, quantity, scope, status, created_at)
      values (${id}, ${who.personId}, ${who.unitId}, ${res.instanceId}, ${year}, ${v.title}, ${v.costFen}, ${v.quantity}, ${v.scope}, 'pending', ${nowIso(tx)})`);
    await audit(tx, { event: 'finance.print.submit', objectType: 'finance_print_request', objectId: id, detail: { instanceId: res.instanceId, costFen: v.costFen, quantity: v.quantity } });
    return { id, instanceId: res.instanceId, warnings: res.warnings };
  });
}

export interface PrintRow {
  id: string; personName: string; unitId: string | null; unitName: string | null; flowInstanceId: string; year: number; title: string; costFen: number; quantity: number; scope: string;
  status: string; printedQuantity: number | null; printer: string | null; printedOn: string | null; distributedQuantity: number;
}
const PRINT_SELECT = sql`select r.id, p.name as "personName", r.unit_id as "unitId", u.name as "unitName", r.flow_instance_id as "flowInstanceId", r.year, r.title,
    r.cost_fen::float8 as "costFen", r.quantity, r.scope, r.status, r.printed_quantity as "printedQuantity", r.printer, r.printed_on::text as "printedOn",
    coalesce((select sum(d.quantity) from finance_print_distributions d where d.request_id = r.id), 0)::int as "distributedQuantity"
  from finance_print_requests r join people p on p.id = r.person_id left join org_units u on u.id = r.unit_id`;

export async function listPrints(ctx: Ctx, q: { scope: 'mine' | 'all'; year?: number }): Promise<PrintRow[]> {
  const where = [q.scope === 'all' && can(ctx, 'finance.ledger') ? sql`true` : mine(ctx, 'r')];
  if (q.year) where.push(sql`r.year = ${q.year}`);
  return rows<PrintRow>(ctx.db, sql`${PRINT_SELECT} where ${sql.join(where, sql` and `)} order by r.created_at desc limit 1000`);
}

async function printForUpdate(ctx: Ctx, id: string): Promise<PrintRow> {
  await ctx.db.execute(sql`select id from finance_print_requests where id = ${id} for update`);
  const [r] = await rows<PrintRow>(ctx.db, sql`${PRINT_SELECT} where r.id = ${id}`);
  if (!r) throw errors.notFound('印刷品印制申请');
  return r;
}

/** PRINT-03: only the finance function (综合科, permission finance.office) prints, after approval. */
export async function recordPrinted(ctx: Ctx, id: string, raw: unknown): Promise<PrintRow> {
  return withTx(ctx, async (tx) => {
    if (!can(tx, 'finance.office')) throw errors.forbidden(`印刷品由财务科（综合科）统一印制（${PRINT03.id}）`);
    const input = parseInput(PrintedInput, raw, '印制登记');
    const r = await printForUpdate(tx, id);
    if (r.status !== 'approved') throw errors.unprocessable('RULE_BLOCKED', `印刷申请须经综合科审核、领导签批后方可印制（依据：PRINT-02 ${PRINT03.cite}）`);
    if (r.printedQuantity !== null) throw errors.conflict('该印刷品已登记印制');
    await tx.db.execute(sql`update finance_print_requests set printed_quantity = ${input.quantity}, printer = ${input.printer}, printed_on = ${input.printedOn}, printed_by = ${requireActor(tx).personId} where id = ${id}`);
    await audit(tx, { event: 'finance.print.printed', objectType: 'finance_print_request', objectId: id, detail: input });
    return printForUpdate(tx, id);
  });
}

/** PRINT-03 登记发放: never more than was printed (the request row is locked while counting). */
export async function distribute(ctx: Ctx, id: string, raw: unknown): Promise<PrintRow> {
  return withTx(ctx, async (tx) => {
    if (!can(tx, 'finance.office')) throw errors.forbidden(`印刷品由财务科（综合科）统一登记发放（${PRINT03.id}）`);
    const input = parseInput(DistributionInput, raw, '发放登记');
    const r = await printForUpdate(tx, id);
    if (r.printedQuantity === null) throw errors.conflict('尚未登记印制，不能发放');
    if (r.distributedQuantity + input.quantity > r.printedQuantity) {
      enforce([PRINT03.block(`已发放${r.distributedQuantity}本，本次${input.quantity}本，合计超过印制数量${r.printedQuantity}本`)]);
    }
    const did = newId('pds');
    await tx.db.execute(sql`insert into finance_print_distributions (id, request_id, handed_on, recipient, quantity, receiver, recorded_by, created_at)
      values (${did}, ${id}, ${input.handedOn}, ${input.recipient}, ${input.quantity}, ${input.receiver}, ${requireActor(tx).personId ?? ''}, ${nowIso(tx)})`);
    await audit(tx, { event: 'finance.print.distribute', objectType: 'finance_print_request', objectId: id, detail: { distributionId: did, ...input } });
    return printForUpdate(tx, id);
  });
}

export async function distributions(ctx: Ctx, id: string): Promise<{ id: string; handedOn: string; recipient: string; quantity: number; receiver: string }[]> {
  return rows(ctx.db, sql`select id, handed_on::text as "handedOn", recipient, quantity, receiver from finance_print_distributions where request_id = ${id} order by handed_on, created_at`);
}

import { sql } from 'drizzle-orm';
import { rows, type Database, type Db } from '../../kernel/db';
import { requireActor, systemCtx, withTx, type Ctx } from '../../kernel/context';
import { audit } from '../../kernel/audit/write';
import { errors } from '../../kernel/errors';
import { newId } from '../../kernel/ids';
import { enforce } from '../../kernel/rules';
import { addWorkingDays } from '../../kernel/calendar';
import { isLocalDate, localDate, type Clock } from '../../kernel/time';
import {
  HAZARD_FLAG, IMMEDIATE_TYPES, MON18, measureDetailVerdict, sectorMeasureVerdict, socialSecurityVerdict, STABLE_SUBSIDIES,
  type Hazard, type MeasureFacts, type MeasureType,
} from './measure-rules';
import { assertHouseholdInScope, inScopeSql, regionScope } from './scope';

/**
 * 帮扶措施 (MON-18…MON-22): measures recorded by type as history, the sector items a
 * 两不愁三保障 problem opens (MON-18), the 应保尽保 list (MON-19) and the stable-subsidy
 * report (MON-20). Lists are one SQL statement each, filtered by the actor's region scope.
 */
export interface MeasureInput {
  householdId: string;
  type: MeasureType;
  description: string;
  responsibleBody: string;
  startDate: string;
  amountFen?: number | null;
  detail?: Record<string, unknown>;
}

async function measureFacts(db: Db, householdId: string, today: string): Promise<MeasureFacts> {
  const members = await rows<{ id: string; birthDate: string }>(db, sql`select id, birth_date::text as "birthDate" from poverty_persons where household_id = ${householdId}`);
  const supportSteps = await rows<{ supporterName: string; step: string }>(db, sql`select detail->>'supporterName' as "supporterName", detail->>'step' as step
    from poverty_measures where household_id = ${householdId} and type = 'SUPPORT_OBLIGATION'`);
  const incidents = await rows<{ id: string }>(db, sql`select id from poverty_incidents where household_id = ${householdId} and status = 'open'`);
  return { members, supportSteps, openIncidents: incidents.map((i) => i.id), today };
}

/** Record one measure on the household's open monitoring episode (never edited afterwards). */
export async function recordMeasure(ctx: Ctx, input: MeasureInput): Promise<{ id: string }> {
  const actor = requireActor(ctx);
  const today = localDate(ctx.clock.now());
  if (!isLocalDate(input.startDate)) throw errors.badRequest('开始日期格式应为 YYYY-MM-DD');
  if (!input.description.trim() || !input.responsibleBody.trim()) throw errors.badRequest('须填写措施内容和责任单位');
  await assertHouseholdInScope(ctx, input.householdId);
  return withTx(ctx, async (tx) => {
    const [m] = await rows<{ id: string; status: string }>(tx.db, sql`select id, status from poverty_monitoring where household_id = ${input.householdId} and status <> 'exited' for update`);
    if (!m || (m.status !== 'monitored' && !IMMEDIATE_TYPES.includes(input.type))) throw errors.conflict('该户不是监测户，不能登记帮扶措施');
    const detail = input.detail ?? {};
    enforce([measureDetailVerdict(input.type, detail, await measureFacts(tx.db, input.householdId, today))]);
    const id = newId('msr');
    const actionId = input.type === 'SECTOR_POLICY_FOR_GUARANTEES' ? await linkSectorAction(tx.db, input.householdId, String(detail.hazard), id) : null;
    const incidentId = input.type === 'MAJOR_DISASTER_RELIEF' ? String(detail.incidentId) : null;
    await tx.db.execute(sql`insert into poverty_measures (id, monitoring_id, household_id, type, description, responsible_body, start_date, amount_fen, detail, status, sector_action_id, incident_id, recorded_by, recorded_at)
      values (${id}, ${m.id}, ${input.householdId}, ${input.type}, ${input.description.trim()}, ${input.responsibleBody.trim()}, ${input.startDate}, ${input.amountFen ?? null},
        ${JSON.stringify(detail)}::jsonb, 'active', ${actionId}, ${incidentId}, ${actor.accountId}, ${tx.clock.now().toISOString()})`);
    await measureEvent(tx, id, 'active', null);
    await audit(tx, { event: 'poverty.measure.record', objectType: 'poverty_measure', objectId: id, detail: { householdId: input.householdId, type: input.type, sectorActionId: actionId } });
    return { id };
  });
}

/** The sector's measure answers the open item of that hazard (MON-18). */
async function linkSectorAction(db: Db, householdId: string, hazard: string, measureId: string): Promise<string | null> {
  const [a] = await rows<{ id: string }>(db, sql`update poverty_sector_actions set status = 'measure_recorded', measure_id = ${measureId}
    where household_id = ${householdId} and hazard = ${hazard} and status = 'open' returning id`);
  return a?.id ?? null;
}

async function measureEvent(ctx: Ctx, measureId: string, status: string, note: string | null) {
  await ctx.db.execute(sql`insert into poverty_measure_events (id, measure_id, status, note, account_id, at)
    values (${newId('mse')}, ${measureId}, ${status}, ${note}, ${ctx.actor?.accountId ?? null}, ${ctx.clock.now().toISOString()})`);
}

/** A measure completes or stops: the status moves, the history keeps every step. */
export async function setMeasureStatus(ctx: Ctx, id: string, input: { status: 'done' | 'stopped'; note: string }) {
  requireActor(ctx);
  if (!input.note.trim()) throw errors.badRequest('请填写情况说明');
  const [h] = await rows<{ household_id: string }>(ctx.db, sql`select household_id from poverty_measures where id = ${id}`);
  if (!h) throw errors.notFound('帮扶措施');
  await assertHouseholdInScope(ctx, h.household_id);
  return withTx(ctx, async (tx) => {
    const [m] = await rows<{ status: string }>(tx.db, sql`select status from poverty_measures where id = ${id} for update`);
    if (m.status !== 'active') throw errors.conflict('该措施已办结或已停止');
    await tx.db.execute(sql`update poverty_measures set status = ${input.status} where id = ${id}`);
    await measureEvent(tx, id, input.status, input.note.trim());
    await audit(tx, { event: 'poverty.measure.status', objectType: 'poverty_measure', objectId: id, detail: { status: input.status } });
    return { id, status: input.status };
  });
}

// ------------------------------------------------------------------------------------------
// MON-18 sector items.

/**
 * Open one item per unsecured hazard of every monitored household that has none open, in one
 * INSERT … SELECT; `householdId` narrows it to one household. The deadline is the same for
 * all items opened today, so it is computed once on the office calendar.
 */
export async function openSectorActions(ctx: Ctx, householdId?: string): Promise<number> {
  const today = localDate(ctx.clock.now());
  const due = await addWorkingDays(ctx.db, today, MON18.param('sectorActionWorkingDays'));
  const map = MON18.param('hazardSector');
  const hazards = sql.join(Object.entries(HAZARD_FLAG).map(([hz, col]) => sql`(${hz}, not h.${sql.raw(col)}, ${map[hz] ?? '其他'})`), sql`, `);
  const inserted = await rows<{ id: string }>(ctx.db, sql`insert into poverty_sector_actions (id, monitoring_id, household_id, hazard, sector, opened_on, due_on, status, created_at)
    select gc_new_id('psa'), m.id, h.id, z.hazard, z.sector, ${today}, ${due}, 'open', ${ctx.clock.now().toISOString()}
    from poverty_monitoring m join poverty_households h on h.id = m.household_id
    cross join lateral (values ${hazards}) as z(hazard, unmet, sector)
    where m.status = 'monitored' and z.unmet ${householdId ? sql`and h.id = ${householdId}` : sql``}
    on conflict (household_id, hazard) where status <> 'resolved' do nothing returning id`);
  if (inserted.length > 0) await audit(ctx, { event: 'poverty.sector_action.open', objectType: 'poverty_sector_action', detail: { n: inserted.length, ids: inserted.slice(0, 50).map((r) => r.id), householdId: householdId ?? null } });
  return inserted.length;
}

/** Hourly: items for hazards that imports or sector comparisons recorded since. */
export async function openSectorActionsJob(database: Database, clock: Clock): Promise<number> {
  const ctx = systemCtx(database.db, clock);
  return withTx(ctx, (tx) => openSectorActions(tx));
}

/** A 两不愁三保障 / drinking-water problem found on a monitored household: recorded and handed to the sector. */
export async function reportGuaranteeProblem(ctx: Ctx, householdId: string, input: { hazard: Hazard; note: string }) {
  requireActor(ctx);
  if (!input.note.trim()) throw errors.badRequest('请填写发现的问题');
  await assertHouseholdInScope(ctx, householdId);
  return withTx(ctx, async (tx) => {
    const [m] = await rows<{ id: string }>(tx.db, sql`select id from poverty_monitoring where household_id = ${householdId} and status = 'monitored' for update`);
    if (!m) throw errors.conflict('该户不是监测户');
    await tx.db.execute(sql`update poverty_households set ${sql.raw(HAZARD_FLAG[input.hazard])} = false where id = ${householdId}`);
    // An unsecured guarantee is the red definition (MON-15, rules.ts suggestLevel): the suggestion follows at once, logged.
    const [moved] = await rows<{ old: string | null }>(tx.db, sql`update poverty_monitoring n set suggested_level = 'RED', suggested_rule = 'MON-15' from poverty_monitoring o
      where n.id = ${m.id} and o.id = n.id and (n.suggested_level is distinct from 'RED' or n.suggested_rule is distinct from 'MON-15') returning o.suggested_level as old`);
    if (moved && moved.old !== 'RED') {
      await tx.db.execute(sql`insert into poverty_level_changes (id, monitoring_id, kind, from_level, to_level, rule_id, reason, account_id, at)
        values (${newId('lvc')}, ${m.id}, 'suggested', ${moved.old}, 'RED', 'MON-15', '“两不愁三保障”及饮水安全未有效保障', ${tx.actor?.accountId ?? null}, ${tx.clock.now().toISOString()})`);
    }
    await audit(tx, { event: 'poverty.guarantee.problem', objectType: 'poverty_household', objectId: householdId, detail: { hazard: input.hazard, note: input.note.trim() } });
    await openSectorActions(tx, householdId);
    const [a] = await rows<{ id: string; sector: string; dueOn: string }>(tx.db, sql`select id, sector, due_on::text as "dueOn" from poverty_sector_actions where household_id = ${householdId} and hazard = ${input.hazard} and status <> 'resolved'`);
    return a;
  });
}

/** The problem is solved: only after the sector's measure is on record (MON-18); the household's flag is set secured. */
export async function resolveSectorAction(ctx: Ctx, id: string, input: { resolvedOn: string; result: string }) {
  requireActor(ctx);
  const today = localDate(ctx.clock.now());
  if (!isLocalDate(input.resolvedOn) || input.resolvedOn > today) throw errors.badRequest('解决日期无效或晚于今天');
  if (!input.result.trim()) throw errors.badRequest('请填写解决情况');
  const [x] = await rows<{ household_id: string }>(ctx.db, sql`select household_id from poverty_sector_actions where id = ${id}`);
  if (!x) throw errors.notFound('行业部门落实事项');
  await assertHouseholdInScope(ctx, x.household_id);
  return withTx(ctx, async (tx) => {
    const [a] = await rows<{ status: string; hazard: Hazard; sector: string; opened_on: string }>(tx.db, sql`select status, hazard, sector, opened_on::text from poverty_sector_actions where id = ${id} for update`);
    if (a.status === 'resolved') throw errors.conflict('该事项已解决');
    enforce([a.status === 'open' ? MON18.block(`须先记录${a.sector}部门落实的行业政策措施，方可标记问题已解决`) : MON18.ok()]);
    if (input.resolvedOn < a.opened_on) throw errors.badRequest('解决日期早于问题登记日期');
    await tx.db.execute(sql`update poverty_sector_actions set status = 'resolved', resolved_on = ${input.resolvedOn}, result = ${input.result.trim()} where id = ${id}`);
    await tx.db.execute(sql`update poverty_households set ${sql.raw(HAZARD_FLAG[a.hazard])} = true where id = ${x.household_id}`);
    await audit(tx, { event: 'poverty.sector_action.resolve', objectType: 'poverty_sector_action', objectId: id, detail: { hazard: a.hazard } });
    return { id, status: 'resolved' };
  });
}

export interface SectorActionRow { id: string; householdId: string; householdCode: string; householderName: string; villageName: string; hazard: string; sector: string; openedOn: string; dueOn: string; status: string; resolvedOn: string | null; result: string | null; measure: string | null; overdue: boolean }

export async function listSectorActions(ctx: Ctx, f: { status?: string } = {}): Promise<SectorActionRow[]> {
  const today = localDate(ctx.clock.now());
  return rows<SectorActionRow>(ctx.db, sql`select a.id, a.household_id as "householdId", h.code as "householdCode", h.householder_name as "householderName", v.name as "villageName",
    a.hazard, a.sector, a.opened_on::text as "openedOn", a.due_on::text as "dueOn", a.status, a.resolved_on::text as "resolvedOn", a.result, ms.description as measure,
    (a.status = 'open' and a.due_on < ${today}) as overdue
    from poverty_sector_actions a join poverty_households h on h.id = a.household_id join poverty_regions v on v.code = h.village_code
    left join poverty_measures ms on ms.id = a.measure_id
    where ${inScopeSql(await regionScope(ctx))} ${f.status ? sql`and a.status = ${f.status}` : sql``}
    order by (a.status = 'resolved'), a.due_on, h.code`);
}

// ------------------------------------------------------------------------------------------
// MON-19 应保尽保.

export interface MissingSocialRow { householdId: string; householdCode: string; householderName: string; villageName: string; level: string | null; members: number; extremePoor: boolean }

/** Monitored households with no member able to work and no social-security measure in force. */
export async function missingSocialSecurity(ctx: Ctx): Promise<MissingSocialRow[]> {
  return rows<MissingSocialRow>(ctx.db, sql`select h.id as "householdId", h.code as "householdCode", h.householder_name as "householderName", v.name as "villageName",
    m.level, h.member_count as members, h.extreme_poor as "extremePoor"
    from poverty_monitoring m join poverty_households h on h.id = m.household_id join poverty_regions v on v.code = h.village_code
    where m.status = 'monitored' and ${inScopeSql(await regionScope(ctx))}
      and not exists (select 1 from poverty_persons p where p.household_id = h.id and p.labour_capacity in ('full', 'skilled', 'weak'))
      and not exists (select 1 from poverty_measures s where s.household_id = h.id and s.type = 'SOCIAL_SECURITY' and s.status <> 'stopped')
    order by h.code`);
}

/** MON-19 at exit: a warning to acknowledge when the household has no labour and no social security. */
export async function socialSecurityCheck(db: Db, householdId: string) {
  const [r] = await rows<{ working: number; social: number }>(db, sql`select
    (select count(*)::int from poverty_persons p where p.household_id = ${householdId} and p.labour_capacity in ('full', 'skilled', 'weak')) as working,
    (select count(*)::int from poverty_measures s where s.household_id = ${householdId} and s.type = 'SOCIAL_SECURITY' and s.status <> 'stopped') as social`);
  return socialSecurityVerdict(r.working, r.social);
}

// ------------------------------------------------------------------------------------------
// Household view and ledgers.

export interface MeasureRow { id: string; householdId: string; householdCode: string; householderName: string; villageName: string; type: string; description: string; responsibleBody: string; startDate: string; amountFen: number | null; detail: Record<string, unknown>; status: string; recordedAt: string; recordedByName: string | null }

const MEASURE_SELECT = sql`select s.id, s.household_id as "householdId", h.code as "householdCode", h.householder_name as "householderName", v.name as "villageName",
  s.type, s.description, s.responsible_body as "responsibleBody", s.start_date::text as "startDate", s.amount_fen::float8 as "amountFen", s.detail, s.status,
  s.recorded_at as "recordedAt", coalesce(pp.name, a.username) as "recordedByName"
  from poverty_measures s join poverty_households h on h.id = s.household_id join poverty_regions v on v.code = h.village_code
  left join accounts a on a.id = s.recorded_by left join people pp on pp.id = a.person_id`;

/** One household: measures with their status history, open items, warnings (MON-18, MON-19). */
export async function householdMeasures(ctx: Ctx, householdId: string) {
  await assertHouseholdInScope(ctx, householdId);
  const measures = await rows<MeasureRow>(ctx.db, sql`${MEASURE_SELECT} where s.household_id = ${householdId} order by s.start_date desc, s.recorded_at desc`);
  const events = await rows<{ measureId: string; status: string; note: string | null; at: string }>(ctx.db, sql`select e.measure_id as "measureId", e.status, e.note, e.at
    from poverty_measure_events e join poverty_measures s on s.id = e.measure_id where s.household_id = ${householdId} order by e.at, e.id`);
  const actions = (await listSectorActions(ctx)).filter((a) => a.householdId === householdId);
  const members = await rows<{ id: string; name: string; birthDate: string; relation: string }>(ctx.db, sql`select id, name, birth_date::text as "birthDate", relation from poverty_persons where household_id = ${householdId} order by relation <> '户主', birth_date`);
  const warnings = [sectorMeasureVerdict(actions.filter((a) => a.status === 'open')), await socialSecurityCheck(ctx.db, householdId)].filter((v) => v.outcome !== 'ok');
  return { measures: measures.map((m) => ({ ...m, history: events.filter((e) => e.measureId === m.id) })), actions, members, warnings };
}

/** The measure ledger (XLSX), page by page in id order. */
export async function* allMeasures(ctx: Ctx, f: { type?: string; from?: string; to?: string }): AsyncGenerator<MeasureRow> {
  const scope = await regionScope(ctx);
  let after = '';
  for (;;) {
    const page = await rows<MeasureRow>(ctx.db, sql`${MEASURE_SELECT} where ${inScopeSql(scope)} and s.id > ${after}
      ${f.type ? sql`and s.type = ${f.type}` : sql``} ${f.from ? sql`and s.start_date >= ${f.from}` : sql``} ${f.to ? sql`and s.start_date <= ${f.to}` : sql``}
      order by s.id limit 2000`);
    yield* page;
    if (page.length < 2000) return;
    after = page[page.length - 1].id;
  }
}

// ------------------------------------------------------------------------------------------
// MON-20 stable-subsidy report.

/**
 * The latest check of each monitored household, counted per subsidy (paid / not paid / not
 * applicable), and the monitored households never checked — two statements.
 */
export async function subsidyReport(ctx: Ctx) {
  const scope = inScopeSql(await regionScope(ctx));
  const counts = await rows<{ subsidy: string; paid: number; notPaid: number; notApplicable: number }>(ctx.db, sql`with latest as (
      select distinct on (s.household_id) s.household_id, s.detail from poverty_measures s join poverty_households h on h.id = s.household_id
      where s.type = 'STABLE_SUBSIDY_CHECK' and ${scope} order by s.household_id, s.start_date desc, s.recorded_at desc)
    select i.key as subsidy, count(*) filter (where i.value = 'paid')::int as paid, count(*) filter (where i.value = 'not_paid')::int as "notPaid",
      count(*) filter (where i.value = 'not_applicable')::int as "notApplicable"
    from latest cross join lateral jsonb_each_text(latest.detail->'items') i group by i.key`);
  const notPaid = await rows<{ householdId: string; householdCode: string; householderName: string; villageName: string; checkedOn: string; checkKind: string; items: string[] }>(ctx.db, sql`with latest as (
      select distinct on (s.household_id) s.household_id, s.start_date, s.detail from poverty_measures s
      where s.type = 'STABLE_SUBSIDY_CHECK' order by s.household_id, s.start_date desc, s.recorded_at desc)
    select h.id as "householdId", h.code as "householdCode", h.householder_name as "householderName", v.name as "villageName", l.start_date::text as "checkedOn",
      l.detail->>'checkKind' as "checkKind", array(select key from jsonb_each_text(l.detail->'items') where value = 'not_paid' order by key) as items
    from latest l join poverty_households h on h.id = l.household_id join poverty_regions v on v.code = h.village_code
    where ${scope} and exists (select 1 from jsonb_each_text(l.detail->'items') where value = 'not_paid') order by h.code`);
  const unchecked = await rows<{ householdId: string; householdCode: string; householderName: string; villageName: string }>(ctx.db, sql`select h.id as "householdId", h.code as "householdCode",
    h.householder_name as "householderName", v.name as "villageName"
    from poverty_monitoring m join poverty_households h on h.id = m.household_id join poverty_regions v on v.code = h.village_code
    where m.status = 'monitored' and ${scope} and not exists (select 1 from poverty_measures s where s.household_id = h.id and s.type = 'STABLE_SUBSIDY_CHECK') order by h.code`);
  const order = (s: string) => (STABLE_SUBSIDIES as readonly string[]).indexOf(s);
  return { bySubsidy: counts.sort((a, b) => order(a.subsidy) - order(b.subsidy)), notPaid, unchecked };
}

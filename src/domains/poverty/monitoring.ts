import { sql } from 'drizzle-orm';
import { rows, type Db } from '../../kernel/db';
import { requireActor, withTx, type Ctx } from '../../kernel/context';
import { audit } from '../../kernel/audit/write';
import { errors } from '../../kernel/errors';
import { newId } from '../../kernel/ids';
import { enforce, type Verdict } from '../../kernel/rules';
import { localDate } from '../../kernel/time';
import {
  c1Verdict, categoryVerdict, confirmVerdicts, exitVerdict, expenditureHint, levelChoiceVerdict, MON09, povertyStandard, scaleVerdict,
  SECTORS, suggestLevel, type Category, type Criteria, type Level, type LevelFacts,
} from './rules';
import { assertHouseholdInScope, assertMonitoringInScope, inScopeSql, regionScope } from './scope';
import { HAZARD_FLAG } from './measure-rules';
import { openSectorActions, socialSecurityCheck } from './measures';

/**
 * The monitoring procedure (P-MON-A…E): propose → verify → county confirms with a colour →
 * colour changes → exit. Current state sits on poverty_monitoring; every step is also an
 * append-only event, and every colour change a poverty_level_changes row (never overwritten).
 */
interface MonRow {
  id: string;
  household_id: string;
  category: string;
  status: string;
  channel: string;
  sector_department: string | null;
  criteria: Criteria;
  level: Level | null;
  suggested_level: Level | null;
}

async function loadMon(db: Db, id: string): Promise<MonRow> {
  const [m] = await rows<MonRow>(db, sql`select id, household_id, category, status, channel, sector_department, criteria, level, suggested_level from poverty_monitoring where id = ${id} for update`);
  if (!m) throw errors.notFound('监测记录');
  return m;
}

export async function levelFacts(db: Db, householdId: string): Promise<LevelFacts & { registeredStatus: string; netIncomePerHeadFen: number | null; incomeYear: number | null }> {
  const [h] = await rows<{ registered_status: string; extreme_poor: boolean; disposable: number | null; net: number | null; income_year: number | null; education_secured: boolean; medical_secured: boolean; housing_secured: boolean; water_secured: boolean; income_only_transfers: boolean; working: number; lost: number }>(
    db,
    sql`select h.registered_status, h.extreme_poor, h.disposable_income_per_head_fen::float8 as disposable, h.net_income_per_head_fen::float8 as net, h.income_year,
      h.education_secured, h.medical_secured, h.housing_secured, h.water_secured, h.income_only_transfers,
      (select count(*)::int from poverty_persons p where p.household_id = h.id and p.labour_capacity in ('full', 'skilled', 'weak')) as working,
      (select count(*)::int from poverty_persons p where p.household_id = h.id and p.labour_capacity = 'lost') as lost
      from poverty_households h where h.id = ${householdId}`,
  );
  if (!h) throw errors.notFound('农户');
  return {
    registeredStatus: h.registered_status,
    extremePoor: h.extreme_poor,
    workingMembers: h.working,
    lostMembers: h.lost,
    disposableIncomePerHeadFen: h.disposable,
    netIncomePerHeadFen: h.net,
    incomeYear: h.income_year,
    standardFen: h.income_year === null ? null : povertyStandard(h.income_year),
    educationSecured: h.education_secured,
    medicalSecured: h.medical_secured,
    housingSecured: h.housing_secured,
    waterSecured: h.water_secured,
    incomeOnlyTransfers: h.income_only_transfers,
  };
}

/** MON-03/MON-04/MON-05 hints for a household: what the data says, for the person deciding. */
export async function criteriaHints(ctx: Ctx, householdId: string) {
  await assertHouseholdInScope(ctx, householdId);
  const f = await levelFacts(ctx.db, householdId);
  const [h] = await rows<{ rigid: number | null; last: number | null }>(ctx.db, sql`select rigid_expenditure_fen::float8 as rigid, last_year_income_fen::float8 as last from poverty_households where id = ${householdId}`);
  const hazards = [
    !f.educationSecured && 'COMPULSORY_EDUCATION',
    !f.medicalSecured && 'BASIC_MEDICAL',
    !f.housingSecured && 'HOUSING_SAFETY',
    !f.waterSecured && 'DRINKING_WATER',
  ].filter(Boolean);
  return {
    c1: c1Verdict(f.disposableIncomePerHeadFen, f.standardFen),
    c2: expenditureHint(h.rigid, h.last, f.disposableIncomePerHeadFen),
    c3: hazards,
    suggested: suggestLevel(f),
  };
}

export interface ProposeInput {
  householdId: string;
  category: Category;
  channel: string;
  sectorDepartment?: string;
  criteria: Criteria;
  note?: string;
}

export async function proposeMonitoring(ctx: Ctx, input: ProposeInput): Promise<{ id: string }> {
  const actor = requireActor(ctx);
  await assertHouseholdInScope(ctx, input.householdId);
  return withTx(ctx, async (tx) => {
    const f = await levelFacts(tx.db, input.householdId);
    const verdicts: Verdict[] = [categoryVerdict(f.registeredStatus, input.category)];
    if (input.channel === 'SECTOR_SCREENING') {
      const ok = input.sectorDepartment && (SECTORS as readonly string[]).some((s) => input.sectorDepartment === s || (s === '其他' && input.sectorDepartment!.startsWith('其他：')));
      verdicts.push(ok ? MON09.ok() : MON09.block('行业部门应为所列部门之一，或“其他：部门名称”'));
    }
    enforce(verdicts);
    const [open] = await rows<{ id: string }>(tx.db, sql`select id from poverty_monitoring where household_id = ${input.householdId} and status <> 'exited'`);
    if (open) throw errors.conflict('该户已在监测中或已提出纳入');
    const id = newId('mon');
    const s = suggestLevel(f);
    const now = tx.clock.now().toISOString();
    await tx.db.execute(sql`insert into poverty_monitoring (id, household_id, category, status, channel, sector_department, criteria, suggested_level, suggested_rule, proposed_at, proposed_by)
      values (${id}, ${input.householdId}, ${input.category}, 'proposed', ${input.channel}, ${input.sectorDepartment ?? null}, ${JSON.stringify(input.criteria)}::jsonb,
        ${s.level}, ${s.ruleId}, ${now}, ${actor.accountId})`);
    await event(tx, id, 'propose', { body: null, detail: { channel: input.channel, criteria: input.criteria, note: input.note ?? null } });
    await audit(tx, { event: 'poverty.monitoring.propose', objectType: 'poverty_monitoring', objectId: id, detail: { householdId: input.householdId, channel: input.channel } });
    return { id };
  });
}

async function event(ctx: Ctx, monitoringId: string, kind: string, e: { body: string | null; actorName?: string; detail?: unknown }) {
  await ctx.db.execute(sql`insert into poverty_monitoring_events (id, monitoring_id, kind, body, actor_name, account_id, detail, at)
    values (${newId('mev')}, ${monitoringId}, ${kind}, ${e.body}, ${e.actorName ?? ctx.actor?.displayName ?? null}, ${ctx.actor?.accountId ?? null},
      ${e.detail === undefined ? null : JSON.stringify(e.detail)}::jsonb, ${ctx.clock.now().toISOString()})`);
}

/** A verification (核实确认) by a body — 驻村工作队, 包村干部, 村两委, 乡镇 …: who confirmed what. */
export async function verifyMonitoring(ctx: Ctx, id: string, v: { body: string; actorName: string; finding: string }): Promise<void> {
  requireActor(ctx);
  await assertMonitoringInScope(ctx, id);
  await withTx(ctx, async (tx) => {
    const m = await loadMon(tx.db, id);
    if (m.status !== 'proposed') throw errors.conflict('只有待确认的记录可以登记核实');
    await event(tx, id, 'verify', { body: v.body, actorName: v.actorName, detail: { finding: v.finding } });
    await audit(tx, { event: 'poverty.monitoring.verify', objectType: 'poverty_monitoring', objectId: id, detail: { body: v.body } });
  });
}

/** County poverty office confirms inclusion with one colour (MON-02, 07, 08, 09, 10, 14, 15, 06). */
export async function confirmMonitoring(ctx: Ctx, id: string, input: { level?: Level | null; levelReason?: string; includedOn?: string; acknowledged?: string[] }) {
  const actor = requireActor(ctx);
  await assertMonitoringInScope(ctx, id);
  return withTx(ctx, async (tx) => {
    const m = await loadMon(tx.db, id);
    if (m.status !== 'proposed') throw errors.conflict('该记录不是待确认状态');
    const verifications = await rows<{ body: string; actorName: string }>(tx.db, sql`select body, actor_name as "actorName" from poverty_monitoring_events where monitoring_id = ${id} and kind = 'verify'`);
    const verdicts = confirmVerdicts({ channel: m.channel, sectorDepartment: m.sector_department, criteria: m.criteria }, verifications, input.level);
    enforce(verdicts.filter((v) => v.outcome === 'block'));
    const level = input.level as Level;
    verdicts.push(levelChoiceVerdict(level, m.suggested_level ?? 'BLUE', input.levelReason));
    verdicts.push(...(await scaleVerdicts(tx.db, m.household_id)));
    const acknowledged = enforce(verdicts, input.acknowledged ?? []);
    const day = input.includedOn ?? localDate(tx.clock.now());
    await tx.db.execute(sql`update poverty_monitoring set status = 'monitored', level = ${level}, level_reason = ${input.levelReason ?? null},
      included_on = ${day}, confirmed_by = ${actor.accountId} where id = ${id}`);
    await event(tx, id, 'confirm', { body: '县扶贫办', detail: { level, levelReason: input.levelReason ?? null, acknowledged: acknowledged.map((w) => w.ruleId) } });
    await levelChange(tx, id, 'confirmed', null, level, 'MON-14', input.levelReason ?? '确认纳入');
    // MON-18: the confirmed C3 hazards become household facts and open the sector items.
    for (const hz of m.criteria.C3?.hazards ?? []) await tx.db.execute(sql`update poverty_households set ${sql.raw(HAZARD_FLAG[hz])} = false where id = ${m.household_id}`);
    await openSectorActions(tx, m.household_id);
    await audit(tx, { event: 'poverty.monitoring.confirm', objectType: 'poverty_monitoring', objectId: id, detail: { level, acknowledged: acknowledged.map((w) => w.ruleId) } });
    return { id, level, warnings: acknowledged };
  });
}

async function levelChange(ctx: Ctx, id: string, kind: string, from: string | null, to: string, ruleId: string | null, reason: string) {
  await ctx.db.execute(sql`insert into poverty_level_changes (id, monitoring_id, kind, from_level, to_level, rule_id, reason, account_id, at)
    values (${newId('lvc')}, ${id}, ${kind}, ${from}, ${to}, ${ruleId}, ${reason}, ${ctx.actor?.accountId ?? null}, ${ctx.clock.now().toISOString()})`);
}

/** A person changes the confirmed colour: always with a reason, logged (CONF-101). */
export async function setLevel(ctx: Ctx, id: string, input: { level: Level; reason: string; acknowledged?: string[] }) {
  requireActor(ctx);
  await assertMonitoringInScope(ctx, id);
  if (!input.reason.trim()) throw errors.badRequest('调整预警等级须说明理由');
  return withTx(ctx, async (tx) => {
    const m = await loadMon(tx.db, id);
    if (m.status !== 'monitored') throw errors.conflict('只有监测中的农户可以调整预警等级');
    if (m.level === input.level) return { id, level: m.level };
    const ack = enforce([levelChoiceVerdict(input.level, m.suggested_level ?? 'BLUE', input.reason)], input.acknowledged ?? []);
    await tx.db.execute(sql`update poverty_monitoring set level = ${input.level}, level_reason = ${input.reason} where id = ${id}`);
    await levelChange(tx, id, 'confirmed', m.level, input.level, null, input.reason);
    await event(tx, id, 'level', { body: '县扶贫办', detail: { from: m.level, to: input.level, reason: input.reason } });
    await audit(tx, { event: 'poverty.monitoring.level', objectType: 'poverty_monitoring', objectId: id, detail: { from: m.level, to: input.level, acknowledged: ack.map((w) => w.ruleId) } });
    return { id, level: input.level };
  });
}

/** MON-24: exit on net income stably above 1 × S and all four guarantees met. */
export async function exitMonitoring(ctx: Ctx, id: string, input: { incomeStable: boolean; evidence: string; exitedOn?: string; acknowledged?: string[] }) {
  requireActor(ctx);
  await assertMonitoringInScope(ctx, id);
  return withTx(ctx, async (tx) => {
    const m = await loadMon(tx.db, id);
    if (m.status !== 'monitored') throw errors.conflict('只有监测中的农户可以退出监测');
    const f = await levelFacts(tx.db, m.household_id);
    // MON-19 is a warning: exit of a household without labour and without social security needs it acknowledged.
    const ack = enforce([exitVerdict({ ...f, incomeStable: input.incomeStable, stabilityEvidence: input.evidence }), await socialSecurityCheck(tx.db, m.household_id)], input.acknowledged ?? []);
    const day = input.exitedOn ?? localDate(tx.clock.now());
    await tx.db.execute(sql`update poverty_monitoring set status = 'exited', exited_on = ${day} where id = ${id}`);
    await event(tx, id, 'exit', { body: '县扶贫办', detail: { netIncomePerHeadFen: f.netIncomePerHeadFen, standardFen: f.standardFen, evidence: input.evidence, guarantees: 'all' } });
    await audit(tx, { event: 'poverty.monitoring.exit', objectType: 'poverty_monitoring', objectId: id, detail: { acknowledged: ack.map((w) => w.ruleId) } });
    return { id, exitedOn: day };
  });
}

/** MON-06 per county, in persons (CONF-102); `extraHousehold` counts a household about to be included. */
export async function scaleReport(db: Db, extraHousehold?: string) {
  return rows<{ countyCode: string; countyName: string; deepPoverty: boolean; registeredPersons: number; monitoredPersons: number }>(
    db,
    sql`select c.code as "countyCode", c.name as "countyName", c.deep_poverty as "deepPoverty",
      coalesce((select sum(h.member_count)::int from poverty_households h where h.county_code = c.code and h.registered_status in ('poor', 'exited')), 0) as "registeredPersons",
      coalesce((select sum(h.member_count)::int from poverty_households h where h.county_code = c.code
        and (exists (select 1 from poverty_monitoring m where m.household_id = h.id and m.status = 'monitored') or h.id = ${extraHousehold ?? ''})), 0) as "monitoredPersons"
      from poverty_regions c where c.level = 'county' order by c.code`,
  );
}

async function scaleVerdicts(db: Db, householdId: string): Promise<Verdict[]> {
  const [h] = await rows<{ county_code: string }>(db, sql`select county_code from poverty_households where id = ${householdId}`);
  const report = await scaleReport(db, householdId);
  return report.filter((r) => r.countyCode === h.county_code).map((r) => scaleVerdict(r.registeredPersons, r.monitoredPersons, r.deepPoverty));
}

export async function monitoringHistory(ctx: Ctx, id: string) {
  await assertMonitoringInScope(ctx, id);
  const events = await rows(ctx.db, sql`select kind, body, actor_name as "actorName", detail, at from poverty_monitoring_events where monitoring_id = ${id} order by at, id`);
  const levels = await rows(ctx.db, sql`select kind, from_level as "fromLevel", to_level as "toLevel", rule_id as "ruleId", reason, job_id as "jobId", at from poverty_level_changes where monitoring_id = ${id} order by at, id`);
  return { events, levels };
}

/** Dashboard: monitored households by colour and village. */
export async function levelsByVillage(ctx: Ctx) {
  return rows<{ villageCode: string; villageName: string; level: string; n: number }>(
    ctx.db,
    sql`select h.village_code as "villageCode", v.name as "villageName", coalesce(m.level, 'NONE') as level, count(*)::int as n
      from poverty_monitoring m join poverty_households h on h.id = m.household_id join poverty_regions v on v.code = h.village_code
      where m.status = 'monitored' and ${inScopeSql(await regionScope(ctx))} group by h.village_code, v.name, m.level order by h.village_code`,
  );
}

import { sql } from 'drizzle-orm';
import { rows } from '../../kernel/db';
import { requireActor, withTx, type Ctx } from '../../kernel/context';
import { audit } from '../../kernel/audit/write';
import { errors } from '../../kernel/errors';
import { newId } from '../../kernel/ids';
import { enforce } from '../../kernel/rules';
import { isLocalDate, localDate } from '../../kernel/time';
import { entryVerdict, HAZARDS, identifyVerdicts, MON22, MON23, type Hazard } from './measure-rules';
import { MON01, povertyStandard } from './rules';
import { proposeMonitoring } from './monitoring';
import { assertHouseholdInScope, inScopeSql, regionScope } from './scope';

/**
 * MON-22 (重大自然灾害、家庭重大变故) and MON-23 (识别为贫困户). An incident is recorded on the
 * household; a household not yet monitored is proposed for inclusion at once with criterion
 * C4 (二（四）), so it goes through verification and the county's confirmation; relief is
 * recorded as MAJOR_DISASTER_RELIEF measures; the assessment after relief either closes it or
 * proposes the household for the registered-poor system at the next dynamic adjustment.
 */
export interface IncidentInput {
  householdId: string;
  kind: 'disaster' | 'family';
  eventType: string;
  eventDate: string;
  description: string;
  /** How the incident came to the office, when it opens a monitoring proposal (MON-07). */
  channel?: 'HOUSEHOLD_APPLICATION' | 'HOUSEHOLD_VISIT' | 'SECTOR_SCREENING' | 'DATA_COMPARISON' | 'THIRD_PARTY_SURVEY';
  sectorDepartment?: string;
}

export async function recordIncident(ctx: Ctx, input: IncidentInput): Promise<{ id: string; monitoringId: string; proposed: boolean }> {
  const actor = requireActor(ctx);
  const today = localDate(ctx.clock.now());
  if (!isLocalDate(input.eventDate) || input.eventDate > today) throw errors.badRequest('发生日期无效或晚于今天');
  if (!input.eventType.trim() || !input.description.trim()) throw errors.badRequest('须填写变故类型和情况说明');
  await assertHouseholdInScope(ctx, input.householdId);
  return withTx(ctx, async (tx) => {
    const [h] = await rows<{ registered_status: string }>(tx.db, sql`select registered_status from poverty_households where id = ${input.householdId} for update`);
    if (h.registered_status === 'poor') enforce([MON01.block('未脱贫的建档立卡户按贫困户帮扶，不作为防返贫监测对象登记')]);
    let [m] = await rows<{ id: string }>(tx.db, sql`select id from poverty_monitoring where household_id = ${input.householdId} and status <> 'exited'`);
    const proposed = !m;
    if (!m) {
      m = await proposeMonitoring(tx, {
        householdId: input.householdId,
        category: h.registered_status === 'exited' ? 'UNSTABLE_EXITED' : 'MARGINAL',
        channel: input.channel ?? 'HOUSEHOLD_VISIT',
        sectorDepartment: input.sectorDepartment,
        criteria: { C4: { eventType: input.eventType.trim(), eventDate: input.eventDate } },
        note: `重大变故：${input.description.trim()}（MON-22）`,
      });
    }
    const id = newId('inc');
    await tx.db.execute(sql`insert into poverty_incidents (id, household_id, monitoring_id, kind, event_type, event_date, description, population_class, status, recorded_by, created_at)
      values (${id}, ${input.householdId}, ${m.id}, ${input.kind}, ${input.eventType.trim()}, ${input.eventDate}, ${input.description.trim()},
        ${h.registered_status === 'none' ? 'non_poor' : 'poor'}, 'open', ${actor.accountId}, ${tx.clock.now().toISOString()})`);
    await tx.db.execute(sql`insert into poverty_monitoring_events (id, monitoring_id, kind, body, actor_name, account_id, detail, at)
      values (${newId('mev')}, ${m.id}, 'incident', null, ${actor.displayName}, ${actor.accountId}, ${JSON.stringify({ incidentId: id, eventType: input.eventType.trim(), eventDate: input.eventDate })}::jsonb, ${tx.clock.now().toISOString()})`);
    await audit(tx, { event: 'poverty.incident.record', objectType: 'poverty_incident', objectId: id, detail: { householdId: input.householdId, kind: input.kind, proposed } });
    return { id, monitoringId: m.id, proposed };
  });
}

/**
 * After the relief: resolved, or 两不愁三保障 problems remain → proposed for the registered-poor
 * system at the next dynamic adjustment (MON-22). Needs at least one relief measure first.
 */
export async function assessIncident(ctx: Ctx, id: string, input: { problemsRemain: boolean; hazards: Hazard[]; assessment: string; assessedOn: string }) {
  requireActor(ctx);
  const today = localDate(ctx.clock.now());
  if (!isLocalDate(input.assessedOn) || input.assessedOn > today) throw errors.badRequest('评估日期无效或晚于今天');
  if (!input.assessment.trim()) throw errors.badRequest('请填写评估情况');
  const [x] = await rows<{ household_id: string }>(ctx.db, sql`select household_id from poverty_incidents where id = ${id}`);
  if (!x) throw errors.notFound('重大变故记录');
  await assertHouseholdInScope(ctx, x.household_id);
  return withTx(ctx, async (tx) => {
    const [inc] = await rows<{ status: string; monitoring_id: string; event_date: string }>(tx.db, sql`select status, monitoring_id, event_date::text from poverty_incidents where id = ${id} for update`);
    if (inc.status !== 'open') throw errors.conflict('该记录已评估');
    const [r] = await rows<{ n: number }>(tx.db, sql`select count(*)::int as n from poverty_measures where incident_id = ${id}`);
    if (r.n === 0) enforce([MON22.block('须先记录民政救助、社会捐助、包保部门或亲友帮助等救助措施，再评估救助后的情况')]);
    const hazards = [...new Set(input.hazards)].filter((hz) => (HAZARDS as readonly string[]).includes(hz));
    if (input.problemsRemain && hazards.length === 0) throw errors.badRequest('请选择仍存在的“两不愁三保障”问题');
    if (input.assessedOn < inc.event_date) throw errors.badRequest('评估日期早于变故发生日期');
    const status = input.problemsRemain ? 'problems_remain' : 'resolved';
    await tx.db.execute(sql`update poverty_incidents set status = ${status}, assessed_on = ${input.assessedOn}, assessment = ${input.assessment.trim()},
      remaining_hazards = ${JSON.stringify(input.problemsRemain ? hazards : [])}::jsonb where id = ${id}`);
    let conversionId: string | null = null;
    if (input.problemsRemain) {
      const [open] = await rows<{ id: string }>(tx.db, sql`select id from poverty_conversions where household_id = ${x.household_id} and status <> 'entered'`);
      conversionId = open?.id ?? newId('cnv');
      if (!open) {
        await tx.db.execute(sql`insert into poverty_conversions (id, household_id, monitoring_id, source, incident_id, status, proposed_on, note, created_at)
          values (${conversionId}, ${x.household_id}, ${inc.monitoring_id}, 'incident', ${id}, 'proposed', ${input.assessedOn}, ${input.assessment.trim()}, ${tx.clock.now().toISOString()})`);
      }
    }
    await audit(tx, { event: 'poverty.incident.assess', objectType: 'poverty_incident', objectId: id, detail: { status, hazards, conversionId } });
    return { id, status, conversionId };
  });
}

/**
 * Identified as a poor household by procedure (MON-23; or, for a proposal of MON-22, at the
 * dynamic adjustment): the household becomes 未脱贫户, its monitoring episode ends (动态调整),
 * and the national-system entry stays pending until the function is open.
 */
export async function identifyPoor(ctx: Ctx, householdId: string, input: { identifiedOn: string; procedureRef: string; acknowledged?: string[] }) {
  requireActor(ctx);
  const today = localDate(ctx.clock.now());
  if (!isLocalDate(input.identifiedOn)) throw errors.badRequest('识别日期格式应为 YYYY-MM-DD');
  await assertHouseholdInScope(ctx, householdId);
  return withTx(ctx, async (tx) => {
    const [h] = await rows<{ registered_status: string; net: number | null; income_year: number | null }>(tx.db, sql`select registered_status, net_income_per_head_fen::float8 as net, income_year
      from poverty_households where id = ${householdId} for update`);
    if (!h) throw errors.notFound('农户');
    const [m] = await rows<{ id: string; category: string; status: string }>(tx.db, sql`select id, category, status from poverty_monitoring where household_id = ${householdId} and status <> 'exited' for update`);
    const [proposal] = await rows<{ id: string }>(tx.db, sql`select id from poverty_conversions where household_id = ${householdId} and status = 'proposed'`);
    const [done] = await rows<{ id: string }>(tx.db, sql`select id from poverty_conversions where household_id = ${householdId} and status = 'identified'`);
    if (done) throw errors.conflict('该户已识别为贫困户，待录入国办系统');
    const source = proposal ? 'incident' : 'standard';
    const verdicts = identifyVerdicts({
      registeredStatus: h.registered_status, category: m?.status === 'monitored' ? m.category : null, source,
      netIncomePerHeadFen: h.net, standardFen: h.income_year === null ? null : povertyStandard(h.income_year),
      procedureRef: input.procedureRef, identifiedOn: input.identifiedOn, today,
    });
    const ack = enforce(verdicts, input.acknowledged ?? []);
    const id = proposal?.id ?? newId('cnv');
    if (proposal) {
      await tx.db.execute(sql`update poverty_conversions set status = 'identified', identified_on = ${input.identifiedOn}, procedure_ref = ${input.procedureRef.trim()} where id = ${id}`);
    } else {
      await tx.db.execute(sql`insert into poverty_conversions (id, household_id, monitoring_id, source, status, proposed_on, identified_on, procedure_ref, created_at)
        values (${id}, ${householdId}, ${m.id}, 'standard', 'identified', ${input.identifiedOn}, ${input.identifiedOn}, ${input.procedureRef.trim()}, ${tx.clock.now().toISOString()})`);
    }
    await tx.db.execute(sql`update poverty_households set registered_status = 'poor', exit_year = null where id = ${householdId}`);
    if (m) {
      await tx.db.execute(sql`update poverty_monitoring set status = 'exited', exited_on = ${input.identifiedOn} where id = ${m.id}`);
      await tx.db.execute(sql`insert into poverty_monitoring_events (id, monitoring_id, kind, body, actor_name, account_id, detail, at)
        values (${newId('mev')}, ${m.id}, 'convert', '县扶贫办', ${ctx.actor?.displayName ?? null}, ${ctx.actor?.accountId ?? null},
          ${JSON.stringify({ conversionId: id, procedureRef: input.procedureRef.trim(), rule: source === 'standard' ? 'MON-23' : 'MON-22' })}::jsonb, ${tx.clock.now().toISOString()})`);
    }
    await audit(tx, { event: 'poverty.conversion.identify', objectType: 'poverty_conversion', objectId: id, detail: { householdId, source, acknowledged: ack.map((w) => w.ruleId) } });
    return { id, status: 'identified', nationalEntry: 'pending' };
  });
}

/** The entry into the national system, once its function is open (MON-23). */
export async function recordEntry(ctx: Ctx, id: string, input: { enteredOn: string }) {
  requireActor(ctx);
  const today = localDate(ctx.clock.now());
  if (!isLocalDate(input.enteredOn)) throw errors.badRequest('录入日期格式应为 YYYY-MM-DD');
  const [x] = await rows<{ household_id: string }>(ctx.db, sql`select household_id from poverty_conversions where id = ${id}`);
  if (!x) throw errors.notFound('识别记录');
  await assertHouseholdInScope(ctx, x.household_id);
  return withTx(ctx, async (tx) => {
    const [c] = await rows<{ status: string; identified_on: string | null }>(tx.db, sql`select status, identified_on::text from poverty_conversions where id = ${id} for update`);
    if (c.status !== 'identified') throw errors.conflict(c.status === 'entered' ? '该户已录入' : '该户尚未按程序识别为贫困户');
    enforce([entryVerdict(MON23.param('nationalSystemOpenedOn'), c.identified_on!, input.enteredOn, today)]);
    await tx.db.execute(sql`update poverty_conversions set status = 'entered', entered_on = ${input.enteredOn} where id = ${id}`);
    await audit(tx, { event: 'poverty.conversion.enter', objectType: 'poverty_conversion', objectId: id, detail: { enteredOn: input.enteredOn } });
    return { id, status: 'entered' };
  });
}

export interface ConversionRow { id: string; householdId: string; householdCode: string; householderName: string; villageName: string; registeredStatus: string; source: string; status: string; proposedOn: string; identifiedOn: string | null; procedureRef: string | null; enteredOn: string | null; note: string | null }

/** Proposals awaiting the dynamic adjustment and identified households awaiting entry (the REMIND lists). */
export async function listConversions(ctx: Ctx): Promise<{ items: ConversionRow[]; nationalSystemOpenedOn: string | null }> {
  const items = await rows<ConversionRow>(ctx.db, sql`select c.id, c.household_id as "householdId", h.code as "householdCode", h.householder_name as "householderName", v.name as "villageName",
    h.registered_status as "registeredStatus", c.source, c.status, c.proposed_on::text as "proposedOn", c.identified_on::text as "identifiedOn", c.procedure_ref as "procedureRef",
    c.entered_on::text as "enteredOn", c.note
    from poverty_conversions c join poverty_households h on h.id = c.household_id join poverty_regions v on v.code = h.village_code
    where ${inScopeSql(await regionScope(ctx))} order by case c.status when 'proposed' then 0 when 'identified' then 1 else 2 end, c.proposed_on, h.code`);
  return { items, nationalSystemOpenedOn: MON23.param('nationalSystemOpenedOn') };
}

export interface IncidentRow { id: string; householdId: string; householdCode: string; householderName: string; villageName: string; kind: string; eventType: string; eventDate: string; description: string; populationClass: string; status: string; assessedOn: string | null; assessment: string | null; remainingHazards: string[] | null; monitoringStatus: string; reliefs: number }

export async function listIncidents(ctx: Ctx): Promise<IncidentRow[]> {
  return rows<IncidentRow>(ctx.db, sql`select i.id, i.household_id as "householdId", h.code as "householdCode", h.householder_name as "householderName", v.name as "villageName",
    i.kind, i.event_type as "eventType", i.event_date::text as "eventDate", i.description, i.population_class as "populationClass", i.status, i.assessed_on::text as "assessedOn",
    i.assessment, i.remaining_hazards as "remainingHazards", m.status as "monitoringStatus",
    (select count(*)::int from poverty_measures s where s.incident_id = i.id) as reliefs
    from poverty_incidents i join poverty_households h on h.id = i.household_id join poverty_regions v on v.code = h.village_code
    join poverty_monitoring m on m.id = i.monitoring_id
    where ${inScopeSql(await regionScope(ctx))} order by (i.status <> 'open'), i.event_date desc`);
}

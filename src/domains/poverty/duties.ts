import { sql } from 'drizzle-orm';
import { rows, type Database, type Db } from '../../kernel/db';
import { requireActor, systemCtx, withTx, type Ctx } from '../../kernel/context';
import { audit } from '../../kernel/audit/write';
import { errors } from '../../kernel/errors';
import { newId } from '../../kernel/ids';
import { notify } from '../../kernel/notify';
import { addDays, isLocalDate, localDate, type Clock } from '../../kernel/time';
import { MON11, MON12, MON13, isoWeek, quarterDue, quarterOf, quarterState, weekOverdue, weekRange } from './duty-rules';
import { assertHouseholdInScope, inScopeSql, regionScope } from './scope';
import { staffFor } from './recipients';

/**
 * The monitoring duties (MON-11 quarterly comparison, MON-12 monthly visits, MON-13 weekly
 * hospital list): records, overdue lists and the reminder job. Reminders are sent once per
 * duty, period and kind: the key row in poverty_reminders_sent is inserted in the same
 * transaction as the notifications, so several servers running the job send each once.
 */
export const VISITOR_ROLES = ['乡村干部', '驻村干部', '驻村工作队', '包村干部'] as const;

export interface VisitInput {
  householdId: string;
  visitedOn: string;
  visitorName: string;
  visitorRole: string;
  incomeObservation: string;
  guaranteesObservation: string;
  problems?: string;
}

/** Record a home visit (MON-12 入户走访): only of a monitored household, not in the future. */
export async function recordVisit(ctx: Ctx, input: VisitInput) {
  const actor = requireActor(ctx);
  const today = localDate(ctx.clock.now());
  if (!isLocalDate(input.visitedOn) || input.visitedOn > today) throw errors.badRequest('走访日期无效或晚于今天');
  if (!(VISITOR_ROLES as readonly string[]).includes(input.visitorRole)) throw errors.badRequest(`走访人身份应为：${VISITOR_ROLES.join('、')}`);
  await assertHouseholdInScope(ctx, input.householdId);
  return withTx(ctx, async (tx) => {
    const [m] = await rows<{ id: string; included_on: string | null }>(tx.db, sql`select id, included_on::text from poverty_monitoring where household_id = ${input.householdId} and status = 'monitored' for share`);
    if (!m) throw errors.conflict('该户不是监测户，无需登记监测走访');
    if (m.included_on && input.visitedOn < m.included_on) throw errors.badRequest(`走访日期早于纳入监测日期（${m.included_on}）`);
    const id = newId('pvv');
    await tx.db.execute(sql`insert into poverty_visits (id, household_id, monitoring_id, visited_on, visitor_name, visitor_role, income_observation, guarantees_observation, problems, account_id, created_at)
      values (${id}, ${input.householdId}, ${m.id}, ${input.visitedOn}, ${input.visitorName}, ${input.visitorRole}, ${input.incomeObservation}, ${input.guaranteesObservation},
        ${input.problems ?? null}, ${actor.accountId}, ${tx.clock.now().toISOString()})`);
    await audit(tx, { event: 'poverty.visit.record', objectType: 'poverty_visit', objectId: id, detail: { householdId: input.householdId, visitedOn: input.visitedOn } });
    return { id };
  });
}

export interface VisitRow { id: string; householdId: string; householdCode: string; householderName: string; villageName: string; visitedOn: string; visitorName: string; visitorRole: string; incomeObservation: string; guaranteesObservation: string; problems: string | null }

export async function* allVisits(ctx: Ctx, f: { householdId?: string; from?: string; to?: string }): AsyncGenerator<VisitRow> {
  const scope = await regionScope(ctx);
  let after = '';
  for (;;) {
    const page = await rows<VisitRow>(ctx.db, sql`select v.id, v.household_id as "householdId", h.code as "householdCode", h.householder_name as "householderName", r.name as "villageName",
      v.visited_on::text as "visitedOn", v.visitor_name as "visitorName", v.visitor_role as "visitorRole", v.income_observation as "incomeObservation",
      v.guarantees_observation as "guaranteesObservation", v.problems
      from poverty_visits v join poverty_households h on h.id = v.household_id join poverty_regions r on r.code = h.village_code
      where ${inScopeSql(scope)} and v.id > ${after} ${f.householdId ? sql`and v.household_id = ${f.householdId}` : sql``}
      ${f.from ? sql`and v.visited_on >= ${f.from}` : sql``} ${f.to ? sql`and v.visited_on <= ${f.to}` : sql``}
      order by v.id limit 2000`);
    yield* page;
    if (page.length < 2000) return;
    after = page[page.length - 1].id;
  }
}

export async function listVisits(ctx: Ctx, householdId: string) {
  await assertHouseholdInScope(ctx, householdId);
  const out: VisitRow[] = [];
  for await (const v of allVisits(ctx, { householdId })) out.push(v);
  return out.sort((a, b) => (a.visitedOn < b.visitedOn ? 1 : -1));
}

export interface OverdueVisit {
  householdId: string;
  householdCode: string;
  householderName: string;
  villageCode: string;
  villageName: string;
  level: string | null;
  includedOn: string;
  lastVisit: string | null;
  months: string[];
}

/**
 * MON-12 overdue list (AS-B27): every monitored household with a full calendar month after its
 * inclusion month, before `today`'s month, without a visit; set-wise, months as integers.
 */
export async function overdueVisits(ctx: Ctx, today = localDate(ctx.clock.now()), region?: string): Promise<OverdueVisit[]> {
  const scope = await regionScope(ctx);
  const todayIdx = Number(today.slice(0, 4)) * 12 + Number(today.slice(5, 7)) - 1;
  return rows<OverdueVisit>(ctx.db, sql`with mon as (
      select m.id, m.household_id, m.included_on, m.level, h.code, h.householder_name, h.village_code
      from poverty_monitoring m join poverty_households h on h.id = m.household_id
      where m.status = 'monitored' and m.included_on is not null and ${inScopeSql(scope)} ${region ? sql`and h.village_code like ${region + '%'}` : sql``}),
    due as (
      select mon.*, k from mon, generate_series((extract(year from mon.included_on)::int * 12 + extract(month from mon.included_on)::int), ${todayIdx - 1}::int) k),
    missing as (
      select due.* from due where not exists (select 1 from poverty_visits v where v.monitoring_id = due.id
        and v.visited_on >= make_date(k / 12, k % 12 + 1, 1) and v.visited_on < make_date((k + 1) / 12, (k + 1) % 12 + 1, 1)))
    select x.household_id as "householdId", x.code as "householdCode", x.householder_name as "householderName", x.village_code as "villageCode", r.name as "villageName",
      x.level, x.included_on::text as "includedOn",
      (select max(v.visited_on)::text from poverty_visits v where v.monitoring_id = x.id) as "lastVisit",
      array_agg(to_char(make_date(x.k / 12, x.k % 12 + 1, 1), 'YYYY-MM') order by x.k) as months
    from missing x join poverty_regions r on r.code = x.village_code
    group by x.id, x.household_id, x.code, x.householder_name, x.village_code, r.name, x.level, x.included_on
    order by x.village_code, x.code`);
}

/** MON-11 status of each county for a quarter (the current one by default). */
export async function quarterStatus(ctx: Ctx, quarter = quarterOf(localDate(ctx.clock.now()))) {
  const today = localDate(ctx.clock.now());
  const scope = await regionScope(ctx);
  const counties = await rows<{ code: string; name: string; completed_on: string | null; datasets: { id: string; sector: string }[] | null }>(ctx.db, sql`select c.code, c.name,
    q.completed_on::text, q.datasets from poverty_regions c left join poverty_quarter_checks q on q.county_code = c.code and q.quarter = ${quarter}
    where c.level = 'county' ${scope === null ? sql`` : sql`and (${sql.join(scope.map((s) => sql`${s} like c.code || '%'`), sql` or `)})`} order by c.code`);
  const jobs = await rows<{ county_code: string; sector: string; n: number }>(ctx.db, sql`select county_code, sector, count(*)::int as n from poverty_jobs
    where kind = 'comparison' and status = 'done' and period = ${quarter} and sector <> 'hospital' group by county_code, sector`);
  return counties.map((c) => ({
    countyCode: c.code,
    countyName: c.name,
    quarter,
    dueOn: quarterDue(quarter),
    completedOn: c.completed_on,
    state: quarterState(quarter, today, c.completed_on),
    sectorsCompared: jobs.filter((j) => j.county_code === c.code).map((j) => j.sector),
    ruleId: MON11.id,
  }));
}

/** MON-13 status of the last `weeks` ended weeks and the current one, per county. */
export async function hospitalWeeks(ctx: Ctx, weeks = 8) {
  const today = localDate(ctx.clock.now());
  const scope = await regionScope(ctx);
  const list: string[] = [];
  for (let i = weeks; i >= 0; i--) list.push(isoWeek(addDays(today, -7 * i)));
  const counties = await rows<{ code: string; name: string }>(ctx.db, sql`select code, name from poverty_regions where level = 'county'
    ${scope === null ? sql`` : sql`and (${sql.join(scope.map((s) => sql`${s} like code || '%'`), sql` or `)})`} order by code`);
  const subs = await rows<{ county_code: string; period: string; n: number; nil: boolean; followups: number }>(ctx.db, sql`select j.county_code, j.period, count(*)::int as n,
    bool_and(j.file_name is null) as nil, coalesce(sum((select count(*) from poverty_followups f where f.job_id = j.id)), 0)::int as followups
    from poverty_jobs j where j.kind = 'comparison' and j.sector = 'hospital' and j.status = 'done' and j.period in ${list} group by j.county_code, j.period`);
  return counties.flatMap((c) =>
    list.map((w) => {
      const s = subs.find((x) => x.county_code === c.code && x.period === w);
      const r = weekRange(w);
      return { countyCode: c.code, countyName: c.name, week: w, monday: r.monday, sunday: r.sunday, submitted: Boolean(s), nil: s?.nil ?? false, followups: s?.followups ?? 0, overdue: weekOverdue(w, today, Boolean(s)), ruleId: MON13.id };
    }),
  );
}

export async function listFollowups(ctx: Ctx, status?: string) {
  const scope = await regionScope(ctx);
  return rows(ctx.db, sql`select f.id, f.household_id as "householdId", h.code as "householdCode", h.householder_name as "householderName", r.name as "villageName",
    f.person_name as "personName", f.admitted_on::text as "admittedOn", f.cause, f.detail, f.status, f.result, j.period
    from poverty_followups f join poverty_households h on h.id = f.household_id join poverty_regions r on r.code = h.village_code join poverty_jobs j on j.id = f.job_id
    where ${inScopeSql(scope)} ${status ? sql`and f.status = ${status}` : sql``} order by f.status desc, f.admitted_on desc nulls last, f.id limit 500`);
}

/** The township/village records what the follow-up of an admission found (MON-13). */
export async function completeFollowup(ctx: Ctx, id: string, result: string) {
  const actor = requireActor(ctx);
  if (!result.trim()) throw errors.badRequest('请填写跟进核实情况');
  return withTx(ctx, async (tx) => {
    const [f] = await rows<{ household_id: string; status: string }>(tx.db, sql`select household_id, status from poverty_followups where id = ${id} for update`);
    if (!f) throw errors.notFound('住院跟进任务');
    await assertHouseholdInScope(tx, f.household_id);
    if (f.status !== 'open') throw errors.conflict('该跟进任务已办结');
    await tx.db.execute(sql`update poverty_followups set status = 'done', result = ${result.trim()}, done_by = ${actor.accountId}, done_at = ${tx.clock.now().toISOString()} where id = ${id}`);
    await audit(tx, { event: 'poverty.followup.done', objectType: 'poverty_followup', objectId: id });
    return { id };
  });
}

/** Send a reminder once: the key row and the notifications commit together, or neither. */
async function once(db: Db, clock: Clock, key: string, recipients: string[], n: { kind: 'remind' | 'overdue'; title: string; body: string; link: string; objectType: string; objectId: string }): Promise<boolean> {
  if (recipients.length === 0) return false;
  const ctx = systemCtx(db, clock);
  return withTx(ctx, async (tx) => {
    const [claimed] = await rows(tx.db, sql`insert into poverty_reminders_sent (key, sent_at) values (${key}, ${clock.now().toISOString()}) on conflict do nothing returning key`);
    if (!claimed) return false;
    for (const person of recipients) await notify(tx.db, { recipientPersonId: person, ...n }, clock.now());
    return true;
  });
}

/**
 * The reminder job (Module.jobs): MON-11 from the 1st of the quarter's first month and when
 * overdue; MON-12 from the 20th for households not yet visited this month and, for last month,
 * the overdue list per village; MON-13 on the weekend for this week's list and when a week
 * ended without one. Returns the number of reminders sent.
 */
export async function remindDuties(database: Database, clock: Clock): Promise<number> {
  const db = database.db;
  const ctx = systemCtx(db, clock);
  const today = localDate(clock.now());
  let sent = 0;
  const counties = await rows<{ code: string; name: string }>(db, sql`select code, name from poverty_regions where level = 'county' order by code`);
  const quarter = quarterOf(today);
  for (const q of await quarterStatus(ctx, quarter)) {
    if (q.state !== 'open' && q.state !== 'overdue') continue;
    const kind = q.state === 'open' ? 'remind' : 'overdue';
    const title = kind === 'remind' ? `${q.countyName}${quarter}数据比对：${q.dueOn}前完成` : `${q.countyName}${quarter}数据比对已逾期`;
    if (await once(db, clock, `MON-11:${kind}:${q.countyCode}:${quarter}`, await staffFor(db, q.countyCode, true), {
      kind, title, body: `每季度首月10日前将监测户信息与教育、住建、民政、卫健、医保数据比对一次（MON-11 ${MON11.cite}）`, link: '/poverty/comparison', objectType: 'poverty_quarter', objectId: `${q.countyCode}:${quarter}` })) sent++;
  }
  // MON-12: last month's overdue households, per village (village staff) and per county (office).
  const lastMonth = addDays(`${today.slice(0, 7)}-01`, -1).slice(0, 7);
  const overdue = (await overdueVisits(ctx, today)).filter((o) => o.months.includes(lastMonth));
  const byVillage = new Map<string, OverdueVisit[]>();
  for (const o of overdue) byVillage.set(o.villageCode, [...(byVillage.get(o.villageCode) ?? []), o]);
  for (const [village, list] of byVillage) {
    if (await once(db, clock, `MON-12:overdue:${village}:${lastMonth}`, await staffFor(db, village, false), {
      kind: 'overdue', title: `${list[0].villageName}${lastMonth}有${list.length}户监测户未走访`, body: `${list.map((o) => o.householderName).slice(0, 20).join('、')}${list.length > 20 ? '等' : ''}（MON-12 ${MON12.cite}）`,
      link: '/poverty/duties', objectType: 'poverty_village', objectId: `${village}:${lastMonth}` })) sent++;
  }
  for (const c of counties) {
    const n = overdue.filter((o) => o.villageCode.startsWith(c.code)).length;
    if (n > 0 && await once(db, clock, `MON-12:overdue:${c.code}:${lastMonth}`, await staffFor(db, c.code, true), {
      kind: 'overdue', title: `${c.name}${lastMonth}有${n}户监测户未按月走访`, body: `逾期清单见“监测职责”页（MON-12 ${MON12.cite}）`, link: '/poverty/duties', objectType: 'poverty_county', objectId: `${c.code}:${lastMonth}` })) sent++;
  }
  if (Number(today.slice(8, 10)) >= MON12.param('remindFromDay')) {
    const month = today.slice(0, 7);
    const notYet = await rows<{ village_code: string; village_name: string; n: number }>(db, sql`select h.village_code, r.name as village_name, count(*)::int as n
      from poverty_monitoring m join poverty_households h on h.id = m.household_id join poverty_regions r on r.code = h.village_code
      where m.status = 'monitored' and m.included_on < ${month + '-01'}
        and not exists (select 1 from poverty_visits v where v.monitoring_id = m.id and v.visited_on >= ${month + '-01'})
      group by h.village_code, r.name`);
    for (const v of notYet) {
      if (await once(db, clock, `MON-12:remind:${v.village_code}:${month}`, await staffFor(db, v.village_code, false), {
        kind: 'remind', title: `${v.village_name}本月尚有${v.n}户监测户未走访`, body: `每月至少走访一次（MON-12 ${MON12.cite}）`, link: '/poverty/duties', objectType: 'poverty_village', objectId: `${v.village_code}:${month}` })) sent++;
    }
  }
  // MON-13: the week that ended last Sunday, and this week's list from Friday.
  const weeks = await hospitalWeeks(ctx, 1);
  for (const w of weeks) {
    const isCurrent = w.week === isoWeek(today);
    const weekdayNow = new Date(`${today}T00:00:00Z`).getUTCDay();
    if (w.overdue) {
      if (await once(db, clock, `MON-13:overdue:${w.countyCode}:${w.week}`, await staffFor(db, w.countyCode, true), {
        kind: 'overdue', title: `${w.countyName}${w.week}住院名单未报送`, body: `${w.monday}至${w.sunday}的监测户住院信息未报送（无住院的应报“无”）（MON-13 ${MON13.cite}）`, link: '/poverty/duties', objectType: 'poverty_week', objectId: `${w.countyCode}:${w.week}` })) sent++;
    } else if (isCurrent && !w.submitted && (weekdayNow === 5 || weekdayNow === 6 || weekdayNow === 0)) {
      if (await once(db, clock, `MON-13:remind:${w.countyCode}:${w.week}`, await staffFor(db, w.countyCode, true), {
        kind: 'remind', title: `请报送${w.countyName}本周（${w.week}）监测户住院名单`, body: `医保部门每周梳理一次监测户住院信息报县扶贫办（MON-13 ${MON13.cite}）`, link: '/poverty/duties', objectType: 'poverty_week', objectId: `${w.countyCode}:${w.week}` })) sent++;
    }
  }
  return sent;
}

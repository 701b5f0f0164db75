import { sql } from 'drizzle-orm';
import { rows } from '../../kernel/db';
import type { Ctx } from '../../kernel/context';
import { newId } from '../../kernel/ids';
import { addDays, localDate } from '../../kernel/time';
import { isoWeek, quarterDue, quarterOf } from './duty-rules';

/** The role of county/township/village ledger staff (region data scope, scope.ts). */
export const LOCAL_ROLE = 'poverty_local';

/**
 * Demo data for the duties: search documents, a village-level account (董雪, 青山镇), monthly
 * visits with a gap (so the overdue list shows), last quarter's comparison completed, weekly
 * hospital lists with one week missing and one admission to follow up, and one open finding.
 */
export async function seedDutiesDemo(ctx: Ctx): Promise<void> {
  const db = ctx.db;
  const now = ctx.clock.now();
  const at = now.toISOString();
  const today = localDate(now);
  await db.execute(sql`select poverty_refresh_search(array(select id from poverty_households))`);
  await db.execute(sql`insert into account_roles (account_id, role_id) select a.id, r.id from accounts a, roles r where a.username = 'dongxue' and r.code = ${LOCAL_ROLE} on conflict do nothing`);
  await db.execute(sql`insert into poverty_staff_regions (account_id, region_code, created_at) select id, '220802100', ${at} from accounts where username = 'dongxue' on conflict do nothing`);

  const monitored = await rows<{ id: string; household_id: string; code: string; included_on: string }>(db, sql`select m.id, m.household_id, h.code, m.included_on::text
    from poverty_monitoring m join poverty_households h on h.id = m.household_id where m.status = 'monitored' order by h.code`);
  const todayIdx = Number(today.slice(0, 4)) * 12 + Number(today.slice(5, 7)) - 1;
  for (const m of monitored) {
    const first = Number(m.included_on.slice(0, 4)) * 12 + Number(m.included_on.slice(5, 7));
    // The blue exited household of each village (…003) missed last month.
    const last = m.code.endsWith('003') ? todayIdx - 2 : todayIdx - 1;
    for (let k = first; k <= last; k++) {
      const day = `${Math.floor(k / 12)}-${String((k % 12) + 1).padStart(2, '0')}-${String(8 + (k % 12)).padStart(2, '0')}`;
      await db.execute(sql`insert into poverty_visits (id, household_id, monitoring_id, visited_on, visitor_name, visitor_role, income_observation, guarantees_observation, problems, created_at)
        values (${newId('pvv')}, ${m.household_id}, ${m.id}, ${day}, ${k % 2 ? '驻村第一书记 王海' : '包村干部 刘春'}, ${k % 2 ? '驻村干部' : '包村干部'},
          '家庭收入来源无明显变化', '义务教育、基本医疗、住房和饮水安全有保障', null, ${at})`);
    }
  }

  const county = '220802';
  const prevQuarter = quarterOf(addDays(`${today.slice(0, 7)}-01`, -80));
  const jobAt = (d: string) => `${d}T10:00:00+08:00`;
  const prevDue = quarterDue(prevQuarter);
  for (const sector of ['education', 'housing', 'civil_affairs', 'health', 'medical_insurance']) {
    await db.execute(sql`insert into poverty_jobs (id, kind, sector, period, county_code, status, file_name, total, processed, accepted, message, created_at, finished_at)
      values (${newId('pvjob')}, 'comparison', ${sector}, ${prevQuarter}, ${county}, 'done', ${`${sector}-${prevQuarter}.csv`}, 120, 120, 118,
        '演示数据：比对完成，未发现新情况', ${jobAt(addDays(prevDue, -3))}, ${jobAt(addDays(prevDue, -3))})`);
  }
  await db.execute(sql`insert into poverty_quarter_checks (county_code, quarter, due_on, completed_on, datasets, note, created_at)
    values (${county}, ${prevQuarter}, ${prevDue}, ${addDays(prevDue, -2)}, '[{"sector":"education"},{"sector":"housing"},{"sector":"civil_affairs"},{"sector":"health"},{"sector":"medical_insurance"}]'::jsonb, '演示数据', ${at})`);

  // Weekly hospital lists: the last eight ended weeks, one missing (three weeks ago), one with an admission.
  for (let i = 8; i >= 1; i--) {
    if (i === 3) continue;
    const week = isoWeek(addDays(today, -7 * i));
    const jobId = newId('pvjob');
    const withAdmission = i === 2;
    await db.execute(sql`insert into poverty_jobs (id, kind, sector, period, county_code, status, file_name, total, processed, accepted, message, created_at, finished_at)
      values (${jobId}, 'comparison', 'hospital', ${week}, ${county}, 'done', ${withAdmission ? `住院名单-${week}.csv` : null}, ${withAdmission ? 1 : 0}, ${withAdmission ? 1 : 0}, ${withAdmission ? 1 : 0},
        ${withAdmission ? '比对1行：与台账匹配1行；住院跟进1人' : '本周无监测户住院（零报告）'}, ${at}, ${at})`);
    if (withAdmission && monitored[0]) {
      const [p] = await rows<{ name: string }>(db, sql`select name from poverty_persons where household_id = ${monitored[0].household_id} order by relation = '户主' desc limit 1`);
      await db.execute(sql`insert into poverty_followups (id, job_id, household_id, monitoring_id, person_name, admitted_on, cause, detail, status, created_at)
        values (${newId('fup')}, ${jobId}, ${monitored[0].household_id}, ${monitored[0].id}, ${p.name}, ${addDays(today, -7 * i)}, 'ILLNESS', '白城市中心医院', 'open', ${at})`);
    }
  }

  // This quarter: a housing comparison found one general household with an unsafe house.
  const quarter = quarterOf(today);
  const jobId = newId('pvjob');
  await db.execute(sql`insert into poverty_jobs (id, kind, sector, period, county_code, status, file_name, total, processed, accepted, changed, message, created_at, finished_at)
    values (${jobId}, 'comparison', 'housing', ${quarter}, ${county}, 'done', ${`住建危房名单-${quarter}.csv`}, 3, 3, 3, 1, '比对3行：与台账匹配3行；发现1户', ${at}, ${at})`);
  const [h] = await rows<{ id: string }>(db, sql`select id from poverty_households where code = '220802100202009'`);
  if (h) {
    await db.execute(sql`insert into poverty_findings (id, job_id, household_id, kind, sector, criteria, facts, to_level, rule_id, reason, evidence, status, created_at)
      values (${newId('fnd')}, ${jobId}, ${h.id}, 'entry', 'housing', '{"C3":{"hazards":["HOUSING_SAFETY"]}}'::jsonb, '{"housingSecured":false}'::jsonb, 'RED', 'MON-15',
        '“两不愁三保障”及饮水安全未有效保障', '住建部门：C级危房（2026年农村住房安全排查）', 'open', ${at})`);
  }
}

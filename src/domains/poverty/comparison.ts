import type { Readable } from 'node:stream';
import { sql } from 'drizzle-orm';
import { rows, type Database } from '../../kernel/db';
import { requireActor, withTx, type Ctx } from '../../kernel/context';
import { audit } from '../../kernel/audit/write';
import { errors } from '../../kernel/errors';
import { newId } from '../../kernel/ids';
import { notify } from '../../kernel/notify';
import { localDate } from '../../kernel/time';
import { enforce } from '../../kernel/rules';
import { copyRows } from './copy';
import { fieldCipher } from './crypto';
import { openUpload, stageUpload, UploadError, type StageProgress } from './tabular';
import { getJob, updateJob } from './jobs';
import { levelCase } from './reclassify';
import { MON03, MON10, suggestLevel, type Criteria, type Level } from './rules';
import { MON11, MON13, isoWeek, quarterDue, quarterOf } from './duty-rules';
import { confirmMonitoring, levelFacts, proposeMonitoring, setLevel, verifyMonitoring } from './monitoring';
import { mapSectorHeader, SECTOR_KINDS, SECTOR_STAGING_COLUMNS, stageSectorRow, type SectorRowError } from './sector';
import { assertHouseholdInScope, codeInScope, inScopeSql, regionScope } from './scope';
import { MAX_UPLOAD_BYTES } from './import';
import { staffFor } from './recipients';

/**
 * 数据比对 (防返贫细则 三（一）4, 四（一）2–3; MON-10, MON-11, MON-13) as a job: the sector file is
 * streamed, each row validated and its ID hashed (never stored in plaintext), good rows COPYed
 * into staging; the matching to the register is set-wise SQL by ID hash and name; the
 * households that now meet an entry criterion, or whose colour the warning rules would raise,
 * become findings staff confirm (through the monitoring services, channel 数据比对) or dismiss.
 */
export const COMPARE_BATCH = 5000;
/** work_mem of the matching transaction only (the server's default is 4 MB). */
const MATCH_WORK_MEM = '64MB';

export interface ComparisonInput {
  sector: string;
  period: string;
  countyCode: string | null;
  fileName: string;
}

/** Check kind and period: a quarter (2026-Q4) for the quarterly kinds, an ISO week for the weekly list. */
export function checkPeriod(sector: string, period: string): void {
  const kind = SECTOR_KINDS[sector];
  if (!kind) throw errors.badRequest('比对数据类别无效');
  if (kind.weekly ? !/^\d{4}-W(0[1-9]|[1-4]\d|5[0-3])$/.test(period) : !/^\d{4}-Q[1-4]$/.test(period)) {
    throw errors.badRequest(kind.weekly ? '每周住院名单须注明周次（如 2026-W45）' : '季度比对须注明季度（如 2026-Q4）');
  }
}

export async function createComparison(ctx: Ctx, input: ComparisonInput): Promise<string> {
  const actor = requireActor(ctx);
  checkPeriod(input.sector, input.period);
  const scope = await regionScope(ctx);
  if (input.countyCode) {
    const [c] = await rows(ctx.db, sql`select 1 from poverty_regions where code = ${input.countyCode} and level = 'county'`);
    if (!c) throw errors.badRequest('县（区）代码不存在');
    if (scope && !scope.some((s) => s.startsWith(input.countyCode!) || input.countyCode!.startsWith(s))) throw errors.forbidden('该县不在您的数据范围内');
  } else if (scope) throw errors.badRequest('请选择县（区）');
  return withTx(ctx, async (tx) => {
    const id = newId('pvjob');
    await tx.db.execute(sql`insert into poverty_jobs (id, kind, sector, period, county_code, status, file_name, created_by, created_at)
      values (${id}, 'comparison', ${input.sector}, ${input.period}, ${input.countyCode}, 'pending', ${input.fileName}, ${actor.accountId}, ${tx.clock.now().toISOString()})`);
    await audit(tx, { event: 'poverty.comparison.create', objectType: 'poverty_job', objectId: id, detail: { sector: input.sector, period: input.period, countyCode: input.countyCode } });
    return id;
  });
}

interface JobMeta { sector: string; period: string; county_code: string | null; status: string }

async function jobMeta(ctx: Ctx, jobId: string): Promise<JobMeta> {
  const [j] = await rows<JobMeta>(ctx.db, sql`select sector, period, county_code, status from poverty_jobs where id = ${jobId} and kind = 'comparison'`);
  if (!j) throw errors.notFound('比对任务');
  return j;
}

/** Stream the file into staging, then match (set-wise). Returns the job. */
export async function runComparison(database: Database, ctx: Ctx, jobId: string, body: Readable, input: { format: 'csv' | 'xlsx'; encoding?: 'utf-8' | 'gbk'; bytesTotal?: number; timings?: { matchMs?: number } }) {
  requireActor(ctx);
  const meta = await jobMeta(ctx, jobId);
  const kind = SECTOR_KINDS[meta.sector];
  // Claim the job: a second upload to the same job is refused (two requests never both run it).
  const [claimed] = await rows(ctx.db, sql`update poverty_jobs set status = 'running', bytes_total = ${input.bytesTotal ?? null} where id = ${jobId} and status = 'pending' returning id`);
  if (!claimed) throw errors.conflict('该比对任务已处理，请新建任务');
  const cipher = fieldCipher();
  const today = localDate(ctx.clock.now());
  const upload = openUpload(body, { format: input.format, encoding: input.encoding, maxBytes: MAX_UPLOAD_BYTES });
  const progress: StageProgress = { processed: 0, rejected: 0 };
  try {
    await stageUpload(upload.records, progress, {
      header: mapSectorHeader,
      stage: (line, cells, index) => stageSectorRow(jobId, line, cells, index, kind, cipher, today),
      unreadable: (line, message): SectorRowError => ({ line, column: null, code: 'unreadable', message }),
      batchSize: COMPARE_BATCH,
      flush: async (batch, rowErrors) => {
        await copyRows(database, 'poverty_sector_staging', SECTOR_STAGING_COLUMNS, batch);
        await copyRows(database, 'poverty_import_errors', ['job_id', 'line', '"column"', 'code', 'message'], rowErrors.map((e) => [jobId, e.line, e.column, e.code, e.message]));
        await updateJob(ctx.db, jobId, { processed: progress.processed, rejected: progress.rejected, bytesRead: upload.bytesRead() });
      },
    });
    // Statistics on the join key only (sampling the other columns costs more than it tells).
    await ctx.db.execute(sql`analyze poverty_sector_staging (job_id, id_hash)`);
    const t0 = performance.now();
    await matchComparison(ctx, jobId, progress);
    if (input.timings) input.timings.matchMs = performance.now() - t0;
  } catch (err) {
    await ctx.db.execute(sql`delete from poverty_sector_staging where job_id = ${jobId}`);
    const message = err instanceof UploadError ? err.message : '比对失败，请联系系统管理员';
    await updateJob(ctx.db, jobId, { status: 'failed', message, processed: progress.processed, finishedAt: ctx.clock.now() });
    if (err instanceof UploadError) throw errors.badRequest(message);
    throw err;
  }
  return getJob(ctx.db, jobId);
}

/**
 * The set-wise part (P4): match staged rows to persons by ID hash (and name), aggregate per
 * household, apply the sector facts over the register's, and compare: a household not under
 * monitoring that now meets C2/C3/C4 is an `entry` finding; a monitored household whose
 * suggested colour (the same CASE as reclassify.ts) is above its confirmed colour is `level_up`.
 */
export async function matchComparison(ctx: Ctx, jobId: string, progress: StageProgress): Promise<{ matched: number; notFound: number; mismatched: number; findings: number; followups: number }> {
  const meta = await jobMeta(ctx, jobId);
  const kind = SECTOR_KINDS[meta.sector];
  const county = meta.county_code;
  const today = localDate(ctx.clock.now());
  const result = await withTx(ctx, async (tx) => {
    const db = tx.db;
    // The hash of the register's persons and the per-household fold stay in memory instead of
    // spilling in batches (P4 at 200,000 rows: faster in three back-to-back rounds on a grown
    // database, within the noise on a fresh one; README 性能基准).
    await db.execute(sql.raw(`set local work_mem = '${MATCH_WORK_MEM}'`));
    // One pass over the register (P4): every staged row with the person its ID hash finds (in
    // the job's county), kept for this transaction; the reports and findings below read it.
    await db.execute(sql`create temp table gc_sector_match on commit drop as
      select s.line, s.name, s.id_masked, s.hazard, s.cause, s.event_date, s.amount_fen, s.detail, p.household_id, p.name = s.name as same_name
      from poverty_sector_staging s join poverty_persons p on p.id_hash = s.id_hash
      ${county ? sql`join poverty_households h on h.id = p.household_id and h.county_code = ${county}` : sql``}
      where s.job_id = ${jobId}`);
    // The households' number, so that the register is joined by hash rather than row by row.
    await db.execute(sql`analyze gc_sector_match (household_id)`);
    // Names that differ from the register: reported, not matched (the ID may be mistyped).
    await db.execute(sql`insert into poverty_import_errors (job_id, line, "column", code, message)
      select ${jobId}, line, '姓名', 'name_mismatch', '姓名与台账不一致（证件号码 ' || id_masked || '）' from gc_sector_match where not same_name`);
    const [counts] = await rows<{ matched: number; mismatched: number }>(db, sql`select
      count(*) filter (where same_name)::int as matched, count(*) filter (where not same_name)::int as mismatched from gc_sector_match`);
    // Every row read was either staged or refused with its reasons.
    const staged = progress.processed - progress.rejected;
    const c = levelCase(sql`${JSON.stringify(MON03.param('nationalPovertyStandard'))}`, MON03.param('multiplier'));
    const [ins] = await rows<{ n: number }>(db, sql`with agg as (
        select household_id,
          bool_or(hazard = 'COMPULSORY_EDUCATION') as edu, bool_or(hazard = 'HOUSING_SAFETY') as hou, bool_or(hazard = 'BASIC_MEDICAL') as med,
          bool_or(hazard = 'EXTREME_POOR') as ext, bool_or(hazard = 'INCIDENT') as inc,
          min(cause) filter (where hazard = 'INCIDENT') as inc_type, min(event_date) filter (where hazard = 'INCIDENT') as inc_date,
          coalesce(sum(amount_fen) filter (where hazard = 'HOSPITAL'), 0) as self_pay
        from gc_sector_match where same_name group by household_id),
      h as (
        select hh.id, hh.registered_status, hh.income_year, hh.disposable_income_per_head_fen, hh.income_only_transfers,
          hh.extreme_poor or a.ext as extreme_poor,
          hh.education_secured and not a.edu as education_secured, hh.medical_secured and not a.med as medical_secured,
          hh.housing_secured and not a.hou as housing_secured, hh.water_secured,
          coalesce(hh.rigid_expenditure_fen, 0) + a.self_pay as rigid, hh.last_year_income_fen as last_income,
          a.*
        from agg a join poverty_households hh on hh.id = a.household_id),
      -- Only households that can give a finding go on to the per-household level (members' labour).
      cand as (
        select h.*, m.id as mon_id, m.status as mon_status, coalesce(m.level, m.suggested_level) as cur_level,
          (h.self_pay > 0 and h.last_income is not null and h.rigid > h.last_income) as c2
        from h left join poverty_monitoring m on m.household_id = h.id and m.status <> 'exited'
        where m.status = 'monitored'
           or (m.id is null and h.registered_status in ('none', 'exited')
               and (h.edu or h.med or h.hou or h.inc or (h.self_pay > 0 and h.last_income is not null and h.rigid > h.last_income)))),
      calc as (
        select h.*, ${c.level} as new_level, ${c.rule} as rule_id, ${c.reason} as reason
        from cand h left join lateral (select count(*) filter (where p.labour_capacity in ('full', 'skilled', 'weak'))::int as working,
          count(*) filter (where p.labour_capacity = 'lost')::int as lost from poverty_persons p where p.household_id = h.id) w on true),
      found as (
        select calc.*, case when mon_id is null then 'entry' else 'level_up' end as kind,
          array_remove(array[case when edu then 'COMPULSORY_EDUCATION' end, case when med then 'BASIC_MEDICAL' end, case when hou then 'HOUSING_SAFETY' end], null) as hazards
        from calc
        where mon_id is null
           or (mon_status = 'monitored' and (case new_level when 'RED' then 3 when 'YELLOW' then 2 else 1 end) > (case cur_level when 'RED' then 3 when 'YELLOW' then 2 when 'BLUE' then 1 else 0 end))),
      ev as (
        select x.household_id, string_agg(x.name || '：' || case x.hazard when 'COMPULSORY_EDUCATION' then '义务教育保障隐患' when 'HOUSING_SAFETY' then '住房安全隐患'
            when 'BASIC_MEDICAL' then '基本医疗保障隐患' when 'EXTREME_POOR' then '特困供养' when 'INCIDENT' then '临时救助/受灾'
            else '住院' || coalesce(' 自付' || (x.amount_fen / 100.0)::numeric(14,2)::text || '元', '') end
            || coalesce('（' || x.detail || '）', '') || coalesce(' ' || x.event_date::text, ''), '；' order by x.line) as evidence
        from gc_sector_match x where x.same_name and x.household_id in (select id from found) group by x.household_id),
      ins as (
        insert into poverty_findings (id, job_id, household_id, monitoring_id, kind, sector, criteria, facts, from_level, to_level, rule_id, reason, evidence, status, created_at)
        select gc_new_id('fnd'), ${jobId}, f.id, f.mon_id, f.kind, ${meta.sector},
          jsonb_strip_nulls(jsonb_build_object(
            'C2', case when f.c2 then jsonb_build_object('cause', 'ILLNESS', 'rigidExpenditureFen', f.rigid, 'previousYearIncomeFen', f.last_income) end,
            'C3', case when cardinality(f.hazards) > 0 then jsonb_build_object('hazards', to_jsonb(f.hazards)) end,
            'C4', case when f.inc then jsonb_build_object('eventType', coalesce(f.inc_type, '临时救助'), 'eventDate', coalesce(f.inc_date, ${today}::date)::text) end)),
          jsonb_strip_nulls(jsonb_build_object(
            'educationSecured', case when f.edu then false end, 'medicalSecured', case when f.med then false end,
            'housingSecured', case when f.hou then false end, 'extremePoor', case when f.ext then true end,
            'rigidExpenditureFen', case when f.self_pay > 0 then f.rigid end)),
          f.cur_level, f.new_level, f.rule_id, f.reason, left(ev.evidence, 2000), 'open', ${tx.clock.now().toISOString()}::timestamptz
        from found f join ev on ev.household_id = f.id
        on conflict (job_id, household_id) do nothing
        returning 1)
      select count(*)::int as n from ins`);
    // MON-13: every admission of a monitored household's member is followed up by the township/village.
    const [fu] = await rows<{ n: number }>(db, sql`with ins as (
      insert into poverty_followups (id, job_id, household_id, monitoring_id, person_name, admitted_on, cause, detail, status, created_at)
      select gc_new_id('fup'), ${jobId}, s.household_id, m.id, s.name, min(s.event_date), min(s.cause), string_agg(s.detail, '；'), 'open', ${tx.clock.now().toISOString()}::timestamptz
      from gc_sector_match s join poverty_monitoring m on m.household_id = s.household_id and m.status = 'monitored'
      where s.same_name and s.hazard = 'HOSPITAL'
      group by s.household_id, m.id, s.name
      on conflict do nothing returning household_id)
      select count(*)::int as n from ins`);
    await db.execute(sql`delete from poverty_sector_staging where job_id = ${jobId}`);
    const total = progress.processed;
    const [rej] = await rows<{ n: number }>(db, sql`select count(distinct line)::int as n from poverty_import_errors where job_id = ${jobId}`);
    const notFound = staged - counts.matched - counts.mismatched;
    await updateJob(db, jobId, {
      status: 'done', total, processed: total, accepted: counts.matched, rejected: rej.n, changed: ins.n, finishedAt: tx.clock.now(),
      message: `比对${total}行：与台账匹配${counts.matched}行，台账中无此人${notFound}行，姓名不一致${counts.mismatched}行；发现${ins.n}户${fu.n > 0 ? `，住院跟进${fu.n}人` : ''}`,
    });
    await audit(tx, { event: 'poverty.comparison.done', objectType: 'poverty_job', objectId: jobId, detail: { sector: meta.sector, period: meta.period, total, matched: counts.matched, findings: ins.n, followups: fu.n } });
    if (fu.n > 0) {
      // The township/village staff of each household's region are told (MON-13).
      const villages = await rows<{ village_code: string; n: number }>(db, sql`select h.village_code, count(*)::int as n from poverty_followups f join poverty_households h on h.id = f.household_id where f.job_id = ${jobId} group by h.village_code`);
      for (const v of villages) {
        for (const person of await staffFor(db, v.village_code, false)) {
          await notify(db, { recipientPersonId: person, kind: 'remind', title: `监测户住院信息：${v.n}人待跟进`, body: `医保部门${meta.period}住院名单中有本辖区监测户成员${v.n}人住院，请属地乡镇、村跟进核实（MON-13 ${MON13.cite}）`, link: '/poverty/duties', objectType: 'poverty_job', objectId: jobId }, tx.clock.now());
        }
      }
    }
    return { matched: counts.matched, notFound, mismatched: counts.mismatched, findings: ins.n, followups: fu.n };
  });
  return result;
}

export interface FindingRow {
  id: string;
  jobId: string;
  householdId: string;
  householdCode: string;
  householderName: string;
  villageCode: string;
  villageName: string;
  registeredStatus: string;
  monitoringId: string | null;
  kind: string;
  sector: string;
  criteria: Criteria;
  fromLevel: string | null;
  toLevel: Level;
  ruleId: string;
  reason: string;
  evidence: string;
  status: string;
  decidedByName: string | null;
  decidedAt: string | null;
  decisionNote: string | null;
  period: string | null;
}

export async function* allFindings(ctx: Ctx, f: { jobId?: string; status?: string }): AsyncGenerator<FindingRow> {
  const scope = await regionScope(ctx);
  let after = '';
  for (;;) {
    const page = await rows<FindingRow>(ctx.db, sql`${FINDING_SELECT} where ${inScopeSql(scope)} and f.id > ${after}
      ${f.jobId ? sql`and f.job_id = ${f.jobId}` : sql``} ${f.status ? sql`and f.status = ${f.status}` : sql``} order by f.id limit 2000`);
    yield* page;
    if (page.length < 2000) return;
    after = page[page.length - 1].id;
  }
}

const FINDING_SELECT = sql`select f.id, f.job_id as "jobId", f.household_id as "householdId", h.code as "householdCode", h.householder_name as "householderName",
  h.village_code as "villageCode", v.name as "villageName", h.registered_status as "registeredStatus", f.monitoring_id as "monitoringId", f.kind, f.sector, f.criteria,
  f.from_level as "fromLevel", f.to_level as "toLevel", f.rule_id as "ruleId", f.reason, f.evidence, f.status,
  (select coalesce(pp.name, a.username) from accounts a left join people pp on pp.id = a.person_id where a.id = f.decided_by) as "decidedByName",
  f.decided_at as "decidedAt", f.decision_note as "decisionNote", j.period
  from poverty_findings f join poverty_households h on h.id = f.household_id join poverty_regions v on v.code = h.village_code
  left join poverty_jobs j on j.id = f.job_id`;

export async function listFindings(ctx: Ctx, f: { jobId?: string; status?: string }, page = 1, pageSize = 20) {
  const scope = await regionScope(ctx);
  const w = sql`${inScopeSql(scope)} ${f.jobId ? sql`and f.job_id = ${f.jobId}` : sql``} ${f.status ? sql`and f.status = ${f.status}` : sql``}`;
  const items = await rows<FindingRow>(ctx.db, sql`${FINDING_SELECT} where ${w}
    order by case f.to_level when 'RED' then 0 when 'YELLOW' then 1 else 2 end, h.village_code, h.code limit ${pageSize} offset ${(page - 1) * pageSize}`);
  const [c] = await rows<{ n: number }>(ctx.db, sql`select count(*)::int as n from poverty_findings f join poverty_households h on h.id = f.household_id where ${w}`);
  return { items, total: c.n };
}

export async function listComparisons(ctx: Ctx) {
  const scope = await regionScope(ctx);
  return rows(ctx.db, sql`select id, sector, period, county_code as "countyCode", status, file_name as "fileName", total, processed, accepted, rejected, changed,
    bytes_read::float8 as "bytesRead", bytes_total::float8 as "bytesTotal", message, created_at as "createdAt", finished_at as "finishedAt"
    from poverty_jobs j where kind = 'comparison' and ${scope === null ? sql`true` : sql`(j.county_code is null or ${inScopeSql(scope, sql`j.county_code`)} or ${sql.join(scope.map((s) => sql`${s} like j.county_code || '%'`), sql` or `)})`}
    order by created_at desc, id desc limit 100`);
}

export interface ConfirmInput {
  /** Who verified the finding (MON-10 核实确认): body and person. */
  verifierBody: string;
  verifierName: string;
  finding: string;
  level?: Level;
  levelReason?: string;
  acknowledged?: string[];
}

async function lockFinding(ctx: Ctx, id: string) {
  const [f] = await rows<{ id: string; household_id: string; monitoring_id: string | null; kind: string; sector: string; criteria: Criteria; facts: Record<string, unknown>; to_level: Level; rule_id: string; reason: string; status: string; registered_status: string; job_id: string }>(
    ctx.db,
    sql`select f.id, f.household_id, f.monitoring_id, f.kind, f.sector, f.criteria, f.facts, f.to_level, f.rule_id, f.reason, f.status, h.registered_status, f.job_id
      from poverty_findings f join poverty_households h on h.id = f.household_id where f.id = ${id} for update of f`,
  );
  if (!f) throw errors.notFound('比对发现');
  if (f.status !== 'open') throw errors.conflict('该比对发现已处理');
  return f;
}

/** Apply the verified sector facts to the household (the register now says what the sector found). */
async function applyFacts(ctx: Ctx, householdId: string, facts: Record<string, unknown>) {
  const b = (k: string) => (typeof facts[k] === 'boolean' ? (facts[k] as boolean) : null);
  const n = (k: string) => (typeof facts[k] === 'number' ? (facts[k] as number) : null);
  await ctx.db.execute(sql`update poverty_households set
    education_secured = coalesce(${b('educationSecured')}::boolean, education_secured),
    medical_secured = coalesce(${b('medicalSecured')}::boolean, medical_secured),
    housing_secured = coalesce(${b('housingSecured')}::boolean, housing_secured),
    extreme_poor = coalesce(${b('extremePoor')}::boolean, extreme_poor),
    rigid_expenditure_fen = coalesce(${n('rigidExpenditureFen')}::bigint, rigid_expenditure_fen)
    where id = ${householdId}`);
}

/**
 * Confirm a finding after verification (MON-10): the household's facts are updated from the
 * sector data; an `entry` finding is proposed with channel 数据比对, its verification recorded,
 * and confirmed by the county poverty office with a colour (MON-02, 06, 07, 10, 14, 15); a
 * `level_up` finding re-suggests the colour and changes the confirmed colour with the rule as
 * the reason. All in one transaction, with history; who confirmed is the acting account.
 */
export async function confirmFinding(ctx: Ctx, id: string, input: ConfirmInput) {
  const actor = requireActor(ctx);
  if (!input.verifierBody.trim() || !input.verifierName.trim() || !input.finding.trim()) {
    enforce([MON10.block('数据比对发现的问题须先核实确认：请填写核实单位、核实人和核实情况')]);
  }
  return withTx(ctx, async (tx) => {
    const f = await lockFinding(tx, id);
    await assertHouseholdInScope(tx, f.household_id);
    await applyFacts(tx, f.household_id, f.facts);
    const dept = SECTOR_KINDS[f.sector]?.department ?? f.sector;
    let monitoringId: string;
    let level: Level;
    if (f.kind === 'entry') {
      const category = f.registered_status === 'exited' ? 'UNSTABLE_EXITED' : 'MARGINAL';
      const p = await proposeMonitoring(tx, { householdId: f.household_id, category, channel: 'DATA_COMPARISON', sectorDepartment: dept, criteria: f.criteria, note: `数据比对（${dept}）发现，比对任务 ${f.job_id}` });
      monitoringId = p.id;
      await verifyMonitoring(tx, monitoringId, { body: input.verifierBody.trim(), actorName: input.verifierName.trim(), finding: input.finding.trim() });
      const done = await confirmMonitoring(tx, monitoringId, { level: input.level ?? f.to_level, levelReason: input.levelReason ?? `数据比对（${dept}）：${f.reason}（${f.rule_id}）`, acknowledged: input.acknowledged });
      level = done.level;
    } else {
      monitoringId = f.monitoring_id!;
      const [m] = await rows<{ status: string; suggested_level: string | null }>(tx.db, sql`select status, suggested_level from poverty_monitoring where id = ${monitoringId} for update`);
      if (!m || m.status !== 'monitored') throw errors.conflict('该户已不在监测中');
      // The rules' suggestion on the updated facts, recorded like a reclassification.
      const s = suggestLevel(await levelFacts(tx.db, f.household_id));
      if (s.level !== m.suggested_level) {
        await tx.db.execute(sql`update poverty_monitoring set suggested_level = ${s.level}, suggested_rule = ${s.ruleId} where id = ${monitoringId}`);
        await tx.db.execute(sql`insert into poverty_level_changes (id, monitoring_id, kind, from_level, to_level, rule_id, reason, job_id, account_id, at)
          values (${newId('lvc')}, ${monitoringId}, 'suggested', ${m.suggested_level}, ${s.level}, ${s.ruleId}, ${s.reason}, ${f.job_id}, ${actor.accountId}, ${tx.clock.now().toISOString()})`);
      }
      await tx.db.execute(sql`insert into poverty_monitoring_events (id, monitoring_id, kind, body, actor_name, account_id, detail, at)
        values (${newId('mev')}, ${monitoringId}, 'verify', ${input.verifierBody.trim()}, ${input.verifierName.trim()}, ${actor.accountId},
          ${JSON.stringify({ channel: 'DATA_COMPARISON', sector: dept, finding: input.finding.trim(), findingId: id })}::jsonb, ${tx.clock.now().toISOString()})`);
      level = input.level ?? s.level;
      await setLevel(tx, monitoringId, { level, reason: input.levelReason?.trim() || `数据比对（${dept}）核实：${input.finding.trim()}；${s.reason}（${s.ruleId}）`, acknowledged: input.acknowledged });
    }
    await tx.db.execute(sql`update poverty_findings set status = 'confirmed', monitoring_id = ${monitoringId}, decided_by = ${actor.accountId}, decided_at = ${tx.clock.now().toISOString()},
      decision_note = ${`${input.verifierBody.trim()} ${input.verifierName.trim()}：${input.finding.trim()}`} where id = ${id}`);
    await audit(tx, { event: 'poverty.finding.confirm', objectType: 'poverty_finding', objectId: id, detail: { kind: f.kind, householdId: f.household_id, monitoringId, level } });
    return { id, monitoringId, level };
  });
}

export async function dismissFinding(ctx: Ctx, id: string, reason: string) {
  const actor = requireActor(ctx);
  if (!reason.trim()) throw errors.badRequest('请填写不予纳入（驳回）的理由');
  return withTx(ctx, async (tx) => {
    const f = await lockFinding(tx, id);
    await assertHouseholdInScope(tx, f.household_id);
    await tx.db.execute(sql`update poverty_findings set status = 'dismissed', decided_by = ${actor.accountId}, decided_at = ${tx.clock.now().toISOString()}, decision_note = ${reason.trim()} where id = ${id}`);
    await audit(tx, { event: 'poverty.finding.dismiss', objectType: 'poverty_finding', objectId: id, detail: { reason: reason.trim() } });
    return { id };
  });
}

/** MON-13: an explicit nil return for a week (本周无住院) counts as the week's list. */
export async function submitNilWeek(ctx: Ctx, input: { countyCode: string; week: string }) {
  const actor = requireActor(ctx);
  checkPeriod('hospital', input.week);
  const scope = await regionScope(ctx);
  if (scope && !codeInScope(scope.map((s) => s.slice(0, 6)), input.countyCode)) throw errors.forbidden('该县不在您的数据范围内');
  return withTx(ctx, async (tx) => {
    await tx.db.execute(sql`select code from poverty_regions where code = ${input.countyCode} for update`);
    const [c] = await rows(tx.db, sql`select 1 from poverty_regions where code = ${input.countyCode} and level = 'county'`);
    if (!c) throw errors.badRequest('县（区）代码不存在');
    const [dup] = await rows(tx.db, sql`select id from poverty_jobs where kind = 'comparison' and sector = 'hospital' and period = ${input.week} and county_code = ${input.countyCode} and status = 'done'`);
    if (dup) throw errors.conflict('该周已报送住院名单');
    const id = newId('pvjob');
    const now = tx.clock.now().toISOString();
    await tx.db.execute(sql`insert into poverty_jobs (id, kind, sector, period, county_code, status, file_name, message, created_by, created_at, finished_at)
      values (${id}, 'comparison', 'hospital', ${input.week}, ${input.countyCode}, 'done', null, '本周无监测户住院（零报告）', ${actor.accountId}, ${now}, ${now})`);
    await audit(tx, { event: 'poverty.hospital.nil', objectType: 'poverty_job', objectId: id, detail: input });
    return { id };
  });
}

/** MON-11: record the quarter's comparison as completed, with the datasets its jobs covered. */
export async function completeQuarter(ctx: Ctx, input: { countyCode: string; quarter: string; note?: string }) {
  const actor = requireActor(ctx);
  if (!/^\d{4}-Q[1-4]$/.test(input.quarter)) throw errors.badRequest('季度格式应为 2026-Q4');
  if ((await regionScope(ctx)) !== null) throw errors.forbidden('季度比对由县扶贫办（未限定区域的工作人员）确认完成');
  return withTx(ctx, async (tx) => {
    const jobs = await rows<{ id: string; sector: string }>(tx.db, sql`select id, sector from poverty_jobs where kind = 'comparison' and status = 'done'
      and period = ${input.quarter} and county_code = ${input.countyCode} and sector <> 'hospital' order by created_at`);
    if (jobs.length === 0) enforce([MON11.block(`${input.quarter}尚无已完成的数据比对任务，不能确认完成`)]);
    const today = localDate(tx.clock.now());
    const [ins] = await rows(tx.db, sql`insert into poverty_quarter_checks (county_code, quarter, due_on, completed_on, completed_by, datasets, note, created_at)
      values (${input.countyCode}, ${input.quarter}, ${quarterDue(input.quarter)}, ${today}, ${actor.accountId}, ${JSON.stringify(jobs)}::jsonb, ${input.note ?? null}, ${tx.clock.now().toISOString()})
      on conflict do nothing returning quarter`);
    if (!ins) throw errors.conflict('该季度的数据比对已确认完成');
    await audit(tx, { event: 'poverty.quarter.complete', objectType: 'poverty_quarter', objectId: `${input.countyCode}:${input.quarter}`, detail: { datasets: jobs.map((j) => j.sector), onTime: today <= quarterDue(input.quarter) } });
    return { quarter: input.quarter, completedOn: today, dueOn: quarterDue(input.quarter), onTime: today <= quarterDue(input.quarter) };
  });
}

/** The period a new comparison defaults to: this quarter, or this ISO week for the weekly list. */
export function defaultPeriod(sector: string, today: string): string {
  return SECTOR_KINDS[sector]?.weekly ? isoWeek(today) : quarterOf(today);
}

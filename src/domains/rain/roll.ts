import type { Readable } from 'node:stream';
import { sql } from 'drizzle-orm';
import { rows, type Database } from '../../kernel/db';
import { requireActor, withTx, type Ctx } from '../../kernel/context';
import { audit } from '../../kernel/audit/write';
import { errors } from '../../kernel/errors';
import { localDate } from '../../kernel/time';
import { copyRows, type CopyValue } from '../poverty/copy';
import { fieldCipher } from '../poverty/crypto';
import { checkIdNumber, maskIdNumber } from '../poverty/idcard';
import { openUpload, stageUpload, UploadError, type StageProgress } from '../poverty/tabular';
import { createJob, getJob, updateJob } from '../poverty/jobs';
import { ENROLMENT_STATUS, parseSemester, SCHOOL_TYPES, type SchoolType } from './rules';
import { reevaluate } from './students';

/**
 * 学籍比对 (三（一）(1)) and 户籍筛查 (三（一）(2)) as bulk jobs. The school roll (the national
 * comparison result from 国务院扶贫办 / 教育部 / 人社部) is streamed row by row; each good row is
 * COPYed into staging with the keyed hash of the ID number (never the plaintext); the matching
 * against the register is set-wise SQL by hash and name. Progress is the poverty job row.
 */
export const ROLL_BATCH = 5000;
export const MAX_ROLL_BYTES = 100 * 1024 * 1024;

const COLUMNS = {
  name: ['姓名', '学生姓名'],
  id: ['证件号码', '身份证号', '身份证号码'],
  school: ['学校名称', '就读学校'],
  location: ['学校所在地'],
  type: ['学校类型'],
  registry: ['学籍系统'],
  statusNo: ['学籍号'],
  enrolment: ['在校状态', '就读状态'],
  enrolledOn: ['入学日期', '入学时间'],
  range: ['国家标识范围', '是否国家标识范围'],
} as const;
const REQUIRED: (keyof typeof COLUMNS)[] = ['name', 'id', 'school', 'type', 'enrolment'];

export const ROLL_HEADER = '姓名,证件号码,学校名称,学校所在地,学校类型,学籍系统,学籍号,在校状态,入学日期,国家标识范围';

const STAGING_COLUMNS = ['job_id', 'line', 'name', 'id_hash', 'id_masked', 'school_name', 'school_location', 'education_level', 'school_type', 'registry_system', 'student_status_no', 'enrolment_status', 'enrolled_on', 'in_national_range'];

const TYPE_BY_LABEL = new Map<string, SchoolType>(Object.entries(SCHOOL_TYPES).flatMap(([code, t]) => [[t.label, code as SchoolType], [code, code as SchoolType]]));
TYPE_BY_LABEL.set('其他高等职业教育', 'OTHER_HIGHER_VOCATIONAL');
TYPE_BY_LABEL.set('中专', 'FULLTIME_REGULAR_SECONDARY_SPECIALISED');
TYPE_BY_LABEL.set('大专', 'FULLTIME_REGULAR_JUNIOR_COLLEGE');
const ENROLMENT_BY_LABEL = new Map<string, string>(Object.entries(ENROLMENT_STATUS).flatMap(([code, label]) => [[label, code], [code, code]]));
ENROLMENT_BY_LABEL.set('毕业', 'GRADUATED');

function mapHeader(cells: string[]) {
  const index: Partial<Record<keyof typeof COLUMNS, number>> = {};
  cells.forEach((c, i) => {
    for (const [k, names] of Object.entries(COLUMNS)) if ((names as readonly string[]).includes(c.trim())) index[k as keyof typeof COLUMNS] = i;
  });
  const missing = REQUIRED.filter((k) => index[k] === undefined).map((k) => COLUMNS[k][0]);
  return { index, missing };
}

interface Finding {
  line: number;
  code: string;
  message: string;
}

function stage(jobId: string, line: number, cells: string[], index: Partial<Record<keyof typeof COLUMNS, number>>, today: string): { row?: CopyValue[]; error?: Finding } {
  const get = (k: keyof typeof COLUMNS) => (index[k] === undefined ? '' : (cells[index[k]!] ?? '').trim());
  const name = get('name');
  if (!name) return { error: { line, code: 'missing', message: '姓名为空' } };
  const id = checkIdNumber(get('id'), today);
  if (!id.ok) return { error: { line, code: 'bad_id', message: id.reason } };
  const type = TYPE_BY_LABEL.get(get('type'));
  if (!type) return { error: { line, code: 'bad_value', message: `学校类型“${get('type')}”无法识别` } };
  const enrolment = ENROLMENT_BY_LABEL.get(get('enrolment'));
  if (!enrolment) return { error: { line, code: 'bad_value', message: `在校状态“${get('enrolment')}”无法识别（在校、顶岗实习、已毕业、退学、失学）` } };
  const regText = get('registry');
  const registry = /教育部|MOE/i.test(regText) ? 'MOE' : /人社部|人力资源|MOHRSS/i.test(regText) ? 'MOHRSS' : null;
  const enrolled = get('enrolledOn');
  if (enrolled && !/^\d{4}-\d{2}-\d{2}$/.test(enrolled)) return { error: { line, code: 'bad_value', message: `入学日期“${enrolled}”应为YYYY-MM-DD` } };
  const range = get('range');
  const school = get('school');
  if (!school) return { error: { line, code: 'missing', message: '学校名称为空' } };
  return {
    row: [jobId, line, name, fieldCipher().lookupHash(id.id), maskIdNumber(id.id), school, get('location') || null, SCHOOL_TYPES[type].level, type, registry, get('statusNo') || null, enrolment, enrolled || null, /^(是|y|yes|true|1)$/i.test(range)],
  };
}

export async function startRollJob(ctx: Ctx, fileName: string): Promise<string> {
  const actor = requireActor(ctx);
  return createJob(ctx.db, 'rain-roll', { fileName, createdBy: actor.accountId, at: ctx.clock.now() });
}

/** Stream the school roll of `semester` into staging, then match it set-wise. */
export async function runRollJob(database: Database, ctx: Ctx, jobId: string, semester: string, body: Readable, input: { format: 'csv' | 'xlsx'; encoding?: 'utf-8' | 'gbk'; bytesTotal?: number }) {
  requireActor(ctx);
  if (!parseSemester(semester)) throw errors.badRequest('学期格式应为 YYYY-spring 或 YYYY-autumn');
  const job = await getJob(ctx.db, jobId);
  if (job.kind !== 'rain-roll') throw errors.notFound('学籍比对任务');
  if (job.status !== 'pending') throw errors.conflict('该比对任务已处理，请新建任务');
  await updateJob(ctx.db, jobId, { status: 'running', bytesTotal: input.bytesTotal });
  const today = localDate(ctx.clock.now());
  const upload = openUpload(body, { format: input.format, encoding: input.encoding, maxBytes: MAX_ROLL_BYTES });
  const progress: StageProgress = { processed: 0, rejected: 0 };
  try {
    await stageUpload(upload.records, progress, {
      header: mapHeader,
      stage: (line, cells, index) => {
        const r = stage(jobId, line, cells, index, today);
        return r.row ? { row: r.row } : { errors: [r.error!] };
      },
      unreadable: (line, message): Finding => ({ line, code: 'unreadable', message }),
      batchSize: ROLL_BATCH,
      flush: async (batch, findings) => {
        await copyRows(database, 'rain_roll_staging', STAGING_COLUMNS, batch);
        await copyRows(database, 'rain_findings', ['job_id', 'line', 'code', 'message'], findings.map((f) => [jobId, f.line, f.code, f.message]));
        await updateJob(ctx.db, jobId, { processed: progress.processed, bytesRead: upload.bytesRead() });
      },
    });
    await matchRoll(ctx, jobId, semester, progress.processed);
  } catch (err) {
    await ctx.db.execute(sql`delete from rain_roll_staging where job_id = ${jobId}`);
    const message = err instanceof UploadError ? err.message : '学籍比对失败，请联系系统管理员';
    await updateJob(ctx.db, jobId, { status: 'failed', message, processed: progress.processed, finishedAt: ctx.clock.now() });
    if (err instanceof UploadError) throw errors.badRequest(message);
    throw err;
  }
  return getJob(ctx.db, jobId);
}

/** The set-wise part: findings, then students and determinations by one statement each. */
async function matchRoll(ctx: Ctx, jobId: string, semester: string, processed: number): Promise<void> {
  const matchedIds = await withTx(ctx, async (tx) => {
    const db = tx.db;
    await db.execute(sql`insert into rain_findings (job_id, line, code, message)
      select s.job_id, s.line, 'duplicate', '证件号码与本文件第' || f.first_line || '行重复'
      from rain_roll_staging s join (select id_hash, min(line) as first_line from rain_roll_staging where job_id = ${jobId} group by id_hash having count(*) > 1) f
        on f.id_hash = s.id_hash and s.line > f.first_line
      where s.job_id = ${jobId}`);
    await db.execute(sql`insert into rain_findings (job_id, line, code, message)
      select s.job_id, s.line, 'not_in_register', s.name || '（' || s.id_masked || '）不是农户台账中的家庭成员'
      from rain_roll_staging s where s.job_id = ${jobId} and not exists (select 1 from poverty_persons p where p.id_hash = s.id_hash)`);
    await db.execute(sql`insert into rain_findings (job_id, line, code, message, person_id, village_code)
      select s.job_id, s.line, 'name_mismatch', '证件号码匹配但姓名不符：学籍为“' || s.name || '”，台账为“' || p.name || '”', p.id, h.village_code
      from rain_roll_staging s join poverty_persons p on p.id_hash = s.id_hash join poverty_households h on h.id = p.household_id
      where s.job_id = ${jobId} and p.name <> s.name`);
    await db.execute(sql`delete from rain_roll_staging s where s.job_id = ${jobId} and exists (select 1 from rain_findings f where f.job_id = s.job_id and f.line = s.line)`);
    const now = tx.clock.now().toISOString();
    const students = await rows<{ id: string }>(
      db,
      sql`insert into rain_students (id, person_id, household_id, name, school_name, school_location, education_level, school_type, formal_status, registry_system,
        student_status_no, enrolment_status, enrolled_on, last_job_id, created_at, updated_at)
        select gc_new_id('rst'), p.id, p.household_id, p.name, s.school_name, s.school_location, s.education_level, s.school_type,
          s.registry_system is not null, s.registry_system, s.student_status_no, s.enrolment_status, s.enrolled_on, s.job_id, ${now}::timestamptz, ${now}::timestamptz
        from rain_roll_staging s join poverty_persons p on p.id_hash = s.id_hash
        where s.job_id = ${jobId}
        on conflict (person_id) do update set school_name = excluded.school_name, school_location = excluded.school_location,
          education_level = excluded.education_level, school_type = excluded.school_type, formal_status = excluded.formal_status,
          registry_system = excluded.registry_system, student_status_no = excluded.student_status_no, enrolment_status = excluded.enrolment_status,
          enrolled_on = coalesce(excluded.enrolled_on, rain_students.enrolled_on), last_job_id = excluded.last_job_id, updated_at = excluded.updated_at
        returning id`,
    );
    // RAIN-04: the determination belongs to the household's county / township / village.
    await db.execute(sql`insert into rain_determinations (id, student_id, semester, household_id, county_code, township_code, village_code, comparison,
        comparison_job_id, in_national_range, eligibility, reasons, status, created_at)
      select gc_new_id('rdt'), st.id, ${semester}, st.household_id, h.county_code, h.township_code, h.village_code, 'ROLL',
        s.job_id, s.in_national_range, 'ineligible', '[]'::jsonb, 'proposed', ${now}::timestamptz
      from rain_roll_staging s join poverty_persons p on p.id_hash = s.id_hash join rain_students st on st.person_id = p.id
        join poverty_households h on h.id = st.household_id
      where s.job_id = ${jobId}
      on conflict (student_id, semester) do update set comparison = 'ROLL', comparison_job_id = excluded.comparison_job_id,
        in_national_range = excluded.in_national_range, county_review = null
        where rain_determinations.status = 'proposed'`);
    await db.execute(sql`delete from rain_roll_staging where job_id = ${jobId}`);
    return students.map((s) => s.id);
  });
  // Eligibility by the rules, in chunks, with progress.
  await reevaluate(ctx.db, semester, matchedIds);
  await withTx(ctx, async (tx) => {
    const [rej] = await rows<{ n: number }>(tx.db, sql`select count(distinct line)::int as n from rain_findings where job_id = ${jobId}`);
    await updateJob(tx.db, jobId, { status: 'done', total: processed, processed, accepted: matchedIds.length, rejected: rej.n, finishedAt: tx.clock.now() });
    await audit(tx, { event: 'rain.roll.compare', objectType: 'poverty_job', objectId: jobId, detail: { semester, processed, matched: matchedIds.length, rejected: rej.n } });
  });
}

/**
 * 户籍筛查: members of registered households in the 新成长劳动力 age band with no student record, or a
 * student with no determination this semester, are listed as possible omissions (set-wise, one
 * INSERT … SELECT), and the screening is recorded as done for the semester (RAIN-14).
 * Reading: 新成长劳动力 = aged 15–22 on the semester's first day (a parameter-free choice, shown on the page).
 */
export const SCREEN_AGE = { from: 15, to: 22 };

export async function runScreening(ctx: Ctx, input: { countyCode: string; semester: string }): Promise<Awaited<ReturnType<typeof getJob>>> {
  const actor = requireActor(ctx);
  const p = parseSemester(input.semester);
  if (!p) throw errors.badRequest('学期格式应为 YYYY-spring 或 YYYY-autumn');
  const jobId = await createJob(ctx.db, 'rain-screening', { fileName: `户籍筛查 ${input.semester}`, createdBy: actor.accountId, at: ctx.clock.now() });
  const start = `${p.year}-${p.season === 'spring' ? '03' : '09'}-01`;
  const youngest = `${p.year - SCREEN_AGE.from}${start.slice(4)}`;
  const oldest = `${p.year - SCREEN_AGE.to - 1}${start.slice(4)}`;
  await updateJob(ctx.db, jobId, { status: 'running' });
  await withTx(ctx, async (tx) => {
    const [total] = await rows<{ n: number }>(
      tx.db,
      sql`select count(*)::int as n from poverty_persons pp join poverty_households h on h.id = pp.household_id
        where h.county_code = ${input.countyCode} and h.registered_status in ('poor', 'exited') and pp.birth_date <= ${youngest} and pp.birth_date > ${oldest}`,
    );
    await tx.db.execute(sql`insert into rain_findings (job_id, line, code, message, person_id, village_code)
      select ${jobId}, row_number() over (order by h.village_code, h.code, pp.birth_date)::int,
        case when st.id is null then 'omission' else 'no_determination' end,
        case when st.id is null then pp.name || '（' || pp.id_masked || '，户编号 ' || h.code || '）属新成长劳动力，未见学籍比对记录，请逐户核实就学、就业情况'
             else pp.name || '（户编号 ' || h.code || '）有学生记录但本学期未列入补助对象确认' end,
        pp.id, h.village_code
      from poverty_persons pp join poverty_households h on h.id = pp.household_id
      left join rain_students st on st.person_id = pp.id
      where h.county_code = ${input.countyCode} and h.registered_status in ('poor', 'exited') and pp.birth_date <= ${youngest} and pp.birth_date > ${oldest}
        and (st.id is null or (st.enrolment_status in ('IN_SCHOOL', 'POST_INTERNSHIP')
          and not exists (select 1 from rain_determinations d where d.student_id = st.id and d.semester = ${input.semester})))`);
    const [found] = await rows<{ n: number }>(tx.db, sql`select count(*)::int as n from rain_findings where job_id = ${jobId}`);
    const today = localDate(tx.clock.now());
    await tx.db.execute(sql`insert into rain_semesters (county_code, semester, hukou_screened_on, hukou_screen_note)
      values (${input.countyCode}, ${input.semester}, ${today}, ${`系统筛查 ${total.n} 人，疑似遗漏 ${found.n} 人（任务 ${jobId}）`})
      on conflict (county_code, semester) do update set hukou_screened_on = excluded.hukou_screened_on, hukou_screen_note = excluded.hukou_screen_note`);
    await updateJob(tx.db, jobId, { status: 'done', total: total.n, processed: total.n, accepted: total.n - found.n, rejected: found.n, finishedAt: tx.clock.now() });
    await audit(tx, { event: 'rain.screening', objectType: 'poverty_job', objectId: jobId, detail: { ...input, screened: total.n, omissions: found.n } });
  });
  return getJob(ctx.db, jobId);
}

export async function jobFindings(ctx: Ctx, jobId: string, limit = 1000) {
  return rows<{ line: number; code: string; message: string; personId: string | null; villageCode: string | null }>(
    ctx.db,
    sql`select line, code, message, person_id as "personId", village_code as "villageCode" from rain_findings where job_id = ${jobId} order by line, code limit ${limit}`,
  );
}

import type { Readable } from 'node:stream';
import { sql } from 'drizzle-orm';
import { rows, type Database } from '../../kernel/db';
import { requireActor, withTx, type Ctx } from '../../kernel/context';
import { audit } from '../../kernel/audit/write';
import { errors } from '../../kernel/errors';
import { localDate } from '../../kernel/time';
import { copyRows } from './copy';
import { fieldCipher } from './crypto';
import { mapHeader, stageRow, STAGING_COLUMNS, type RowError } from './columns';
import { openUpload, stageUpload, UploadError, type StageProgress } from './tabular';
import { getJob, updateJob } from './jobs';
import { placeBigrams } from './search';

/**
 * Household-register import (issue 6): the file is streamed; each row is validated in turn
 * (ID checksum, values); good rows are COPYed into staging in batches; duplicates and
 * unknown villages are found set-wise; then one INSERT … SELECT per table moves the accepted
 * rows. A rejected row changes nothing; the error report lists each with its reason.
 */
export const IMPORT_BATCH = 5000;
export const MAX_UPLOAD_BYTES = 200 * 1024 * 1024;

export interface ImportInput {
  format: 'csv' | 'xlsx';
  encoding?: 'utf-8' | 'gbk';
  bytesTotal?: number;
}

export async function runImport(database: Database, ctx: Ctx, jobId: string, body: Readable, input: ImportInput): Promise<Awaited<ReturnType<typeof getJob>>> {
  requireActor(ctx);
  const job = await getJob(ctx.db, jobId);
  if (job.status !== 'pending') throw errors.conflict('该导入任务已处理，请新建任务');
  await updateJob(ctx.db, jobId, { status: 'running', bytesTotal: input.bytesTotal });
  const cipher = fieldCipher();
  const today = localDate(ctx.clock.now());
  // Each village's search lexemes (its and its township's name bigrams), computed once (search.ts).
  const places = new Map((await rows<{ code: string; v: string; t: string }>(ctx.db, sql`select v.code, v.name as v, t.name as t from poverty_regions v join poverty_regions t on t.code = v.parent_code where v.level = 'village'`)).map((r) => [r.code, placeBigrams([r.v, r.t])]));
  const upload = openUpload(body, { format: input.format, encoding: input.encoding, maxBytes: MAX_UPLOAD_BYTES });
  const progress: StageProgress = { processed: 0, rejected: 0 };
  try {
    await stageUpload(upload.records, progress, {
      header: mapHeader,
      stage: (line, cells, index) => stageRow(jobId, line, cells, index, cipher, today, places),
      unreadable: (line, message): RowError => ({ line, column: null, code: 'unreadable', message }),
      batchSize: IMPORT_BATCH,
      flush: async (batch, rowErrors) => {
        await copyRows(database, 'poverty_import_staging', STAGING_COLUMNS, batch);
        await insertErrors(database, jobId, rowErrors);
        await updateJob(ctx.db, jobId, { processed: progress.processed, rejected: progress.rejected, bytesRead: upload.bytesRead() });
      },
    });
    // Fresh statistics for the set-wise checks (PGlite has no autovacuum), on the join and
    // group keys only: sampling the lexeme arrays and ciphertexts costs more than the checks.
    await ctx.db.execute(sql`analyze poverty_import_staging (job_id, line, household_code, village_code, id_hash)`);
    await finishImport(ctx, jobId, progress.processed);
    // VACUUM marks the new pages all-visible, so that a search count reads the index alone
    // (P6); PGlite has no autovacuum to do it later.
    await ctx.db.execute(sql`vacuum (analyze) poverty_households`);
    await ctx.db.execute(sql`analyze poverty_persons`);
  } catch (err) {
    await ctx.db.execute(sql`delete from poverty_import_staging where job_id = ${jobId}`);
    const message = err instanceof UploadError ? err.message : '导入失败，请联系系统管理员';
    await updateJob(ctx.db, jobId, { status: 'failed', message, processed: progress.processed, finishedAt: ctx.clock.now() });
    if (err instanceof UploadError) throw errors.badRequest(message);
    throw err;
  }
  return getJob(ctx.db, jobId);
}

async function insertErrors(database: Database, jobId: string, list: RowError[]): Promise<void> {
  await copyRows(database, 'poverty_import_errors', ['job_id', 'line', '"column"', 'code', 'message'], list.map((e) => [jobId, e.line, e.column, e.code, e.message]));
}

/** The set-wise part: reject duplicates and unknown villages, then move the rest in one transaction. */
async function finishImport(ctx: Ctx, jobId: string, processed: number): Promise<void> {
  await withTx(ctx, async (tx) => {
    const db = tx.db;
    // Sorts and aggregates over the whole file stay in memory instead of spilling to disk.
    await db.execute(sql`set local work_mem = '64MB'`);
    // Same ID twice in the file: the first row stays, later ones are rejected.
    await db.execute(sql`insert into poverty_import_errors (job_id, line, "column", code, message)
      select s.job_id, s.line, '证件号码', 'duplicate', '证件号码与本文件第' || f.first_line || '行重复'
      from poverty_import_staging s
      join (select id_hash, min(line) as first_line from poverty_import_staging where job_id = ${jobId} group by id_hash having count(*) > 1) f
        on f.id_hash = s.id_hash and s.line > f.first_line
      where s.job_id = ${jobId}`);
    await db.execute(sql`insert into poverty_import_errors (job_id, line, "column", code, message)
      select s.job_id, s.line, '证件号码', 'duplicate', '证件号码已在台账中（户编号 ' || h.code || '）'
      from poverty_import_staging s join poverty_persons p on p.id_hash = s.id_hash join poverty_households h on h.id = p.household_id
      where s.job_id = ${jobId}`);
    await db.execute(sql`insert into poverty_import_errors (job_id, line, "column", code, message)
      select s.job_id, s.line, '村代码', 'unknown_village', '村代码 ' || s.village_code || ' 不在区划表中'
      from poverty_import_staging s
      where s.job_id = ${jobId} and not exists (select 1 from poverty_regions r where r.code = s.village_code and r.level = 'village')`);
    await db.execute(sql`insert into poverty_import_errors (job_id, line, "column", code, message)
      select s.job_id, s.line, '村代码', 'bad_value', '户编号 ' || s.household_code || ' 已登记在其他村（' || h.village_code || '）'
      from poverty_import_staging s join poverty_households h on h.code = s.household_code
      where s.job_id = ${jobId} and h.village_code <> s.village_code`);
    // A file where one household sits in two villages: reject the later rows.
    await db.execute(sql`insert into poverty_import_errors (job_id, line, "column", code, message)
      select s.job_id, s.line, '村代码', 'bad_value', '同一户编号在本文件中对应不同的村'
      from poverty_import_staging s
      join (select household_code, min(line) as first_line from poverty_import_staging where job_id = ${jobId} group by household_code) f on f.household_code = s.household_code
      join poverty_import_staging s0 on s0.job_id = s.job_id and s0.line = f.first_line
      where s.job_id = ${jobId} and s.village_code <> s0.village_code`);
    await db.execute(sql`delete from poverty_import_staging s where s.job_id = ${jobId}
      and exists (select 1 from poverty_import_errors e where e.job_id = s.job_id and e.line = s.line)`);
    const now = tx.clock.now().toISOString();
    // Households already in the register gain members (and their lexemes) first, so that every
    // household the next statement finds by code is a new one. The semi-join keeps a first
    // import of a million rows from aggregating all of them for an empty register.
    await db.execute(sql`update poverty_households h set member_count = h.member_count + x.n,
        search_tsv = coalesce(h.search_tsv, ''::tsvector) || x.doc
      from (select s.household_code, count(*)::int as n, tsvector_agg(array_to_tsvector(s.search_tokens)) as doc
            from poverty_import_staging s
            where s.job_id = ${jobId} and exists (select 1 from poverty_households o where o.code = s.household_code)
            group by s.household_code) x
      where h.code = x.household_code`);
    // New households: fields from the 户主 row (else the first line), the member count and the
    // search document over the whole household, in the one sort by household code.
    const [created] = await rows<{ n: number }>(db, sql`with ins as (
      insert into poverty_households (id, code, village_code, township_code, county_code, householder_name, registered_status, exit_year, extreme_poor,
        net_income_per_head_fen, disposable_income_per_head_fen, income_year, rigid_expenditure_fen, last_year_income_fen, income_only_transfers,
        education_secured, medical_secured, housing_secured, water_secured, bank_account_enc, bank_account_masked, member_count, import_job_id, created_at, search_tsv)
      select gc_new_id('hh'), s.household_code, s.village_code, t.code, t.parent_code,
        s.name,
        s.registered_status, s.exit_year, s.extreme_poor, s.net_income_per_head_fen, s.disposable_income_per_head_fen, s.income_year,
        s.rigid_expenditure_fen, s.last_year_income_fen, s.income_only_transfers, s.education_secured, s.medical_secured, s.housing_secured,
        s.water_secured, s.bank_account_enc, s.bank_account_masked, s.members, s.job_id, ${now}::timestamptz, s.doc
      from (select distinct on (household_code) *, count(*) over hh as members, tsvector_agg(array_to_tsvector(search_tokens)) over hh as doc
            from poverty_import_staging where job_id = ${jobId}
            window hh as (partition by household_code)
            order by household_code, (relation = '户主') desc, line) s
      join poverty_regions v on v.code = s.village_code
      join poverty_regions t on t.code = v.parent_code
      where not exists (select 1 from poverty_households h where h.code = s.household_code)
      returning 1)
      select count(*)::int as n from ins`);
    // The new households have no statistics yet: without them the join below plans as nested loops.
    await db.execute(sql`analyze poverty_households (id, code)`);
    const [moved] = await rows<{ n: number }>(db, sql`with ins as (
      insert into poverty_persons (id, household_id, name, id_enc, id_hash, id_masked, id_tail_hash, birth_date, sex, relation, labour_capacity, disability_grade, import_job_id, created_at)
      select gc_new_id('ps'), h.id, s.name, s.id_enc, s.id_hash, s.id_masked, s.id_tail_hash, s.birth_date, s.sex, s.relation,
        s.labour_capacity, s.disability_grade, s.job_id, ${now}::timestamptz
      from poverty_import_staging s join poverty_households h on h.code = s.household_code
      where s.job_id = ${jobId}
      returning 1)
      select count(*)::int as n from ins`);
    await db.execute(sql`delete from poverty_import_staging where job_id = ${jobId}`);
    const [rej] = await rows<{ n: number }>(db, sql`select count(distinct line)::int as n from poverty_import_errors where job_id = ${jobId}`);
    await updateJob(db, jobId, { status: 'done', total: processed, processed, accepted: moved.n, rejected: rej.n, finishedAt: tx.clock.now() });
    await audit(tx, { event: 'poverty.import', objectType: 'poverty_job', objectId: jobId, detail: { processed, accepted: moved.n, rejected: rej.n, households: created.n } });
  });
}

export interface ImportError {
  line: number;
  column: string | null;
  code: string;
  message: string;
}

export async function importErrors(ctx: Ctx, jobId: string, limit = 1000): Promise<ImportError[]> {
  return rows<ImportError>(ctx.db, sql`select line, "column", code, message from poverty_import_errors where job_id = ${jobId} order by line, code limit ${limit}`);
}

import { sql } from 'drizzle-orm';
import { rows, type Db } from '../../kernel/db';
import { newId } from '../../kernel/ids';
import { errors } from '../../kernel/errors';

/** Jobs the web app polls (imports, reclassification): counts are written as work proceeds. */
export interface JobRow {
  id: string;
  kind: string;
  status: string;
  fileName: string | null;
  total: number;
  processed: number;
  accepted: number;
  rejected: number;
  changed: number;
  bytesRead: number;
  bytesTotal: number | null;
  message: string | null;
  createdAt: string;
  finishedAt: string | null;
}

export async function createJob(db: Db, kind: string, opts: { fileName?: string; createdBy?: string; at: Date }): Promise<string> {
  const id = newId('pvjob');
  await db.execute(sql`insert into poverty_jobs (id, kind, status, file_name, created_by, created_at)
    values (${id}, ${kind}, 'pending', ${opts.fileName ?? null}, ${opts.createdBy ?? null}, ${opts.at.toISOString()})`);
  return id;
}

export async function updateJob(db: Db, id: string, p: Partial<Pick<JobRow, 'status' | 'total' | 'processed' | 'accepted' | 'rejected' | 'changed' | 'bytesRead' | 'bytesTotal' | 'message'>> & { finishedAt?: Date }): Promise<void> {
  await db.execute(sql`update poverty_jobs set
    status = coalesce(${p.status ?? null}, status),
    total = coalesce(${p.total ?? null}::int, total),
    processed = coalesce(${p.processed ?? null}::int, processed),
    accepted = coalesce(${p.accepted ?? null}::int, accepted),
    rejected = coalesce(${p.rejected ?? null}::int, rejected),
    changed = coalesce(${p.changed ?? null}::int, changed),
    bytes_read = coalesce(${p.bytesRead ?? null}::bigint, bytes_read),
    bytes_total = coalesce(${p.bytesTotal ?? null}::bigint, bytes_total),
    message = coalesce(${p.message ?? null}, message),
    finished_at = coalesce(${p.finishedAt?.toISOString() ?? null}::timestamptz, finished_at)
    where id = ${id}`);
}

export async function getJob(db: Db, id: string): Promise<JobRow> {
  const [j] = await rows<JobRow>(db, sql`select id, kind, status, file_name as "fileName", total, processed, accepted, rejected, changed,
    bytes_read::float8 as "bytesRead", bytes_total::float8 as "bytesTotal", message, created_at as "createdAt", finished_at as "finishedAt"
    from poverty_jobs where id = ${id}`);
  if (!j) throw errors.notFound('任务');
  return j;
}

export async function listJobs(db: Db, kind: string): Promise<JobRow[]> {
  return rows<JobRow>(db, sql`select id, kind, status, file_name as "fileName", total, processed, accepted, rejected, changed,
    bytes_read::float8 as "bytesRead", bytes_total::float8 as "bytesTotal", message, created_at as "createdAt", finished_at as "finishedAt"
    from poverty_jobs where kind = ${kind} order by created_at desc limit 50`);
}

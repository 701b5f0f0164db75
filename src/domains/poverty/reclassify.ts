import { sql, type SQL } from 'drizzle-orm';
import { rows, type Db } from '../../kernel/db';
import { requireActor, type Ctx } from '../../kernel/context';
import { audit } from '../../kernel/audit/write';
import { errors } from '../../kernel/errors';
import { createJob, getJob, updateJob } from './jobs';
import { MON03 } from './rules';

/**
 * Re-classify every monitored household by the warning rules (MON-15…17) set-wise: one SQL
 * statement per chunk of at most `chunk` households (keyset on id), each recording what it
 * changed in poverty_level_changes, with the job's progress updated between chunks and the
 * event loop released, so requests keep being answered (data-and-performance.md §2).
 * The CASE below is `suggestLevel` (rules.ts) in SQL; a test holds them equal.
 */
export const MAX_CHUNK = 50_000;
/** Embedded: a chunk of this size takes 20–40 ms here; GC and commits can double or treble that. */
export const EMBEDDED_MAX_CHUNK = 1000;

/** The suggested colour of household `h` (with `w` = working members), as SQL. */
export function levelCase(standards: SQL, multiplier: number): { level: SQL; rule: SQL; reason: SQL } {
  const std = sql`(${standards}::jsonb ->> h.income_year::text)::bigint`;
  const red1 = sql`h.extreme_poor and w.working = 0`;
  const red2 = sql`h.disposable_income_per_head_fen < round(${std} * ${multiplier}::numeric)`;
  const red3 = sql`not (h.education_secured and h.medical_secured and h.housing_secured and h.water_secured)`;
  const yellow = sql`w.working = 0 and h.income_only_transfers`;
  return {
    level: sql`case when ${red1} then 'RED' when ${red2} then 'RED' when ${red3} then 'RED' when ${yellow} then 'YELLOW' else 'BLUE' end`,
    rule: sql`case when ${red1} or ${red2} or ${red3} then 'MON-15' when ${yellow} then 'MON-16' else 'MON-17' end`,
    reason: sql`case when ${red1} then '完全丧失劳动能力的特困户' when ${red2} then '人均可支配收入低于国家扶贫标准1.5倍'
      when ${red3} then '“两不愁三保障”及饮水安全未有效保障' when ${yellow} then '无劳动力、仅靠资金扶持或分红等维持'
      when w.lost > 0 then '部分丧失劳动能力，收入来源不稳定' else '收入来源不稳定，依靠产业项目和结对帮扶' end`,
  };
}

const WORKING = sql`left join lateral (select count(*) filter (where p.labour_capacity in ('full', 'skilled', 'weak'))::int as working,
  count(*) filter (where p.labour_capacity = 'lost')::int as lost from poverty_persons p where p.household_id = h.id) w on true`;

async function chunkOnce(db: Db, jobId: string, after: string, size: number, at: string): Promise<{ last: string | null; n: number; changed: number }> {
  const c = levelCase(sql`${JSON.stringify(MON03.param('nationalPovertyStandard'))}`, MON03.param('multiplier'));
  const [r] = await rows<{ last: string | null; n: number; changed: number }>(
    db,
    sql`with chunk as (select id from poverty_monitoring where status = 'monitored' and id > ${after} order by id limit ${size}),
    calc as (
      select m.id, m.suggested_level as old_level, ${c.level} as new_level, ${c.rule} as rule_id, ${c.reason} as reason
      from chunk join poverty_monitoring m on m.id = chunk.id join poverty_households h on h.id = m.household_id ${WORKING}),
    upd as (
      update poverty_monitoring m set suggested_level = calc.new_level, suggested_rule = calc.rule_id
      from calc where m.id = calc.id and (m.suggested_level is distinct from calc.new_level or m.suggested_rule is distinct from calc.rule_id)
      returning m.id, calc.old_level, calc.new_level, calc.rule_id, calc.reason),
    ins as (
      insert into poverty_level_changes (id, monitoring_id, kind, from_level, to_level, rule_id, reason, job_id, at)
      select gc_new_id('lvc'), upd.id, 'suggested', upd.old_level, upd.new_level, upd.rule_id, upd.reason, ${jobId}, ${at}::timestamptz
      from upd where upd.old_level is distinct from upd.new_level
      returning 1)
    select (select max(id) from chunk) as last, (select count(*)::int from chunk) as n, (select count(*)::int from ins) as changed`,
  );
  return r;
}

export async function startReclassify(ctx: Ctx): Promise<string> {
  const actor = requireActor(ctx);
  const [running] = await rows<{ id: string }>(ctx.db, sql`select id from poverty_jobs where kind = 'reclassify' and status in ('pending', 'running')`);
  if (running) throw errors.conflict('已有重新分级任务在运行', { jobId: running.id });
  const id = await createJob(ctx.db, 'reclassify', { createdBy: actor.accountId, at: ctx.clock.now() });
  await audit(ctx, { event: 'poverty.reclassify.start', objectType: 'poverty_job', objectId: id });
  return id;
}

/**
 * Run a reclassification job to the end, chunk by chunk (each chunk commits on its own).
 * `chunk` is the largest chunk; the size adapts so that one chunk takes about `targetMs`.
 * Embedded, PGlite runs a statement on Node's own thread, and consecutive statements hold the
 * event loop until something yields, so: every chunk is followed by a pause, the first chunk
 * is small (a cold first statement costs several times a warm one), a chunk has at most
 * EMBEDDED_MAX_CHUNK rows and grows by at most half per step (rows whose level changes cost
 * about twice those that do not, so a fast run of unchanged rows must not leave a chunk sized
 * for them), and the total is counted in slices (no request may wait more than 100 ms,
 * data-and-performance.md §2). On a server
 * the statement runs in PostgreSQL while Node keeps answering, and only locks these
 * monitoring rows: chunks of about SERVER_TARGET_MS cut the per-chunk overhead (P3).
 */
export const TARGET_MS = 40;
export const SERVER_TARGET_MS = 1000;
const PROGRESS_MS = 500;
/**
 * Between embedded chunks, a pause rather than one turn of the event loop: a request takes
 * several turns (connection, body, its own queries, the answer), and with a chunk on every
 * turn it would wait for several chunks.
 */
const PAUSE_MS = 8;
const pause = (ms: number) => new Promise((resolve) => (ms > 0 ? setTimeout(resolve, ms) : setImmediate(resolve)));

/**
 * Monitored households, counted a slice at a time along the (status, id) index: the first
 * slice is small (its pages may still be on disk), later ones double while they stay fast.
 */
async function countMonitored(db: Db, targetMs: number, pauseMs: number): Promise<number> {
  let n = 0;
  let after = '';
  let slice = 2000;
  for (;;) {
    const t0 = performance.now();
    const [r] = await rows<{ n: number; last: string | null }>(db, sql`select count(*)::int as n, max(id) as last from
      (select id from poverty_monitoring where status = 'monitored' and id > ${after} order by id limit ${slice}) s`);
    n += r.n;
    if (r.n < slice || !r.last) return n;
    after = r.last;
    if (performance.now() - t0 < targetMs / 2) slice = Math.min(slice * 2, MAX_CHUNK);
    await pause(pauseMs);
  }
}

export async function runReclassify(ctx: Ctx, jobId: string, o: { chunk?: number; embedded?: boolean } = {}) {
  const server = o.embedded === false;
  const max = Math.min(Math.max(1, o.chunk ?? (server ? MAX_CHUNK : EMBEDDED_MAX_CHUNK)), MAX_CHUNK);
  const targetMs = server ? SERVER_TARGET_MS : TARGET_MS;
  let size = Math.min(max, server ? 1000 : 200);
  const growth = server ? 4 : 1.5;
  const yieldToRequests = () => pause(server ? 0 : PAUSE_MS);
  const total = await countMonitored(ctx.db, targetMs, server ? 0 : PAUSE_MS);
  await updateJob(ctx.db, jobId, { status: 'running', total });
  await yieldToRequests();
  const at = ctx.clock.now().toISOString();
  let after = '';
  let reported = performance.now();
  let processed = 0;
  let changed = 0;
  try {
    for (;;) {
      const t0 = performance.now();
      const r = await chunkOnce(ctx.db, jobId, after, size, at);
      const ms = performance.now() - t0;
      if (r.n === 0 || !r.last) break;
      if (r.n === size) size = Math.max(1, Math.min(max, Math.round(size * Math.min(growth, Math.max(0.25, targetMs / Math.max(ms, 1))))));
      processed += r.n;
      changed += r.changed;
      after = r.last;
      await yieldToRequests();
      // Progress at most twice a second: an embedded commit costs as much as a small chunk.
      if (performance.now() - reported >= PROGRESS_MS) {
        await updateJob(ctx.db, jobId, { processed, changed });
        reported = performance.now();
        await yieldToRequests();
      }
    }
    await updateJob(ctx.db, jobId, { status: 'done', processed, changed, finishedAt: ctx.clock.now() });
    await audit(ctx, { event: 'poverty.reclassify.done', objectType: 'poverty_job', objectId: jobId, detail: { processed, changed } });
  } catch (err) {
    await updateJob(ctx.db, jobId, { status: 'failed', message: '重新分级失败', finishedAt: ctx.clock.now() });
    throw err;
  }
  return getJob(ctx.db, jobId);
}

import { openDatabase } from '../src/kernel/db';
import { bareTpcbPglite, bareTpcbPostgres, type Baseline } from './lib/baseline';
import { createPendingApprovals, prepareDatabase, type PendingApproval } from './lib/approvals';
import { HttpClient } from './lib/http';
import { runLoad } from './lib/load';
import { createScratchDb } from './lib/postgres';
import { freePort, startServer } from './lib/server';
import { since, type Summary } from './lib/stats';
import type { BenchContext, Row } from './types';

/**
 * P1 proper: an audited approval action through the HTTP API, POST
 * /api/v1/flow/tasks/:id/approve on the real `serve --demo` process — session cookie and
 * actor, the flow.use permission, zod validation, the instance row lock, the approver check,
 * the flow's rules, the task update, the trail row, completion (a one-step 公出 of general
 * staff: the instance closes and onTripComplete checks TRIP-01 and signs the trip) and the
 * audit records, all in one transaction — at N clients, against pgbench TPC-B at N clients on
 * the same server, with the PGlite figure beside it.
 *
 * Every operation approves a different pending task, so clients never wait on each other's
 * instance lock (the lock is measured, not contended, as pgbench at scale ≥ clients).
 */

/** Enough pending tasks for the whole run at up to this rate; the run stops early if they run out. */
const MAX_RATE: Record<'pglite' | 'postgres', number> = { pglite: 800, postgres: 2_500 };

async function approvals(port: number, ctx: BenchContext, tasks: PendingApproval[]): Promise<{ summary: Summary; exhausted: boolean }> {
  const client = new HttpClient(port, ctx.clients * 2);
  let next = 0;
  let refused: string | undefined;
  try {
    const summary = await runLoad({
      clients: ctx.clients,
      seconds: ctx.seconds,
      warmupSeconds: ctx.warmupSeconds,
      maxOperations: Math.min(ctx.maxOperations, tasks.length),
      operation: async () => {
        const t = tasks[next++]!;
        const res = await client.request('POST', `/api/v1/flow/tasks/${t.taskId}/approve`, { comment: '同意。' }, { cookie: t.cookie });
        // A one-step route: the approval must close the instance, or the bench measured something else.
        const ok = res.status === 200 && res.body.includes('"status":"approved"');
        if (!ok) refused ??= `${res.status} ${res.body}`;
        return ok;
      },
    });
    if (summary.count === 0) throw new Error(`every approval was refused: ${refused}`);
    if (refused) process.stderr.write(`  first refused approval: ${refused}\n`);
    return { summary, exhausted: next >= tasks.length };
  } finally {
    client.close();
  }
}

function taskCount(ctx: BenchContext, engine: 'pglite' | 'postgres'): number {
  return Math.min(ctx.maxOperations, Math.ceil((ctx.seconds + ctx.warmupSeconds) * MAX_RATE[engine]));
}

function rows(engine: 'pglite' | 'postgres', http: { summary: Summary; exhausted: boolean }, setupMs: number, bare: Baseline): Row[] {
  const ratio = http.summary.perSecond / bare.summary.perSecond;
  const target = engine === 'postgres' ? '≥ 0.40x' : '— (PG target)';
  return [
    {
      id: 'P1',
      engine,
      key: 'approval',
      what: 'HTTP audited approval (POST flow/tasks/:id/approve, 公出 one step → approved)',
      summary: http.summary,
      note: [`setup ${(setupMs / 1000).toFixed(1)} s`, http.exhausted ? 'ran out of pending tasks: raise MAX_RATE' : ''].filter(Boolean).join('; '),
    },
    { id: 'P1', engine, key: 'tpcb', what: bare.label, summary: bare.summary },
    { id: 'P1', engine, key: 'ratio', what: 'ratio HTTP approval / bare TPC-B', ratio, target, pass: engine === 'postgres' ? ratio >= 0.4 : undefined },
  ];
}

export async function p1ApprovalPglite(ctx: BenchContext): Promise<Row[]> {
  const dataDir = ctx.tempDir('p1-approval');
  // Setup in this process on the DATA_DIR, closed again before the server takes its lock.
  const t0 = performance.now();
  const database = await openDatabase({ dataDir });
  let tasks: PendingApproval[];
  try {
    await prepareDatabase(database);
    tasks = await createPendingApprovals(database, taskCount(ctx, 'pglite'));
  } finally {
    await database.close();
  }
  const setupMs = since(t0);
  const port = await freePort();
  const server = await startServer({ port, dataDir });
  let http: Awaited<ReturnType<typeof approvals>>;
  try {
    http = await approvals(port, ctx, tasks);
  } finally {
    await server.stop();
  }
  return rows('pglite', http, setupMs, await bareTpcbPglite(ctx));
}

export async function p1ApprovalPostgres(ctx: BenchContext, adminUrl: string): Promise<Row[]> {
  const scratch = await createScratchDb(adminUrl, 'approval');
  let http: Awaited<ReturnType<typeof approvals>>;
  let setupMs: number;
  try {
    const t0 = performance.now();
    const database = await openDatabase({ databaseUrl: scratch.url, poolSize: 2 });
    let tasks: PendingApproval[];
    try {
      await prepareDatabase(database);
      tasks = await createPendingApprovals(database, taskCount(ctx, 'postgres'));
    } finally {
      await database.close();
    }
    setupMs = since(t0);
    const port = await freePort();
    const server = await startServer({ port, databaseUrl: scratch.url });
    try {
      http = await approvals(port, ctx, tasks);
    } finally {
      await server.stop();
    }
  } finally {
    await scratch.drop();
  }
  return rows('postgres', http, setupMs, await bareTpcbPostgres(ctx, adminUrl));
}

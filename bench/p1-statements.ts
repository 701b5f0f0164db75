import pg from 'pg';
import { openDatabase } from '../src/kernel/db';
import { systemClock } from '../src/kernel/time';
import { buildApp } from '../src/server/app';
import { createPendingApprovals, prepareDatabase } from './lib/approvals';
import { createScratchDb } from './lib/postgres';

/**
 * `--only p1-sql`: the SQL one approval sends, counted at the driver (every query of every
 * pooled pg.Client, BEGIN and COMMIT included), with the plan of each read and write on a
 * database holding 20,000 pending approvals, so a missing index shows as a Seq Scan.
 * In-process (buildApp + inject): the HTTP layer's own statements are counted too.
 */
export async function p1Statements(pgUrl: string | undefined): Promise<string[]> {
  if (!pgUrl) return ['p1-sql needs the PostgreSQL server (statements are counted at the pg driver)'];
  const scratch = await createScratchDb(pgUrl, 'sql');
  // Count at the prototype, installed before the pool connects: each pooled client wraps the
  // query function it finds at connect time (kernel/db/prepared.ts), so a later patch is never seen.
  const seen: { text: string; values: unknown[] }[] = [];
  let counting = false;
  const proto = pg.Client.prototype as unknown as { query: (...args: unknown[]) => unknown };
  const original = proto.query;
  proto.query = function (this: unknown, ...args: unknown[]) {
    if (counting) {
      const [q, v] = args;
      const text = typeof q === 'string' ? q : (q as { text: string }).text;
      const values = (Array.isArray(v) ? v : (q as { values?: unknown[] })?.values) ?? [];
      seen.push({ text, values });
    }
    return original.apply(this, args);
  };
  const database = await openDatabase({ databaseUrl: scratch.url, poolSize: 4 });
  try {
    await prepareDatabase(database);
    const tasks = await createPendingApprovals(database, 20_000);
    const app = await buildApp({ database, clock: systemClock, config: { demo: true } });
    await app.ready();
    const approve = async (i: number) => {
      const res = await app.inject({ method: 'POST', url: `/api/v1/flow/tasks/${tasks[i]!.taskId}/approve`, payload: { comment: '同意。' }, headers: { cookie: tasks[i]!.cookie } });
      if (res.statusCode !== 200) throw new Error(`approve answered ${res.statusCode} ${res.body}`);
    };
    // Warm the caches (settings, prepared statements, JIT) with a first approval, then count one.
    await approve(0);
    await approve(1);
    counting = true;
    try {
      await approve(2);
    } finally {
      counting = false;
    }
    console.log(`\nP1: one approval (POST /api/v1/flow/tasks/:id/approve) sent ${seen.length} SQL statements:`);
    const client = new pg.Client({ connectionString: scratch.url });
    await client.connect();
    try {
      for (const [i, s] of seen.entries()) {
        const oneLine = s.text.replace(/\s+/g, ' ').trim();
        let plan = '';
        if (/^(select|update|delete|insert|with)/i.test(oneLine)) {
          // Plan only (no ANALYZE): an EXPLAIN of a write must not change the data.
          const res = await client.query(`explain ${s.text}`, s.values as unknown[]).catch((err: Error) => ({ rows: [{ 'QUERY PLAN': `(explain failed: ${err.message})` }] }));
          const lines = res.rows.map((r: Record<string, string>) => r['QUERY PLAN']!);
          const scans = lines.filter((l) => /Seq Scan|Index Scan|Index Only Scan|Bitmap/.test(l)).map((l) => l.trim().replace(/\s+\(cost.*$/, ''));
          plan = scans.length ? `  → ${[...new Set(scans)].join('; ')}` : '';
        }
        console.log(`${String(i + 1).padStart(3)}. ${oneLine.length > 160 ? `${oneLine.slice(0, 157)}…` : oneLine}${plan}`);
      }
    } finally {
      await client.end();
    }
    await app.close();
    return [];
  } finally {
    proto.query = original;
    await database.close().catch(() => undefined);
    await scratch.drop();
  }
}

import { addDays } from '../src/kernel/time';
import { HttpClient } from './lib/http';
import { runLoad } from './lib/load';
import { bareTpcbPglite, bareTpcbPostgres } from './lib/baseline';
import { createScratchDb } from './lib/postgres';
import { freePort, startServer } from './lib/server';
import type { Summary } from './lib/stats';
import type { BenchContext, Row } from './types';

/**
 * P1 precursor (`--only p1-write`): an audited write through the HTTP API — session cookie, permission check,
 * zod validation, the org rules, the insert and its audit record in one transaction — at N
 * clients, against a bare TPC-B-like transaction at N clients on the same engine.
 * The write is POST /api/v1/org/acting-arrangements; P1 proper (an approval action of
 * kernel/flow) is p1-approval.ts; this one stays as a second, simpler audited write.
 */

export const DEMO_PASSWORD = 'Guicheng@2026';

/**
 * One absent/acting pair per client: the service locks the absent person's row, so clients
 * sharing one person would measure that lock (like pgbench at scale 1), not the write path.
 */
const PAIRS: [string, string][] = [
  ['liuyang', 'mali'], ['zhutao', 'xunuo'], ['luomin', 'xiechen'], ['hanbing', 'tangning'],
  ['fenglei', 'dongxue'], ['huangjing', 'linfeng'], ['gaowei', 'zhengxiaoyan'], ['xiaoran', 'chengyuan'],
  ['wuhai', 'hejianjun'], ['zhouwenbin', 'liminghua'], ['sunli', 'zhaoguoqiang'],
];

async function login(client: HttpClient): Promise<string> {
  const res = await client.request('POST', '/api/v1/auth/login', { username: 'weiqiang', password: DEMO_PASSWORD });
  if (res.status !== 200) throw new Error(`login failed: ${res.status} ${res.body}`);
  const setCookie = res.headers['set-cookie']?.find((c) => c.startsWith('gc_sid='));
  if (!setCookie) throw new Error('login answered without a gc_sid cookie');
  return setCookie.split(';')[0]!;
}

/** The HTTP side against a running server; throws with the server's answer if a write is refused. */
async function httpWrites(port: number, ctx: BenchContext): Promise<Summary> {
  const client = new HttpClient(port, ctx.clients * 2);
  try {
    const cookie = await login(client);
    let refused: string | undefined;
    const summary = await runLoad({
      clients: ctx.clients,
      seconds: ctx.seconds,
      warmupSeconds: ctx.warmupSeconds,
      maxOperations: ctx.maxOperations,
      operation: async (c, seq) => {
        const [absent, acting] = PAIRS[c % PAIRS.length]!;
        // Clients beyond the pairs share a person: offset their dates so ranges never overlap.
        const day = addDays('2030-01-01', seq * Math.ceil(ctx.clients / PAIRS.length) + Math.floor(c / PAIRS.length));
        const res = await client.request(
          'POST',
          '/api/v1/org/acting-arrangements',
          { absentPersonId: `psn_${absent}`, actingPersonId: `psn_${acting}`, startDate: day, endDate: day, reason: '性能基准：外出期间代理' },
          { cookie },
        );
        if (res.status !== 201) refused ??= `${res.status} ${res.body}`;
        return res.status === 201;
      },
    });
    if (summary.count === 0) throw new Error(`every write was refused: ${refused}`);
    return summary;
  } finally {
    client.close();
  }
}

async function routeMissing(port: number): Promise<boolean> {
  const client = new HttpClient(port);
  try {
    const res = await client.request('POST', '/api/v1/org/acting-arrangements', {});
    return res.status === 404;
  } finally {
    client.close();
  }
}

function rows(engine: string, http: Summary | string, bare: Summary, bareLabel: string): Row[] {
  const out: Row[] = [];
  if (typeof http === 'string') {
    out.push({ id: 'P1', engine, what: `HTTP audited write: ${http}` });
  } else {
    out.push({ id: 'P1', engine, what: 'HTTP audited write (POST org/acting-arrangements)', summary: http });
  }
  out.push({ id: 'P1', engine, what: bareLabel, summary: bare });
  if (typeof http !== 'string') {
    out.push({ id: 'P1', engine, what: 'ratio HTTP audited write / bare TPC-B', ratio: http.perSecond / bare.perSecond, target: engine === 'postgres' ? '≥ 0.40x' : '— (PG target)', pass: engine === 'postgres' ? http.perSecond / bare.perSecond >= 0.4 : undefined });
  }
  return out;
}

export async function p1Pglite(ctx: BenchContext): Promise<Row[]> {
  // HTTP: the real server on a fresh embedded DATA_DIR.
  const port = await freePort();
  const server = await startServer({ port, dataDir: ctx.tempDir('p1-http') });
  let http: Summary | string;
  try {
    http = (await routeMissing(port)) ? 'n/a — route not there yet' : await httpWrites(port, ctx);
  } finally {
    await server.stop();
  }
  const bare = await bareTpcbPglite(ctx);
  return rows('pglite', http, bare.summary, bare.label);
}

export async function p1Postgres(ctx: BenchContext, adminUrl: string): Promise<Row[]> {
  const httpDb = await createScratchDb(adminUrl, 'http');
  let http: Summary | string;
  try {
    const port = await freePort();
    const server = await startServer({ port, databaseUrl: httpDb.url });
    try {
      http = (await routeMissing(port)) ? 'n/a — route not there yet' : await httpWrites(port, ctx);
    } finally {
      await server.stop();
    }
  } finally {
    await httpDb.drop();
  }
  const bare = await bareTpcbPostgres(ctx, adminUrl);
  return rows('postgres', http, bare.summary, bare.label);
}

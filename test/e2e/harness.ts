import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { beforeEach } from 'vitest';
import { startServer, type Running } from '../../src/server/start';
import { DEMO_PASSWORD, TestClock } from '../support/app';
import { createServerDatabase } from '../support/db';

export const CHROMIUM = '/usr/bin/chromium';

/** Flags from the machine notes: no background networking on this closed network. */
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Pages of the running test, with what went wrong in them, for the failure report. */
const pages = new Map<Page, string[]>();
/** The server under test, probed when a test fails: does it still answer, and its database? */
let serverUrl: string | undefined;

async function probeServer(): Promise<string> {
  if (!serverUrl) return 'no server';
  const t0 = Date.now();
  try {
    const res = await fetch(`${serverUrl}/api/v1/health`, { signal: AbortSignal.timeout(5_000) });
    return `GET /api/v1/health → ${res.status} in ${Date.now() - t0} ms: ${(await res.text()).slice(0, 200)}`;
  } catch (err) {
    return `GET /api/v1/health failed after ${Date.now() - t0} ms (${(err as Error).name}): the server or its database is stuck`;
  }
}

/**
 * When a browser test fails, leave a screenshot of every page under test-results/ and print
 * each page's URL with its failed API calls and console errors, so that a CI log says why.
 */
beforeEach(({ task, onTestFailed }) => {
  pages.clear();
  onTestFailed(async () => {
    console.log(`[e2e] ${await probeServer()}`);
    fs.mkdirSync('test-results', { recursive: true });
    let n = 0;
    for (const [page, log] of pages) {
      n += 1;
      const file = path.join('test-results', `${path.basename(task.file?.name ?? 'e2e')}-${n}.png`);
      await page.screenshot({ path: file, fullPage: true }).catch(() => undefined);
      console.log(`[e2e] page ${n}: ${page.url()} (screenshot ${file})\n  ${log.slice(-15).join('\n  ') || 'no failed requests or console errors'}`);
      const alert = await page.getByTestId('error-alert').allInnerTexts().catch(() => []);
      if (alert.length) console.log(`[e2e] page ${n} shows: ${alert.join(' | ')}`);
    }
  });
});

/** Let the single-page app finish its first requests, so that nothing re-renders under a click. */
async function settled(page: Page): Promise<void> {
  await page.waitForLoadState('networkidle', { timeout: 10_000 }).catch(() => undefined);
}

export interface E2E {
  server: Running;
  browser: Browser;
  baseUrl: string;
  newPage(): Promise<Page>;
  login(page: Page, username: string, password?: string): Promise<void>;
  close(): Promise<void>;
}

/**
 * The real server (built web app, demo office) on a temporary data folder or, with
 * DATABASE_URL, on a fresh server database; and a headless Chromium driving it.
 */
export async function startE2E(opts: { clock?: TestClock } = {}): Promise<E2E> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'gc-e2e-'));
  const fresh = process.env.DATABASE_URL ? await createServerDatabase(process.env.DATABASE_URL) : undefined;
  const server = await startServer({
    port: 0,
    dataDir,
    databaseUrl: fresh?.url,
    demo: true,
    demoPassword: DEMO_PASSWORD,
    clock: opts.clock,
  });
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true });
  const baseUrl = server.url;
  serverUrl = baseUrl;
  return {
    server,
    browser,
    baseUrl,
    async newPage() {
      const context = await browser.newContext({ locale: 'zh-CN', timezoneId: 'Asia/Shanghai', viewport: { width: 1400, height: 900 }, reducedMotion: 'reduce' });
      const page = await context.newPage();
      page.setDefaultTimeout(30_000);
      const log: string[] = [];
      pages.set(page, log);
      page.on('console', (m) => { if (m.type() === 'error') log.push(`console: ${m.text()}`); });
      page.on('response', (r) => { if (r.status() >= 400) log.push(`${r.status()} ${r.request().method()} ${r.url()}`); });
      const goto = page.goto.bind(page);
      const reload = page.reload.bind(page);
      page.goto = async (url, o) => { const r = await goto(url, o); await settled(page); return r; };
      page.reload = async (o) => { const r = await reload(o); await settled(page); return r; };
      return page;
    },
    async login(page, username, password = DEMO_PASSWORD) {
      await page.goto(baseUrl + '/');
      await page.getByLabel('用户名').fill(username);
      await page.getByLabel('密码').fill(password);
      await page.getByRole('button', { name: /登\s*录/ }).click();
      await page.getByTestId('user-menu').waitFor();
    },
    async close() {
      await browser.close().catch(() => undefined);
      await server.stop();
      await fresh?.drop();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startE2E, type E2E } from './harness';

let e2e: E2E;
beforeAll(async () => {
  e2e = await startE2E();
});
afterAll(async () => e2e?.close());

/** A day two days back on the office's calendar: inside the page's default week and not in the future. */
const twoDaysAgo = () => new Date(Date.now() - 2 * 86_400_000).toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' });

describe('打卡记录 in the browser', () => {
  it('ATT-02: 综合科 imports the attendance machine CSV, sees the refused row by line and the lateness, and exports the records', async () => {
    const day = twoDaysAgo();
    const hub = await e2e.newPage();
    await e2e.login(hub, 'liuyang');
    await hub.goto(`${e2e.baseUrl}/personnel/presence`);
    const csv = ['账号,姓名,日期,上班,下班', `xunuo,许诺,${day},08:41,17:35`, `xiechen,谢晨,${day},08:20,17:02`, `nobody,无此人,${day},08:00,17:30`].join('\n');
    await hub.getByTestId('punch-file').setInputFiles({ name: '考勤机导出.csv', mimeType: 'text/csv', buffer: Buffer.from(csv, 'utf8') });
    await hub.getByText('共 3 行，导入 2 行，1 行有错误').waitFor();
    const errorsTable = hub.locator('.ant-alert', { hasText: '共 3 行' });
    expect(await errorsTable.innerText()).toContain('找不到人员');
    // The saved rows show minutes late (8:41 → 11) and early (17:02 → 28) against 8:30–17:30.
    const xunuo = hub.locator('tr', { hasText: '许诺' }).filter({ hasText: day });
    await xunuo.waitFor();
    expect(await xunuo.innerText()).toContain('11 分钟');
    expect(await hub.locator('tr', { hasText: '谢晨' }).filter({ hasText: day }).innerText()).toContain('28 分钟');
    const href = await hub.locator('.ant-card', { hasText: '打卡记录' }).getByRole('link', { name: /导出 Excel/ }).getAttribute('href');
    const xlsx = await hub.request.get(new URL(href!, e2e.baseUrl).toString());
    expect(xlsx.status()).toBe(200);
    expect((await xlsx.body()).subarray(0, 2).toString()).toBe('PK');
  });
});

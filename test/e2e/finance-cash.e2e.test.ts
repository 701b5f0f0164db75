import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startE2E, type E2E } from './harness';
import { pickOption } from './select';
import { TestClock } from '../support/clock';

const clock = new TestClock('2026-11-02T09:00:00+08:00');
let e2e: E2E;
beforeAll(async () => {
  e2e = await startE2E({ clock });
}, 120_000);
afterAll(async () => e2e?.close());

describe('cash count (browser)', () => {
  it('AS-D40 FIN-03 FIN-02.3: the cashier cannot supervise; the IOU is confirmed, not counted (−250.00); closing needs an explanation', async () => {
    const page = await e2e.newPage();
    await e2e.login(page, 'mali');
    await page.goto(e2e.baseUrl + '/finance/cash-counts');
    // The form proposes last month's cashier (高伟), the accountant (黄静) and the finance head (马丽).
    await page.getByTestId('cash-cashier').filter({ hasText: '高伟' }).waitFor();
    await page.getByTestId('cash-designated-by').filter({ hasText: '马丽' }).waitFor();
    await page.getByLabel('盘点日期').fill('2026-11-02');
    await page.getByLabel('现金账面余额（元）').fill('3200');
    await page.getByLabel('实际库存现金（元，不含白条）').fill('2950');
    await page.getByRole('button', { name: '添加白条' }).click();
    await page.getByPlaceholder('内容').fill('借条：预借差旅费');
    await page.getByPlaceholder('金额（元）').fill('250');
    await pickOption(page, 'cash-supervisor', '高伟');
    await page.getByRole('button', { name: '登记盘点' }).click();
    const alert = page.getByTestId('error-alert');
    await alert.waitFor();
    await expect(alert.innerText()).resolves.toContain('出纳不得担任');
    await expect(alert.innerText()).resolves.toContain('FIN-03');

    await pickOption(page, 'cash-supervisor', '黄静');
    await page.getByRole('button', { name: '登记盘点' }).click();
    const confirm = page.getByTestId('cash-confirm');
    await confirm.waitFor();
    await expect(page.getByText('FIN-02.3', { exact: false }).first().innerText()).resolves.toContain('白条');
    await confirm.click();
    const row = page.locator('tr', { hasText: '-250.00元' });
    await row.waitFor();
    await expect(row.innerText()).resolves.toContain('白条抵库（FIN-02.3）');

    await row.getByRole('button', { name: '结束盘点' }).click();
    await page.getByRole('dialog').getByRole('button', { name: '结束盘点' }).click();
    await alert.waitFor();
    await expect(alert.innerText()).resolves.toContain('须填写差异原因说明');
    await row.getByRole('button', { name: '结束盘点' }).click();
    await page.getByTestId('cash-explanation').fill('出纳以借条抵库250.00元，已责令收回');
    await page.getByRole('dialog').getByRole('button', { name: '结束盘点' }).click();
    await page.locator('tr', { hasText: '出纳以借条抵库' }).filter({ hasText: '已结束' }).waitFor();
    await page.screenshot({ path: 'test-results/cash-count.png', fullPage: true });
  }, 180_000);
  it('FIN-18 FIN-16: a report of the demo calendar is marked sent with its reference; the audit administrator finds the inspection export under 系统管理', async () => {
    const page = await e2e.newPage();
    await e2e.login(page, 'mali');
    await page.goto(e2e.baseUrl + '/finance/report-calendar');
    const row = page.locator('tr', { hasText: '行政事业单位会计报表（月报）' }).filter({ hasText: '2026-11-10' });
    await row.getByRole('button', { name: '登记报送' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('报送日期').fill('2026-11-02');
    await dialog.getByLabel('报送文号或回执编号').fill('白扶办财〔2026〕11号');
    await dialog.getByRole('button', { name: /登\s*记/ }).click();
    await page.getByRole('tab', { name: '全部期次' }).click();
    const sent = page.locator('tr', { hasText: '白扶办财〔2026〕11号' });
    await sent.waitFor();
    await expect(sent.innerText()).resolves.toContain('已报送');

    const auditor = await e2e.newPage();
    await e2e.login(auditor, 'pengying');
    await auditor.getByRole('menuitem', { name: '财务监督检查资料' }).click();
    await auditor.getByLabel('起始日期').fill('2026-10-01');
    const link = auditor.getByRole('link', { name: /导出/ });
    await expect(link.getAttribute('href')).resolves.toContain('/api/v1/finance/inspection/audit.xlsx?from=2026-10-01&to=');
    const res = await auditor.request.get(e2e.baseUrl + (await link.getAttribute('href'))!);
    expect(res.status()).toBe(200);
  }, 180_000);
});

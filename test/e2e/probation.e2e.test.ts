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

describe('试用期管理 (browser)', () => {
  it('PROB-01 PROB-03 综合科 records an overdue assessment above one third with the 党组 finding the cadre fit, then registers a promotion (a 转任 is refused)', async () => {
    const page = await e2e.newPage();
    await e2e.login(page, 'liuyang');
    await page.goto(e2e.baseUrl + '/personnel/probations');
    // The demo office: 许诺's probation ended ten days ago.
    const xu = page.locator('tr', { hasText: '许诺' });
    await expect(xu.innerText()).resolves.toContain('已到期');
    await xu.getByRole('button', { name: '登记考核结果' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('考核日期').fill('2026-11-02');
    await dialog.getByLabel('民主测评有效票').fill('30');
    await dialog.getByLabel('优秀', { exact: true }).fill('5');
    await dialog.getByLabel('称职', { exact: true }).fill('14');
    await dialog.getByLabel('基本称职', { exact: true }).fill('8');
    await dialog.getByLabel('不称职', { exact: true }).fill('3');
    await dialog.getByTestId('threshold').filter({ hasText: '基本称职和不称职 11 张，超过有效票的三分之一' }).waitFor();
    await dialog.getByLabel('胜任现职').check();
    await dialog.getByLabel('办党组研究决定（会议或文号）').fill('2026年第12次党组会议');
    await page.getByTestId('assessment-save').click();
    // PROB-03: the threshold is met but the 党组 finds the cadre fit — a warning to confirm.
    const warnings = page.getByTestId('rule-warnings');
    await warnings.waitFor();
    await expect(warnings.innerText()).resolves.toContain('PROB-03');
    await page.getByTestId('rule-warning-confirm').click();
    await page.locator('tr', { hasText: '许诺' }).filter({ hasText: '正式任职' }).filter({ hasText: '超过三分之一' }).waitFor();

    await page.getByTestId('probation-new').click();
    const form = page.getByRole('dialog', { name: '登记试用期' });
    await pickOption(page, 'probation-person', '程远', { search: true });
    await form.getByLabel('试任职务').fill('社会扶贫科副科长');
    await form.getByLabel('任职文件或党组决定').fill('白扶贫党组〔2026〕5号');
    await form.getByLabel('任职日期').fill('2026-10-08');
    await form.locator('.ant-select', { hasText: '提拔任职' }).click();
    await page.locator('.ant-select-item-option', { hasText: '转任' }).click();
    await page.getByTestId('probation-save').click();
    const alert = form.getByTestId('error-alert');
    await alert.waitFor();
    await expect(alert.innerText()).resolves.toContain('不设试用期');
    await expect(alert.innerText()).resolves.toContain('PROB-01');
    await form.locator('.ant-select', { hasText: '转任' }).click();
    await page.locator('.ant-select-item-option', { hasText: '提拔任职' }).click();
    await page.getByTestId('probation-save').click();
    const row = page.locator('tr', { hasText: '程远' });
    await row.waitFor();
    await expect(row.innerText()).resolves.toContain('2026-10-08 至 2027-10-07');
    await expect(row.innerText()).resolves.toContain('应于 2027-10-08 起考核');
    await page.screenshot({ path: 'test-results/probations.png', fullPage: true });
  }, 180_000);
});

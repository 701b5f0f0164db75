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

describe('帮扶措施 and the data-scope form in the browser', () => {
  it('MON-19 MON-18: a no-labour household leaves the 应保尽保 list once 低保 is recorded; the overdue 住建 item is listed', async () => {
    const page = await e2e.newPage();
    await e2e.login(page, 'huangjing');
    await page.goto(e2e.baseUrl + '/poverty/measures');
    await page.getByRole('tab', { name: '应保尽保' }).click();
    const missing = page.getByTestId('social-missing');
    await missing.locator('tr', { hasText: '220802100201002' }).waitFor();

    await page.getByRole('tab', { name: '分户措施' }).click();
    await pickOption(page, 'measure-household', '220802100201002');
    await page.getByTestId('warn-MON-19').waitFor();
    await page.getByTestId('measure-new').click();
    // Let the dialog finish opening before its Select is used.
    await page.getByRole('dialog').waitFor();
    await page.waitForTimeout(500);
    await pickOption(page, 'measure-type', '综合性社会保障');
    await pickOption(page, 'measure-item', '农村低保');
    await page.getByTestId('measure-description').fill('纳入农村低保，按月发放');
    await page.getByTestId('measure-body').fill('青山镇民政办');
    await page.getByTestId('measure-save').click();
    await page.getByTestId('measure-table').locator('tr', { hasText: '纳入农村低保' }).waitFor();
    await expect.poll(() => page.getByTestId('warn-MON-19').count()).toBe(0);

    await page.getByRole('tab', { name: '应保尽保' }).click();
    await expect.poll(() => missing.locator('tr', { hasText: '220802100201002' }).count()).toBe(0);
    await page.getByRole('tab', { name: '行业部门落实' }).click();
    const row = page.getByTestId('sector-actions').locator('tr', { hasText: '220802200202003' }).filter({ hasText: '住建' });
    await row.waitFor();
    expect(await row.textContent()).toContain('逾期未落实');
  }, 180_000);

  it('SECREQ-16: the poverty administrator assigns a township to 董雪, who then sees only its households', async () => {
    const page = await e2e.newPage();
    await e2e.login(page, 'huangjing');
    await page.goto(e2e.baseUrl + '/poverty/duties');
    await page.getByRole('tab', { name: '数据范围' }).click();
    await pickOption(page, 'scope-account', '董雪');
    // Replace 青山镇 by 林海乡.
    await page.getByTestId('scope-regions').locator('.ant-select-selection-item-remove').first().click();
    await page.getByTestId('scope-regions').click();
    await page.locator('.ant-select-tree-title', { hasText: '林海乡' }).click();
    await page.keyboard.press('Escape');
    await page.getByTestId('scope-save').click();
    await expect.poll(() => page.getByTestId('scope-table').locator('tr', { hasText: 'dongxue' }).textContent()).toContain('林海乡');

    const other = await e2e.newPage();
    await e2e.login(other, 'dongxue');
    await other.goto(e2e.baseUrl + '/poverty/households');
    await other.locator('tr', { hasText: '林海村' }).first().waitFor();
    expect(await other.locator('tr', { hasText: '青山村' }).count()).toBe(0);
  }, 180_000);
});

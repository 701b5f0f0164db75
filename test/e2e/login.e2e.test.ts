import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startE2E, type E2E } from './harness';

let e2e: E2E;
beforeAll(async () => {
  e2e = await startE2E();
});
afterAll(async () => e2e?.close());

describe('login (browser)', () => {
  it('refuses a wrong password in Chinese without saying whether the user exists, then logs in to 工作台', async () => {
    const page = await e2e.newPage();
    await page.goto(e2e.baseUrl + '/');
    await page.getByLabel('用户名').fill('liminghua');
    await page.getByLabel('密码').fill('wrong-password');
    await page.getByRole('button', { name: /登\s*录/ }).click();
    const alert = page.getByTestId('error-alert');
    await alert.waitFor();
    const text = await alert.innerText();
    expect(text).toMatch(/用户名或密码/);
    expect(text).not.toMatch(/不存在/);

    await e2e.login(page, 'liminghua');
    await expect(page.getByTestId('user-menu').innerText()).resolves.toContain('李明华');
    await expect(page.getByText('演示环境', { exact: false }).first().isVisible()).resolves.toBe(true);
    await page.screenshot({ path: 'test-results/workbench.png', fullPage: true });
  });
});

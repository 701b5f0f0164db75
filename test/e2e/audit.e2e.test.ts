import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startE2E, type E2E } from './harness';

let e2e: E2E;
beforeAll(async () => {
  e2e = await startE2E();
});
afterAll(async () => e2e?.close());

describe('audit administrator (browser)', () => {
  it('pengying opens 审计日志 and runs the integrity verifier', async () => {
    const page = await e2e.newPage();
    await e2e.login(page, 'pengying');
    await page.goto(e2e.baseUrl + '/admin/audit');
    await page.getByTestId('audit-verify').click();
    const result = page.getByTestId('audit-verify-result');
    await result.waitFor();
    await expect(result.innerText()).resolves.toMatch(/完整|通过|未发现/);
    await page.screenshot({ path: 'test-results/audit-verify.png', fullPage: true });
  });

  it('an ordinary staff member does not see the audit menu and is refused the page', async () => {
    const page = await e2e.newPage();
    await e2e.login(page, 'xunuo');
    await expect(page.getByRole('menuitem', { name: '审计日志' }).count()).resolves.toBe(0);
    await page.goto(e2e.baseUrl + '/admin/audit');
    await page.getByText('无权访问').waitFor();
  });
});

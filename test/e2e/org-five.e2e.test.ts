import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startE2E, type E2E } from './harness';
import { pickOption } from './select';

let e2e: E2E;
beforeAll(async () => {
  e2e = await startE2E();
});
afterAll(async () => e2e?.close());

describe('organisation (browser)', () => {
  it('FIVE-01: assigning 财务审批 to the principal leader is refused with the rule and its article', async () => {
    const page = await e2e.newPage();
    await e2e.login(page, 'weiqiang');
    await page.goto(e2e.baseUrl + '/org');
    await page.getByTestId('assign-leadership').click();
    await pickOption(page, 'assign-leader', '陈志远');
    await pickOption(page, 'assign-area', '财务审批');
    await page.getByTestId('assign-submit').click();
    const alert = page.getByTestId('error-alert');
    await alert.waitFor();
    const text = await alert.innerText();
    expect(text).toContain('FIVE-01');
    expect(text).toMatch(/五不直接分管/);
    await page.screenshot({ path: 'test-results/org-five-01.png', fullPage: true });
  });
});

import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startE2E, type E2E } from './harness';
import { approveAs } from './flow';
import { pickOption } from './select';
import { TestClock } from '../support/clock';

// A week before the trip: TRIP-01 has nothing to say.
const clock = new TestClock('2026-11-02T09:00:00+08:00');
let e2e: E2E;
beforeAll(async () => {
  e2e = await startE2E({ clock });
});
afterAll(async () => e2e?.close());

describe('公出 to a host unit (browser)', () => {
  it('TRAVEL-07 TRAVEL-08: the category is chosen, the 公函 generated from the form, and its number printed on the signed 公出审批单', async () => {
    const page = await e2e.newPage();
    await e2e.login(page, 'tangning');
    await page.goto(e2e.baseUrl + '/personnel/trips');
    await page.getByLabel('公出目的地').fill('长春市');
    await page.getByLabel('公出事由').fill('学习产业帮扶项目经验');
    await pickOption(page, 'trip-category', '执行任务');
    await page.getByLabel('出发日期').fill('2026-11-10');
    await page.getByLabel('返回日期').fill('2026-11-12');
    // A companion is picked by name, not typed as a person number.
    await pickOption(page, 'trip-companions', '许诺', { search: true });
    await page.getByTestId('trip-reception').check();
    // TRAVEL-08 blocks while the letter is empty; the preview shows it.
    await page.getByText('TRAVEL-08').first().waitFor();
    await page.getByLabel('接待单位', { exact: true }).fill('长春市乡村振兴局');
    await page.getByLabel('公函文号').fill('白扶贫函〔2026〕12号');
    await page.getByRole('button', { name: '按审批单生成' }).click();
    await expect(page.getByLabel('内容', { exact: true }).inputValue()).resolves.toBe('学习产业帮扶项目经验');
    await expect(page.getByLabel('行程', { exact: true }).inputValue()).resolves.toContain('长春市');
    await page.locator('.ant-select-selection-item', { hasText: '唐宁' }).waitFor();
    await expect(page.locator('.ant-select-selection-item', { hasText: '许诺' }).count()).resolves.toBe(2); // companion and 公函 person
    const submit = page.getByRole('button', { name: /提\s*交/ });
    await page.screenshot({ path: 'test-results/trip-outbound.png', fullPage: true });
    await expect.poll(() => submit.isEnabled(), { timeout: 15_000 }).toBe(true);
    await submit.click();
    await page.waitForURL(/\/flow\/instances\//);
    const instanceUrl = page.url();
    const instanceId = instanceUrl.split('/').pop()!;

    await approveAs(e2e, await e2e.newPage(), 'zhaoguoqiang', instanceUrl, '同意');
    const pdf = await page.request.get(`${e2e.baseUrl}/api/v1/flow/instances/${instanceId}/form.pdf`);
    expect(pdf.status()).toBe(200);
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'gc-trip-')), 'form.pdf');
    fs.writeFileSync(file, await pdf.body());
    const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
    expect(text).toContain('白扶贫函〔2026〕12号');
    expect(text).toContain('赵国强');
    expect(text).toContain('许诺');
  });
});

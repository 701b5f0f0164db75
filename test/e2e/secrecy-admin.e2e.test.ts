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

describe('保密管理 and 印章代管与停用 (browser)', () => {
  it('SEC-23 SEC-17: the 文书 is refused a classified machine on the internet, sees the dispatched 涉密发文 with its copies, and exports the register', async () => {
    const clerk = await e2e.newPage();
    await e2e.login(clerk, 'huangjing');
    await clerk.goto(e2e.baseUrl + '/secrecy/admin');
    await clerk.getByRole('tab', { name: '设备登记' }).click();
    await clerk.getByPlaceholder('设备编号').fill('ZH-SM09');
    await clerk.getByPlaceholder('名称型号').fill('浏览器测试涉密机');
    await clerk.getByPlaceholder('存放地点').fill('综合科机要室');
    await clerk.getByLabel('涉密', { exact: true }).check();
    await clerk.getByRole('button', { name: /登\s*记/ }).first().click();
    const alert = clerk.getByTestId('error-alert');
    await alert.waitFor();
    const text = await alert.innerText();
    expect(text).toContain('SEC-23');
    expect(text).toContain('涉密计算机不得连接互联网');
    await clerk.getByLabel('连接互联网').uncheck();
    await pickOption(clerk, 'dev-level', '机密');
    await clerk.getByTestId('dev-user').click();
    await clerk.keyboard.type('黄静');
    await clerk.keyboard.press('Enter');
    await clerk.getByLabel('已设开机密码').check();
    await clerk.getByRole('button', { name: /登\s*记/ }).first().click();
    await clerk.getByText('设备已登记').waitFor().catch(async (e) => { throw new Error(`${String(e)} ${await alert.innerText().catch(() => '')}`); });
    await clerk.locator('tr').filter({ hasText: 'ZH-SM09' }).first().waitFor();
    await clerk.getByRole('tab', { name: '涉密发文' }).click();
    const row = clerk.getByTestId('sout-table').locator('tr').filter({ hasText: '关于防返贫监测对象动态调整情况的报告' }).first();
    await expect(row.innerText()).resolves.toContain('已发出');
    await expect(row.innerText()).resolves.toContain('3/3');
    const xlsx = await clerk.request.get(e2e.baseUrl + '/api/v1/secrecy/ledger/outgoing.xlsx');
    expect(xlsx.status()).toBe(200);
    expect((await xlsx.body()).subarray(0, 2).toString()).toBe('PK');
    await clerk.screenshot({ path: 'test-results/secrecy-admin.png', fullPage: true });
  }, 180_000);

  it('SEAL-12 SEAL-11: the 分管领导 of 综合科 names a stand-in keeper and stops a damaged seal from the page', async () => {
    const leader = await e2e.newPage();
    await e2e.login(leader, 'liminghua');
    await leader.goto(e2e.baseUrl + '/seals/register');
    const first = leader.getByTestId('seal-register').locator('tbody tr').filter({ hasText: '在用' }).first();
    await first.getByRole('button', { name: '指定临时代管人' }).waitFor();
    const sealName = (await first.locator('td').first().innerText()).trim();
    await first.getByRole('button', { name: '指定临时代管人' }).click();
    await leader.getByTestId('seal-temp-person').click();
    await leader.keyboard.type('黄静');
    await leader.keyboard.press('Enter');
    await leader.getByTestId('seal-temp-start').fill('2026-11-02');
    await leader.getByTestId('seal-temp-end').fill('2026-11-06');
    await leader.getByTestId('seal-temp-reason').fill('保管人赴省参加培训');
    await leader.getByTestId('seal-temp-ok').click();
    await leader.getByText('已指定临时代管人').waitFor().catch(async (e) => { await leader.screenshot({ path: 'test-results/seal-temp-fail.png', fullPage: true }); throw new Error(`${String(e)} ${await leader.getByTestId('error-alert').innerText().catch(() => '')}`); });
    await leader.getByTestId('seal-register').locator('tr').filter({ hasText: sealName }).first().getByText('黄静', { exact: true }).waitFor();
    await leader.getByTestId('seal-stop-open').click();
    const box = leader.getByRole('checkbox', { name: sealName, exact: true });
    await box.check();
    await expect(box.isChecked()).resolves.toBe(true);
    await leader.getByTestId('seal-stop-ok').click();
    await leader.getByText('印章已停用').waitFor();
    await leader.getByTestId('seal-register').locator('tr').filter({ hasText: sealName }).first().getByText('停用（使用损坏）').waitFor();
  }, 180_000);
});

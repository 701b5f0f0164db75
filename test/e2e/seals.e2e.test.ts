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

describe('seals and the classified register (browser)', () => {
  it('SEAL-01 SEAL-02: a staff member asks to use the 公章, the 分管领导 consents, the keeper stamps, the 用印登记簿 shows it', async () => {
    const staff = await e2e.newPage();
    await e2e.login(staff, 'tangning');
    await staff.goto(e2e.baseUrl + '/seals');
    await pickOption(staff, 'seal-select', '白城市扶贫开发办公室（公章）');
    await pickOption(staff, 'seal-category', 'B 未经签发的重要材料');
    await staff.getByLabel('用印文件名称').fill('洮北区扶贫项目合作协议（浏览器测试）');
    await staff.getByTestId('seal-submit').click();
    await staff.waitForURL(/\/flow\/instances\//);
    const instanceUrl = staff.url();

    const leader = await e2e.newPage();
    await e2e.login(leader, 'zhaoguoqiang');
    await leader.goto(instanceUrl);
    await leader.getByTestId('flow-approve').click();
    await leader.getByTestId('flow-comment-input').fill('同意用印');
    const dialog = leader.getByRole('dialog');
    await dialog.getByRole('button', { name: /确\s*定/ }).click();
    await dialog.waitFor({ state: 'hidden' });
    await leader.locator('[data-testid="flow-status"][data-status="approved"]').waitFor();

    const keeper = await e2e.newPage();
    await e2e.login(keeper, 'linfeng');
    await keeper.goto(e2e.baseUrl + '/seals/keeper');
    const row = keeper.locator('tr').filter({ hasText: '洮北区扶贫项目合作协议（浏览器测试）' }).first();
    await row.getByRole('button', { name: /用\s*印/ }).click();
    await keeper.getByTestId('seal-stamp-ok').click();
    await keeper.getByText('已登记用印').waitFor();
    await keeper.getByRole('tab', { name: '用印登记簿' }).click();
    const ledgerRow = keeper.getByTestId('seal-ledger').locator('tr').filter({ hasText: '洮北区扶贫项目合作协议（浏览器测试）' }).first();
    await expect(ledgerRow.innerText()).resolves.toContain('已用印');
    await expect(ledgerRow.innerText()).resolves.toContain('林峰');
    await keeper.screenshot({ path: 'test-results/seals-ledger.png', fullPage: true });
  }, 180_000);

  it('SEC-06: borrowing a 绝密 document is refused in the page with the rule and its article', async () => {
    const staff = await e2e.newPage();
    await e2e.login(staff, 'xiechen');
    await staff.goto(e2e.baseUrl + '/secrecy/requests');
    await staff.getByTestId('secrecy-regno').fill('2026-0002');
    await staff.getByTestId('secrecy-due').fill('2026-11-10');
    await staff.getByTestId('secrecy-purpose').fill('工作参考');
    await staff.getByTestId('secrecy-submit').click();
    const alert = staff.getByTestId('error-alert');
    await alert.waitFor();
    const text = await alert.innerText();
    expect(text).toContain('绝密件不允许借阅');
    expect(text).toContain('SEC-06');
    expect(text).toContain('第二十五条');
  }, 120_000);
});

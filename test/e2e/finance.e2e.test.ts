import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startE2E, type E2E } from './harness';
import { approveAs } from './flow';
import { TestClock } from '../support/clock';
import type { TestApp } from '../support/app';
import { partyDecision } from '../../src/domains/finance/test-helpers';

const clock = new TestClock('2026-11-02T09:00:00+08:00');
let e2e: E2E;
beforeAll(async () => {
  e2e = await startE2E({ clock });
  // The 党组 decides the 20,000-yuan special fund first (meetings service, all 7 agree).
  await partyDecision({ database: e2e.server.database, clock } as unknown as TestApp, 2_000_000, 'special_fund', '扶贫干部培训专项经费');
}, 120_000);
afterAll(async () => e2e?.close());

const approve = (page: Page, user: string, instanceUrl: string) => approveAs(e2e, page, user, instanceUrl);

describe('a large special expense (browser)', () => {
  it('FIVE-06 FIVE-03 FIN-11 AS-B42: blocked for want of a 党组 decision with the citation, linked, signed through its chain and printed', async () => {
    const staff = await e2e.newPage();
    await e2e.login(staff, 'tangning');
    await staff.goto(e2e.baseUrl + '/finance/claims/new');
    // The list is virtual: type to filter, then pick.
    await staff.getByTestId('claim-category').click();
    await staff.keyboard.type('业务专项');
    await staff.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option').filter({ hasText: '业务专项经费' }).first().click();
    await staff.getByRole('radio', { name: '业务专项经费' }).check();
    await staff.getByLabel('报销事由').fill('扶贫干部培训专项经费');
    await staff.getByLabel('收款人').fill('白城市干部培训中心');
    await staff.getByLabel('明细1摘要').fill('培训费');
    await staff.getByLabel('明细1金额').fill('20000');
    await staff.getByLabel('凭证1').fill('发票No.20261102');
    await staff.getByText('本部门对报销凭证的真实性、合法性负责').click();
    await staff.getByRole('button', { name: '提交报销' }).click();
    const alert = staff.getByTestId('error-alert');
    await alert.waitFor();
    await expect(alert.innerText()).resolves.toContain('党组集体研究决定');
    await expect(alert.innerText()).resolves.toContain('FIVE-06');
    await staff.screenshot({ path: 'test-results/finance-blocked.png', fullPage: true });

    await staff.getByTestId('claim-find-decision').click();
    await expect(staff.getByTestId('claim-decision').innerText()).resolves.toContain('扶贫干部培训专项经费');
    await staff.getByRole('button', { name: '提交报销' }).click();
    await staff.waitForURL(/\/flow\/instances\//);
    const instanceUrl = staff.url();
    const instanceId = instanceUrl.split('/').pop()!;

    // 承办科室负责人 → 财务负责人审核 → 分管该业务的领导审核 → 分管财务审批的领导审批; no principal leader.
    for (const user of ['hanbing', 'mali', 'zhaoguoqiang']) await approve(await e2e.newPage(), user, instanceUrl);
    const last = await e2e.newPage();
    await approve(last, 'liminghua', instanceUrl);
    // The page reloads the instance after the action: wait for it to show the outcome.
    await last.locator('[data-testid="flow-status"][data-status="approved"]').waitFor();

    const pdf = await staff.request.get(`${e2e.baseUrl}/api/v1/flow/instances/${instanceId}/form.pdf`);
    expect(pdf.status()).toBe(200);
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'gc-claim-')), 'claim.pdf');
    fs.writeFileSync(file, await pdf.body());
    const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
    expect(text).toContain('费用报销单');
    for (const name of ['唐宁', '韩冰', '马丽', '赵国强', '李明华']) expect(text).toContain(name);
    expect(text).not.toContain('陈志远');
  }, 180_000);
});

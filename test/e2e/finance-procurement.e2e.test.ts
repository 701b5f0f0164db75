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
  // The 党组 decides the 30,000-yuan purchase first (meetings service, all 7 agree).
  await partyDecision({ database: e2e.server.database, clock } as unknown as TestApp, 3_000_000, 'procurement', '采购扶贫项目档案柜');
}, 120_000);
afterAll(async () => e2e?.close());

const approve = (page: Page, user: string, instanceUrl: string) => approveAs(e2e, page, user, instanceUrl);

describe('a large procurement (browser)', () => {
  it('FIVE-12 FIVE-15 FIVE-18: 30,000 yuan is blocked for want of a 党组 decision with the citation; linked, it runs the large chain without the principal and prints FMS-F1', async () => {
    const staff = await e2e.newPage();
    await e2e.login(staff, 'tangning');
    await staff.goto(e2e.baseUrl + '/finance/procurements');
    await staff.getByLabel('采购（维修）事由').fill('采购扶贫项目档案柜');
    await staff.getByLabel('事项1名称').fill('档案柜');
    await staff.getByLabel('事项1数量').fill('10');
    await staff.getByLabel('事项1单位').fill('组');
    await staff.getByLabel('事项1用途').fill('扶贫项目档案存放');
    await staff.getByLabel('事项1预计金额').fill('30000');
    await staff.getByRole('button', { name: '提交申请' }).click();
    const alert = staff.getByTestId('error-alert');
    await alert.waitFor();
    await expect(alert.innerText()).resolves.toContain('党组集体研究决定');
    await expect(alert.innerText()).resolves.toContain('FIVE-12');
    await staff.screenshot({ path: 'test-results/procurement-blocked.png', fullPage: true });

    await staff.getByTestId('procurement-find-decision').click();
    await expect(staff.getByTestId('procurement-decision').innerText()).resolves.toContain('采购扶贫项目档案柜');
    await staff.getByRole('button', { name: '提交申请' }).click();
    // The test decision carries no section's discussion proposal: FIVE-16 asks for a confirmation.
    await staff.getByTestId('procurement-confirm').click();
    await staff.waitForURL(/\/flow\/instances\//);
    const instanceUrl = staff.url();
    const instanceId = instanceUrl.split('/').pop()!;

    // 经办人科室负责人 → 综合科 → 财务负责人 → 分管物资采购的领导审核 → 分管财务审批的领导审批; no principal leader.
    for (const user of ['hanbing', 'liuyang', 'mali', 'sunli']) await approve(await e2e.newPage(), user, instanceUrl);
    const last = await e2e.newPage();
    await approve(last, 'liminghua', instanceUrl);
    // The page reloads the instance after the action: wait for it to show the outcome.
    await last.locator('[data-testid="flow-status"][data-status="approved"]').waitFor();

    const pdf = await staff.request.get(`${e2e.baseUrl}/api/v1/flow/instances/${instanceId}/form.pdf`);
    expect(pdf.status()).toBe(200);
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'gc-prc-')), 'fmsf1.pdf');
    fs.writeFileSync(file, await pdf.body());
    const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
    expect(text).toContain('办公用品、生活物资购买（维修）申请单');
    for (const name of ['唐宁', '韩冰', '刘洋', '马丽', '孙丽', '李明华', '档案柜']) expect(text).toContain(name);
    expect(text).not.toContain('陈志远');
  }, 180_000);
});

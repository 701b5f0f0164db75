import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startE2E, type E2E } from './harness';
import { approveAs } from './flow';
import { TestClock } from '../support/clock';

// The office's clock: the request is made a week before National Day 2026.
const clock = new TestClock('2026-09-24T09:00:00+08:00');
let e2e: E2E;
beforeAll(async () => {
  e2e = await startE2E({ clock });
});
afterAll(async () => e2e?.close());

const approve = (page: Page, user: string, instanceUrl: string, opinion: string) => approveAs(e2e, page, user, instanceUrl, opinion);

describe('leave across National Day (browser)', () => {
  it('LEAVE-05 LEAVE-07 LEAVE-20: 2.5 working days of personal leave, two signatures on the form, late report-back in the 综合科 report', async () => {
    // 许诺 (督查科) asks for leave from the afternoon of 30 September to 9 October.
    const staff = await e2e.newPage();
    await e2e.login(staff, 'xunuo');
    await staff.goto(e2e.baseUrl + '/personnel/leave/new');
    await staff.getByLabel('开始日期').fill('2026-09-30');
    await staff.getByText('下午起').click();
    await staff.getByLabel('结束日期').fill('2026-10-09');
    await staff.getByLabel('请假事由').fill('家中有事需回老家处理');
    const result = staff.getByText('计算结果');
    await result.waitFor();
    const card = staff.locator('.ant-card', { has: result }).last();
    await expect(card.innerText()).resolves.toMatch(/工作日\s*2\.5/);
    await expect(card.innerText()).resolves.toContain('朱涛');
    await expect(card.innerText()).resolves.toContain('孙丽');
    await staff.screenshot({ path: 'test-results/leave-preview.png', fullPage: true });
    await staff.getByRole('button', { name: /提交申请/ }).click();
    await staff.waitForURL(/\/flow\/instances\//);
    const instanceUrl = staff.url();
    const instanceId = instanceUrl.split('/').pop()!;

    // The section chief consents, then the leader in charge approves.
    await approve(await e2e.newPage(), 'zhutao', instanceUrl, '同意');
    const leader = await e2e.newPage();
    await approve(leader, 'sunli', instanceUrl, '批准');
    // The page reloads the instance after the action: wait for it to show the outcome.
    await leader.locator('[data-testid="flow-status"][data-status="approved"]').waitFor();

    // The printed 请销假审批表 carries both signatures.
    const pdf = await staff.request.get(`${e2e.baseUrl}/api/v1/flow/instances/${instanceId}/form.pdf`);
    expect(pdf.status()).toBe(200);
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'gc-leave-')), 'form.pdf');
    fs.writeFileSync(file, await pdf.body());
    const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
    expect(text).toContain('请销假审批表');
    expect(text).toContain('朱涛');
    expect(text).toContain('孙丽');

    // Back at work on Saturday 10 October (a make-up working day) but reporting back only on the 12th.
    clock.set('2026-10-12T09:30:00+08:00');
    await e2e.login(staff, 'xunuo'); // a new day, a new session
    await staff.goto(e2e.baseUrl + '/personnel/my-leave');
    await staff.getByRole('button', { name: /^销\s*假$/ }).first().click();
    const dialog = staff.getByRole('dialog');
    await dialog.locator('input[type="date"]').fill('2026-10-10');
    const answered = staff.waitForResponse((r) => r.request().method() === 'POST' && r.url().endsWith('/report-back'));
    await dialog.getByRole('button', { name: /确认销假/ }).click();
    expect((await answered).status()).toBe(200);
    await staff.getByText('逾期').first().waitFor();

    // The 综合科 sees the late report-back in the attendance report.
    const hub = await e2e.newPage();
    await e2e.login(hub, 'liuyang');
    await hub.goto(e2e.baseUrl + '/personnel/attendance');
    const row = hub.locator('tr', { hasText: '许诺' }).filter({ hasText: '督查科' }).first();
    await row.waitFor();
    const cells = await row.locator('td').allInnerTexts();
    expect(cells[7]).toBe('1'); // 逾期销假
    await hub.screenshot({ path: 'test-results/attendance-report.png', fullPage: true });
  });
});

import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startE2E, type E2E } from './harness';
import { approveAs } from './flow';
import { pickOption } from './select';
import { TestClock } from '../support/clock';

const clock = new TestClock('2026-11-02T09:00:00+08:00');
let e2e: E2E;
beforeAll(async () => {
  e2e = await startE2E({ clock });
}, 120_000);
afterAll(async () => e2e?.close());

const approve = (page: Page, user: string, instanceUrl: string) => approveAs(e2e, page, user, instanceUrl);

/** 唐宁 files a 派车单 for an own vehicle (case 四) through the page; returns the instance URL. */
async function fileRequest(staff: Page, start: string, end: string): Promise<string> {
  await staff.goto(e2e.baseUrl + '/vehicles');
  await pickOption(staff, 'vehicle-use-case', '（四）');
  await staff.getByLabel('目的地').fill('洮南市瓦房镇');
  await staff.getByLabel('事由').fill('防返贫监测专项督查');
  await staff.getByLabel('行程安排').fill('市扶贫办—瓦房镇—市扶贫办');
  await staff.getByLabel('用车开始').fill(start);
  await staff.getByLabel('用车结束').fill(end);
  await staff.getByLabel('相关文件名称').fill('关于开展专项督查的通知');
  await staff.getByLabel('文号').fill('白扶办发〔2026〕21号');
  await staff.getByRole('button', { name: '提交派车单' }).click();
  await staff.waitForURL(/\/flow\/instances\//);
  return staff.url();
}

async function requestIdOf(page: Page, instanceUrl: string): Promise<string> {
  const res = await page.request.get(`${e2e.baseUrl}/api/v1/vehicles/requests?scope=mine`);
  const { items } = (await res.json()) as { items: { id: string; flowInstanceId: string }[] };
  return items.find((i) => instanceUrl.endsWith(i.flowInstanceId))!.id;
}

async function assign(hub: Page, requestId: string, plate: string, driver: string) {
  await hub.goto(e2e.baseUrl + '/vehicles');
  await hub.getByRole('tab', { name: '统一调度' }).click();
  await pickOption(hub, `assign-vehicle-${requestId}`, plate);
  await pickOption(hub, `assign-driver-${requestId}`, driver);
  // Wait for the server's answer: demo rows already show 已派车, so page text proves nothing.
  const answered = hub.waitForResponse((r) => r.request().method() === 'POST' && r.url().endsWith(`/vehicles/requests/${requestId}/assign`));
  await hub.getByTestId(`assign-${requestId}`).click();
  return answered;
}

describe('公务用车 (browser)', () => {
  it('CAR-04 CAR-05 CAR-02 AS: a staff member requests a car for a permitted purpose, the director signs, 综合科 dispatches, the slip prints with the signatures; a double booking is refused citing the rule', async () => {
    const staff = await e2e.newPage();
    await e2e.login(staff, 'tangning');
    const first = await fileRequest(staff, '2026-11-05T08:30', '2026-11-05T12:00');
    await approve(await e2e.newPage(), 'chenzhiyuan', first);
    const firstId = await requestIdOf(staff, first);

    const hub = await e2e.newPage();
    await e2e.login(hub, 'liuyang');
    expect((await assign(hub, firstId, '吉G·A5678', '吴军')).status()).toBe(200);

    const pdf = await staff.request.get(`${e2e.baseUrl}/api/v1/vehicles/requests/${firstId}/slip.pdf`);
    expect(pdf.status()).toBe(200);
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'gc-slip-')), 'slip.pdf');
    fs.writeFileSync(file, await pdf.body());
    const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
    for (const s of ['各部门公务用车派车单', '唐宁', '陈志远', '刘洋', '吉G·A5678', '吴军', '防返贫监测专项督查', '2026年11月5日8时30分']) expect(text).toContain(s);

    // The same vehicle for an overlapping trip: refused, citing the rule.
    const second = await fileRequest(staff, '2026-11-05T10:00', '2026-11-05T16:00');
    await approve(await e2e.newPage(), 'chenzhiyuan', second);
    const secondId = await requestIdOf(staff, second);
    expect((await assign(hub, secondId, '吉G·A5678', '高伟')).status()).toBeGreaterThanOrEqual(400);
    const alert = hub.getByTestId('error-alert');
    await alert.waitFor();
    const said = await alert.innerText();
    expect(said).toContain('CAR-02');
    expect(said).toContain('《公务用车使用管理细则》第二条');
    expect(said).toContain('吉G·A5678');
    await hub.screenshot({ path: 'test-results/vehicles-double-booking.png', fullPage: true });
  }, 240_000);
});

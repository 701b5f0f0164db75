import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startE2E, type E2E } from './harness';
import { pickOption } from './select';
import { TestClock } from '../support/clock';
import type { TestApp } from '../support/app';
import { ctxFor } from '../support/ctx';
import { fillReceptionList, reviewReceptionList, submitClaim, submitReception } from '../../src/domains/finance/service';
import { recordReceptionPayment } from '../../src/domains/finance/reception-filing';
import { sign } from '../../src/domains/finance/test-helpers';

const clock = new TestClock('2026-11-02T09:00:00+08:00');
let e2e: E2E;
let t: TestApp;
beforeAll(async () => {
  e2e = await startE2E({ clock });
  t = { database: e2e.server.database, clock } as unknown as TestApp;
}, 120_000);
afterAll(async () => e2e?.close());

const letter = { issuer: '白城市洮南市扶贫办', docNo: '洮南扶函〔2026〕8号', content: '汇报工作', itinerary: '来白一天', persons: '李某等4人', fileRef: '公函.pdf' };
const meal = { date: '2026-11-04', type: 'buffet_lunch', venue: '机关食堂', guests: 4, accompanying: 2, staff: 0, amountFen: 42_000, drinksFen: 0 };

/** A reception carried through approval, list, claim and payment by the services, waiting to be filed. */
async function paidReception(): Promise<string> {
  const me = await ctxFor(t, 'tangning');
  const r = await submitReception(me, { letter, guestUnit: '白城市洮南市扶贫办', purpose: '请示汇报', purposeCategory: 'report', visitorCategory: 's4', visitStart: '2026-11-04', visitEnd: '2026-11-04',
    guests: 4, leadGuest: '李某 主任', arrangement: '座谈，自助午餐', meals: [meal], workMealReason: '座谈延至中午' });
  for (const u of ['liuyang', 'liminghua', 'chenzhiyuan']) await sign(t, r.instanceId, u);
  await fillReceptionList(me, r.id, { guestNames: '李某等4人', activities: '座谈', meals: [meal], totalFen: 42_000 });
  await reviewReceptionList(await ctxFor(t, 'hanbing'), r.id);
  const c = await submitClaim(me, { category: 'reception', purpose: '洮南市扶贫办来白接待', payee: '机关食堂', receptionId: r.id, attested: true,
    lines: [{ description: '自助午餐6人', amountFen: 42_000, paymentMethod: 'transfer' }], vouchers: [{ kind: 'invoice', ref: '发票No.5' }, { kind: 'settlement_bill', ref: '结算单' }] });
  for (const u of ['hanbing', 'mali', 'liminghua', 'chenzhiyuan']) await sign(t, c.instanceId, u);
  await recordReceptionPayment(await ctxFor(t, 'mali'), r.id, { paidOn: '2026-11-02', method: 'transfer', payer: 'office', proofRef: '回单-5' });
  return r.id;
}

describe('receptions: lodging, budget and filing (browser)', () => {
  it('RECEP-14 AS-D18 AS-D19: local staff lodging is refused with its article; a suite asks for acknowledgement, then ORS-F1 is submitted', async () => {
    const page = await e2e.newPage();
    await e2e.login(page, 'tangning');
    await page.goto(e2e.baseUrl + '/finance/receptions');
    for (const [label, value] of [['发函单位', '白城市洮北区扶贫办'], ['公函文号', '洮扶函〔2026〕30号'], ['公函扫描件', '公函.pdf'], ['公函内容', '汇报工作'], ['公函行程', '来白两天'], ['公函人员', '王某等6人'],
      ['被接待单位', '白城市洮北区扶贫办'], ['来白事由', '汇报产业扶贫进展'], ['来白主要领导姓名及职务', '王某 主任'], ['在白食宿安排及行程', '座谈，住白城宾馆一晚']]) {
      await page.getByLabel(label, { exact: true }).fill(value);
    }
    await page.getByLabel('来白日期').fill('2026-11-05');
    await page.getByLabel('来白人数').fill('6');
    await pickOption(page, 'reception-visitor', '县（市、区）扶贫办领导请示、汇报工作');
    await page.getByRole('button', { name: '添加住宿房间' }).click();
    await pickOption(page, 'lodging-hotel-0', '白城宾馆');
    await pickOption(page, 'lodging-occupant-0', '当地陪同人员');
    await page.getByLabel('入住日期').fill('2026-11-05');
    await page.getByLabel('房价（元/晚）').fill('260');
    await page.getByRole('button', { name: '提交审批' }).click();
    const alert = page.getByTestId('error-alert');
    await alert.waitFor();
    await expect(alert.innerText()).resolves.toContain('当地陪同人员一律不安排住宿');
    await expect(alert.innerText()).resolves.toContain('RECEP-14');

    await pickOption(page, 'lodging-occupant-0', '接待对象');
    await pickOption(page, 'lodging-room-0', '套间');
    await page.getByRole('button', { name: '提交审批' }).click();
    const dialog = page.locator('.ant-modal-confirm');
    await dialog.waitFor();
    await expect(dialog.innerText()).resolves.toContain('接待住房以标准间为主');
    await page.getByRole('button', { name: '已知悉，继续' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await page.waitForURL(/\/flow\/instances\//, { timeout: 60_000 });
    await page.getByText('白城市洮北区扶贫办来白6人公务接待').first().waitFor();
  }, 180_000);

  it('RECEP-21 RECEP-26 E-REC-6: 综合科 sees the budget and hotels, files a paid reception, after which it is marked filed', async () => {
    const id = await paidReception();
    const page = await e2e.newPage();
    await e2e.login(page, 'liuyang');
    await page.goto(e2e.baseUrl + '/finance/reception-admin');
    await page.getByRole('tab', { name: '接待费预算' }).click();
    await page.getByText('30,000.00元').first().waitFor();
    await page.getByRole('tab', { name: '定点宾馆' }).click();
    await page.getByRole('cell', { name: '鹤乡大酒店' }).waitFor();

    await page.getByRole('tab', { name: '接待登记簿与备案' }).click();
    const row = page.locator('tr', { hasText: '白城市洮南市扶贫办' });
    await row.getByText('待备案').waitFor();
    await expect(row.getByText('待备案').innerText()).resolves.toContain('2026-11-16');
    await row.getByRole('button', { name: '备案登记' }).click();
    await page.getByLabel('备案档号').fill('JD-2026-E2E');
    await page.getByRole('button', { name: '确认备案' }).click();
    await row.getByText('已备案').waitFor();
    await expect(row.innerText()).resolves.toContain('JD-2026-E2E');
    const xlsx = await page.request.get(`${e2e.baseUrl}/api/v1/finance/ledger/receptions.xlsx?year=2026`);
    expect(xlsx.status()).toBe(200);
    expect(id).toBeTruthy();
    await page.screenshot({ path: 'test-results/reception-filed.png', fullPage: true });
  }, 180_000);
});

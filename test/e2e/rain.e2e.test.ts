import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { startE2E, type E2E } from './harness';
import { pickOption } from './select';
import { TestClock } from '../support/clock';
import type { TestApp } from '../support/app';
import { ctxFor } from '../support/ctx';
import { addHousehold, PNG, VILLAGES } from '../../src/domains/rain/test-helpers';
import { addPhoto, confirmPublicity, createPublicity } from '../../src/domains/rain/publicity';
import { ROLL_HEADER } from '../../src/domains/rain/roll';

const clock = new TestClock('2026-11-02T09:00:00+08:00');
let e2e: E2E;
beforeAll(async () => {
  e2e = await startE2E({ clock });
}, 120_000);
afterAll(async () => e2e?.close());

describe('雨露计划 in the browser', () => {
  it('RAIN-06 RAIN-08 RAIN-17: upload a school roll, see the ineligible student with the reason, batch the confirmed ones and download the list', async () => {
    const db = e2e.server.database.db;
    const poor = await addHousehold(db, { status: 'poor', village: VILLAGES[0], names: ['赵小雨'] });
    const general = await addHousehold(db, { status: 'none', village: VILLAGES[0], names: ['钱小露'] });
    const page = await e2e.newPage();
    await e2e.login(page, 'zhengxiaoyan');

    // 1. 学籍比对: the roll is streamed and matched; progress reaches 完成.
    const csv = [ROLL_HEADER,
      `赵小雨,${poor.children[0].idNumber},白城职业技术学院,吉林省白城市,高职院校,教育部,G2026001,在校,2025-09-01,是`,
      `钱小露,${general.children[0].idNumber},白城职业技术学院,吉林省白城市,高职院校,教育部,G2026002,在校,2025-09-01,否`].join('\n');
    await page.goto(e2e.baseUrl + '/rain/roll');
    await page.getByTestId('roll-file').setInputFiles({ name: '学籍比对.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await expect.poll(() => page.getByTestId('roll-status').textContent(), { timeout: 30_000 }).toBe('完成');
    expect(await page.getByTestId('roll-accepted').textContent()).toBe('2');
    await page.getByTestId('county-review').click();
    await page.getByText(/县级复核完成/).waitFor();

    // 2. 学生名单: the 一般户 child is not eligible, with RAIN-06 and its reason.
    await page.goto(e2e.baseUrl + '/rain/students');
    await pickOption(page, 'eligibility-filter', '不符合');
    const row = page.locator('tr', { has: page.getByTestId('student-钱小露') });
    await row.waitFor();
    await expect(row.innerText()).resolves.toContain('RAIN-06');
    await expect(row.innerText()).resolves.toContain('精准识别');
    await page.screenshot({ path: 'test-results/rain-students.png', fullPage: true });

    // 3. Village publicity with its photo and the leading group's confirmation (service level).
    const staff = await ctxFor({ database: e2e.server.database, clock } as unknown as TestApp, 'huangjing');
    const leader = await ctxFor({ database: e2e.server.database, clock } as unknown as TestApp, 'zhengxiaoyan');
    const pub = await createPublicity(staff, { villageCode: VILLAGES[0], semester: '2026-autumn', place: '青山村村部公开栏', startDate: '2026-10-20', periodDays: 7 });
    await addPhoto(staff, pub.id, '公示现场.png', PNG);
    await confirmPublicity(leader, pub.id, { confirmedOn: '2026-10-30', ref: '洮北区扶贫开发领导小组确认' });

    // 4. 发放批次: the batch holds the confirmed students; the list downloads as XLSX with masked accounts.
    await page.goto(e2e.baseUrl + '/rain/batches');
    await page.getByTestId('create-batch').click();
    await page.getByTestId('export-list').waitFor();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-list').click()]);
    const file = await download.path();
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(fs.readFileSync(file!) as unknown as ArrayBuffer);
    const names: string[] = [];
    const accounts: string[] = [];
    wb.worksheets[0].eachRow((r, n) => {
      if (n === 1) return;
      names.push(String(r.getCell(6).value));
      accounts.push(String(r.getCell(5).value));
    });
    expect(names).toContain('赵小雨');
    expect(names).not.toContain('钱小露');
    for (const a of accounts) expect(a).toMatch(/^\d{4}\*+\d{4}$/);
    await page.screenshot({ path: 'test-results/rain-batch.png', fullPage: true });
  });
});

import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { startE2E, type E2E } from './harness';
import { pickOption } from './select';
import { TestClock } from '../support/clock';
import { makeIdNumber } from '../../src/domains/poverty/idcard';

const clock = new TestClock('2026-11-02T09:00:00+08:00');
let e2e: E2E;
beforeAll(async () => {
  e2e = await startE2E({ clock });
}, 120_000);
afterAll(async () => e2e?.close());

describe('防返贫监测 in the browser', () => {
  it('MON-10 MON-15: import households, compare a housing file, confirm the finding, see the household red with the rule cited, export the list', async () => {
    const page = await e2e.newPage();
    await e2e.login(page, 'huangjing');
    // 1. Import a small household file (an exited household of two).
    const head = makeIdNumber('220802', '1966-05-04', 611);
    const wife = makeIdNumber('220802', '1968-09-12', 622);
    const csv = ['户编号,村代码,姓名,证件号码,与户主关系,户类型,劳动技能,脱贫年度,人均可支配收入,收入年度',
      `E2E001,220802200201,石永胜,${head},户主,脱贫户,普通劳动力,2018,9800,2025`,
      `E2E001,220802200201,邓桂香,${wife},配偶,脱贫户,弱劳动力或半劳动力,2018,9800,2025`].join('\n');
    await page.goto(e2e.baseUrl + '/poverty/import');
    await page.getByTestId('import-file').setInputFiles({ name: '台账.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await expect.poll(() => page.getByTestId('import-status').textContent(), { timeout: 30_000 }).toBe('完成');
    expect(await page.getByTestId('import-accepted').textContent()).toBe('2');

    // 2. The housing department's file: the household's house is a C-grade dangerous house.
    await page.goto(e2e.baseUrl + '/poverty/comparison');
    await pickOption(page, 'compare-sector', '住建部门');
    const sector = ['姓名,证件号码,事项,日期,说明', `邓桂香,${wife},C级危房,2026-10-28,农村住房安全排查`, `查无此人,${makeIdNumber('220802', '1990-01-01', 5)},D级危房,,`].join('\n');
    await page.getByTestId('compare-file').setInputFiles({ name: '住建危房名单.csv', mimeType: 'text/csv', buffer: Buffer.from(sector) });
    await expect.poll(() => page.getByTestId('compare-status').textContent(), { timeout: 30_000 }).toBe('完成');
    expect(await page.getByTestId('compare-found').textContent()).toBe('1');
    await expect.poll(() => page.getByTestId('finding-level-E2E001').textContent()).toContain('MON-15');

    // 3. Verify and confirm (MON-10); the scale warning (MON-06) is acknowledged.
    await page.getByTestId('confirm-E2E001').click();
    await pickOption(page, 'verifier-body', '驻村工作队');
    await page.getByTestId('verifier-name').fill('王海');
    await page.getByTestId('verifier-finding').fill('入户核实：房屋墙体开裂，属实');
    await page.getByTestId('confirm-ok').click();
    await page.getByTestId('confirm-ack').click();
    await page.getByRole('dialog').waitFor({ state: 'hidden' });

    // 4. The household is now monitored in red, the rule cited.
    await page.goto(e2e.baseUrl + '/poverty/monitoring');
    const row = page.locator('tr', { hasText: 'E2E001' });
    await row.waitFor();
    expect(await row.textContent()).toContain('红色预警');
    expect(await row.textContent()).toContain('MON-15');

    // 5. Export the red list and check the file.
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-monitoring').click()]);
    const file = await download.path();
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(fs.readFileSync(file!) as unknown as ArrayBuffer);
    const cells = wb.worksheets[0].getSheetValues().flat().map(String);
    expect(cells).toContain('E2E001');
    expect(cells.join('|')).toContain('红色（MON-15）');
    expect(cells.join('|')).not.toContain(wife);
  }, 180_000);
});

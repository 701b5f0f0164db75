import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { pdfText } from '../../src/kernel/render/pdf-text';
import { TestClock } from '../support/clock';
import { startE2E, type E2E } from './harness';
import { pickOption } from './select';

let e2e: E2E;
beforeAll(async () => {
  e2e = await startE2E({ clock: new TestClock('2026-11-02T09:00:00+08:00') });
});
afterAll(async () => e2e?.close());

async function as(user: string): Promise<Page> {
  const page = await e2e.newPage();
  await e2e.login(page, user);
  return page;
}

async function approve(page: Page, instanceUrl: string) {
  await page.goto(instanceUrl);
  await page.getByTestId('flow-approve').click();
  const dialog = page.getByRole('dialog');
  await page.getByTestId('flow-comment-input').fill('同意');
  await dialog.getByRole('button', { name: /确\s*定/ }).click();
}

describe('发文 in the browser', () => {
  it('DOC-12 DOC-10 DOC-15 DOC-17: a 下行文 drafted, blocked for a 科长, signed by the leader in charge, numbered, PDF checked', async () => {
    // 许诺 (督查科) drafts a 下行文 and proposes his 科长 as signer.
    const staff = await as('xunuo');
    await staff.goto(`${e2e.baseUrl}/documents/new`);
    await staff.getByTestId('draft-title').fill('关于开展扶贫项目资金自查的通知');
    await staff.getByTestId('draft-main').locator('input').fill('各县（市、区）扶贫办');
    await staff.keyboard.press('Enter');
    await staff.getByTestId('draft-body-0').fill('为加强扶贫项目资金管理，现就开展自查工作通知如下。');
    await pickOption(staff, 'draft-disclosure', '依申请公开');
    await pickOption(staff, 'draft-signer', '朱涛');
    await staff.getByTestId('draft-save').click();
    await staff.getByTestId('doc-title').waitFor();
    const docUrl = staff.url();
    const docId = docUrl.split('/').pop()!;
    await staff.getByTestId('doc-submit').click();
    await staff.getByTestId('doc-status').getByText('审签中').waitFor();
    const doc = (await (await staff.request.get(`${e2e.baseUrl}/api/v1/documents/${docId}`)).json()) as { flowInstanceId: string };
    const instanceUrl = `${e2e.baseUrl}/flow/instances/${doc.flowInstanceId}`;

    // 科室审核 (朱涛), 分管主任审阅 (孙丽), then the 综合科 review (黄静).
    const chief = await as('zhutao');
    await approve(chief, instanceUrl);
    await chief.getByRole('dialog').waitFor({ state: 'hidden' });
    const leader = await as('sunli');
    await approve(leader, instanceUrl);
    await leader.getByRole('dialog').waitFor({ state: 'hidden' });
    const clerk = await as('huangjing');
    await clerk.goto(docUrl);
    await clerk.getByTestId('doc-go-review').click();
    await clerk.waitForLoadState('networkidle');

    // The 科长 tries to sign it off: blocked, citing DOC-12.
    await approve(chief, instanceUrl);
    const blocked = chief.getByTestId('error-alert').first();
    await blocked.waitFor();
    expect(await blocked.innerText()).toContain('DOC-12');
    // He passes it on to the leader in charge, who signs it off.
    const detail = (await (await chief.request.get(`${e2e.baseUrl}/api/v1/flow/instances/${doc.flowInstanceId}`)).json()) as { can: { act: string } };
    const passed = await chief.request.post(`${e2e.baseUrl}/api/v1/flow/tasks/${detail.can.act}/delegate`, { data: { personId: 'psn_sunli', comment: '呈分管领导签发' } });
    expect(passed.status()).toBe(200);
    await approve(leader, instanceUrl);
    await leader.getByRole('dialog').waitFor({ state: 'hidden' });

    // 综合科 numbers it; the number shows on the page.
    const hub = await as('liuyang');
    await hub.goto(docUrl);
    await hub.getByTestId('doc-number-btn').click();
    await hub.getByTestId('doc-number').getByText(/白扶办发〔2026〕\d+号/).waitFor();
    const shown = await hub.getByTestId('doc-number').innerText();

    // The PDF carries the 发文字号 and the 成文日期 in the GB/T 9704 formats.
    const href = (await hub.getByTestId('doc-pdf').getAttribute('href'))!;
    const pdf = await hub.request.get(`${e2e.baseUrl}${href}`);
    expect(pdf.status()).toBe(200);
    const text = pdfText(Buffer.from(await pdf.body())).replace(/\s+/g, '');
    expect(text).toContain(shown);
    expect(shown).toMatch(/^.+〔\d{4}〕[1-9]\d*号$/);
    const date = /(\d{4}年\d{1,2}月\d{1,2}日)（此件依申请公开）/.exec(text)?.[1];
    expect(date).toBe('2026年11月2日');
    expect(date).toMatch(/^\d{4}年[1-9]\d?月[1-9]\d?日$/);
  }, 120_000);
});

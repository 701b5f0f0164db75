import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
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

describe('收文 in the browser', () => {
  it('DOC-23 DOC-26 DOC-27: 综合科 registers, a leader writes 批示, the handling section answers, the document is archived', async () => {
    // 黄静 (文书, 综合科) signs in and registers the letter.
    const clerk = await as('huangjing');
    await clerk.goto(`${e2e.baseUrl}/documents/incoming`);
    await clerk.getByTestId('incoming-new').click();
    await clerk.getByTestId('incoming-sender').fill('白城市财政局');
    await clerk.getByTestId('incoming-docno').fill('白财农〔2026〕120号');
    await clerk.getByTestId('incoming-title').fill('关于报送扶贫项目资金绩效自评的函');
    await clerk.getByTestId('incoming-save').click();
    await clerk.getByTestId('incoming-no').getByText(/白扶办收〔2026〕\d+号/).waitFor();
    const url = clerk.url();
    expect(await clerk.getByTestId('incoming-status').innerText()).toBe('已登记');

    // Routed to 孙丽 (副主任) for 批示 with the 拟办意见.
    await pickOption(clerk, 'route-leader', '孙丽');
    await clerk.getByTestId('route-proposal').fill('拟请督查科办理');
    await clerk.getByTestId('route-submit').click();
    await clerk.getByTestId('incoming-status').getByText('待领导批示').waitFor();

    // 孙丽 writes her 批示.
    const leader = await as('sunli');
    await leader.goto(url);
    await leader.getByTestId('instruct-text').fill('请督查科认真核实后按时报送。');
    await leader.getByTestId('instruct-submit').click();
    await leader.getByTestId('incoming-status').getByText('已批示').waitFor();
    expect(await leader.getByTestId('incoming-instruction').innerText()).toContain('请督查科认真核实后按时报送。');

    // 综合科 hands it to 督查科 with a deadline of working days.
    await clerk.reload();
    await pickOption(clerk, 'assign-unit', '督查科');
    await clerk.getByTestId('assign-submit').click();
    await clerk.getByTestId('incoming-status').getByText('承办中').waitFor();

    // 朱涛 (督查科科长) records the answer.
    const section = await as('zhutao');
    await section.goto(url);
    await section.getByTestId('reply-text').fill('已按要求报送绩效自评材料。');
    await section.getByTestId('reply-submit').click();
    await section.getByTestId('incoming-status').getByText('已办结').waitFor();

    // 综合科 archives it; the flow log shows every hand-over.
    await clerk.reload();
    await clerk.getByTestId('archive-submit').click();
    await clerk.getByTestId('incoming-status').getByText('已归档').waitFor();
    const trail = await clerk.getByTestId('incoming-trail').innerText();
    for (const step of ['呈孙丽批示', '批示：请督查科认真核实后按时报送。', '交督查科办理', '办结：已按要求报送绩效自评材料。', '归档']) expect(trail).toContain(step);

    // The 收文处理笺 downloads as a PDF.
    const href = (await clerk.getByTestId('incoming-pdf').getAttribute('href'))!;
    const pdf = await clerk.request.get(`${e2e.baseUrl}${href}`);
    expect(pdf.status()).toBe(200);
    expect(pdf.headers()['content-type']).toContain('application/pdf');
  }, 120_000);
});

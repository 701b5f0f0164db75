import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { pdfText } from '../../src/kernel/render/pdf-text';
import { startE2E, type E2E } from './harness';
import { createPartyMeeting } from './meetings-setup';
import { pickOption } from './select';

let e2e: E2E;
beforeAll(async () => {
  e2e = await startE2E();
});
afterAll(async () => e2e?.close());

/** Wait for the room to reload after an action (the topic's status tag or the opinions list changes). */
async function settle(page: Page) {
  await page.waitForLoadState('networkidle');
}

describe('党组会议 in the browser', () => {
  it('PG-03 PG-04 PG-10 PG-13 SZYD-24 PG-19 PG-16 PG-22 PG-20 PG-26: preparation before opening, agenda, attendance, a blocked cadre topic, recusal, the speak-last lock, votes and the minutes PDF', async () => {
    const hub = await e2e.newPage();
    await e2e.login(hub, 'liuyang');
    // Three days ahead on the real clock, so that the notice goes out a day before (PG-04).
    const { id } = await createPartyMeeting(e2e, hub, '2026年第11次党组会议', [
      { title: '研究2027年度工作计划', preferredOpinion: '建议通过', materials: '2027年度工作计划（草案）' },
      { title: '任命规划项目科科长', matter: { kind: 'cadre_appointment' }, materials: '考察材料' }]);

    await hub.goto(`${e2e.baseUrl}/meetings/${id}`);
    await hub.getByTestId('meeting-title').waitFor();
    for (const p of ['psn_zhengxiaoyan', 'psn_hejianjun']) {
      await pickOption(hub, `attendance-${p}`, '请假');
      await settle(hub);
    }
    // The meeting cannot open before the 书记 approved its time and the notice went out (PG-03, PG-04).
    await hub.getByTestId('open-meeting').click();
    const notReady = hub.getByTestId('error-alert');
    await notReady.waitFor();
    expect(await notReady.innerText()).toContain('PG-03');
    const secretary = await e2e.newPage();
    await e2e.login(secretary, 'chenzhiyuan');
    await secretary.goto(`${e2e.baseUrl}/meetings/${id}`);
    await secretary.getByTestId('approve-time').click();
    await secretary.getByTestId('time-approved').waitFor();
    await hub.reload();
    await hub.getByTestId('open-meeting').click();
    await notReady.waitFor();
    expect(await hub.getByTestId('error-alert').innerText()).toContain('PG-04');
    const li = await e2e.newPage();
    await e2e.login(li, 'liminghua');
    await li.goto(`${e2e.baseUrl}/meetings/${id}`);
    await li.getByTestId('agenda-comment').fill('同意议程');
    await li.getByTestId('agenda-comment-submit').click();
    await li.getByTestId('agenda-comments').waitFor();
    await hub.reload();
    await hub.getByTestId('send-notice').click();
    await hub.getByTestId('notice-sent').waitFor();
    await hub.getByTestId('open-meeting').click();
    await hub.getByTestId('meeting-status').and(hub.locator('[data-status="open"]')).waitFor();

    const cadre = hub.getByTestId('topic-2');
    const cadreId = (await cadre.getAttribute('data-topic-id'))!;
    await pickOption(hub, `recuse-person-${cadreId}`, '吴海');
    await hub.getByTestId(`recuse-${cadreId}`).click();
    await hub.getByTestId('recused-psn_wuhai').waitFor();
    await hub.getByTestId(`open-topic-${cadreId}`).click();
    const blocked = hub.getByTestId('error-alert');
    await blocked.waitFor();
    expect(await blocked.innerText()).toContain('PG-13');
    expect(await blocked.innerText()).toContain('到会 4 / 需 5 / 应到 7');

    const plan = hub.getByTestId('topic-1');
    const planId = (await plan.getAttribute('data-topic-id'))!;
    await hub.getByTestId(`open-topic-${planId}`).click();
    await hub.getByTestId(`speak-last-${planId}`).waitFor();

    const chen = await e2e.newPage();
    await e2e.login(chen, 'chenzhiyuan');
    await chen.goto(`${e2e.baseUrl}/meetings/${id}`);
    await chen.getByTestId(`opinion-${planId}`).fill('我先说两句');
    await chen.getByTestId(`speak-${planId}`).click();
    const refused = chen.getByTestId('error-alert');
    await refused.waitFor();
    expect(await refused.innerText()).toContain('PG-19');

    for (const name of ['李明华', '赵国强', '孙丽', '吴海']) {
      await pickOption(hub, `speaker-${planId}`, name);
      await hub.getByTestId(`opinion-${planId}`).fill(`${name}：同意`);
      await hub.getByTestId(`speak-${planId}`).click();
      await hub.getByTestId(`opinions-${planId}`).getByText(`${name}：同意`).waitFor();
    }
    await chen.reload();
    await chen.getByTestId(`opinion-${planId}`).fill('综合大家意见，同意');
    await chen.getByTestId(`speak-${planId}`).click();
    await chen.getByTestId(`opinions-${planId}`).getByText('末位表态').waitFor();

    await hub.reload();
    await hub.getByTestId(`open-vote-${planId}`).click();
    for (const p of ['psn_chenzhiyuan', 'psn_liminghua', 'psn_zhaoguoqiang', 'psn_sunli']) {
      await hub.getByTestId(`vote-agree-${p}-${planId}`).click();
      await settle(hub);
    }
    await hub.getByTestId(`vote-disagree-psn_wuhai-${planId}`).click();
    await hub.getByTestId(`tally-${planId}`).getByText('赞成 4，反对 1').waitFor();
    await hub.getByTestId(`decision-text-${planId}`).fill('通过2027年度工作计划，李明华牵头落实');
    // PG-22: no decision without a responsible 党组成员.
    await hub.getByTestId(`close-topic-${planId}`).click();
    await hub.getByTestId('error-alert').getByText('PG-22').first().waitFor();
    await pickOption(hub, `responsible-${planId}`, '李明华');
    await hub.keyboard.press('Escape');
    await hub.getByTestId(`close-topic-${planId}`).click();
    await hub.getByTestId(`outcome-${planId}`).getByText('通过').waitFor();
    await hub.getByTestId(`responsibles-${planId}`).getByText('李明华').waitFor();

    // PG-20: 吴海, who voted against, reserves his opinion and asks for it to be reported upward.
    await pickOption(hub, `minority-person-${planId}`, '吴海');
    await hub.getByTestId(`minority-body-${planId}`).fill('建议压缩项目数量，集中资金');
    await hub.getByTestId(`minority-report-${planId}`).check();
    await hub.getByTestId(`minority-submit-${planId}`).click();
    expect(await hub.getByTestId(`minority-psn_wuhai-${planId}`).innerText()).toContain('已要求向上级报告');
    await hub.getByTestId('close-meeting').click();
    await hub.getByTestId('sign-minutes').click();
    await hub.getByTestId('minutes-v1').waitFor();
    await hub.screenshot({ path: 'test-results/meetings-room.png', fullPage: true });

    const href = (await hub.getByTestId('minutes-pdf-1').getAttribute('href'))!;
    const pdf = await hub.request.get(`${e2e.baseUrl}${href}`);
    expect(pdf.status()).toBe(200);
    const text = pdfText(Buffer.from(await pdf.body())).replace(/\s+/g, '');
    for (const s of ['党组会议纪要', '三楼会议室', '郑晓燕（因公外出）', '末位表态', '同意4票', '会议决定：通过', '任命规划项目科科长', '吴海（亲属相关']) expect(text).toContain(s);
  }, 240_000);
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startE2E, type E2E } from './harness';
import { pickOption } from './select';

let e2e: E2E;
beforeAll(async () => {
  e2e = await startE2E();
});
afterAll(async () => e2e?.close());

describe('议题 to 通知 in the browser', () => {
  it('PG-10 SZYD-11 PG-03 PG-04: a member proposes a topic with materials, 综合科 collects it, the 书记 approves the time and lists it, 综合科 sends the notice', async () => {
    const title = `机关作风建设专题-${Date.now()}`;
    const member = await e2e.newPage();
    await e2e.login(member, 'liminghua');
    await member.goto(`${e2e.baseUrl}/meetings/proposals`);
    await member.getByTestId('proposal-title').fill(title);
    await member.getByTestId('proposal-materials').fill('作风建设存在的主要问题');
    await member.getByTestId('proposal-attachments').fill('整改方案｜白扶办〔2026〕50号');
    await member.getByTestId('proposal-opinion').fill('建议开展专项整治');
    await pickOption(member, 'proposal-scope', 'PG-S10');
    await member.keyboard.press('Escape');
    await member.getByTestId('proposal-plan').fill('2027年度党建工作要点');
    await member.getByTestId('proposal-submit').click();
    await member.getByText(title).waitFor();

    const hub = await e2e.newPage();
    await e2e.login(hub, 'liuyang');
    const { proposals } = (await (await hub.request.get(`${e2e.baseUrl}/api/v1/meetings/proposals`)).json()) as { proposals: { id: string; title: string }[] };
    const proposal = proposals.find((p) => p.title === title)!;
    await hub.goto(`${e2e.baseUrl}/meetings/proposals`);
    await hub.getByTestId(`collect-${proposal.id}`).click();
    await hub.getByTestId(`proposal-status-${proposal.id}`).and(hub.locator('[data-status="collected"]')).waitFor();
    const created = await hub.request.post(`${e2e.baseUrl}/api/v1/meetings`, {
      data: { bodyCode: 'party_group', title: '2026年第12次党组会议', startAt: '2027-01-12T09:00:00+08:00', place: '三楼会议室', topics: [] },
    });
    expect(created.status()).toBe(200);
    const { id } = (await created.json()) as { id: string };

    // 综合科 cannot send the notice before the 书记 approved the time (PG-03).
    await hub.goto(`${e2e.baseUrl}/meetings/${id}`);
    await hub.getByTestId('time-pending').waitFor();
    await hub.getByTestId('send-notice').click();
    const blocked = hub.getByTestId('error-alert');
    await blocked.waitFor();
    expect(await blocked.innerText()).toContain('PG-03');

    const chair = await e2e.newPage();
    await e2e.login(chair, 'chenzhiyuan');
    await chair.goto(`${e2e.baseUrl}/meetings/${id}`);
    await chair.getByTestId('approve-time').click();
    await chair.getByTestId('time-approved').waitFor();
    await pickOption(chair, 'schedule-proposal', title);
    await chair.getByTestId('schedule-submit').click();
    await chair.getByTestId('topic-1').waitFor();
    expect(await chair.getByTestId('topic-1').innerText()).toContain(title);

    // PG-10: a 党组成员 comments on the draft agenda before the notice fixes it.
    await member.goto(`${e2e.baseUrl}/meetings/${id}`);
    await member.getByTestId('agenda-comment').fill('同意议程，建议材料提前印发');
    await member.getByTestId('agenda-comment-submit').click();
    await member.getByTestId('agenda-comments').waitFor();

    await hub.reload();
    await hub.getByTestId('time-approved').waitFor();
    await hub.getByTestId('send-notice').click();
    await hub.getByTestId('notice-sent').waitFor();
    expect(await hub.getByTestId('notice-sent').innerText()).toContain('会前提醒');

    await member.goto(`${e2e.baseUrl}/meetings/proposals`);
    await member.getByTestId(`proposal-status-${proposal.id}`).and(member.locator('[data-status="scheduled"]')).waitFor();
    const inbox = await member.request.get(`${e2e.baseUrl}/api/v1/meetings/${id}`);
    expect(inbox.status()).toBe(200);
  }, 180_000);
});

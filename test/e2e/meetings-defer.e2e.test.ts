import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { rows } from '../../src/kernel/db';
import { startE2E, type E2E } from './harness';
import { apiPost, createPartyMeeting, prepareAndOpen } from './meetings-setup';

let e2e: E2E;
beforeAll(async () => {
  e2e = await startE2E();
});
afterAll(async () => e2e?.close());

/** Five present: two of the four others disagree or ask to defer (2 of 5 ≥ one third), then the 书记 concludes. */
const STANCES: [string, string, string][] = [
  ['psn_liminghua', 'disagree', '资金测算依据不足'], ['psn_zhaoguoqiang', 'defer', '建议进一步调研'],
  ['psn_sunli', 'agree', '符合工作需要'], ['psn_wuhai', 'agree', '符合工作需要'], ['psn_chenzhiyuan', 'agree', '综合大家意见，分歧较大'],
];

describe('重大分歧 in the meeting room', () => {
  it('PG-21: when dissent reaches a third the room shows the warning with its article; the chair goes on to the vote only with a reason, or defers with a reason', async () => {
    const hub = await e2e.newPage();
    await e2e.login(hub, 'liuyang');
    const secretary = await e2e.newPage();
    await e2e.login(secretary, 'chenzhiyuan');
    const { id, topicIds: [funds, rules] } = await createPartyMeeting(e2e, hub, '2026年第13次党组会议', [
      { title: '调整帮扶资金分配办法', materials: '分配办法（修订稿）' }, { title: '调整考核办法', materials: '考核办法（修订稿）' }]);
    await prepareAndOpen(e2e, hub, secretary, id, ['psn_zhengxiaoyan', 'psn_hejianjun']);
    for (const topic of [funds, rules]) {
      await apiPost(e2e, hub, `/meetings/topics/${topic}/open`, {});
      for (const [personId, stance, reason] of STANCES) await apiPost(e2e, hub, `/meetings/topics/${topic}/opinions`, { personId, stance, reason, body: reason });
    }

    await hub.goto(`${e2e.baseUrl}/meetings/${id}`);
    const warning = hub.getByTestId(`disagreement-${funds}`);
    await warning.waitFor();
    for (const s of ['不同意与缓议合计 2 人', '一般应暂缓作出决定', '制度依据：PG-21 《党组议事规则》四（二）']) expect(await warning.innerText()).toContain(s);
    // The plain vote buttons give way to the panel: no vote without the acknowledgement.
    expect(await hub.getByTestId(`open-vote-${funds}`).count()).toBe(0);

    await hub.getByTestId(`proceed-vote-${funds}`).click();
    const proceed = hub.getByRole('dialog').filter({ has: hub.getByTestId(`proceed-modal-${funds}`) });
    const ok = proceed.getByRole('button', { name: /已知悉 PG-21 提示，开始表决/ });
    expect(await proceed.innerText()).toContain('《党组议事规则》四（二）');
    expect(await ok.isDisabled()).toBe(true); // the reason is required
    await hub.getByTestId(`proceed-modal-${funds}-reason`).fill('上级要求本月内确定分配办法');
    await ok.click();
    await hub.getByTestId(`tally-${funds}`).waitFor();
    expect(await hub.getByTestId(`topic-status-${funds}`).innerText()).toBe('表决中');
    const [opened] = await rows<{ detail: { proceedReason: string; warnings: { ruleId: string }[] } }>(e2e.server.database.db,
      sql`select detail from audit_log where event = 'meetings.topic.vote_open' and object_id = ${funds}`);
    expect(opened.detail.proceedReason).toBe('上级要求本月内确定分配办法');
    expect(opened.detail.warnings.map((w) => w.ruleId)).toContain('PG-21');

    await hub.getByTestId(`defer-vote-${rules}`).click();
    const defer = hub.getByRole('dialog').filter({ has: hub.getByTestId(`defer-modal-${rules}`) });
    expect(await defer.getByRole('button', { name: /暂缓决定/ }).isDisabled()).toBe(true);
    await hub.getByTestId(`defer-modal-${rules}-reason`).fill('意见分歧较大，进一步调研后再议');
    await defer.getByRole('button', { name: /暂缓决定/ }).click();
    await hub.getByTestId(`outcome-${rules}`).getByText('暂缓').waitFor();
    expect(await hub.getByTestId(`outcome-reason-${rules}`).innerText()).toBe('意见分歧较大，进一步调研后再议');
    expect(await hub.getByTestId(`disagreement-${rules}`).count()).toBe(0);
  }, 60_000);
});

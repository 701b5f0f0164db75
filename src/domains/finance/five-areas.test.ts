import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/support/app';
import { ctxFor } from '../../../test/support/ctx';
import { rows } from '../../kernel/db';
import { actOnTask } from '../../kernel/flow';
import { submitClaim } from './service';
import { claim, partyDecision, rejected, sign, statusOf, taskOf } from './test-helpers';

/**
 * 五不直接分管 第二条（三） in the expense chain: a 基本建设项目 claim is reviewed by the leader in
 * charge of construction (FIVE-09), never by the principal leader — not even as a stand-in.
 */
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t?.close());

const file = async (user: string, form: Record<string, unknown>, ack: string[] = []) => submitClaim(await ctxFor(t, user), form, ack);
const planOf = async (instanceId: string) =>
  (await rows<{ plan: { id: string }[] }>(t.database.db, sql`select plan from flow_instances where id = ${instanceId}`))[0].plan.map((s) => s.id);
const construction = (amountFen: number, over: Record<string, unknown> = {}) => claim({
  category: 'capital_construction', funding: 'special', purpose: '扶贫产业园道路硬化', payee: '白城市路桥公司',
  lines: [{ description: '道路硬化工程款', amountFen, paymentMethod: 'transfer' }], ...over,
});
// A stand-in recorded directly, as one made before the org refused it would be (defence in depth).
const principalStandsInForConstruction = (start: string, end: string) => t.database.db.execute(sql`insert into acting_arrangements (id, absent_person_id, acting_person_id, post_code, start_date, end_date, reason)
  values (${`act_test_${start}`}, 'psn_zhaoguoqiang', 'psn_chenzhiyuan', null, ${start}, ${end}, '赵国强外出学习')`);

describe('FIVE-09 in the expense chain (基本建设项目)', () => {
  it('FIVE-09: a construction claim is reviewed by the construction leader at every tier, never routed to the principal in that slot', async () => {
    const special = await file('tangning', construction(500_000));
    expect(await planOf(special.instanceId)).toEqual(['section', 'finance', 'construction', 'principal']);
    const daily = await file('tangning', construction(300_000, { funding: 'running' }));
    expect(await planOf(daily.instanceId)).toEqual(['section', 'finance', 'leader', 'construction', 'principal']);
    // 综合科's construction claim goes to 赵国强 (construction), not to 李明华 who supervises 综合科.
    const hub = await file('huangjing', construction(500_000));
    for (const u of ['liuyang', 'mali']) await sign(t, hub.instanceId, u);
    await taskOf(t, hub.instanceId, 'zhaoguoqiang');
    await sign(t, hub.instanceId, 'zhaoguoqiang');
    await sign(t, hub.instanceId, 'chenzhiyuan');
    expect(await statusOf(t, hub.instanceId)).toBe('approved');
  });

  it('FIVE-09: when the construction slot would fall to the principal leader (a stand-in), the claim is refused and nothing is filed', async () => {
    await principalStandsInForConstruction('2026-11-02', '2026-11-03');
    const before = (await rows<{ n: number }>(t.database.db, sql`select count(*)::int as n from finance_claims`))[0].n;
    const err = await rejected(file('tangning', construction(500_000)));
    expect(err.code).toBe('RULE_BLOCKED');
    expect(err.rule?.id).toBe('FIVE-09');
    expect(err.message).toContain('一把手');
    expect((await rows<{ n: number }>(t.database.db, sql`select count(*)::int as n from finance_claims`))[0].n).toBe(before);
  });

  it('FIVE-09: the principal leader holding the construction task cannot sign it', async () => {
    const decisionId = await partyDecision(t, 3_000_000, 'capital_construction', '扶贫产业园道路硬化');
    // Past the days of the earlier stand-in.
    t.clock.set('2026-11-05T09:00:00+08:00');
    const res = await file('tangning', construction(2_500_000, { decisionId }));
    expect(await planOf(res.instanceId)).toEqual(['section', 'finance', 'construction', 'finance_approval']);
    await sign(t, res.instanceId, 'hanbing');
    // 赵国强 leaves before the construction step starts; the principal is (wrongly) his stand-in.
    await principalStandsInForConstruction('2026-11-05', '2026-11-06');
    await sign(t, res.instanceId, 'mali');
    const task = await taskOf(t, res.instanceId, 'chenzhiyuan');
    const err = await rejected(actOnTask(await ctxFor(t, 'chenzhiyuan'), task, 'approve', { comment: '同意' }));
    expect(err.rule?.id).toBe('FIVE-09');
    expect(await statusOf(t, res.instanceId)).toBe('running');
  });
});

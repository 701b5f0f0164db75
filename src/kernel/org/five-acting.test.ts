import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/support/app';
import { demoPersonId as psn } from '../../demo/office';
import { client, snapshot } from './test-helpers';

/**
 * 五不直接分管 through a stand-in: whoever acts for an absent leader signs in that leader's areas,
 * so the principal leader may not stand in for a leader of the five areas (FIVE-01), and finance
 * approval and construction may not meet in one person (FIVE-02). Assignments are covered in
 * leadership.test.ts; this is what was missing.
 */
let t: TestApp;
let api: ReturnType<typeof client>;
beforeAll(async () => {
  t = await createTestApp();
  api = client(t);
});
afterAll(async () => t?.close());

const acting = (absent: string, stand: string, startDate: string, endDate: string) =>
  api.post('liuyang', '/org/acting-arrangements', { absentPersonId: psn(absent), actingPersonId: psn(stand), startDate, endDate, reason: '外出学习' });

describe('acting arrangements and the five areas', () => {
  it('FIVE-01: the principal leader cannot stand in for the finance/personnel leader; nothing is recorded', async () => {
    const before = await snapshot(t);
    const res = await acting('liminghua', 'chenzhiyuan', '2026-11-16', '2026-11-20');
    expect(res.statusCode).toBe(422);
    expect(res.json().error).toMatchObject({ code: 'RULE_BLOCKED', rule: { id: 'FIVE-01', cite: '五不直接分管 第一条；第二条（一）–（五）' } });
    expect(res.json().error.message).toContain('财务审批');
    expect(await snapshot(t)).toEqual(before);
  });

  it('FIVE-02: the construction leader cannot stand in for the finance-approval leader, nor the reverse', async () => {
    const a = await acting('liminghua', 'zhaoguoqiang', '2026-11-16', '2026-11-20');
    expect(a.json().error).toMatchObject({ code: 'RULE_BLOCKED', rule: { id: 'FIVE-02' } });
    const b = await acting('zhaoguoqiang', 'liminghua', '2026-11-16', '2026-11-20');
    expect(b.json().error.rule.id).toBe('FIVE-02');
  });

  it('FIVE-02: one stand-in covering both the finance and the construction leader over the same days is refused', async () => {
    expect((await acting('liminghua', 'sunli', '2026-11-23', '2026-11-27')).statusCode).toBe(201);
    const both = await acting('zhaoguoqiang', 'sunli', '2026-11-25', '2026-11-26');
    expect(both.json().error.rule.id).toBe('FIVE-02');
    // Other days are fine: the stand-in is not holding finance approval then.
    expect((await acting('zhaoguoqiang', 'sunli', '2026-11-30', '2026-12-01')).statusCode).toBe(201);
  });

  it('FIVE-01: a stand-in for someone outside the five areas is unaffected, even by the principal leader', async () => {
    expect((await acting('liuyang', 'chenzhiyuan', '2026-12-07', '2026-12-08')).statusCode).toBe(201);
  });
});

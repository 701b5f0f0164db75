import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/support/app';
import { demoPersonId as psn, demoUnitId as unit } from '../../demo/office';
import { leaderInChargeOfArea } from './lookups';
import { client, snapshot } from './test-helpers';

let t: TestApp;
let api: ReturnType<typeof client>;
beforeAll(async () => {
  t = await createTestApp();
  api = client(t);
});
afterAll(async () => t?.close());

const assign = (body: Record<string, unknown>) => api.post('weiqiang', '/org/leadership-assignments', { startDate: '2026-11-02', ...body });

describe('leadership division (分管)', () => {
  it('shows the demo division as lawful: every one of the five areas has one leader, no warnings', async () => {
    const res = await api.get('liuyang', '/org/leadership?date=2026-11-02');
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.principal.name).toBe('陈志远');
    expect(body.warnings).toEqual([]);
    const byArea = Object.fromEntries(body.areas.map((a: { name: string; leader: { name: string } }) => [a.name, a.leader.name]));
    expect(byArea).toEqual({ 人事: '李明华', 财务审批: '李明华', 工程项目建设: '赵国强', 物资采购: '孙丽', 行政审批: '赵国强' });
  });

  it('FIVE-01 blocks assigning 财务审批 to the principal leader (AS-B40), citing the rule, and changes nothing', async () => {
    const before = await snapshot(t);
    const res = await assign({ leaderId: psn('chenzhiyuan'), areaCode: 'finance_approval' });
    expect(res.statusCode).toBe(422);
    const { error } = res.json();
    expect(error.code).toBe('RULE_BLOCKED');
    expect(error.rule).toEqual({ id: 'FIVE-01', cite: '五不直接分管 第一条；第二条（一）–（五）' });
    expect(error.message).toMatch(/陈志远.*财务审批/);
    expect(await snapshot(t)).toEqual(before);
  });

  it('FIVE-01 blocks a second leader for 物资采购 while one is in charge (AS-B40)', async () => {
    const res = await assign({ leaderId: psn('zhaoguoqiang'), areaCode: 'procurement' });
    expect(res.statusCode).toBe(422);
    expect(res.json().error.rule.id).toBe('FIVE-01');
    expect(res.json().error.message).toContain('孙丽');
  });

  it('FIVE-01 warns before an area is left without a leader; acknowledged, the end is recorded', async () => {
    const division = (await api.get('liuyang', '/org/leadership?date=2026-11-02')).json();
    const construction = division.areas.find((a: { code: string }) => a.code === 'construction');
    const url = `/org/leadership-assignments/${construction.assignmentId}/end`;
    const unacknowledged = await api.post('weiqiang', url, { endDate: '2026-12-31' });
    expect(unacknowledged.statusCode).toBe(422);
    expect(unacknowledged.json().error).toMatchObject({ code: 'RULE_WARNING', rule: { id: 'FIVE-01' } });
    const ok = await api.post('weiqiang', url, { endDate: '2026-12-31', acknowledged: ['FIVE-01'] });
    expect(ok.statusCode).toBe(200);
    expect((await leaderInChargeOfArea(t.database.db, 'construction', '2026-12-31'))?.name).toBe('赵国强');
    expect(await leaderInChargeOfArea(t.database.db, 'construction', '2027-01-01')).toBeNull();
    const later = (await api.get('liuyang', '/org/leadership?date=2027-01-01')).json();
    expect(later.warnings.map((w: { ruleId: string }) => w.ruleId)).toEqual(['FIVE-01']);
  });

  it('FIVE-02 blocks the finance-approval leader (李明华) from construction (AS-B40)', async () => {
    const res = await assign({ leaderId: psn('liminghua'), areaCode: 'construction', startDate: '2027-01-01' });
    expect(res.statusCode).toBe(422);
    expect(res.json().error.rule).toEqual({ id: 'FIVE-02', cite: '五不直接分管 第二条（三）' });
    expect(res.json().error.message).toMatch(/李明华.*财务审批/);
  });

  it('FIVE-01 and FIVE-02 let a lawful successor take construction from the next day', async () => {
    const res = await assign({ leaderId: psn('zhaoguoqiang'), areaCode: 'construction', startDate: '2027-01-01' });
    expect(res.statusCode).toBe(201);
    expect(res.json().id).toMatch(/^lead_/);
    expect((await leaderInChargeOfArea(t.database.db, 'construction', '2027-06-01'))?.name).toBe('赵国强');
  });

  it('refuses a second leader for a unit, and a person who is not an office leader', async () => {
    const second = await assign({ leaderId: psn('zhaoguoqiang'), unitId: unit('ducha') });
    expect(second.statusCode).toBe(409);
    expect(second.json().error.message).toContain('孙丽');
    const notLeader = await assign({ leaderId: psn('liuyang'), unitId: unit('ducha') });
    expect(notLeader.statusCode).toBe(400);
    expect(notLeader.json().error.message).toContain('刘洋');
  });

  it('rejects bad input in Chinese and changes nothing', async () => {
    const before = await snapshot(t);
    const both = await assign({ leaderId: psn('sunli'), unitId: unit('ducha'), areaCode: 'procurement' });
    expect(both.statusCode).toBe(400);
    expect(both.json().error.message).toMatch(/二选一/);
    const backwards = await assign({ leaderId: psn('sunli'), areaCode: 'personnel', startDate: '2027-01-02', endDate: '2027-01-01' });
    expect(backwards.statusCode).toBe(400);
    expect(backwards.json().error.message).toContain('结束日期不能早于开始日期');
    const badDate = await assign({ leaderId: psn('sunli'), areaCode: 'personnel', startDate: '2027-02-30' });
    expect(badDate.statusCode).toBe(400);
    const unknown = await assign({ leaderId: 'psn_nobody', areaCode: 'personnel' });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().error.message).toBe('人员不存在');
    const badArea = await assign({ leaderId: psn('sunli'), areaCode: 'nope' });
    expect(badArea.statusCode).toBe(400);
    expect(await snapshot(t)).toEqual(before);
  });

  it('lets only org.manage holders edit the division', async () => {
    const res = await api.post('xunuo', '/org/leadership-assignments', { leaderId: psn('sunli'), areaCode: 'personnel', startDate: '2027-01-01' });
    expect(res.statusCode).toBe(403);
    const hub = await api.post('liuyang', '/org/leadership-assignments', { leaderId: psn('chenzhiyuan'), areaCode: 'personnel', startDate: '2027-01-01' });
    expect(hub.statusCode).toBe(422);
  });

  it('lists the org rules on /api/v1/rules', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/rules' });
    const ids = res.json().rules.map((r: { id: string }) => r.id);
    expect(ids).toEqual(expect.arrayContaining(['FIVE-01', 'FIVE-02', 'WR-01', 'WR-02', 'WR-03', 'WR-04']));
  });
});

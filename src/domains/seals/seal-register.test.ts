import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/support/app';
import { rows } from '../../kernel/db';
import { hubLeader } from './org';

/** The page actions of the seal register (印章代管与停用), through the API the page uses. */
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
  t.clock.set('2024-11-11T09:00:00+08:00');
});
afterAll(async () => t?.close());

const post = async (user: string, url: string, payload: unknown) => t.app.inject({ method: 'POST', url: `/api/v1${url}`, headers: { cookie: await t.cookieFor(user) }, payload: payload as never });
const get = async (user: string, url: string) => t.app.inject({ method: 'GET', url: `/api/v1${url}`, headers: { cookie: await t.cookieFor(user) } });
const usernameOf = async (personId: string) => (await rows<{ username: string }>(t.database.db, sql`select username from accounts where person_id = ${personId}`))[0].username;

describe('印章代管与停用 page actions', () => {
  it('SEAL-12: only the 分管领导 of 综合科 names a stand-in keeper; the designation is listed for the page', async () => {
    const seals = (await get('liuyang', '/seals')).json().items as { id: string; status: string; keeperPersonId: string }[];
    const seal = seals.find((s) => s.status === 'active')!;
    const standIn = seal.keeperPersonId === 'psn_mali' ? 'psn_huangjing' : 'psn_mali';
    const body = { personId: standIn, startDate: '2024-11-12', endDate: '2024-11-15', reason: '保管人赴省培训' };
    const refused = await post('liuyang', `/seals/${seal.id}/temp-keepers`, body);
    expect(refused.statusCode).toBe(422);
    expect(refused.json().error.rule.id).toBe('SEAL-12');
    const leader = await usernameOf((await hubLeader(t.database.db, '2024-11-11')).id);
    const ok = await post(leader, `/seals/${seal.id}/temp-keepers`, body);
    expect(ok.statusCode, ok.body).toBe(201);
    const list = (await get('liuyang', '/seals/temp-keepers')).json().items as { personName: string; startDate: string; current: boolean }[];
    expect(list[0]).toMatchObject({ personName: standIn === 'psn_mali' ? '马丽' : '黄静', startDate: '2024-11-12', current: false });
    expect((await get('tangning', '/seals/temp-keepers')).statusCode).toBe(403);
  });

  it('SEAL-11 SEAL-13: a damaged seal is stopped by the 分管领导; a lost one opens a case that closes after report, declaration and filing', async () => {
    const leader = await usernameOf((await hubLeader(t.database.db, '2024-11-11')).id);
    const seals = (await get('liuyang', '/seals')).json().items as { id: string; status: string; keeperPersonId: string; name: string }[];
    const [a, b] = seals.filter((s) => s.status === 'active');
    expect((await post('liuyang', '/seals/stop', { reason: 'damaged', sealIds: [a.id] })).json().error.rule.id).toBe('SEAL-11');
    expect((await post(leader, '/seals/stop', { reason: 'damaged', sealIds: [a.id] })).json()).toEqual({ stopped: [a.id] });
    const keeper = await usernameOf(b.keeperPersonId);
    const loss = await post(keeper, `/seals/${b.id}/loss`, { discoveredOn: '2024-11-11', theft: false });
    expect(loss.statusCode).toBe(201);
    const caseId = loss.json().caseId as string;
    expect((await post(keeper, `/seals/loss-cases/${caseId}`, { reportedToPersonId: 'psn_chenzhiyuan' })).json()).toEqual({ closed: false });
    expect((await post(keeper, `/seals/loss-cases/${caseId}`, { voidDeclarationRef: '《白城日报》2024-11-12 第3版' })).json()).toEqual({ closed: false });
    expect((await post(keeper, `/seals/loss-cases/${caseId}`, { filingRef: '白城市公安局备案 白公备〔2024〕8号' })).json()).toEqual({ closed: true });
    const after = (await get('liuyang', '/seals')).json().items as { id: string; status: string; stopReason: string }[];
    expect(after.find((s) => s.id === a.id)).toMatchObject({ status: 'stopped', stopReason: 'damaged' });
    expect(after.find((s) => s.id === b.id)).toMatchObject({ status: 'stopped', stopReason: 'lost' });
  });
});

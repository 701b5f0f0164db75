import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/support/app';
import { demoPersonId as psn, demoUnitId as unit } from '../../demo/office';
import { holdersOfPost, leaderInChargeOfArea, leaderInChargeOfUnit, membersOfBody, principalLeader, sectionChiefOf } from './index';
import { personWithPosts } from './index';
import { client } from './test-helpers';

let t: TestApp;
let api: ReturnType<typeof client>;
beforeAll(async () => {
  t = await createTestApp();
  api = client(t);
});
afterAll(async () => t?.close());

const D = '2026-11-02';
const names = (list: { name: string }[]) => list.map((p) => p.name);

describe('org lookups', () => {
  it('finds the section chief of 综合科 (刘洋) and the head of the service center (郑晓燕)', async () => {
    const db = t.database.db;
    expect((await sectionChiefOf(db, unit('zonghe'), D))?.name).toBe('刘洋');
    expect((await sectionChiefOf(db, unit('center'), D))?.name).toBe('郑晓燕');
    expect(await sectionChiefOf(db, unit('zonghe'), '2018-01-01')).toBeNull();
  });

  it('finds the leader in charge of 督查科 (孙丽) and of each of the five areas', async () => {
    const db = t.database.db;
    expect((await leaderInChargeOfUnit(db, unit('ducha'), D))?.name).toBe('孙丽');
    expect((await leaderInChargeOfUnit(db, unit('center'), D))?.name).toBe('赵国强');
    expect((await leaderInChargeOfArea(db, 'finance_approval', D))?.name).toBe('李明华');
    expect((await leaderInChargeOfArea(db, 'admin_approval', D))?.name).toBe('赵国强');
  });

  it('finds the principal leader and the holders of a post', async () => {
    const db = t.database.db;
    expect((await principalLeader(db, D))?.name).toBe('陈志远');
    expect((await principalLeader(db, D, 'party'))?.name).toBe('陈志远');
    expect(names(await holdersOfPost(db, 'seal_keeper', undefined, D))).toEqual(['林峰']);
    expect(names(await holdersOfPost(db, 'section_chief', unit('ducha'), D))).toEqual(['朱涛']);
    expect(names(await holdersOfPost(db, 'deputy_director', null, D)).sort()).toEqual(['孙丽', '李明华', '赵国强'].sort());
  });

  it('derives the 党组 (7 members) and the 主任办公会议 (4 班子成员, 综合科科长 without a vote)', async () => {
    const db = t.database.db;
    const pg = await membersOfBody(db, 'party_group', D);
    expect(pg.chair?.name).toBe('陈志远');
    expect(names(pg.members).sort()).toEqual(['陈志远', '李明华', '赵国强', '孙丽', '吴海', '郑晓燕', '何建军'].sort());
    expect(names(pg.invited)).toEqual(['周文斌']);
    const dm = await membersOfBody(db, 'director_meeting', D);
    expect(names(dm.members).sort()).toEqual(['陈志远', '李明华', '赵国强', '孙丽'].sort());
    expect(names(dm.attendees)).toEqual(['刘洋']);
  });

  it('gives a person with every post held', async () => {
    const mali = await personWithPosts(t.database.db, psn('mali'), D);
    expect(mali?.holdings.map((h) => h.postName).sort()).toEqual(['副科长', '绝密件专管人员', '财务负责人'].sort()); // 绝密件专管人员: the secrecy area's demo post
    expect(mali?.workStartDate).toBe('2008-07-01');
  });

  it('answers the lookups over HTTP for org.read holders', async () => {
    const res = await api.get('xunuo', `/org/lookups/section-chief?unitId=${unit('zonghe')}&date=${D}`);
    expect(res.statusCode).toBe(200);
    expect(res.json().person.name).toBe('刘洋');
    const lead = await api.get('xunuo', `/org/lookups/unit-leader?unitId=${unit('ducha')}`);
    expect(lead.json().person.name).toBe('孙丽');
    const body = await api.get('xunuo', '/org/bodies/party_group/members');
    expect(body.json().members).toHaveLength(7);
  });
});

describe('organisation browser and data scope', () => {
  it('shows the units tree with people and posts to every org.read holder, without personal fields', async () => {
    const res = await api.get('xunuo', '/org/units');
    expect(res.statusCode).toBe(200);
    const [office] = res.json().units;
    expect(office.name).toBe('白城市扶贫开发办公室');
    const zonghe = office.children.find((u: { code: string }) => u.code === 'zonghe');
    expect(zonghe.head.name).toBe('刘洋');
    expect(zonghe.leaderInCharge.name).toBe('李明华');
    const gaowei = zonghe.people.find((p: { name: string }) => p.name === '高伟');
    expect(gaowei.posts.map((p: { name: string }) => p.name)).toEqual(['科员', '车辆管理员', '驾驶员']);
    expect(JSON.stringify(res.json())).not.toContain('workStartDate');
  });

  it('refuses a 科员 of 督查科 the record of a person of 综合科 (403), shows them their own', async () => {
    const other = await api.get('xunuo', `/org/people/${psn('liuyang')}`);
    expect(other.statusCode).toBe(403);
    expect(other.json().error.message).toContain('数据权限');
    const own = await api.get('xunuo', `/org/people/${psn('xunuo')}`);
    expect(own.statusCode).toBe(200);
    expect(own.json().workStartDate).toBe('2018-08-01');
  });

  it('lets a section chief see their own section only, and 综合科 see everyone', async () => {
    expect((await api.get('zhutao', `/org/people/${psn('xunuo')}`)).statusCode).toBe(200);
    expect((await api.get('zhutao', `/org/people/${psn('liuyang')}`)).statusCode).toBe(403);
    expect((await api.get('liuyang', `/org/people/${psn('xunuo')}`)).statusCode).toBe(200);
    expect((await api.get('liuyang', '/org/people/psn_nobody')).statusCode).toBe(404);
  });

  it('serves the open parameters of CONFLICTS.md §9 without login', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/org/open-parameters' });
    expect(res.statusCode).toBe(200);
    const params = res.json().parameters as { id: string; basis: string; value: unknown; rules: string[]; conflicts: string[] }[];
    expect(params.length).toBeGreaterThanOrEqual(180);
    const boundary = params.find((p) => p.id === 'procurementSmallLargerBoundaryFen');
    expect(boundary).toMatchObject({ basis: 'demo', value: 500000, conflicts: ['CONF-03'] });
    expect(boundary?.rules).toEqual(expect.arrayContaining(['FIVE-10', 'FIVE-11']));
    for (const p of params) expect(p.rules.length, p.id).toBeGreaterThan(0);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/support/app';
import { demoPersonId as psn, demoUnitId as unit } from '../../demo/office';
import { actingFor, principalLeader } from './index';
import { client, snapshot } from './test-helpers';

let t: TestApp;
let api: ReturnType<typeof client>;
beforeAll(async () => {
  t = await createTestApp();
  api = client(t);
});
afterAll(async () => t?.close());

const acting = (body: Record<string, unknown>) => api.post('liuyang', '/org/acting-arrangements', body);
const sealCover = { absentPersonId: psn('linfeng'), actingPersonId: psn('huangjing'), postCode: 'seal_keeper', reason: '林峰出差，印章由黄静代管' };

describe('acting arrangements', () => {
  it('creates an arrangement (201 { id }) that covers exactly its dates', async () => {
    const res = await acting({ ...sealCover, startDate: '2026-11-10', endDate: '2026-11-12' });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toEqual({ id: expect.stringMatching(/^act_/) });
    const db = t.database.db;
    expect(await actingFor(db, psn('linfeng'), '2026-11-09', 'seal_keeper')).toBeNull();
    expect((await actingFor(db, psn('linfeng'), '2026-11-10', 'seal_keeper'))?.acting.name).toBe('黄静');
    expect((await actingFor(db, psn('linfeng'), '2026-11-12'))?.acting.name).toBe('黄静');
    expect(await actingFor(db, psn('linfeng'), '2026-11-13', 'seal_keeper')).toBeNull();
    expect(await actingFor(db, psn('linfeng'), '2026-11-11', 'staff_member')).toBeNull();
  });

  it('ends an arrangement early, and refuses to move the end later', async () => {
    const { id } = (await acting({ ...sealCover, startDate: '2026-12-01', endDate: '2026-12-10' })).json();
    const later = await api.post('liuyang', `/org/acting-arrangements/${id}/end`, { endDate: '2026-12-11' });
    expect(later.statusCode).toBe(400);
    const early = await api.post('liuyang', `/org/acting-arrangements/${id}/end`, { endDate: '2026-12-05' });
    expect(early.statusCode).toBe(200);
    expect((await actingFor(t.database.db, psn('linfeng'), '2026-12-05'))?.acting.name).toBe('黄静');
    expect(await actingFor(t.database.db, psn('linfeng'), '2026-12-06')).toBeNull();
  });

  it('refuses a second stand-in for the same post and days (409)', async () => {
    const res = await acting({ ...sealCover, actingPersonId: psn('gaowei'), startDate: '2026-11-12', endDate: '2026-11-14', reason: '另行安排' });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.message).toContain('黄静');
  });

  it('WR-03 accepts a 副主任 presiding while the 主任 is away, and lists it', async () => {
    const res = await acting({ absentPersonId: psn('chenzhiyuan'), actingPersonId: psn('liminghua'), startDate: '2026-11-16', endDate: '2026-11-27', reason: '主任参加省委党校学习' });
    expect(res.statusCode).toBe(201);
    expect((await actingFor(t.database.db, psn('chenzhiyuan'), '2026-11-20', 'director'))?.acting.name).toBe('李明华');
    const list = (await api.get('xunuo', '/org/acting-arrangements?date=2026-11-20')).json().arrangements;
    expect(list).toEqual([expect.objectContaining({ absent: expect.objectContaining({ name: '陈志远' }), designatedBy: expect.objectContaining({ name: '陈志远' }) })]);
    // CONF-16: the acting deputy does not become principal leader unless configured.
    expect((await principalLeader(t.database.db, '2026-11-20'))?.name).toBe('陈志远');
  });

  it('WR-03 blocks a non-副主任 presiding, and a second 副主任 for the same days', async () => {
    const notDeputy = await acting({ absentPersonId: psn('chenzhiyuan'), actingPersonId: psn('liuyang'), startDate: '2026-12-14', endDate: '2026-12-18', reason: '外出' });
    expect(notDeputy.statusCode).toBe(422);
    expect(notDeputy.json().error).toMatchObject({ code: 'RULE_BLOCKED', rule: { id: 'WR-03', cite: '《工作规则》第八条' } });
    const second = await acting({ absentPersonId: psn('chenzhiyuan'), actingPersonId: psn('sunli'), startDate: '2026-11-20', endDate: '2026-11-30', reason: '外出' });
    expect(second.statusCode).toBe(422);
    expect(second.json().error.message).toContain('李明华');
    const notByDirector = await acting({ absentPersonId: psn('chenzhiyuan'), actingPersonId: psn('sunli'), startDate: '2027-01-04', endDate: '2027-01-08', reason: '外出', designatedById: psn('liuyang') });
    expect(notByDirector.json().error.rule.id).toBe('WR-03');
  });

  it('rejects bad input in Chinese and changes nothing', async () => {
    const before = await snapshot(t);
    const cases: [Record<string, unknown>, number, RegExp][] = [
      [{ ...sealCover, startDate: '2026-11-20', endDate: '2026-11-19' }, 400, /结束日期不能早于开始日期/],
      [{ ...sealCover, actingPersonId: psn('linfeng'), startDate: '2026-11-20', endDate: '2026-11-21' }, 400, /本人/],
      [{ ...sealCover, absentPersonId: 'psn_nobody', startDate: '2026-11-20', endDate: '2026-11-21' }, 404, /人员不存在/],
      [{ ...sealCover, postCode: 'clerk', startDate: '2026-11-20', endDate: '2026-11-21' }, 400, /未担任文书/],
      [{ ...sealCover, reason: '   ', startDate: '2026-11-20', endDate: '2026-11-21' }, 400, /提交的内容有误/],
      [{ ...sealCover, startDate: '2026-11-20' }, 400, /提交的内容有误/],
      [{ ...sealCover, startDate: '20261120', endDate: '2026-11-21' }, 400, /提交的内容有误/],
    ];
    for (const [body, status, message] of cases) {
      const res = await acting(body);
      expect(res.statusCode, JSON.stringify(body)).toBe(status);
      expect(res.json().error.message).toMatch(message);
    }
    expect(await snapshot(t)).toEqual(before);
  });

  it('lets only org.manage holders record arrangements', async () => {
    const res = await api.post('xunuo', '/org/acting-arrangements', { ...sealCover, startDate: '2027-02-01', endDate: '2027-02-02' });
    expect(res.statusCode).toBe(403);
    const admin = await api.post('weiqiang', '/org/acting-arrangements', { ...sealCover, startDate: '2027-02-01', endDate: '2027-02-02' });
    expect(admin.statusCode).toBe(201);
  });
});

describe('units, people and posts', () => {
  it('creates a person and gives them a post; WR-04 refuses a second 科长 for 督查科', async () => {
    const person = await api.post('weiqiang', '/org/people', { name: '测试员', unitId: unit('ducha'), grade: 'general', workStartDate: '2024-07-01' });
    expect(person.statusCode).toBe(201);
    const { id } = person.json();
    const staff = await api.post('weiqiang', '/org/post-holdings', { personId: id, postCode: 'staff_member', startDate: '2026-11-02' });
    expect(staff.statusCode).toBe(201);
    const chief = await api.post('weiqiang', '/org/post-holdings', { personId: id, postCode: 'section_chief', startDate: '2026-11-02' });
    expect(chief.statusCode).toBe(422);
    expect(chief.json().error).toMatchObject({ rule: { id: 'WR-04' } });
    expect(chief.json().error.message).toContain('朱涛');
    const renamed = await api.patch('weiqiang', `/org/people/${id}`, { name: '测试员乙' });
    expect(renamed.statusCode).toBe(200);
  });

  it('WR-01 refuses a second 主任; FIVE-01 refuses a principal post to a leader of the five areas', async () => {
    const director = await api.post('weiqiang', '/org/post-holdings', { personId: psn('liminghua'), postCode: 'director', startDate: '2026-11-02' });
    expect(director.json().error.rule.id).toBe('WR-01');
    const secretary = await api.post('weiqiang', '/org/post-holdings', { personId: psn('liminghua'), postCode: 'party_secretary', startDate: '2026-11-02' });
    expect(secretary.statusCode).toBe(422);
    expect(secretary.json().error.rule.id).toBe('FIVE-01');
    expect(secretary.json().error.message).toMatch(/李明华.*财务审批/);
  });

  it('creates a unit and refuses a duplicate code or a cycle', async () => {
    const created = await api.post('weiqiang', '/org/units', { code: 'test_unit', name: '测试科', kind: 'section', parentId: unit('office') });
    expect(created.statusCode).toBe(201);
    const dup = await api.post('weiqiang', '/org/units', { code: 'test_unit', name: '重复', kind: 'section' });
    expect(dup.statusCode).toBe(409);
    const cycle = await api.patch('weiqiang', `/org/units/${unit('office')}`, { parentId: created.json().id });
    expect(cycle.statusCode).toBe(400);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/support/app';
import { ctxFor } from '../../../test/support/ctx';
import { actOnTask } from '../../kernel/flow';
import { setParamOverrides } from '../../kernel/rules';
import { approveAll, failure, leave, pendingTasks, planOf, status } from './test-helpers';
import { reload } from './leave-service';
import { listLeaves, previewLeave } from './service';

/** Acceptance scenarios AS-C01…AS-C06 and the routing rules of §2.5 on the demo office. */
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
  t.clock.set('2024-05-06T09:00:00+08:00');
});
afterAll(async () => t?.close());

const at = (iso: string) => t.clock.set(`${iso}T09:00:00+08:00`);

describe('leave routing (§2.5)', () => {
  it('AS-C01 LEAVE-05 LEAVE-07 LEAVE-11: 2.5 working days of personal leave go to the section chief (consent) and the leader in charge (approve)', async () => {
    at('2024-11-01');
    const { id, instanceId } = await leave(t, 'xunuo', { type: 'personal', startDate: '2024-11-06', endDate: '2024-11-08', endHalf: 'am' });
    expect((await reload(await ctxFor(t, 'xunuo'), id)).workingDays).toBe(2.5);
    expect(await planOf(t, instanceId)).toEqual(['section:consent', 'leader:approve']);
    await approveAll(t, instanceId);
    const mine = await listLeaves(await ctxFor(t, 'xunuo'), { scope: 'mine', year: 2024 });
    expect(mine.find((l) => l.id === id)?.status).toBe('approved');
    const preview = await previewLeave(await ctxFor(t, 'xunuo'), { type: 'personal', startDate: '2024-11-25', endDate: '2024-11-25', reason: '办事' });
    expect(preview.balance).toMatchObject({ usedDays: 2.5, entitledDays: 15 });
  });

  it('AS-C02 LEAVE-05 LEAVE-06 CONF-13: exactly 1 day → section chief approves; exactly 3 days → section chief then leader in charge', async () => {
    at('2024-11-01');
    const one = await leave(t, 'xunuo', { type: 'personal', startDate: '2024-11-11', endDate: '2024-11-11' });
    expect(await planOf(t, one.instanceId)).toEqual(['section:approve']);
    const three = await leave(t, 'xunuo', { type: 'personal', startDate: '2024-11-12', endDate: '2024-11-14' });
    expect(await planOf(t, three.instanceId)).toEqual(['section:consent', 'leader:approve']);
  });

  it('LEAVE-06: half a day of general staff leave needs only the section chief, not 三（九）\'s leader in charge', async () => {
    at('2024-11-01');
    const half = await leave(t, 'tangning', { type: 'personal', startDate: '2024-11-11', endDate: '2024-11-11', endHalf: 'am' });
    expect(await planOf(t, half.instanceId)).toEqual(['section:approve']);
    expect((await pendingTasks(t, half.instanceId))[0].assignee).toBe('psn_hanbing');
  });

  it('AS-C03 LEAVE-05 LEAVE-07: 4 working days across the make-up Saturday 2024-05-11 go to section chief, leader in charge and principal leader', async () => {
    at('2024-05-06');
    const r = await leave(t, 'xunuo', { type: 'personal', startDate: '2024-05-09', endDate: '2024-05-13' });
    expect((await reload(await ctxFor(t, 'xunuo'), r.id)).workingDays).toBe(4);
    expect(await planOf(t, r.instanceId)).toEqual(['section:consent', 'leader:consent', 'principal:approve']);
    expect(await approveAll(t, r.instanceId)).toEqual(['section:zhutao', 'leader:sunli', 'principal:chenzhiyuan']);
  });

  it('LEAVE-05 routes 4 working days of general staff leave to section chief, leader in charge and principal leader (preview names them)', async () => {
    at('2024-05-06');
    const p = await previewLeave(await ctxFor(t, 'dongxue'), { type: 'personal', startDate: '2024-05-20', endDate: '2024-05-23', reason: '家事' });
    expect(p.route.map((s) => `${s.name}:${s.verbLabel}:${s.approvers.join()}`)).toEqual(['科室负责人意见:同意:冯磊', '分管领导意见:同意:孙丽', '主要领导意见:批准:陈志远']);
    expect(p.workingDays).toBe(4);
  });

  it('AS-C04 LEAVE-04 CONF-07: section cadre 1 day → leader; 2 days → gap policy with warning LEAVE-04-GAP; 2.5 days → leader then principal', async () => {
    at('2024-11-01');
    const one = await leave(t, 'zhutao', { type: 'personal', startDate: '2024-11-11', endDate: '2024-11-11' });
    expect(await planOf(t, one.instanceId)).toEqual(['leader:approve']);
    const gap = await failure(leave(t, 'zhutao', { type: 'personal', startDate: '2024-11-14', endDate: '2024-11-15' }));
    expect(gap).toMatchObject({ code: 'RULE_WARNING', rule: 'LEAVE-04-GAP' });
    const two = await leave(t, 'zhutao', { type: 'personal', startDate: '2024-11-14', endDate: '2024-11-15' }, ['LEAVE-04-GAP']);
    expect(await planOf(t, two.instanceId)).toEqual(['leader:consent', 'principal:approve']);
    setParamOverrides('LEAVE-04', { cadreLeaveGapPolicy: 'LEADER_IN_CHARGE_ONLY' });
    try {
      const only = await leave(t, 'zhutao', { type: 'personal', startDate: '2024-11-18', endDate: '2024-11-19' }, ['LEAVE-04-GAP']);
      expect(await planOf(t, only.instanceId)).toEqual(['leader:approve']);
      expect(only.warnings.map((w) => w.ruleId)).toEqual(['LEAVE-04-GAP']);
    } finally {
      setParamOverrides('LEAVE-04', {});
    }
    const more = await leave(t, 'zhutao', { type: 'personal', startDate: '2024-11-20', endDate: '2024-11-22', endHalf: 'am' });
    expect(await planOf(t, more.instanceId)).toEqual(['leader:consent', 'principal:approve']);
    expect(more.warnings).toEqual([]);
  });

  it('AS-C05 LEAVE-03: a deputy leader\'s 5 working days need only the principal leader', async () => {
    at('2024-11-01');
    const r = await leave(t, 'liminghua', { type: 'personal', startDate: '2024-11-04', endDate: '2024-11-08' });
    expect(await planOf(t, r.instanceId)).toEqual(['principal:approve']);
  });

  it('AS-C05 LEAVE-02: the principal leader\'s leave is approved only after the city-government leader\'s approval AND the written filing are recorded', async () => {
    at('2024-11-01');
    const r = await leave(t, 'chenzhiyuan', { type: 'personal', startDate: '2024-11-11', endDate: '2024-11-11' });
    expect(await planOf(t, r.instanceId)).toEqual(['gov:record', 'filing:record']);
    const me = await ctxFor(t, 'chenzhiyuan');
    const [gov] = await pendingTasks(t, r.instanceId);
    await actOnTask(me, gov.id, 'record_external', { external: { approver: '王副市长', decision: 'approve', documentRef: '电话记录2024-11-01', decidedOn: '2024-11-01' } });
    expect(await status(t, r.id)).toBe('pending');
    const [filing] = await pendingTasks(t, r.instanceId);
    expect(filing.step).toBe('filing');
    await actOnTask(me, filing.id, 'record_external', { external: { approver: '市政府办公室', decision: 'approve', documentRef: '白扶办报〔2024〕5号', decidedOn: '2024-11-01' } });
    expect(await status(t, r.id)).toBe('approved');
  });

  it('AS-C06 LEAVE-07 LEAVE-17: sick leave 2024-09-27…10-08 charges 12 calendar days, routes on 4 working days, and cannot be finally approved without a certificate', async () => {
    at('2024-09-20');
    const warned = await failure(leave(t, 'xunuo', { type: 'sick', startDate: '2024-09-27', endDate: '2024-10-08', reason: '住院' }));
    expect(warned).toMatchObject({ code: 'RULE_WARNING', rule: 'LEAVE-17' });
    const r = await leave(t, 'xunuo', { type: 'sick', startDate: '2024-09-27', endDate: '2024-10-08', reason: '住院' }, ['LEAVE-17']);
    const row = await reload(await ctxFor(t, 'xunuo'), r.id);
    expect(row).toMatchObject({ chargeableDays: 12, workingDays: 4 });
    expect(await planOf(t, r.instanceId)).toEqual(['section:consent', 'leader:consent', 'principal:approve']);
    await actOnTask(await ctxFor(t, 'zhutao'), (await pendingTasks(t, r.instanceId))[0].id, 'approve');
    await actOnTask(await ctxFor(t, 'sunli'), (await pendingTasks(t, r.instanceId))[0].id, 'approve');
    const blocked = await failure(actOnTask(await ctxFor(t, 'chenzhiyuan'), (await pendingTasks(t, r.instanceId))[0].id, 'approve'));
    expect(blocked).toMatchObject({ code: 'RULE_BLOCKED', rule: 'LEAVE-17' });
    const ok = await leave(t, 'dongxue', { type: 'sick', startDate: '2024-09-27', endDate: '2024-10-08', reason: '住院', attachments: [{ kind: 'HOSPITAL_DIAGNOSIS', name: '白城市医院诊断书' }] });
    await approveAll(t, ok.instanceId);
    expect(await status(t, ok.id)).toBe('approved');
  });

  it('LEAVE-01: a written request must precede the leave; a phone request is completed afterwards with the consenting approver recorded', async () => {
    at('2024-11-05');
    const late = await failure(leave(t, 'xiechen', { type: 'personal', startDate: '2024-11-04', endDate: '2024-11-04' }));
    expect(late).toMatchObject({ code: 'RULE_BLOCKED', rule: 'LEAVE-01' });
    expect(late.message).toContain('2024-11-04');
    const noApprover = await failure(leave(t, 'xiechen', { type: 'personal', startDate: '2024-11-04', endDate: '2024-11-04', channel: 'phone' }));
    expect(noApprover.rule).toBe('LEAVE-01');
    const ok = await leave(t, 'xiechen', { type: 'personal', startDate: '2024-11-04', endDate: '2024-11-04', channel: 'phone', phoneApproverId: 'psn_luomin', phoneApprovedOn: '2024-11-04' });
    expect(ok.instanceId).toBeTruthy();
  });

  it('LEAVE-18: a request made by a proxy records who asked on the applicant\'s behalf', async () => {
    at('2024-11-05');
    const f = await failure(leave(t, 'xiechen', { type: 'personal', startDate: '2024-11-01', endDate: '2024-11-01', channel: 'proxy', phoneApproverId: 'psn_luomin', phoneApprovedOn: '2024-11-01' }));
    expect(f.rule).toBe('LEAVE-18');
    const ok = await leave(t, 'xiechen', { type: 'personal', startDate: '2024-11-01', endDate: '2024-11-01', channel: 'proxy', proxyName: '谢父', phoneApproverId: 'psn_luomin', phoneApprovedOn: '2024-11-01' });
    expect(ok.id).toBeTruthy();
  });

  it('ATT-01: the rules apply to the subordinate 服务中心 as well (its director is the section chief step)', async () => {
    at('2024-11-01');
    const r = await leave(t, 'chengyuan', { type: 'personal', startDate: '2024-11-04', endDate: '2024-11-05' });
    expect(await approveAll(t, r.instanceId)).toEqual(['section:zhengxiaoyan', 'leader:zhaoguoqiang']);
  });

  it('refuses overlapping requests for the same half day', async () => {
    at('2024-11-01');
    await leave(t, 'tangning', { type: 'personal', startDate: '2024-11-11', startHalf: 'pm', endDate: '2024-11-11' });
    const again = await failure(leave(t, 'tangning', { type: 'personal', startDate: '2024-11-11', endDate: '2024-11-11' }));
    expect(again.code).toBe('CONFLICT');
  });
});

import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/support/app';
import { ctxFor } from '../../../test/support/ctx';
import { rows } from '../../kernel/db';
import { allRules } from '../../kernel/rules';
import { rejected, sign } from '../finance/test-helpers';
import * as svc from './service';
import * as out from './outgoing';
import * as cus from './custody';
import * as eq from './equipment';
import { remindSecrecyDuties } from './reminders';
import { hubLeader } from '../seals/org';
import './rules';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
  t.clock.set('2024-11-11T09:00:00+08:00');
});
afterAll(async () => t?.close());

const as = (u: string) => ctxFor(t, u);
const LEADERS = ['psn_chenzhiyuan', 'psn_liminghua', 'psn_zhaoguoqiang', 'psn_sunli'];
const SECTIONS = ['unit_zonghe', 'unit_ducha', 'unit_xinxi', 'unit_guihua', 'unit_shehui'];
const scope = { unitIds: SECTIONS, personIds: LEADERS };
const outgoing = (over: Record<string, unknown> = {}) => ({
  title: '关于防返贫监测对象动态调整情况的报告', docNo: '白扶办密〔2024〕9号', level: 'confidential', term: '10年', knowledgeScope: scope,
  direction: 'upward', copies: 8, recipients: [{ org: '吉林省扶贫开发办公室' }], levelDecidedBy: 'psn_liuyang', ...over,
});
const device = (over: Record<string, unknown> = {}) => ({ number: `T-${Math.random().toString(36).slice(2, 8)}`, kind: 'desktop', name: '联想启天 M430', unitId: 'unit_zonghe', userPersonId: 'psn_huangjing',
  isClassified: true, internetConnected: false, passwordSet: true, level: 'confidential', location: '综合科机要室', ...over });

/** The pending task's assignee on an instance (username). */
async function pendingAssignee(instanceId: string): Promise<{ username: string; personId: string; step: string }> {
  const [r] = await rows<{ username: string; personId: string; step: string }>(t.database.db, sql`select a.username, ft.assignee_person_id as "personId", fi.plan->ft.step_index->>'id' as step
    from flow_tasks ft join flow_instances fi on fi.id = ft.instance_id join accounts a on a.person_id = ft.assignee_person_id where ft.instance_id = ${instanceId} and ft.status = 'pending' limit 1`);
  return r;
}
async function approveAll(instanceId: string): Promise<string[]> {
  const signers: string[] = [];
  for (let i = 0; i < 5; i++) {
    const p = await pendingAssignee(instanceId);
    if (!p) break;
    signers.push(`${p.step}:${p.personId}`);
    await sign(t, instanceId, p.username);
  }
  return signers;
}

describe('涉密发文 (SEC-10, SEC-11, SEC-17, SEC-18, SEC-20)', () => {
  it('AS-E24 SEC-10 SEC-11 SEC-17: 综合科 → 分管领导 → 主任 before printing; only on 综合科’s classified computer; 份号 000001–000008; dispatch waits for 8 distribution entries', async () => {
    const r = await out.registerOutgoing(await as('hanbing'), outgoing());
    expect(r.regNo).toMatch(/^密发2024-\d{4}$/);
    const [sm01] = await rows<{ id: string }>(t.database.db, sql`select id from secrecy_devices where number = 'ZH-SM01'`);
    const [pc07] = await rows<{ id: string }>(t.database.db, sql`select id from secrecy_devices where number = 'ZH-PC07'`);
    expect((await rejected(out.printOutgoing(await as('huangjing'), r.id, { deviceId: sm01.id }))).rule?.id).toBe('SEC-10');
    const first = await pendingAssignee(r.instanceId);
    expect(first).toMatchObject({ step: 'hub', personId: 'psn_liuyang' });
    await sign(t, r.instanceId, 'liuyang');
    const second = await pendingAssignee(r.instanceId);
    expect(second.step).toBe('leader');
    expect(LEADERS).toContain(second.personId);
    await sign(t, r.instanceId, second.username);
    // SEC-11: an upward document is signed by the 主任 — a 副主任 has no task on that step.
    const third = await pendingAssignee(r.instanceId);
    expect(third).toMatchObject({ step: 'director', personId: 'psn_chenzhiyuan' });
    expect((await rejected(out.printOutgoing(await as('huangjing'), r.id, { deviceId: sm01.id }))).rule?.id).toBe('SEC-10');
    await sign(t, r.instanceId, 'chenzhiyuan');
    const err = await rejected(out.printOutgoing(await as('huangjing'), r.id, { deviceId: pc07.id }));
    expect(err.rule?.id).toBe('SEC-17');
    expect(err.message).toContain('ZH-PC07');
    expect((await rejected(out.printOutgoing(await as('linfeng'), r.id, { deviceId: sm01.id }))).rule?.id).toBe('SEC-01');
    const printed = await out.printOutgoing(await as('huangjing'), r.id, { deviceId: sm01.id });
    expect(printed.copyNos).toEqual(['000001', '000002', '000003', '000004', '000005', '000006', '000007', '000008']);
    expect((await rejected(out.dispatchOutgoing(await as('huangjing'), r.id, { channel: 'courier' }))).rule?.id).toBe('SEC-17');
    const entries = printed.copyNos.map((copyNo) => ({ copyNo, recipient: copyNo === '000008' ? '本办存档' : '吉林省扶贫开发办公室', receiverName: '王明' }));
    expect((await out.distributeCopies(await as('huangjing'), r.id, { entries: entries.slice(0, 7) })).remaining).toBe(1);
    expect((await rejected(out.dispatchOutgoing(await as('huangjing'), r.id, { channel: 'courier' }))).message).toContain('1 份');
    expect((await rejected(out.distributeCopies(await as('huangjing'), r.id, { entries: entries.slice(6) }))).status).toBe(409);
    expect((await out.distributeCopies(await as('huangjing'), r.id, { entries: entries.slice(7) })).remaining).toBe(0);
    // AS-E26 SEC-18
    const fax = await rejected(out.dispatchOutgoing(await as('huangjing'), r.id, { channel: 'plain_fax' }));
    expect(fax.rule?.id).toBe('SEC-18');
    expect((await rejected(out.dispatchOutgoing(await as('huangjing'), r.id, { channel: 'plain_telegram' }))).rule?.id).toBe('SEC-18');
    await out.dispatchOutgoing(await as('huangjing'), r.id, { channel: 'courier' });
    const row = (await out.listOutgoing(await as('liuyang'))).find((x) => x.id === r.id)!;
    expect(row).toMatchObject({ status: 'dispatched', channelLabel: '机要收发人员', distributed: 8, printDevice: 'ZH-SM01' });
    const [a] = await rows<{ n: number }>(t.database.db, sql`select count(*)::int as n from audit_log where object_id = ${r.id} and event like 'secrecy.outgoing.%'`);
    expect(a.n).toBeGreaterThanOrEqual(5);
  });

  it('SEC-18: a classified document never goes by ordinary fax, plain telegram, post or e-mail; 机要收发人员 and 密码传真 are accepted', async () => {
    const { checkChannel } = await import('./rules');
    for (const c of ['plain_fax', 'plain_telegram', 'post', 'email', 'nonsense']) expect(checkChannel(c).outcome).toBe('block');
    for (const c of ['courier', 'secure_system', 'crypto_fax']) expect(checkChannel(c).outcome).toBe('ok');
  });

  it('SEC-10: a parallel document has the same three signatures, the 分管领导 signing and the 主任 checking', async () => {
    const r = await out.registerOutgoing(await as('fenglei'), outgoing({ direction: 'downward', recipients: [{ org: '各县（市、区）扶贫办' }], copies: 2 }));
    const steps = await approveAll(r.instanceId);
    expect(steps.map((s) => s.split(':')[0])).toEqual(['hub', 'leader', 'director']);
    expect(steps[2]).toBe('director:psn_chenzhiyuan');
    const [o] = await rows<{ status: string }>(t.database.db, sql`select status from secrecy_outgoing where id = ${r.id}`);
    expect(o.status).toBe('approved');
  });

  it('SEC-20: the level is decided by the 定密责任人 — another person is refused, and only the officer changes it before printing', async () => {
    const err = await rejected(out.registerOutgoing(await as('hanbing'), outgoing({ levelDecidedBy: 'psn_hanbing' })));
    expect(err.rule?.id).toBe('SEC-20');
    const [n] = await rows<{ n: number }>(t.database.db, sql`select count(*)::int as n from secrecy_outgoing where level_decided_by = 'psn_hanbing'`);
    expect(n.n).toBe(0);
    const r = await out.registerOutgoing(await as('hanbing'), outgoing());
    expect((await rejected(out.changeOutgoingLevel(await as('hanbing'), r.id, { level: 'secret', term: '5年' }))).rule?.id).toBe('SEC-20');
    await out.changeOutgoingLevel(await as('liuyang'), r.id, { level: 'secret', term: '5年' });
    const [o] = await rows<{ level: string; term: string }>(t.database.db, sql`select level, term from secrecy_outgoing where id = ${r.id}`);
    expect(o).toEqual({ level: 'secret', term: '5年' });
  });

  it('SEC-12: an internal classified document must go to every 主任/副主任 and every 科室; a recipient outside the scope is a warning to confirm', async () => {
    const partial = [{ personId: 'psn_chenzhiyuan' }, { unitId: 'unit_zonghe' }];
    const err = await rejected(out.registerOutgoing(await as('luomin'), outgoing({ direction: 'internal', recipients: partial, copies: 10 })));
    expect(err.rule?.id).toBe('SEC-12');
    expect(err.message).toContain('李明华');
    expect(err.message).toContain('督查');
    const full = [...LEADERS.map((personId) => ({ personId })), ...SECTIONS.map((unitId) => ({ unitId }))];
    const narrow = { unitIds: ['unit_zonghe'], personIds: LEADERS };
    const warn = await rejected(out.registerOutgoing(await as('luomin'), outgoing({ direction: 'internal', recipients: full, copies: 10, knowledgeScope: narrow })));
    expect(warn).toMatchObject({ code: 'RULE_WARNING', rule: { id: 'SEC-12' } });
    const ok = await out.registerOutgoing(await as('luomin'), outgoing({ direction: 'internal', recipients: full, copies: 10, knowledgeScope: narrow }), ['SEC-12']);
    expect(ok.warnings.map((w) => w.ruleId)).toEqual(['SEC-12']);
    expect((await out.registerOutgoing(await as('luomin'), outgoing({ direction: 'internal', recipients: full, copies: 9 }))).warnings).toEqual([]);
  });
});

describe('custody (SEC-15, SEC-16)', () => {
  const archived = async () => {
    const r = await svc.registerDocument(await as('huangjing'), { title: '关于扶贫项目资金核查的通知', sourceOrg: '吉林省扶贫开发办公室', level: 'secret', term: '5年', knowledgeScope: scope,
      copyNo: '000003', pages: 3, direction: 'internal', receivedOn: '2024-10-08' });
    await svc.archiveDocument(await as('huangjing'), r.id, { cabinet: '保密柜A', compartmentLevel: 'secret' });
    return r;
  };

  it('SEC-15: a take-out warns that documents stay at the workplace, needs the 综合科负责人’s approval, and is recorded out and back; an overdue one is reminded', async () => {
    const r = await archived();
    const req = { regNo: r.regNo, purpose: '赴县核查比对', destination: '洮南市扶贫办', dueDate: '2024-11-13' };
    const warn = await rejected(cus.requestTakeout(await as('hanbing'), req));
    expect(warn).toMatchObject({ code: 'RULE_WARNING', rule: { id: 'SEC-15' } });
    const x = await cus.requestTakeout(await as('hanbing'), req, ['SEC-15']);
    expect((await rejected(cus.requestTakeout(await as('fenglei'), req, ['SEC-15']))).status).toBe(409);
    expect((await rejected(cus.takeoutOut(await as('huangjing'), x.id))).rule?.id).toBe('SEC-15');
    await sign(t, x.instanceId, 'liuyang');
    await cus.takeoutOut(await as('huangjing'), x.id);
    t.clock.set('2024-11-14T09:00:00+08:00');
    try {
      const mine = await cus.listTakeouts(await as('hanbing'), { scope: 'mine' });
      expect(mine.find((m) => m.id === x.id)).toMatchObject({ status: 'out', overdue: true });
      await remindSecrecyDuties(t.database, t.clock);
      const told = await rows<{ recipient_person_id: string }>(t.database.db, sql`select recipient_person_id from notifications where object_id = ${x.id}`);
      expect(told.map((n) => n.recipient_person_id).sort()).toEqual(expect.arrayContaining(['psn_hanbing', 'psn_huangjing']));
      await cus.takeoutBack(await as('huangjing'), x.id);
    } finally {
      t.clock.set('2024-11-11T09:00:00+08:00');
    }
    const [s] = await rows<{ status: string }>(t.database.db, sql`select status from secrecy_takeouts where id = ${x.id}`);
    expect(s.status).toBe('returned');
  });

  it('SEC-16: a reconciliation lists every registered copy with its holder, cannot close with unchecked items, and reports problems to the 综合科负责人', async () => {
    const r = await archived();
    const loaned = await archived();
    const loan = await svc.requestLoan(await as('hanbing'), { regNo: loaned.regNo, purpose: '工作参考', dueDate: '2024-11-20' });
    await sign(t, loan.instanceId, 'liuyang');
    await svc.lendOut(await as('huangjing'), loan.id);
    t.clock.set('2024-12-02T09:00:00+08:00');
    try {
      expect((await cus.checkDue(await as('huangjing'))).due).toBe(true);
      await remindSecrecyDuties(t.database, t.clock);
      const [rem] = await rows<{ n: number }>(t.database.db, sql`select count(*)::int as n from notifications where object_id = '2024-Q4' and recipient_person_id = 'psn_huangjing'`);
      expect(rem.n).toBe(1);
      const c = await cus.startCheck(await as('huangjing'));
      expect(c.period).toBe('2024-Q4');
      expect((await rejected(cus.startCheck(await as('huangjing')))).status).toBe(409);
      const items = await cus.checkItems(await as('liuyang'), c.id);
      const [docCount] = await rows<{ n: number }>(t.database.db, sql`select count(*)::int as n from secrecy_documents where status <> 'destroyed' and (year = 2024 or status <> 'archived')`);
      expect(items.filter((i) => i.objectType === 'document')).toHaveLength(docCount.n);
      expect(items.find((i) => i.label.startsWith(r.regNo))?.expectedHolder).toBe('保密柜：保密柜A');
      expect(items.find((i) => i.label.startsWith(loaned.regNo))?.expectedHolder).toBe('借阅：韩冰');
      expect((await rejected(cus.closeCheck(await as('huangjing'), c.id))).rule?.id).toBe('SEC-16');
      for (const i of items) await cus.recordCheckItem(await as(i.levelLabel === '绝密' ? 'mali' : 'huangjing'), i.id, i.label.startsWith(r.regNo) ? { result: 'missing', note: '保密柜A中未找到' } : { result: 'present' });
      expect((await rejected(cus.recordCheckItem(await as('huangjing'), items[0].id, { result: 'mismatch' }))).status).toBe(400);
      const closed = await cus.closeCheck(await as('huangjing'), c.id);
      expect(closed).toEqual({ problems: 1, reportedTo: 'psn_liuyang' });
      const [n] = await rows<{ n: number }>(t.database.db, sql`select count(*)::int as n from notifications where object_id = ${c.id} and recipient_person_id = 'psn_liuyang'`);
      expect(n.n).toBe(1);
      expect((await cus.checkDue(await as('huangjing'))).due).toBe(false);
    } finally {
      t.clock.set('2024-11-11T09:00:00+08:00');
    }
  });
});

describe('equipment (SEC-22, SEC-23, SEC-25, SEC-26, SEC-31)', () => {
  it('AS-E25 SEC-23: a classified machine on the internet is refused, and a classified machine needs a dedicated user and a password', async () => {
    const online = await rejected(eq.registerDevice(await as('huangjing'), device({ internetConnected: true })));
    expect(online.rule?.id).toBe('SEC-23');
    expect((await rejected(eq.registerDevice(await as('huangjing'), device({ passwordSet: false })))).rule?.id).toBe('SEC-23');
    const { id } = await eq.registerDevice(await as('huangjing'), device());
    const { number: _n, ...fields } = device();
    expect((await rejected(eq.updateDevice(await as('huangjing'), id, { ...fields, internetConnected: true }))).rule?.id).toBe('SEC-23');
    await eq.updateDevice(await as('huangjing'), id, { ...fields, location: '综合科机要室二号柜' });
    const [d] = await rows<{ internet_connected: boolean }>(t.database.db, sql`select internet_connected from secrecy_devices where id = ${id}`);
    expect(d.internet_connected).toBe(false);
  });

  it('SEC-22: a fax machine has a designated keeper', async () => {
    expect((await rejected(eq.registerDevice(await as('huangjing'), device({ kind: 'fax', isClassified: false, level: undefined, userPersonId: undefined })))).rule?.id).toBe('SEC-22');
  });

  it('SEC-26: a laptop used as a classified machine needs a work reason and a device file, and is never lent or taken out', async () => {
    const laptop = device({ kind: 'laptop', level: 'secret' });
    expect((await rejected(eq.registerDevice(await as('huangjing'), laptop))).rule?.id).toBe('SEC-26');
    expect((await rejected(eq.registerDevice(await as('huangjing'), { ...laptop, justification: '下乡核查现场处理数据' }))).rule?.id).toBe('SEC-26');
    const { id } = await eq.registerDevice(await as('huangjing'), { ...laptop, justification: '下乡核查现场处理数据', deviceFileNo: 'SMDJ-009' });
    expect((await rejected(eq.recordDeviceEvent(await as('huangjing'), id, { kind: 'lend' }))).rule?.id).toBe('SEC-26');
    expect((await rejected(eq.recordDeviceEvent(await as('huangjing'), id, { kind: 'take_out' }))).rule?.id).toBe('SEC-26');
    const plain = await eq.registerDevice(await as('huangjing'), device({ kind: 'laptop', isClassified: false, internetConnected: true, level: undefined }));
    expect((await eq.recordDeviceEvent(await as('huangjing'), plain.id, { kind: 'lend' })).status).toBe('lent');
  });

  it('SEC-25: classified equipment is repaired or scrapped only through the secrecy authority and never sold or transferred', async () => {
    const { id } = await eq.registerDevice(await as('huangjing'), device());
    expect((await rejected(eq.recordDeviceEvent(await as('huangjing'), id, { kind: 'sell', approvedBy: 'psn_liuyang' }))).rule?.id).toBe('SEC-25');
    expect((await rejected(eq.recordDeviceEvent(await as('huangjing'), id, { kind: 'transfer', handlerType: 'authority', approvedBy: 'psn_liuyang' }))).rule?.id).toBe('SEC-25');
    expect((await rejected(eq.recordDeviceEvent(await as('huangjing'), id, { kind: 'repair', handlerType: 'vendor', handlerName: '某电脑城' }))).rule?.id).toBe('SEC-25');
    expect((await eq.recordDeviceEvent(await as('huangjing'), id, { kind: 'repair', handlerType: 'designated', handlerName: '市保密局指定维修点' })).status).toBe('repair');
    expect((await eq.recordDeviceEvent(await as('huangjing'), id, { kind: 'return' })).status).toBe('in_use');
    expect((await eq.recordDeviceEvent(await as('huangjing'), id, { kind: 'scrap', handlerType: 'authority', handlerName: '白城市保密局' })).status).toBe('scrapped');
  });

  it('SEC-31: office equipment is transferred only with the 综合科负责人’s approval', async () => {
    const { id } = await eq.registerDevice(await as('huangjing'), device({ isClassified: false, internetConnected: true, level: undefined }));
    expect((await rejected(eq.recordDeviceEvent(await as('huangjing'), id, { kind: 'transfer', handlerName: '某乡镇' }))).rule?.id).toBe('SEC-31');
    expect((await rejected(eq.recordDeviceEvent(await as('huangjing'), id, { kind: 'transfer', handlerName: '某乡镇', approvedBy: 'psn_chenzhiyuan' }))).rule?.id).toBe('SEC-31');
    expect((await eq.recordDeviceEvent(await as('huangjing'), id, { kind: 'transfer', handlerName: '某乡镇', approvedBy: 'psn_liuyang' })).status).toBe('transferred');
  });
});

describe('work log and committee (SEC-21, SEC-27, SEC-28, SEC-29, SEC-30, SEC-32, SEC-33, SEC-34)', () => {
  it('SEC-27 SEC-28: the pre-holiday inspection is reminded before 国庆, records the lock checklist, and a finding is corrected', async () => {
    t.clock.set('2024-09-26T09:00:00+08:00');
    try {
      const due = (await eq.inspectionsDue(await as('huangjing'))).find((h) => h.start === '2024-10-01')!;
      expect(due.state).toBe('due');
      expect(due.deadline).toBe('2024-09-30');
      await remindSecrecyDuties(t.database, t.clock);
      const [n] = await rows<{ n: number }>(t.database.db, sql`select count(*)::int as n from notifications where object_id = '2024-10-01' and recipient_person_id in ('psn_huangjing', 'psn_linfeng')`);
      expect(n.n).toBe(2);
      const { id } = await eq.addRecord(await as('huangjing'), { kind: 'inspection', occurredOn: '2024-09-26', subject: '国庆节前保密检查', holiday: '国庆节', locks: { pcRoom: true, archiveRoom: false, leaderOffices: true, otherOffices: true } });
      expect((await eq.inspectionsDue(await as('huangjing'))).find((h) => h.start === '2024-10-01')!.state).toBe('done');
      const rec = (await eq.listRecords(await as('liuyang'), { kind: 'inspection' })).find((r) => r.id === id)!;
      expect(rec.findings).toContain('档案室');
      expect(rec.summary).toContain('档案室文件柜上锁、房门关闭✗');
      await eq.correctRecord(await as('huangjing'), id, { correctedOn: '2024-09-26', outcome: '已加锁并通报' });
      expect((await rejected(eq.correctRecord(await as('huangjing'), id, { correctedOn: '2024-09-26', outcome: '再次' }))).status).toBe(409);
    } finally {
      t.clock.set('2024-11-11T09:00:00+08:00');
    }
  });

  it('SEC-32 SEC-33: an external storage device or a configuration change is approved by the 微机管理人员', async () => {
    const [pc] = await rows<{ id: string }>(t.database.db, sql`select id from secrecy_devices where number = 'ZH-PC07'`);
    const usb = { kind: 'external_device', occurredOn: '2024-11-11', subject: '省扶贫办U盘拷贝会议通知', deviceId: pc.id, personId: 'psn_xunuo' };
    expect((await rejected(eq.addRecord(await as('huangjing'), { ...usb, approvedBy: 'psn_liuyang' }))).rule?.id).toBe('SEC-32');
    await eq.addRecord(await as('huangjing'), { ...usb, approvedBy: 'psn_linfeng' });
    const ip = { kind: 'config_change', occurredOn: '2024-11-11', subject: '更改IP地址为内网段', deviceId: pc.id };
    expect((await rejected(eq.addRecord(await as('huangjing'), { ...ip, approvedBy: 'psn_huangjing' }))).rule?.id).toBe('SEC-33');
    await eq.addRecord(await as('huangjing'), { ...ip, approvedBy: 'psn_linfeng' });
    const logged = await eq.listRecords(await as('liuyang'));
    expect(logged.filter((r) => r.approvedByName === '林峰' && (r.rule === 'SEC-32' || r.rule === 'SEC-33'))).toHaveLength(2);
  });

  it('SEC-34 SEC-30 SEC-21: incidents carry the outcome the rule names; faults, maintenance and data released are recorded', async () => {
    const incident = { kind: 'incident', occurredOn: '2024-11-08', subject: '擅自拆机更换硬盘', personId: 'psn_xunuo', deliberate: true, recoverable: false };
    expect((await rejected(eq.addRecord(await as('huangjing'), { ...incident, outcome: 'criticism' }))).rule?.id).toBe('SEC-34');
    await eq.addRecord(await as('huangjing'), { ...incident, outcome: 'accountability' });
    expect((await rejected(eq.addRecord(await as('huangjing'), { ...incident, deliberate: false, recoverable: true, outcome: 'none' }))).rule?.id).toBe('SEC-34');
    const [pc] = await rows<{ id: string }>(t.database.db, sql`select id from secrecy_devices where number = 'ZH-PC07'`);
    const fault = await eq.addRecord(await as('huangjing'), { kind: 'fault', occurredOn: '2024-11-11', subject: '开机蓝屏', deviceId: pc.id, personId: 'psn_huangjing' });
    await eq.correctRecord(await as('linfeng'), fault.id, { correctedOn: '2024-11-11', outcome: '重装驱动后恢复' });
    expect((await rejected(eq.addRecord(await as('huangjing'), { kind: 'fault', occurredOn: '2024-11-11', subject: '打印机卡纸' }))).status).toBe(400);
    await eq.addRecord(await as('huangjing'), { kind: 'data_release', occurredOn: '2024-11-11', subject: '脱贫人口收入汇总数据', requester: '市统计局', decision: 'partial', keeperPersonId: 'psn_huangjing' });
    const all = await eq.listRecords(await as('liuyang'));
    expect(all.find((r) => r.kind === 'data_release')).toMatchObject({ outcome: '部分提供', rule: 'SEC-21' });
    expect(all.find((r) => r.id === fault.id)).toMatchObject({ correctedOn: '2024-11-11', rule: 'SEC-30' });
    expect((await rejected(eq.addRecord(await as('huangjing'), { kind: 'maintenance', occurredOn: '2024-11-11', subject: '维护', body: '正文' }))).message).toContain('SEC-23');
  });

  it('SEC-29: the committee report names the missing vice-chair and section heads, and clears when they are added', async () => {
    const before = await eq.committeeReport(await as('liuyang'));
    expect(before.missing.some((m) => m.startsWith('副主任委员'))).toBe(true);
    expect(before.missing.some((m) => m.includes('罗敏'))).toBe(true);
    const vice = await hubLeader(t.database.db, '2024-11-11');
    expect(before.missing).toContain(`副主任委员应为主管副主任${vice.name}`);
    await eq.addCommitteeMember(await as('huangjing'), { personId: vice.id, role: 'vice_chair', startDate: '2024-11-11' });
    await eq.addCommitteeMember(await as('huangjing'), { personId: 'psn_luomin', role: 'member', startDate: '2024-11-11' });
    await eq.addCommitteeMember(await as('huangjing'), { personId: 'psn_zhutao', role: 'member', startDate: '2024-11-11' });
    const after = await eq.committeeReport(await as('liuyang'));
    expect(after.missing).toEqual([]);
    expect((await rejected(eq.addCommitteeMember(await as('huangjing'), { personId: 'psn_luomin', role: 'member', startDate: '2024-11-11' }))).status).toBe(409);
  });
});

describe('pages and exports', () => {
  it('SEC-09: every new register exports as XLSX for 综合科 with its rows, each export is audited, and staff are refused', async () => {
    const ExcelJS = (await import('exceljs')).default;
    const cookie = await t.cookieFor('liuyang');
    const [check] = await rows<{ id: string }>(t.database.db, sql`select id from secrecy_checks limit 1`);
    const urls = ['/secrecy/ledger/outgoing.xlsx', '/secrecy/ledger/takeouts.xlsx', '/secrecy/ledger/devices.xlsx', '/secrecy/ledger/records.xlsx', `/secrecy/checks/${check.id}/items.xlsx`];
    for (const url of urls) {
      const res = await t.app.inject({ method: 'GET', url: `/api/v1${url}`, headers: { cookie } });
      expect(res.statusCode, url).toBe(200);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(res.rawPayload as never);
      expect(wb.worksheets[0].rowCount, url).toBeGreaterThan(1);
      if (url.includes('devices')) expect(wb.worksheets[0].getColumn(1).values).toContain('ZH-SM01');
      expect((await t.app.inject({ method: 'GET', url: `/api/v1${url}`, headers: { cookie: await t.cookieFor('tangning') } })).statusCode, url).toBe(403);
    }
    const [a] = await rows<{ n: number }>(t.database.db, sql`select count(*)::int as n from audit_log where event = 'secrecy.register.export'`);
    expect(a.n).toBeGreaterThanOrEqual(urls.length);
  });

  it('SEC-15 over HTTP: the warning comes back as 422 RULE_WARNING citing the rule, and the acknowledged request goes through', async () => {
    const [doc] = await rows<{ year: number; seq: number }>(t.database.db, sql`select year, seq from secrecy_documents where status = 'archived' and level <> 'top_secret'
      and id not in (select document_id from secrecy_takeouts where status in ('pending', 'approved', 'out')) order by year desc, seq desc limit 1`);
    const form = { regNo: `${doc.year}-${String(doc.seq).padStart(4, '0')}`, purpose: '赴县核查', destination: '镇赉县扶贫办', dueDate: '2024-11-20' };
    const cookie = await t.cookieFor('huangjing');
    const warned = await t.app.inject({ method: 'POST', url: '/api/v1/secrecy/takeouts', headers: { cookie }, payload: { form } });
    expect(warned.statusCode).toBe(422);
    expect(warned.json().error).toMatchObject({ code: 'RULE_WARNING', rule: { id: 'SEC-15' } });
    const ok = await t.app.inject({ method: 'POST', url: '/api/v1/secrecy/takeouts', headers: { cookie }, payload: { form, acknowledged: ['SEC-15'] } });
    expect(ok.statusCode).toBe(201);
    const people = await t.app.inject({ method: 'GET', url: '/api/v1/secrecy/people', headers: { cookie } });
    expect(people.json().officers).toEqual(['psn_liuyang']);
  });
});

describe('catalogue', () => {
  it('SEC-01..SEC-34 are each registered once, SEC-23 from the documents area', () => {
    const ids = allRules().map((r) => r.id).filter((id) => /^SEC-\d+$/.test(id));
    const expected = Array.from({ length: 34 }, (_, i) => `SEC-${String(i + 1).padStart(2, '0')}`);
    expect([...ids].sort()).toEqual(expected);
  });
});

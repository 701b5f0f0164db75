import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/support/app';
import { ctxFor } from '../../../test/support/ctx';
import { rows } from '../../kernel/db';
import { rejected, sign, taskOf } from '../finance/test-helpers';
import * as svc from './service';
import { looksLikeContent } from './rules';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t?.close());

const as = (u: string) => ctxFor(t, u);
const LEADERS = ['psn_chenzhiyuan', 'psn_liminghua', 'psn_zhaoguoqiang', 'psn_sunli'];
const doc = (over: Record<string, unknown> = {}) => ({
  title: '关于扶贫资金专项检查的通知', sourceOrg: '吉林省扶贫开发办公室', docNo: '吉扶办密〔2024〕7号', level: 'confidential', term: '10年',
  knowledgeScope: { unitIds: ['unit_zonghe', 'unit_xinxi'], personIds: LEADERS }, copyNo: '000008', pages: 4, direction: 'incoming', receivedOn: '2024-10-10', ...over,
});
const register = async (user: string, over: Record<string, unknown> = {}) => svc.registerDocument(await as(user), doc(over));
const planOf = async (instanceId: string) => (await rows<{ plan: { id: string }[] }>(t.database.db, sql`select plan from flow_instances where id = ${instanceId}`))[0].plan.map((s) => s.id);
const archived = async (over: Record<string, unknown> = {}, cabinetLevel?: string) => {
  const level = String(over.level ?? 'confidential');
  const r = await register(level === 'top_secret' ? 'mali' : 'huangjing', { direction: 'internal', ...over });
  await svc.archiveDocument(await as(level === 'top_secret' ? 'mali' : 'huangjing'), r.id, { cabinet: '保密柜A', compartmentLevel: cabinetLevel ?? level });
  return r;
};

beforeAll(() => t.clock.set('2024-11-11T09:00:00+08:00'));

describe('receipt and instructions', () => {
  it('AS-E19 SEC-03 SEC-02: the 文书 cannot register a 绝密 document, the custodian can; it goes 综合科负责人 → 主任, never straight to a deputy', async () => {
    const err = await rejected(register('huangjing', { level: 'top_secret' }));
    expect(err).toMatchObject({ code: 'RULE_BLOCKED', rule: { id: 'SEC-03' } });
    const r = await register('mali', { level: 'top_secret' });
    expect(r.regNo).toMatch(/^2024-\d{4}$/);
    expect((await rejected(svc.sendForInstruction(await as('huangjing'), r.id))).rule?.id).toBe('SEC-03');
    const { instanceId } = await svc.sendForInstruction(await as('mali'), r.id);
    expect(await planOf(instanceId)).toEqual(['hub', 'director']);
    await expect(taskOf(t, instanceId, 'liminghua')).rejects.toThrow();
    await expect(taskOf(t, instanceId, 'chenzhiyuan')).rejects.toThrow();
    await sign(t, instanceId, 'liuyang');
    await sign(t, instanceId, 'chenzhiyuan');
    const [d] = await rows<{ status: string }>(t.database.db, sql`select status from secrecy_documents where id = ${r.id}`);
    expect(d.status).toBe('instructed');
  });

  it('SEC-01: only the 文书 registers classified documents; 综合科 staff without the post are refused', async () => {
    expect((await rejected(register('liuyang'))).rule?.id).toBe('SEC-01');
    expect((await rejected(register('linfeng', { level: 'secret' }))).rule?.id).toBe('SEC-01');
  });

  it('SEC-23: the register holds no content — a body field is refused, and a title that reads like the text is refused citing the rule', async () => {
    const body = await rejected(svc.registerDocument(await as('huangjing'), { ...doc(), body: '正文……' }));
    expect(body.status).toBe(400);
    expect(body.message).toContain('body');
    expect(body.message).toContain('SEC-23');
    const pasted = await rejected(register('huangjing', { title: '各县区要加强资金监管。严禁挪用。' }));
    expect(pasted.rule?.id).toBe('SEC-23');
    expect((await rejected(register('huangjing', { title: '一、总体要求 各地要提高认识' }))).rule?.id).toBe('SEC-23');
    expect(looksLikeContent('关于印发〈扶贫资金管理办法〉的通知')).toBeNull();
    expect(looksLikeContent('x'.repeat(61))).toContain('超过');
    expect(looksLikeContent('第三条 资金')).toContain('条款编号');
  });
});

describe('circulation and archiving', () => {
  it('SEC-02 SEC-19 SEC-04 SEC-14: legs go out only after the instruction, inside the scope, one at a time back to the 文书; archiving waits for every leg and takes the matching cabinet', async () => {
    const r = await register('huangjing');
    const leg = { toUnitId: 'unit_xinxi', holderPersonId: 'psn_luomin' };
    expect((await rejected(svc.circulate(await as('huangjing'), r.id, leg))).rule?.id).toBe('SEC-02');
    const { instanceId } = await svc.sendForInstruction(await as('huangjing'), r.id);
    await sign(t, instanceId, 'liuyang');
    await sign(t, instanceId, 'chenzhiyuan');
    expect((await rejected(svc.circulate(await as('huangjing'), r.id, { toUnitId: 'unit_guihua', holderPersonId: 'psn_hanbing' }))).rule?.id).toBe('SEC-19');
    const first = await svc.circulate(await as('huangjing'), r.id, leg);
    expect(first.dueDate).toBe('2024-11-13');
    expect((await rejected(svc.circulate(await as('huangjing'), r.id, { toUnitId: 'unit_zonghe', holderPersonId: 'psn_liuyang' }))).rule?.id).toBe('SEC-04');
    expect((await rejected(svc.archiveDocument(await as('huangjing'), r.id, { cabinet: '保密柜B', compartmentLevel: 'confidential' }))).rule?.id).toBe('SEC-04');
    // Not back in time: the 文书 is told on the next working day after the due date.
    t.clock.set('2024-11-14T09:00:00+08:00');
    expect(await svc.remindSecrecy(t.database, t.clock)).toBeGreaterThanOrEqual(1);
    const [n] = await rows<{ n: number }>(t.database.db, sql`select count(*)::int as n from notifications where object_id = ${first.legId} and recipient_person_id = 'psn_huangjing'`);
    expect(n.n).toBe(1);
    t.clock.set('2024-11-11T09:00:00+08:00');
    await svc.returnLeg(await as('huangjing'), first.legId);
    expect((await rejected(svc.archiveDocument(await as('huangjing'), r.id, { cabinet: '保密柜B', compartmentLevel: 'secret' }))).rule?.id).toBe('SEC-14');
    await svc.archiveDocument(await as('huangjing'), r.id, { cabinet: '保密柜B', compartmentLevel: 'confidential' });
    const [d] = await rows<{ status: string; archived_on: string }>(t.database.db, sql`select status, archived_on::text from secrecy_documents where id = ${r.id}`);
    expect(d).toEqual({ status: 'archived', archived_on: '2024-11-11' });
  });

  it('AS-E23 SEC-13: documents of 2023 not archived are reminded from 1 March and overdue from 1 April 2024', async () => {
    t.clock.set('2024-02-01T09:00:00+08:00');
    const a = await register('huangjing', { receivedOn: '2023-05-06', direction: 'internal' });
    const b = await register('huangjing', { receivedOn: '2023-09-06', direction: 'internal' });
    const c = await register('huangjing', { receivedOn: '2023-12-06', direction: 'internal' });
    for (const x of [a, b]) await svc.archiveDocument(await as('huangjing'), x.id, { cabinet: '保密柜B', compartmentLevel: 'confidential' });
    const ctx = await as('liuyang');
    const mine = (xs: { id: string }[]) => xs.filter((x) => [a.id, b.id, c.id].includes(x.id));
    expect(mine(await svc.archiveReport(ctx, '2024-02-01'))).toEqual([expect.objectContaining({ id: c.id, state: 'open', deadline: '2024-03-31' })]);
    expect(mine(await svc.archiveReport(ctx, '2024-03-15'))).toEqual([expect.objectContaining({ id: c.id, state: 'due' })]);
    expect(mine(await svc.archiveReport(ctx, '2024-04-01'))).toEqual([expect.objectContaining({ id: c.id, state: 'overdue', year: 2023 })]);
    t.clock.set('2024-04-01T09:00:00+08:00');
    await svc.remindSecrecy(t.database, t.clock);
    const [n] = await rows<{ kind: string }>(t.database.db, sql`select kind from notifications where object_id = 'archive-2024' and recipient_person_id = 'psn_huangjing'`);
    expect(n.kind).toBe('overdue');
    t.clock.set('2024-11-11T09:00:00+08:00');
  });
});

describe('loans, copies and excerpts', () => {
  it('AS-E20 SEC-06 SEC-05: no loan of 绝密; a 机密 loan needs a due date and the 综合科负责人; unreturned it is overdue on Mon 2024-11-18 and the 文书 is reminded', async () => {
    const top = await archived({ level: 'top_secret' });
    const err = await rejected(svc.requestLoan(await as('xiechen'), { regNo: top.regNo, purpose: '工作参考', dueDate: '2024-11-15' }));
    expect(err).toMatchObject({ code: 'RULE_BLOCKED', rule: { id: 'SEC-06' } });
    const conf = await archived();
    expect((await rejected(svc.requestLoan(await as('xiechen'), { regNo: conf.regNo, purpose: '工作参考' }))).rule?.id).toBe('SEC-05');
    expect((await rejected(svc.requestLoan(await as('tangning'), { regNo: conf.regNo, purpose: '工作参考', dueDate: '2024-11-15' }))).rule?.id).toBe('SEC-19');
    const loan = await svc.requestLoan(await as('xiechen'), { regNo: conf.regNo, purpose: '起草宣传稿参考', dueDate: '2024-11-15' });
    expect((await rejected(svc.lendOut(await as('huangjing'), loan.id))).rule?.id).toBe('SEC-05');
    await sign(t, loan.instanceId, 'liuyang');
    await svc.lendOut(await as('huangjing'), loan.id);
    t.clock.set('2024-11-18T09:00:00+08:00');
    const loans = await svc.listLoans(await as('liuyang'), { scope: 'all' });
    expect(loans.find((l) => l.id === loan.id)).toMatchObject({ overdue: true, status: 'out', dueDate: '2024-11-15' });
    await svc.remindSecrecy(t.database, t.clock);
    const told = await rows<{ kind: string }>(t.database.db, sql`select kind from notifications where object_id = ${loan.id} and recipient_person_id = 'psn_huangjing'`);
    expect(told.map((x) => x.kind)).toEqual(['overdue']);
    await svc.returnLoan(await as('huangjing'), loan.id);
    t.clock.set('2024-11-11T09:00:00+08:00');
  });

  it('two borrow requests for the same paper copy at the same moment: one wins, the other gets a 409', async () => {
    const conf = await archived();
    const ask = async (u: string) => t.app.inject({ method: 'POST', url: '/api/v1/secrecy/loans', headers: { cookie: await t.cookieFor(u) }, payload: { regNo: conf.regNo, purpose: '工作参考', dueDate: '2024-11-20' } });
    const [a, b] = await Promise.all([ask('xiechen'), ask('luomin')]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([201, 409]);
    const [n] = await rows<{ n: number }>(t.database.db, sql`select count(*)::int as n from secrecy_loans l join secrecy_documents d on d.id = l.document_id where d.id = ${conf.id}`);
    expect(n.n).toBe(1);
  });

  it('AS-E21 SEC-07: three copies of a 秘密 document only after the 主管办领导 approves; numbered, stamped, inheriting level, term and scope; C3 stays outstanding', async () => {
    const s = await archived({ level: 'secret', term: '5年' });
    const req = await svc.requestCopies(await as('xiechen'), { regNo: s.regNo, kind: 'copy', count: 3, reason: '科室学习传达' });
    expect((await rejected(svc.makeCopies(await as('huangjing'), req.id))).rule?.id).toBe('SEC-07');
    await expect(taskOf(t, req.instanceId, 'sunli')).rejects.toThrow();
    await sign(t, req.instanceId, 'liminghua');
    expect(await svc.makeCopies(await as('huangjing'), req.id)).toEqual({ copyNos: ['C1', 'C2', 'C3'] });
    const copies = await rows<{ id: string; copy_no: string; level: string; term: string; stamp_text: string; knowledge_scope: unknown }>(t.database.db,
      sql`select id, copy_no, level, term, stamp_text, knowledge_scope from secrecy_copies where request_id = ${req.id} order by copy_no`);
    expect(copies.map((c) => [c.copy_no, c.level, c.term, c.stamp_text])).toEqual([['C1', 'secret', '5年', '白城市扶贫办综合科'], ['C2', 'secret', '5年', '白城市扶贫办综合科'], ['C3', 'secret', '5年', '白城市扶贫办综合科']]);
    expect(copies[0].knowledge_scope).toEqual(doc().knowledgeScope);
    expect((await rejected(svc.actOnCopy(await as('huangjing'), copies[0].id, { action: 'destroy' }))).rule?.id).toBe('SEC-07');
    for (const c of copies.slice(0, 2)) {
      await svc.actOnCopy(await as('huangjing'), c.id, { action: 'return' });
      await svc.actOnCopy(await as('huangjing'), c.id, { action: 'destroy' });
    }
    const out = (await svc.outstandingCopies(await as('liuyang'))).filter((c) => c.regNo === s.regNo);
    expect(out.map((c) => c.copyNo)).toEqual(['C3']);
  });

  it('AS-E22 SEC-08 SEC-06: an approved excerpt of a 机密 document becomes a 机密 record listed for clearing; excerpts and copies of 绝密 are refused', async () => {
    const conf = await archived();
    const req = await svc.requestCopies(await as('xiechen'), { regNo: conf.regNo, kind: 'excerpt', reason: '起草汇报材料需引用数据' });
    expect((await rejected(svc.makeCopies(await as('huangjing'), req.id))).rule?.id).toBe('SEC-08');
    await sign(t, req.instanceId, 'liminghua');
    expect(await svc.makeCopies(await as('huangjing'), req.id)).toEqual({ copyNos: ['E1'] });
    const out = (await svc.outstandingCopies(await as('liuyang'))).filter((c) => c.regNo === conf.regNo);
    expect(out).toEqual([expect.objectContaining({ kind: 'excerpt', copyNo: 'E1', level: 'confidential', stampText: null })]);
    const top = await archived({ level: 'top_secret' });
    expect((await rejected(svc.requestCopies(await as('xiechen'), { regNo: top.regNo, kind: 'excerpt', reason: '工作需要' }))).rule?.id).toBe('SEC-06');
    expect((await rejected(svc.requestCopies(await as('xiechen'), { regNo: top.regNo, kind: 'copy', count: 1, reason: '工作需要' }))).rule?.id).toBe('SEC-06');
  });

  it('SEC-09: destruction needs the 综合科负责人 and the 定密责任人, and is recorded with a witness other than the executor', async () => {
    const s = await archived({ level: 'secret' });
    const x = await svc.requestDestruction(await as('huangjing'), s.id, { reason: '保密期限届满，经清理' });
    expect((await rejected(svc.executeDestruction(await as('huangjing'), x.id, { method: 'shred', witnessPersonId: 'psn_mali' }))).rule?.id).toBe('SEC-09');
    await sign(t, x.instanceId, 'liuyang');
    expect((await rejected(svc.executeDestruction(await as('huangjing'), x.id, { method: 'shred', witnessPersonId: 'psn_huangjing' }))).status).toBe(400);
    await svc.executeDestruction(await as('huangjing'), x.id, { method: 'shred', witnessPersonId: 'psn_mali' });
    const [d] = await rows<{ status: string }>(t.database.db, sql`select status from secrecy_documents where id = ${s.id}`);
    expect(d.status).toBe('destroyed');
    const [step] = await rows<{ plan: { id: string }[] }>(t.database.db, sql`select plan from flow_instances where id = ${x.instanceId}`);
    expect(step.plan.map((p) => p.id)).toEqual(['hub', 'officer']);
  });
});

describe('media and access', () => {
  it('AS-E25 SEC-24: a private medium is refused; the level is the highest of the contents and is lowered only by the custodian', async () => {
    const m = { number: 'BM010', kind: 'usb', custodianPersonId: 'psn_huangjing', location: '综合科保密柜A' };
    expect((await rejected(svc.registerMedium(await as('huangjing'), { ...m, privateDevice: true }))).rule?.id).toBe('SEC-24');
    const { id } = await svc.registerMedium(await as('huangjing'), { ...m, privateDevice: false });
    expect((await svc.addMediumItem(await as('huangjing'), id, { label: '资金检查通知扫描件', level: 'secret' })).level).toBe('secret');
    const hi = await svc.addMediumItem(await as('huangjing'), id, { label: '动态调整意见扫描件', level: 'confidential' });
    expect(hi.level).toBe('confidential');
    await svc.removeMediumItem(await as('huangjing'), hi.id);
    const [m1] = await rows<{ level: string }>(t.database.db, sql`select level from secrecy_media where id = ${id}`);
    expect(m1.level).toBe('confidential');
    expect((await rejected(svc.reevaluateMedium(await as('mali'), id))).rule?.id).toBe('SEC-24');
    expect(await svc.reevaluateMedium(await as('huangjing'), id)).toEqual({ from: 'confidential', to: 'secret' });
  });

  it('SEC-01 SEC-09: staff cannot see the register; 综合科 and the leaders can, and every view is audited', async () => {
    const staff = await t.app.inject({ method: 'GET', url: '/api/v1/secrecy/documents', headers: { cookie: await t.cookieFor('tangning') } });
    expect(staff.statusCode).toBe(403);
    for (const u of ['liuyang', 'sunli']) {
      const res = await t.app.inject({ method: 'GET', url: '/api/v1/secrecy/documents', headers: { cookie: await t.cookieFor(u) } });
      expect(res.statusCode).toBe(200);
      expect((res.json() as { items: unknown[] }).items.length).toBeGreaterThan(3);
    }
    const views = await rows<{ actor_username: string }>(t.database.db, sql`select actor_username from audit_log where event = 'secrecy.register.view' order by id`);
    expect(views.map((v) => v.actor_username)).toEqual(expect.arrayContaining(['liuyang', 'sunli']));
    const xlsx = await t.app.inject({ method: 'GET', url: '/api/v1/secrecy/ledger/documents.xlsx', headers: { cookie: await t.cookieFor('liuyang') } });
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.rawPayload.subarray(0, 2).toString()).toBe('PK');
  });
});

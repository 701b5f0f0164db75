import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/support/app';
import { ctxFor } from '../../../test/support/ctx';
import { rows } from '../../kernel/db';
import { rejected, sign, taskOf } from '../finance/test-helpers';
import * as svc from './service';
import { getSealUse } from './index';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t?.close());

const as = (u: string) => ctxFor(t, u);
const use = async (user: string, form: Record<string, unknown>, ack: string[] = []) => svc.requestUse(await as(user), { sealId: 'seal_official', copies: 2, ...form }, ack);
const stamp = async (id: string, by = 'linfeng', blankPages = false) => svc.stampUse(await as(by), id, { blankPages, stampCount: 2 });
const planOf = async (instanceId: string) => (await rows<{ plan: { id: string }[] }>(t.database.db, sql`select plan from flow_instances where id = ${instanceId}`))[0].plan.map((s) => s.id);
const statusOf = async (id: string) => (await rows<{ status: string }>(t.database.db, sql`select status from seal_uses where id = ${id}`))[0].status;

describe('approve first, stamp second', () => {
  it('AS-E27 SEAL-01 SEAL-02: an unapproved agreement cannot be stamped; one already signed by an 办领导 is registered as category A and stamped', async () => {
    const r = await use('tangning', { category: 'unsigned', documentTitle: '扶贫项目合作协议' });
    expect(r.status).toBe('pending');
    expect(await planOf(r.instanceId!)).toEqual(['leader']);
    const err = await rejected(stamp(r.id));
    expect(err).toMatchObject({ code: 'RULE_BLOCKED', rule: { id: 'SEAL-01' } });
    expect(err.message).toContain('先审批，后用印');

    const noLeader = await rejected(use('tangning', { category: 'signed', documentTitle: '扶贫项目合作协议', signedByPersonId: 'psn_hanbing', signedEvidence: '签发页扫描件' }));
    expect(noLeader.rule?.id).toBe('SEAL-02');
    const noEvidence = await rejected(use('tangning', { category: 'signed', documentTitle: '扶贫项目合作协议', signedByPersonId: 'psn_chenzhiyuan' }));
    expect(noEvidence.rule?.id).toBe('SEAL-02');
    const a = await use('tangning', { category: 'signed', documentTitle: '扶贫项目合作协议', signedByPersonId: 'psn_chenzhiyuan', signedEvidence: '协议签字页扫描件 GH-031' });
    expect(a).toMatchObject({ status: 'approved', instanceId: null });
    expect(await stamp(a.id)).toMatchObject({ status: 'stamped' });
    const [row] = await rows<{ category: string; stamped_by: string }>(t.database.db, sql`select category, stamped_by from seal_uses where id = ${a.id}`);
    expect(row).toEqual({ category: 'signed', stamped_by: 'psn_linfeng' });
    // B: once the leader in charge of the section consents, the keeper stamps.
    await sign(t, r.instanceId!, 'zhaoguoqiang');
    expect(await statusOf(r.id)).toBe('approved');
    await stamp(r.id);
    expect(await statusOf(r.id)).toBe('stamped');
  });

  it('SEAL-03 SEAL-15: routine materials and 便函 go 科室负责人 → 分管领导; a 公文 needs the section re-check first', async () => {
    const r = await use('tangning', { category: 'memo', documentTitle: '致洮北区扶贫办便函' });
    expect(await planOf(r.instanceId!)).toEqual(['section', 'leader']);
    await expect(taskOf(t, r.instanceId!, 'zhaoguoqiang')).rejects.toThrow();
    await sign(t, r.instanceId!, 'hanbing');
    await sign(t, r.instanceId!, 'zhaoguoqiang');
    expect(await statusOf(r.id)).toBe('approved');
    expect((await rejected(use('tangning', { category: 'gongwen', documentTitle: '白扶办发〔2026〕12号' }))).rule?.id).toBe('SEAL-15');
    const g = await use('tangning', { category: 'gongwen', documentTitle: '白扶办发〔2026〕12号', reviewedOk: true });
    expect(await planOf(g.instanceId!)).toEqual(['section', 'leader']);
  });

  it('AS-E32 SEAL-04: a personal certificate goes to the 综合科负责人 alone; the deputy director cannot sign it', async () => {
    const r = await use('tangning', { category: 'personal', documentTitle: '唐宁工资收入证明（银行贷款）', copies: 1 });
    expect(await planOf(r.instanceId!)).toEqual(['hub']);
    await expect(taskOf(t, r.instanceId!, 'zhaoguoqiang')).rejects.toThrow();
    await expect(taskOf(t, r.instanceId!, 'liminghua')).rejects.toThrow();
    await sign(t, r.instanceId!, 'liuyang');
    expect(await statusOf(r.id)).toBe('approved');
  });

  it('AS-E28 SEAL-06: blank pages are refused; with a written application only the 主要领导 can approve; an unapproved blank page is refused at the stamping', async () => {
    const err = await rejected(use('tangning', { category: 'routine', documentTitle: '空白证明 5 份', copies: 5, blankPage: true }));
    expect(err.rule?.id).toBe('SEAL-06');
    const r = await use('tangning', { category: 'routine', documentTitle: '空白证明 5 份', copies: 5, blankPage: true, blankApplication: '赴省厅现场填写项目验收证明，无法提前打印' });
    expect(await planOf(r.instanceId!)).toEqual(['section', 'leader', 'principal']);
    await sign(t, r.instanceId!, 'hanbing');
    await sign(t, r.instanceId!, 'zhaoguoqiang');
    await expect(taskOf(t, r.instanceId!, 'sunli')).rejects.toThrow();
    expect(await statusOf(r.id)).toBe('pending');
    expect((await rejected(stamp(r.id, 'linfeng', true))).rule?.id).toBe('SEAL-01');
    await sign(t, r.instanceId!, 'chenzhiyuan');
    await stamp(r.id, 'linfeng', true);
    expect(await statusOf(r.id)).toBe('stamped');
    // A normal request found to be blank at the keeper's check.
    const n = await use('tangning', { category: 'signed', documentTitle: '项目协议', signedByPersonId: 'psn_zhaoguoqiang', signedEvidence: '签字页' });
    expect((await rejected(stamp(n.id, 'linfeng', true))).rule?.id).toBe('SEAL-06');
  });

  it('AS-E33 SEAL-05: the keeper refuses a certificate with obvious alterations; the reason is recorded and it cannot be stamped', async () => {
    const r = await use('tangning', { category: 'signed', documentTitle: '项目验收证明', signedByPersonId: 'psn_zhaoguoqiang', signedEvidence: '验收单签字页' });
    expect((await rejected(svc.refuseUse(await as('linfeng'), r.id, { defects: [] }))).rule?.id).toBe('SEAL-05');
    await svc.refuseUse(await as('linfeng'), r.id, { defects: ['altered'], note: '金额处涂改' });
    const [row] = await rows<{ status: string; refusal_defects: string[] }>(t.database.db, sql`select status, refusal_defects from seal_uses where id = ${r.id}`);
    expect(row).toEqual({ status: 'refused', refusal_defects: ['altered'] });
    expect((await rejected(stamp(r.id))).rule?.id).toBe('SEAL-05');
    const [a] = await rows<{ detail: { defects: string[] } }>(t.database.db, sql`select detail from audit_log where event = 'seals.use.refuse' and object_id = ${r.id}`);
    expect(a.detail.defects).toEqual(['有明显涂改痕迹']);
  });

  it('SEAL-12: only the keeper or the stand-in the 分管领导 of 综合科 designated may stamp', async () => {
    const r = await use('tangning', { category: 'signed', documentTitle: '授权书', signedByPersonId: 'psn_chenzhiyuan', signedEvidence: '授权书签字页' });
    expect((await rejected(stamp(r.id, 'mali'))).rule?.id).toBe('SEAL-12');
    const today = '2026-11-02';
    expect((await rejected(svc.designateTempKeeper(await as('liuyang'), 'seal_official', { personId: 'psn_huangjing', startDate: today, endDate: '2026-11-06', reason: '林峰出差' }))).rule?.id).toBe('SEAL-12');
    await svc.designateTempKeeper(await as('liminghua'), 'seal_official', { personId: 'psn_huangjing', startDate: today, endDate: '2026-11-06', reason: '林峰出差' });
    await stamp(r.id, 'huangjing');
    expect(await statusOf(r.id)).toBe('stamped');
  });

  it('SEAL-16: a section seal used by another section warns with its scope and proceeds once acknowledged', async () => {
    const form = { sealId: 'seal_guihua', category: 'signed', documentTitle: '社会扶贫宣传材料', signedByPersonId: 'psn_sunli', signedEvidence: '签字页' };
    const warn = await rejected(use('dongxue', form));
    expect(warn).toMatchObject({ code: 'RULE_WARNING', rule: { id: 'SEAL-16' } });
    expect(warn.message).toContain('项目申报材料');
    const ok = await use('dongxue', form, ['SEAL-16']);
    expect(ok.warnings.map((w) => w.ruleId)).toEqual(['SEAL-16']);
    await use('tangning', { ...form, scopeConfirmed: true });
  });

  it('two keepers stamping one entry at the same moment: one records it, the other gets a 409', async () => {
    const r = await use('tangning', { category: 'signed', documentTitle: '承诺书', signedByPersonId: 'psn_chenzhiyuan', signedEvidence: '签字页' });
    const outcomes = await Promise.allSettled([stamp(r.id), stamp(r.id)]);
    expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(1);
    expect(((outcomes.find((o) => o.status === 'rejected') as PromiseRejectedResult).reason as { status: number }).status).toBe(409);
  });
});

describe('the keeper checks every use (SEAL-08)', () => {
  const post = async (user: string, url: string, payload: unknown) => t.app.inject({ method: 'POST', url: `/api/v1${url}`, headers: { cookie: await t.cookieFor(user) }, payload: payload as never });
  const ask = async (documentTitle: string) => {
    const res = await post('tangning', '/seals/uses', { form: { sealId: 'seal_official', category: 'routine', documentTitle, copies: 2 } });
    expect(res.statusCode, res.body).toBe(201);
    return res.json() as { id: string; instanceId: string; status: string };
  };
  const stampVia = (id: string) => post('linfeng', `/seals/uses/${id}/stamp`, { blankPages: false, stampCount: 2 });
  const stampAudits = async (ids: string[]) =>
    (await rows<{ n: number }>(t.database.db, sql`select count(*)::int as n from audit_log where event = 'seals.use.stamp' and object_id in (${sql.join(ids.map((i) => sql`${i}`), sql`, `)})`))[0].n;

  it('SEAL-08: the keeper may not stamp an entry whose approval was refused or that was withdrawn; the refusal cites 二.8 and nothing is recorded', async () => {
    const refusedByChief = await ask('介绍信（赴镇赉县调研）');
    const rejectRes = await post('hanbing', `/flow/tasks/${await taskOf(t, refusedByChief.instanceId, 'hanbing')}/reject`, { comment: '事由不清，不同意用印' });
    expect(rejectRes.statusCode, rejectRes.body).toBe(200);
    expect(await statusOf(refusedByChief.id)).toBe('rejected');
    const a = await stampVia(refusedByChief.id);
    expect(a.statusCode).toBe(422);
    expect(a.json().error).toMatchObject({ code: 'RULE_BLOCKED', rule: { id: 'SEAL-08', cite: '《印章使用管理制度》二.8' } });
    expect(a.json().error.message).toContain('审批未获同意');
    expect(a.json().error.message).toContain('不予用章');
    expect(a.json().error.message).toContain('SEAL-08 《印章使用管理制度》二.8');

    const withdrawn = await ask('证明材料（申请人撤回）');
    const wd = await post('tangning', `/flow/instances/${withdrawn.instanceId}/withdraw`, { comment: '材料有误，撤回重报' });
    expect(wd.statusCode, wd.body).toBe(200);
    expect(await statusOf(withdrawn.id)).toBe('withdrawn');
    const b = await stampVia(withdrawn.id);
    expect(b.statusCode).toBe(422);
    expect(b.json().error.rule.id).toBe('SEAL-08');
    expect(b.json().error.message).toContain('已由申请人撤回');

    // Nothing was stamped or recorded for either entry.
    const after = await rows<{ status: string; stamped_by: string | null; stamp_count: number | null }>(t.database.db,
      sql`select status, stamped_by, stamp_count from seal_uses where id in (${refusedByChief.id}, ${withdrawn.id}) order by seq`);
    expect(after).toEqual([{ status: 'rejected', stamped_by: null, stamp_count: null }, { status: 'withdrawn', stamped_by: null, stamp_count: null }]);
    expect(await stampAudits([refusedByChief.id, withdrawn.id])).toBe(0);

    // The compliant entry (section chief and 分管领导 agreed) is stamped through the same call.
    const ok = await ask('介绍信（赴通榆县调研）');
    await sign(t, ok.instanceId, 'hanbing');
    await sign(t, ok.instanceId, 'zhaoguoqiang');
    const c = await stampVia(ok.id);
    expect(c.statusCode, c.body).toBe(200);
    expect(c.json()).toEqual({ status: 'stamped', paperworkDue: null });
    expect(await stampAudits([ok.id])).toBe(1);
  });
});

describe('take-outs', () => {
  it('AS-E29 SEAL-07: a take-out needs the 综合科负责人; while out the seal is 外带中 and cannot be stamped in 综合科; the return brings it back', async () => {
    const out = await svc.requestTakeout(await as('tangning'), { sealId: 'seal_official', purpose: '赴市政务大厅办理备案', dueBack: '2026-11-03' });
    expect((await rejected(svc.handOutSeal(await as('linfeng'), out.id))).rule?.id).toBe('SEAL-07');
    await sign(t, out.instanceId, 'liuyang');
    await svc.handOutSeal(await as('linfeng'), out.id);
    const [s] = await rows<{ custody: string }>(t.database.db, sql`select custody from seals where id = 'seal_official'`);
    expect(s.custody).toBe('out');
    const r = await use('tangning', { category: 'signed', documentTitle: '委托书', signedByPersonId: 'psn_chenzhiyuan', signedEvidence: '签字页' });
    expect((await rejected(stamp(r.id))).rule?.id).toBe('SEAL-07');
    // Overdue: the borrower and the keeper are chased once a working day.
    t.clock.set('2026-11-04T09:00:00+08:00');
    expect(await svc.remindSeals(t.database, t.clock)).toBe(1);
    expect(await svc.remindSeals(t.database, t.clock)).toBe(0);
    const told = await rows<{ recipient_person_id: string }>(t.database.db, sql`select recipient_person_id from notifications where object_id = ${out.id} order by 1`);
    expect(told.map((x) => x.recipient_person_id)).toEqual(['psn_linfeng', 'psn_tangning']);
    await svc.returnSeal(await as('linfeng'), out.id);
    const [back] = await rows<{ custody: string }>(t.database.db, sql`select custody from seals where id = 'seal_official'`);
    expect(back.custody).toBe('in');
    await stamp(r.id);
    t.clock.set('2026-11-02T09:00:00+08:00');
  });
});

describe('emergency use', () => {
  it('AS-E30 SEAL-09: on Fri 2024-11-08 18:30 the reason and the 分管领导 consent let the keeper stamp; paperwork is due the next working day, reminded, and closes with the approval', async () => {
    t.clock.set('2024-11-08T18:30:00+08:00');
    const base = { category: 'routine', documentTitle: '紧急报送省厅的项目统计表', emergency: { reason: '省厅当晚截止报送' } };
    expect((await rejected(use('tangning', { ...base, emergency: { ...base.emergency, consentLeaderId: 'psn_sunli' } }))).rule?.id).toBe('SEAL-09');
    expect((await rejected(use('tangning', { ...base, sealId: 'seal_finance', emergency: { ...base.emergency, consentLeaderId: 'psn_zhaoguoqiang' } }))).rule?.id).toBe('SEAL-09');
    const r = await use('tangning', { ...base, emergency: { ...base.emergency, consentLeaderId: 'psn_zhaoguoqiang' } });
    expect(r.status).toBe('emergency');
    expect(await stamp(r.id)).toEqual({ status: 'stamped', paperworkDue: '2024-11-11' });
    const open = await svc.openEmergencies(await as('liuyang'));
    expect(open.map((e) => e.id)).toContain(r.id);
    // Weekend: no reminder. Monday: the applicant and the keeper, once.
    t.clock.set('2024-11-09T10:00:00+08:00');
    expect(await svc.remindSeals(t.database, t.clock)).toBe(0);
    t.clock.set('2024-11-11T10:00:00+08:00');
    expect(await svc.remindSeals(t.database, t.clock)).toBe(1);
    t.clock.set('2024-11-12T10:00:00+08:00');
    expect(await svc.remindSeals(t.database, t.clock)).toBe(1);
    const kinds = await rows<{ kind: string }>(t.database.db, sql`select kind from notifications where object_id = ${r.id} order by created_at`);
    expect(kinds.map((k) => k.kind)).toEqual(['remind', 'remind', 'overdue', 'overdue']);
    await sign(t, r.instanceId!, 'hanbing');
    await sign(t, r.instanceId!, 'zhaoguoqiang');
    expect((await svc.openEmergencies(await as('liuyang'))).map((e) => e.id)).not.toContain(r.id);
    t.clock.set('2026-11-02T09:00:00+08:00');
  });

  it('SEAL-10: an emergency stamping whose paperwork is refused is recorded as a violation; 综合科 may record others', async () => {
    const r = await use('tangning', { category: 'routine', documentTitle: '紧急联系单', emergency: { reason: '当日急需', consentLeaderId: 'psn_zhaoguoqiang' } });
    await stamp(r.id);
    const { actOnTask } = await import('../../kernel/flow');
    await actOnTask(await as('hanbing'), await taskOf(t, r.instanceId!, 'hanbing'), 'reject', { comment: '不符合用印条件' });
    const v = await svc.listViolations(await as('liuyang'));
    expect(v.some((x) => x.personName === '唐宁' && x.description.includes('未经批准'))).toBe(true);
    await svc.recordViolation(await as('linfeng'), { sealId: 'seal_official', personId: 'psn_dongxue', description: '未经审批私自在介绍信上加盖公章' });
    expect((await svc.listViolations(await as('liuyang'))).length).toBe(v.length + 1);
  });
});

describe('the register of seals', () => {
  it('SEAL-14: a new seal is registered only from a request its section\'s 分管领导 consented to', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/seals/make-requests', headers: { cookie: await t.cookieFor('tangning') }, payload: { kind: 'business', name: '规划项目科项目验收专用章', reason: '项目验收单需专用章' } });
    expect(res.statusCode).toBe(201);
    const { instanceId } = res.json() as { instanceId: string };
    const reg = { makeInstanceId: instanceId, keeperPersonId: 'psn_hanbing', usageScope: '项目验收单' };
    expect((await rejected(svc.registerSeal(await as('linfeng'), reg))).rule?.id).toBe('SEAL-14');
    await sign(t, instanceId, 'zhaoguoqiang');
    const { id } = await svc.registerSeal(await as('linfeng'), reg);
    const [s] = await rows<{ owner_unit_id: string; status: string }>(t.database.db, sql`select owner_unit_id, status from seals where id = ${id}`);
    expect(s).toEqual({ owner_unit_id: 'unit_guihua', status: 'active' });
    expect((await rejected(svc.registerSeal(await as('linfeng'), reg))).status).toBe(409);
  });

  it('the 用印登记簿 exports as XLSX for 综合科 and is refused to staff; the 用印审批单 prints with every signature and the stamping', async () => {
    const ok = await t.app.inject({ method: 'GET', url: '/api/v1/seals/ledger/uses.xlsx', headers: { cookie: await t.cookieFor('liuyang') } });
    expect(ok.statusCode).toBe(200);
    expect(ok.rawPayload.subarray(0, 2).toString()).toBe('PK');
    const no = await t.app.inject({ method: 'GET', url: '/api/v1/seals/ledger/uses.xlsx', headers: { cookie: await t.cookieFor('tangning') } });
    expect(no.statusCode).toBe(403);
    const r = await use('tangning', { category: 'routine', documentTitle: '介绍信（赴洮北区调研）', copies: 1 });
    await sign(t, r.instanceId!, 'hanbing');
    await sign(t, r.instanceId!, 'zhaoguoqiang');
    await stamp(r.id);
    const pdf = await t.app.inject({ method: 'GET', url: `/api/v1/seals/uses/${r.id}/form.pdf`, headers: { cookie: await t.cookieFor('tangning') } });
    expect(pdf.statusCode).toBe(200);
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'gc-seal-')), 'use.pdf');
    fs.writeFileSync(file, pdf.rawPayload);
    const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
    expect(text).toContain('用印审批单');
    for (const s of ['唐宁', '韩冰', '赵国强', '林峰', '介绍信']) expect(text).toContain(s);
    const other = await t.app.inject({ method: 'GET', url: `/api/v1/seals/uses/${r.id}/form.pdf`, headers: { cookie: await t.cookieFor('dongxue') } });
    expect(other.statusCode).toBe(403);
    const link = await getSealUse(await as('liuyang'), r.id);
    expect(link).toMatchObject({ id: r.id, status: 'stamped', sealId: 'seal_official', stampedByName: '林峰' });
    expect(await getSealUse(await as('liuyang'), 'suse_none')).toBeNull();
  });

  it('AS-E31 SEAL-11 SEAL-13: the lost 公章 is stopped at once; the case stays open until the three steps; only 封存 or 销毁 follow', async () => {
    const { caseId } = await svc.reportLoss(await as('linfeng'), 'seal_official', { discoveredOn: '2026-11-02' });
    const err = await rejected(use('tangning', { category: 'signed', documentTitle: '协议', signedByPersonId: 'psn_chenzhiyuan', signedEvidence: '签字页' }));
    expect(err.rule?.id).toBe('SEAL-11');
    expect((await rejected(svc.disposeSeal(await as('linfeng'), 'seal_official', { disposal: 'sealed_up' }))).rule?.id).toBe('SEAL-13');
    expect((await rejected(svc.recordLossStep(await as('linfeng'), caseId, { reportedToPersonId: 'psn_liuyang' }))).rule?.id).toBe('SEAL-13');
    expect(await svc.recordLossStep(await as('linfeng'), caseId, { reportedToPersonId: 'psn_liminghua', voidDeclarationRef: '《白城日报》2026-11-03 遗失声明' })).toEqual({ closed: false });
    expect(await svc.recordLossStep(await as('linfeng'), caseId, { filingRef: '白城市公安局洮北分局备案回执' })).toEqual({ closed: true });
    expect((await rejected(svc.disposeSeal(await as('linfeng'), 'seal_official', { disposal: 'sold' }))).status).toBe(400);
    await svc.disposeSeal(await as('linfeng'), 'seal_official', { disposal: 'sealed_up' });
  });

  it('SEAL-11: a name change stops every seal in use, approved by the 分管领导 of 综合科 only', async () => {
    expect((await rejected(svc.stopSeals(await as('liuyang'), { reason: 'renamed' }))).rule?.id).toBe('SEAL-11');
    const { stopped } = await svc.stopSeals(await as('liminghua'), { reason: 'renamed' });
    expect(stopped.length).toBeGreaterThanOrEqual(5);
    const [n] = await rows<{ n: number }>(t.database.db, sql`select count(*)::int as n from seals where status = 'active'`);
    expect(n.n).toBe(0);
  });
});

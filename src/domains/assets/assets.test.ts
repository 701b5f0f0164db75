import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/support/app';
import { ctxFor } from '../../../test/support/ctx';
import { rows } from '../../kernel/db';
import type { AppError } from '../../kernel/errors';
import { actOnTask, printInstance } from '../../kernel/flow';
import { pdfText } from '../../kernel/render/pdf-text';
import { eq } from 'drizzle-orm';
import { partyDecision } from '../finance/test-helpers';
import { meetingTopics } from '../meetings/schema';
import { closeTopic } from '../meetings/service-votes';
import { PG_MEMBERS, partyMeeting, voteOn } from '../meetings/test-helpers';
import * as svc from './service';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t?.close());

async function refused(p: Promise<unknown>): Promise<AppError> {
  const err = await p.then(() => null, (e: AppError) => e);
  expect(err, 'expected the call to be refused').not.toBeNull();
  return err!;
}
const assetId = async (no: string) => (await rows<{ id: string }>(t.database.db, sql`select id from assets where asset_no = ${no}`))[0].id;
const sign = async (instanceId: string, user: string) => {
  const [task] = await rows<{ id: string }>(t.database.db, sql`select ft.id from flow_tasks ft join accounts a on a.person_id = ft.assignee_person_id where ft.instance_id = ${instanceId} and ft.status = 'pending' and a.username = ${user}`);
  await actOnTask(await ctxFor(t, user), task.id, 'approve', { comment: '同意' });
};
const newAsset = async (no: string, over: Partial<svc.AssetInput> = {}) =>
  svc.registerAsset(await ctxFor(t, 'linfeng'), { assetNo: no, name: '台式计算机', category: '计算机设备', specModel: '联想', quantity: 1, originalValueFen: 500_000, acquiredOn: '2026-10-01', source: 'purchase', unitId: 'unit_guihua', location: '办公楼', ...over });

describe('固定资产 (财务管理制度 五)', () => {
  it('ASSET-01: the ledger is by using department; only 综合科\'s asset manager or chief registers; each asset has one department', async () => {
    const { items } = { items: await svc.listAssets(await ctxFor(t, 'liuyang')) };
    expect(new Set(items.map((a) => a.unitName)).size).toBeGreaterThan(2);
    expect(items.every((a) => a.unitId)).toBe(true);
    expect((await refused(svc.registerAsset(await ctxFor(t, 'tangning'), { assetNo: 'X-1', name: 'x', category: 'x', specModel: '', quantity: 1, originalValueFen: 1, acquiredOn: '2026-10-01', source: 'purchase', unitId: 'unit_guihua', location: '' }))).rule?.id).toBe('ASSET-01');
    expect((await refused(newAsset('X-2', { unitId: 'unit_nowhere' }))).rule?.id).toBe('ASSET-01');
    // Staff see their own section's ledger only.
    const mine = await svc.listAssets(await ctxFor(t, 'tangning'));
    expect(mine.length).toBeGreaterThan(0);
    expect(mine.every((a) => a.unitName === '规划项目科' || a.holderName === '唐宁')).toBe(true);
  });

  it('ASSET-01: with no asset manager designated, asset events cannot be recorded', async () => {
    await t.database.db.execute(sql`update settings set value = '{"personId": null}'::jsonb where key = 'assets.manager'`);
    expect((await refused(newAsset('X-3'))).message).toContain('尚未配备固定资产管理人员');
    await svc.setAssetManager(await ctxFor(t, 'liuyang'), 'psn_linfeng');
    expect((await refused(svc.setAssetManager(await ctxFor(t, 'linfeng'), 'psn_linfeng'))).rule?.id).toBe('ASSET-01');
  });

  it('ASSET-02 ASSET-05: no issue before Finance\'s card and account; each step is an event', async () => {
    const { id } = await newAsset('FA-T01');
    const keeper = await ctxFor(t, 'linfeng');
    expect((await refused(svc.issueAsset(keeper, id, { toPersonId: 'psn_tangning' }))).rule?.id).toBe('ASSET-02');
    expect((await refused(svc.registerCard(keeper, id, { cardNo: 'KP-T01' }))).rule?.id).toBe('ASSET-02');
    await svc.registerCard(await ctxFor(t, 'mali'), id, { cardNo: 'KP-T01' });
    await svc.issueAsset(keeper, id, { toPersonId: 'psn_tangning' });
    await svc.recordAssetEvent(keeper, id, { type: 'inspection', note: '季度检查，完好' });
    const ev = await svc.assetEvents(await ctxFor(t, 'liuyang'), id);
    expect(ev.map((e) => e.typeLabel)).toEqual(['验收', '登记', '登记', '领发', '检查']);
  });

  it('ASSET-09 AS: a donated server registered only with 综合科 cannot be issued, and after 5 working days Finance is reminded', async () => {
    const { id } = await newAsset('FA-T02', { name: '服务器（受赠）', source: 'donation', originalValueFen: 3_000_000 });
    const issue = await refused(svc.issueAsset(await ctxFor(t, 'linfeng'), id, { toPersonId: 'psn_xiechen' }));
    expect(issue.rule?.id).toBe('ASSET-09');
    expect(issue.message).toContain('财务科登记卡片');
    t.clock.set('2026-11-09T09:00:00+08:00');
    await svc.assetReminders(t.database.db, t.clock);
    let [n] = await rows<{ n: number }>(t.database.db, sql`select count(*)::int as n from notifications where object_id = ${id} and recipient_person_id = 'psn_mali'`);
    expect(n.n).toBe(0);
    t.clock.set('2026-11-10T09:00:00+08:00');
    await svc.assetReminders(t.database.db, t.clock);
    await svc.assetReminders(t.database.db, t.clock);
    [n] = await rows<{ n: number }>(t.database.db, sql`select count(*)::int as n from notifications where object_id = ${id} and recipient_person_id = 'psn_mali'`);
    expect(n.n).toBe(1);
    t.clock.set('2026-11-02T09:00:00+08:00');
    await svc.registerCard(await ctxFor(t, 'mali'), id, { cardNo: 'KP-T02' });
    await svc.issueAsset(await ctxFor(t, 'linfeng'), id, { toPersonId: 'psn_xiechen' });
  });

  it('ASSET-08 AS: 李四 reassigning projector FA-0200 from 规划科 to 开发科 is blocked; 综合科\'s 调拨 passes', async () => {
    const id = await assetId('FA-0200');
    const err = await refused(svc.requestDirectReassign(await ctxFor(t, 'hanbing'), id, { toUnitId: 'unit_shehui' }));
    expect(err.rule).toEqual({ id: 'ASSET-08', cite: '《财务管理制度》五（四）' });
    expect((await refused(svc.transferAsset(await ctxFor(t, 'hanbing'), id, { toUnitId: 'unit_shehui' }))).rule?.id).toBe('ASSET-08');
    await svc.transferAsset(await ctxFor(t, 'linfeng'), id, { toUnitId: 'unit_shehui', toPersonId: 'psn_dongxue' });
    const [a] = await rows<{ unit_id: string }>(t.database.db, sql`select unit_id from assets where id = ${id}`);
    expect(a.unit_id).toBe('unit_shehui');
  });

  it('ASSET-06 CAR-22 AS: a vehicle is never lent; equipment only with a leader\'s permission processed by 综合科', async () => {
    const car = await assetId('FA-0300');
    expect((await refused(svc.lendAsset(await ctxFor(t, 'linfeng'), car, { to: '个人', leaderPersonId: 'psn_chenzhiyuan', permissionRef: '批示' }))).rule?.id).toBe('ASSET-06');
    const printer = await assetId('FA-0031');
    expect((await refused(svc.lendAsset(await ctxFor(t, 'tangning'), printer, { to: '兄弟单位' }))).rule?.id).toBe('ASSET-06');
    expect((await refused(svc.lendAsset(await ctxFor(t, 'linfeng'), printer, { to: '兄弟单位', leaderPersonId: 'psn_hanbing', permissionRef: '口头' }))).rule?.id).toBe('ASSET-06');
    await svc.lendAsset(await ctxFor(t, 'linfeng'), printer, { to: '市乡村振兴局', leaderPersonId: 'psn_liminghua', permissionRef: '李明华2026-11-02批示' });
    const [denied] = await rows<{ n: number }>(t.database.db, sql`select count(*)::int as n from audit_log where event = 'assets.loan.refused'`);
    expect(denied.n).toBe(3);
  });

  it('ASSET-07 AS: clearance is blocked listing the 3 assets 唐宁 holds; after the returns it passes', async () => {
    const hub = await ctxFor(t, 'liuyang');
    const { outstanding } = await svc.clearance(hub, 'psn_tangning');
    const err = await refused(svc.clearance(hub, 'psn_tangning', { request: true }));
    expect(err.rule?.id).toBe('ASSET-07');
    for (const o of outstanding) expect(err.message).toContain(o.assetNo);
    expect(outstanding.map((o) => o.assetNo)).toEqual(expect.arrayContaining(['FA-0012', 'FA-0031', 'FA-0100']));
    for (const o of outstanding) await svc.returnAsset(await ctxFor(t, 'linfeng'), o.id);
    expect((await svc.clearance(hub, 'psn_tangning', { request: true })).outstanding).toEqual([]);
  });

  it('ASSET-10 ASSET-11 AS: no disposal without approval; 450.00 of proceeds cannot be office income and must be remitted before closing', async () => {
    const keeper = await ctxFor(t, 'linfeng');
    const ids = [];
    for (const n of [1, 2, 3]) ids.push((await newAsset(`FA-D0${n}`, { originalValueFen: 300_000 })).id);
    for (const id of ids) await svc.registerCard(await ctxFor(t, 'mali'), id, { cardNo: `KP-D${id.slice(-4)}` });
    expect((await refused(svc.recordDisposalEvent(keeper, ids[0], { type: 'scrap' }))).rule?.id).toBe('ASSET-10');
    const d = await svc.submitDisposal(keeper, { assetIds: ids, kind: 'sale', reason: '超过使用年限', expectedProceedsFen: 45_000 });
    expect((await refused(svc.recordProceeds(keeper, d.id, { proceedsFen: 45_000, target: 'city_finance' }))).rule?.id).toBe('ASSET-10');
    await sign(d.instanceId, 'liuyang');
    await sign(d.instanceId, 'liminghua');
    const [a] = await rows<{ status: string }>(t.database.db, sql`select status from assets where id = ${ids[0]}`);
    expect(a.status).toBe('disposed');
    await svc.recordDisposalEvent(keeper, ids[0], { type: 'sale', approvalRef: d.instanceId });
    expect((await refused(svc.closeDisposal(keeper, d.id))).rule?.id).toBe('ASSET-11');
    expect((await refused(svc.recordProceeds(keeper, d.id, { proceedsFen: 45_000, target: 'office_income' }))).rule?.id).toBe('ASSET-11');
    await svc.recordProceeds(keeper, d.id, { proceedsFen: 45_000, target: 'city_finance' });
    expect((await refused(svc.closeDisposal(keeper, d.id))).message).toContain('450.00');
    expect((await refused(svc.remitProceeds(await ctxFor(t, 'mali'), d.id, { amountFen: 40_000, remittedOn: '2026-11-02', voucher: 'V1' }))).rule?.id).toBe('ASSET-11');
    await svc.remitProceeds(await ctxFor(t, 'mali'), d.id, { amountFen: 45_000, remittedOn: '2026-11-02', voucher: '非税缴款书No.1' });
    await svc.closeDisposal(keeper, d.id);
    const text = pdfText((await printInstance(await ctxFor(t, 'linfeng'), d.instanceId)).pdf);
    for (const s of ['固定资产处置审批表', '变卖', '林峰', '刘洋', '李明华']) expect(text).toContain(s);
  });

  it('ASSET-10 PG-S6 SZYD-05: a large disposal without a covering 党组 decision is blocked and changes nothing', async () => {
    const keeper = await ctxFor(t, 'linfeng');
    const { id } = await newAsset('FA-D10', { originalValueFen: 2_500_000 });
    const before = await rows<{ n: number }>(t.database.db, sql`select count(*)::int as n from asset_disposals`);
    const none = await refused(svc.submitDisposal(keeper, { assetIds: [id], kind: 'scrap', reason: '损坏' }));
    expect(none.code).toBe('RULE_BLOCKED');
    expect(none.rule?.id).toBe('ASSET-10');
    expect(none.message).toMatch(/PG-S6.*SZYD-05/);
    // A decision on another matter, or one whose amount does not cover the book value, is no cover.
    const procurement = await partyDecision(t, 3_000_000, 'procurement', '采购扶贫培训设备');
    expect((await refused(svc.submitDisposal(keeper, { assetIds: [id], kind: 'scrap', reason: '损坏', decisionId: procurement }))).message).toContain('不是固定资产处置事项');
    const small = await partyDecision(t, 1_000_000, 'fixed_assets', '报废规划项目科旧服务器');
    expect((await refused(svc.submitDisposal(keeper, { assetIds: [id], kind: 'scrap', reason: '损坏', decisionId: small }))).rule?.id).toBe('ASSET-10');
    const after = await rows<{ n: number }>(t.database.db, sql`select count(*)::int as n from asset_disposals`);
    expect(after[0].n).toBe(before[0].n);
    const [a] = await rows<{ status: string }>(t.database.db, sql`select status from assets where id = ${id}`);
    expect(a.status).not.toBe('disposing');
  });

  it('ASSET-10 PG-S6 SZYD-05: linked to the 党组 decision the large disposal is filed, printed with it, and approved while it is in force', async () => {
    const keeper = await ctxFor(t, 'linfeng');
    const { id } = await newAsset('FA-D11', { originalValueFen: 2_600_000 });
    const decisionId = await partyDecision(t, 3_000_000, 'fixed_assets', '报废规划项目科大型打印设备');
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/assets/disposals/decisions?amountFen=2600000', headers: { cookie: await t.cookieFor('linfeng') } });
    expect(res.json().items.map((d: { id: string }) => d.id)).toContain(decisionId);
    expect(res.json().largeLineFen).toBe(2_000_000);
    const d = await svc.submitDisposal(keeper, { assetIds: [id], kind: 'scrap', reason: '损坏无法修复', decisionId });
    expect(d.warnings).toEqual([]);
    const [row] = await rows<{ decision_id: string }>(t.database.db, sql`select decision_id from asset_disposals where id = ${d.id}`);
    expect(row.decision_id).toBe(decisionId);
    const text = pdfText((await printInstance(keeper, d.instanceId)).pdf);
    expect(text).toContain('报废规划项目科大型打印设备');
    await sign(d.instanceId, 'liuyang');
    await sign(d.instanceId, 'liminghua');
    const [a] = await rows<{ status: string }>(t.database.db, sql`select status from assets where id = ${id}`);
    expect(a.status).toBe('disposed');
    const list = await svc.listDisposals(keeper);
    expect(list.find((x) => x.id === d.id)?.decisionTitle).toBeTruthy();
    const xlsx = await t.app.inject({ method: 'GET', url: '/api/v1/assets/disposals.xlsx', headers: { cookie: await t.cookieFor('linfeng') } });
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.rawPayload.subarray(0, 2).toString()).toBe('PK');
  });

  it('ASSET-10: a decision revoked while the disposal waits stops the approval', async () => {
    const keeper = await ctxFor(t, 'linfeng');
    const { id } = await newAsset('FA-D12', { originalValueFen: 2_100_000 });
    const decisionId = await partyDecision(t, 2_100_000, 'fixed_assets', '变卖综合科旧复印机');
    const d = await svc.submitDisposal(keeper, { assetIds: [id], kind: 'sale', reason: '闲置', decisionId });
    await sign(d.instanceId, 'liuyang');
    // A later 党组 decision revokes it (PG-18) while the disposal waits for the deputy director.
    const { hub, id: meetingId } = await partyMeeting(t, [{ title: '撤销变卖旧复印机的决定', targetDecisionId: decisionId, targetMode: 'revoke' }]);
    const [topic] = (await t.database.db.select().from(meetingTopics).where(eq(meetingTopics.meetingId, meetingId))).map((x) => x.id);
    await voteOn(t, hub, topic, PG_MEMBERS, Object.fromEntries(PG_MEMBERS.map((p) => [p, 'agree' as const])));
    expect((await closeTopic(hub, topic, { responsibleMemberIds: ['psn_liminghua'], decisionText: '撤销原决定，旧复印机继续使用' })).outcome).toBe('adopted');
    const err = await refused(sign(d.instanceId, 'liminghua'));
    expect(err.rule?.id).toBe('ASSET-10');
    expect(err.message).toContain('已撤销');
    const [a] = await rows<{ status: string }>(t.database.db, sql`select status from assets where id = ${id}`);
    expect(a.status).toBe('disposing');
  });

  it('ASSET-03: 账账/账卡 computed, a mismatch needs an explanation before closing', async () => {
    await newAsset('FA-R01');
    const r = await svc.reconcile(await ctxFor(t, 'linfeng'), { period: '2026-Q3', physicalMatches: true });
    expect(r.checks.ledgerVsCards).toBe(false);
    expect(r.closed).toBe(false);
    expect((await refused(svc.closeReconciliation(await ctxFor(t, 'linfeng'), r.id, { explanation: ' ' }))).rule?.id).toBe('ASSET-03');
    await svc.closeReconciliation(await ctxFor(t, 'linfeng'), r.id, { explanation: 'FA-R01、FA-0400 为新入账资产，财务卡片在办理中' });
  });

  it('ASSET-04: reminded from 1 November until the year\'s stocktake; once a year', async () => {
    await svc.assetReminders(t.database.db, t.clock);
    const [n] = await rows<{ n: number }>(t.database.db, sql`select count(*)::int as n from notifications where object_type = 'asset_stocktake' and object_id = '2026'`);
    expect(n.n).toBe(1);
    const s = await svc.stocktake(await ctxFor(t, 'linfeng'), { year: 2026, discrepancies: [] });
    expect(s.counted).toBeGreaterThan(5);
    await expect(svc.stocktake(await ctxFor(t, 'linfeng'), { year: 2026, discrepancies: [] })).rejects.toThrow(/已盘点/);
  });

  it('ASSET-01: the ledger exports as XLSX', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/assets/ledger.xlsx', headers: { cookie: await t.cookieFor('liuyang') } });
    expect(res.statusCode).toBe(200);
    expect(res.rawPayload.subarray(0, 2).toString()).toBe('PK');
  });
});

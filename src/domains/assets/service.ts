import { sql } from 'drizzle-orm';
import { can, requireActor, systemCtx, withTx, type Ctx } from '../../kernel/context';
import { rows, type Db } from '../../kernel/db';
import { audit } from '../../kernel/audit/write';
import { addWorkingDays } from '../../kernel/calendar';
import { AppError, errors } from '../../kernel/errors';
import { newId } from '../../kernel/ids';
import { startFlow } from '../../kernel/flow';
import { notify } from '../../kernel/notify';
import { holdersOfPost, leaderInChargeOfUnit, sectionChiefOf } from '../../kernel/org/lookups';
import { enforce, type Flagged } from '../../kernel/rules';
import { getSetting, putSetting } from '../../kernel/settings';
import { localDate, type Clock } from '../../kernel/time';
import { DisposalForm } from './flows';
import { ASSET01, ASSET03, ASSET04, ASSET05, ASSET06, ASSET07, ASSET08, ASSET09, ASSET10, ASSET11, checkIssuable, checkReconciliationClose } from './rules';

/** Fixed assets (财务管理制度 五): registration, issue, transfer, return, lending, disposal, reconciliation, stocktake. */
const today = (ctx: Ctx) => localDate(ctx.clock.now());
const block = (rule: { id: string; cite: string }, message: string, details?: unknown) => new AppError('RULE_BLOCKED', 422, `${message}（依据：${rule.id} ${rule.cite}）`, { id: rule.id, cite: rule.cite }, details);
function me(ctx: Ctx): string {
  const p = requireActor(ctx).personId;
  if (!p) throw errors.forbidden('该账号未关联人员，不能办理资产事项');
  return p;
}

export const EVENT_TYPES = {
  acceptance: '验收', issue: '领发', custody: '保管', transfer: '调拨', registration: '登记', inspection: '检查', repair: '维修',
  return: '交还', loan: '出借', loss: '报损', scrap: '报废', sale: '变卖',
} as const;
export type EventType = keyof typeof EVENT_TYPES;

async function hubUnit(db: Db): Promise<string> {
  const [u] = await rows<{ id: string }>(db, sql`select id from org_units where code = ${ASSET01.param('hubUnitCode')}`);
  if (!u) throw errors.unprocessable('ASSET_NO_HUB', '组织机构中没有综合科（固定资产管理部门）');
  return u.id;
}

/** R-AM: the part-time asset manager 综合科 designates (ASSET-01). */
export async function assetManager(db: Db): Promise<string | null> {
  return (await getSetting<{ personId: string | null }>(db, 'assets.manager', { personId: null })).personId;
}

export async function setAssetManager(ctx: Ctx, personId: string): Promise<void> {
  await withTx(ctx, async (tx) => {
    const chief = await sectionChiefOf(tx.db, await hubUnit(tx.db), today(tx));
    if (chief?.id !== me(tx)) throw block(ASSET01, '固定资产管理人员由综合科科长指定');
    const [p] = await rows<{ unit_id: string | null }>(tx.db, sql`select unit_id from people where id = ${personId} and active`);
    if (!p) throw errors.badRequest('人员不存在或已离岗');
    await putSetting(tx.db, 'assets.manager', { personId }, requireActor(tx).accountId);
    await audit(tx, { event: 'assets.manager.set', objectType: 'person', objectId: personId, detail: { ruleId: 'ASSET-01' } });
  });
}

/** ASSET-01/08: 综合科 acts through its asset manager or its chief; none designated = configuration error. */
async function assertKeeper(ctx: Ctx, what: string, rule: { id: string; cite: string } = ASSET01): Promise<string> {
  const person = me(ctx);
  const manager = await assetManager(ctx.db);
  if (!manager) throw block(ASSET01, '综合科尚未配备固定资产管理人员，不能登记资产变动');
  const chief = await sectionChiefOf(ctx.db, await hubUnit(ctx.db), today(ctx));
  if (person !== manager && person !== chief?.id) throw block(rule, `${what}须由综合科（固定资产管理人员或综合科科长）办理`);
  return person;
}

async function assertFinance(ctx: Ctx): Promise<string> {
  const person = me(ctx);
  for (const post of ['finance_head', 'accountant', 'cashier']) if ((await holdersOfPost(ctx.db, post, undefined, today(ctx))).some((p) => p.id === person)) return person;
  throw block({ id: 'ASSET-02', cite: '《财务管理制度》五（一）' }, '固定资产登记卡片和明细账由财务人员建立');
}

async function event(ctx: Ctx, e: { assetId: string; type: EventType; actor: string; fromUnitId?: string | null; toUnitId?: string | null; fromPersonId?: string | null; toPersonId?: string | null; approvalRef?: string | null; note?: string }) {
  await ctx.db.execute(sql`insert into asset_events (id, asset_id, type, on_date, from_unit_id, to_unit_id, from_person_id, to_person_id, actor_person_id, approval_ref, note, created_at)
    values (${newId('aev')}, ${e.assetId}, ${e.type}, ${today(ctx)}, ${e.fromUnitId ?? null}, ${e.toUnitId ?? null}, ${e.fromPersonId ?? null}, ${e.toPersonId ?? null}, ${e.actor},
      ${e.approvalRef ?? null}, ${e.note ?? ''}, ${ctx.clock.now().toISOString()})`);
  await audit(ctx, { event: `assets.${e.type}`, objectType: 'asset', objectId: e.assetId, detail: { ruleId: 'ASSET-05', type: EVENT_TYPES[e.type], toUnitId: e.toUnitId ?? null, toPersonId: e.toPersonId ?? null, approvalRef: e.approvalRef ?? null } });
}

interface AssetRow { id: string; asset_no: string; name: string; unit_id: string; holder_person_id: string | null; status: string; source: string; ledger_registered_at: string | null; card_registered_at: string | null; is_vehicle: string; original_value_fen: number }
async function lockAsset(ctx: Ctx, id: string): Promise<AssetRow> {
  const [a] = await rows<AssetRow>(ctx.db, sql`select id, asset_no, name, unit_id, holder_person_id, status, source, ledger_registered_at::text, card_registered_at::text, is_vehicle,
      original_value_fen::float8 as original_value_fen from assets where id = ${id} for update`);
  if (!a) throw errors.notFound('固定资产');
  if (a.status === 'disposed') throw errors.conflict(`资产 ${a.asset_no} 已处置`);
  return a;
}

export interface AssetInput { assetNo: string; name: string; category: string; specModel: string; quantity: number; originalValueFen: number; acquiredOn: string; source: 'purchase' | 'donation' | 'transfer_in'; unitId: string; location: string; isVehicle?: boolean }

/** 验收 and 综合科台账 registration by using department (ASSET-01, ASSET-05). */
export async function registerAsset(ctx: Ctx, input: AssetInput): Promise<{ id: string }> {
  return withTx(ctx, async (tx) => {
    const actor = await assertKeeper(tx, '资产验收登记');
    const [u] = await rows(tx.db, sql`select 1 from org_units where id = ${input.unitId} and active`);
    if (!u) throw block(ASSET01, '每项资产须有一个使用部门');
    const [dup] = await rows(tx.db, sql`select 1 from assets where asset_no = ${input.assetNo.trim()}`);
    if (dup) throw errors.conflict(`资产编号 ${input.assetNo} 已登记`);
    const id = newId('ast');
    const now = tx.clock.now().toISOString();
    await tx.db.execute(sql`insert into assets (id, asset_no, name, category, spec_model, quantity, original_value_fen, acquired_on, source, unit_id, location, status,
        ledger_registered_at, ledger_registered_by, is_vehicle, created_at)
      values (${id}, ${input.assetNo.trim()}, ${input.name.trim()}, ${input.category}, ${input.specModel}, ${input.quantity}, ${input.originalValueFen}, ${input.acquiredOn}, ${input.source},
        ${input.unitId}, ${input.location}, 'registered', ${now}, ${actor}, ${input.isVehicle ? 'yes' : 'no'}, ${now})`);
    await event(tx, { assetId: id, type: 'acceptance', actor, toUnitId: input.unitId, note: '验收' });
    await event(tx, { assetId: id, type: 'registration', actor, toUnitId: input.unitId, note: '综合科台账登记' });
    return { id };
  });
}

/** Finance's card and detailed-account entry (ASSET-02); for a donation, the second registration (ASSET-09). */
export async function registerCard(ctx: Ctx, id: string, input: { cardNo: string }): Promise<void> {
  await withTx(ctx, async (tx) => {
    const actor = await assertFinance(tx);
    const a = await lockAsset(tx, id);
    if (a.card_registered_at) throw errors.conflict('已建立登记卡片');
    await tx.db.execute(sql`update assets set card_no = ${input.cardNo.trim()}, card_registered_at = ${tx.clock.now().toISOString()}, card_registered_by = ${actor} where id = ${id}`);
    await event(tx, { assetId: id, type: 'registration', actor, note: `财务科登记卡片 ${input.cardNo}、明细账` });
  });
}

/** A donation or free transfer-in registered first with Finance (ASSET-09: either office may be first). */
export async function registerDonationWithFinance(ctx: Ctx, input: AssetInput & { cardNo: string }): Promise<{ id: string }> {
  return withTx(ctx, async (tx) => {
    const actor = await assertFinance(tx);
    if (input.source === 'purchase') throw errors.badRequest('购置资产由综合科验收登记');
    const id = newId('ast');
    const now = tx.clock.now().toISOString();
    await tx.db.execute(sql`insert into assets (id, asset_no, name, category, spec_model, quantity, original_value_fen, acquired_on, source, unit_id, location, status,
        card_no, card_registered_at, card_registered_by, is_vehicle, created_at)
      values (${id}, ${input.assetNo.trim()}, ${input.name.trim()}, ${input.category}, ${input.specModel}, ${input.quantity}, ${input.originalValueFen}, ${input.acquiredOn}, ${input.source},
        ${input.unitId}, ${input.location}, 'registered', ${input.cardNo}, ${now}, ${actor}, 'no', ${now})`);
    await event(tx, { assetId: id, type: 'registration', actor, toUnitId: input.unitId, note: `财务科登记卡片 ${input.cardNo}（${input.source === 'donation' ? '接受捐赠' : '无偿调入'}）` });
    return { id };
  });
}

/** The 综合科 ledger side of an asset Finance registered first (ASSET-09). */
export async function registerLedger(ctx: Ctx, id: string): Promise<void> {
  await withTx(ctx, async (tx) => {
    const actor = await assertKeeper(tx, '综合科台账登记');
    const a = await lockAsset(tx, id);
    if (a.ledger_registered_at) throw errors.conflict('已在综合科台账登记');
    await tx.db.execute(sql`update assets set ledger_registered_at = ${tx.clock.now().toISOString()}, ledger_registered_by = ${actor} where id = ${id}`);
    await event(tx, { assetId: id, type: 'registration', actor, note: '综合科台账登记' });
  });
}

/** 领发 to a user of the using department, only with both registrations (ASSET-02, ASSET-09). */
export async function issueAsset(ctx: Ctx, id: string, input: { toPersonId: string }): Promise<void> {
  await withTx(ctx, async (tx) => {
    const actor = await assertKeeper(tx, '资产领发');
    const a = await lockAsset(tx, id);
    enforce(checkIssuable({ source: a.source, ledgerRegistered: Boolean(a.ledger_registered_at), cardRegistered: Boolean(a.card_registered_at) }));
    const [p] = await rows<{ unit_id: string | null }>(tx.db, sql`select unit_id from people where id = ${input.toPersonId} and active`);
    if (!p) throw errors.badRequest('领用人不存在或已离岗');
    if (a.holder_person_id) throw errors.conflict('资产已有使用人，须先交还');
    await tx.db.execute(sql`update assets set holder_person_id = ${input.toPersonId}, status = 'in_use' where id = ${id}`);
    await event(tx, { assetId: id, type: 'issue', actor, toUnitId: a.unit_id, toPersonId: input.toPersonId, note: '领发' });
  });
}

/** 调拨: only 综合科 moves an asset between using departments (ASSET-08). */
export async function transferAsset(ctx: Ctx, id: string, input: { toUnitId: string; toPersonId?: string | null; note?: string }): Promise<void> {
  await withTx(ctx, async (tx) => {
    const actor = await assertKeeper(tx, '固定资产调拨（资产使用部门之间不得自行调换）', ASSET08);
    const a = await lockAsset(tx, id);
    if (a.unit_id === input.toUnitId) throw errors.badRequest('调入部门与现使用部门相同');
    const [u] = await rows(tx.db, sql`select 1 from org_units where id = ${input.toUnitId} and active`);
    if (!u) throw errors.badRequest('调入部门不存在');
    await tx.db.execute(sql`update assets set unit_id = ${input.toUnitId}, holder_person_id = ${input.toPersonId ?? null}, status = ${input.toPersonId ? 'in_use' : 'registered'} where id = ${id}`);
    await event(tx, { assetId: id, type: 'transfer', actor, fromUnitId: a.unit_id, toUnitId: input.toUnitId, fromPersonId: a.holder_person_id, toPersonId: input.toPersonId ?? null, note: input.note ?? '综合科统一调拨' });
  });
}

/**
 * A change of using department asked by anyone else — a section handing an asset to another,
 * or two sections swapping — is refused (ASSET-08), and the attempt is audited.
 */
export async function requestDirectReassign(ctx: Ctx, id: string, input: { toUnitId: string }): Promise<void> {
  const person = me(ctx);
  const manager = await assetManager(ctx.db);
  const chief = await sectionChiefOf(ctx.db, await hubUnit(ctx.db), today(ctx));
  if (person === manager || person === chief?.id) return transferAsset(ctx, id, input);
  await withTx(ctx, (tx) => audit(tx, { event: 'assets.reassign.refused', objectType: 'asset', objectId: id, outcome: 'denied', detail: { ruleId: 'ASSET-08', toUnitId: input.toUnitId } }));
  throw block(ASSET08, '固定资产由综合科统一调拨，资产使用部门之间不得自行调换固定资产');
}

/** 保管, 检查, 维修 records (ASSET-05). */
export async function recordAssetEvent(ctx: Ctx, id: string, input: { type: 'custody' | 'inspection' | 'repair'; note: string }): Promise<void> {
  await withTx(ctx, async (tx) => {
    const actor = await assertKeeper(tx, '资产保管、检查、维修登记', ASSET05);
    const a = await lockAsset(tx, id);
    await event(tx, { assetId: id, type: input.type, actor, fromUnitId: a.unit_id, note: input.note });
  });
}

/** 交还: accepted by the asset manager (ASSET-07). */
export async function returnAsset(ctx: Ctx, id: string): Promise<void> {
  await withTx(ctx, async (tx) => {
    const actor = await assertKeeper(tx, '资产交还验收', ASSET07);
    const a = await lockAsset(tx, id);
    if (!a.holder_person_id) throw errors.conflict('该资产没有使用人');
    await tx.db.execute(sql`update assets set holder_person_id = null, status = 'registered' where id = ${id}`);
    await event(tx, { assetId: id, type: 'return', actor, fromPersonId: a.holder_person_id, note: '交还' });
  });
}

/**
 * ASSET-06 (CONF-56): a vehicle is never lent (CAR-22); other equipment only with an office
 * leader's permission, processed by 综合科. Anything else is refused and audited.
 */
export async function lendAsset(ctx: Ctx, id: string, input: { to: string; leaderPersonId?: string | null; permissionRef?: string | null }): Promise<void> {
  const refuse = async (message: string) => {
    await withTx(ctx, (tx) => audit(tx, { event: 'assets.loan.refused', objectType: 'asset', objectId: id, outcome: 'denied', detail: { ruleId: 'ASSET-06', to: input.to } }));
    return block(ASSET06, message);
  };
  const [a] = await rows<{ is_vehicle: string }>(ctx.db, sql`select is_vehicle from assets where id = ${id}`);
  if (!a) throw errors.notFound('固定资产');
  if (a.is_vehicle === 'yes') throw await refuse('公务车辆不得以任何借口出借（CAR-22）');
  const person = me(ctx);
  const manager = await assetManager(ctx.db);
  const chief = await sectionChiefOf(ctx.db, await hubUnit(ctx.db), today(ctx));
  if (person !== manager && person !== chief?.id) throw await refuse('固定资产不得私自出借；出借须经单位领导许可并由综合科办理');
  const [leader] = input.leaderPersonId ? await rows<{ grade: string; name: string }>(ctx.db, sql`select grade, name from people where id = ${input.leaderPersonId} and active`) : [];
  if (!leader || (leader.grade !== 'principal' && leader.grade !== 'deputy') || !input.permissionRef?.trim()) throw await refuse('出借办公设备须经单位领导许可（请填写许可的领导和许可记录）');
  await withTx(ctx, async (tx) => {
    await lockAsset(tx, id);
    await event(tx, { assetId: id, type: 'loan', actor: person, approvalRef: input.permissionRef!, note: `经${leader.name}许可出借给${input.to}` });
  });
}

/** ASSET-07: what a person still holds; the clearance (调离手续) is refused while anything is out. */
export async function clearance(ctx: Ctx, personId: string, q: { request?: boolean } = {}): Promise<{ outstanding: { id: string; assetNo: string; name: string }[] }> {
  const outstanding = await rows<{ id: string; assetNo: string; name: string }>(ctx.db, sql`select id, asset_no as "assetNo", name from assets where holder_person_id = ${personId} and status <> 'disposed' order by asset_no`);
  if (q.request) {
    if (outstanding.length) throw block(ASSET07, `调离前须交还原配发公物：${outstanding.map((o) => `${o.assetNo} ${o.name}`).join('、')}`, { outstanding });
    await withTx(ctx, (tx) => audit(tx, { event: 'assets.clearance.passed', objectType: 'person', objectId: personId, detail: { ruleId: 'ASSET-07' } }));
  }
  return { outstanding };
}

// ---------------------------------------------------------------- disposal (ASSET-10, ASSET-11)

export async function submitDisposal(ctx: Ctx, rawForm: unknown, acknowledged: string[] = []): Promise<{ id: string; instanceId: string; warnings: Flagged[] }> {
  return withTx(ctx, async (tx) => {
    await assertKeeper(tx, '资产处置申请', ASSET10);
    const unit = await hubUnit(tx.db);
    const chief = await sectionChiefOf(tx.db, unit, today(tx));
    const leader = await leaderInChargeOfUnit(tx.db, unit, today(tx));
    if (!chief || !leader) throw errors.unprocessable('FLOW_NO_APPROVER', '综合科科长或分管副主任未在组织机构中登记');
    const id = newId('adp');
    const form = { ...(rawForm as Record<string, unknown>), hubChiefId: chief.id, hubLeaderId: leader.id };
    const parsed = DisposalForm.parse(form);
    for (const assetId of parsed.assetIds) await lockAsset(tx, assetId);
    const res = await startFlow(tx, 'assets.disposal', { form, subjectType: 'asset_disposal', subjectId: id, acknowledged });
    const facts = res.facts as { bookValueFen: number; decision: { id: string } | null };
    const decisionId = facts.decision?.id ?? null;
    await tx.db.execute(sql`insert into asset_disposals (id, flow_instance_id, asset_ids, kind, reason, book_value_fen, decision_id, status, created_at)
      values (${id}, ${res.instanceId}, ${JSON.stringify(parsed.assetIds)}::jsonb, ${parsed.kind}, ${parsed.reason}, ${facts.bookValueFen}, ${decisionId}, 'pending', ${tx.clock.now().toISOString()})`);
    await tx.db.execute(sql`update assets set status = 'disposing' where id in (${sql.join(parsed.assetIds.map((a) => sql`${a}`), sql`, `)})`);
    await audit(tx, { event: 'assets.disposal.submit', objectType: 'asset_disposal', objectId: id, detail: { instanceId: res.instanceId, kind: parsed.kind, bookValueFen: facts.bookValueFen, decisionId, warnings: res.warnings.map((w) => w.ruleId) } });
    return { id, instanceId: res.instanceId, warnings: res.warnings };
  });
}

/** ASSET-10: a disposal event without an approved disposal behind it is refused. */
export async function recordDisposalEvent(ctx: Ctx, id: string, input: { type: 'loss' | 'scrap' | 'sale'; approvalRef?: string | null }): Promise<void> {
  const [ok] = input.approvalRef ? await rows(ctx.db, sql`select 1 from asset_disposals d where d.flow_instance_id = ${input.approvalRef} and d.status in ('approved', 'closed') and d.asset_ids ? ${id}`) : [];
  if (!ok) {
    await withTx(ctx, (tx) => audit(tx, { event: 'assets.disposal.refused', objectType: 'asset', objectId: id, outcome: 'denied', detail: { ruleId: 'ASSET-10', type: input.type } }));
    throw block(ASSET10, '未经批准不得擅自处置固定资产：须经固定资产处置审批（综合科科长、分管副主任）');
  }
  // An approved disposal recorded its events when it was approved (flows.ts); nothing more to do.
}

interface DisposalRow { id: string; status: string; proceeds_fen: number | null; remitted_fen: number | null; kind: string }
async function lockDisposal(ctx: Ctx, id: string): Promise<DisposalRow> {
  const [d] = await rows<DisposalRow>(ctx.db, sql`select id, status, proceeds_fen::float8 as proceeds_fen, remitted_fen::float8 as remitted_fen, kind from asset_disposals where id = ${id} for update`);
  if (!d) throw errors.notFound('资产处置');
  return d;
}

/** The residual / sale proceeds received; they can go only to 市财政 (ASSET-11). */
export async function recordProceeds(ctx: Ctx, id: string, input: { proceedsFen: number; target: 'city_finance' | 'office_income' | 'other_use' }): Promise<void> {
  await withTx(ctx, async (tx) => {
    await assertKeeper(tx, '处置收入登记', ASSET11);
    const d = await lockDisposal(tx, id);
    if (d.status !== 'approved') throw block(ASSET10, '资产处置未经批准');
    if (input.target !== 'city_finance') {
      await audit(tx, { event: 'assets.proceeds.refused', objectType: 'asset_disposal', objectId: id, outcome: 'denied', detail: { ruleId: 'ASSET-11', target: input.target, proceedsFen: input.proceedsFen } });
      throw block(ASSET11, '残值变价收入一律上交市财政，严禁作为本单位收入（“小金库”）或挪做他用');
    }
    await tx.db.execute(sql`update asset_disposals set proceeds_fen = ${input.proceedsFen} where id = ${id}`);
    await audit(tx, { event: 'assets.proceeds.record', objectType: 'asset_disposal', objectId: id, detail: { ruleId: 'ASSET-11', proceedsFen: input.proceedsFen } });
  });
}

/** The remittance to 市财政 (E-AST-7). */
export async function remitProceeds(ctx: Ctx, id: string, input: { amountFen: number; remittedOn: string; voucher: string }): Promise<void> {
  await withTx(ctx, async (tx) => {
    await assertFinance(tx);
    const d = await lockDisposal(tx, id);
    if (d.proceeds_fen == null) throw errors.badRequest('请先登记残值变价收入');
    if (input.amountFen !== d.proceeds_fen) throw block(ASSET11, `上交市财政的金额 ${(input.amountFen / 100).toFixed(2)} 元须等于残值变价收入 ${(d.proceeds_fen / 100).toFixed(2)} 元`);
    await tx.db.execute(sql`update asset_disposals set remitted_fen = ${input.amountFen}, remitted_on = ${input.remittedOn}, remittance_voucher = ${input.voucher} where id = ${id}`);
    await audit(tx, { event: 'assets.proceeds.remit', objectType: 'asset_disposal', objectId: id, detail: { ruleId: 'ASSET-11', amountFen: input.amountFen, voucher: input.voucher } });
  });
}

/** Closing a disposal: approved, and the proceeds (if any) remitted in full (ASSET-11). */
export async function closeDisposal(ctx: Ctx, id: string): Promise<void> {
  await withTx(ctx, async (tx) => {
    await assertKeeper(tx, '资产处置办结', ASSET11);
    const d = await lockDisposal(tx, id);
    if (d.status !== 'approved') throw block(ASSET10, '资产处置未经批准，不能办结');
    if (d.kind === 'sale' && d.proceeds_fen == null) throw block(ASSET11, '变卖的资产须登记变价收入并上交市财政后方可办结');
    if ((d.proceeds_fen ?? 0) > 0 && d.remitted_fen !== d.proceeds_fen) throw block(ASSET11, `残值变价收入 ${((d.proceeds_fen ?? 0) / 100).toFixed(2)} 元尚未全额上交市财政，不能办结`);
    await tx.db.execute(sql`update asset_disposals set status = 'closed', closed_at = ${tx.clock.now().toISOString()} where id = ${id}`);
    await audit(tx, { event: 'assets.disposal.close', objectType: 'asset_disposal', objectId: id, detail: { ruleId: 'ASSET-11' } });
  });
}

// ---------------------------------------------------------------- reconciliation and stocktake

/** 对账 (ASSET-03): 账账 and 账卡 computed from the two registrations; 账实 from the physical check. */
export async function reconcile(ctx: Ctx, input: { period: string; physicalMatches: boolean; explanation?: string | null }): Promise<{ id: string; checks: Record<string, unknown>; closed: boolean }> {
  return withTx(ctx, async (tx) => {
    const actor = await assertKeeper(tx, '资产对账', ASSET03);
    if (!/^\d{4}-Q[1-4]$/.test(input.period)) throw errors.badRequest('对账期间格式应为 YYYY-Qn，如 2026-Q4');
    const byUnit = await rows<{ unit: string; ledger: number; account: number; ledgerFen: number; accountFen: number }>(tx.db, sql`select u.name as unit,
        count(*) filter (where a.ledger_registered_at is not null)::int as ledger, count(*) filter (where a.card_registered_at is not null)::int as account,
        coalesce(sum(a.original_value_fen) filter (where a.ledger_registered_at is not null), 0)::float8 as "ledgerFen",
        coalesce(sum(a.original_value_fen) filter (where a.card_registered_at is not null), 0)::float8 as "accountFen"
      from assets a join org_units u on u.id = a.unit_id where a.status <> 'disposed' group by u.name order by u.name`);
    const ledgerVsAccount = byUnit.every((u) => u.ledger === u.account && u.ledgerFen === u.accountFen);
    const [cards] = await rows<{ n: number }>(tx.db, sql`select count(*)::int as n from assets where status <> 'disposed' and (ledger_registered_at is null) <> (card_registered_at is null)`);
    const checks = { ledgerVsAccount, ledgerVsCards: cards.n === 0, ledgerVsPhysical: input.physicalMatches, byUnit };
    const [dup] = await rows(tx.db, sql`select 1 from asset_reconciliations where period = ${input.period}`);
    if (dup) throw errors.conflict(`${input.period} 已对账`);
    const closed = checkReconciliationClose(checks, input.explanation ?? null).every((v) => v.outcome === 'ok');
    const id = newId('arc');
    await tx.db.execute(sql`insert into asset_reconciliations (id, period, done_on, checks, explanation, closed_at, by_person_id, created_at)
      values (${id}, ${input.period}, ${today(tx)}, ${JSON.stringify(checks)}::jsonb, ${input.explanation ?? null}, ${closed ? tx.clock.now().toISOString() : null}, ${actor}, ${tx.clock.now().toISOString()})`);
    await audit(tx, { event: 'assets.reconcile', objectType: 'asset_reconciliation', objectId: id, detail: { ruleId: 'ASSET-03', ledgerVsAccount, ledgerVsCards: checks.ledgerVsCards, ledgerVsPhysical: input.physicalMatches, closed } });
    return { id, checks, closed };
  });
}

/** Close an open reconciliation once the discrepancies are explained (ASSET-03). */
export async function closeReconciliation(ctx: Ctx, id: string, input: { explanation: string }): Promise<void> {
  await withTx(ctx, async (tx) => {
    await assertKeeper(tx, '资产对账', ASSET03);
    const [r] = await rows<{ checks: { ledgerVsAccount: boolean; ledgerVsCards: boolean; ledgerVsPhysical: boolean }; closed_at: string | null }>(tx.db, sql`select checks, closed_at::text from asset_reconciliations where id = ${id} for update`);
    if (!r) throw errors.notFound('对账记录');
    if (r.closed_at) throw errors.conflict('对账已结束');
    enforce(checkReconciliationClose(r.checks, input.explanation));
    await tx.db.execute(sql`update asset_reconciliations set explanation = ${input.explanation}, closed_at = ${tx.clock.now().toISOString()} where id = ${id}`);
    await audit(tx, { event: 'assets.reconcile.close', objectType: 'asset_reconciliation', objectId: id, detail: { ruleId: 'ASSET-03' } });
  });
}

/** 年度盘点 (ASSET-04): once a year. */
export async function stocktake(ctx: Ctx, input: { year: number; discrepancies: { assetNo: string; finding: string }[] }): Promise<{ id: string; counted: number }> {
  return withTx(ctx, async (tx) => {
    const actor = await assertKeeper(tx, '年度盘点', ASSET04);
    if (input.year > Number(today(tx).slice(0, 4))) throw errors.badRequest('不能盘点未来年度');
    const [dup] = await rows(tx.db, sql`select 1 from asset_stocktakes where year = ${input.year}`);
    if (dup) throw errors.conflict(`${input.year} 年度已盘点`);
    const [n] = await rows<{ n: number }>(tx.db, sql`select count(*)::int as n from assets where status <> 'disposed'`);
    const id = newId('ast_tk');
    await tx.db.execute(sql`insert into asset_stocktakes (id, year, done_on, counted, discrepancies, by_person_id, created_at)
      values (${id}, ${input.year}, ${today(tx)}, ${n.n}, ${JSON.stringify(input.discrepancies)}::jsonb, ${actor}, ${tx.clock.now().toISOString()})`);
    await audit(tx, { event: 'assets.stocktake', objectType: 'asset_stocktake', objectId: id, detail: { ruleId: 'ASSET-04', year: input.year, counted: n.n, discrepancies: input.discrepancies.length } });
    return { id, counted: n.n };
  });
}

// ---------------------------------------------------------------- ledgers

export interface AssetView {
  id: string; assetNo: string; name: string; category: string; specModel: string; quantity: number; originalValueFen: number; acquiredOn: string; source: string;
  unitId: string; unitName: string; holderName: string | null; location: string; status: string; ledgerRegistered: boolean; cardNo: string | null; isVehicle: boolean;
}

/** 固定资产台账 by using department (ASSET-01): everyone sees their unit's, 综合科 and supervisors all. */
export async function listAssets(ctx: Ctx, q: { unitId?: string; includeDisposed?: boolean } = {}): Promise<AssetView[]> {
  const actor = requireActor(ctx);
  const where = [q.includeDisposed ? sql`true` : sql`a.status <> 'disposed'`];
  if (q.unitId) where.push(sql`a.unit_id = ${q.unitId}`);
  if (!can(ctx, 'assets.manage') && !can(ctx, 'assets.ledger')) where.push(sql`(a.unit_id in (${sql.join(actor.unitIds.map((u) => sql`${u}`).concat(sql`''`), sql`, `)}) or a.holder_person_id = ${actor.personId ?? ''})`);
  return rows<AssetView>(ctx.db, sql`select a.id, a.asset_no as "assetNo", a.name, a.category, a.spec_model as "specModel", a.quantity, a.original_value_fen::float8 as "originalValueFen",
      a.acquired_on::text as "acquiredOn", a.source, a.unit_id as "unitId", u.name as "unitName", p.name as "holderName", a.location, a.status,
      a.ledger_registered_at is not null as "ledgerRegistered", a.card_no as "cardNo", a.is_vehicle = 'yes' as "isVehicle"
    from assets a join org_units u on u.id = a.unit_id left join people p on p.id = a.holder_person_id
    where ${sql.join(where, sql` and `)} order by u.sort_order, a.asset_no limit 20000`);
}

export async function assetEvents(ctx: Ctx, id: string): Promise<{ type: string; typeLabel: string; onDate: string; actorName: string; fromUnit: string | null; toUnit: string | null; toPerson: string | null; approvalRef: string | null; note: string }[]> {
  const found = await rows<{ type: EventType; onDate: string; actorName: string; fromUnit: string | null; toUnit: string | null; toPerson: string | null; approvalRef: string | null; note: string }>(ctx.db, sql`
    select e.type, e.on_date::text as "onDate", p.name as "actorName", fu.name as "fromUnit", tu.name as "toUnit", tp.name as "toPerson", e.approval_ref as "approvalRef", e.note
    from asset_events e join people p on p.id = e.actor_person_id left join org_units fu on fu.id = e.from_unit_id left join org_units tu on tu.id = e.to_unit_id
      left join people tp on tp.id = e.to_person_id where e.asset_id = ${id} order by e.created_at`);
  return found.map((e) => ({ ...e, typeLabel: EVENT_TYPES[e.type] ?? e.type }));
}

export interface DisposalView {
  id: string; flowInstanceId: string; kind: string; reason: string; bookValueFen: number; status: string; proceedsFen: number | null;
  remittedFen: number | null; remittedOn: string | null; assetCount: number; submittedOn: string;
  decisionId: string | null; decisionTitle: string | null; decidedOn: string | null;
}

export async function listDisposals(ctx: Ctx): Promise<DisposalView[]> {
  return rows(ctx.db, sql`select d.id, d.flow_instance_id as "flowInstanceId", d.kind, d.reason, d.book_value_fen::float8 as "bookValueFen", d.status, d.proceeds_fen::float8 as "proceedsFen",
      d.remitted_fen::float8 as "remittedFen", d.remitted_on::text as "remittedOn", jsonb_array_length(d.asset_ids) as "assetCount", to_char(d.created_at at time zone 'Asia/Shanghai', 'YYYY-MM-DD') as "submittedOn",
      d.decision_id as "decisionId", m.title as "decisionTitle", m.decided_on::text as "decidedOn"
    from asset_disposals d left join meeting_decisions m on m.id = d.decision_id order by d.created_at desc`);
}

export async function listChecks(ctx: Ctx): Promise<{ reconciliations: unknown[]; stocktakes: unknown[] }> {
  return {
    reconciliations: await rows(ctx.db, sql`select id, period, done_on::text as "doneOn", checks, explanation, closed_at is not null as closed from asset_reconciliations order by period desc`),
    stocktakes: await rows(ctx.db, sql`select id, year, done_on::text as "doneOn", counted, discrepancies from asset_stocktakes order by year desc`),
  };
}

// ---------------------------------------------------------------- reminders (ASSET-03, ASSET-04, ASSET-09)

async function remindOnce(db: Db, at: Date, to: string, title: string, body: string, objectType: string, objectId: string): Promise<boolean> {
  const [dup] = await rows(db, sql`select 1 from notifications where recipient_person_id = ${to} and object_type = ${objectType} and object_id = ${objectId} and title = ${title}`);
  if (dup) return false;
  await notify(db, { recipientPersonId: to, kind: 'remind', title, body, objectType, objectId, link: '/assets' }, at);
  return true;
}

/**
 * Reminders, each once: a donated / transferred-in asset registered with only one office after
 * the working days of ASSET-09 (to the office that has not registered it); the annual stocktake
 * from 1 November (ASSET-04); last quarter's reconciliation (ASSET-03).
 */
export async function assetReminders(db: Db, clock: Clock): Promise<number> {
  return withTx(systemCtx(db, clock), async (tx) => {
    const now = clock.now();
    const day = localDate(now);
    let sent = 0;
    const manager = await assetManager(tx.db);
    const financeHeads = (await holdersOfPost(tx.db, 'finance_head', undefined, day)).map((p) => p.id);
    const half = await rows<{ id: string; asset_no: string; name: string; first: string; ledger: boolean }>(tx.db, sql`select id, asset_no, name,
        (coalesce(ledger_registered_at, card_registered_at) at time zone 'Asia/Shanghai')::date::text as first, ledger_registered_at is not null as ledger
      from assets where source <> 'purchase' and status <> 'disposed' and (ledger_registered_at is null) <> (card_registered_at is null)`);
    for (const a of half) {
      const due = await addWorkingDays(tx.db, a.first, ASSET09.param('registrationWorkingDays') as number).catch(() => null);
      if (!due || day <= due) continue;
      const to = a.ledger ? financeHeads : manager ? [manager] : [];
      for (const p of to) if (await remindOnce(tx.db, now, p, `受赠/调入资产 ${a.asset_no} 尚未${a.ledger ? '在财务科' : '在综合科'}登记`, `${a.name}已于 ${a.first} 在一处登记，须及时到财务科和综合科登记（ASSET-09），登记前不得领发使用。`, 'asset', a.id)) sent++;
    }
    const year = Number(day.slice(0, 4));
    const [done] = await rows(tx.db, sql`select 1 from asset_stocktakes where year = ${year}`);
    if (!done && day.slice(5) >= (ASSET04.param('remindFromMonthDay') as string) && manager) {
      if (await remindOnce(tx.db, now, manager, `${year} 年度固定资产盘点`, `机关每年要对固定资产进行一次盘点，请于 ${year}-${ASSET04.param('dueMonthDay')} 前完成（ASSET-04）。`, 'asset_stocktake', String(year))) sent++;
    }
    const q = Math.floor((Number(day.slice(5, 7)) - 1) / 3) + 1;
    const prev = q === 1 ? `${year - 1}-Q4` : `${year}-Q${q - 1}`;
    const [rec] = await rows(tx.db, sql`select 1 from asset_reconciliations where period = ${prev}`);
    const [any] = await rows(tx.db, sql`select 1 from assets limit 1`);
    if (!rec && any) {
      for (const p of [manager, ...financeHeads].filter((x): x is string => Boolean(x))) {
        if (await remindOnce(tx.db, now, p, `请完成 ${prev} 固定资产对账`, '综合科与财务科应定期对账，做到账账相符、账卡相符、账实相符（ASSET-03）。', 'asset_reconciliation', prev)) sent++;
      }
    }
    return sent;
  });
}

import { sql } from 'drizzle-orm';
import { lockNamed } from '../../kernel/db/mutex';
import { z } from 'zod';
import { can, requireActor, systemCtx, withTx, type Ctx } from '../../kernel/context';
import { rows, type Database } from '../../kernel/db';
import { audit } from '../../kernel/audit/write';
import { errors } from '../../kernel/errors';
import { newId } from '../../kernel/ids';
import { startFlow } from '../../kernel/flow';
import { instanceDetail } from '../../kernel/flow/queries';
import { toPrintable } from '../../kernel/flow/print';
import { addWorkingDays, isWorkingDay } from '../../kernel/calendar';
import { leaderInChargeOfUnit } from '../../kernel/org/lookups';
import { notify } from '../../kernel/notify';
import { renderFormPdf } from '../../kernel/render/form-pdf';
import { enforce, type Flagged } from '../../kernel/rules';
import { localDate, type Clock } from '../../kernel/time';
import { findOutgoingDocument } from '../documents/seal-docs';
import { hubChief, hubLeader, isOfficeLeader, personName } from './org';
import { useFormSpec, type StampRecord } from './print';
import type { UseFacts } from './flows';
import {
  CATEGORIES, checkRefusal, checkSealUsable, checkUseRequest, DEFECTS, SEAL01, SEAL05, SEAL06, SEAL07, SEAL08, SEAL09, SEAL10, SEAL11, SEAL12, SEAL13, SEAL14,
  type SealState, type UseCategory,
} from './rules';

/** Commands of the seals area (印章使用管理制度). Each runs in one transaction with its audit record. */
const today = (ctx: Ctx) => localDate(ctx.clock.now());
const nowIso = (ctx: Ctx) => ctx.clock.now().toISOString();
const Title = z.string().trim().min(2, '请填写用印文件名称').max(100, '文件名称不超过100字');
/** Parse a command's input; a bad input is a Chinese 400 naming the field, and nothing changes. */
function parse<T>(schema: z.ZodType<T>, raw: unknown, what: string): T {
  const r = schema.safeParse(raw);
  if (!r.success) {
    const i = r.error.issues[0];
    throw errors.badRequest(`${what}填写有误：${i.path.length ? `${i.path.join('.')} ` : ''}${i.message}`, r.error.issues);
  }
  return r.data;
}
const Day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD');

export interface SealRow { id: string; name: string; kind: string; ownerUnitId: string | null; ownerUnitName: string | null; usageScope: string | null; keeperPersonId: string; keeperName: string;
  tempKeeperName: string | null; status: string; custody: string; stopReason: string | null; stoppedAt: string | null }

export async function listSeals(ctx: Ctx): Promise<SealRow[]> {
  const d = today(ctx);
  return rows<SealRow>(ctx.db, sql`select s.id, s.name, s.kind, s.owner_unit_id as "ownerUnitId", u.name as "ownerUnitName", s.usage_scope as "usageScope",
      s.keeper_person_id as "keeperPersonId", k.name as "keeperName",
      (select p.name from seal_temp_keepers t join people p on p.id = t.person_id where t.seal_id = s.id and t.start_date <= ${d} and t.end_date >= ${d} order by t.created_at desc limit 1) as "tempKeeperName",
      s.status, s.custody, s.stop_reason as "stopReason", s.stopped_at as "stoppedAt"
    from seals s join people k on k.id = s.keeper_person_id left join org_units u on u.id = s.owner_unit_id order by s.created_at`);
}

async function lockSeal(ctx: Ctx, id: string): Promise<SealState & { keeperPersonId: string }> {
  const [s] = await rows<SealState & { keeperPersonId: string }>(ctx.db, sql`select id, name, kind, status, custody, owner_unit_id as "ownerUnitId", usage_scope as "usageScope",
      keeper_person_id as "keeperPersonId" from seals where id = ${id} for update`);
  if (!s) throw errors.notFound('印章');
  return s;
}

/** SEAL-12: the designated keeper, or the stand-in designated for today. */
async function isKeeper(ctx: Ctx, seal: { id: string; keeperPersonId: string }, personId: string): Promise<boolean> {
  if (seal.keeperPersonId === personId) return true;
  const d = today(ctx);
  const [t] = await rows<{ n: number }>(ctx.db, sql`select count(*)::int as n from seal_temp_keepers where seal_id = ${seal.id} and person_id = ${personId} and start_date <= ${d} and end_date >= ${d}`);
  return t.n > 0;
}

async function requireKeeper(ctx: Ctx, seal: { id: string; name: string; keeperPersonId: string }): Promise<string> {
  const me = requireActor(ctx).personId ?? '';
  if (!(await isKeeper(ctx, seal, me))) enforce([SEAL12.block(`只有“${seal.name}”的保管人或经指定的临时代管人可以办理`)]);
  return me;
}

// ---------------------------------------------------------------- the register of seals

export const RegisterSeal = z.strictObject({
  makeInstanceId: z.string().min(1, '请选择已批准的刻制（更换）申请'),
  keeperPersonId: z.string().min(1, '请指定保管人'),
  ownerUnitId: z.string().optional(),
  usageScope: z.string().trim().max(300).optional(),
});

/** SEAL-14: a new seal enters the register only from an approved making request. */
export async function registerSeal(ctx: Ctx, raw: unknown): Promise<{ id: string }> {
  const input = parse(RegisterSeal, raw, '印章登记');
  return withTx(ctx, async (tx) => {
    const [inst] = await rows<{ status: string; definition_key: string; form: { kind: string; name: string; replacesSealId?: string }; applicant_unit_id: string | null }>(tx.db,
      sql`select status, definition_key, form, applicant_unit_id from flow_instances where id = ${input.makeInstanceId} for update`);
    if (!inst || inst.definition_key !== 'seals.make') throw errors.notFound('印章刻制（更换）申请');
    if (inst.status !== 'approved') enforce([SEAL14.block('印章刻制（更换）申请尚未经分管领导签字同意，不得登记新印章')]);
    const [used] = await rows<{ id: string }>(tx.db, sql`select id from seals where make_instance_id = ${input.makeInstanceId}`);
    if (used) throw errors.conflict('该申请已登记过印章');
    if (inst.form.replacesSealId) {
      const old = await lockSeal(tx, inst.form.replacesSealId);
      if (old.status === 'active') enforce([SEAL11.block(`被更换的“${old.name}”须先停用`)]);
    }
    const section = ['section', 'business'].includes(inst.form.kind);
    if (section && !input.usageScope) throw errors.badRequest('科室公章和业务专用章须登记由科室负责人明确的使用范围（SEAL-16）');
    const id = newId('seal');
    await tx.db.execute(sql`insert into seals (id, name, kind, owner_unit_id, usage_scope, keeper_person_id, status, custody, make_instance_id, replaces_seal_id, created_at)
      values (${id}, ${inst.form.name}, ${inst.form.kind}, ${section ? input.ownerUnitId ?? inst.applicant_unit_id : null}, ${input.usageScope ?? null}, ${input.keeperPersonId},
        'active', 'in', ${input.makeInstanceId}, ${inst.form.replacesSealId ?? null}, ${nowIso(tx)})`);
    await audit(tx, { event: 'seals.seal.register', objectType: 'seal', objectId: id, detail: { makeInstanceId: input.makeInstanceId, keeper: input.keeperPersonId } });
    return { id };
  });
}

export const TempKeeper = z.strictObject({ personId: z.string().min(1), startDate: Day, endDate: Day, reason: z.string().trim().min(2, '请填写保管人外出事由').max(200) });

/** SEAL-12: the stand-in for the keeper's absence, designated in advance by the 分管领导 of 综合科 (CONF-126). */
export async function designateTempKeeper(ctx: Ctx, sealId: string, raw: unknown): Promise<{ id: string }> {
  const input = parse(TempKeeper, raw, '临时代管');
  if (input.endDate < input.startDate) throw errors.badRequest('代管结束日期不得早于开始日期');
  return withTx(ctx, async (tx) => {
    const seal = await lockSeal(tx, sealId);
    const leader = await hubLeader(tx.db, today(tx));
    if (requireActor(tx).personId !== leader.id) enforce([SEAL12.block(`临时代管人由相关领导（综合科分管领导${leader.name}）指定`)]);
    if (input.startDate < today(tx)) enforce([SEAL12.block('保管人外出须事前报告并指定代管人，开始日期不得早于今天')]);
    if (input.personId === seal.keeperPersonId) throw errors.badRequest('代管人不能是保管人本人');
    const id = newId('stk');
    await tx.db.execute(sql`insert into seal_temp_keepers (id, seal_id, person_id, start_date, end_date, reason, designated_by, created_at)
      values (${id}, ${sealId}, ${input.personId}, ${input.startDate}, ${input.endDate}, ${input.reason}, ${leader.id}, ${nowIso(tx)})`);
    await audit(tx, { event: 'seals.temp_keeper.designate', objectType: 'seal', objectId: sealId, detail: { tempKeeperId: id, personId: input.personId, startDate: input.startDate, endDate: input.endDate } });
    return { id };
  });
}

/** SEAL-12: every stand-in designation (current, coming and past), for the register page. */
export async function listTempKeepers(ctx: Ctx): Promise<{ id: string; sealName: string; personName: string; startDate: string; endDate: string; reason: string; designatedByName: string; current: boolean }[]> {
  const d = today(ctx);
  return rows(ctx.db, sql`select t.id, s.name as "sealName", p.name as "personName", t.start_date::text as "startDate", t.end_date::text as "endDate", t.reason, l.name as "designatedByName",
      (t.start_date <= ${d} and t.end_date >= ${d}) as current
    from seal_temp_keepers t join seals s on s.id = t.seal_id join people p on p.id = t.person_id join people l on l.id = t.designated_by order by t.start_date desc limit 500`);
}

export const StopSeal = z.strictObject({ reason: z.enum(['renamed', 'damaged']), sealIds: z.array(z.string()).max(100).optional() });
export const STOP_REASON: Record<string, string> = { renamed: '单位名称变动', damaged: '使用损坏', lost: '遗失', stolen: '被盗' };

/**
 * SEAL-11: stopping on renaming or damage, approved by the 分管领导 of 综合科 (CONF-126). A name
 * change stops every seal in use (reading of SEAL-11: all seals bear the old name).
 */
export async function stopSeals(ctx: Ctx, raw: unknown): Promise<{ stopped: string[] }> {
  const input = parse(StopSeal, raw, '停用印章');
  return withTx(ctx, async (tx) => {
    const leader = await hubLeader(tx.db, today(tx));
    if (requireActor(tx).personId !== leader.id) enforce([SEAL11.block(`停止使用印章须经批准（综合科分管领导${leader.name}）`)]);
    let ids = input.sealIds ?? [];
    if (input.reason === 'renamed' && ids.length === 0) ids = (await rows<{ id: string }>(tx.db, sql`select id from seals where status = 'active' order by id`)).map((r) => r.id);
    if (ids.length === 0) throw errors.badRequest('请选择要停用的印章');
    for (const id of ids) {
      const s = await lockSeal(tx, id);
      if (s.status !== 'active') throw errors.conflict(`“${s.name}”已不在用`);
      await tx.db.execute(sql`update seals set status = 'stopped', stop_reason = ${input.reason}, stopped_at = ${nowIso(tx)}, stopped_by = ${leader.id} where id = ${id}`);
      await audit(tx, { event: 'seals.seal.stop', objectType: 'seal', objectId: id, detail: { reason: input.reason, ruleId: 'SEAL-11' } });
    }
    return { stopped: ids };
  });
}

export const ReportLoss = z.strictObject({ discoveredOn: Day, theft: z.boolean().default(false) });

/** SEAL-13 + SEAL-11: a lost or stolen seal is stopped at once and a loss case opened. */
export async function reportLoss(ctx: Ctx, sealId: string, raw: unknown): Promise<{ caseId: string }> {
  const input = parse(ReportLoss, raw, '遗失报告');
  if (input.discoveredOn > today(ctx)) throw errors.badRequest('发现日期不得晚于今天');
  return withTx(ctx, async (tx) => {
    const s = await lockSeal(tx, sealId);
    if (s.status === 'sealed_up' || s.status === 'destroyed') throw errors.conflict(`“${s.name}”已${s.status === 'sealed_up' ? '封存' : '销毁'}`);
    const me = requireActor(tx).personId!;
    const reason = input.theft ? 'stolen' : 'lost';
    await tx.db.execute(sql`update seals set status = 'stopped', stop_reason = ${reason}, stopped_at = coalesce(stopped_at, ${nowIso(tx)}::timestamptz), stopped_by = coalesce(stopped_by, ${me}) where id = ${sealId}`);
    const caseId = newId('sloss');
    await tx.db.execute(sql`insert into seal_loss_cases (id, seal_id, discovered_on, theft, created_by, created_at) values (${caseId}, ${sealId}, ${input.discoveredOn}, ${input.theft}, ${me}, ${nowIso(tx)})`)
      .catch(() => { throw errors.conflict(`“${s.name}”已有未结的遗失案件`); });
    await audit(tx, { event: 'seals.seal.loss', objectType: 'seal', objectId: sealId, detail: { caseId, theft: input.theft, discoveredOn: input.discoveredOn, ruleIds: ['SEAL-11', 'SEAL-13'] } });
    return { caseId };
  });
}

export const LossStep = z.strictObject({
  reportedToPersonId: z.string().optional(),
  voidDeclarationRef: z.string().trim().min(2).max(200).optional(),
  filingRef: z.string().trim().min(2).max(200).optional(),
});

/** SEAL-13: the report to an 办领导, the void declaration and the filing; the case closes when all three exist. */
export async function recordLossStep(ctx: Ctx, caseId: string, raw: unknown): Promise<{ closed: boolean }> {
  const input = parse(LossStep, raw, '遗失案件');
  return withTx(ctx, async (tx) => {
    const [c] = await rows<{ id: string; seal_id: string; reported_at: string | null; void_declared_at: string | null; filed_at: string | null; closed_at: string | null }>(tx.db,
      sql`select id, seal_id, reported_at, void_declared_at, filed_at, closed_at from seal_loss_cases where id = ${caseId} for update`);
    if (!c) throw errors.notFound('印章遗失案件');
    if (c.closed_at) throw errors.conflict('该遗失案件已办结');
    const now = nowIso(tx);
    if (input.reportedToPersonId) {
      if (!(await isOfficeLeader(tx.db, input.reportedToPersonId, today(tx)))) enforce([SEAL13.block('印章丢失须报告办领导，所选人员不是办领导')]);
      await tx.db.execute(sql`update seal_loss_cases set reported_to_person_id = ${input.reportedToPersonId}, reported_at = ${now} where id = ${caseId}`);
    }
    if (input.voidDeclarationRef) await tx.db.execute(sql`update seal_loss_cases set void_declaration_ref = ${input.voidDeclarationRef}, void_declared_at = ${now} where id = ${caseId}`);
    if (input.filingRef) await tx.db.execute(sql`update seal_loss_cases set filing_ref = ${input.filingRef}, filed_at = ${now} where id = ${caseId}`);
    const [done] = await rows<{ ok: boolean }>(tx.db, sql`select (reported_at is not null and void_declared_at is not null and filed_at is not null) as ok from seal_loss_cases where id = ${caseId}`);
    if (done.ok) await tx.db.execute(sql`update seal_loss_cases set closed_at = ${now} where id = ${caseId}`);
    await audit(tx, { event: 'seals.loss.step', objectType: 'seal_loss_case', objectId: caseId, detail: { ...input, closed: done.ok } });
    return { closed: done.ok };
  });
}

export const Dispose = z.strictObject({ disposal: z.enum(['sealed_up', 'destroyed'], { error: '停用的印章只能由综合科统一封存或送相关部门销毁，不得私自处理' }) });

/** SEAL-11: a stopped seal is sealed up by 综合科 or sent for destruction; nothing else. */
export async function disposeSeal(ctx: Ctx, sealId: string, raw: unknown): Promise<void> {
  const input = parse(Dispose, raw, '印章处置');
  await withTx(ctx, async (tx) => {
    const s = await lockSeal(tx, sealId);
    if (s.status !== 'stopped') enforce([SEAL11.block(`只有经批准停止使用的印章才能封存或销毁，“${s.name}”当前不是停用状态`)]);
    const [open] = await rows<{ n: number }>(tx.db, sql`select count(*)::int as n from seal_loss_cases where seal_id = ${sealId} and closed_at is null`);
    if (open.n > 0) enforce([SEAL13.block('遗失案件尚未办结（报告办领导、遗失声明、报有关部门备案），不能处置')]);
    await tx.db.execute(sql`update seals set status = ${input.disposal}, disposed_at = ${nowIso(tx)} where id = ${sealId}`);
    await audit(tx, { event: 'seals.seal.dispose', objectType: 'seal', objectId: sealId, detail: { disposal: input.disposal } });
  });
}

// ---------------------------------------------------------------- use requests (用印登记簿)

export const UseRequest = z.strictObject({
  sealId: z.string().min(1, '请选择印章'),
  category: z.enum(CATEGORIES as [UseCategory, ...UseCategory[]], { error: '请选择材料类别' }),
  documentTitle: Title,
  copies: z.number().int().min(1, '份数至少为1').max(1000),
  blankPage: z.boolean().default(false),
  blankApplication: z.string().trim().max(500).optional(),
  signedByPersonId: z.string().optional(),
  signedEvidence: z.string().trim().max(200).optional(),
  reviewedOk: z.boolean().optional(),
  scopeConfirmed: z.boolean().optional(),
  emergency: z.strictObject({ reason: z.string().trim().max(300), consentLeaderId: z.string().min(1, '请选择同意先行用章的分管领导') }).optional(),
  /** The 公文 this use is for (id or 发文字号); must exist (checked in requestUse). */
  documentRef: z.string().trim().max(100, '对应公文的发文字号不超过100字').optional(),
});

/**
 * The 公文 a use request names (SEAL-01, DOC-20: the 公文's 用印 step takes the entry registered for
 * it). An unknown reference is a 400 and nothing is saved; a known one is stored as the document's
 * id, so that the seal step finds it however the 发文字号 was typed.
 */
async function documentIdOf(ctx: Ctx, ref: string): Promise<string> {
  const doc = await findOutgoingDocument(ctx.db, ref);
  if (!doc) throw errors.badRequest(`用印登记填写有误：对应公文“${ref}”不存在，请选择发文登记簿中已有的公文（发文字号或公文编号）`);
  return doc.id;
}

export async function requestUse(ctx: Ctx, raw: unknown, acknowledged: string[] = []): Promise<{ id: string; entryNo: string; instanceId: string | null; status: string; warnings: Flagged[] }> {
  const parsed = UseRequest.safeParse(raw);
  if (!parsed.success) throw errors.badRequest(`用印登记填写有误：${parsed.error.issues[0].message}`, parsed.error.issues);
  const input = parsed.data;
  return withTx(ctx, async (tx) => {
    const me = requireActor(tx);
    const d = today(tx);
    const [seal] = await rows<SealState>(tx.db, sql`select id, name, kind, status, custody, owner_unit_id as "ownerUnitId", usage_scope as "usageScope" from seals where id = ${input.sealId}`);
    if (!seal) throw errors.notFound('印章');
    const documentRef = input.documentRef ? await documentIdOf(tx, input.documentRef) : null;
    const [p] = await rows<{ unit_id: string | null }>(tx.db, sql`select unit_id from people where id = ${me.personId ?? ''}`);
    const unitId = p?.unit_id ?? null;
    const consentLeader = input.emergency && unitId ? await leaderInChargeOfUnit(tx.db, unitId, d) : null;
    const warnings = enforce(checkUseRequest(seal, {
      category: input.category, blankPage: input.blankPage, blankApplication: input.blankApplication,
      signedByIsLeader: input.signedByPersonId ? await isOfficeLeader(tx.db, input.signedByPersonId, d) : false,
      signedEvidence: input.signedEvidence, reviewedOk: input.reviewedOk, applicantUnitId: unitId, scopeConfirmed: input.scopeConfirmed,
      emergency: input.emergency ? { reason: input.emergency.reason, consentIsLeaderInCharge: !!consentLeader && consentLeader.id === input.emergency.consentLeaderId, sealKind: seal.kind } : null,
    }), acknowledged);
    const year = Number(d.slice(0, 4));
    await lockNamed(tx.db, `seal_uses:${year}`);
    const [n] = await rows<{ seq: number }>(tx.db, sql`select coalesce(max(seq), 0)::int + 1 as seq from seal_uses where year = ${year}`);
    const id = newId('suse');
    const status = input.category === 'signed' ? 'approved' : input.emergency ? 'emergency' : 'pending';
    await tx.db.execute(sql`insert into seal_uses (id, year, seq, seal_id, applicant_person_id, unit_id, category, document_title, copies, blank_page, blank_application,
        signed_by_person_id, signed_evidence, emergency_reason, emergency_consent_by, document_ref, status, created_at)
      values (${id}, ${year}, ${n.seq}, ${seal.id}, ${me.personId}, ${unitId}, ${input.category}, ${input.documentTitle}, ${input.copies}, ${input.blankPage}, ${input.blankApplication ?? null},
        ${input.category === 'signed' ? input.signedByPersonId ?? null : null}, ${input.category === 'signed' ? input.signedEvidence ?? null : null},
        ${input.emergency?.reason ?? null}, ${input.emergency?.consentLeaderId ?? null}, ${documentRef}, ${status}, ${nowIso(tx)})`);
    let instanceId: string | null = null;
    if (input.category !== 'signed') {
      const hubChiefId = input.category === 'personal' ? (await hubChief(tx.db, d)).id : undefined;
      const res = await startFlow(tx, 'seals.use', { form: { useId: id, hubChiefId }, subjectType: 'seal_use', subjectId: id });
      instanceId = res.instanceId;
      await tx.db.execute(sql`update seal_uses set flow_instance_id = ${instanceId} where id = ${id}`);
    }
    await audit(tx, { event: 'seals.use.request', objectType: 'seal_use', objectId: id, detail: { sealId: seal.id, category: input.category, blankPage: input.blankPage, emergency: !!input.emergency, instanceId,
      ...(warnings.length ? { acknowledgedWarnings: warnings.map((w) => w.ruleId) } : {}) } });
    return { id, entryNo: `${year}年第${n.seq}号`, instanceId, status, warnings };
  });
}

interface UseLock { id: string; seal_id: string; status: string; blank_page: boolean; emergency_reason: string | null; paperwork_done_at: string | null; flow_instance_id: string | null; applicant_person_id: string }
async function lockUse(ctx: Ctx, id: string): Promise<UseLock> {
  const [u] = await rows<UseLock>(ctx.db, sql`select id, seal_id, status, blank_page, emergency_reason, paperwork_done_at, flow_instance_id, applicant_person_id from seal_uses where id = ${id} for update`);
  if (!u) throw errors.notFound('用印登记');
  return u;
}

/** The keeper's refusal names why the entry is not compliant (SEAL-08). */
function notCompliant(status: string): string {
  if (status === 'rejected') return '该用印申请审批未获同意，印章管理人员不予用章';
  if (status === 'withdrawn') return '该用印申请已由申请人撤回，印章管理人员不予用章';
  return '该用印申请不符合用印规定，印章管理人员不予用章';
}

export const Stamp = z.strictObject({ blankPages: z.boolean({ error: '请确认用印页面是否为空白页面' }), stampCount: z.number().int().min(1).max(10_000) });

/**
 * The keeper records the stamping (SEAL-01, SEAL-08): only on an approved entry (or an
 * emergency entry, SEAL-09), with a seal in use and in 综合科, by its keeper or stand-in, and
 * never on a blank page the principal leader did not approve (SEAL-06).
 */
export async function stampUse(ctx: Ctx, useId: string, raw: unknown): Promise<{ status: string; paperworkDue: string | null }> {
  const input = parse(Stamp, raw, '用印登记');
  return withTx(ctx, async (tx) => {
    const u = await lockUse(tx, useId);
    const seal = await lockSeal(tx, u.seal_id);
    await requireKeeper(tx, seal);
    if (u.status === 'stamped') throw errors.conflict('该登记已用印');
    if (u.status === 'refused') enforce([SEAL05.block('该用印申请已因行文不规范被拒绝，不得用印')]);
    if (u.status === 'pending') enforce([SEAL01.block('该用印申请尚未审批完毕，“先审批，后用印”')]);
    // SEAL-08: whatever else is not a compliant entry (approval refused, request withdrawn) is not stamped.
    if (u.status !== 'approved' && u.status !== 'emergency') enforce([SEAL08.block(notCompliant(u.status))]);
    enforce([checkSealUsable(seal)]);
    if (seal.custody !== 'in') enforce([SEAL07.block(`“${seal.name}”已带出，印章应在综合科使用`)]);
    if (input.blankPages && !u.blank_page) enforce([SEAL06.block('印章一律不得在空白页面上使用；本申请未经主要领导书面同意在空白页面用印')]);
    const d = today(tx);
    const paperworkDue = u.emergency_reason && !u.paperwork_done_at ? await addWorkingDays(tx.db, d, SEAL09.param('paperworkWorkingDays')) : null;
    await tx.db.execute(sql`update seal_uses set status = 'stamped', stamped_by = ${requireActor(tx).personId}, stamped_at = ${nowIso(tx)}, stamp_count = ${input.stampCount},
        paperwork_due = ${paperworkDue} where id = ${useId}`);
    await audit(tx, { event: 'seals.use.stamp', objectType: 'seal_use', objectId: useId, detail: { sealId: seal.id, stampCount: input.stampCount, emergency: !!u.emergency_reason, paperworkDue } });
    return { status: 'stamped', paperworkDue };
  });
}

export const Refuse = z.strictObject({ defects: z.array(z.string()).max(4), note: z.string().trim().max(300).optional() });

/** SEAL-05: the keeper refuses a badly written document; the refusal and its reasons are recorded. */
export async function refuseUse(ctx: Ctx, useId: string, raw: unknown): Promise<void> {
  const input = parse(Refuse, raw, '拒绝用印');
  await withTx(ctx, async (tx) => {
    const u = await lockUse(tx, useId);
    const seal = await lockSeal(tx, u.seal_id);
    await requireKeeper(tx, seal);
    enforce([checkRefusal(input.defects)]);
    if (!['approved', 'pending', 'emergency'].includes(u.status)) throw errors.conflict('该登记已办结，不能再拒绝');
    await tx.db.execute(sql`update seal_uses set status = 'refused', refused_by = ${requireActor(tx).personId}, refused_at = ${nowIso(tx)},
        refusal_defects = ${JSON.stringify(input.defects)}::jsonb, refusal_note = ${input.note ?? null} where id = ${useId}`);
    await audit(tx, { event: 'seals.use.refuse', objectType: 'seal_use', objectId: useId, detail: { defects: input.defects.map((d) => DEFECTS[d as keyof typeof DEFECTS]), note: input.note ?? null, ruleId: 'SEAL-05' } });
  });
}

export const Violation = z.strictObject({ sealId: z.string().min(1), personId: z.string().min(1), description: z.string().trim().min(4, '请写明违规用印的情况').max(500) });

/** SEAL-10: a stamping found without approval is recorded against the person responsible. */
export async function recordViolation(ctx: Ctx, raw: unknown): Promise<{ id: string }> {
  const input = parse(Violation, raw, '违规用印登记');
  return withTx(ctx, async (tx) => {
    await lockSeal(tx, input.sealId);
    await personName(tx.db, input.personId);
    const id = newId('sviol');
    await tx.db.execute(sql`insert into seal_violations (id, seal_id, person_id, description, recorded_by, created_at)
      values (${id}, ${input.sealId}, ${input.personId}, ${input.description}, ${requireActor(tx).personId}, ${nowIso(tx)})`);
    await audit(tx, { event: 'seals.violation.record', objectType: 'seal', objectId: input.sealId, detail: { violationId: id, personId: input.personId, ruleId: SEAL10.id } });
    return { id };
  });
}

// ---------------------------------------------------------------- take-outs (SEAL-07)

export const TakeoutRequest = z.strictObject({ sealId: z.string().min(1), purpose: z.string().trim().min(2, '请填写带出事由').max(200), dueBack: Day });

export async function requestTakeout(ctx: Ctx, raw: unknown): Promise<{ id: string; instanceId: string }> {
  const input = parse(TakeoutRequest, raw, '印章带出申请');
  return withTx(ctx, async (tx) => {
    const d = today(tx);
    if (input.dueBack < d) throw errors.badRequest('交回日期不得早于今天');
    const seal = await lockSeal(tx, input.sealId);
    enforce([checkSealUsable(seal)]);
    const id = newId('sout');
    const me = requireActor(tx).personId!;
    // The flow's hook reads the take-out row; the instance id is filled in after it starts.
    await tx.db.execute(sql`insert into seal_takeouts (id, seal_id, borrower_person_id, purpose, due_back, flow_instance_id, status, created_at)
      values (${id}, ${seal.id}, ${me}, ${input.purpose}, ${input.dueBack}, ${'pending:' + id}, 'pending', ${nowIso(tx)})`);
    const res = await startFlow(tx, 'seals.takeout', { form: { takeoutId: id, hubChiefId: (await hubChief(tx.db, d)).id }, subjectType: 'seal_takeout', subjectId: id });
    await tx.db.execute(sql`update seal_takeouts set flow_instance_id = ${res.instanceId} where id = ${id}`);
    await audit(tx, { event: 'seals.takeout.request', objectType: 'seal_takeout', objectId: id, detail: { sealId: seal.id, purpose: input.purpose, dueBack: input.dueBack, instanceId: res.instanceId } });
    return { id, instanceId: res.instanceId };
  });
}

/** The keeper hands the seal out only on a take-out the 综合科负责人 signed (SEAL-07). */
export async function handOutSeal(ctx: Ctx, takeoutId: string): Promise<void> {
  await withTx(ctx, async (tx) => {
    const [t] = await rows<{ seal_id: string; status: string }>(tx.db, sql`select seal_id, status from seal_takeouts where id = ${takeoutId} for update`);
    if (!t) throw errors.notFound('印章带出申请');
    const seal = await lockSeal(tx, t.seal_id);
    await requireKeeper(tx, seal);
    if (t.status !== 'approved') enforce([SEAL07.block('印章带出须经综合科负责人签字同意，该申请尚未获同意')]);
    enforce([checkSealUsable(seal)]);
    if (seal.custody !== 'in') throw errors.conflict(`“${seal.name}”已带出，尚未交回`);
    await tx.db.execute(sql`update seal_takeouts set status = 'out', out_at = ${nowIso(tx)}, handled_by = ${requireActor(tx).personId} where id = ${takeoutId}`);
    await tx.db.execute(sql`update seals set custody = 'out' where id = ${seal.id}`);
    await audit(tx, { event: 'seals.takeout.out', objectType: 'seal_takeout', objectId: takeoutId, detail: { sealId: seal.id } });
  });
}

export async function returnSeal(ctx: Ctx, takeoutId: string): Promise<void> {
  await withTx(ctx, async (tx) => {
    const [t] = await rows<{ seal_id: string; status: string }>(tx.db, sql`select seal_id, status from seal_takeouts where id = ${takeoutId} for update`);
    if (!t) throw errors.notFound('印章带出申请');
    const seal = await lockSeal(tx, t.seal_id);
    await requireKeeper(tx, seal);
    if (t.status !== 'out') throw errors.conflict('该印章未处于带出状态');
    await tx.db.execute(sql`update seal_takeouts set status = 'returned', returned_at = ${nowIso(tx)} where id = ${takeoutId}`);
    await tx.db.execute(sql`update seals set custody = 'in' where id = ${seal.id}`);
    await audit(tx, { event: 'seals.takeout.return', objectType: 'seal_takeout', objectId: takeoutId, detail: { sealId: seal.id } });
  });
}

// ---------------------------------------------------------------- queries

export interface UseRow {
  id: string; entryNo: string; year: number; seq: number; sealId: string; sealName: string; applicantPersonId: string; applicantName: string; unitName: string | null; category: UseCategory;
  documentTitle: string; copies: number; blankPage: boolean; status: string; flowInstanceId: string | null; signedByName: string | null; signedEvidence: string | null;
  emergencyReason: string | null; emergencyConsentName: string | null; paperworkDue: string | null; paperworkDoneAt: string | null; stampedByName: string | null; stampedAt: string | null; stampCount: number | null;
  refusedByName: string | null; refusedAt: string | null; refusalDefects: string[] | null; refusalNote: string | null; documentRef: string | null; createdAt: string;
  blankApplication: string | null;
}

const USE_SELECT = sql`select u.id, u.year || '年第' || u.seq || '号' as "entryNo", u.year, u.seq, u.seal_id as "sealId", s.name as "sealName", u.applicant_person_id as "applicantPersonId",
    a.name as "applicantName", o.name as "unitName", u.category, u.document_title as "documentTitle", u.copies, u.blank_page as "blankPage", u.status, u.flow_instance_id as "flowInstanceId",
    sb.name as "signedByName", u.signed_evidence as "signedEvidence", u.emergency_reason as "emergencyReason", ec.name as "emergencyConsentName", u.paperwork_due::text as "paperworkDue",
    u.paperwork_done_at as "paperworkDoneAt", st.name as "stampedByName", u.stamped_at as "stampedAt", u.stamp_count as "stampCount", rf.name as "refusedByName", u.refused_at as "refusedAt",
    u.refusal_defects as "refusalDefects", u.refusal_note as "refusalNote", u.document_ref as "documentRef", u.created_at as "createdAt", u.blank_application as "blankApplication"
  from seal_uses u join seals s on s.id = u.seal_id join people a on a.id = u.applicant_person_id left join org_units o on o.id = u.unit_id
  left join people sb on sb.id = u.signed_by_person_id left join people ec on ec.id = u.emergency_consent_by left join people st on st.id = u.stamped_by left join people rf on rf.id = u.refused_by`;

const iso = (v: unknown) => (v == null ? null : v instanceof Date ? v.toISOString() : new Date(String(v)).toISOString());
const normal = (r: UseRow): UseRow => ({ ...r, stampedAt: iso(r.stampedAt), refusedAt: iso(r.refusedAt), paperworkDoneAt: iso(r.paperworkDoneAt), createdAt: iso(r.createdAt)! });

/** The 用印登记簿 (all entries, for the keepers and supervisors) or one's own entries. */
export async function listUses(ctx: Ctx, q: { scope: 'mine' | 'all' | 'keeper'; year?: number; status?: string }): Promise<UseRow[]> {
  const me = requireActor(ctx);
  const where = [q.scope === 'all' && can(ctx, 'seals.ledger') ? sql`true` : q.scope === 'keeper' && can(ctx, 'seals.keep') ? sql`true` : sql`u.applicant_person_id = ${me.personId ?? ''}`];
  if (q.year) where.push(sql`u.year = ${q.year}`);
  if (q.status) where.push(sql`u.status = ${q.status}`);
  return (await rows<UseRow>(ctx.db, sql`${USE_SELECT} where ${sql.join(where, sql` and `)} order by u.year desc, u.seq desc limit 2000`)).map(normal);
}

async function useRow(ctx: Ctx, id: string): Promise<UseRow> {
  // By id, or by the entry number the 用印登记簿 prints (e.g. 2026年第3号).
  const [r] = await rows<UseRow>(ctx.db, sql`${USE_SELECT} where u.id = ${id} or (u.year || '年第' || u.seq || '号') = ${id} limit 1`);
  if (!r) throw errors.notFound('用印登记');
  return normal(r);
}

/** One entry, for its applicant, the keepers and the supervisors. */
export async function useDetail(ctx: Ctx, id: string): Promise<UseRow> {
  const r = await useRow(ctx, id);
  if (r.applicantPersonId !== requireActor(ctx).personId && !can(ctx, 'seals.ledger') && !can(ctx, 'seals.keep')) throw errors.forbidden('您无权查看该用印登记');
  return r;
}

export interface SealUseLink { id: string; entryNo: string; sealId: string; sealName: string; status: string; documentTitle: string; documentRef: string | null; copies: number;
  stampedAt: string | null; stampedByName: string | null; stampCount: number | null; flowInstanceId: string | null }
const link = (r: UseRow): SealUseLink => {
  const n = normal(r);
  return { id: n.id, entryNo: n.entryNo, sealId: n.sealId, sealName: n.sealName, status: n.status, documentTitle: n.documentTitle, documentRef: n.documentRef, copies: n.copies,
    stampedAt: n.stampedAt, stampedByName: n.stampedByName, stampCount: n.stampCount, flowInstanceId: n.flowInstanceId };
};

/**
 * For the outgoing-documents area: the stamping record behind a seal-use request id (the
 * 公文 links its 用印 to it), or null. Reads only; the caller has its own permission check.
 * With `lock` the entry's row is locked for the caller's transaction, so that two documents
 * cannot both take the same entry.
 */
export async function getSealUse(ctx: Ctx, id: string, opts: { lock?: boolean } = {}): Promise<SealUseLink | null> {
  // By id, or by the entry number the 用印登记簿 prints (e.g. 2026年第3号).
  const [r] = await rows<UseRow>(ctx.db, sql`${USE_SELECT} where u.id = ${id} or (u.year || '年第' || u.seq || '号') = ${id} limit 1 ${opts.lock ? sql`for update of u` : sql``}`);
  return r ? link(r) : null;
}

/** For the outgoing-documents area: entries approved, in emergency use or stamped, registered since `fromYear`. */
export async function usableSealUses(ctx: Ctx, fromYear: number): Promise<SealUseLink[]> {
  return (await rows<UseRow>(ctx.db, sql`${USE_SELECT} where u.status in ('approved', 'emergency', 'stamped') and u.year >= ${fromYear} order by u.year desc, u.seq desc limit 2000`)).map(link);
}

/** 用印审批单 as PDF: the entry, its approvals in order, and the keeper's stamping or refusal; audited. */
export async function printUse(ctx: Ctx, id: string): Promise<{ pdf: Buffer; fileName: string }> {
  const r = await useDetail(ctx, id);
  // useDetail has authorised the reader for this entry, and so for the approvals behind it.
  const detail = r.flowInstanceId ? toPrintable(await instanceDetail({ ...ctx, actor: { ...requireActor(ctx), scope: 'all' } }, r.flowInstanceId)) : null;
  const [s] = await rows<{ kind: string }>(ctx.db, sql`select kind from seals where id = ${r.sealId}`);
  const facts: UseFacts = { useId: r.id, entryNo: r.entryNo, sealName: r.sealName, sealKind: s.kind as UseFacts['sealKind'], category: r.category, documentTitle: r.documentTitle, copies: r.copies,
    blankPage: r.blankPage, blankApplication: r.blankApplication, emergency: !!r.emergencyReason, emergencyReason: r.emergencyReason, applicantIsChief: false };
  const rec: StampRecord = { status: r.status, stampedBy: r.stampedByName, stampedAt: r.stampedAt, stampCount: r.stampCount, refusedBy: r.refusedByName, refusedAt: r.refusedAt, refusalDefects: r.refusalDefects,
    refusalNote: r.refusalNote, signedBy: r.signedByName, signedEvidence: r.signedEvidence, emergencyConsentBy: r.emergencyConsentName, paperworkDue: r.paperworkDue, applicantName: r.applicantName, unitName: r.unitName, createdAt: r.createdAt };
  const pdf = await renderFormPdf(useFormSpec(facts, detail, rec));
  await audit(ctx, { event: 'seals.use.print', objectType: 'seal_use', objectId: id });
  return { pdf, fileName: `用印审批单-${r.entryNo}.pdf` };
}

/** SEAL-09 report: emergency uses whose paperwork is not complete. */
export async function openEmergencies(ctx: Ctx): Promise<UseRow[]> {
  return (await rows<UseRow>(ctx.db, sql`${USE_SELECT} where u.emergency_reason is not null and u.paperwork_done_at is null and u.status in ('emergency', 'stamped') order by u.created_at`)).map(normal);
}

export async function listTakeouts(ctx: Ctx): Promise<{ id: string; sealName: string; borrowerName: string; purpose: string; dueBack: string; status: string; flowInstanceId: string; overdue: boolean }[]> {
  const me = requireActor(ctx);
  const where = can(ctx, 'seals.keep') || can(ctx, 'seals.ledger') ? sql`true` : sql`t.borrower_person_id = ${me.personId ?? ''}`;
  return rows(ctx.db, sql`select t.id, s.name as "sealName", p.name as "borrowerName", t.purpose, t.due_back::text as "dueBack", t.status, t.flow_instance_id as "flowInstanceId",
      (t.status = 'out' and t.due_back < ${today(ctx)}) as overdue
    from seal_takeouts t join seals s on s.id = t.seal_id join people p on p.id = t.borrower_person_id where ${where} order by t.created_at desc limit 500`);
}

export async function listLossCases(ctx: Ctx): Promise<{ id: string; sealName: string; discoveredOn: string; theft: boolean; reportedToName: string | null; voidDeclarationRef: string | null; filingRef: string | null; closedAt: string | null }[]> {
  return rows(ctx.db, sql`select c.id, s.name as "sealName", c.discovered_on::text as "discoveredOn", c.theft, p.name as "reportedToName", c.void_declaration_ref as "voidDeclarationRef",
      c.filing_ref as "filingRef", c.closed_at::text as "closedAt" from seal_loss_cases c join seals s on s.id = c.seal_id left join people p on p.id = c.reported_to_person_id order by c.created_at desc`);
}

export async function listViolations(ctx: Ctx): Promise<{ id: string; sealName: string; personName: string; description: string; createdAt: string }[]> {
  return rows(ctx.db, sql`select v.id, s.name as "sealName", p.name as "personName", v.description, v.created_at::text as "createdAt"
    from seal_violations v join seals s on s.id = v.seal_id join people p on p.id = v.person_id order by v.created_at desc`);
}

/** The 办领导 on duty today (for the signed-by and emergency-consent pickers). */
export async function officeLeaders(ctx: Ctx): Promise<{ id: string; name: string }[]> {
  const d = today(ctx);
  return rows(ctx.db, sql`select distinct p.id, p.name from post_holdings h join posts t on t.code = h.post_code join people p on p.id = h.person_id
    where t.category = 'leader' and h.start_date <= ${d} and (h.end_date is null or h.end_date >= ${d}) and p.active order by p.id`);
}

// ---------------------------------------------------------------- reminders (job)

/**
 * SEAL-09 and SEAL-07 reminders, a background job: on each working day, the applicant and the
 * keeper of an emergency use whose paperwork is outstanding are reminded (overdue after the
 * deadline), and an overdue take-out is chased with the borrower and the keeper. Once a day
 * per object: the row is locked (SKIP LOCKED) and today's notice looked up first.
 */
export async function remindSeals(database: Database, clock: Clock): Promise<number> {
  const ctx = systemCtx(database.db, clock);
  const d = localDate(clock.now());
  const day = await isWorkingDay(ctx.db, d).catch(() => null);
  if (!day?.workingDay) return 0;
  const dayStart = `${d}T00:00:00+08:00`;
  let sent = 0;
  const emergencies = await rows<{ id: string; applicant_person_id: string; keeper_person_id: string; paperwork_due: string | null; title: string; seal: string }>(ctx.db,
    sql`select u.id, u.applicant_person_id, s.keeper_person_id, u.paperwork_due::text, u.document_title as title, s.name as seal from seal_uses u join seals s on s.id = u.seal_id
        where u.emergency_reason is not null and u.paperwork_done_at is null and u.status = 'stamped'`);
  for (const e of emergencies) {
    sent += await once(ctx, 'seal_use', e.id, 'seal_uses', dayStart, async (tx) => {
      const overdue = !!e.paperwork_due && e.paperwork_due < d;
      for (const r of new Set([e.applicant_person_id, e.keeper_person_id])) {
        await notify(tx.db, { recipientPersonId: r, kind: overdue ? 'overdue' : 'remind', title: `紧急用印“${e.title}”须补办审批手续`, body: `${e.seal}已先行用章，补办期限${e.paperwork_due ?? ''}${overdue ? '，已逾期' : ''}（SEAL-09）`, link: '/seals', objectType: 'seal_use', objectId: e.id }, clock.now());
      }
    });
  }
  const outs = await rows<{ id: string; borrower_person_id: string; keeper_person_id: string; due_back: string; seal: string }>(ctx.db,
    sql`select t.id, t.borrower_person_id, s.keeper_person_id, t.due_back::text, s.name as seal from seal_takeouts t join seals s on s.id = t.seal_id where t.status = 'out' and t.due_back < ${d}`);
  for (const o of outs) {
    sent += await once(ctx, 'seal_takeout', o.id, 'seal_takeouts', dayStart, async (tx) => {
      for (const r of new Set([o.borrower_person_id, o.keeper_person_id])) {
        await notify(tx.db, { recipientPersonId: r, kind: 'overdue', title: `${o.seal}带出逾期未交回`, body: `应于${o.due_back}前交回综合科（SEAL-07）`, link: '/seals', objectType: 'seal_takeout', objectId: o.id }, clock.now());
      }
    });
  }
  return sent;
}

async function once(ctx: Ctx, objectType: string, id: string, table: 'seal_uses' | 'seal_takeouts', dayStart: string, send: (tx: Ctx) => Promise<void>): Promise<number> {
  return withTx(ctx, async (tx) => {
    const [mine] = await rows(tx.db, sql`select id from ${sql.raw(table)} where id = ${id} for update skip locked`);
    if (!mine) return 0;
    const [seen] = await rows<{ n: number }>(tx.db, sql`select count(*)::int as n from notifications where object_type = ${objectType} and object_id = ${id} and created_at >= ${dayStart}::timestamptz`);
    if (seen.n > 0) return 0;
    await send(tx);
    await audit(tx, { event: 'seals.remind', objectType, objectId: id });
    return 1;
  });
}

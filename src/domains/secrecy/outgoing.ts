import { sql } from 'drizzle-orm';
import { lockNamed } from '../../kernel/db/mutex';
import { z } from 'zod';
import { requireActor, withTx, type Ctx } from '../../kernel/context';
import { rows } from '../../kernel/db';
import { audit } from '../../kernel/audit/write';
import { errors } from '../../kernel/errors';
import { newId } from '../../kernel/ids';
import { startFlow } from '../../kernel/flow';
import { enforce, type Flagged, type Verdict } from '../../kernel/rules';
import { holdersOfPost } from '../../kernel/org/lookups';
import { hubChief, hubUnitId, holdsPost } from '../seals/org';
import { regNo } from './flows';
import { CHANNELS, checkChannel, checkDevice, checkNoContent, LEVEL_LABEL, SEC10, SEC12, SEC17, SEC20, type Level } from './rules';
import type { KnowledgeScope } from './schema';
import { LevelEnum, nowIso, OFFICER_POST, parse, personOf, requireHandler, today } from './service';

/**
 * 涉密发文登记 (SEC-10, SEC-11, SEC-12, SEC-17, SEC-18, SEC-20). The document is drafted and
 * printed on 综合科's classified computer; the system records only its identification, the
 * approval chain on the engine, the copy numbers (份号) and where each copy went.
 *  - The drafter registers it with the level decided by the 定密责任人 (SEC-20).
 *  - 综合科审核 → 分管领导签发 → 主任把关 / 上报文件由主任签发 (SEC-10, SEC-11, flows.ts).
 *  - 办内部文件 go to every 主任/副主任 and every 科室 (SEC-12; reading CONF-124: enforced for
 *    classified internal documents, with a warning when a recipient is outside the scope;
 *    “各科室” read as the units of kind 科室).
 *  - Printing only on a registered classified computer of 综合科, copy numbers 1..N (SEC-17).
 *  - Dispatch only when every copy has a distribution entry, by a secure channel (SEC-17, SEC-18).
 */
const OutDirection = z.enum(['upward', 'parallel', 'downward', 'internal'], { error: '行文方向应为上报、平行、下发或办内部文件' });
export const DIRECTION_LABEL: Record<string, string> = { upward: '上报', parallel: '平行', downward: '下发', internal: '办内部文件' };
export const OUT_STATUS: Record<string, string> = { pending: '审批中', approved: '已签发待印制', printed: '已印制待分发', dispatched: '已发出', rejected: '未签发', withdrawn: '已撤回' };

const RecipientIn = z.strictObject({ unitId: z.string().min(1).optional(), personId: z.string().min(1).optional(), org: z.string().trim().min(2).max(40).optional() })
  .refine((r) => [r.unitId, r.personId, r.org].filter(Boolean).length === 1, { message: '每个分送对象须为一个科室、一位领导或一个外单位' });

export const RegisterOutgoing = z.strictObject({
  title: z.string().trim().min(2, '请填写文件标题'),
  docNo: z.string().trim().max(40).optional(),
  level: LevelEnum,
  term: z.string().trim().min(1, '请填写保密期限').max(20),
  knowledgeScope: z.strictObject({ unitIds: z.array(z.string()).max(50).default([]), personIds: z.array(z.string()).max(100).default([]) }),
  direction: OutDirection,
  copies: z.number().int().min(1, '印制份数至少 1 份').max(999),
  recipients: z.array(RecipientIn).min(1, '请填写分送对象').max(100),
  levelDecidedBy: z.string().min(1, '请填写定密责任人'),
});

/** SEC-12: every 主任/副主任 and every 科室 must be on an internal document's list; a recipient outside the scope is a warning. */
export async function checkInternalDistribution(ctx: Ctx, recipients: { unitId?: string; personId?: string }[], scope: KnowledgeScope, date: string): Promise<Verdict[]> {
  const leaders = [...(await holdersOfPost(ctx.db, 'director', null, date)), ...(await holdersOfPost(ctx.db, 'deputy_director', null, date))];
  const units = await rows<{ id: string; name: string }>(ctx.db, sql`select id, name from org_units where kind = 'section' and active order by sort_order`);
  const persons = new Set(recipients.map((r) => r.personId).filter(Boolean));
  const unitIds = new Set(recipients.map((r) => r.unitId).filter(Boolean));
  const missing = [...leaders.filter((l) => !persons.has(l.id)).map((l) => l.name), ...units.filter((u) => !unitIds.has(u.id)).map((u) => u.name)];
  const out: Verdict[] = [missing.length ? SEC12.block(`办内部文件必须发至每位主任及各科室，分送名单缺少：${[...new Set(missing)].join('、')}`) : SEC12.ok()];
  const outside = [...[...persons].filter((p) => !scope.personIds.includes(p!)), ...[...unitIds].filter((u) => !scope.unitIds.includes(u!))];
  if (outside.length) out.push(SEC12.warn(`分送对象中有 ${outside.length} 个不在该文件的知悉范围内，请确认知悉范围（CONF-124）`));
  return out;
}

export async function registerOutgoing(ctx: Ctx, raw: unknown, acknowledged: string[] = []): Promise<{ id: string; regNo: string; instanceId: string; warnings: Flagged[] }> {
  const input = parse(RegisterOutgoing, raw, '涉密发文登记');
  enforce([checkNoContent({ 文件标题: input.title, 文号: input.docNo, 保密期限: input.term, ...Object.fromEntries(input.recipients.map((r, i) => [`分送对象${i + 1}`, r.org])) })]);
  if (input.copies < input.recipients.length) throw errors.badRequest(`印制份数（${input.copies}）少于分送对象数（${input.recipients.length}）`);
  return withTx(ctx, async (tx) => {
    const d = today(tx);
    if (!(await holdsPost(tx.db, input.levelDecidedBy, OFFICER_POST, d))) enforce([SEC20.block('涉密文件的密级须由定密责任人确定，所填人员不是定密责任人')]);
    const verdicts = input.direction === 'internal' ? await checkInternalDistribution(tx, input.recipients, input.knowledgeScope, d) : [];
    const warnings = enforce(verdicts, acknowledged);
    const me = await personOf(tx, requireActor(tx).personId ?? '');
    const year = Number(d.slice(0, 4));
    await lockNamed(tx.db, `secrecy_outgoing:${year}`);
    const [n] = await rows<{ seq: number }>(tx.db, sql`select coalesce(max(seq), 0)::int + 1 as seq from secrecy_outgoing where year = ${year}`);
    const id = newId('sout');
    await tx.db.execute(sql`insert into secrecy_outgoing (id, year, seq, title, doc_no, level, term, knowledge_scope, direction, copies, recipients, drafter_person_id, drafter_unit_id, level_decided_by, status, created_at)
      values (${id}, ${year}, ${n.seq}, ${input.title}, ${input.docNo ?? null}, ${input.level}, ${input.term}, ${JSON.stringify(input.knowledgeScope)}::jsonb, ${input.direction}, ${input.copies},
        ${JSON.stringify(input.recipients)}::jsonb, ${me.id}, ${me.unitId}, ${input.levelDecidedBy}, 'pending', ${nowIso(tx)})`);
    const res = await startFlow(tx, 'secrecy.outgoing', { form: { outgoingId: id, hubChiefId: (await hubChief(tx.db, d)).id }, subjectType: 'secrecy_outgoing', subjectId: id });
    await tx.db.execute(sql`update secrecy_outgoing set flow_instance_id = ${res.instanceId} where id = ${id}`);
    await audit(tx, { event: 'secrecy.outgoing.register', objectType: 'secrecy_outgoing', objectId: id,
      detail: { regNo: `密发${regNo(year, n.seq)}`, level: input.level, direction: input.direction, levelDecidedBy: input.levelDecidedBy, instanceId: res.instanceId, acknowledged: warnings.map((w) => w.ruleId), ruleIds: ['SEC-09', 'SEC-10', 'SEC-20'] } });
    return { id, regNo: `密发${regNo(year, n.seq)}`, instanceId: res.instanceId, warnings };
  });
}

interface OutLock { id: string; year: number; seq: number; level: Level; status: string; copies: number; direction: string }
async function lockOut(ctx: Ctx, id: string): Promise<OutLock> {
  const [o] = await rows<OutLock>(ctx.db, sql`select id, year, seq, level, status, copies, direction from secrecy_outgoing where id = ${id} for update`);
  if (!o) throw errors.notFound('涉密发文登记');
  return o;
}

export const ChangeLevel = z.strictObject({ level: LevelEnum, term: z.string().trim().min(1).max(20) });

/** SEC-20: only the 定密责任人 changes the level, and only before printing. */
export async function changeOutgoingLevel(ctx: Ctx, id: string, raw: unknown): Promise<void> {
  const input = parse(ChangeLevel, raw, '密级变更');
  enforce([checkNoContent({ 保密期限: input.term })]);
  await withTx(ctx, async (tx) => {
    const o = await lockOut(tx, id);
    const me = requireActor(tx).personId ?? '';
    if (!(await holdsPost(tx.db, me, OFFICER_POST, today(tx)))) enforce([SEC20.block('涉密文件密级的变更须由定密责任人作出')]);
    if (o.status === 'printed' || o.status === 'dispatched') throw errors.conflict('文件已印制，密级变更须收回重印');
    await tx.db.execute(sql`update secrecy_outgoing set level = ${input.level}, term = ${input.term}, level_decided_by = ${me} where id = ${id}`);
    await audit(tx, { event: 'secrecy.outgoing.level', objectType: 'secrecy_outgoing', objectId: id, detail: { from: o.level, to: input.level, term: input.term, ruleId: SEC20.id } });
  });
}

export const PrintOutgoing = z.strictObject({ deviceId: z.string().min(1, '请选择印制所用的涉密计算机') });

/** SEC-10 + SEC-17: printed only after the whole chain, on 综合科's classified computer; 份号 1..N. */
export async function printOutgoing(ctx: Ctx, id: string, raw: unknown): Promise<{ copyNos: string[] }> {
  const input = parse(PrintOutgoing, raw, '印制登记');
  return withTx(ctx, async (tx) => {
    const o = await lockOut(tx, id);
    const me = await requireHandler(tx, o.level);
    if (o.status !== 'approved') enforce([SEC10.block(o.status === 'pending' ? '涉密文件须经综合科审核、分管领导签发、主任把关后方可印制' : `该文件${OUT_STATUS[o.status] ?? o.status}，不能印制`)]);
    const [dev] = await rows<{ number: string; unit_id: string; is_classified: boolean; internet_connected: boolean; user_person_id: string | null; password_set: boolean; status: string }>(tx.db,
      sql`select number, unit_id, is_classified, internet_connected, user_person_id, password_set, status from secrecy_devices where id = ${input.deviceId}`);
    if (!dev) throw errors.notFound('设备');
    if (!dev.is_classified || dev.unit_id !== (await hubUnitId(tx.db))) enforce([SEC17.block(`设备 ${dev.number} 不是综合科登记的涉密计算机，涉密文件须在综合科涉密计算机上印制`)]);
    enforce([checkDevice({ isClassified: true, internetConnected: dev.internet_connected, userPersonId: dev.user_person_id, passwordSet: dev.password_set })]);
    if (dev.status !== 'in_use') enforce([SEC17.block(`涉密计算机 ${dev.number} 当前不在用`)]);
    const digits = SEC17.param('copyNoDigits');
    const copyNos = Array.from({ length: o.copies }, (_, i) => String(i + 1).padStart(digits, '0'));
    for (const no of copyNos) await tx.db.execute(sql`insert into secrecy_outgoing_copies (id, outgoing_id, copy_no) values (${newId('soc')}, ${id}, ${no})`);
    await tx.db.execute(sql`update secrecy_outgoing set status = 'printed', print_device_id = ${input.deviceId}, printed_by = ${me}, printed_at = ${nowIso(tx)} where id = ${id}`);
    await audit(tx, { event: 'secrecy.outgoing.print', objectType: 'secrecy_outgoing', objectId: id, detail: { device: dev.number, copies: o.copies, levelLabel: LEVEL_LABEL[o.level], ruleIds: ['SEC-10', 'SEC-17'] } });
    return { copyNos };
  });
}

export const Distribute = z.strictObject({ entries: z.array(z.strictObject({ copyNo: z.string().min(1), recipient: z.string().trim().min(2, '请填写分发对象').max(40), receiverName: z.string().trim().min(1, '请填写签收人').max(20) })).min(1).max(999) });

/** SEC-17: a distribution entry for each copy (份号 → 分发对象, 签收人). */
export async function distributeCopies(ctx: Ctx, id: string, raw: unknown): Promise<{ remaining: number }> {
  const input = parse(Distribute, raw, '分发登记');
  enforce([checkNoContent(Object.fromEntries(input.entries.flatMap((e) => [[`分发对象${e.copyNo}`, e.recipient], [`签收人${e.copyNo}`, e.receiverName]])))]);
  return withTx(ctx, async (tx) => {
    const o = await lockOut(tx, id);
    const me = await requireHandler(tx, o.level);
    if (o.status !== 'printed') throw errors.conflict('只有已印制、尚未发出的文件可以登记分发');
    for (const e of input.entries) {
      const [c] = await rows<{ id: string; distributed_at: string | null }>(tx.db, sql`select id, distributed_at from secrecy_outgoing_copies where outgoing_id = ${id} and copy_no = ${e.copyNo} for update`);
      if (!c) throw errors.badRequest(`份号 ${e.copyNo} 不存在`);
      if (c.distributed_at) throw errors.conflict(`份号 ${e.copyNo} 已登记分发`);
      await tx.db.execute(sql`update secrecy_outgoing_copies set recipient = ${e.recipient}, receiver_name = ${e.receiverName}, distributed_by = ${me}, distributed_at = ${nowIso(tx)} where id = ${c.id}`);
    }
    const [left] = await rows<{ n: number }>(tx.db, sql`select count(*)::int as n from secrecy_outgoing_copies where outgoing_id = ${id} and distributed_at is null`);
    await audit(tx, { event: 'secrecy.outgoing.distribute', objectType: 'secrecy_outgoing', objectId: id, detail: { copyNos: input.entries.map((e) => e.copyNo), remaining: left.n, ruleId: SEC17.id } });
    return { remaining: left.n };
  });
}

export const Dispatch = z.strictObject({ channel: z.string().min(1, '请选择传递方式') });

/** SEC-17 + SEC-18: sent only when every copy is logged, and only by a secure channel. */
export async function dispatchOutgoing(ctx: Ctx, id: string, raw: unknown): Promise<void> {
  const input = parse(Dispatch, raw, '发出登记');
  enforce([checkChannel(input.channel)]);
  await withTx(ctx, async (tx) => {
    const o = await lockOut(tx, id);
    const me = await requireHandler(tx, o.level);
    if (o.status === 'pending' || o.status === 'approved') enforce([SEC10.block('涉密文件须经签发并印制后方可发出')]);
    if (o.status !== 'printed') throw errors.conflict(`该文件${OUT_STATUS[o.status] ?? o.status}`);
    const [left] = await rows<{ n: number }>(tx.db, sql`select count(*)::int as n from secrecy_outgoing_copies where outgoing_id = ${id} and distributed_at is null`);
    if (left.n > 0) enforce([SEC17.block(`尚有 ${left.n} 份未逐份登记分发，不得发出`)]);
    await tx.db.execute(sql`update secrecy_outgoing set status = 'dispatched', channel = ${input.channel}, dispatched_by = ${me}, dispatched_at = ${nowIso(tx)} where id = ${id}`);
    await audit(tx, { event: 'secrecy.outgoing.dispatch', objectType: 'secrecy_outgoing', objectId: id, detail: { channel: CHANNELS[input.channel].label, ruleIds: ['SEC-17', 'SEC-18'] } });
  });
}

export interface OutgoingRow { id: string; regNo: string; title: string; docNo: string | null; level: Level; levelLabel: string; term: string; direction: string; directionLabel: string; copies: number;
  recipients: string; drafterName: string; levelDecidedByName: string; status: string; statusLabel: string; flowInstanceId: string | null; printDevice: string | null; printedAt: string | null;
  channelLabel: string | null; dispatchedAt: string | null; distributed: number; copyList: { copyNo: string; recipient: string | null; receiverName: string | null; distributedAt: string | null }[] }

export async function listOutgoing(ctx: Ctx): Promise<OutgoingRow[]> {
  const found = await rows<Omit<OutgoingRow, 'regNo' | 'levelLabel' | 'directionLabel' | 'statusLabel' | 'channelLabel' | 'recipients' | 'copyList' | 'distributed'> & { year: number; seq: number; channel: string | null; recipients: { unitId?: string; personId?: string; org?: string }[] }>(ctx.db,
    sql`select o.id, o.year, o.seq, o.title, o.doc_no as "docNo", o.level, o.term, o.direction, o.copies, o.recipients, dp.name as "drafterName", lp.name as "levelDecidedByName", o.status,
      o.flow_instance_id as "flowInstanceId", dv.number as "printDevice", o.printed_at::text as "printedAt", o.channel, o.dispatched_at::text as "dispatchedAt"
    from secrecy_outgoing o join people dp on dp.id = o.drafter_person_id join people lp on lp.id = o.level_decided_by left join secrecy_devices dv on dv.id = o.print_device_id
    order by o.year desc, o.seq desc limit 1000`);
  const names = new Map((await rows<{ id: string; name: string }>(ctx.db, sql`select id, name from people union all select id, name from org_units`)).map((r) => [r.id, r.name]));
  const copies = await rows<{ outgoingId: string; copyNo: string; recipient: string | null; receiverName: string | null; distributedAt: string | null }>(ctx.db,
    sql`select outgoing_id as "outgoingId", copy_no as "copyNo", recipient, receiver_name as "receiverName", distributed_at::text as "distributedAt" from secrecy_outgoing_copies order by copy_no`);
  await audit(ctx, { event: 'secrecy.outgoing.view', objectType: 'secrecy_outgoing', detail: { rows: found.length } });
  return found.map(({ year, seq, channel, recipients, ...r }) => {
    const copyList = copies.filter((c) => c.outgoingId === r.id).map(({ outgoingId: _o, ...c }) => c);
    return { ...r, regNo: `密发${regNo(year, seq)}`, levelLabel: LEVEL_LABEL[r.level], directionLabel: DIRECTION_LABEL[r.direction] ?? r.direction, statusLabel: OUT_STATUS[r.status] ?? r.status,
      channelLabel: channel ? CHANNELS[channel]?.label ?? channel : null, recipients: recipients.map((x) => x.org ?? names.get(x.unitId ?? x.personId ?? '') ?? '').join('、'),
      copyList, distributed: copyList.filter((c) => c.distributedAt).length };
  });
}

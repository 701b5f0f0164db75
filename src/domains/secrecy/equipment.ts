import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { requireActor, withTx, type Ctx } from '../../kernel/context';
import { rows } from '../../kernel/db';
import { audit } from '../../kernel/audit/write';
import { errors } from '../../kernel/errors';
import { newId } from '../../kernel/ids';
import { addWorkingDays, upcomingHolidays } from '../../kernel/calendar';
import { enforce } from '../../kernel/rules';
import { holdersOfPost, sectionChiefOf } from '../../kernel/org/lookups';
import { hubChief, hubLeader, holdsPost } from '../seals/org';
import {
  checkClassifiedDisposal, checkDevice, checkLaptop, checkNoContent, LEVEL_LABEL, SEC22, SEC26, SEC27, SEC29, SEC31, SEC32, SEC33, SEC34, type Level,
} from './rules';
import { Day, LevelEnum, nowIso, parse, personOf, today } from './service';

/**
 * The secrecy equipment register and the secrecy work log (涉密安全管理制度 二（二）—（五）, 三).
 * Kept by 综合科 (permission secrecy.handle): computers, laptops, printers and fax machines
 * with their secrecy status (SEC-22, SEC-23, SEC-25, SEC-26, SEC-31); education, pre-holiday
 * inspections with the lock checklist, data released to outside requests, faults, external
 * storage and configuration approvals, maintenance and incidents (SEC-21, SEC-27, SEC-28,
 * SEC-30, SEC-32, SEC-33, SEC-34); the secrecy committee (SEC-29).
 */
export const IT_ADMIN_POST = 'it_admin';
export const DEVICE_KIND: Record<string, string> = { desktop: '台式计算机', laptop: '笔记本电脑', printer: '打印机', fax: '传真机', copier: '复印机', other: '其他' };
export const DEVICE_STATUS: Record<string, string> = { in_use: '在用', repair: '维修中', scrapped: '已报废', transferred: '已转出', lent: '外借（带出）中' };
export const EVENT_KIND: Record<string, string> = { repair: '维修', replace: '更换', scrap: '报废', sell: '出售', transfer: '转让', lend: '外借', take_out: '带离', return: '收回' };
export const HANDLER_TYPE: Record<string, string> = { authority: '保密工作部门', designated: '保密工作部门指定单位', vendor: '一般维修商', internal: '本办微机管理人员', other: '其他' };

const DeviceFields = {
  kind: z.enum(['desktop', 'laptop', 'printer', 'fax', 'copier', 'other'], { error: '请选择设备类别' }),
  name: z.string().trim().min(2, '请填写设备名称型号').max(40),
  unitId: z.string().min(1, '请选择使用科室'),
  userPersonId: z.string().min(1).optional(),
  isClassified: z.boolean(),
  internetConnected: z.boolean(),
  passwordSet: z.boolean().default(false),
  level: LevelEnum.optional(),
  justification: z.string().trim().max(60).optional(),
  deviceFileNo: z.string().trim().max(30).optional(),
  location: z.string().trim().min(2, '请填写存放地点').max(40),
};
export const RegisterDevice = z.strictObject({ number: z.string().trim().min(2, '请填写设备编号').max(30), ...DeviceFields });
export const UpdateDevice = z.strictObject(DeviceFields);
type DeviceIn = z.infer<typeof UpdateDevice>;

async function checkDeviceInput(ctx: Ctx, input: DeviceIn): Promise<void> {
  enforce([checkNoContent({ 设备名称: input.name, 存放地点: input.location, 理由: input.justification, 档案编号: input.deviceFileNo })]);
  enforce([checkDevice(input), checkLaptop(input)]);
  if (input.isClassified && !input.level) throw errors.badRequest('涉密设备须标明密级');
  if (input.kind === 'fax' && !input.userPersonId) enforce([SEC22.block('传真机须设专人管理，请指定管理人')]);
  if (input.userPersonId) await personOf(ctx, input.userPersonId);
  const [u] = await rows<{ id: string }>(ctx.db, sql`select id from org_units where id = ${input.unitId}`);
  if (!u) throw errors.notFound('科室');
}

export async function registerDevice(ctx: Ctx, raw: unknown): Promise<{ id: string }> {
  const input = parse(RegisterDevice, raw, '设备登记');
  return withTx(ctx, async (tx) => {
    await checkDeviceInput(tx, input);
    const id = newId('sdev');
    await tx.db.execute(sql`insert into secrecy_devices (id, number, kind, name, unit_id, user_person_id, is_classified, internet_connected, password_set, level, justification, device_file_no, location, status, created_at)
      values (${id}, ${input.number}, ${input.kind}, ${input.name}, ${input.unitId}, ${input.userPersonId ?? null}, ${input.isClassified}, ${input.internetConnected}, ${input.passwordSet},
        ${input.isClassified ? input.level! : null}, ${input.justification ?? null}, ${input.deviceFileNo ?? null}, ${input.location}, 'in_use', ${nowIso(tx)})`)
      .catch(() => { throw errors.conflict(`设备编号 ${input.number} 已登记`); });
    await audit(tx, { event: 'secrecy.device.register', objectType: 'secrecy_device', objectId: id, detail: { number: input.number, isClassified: input.isClassified, internetConnected: input.internetConnected, ruleIds: ['SEC-23', 'SEC-26'] } });
    return { id };
  });
}

/** Changing the network or secrecy status is checked like a new registration (SEC-23: classified ⇒ offline). */
export async function updateDevice(ctx: Ctx, id: string, raw: unknown): Promise<void> {
  const input = parse(UpdateDevice, raw, '设备登记');
  await withTx(ctx, async (tx) => {
    const [d] = await rows<{ id: string; status: string }>(tx.db, sql`select id, status from secrecy_devices where id = ${id} for update`);
    if (!d) throw errors.notFound('设备');
    await checkDeviceInput(tx, input);
    await tx.db.execute(sql`update secrecy_devices set kind = ${input.kind}, name = ${input.name}, unit_id = ${input.unitId}, user_person_id = ${input.userPersonId ?? null}, is_classified = ${input.isClassified},
      internet_connected = ${input.internetConnected}, password_set = ${input.passwordSet}, level = ${input.isClassified ? input.level! : null}, justification = ${input.justification ?? null},
      device_file_no = ${input.deviceFileNo ?? null}, location = ${input.location} where id = ${id}`);
    await audit(tx, { event: 'secrecy.device.update', objectType: 'secrecy_device', objectId: id, detail: { isClassified: input.isClassified, internetConnected: input.internetConnected } });
  });
}

export const DeviceEvent = z.strictObject({
  kind: z.enum(['repair', 'replace', 'scrap', 'sell', 'transfer', 'lend', 'take_out', 'return'], { error: '请选择处理类型' }),
  handlerType: z.enum(['authority', 'designated', 'vendor', 'internal', 'other']).optional(),
  handlerName: z.string().trim().max(40).optional(),
  approvedBy: z.string().min(1).optional(),
  note: z.string().trim().max(60).optional(),
});
const NEXT_STATUS: Record<string, string | null> = { repair: 'repair', replace: null, scrap: 'scrapped', sell: 'transferred', transfer: 'transferred', lend: 'lent', take_out: 'lent', return: 'in_use' };

/**
 * SEC-25 (classified: only through the secrecy authority, never sold or transferred), SEC-26
 * (a classified laptop is never lent or taken off the premises), SEC-31 (any transfer of
 * office equipment needs the 综合科负责人's approval; reading: “未经批准” names no approver, and
 * 综合科 configures the equipment).
 */
export async function recordDeviceEvent(ctx: Ctx, id: string, raw: unknown): Promise<{ status: string }> {
  const input = parse(DeviceEvent, raw, '设备处理');
  enforce([checkNoContent({ 处理单位: input.handlerName, 说明: input.note })]);
  return withTx(ctx, async (tx) => {
    const [d] = await rows<{ id: string; kind: string; is_classified: boolean; status: string; number: string }>(tx.db, sql`select id, kind, is_classified, status, number from secrecy_devices where id = ${id} for update`);
    if (!d) throw errors.notFound('设备');
    if (d.status === 'scrapped' || d.status === 'transferred') throw errors.conflict(`设备 ${d.number} 已${DEVICE_STATUS[d.status]}`);
    if (['repair', 'replace', 'scrap', 'sell', 'transfer'].includes(input.kind)) enforce([checkClassifiedDisposal(d.is_classified, input.kind, input.handlerType ?? '')]);
    if (d.is_classified && d.kind === 'laptop' && (input.kind === 'lend' || input.kind === 'take_out')) enforce([SEC26.block('作为涉密单机使用的笔记本电脑不得外借、不得带离')]);
    if (input.kind === 'transfer' || input.kind === 'sell') {
      const chief = await hubChief(tx.db, today(tx));
      if (input.approvedBy !== chief.id) enforce([SEC31.block(`统一配置的设备未经批准不得转让给其他单位或个人（须综合科负责人${chief.name}批准）`)]);
    }
    if (input.kind === 'return' && d.status === 'in_use') throw errors.conflict('设备在用，无需收回');
    const next = NEXT_STATUS[input.kind] ?? d.status;
    const eid = newId('sdve');
    await tx.db.execute(sql`insert into secrecy_device_events (id, device_id, kind, handler_type, handler_name, approved_by, note, created_by, created_at)
      values (${eid}, ${id}, ${input.kind}, ${input.handlerType ?? null}, ${input.handlerName ?? null}, ${input.approvedBy ?? null}, ${input.note ?? null}, ${requireActor(tx).personId ?? ''}, ${nowIso(tx)})`);
    await tx.db.execute(sql`update secrecy_devices set status = ${next} where id = ${id}`);
    await audit(tx, { event: 'secrecy.device.event', objectType: 'secrecy_device', objectId: id, detail: { eventId: eid, kind: input.kind, handlerType: input.handlerType ?? null, status: next } });
    return { status: next };
  });
}

export interface DeviceRow { id: string; number: string; kind: string; kindLabel: string; name: string; unitName: string; userName: string | null; isClassified: boolean; internetConnected: boolean; passwordSet: boolean;
  level: Level | null; levelLabel: string; justification: string | null; deviceFileNo: string | null; location: string; status: string; statusLabel: string; events: { kind: string; kindLabel: string; handler: string | null; createdAt: string }[] }
export async function listDevices(ctx: Ctx): Promise<DeviceRow[]> {
  const found = await rows<Omit<DeviceRow, 'kindLabel' | 'levelLabel' | 'statusLabel' | 'events'>>(ctx.db, sql`select d.id, d.number, d.kind, d.name, u.name as "unitName", p.name as "userName", d.is_classified as "isClassified",
      d.internet_connected as "internetConnected", d.password_set as "passwordSet", d.level, d.justification, d.device_file_no as "deviceFileNo", d.location, d.status
    from secrecy_devices d join org_units u on u.id = d.unit_id left join people p on p.id = d.user_person_id order by d.number`);
  const events = await rows<{ deviceId: string; kind: string; handlerType: string | null; handlerName: string | null; createdAt: string }>(ctx.db,
    sql`select device_id as "deviceId", kind, handler_type as "handlerType", handler_name as "handlerName", created_at::text as "createdAt" from secrecy_device_events order by created_at`);
  return found.map((d) => ({ ...d, kindLabel: DEVICE_KIND[d.kind] ?? d.kind, levelLabel: d.level ? LEVEL_LABEL[d.level] : '非涉密', statusLabel: DEVICE_STATUS[d.status] ?? d.status,
    events: events.filter((e) => e.deviceId === d.id).map((e) => ({ kind: e.kind, kindLabel: EVENT_KIND[e.kind] ?? e.kind, handler: [e.handlerType ? HANDLER_TYPE[e.handlerType] : null, e.handlerName].filter(Boolean).join(' ') || null, createdAt: e.createdAt })) }));
}

// ---------------------------------------------------------------- the secrecy work log

export const RECORD_KIND: Record<string, { label: string; rule: string }> = {
  education: { label: '保密教育', rule: 'SEC-27' },
  inspection: { label: '节前保密检查', rule: 'SEC-27' },
  data_release: { label: '对外提供数据', rule: 'SEC-21' },
  fault: { label: '故障报修', rule: 'SEC-30' },
  external_device: { label: '外来存储设备接入', rule: 'SEC-32' },
  config_change: { label: '配置变更许可', rule: 'SEC-33' },
  maintenance: { label: '系统维护', rule: 'SEC-34' },
  incident: { label: '违规事件及处理', rule: 'SEC-34' },
};
export const LOCK_ITEMS: Record<string, string> = { pcRoom: '微机室文件柜上锁、房门关闭', archiveRoom: '档案室文件柜上锁、房门关闭', leaderOffices: '领导办公室文件柜上锁、房门关闭', otherOffices: '其他办公室无人时关门' };
export const OUTCOME: Record<string, string> = { criticism: '批评教育', accountability: '追究责任', none: '无需处理' };
export const DECISION: Record<string, string> = { provide: '同意提供', partial: '部分提供', refuse: '不予提供' };

const Base = { occurredOn: Day, subject: z.string().trim().min(2, '请填写事项').max(60), findings: z.string().trim().max(60).optional() };
export const RecordInput = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('education'), ...Base, attendees: z.array(z.string()).min(1, '请登记参加人员').max(200) }),
  z.strictObject({ kind: z.literal('inspection'), ...Base, holiday: z.string().trim().max(20).optional(), locks: z.strictObject({ pcRoom: z.boolean(), archiveRoom: z.boolean(), leaderOffices: z.boolean(), otherOffices: z.boolean() }) }),
  z.strictObject({ kind: z.literal('data_release'), ...Base, requester: z.string().trim().min(2, '请填写提出请求的单位').max(40), decision: z.enum(['provide', 'partial', 'refuse']), keeperPersonId: z.string().min(1, '请指定汇编资料保管人') }),
  z.strictObject({ kind: z.literal('fault'), ...Base, deviceId: z.string().min(1, '请选择设备'), personId: z.string().min(1).optional() }),
  z.strictObject({ kind: z.literal('external_device'), ...Base, deviceId: z.string().min(1, '请选择接入的计算机'), personId: z.string().min(1).optional(), approvedBy: z.string().min(1, '须经微机管理人员同意') }),
  z.strictObject({ kind: z.literal('config_change'), ...Base, deviceId: z.string().min(1, '请选择设备'), approvedBy: z.string().min(1, '须经管理员许可') }),
  z.strictObject({ kind: z.literal('maintenance'), ...Base, deviceId: z.string().min(1).optional() }),
  z.strictObject({ kind: z.literal('incident'), ...Base, personId: z.string().min(1, '请填写当事人'), deliberate: z.boolean(), recoverable: z.boolean(), outcome: z.enum(['criticism', 'accountability', 'none']) }),
]);

/**
 * Records of SEC-21/27/28/30/32/33/34. Checks the software can make: the approver of an
 * external storage device or a configuration change holds the 微机管理人员 post (SEC-32,
 * SEC-33); an incident's outcome follows SEC-34 (deliberate violation causing loss → 追究责任;
 * recoverable negligence → at least 批评教育); a pre-holiday inspection lists the four lock
 * items of SEC-28 and an unlocked item is a finding that needs correction.
 */
export async function addRecord(ctx: Ctx, raw: unknown): Promise<{ id: string }> {
  const input = parse(RecordInput, raw, '保密工作记录');
  enforce([checkNoContent({ 事项: input.subject, 发现问题: input.findings, ...('requester' in input ? { 请求单位: input.requester } : {}), ...('holiday' in input ? { 节日: input.holiday } : {}) })]);
  if (input.occurredOn > today(ctx)) throw errors.badRequest('日期不得晚于今天');
  return withTx(ctx, async (tx) => {
    const me = requireActor(tx).personId ?? '';
    const d = today(tx);
    let approvedBy: string | null = null;
    const deviceId: string | null = 'deviceId' in input ? input.deviceId ?? null : null;
    const personId: string | null = 'personId' in input ? input.personId ?? null : null;
    let outcome: string | null = null;
    let findings = input.findings ?? null;
    const detail: Record<string, unknown> = {};
    if (deviceId) { const [dv] = await rows<{ id: string }>(tx.db, sql`select id from secrecy_devices where id = ${deviceId}`); if (!dv) throw errors.notFound('设备'); }
    if (personId) await personOf(tx, personId);
    switch (input.kind) {
      case 'education':
        for (const p of input.attendees) await personOf(tx, p);
        detail.attendees = input.attendees;
        break;
      case 'inspection': {
        detail.locks = input.locks;
        detail.holiday = input.holiday ?? null;
        const open = Object.entries(input.locks).filter(([, ok]) => !ok).map(([k]) => LOCK_ITEMS[k]);
        if (open.length && !findings) findings = `未做到：${open.join('；')}`.slice(0, 60);
        break;
      }
      case 'data_release':
        await personOf(tx, input.keeperPersonId);
        detail.requester = input.requester;
        detail.decision = input.decision;
        detail.keeperPersonId = input.keeperPersonId;
        outcome = DECISION[input.decision];
        break;
      case 'external_device':
      case 'config_change': {
        const rule = input.kind === 'external_device' ? SEC32 : SEC33;
        if (!(await holdsPost(tx.db, input.approvedBy, IT_ADMIN_POST, d))) enforce([rule.block(input.kind === 'external_device' ? '外单位或个人的存储设备接入本办计算机，须经微机管理人员同意' : '更改IP地址等软硬件配置须经管理员（微机管理人员）许可')]);
        approvedBy = input.approvedBy;
        break;
      }
      case 'incident': {
        const required = input.deliberate ? 'accountability' : 'criticism';
        if (input.outcome !== required && !(input.deliberate === false && input.outcome === 'accountability')) {
          enforce([SEC34.block(input.deliberate ? '故意违反规定造成损失的，须追究当事人责任' : '因疏忽造成损坏的，应予以批评教育')]);
        }
        detail.deliberate = input.deliberate;
        detail.recoverable = input.recoverable;
        outcome = OUTCOME[input.outcome];
        break;
      }
      default:
        break;
    }
    const id = newId('srec');
    await tx.db.execute(sql`insert into secrecy_records (id, kind, occurred_on, subject, device_id, person_id, approved_by, detail, findings, outcome, recorded_by, created_at)
      values (${id}, ${input.kind}, ${input.occurredOn}, ${input.subject}, ${deviceId}, ${personId}, ${approvedBy}, ${JSON.stringify(detail)}::jsonb, ${findings}, ${outcome}, ${me}, ${nowIso(tx)})`);
    await audit(tx, { event: 'secrecy.record.add', objectType: 'secrecy_record', objectId: id, detail: { kind: input.kind, ruleId: RECORD_KIND[input.kind].rule } });
    return { id };
  });
}

export const Correct = z.strictObject({ correctedOn: Day, outcome: z.string().trim().min(2, '请填写整改（处理）结果').max(60) });

/** SEC-27 “发现问题及时整改” / SEC-30 fault handled: the correction is recorded on the record. */
export async function correctRecord(ctx: Ctx, id: string, raw: unknown): Promise<void> {
  const input = parse(Correct, raw, '整改登记');
  enforce([checkNoContent({ 整改结果: input.outcome })]);
  await withTx(ctx, async (tx) => {
    const [r] = await rows<{ kind: string; corrected_on: string | null; findings: string | null; occurred_on: string }>(tx.db, sql`select kind, corrected_on::text, findings, occurred_on::text from secrecy_records where id = ${id} for update`);
    if (!r) throw errors.notFound('保密工作记录');
    if (r.corrected_on) throw errors.conflict('该记录已登记整改');
    if (r.kind !== 'fault' && !r.findings) throw errors.badRequest('该记录没有需要整改的问题');
    if (input.correctedOn < r.occurred_on || input.correctedOn > today(tx)) throw errors.badRequest('整改日期应在记录日期与今天之间');
    await tx.db.execute(sql`update secrecy_records set corrected_on = ${input.correctedOn}, outcome = ${input.outcome} where id = ${id}`);
    await audit(tx, { event: 'secrecy.record.correct', objectType: 'secrecy_record', objectId: id, detail: { correctedOn: input.correctedOn } });
  });
}

export interface RecordRow { id: string; kind: string; kindLabel: string; rule: string; occurredOn: string; subject: string; device: string | null; personName: string | null; approvedByName: string | null;
  detail: Record<string, unknown>; findings: string | null; correctedOn: string | null; outcome: string | null; recordedByName: string; summary: string }
export async function listRecords(ctx: Ctx, q: { kind?: string } = {}): Promise<RecordRow[]> {
  const found = await rows<Omit<RecordRow, 'kindLabel' | 'rule' | 'summary'>>(ctx.db, sql`select r.id, r.kind, r.occurred_on::text as "occurredOn", r.subject, d.number as device, p.name as "personName", a.name as "approvedByName",
      r.detail, r.findings, r.corrected_on::text as "correctedOn", r.outcome, rb.name as "recordedByName"
    from secrecy_records r left join secrecy_devices d on d.id = r.device_id left join people p on p.id = r.person_id left join people a on a.id = r.approved_by join people rb on rb.id = r.recorded_by
    where ${q.kind ? sql`r.kind = ${q.kind}` : sql`true`} order by r.occurred_on desc, r.created_at desc limit 2000`);
  return found.map((r) => {
    const det = r.detail as { attendees?: string[]; locks?: Record<string, boolean>; requester?: string; decision?: string };
    const summary = r.kind === 'education' ? `参加 ${det.attendees?.length ?? 0} 人` : r.kind === 'inspection' ? Object.entries(det.locks ?? {}).map(([k, v]) => `${LOCK_ITEMS[k]}${v ? '✓' : '✗'}`).join('；')
      : r.kind === 'data_release' ? `${det.requester ?? ''}：${DECISION[det.decision ?? ''] ?? ''}` : '';
    return { ...r, kindLabel: RECORD_KIND[r.kind]?.label ?? r.kind, rule: RECORD_KIND[r.kind]?.rule ?? '', summary };
  });
}

/**
 * SEC-27: for each coming public holiday, the pre-holiday secrecy inspection is due on or before
 * the last working day before it (CONF-129) and reminded from `leadWorkingDays` working days
 * ahead; it counts as done when an inspection is recorded in that window (reading: from the
 * reminder day, or within 30 days before the break, whichever is earlier).
 */
export async function inspectionsDue(ctx: Ctx, asOf = today(ctx)): Promise<{ festival: string; start: string; deadline: string; remindFrom: string; state: 'done' | 'due' | 'overdue' | 'upcoming' }[]> {
  const up = await upcomingHolidays(ctx.db, asOf, 3).catch(() => ({ holidays: [] as { festival: string; start: string }[] }));
  const out = [];
  for (const h of up.holidays) {
    if (h.start <= asOf) continue;
    const deadline = await addWorkingDays(ctx.db, h.start, -1);
    const remindFrom = await addWorkingDays(ctx.db, h.start, -SEC27.param('leadWorkingDays'));
    const windowStart = new Date(Date.parse(`${h.start}T00:00:00Z`) - 30 * 86_400_000).toISOString().slice(0, 10);
    const from = remindFrom < windowStart ? remindFrom : windowStart;
    const [n] = await rows<{ n: number }>(ctx.db, sql`select count(*)::int as n from secrecy_records where kind = 'inspection' and occurred_on >= ${from} and occurred_on < ${h.start}`);
    const state = n.n > 0 ? 'done' : asOf > deadline ? 'overdue' : asOf >= remindFrom ? 'due' : 'upcoming';
    out.push({ festival: h.festival, start: h.start, deadline, remindFrom, state } as const);
  }
  return out;
}

// ---------------------------------------------------------------- SEC-29 the secrecy committee

export const COMMITTEE_ROLE: Record<string, string> = { chair: '主任委员', vice_chair: '副主任委员', member: '委员', office: '保密办公室（综合科）', daily: '日常工作专人' };
export const CommitteeMember = z.strictObject({ personId: z.string().min(1, '请选择人员'), role: z.enum(['chair', 'vice_chair', 'member', 'office', 'daily']), startDate: Day });

export async function addCommitteeMember(ctx: Ctx, raw: unknown): Promise<{ id: string }> {
  const input = parse(CommitteeMember, raw, '保密委员会成员');
  return withTx(ctx, async (tx) => {
    await personOf(tx, input.personId);
    const id = newId('scom');
    await tx.db.execute(sql`insert into secrecy_committee (id, person_id, role, start_date, created_at) values (${id}, ${input.personId}, ${input.role}, ${input.startDate}, ${nowIso(tx)})`)
      .catch(() => { throw errors.conflict('该人员已担任此职'); });
    await audit(tx, { event: 'secrecy.committee.add', objectType: 'secrecy_committee', objectId: id, detail: { personId: input.personId, role: input.role, ruleId: SEC29.id } });
    return { id };
  });
}

export async function endCommitteeMember(ctx: Ctx, id: string): Promise<void> {
  await withTx(ctx, async (tx) => {
    const [m] = await rows<{ end_date: string | null }>(tx.db, sql`select end_date from secrecy_committee where id = ${id} for update`);
    if (!m) throw errors.notFound('保密委员会成员');
    if (m.end_date) throw errors.conflict('该成员已离任');
    await tx.db.execute(sql`update secrecy_committee set end_date = ${today(tx)} where id = ${id}`);
    await audit(tx, { event: 'secrecy.committee.end', objectType: 'secrecy_committee', objectId: id });
  });
}

/**
 * SEC-29 report: the configured committee against the organisation today — chair = the 主任,
 * vice-chair = the 分管领导 of 综合科 (reading of “主管副主任”: the deputy over 综合科, which runs
 * secrecy work), a member for every 科室负责人, and a person for daily work.
 */
export async function committeeReport(ctx: Ctx): Promise<{ members: { id: string; personName: string; role: string; roleLabel: string; startDate: string }[]; missing: string[] }> {
  const d = today(ctx);
  const members = await rows<{ id: string; personId: string; personName: string; role: string; startDate: string }>(ctx.db,
    sql`select c.id, c.person_id as "personId", p.name as "personName", c.role, c.start_date::text as "startDate" from secrecy_committee c join people p on p.id = c.person_id
      where c.end_date is null order by case c.role when 'chair' then 0 when 'vice_chair' then 1 when 'member' then 2 else 3 end, p.name`);
  const has = (personId: string, role: string) => members.some((m) => m.personId === personId && m.role === role);
  const missing: string[] = [];
  const [director] = await holdersOfPost(ctx.db, 'director', null, d);
  if (director && !has(director.id, 'chair')) missing.push(`主任委员应为主任${director.name}`);
  const vice = await hubLeader(ctx.db, d).catch(() => null);
  if (vice && !has(vice.id, 'vice_chair')) missing.push(`副主任委员应为主管副主任${vice.name}`);
  const units = await rows<{ id: string; name: string }>(ctx.db, sql`select id, name from org_units where kind = 'section' and active order by sort_order`);
  for (const u of units) {
    const chief = await sectionChiefOf(ctx.db, u.id, d);
    if (chief && !has(chief.id, 'member') && !members.some((m) => m.personId === chief.id && (m.role === 'chair' || m.role === 'vice_chair'))) missing.push(`${u.name}负责人${chief.name}未列为委员`);
  }
  if (!members.some((m) => m.role === 'daily')) missing.push('未指定负责日常工作的专人');
  return { members: members.map((m) => ({ id: m.id, personName: m.personName, role: m.role, roleLabel: COMMITTEE_ROLE[m.role], startDate: m.startDate })), missing };
}


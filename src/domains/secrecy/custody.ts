import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { requireActor, withTx, type Ctx } from '../../kernel/context';
import { rows } from '../../kernel/db';
import { audit } from '../../kernel/audit/write';
import { errors } from '../../kernel/errors';
import { newId } from '../../kernel/ids';
import { startFlow } from '../../kernel/flow';
import { notify } from '../../kernel/notify';
import { enforce, type Flagged } from '../../kernel/rules';
import { hubChief } from '../seals/org';
import { regNo } from './flows';
import { checkNoContent, checkScope, LEVEL_LABEL, SEC15, SEC16, type Level } from './rules';
import { Day, docByRegNo, lockDoc, nowIso, parse, personOf, requireHandler, today } from './service';

// ---------------------------------------------------------------- SEC-15 taking a document out of the workplace

export const TakeoutRequest = z.strictObject({
  regNo: z.string().regex(/^\d{4}-\d{4}$/, '登记号格式如 2026-0001'),
  purpose: z.string().trim().min(2, '请填写带离事由').max(60),
  destination: z.string().trim().min(2, '请填写去向').max(40),
  dueDate: Day,
});
export const TAKEOUT_STATUS: Record<string, string> = { pending: '审批中', approved: '已批准待带出', out: '已带出', returned: '已带回', rejected: '未批准', withdrawn: '已撤回' };

/**
 * SEC-15: “原则上不可带离” — every take-out request carries a warning the applicant must
 * acknowledge, and needs the approval of the 综合科负责人 (reading: the same approver as a
 * loan, CONF-122); the 文书 records the document leaving and coming back (SEC-09).
 */
export async function requestTakeout(ctx: Ctx, raw: unknown, acknowledged: string[] = []): Promise<{ id: string; instanceId: string; warnings: Flagged[] }> {
  const input = parse(TakeoutRequest, raw, '带离申请');
  enforce([checkNoContent({ 带离事由: input.purpose, 去向: input.destination })]);
  if (input.dueDate < today(ctx)) throw errors.badRequest('带回日期不得早于今天');
  return withTx(ctx, async (tx) => {
    const doc = await docByRegNo(tx, input.regNo, true);
    if (doc.status === 'destroyed') throw errors.conflict('该文件已销毁');
    const me = await personOf(tx, requireActor(tx).personId ?? '');
    enforce([checkScope(doc.knowledge_scope, me, '带离人')]);
    const warnings = enforce([SEC15.warn('涉密文件原则上不可带离工作场所，确需带离的须经批准并按期带回')], acknowledged);
    const id = newId('stko');
    await tx.db.execute(sql`insert into secrecy_takeouts (id, document_id, person_id, purpose, destination, due_date, status, created_at)
      values (${id}, ${doc.id}, ${me.id}, ${input.purpose}, ${input.destination}, ${input.dueDate}, 'pending', ${nowIso(tx)})`).catch(() => { throw errors.conflict('该份涉密文件已有带离申请或已带出'); });
    const res = await startFlow(tx, 'secrecy.takeout', { form: { takeoutId: id, documentId: doc.id, hubChiefId: (await hubChief(tx.db, today(tx))).id }, subjectType: 'secrecy_takeout', subjectId: id });
    await tx.db.execute(sql`update secrecy_takeouts set flow_instance_id = ${res.instanceId} where id = ${id}`);
    await audit(tx, { event: 'secrecy.takeout.request', objectType: 'secrecy_document', objectId: doc.id, detail: { takeoutId: id, dueDate: input.dueDate, acknowledged: warnings.map((w) => w.ruleId), instanceId: res.instanceId } });
    return { id, instanceId: res.instanceId, warnings };
  });
}

async function lockTakeout(ctx: Ctx, id: string): Promise<{ id: string; document_id: string; status: string; person_id: string }> {
  const [x] = await rows<{ id: string; document_id: string; status: string; person_id: string }>(ctx.db, sql`select id, document_id, status, person_id from secrecy_takeouts where id = ${id} for update`);
  if (!x) throw errors.notFound('带离登记');
  return x;
}

export async function takeoutOut(ctx: Ctx, id: string): Promise<void> {
  await withTx(ctx, async (tx) => {
    const x = await lockTakeout(tx, id);
    const doc = await lockDoc(tx, x.document_id);
    await requireHandler(tx, doc.level);
    if (x.status !== 'approved') enforce([SEC15.block('带离申请尚未经综合科负责人批准，不得带离')]);
    const [busy] = await rows<{ n: number }>(tx.db, sql`select (select count(*) from secrecy_circulations where document_id = ${doc.id} and returned_at is null)
      + (select count(*) from secrecy_loans where document_id = ${doc.id} and status = 'out')::int as n`);
    if (Number(busy.n) > 0) throw errors.conflict('该文件正在传阅或借出，收回后方可带离');
    await tx.db.execute(sql`update secrecy_takeouts set status = 'out', out_at = ${nowIso(tx)} where id = ${id}`);
    await audit(tx, { event: 'secrecy.takeout.out', objectType: 'secrecy_document', objectId: doc.id, detail: { takeoutId: id, ruleIds: ['SEC-09', 'SEC-15'] } });
  });
}

export async function takeoutBack(ctx: Ctx, id: string): Promise<void> {
  await withTx(ctx, async (tx) => {
    const x = await lockTakeout(tx, id);
    const doc = await lockDoc(tx, x.document_id);
    const me = await requireHandler(tx, doc.level);
    if (x.status !== 'out') throw errors.conflict('该文件未处于带出状态');
    await tx.db.execute(sql`update secrecy_takeouts set status = 'returned', returned_at = ${nowIso(tx)}, returned_to = ${me} where id = ${id}`);
    await audit(tx, { event: 'secrecy.takeout.return', objectType: 'secrecy_document', objectId: doc.id, detail: { takeoutId: id } });
  });
}

export interface TakeoutRow { id: string; regNo: string; levelLabel: string; personName: string; purpose: string; destination: string; dueDate: string; status: string; statusLabel: string; flowInstanceId: string | null; outAt: string | null; returnedAt: string | null; overdue: boolean }
export async function listTakeouts(ctx: Ctx, q: { scope: 'mine' | 'all' }): Promise<TakeoutRow[]> {
  const where = q.scope === 'all' ? sql`true` : sql`x.person_id = ${requireActor(ctx).personId ?? ''}`;
  const found = await rows<Omit<TakeoutRow, 'regNo' | 'levelLabel' | 'statusLabel'> & { year: number; seq: number; level: Level }>(ctx.db,
    sql`select x.id, d.year, d.seq, d.level, p.name as "personName", x.purpose, x.destination, x.due_date::text as "dueDate", x.status, x.flow_instance_id as "flowInstanceId",
      x.out_at::text as "outAt", x.returned_at::text as "returnedAt", (x.status = 'out' and x.due_date < ${today(ctx)}) as overdue
    from secrecy_takeouts x join secrecy_documents d on d.id = x.document_id join people p on p.id = x.person_id where ${where} order by x.created_at desc limit 1000`);
  return found.map(({ year, seq, level, ...r }) => ({ ...r, regNo: regNo(year, seq), levelLabel: LEVEL_LABEL[level], statusLabel: TAKEOUT_STATUS[r.status] ?? r.status }));
}

// ---------------------------------------------------------------- SEC-16 periodic reconciliation (清查、核对)

/** The reconciliation period containing a date: with periodMonths = 3, 2024-11-11 → { code 2024-Q4, label 2024年第4季度, lastMonthStart 2024-12-01 }. */
export function periodOf(date: string): { code: string; label: string; start: string; lastMonthStart: string } {
  const months = SEC16.param('periodMonths');
  const y = Number(date.slice(0, 4));
  const m = Number(date.slice(5, 7));
  const idx = Math.floor((m - 1) / months);
  const startMonth = idx * months + 1;
  const last = startMonth + months - 1;
  const mm = (n: number) => String(n).padStart(2, '0');
  const label = months === 3 ? `${y}年第${idx + 1}季度` : `${y}年${startMonth}—${last}月`;
  return { code: months === 3 ? `${y}-Q${idx + 1}` : `${y}-P${idx + 1}`, label, start: `${y}-${mm(startMonth)}-01`, lastMonthStart: `${y}-${mm(last)}-01` };
}

/**
 * Where the register says a copy is: with a circulation leg's holder, a borrower, a person who
 * took it out, in its cabinet, or with the 文书 awaiting instructions or archiving.
 */
const HOLDER = sql`coalesce(
  (select '传阅：' || u.name || ' ' || p.name from secrecy_circulations c join org_units u on u.id = c.to_unit_id join people p on p.id = c.holder_person_id where c.document_id = d.id and c.returned_at is null limit 1),
  (select '借阅：' || p.name from secrecy_loans l join people p on p.id = l.borrower_person_id where l.document_id = d.id and l.status = 'out' limit 1),
  (select '带离：' || p.name from secrecy_takeouts x join people p on p.id = x.person_id where x.document_id = d.id and x.status = 'out' limit 1),
  case when d.status = 'archived' then '保密柜：' || coalesce(d.cabinet, '') else '文书（综合科）' end)`;

/**
 * SEC-16: a reconciliation lists every registered copy held this year — the year's documents
 * and any earlier one not yet archived (reading of “当年存放的”), plus their copies and
 * excerpts not yet destroyed — with who the register says holds it. One per period.
 */
export async function startCheck(ctx: Ctx): Promise<{ id: string; period: string; items: number }> {
  return withTx(ctx, async (tx) => {
    const me = await requireHandler(tx, 'secret');
    const d = today(tx);
    const p = periodOf(d);
    const year = Number(d.slice(0, 4));
    const id = newId('schk');
    await tx.db.execute(sql`insert into secrecy_checks (id, year, period, started_by, started_on, status, created_at) values (${id}, ${year}, ${p.code}, ${me}, ${d}, 'open', ${nowIso(tx)})`)
      .catch(() => { throw errors.conflict(`${p.label}的清查核对已开始`); });
    const docs = await rows<{ id: string; year: number; seq: number; level: string; copy_no: string; holder: string }>(tx.db,
      sql`select d.id, d.year, d.seq, d.level, d.copy_no, ${HOLDER} as holder from secrecy_documents d where d.status <> 'destroyed' and (d.year = ${year} or d.status <> 'archived') order by d.year, d.seq`);
    for (const x of docs) await tx.db.execute(sql`insert into secrecy_check_items (id, check_id, object_type, object_id, label, level, expected_holder, result)
      values (${newId('schi')}, ${id}, 'document', ${x.id}, ${`${regNo(x.year, x.seq)} 份号${x.copy_no}`}, ${x.level}, ${x.holder}, 'pending')`);
    const copies = await rows<{ id: string; year: number; seq: number; level: string; copy_no: string; kind: string; holder: string }>(tx.db,
      sql`select c.id, d.year, d.seq, c.level, c.copy_no, c.kind, p.name as holder from secrecy_copies c join secrecy_documents d on d.id = c.document_id join people p on p.id = c.holder_person_id
        where c.destroyed_at is null and (d.year = ${year} or d.status <> 'archived') order by d.year, d.seq, c.copy_no`);
    for (const c of copies) await tx.db.execute(sql`insert into secrecy_check_items (id, check_id, object_type, object_id, label, level, expected_holder, result)
      values (${newId('schi')}, ${id}, 'copy', ${c.id}, ${`${regNo(c.year, c.seq)} ${c.kind === 'excerpt' ? '摘抄件' : '复制件'}${c.copy_no}`}, ${c.level}, ${`持有人：${c.holder}`}, 'pending')`);
    await audit(tx, { event: 'secrecy.check.start', objectType: 'secrecy_check', objectId: id, detail: { period: p.code, items: docs.length + copies.length, ruleId: SEC16.id } });
    return { id, period: p.code, items: docs.length + copies.length };
  });
}

export const CheckItem = z.strictObject({ result: z.enum(['present', 'missing', 'mismatch'], { error: '核对结果应为在位、缺失或与登记不符' }), note: z.string().trim().max(60).optional() });

export async function recordCheckItem(ctx: Ctx, itemId: string, raw: unknown): Promise<void> {
  const input = parse(CheckItem, raw, '核对结果');
  enforce([checkNoContent({ 说明: input.note })]);
  if (input.result !== 'present' && !input.note) throw errors.badRequest('缺失或与登记不符的，请写明情况');
  await withTx(ctx, async (tx) => {
    const [it] = await rows<{ check_id: string; level: string }>(tx.db, sql`select check_id, level from secrecy_check_items where id = ${itemId} for update`);
    if (!it) throw errors.notFound('核对条目');
    const [c] = await rows<{ status: string }>(tx.db, sql`select status from secrecy_checks where id = ${it.check_id} for update`);
    if (c.status !== 'open') throw errors.conflict('该次清查核对已结束');
    await requireHandler(tx, it.level);
    await tx.db.execute(sql`update secrecy_check_items set result = ${input.result}, note = ${input.note ?? null}, checked_at = ${nowIso(tx)} where id = ${itemId}`);
    await audit(tx, { event: 'secrecy.check.item', objectType: 'secrecy_check', objectId: it.check_id, detail: { itemId, result: input.result } });
  });
}

/** Closing needs every item checked; problems are reported to the 综合科负责人 (SEC-16 “发现问题及时报告”). */
export async function closeCheck(ctx: Ctx, checkId: string): Promise<{ problems: number; reportedTo: string | null }> {
  return withTx(ctx, async (tx) => {
    const [c] = await rows<{ status: string; period: string }>(tx.db, sql`select status, period from secrecy_checks where id = ${checkId} for update`);
    if (!c) throw errors.notFound('清查核对');
    await requireHandler(tx, 'secret');
    if (c.status !== 'open') throw errors.conflict('该次清查核对已结束');
    const [n] = await rows<{ pending: number; problems: number }>(tx.db, sql`select count(*) filter (where result = 'pending')::int as pending, count(*) filter (where result in ('missing', 'mismatch'))::int as problems
      from secrecy_check_items where check_id = ${checkId}`);
    if (n.pending > 0) enforce([SEC16.block(`尚有 ${n.pending} 份未核对，不能结束清查`)]);
    let reportedTo: string | null = null;
    if (n.problems > 0) {
      const chief = await hubChief(tx.db, today(tx));
      reportedTo = chief.id;
      await notify(tx.db, { recipientPersonId: chief.id, kind: 'info', title: `涉密文件清查核对（${c.period}）发现 ${n.problems} 个问题`, body: '请及时查明并处理（SEC-16）', link: '/secrecy/admin', objectType: 'secrecy_check', objectId: checkId }, tx.clock.now());
    }
    await tx.db.execute(sql`update secrecy_checks set status = 'closed', problems = ${n.problems}, reported_to = ${reportedTo}, closed_at = ${nowIso(tx)} where id = ${checkId}`);
    await audit(tx, { event: 'secrecy.check.close', objectType: 'secrecy_check', objectId: checkId, detail: { problems: n.problems, reportedTo, ruleId: SEC16.id } });
    return { problems: n.problems, reportedTo };
  });
}

export interface CheckRow { id: string; period: string; startedOn: string; startedByName: string; status: string; problems: number | null; reportedToName: string | null; closedAt: string | null; total: number; checked: number }
export async function listChecks(ctx: Ctx): Promise<CheckRow[]> {
  return rows<CheckRow>(ctx.db, sql`select c.id, c.period, c.started_on::text as "startedOn", p.name as "startedByName", c.status, c.problems, r.name as "reportedToName", c.closed_at::text as "closedAt",
      (select count(*)::int from secrecy_check_items i where i.check_id = c.id) as total, (select count(*)::int from secrecy_check_items i where i.check_id = c.id and i.result <> 'pending') as checked
    from secrecy_checks c join people p on p.id = c.started_by left join people r on r.id = c.reported_to order by c.started_on desc, c.period desc`);
}

export interface CheckItemRow { id: string; objectType: string; label: string; levelLabel: string; expectedHolder: string; result: string; note: string | null; checkedAt: string | null }
export async function checkItems(ctx: Ctx, checkId: string): Promise<CheckItemRow[]> {
  const found = await rows<Omit<CheckItemRow, 'levelLabel'> & { level: Level }>(ctx.db, sql`select id, object_type as "objectType", label, level, expected_holder as "expectedHolder", result, note, checked_at::text as "checkedAt"
    from secrecy_check_items where check_id = ${checkId} order by object_type desc, label`);
  await audit(ctx, { event: 'secrecy.check.view', objectType: 'secrecy_check', objectId: checkId });
  return found.map(({ level, ...r }) => ({ ...r, levelLabel: LEVEL_LABEL[level] }));
}

/** SEC-16 reminder state: due from the last month of the period while no reconciliation has been started for it. */
export async function checkDue(ctx: Ctx, asOf = today(ctx)): Promise<{ period: string; label: string; due: boolean; done: boolean }> {
  const p = periodOf(asOf);
  const [c] = await rows<{ n: number }>(ctx.db, sql`select count(*)::int as n from secrecy_checks where period = ${p.code}`);
  return { period: p.code, label: p.label, due: asOf >= p.lastMonthStart && c.n === 0, done: c.n > 0 };
}

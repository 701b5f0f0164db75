import { sql } from 'drizzle-orm';
import { lockNamed } from '../../../kernel/db/mutex';
import { can, requireActor, systemCtx, withTx, type Ctx } from '../../../kernel/context';
import { rows, type Database } from '../../../kernel/db';
import { audit } from '../../../kernel/audit/write';
import { errors } from '../../../kernel/errors';
import { newId } from '../../../kernel/ids';
import { notify, notifyOnce } from '../../../kernel/notify';
import { holdersOfPost, sectionChiefOf, type PersonRef } from '../../../kernel/org/lookups';
import { enforce, type Flagged } from '../../../kernel/rules';
import { localDate, type Clock } from '../../../kernel/time';
import { hubUnitId, parseInput } from '../office/common';
import { FIN03 } from '../rules';
import { CloseInput, CountInput } from './forms';
import { checkCashOnHand, checkClose, checkSupervisor, countFigures, FIN02_2, FIN02_3, scheduleStatus, signedYuan, type ScheduleLine } from './rules';

/** Cash counts (现金盘点, FIN-03) with the IOU and cash-on-hand flags (FIN-02.3, FIN-02.2). */
const today = (ctx: Ctx) => localDate(ctx.clock.now());

/** The 财务负责人 on a date: the holder of the post, else the 综合科科长 (CONF-18). */
export async function financeHead(ctx: Ctx, date: string): Promise<PersonRef | null> {
  const [head] = await holdersOfPost(ctx.db, 'finance_head', undefined, date);
  if (head) return head;
  const hub = await hubUnitId(ctx);
  return hub ? sectionChiefOf(ctx.db, hub, date) : null;
}

export interface CashStaff { financeHead: PersonRef | null; accountants: PersonRef[]; cashiers: PersonRef[]; lastCashierId: string | null; candidates: { id: string; name: string; unitName: string | null }[] }

/** Who the count form offers: the finance head, accountants, cashiers and the people of 综合科. */
export async function cashStaff(ctx: Ctx): Promise<CashStaff> {
  const d = today(ctx);
  const hub = await hubUnitId(ctx);
  const candidates = await rows<{ id: string; name: string; unitName: string | null }>(ctx.db, sql`select p.id, p.name, u.name as "unitName" from people p left join org_units u on u.id = p.unit_id
    where p.active and (p.unit_id = ${hub ?? ''} or p.id in (select person_id from post_holdings where post_code in ('finance_head', 'accountant', 'cashier'))) order by p.id`);
  // Without a 出纳 post on record, the form proposes whoever's cash was counted last.
  const [last] = await rows<{ id: string }>(ctx.db, sql`select cashier_person_id as id from finance_cash_counts order by counted_on desc, created_at desc limit 1`);
  return { financeHead: await financeHead(ctx, d), accountants: await holdersOfPost(ctx.db, 'accountant', undefined, d), cashiers: await holdersOfPost(ctx.db, 'cashier', undefined, d), lastCashierId: last?.id ?? null, candidates };
}

export interface CountRow {
  id: string; no: string; year: number; kind: string; countedOn: string; cashierPersonId: string; cashierName: string; supervisorPersonId: string; supervisorName: string;
  designatedByName: string; supervisorJustification: string | null; bookFen: number; cashFen: number; ious: { description: string; amountFen: number; issuer?: string }[];
  iouFen: number; differenceFen: number; limitFen: number; overLimit: boolean; depositPlannedOn: string | null; flags: string[]; note: string | null;
  explanation: string | null; status: string; recordedByName: string; closedByName: string | null; closedAt: string | null;
}
const COUNT_SELECT = sql`select c.id, 'XJPD-' || c.year || '-' || lpad(c.seq::text, 3, '0') as no, c.year, c.kind, c.counted_on::text as "countedOn",
    c.cashier_person_id as "cashierPersonId", ca.name as "cashierName", c.supervisor_person_id as "supervisorPersonId", su.name as "supervisorName", de.name as "designatedByName",
    c.supervisor_justification as "supervisorJustification", c.book_fen::float8 as "bookFen", c.cash_fen::float8 as "cashFen", c.ious, c.iou_fen::float8 as "iouFen",
    c.difference_fen::float8 as "differenceFen", c.limit_fen::float8 as "limitFen", c.over_limit as "overLimit", c.deposit_planned_on::text as "depositPlannedOn", c.flags, c.note,
    c.explanation, c.status, coalesce(rb.name, c.recorded_by) as "recordedByName", cb.name as "closedByName", c.closed_at as "closedAt"
  from finance_cash_counts c join people ca on ca.id = c.cashier_person_id join people su on su.id = c.supervisor_person_id join people de on de.id = c.designated_by_person_id
  left join people rb on rb.id = c.recorded_by left join people cb on cb.id = c.closed_by`;

export async function listCounts(ctx: Ctx, q: { from?: string; to?: string } = {}): Promise<CountRow[]> {
  const where = [sql`true`];
  if (q.from) where.push(sql`c.counted_on >= ${q.from}`);
  if (q.to) where.push(sql`c.counted_on <= ${q.to}`);
  return rows<CountRow>(ctx.db, sql`${COUNT_SELECT} where ${sql.join(where, sql` and `)} order by c.counted_on desc, c.year desc, c.seq desc`);
}

export async function getCount(ctx: Ctx, id: string, lock = false): Promise<CountRow> {
  if (lock) await ctx.db.execute(sql`select id from finance_cash_counts where id = ${id} for update`);
  const [c] = await rows<CountRow>(ctx.db, sql`${COUNT_SELECT} where c.id = ${id}`);
  if (!c) throw errors.notFound('现金盘点记录');
  return c;
}

/** Counts the 财务负责人 must look at: a difference, IOUs (FIN-02.3) or cash above the limit (FIN-02.2). */
export async function countExceptions(ctx: Ctx): Promise<CountRow[]> {
  return (await listCounts(ctx)).filter((c) => c.flags.length > 0);
}

async function personExists(ctx: Ctx, id: string, role: string): Promise<void> {
  const [p] = await rows<{ id: string }>(ctx.db, sql`select id from people where id = ${id} and active`);
  if (!p) throw errors.badRequest(`${role}不存在或已离岗，请重新选择`);
}

/**
 * Record a count (FIN-03). The supervisor rules block before anything is written; IOUs and
 * cash above the limit are warnings the recorder acknowledges, and the finance head is told.
 */
export async function recordCount(ctx: Ctx, raw: unknown, acknowledged: string[] = []): Promise<{ count: CountRow; warnings: Flagged[] }> {
  return withTx(ctx, async (tx) => {
    if (!can(tx, 'finance.cash')) throw errors.forbidden(`现金盘点由综合科财务人员登记（${FIN03.id}）`);
    const input = parseInput(CountInput, raw, '现金盘点');
    const me = requireActor(tx);
    if (input.countedOn > today(tx)) throw errors.badRequest('盘点日期不能晚于今天');
    const designatedBy = input.designatedByPersonId ?? me.personId ?? '';
    await personExists(tx, input.cashierPersonId, '出纳');
    await personExists(tx, input.supervisorPersonId, '监盘人');
    const head = await financeHead(tx, input.countedOn);
    const accountants = await holdersOfPost(tx.db, 'accountant', undefined, input.countedOn);
    const fig = countFigures(input.bookFen, input.cashFen, input.ious);
    const verdicts = [
      ...checkSupervisor({ cashierId: input.cashierPersonId, supervisorId: input.supervisorPersonId, designatedById: designatedBy, financeHeadId: head?.id ?? null,
        supervisorIsAccountant: accountants.some((a) => a.id === input.supervisorPersonId), justification: input.supervisorJustification }),
      ...checkCashOnHand(fig, input.ious, input.depositPlannedOn),
    ];
    const warnings = enforce(verdicts, acknowledged);
    const flags = [...(fig.differenceFen !== 0 ? [FIN03.id] : []), ...(input.ious.length ? [FIN02_3.id] : []), ...(fig.overLimit ? [FIN02_2.id] : [])];
    const year = Number(input.countedOn.slice(0, 4));
    await lockNamed(tx.db, 'finance_cash_counts');
    const [{ seq }] = await rows<{ seq: number }>(tx.db, sql`select coalesce(max(seq), 0)::int + 1 as seq from finance_cash_counts where year = ${year}`);
    const id = newId('csc');
    await tx.db.execute(sql`insert into finance_cash_counts (id, year, seq, kind, counted_on, cashier_person_id, supervisor_person_id, designated_by_person_id, supervisor_justification,
        book_fen, cash_fen, ious, iou_fen, difference_fen, limit_fen, over_limit, deposit_planned_on, flags, note, status, recorded_by, created_at)
      values (${id}, ${year}, ${seq}, ${input.kind}, ${input.countedOn}, ${input.cashierPersonId}, ${input.supervisorPersonId}, ${designatedBy}, ${input.supervisorJustification ?? null},
        ${fig.bookFen}, ${fig.cashFen}, ${JSON.stringify(input.ious)}::jsonb, ${fig.iouFen}, ${fig.differenceFen}, ${fig.limitFen}, ${fig.overLimit}, ${input.depositPlannedOn ?? null},
        ${JSON.stringify(flags)}::jsonb, ${input.note ?? null}, 'open', ${me.personId ?? me.accountId}, ${tx.clock.now().toISOString()})`);
    await audit(tx, { event: 'finance.cash_count.record', objectType: 'finance_cash_count', objectId: id, detail: { kind: input.kind, countedOn: input.countedOn, ...fig, flags, warnings: warnings.map((w) => w.message) } });
    const count = await getCount(tx, id);
    if (flags.length && head && head.id !== me.personId) await reportToHead(tx, head.id, count);
    return { count, warnings };
  });
}

/** FIN-03 / FIN-02.2 / FIN-02.3 REPORT: the finance head is told of every flagged count. */
async function reportToHead(ctx: Ctx, headId: string, c: CountRow): Promise<void> {
  const parts = [c.differenceFen !== 0 ? `账实差额${signedYuan(c.differenceFen)}` : '', c.iouFen > 0 ? `白条${c.ious.length}张（FIN-02.3）` : '', c.overLimit ? `超过库存现金限额（FIN-02.2）` : ''].filter(Boolean);
  await notify(ctx.db, { recipientPersonId: headId, kind: 'info', title: `现金盘点${c.no}发现问题：${parts.join('、')}`, body: `盘点日期${c.countedOn}，出纳${c.cashierName}，监盘人${c.supervisorName}。`, link: '/finance/cash-counts', objectType: 'finance_cash_count', objectId: c.id }, ctx.clock.now());
}

/** Close a count: with a difference or IOUs only with an explanation (FIN-03). */
export async function closeCount(ctx: Ctx, id: string, raw: unknown): Promise<CountRow> {
  return withTx(ctx, async (tx) => {
    if (!can(tx, 'finance.cash')) throw errors.forbidden(`现金盘点由综合科财务人员办理（${FIN03.id}）`);
    const input = parseInput(CloseInput, raw, '结束盘点');
    const c = await getCount(tx, id, true);
    if (c.status === 'closed') throw errors.conflict('该盘点已结束');
    enforce(checkClose(c.differenceFen, c.iouFen, input.explanation));
    const me = requireActor(tx);
    await tx.db.execute(sql`update finance_cash_counts set status = 'closed', explanation = ${input.explanation ?? null}, closed_by = ${me.personId ?? me.accountId}, closed_at = ${tx.clock.now().toISOString()} where id = ${id}`);
    await audit(tx, { event: 'finance.cash_count.close', objectType: 'finance_cash_count', objectId: id, detail: { differenceFen: c.differenceFen, iouFen: c.iouFen, explanation: input.explanation ?? null } });
    return getCount(tx, id);
  });
}

/** FIN-03 schedule from the first count the office recorded (before it, nothing can be overdue). */
export async function countSchedule(ctx: Ctx): Promise<ScheduleLine[]> {
  const counts = await rows<{ kind: string; countedOn: string }>(ctx.db, sql`select kind, counted_on::text as "countedOn" from finance_cash_counts`);
  const d = today(ctx);
  const from = counts.reduce((m, c) => (c.countedOn < m ? c.countedOn : m), d);
  return scheduleStatus(counts, from, d);
}

/**
 * FIN-03 reminder (a job): each overdue period is reported once to the finance head. Several
 * servers send one notice: a named mutex (lockNamed), then notifyOnce per period.
 */
export async function remindCashCounts(database: Database, clock: Clock): Promise<number> {
  return withTx(systemCtx(database.db, clock), async (tx) => {
    await lockNamed(tx.db, 'finance_cash_count_reminder');
    const head = await financeHead(tx, today(tx));
    if (!head) return 0;
    let sent = 0;
    for (const line of (await countSchedule(tx)).filter((l) => l.state === 'overdue')) {
      const what = line.kind === 'scheduled' ? '定期现金盘点' : `不定期现金盘点（至少${line.required}次）`;
      const title = `${line.label}未完成${what}`;
      const body = `市办应当定期和不定期进行现金盘点（${FIN03.id} ${FIN03.cite}）。`;
      if (await notifyOnce(tx.db, [head.id], { kind: 'overdue', title, body, link: '/finance/cash-counts', objectType: 'finance_cash_schedule', objectId: `${line.kind}:${line.key}` }, clock.now())) sent++;
    }
    return sent;
  });
}

import { sql } from 'drizzle-orm';
import { lockNamed } from '../../../kernel/db/mutex';
import { can, requireActor, systemCtx, withTx, type Ctx } from '../../../kernel/context';
import { rows, type Database } from '../../../kernel/db';
import { audit } from '../../../kernel/audit/write';
import { CalendarYearNotPublished, loadWorkingCalendar, type WorkingCalendar } from '../../../kernel/calendar';
import { errors } from '../../../kernel/errors';
import { newId } from '../../../kernel/ids';
import { notifyOnce } from '../../../kernel/notify';
import { localDate, type Clock } from '../../../kernel/time';
import { parseInput } from '../office/common';
import { FIN18 } from '../rules';
import { dueDates, dueState, RECURRENCES, type DueState, type Recurrence } from './calendar';
import { financeHead } from './counts';
import { ReportInput, SentInput } from './forms';

/** FIN-18: the statutory report calendar, reminders before the due date, the overdue list. */
export interface ReportEntry { id: string; name: string; recipient: string; firstDueOn: string; recurrence: Recurrence; responsiblePersonId: string; responsibleName: string; note: string | null; active: boolean }
export interface ReportOccurrence {
  entryId: string; name: string; recipient: string; recurrence: string; responsiblePersonId: string; responsibleName: string;
  dueOn: string; remindFrom: string | null; state: DueState; sentOn: string | null; reference: string | null;
}

const today = (ctx: Ctx) => localDate(ctx.clock.now());
const ENTRY_SELECT = sql`select e.id, e.name, e.recipient, e.first_due_on::text as "firstDueOn", e.recurrence, e.responsible_person_id as "responsiblePersonId",
    p.name as "responsibleName", e.note, e.active from finance_report_calendar e join people p on p.id = e.responsible_person_id`;

export async function listReportEntries(ctx: Ctx): Promise<ReportEntry[]> {
  return rows<ReportEntry>(ctx.db, sql`${ENTRY_SELECT} order by e.active desc, e.first_due_on, e.name`);
}

/** N working days before the due date (kernel calendar); unknown while that year is unpublished. */
function remindFrom(cal: WorkingCalendar, dueOn: string): string | null {
  try {
    return cal.add(dueOn, -FIN18.param('remindWorkingDays'));
  } catch (e) {
    if (e instanceof CalendarYearNotPublished) return null;
    throw e;
  }
}

/**
 * Every occurrence of the active reports up to the first one after today, with what was sent.
 * The overdue list and the reminders are read from this.
 */
export async function reportOccurrences(ctx: Ctx): Promise<ReportOccurrence[]> {
  const d = today(ctx);
  const cal = await loadWorkingCalendar(ctx.db);
  const entries = (await listReportEntries(ctx)).filter((e) => e.active);
  const sent = await rows<{ entryId: string; dueOn: string; sentOn: string; reference: string }>(ctx.db, sql`select entry_id as "entryId", due_on::text as "dueOn", sent_on::text as "sentOn", reference from finance_report_submissions`);
  const byKey = new Map(sent.map((s) => [`${s.entryId}:${s.dueOn}`, s]));
  const out: ReportOccurrence[] = [];
  for (const e of entries) {
    for (const dueOn of dueDates(e.firstDueOn, e.recurrence, d)) {
      const s = byKey.get(`${e.id}:${dueOn}`);
      const from = remindFrom(cal, dueOn);
      out.push({ entryId: e.id, name: e.name, recipient: e.recipient, recurrence: e.recurrence, responsiblePersonId: e.responsiblePersonId, responsibleName: e.responsibleName,
        dueOn, remindFrom: from, state: dueState(dueOn, d, from, !!s), sentOn: s?.sentOn ?? null, reference: s?.reference ?? null });
    }
  }
  return out.sort((a, b) => a.dueOn.localeCompare(b.dueOn) || a.name.localeCompare(b.name));
}

export async function overdueReports(ctx: Ctx): Promise<ReportOccurrence[]> {
  return (await reportOccurrences(ctx)).filter((o) => o.state === 'overdue');
}

async function requireFinance(ctx: Ctx): Promise<void> {
  if (!can(ctx, 'finance.cash')) throw errors.forbidden(`报表报送日历由综合科财务人员维护（${FIN18.id}）`);
}

export async function createReportEntry(ctx: Ctx, raw: unknown): Promise<ReportEntry> {
  return withTx(ctx, async (tx) => {
    await requireFinance(tx);
    const input = parseInput(ReportInput, raw, '报表报送日历');
    const responsible = input.responsiblePersonId ?? (await financeHead(tx, today(tx)))?.id ?? requireActor(tx).personId;
    if (!responsible) throw errors.badRequest('请指定报送责任人');
    const [p] = await rows<{ id: string }>(tx.db, sql`select id from people where id = ${responsible} and active`);
    if (!p) throw errors.badRequest('报送责任人不存在或已离岗');
    const id = newId('rpc');
    const me = requireActor(tx);
    await tx.db.execute(sql`insert into finance_report_calendar (id, name, recipient, first_due_on, recurrence, responsible_person_id, note, active, created_by, created_at)
      values (${id}, ${input.name}, ${input.recipient}, ${input.firstDueOn}, ${input.recurrence}, ${responsible}, ${input.note ?? null}, true, ${me.personId ?? me.accountId}, ${tx.clock.now().toISOString()})`);
    await audit(tx, { event: 'finance.report_calendar.create', objectType: 'finance_report_calendar', objectId: id, detail: { ...input, responsiblePersonId: responsible } });
    const [e] = await rows<ReportEntry>(tx.db, sql`${ENTRY_SELECT} where e.id = ${id}`);
    return e;
  });
}

/** A report no longer required stops reminding; its history stays. */
export async function deactivateReportEntry(ctx: Ctx, id: string): Promise<void> {
  await withTx(ctx, async (tx) => {
    await requireFinance(tx);
    const [e] = await rows<{ active: boolean }>(tx.db, sql`select active from finance_report_calendar where id = ${id} for update`);
    if (!e) throw errors.notFound('报表报送事项');
    if (!e.active) throw errors.conflict('该报表已停用');
    await tx.db.execute(sql`update finance_report_calendar set active = false where id = ${id}`);
    await audit(tx, { event: 'finance.report_calendar.deactivate', objectType: 'finance_report_calendar', objectId: id });
  });
}

/** Mark one occurrence sent, with the date and the reference; a late sending is recorded as late. */
export async function markReportSent(ctx: Ctx, id: string, raw: unknown): Promise<{ late: boolean }> {
  return withTx(ctx, async (tx) => {
    await requireFinance(tx);
    const input = parseInput(SentInput, raw, '报送登记');
    const [e] = await rows<ReportEntry>(tx.db, sql`${ENTRY_SELECT} where e.id = ${id} for update of e`);
    if (!e) throw errors.notFound('报表报送事项');
    if (!dueDates(e.firstDueOn, e.recurrence, input.dueOn).includes(input.dueOn)) throw errors.badRequest(`${input.dueOn}不是“${e.name}”的报送期限（${RECURRENCES[e.recurrence]}，首次${e.firstDueOn}）`);
    if (input.sentOn > today(tx)) throw errors.badRequest('报送日期不能晚于今天');
    const [dup] = await rows<{ id: string }>(tx.db, sql`select id from finance_report_submissions where entry_id = ${id} and due_on = ${input.dueOn}`);
    if (dup) throw errors.conflict(`“${e.name}”${input.dueOn}期已登记报送`);
    const late = input.sentOn > input.dueOn;
    const me = requireActor(tx);
    const sid = newId('rps');
    await tx.db.execute(sql`insert into finance_report_submissions (id, entry_id, due_on, sent_on, reference, note, sent_by, created_at)
      values (${sid}, ${id}, ${input.dueOn}, ${input.sentOn}, ${input.reference}, ${input.note ?? null}, ${me.personId ?? me.accountId}, ${tx.clock.now().toISOString()})`);
    await audit(tx, { event: 'finance.report_calendar.sent', objectType: 'finance_report_calendar', objectId: id, detail: { submissionId: sid, ...input, late } });
    return { late };
  });
}

/**
 * FIN-18 reminders (a job): an approaching report is announced once to its responsible person,
 * an overdue one once to them and to the finance head. A named mutex and notifyOnce: several
 * servers send each notice once.
 */
export async function remindReports(database: Database, clock: Clock): Promise<number> {
  return withTx(systemCtx(database.db, clock), async (tx) => {
    await lockNamed(tx.db, 'finance_report_reminder');
    const head = await financeHead(tx, today(tx));
    let sent = 0;
    for (const o of (await reportOccurrences(tx)).filter((x) => x.state === 'approaching' || x.state === 'overdue')) {
      const title = o.state === 'overdue' ? `“${o.name}”已逾期未报送（期限${o.dueOn}）` : `“${o.name}”将于${o.dueOn}到期，请按时报送${o.recipient}`;
      const to = [o.responsiblePersonId, ...(o.state === 'overdue' && head ? [head.id] : [])];
      const notice = { kind: o.state === 'overdue' ? ('overdue' as const) : ('due' as const), title, body: `按时向有关单位报送各类报表（${FIN18.id} ${FIN18.cite}）。`, link: '/finance/report-calendar' };
      if (await notifyOnce(tx.db, to, { ...notice, objectType: 'finance_report', objectId: `${o.entryId}:${o.dueOn}:${o.state}` }, clock.now())) sent++;
    }
    return sent;
  });
}

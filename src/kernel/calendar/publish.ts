import { sql } from 'drizzle-orm';
import { requireActor, withTx, type Ctx } from '../context';
import { errors } from '../errors';
import { enforce } from '../rules';
import { audit } from '../audit/write';
import { checkFourEyes } from './rules';
import { lockYear, noticeRows, requireStatus, touchYear, yearEmpty } from './store';
import { summarize, yearVerdicts } from './summary';

/**
 * Review and publishing of a year (calendar.md §3.4.3–§3.4.5, SECREQ-47).
 *
 * Who: security.md does not say which role enters or approves the calendar. We read the
 * calendar as system configuration, so 系统管理员 (sysadmin) hold both calendar.edit and
 * calendar.publish, and the 四眼原则 is enforced per person, not per role: whoever created
 * the year, entered or changed any of its rows, or submitted it cannot publish it (CAL-05).
 * An office therefore needs a second account holding calendar.publish (a second 系统管理员,
 * as 等保 "应配备一定数量的系统管理员" expects, or a role the 安全管理员 grants it to).
 */
export async function submitYear(ctx: Ctx, year: number, opts: { acknowledge?: string[] } = {}): Promise<void> {
  const actor = requireActor(ctx);
  await withTx(ctx, async (tx) => {
    const y = await lockYear(tx.db, year);
    requireStatus(y, 'draft', '提交审核');
    const rows = await noticeRows(tx.db, year);
    if (rows.length === 0) throw yearEmpty(year);
    const acknowledged = enforce(yearVerdicts(year, rows), opts.acknowledge ?? []);
    await tx.db.execute(sql`update calendar_year set status = 'review', submitted_by = ${actor.accountId},
      submitted_at = ${tx.clock.now().toISOString()}, return_note = null where year = ${year}`);
    await touchYear(tx.db, year);
    await audit(tx, {
      event: 'calendar.year.submit',
      objectType: 'calendar_year',
      objectId: String(year),
      detail: { summary: summarize(year, rows), acknowledged: acknowledged.map((w) => w.message) },
    });
  });
}

/** The reviewer sends the year back to draft with the reason, so that it can be corrected. */
export async function returnYear(ctx: Ctx, year: number, input: { note: string }): Promise<void> {
  requireActor(ctx);
  const note = (input.note ?? '').trim();
  if (!note) throw errors.badRequest('请填写退回原因');
  await withTx(ctx, async (tx) => {
    const y = await lockYear(tx.db, year);
    requireStatus(y, 'review', '退回');
    await tx.db.execute(sql`update calendar_year set status = 'draft', return_note = ${note} where year = ${year}`);
    await touchYear(tx.db, year);
    await audit(tx, { event: 'calendar.year.return', objectType: 'calendar_year', objectId: String(year), detail: { note } });
  });
}

export async function publishYear(ctx: Ctx, year: number, opts: { acknowledge?: string[] } = {}): Promise<void> {
  const actor = requireActor(ctx);
  await withTx(ctx, async (tx) => {
    const y = await lockYear(tx.db, year);
    requireStatus(y, 'review', '发布');
    const rows = await noticeRows(tx.db, year);
    if (rows.length === 0) throw yearEmpty(year);
    enforce([checkFourEyes(actor.accountId, [y.createdBy, y.submittedBy, ...rows.map((r) => r.enteredBy)])]);
    const acknowledged = enforce(yearVerdicts(year, rows), opts.acknowledge ?? []);
    const now = tx.clock.now().toISOString();
    await tx.db.execute(sql`update calendar_year set status = 'published', approved_by = ${actor.accountId}, approved_at = ${now} where year = ${year}`);
    await tx.db.execute(sql`update work_calendar set approved_by = ${actor.accountId}, approved_at = ${now} where notice_year = ${year}`);
    await touchYear(tx.db, year);
    const summary = summarize(year, rows);
    await audit(tx, {
      event: 'calendar.year.publish',
      objectType: 'calendar_year',
      objectId: String(year),
      detail: { sourceDoc: y.sourceDoc, summary, acknowledged: acknowledged.map((w) => w.message) },
    });
  });
}

import { sql } from 'drizzle-orm';
import { systemCtx, withTx } from '../../kernel/context';
import { audit } from '../../kernel/audit/write';
import { rows, type Database } from '../../kernel/db';
import { notify } from '../../kernel/notify';
import { sectionChiefOf } from '../../kernel/org/lookups';
import { localDate, type Clock } from '../../kernel/time';
import { DOC19, DOC27 } from './incoming-rules';
import { clerks, logEvent } from './incoming-service';

/**
 * Background reminders (Module.jobs; safe on several servers):
 * - 催办 (DOC-27): an incoming document at or past its deadline and not completed is chased once a
 *   day — the handling section's head and the 文书 are told and the chase is logged.
 * - DOC-19: an urgent outgoing document that is numbered but not yet printed raises a print task
 *   for 综合科 at once (one notice per document).
 * Rows are claimed with FOR UPDATE SKIP LOCKED and marked in the same transaction as the notice,
 * so two servers never send the same reminder.
 */
export async function chaseDueIncoming(database: Database, clock: Clock): Promise<number> {
  const ctx = systemCtx(database.db, clock);
  const today = localDate(clock.now());
  return withTx(ctx, async (tx) => {
    const due = await rows<{ id: string; title: string; handling_unit_id: string | null; effective_due_date: string; register_no: string | null }>(
      tx.db,
      sql`select id, title, handling_unit_id, effective_due_date::text, register_no from doc_incoming
          where status = 'in_handling' and effective_due_date <= ${today} and (last_chased_on is null or last_chased_on < ${today})
          order by effective_due_date for update skip locked`,
    );
    const hub = due.length ? await clerks(tx.db, today) : [];
    for (const d of due) {
      const overdue = d.effective_due_date < today;
      const chief = d.handling_unit_id ? await sectionChiefOf(tx.db, d.handling_unit_id, today) : null;
      const title = overdue ? `收文逾期未办结：${d.title}` : `收文今日到期：${d.title}`;
      const body = `收文编号${d.register_no ?? ''}，办理期限${d.effective_due_date}。难以按时完成的，请主动与来文部门商定回复时间及方式并登记（${DOC27.id}）。`;
      for (const p of new Set([...(chief ? [chief.id] : []), ...hub])) {
        await notify(tx.db, { recipientPersonId: p, kind: overdue ? 'overdue' : 'due', title, body, link: `/documents/incoming/${d.id}`, objectType: 'incoming_document', objectId: d.id }, tx.clock.now());
      }
      await logEvent(tx, d.id, 'chase', { fromLabel: '系统', toLabel: chief?.name ?? null, text: overdue ? `自动催办：已逾期（期限${d.effective_due_date}）` : `自动提醒：今日到期` });
      await tx.db.execute(sql`update doc_incoming set last_chased_on = ${today} where id = ${d.id}`);
    }
    if (due.length) await audit(tx, { event: 'documents.incoming.chase_job', detail: { documents: due.map((d) => d.id), on: today } });
    return due.length;
  });
}

export async function remindUrgentPrinting(database: Database, clock: Clock): Promise<number> {
  const ctx = systemCtx(database.db, clock);
  const today = localDate(clock.now());
  return withTx(ctx, async (tx) => {
    const docs = await rows<{ id: string; title: string; doc_number: string; urgency: string }>(
      tx.db,
      sql`select d.id, d.title, d.doc_number, d.urgency from doc_outgoing d
          where d.doc_number is not null and d.urgency in ('特急', '加急') and d.status = 'numbered'
            and not exists (select 1 from doc_issue_steps s where s.document_id = d.id and s.step = 'print')
            and not exists (select 1 from notifications n where n.object_type = 'document' and n.object_id = d.id and n.kind = 'remind' and n.title like '紧急公文待印制%')
          for update of d skip locked`,
    );
    const hub = docs.length ? await clerks(tx.db, today) : [];
    for (const d of docs) {
      for (const p of hub) {
        await notify(tx.db, { recipientPersonId: p, kind: 'remind', title: `紧急公文待印制：${d.doc_number}`, body: `${d.title}（${d.urgency}）已编号，请及时印制（${DOC19.id}）`, link: `/documents/${d.id}`, objectType: 'document', objectId: d.id }, tx.clock.now());
      }
    }
    if (docs.length) await audit(tx, { event: 'documents.issue.urgent_print_reminder', detail: { documents: docs.map((d) => d.id) } });
    return docs.length;
  });
}

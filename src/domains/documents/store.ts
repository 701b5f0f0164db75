import { createHash } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import type { Db } from '../../kernel/db';
import { rows } from '../../kernel/db';
import { errors } from '../../kernel/errors';
import { outgoingDocuments } from './schema';

export type DocRow = typeof outgoingDocuments.$inferSelect;

export async function loadDoc(db: Db, id: string, lock = false): Promise<DocRow> {
  const q = db.select().from(outgoingDocuments).where(eq(outgoingDocuments.id, id));
  const [row] = lock ? await q.for('update') : await q;
  if (!row) throw errors.notFound('公文');
  return row;
}

/**
 * What the signer signed: title, recipients, body and attachment list. Numbering compares it
 * with the text at sign-off (DOC-16c), so an edit after signing never slips through.
 */
export function contentHash(d: Pick<DocRow, 'title' | 'mainRecipients' | 'ccRecipients' | 'body' | 'attachments'>): string {
  const payload = JSON.stringify([d.title, d.mainRecipients, d.ccRecipients, d.body, d.attachments.map((a) => a.title)]);
  return createHash('sha256').update(payload).digest('hex');
}

/** 综合科: the unit of the office's 文书 (R-CLERK: the document clerk sits in 综合科). */
export async function hubUnitId(db: Db): Promise<string | null> {
  const [r] = await rows<{ unit_id: string | null }>(db, sql`select unit_id from post_holdings where post_code = 'clerk' and end_date is null order by start_date limit 1`);
  return r?.unit_id ?? null;
}

/** The flow task person who signed the last step of an instance (the 签发人). */
export async function lastStepSigner(db: Db, instanceId: string): Promise<{ personId: string; name: string } | null> {
  const [r] = await rows<{ person_id: string; name: string }>(
    db,
    sql`select t.decided_by_person_id as person_id, p.name from flow_tasks t join flow_instances i on i.id = t.instance_id
        join people p on p.id = t.decided_by_person_id
        where t.instance_id = ${instanceId} and t.status = 'approved' and t.step_index = jsonb_array_length(i.plan) - 1
        order by t.decided_at desc limit 1`,
  );
  return r ? { personId: r.person_id, name: r.name } : null;
}

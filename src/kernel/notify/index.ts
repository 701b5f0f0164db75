import { sql } from 'drizzle-orm';
import { rows, type Db } from '../db';
import { newId } from '../ids';

export interface NewNotification {
  recipientPersonId: string;
  kind: 'remind' | 'due' | 'overdue' | 'escalate' | 'info';
  title: string;
  body?: string;
  link?: string;
  objectType?: string;
  objectId?: string;
}

/** Queue a message for a person (in the caller's transaction). */
export async function notify(db: Db, n: NewNotification, at: Date): Promise<string> {
  const id = newId('ntf');
  await db.execute(sql`insert into notifications (id, recipient_person_id, kind, title, body, link, object_type, object_id, created_at)
    values (${id}, ${n.recipientPersonId}, ${n.kind}, ${n.title}, ${n.body ?? ''}, ${n.link ?? null}, ${n.objectType ?? null}, ${n.objectId ?? null}, ${at.toISOString()})`);
  return id;
}

/**
 * Send a reminder about one object once, ever: nothing is sent when any notice about
 * (objectType, objectId) exists already. Each recipient gets one copy, in one INSERT. Call it
 * under the sweep's `lockNamed` so that several servers running the same job send it once.
 */
export async function notifyOnce(
  db: Db,
  recipients: Iterable<string>,
  n: Omit<NewNotification, 'recipientPersonId' | 'objectType' | 'objectId'> & { objectType: string; objectId: string },
  at: Date,
): Promise<boolean> {
  const people = [...new Set(recipients)];
  if (people.length === 0) return false;
  const values = people.map((p) => sql`(${newId('ntf')}, ${p}, ${n.kind}, ${n.title}, ${n.body ?? ''}, ${n.link ?? null}, ${n.objectType}, ${n.objectId}, ${at.toISOString()}::timestamptz)`);
  const sent = await rows(db, sql`insert into notifications (id, recipient_person_id, kind, title, body, link, object_type, object_id, created_at)
    select * from (values ${sql.join(values, sql`, `)}) v
    where not exists (select 1 from notifications where object_type = ${n.objectType} and object_id = ${n.objectId})
    returning 1`);
  return sent.length > 0;
}

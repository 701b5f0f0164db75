import { sql } from 'drizzle-orm';
import type { Db } from '../db';
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

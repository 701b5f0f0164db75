import { index, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/**
 * Messages to a person: reminders (催办), deadline warnings, escalations, circulation
 * notices. They show on the 工作台 under 待阅 until read.
 */
export const notifications = pgTable(
  'notifications',
  {
    id: text('id').primaryKey(),
    recipientPersonId: text('recipient_person_id').notNull(),
    /** remind | due | overdue | escalate | info */
    kind: text('kind').notNull(),
    title: text('title').notNull(),
    body: text('body').notNull().default(''),
    /** Path in the web app, e.g. /flow/instances/flw_… */
    link: text('link'),
    objectType: text('object_type'),
    objectId: text('object_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    readAt: timestamp('read_at', { withTimezone: true }),
  },
  (t) => [index('notifications_recipient_idx').on(t.recipientPersonId, t.readAt)],
);

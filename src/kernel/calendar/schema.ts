import { sql } from 'drizzle-orm';
import { check, date, index, integer, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/**
 * One State Council holiday notice (国务院办公厅关于Y年部分节假日安排的通知) per year.
 * Only `published` years answer working-day questions (calendar.md §3.3, fail closed).
 * `revision` changes on every write to the year or its rows: servers sharing one database
 * compare it to validate their in-memory copy of the calendar.
 */
export const calendarYears = pgTable(
  'calendar_year',
  {
    year: integer('year').primaryKey(),
    /** draft → review → published; a reviewer may send a review back to draft. */
    status: text('status').notNull().default('draft'),
    /** The notice number, e.g. 国办发明电〔2025〕7号. */
    sourceDoc: text('source_doc').notNull(),
    /** Where the data came from: `manual`, or the seed package and version. */
    origin: text('origin').notNull().default('manual'),
    revision: text('revision').notNull(),
    createdBy: text('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    submittedBy: text('submitted_by'),
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
    approvedBy: text('approved_by'),
    approvedAt: timestamp('approved_at', { withTimezone: true }),
    /** The reviewer's reason when a review is sent back to draft. */
    returnNote: text('return_note'),
  },
  (t) => [check('calendar_year_status_ck', sql`${t.status} in ('draft','review','published')`)],
);

/**
 * Dates that differ from the Monday–Friday rule: days off (holiday) and 调休 make-up
 * working days on a weekend (adjusted_workday). `notice_year` is the notice the row belongs
 * to; it can be the next calendar year for late-December 元旦 rows (calendar.md fact 8).
 */
export const workCalendar = pgTable(
  'work_calendar',
  {
    date: date('date', { mode: 'string' }).primaryKey(),
    noticeYear: integer('notice_year')
      .notNull()
      .references(() => calendarYears.year, { onDelete: 'cascade' }),
    kind: text('kind').notNull(),
    festival: text('festival').notNull(),
    sourceDoc: text('source_doc').notNull(),
    enteredBy: text('entered_by'),
    enteredAt: timestamp('entered_at', { withTimezone: true }).notNull().defaultNow(),
    approvedBy: text('approved_by'),
    approvedAt: timestamp('approved_at', { withTimezone: true }),
  },
  (t) => [
    check('work_calendar_kind_ck', sql`${t.kind} in ('holiday','adjusted_workday')`),
    index('work_calendar_notice_year_idx').on(t.noticeYear),
  ],
);

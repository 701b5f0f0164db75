import { bigint, boolean, date, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';

/**
 * Cash counts (现金盘点, FIN-03 with FIN-02.2/02.3) and the statutory report calendar (FIN-18).
 * Money is integer fen; dates the rules reason about are local dates.
 */

/** One count of the cash box: 定期 or 不定期, with the designated supervisor and the IOUs found. */
export const financeCashCounts = pgTable(
  'finance_cash_counts',
  {
    id: text('id').primaryKey(),
    /** XJPD-YYYY-NNN per calendar year, never reused. */
    year: integer('year').notNull(),
    seq: integer('seq').notNull(),
    /** scheduled (定期) | unscheduled (不定期) */
    kind: text('kind').notNull(),
    countedOn: date('counted_on', { mode: 'string' }).notNull(),
    cashierPersonId: text('cashier_person_id').notNull(),
    supervisorPersonId: text('supervisor_person_id').notNull(),
    /** The 财务负责人 who designated the supervisor (FIN-03). */
    designatedByPersonId: text('designated_by_person_id').notNull(),
    /** Why a non-accountant supervises (FIN-03 "一般"), acknowledged as a warning. */
    supervisorJustification: text('supervisor_justification'),
    bookFen: bigint('book_fen', { mode: 'number' }).notNull(),
    cashFen: bigint('cash_fen', { mode: 'number' }).notNull(),
    /** 白条 found in the box (FIN-02.3): listed, never counted as cash. */
    ious: jsonb('ious').$type<{ description: string; amountFen: number; issuer?: string }[]>().notNull(),
    iouFen: bigint('iou_fen', { mode: 'number' }).notNull(),
    /** cash − book, computed at recording. */
    differenceFen: bigint('difference_fen', { mode: 'number' }).notNull(),
    /** FIN-02.2: the limit in force at the count, and whether cash or book exceeded it. */
    limitFen: bigint('limit_fen', { mode: 'number' }).notNull(),
    overLimit: boolean('over_limit').notNull(),
    depositPlannedOn: date('deposit_planned_on', { mode: 'string' }),
    /** The rule ids this count is flagged under (FIN-02.2, FIN-02.3, FIN-03). */
    flags: jsonb('flags').$type<string[]>().notNull(),
    note: text('note'),
    explanation: text('explanation'),
    /** open | closed */
    status: text('status').notNull(),
    recordedBy: text('recorded_by').notNull(),
    closedBy: text('closed_by'),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [uniqueIndex('finance_cash_counts_no_idx').on(t.year, t.seq), index('finance_cash_counts_date_idx').on(t.countedOn)],
);

/** A report the finance function sends outside on a schedule (FIN-18, CFG-REPORT-CALENDAR). */
export const financeReportCalendar = pgTable('finance_report_calendar', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  recipient: text('recipient').notNull(),
  /** The first due date; later ones follow the recurrence. */
  firstDueOn: date('first_due_on', { mode: 'string' }).notNull(),
  /** once | monthly | quarterly | yearly */
  recurrence: text('recurrence').notNull(),
  responsiblePersonId: text('responsible_person_id').notNull(),
  note: text('note'),
  active: boolean('active').notNull(),
  createdBy: text('created_by').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
});

/** One report sent: which occurrence (due date), when, and under which reference. */
export const financeReportSubmissions = pgTable(
  'finance_report_submissions',
  {
    id: text('id').primaryKey(),
    entryId: text('entry_id').notNull(),
    dueOn: date('due_on', { mode: 'string' }).notNull(),
    sentOn: date('sent_on', { mode: 'string' }).notNull(),
    reference: text('reference').notNull(),
    note: text('note'),
    sentBy: text('sent_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [uniqueIndex('finance_report_submissions_due_idx').on(t.entryId, t.dueOn)],
);

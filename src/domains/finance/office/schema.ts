import { bigint, date, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';

/**
 * Ledgers of the finance office services. The forms themselves live in the flow instances;
 * these rows are what the office searches, numbers and exports. Money is integer fen.
 */

/** 办公用品、生活物资购买（维修）申请单 (FMS-F1) = a procurement request by tier (FIVE-10…12). */
export const financeProcurements = pgTable(
  'finance_procurements',
  {
    id: text('id').primaryKey(),
    personId: text('person_id').notNull(),
    unitId: text('unit_id'),
    flowInstanceId: text('flow_instance_id').notNull(),
    /** FMS-F1 NO： FMSF1-YYYY-NNNN, per calendar year, assigned at submission, never reused. */
    year: integer('year').notNull(),
    seq: integer('seq').notNull(),
    /** purchase | repair */
    kind: text('kind').notNull(),
    title: text('title').notNull(),
    amountFen: bigint('amount_fen', { mode: 'number' }).notNull(),
    /** small | larger | large */
    tier: text('tier').notNull(),
    /** FIVE-13: the government-procurement method. */
    method: text('method').notNull(),
    decisionId: text('decision_id'),
    /** pending | approved | rejected | withdrawn */
    status: text('status').notNull(),
    submittedOn: date('submitted_on', { mode: 'string' }).notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [uniqueIndex('finance_procurements_no_idx').on(t.year, t.seq), uniqueIndex('finance_procurements_flow_idx').on(t.flowInstanceId), index('finance_procurements_person_idx').on(t.personId)],
);

/** The yearly meeting / training plan (MTG-01, MTG-02): one row per year and kind. */
export const financeMeetingPlans = pgTable(
  'finance_meeting_plans',
  {
    id: text('id').primaryKey(),
    year: integer('year').notNull(),
    /** meeting | training */
    kind: text('kind').notNull(),
    plannedFen: bigint('planned_fen', { mode: 'number' }).notNull(),
    /** The planned meetings (trainings): name, section, month, amount. */
    items: jsonb('items').$type<{ name: string; unitName?: string; month?: number; amountFen: number }[]>().notNull(),
    /** MTG-02: why the total is above the previous year's. */
    justification: text('justification'),
    /** draft | approved */
    status: text('status').notNull(),
    approvedBy: text('approved_by'),
    approvedAt: timestamp('approved_at', { withTimezone: true }),
    createdBy: text('created_by').notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [uniqueIndex('finance_meeting_plans_year_idx').on(t.year, t.kind)],
);

/** 会议费 / 培训费预算单 (FMS-F3a / F3b): budgeted and executed per line (MTG-04). */
export const financeMeetingBudgets = pgTable(
  'finance_meeting_budgets',
  {
    id: text('id').primaryKey(),
    /** meeting | training */
    kind: text('kind').notNull(),
    personId: text('person_id').notNull(),
    unitId: text('unit_id'),
    flowInstanceId: text('flow_instance_id').notNull(),
    year: integer('year').notNull(),
    name: text('name').notNull(),
    startDate: date('start_date', { mode: 'string' }).notNull(),
    endDate: date('end_date', { mode: 'string' }).notNull(),
    venue: text('venue').notNull(),
    headcount: integer('headcount').notNull(),
    lines: jsonb('lines').$type<{ item: string; budgetFen: number; executedFen: number | null }[]>().notNull(),
    budgetFen: bigint('budget_fen', { mode: 'number' }).notNull(),
    executedFen: bigint('executed_fen', { mode: 'number' }),
    executedBy: text('executed_by'),
    executedAt: timestamp('executed_at', { withTimezone: true }),
    /** pending | approved | rejected | withdrawn */
    status: text('status').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [uniqueIndex('finance_meeting_budgets_flow_idx').on(t.flowInstanceId), index('finance_meeting_budgets_year_idx').on(t.year, t.kind)],
);

/** 办机关各科室印刷品印制申请表 (FMS-F4) and what the finance function printed (PRINT-03). */
export const financePrintRequests = pgTable(
  'finance_print_requests',
  {
    id: text('id').primaryKey(),
    personId: text('person_id').notNull(),
    unitId: text('unit_id'),
    flowInstanceId: text('flow_instance_id').notNull(),
    year: integer('year').notNull(),
    title: text('title').notNull(),
    costFen: bigint('cost_fen', { mode: 'number' }).notNull(),
    quantity: integer('quantity').notNull(),
    scope: text('scope').notNull(),
    /** pending | approved | rejected | withdrawn */
    status: text('status').notNull(),
    printedQuantity: integer('printed_quantity'),
    printer: text('printer'),
    printedBy: text('printed_by'),
    printedOn: date('printed_on', { mode: 'string' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [uniqueIndex('finance_print_requests_flow_idx').on(t.flowInstanceId), index('finance_print_requests_year_idx').on(t.year)],
);

/** 登记发放 (PRINT-03): each hand-out of printed copies. */
export const financePrintDistributions = pgTable(
  'finance_print_distributions',
  {
    id: text('id').primaryKey(),
    requestId: text('request_id').notNull(),
    handedOn: date('handed_on', { mode: 'string' }).notNull(),
    recipient: text('recipient').notNull(),
    quantity: integer('quantity').notNull(),
    receiver: text('receiver').notNull(),
    recordedBy: text('recorded_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('finance_print_distributions_req_idx').on(t.requestId)],
);

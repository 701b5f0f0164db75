import { bigint, boolean, date, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';

/**
 * Finance: expense claims (报销, E-FIN-1), receptions (公务接待, ORS-F1 + 接待清单) and the
 * splitting flags (化整为零). The forms themselves live in the flow instances; these rows are
 * the ledgers the office searches and exports. Money is integer fen.
 */
export const financeClaims = pgTable(
  'finance_claims',
  {
    id: text('id').primaryKey(),
    personId: text('person_id').notNull(),
    unitId: text('unit_id'),
    flowInstanceId: text('flow_instance_id').notNull(),
    category: text('category').notNull(),
    /** daily | special | large (CONF-01, CONF-40). */
    tier: text('tier').notNull(),
    payee: text('payee').notNull(),
    purpose: text('purpose').notNull(),
    amountFen: bigint('amount_fen', { mode: 'number' }).notNull(),
    payableFen: bigint('payable_fen', { mode: 'number' }).notNull(),
    decisionId: text('decision_id'),
    tripId: text('trip_id'),
    receptionId: text('reception_id'),
    /** pending | approved | rejected | withdrawn | returned */
    status: text('status').notNull(),
    submittedOn: date('submitted_on', { mode: 'string' }).notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    index('finance_claims_person_idx').on(t.personId, t.submittedOn),
    index('finance_claims_split_idx').on(t.unitId, t.payee, t.submittedOn),
    uniqueIndex('finance_claims_flow_idx').on(t.flowInstanceId),
  ],
);

export const financeReceptions = pgTable(
  'finance_receptions',
  {
    id: text('id').primaryKey(),
    personId: text('person_id').notNull(),
    unitId: text('unit_id'),
    flowInstanceId: text('flow_instance_id').notNull(),
    /** ORS-F1 header （ 年第 号）: per calendar year, assigned at submission, never reused. */
    year: integer('year').notNull(),
    seq: integer('seq').notNull(),
    guestUnit: text('guest_unit').notNull(),
    purpose: text('purpose').notNull(),
    visitStart: date('visit_start', { mode: 'string' }).notNull(),
    visitEnd: date('visit_end', { mode: 'string' }).notNull(),
    guests: integer('guests').notNull(),
    letter: jsonb('letter').$type<Record<string, unknown>>().notNull(),
    /** pending | approved | rejected | withdrawn | returned */
    status: text('status').notNull(),
    approvedOn: date('approved_on', { mode: 'string' }),
    /** The reception list (接待清单, RECEP-20), filled after the visit. */
    list: jsonb('list').$type<Record<string, unknown>>(),
    listFilledAt: timestamp('list_filled_at', { withTimezone: true }),
    listReviewedBy: text('list_reviewed_by'),
    listReviewedAt: timestamp('list_reviewed_at', { withTimezone: true }),
    /** RECEP-21(a): the plan's estimated cost, committed against the year's budget once approved. */
    estimatedFen: bigint('estimated_fen', { mode: 'number' }).notNull().default(0),
    /** Payment of the settled claim (RECEP-21(d), RECEP-23); starts the RECEP-26 filing clock. */
    paidOn: date('paid_on', { mode: 'string' }),
    paidFen: bigint('paid_fen', { mode: 'number' }),
    payment: jsonb('payment').$type<Record<string, unknown>>(),
    /** RECEP-26: the full set filed with 综合科; the reception is read-only afterwards. */
    filedOn: date('filed_on', { mode: 'string' }),
    filedBy: text('filed_by'),
    archiveRef: text('archive_ref'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    uniqueIndex('finance_receptions_no_idx').on(t.year, t.seq),
    index('finance_receptions_person_idx').on(t.personId),
    index('finance_receptions_visit_idx').on(t.visitStart),
  ],
);

/** RECEP-14: designated hotels (定点宾馆) and internal venues with their agreement prices, kept by 综合科. */
export const financeReceptionHotels = pgTable('finance_reception_hotels', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  /** designated (定点宾馆) | internal (机关内部接待场所) */
  kind: text('kind').notNull(),
  address: text('address').notNull().default(''),
  /** Agreement price per room type and night, in fen: { standard, single?, suite? }. */
  prices: jsonb('prices').$type<Record<string, number>>().notNull(),
  agreementRef: text('agreement_ref').notNull().default(''),
  active: boolean('active').notNull().default(true),
  updatedBy: text('updated_by').notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
}, (t) => [uniqueIndex('finance_reception_hotels_name_idx').on(t.name)]);

/** E-REC-7: the annual reception budget total (接待费预算总额, ORS 18), set by 综合科. */
export const financeReceptionBudgets = pgTable('finance_reception_budgets', {
  year: integer('year').primaryKey(),
  totalFen: bigint('total_fen', { mode: 'number' }).notNull(),
  note: text('note').notNull().default(''),
  setBy: text('set_by').notNull(),
  setAt: timestamp('set_at', { withTimezone: true }).notNull(),
});

/** A splitting pattern (化整为零) found when a claim was filed, and who was told. */
export const financeSplitFlags = pgTable(
  'finance_split_flags',
  {
    id: text('id').primaryKey(),
    unitId: text('unit_id'),
    payee: text('payee').notNull(),
    claimIds: jsonb('claim_ids').$type<string[]>().notNull(),
    totalFen: bigint('total_fen', { mode: 'number' }).notNull(),
    windowDays: integer('window_days').notNull(),
    ruleId: text('rule_id').notNull(),
    message: text('message').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('finance_split_flags_unit_idx').on(t.unitId, t.createdAt)],
);

/**
 * The discipline / violation register (FIN-17 会计法, RECEP-27 纪律处分条例): a confirmed
 * violation, its rules, the directly responsible and the leaders responsible, and the handling.
 */
export const financeViolations = pgTable(
  'finance_violations',
  {
    id: text('id').primaryKey(),
    /** FIN-17 (财务管理制度) or RECEP-27 (公务接待制度). */
    ruleId: text('rule_id').notNull(),
    violatedRuleIds: jsonb('violated_rule_ids').$type<string[]>().notNull(),
    occurredOn: date('occurred_on', { mode: 'string' }).notNull(),
    facts: text('facts').notNull(),
    directPersonIds: jsonb('direct_person_ids').$type<string[]>().notNull(),
    leaderPersonIds: jsonb('leader_person_ids').$type<string[]>().notNull(),
    handling: text('handling').notNull(),
    claimId: text('claim_id'),
    receptionId: text('reception_id'),
    recordedBy: text('recorded_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('finance_violations_date_idx').on(t.occurredOn)],
);

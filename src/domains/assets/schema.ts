import { bigint, date, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';

/**
 * Fixed assets (财务管理制度 五, D-finance.md E-AST-1…7) and union funds (六, E-UNI-1).
 * The 综合科 ledger by using section and Finance's card / detailed account are two
 * registrations of one asset row (ASSET-01/02/09); every change is an asset event (ASSET-05).
 * Money in fen.
 */
export const assets = pgTable(
  'assets',
  {
    id: text('id').primaryKey(),
    assetNo: text('asset_no').notNull(),
    name: text('name').notNull(),
    category: text('category').notNull(),
    specModel: text('spec_model').notNull(),
    quantity: integer('quantity').notNull(),
    originalValueFen: bigint('original_value_fen', { mode: 'number' }).notNull(),
    acquiredOn: date('acquired_on', { mode: 'string' }).notNull(),
    /** purchase | donation (接受捐赠) | transfer_in (无偿调入) */
    source: text('source').notNull(),
    /** The using department (使用部门): exactly one (ASSET-01). */
    unitId: text('unit_id').notNull(),
    /** 使用人/责任人 */
    holderPersonId: text('holder_person_id'),
    location: text('location').notNull(),
    /** registered | in_use | disposing | disposed */
    status: text('status').notNull(),
    /** 综合科台账 registration (ASSET-01) and Finance's 登记卡片 + 明细账 (ASSET-02). */
    ledgerRegisteredAt: timestamp('ledger_registered_at', { withTimezone: true }),
    ledgerRegisteredBy: text('ledger_registered_by'),
    cardNo: text('card_no'),
    cardRegisteredAt: timestamp('card_registered_at', { withTimezone: true }),
    cardRegisteredBy: text('card_registered_by'),
    /** Vehicles are assets too; they are never lent (CAR-22). */
    isVehicle: text('is_vehicle').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [uniqueIndex('assets_no_idx').on(t.assetNo), index('assets_unit_idx').on(t.unitId), index('assets_holder_idx').on(t.holderPersonId)],
);

/** 验收 领发 保管 调拨 登记 检查 维修 交还 出借 报损 报废 变卖 (ASSET-05). */
export const assetEvents = pgTable(
  'asset_events',
  {
    id: text('id').primaryKey(),
    assetId: text('asset_id').notNull(),
    type: text('type').notNull(),
    onDate: date('on_date', { mode: 'string' }).notNull(),
    fromUnitId: text('from_unit_id'),
    toUnitId: text('to_unit_id'),
    fromPersonId: text('from_person_id'),
    toPersonId: text('to_person_id'),
    actorPersonId: text('actor_person_id').notNull(),
    /** The approval behind it (处置审批, 单位领导 permission for a loan …). */
    approvalRef: text('approval_ref'),
    note: text('note').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('asset_events_asset_idx').on(t.assetId, t.createdAt)],
);

/** Disposal (报损/报废/变卖) on the engine (ASSET-10) and the proceeds remitted to 市财政 (ASSET-11). */
export const assetDisposals = pgTable(
  'asset_disposals',
  {
    id: text('id').primaryKey(),
    flowInstanceId: text('flow_instance_id').notNull(),
    assetIds: jsonb('asset_ids').$type<string[]>().notNull(),
    kind: text('kind').notNull(),
    reason: text('reason').notNull(),
    bookValueFen: bigint('book_value_fen', { mode: 'number' }).notNull(),
    /** The 党组 decision (meeting_decisions) a large disposal carries out (ASSET-10, PG-S6, SZYD-05). */
    decisionId: text('decision_id'),
    /** pending | approved | rejected | withdrawn | returned | closed */
    status: text('status').notNull(),
    proceedsFen: bigint('proceeds_fen', { mode: 'number' }),
    remittedFen: bigint('remitted_fen', { mode: 'number' }),
    remittedOn: date('remitted_on', { mode: 'string' }),
    remittanceVoucher: text('remittance_voucher'),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [uniqueIndex('asset_disposals_flow_idx').on(t.flowInstanceId)],
);

/** 对账 (ASSET-03): 账账、账卡、账实 per period; closed only with discrepancies explained. */
export const assetReconciliations = pgTable(
  'asset_reconciliations',
  {
    id: text('id').primaryKey(),
    /** YYYY-Qn */
    period: text('period').notNull(),
    doneOn: date('done_on', { mode: 'string' }).notNull(),
    checks: jsonb('checks').$type<Record<string, unknown>>().notNull(),
    explanation: text('explanation'),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    byPersonId: text('by_person_id').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [uniqueIndex('asset_reconciliations_period_idx').on(t.period)],
);

/** 年度盘点 (ASSET-04): one per year. */
export const assetStocktakes = pgTable(
  'asset_stocktakes',
  {
    id: text('id').primaryKey(),
    year: integer('year').notNull(),
    doneOn: date('done_on', { mode: 'string' }).notNull(),
    counted: integer('counted').notNull(),
    discrepancies: jsonb('discrepancies').$type<{ assetNo: string; finding: string }[]>().notNull(),
    byPersonId: text('by_person_id').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [uniqueIndex('asset_stocktakes_year_idx').on(t.year)],
);

/** 工会会费 (UNION-01): one row per member per month, computed from the salary list. */
export const unionDues = pgTable(
  'union_dues',
  {
    id: text('id').primaryKey(),
    /** YYYY-MM */
    period: text('period').notNull(),
    memberName: text('member_name').notNull(),
    personId: text('person_id'),
    salaryFen: bigint('salary_fen', { mode: 'number' }).notNull(),
    duesFen: bigint('dues_fen', { mode: 'number' }).notNull(),
    createdBy: text('created_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [uniqueIndex('union_dues_member_idx').on(t.period, t.memberName)],
);

/** 拨缴经费 (UNION-02): 2% of the month's total payroll, and the retained part booked as income. */
export const unionAllocations = pgTable(
  'union_allocations',
  {
    id: text('id').primaryKey(),
    period: text('period').notNull(),
    payrollFen: bigint('payroll_fen', { mode: 'number' }).notNull(),
    grossFen: bigint('gross_fen', { mode: 'number' }).notNull(),
    retainedFen: bigint('retained_fen', { mode: 'number' }).notNull(),
    employees: integer('employees').notNull(),
    createdBy: text('created_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [uniqueIndex('union_allocations_period_idx').on(t.period)],
);

/** The union ledger: income (5 categories, UNION-03) and expenditure (6, UNION-04). */
export const unionEntries = pgTable(
  'union_entries',
  {
    id: text('id').primaryKey(),
    /** income | expense */
    direction: text('direction').notNull(),
    category: text('category').notNull(),
    amountFen: bigint('amount_fen', { mode: 'number' }).notNull(),
    onDate: date('on_date', { mode: 'string' }).notNull(),
    summary: text('summary').notNull(),
    /** Expense: the 吉会办字【2018】7号 standard item and the number of people it covers. */
    standardItem: text('standard_item'),
    persons: integer('persons'),
    /** Computed entries point at their source row (dues month, allocation). */
    sourceId: text('source_id'),
    createdBy: text('created_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('union_entries_date_idx').on(t.onDate), uniqueIndex('union_entries_source_idx').on(t.sourceId)],
);

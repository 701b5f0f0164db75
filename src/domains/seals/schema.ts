import { boolean, date, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';

/**
 * Seals (印章使用管理制度, SEAL-01…16; E-documents.md §6.1). The register of seals with keeper
 * and stand-ins, the 用印登记簿 (one row per use request, its approvals on the flow engine),
 * take-outs, loss cases and recorded violations. Rows are appended or moved through states,
 * never silently overwritten; every change is audited.
 */
export const seals = pgTable(
  'seals',
  {
    id: text('id').primaryKey(),
    name: text('name').notNull(),
    /** party 党组章 | official 公章 | finance 财务章 | legal 法人章 | section 科室公章 | business 业务专用章 */
    kind: text('kind').notNull(),
    /** The owning unit for section / business seals (null = the office). */
    ownerUnitId: text('owner_unit_id'),
    /** SEAL-16: scope set by the department head (section / business seals). */
    usageScope: text('usage_scope'),
    keeperPersonId: text('keeper_person_id').notNull(),
    /** active 在用 | stopped 停用 | sealed_up 封存 | destroyed 销毁 (SEAL-11). */
    status: text('status').notNull().default('active'),
    /** in 在库 | out 外带中 (SEAL-07). */
    custody: text('custody').notNull().default('in'),
    stopReason: text('stop_reason'),
    stoppedAt: timestamp('stopped_at', { withTimezone: true }),
    stoppedBy: text('stopped_by'),
    disposedAt: timestamp('disposed_at', { withTimezone: true }),
    /** The approved making request (SEAL-14); null for seals registered when the register was opened. */
    makeInstanceId: text('make_instance_id'),
    replacesSealId: text('replaces_seal_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [uniqueIndex('seals_make_idx').on(t.makeInstanceId), index('seals_status_idx').on(t.status)],
);

/** SEAL-12: a stand-in keeper for the keeper's absence, designated by the leader (CONF-126). */
export const sealTempKeepers = pgTable(
  'seal_temp_keepers',
  {
    id: text('id').primaryKey(),
    sealId: text('seal_id').notNull(),
    personId: text('person_id').notNull(),
    startDate: date('start_date', { mode: 'string' }).notNull(),
    endDate: date('end_date', { mode: 'string' }).notNull(),
    reason: text('reason').notNull(),
    designatedBy: text('designated_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('seal_temp_keepers_seal_idx').on(t.sealId, t.startDate)],
);

/** 用印登记簿: one entry per use, numbered per year (年第N号), with its approvals and the keeper's check. */
export const sealUses = pgTable(
  'seal_uses',
  {
    id: text('id').primaryKey(),
    year: integer('year').notNull(),
    seq: integer('seq').notNull(),
    sealId: text('seal_id').notNull(),
    applicantPersonId: text('applicant_person_id').notNull(),
    unitId: text('unit_id'),
    /** signed | unsigned | routine | memo | personal | gongwen (E-documents.md §6.2). */
    category: text('category').notNull(),
    documentTitle: text('document_title').notNull(),
    copies: integer('copies').notNull(),
    blankPage: boolean('blank_page').notNull().default(false),
    blankApplication: text('blank_application'),
    signedByPersonId: text('signed_by_person_id'),
    signedEvidence: text('signed_evidence'),
    emergencyReason: text('emergency_reason'),
    emergencyConsentBy: text('emergency_consent_by'),
    paperworkDue: date('paperwork_due', { mode: 'string' }),
    paperworkDoneAt: timestamp('paperwork_done_at', { withTimezone: true }),
    flowInstanceId: text('flow_instance_id'),
    /** A 公文 (outgoing documents area) this stamping belongs to, when it does. */
    documentRef: text('document_ref'),
    /** pending | approved | emergency | stamped | refused | rejected | withdrawn */
    status: text('status').notNull(),
    stampedBy: text('stamped_by'),
    stampedAt: timestamp('stamped_at', { withTimezone: true }),
    stampCount: integer('stamp_count'),
    refusedBy: text('refused_by'),
    refusedAt: timestamp('refused_at', { withTimezone: true }),
    refusalDefects: jsonb('refusal_defects').$type<string[]>(),
    refusalNote: text('refusal_note'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    uniqueIndex('seal_uses_no_idx').on(t.year, t.seq),
    uniqueIndex('seal_uses_flow_idx').on(t.flowInstanceId),
    index('seal_uses_seal_idx').on(t.sealId, t.createdAt),
    index('seal_uses_status_idx').on(t.status),
  ],
);

/** SEAL-07: a take-out, signed by the 综合科负责人 on the flow, handed out and returned. */
export const sealTakeouts = pgTable(
  'seal_takeouts',
  {
    id: text('id').primaryKey(),
    sealId: text('seal_id').notNull(),
    borrowerPersonId: text('borrower_person_id').notNull(),
    purpose: text('purpose').notNull(),
    dueBack: date('due_back', { mode: 'string' }).notNull(),
    flowInstanceId: text('flow_instance_id').notNull(),
    /** pending | approved | out | returned | rejected | withdrawn */
    status: text('status').notNull(),
    outAt: timestamp('out_at', { withTimezone: true }),
    returnedAt: timestamp('returned_at', { withTimezone: true }),
    handledBy: text('handled_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    uniqueIndex('seal_takeouts_flow_idx').on(t.flowInstanceId),
    // A seal is out with one borrower at a time.
    uniqueIndex('seal_takeouts_out_idx').on(t.sealId).where(sql`status = 'out'`),
  ],
);

/** SEAL-13: a loss case stays open until the leader report, the void declaration and the filing are recorded. */
export const sealLossCases = pgTable(
  'seal_loss_cases',
  {
    id: text('id').primaryKey(),
    sealId: text('seal_id').notNull(),
    discoveredOn: date('discovered_on', { mode: 'string' }).notNull(),
    theft: boolean('theft').notNull().default(false),
    reportedToPersonId: text('reported_to_person_id'),
    reportedAt: timestamp('reported_at', { withTimezone: true }),
    voidDeclarationRef: text('void_declaration_ref'),
    voidDeclaredAt: timestamp('void_declared_at', { withTimezone: true }),
    filingRef: text('filing_ref'),
    filedAt: timestamp('filed_at', { withTimezone: true }),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    createdBy: text('created_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [uniqueIndex('seal_loss_cases_open_idx').on(t.sealId).where(sql`closed_at is null`)],
);

/** SEAL-10: a stamping without approval (or whose paperwork was refused afterwards). */
export const sealViolations = pgTable('seal_violations', {
  id: text('id').primaryKey(),
  sealId: text('seal_id').notNull(),
  useId: text('use_id'),
  personId: text('person_id').notNull(),
  description: text('description').notNull(),
  recordedBy: text('recorded_by'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
});

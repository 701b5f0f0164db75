import { sql } from 'drizzle-orm';
import { boolean, check, date, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';

/**
 * Official documents (公文运转管理制度). An outgoing document (发文) is drafted here, routed on
 * the approval engine (flow `documents.outgoing`), numbered by 综合科 after sign-off and
 * rendered in the GB/T 9704 layout. Structured parts (body, recipients, attachments) are jsonb
 * because they are always read and written with the document as one unit.
 */
export const outgoingDocuments = pgTable(
  'doc_outgoing',
  {
    id: text('id').primaryKey(),
    /** draft | in_review | returned | signed | numbered | resign_required | rejected | withdrawn */
    status: text('status').notNull(),
    kind: text('kind').notNull(),
    /** up | parallel | down (上行文 / 平行文 / 下行文) */
    direction: text('direction').notNull(),
    /** party | office | general | joint (党组文件 / 办文件 / 综合科 / 会签·联合发文) */
    category: text('category').notNull(),
    /** Numbering series: party | office | general (党组 / 办 / 综合科, DOC-14, DOC-17). */
    series: text('series').notNull(),
    title: text('title').notNull(),
    mainRecipients: jsonb('main_recipients').$type<string[]>().notNull(),
    ccRecipients: jsonb('cc_recipients').$type<string[]>().notNull(),
    body: jsonb('body').$type<{ level: number; text: string }[]>().notNull(),
    attachments: jsonb('attachments').$type<{ title: string; attribute: string | null; ready: boolean }[]>().notNull(),
    /** 无 only: classified content never enters the system (SEC-23); kept for the model and the register. */
    classification: text('classification').notNull().default('无'),
    secrecyTerm: text('secrecy_term'),
    workSecret: boolean('work_secret').notNull().default(false),
    urgency: text('urgency').notNull().default('非紧急'),
    disclosure: text('disclosure'),
    disclosureMethod: text('disclosure_method'),
    nonDisclosureReasonCode: text('non_disclosure_reason_code'),
    nonDisclosureReasonText: text('non_disclosure_reason_text'),
    isForwarding: boolean('is_forwarding').notNull().default(false),
    forwardedSourceAttribute: text('forwarded_source_attribute'),
    forwardingDeviationReason: text('forwarding_deviation_reason'),
    isImportant: boolean('is_important').notNull().default(false),
    /** Joint / countersigned documents: the other unit's signer level, principal | deputy (DOC-11). */
    counterpartSignerLevel: text('counterpart_signer_level'),
    countersignUnitIds: jsonb('countersign_unit_ids').$type<string[]>().notNull(),
    /** 拟签发人 proposed by the drafter (defaults to the signer the rules name). */
    proposedSignerId: text('proposed_signer_id'),
    requestedSignBy: date('requested_sign_by'),
    note: text('note'),
    draftingUnitId: text('drafting_unit_id'),
    drafterPersonId: text('drafter_person_id').notNull(),
    flowInstanceId: text('flow_instance_id'),
    goReview: jsonb('go_review').$type<Record<string, unknown> | null>(),
    signedByPersonId: text('signed_by_person_id'),
    signedByName: text('signed_by_name'),
    signedRole: text('signed_role'),
    signedAt: timestamp('signed_at', { withTimezone: true }),
    /** 成文日期: the sign-off date, local (GB/T 9704 7.3.5; CONF: 信息生成之日 = 成文日期). */
    issueDate: date('issue_date'),
    bodyHashAtSignOff: text('body_hash_at_sign_off'),
    docNumber: text('doc_number'),
    docYear: integer('doc_year'),
    docSeq: integer('doc_seq'),
    numberedAt: timestamp('numbered_at', { withTimezone: true }),
    numberedBy: text('numbered_by'),
    reprints: integer('reprints').notNull().default(0),
    revision: integer('revision').notNull().default(0),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    index('doc_outgoing_drafter_idx').on(t.drafterPersonId, t.status),
    uniqueIndex('doc_outgoing_number_uq').on(t.series, t.docYear, t.docSeq),
    check('doc_outgoing_secret_ck', sql`${t.classification} = '无'`),
  ],
);

/** One row per series and year; numbering updates it in the document's transaction (no gaps). */
export const documentNumberCounters = pgTable(
  'doc_number_counters',
  {
    series: text('series').notNull(),
    year: integer('year').notNull(),
    lastSeq: integer('last_seq').notNull(),
  },
  (t) => [primaryKey({ columns: [t.series, t.year] })],
);

/** Reprints after an error (DOC-21): the number stays; a major change waits for re-signing. */
export const documentReprints = pgTable('doc_reprints', {
  id: text('id').primaryKey(),
  documentId: text('document_id').notNull(),
  reason: text('reason').notNull(),
  majorChange: boolean('major_change').notNull(),
  requestedBy: text('requested_by').notNull(),
  requestedAt: timestamp('requested_at', { withTimezone: true }).notNull(),
  resignInstanceId: text('resign_instance_id'),
  /** done | awaiting_resign */
  status: text('status').notNull(),
});

export * from './incoming-schema';

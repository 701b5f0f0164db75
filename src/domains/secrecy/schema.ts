import { date, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';

/**
 * The classified-document register (涉密安全管理制度; 公文运转管理制度 第五章; SEC-*). The
 * system never holds classified content (“涉密信息不上网”, SEC-23): these tables describe
 * paper documents and media — registration number, 份号, 密级, 保密期限, 知悉范围, who holds
 * them — and have no body or attachment column by design.
 */
export interface KnowledgeScope { unitIds: string[]; personIds: string[] }

export const secrecyDocuments = pgTable(
  'secrecy_documents',
  {
    id: text('id').primaryKey(),
    year: integer('year').notNull(),
    seq: integer('seq').notNull(),
    /** 标题 as printed on the cover, checked not to be content (SEC-23). */
    title: text('title').notNull(),
    sourceOrg: text('source_org').notNull(),
    docNo: text('doc_no'),
    /** secret 秘密 | confidential 机密 | top_secret 绝密 */
    level: text('level').notNull(),
    /** 保密期限 as marked (e.g. 10年, 长期). */
    term: text('term').notNull(),
    knowledgeScope: jsonb('knowledge_scope').$type<KnowledgeScope>().notNull(),
    /** 份号 of this paper copy. */
    copyNo: text('copy_no').notNull(),
    pages: integer('pages').notNull(),
    /** incoming 来文 | outgoing 发文 | internal 内部 */
    direction: text('direction').notNull(),
    receivedOn: date('received_on', { mode: 'string' }).notNull(),
    /** registered | instructing | instructed | archived | destroyed */
    status: text('status').notNull(),
    instructInstanceId: text('instruct_instance_id'),
    cabinet: text('cabinet'),
    archivedOn: date('archived_on', { mode: 'string' }),
    destroyedOn: date('destroyed_on', { mode: 'string' }),
    registeredBy: text('registered_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [uniqueIndex('secrecy_documents_no_idx').on(t.year, t.seq), index('secrecy_documents_status_idx').on(t.status, t.year)],
);

/** SEC-04: each circulation leg goes out from 文书 and comes back to 文书. */
export const secrecyCirculations = pgTable(
  'secrecy_circulations',
  {
    id: text('id').primaryKey(),
    documentId: text('document_id').notNull(),
    toUnitId: text('to_unit_id').notNull(),
    holderPersonId: text('holder_person_id').notNull(),
    dueDate: date('due_date', { mode: 'string' }).notNull(),
    sentBy: text('sent_by').notNull(),
    sentAt: timestamp('sent_at', { withTimezone: true }).notNull(),
    returnedAt: timestamp('returned_at', { withTimezone: true }),
    receivedBy: text('received_by'),
  },
  (t) => [index('secrecy_circulations_doc_idx').on(t.documentId), uniqueIndex('secrecy_circulations_open_idx').on(t.documentId).where(sql`returned_at is null`)],
);

/** SEC-05: a loan of an archived document, approved, with a due date; one open loan per paper copy. */
export const secrecyLoans = pgTable(
  'secrecy_loans',
  {
    id: text('id').primaryKey(),
    documentId: text('document_id').notNull(),
    borrowerPersonId: text('borrower_person_id').notNull(),
    purpose: text('purpose').notNull(),
    dueDate: date('due_date', { mode: 'string' }).notNull(),
    /** pending | approved | out | returned | rejected | withdrawn */
    status: text('status').notNull(),
    flowInstanceId: text('flow_instance_id'),
    lentAt: timestamp('lent_at', { withTimezone: true }),
    lentBy: text('lent_by'),
    returnedAt: timestamp('returned_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [uniqueIndex('secrecy_loans_open_idx').on(t.documentId).where(sql`status in ('pending', 'approved', 'out')`), index('secrecy_loans_status_idx').on(t.status, t.dueDate)],
);

/** SEC-07 / SEC-08: a request to copy (复制) or excerpt (摘抄) a 机密/秘密 document. */
export const secrecyCopyRequests = pgTable('secrecy_copy_requests', {
  id: text('id').primaryKey(),
  documentId: text('document_id').notNull(),
  /** copy | excerpt */
  kind: text('kind').notNull(),
  applicantPersonId: text('applicant_person_id').notNull(),
  count: integer('count').notNull(),
  reason: text('reason').notNull(),
  flowInstanceId: text('flow_instance_id'),
  /** pending | approved | made | rejected | withdrawn */
  status: text('status').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
});

/** Copies and excerpt records: numbered, stamped, inheriting level, term and scope, tracked to destruction. */
export const secrecyCopies = pgTable(
  'secrecy_copies',
  {
    id: text('id').primaryKey(),
    documentId: text('document_id').notNull(),
    requestId: text('request_id').notNull(),
    kind: text('kind').notNull(),
    copyNo: text('copy_no').notNull(),
    level: text('level').notNull(),
    term: text('term').notNull(),
    knowledgeScope: jsonb('knowledge_scope').$type<KnowledgeScope>().notNull(),
    stampText: text('stamp_text'),
    holderPersonId: text('holder_person_id').notNull(),
    madeBy: text('made_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    returnedAt: timestamp('returned_at', { withTimezone: true }),
    destroyedAt: timestamp('destroyed_at', { withTimezone: true }),
    otherUse: text('other_use'),
  },
  (t) => [uniqueIndex('secrecy_copies_no_idx').on(t.documentId, t.copyNo)],
);

/** Destruction of an original: approved (综合科负责人 + 定密责任人, CONF-122), executed with a witness. */
export const secrecyDestructions = pgTable(
  'secrecy_destructions',
  {
    id: text('id').primaryKey(),
    documentId: text('document_id').notNull(),
    reason: text('reason').notNull(),
    flowInstanceId: text('flow_instance_id'),
    /** pending | approved | done | rejected | withdrawn */
    status: text('status').notNull(),
    method: text('method'),
    executedBy: text('executed_by'),
    witnessPersonId: text('witness_person_id'),
    executedAt: timestamp('executed_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [uniqueIndex('secrecy_destructions_open_idx').on(t.documentId).where(sql`status in ('pending', 'approved', 'done')`)],
);

/** SEC-24: storage media, numbered by the secrecy body, level = the highest level of their contents. */
export const secrecyMedia = pgTable(
  'secrecy_media',
  {
    id: text('id').primaryKey(),
    number: text('number').notNull(),
    kind: text('kind').notNull(),
    custodianPersonId: text('custodian_person_id').notNull(),
    location: text('location').notNull(),
    /** Marked level; raised at once by contents, lowered only by the custodian's re-evaluation. */
    level: text('level'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [uniqueIndex('secrecy_media_number_idx').on(t.number)],
);

export const secrecyMediaItems = pgTable(
  'secrecy_media_items',
  {
    id: text('id').primaryKey(),
    mediumId: text('medium_id').notNull(),
    /** A name for the stored item (file name), never its content. */
    label: text('label').notNull(),
    level: text('level').notNull(),
    addedAt: timestamp('added_at', { withTimezone: true }).notNull(),
    removedAt: timestamp('removed_at', { withTimezone: true }),
  },
  (t) => [index('secrecy_media_items_medium_idx').on(t.mediumId)],
);

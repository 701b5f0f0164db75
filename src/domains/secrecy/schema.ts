import { boolean, date, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
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

/**
 * SEC-10/11/12/17/18/20: the register of classified outgoing paper documents (涉密发文). The
 * document itself is drafted and printed on the classified computer; this row holds only its
 * identification, the approval chain, the copy numbers and where every copy went.
 */
export interface Recipient { unitId?: string; org?: string }
export const secrecyOutgoing = pgTable(
  'secrecy_outgoing',
  {
    id: text('id').primaryKey(),
    year: integer('year').notNull(),
    seq: integer('seq').notNull(),
    title: text('title').notNull(),
    docNo: text('doc_no'),
    level: text('level').notNull(),
    term: text('term').notNull(),
    knowledgeScope: jsonb('knowledge_scope').$type<KnowledgeScope>().notNull(),
    /** upward 上报 | parallel 平行 | downward 下发 | internal 办内部文件 */
    direction: text('direction').notNull(),
    copies: integer('copies').notNull(),
    recipients: jsonb('recipients').$type<Recipient[]>().notNull(),
    drafterPersonId: text('drafter_person_id').notNull(),
    drafterUnitId: text('drafter_unit_id'),
    /** SEC-20: the 定密责任人 who decided the level. */
    levelDecidedBy: text('level_decided_by').notNull(),
    /** draft | pending | approved | printed | dispatched | rejected | withdrawn */
    status: text('status').notNull(),
    flowInstanceId: text('flow_instance_id'),
    printDeviceId: text('print_device_id'),
    printedBy: text('printed_by'),
    printedAt: timestamp('printed_at', { withTimezone: true }),
    channel: text('channel'),
    dispatchedBy: text('dispatched_by'),
    dispatchedAt: timestamp('dispatched_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [uniqueIndex('secrecy_outgoing_no_idx').on(t.year, t.seq)],
);

/** SEC-17: one row per printed copy (份号) with its distribution record. */
export const secrecyOutgoingCopies = pgTable(
  'secrecy_outgoing_copies',
  {
    id: text('id').primaryKey(),
    outgoingId: text('outgoing_id').notNull(),
    copyNo: text('copy_no').notNull(),
    recipient: text('recipient'),
    receiverName: text('receiver_name'),
    distributedBy: text('distributed_by'),
    distributedAt: timestamp('distributed_at', { withTimezone: true }),
  },
  (t) => [uniqueIndex('secrecy_outgoing_copies_no_idx').on(t.outgoingId, t.copyNo)],
);

/** SEC-15: taking a classified document out of the workplace — approval, out and back. */
export const secrecyTakeouts = pgTable(
  'secrecy_takeouts',
  {
    id: text('id').primaryKey(),
    documentId: text('document_id').notNull(),
    personId: text('person_id').notNull(),
    purpose: text('purpose').notNull(),
    destination: text('destination').notNull(),
    dueDate: date('due_date', { mode: 'string' }).notNull(),
    /** pending | approved | out | returned | rejected | withdrawn */
    status: text('status').notNull(),
    flowInstanceId: text('flow_instance_id'),
    outAt: timestamp('out_at', { withTimezone: true }),
    returnedAt: timestamp('returned_at', { withTimezone: true }),
    returnedTo: text('returned_to'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [uniqueIndex('secrecy_takeouts_open_idx').on(t.documentId).where(sql`status in ('pending', 'approved', 'out')`)],
);

/** SEC-16: a periodic reconciliation (清查、核对) of the year's classified copies. */
export const secrecyChecks = pgTable(
  'secrecy_checks',
  {
    id: text('id').primaryKey(),
    year: integer('year').notNull(),
    /** e.g. 2024-Q4 (periods of SEC-16 periodMonths). */
    period: text('period').notNull(),
    startedBy: text('started_by').notNull(),
    startedOn: date('started_on', { mode: 'string' }).notNull(),
    /** open | closed */
    status: text('status').notNull(),
    problems: integer('problems'),
    reportedTo: text('reported_to'),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [uniqueIndex('secrecy_checks_period_idx').on(t.period)],
);

export const secrecyCheckItems = pgTable(
  'secrecy_check_items',
  {
    id: text('id').primaryKey(),
    checkId: text('check_id').notNull(),
    /** document | copy */
    objectType: text('object_type').notNull(),
    objectId: text('object_id').notNull(),
    label: text('label').notNull(),
    level: text('level').notNull(),
    /** Who should hold it according to the register when the check started. */
    expectedHolder: text('expected_holder').notNull(),
    /** pending | present | missing | mismatch */
    result: text('result').notNull(),
    note: text('note'),
    checkedAt: timestamp('checked_at', { withTimezone: true }),
  },
  (t) => [uniqueIndex('secrecy_check_items_obj_idx').on(t.checkId, t.objectType, t.objectId)],
);

/** SEC-17/22/23/25/26/31: computers, laptops, printers and fax machines with their secrecy status. */
export const secrecyDevices = pgTable(
  'secrecy_devices',
  {
    id: text('id').primaryKey(),
    number: text('number').notNull(),
    /** desktop | laptop | printer | fax | copier | other */
    kind: text('kind').notNull(),
    name: text('name').notNull(),
    unitId: text('unit_id').notNull(),
    userPersonId: text('user_person_id'),
    isClassified: boolean('is_classified').notNull(),
    internetConnected: boolean('internet_connected').notNull(),
    passwordSet: boolean('password_set').notNull(),
    level: text('level'),
    justification: text('justification'),
    deviceFileNo: text('device_file_no'),
    location: text('location').notNull(),
    /** in_use | repair | scrapped | transferred | lent */
    status: text('status').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [uniqueIndex('secrecy_devices_number_idx').on(t.number)],
);

export const secrecyDeviceEvents = pgTable(
  'secrecy_device_events',
  {
    id: text('id').primaryKey(),
    deviceId: text('device_id').notNull(),
    /** repair | replace | scrap | sell | transfer | lend | take_out | return */
    kind: text('kind').notNull(),
    /** authority 保密工作部门 | designated 其指定单位 | vendor | internal | other */
    handlerType: text('handler_type'),
    handlerName: text('handler_name'),
    approvedBy: text('approved_by'),
    note: text('note'),
    createdBy: text('created_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('secrecy_device_events_dev_idx').on(t.deviceId)],
);

/**
 * SEC-21/27/28/30/32/33/34: the secrecy work log — education, pre-holiday inspections, data
 * released to outside requests, fault tickets, external storage approvals, configuration
 * changes, maintenance and incidents with their outcome.
 */
export const secrecyRecords = pgTable(
  'secrecy_records',
  {
    id: text('id').primaryKey(),
    kind: text('kind').notNull(),
    occurredOn: date('occurred_on', { mode: 'string' }).notNull(),
    subject: text('subject').notNull(),
    deviceId: text('device_id'),
    personId: text('person_id'),
    approvedBy: text('approved_by'),
    detail: jsonb('detail').$type<Record<string, unknown>>().notNull(),
    findings: text('findings'),
    correctedOn: date('corrected_on', { mode: 'string' }),
    outcome: text('outcome'),
    recordedBy: text('recorded_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('secrecy_records_kind_idx').on(t.kind, t.occurredOn)],
);

/** SEC-29: the secrecy committee (保密委员会). */
export const secrecyCommittee = pgTable(
  'secrecy_committee',
  {
    id: text('id').primaryKey(),
    personId: text('person_id').notNull(),
    /** chair | vice_chair | member | office | daily */
    role: text('role').notNull(),
    startDate: date('start_date', { mode: 'string' }).notNull(),
    endDate: date('end_date', { mode: 'string' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [uniqueIndex('secrecy_committee_open_idx').on(t.personId, t.role).where(sql`end_date is null`)],
);

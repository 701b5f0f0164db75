import { sql } from 'drizzle-orm';
import { boolean, check, date, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';

/**
 * 收文办理 (《公文运转管理制度》第十六条至第二十二条) and the records of an outgoing document after
 * numbering (第十一条至第十五条: 校对、印制、复核、用印、封发、归档). Re-exported from schema.ts so that
 * drizzle-kit finds these tables.
 */

/**
 * One incoming document. status: handed_over (交综合科, not yet registered, DOC-25) | registered
 * (签收登记) | returned / forwarded (错投退回 / 转投, terminal, DOC-24) | awaiting_instruction (呈办领导批示)
 * | instructed | in_handling | completed (办结/答复) | archived.
 */
export const incomingDocuments = pgTable(
  'doc_incoming',
  {
    id: text('id').primaryKey(),
    status: text('status').notNull(),
    /** 收文编号, e.g. 白扶办收〔2026〕12号: per year, no gaps, no duplicates (doc_incoming_counters). */
    registerNo: text('register_no'),
    regYear: integer('reg_year'),
    regSeq: integer('reg_seq'),
    /** 机要交换 | 邮政 | 部门递交 | 其他科室或个人转交 */
    receiptChannel: text('receipt_channel').notNull(),
    handedOverByPersonId: text('handed_over_by_person_id'),
    handedOverUnitId: text('handed_over_unit_id'),
    /** 主送: 市扶贫办 | 综合科 | other (written out). */
    addressedTo: text('addressed_to').notNull(),
    sender: text('sender').notNull(),
    senderDocNo: text('sender_doc_no'),
    title: text('title').notNull(),
    /** 无 only: classified paper documents belong to the classified register (SEC-23, DOC-29). */
    classification: text('classification').notNull().default('无'),
    urgency: text('urgency').notNull().default('非紧急'),
    receivedOn: date('received_on', { mode: 'string' }).notNull(),
    copies: integer('copies').notNull(),
    attachments: jsonb('attachments').$type<{ title: string; pages?: number | null }[]>().notNull(),
    /** 逐件核对 (DOC-24). */
    complete: boolean('complete'),
    missingNote: text('missing_note'),
    /** 错投: { action: '退回' | '转投', target, on, by, note }. */
    misdelivered: jsonb('misdelivered').$type<Record<string, unknown> | null>(),
    /** The sender's deadline (来文办理时限), if the document gives one (DOC-27). */
    senderDueDate: date('sender_due_date', { mode: 'string' }),
    registeredByPersonId: text('registered_by_person_id'),
    registeredAt: timestamp('registered_at', { withTimezone: true }),
    /** 拟办意见 of 综合科 and the leader the document went to for 批示 (DOC-26). */
    proposal: text('proposal'),
    instructionLeaderId: text('instruction_leader_id'),
    routedAt: timestamp('routed_at', { withTimezone: true }),
    instructionText: text('instruction_text'),
    instructedAt: timestamp('instructed_at', { withTimezone: true }),
    handlingUnitId: text('handling_unit_id'),
    assignedAt: timestamp('assigned_at', { withTimezone: true }),
    /** The deadline first set (sender's or working days from assignment) and the one in force after agreed extensions. */
    dueDate: date('due_date', { mode: 'string' }),
    effectiveDueDate: date('effective_due_date', { mode: 'string' }),
    resultText: text('result_text'),
    replyDocumentId: text('reply_document_id'),
    completedOn: date('completed_on', { mode: 'string' }),
    completedByPersonId: text('completed_by_person_id'),
    archivedAt: timestamp('archived_at', { withTimezone: true }),
    archiveLocation: text('archive_location'),
    /** The last local date a reminder (催办) was sent by the job: at most one a day. */
    lastChasedOn: date('last_chased_on', { mode: 'string' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    uniqueIndex('doc_incoming_no_uq').on(t.regYear, t.regSeq),
    index('doc_incoming_status_idx').on(t.status, t.effectiveDueDate),
    check('doc_incoming_secret_ck', sql`${t.classification} = '无'`),
    check('doc_incoming_copies_ck', sql`${t.copies} > 0`),
  ],
);

/** 收文编号 counter: one row per year, incremented in the registering transaction (no gaps). */
export const incomingCounters = pgTable('doc_incoming_counters', {
  year: integer('year').primaryKey(),
  lastSeq: integer('last_seq').notNull(),
});

/**
 * The flow log (DOC-26: 准确记录流转情况, no 漏传/误传/延误): every hand-over and every act on an
 * incoming document, in order. kind: handover | register | misdelivered | route | urgent_copy |
 * instruct | assign | circulate_out | circulate_read | circulate_return | chase | extension |
 * reply | archive.
 */
export const incomingEvents = pgTable(
  'doc_incoming_events',
  {
    id: text('id').primaryKey(),
    incomingId: text('incoming_id').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull(),
    kind: text('kind').notNull(),
    byPersonId: text('by_person_id'),
    fromLabel: text('from_label'),
    toLabel: text('to_label'),
    text: text('text'),
    data: jsonb('data').$type<Record<string, unknown>>(),
  },
  (t) => [index('doc_incoming_events_doc_idx').on(t.incomingId, t.at)],
);

/**
 * 传阅 legs (DOC-28): each leg goes out from 综合科 to one reader and back to 综合科; at most one
 * leg is out at a time (partial unique index), so two clerks never send the same paper twice.
 */
export const incomingCirculation = pgTable(
  'doc_incoming_circulation',
  {
    id: text('id').primaryKey(),
    incomingId: text('incoming_id').notNull(),
    legNo: integer('leg_no').notNull(),
    readerPersonId: text('reader_person_id').notNull(),
    readerUnitId: text('reader_unit_id'),
    sentAt: timestamp('sent_at', { withTimezone: true }).notNull(),
    sentByPersonId: text('sent_by_person_id').notNull(),
    readAt: timestamp('read_at', { withTimezone: true }),
    readNote: text('read_note'),
    returnedAt: timestamp('returned_at', { withTimezone: true }),
    returnedCheckedBy: text('returned_checked_by'),
    /** 清理检查 on return: pages missing? leader's instructions on it? and an annotation. */
    missingPages: boolean('missing_pages'),
    hasInstructions: boolean('has_instructions'),
    checkNote: text('check_note'),
  },
  (t) => [
    uniqueIndex('doc_incoming_circ_leg_uq').on(t.incomingId, t.legNo),
    uniqueIndex('doc_incoming_circ_open_uq').on(t.incomingId).where(sql`returned_at is null`),
  ],
);

/** Agreed new reply times (DOC-27): only these move the deadline. */
export const incomingExtensions = pgTable('doc_incoming_extensions', {
  id: text('id').primaryKey(),
  incomingId: text('incoming_id').notNull(),
  agreedWith: text('agreed_with').notNull(),
  agreedOn: date('agreed_on', { mode: 'string' }).notNull(),
  previousDueDate: date('previous_due_date', { mode: 'string' }).notNull(),
  newDueDate: date('new_due_date', { mode: 'string' }).notNull(),
  replyMethod: text('reply_method').notNull(),
  note: text('note'),
  /** False when recorded after the deadline had passed: kept on file, the deadline does not move. */
  counted: boolean('counted').notNull(),
  recordedByPersonId: text('recorded_by_person_id').notNull(),
  recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull(),
});

/**
 * After numbering (发文办理, 第九条): the copy plan (DOC-22) and where the document is in
 * 校对 → 印制 → 复核 → 用印 → 封发, per print round (round 0 = first printing, each reprint adds one,
 * DOC-21), then 归档 (DOC-18).
 */
export const outgoingIssue = pgTable('doc_issue', {
  documentId: text('document_id').primaryKey(),
  /** [{ recipient, copies, kind: 'main' | 'cc' }] */
  recipientCopies: jsonb('recipient_copies').$type<{ recipient: string; copies: number; kind: 'main' | 'cc' }[]>().notNull(),
  leaderCopies: integer('leader_copies').notNull(),
  /** [{ unitId, unitName, copies }] 各科室存档数量 (CONF-119: editable, default the drafting section, 1). */
  deptArchiveCopies: jsonb('dept_archive_copies').$type<{ unitId: string | null; unitName: string; copies: number }[]>().notNull(),
  hubRetainedCopies: integer('hub_retained_copies').notNull(),
  computedCopies: integer('computed_copies').notNull(),
  archivedAt: timestamp('archived_at', { withTimezone: true }),
  archivedByPersonId: text('archived_by_person_id'),
  archiveLocation: text('archive_location'),
  signedOriginalArchived: boolean('signed_original_archived'),
  /** The electronic file as archived: PDF (base64) and its SHA-256, and the body hash it shows. */
  electronicPdf: text('electronic_pdf'),
  electronicSha256: text('electronic_sha256'),
  archivedContentHash: text('archived_content_hash'),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
});

/** One row per recorded step and round; the primary key makes every step happen once per round. */
export const outgoingIssueSteps = pgTable(
  'doc_issue_steps',
  {
    documentId: text('document_id').notNull(),
    round: integer('round').notNull(),
    /** proofread | print | recheck | seal | dispatch */
    step: text('step').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull(),
    byPersonId: text('by_person_id').notNull(),
    /** print: copies, device, reason; seal: sealRequestId, approver, copies; dispatch: entries. */
    data: jsonb('data').$type<Record<string, unknown>>().notNull(),
  },
  (t) => [primaryKey({ columns: [t.documentId, t.round, t.step] })],
);

import { sql } from 'drizzle-orm';
import { boolean, check, date, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';

/**
 * The registers 综合科 keeps under the 工作规则 (WR-12, WR-14, WR-15, WR-16, WR-18). Each row
 * moves through recorded steps (who, when); nothing is deleted, every change is audited.
 * Dates are office-local dates.
 */

/** WR-12 规范性文件登记: drafting → in force → amended (by a later version) or repealed; filing with the 市政府. */
export const wrNormativeDocs = pgTable(
  'wr_normative_docs',
  {
    id: text('id').primaryKey(),
    title: text('title').notNull(),
    /** lead 牵头制定 | joint 参与制定 (第十七条). */
    role: text('role').notNull(),
    draftingUnitId: text('drafting_unit_id').notNull(),
    /** 第十六条: the functional section that interprets the document. */
    interpretingUnitId: text('interpreting_unit_id').notNull(),
    /** drafting | in_force | amended | repealed */
    status: text('status').notNull(),
    draftStartedOn: date('draft_started_on', { mode: 'string' }).notNull(),
    docNo: text('doc_no'),
    issuedOn: date('issued_on', { mode: 'string' }),
    /** issuedOn + WR-12 normativeFilingReminderDays, fixed at issue. */
    filingDueOn: date('filing_due_on', { mode: 'string' }),
    filedOn: date('filed_on', { mode: 'string' }),
    filingRef: text('filing_ref'),
    filedBy: text('filed_by'),
    /** The version this one amends (修改); the older one becomes `amended` when this one is issued. */
    amendsId: text('amends_id'),
    repealedOn: date('repealed_on', { mode: 'string' }),
    repealRef: text('repeal_ref'),
    createdBy: text('created_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    index('wr_normative_docs_status_idx').on(t.status, t.filedOn),
    uniqueIndex('wr_normative_docs_amends_uq').on(t.amendsId),
    check('wr_normative_docs_status_ck', sql`${t.status} in ('drafting','in_force','amended','repealed')`),
    check('wr_normative_docs_role_ck', sql`${t.role} in ('lead','joint')`),
  ],
);

/** WR-14 公开登记: a matter of public interest disclosed, by which channel and when. */
export const wrDisclosures = pgTable(
  'wr_disclosures',
  {
    id: text('id').primaryKey(),
    title: text('title').notNull(),
    /** low_income 低收入人口帮扶 | weak_area 经济薄弱区域发展 | other 其他按规定需要公开 */
    matterKind: text('matter_kind').notNull(),
    /** website | press_conference | news_media */
    channel: text('channel').notNull(),
    channelDetail: text('channel_detail').notNull(),
    disclosedOn: date('disclosed_on', { mode: 'string' }).notNull(),
    unitId: text('unit_id'),
    createdBy: text('created_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('wr_disclosures_on_idx').on(t.disclosedOn)],
);

/** WR-15 监督发现问题登记: finding → rectification → report to the 市政府 (→ result published for media). */
export const wrFindings = pgTable(
  'wr_findings',
  {
    id: text('id').primaryKey(),
    /** judicial 司法机关 | discipline 派驻纪检组 | audit 审计 | media 新闻舆论 | public 群众监督 */
    source: text('source').notNull(),
    sourceDetail: text('source_detail').notNull(),
    title: text('title').notNull(),
    foundOn: date('found_on', { mode: 'string' }).notNull(),
    responsibleUnitId: text('responsible_unit_id').notNull(),
    /** Media / public: after 调查核实 — confirmed (确有问题) or unfounded (不属实, closes without report). */
    verification: text('verification').notNull().default('confirmed'),
    verificationNote: text('verification_note'),
    rectification: text('rectification'),
    rectifiedOn: date('rectified_on', { mode: 'string' }),
    reportedOn: date('reported_on', { mode: 'string' }),
    reportRef: text('report_ref'),
    publishedOn: date('published_on', { mode: 'string' }),
    publishChannel: text('publish_channel'),
    createdBy: text('created_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    index('wr_findings_open_idx').on(t.reportedOn),
    check('wr_findings_source_ck', sql`${t.source} in ('judicial','discipline','audit','media','public')`),
    check('wr_findings_verification_ck', sql`${t.verification} in ('pending','confirmed','unfounded')`),
  ],
);

/** One hand-over of a letter between owners (首问负责制, WR-11). */
export interface Handover {
  from: string;
  to: string;
  on: string;
  note: string;
  by: string;
}

/** WR-16 来信来访及12317电话登记 (WR-11 首问责任人, hand-overs, optional time limit). */
export const wrLetters = pgTable(
  'wr_letters',
  {
    id: text('id').primaryKey(),
    year: integer('year').notNull(),
    seq: integer('seq').notNull(),
    /** letter 来信 | visit 来访 | hotline 12317电话 | online 网上信访 */
    channel: text('channel').notNull(),
    receivedOn: date('received_on', { mode: 'string' }).notNull(),
    /** 反映人 (may be anonymous). */
    contact: text('contact'),
    subject: text('subject').notNull(),
    important: boolean('important').notNull().default(false),
    /** The leader or section head the important item is sent to for 阅批. */
    annotatorId: text('annotator_id'),
    firstResponderId: text('first_responder_id').notNull(),
    ownerId: text('owner_id').notNull(),
    handovers: jsonb('handovers').$type<Handover[]>().notNull().default([]),
    /** receivedOn + WR-16 hotlineHandlingWorkingDays when the office has set it (CONF-21). */
    dueOn: date('due_on', { mode: 'string' }),
    annotatedBy: text('annotated_by'),
    annotatedOn: date('annotated_on', { mode: 'string' }),
    annotation: text('annotation'),
    result: text('result'),
    closedOn: date('closed_on', { mode: 'string' }),
    /** CRED-02: the result fed back to the caller (12317): when, and how / what, or why it could not be. */
    fedBackOn: date('fed_back_on', { mode: 'string' }),
    feedback: text('feedback'),
    createdBy: text('created_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    uniqueIndex('wr_letters_seq_uq').on(t.year, t.seq),
    index('wr_letters_open_idx').on(t.closedOn, t.important),
    check('wr_letters_channel_ck', sql`${t.channel} in ('letter','visit','hotline','online')`),
  ],
);

/** WR-18 讲话、文章事先报党组同意登记: request → the PLG's consent (or refusal) → publication. */
export const wrSpeeches = pgTable(
  'wr_speeches',
  {
    id: text('id').primaryKey(),
    /** office 代表办发表 | personal_major 个人发表涉及未经党组研究决定的重大问题 */
    kind: text('kind').notNull(),
    speakerId: text('speaker_id').notNull(),
    title: text('title').notNull(),
    /** Where it is to be delivered or published (会议、报刊、网站 …). */
    venue: text('venue').notNull(),
    plannedOn: date('planned_on', { mode: 'string' }).notNull(),
    summary: text('summary').notNull(),
    requestedOn: date('requested_on', { mode: 'string' }).notNull(),
    /** requested | consented | refused | withdrawn */
    status: text('status').notNull(),
    /** The 党组会议 decision that consented, when the meeting is in the system. */
    consentDecisionId: text('consent_decision_id'),
    decidedOn: date('decided_on', { mode: 'string' }),
    decisionRef: text('decision_ref'),
    decisionRecordedBy: text('decision_recorded_by'),
    publishedOn: date('published_on', { mode: 'string' }),
    publishedNote: text('published_note'),
    /** Published without the PLG's prior consent (confirmed warning WR-18). */
    withoutPriorConsent: boolean('without_prior_consent').notNull().default(false),
    createdBy: text('created_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    index('wr_speeches_status_idx').on(t.status),
    check('wr_speeches_kind_ck', sql`${t.kind} in ('office','personal_major')`),
    check('wr_speeches_status_ck', sql`${t.status} in ('requested','consented','refused','withdrawn')`),
  ],
);

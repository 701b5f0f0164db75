import { sql } from 'drizzle-orm';
import { bigint, boolean, date, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';

/**
 * 雨露计划 (“雨露计划”工作细则, B-poverty.md §2 RAIN-xx): vocational students of the household
 * register (poverty_persons / poverty_households), their per-semester determination, village
 * publicity and objections, payment batches to the finance bureau, confirmations, national
 * system entry, half-year summaries and inspections. Money is integer fen. A semester is the key
 * 'YYYY-spring' | 'YYYY-autumn'; the academic year is autumn Y + spring Y+1 (CONF-90).
 */

/** A student, linked to one person of the register (the household is the person's household). */
export const rainStudents = pgTable(
  'rain_students',
  {
    id: text('id').primaryKey(),
    personId: text('person_id').notNull(),
    householdId: text('household_id').notNull(),
    name: text('name').notNull(),
    schoolName: text('school_name').notNull(),
    /** Where the school is: shown, never used for eligibility (RAIN-04). */
    schoolLocation: text('school_location'),
    /** SECONDARY 中等职业教育 | HIGHER 高等职业教育 | OTHER (非职业教育, e.g. 普通高中). */
    educationLevel: text('education_level').notNull(),
    schoolType: text('school_type').notNull(),
    /** 正式学籍 registered in the MOE or MOHRSS system (RAIN-08). */
    formalStatus: boolean('formal_status').notNull().default(false),
    registrySystem: text('registry_system'), // MOE | MOHRSS
    studentStatusNo: text('student_status_no'),
    /** IN_SCHOOL | POST_INTERNSHIP 顶岗实习 | GRADUATED | DROPPED_OUT 退学 | OUT_OF_SCHOOL 失学 */
    enrolmentStatus: text('enrolment_status').notNull(),
    enrolledOn: date('enrolled_on'),
    /** 户口已迁出本村 (RAIN-07: not a ground for refusal). */
    hukouMovedOut: boolean('hukou_moved_out').notNull().default(false),
    /** Graduated from secondary vocational education on this date (RAIN-11). */
    secondaryGraduatedOn: date('secondary_graduated_on'),
    /** 在校就读证明 (RAIN-27): an uploaded file or a reference. */
    certificateFileId: text('certificate_file_id'),
    certificateRef: text('certificate_ref'),
    lastJobId: text('last_job_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [uniqueIndex('rain_students_person_uq').on(t.personId), index('rain_students_household_idx').on(t.householdId)],
);

/**
 * County leading-group decisions (县级扶贫开发领导小组, GAP-B-RAIN10 one body) and manual
 * confirmations: EXITED_BEFORE_FIRST_SUBSIDY (RAIN-10), OTHER_TYPE (RAIN-08 “等”),
 * DROPOUT_NOT_WRONG (RAIN-13). Append-only; the latest decision of a kind counts.
 */
export const rainDecisions = pgTable(
  'rain_decisions',
  {
    id: text('id').primaryKey(),
    studentId: text('student_id').notNull(),
    kind: text('kind').notNull(),
    approved: boolean('approved').notNull(),
    decidedOn: date('decided_on').notNull(),
    ref: text('ref').notNull(),
    note: text('note'),
    accountId: text('account_id'),
    at: timestamp('at', { withTimezone: true }).notNull(),
  },
  (t) => [index('rain_decisions_student_idx').on(t.studentId, t.kind, t.at)],
);

/** 特殊情况未录入 / 返贫未纳入 households approved by the county leading group (RAIN-06, RAIN-12). */
export const rainSpecialApprovals = pgTable('rain_special_approvals', {
  householdId: text('household_id').primaryKey(),
  reason: text('reason').notNull(), // INCOMPLETE_INFO | RETURNED_TO_POVERTY | OTHER
  approvedOn: date('approved_on').notNull(),
  /** The prescribed procedure (规定程序) as recorded: meeting, document number … */
  procedureRef: text('procedure_ref').notNull(),
  accountId: text('account_id'),
  at: timestamp('at', { withTimezone: true }).notNull(),
});

/** Per county and semester: the three links' records, the special notice, national-system entry. */
export const rainSemesters = pgTable(
  'rain_semesters',
  {
    countyCode: text('county_code').notNull(),
    semester: text('semester').notNull(),
    /** 专项通知 (RAIN-26). */
    noticeIssuedOn: date('notice_issued_on'),
    noticeRef: text('notice_ref'),
    /** 户籍筛查 and 源头确认 recorded as done (RAIN-14). */
    hukouScreenedOn: date('hukou_screened_on'),
    hukouScreenNote: text('hukou_screen_note'),
    sourceConfirmedOn: date('source_confirmed_on'),
    sourceConfirmNote: text('source_confirm_note'),
    /** 规定时限 for national-system entry: set per semester, no default (CONF-92). */
    entryDeadline: date('entry_deadline'),
    entryCompletedOn: date('entry_completed_on'),
  },
  (t) => [primaryKey({ columns: [t.countyCode, t.semester] })],
);

/**
 * 补助对象确认 (三（一）): one per student and semester. The record belongs to the household's
 * county/township/village (RAIN-04), whatever the school's location.
 */
export const rainDeterminations = pgTable(
  'rain_determinations',
  {
    id: text('id').primaryKey(),
    studentId: text('student_id').notNull(),
    semester: text('semester').notNull(),
    householdId: text('household_id').notNull(),
    countyCode: text('county_code').notNull(),
    townshipCode: text('township_code').notNull(),
    villageCode: text('village_code').notNull(),
    /** 学籍比对: ROLL (matched in the school-roll comparison) | MANUAL (源头确认). */
    comparison: text('comparison').notNull(),
    comparisonJobId: text('comparison_job_id'),
    inNationalRange: boolean('in_national_range').notNull().default(false),
    /** County review (复核): TARGET 补助对象 | NON_TARGET 非补助对象; null until reviewed. */
    countyReview: text('county_review'),
    /** eligible | ineligible | needs_decision, with the reasons (rule id + Chinese text). */
    eligibility: text('eligibility').notNull(),
    reasons: jsonb('reasons').notNull(),
    /** proposed → publicised → confirmed → paid; or cancelled (RAIN-16). */
    status: text('status').notNull(),
    publicityId: text('publicity_id'),
    confirmedOn: date('confirmed_on'),
    confirmRef: text('confirm_ref'),
    cancelledReason: text('cancelled_reason'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    uniqueIndex('rain_determinations_student_semester_uq').on(t.studentId, t.semester),
    index('rain_determinations_semester_village_idx').on(t.semester, t.villageCode),
  ],
);

/**
 * 公示 (三（二）): one village list, the crowded place, dates and photos. A village may have a
 * supplementary round (补充公示) in a semester for students settled later (e.g. after a decision).
 */
export const rainPublicities = pgTable(
  'rain_publicities',
  {
    id: text('id').primaryKey(),
    semester: text('semester').notNull(),
    villageCode: text('village_code').notNull(),
    place: text('place').notNull(),
    startDate: date('start_date').notNull(),
    periodDays: integer('period_days').notNull(),
    endDate: date('end_date').notNull(),
    status: text('status').notNull(), // open | confirmed
    confirmedOn: date('confirmed_on'),
    confirmRef: text('confirm_ref'),
    createdBy: text('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('rain_publicities_village_semester_idx').on(t.villageCode, t.semester)],
);

/** Uploaded files (publicity photos, summary attachments, certificates, graduate data), size-limited. */
export const rainFiles = pgTable('rain_files', {
  id: text('id').primaryKey(),
  /** photo | attachment | certificate | graduate */
  purpose: text('purpose').notNull(),
  ownerType: text('owner_type').notNull(),
  ownerId: text('owner_id').notNull(),
  /** minutes | notices | statistics | ledgers for summary attachments. */
  label: text('label'),
  fileName: text('file_name').notNull(),
  contentType: text('content_type').notNull(),
  size: integer('size').notNull(),
  sha256: text('sha256').notNull(),
  contentBase64: text('content_base64').notNull(),
  uploadedBy: text('uploaded_by'),
  uploadedAt: timestamp('uploaded_at', { withTimezone: true }).notNull(),
}, (t) => [index('rain_files_owner_idx').on(t.ownerType, t.ownerId)]);

/** 群众举报 (RAIN-16): township verification, then county approval cancels. */
export const rainObjections = pgTable(
  'rain_objections',
  {
    id: text('id').primaryKey(),
    publicityId: text('publicity_id').notNull(),
    determinationId: text('determination_id').notNull(),
    reporter: text('reporter'),
    content: text('content').notNull(),
    filedOn: date('filed_on').notNull(),
    /** SUBSTANTIATED 查实 | UNFOUNDED 不实 */
    townshipFinding: text('township_finding'),
    townshipNote: text('township_note'),
    townshipVerifiedOn: date('township_verified_on'),
    /** APPROVED (cancel) | REJECTED */
    countyDecision: text('county_decision'),
    countyNote: text('county_note'),
    countyDecidedOn: date('county_decided_on'),
    status: text('status').notNull(), // open | closed
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('rain_objections_determination_idx').on(t.determinationId)],
);

/** 补助发放批次 (三（三）): list + funds + accounts, to the county finance bureau. */
export const rainBatches = pgTable('rain_batches', {
  id: text('id').primaryKey(),
  countyCode: text('county_code').notNull(),
  semester: text('semester').notNull(),
  status: text('status').notNull(), // draft | submitted | paid
  /** RAIN-05: 财政扶贫资金. */
  fundSource: text('fund_source').notNull(),
  lineCount: integer('line_count').notNull(),
  totalFen: bigint('total_fen', { mode: 'number' }).notNull(),
  submittedOn: date('submitted_on'),
  paidOn: date('paid_on'),
  /** 补助流水 reference. */
  flowRef: text('flow_ref'),
  createdBy: text('created_by'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
});

/**
 * One subsidy line: at most one per student and semester, whatever the batch (RAIN-02).
 * The account is the household's 一卡通 at the time of the batch (RAIN-03), encrypted.
 */
export const rainPayments = pgTable(
  'rain_payments',
  {
    id: text('id').primaryKey(),
    batchId: text('batch_id').notNull(),
    determinationId: text('determination_id').notNull(),
    studentId: text('student_id').notNull(),
    semester: text('semester').notNull(),
    householdId: text('household_id').notNull(),
    townshipCode: text('township_code').notNull(),
    villageCode: text('village_code').notNull(),
    educationLevel: text('education_level').notNull(),
    amountFen: integer('amount_fen').notNull(),
    accountEnc: text('account_enc').notNull(),
    accountMasked: text('account_masked').notNull(),
    status: text('status').notNull(), // listed | paid
    /** 录入全国扶贫开发信息管理系统 (RAIN-22). */
    enteredOn: date('entered_on'),
    /** 发放确认 (RAIN-19). */
    informedOn: date('informed_on'),
    townshipFiledOn: date('township_filed_on'),
    villageFiledOn: date('village_filed_on'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    uniqueIndex('rain_payments_student_semester_uq').on(t.studentId, t.semester),
    index('rain_payments_batch_idx').on(t.batchId),
    index('rain_payments_semester_village_idx').on(t.semester, t.villageCode),
  ],
);

/** 补助流水抄送 (RAIN-18): to the poverty department and each township and village concerned. */
export const rainFlowCopies = pgTable(
  'rain_flow_copies',
  {
    batchId: text('batch_id').notNull(),
    /** 'county' (扶贫部门) or a township / village code. */
    recipient: text('recipient').notNull(),
    copiedOn: date('copied_on').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.batchId, t.recipient] })],
);

/** 漏补补放 / 错补追缴 (RAIN-25), with evidence; RAIN-13 protects confirmed drop-outs. */
export const rainCorrections = pgTable('rain_corrections', {
  id: text('id').primaryKey(),
  studentId: text('student_id').notNull(),
  semester: text('semester').notNull(),
  kind: text('kind').notNull(), // MISSED | WRONG
  paymentId: text('payment_id'),
  amountFen: integer('amount_fen').notNull(),
  correctedOn: date('corrected_on').notNull(),
  evidence: text('evidence').notNull(),
  createdBy: text('created_by'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
});

/** 半年总结 (RAIN-23): H1 / H2 per county, attachments in rain_files (owner 'summary'). */
export const rainSummaries = pgTable(
  'rain_summaries',
  {
    id: text('id').primaryKey(),
    countyCode: text('county_code').notNull(),
    half: text('half').notNull(), // 2026-H1 | 2026-H2
    summaryText: text('summary_text').notNull(),
    approvedByName: text('approved_by_name'),
    approvedOn: date('approved_on'),
    submittedOn: date('submitted_on'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [uniqueIndex('rain_summaries_county_half_uq').on(t.countyCode, t.half)],
);

/** 明察暗访 (RAIN-24) with the randomly drawn sample, and the problems found until 销号. */
export const rainInspections = pgTable('rain_inspections', {
  id: text('id').primaryKey(),
  countyCode: text('county_code').notNull(),
  half: text('half').notNull(),
  kind: text('kind').notNull(), // OPEN 明察 | COVERT 暗访
  conductedOn: date('conducted_on').notNull(),
  /** { townships: [{code,name}], villages: [...], beneficiaries: [{studentId, name, householdCode, …}] } */
  sample: jsonb('sample').notNull(),
  note: text('note'),
  createdBy: text('created_by'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
});

export const rainProblems = pgTable(
  'rain_problems',
  {
    id: text('id').primaryKey(),
    inspectionId: text('inspection_id').notNull(),
    description: text('description').notNull(),
    rectification: text('rectification'),
    closedOn: date('closed_on'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('rain_problems_open_idx').on(t.inspectionId).where(sql`closed_on is null`)],
);

/** 毕业生基础信息 from the education department each graduation season (RAIN-27). */
export const rainGraduateData = pgTable('rain_graduate_data', {
  id: text('id').primaryKey(),
  year: integer('year').notNull(),
  receivedOn: date('received_on').notNull(),
  description: text('description').notNull(),
  fileId: text('file_id'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
});

/** School-roll rows of a comparison job, loaded with COPY and matched set-wise; emptied after. */
export const rainRollStaging = pgTable(
  'rain_roll_staging',
  {
    jobId: text('job_id').notNull(),
    line: integer('line').notNull(),
    name: text('name').notNull(),
    idHash: text('id_hash').notNull(),
    idMasked: text('id_masked').notNull(),
    schoolName: text('school_name').notNull(),
    schoolLocation: text('school_location'),
    educationLevel: text('education_level').notNull(),
    schoolType: text('school_type').notNull(),
    registrySystem: text('registry_system'),
    studentStatusNo: text('student_status_no'),
    enrolmentStatus: text('enrolment_status').notNull(),
    enrolledOn: date('enrolled_on'),
    inNationalRange: boolean('in_national_range').notNull(),
  },
  (t) => [index('rain_roll_staging_job_idx').on(t.jobId, t.idHash)],
);

/**
 * What a matching job found, row by row: not_in_register, name_mismatch, bad_id … for the
 * school-roll comparison; omission (a young member of a registered household with no student
 * record) for the household-registry screening (户籍筛查).
 */
export const rainFindings = pgTable(
  'rain_findings',
  {
    jobId: text('job_id').notNull(),
    line: integer('line').notNull(),
    code: text('code').notNull(),
    message: text('message').notNull(),
    personId: text('person_id'),
    villageCode: text('village_code'),
  },
  (t) => [index('rain_findings_job_idx').on(t.jobId, t.line)],
);

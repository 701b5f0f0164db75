import { sql } from 'drizzle-orm';
import { boolean, check, date, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';

/**
 * Personnel: leave (请假), attendance (考勤、旷工) and business trips (公出).
 * Day amounts are stored as integer HALF days (`*_halves`): leave is requested in multiples
 * of 0.5 working day (C-personnel N-8) and integers keep the sums exact.
 */

/** HR facts the org tables do not hold and the leave rules need (gender, 在编, service start). */
export const personnelProfiles = pgTable('personnel_profiles', {
  personId: text('person_id').primaryKey(),
  /** F | M; null = not registered (maternity, paternity and nursing need it). */
  gender: text('gender'),
  /** 在编在职: only established staff have annual leave (LEAVE-08, GAP-C-LEAVE21). */
  established: boolean('established').notNull().default(true),
  /** 累计工作年限 start when it differs from people.work_start_date (gaps in service). */
  serviceStart: date('service_start'),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
});

/** One leave request (《请销假审批表》); its approval runs as a flow instance. */
export const leaveRequests = pgTable(
  'leave_requests',
  {
    id: text('id').primaryKey(),
    personId: text('person_id').notNull(),
    unitId: text('unit_id'),
    flowInstanceId: text('flow_instance_id'),
    type: text('type').notNull(),
    specialKind: text('special_kind'),
    startDate: date('start_date').notNull(),
    startHalf: text('start_half').notNull(),
    endDate: date('end_date').notNull(),
    endHalf: text('end_half').notNull(),
    /** Last leave day after granted extensions (LEAVE-19). */
    effectiveEndDate: date('effective_end_date').notNull(),
    effectiveEndHalf: text('effective_end_half').notNull(),
    workingHalves: integer('working_halves').notNull(),
    calendarHalves: integer('calendar_halves').notNull(),
    chargeableHalves: integer('chargeable_halves').notNull(),
    reason: text('reason').notNull(),
    channel: text('channel').notNull(),
    /** pending | approved | rejected | withdrawn | returned | cancelled */
    status: text('status').notNull(),
    /** 事假: 单位按规定扣工资 (LEAVE-09 C1 counts only leave without deduction). */
    salaryDeducted: boolean('salary_deducted').notNull().default(false),
    attachments: jsonb('attachments').$type<{ kind: string; name: string }[]>().notNull(),
    reportBackDue: date('report_back_due'),
    reportedBackAt: timestamp('reported_back_at', { withTimezone: true }),
    /** The first day back at the post (销假时登记), for overstay (ATT-03 A2). */
    returnedOn: date('returned_on'),
    reportBackMode: text('report_back_mode'),
    reportBackReceivedBy: text('report_back_received_by'),
    cancelReason: text('cancel_reason'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    index('leave_requests_person_idx').on(t.personId, t.startDate),
    index('leave_requests_flow_idx').on(t.flowInstanceId),
    check('leave_requests_halves_ck', sql`${t.workingHalves} >= 0 and ${t.calendarHalves} > 0`),
  ],
);

/** Extensions decided by the original final approver (LEAVE-19). */
export const leaveExtensions = pgTable('leave_extensions', {
  id: text('id').primaryKey(),
  leaveId: text('leave_id')
    .notNull()
    .references(() => leaveRequests.id),
  requestedOn: date('requested_on').notNull(),
  decision: text('decision').notNull(),
  previousEndDate: date('previous_end_date').notNull(),
  newEndDate: date('new_end_date'),
  newEndHalf: text('new_end_half'),
  addedHalves: integer('added_halves').notNull().default(0),
  note: text('note'),
  decidedBy: text('decided_by').notNull(),
  decidedAt: timestamp('decided_at', { withTimezone: true }).notNull(),
});

/**
 * The leave ledger: every change of a balance is a row (grant of the annual entitlement, use
 * on approval, reversal on cancellation or early return, forfeit under LEAVE-09). A balance is
 * the sum of its rows; no number is ever overwritten. Signed half days.
 */
export const leaveLedger = pgTable(
  'leave_ledger',
  {
    id: text('id').primaryKey(),
    personId: text('person_id').notNull(),
    year: integer('year').notNull(),
    leaveType: text('leave_type').notNull(),
    /** grant | use | reversal | forfeit */
    entry: text('entry').notNull(),
    halves: integer('halves').notNull(),
    /** For grants: the tier the grant brings the year up to (one grant row per tier). */
    tierDays: integer('tier_days'),
    /** The leave request or extension the row comes from. */
    sourceId: text('source_id'),
    leaveId: text('leave_id'),
    note: text('note').notNull(),
    createdBy: text('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    index('leave_ledger_person_idx').on(t.personId, t.year, t.leaveType),
    uniqueIndex('leave_ledger_grant_uq').on(t.personId, t.year, t.leaveType, t.tierDays).where(sql`entry = 'grant'`),
    uniqueIndex('leave_ledger_source_uq').on(t.sourceId, t.entry, t.year).where(sql`source_id is not null`),
    check('leave_ledger_entry_ck', sql`${t.entry} in ('grant','use','reversal','forfeit')`),
  ],
);

/** LEAVE-09 / LEAVE-10: a year in which a person has no annual leave, and why. */
export const annualLeaveForfeits = pgTable(
  'annual_leave_forfeits',
  {
    id: text('id').primaryKey(),
    personId: text('person_id').notNull(),
    /** The year whose annual leave is lost. */
    year: integer('year').notNull(),
    /** current (LEAVE-09) | next (LEAVE-10) */
    kind: text('kind').notNull(),
    code: text('code').notNull(),
    triggeredOn: date('triggered_on').notNull(),
    sourceLeaveId: text('source_leave_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [uniqueIndex('annual_leave_forfeits_uq').on(t.personId, t.year, t.kind)],
);

/** Absence (旷工) decisions of 综合科 on a person's working day (ATT-03): confirmed or dismissed. */
export const absenceRecords = pgTable(
  'absence_records',
  {
    id: text('id').primaryKey(),
    personId: text('person_id').notNull(),
    date: date('date').notNull(),
    /** 1 = half a day, 2 = a whole day. */
    halves: integer('halves').notNull(),
    /** A1 … A6 (ATT-03). */
    ground: text('ground').notNull(),
    evidence: text('evidence').notNull(),
    /** confirmed | dismissed */
    status: text('status').notNull(),
    leaveId: text('leave_id'),
    tripId: text('trip_id'),
    decidedBy: text('decided_by').notNull(),
    decidedAt: timestamp('decided_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    uniqueIndex('absence_records_day_uq').on(t.personId, t.date),
    check('absence_records_halves_ck', sql`${t.halves} in (1, 2)`),
  ],
);

/** 公出审批单 (FMS-F2): one record for attendance (TRIP-01/02) and the travel claim (TRAVEL-02). */
export const trips = pgTable(
  'personnel_trips',
  {
    id: text('id').primaryKey(),
    personId: text('person_id').notNull(),
    unitId: text('unit_id'),
    flowInstanceId: text('flow_instance_id'),
    destination: text('destination').notNull(),
    purpose: text('purpose').notNull(),
    startDate: date('start_date').notNull(),
    endDate: date('end_date').notNull(),
    companions: jsonb('companions').$type<string[]>().notNull(),
    transport: text('transport').notNull(),
    remarks: text('remarks'),
    /** TRAVEL-07: the category of official activity (ORS 2) and the special need of a study/research trip. */
    purposeCategory: text('purpose_category'),
    specialNeed: text('special_need'),
    /** TRAVEL-08: the host unit receives us; our 公函 (host, number, content, itinerary, persons). */
    needsReception: boolean('needs_reception').notNull().default(false),
    letter: jsonb('letter').$type<{ hostUnit: string; docNo: string; content: string; itinerary: string; persons: string[] }>(),
    /** pending | approved | rejected | withdrawn | returned */
    status: text('status').notNull(),
    signedBy: text('signed_by'),
    signedAt: timestamp('signed_at', { withTimezone: true }),
    returnedOn: date('returned_on'),
    overdueJustified: boolean('overdue_justified'),
    overdueReason: text('overdue_reason'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('personnel_trips_person_idx').on(t.personId, t.startDate)],
);

/**
 * Daily presence from the attendance machine (imported CSV/XLSX) or entered by 综合科 (ATT-02):
 * one row per person per day, clock times as 'HH:MM' Beijing time, with the minutes late and
 * early computed against the office hours in force when recorded (ATT-02 params).
 */
export const attendancePunches = pgTable(
  'attendance_punches',
  {
    id: text('id').primaryKey(),
    personId: text('person_id').notNull(),
    date: date('date').notNull(),
    clockIn: text('clock_in'),
    clockOut: text('clock_out'),
    lateMinutes: integer('late_minutes').notNull().default(0),
    earlyMinutes: integer('early_minutes').notNull().default(0),
    /** import | manual */
    source: text('source').notNull(),
    note: text('note'),
    recordedBy: text('recorded_by').notNull(),
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull(),
  },
  (t) => [uniqueIndex('attendance_punches_day_uq').on(t.personId, t.date), index('attendance_punches_date_idx').on(t.date)],
);

/** 工作纪律抽查 (ATT-04): organised by an office leader, on a date, by a checker. */
export const attendanceSpotChecks = pgTable(
  'attendance_spot_checks',
  {
    id: text('id').primaryKey(),
    date: date('date').notNull(),
    /** 'HH:MM' when the check was made. */
    time: text('time'),
    organiserPersonId: text('organiser_person_id').notNull(),
    checkerPersonId: text('checker_person_id').notNull(),
    scope: text('scope').notNull(),
    note: text('note'),
    createdBy: text('created_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('attendance_spot_checks_date_idx').on(t.date)],
);

/** What a spot check found about one person: absent (不在岗), late, or misconduct, with the explanation given. */
export const attendanceSpotFindings = pgTable(
  'attendance_spot_findings',
  {
    id: text('id').primaryKey(),
    checkId: text('check_id')
      .notNull()
      .references(() => attendanceSpotChecks.id),
    personId: text('person_id').notNull(),
    /** absent | late | misconduct */
    finding: text('finding').notNull(),
    explanation: text('explanation'),
  },
  (t) => [uniqueIndex('attendance_spot_findings_uq').on(t.checkId, t.personId), index('attendance_spot_findings_person_idx').on(t.personId)],
);

/**
 * WR-19 (工作规则 第三十三条, CONF-50): a leave or trip that leaves Baicheng, of a person the
 * article names (办主要领导, 其他办领导, 科室及服务中心主要负责人), with the reporting chain of
 * the role. The leave or trip is approved only when the chain is complete.
 */
export const personnelDepartures = pgTable(
  'personnel_departures',
  {
    id: text('id').primaryKey(),
    /** leave | trip */
    subjectType: text('subject_type').notNull(),
    subjectId: text('subject_id').notNull(),
    personId: text('person_id').notNull(),
    /** principal | leader | head — on the departure day. */
    role: text('role').notNull(),
    departOn: date('depart_on', { mode: 'string' }).notNull(),
    returnOn: date('return_on', { mode: 'string' }).notNull(),
    destination: text('destination').notNull(),
    /** 办主要领导: 综合科's advance report (报备) to the 市委办 and 市政府办. */
    cityFiledOn: date('city_filed_on', { mode: 'string' }),
    cityFilingRef: text('city_filing_ref'),
    cityFiledBy: text('city_filed_by'),
    /** 其他办领导 / 科室负责人: the report to the principal leader (approval = the principal signed the request). */
    principalReportedOn: date('principal_reported_on', { mode: 'string' }),
    principalReportMode: text('principal_report_mode'),
    principalReportRecordedBy: text('principal_report_recorded_by'),
    /** 通知（告知）综合科: the system's notice to 综合科 at submission. */
    hubNotifiedOn: date('hub_notified_on', { mode: 'string' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    uniqueIndex('personnel_departures_subject_uq').on(t.subjectType, t.subjectId),
    index('personnel_departures_depart_idx').on(t.departOn),
    check('personnel_departures_role_ck', sql`${t.role} in ('principal','leader','head')`),
  ],
);

/**
 * 试用期 of a section-level cadre (PROB-01…03): from the appointment's effective day to the day
 * before its anniversary, then the assessment with its democratic evaluation and outcome.
 * One row per appointment; the outcome columns are written once.
 */
export const personnelProbations = pgTable(
  'personnel_probations',
  {
    id: text('id').primaryKey(),
    personId: text('person_id').notNull(),
    /** 试任职务, e.g. 规划财务科科长. */
    post: text('post').notNull(),
    /** promotion (提拔) | transfer_in (调任): the two that carry a probation. */
    appointmentType: text('appointment_type').notNull(),
    /** 任职文件或党组会议决定. */
    appointmentRef: text('appointment_ref').notNull(),
    effectiveOn: date('effective_on', { mode: 'string' }).notNull(),
    endOn: date('end_on', { mode: 'string' }).notNull(),
    dueOn: date('due_on', { mode: 'string' }).notNull(),
    remindOn: date('remind_on', { mode: 'string' }).notNull(),
    /** on_probation | formal | removed */
    status: text('status').notNull(),
    assessedOn: date('assessed_on', { mode: 'string' }),
    ballots: integer('ballots'),
    excellent: integer('excellent'),
    competent: integer('competent'),
    basicallyCompetent: integer('basically_competent'),
    incompetent: integer('incompetent'),
    partyGroupFindsUnfit: boolean('party_group_finds_unfit'),
    /** 办党组研究决定的会议或文号. */
    decisionRef: text('decision_ref'),
    /** Where a removed cadre works next (一般按试任前职级安排工作). */
    placement: text('placement'),
    createdBy: text('created_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    assessedBy: text('assessed_by'),
  },
  (t) => [
    index('personnel_probations_person_idx').on(t.personId),
    index('personnel_probations_status_idx').on(t.status, t.dueOn),
    check('personnel_probations_type_ck', sql`${t.appointmentType} in ('promotion','transfer_in')`),
    check('personnel_probations_status_ck', sql`${t.status} in ('on_probation','formal','removed')`),
  ],
);

import { sql } from 'drizzle-orm';
import { bigint, boolean, customType, date, index, integer, jsonb, pgTable, primaryKey, smallint, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';

/** A full-text document: overlapping bigrams as lexemes (search.ts, data-and-performance.md §1). */
const tsvector = customType<{ data: string }>({ dataType: () => 'tsvector' });

/**
 * Poverty-alleviation ledgers (防返贫监测): regions, households, persons, monitoring.
 * Money is integer fen. ID numbers and bank accounts are never stored in plaintext: `*_enc`
 * holds SM4-CTR + HMAC-SM3 ciphertext (crypto.ts), `*_hash` a keyed HMAC-SM3 for exact
 * lookup and dedup, `*_masked` the display form (220802********1234) so lists never decrypt.
 */

/** County → township → village, by statistical division code (6 / 9 / 12 digits). */
export const povertyRegions = pgTable(
  'poverty_regions',
  {
    code: text('code').primaryKey(),
    name: text('name').notNull(),
    level: text('level').notNull(), // county | township | village
    parentCode: text('parent_code'),
    /** 深度贫困县: the MON-06 ceiling is 10% instead of about 5% (CONF-102). */
    deepPoverty: boolean('deep_poverty').notNull().default(false),
  },
  (t) => [index('poverty_regions_parent_idx').on(t.parentCode)],
);

export const povertyHouseholds = pgTable(
  'poverty_households',
  {
    id: text('id').primaryKey(),
    /** 户编号 as in the national system. */
    code: text('code').notNull(),
    villageCode: text('village_code').notNull(),
    townshipCode: text('township_code').notNull(),
    countyCode: text('county_code').notNull(),
    householderName: text('householder_name').notNull(),
    /** none 一般户 | poor 未脱贫户 | exited 脱贫户 (registered poor = poor or exited). */
    registeredStatus: text('registered_status').notNull(),
    exitYear: smallint('exit_year'),
    /** 特困供养 (extremely poor, supported). */
    extremePoor: boolean('extreme_poor').notNull().default(false),
    /** 人均纯收入 (exit, MON-24) and 人均可支配收入 (entry, MON-03): kept apart, CONF-99. */
    netIncomePerHeadFen: bigint('net_income_per_head_fen', { mode: 'number' }),
    disposableIncomePerHeadFen: bigint('disposable_income_per_head_fen', { mode: 'number' }),
    incomeYear: smallint('income_year'),
    rigidExpenditureFen: bigint('rigid_expenditure_fen', { mode: 'number' }),
    lastYearIncomeFen: bigint('last_year_income_fen', { mode: 'number' }),
    /** 收入仅靠资金扶持、产业分红、金融扶贫 (MON-16). */
    incomeOnlyTransfers: boolean('income_only_transfers').notNull().default(false),
    /** 三保障 and drinking water: true = secured (达标). */
    educationSecured: boolean('education_secured').notNull().default(true),
    medicalSecured: boolean('medical_secured').notNull().default(true),
    housingSecured: boolean('housing_secured').notNull().default(true),
    waterSecured: boolean('water_secured').notNull().default(true),
    /** 一卡通 account, encrypted; masked for display. */
    bankAccountEnc: text('bank_account_enc'),
    bankAccountMasked: text('bank_account_masked'),
    memberCount: integer('member_count').notNull().default(0),
    importJobId: text('import_job_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    /**
     * Search document (search.ts): bigrams of the householder's and members' names and of the
     * village and township names, `i4:` + the last four ID digits (already shown in the masked
     * form) and `i6:` + a keyed hash of the last six: ID fragments are found without decrypting.
     */
    searchTsv: tsvector('search_tsv'),
  },
  (t) => [
    uniqueIndex('poverty_households_code_uq').on(t.code),
    index('poverty_households_village_idx').on(t.villageCode),
    index('poverty_households_county_idx').on(t.countyCode),
    index('poverty_households_search_idx').using('gin', t.searchTsv),
  ],
);

export const povertyPersons = pgTable(
  'poverty_persons',
  {
    id: text('id').primaryKey(),
    householdId: text('household_id').notNull(),
    name: text('name').notNull(),
    idEnc: text('id_enc').notNull(),
    idHash: text('id_hash').notNull(),
    idMasked: text('id_masked').notNull(),
    /** Keyed hash (HMAC-SM3, truncated) of the last six characters, for fragment search. */
    idTailHash: text('id_tail_hash'),
    birthDate: date('birth_date').notNull(),
    sex: text('sex').notNull(), // M | F, from the ID number
    relation: text('relation').notNull(), // 户主, 配偶, 之子 …
    /** full 普通劳动力 | skilled 技能劳动力 | weak 弱劳动力或半劳动力 | lost 丧失劳动力 | none 无劳动力. */
    labourCapacity: text('labour_capacity').notNull(),
    /** 残疾等级 1–4, null = none. */
    disabilityGrade: smallint('disability_grade'),
    importJobId: text('import_job_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [uniqueIndex('poverty_persons_id_hash_uq').on(t.idHash), index('poverty_persons_household_idx').on(t.householdId)],
);

/** Background work the web app polls: imports and reclassification runs. */
export const povertyJobs = pgTable('poverty_jobs', {
  id: text('id').primaryKey(),
  kind: text('kind').notNull(), // import | reclassify | comparison
  /** Comparison jobs: the sector file's kind (comparison.ts SECTOR_KINDS). */
  sector: text('sector'),
  /** Comparison jobs: the quarter (2026-Q4) or, for the weekly hospital list, the ISO week (2026-W45). */
  period: text('period'),
  countyCode: text('county_code'),
  status: text('status').notNull(), // pending | running | done | failed
  fileName: text('file_name'),
  total: integer('total').notNull().default(0),
  processed: integer('processed').notNull().default(0),
  accepted: integer('accepted').notNull().default(0),
  rejected: integer('rejected').notNull().default(0),
  changed: integer('changed').notNull().default(0),
  /** Upload progress: bytes read of the declared length (content-length), for the progress bar. */
  bytesRead: bigint('bytes_read', { mode: 'number' }).notNull().default(0),
  bytesTotal: bigint('bytes_total', { mode: 'number' }),
  message: text('message'),
  createdBy: text('created_by'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  finishedAt: timestamp('finished_at', { withTimezone: true }),
});

/** The row-by-row error report of an import: a rejected row changes nothing. */
export const povertyImportErrors = pgTable(
  'poverty_import_errors',
  {
    jobId: text('job_id').notNull(),
    line: integer('line').notNull(),
    column: text('column'),
    code: text('code').notNull(), // bad_id | duplicate | unknown_village | bad_value | missing
    message: text('message').notNull(),
  },
  (t) => [index('poverty_import_errors_job_idx').on(t.jobId, t.line)],
);

/**
 * Rows of an import that passed the per-row checks, loaded with COPY, then checked set-wise
 * (duplicates, unknown villages) and moved by one INSERT … SELECT. Emptied after each job.
 */
export const povertyImportStaging = pgTable(
  'poverty_import_staging',
  {
    jobId: text('job_id').notNull(),
    line: integer('line').notNull(),
    householdCode: text('household_code').notNull(),
    villageCode: text('village_code').notNull(),
    name: text('name').notNull(),
    idEnc: text('id_enc').notNull(),
    idHash: text('id_hash').notNull(),
    idMasked: text('id_masked').notNull(),
    idTailHash: text('id_tail_hash'),
    birthDate: date('birth_date').notNull(),
    sex: text('sex').notNull(),
    relation: text('relation').notNull(),
    labourCapacity: text('labour_capacity').notNull(),
    disabilityGrade: smallint('disability_grade'),
    registeredStatus: text('registered_status').notNull(),
    exitYear: smallint('exit_year'),
    extremePoor: boolean('extreme_poor').notNull(),
    netIncomePerHeadFen: bigint('net_income_per_head_fen', { mode: 'number' }),
    disposableIncomePerHeadFen: bigint('disposable_income_per_head_fen', { mode: 'number' }),
    incomeYear: smallint('income_year'),
    rigidExpenditureFen: bigint('rigid_expenditure_fen', { mode: 'number' }),
    lastYearIncomeFen: bigint('last_year_income_fen', { mode: 'number' }),
    incomeOnlyTransfers: boolean('income_only_transfers').notNull(),
    educationSecured: boolean('education_secured').notNull(),
    medicalSecured: boolean('medical_secured').notNull(),
    housingSecured: boolean('housing_secured').notNull(),
    waterSecured: boolean('water_secured').notNull(),
    bankAccountEnc: text('bank_account_enc'),
    bankAccountMasked: text('bank_account_masked'),
    /** Search lexemes of this person and its village (search.ts), computed in the application. */
    searchTokens: text('search_tokens').array(),
  },
  (t) => [index('poverty_import_staging_job_idx').on(t.jobId, t.line)],
);

/**
 * One monitoring episode of a household (监测对象). Current state lives here for fast lists;
 * every change is also an append-only row in poverty_monitoring_events / poverty_level_changes.
 */
export const povertyMonitoring = pgTable(
  'poverty_monitoring',
  {
    id: text('id').primaryKey(),
    householdId: text('household_id').notNull(),
    category: text('category').notNull(), // UNSTABLE_EXITED | MARGINAL (MON-01)
    status: text('status').notNull(), // proposed | monitored | exited
    channel: text('channel').notNull(), // MON-07
    sectorDepartment: text('sector_department'),
    criteria: jsonb('criteria').notNull(), // { C1?: {...}, C2?: {...}, C3?: {...}, C4?: {...} }
    /** Confirmed colour (a person's decision, CONF-101) and its reason. */
    level: text('level'),
    levelReason: text('level_reason'),
    /** What the warning rules suggest (reclassification job), with the rule cited. */
    suggestedLevel: text('suggested_level'),
    suggestedRule: text('suggested_rule'),
    proposedAt: timestamp('proposed_at', { withTimezone: true }).notNull(),
    proposedBy: text('proposed_by'),
    includedOn: date('included_on'),
    confirmedBy: text('confirmed_by'),
    exitedOn: date('exited_on'),
  },
  (t) => [
    index('poverty_monitoring_household_idx').on(t.householdId),
    index('poverty_monitoring_status_idx').on(t.status, t.id),
    uniqueIndex('poverty_monitoring_open_uq').on(t.householdId).where(sql`status <> 'exited'`),
  ],
);

/** Append-only history of a monitoring episode: proposal, verifications, confirmation, exit. */
export const povertyMonitoringEvents = pgTable(
  'poverty_monitoring_events',
  {
    id: text('id').primaryKey(),
    monitoringId: text('monitoring_id').notNull(),
    kind: text('kind').notNull(), // propose | verify | confirm | level | exit
    /** Who confirmed what: the body (驻村工作队, 包村干部, 村两委, 县扶贫办 …) and the person. */
    body: text('body'),
    actorName: text('actor_name'),
    accountId: text('account_id'),
    detail: jsonb('detail'),
    at: timestamp('at', { withTimezone: true }).notNull(),
  },
  (t) => [index('poverty_monitoring_events_mon_idx').on(t.monitoringId, t.at)],
);

/** Every change of a suggested or confirmed colour, with date, reason and the run that made it. */
export const povertyLevelChanges = pgTable(
  'poverty_level_changes',
  {
    id: text('id').primaryKey(),
    monitoringId: text('monitoring_id').notNull(),
    kind: text('kind').notNull(), // suggested | confirmed
    fromLevel: text('from_level'),
    toLevel: text('to_level'),
    ruleId: text('rule_id'),
    reason: text('reason'),
    jobId: text('job_id'),
    accountId: text('account_id'),
    at: timestamp('at', { withTimezone: true }).notNull(),
  },
  (t) => [index('poverty_level_changes_mon_idx').on(t.monitoringId), index('poverty_level_changes_job_idx').on(t.jobId)],
);

/**
 * Rows of a sector file (数据比对), loaded with COPY and matched to the register set-wise by
 * the ID hash and the name. The plaintext ID is never stored: only its keyed hash and mask.
 * Emptied when the job ends.
 */
export const povertySectorStaging = pgTable(
  'poverty_sector_staging',
  {
    jobId: text('job_id').notNull(),
    line: integer('line').notNull(),
    name: text('name').notNull(),
    idHash: text('id_hash').notNull(),
    idMasked: text('id_masked').notNull(),
    /** The hazard or event the sector reports: COMPULSORY_EDUCATION | HOUSING_SAFETY | BASIC_MEDICAL | DRINKING_WATER | EXTREME_POOR | INCIDENT | HOSPITAL. */
    hazard: text('hazard').notNull(),
    eventDate: date('event_date'),
    /** Out-of-pocket medical cost (个人自付) in fen, medical insurance and hospital lists. */
    amountFen: bigint('amount_fen', { mode: 'number' }),
    /** ILLNESS | EMERGENCY (hospital list), or the event type (civil affairs). */
    cause: text('cause'),
    detail: text('detail'),
  },
  (t) => [index('poverty_sector_staging_job_idx').on(t.jobId, t.idHash)],
);

/**
 * A household a comparison found (MON-10: verified before inclusion): either it now meets an
 * entry criterion (`entry`) or the rules now suggest a higher colour (`level_up`). Staff confirm
 * (through the monitoring services, channel 数据比对) or dismiss it, with who and why.
 */
export const povertyFindings = pgTable(
  'poverty_findings',
  {
    id: text('id').primaryKey(),
    jobId: text('job_id').notNull(),
    householdId: text('household_id').notNull(),
    monitoringId: text('monitoring_id'),
    kind: text('kind').notNull(), // entry | level_up
    sector: text('sector').notNull(),
    /** The MON-02 criteria the sector data supports (C2/C3/C4 shapes of rules.ts Criteria). */
    criteria: jsonb('criteria').notNull(),
    /** Household facts the sector data changes (housingSecured: false …), applied on confirmation. */
    facts: jsonb('facts').notNull(),
    fromLevel: text('from_level'),
    toLevel: text('to_level').notNull(),
    ruleId: text('rule_id').notNull(),
    reason: text('reason').notNull(),
    evidence: text('evidence').notNull(),
    status: text('status').notNull(), // open | confirmed | dismissed
    decidedBy: text('decided_by'),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    decisionNote: text('decision_note'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    uniqueIndex('poverty_findings_job_household_uq').on(t.jobId, t.householdId),
    index('poverty_findings_status_idx').on(t.status, t.jobId),
  ],
);

/** 入户走访 (MON-12): at least one per calendar month per monitored household. */
export const povertyVisits = pgTable(
  'poverty_visits',
  {
    id: text('id').primaryKey(),
    householdId: text('household_id').notNull(),
    monitoringId: text('monitoring_id').notNull(),
    visitedOn: date('visited_on').notNull(),
    visitorName: text('visitor_name').notNull(),
    /** 乡村干部 | 驻村干部 | 驻村工作队 | 包村干部 */
    visitorRole: text('visitor_role').notNull(),
    incomeObservation: text('income_observation').notNull(),
    guaranteesObservation: text('guarantees_observation').notNull(),
    problems: text('problems'),
    accountId: text('account_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('poverty_visits_mon_idx').on(t.monitoringId, t.visitedOn), index('poverty_visits_household_idx').on(t.householdId)],
);

/** The quarterly comparison of a county (MON-11): due on the 10th of the quarter's first month. */
export const povertyQuarterChecks = pgTable(
  'poverty_quarter_checks',
  {
    countyCode: text('county_code').notNull(),
    quarter: text('quarter').notNull(), // 2026-Q4
    dueOn: date('due_on').notNull(),
    completedOn: date('completed_on').notNull(),
    completedBy: text('completed_by'),
    /** Sector kinds compared in this quarter's jobs, and the jobs. */
    datasets: jsonb('datasets').notNull(),
    note: text('note'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.countyCode, t.quarter] })],
);

/** A hospital admission of a monitored household's member (MON-13): the township/village follows up. */
export const povertyFollowups = pgTable(
  'poverty_followups',
  {
    id: text('id').primaryKey(),
    jobId: text('job_id').notNull(),
    householdId: text('household_id').notNull(),
    monitoringId: text('monitoring_id').notNull(),
    personName: text('person_name').notNull(),
    admittedOn: date('admitted_on'),
    cause: text('cause'),
    detail: text('detail'),
    status: text('status').notNull(), // open | done
    result: text('result'),
    doneBy: text('done_by'),
    doneAt: timestamp('done_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('poverty_followups_status_idx').on(t.status, t.householdId), uniqueIndex('poverty_followups_job_hh_person_uq').on(t.jobId, t.householdId, t.personName)],
);

/**
 * Data scope of county, township and village staff: an account linked to regions sees only
 * households whose village code starts with one of them. An account without a link sees the
 * whole register (the city office), as its permissions allow.
 */
export const povertyStaffRegions = pgTable(
  'poverty_staff_regions',
  {
    accountId: text('account_id').notNull(),
    regionCode: text('region_code').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.accountId, t.regionCode] })],
);

/** Reminders already sent (one row per duty, period and kind): the key makes each one once, on any number of servers. */
export const povertyRemindersSent = pgTable('poverty_reminders_sent', {
  key: text('key').primaryKey(),
  sentAt: timestamp('sent_at', { withTimezone: true }).notNull(),
});

/**
 * 帮扶措施 (MON-18, 四（三）1–7): one row per measure, typed by the enum of B-poverty.md 4.3.
 * Content is never changed after recording (a trigger in poverty.repeatable.sql refuses it);
 * only `status` moves, and each move is a row in poverty_measure_events.
 */
export const povertyMeasures = pgTable(
  'poverty_measures',
  {
    id: text('id').primaryKey(),
    monitoringId: text('monitoring_id').notNull(),
    householdId: text('household_id').notNull(),
    type: text('type').notNull(),
    description: text('description').notNull(),
    responsibleBody: text('responsible_body').notNull(),
    startDate: date('start_date').notNull(),
    amountFen: bigint('amount_fen', { mode: 'number' }),
    /** Type-specific facts (social-security item, subsidy check items, support-obligation step …). */
    detail: jsonb('detail').notNull(),
    status: text('status').notNull(), // active | done | stopped
    sectorActionId: text('sector_action_id'),
    incidentId: text('incident_id'),
    recordedBy: text('recorded_by'),
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('poverty_measures_household_idx').on(t.householdId, t.type), index('poverty_measures_type_idx').on(t.type, t.startDate)],
);

export const povertyMeasureEvents = pgTable(
  'poverty_measure_events',
  {
    id: text('id').primaryKey(),
    measureId: text('measure_id').notNull(),
    status: text('status').notNull(),
    note: text('note'),
    accountId: text('account_id'),
    at: timestamp('at', { withTimezone: true }).notNull(),
  },
  (t) => [index('poverty_measure_events_measure_idx').on(t.measureId, t.at)],
);

/**
 * 行业部门落实 (MON-18, 四（三）2): a 两不愁三保障 or drinking-water problem of a monitored
 * household opens one item per hazard for the sector concerned, due in working days; it is
 * resolved only after the sector's SECTOR_POLICY_FOR_GUARANTEES measure is recorded.
 */
export const povertySectorActions = pgTable(
  'poverty_sector_actions',
  {
    id: text('id').primaryKey(),
    monitoringId: text('monitoring_id').notNull(),
    householdId: text('household_id').notNull(),
    hazard: text('hazard').notNull(), // COMPULSORY_EDUCATION | BASIC_MEDICAL | HOUSING_SAFETY | DRINKING_WATER
    sector: text('sector').notNull(),
    openedOn: date('opened_on').notNull(),
    dueOn: date('due_on').notNull(),
    status: text('status').notNull(), // open | measure_recorded | resolved
    measureId: text('measure_id'),
    resolvedOn: date('resolved_on'),
    result: text('result'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    uniqueIndex('poverty_sector_actions_open_uq').on(t.householdId, t.hazard).where(sql`status <> 'resolved'`),
    index('poverty_sector_actions_status_idx').on(t.status, t.dueOn),
  ],
);

/** 重大自然灾害或家庭重大变故 (MON-22, 四（三）6) of a household, and the assessment after relief. */
export const povertyIncidents = pgTable(
  'poverty_incidents',
  {
    id: text('id').primaryKey(),
    householdId: text('household_id').notNull(),
    monitoringId: text('monitoring_id').notNull(),
    kind: text('kind').notNull(), // disaster | family
    eventType: text('event_type').notNull(),
    eventDate: date('event_date').notNull(),
    description: text('description').notNull(),
    /** 区别贫困人口和非贫困人口: poor (建档立卡, incl. exited) or non_poor, at recording. */
    populationClass: text('population_class').notNull(),
    status: text('status').notNull(), // open | resolved | problems_remain
    assessedOn: date('assessed_on'),
    assessment: text('assessment'),
    remainingHazards: jsonb('remaining_hazards'),
    recordedBy: text('recorded_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('poverty_incidents_household_idx').on(t.householdId)],
);

/**
 * 识别为贫困户 (MON-23, 三（二）1; MON-22, 四（三）6): proposed at the dynamic adjustment,
 * identified by procedure, then entered into the national system once its function is open.
 */
export const povertyConversions = pgTable(
  'poverty_conversions',
  {
    id: text('id').primaryKey(),
    householdId: text('household_id').notNull(),
    monitoringId: text('monitoring_id'),
    source: text('source').notNull(), // standard (MON-23) | incident (MON-22)
    incidentId: text('incident_id'),
    status: text('status').notNull(), // proposed | identified | entered
    proposedOn: date('proposed_on').notNull(),
    identifiedOn: date('identified_on'),
    procedureRef: text('procedure_ref'),
    enteredOn: date('entered_on'),
    note: text('note'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    uniqueIndex('poverty_conversions_open_uq').on(t.householdId).where(sql`status <> 'entered'`),
    index('poverty_conversions_status_idx').on(t.status),
  ],
);

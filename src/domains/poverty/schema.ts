import { sql } from 'drizzle-orm';
import { bigint, boolean, date, index, integer, jsonb, pgTable, smallint, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';

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
  },
  (t) => [
    uniqueIndex('poverty_households_code_uq').on(t.code),
    index('poverty_households_village_idx').on(t.villageCode),
    index('poverty_households_county_idx').on(t.countyCode),
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
  kind: text('kind').notNull(), // import | reclassify
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

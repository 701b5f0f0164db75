import { sql } from 'drizzle-orm';
import { boolean, check, date, index, integer, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/** Units of the office: 办机关 sections (综合科 …) and the 扶贫开发服务中心. */
export const orgUnits = pgTable('org_units', {
  id: text('id').primaryKey(),
  code: text('code').notNull().unique(),
  name: text('name').notNull(),
  /** office (the 办 itself), section (科室), center (事业单位). */
  kind: text('kind').notNull(),
  parentId: text('parent_id'),
  sortOrder: integer('sort_order').notNull().default(0),
  active: boolean('active').notNull().default(true),
});

/**
 * People of the office. `grade` is the rank band the regulations route by:
 * principal (主要领导), deputy (副职领导), section (科级干部), general (一般干部).
 */
export const people = pgTable('people', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  unitId: text('unit_id').references(() => orgUnits.id),
  grade: text('grade').notNull(),
  /** 参加工作时间: annual leave entitlement counts years of work from it. */
  workStartDate: date('work_start_date'),
  partyMember: boolean('party_member').notNull().default(false),
  active: boolean('active').notNull().default(true),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

/** The catalogue of posts (主任, 副主任, 党组书记, 科长, 文书, 印章管理员 …). */
export const posts = pgTable('posts', {
  code: text('code').primaryKey(),
  name: text('name').notNull(),
  /** leader (领导职务), section (科室职务), staff, duty (专责岗位 such as 文书), party (党内职务). */
  category: text('category').notNull(),
  sortOrder: integer('sort_order').notNull().default(0),
});

/** Who holds which post, in which unit, from when to when. */
export const postHoldings = pgTable(
  'post_holdings',
  {
    id: text('id').primaryKey(),
    personId: text('person_id').notNull().references(() => people.id),
    postCode: text('post_code').notNull().references(() => posts.code),
    unitId: text('unit_id').references(() => orgUnits.id),
    startDate: date('start_date').notNull(),
    endDate: date('end_date'),
  },
  (t) => [index('post_holdings_person_idx').on(t.personId), index('post_holdings_post_idx').on(t.postCode, t.unitId)],
);

/** Areas of responsibility a leader can be in charge of (分管领域). */
export const leadershipAreas = pgTable('leadership_areas', {
  code: text('code').primaryKey(),
  name: text('name').notNull(),
  /** One of the five areas the principal leader may not be directly in charge of (FIVE-01). */
  restricted: boolean('restricted').notNull().default(false),
  sortOrder: integer('sort_order').notNull().default(0),
});

/** 分管: a leader in charge of a unit or of an area, for a date range. */
export const leadershipAssignments = pgTable(
  'leadership_assignments',
  {
    id: text('id').primaryKey(),
    leaderId: text('leader_id').notNull().references(() => people.id),
    unitId: text('unit_id').references(() => orgUnits.id),
    areaCode: text('area_code').references(() => leadershipAreas.code),
    startDate: date('start_date').notNull(),
    endDate: date('end_date'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check('leadership_target_ck', sql`(${t.unitId} is null) <> (${t.areaCode} is null)`),
    index('leadership_leader_idx').on(t.leaderId),
  ],
);

/** Acting arrangements (主任外出期间由指定副主任主持; a custodian for the seal keeper). */
export const actingArrangements = pgTable(
  'acting_arrangements',
  {
    id: text('id').primaryKey(),
    absentPersonId: text('absent_person_id').notNull().references(() => people.id),
    actingPersonId: text('acting_person_id').notNull().references(() => people.id),
    /** The post the stand-in covers; null means all of the absent person's posts. */
    postCode: text('post_code').references(() => posts.code),
    startDate: date('start_date').notNull(),
    endDate: date('end_date').notNull(),
    reason: text('reason').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check('acting_dates_ck', sql`${t.startDate} <= ${t.endDate}`),
    check('acting_distinct_ck', sql`${t.absentPersonId} <> ${t.actingPersonId}`),
  ],
);

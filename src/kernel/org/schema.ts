import { sql } from 'drizzle-orm';
import { boolean, check, date, index, integer, pgTable, primaryKey, text, timestamp, type AnyPgColumn } from 'drizzle-orm/pg-core';

/**
 * Units of the office: the 办 itself, its sections (综合科 …) and the 扶贫开发服务中心.
 * `headPostCode` names the post whose holder is the unit's 主要负责人 (WR-04), so the section
 * chief of a section and the director of the service center are found the same way.
 */
export const orgUnits = pgTable(
  'org_units',
  {
    id: text('id').primaryKey(),
    code: text('code').notNull().unique(),
    name: text('name').notNull(),
    /** office (the 办 itself), section (科室), center (事业单位). */
    kind: text('kind').notNull(),
    parentId: text('parent_id').references((): AnyPgColumn => orgUnits.id),
    headPostCode: text('head_post_code').references((): AnyPgColumn => posts.code),
    sortOrder: integer('sort_order').notNull().default(0),
    active: boolean('active').notNull().default(true),
  },
  (t) => [check('org_units_kind_ck', sql`${t.kind} in ('office','section','center')`)],
);

/**
 * People of the office. `grade` is the rank band the regulations route by:
 * principal (主要领导), deputy (副职领导), section (科级干部), general (一般干部).
 */
export const people = pgTable(
  'people',
  {
    id: text('id').primaryKey(),
    name: text('name').notNull(),
    unitId: text('unit_id').references(() => orgUnits.id),
    grade: text('grade').notNull(),
    /** 参加工作时间: annual leave entitlement counts years of work from it. */
    workStartDate: date('work_start_date'),
    /** 中共党员 (party branch rules); not the same as 党组成员, which is a post. */
    partyMember: boolean('party_member').notNull().default(false),
    sortOrder: integer('sort_order').notNull().default(0),
    active: boolean('active').notNull().default(true),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check('people_grade_ck', sql`${t.grade} in ('principal','deputy','section','general')`),
    index('people_unit_idx').on(t.unitId),
  ],
);

/**
 * The catalogue of posts (主任, 副主任, 党组书记, 科长, 文书, 印章管理员 …). `principal` marks the
 * posts whose holder is a principal leader (主任, 党组书记): the five-area ban binds both
 * (CONFLICTS.md CONF-15).
 */
export const posts = pgTable(
  'posts',
  {
    code: text('code').primaryKey(),
    name: text('name').notNull(),
    /** leader (领导职务), party (党内职务), section (科室职务), staff (一般职务), duty (专责岗位). */
    category: text('category').notNull(),
    principal: boolean('principal').notNull().default(false),
    sortOrder: integer('sort_order').notNull().default(0),
  },
  (t) => [check('posts_category_ck', sql`${t.category} in ('leader','party','section','staff','duty')`)],
);

/** Who holds which post, in which unit, from when to when (end inclusive; null = open). */
export const postHoldings = pgTable(
  'post_holdings',
  {
    id: text('id').primaryKey(),
    personId: text('person_id')
      .notNull()
      .references(() => people.id),
    postCode: text('post_code')
      .notNull()
      .references(() => posts.code),
    unitId: text('unit_id').references(() => orgUnits.id),
    startDate: date('start_date').notNull(),
    endDate: date('end_date'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check('post_holdings_dates_ck', sql`${t.endDate} is null or ${t.startDate} <= ${t.endDate}`),
    index('post_holdings_person_idx').on(t.personId),
    index('post_holdings_post_idx').on(t.postCode, t.unitId),
  ],
);

/** Areas of responsibility a leader can be in charge of (分管领域). */
export const leadershipAreas = pgTable('leadership_areas', {
  code: text('code').primaryKey(),
  name: text('name').notNull(),
  /** One of the five areas the principal leader may not be directly in charge of (FIVE-01). */
  restricted: boolean('restricted').notNull().default(false),
  sortOrder: integer('sort_order').notNull().default(0),
});

/**
 * 分管: a leader in charge of a unit or of an area, for a date range (end inclusive).
 * `basis` tells the division of work (分工) from work the Director entrusted (受主任委托, WR-02).
 */
export const leadershipAssignments = pgTable(
  'leadership_assignments',
  {
    id: text('id').primaryKey(),
    leaderId: text('leader_id')
      .notNull()
      .references(() => people.id),
    unitId: text('unit_id').references(() => orgUnits.id),
    areaCode: text('area_code').references(() => leadershipAreas.code),
    basis: text('basis').notNull().default('division'),
    startDate: date('start_date').notNull(),
    endDate: date('end_date'),
    note: text('note'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check('leadership_target_ck', sql`(${t.unitId} is null) <> (${t.areaCode} is null)`),
    check('leadership_dates_ck', sql`${t.endDate} is null or ${t.startDate} <= ${t.endDate}`),
    check('leadership_basis_ck', sql`${t.basis} in ('division','entrusted')`),
    index('leadership_leader_idx').on(t.leaderId),
    index('leadership_area_idx').on(t.areaCode),
    index('leadership_unit_idx').on(t.unitId),
  ],
);

/**
 * Acting arrangements (主任外出期间由指定副主任主持工作, WR-03; a stand-in for the seal keeper).
 * `designatedById` records who designated the stand-in (for the Director: the Director).
 */
export const actingArrangements = pgTable(
  'acting_arrangements',
  {
    id: text('id').primaryKey(),
    absentPersonId: text('absent_person_id')
      .notNull()
      .references(() => people.id),
    actingPersonId: text('acting_person_id')
      .notNull()
      .references(() => people.id),
    /** The post the stand-in covers; null means all of the absent person's posts. */
    postCode: text('post_code').references(() => posts.code),
    startDate: date('start_date').notNull(),
    endDate: date('end_date').notNull(),
    reason: text('reason').notNull(),
    designatedById: text('designated_by_id').references(() => people.id),
    createdBy: text('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check('acting_dates_ck', sql`${t.startDate} <= ${t.endDate}`),
    check('acting_distinct_ck', sql`${t.absentPersonId} <> ${t.actingPersonId}`),
    index('acting_absent_idx').on(t.absentPersonId, t.startDate),
  ],
);

/**
 * Collective bodies (党组, 主任办公会议) as seats held through posts, so "members of the 党组 on
 * date D" follows the post holdings instead of a second list that could drift from them.
 */
export const orgBodies = pgTable('org_bodies', {
  code: text('code').primaryKey(),
  name: text('name').notNull(),
  sortOrder: integer('sort_order').notNull().default(0),
});

/**
 * A seat of a body: holders of `postCode` (in `unitId` when set) sit as chair, member (votes),
 * attendee (列席, no vote) or invited (e.g. the 纪检监察组长 at 党组会议, FLOW-04).
 */
export const orgBodySeats = pgTable(
  'org_body_seats',
  {
    bodyCode: text('body_code')
      .notNull()
      .references(() => orgBodies.code),
    postCode: text('post_code')
      .notNull()
      .references(() => posts.code),
    unitId: text('unit_id').references(() => orgUnits.id),
    seat: text('seat').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.bodyCode, t.postCode, t.seat] }),
    check('org_body_seats_seat_ck', sql`${t.seat} in ('chair','member','attendee','invited')`),
  ],
);

import { and, eq, ne, sql } from 'drizzle-orm';
import type { Db } from '../db';
import { errors } from '../errors';
import { isLocalDate } from '../time';
import { leadershipAreas, leadershipAssignments, orgUnits, people, postHoldings, posts } from './schema';
import { overlapping, type DateRange } from './dates';
import type { Dated } from './rules';

/**
 * The facts the commands gather before the pure rule checks judge them. Every lookup that
 * fails raises a Chinese error, so a command either has all its facts or changes nothing.
 */
export function validRange(range: DateRange): DateRange {
  if (!isLocalDate(range.startDate)) throw errors.badRequest('开始日期格式不正确，应为 YYYY-MM-DD');
  if (range.endDate !== null && !isLocalDate(range.endDate)) throw errors.badRequest('结束日期格式不正确，应为 YYYY-MM-DD');
  if (range.endDate !== null && range.endDate < range.startDate) throw errors.badRequest('结束日期不能早于开始日期');
  return range;
}

export async function getPerson(db: Db, id: string) {
  const [p] = await db.select().from(people).where(eq(people.id, id));
  if (!p) throw errors.notFound('人员');
  return p;
}

export async function getActivePerson(db: Db, id: string, role = '人员') {
  const p = await getPerson(db, id);
  if (!p.active) throw errors.badRequest(`${p.name}已不在岗，不能作为${role}`);
  return p;
}

export async function getUnit(db: Db, id: string) {
  const [u] = await db.select().from(orgUnits).where(eq(orgUnits.id, id));
  if (!u) throw errors.notFound('单位（科室）');
  return u;
}

export async function getPost(db: Db, code: string) {
  const [p] = await db.select().from(posts).where(eq(posts.code, code));
  if (!p) throw errors.badRequest(`职务代码 ${code} 不存在`);
  return p;
}

export async function getArea(db: Db, code: string) {
  const [a] = await db.select().from(leadershipAreas).where(eq(leadershipAreas.code, code));
  if (!a) throw errors.badRequest(`分管领域 ${code} 不存在`);
  return a;
}

/**
 * Serialise commands that judge the same facts: two concurrent assignments of one area (or
 * one leader) could each pass FIVE-01/02 alone and break them together.
 */
export async function lockPerson(db: Db, id: string): Promise<void> {
  await db.execute(sql`select id from people where id = ${id} for update`);
}

export async function lockArea(db: Db, code: string): Promise<void> {
  await db.execute(sql`select code from leadership_areas where code = ${code} for update`);
}

export async function lockPost(db: Db, code: string): Promise<void> {
  await db.execute(sql`select code from posts where code = ${code} for update`);
}

export async function lockUnit(db: Db, id: string): Promise<void> {
  await db.execute(sql`select id from org_units where id = ${id} for update`);
}

/** Holdings of a post (in a unit, when given) overlapping a range, excluding one holding. */
export async function holdingsInRange(db: Db, f: { postCode: string; unitId?: string | null; personId?: string; excludeId?: string }, range: DateRange): Promise<Dated[]> {
  return db
    .select({ personId: people.id, personName: people.name, startDate: postHoldings.startDate, endDate: postHoldings.endDate })
    .from(postHoldings)
    .innerJoin(people, eq(people.id, postHoldings.personId))
    .where(
      and(
        eq(postHoldings.postCode, f.postCode),
        f.unitId ? eq(postHoldings.unitId, f.unitId) : undefined,
        f.personId ? eq(postHoldings.personId, f.personId) : undefined,
        f.excludeId ? ne(postHoldings.id, f.excludeId) : undefined,
        overlapping(postHoldings.startDate, postHoldings.endDate, range),
      ),
    );
}

/** Names of principal posts (主任, 党组书记) the person holds at some time in the range. */
export async function principalPostsInRange(db: Db, personId: string, range: DateRange): Promise<string[]> {
  const found = await db
    .selectDistinct({ name: posts.name, sortOrder: posts.sortOrder })
    .from(postHoldings)
    .innerJoin(posts, eq(posts.code, postHoldings.postCode))
    .where(and(eq(postHoldings.personId, personId), eq(posts.principal, true), overlapping(postHoldings.startDate, postHoldings.endDate, range)))
    .orderBy(posts.sortOrder);
  return found.map((p) => p.name);
}

/** Area assignments overlapping a range: of one area, or of one leader. */
export async function areaAssignmentsInRange(db: Db, f: { areaCode?: string; leaderId?: string; excludeId?: string }, range: DateRange) {
  return db
    .select({
      id: leadershipAssignments.id,
      personId: people.id,
      personName: people.name,
      areaCode: leadershipAreas.code,
      areaName: leadershipAreas.name,
      restricted: leadershipAreas.restricted,
      startDate: leadershipAssignments.startDate,
      endDate: leadershipAssignments.endDate,
    })
    .from(leadershipAssignments)
    .innerJoin(people, eq(people.id, leadershipAssignments.leaderId))
    .innerJoin(leadershipAreas, eq(leadershipAreas.code, leadershipAssignments.areaCode))
    .where(
      and(
        f.areaCode ? eq(leadershipAssignments.areaCode, f.areaCode) : undefined,
        f.leaderId ? eq(leadershipAssignments.leaderId, f.leaderId) : undefined,
        f.excludeId ? ne(leadershipAssignments.id, f.excludeId) : undefined,
        overlapping(leadershipAssignments.startDate, leadershipAssignments.endDate, range),
      ),
    );
}

/** Unit assignments overlapping a range, of one unit. */
export async function unitAssignmentsInRange(db: Db, unitId: string, range: DateRange, excludeId?: string): Promise<Dated[]> {
  return db
    .select({ personId: people.id, personName: people.name, startDate: leadershipAssignments.startDate, endDate: leadershipAssignments.endDate })
    .from(leadershipAssignments)
    .innerJoin(people, eq(people.id, leadershipAssignments.leaderId))
    .where(
      and(
        eq(leadershipAssignments.unitId, unitId),
        excludeId ? ne(leadershipAssignments.id, excludeId) : undefined,
        overlapping(leadershipAssignments.startDate, leadershipAssignments.endDate, range),
      ),
    );
}

/** True when the person holds a post of the category on the date (e.g. a 班子 leader post). */
export async function holdsCategoryOn(db: Db, personId: string, category: string, date: string): Promise<boolean> {
  const found = await db
    .select({ id: postHoldings.id })
    .from(postHoldings)
    .innerJoin(posts, eq(posts.code, postHoldings.postCode))
    .where(and(eq(postHoldings.personId, personId), eq(posts.category, category), overlapping(postHoldings.startDate, postHoldings.endDate, { startDate: date, endDate: date })))
    .limit(1);
  return found.length > 0;
}

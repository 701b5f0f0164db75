import { and, asc, desc, eq, inArray, or, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Db } from '../db';
import type { Flagged } from '../rules';
import { actingArrangements, leadershipAreas, leadershipAssignments, orgUnits, people, postHoldings, posts } from './schema';
import { activeOn, coversDate } from './dates';
import { localDate } from '../time';
import { holdingsOf, type HoldingView, type PersonRef } from './lookups';
import { checkFive01Gap } from './rules';

/** Read models for the routes and the page: what the office looks like on a date. */
export interface PostBrief {
  code: string;
  name: string;
}

export interface PersonBrief extends PersonRef {
  unitName: string | null;
  grade: string;
  posts: PostBrief[];
}

export interface UnitNode {
  id: string;
  code: string;
  name: string;
  kind: string;
  parentId: string | null;
  headPostCode: string | null;
  sortOrder: number;
  active: boolean;
  head: PersonRef | null;
  leaderInCharge: PersonRef | null;
  people: PersonBrief[];
  children: UnitNode[];
}

/** Everyone (active) with the posts they hold on the date, in unit and rank order. */
export async function listPeople(db: Db, date: string, where?: SQL): Promise<PersonBrief[]> {
  const found = await db
    .select({ id: people.id, name: people.name, unitId: people.unitId, unitName: orgUnits.name, grade: people.grade })
    .from(people)
    .leftJoin(orgUnits, eq(orgUnits.id, people.unitId))
    .where(and(eq(people.active, true), where))
    .orderBy(asc(orgUnits.sortOrder), asc(people.sortOrder), asc(people.id));
  const current = await db
    .select({ personId: postHoldings.personId, code: posts.code, name: posts.name })
    .from(postHoldings)
    .innerJoin(posts, eq(posts.code, postHoldings.postCode))
    .where(and(activeOn(postHoldings.startDate, postHoldings.endDate, date), inArray(postHoldings.personId, found.map((p) => p.id).concat(['']))))
    .orderBy(asc(posts.sortOrder));
  return found.map((p) => ({ ...p, posts: current.filter((h) => h.personId === p.id).map(({ code, name }) => ({ code, name })) }));
}

/** Units as a tree, each with its people, its head (WR-04) and its leader in charge. */
export async function unitTree(db: Db, date: string): Promise<UnitNode[]> {
  const units = await db.select().from(orgUnits).orderBy(asc(orgUnits.sortOrder), asc(orgUnits.code));
  const everyone = await listPeople(db, date);
  const leaders = await db
    .select({ unitId: leadershipAssignments.unitId, id: people.id, name: people.name, personUnit: people.unitId })
    .from(leadershipAssignments)
    .innerJoin(people, eq(people.id, leadershipAssignments.leaderId))
    .where(activeOn(leadershipAssignments.startDate, leadershipAssignments.endDate, date));
  const nodes = units.map<UnitNode>((u) => {
    const members = everyone.filter((p) => p.unitId === u.id);
    const head = members.find((p) => p.posts.some((x) => x.code === u.headPostCode)) ?? null;
    const lead = leaders.find((l) => l.unitId === u.id);
    return {
      ...u,
      head: head && { id: head.id, name: head.name, unitId: head.unitId },
      leaderInCharge: lead ? { id: lead.id, name: lead.name, unitId: lead.personUnit } : null,
      people: members,
      children: [],
    };
  });
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const roots: UnitNode[] = [];
  for (const n of nodes) {
    const parent = n.parentId ? byId.get(n.parentId) : undefined;
    (parent ? parent.children : roots).push(n);
  }
  return roots;
}

export interface AssignmentView {
  id: string;
  leader: PersonRef;
  unitId: string | null;
  unitName: string | null;
  areaCode: string | null;
  areaName: string | null;
  restricted: boolean;
  basis: string;
  startDate: string;
  endDate: string | null;
  note: string | null;
}

export async function listAssignments(db: Db, where?: SQL): Promise<AssignmentView[]> {
  const found = await db
    .select({
      a: leadershipAssignments,
      leader: { id: people.id, name: people.name, unitId: people.unitId },
      unitName: orgUnits.name,
      areaName: leadershipAreas.name,
      restricted: leadershipAreas.restricted,
    })
    .from(leadershipAssignments)
    .innerJoin(people, eq(people.id, leadershipAssignments.leaderId))
    .leftJoin(orgUnits, eq(orgUnits.id, leadershipAssignments.unitId))
    .leftJoin(leadershipAreas, eq(leadershipAreas.code, leadershipAssignments.areaCode))
    .where(where)
    .orderBy(asc(people.sortOrder), asc(leadershipAssignments.leaderId), desc(leadershipAssignments.startDate));
  return found.map(({ a, leader, unitName, areaName, restricted }) => ({
    id: a.id,
    leader,
    unitId: a.unitId,
    unitName,
    areaCode: a.areaCode,
    areaName,
    restricted: restricted ?? false,
    basis: a.basis,
    startDate: a.startDate,
    endDate: a.endDate,
    note: a.note,
  }));
}

export interface DivisionView {
  date: string;
  principal: PersonRef | null;
  leaders: { leader: PersonBrief; units: AssignmentView[]; areas: AssignmentView[] }[];
  areas: { code: string; name: string; restricted: boolean; leader: PersonRef | null; assignmentId: string | null }[];
  /** Gaps the rules warn about (an area of the five without a leader: FIVE-01). */
  warnings: Flagged[];
  /** Every assignment, past and future included, for the history view. */
  assignments: AssignmentView[];
}

/** 领导分工 on a date: leaders with their units and areas, and each area with its leader. */
export async function leadershipDivision(db: Db, date: string, principal: PersonRef | null): Promise<DivisionView> {
  const assignments = await listAssignments(db);
  const current = assignments.filter((a) => coversDate(a, date));
  const teamIds = await db
    .selectDistinct({ id: postHoldings.personId })
    .from(postHoldings)
    .innerJoin(posts, eq(posts.code, postHoldings.postCode))
    .where(and(eq(posts.category, 'leader'), activeOn(postHoldings.startDate, postHoldings.endDate, date)));
  const ids = new Set([...teamIds.map((t) => t.id), ...current.map((a) => a.leader.id)]);
  const briefs = await listPeople(db, date, inArray(people.id, [...ids, '']));
  const leaders = briefs.map((leader) => ({
    leader,
    units: current.filter((a) => a.leader.id === leader.id && a.unitId),
    areas: current.filter((a) => a.leader.id === leader.id && a.areaCode),
  }));
  const areaRows = await db.select().from(leadershipAreas).orderBy(asc(leadershipAreas.sortOrder));
  const areas = areaRows.map((ar) => {
    const a = current.find((x) => x.areaCode === ar.code);
    return { code: ar.code, name: ar.name, restricted: ar.restricted, leader: a?.leader ?? null, assignmentId: a?.id ?? null };
  });
  const warnings = areas
    .map((a) => checkFive01Gap({ area: a, endDate: date, successor: a.leader }))
    .filter((v): v is Flagged => v.outcome !== 'ok')
    .map((v) => ({ ...v, message: v.message.replace(`${date}以后`, '目前') }));
  return { date, principal, leaders, areas, warnings, assignments };
}

export interface ActingView {
  id: string;
  absent: PersonRef;
  acting: PersonRef;
  postCode: string | null;
  postName: string | null;
  startDate: string;
  endDate: string;
  reason: string;
  designatedBy: PersonRef | null;
}

const actingPerson = alias(people, 'acting_person');
const designator = alias(people, 'designator');

export async function listActing(db: Db, filter: { date?: string; personId?: string } = {}): Promise<ActingView[]> {
  const found = await db
    .select({
      id: actingArrangements.id,
      postCode: actingArrangements.postCode,
      startDate: actingArrangements.startDate,
      endDate: actingArrangements.endDate,
      reason: actingArrangements.reason,
      designatedById: actingArrangements.designatedById,
      absent: { id: people.id, name: people.name, unitId: people.unitId },
      acting: { id: actingPerson.id, name: actingPerson.name, unitId: actingPerson.unitId },
      designatedByName: designator.name,
      postName: posts.name,
    })
    .from(actingArrangements)
    .innerJoin(people, eq(people.id, actingArrangements.absentPersonId))
    .innerJoin(actingPerson, eq(actingPerson.id, actingArrangements.actingPersonId))
    .leftJoin(designator, eq(designator.id, actingArrangements.designatedById))
    .leftJoin(posts, eq(posts.code, actingArrangements.postCode))
    .where(
      and(
        filter.date ? activeOn(actingArrangements.startDate, actingArrangements.endDate, filter.date) : undefined,
        filter.personId
          ? or(eq(actingArrangements.absentPersonId, filter.personId), eq(actingArrangements.actingPersonId, filter.personId))
          : undefined,
      ),
    )
    .orderBy(desc(actingArrangements.startDate), desc(actingArrangements.createdAt))
    .limit(500);
  return found.map(({ designatedById, designatedByName, ...a }) => ({
    ...a,
    designatedBy: designatedById ? { id: designatedById, name: designatedByName ?? '', unitId: null } : null,
  }));
}

export interface PersonDetail extends PersonRef {
  unitName: string | null;
  grade: string;
  workStartDate: string | null;
  partyMember: boolean;
  active: boolean;
  holdings: (HoldingView & { current: boolean })[];
  leadership: AssignmentView[];
  acting: ActingView[];
}

/** A person with every post held (current ones flagged), their 分管 and acting arrangements. */
export async function personWithPosts(db: Db, personId: string, date?: string): Promise<PersonDetail | null> {
  const [p] = await db
    .select({ p: people, unitName: orgUnits.name })
    .from(people)
    .leftJoin(orgUnits, eq(orgUnits.id, people.unitId))
    .where(eq(people.id, personId));
  if (!p) return null;
  const on = date ?? localDate(new Date());
  const holdings = (await holdingsOf(db, [personId])).map(({ personId: _, ...h }) => ({ ...h, current: coversDate(h, on) }));
  return {
    id: p.p.id,
    name: p.p.name,
    unitId: p.p.unitId,
    unitName: p.unitName,
    grade: p.p.grade,
    workStartDate: p.p.workStartDate,
    partyMember: p.p.partyMember,
    active: p.p.active,
    holdings,
    leadership: await listAssignments(db, eq(leadershipAssignments.leaderId, personId)),
    acting: await listActing(db, { personId }),
  };
}

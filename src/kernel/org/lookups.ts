import { and, asc, desc, eq, inArray, isNull, or } from 'drizzle-orm';
import type { Db } from '../db';
import { actingArrangements, leadershipAssignments, orgBodySeats, orgUnits, people, postHoldings, posts } from './schema';
import { activeOn } from './dates';
import { wr03 } from './rules';

/**
 * Who holds what on a date: the lookups the approval engine and the domains call to find an
 * approver. They return the holder of record; whether someone acts for that holder is a
 * separate question (actingFor), because the regulations differ on when a stand-in may sign.
 */
export interface PersonRef {
  id: string;
  name: string;
  unitId: string | null;
}

const personCols = { id: people.id, name: people.name, unitId: people.unitId };

export async function holdersOfPost(db: Db, postCode: string, unitId: string | null | undefined, date: string): Promise<PersonRef[]> {
  const found = await db
    .selectDistinct(personCols)
    .from(postHoldings)
    .innerJoin(people, eq(people.id, postHoldings.personId))
    .where(
      and(
        eq(postHoldings.postCode, postCode),
        unitId ? eq(postHoldings.unitId, unitId) : undefined,
        activeOn(postHoldings.startDate, postHoldings.endDate, date),
        eq(people.active, true),
      ),
    )
    .orderBy(asc(people.id));
  return found;
}

/** The 主要负责人 of a unit (科长 of a section, 主任 of the service center) on a date. */
export async function sectionChiefOf(db: Db, unitId: string, date: string): Promise<PersonRef | null> {
  const [unit] = await db.select({ headPostCode: orgUnits.headPostCode }).from(orgUnits).where(eq(orgUnits.id, unitId));
  if (!unit?.headPostCode) return null;
  const [head] = await holdersOfPost(db, unit.headPostCode, unitId, date);
  return head ?? null;
}

async function assignedLeader(db: Db, target: { unitId?: string; areaCode?: string }, date: string): Promise<PersonRef | null> {
  const [row] = await db
    .select(personCols)
    .from(leadershipAssignments)
    .innerJoin(people, eq(people.id, leadershipAssignments.leaderId))
    .where(
      and(
        target.unitId ? eq(leadershipAssignments.unitId, target.unitId) : eq(leadershipAssignments.areaCode, target.areaCode ?? ''),
        activeOn(leadershipAssignments.startDate, leadershipAssignments.endDate, date),
      ),
    )
    .orderBy(desc(leadershipAssignments.startDate))
    .limit(1);
  return row ?? null;
}

/** 分管领导 of a unit on a date. */
export function leaderInChargeOfUnit(db: Db, unitId: string, date: string): Promise<PersonRef | null> {
  return assignedLeader(db, { unitId }, date);
}

/** 分管领导 of an area (人事, 财务审批, 工程项目建设, 物资采购, 行政审批 …) on a date. */
export function leaderInChargeOfArea(db: Db, areaCode: string, date: string): Promise<PersonRef | null> {
  return assignedLeader(db, { areaCode }, date);
}

export interface ActingInfo {
  arrangementId: string;
  acting: PersonRef;
  postCode: string | null;
  startDate: string;
  endDate: string;
  reason: string;
}

/** Who acts for `personId` on `date` (for `postCode`, or for any post when omitted). */
export async function actingFor(db: Db, personId: string, date: string, postCode?: string): Promise<ActingInfo | null> {
  const [row] = await db
    .select({ a: actingArrangements, p: personCols })
    .from(actingArrangements)
    .innerJoin(people, eq(people.id, actingArrangements.actingPersonId))
    .where(
      and(
        eq(actingArrangements.absentPersonId, personId),
        activeOn(actingArrangements.startDate, actingArrangements.endDate, date),
        postCode ? or(isNull(actingArrangements.postCode), eq(actingArrangements.postCode, postCode)) : undefined,
      ),
    )
    .orderBy(desc(actingArrangements.createdAt))
    .limit(1);
  if (!row) return null;
  const a = row.a;
  return { arrangementId: a.id, acting: row.p, postCode: a.postCode, startDate: a.startDate, endDate: a.endDate, reason: a.reason };
}

/**
 * The principal leader (党政“一把手”). One person holds 主任 and 党组书记 by default (CONF-15);
 * if they differ, Party matters take the 书记 and administrative matters the 主任. The acting
 * deputy of WR-03 counts only when `actingDirectorIsPrincipal` is set (CONF-16).
 */
export async function principalLeader(db: Db, date: string, matter: 'administrative' | 'party' = 'administrative'): Promise<PersonRef | null> {
  const order = matter === 'party' ? ['party_secretary', 'director'] : ['director', 'party_secretary'];
  for (const code of order) {
    const [holder] = await holdersOfPost(db, code, undefined, date);
    if (!holder) continue;
    if (code === 'director' && wr03.param('actingDirectorIsPrincipal')) {
      const acting = await actingFor(db, holder.id, date, 'director');
      if (acting) return acting.acting;
    }
    return holder;
  }
  return null;
}

/** True when the person holds a principal post (主任 or 党组书记) on the date. */
export async function isPrincipalLeader(db: Db, personId: string, date: string): Promise<boolean> {
  const found = await db
    .select({ id: postHoldings.id })
    .from(postHoldings)
    .innerJoin(posts, eq(posts.code, postHoldings.postCode))
    .where(and(eq(postHoldings.personId, personId), eq(posts.principal, true), activeOn(postHoldings.startDate, postHoldings.endDate, date)))
    .limit(1);
  return found.length > 0;
}

export interface BodyMembers {
  bodyCode: string;
  date: string;
  chair: PersonRef | null;
  /** Voting members, the chair included (党组: 7 in the demo office). */
  members: PersonRef[];
  /** 列席 without a vote (主任办公会议: the 综合科科长). */
  attendees: PersonRef[];
  /** Invited (党组会议: the 纪检监察组长, FLOW-04). */
  invited: PersonRef[];
}

/** Members of a body (党组, 主任办公会议) on a date, through the posts that hold its seats. */
export async function membersOfBody(db: Db, bodyCode: string, date: string): Promise<BodyMembers> {
  const seats = await db.select().from(orgBodySeats).where(eq(orgBodySeats.bodyCode, bodyCode));
  const result: BodyMembers = { bodyCode, date, chair: null, members: [], attendees: [], invited: [] };
  const add = (list: PersonRef[], p: PersonRef) => {
    if (!list.some((x) => x.id === p.id)) list.push(p);
  };
  for (const seat of seats) {
    const holders = await holdersOfPost(db, seat.postCode, seat.unitId, date);
    for (const h of holders) {
      if (seat.seat === 'chair') {
        result.chair ??= h;
        add(result.members, h);
      } else if (seat.seat === 'member') add(result.members, h);
      else if (seat.seat === 'attendee') add(result.attendees, h);
      else add(result.invited, h);
    }
  }
  const voting = new Set(result.members.map((m) => m.id));
  result.attendees = result.attendees.filter((p) => !voting.has(p.id));
  result.invited = result.invited.filter((p) => !voting.has(p.id));
  return result;
}

export interface HoldingView {
  id: string;
  postCode: string;
  postName: string;
  category: string;
  unitId: string | null;
  startDate: string;
  endDate: string | null;
}

/** Post holdings of people, newest first; used by personWithPosts and the lists. */
export async function holdingsOf(db: Db, personIds: string[]): Promise<(HoldingView & { personId: string })[]> {
  if (personIds.length === 0) return [];
  return db
    .select({
      id: postHoldings.id,
      personId: postHoldings.personId,
      postCode: postHoldings.postCode,
      postName: posts.name,
      category: posts.category,
      unitId: postHoldings.unitId,
      startDate: postHoldings.startDate,
      endDate: postHoldings.endDate,
    })
    .from(postHoldings)
    .innerJoin(posts, eq(posts.code, postHoldings.postCode))
    .where(inArray(postHoldings.personId, personIds))
    .orderBy(asc(posts.sortOrder), desc(postHoldings.startDate));
}

import { sql } from 'drizzle-orm';
import type { Db } from '../db';
import { DEMO_LEADERSHIP, DEMO_PEOPLE, DEMO_UNITS, demoPersonId, demoUnitId } from '../../demo/office';
import { AREAS, BODIES, HEAD_POST_BY_KIND, POSTS } from './catalogue';
import { leadershipAreas, leadershipAssignments, orgBodies, orgBodySeats, orgUnits, people, postHoldings, posts } from './schema';

/** Production start: the post catalogue, the five areas and the bodies (idempotent). */
export async function seedOrgBase(db: Db): Promise<void> {
  await db
    .insert(posts)
    .values(POSTS.map((p, i) => ({ code: p.code, name: p.name, category: p.category, principal: p.principal ?? false, sortOrder: (i + 1) * 10 })))
    .onConflictDoNothing();
  await db
    .insert(leadershipAreas)
    .values(AREAS.map((a, i) => ({ ...a, sortOrder: (i + 1) * 10 })))
    .onConflictDoNothing();
  await db
    .insert(orgBodies)
    .values(BODIES.map((b, i) => ({ code: b.code, name: b.name, sortOrder: (i + 1) * 10 })))
    .onConflictDoNothing();
  const seats = BODIES.flatMap((b) => b.seats.map((s) => ({ bodyCode: b.code, postCode: s.postCode, seat: s.seat })));
  await db.insert(orgBodySeats).values(seats).onConflictDoNothing();
}

/**
 * The demo office's organisation took its present shape when the 工作规则 came into force
 * (2019-03-19, 第三十五条); nobody holds a post before starting work.
 */
export const DEMO_SINCE = '2019-03-19';

const PARTY_POSTS = new Set(['party_secretary', 'party_member', 'discipline_leader']);

/** The demo office of spec/demo-office.md, from src/demo/office.ts. */
export async function seedOrgDemo(db: Db): Promise<void> {
  await db.insert(orgUnits).values(
    DEMO_UNITS.map((u, i) => ({
      id: demoUnitId(u.code),
      code: u.code,
      name: u.name,
      kind: u.kind,
      parentId: u.kind === 'office' ? null : demoUnitId('office'),
      headPostCode: HEAD_POST_BY_KIND[u.kind],
      sortOrder: i * 10,
    })),
  );
  await db.insert(people).values(
    DEMO_PEOPLE.map((p, i) => ({
      id: demoPersonId(p.username),
      name: p.name,
      unitId: p.unit ? demoUnitId(p.unit) : null,
      grade: p.grade,
      workStartDate: p.workStart,
      partyMember: p.posts.some((code) => PARTY_POSTS.has(code)),
      sortOrder: i * 10,
    })),
  );
  await db.insert(postHoldings).values(
    DEMO_PEOPLE.flatMap((p) =>
      p.posts.map((code) => ({
        id: `hold_${p.username}_${code}`,
        personId: demoPersonId(p.username),
        postCode: code,
        unitId: p.unit ? demoUnitId(p.unit) : null,
        startDate: p.workStart > DEMO_SINCE ? p.workStart : DEMO_SINCE,
      })),
    ),
  );
  await db.insert(leadershipAssignments).values(
    DEMO_LEADERSHIP.flatMap((l) => [
      ...(l.units ?? []).map((u) => ({ id: `lead_${l.leader}_${u}`, leaderId: demoPersonId(l.leader), unitId: demoUnitId(u), startDate: DEMO_SINCE })),
      ...(l.areas ?? []).map((a) => ({ id: `lead_${l.leader}_${a}`, leaderId: demoPersonId(l.leader), areaCode: a, startDate: DEMO_SINCE })),
    ]),
  );
  // The 综合科科长 attends the 主任办公会议 without a vote (demo-office.md; 主任办公会议议事规则).
  await db.execute(sql`insert into org_body_seats (body_code, post_code, unit_id, seat)
    values ('director_meeting', 'section_chief', ${demoUnitId('zonghe')}, 'attendee') on conflict do nothing`);
}

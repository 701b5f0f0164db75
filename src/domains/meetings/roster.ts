import { membersOfBody, type PersonRef } from '../../kernel/org';
import type { Db } from '../../kernel/db';
import type { BodyCode } from './checks';

export const BODY_NAMES: Record<BodyCode, string> = { party_group: '党组会议', director_meeting: '主任办公会议' };

export interface Roster {
  chair: PersonRef | null;
  members: PersonRef[];
  /** Standing 列席: 综合科科长; at the 党组 also 班子成员 who are not 党组成员 (PG-09). */
  standing: PersonRef[];
  /** Invited 列席: the 纪检监察组长 at the 党组 (CONF-32). */
  invited: PersonRef[];
  /** 综合科科长, who keeps the minutes (PG-26, DM-16). */
  recorder: PersonRef | null;
}

/**
 * Who should attend a meeting of `body` on `date`, from the org's bodies. The 综合科科长 is the
 * 主任办公会议's attendee seat; the 党组's standing 列席 are derived from the 主任办公会议 roster,
 * so the two never drift apart.
 */
export async function rosterOf(db: Db, body: BodyCode, date: string, inviteInspector: boolean): Promise<Roster> {
  const dm = await membersOfBody(db, 'director_meeting', date);
  const recorder = dm.attendees[0] ?? null;
  if (body === 'director_meeting') {
    return { chair: dm.chair, members: dm.members, standing: dm.attendees, invited: [], recorder };
  }
  const pg = await membersOfBody(db, 'party_group', date);
  const voting = new Set(pg.members.map((m) => m.id));
  const standing = [...dm.members.filter((m) => !voting.has(m.id)), ...dm.attendees, ...pg.attendees].filter(
    (p, i, all) => !voting.has(p.id) && all.findIndex((q) => q.id === p.id) === i,
  );
  return { chair: pg.chair, members: pg.members, standing, invited: inviteInspector ? pg.invited : [], recorder };
}

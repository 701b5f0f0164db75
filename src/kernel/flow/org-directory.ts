import type { Db } from '../db';
import * as org from '../org/lookups';

const idOf = (p: { id: string } | null) => p?.id ?? null;

/** The org lookups the engine routes by (kernel/org's public API), reduced to person ids. */
export const orgDirectory = {
  sectionChiefOf: async (db: Db, unitId: string, date: string) => idOf(await org.sectionChiefOf(db, unitId, date)),
  leaderInChargeOfUnit: async (db: Db, unitId: string, date: string) => idOf(await org.leaderInChargeOfUnit(db, unitId, date)),
  leaderInChargeOfArea: async (db: Db, area: string, date: string) => idOf(await org.leaderInChargeOfArea(db, area, date)),
  principalLeader: async (db: Db, date: string) => idOf(await org.principalLeader(db, date)),
  holdersOfPost: async (db: Db, post: string, unitId: string | undefined, date: string) => (await org.holdersOfPost(db, post, unitId, date)).map((p) => p.id),
  actingFor: async (db: Db, personId: string, date: string) => (await org.actingFor(db, personId, date))?.acting.id ?? null,
};

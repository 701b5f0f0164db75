import { sql } from 'drizzle-orm';
import type { Db } from '../../kernel/db';
import { rows } from '../../kernel/db';
import { errors } from '../../kernel/errors';
import { leaderInChargeOfUnit, sectionChiefOf } from '../../kernel/org/lookups';
import { SEAL04 } from './rules';

/** Organisation questions the seals and secrecy areas ask, on the office's local date. */
export async function hubUnitId(db: Db): Promise<string> {
  const [hub] = await rows<{ id: string }>(db, sql`select id from org_units where code = ${SEAL04.param('hubUnitCode')}`);
  if (!hub) throw errors.unprocessable('FLOW_NO_APPROVER', '综合科未在组织机构中登记');
  return hub.id;
}

/** 综合科负责人 (the 科长 of 综合科) on a date. */
export async function hubChief(db: Db, date: string): Promise<{ id: string; name: string }> {
  const chief = await sectionChiefOf(db, await hubUnitId(db), date);
  if (!chief) throw errors.unprocessable('FLOW_NO_APPROVER', '综合科负责人未在组织机构中登记，无法确定审批人');
  return chief;
}

/** The 分管领导 of 综合科 (CONF-126: approves stopping a seal and designating a stand-in keeper). */
export async function hubLeader(db: Db, date: string): Promise<{ id: string; name: string }> {
  const leader = await leaderInChargeOfUnit(db, await hubUnitId(db), date);
  if (!leader) throw errors.unprocessable('FLOW_NO_APPROVER', '综合科的分管领导未在组织机构中登记');
  return leader;
}

/** Does the person hold the post (in any unit) on the date? */
export async function holdsPost(db: Db, personId: string, post: string, date: string): Promise<boolean> {
  const [r] = await rows<{ n: number }>(db, sql`select count(*)::int as n from post_holdings where person_id = ${personId} and post_code = ${post}
    and start_date <= ${date} and (end_date is null or end_date >= ${date})`);
  return r.n > 0;
}

/** An 办领导: holds a leadership post (主任, 副主任, 调研员 …) on the date. */
export async function isOfficeLeader(db: Db, personId: string, date: string): Promise<boolean> {
  const [r] = await rows<{ n: number }>(db, sql`select count(*)::int as n from post_holdings h join posts p on p.code = h.post_code
    where h.person_id = ${personId} and p.category = 'leader' and h.start_date <= ${date} and (h.end_date is null or h.end_date >= ${date})`);
  return r.n > 0;
}

export async function personName(db: Db, personId: string): Promise<string> {
  const [r] = await rows<{ name: string }>(db, sql`select name from people where id = ${personId}`);
  if (!r) throw errors.notFound('人员');
  return r.name;
}

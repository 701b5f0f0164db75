import { sql, type SQL } from 'drizzle-orm';
import { rows, type Db } from '../../kernel/db';
import { withTx, type Ctx } from '../../kernel/context';
import { errors } from '../../kernel/errors';
import { audit } from '../../kernel/audit/write';

/**
 * Region data scope (security.md SECREQ-16, issue 6): county, township and village staff see
 * only the households of their region. The link is `poverty_staff_regions` (account → region
 * code, 6/9/12 digits); an account with links sees households whose village code starts with
 * one of them. An account without any link is office staff of the city and sees the whole
 * register as its permissions allow; a context without an actor (jobs, CLI) is unrestricted.
 */
export type RegionScope = string[] | null;

export async function regionScope(ctx: Ctx): Promise<RegionScope> {
  if (!ctx.actor) return null;
  const r = await rows<{ code: string }>(ctx.db, sql`select region_code as code from poverty_staff_regions where account_id = ${ctx.actor.accountId} order by region_code`);
  return r.length === 0 ? null : r.map((x) => x.code);
}

/** `col` (a village code) lies in the scope, as SQL. */
export function inScopeSql(scope: RegionScope, col: SQL = sql`h.village_code`): SQL {
  if (scope === null) return sql`true`;
  return sql`(${sql.join(scope.map((c) => sql`${col} like ${c + '%'}`), sql` or `)})`;
}

export function codeInScope(scope: RegionScope, villageCode: string): boolean {
  return scope === null || scope.some((c) => villageCode.startsWith(c));
}

/** 404 for a household outside the actor's region: its existence is not disclosed. */
export async function assertHouseholdInScope(ctx: Ctx, householdId: string): Promise<void> {
  const scope = await regionScope(ctx);
  if (scope === null) return;
  const [h] = await rows<{ village_code: string }>(ctx.db, sql`select village_code from poverty_households where id = ${householdId}`);
  if (!h || !codeInScope(scope, h.village_code)) throw errors.notFound('农户');
}

export async function assertMonitoringInScope(ctx: Ctx, monitoringId: string): Promise<void> {
  const scope = await regionScope(ctx);
  if (scope === null) return;
  const [h] = await rows<{ village_code: string }>(ctx.db, sql`select h.village_code from poverty_monitoring m join poverty_households h on h.id = m.household_id where m.id = ${monitoringId}`);
  if (!h || !codeInScope(scope, h.village_code)) throw errors.notFound('监测记录');
}

export interface StaffRegion {
  accountId: string;
  username: string;
  displayName: string;
  regionCode: string;
  regionName: string;
  level: string;
}

export async function listStaffRegions(db: Db): Promise<StaffRegion[]> {
  return rows<StaffRegion>(db, sql`select s.account_id as "accountId", a.username, coalesce(p.name, a.username) as "displayName", s.region_code as "regionCode",
    r.name as "regionName", r.level from poverty_staff_regions s join accounts a on a.id = s.account_id left join people p on p.id = a.person_id
    join poverty_regions r on r.code = s.region_code order by a.username, s.region_code`);
}

/** Replace an account's regions (only office staff without a region link may do this). */
export async function setStaffRegions(ctx: Ctx, accountId: string, codes: string[]): Promise<void> {
  if ((await regionScope(ctx)) !== null) throw errors.forbidden('只有市级（未限定区域的）工作人员可以分配数据范围');
  await withTx(ctx, async (tx) => {
    const [a] = await rows(tx.db, sql`select id from accounts where id = ${accountId}`);
    if (!a) throw errors.notFound('账号');
    const unique = [...new Set(codes)];
    // Only 乡村监测员 get a region: a region link on an office account would silently narrow what it sees.
    const [local] = await rows(tx.db, sql`select 1 from account_roles ar join roles r on r.id = ar.role_id where ar.account_id = ${accountId} and r.code = 'poverty_local'`);
    if (unique.length > 0 && !local) throw errors.badRequest('只能为“乡村监测员”角色的账号分配数据范围');
    if (unique.length > 0) {
      const known = await rows<{ code: string }>(tx.db, sql`select code from poverty_regions where code in ${unique}`);
      const missing = unique.filter((c) => !known.some((k) => k.code === c));
      if (missing.length > 0) throw errors.badRequest(`区划代码不存在：${missing.join('、')}`);
    }
    await tx.db.execute(sql`delete from poverty_staff_regions where account_id = ${accountId}`);
    for (const c of unique) await tx.db.execute(sql`insert into poverty_staff_regions (account_id, region_code, created_at) values (${accountId}, ${c}, ${tx.clock.now().toISOString()})`);
    await audit(tx, { event: 'poverty.scope.set', objectType: 'account', objectId: accountId, detail: { regions: unique } });
  });
}

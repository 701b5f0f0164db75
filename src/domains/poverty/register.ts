import { sql, type SQL } from 'drizzle-orm';
import { rows } from '../../kernel/db';
import { requireActor, withTx, type Ctx } from '../../kernel/context';
import { audit } from '../../kernel/audit/write';
import { errors } from '../../kernel/errors';
import { fieldCipher } from './crypto';
import { searchSql } from './search';
import { assertHouseholdInScope, inScopeSql, regionScope, type RegionScope } from './scope';

/** Household register queries: lists show masked values only; plaintext only through `revealPerson`. */
export interface HouseholdFilter {
  region?: string;
  status?: 'none' | 'poor' | 'exited';
  level?: 'RED' | 'YELLOW' | 'BLUE';
  monitored?: boolean;
  q?: string;
}

export interface HouseholdRow {
  id: string;
  code: string;
  villageCode: string;
  villageName: string;
  townshipName: string;
  householderName: string;
  householderIdMasked: string | null;
  registeredStatus: string;
  exitYear: number | null;
  memberCount: number;
  disposableIncomePerHeadFen: number | null;
  netIncomePerHeadFen: number | null;
  bankAccountMasked: string | null;
  monitoringId: string | null;
  monitoringStatus: string | null;
  level: string | null;
  suggestedLevel: string | null;
  suggestedRule: string | null;
}

/** A household's open monitoring record (at most one), as `m`. */
const MONITORING_JOIN = sql`left join poverty_monitoring m on m.household_id = h.id and m.status <> 'exited'`;

/** Whether a filter reads the monitoring record `m` (the list's count joins it only then). */
const filtersMonitoring = (f: HouseholdFilter) => f.level !== undefined || f.monitored !== undefined;

function where(f: HouseholdFilter, scope: RegionScope): SQL {
  const parts: SQL[] = [inScopeSql(scope)];
  if (f.region) parts.push(sql`h.village_code like ${f.region + '%'}`);
  if (f.status) parts.push(sql`h.registered_status = ${f.status}`);
  if (f.level) parts.push(sql`m.level = ${f.level}`);
  if (f.monitored === true) parts.push(sql`m.id is not null`);
  if (f.monitored === false) parts.push(sql`m.id is null`);
  // Name, village or ID fragment (search.ts): never by decrypting.
  const q = f.q ? searchSql(f.q) : null;
  if (q) parts.push(q);
  return sql.join(parts, sql` and `);
}

const SELECT = sql`select h.id, h.code, h.village_code as "villageCode", v.name as "villageName", t.name as "townshipName",
  h.householder_name as "householderName",
  (select p.id_masked from poverty_persons p where p.household_id = h.id order by (p.relation = '户主') desc, p.created_at limit 1) as "householderIdMasked",
  h.registered_status as "registeredStatus", h.exit_year as "exitYear", h.member_count as "memberCount",
  h.disposable_income_per_head_fen::float8 as "disposableIncomePerHeadFen", h.net_income_per_head_fen::float8 as "netIncomePerHeadFen",
  h.bank_account_masked as "bankAccountMasked",
  m.id as "monitoringId", m.status as "monitoringStatus", m.level, m.suggested_level as "suggestedLevel", m.suggested_rule as "suggestedRule"
  from poverty_households h
  join poverty_regions v on v.code = h.village_code
  join poverty_regions t on t.code = h.township_code
  ${MONITORING_JOIN}`;

export async function listHouseholds(ctx: Ctx, f: HouseholdFilter, page = 1, pageSize = 20): Promise<{ items: HouseholdRow[]; total: number }> {
  const w = where(f, await regionScope(ctx));
  const items = await rows<HouseholdRow>(ctx.db, sql`${SELECT} where ${w} order by h.village_code, h.code limit ${pageSize} offset ${(page - 1) * pageSize}`);
  // The monitoring join (at most one open record per household) is needed only to filter on it.
  // Without it a search count reads the GIN index alone on pages the last VACUUM marked
  // all-visible (P6: 150 ms → 15 ms for a term in 30,000 of 200,000 households).
  const [c] = await rows<{ n: number }>(ctx.db, sql`select count(*)::int as n from poverty_households h
    ${filtersMonitoring(f) ? MONITORING_JOIN : sql``} where ${w}`);
  return { items, total: c.n };
}

/** Every row of a filter, in pages by key, for the streamed export (never the whole list in memory). */
export async function* allHouseholds(ctx: Ctx, f: HouseholdFilter): AsyncGenerator<HouseholdRow> {
  const w = where(f, await regionScope(ctx));
  let after = '';
  for (;;) {
    const page = await rows<HouseholdRow>(ctx.db, sql`${SELECT} where ${w} and h.id > ${after} order by h.id limit 2000`);
    yield* page;
    if (page.length < 2000) return;
    after = page[page.length - 1].id;
  }
}

export interface PersonRow {
  id: string;
  name: string;
  idMasked: string;
  birthDate: string;
  sex: string;
  relation: string;
  labourCapacity: string;
  disabilityGrade: number | null;
}

export async function householdDetail(ctx: Ctx, id: string) {
  await assertHouseholdInScope(ctx, id);
  const [h] = await rows<HouseholdRow & { extremePoor: boolean; educationSecured: boolean; medicalSecured: boolean; housingSecured: boolean; waterSecured: boolean; incomeOnlyTransfers: boolean; rigidExpenditureFen: number | null; lastYearIncomeFen: number | null; incomeYear: number | null }>(
    ctx.db,
    sql`select x.*, h.extreme_poor as "extremePoor", h.education_secured as "educationSecured", h.medical_secured as "medicalSecured",
      h.housing_secured as "housingSecured", h.water_secured as "waterSecured", h.income_only_transfers as "incomeOnlyTransfers",
      h.rigid_expenditure_fen::float8 as "rigidExpenditureFen", h.last_year_income_fen::float8 as "lastYearIncomeFen", h.income_year as "incomeYear"
      from (${SELECT} where h.id = ${id}) x join poverty_households h on h.id = x.id`,
  );
  if (!h) throw errors.notFound('农户');
  const persons = await rows<PersonRow>(ctx.db, sql`select id, name, id_masked as "idMasked", birth_date as "birthDate", sex, relation,
    labour_capacity as "labourCapacity", disability_grade as "disabilityGrade" from poverty_persons where household_id = ${id}
    order by (relation = '户主') desc, birth_date`);
  return { ...h, persons };
}

/**
 * Reveal one person's ID number (SECREQ-17): its own permission, a reason, and an audit
 * record written in the same transaction before the plaintext leaves (fail closed).
 */
export async function revealPerson(ctx: Ctx, personId: string, reason: string): Promise<{ idNumber: string }> {
  requireActor(ctx);
  if (!reason.trim()) throw errors.badRequest('请填写查看理由');
  return withTx(ctx, async (tx) => {
    const [p] = await rows<{ id_enc: string; household_id: string; name: string }>(tx.db, sql`select id_enc, household_id, name from poverty_persons where id = ${personId}`);
    if (!p) throw errors.notFound('人员');
    await assertHouseholdInScope(tx, p.household_id);
    await audit(tx, { event: 'poverty.person.reveal', objectType: 'poverty_person', objectId: personId, detail: { field: 'id_number', reason: reason.trim(), householdId: p.household_id } });
    return { idNumber: fieldCipher().decrypt(p.id_enc) };
  });
}

export async function listRegions(ctx: Ctx) {
  return rows<{ code: string; name: string; level: string; parentCode: string | null; deepPoverty: boolean }>(
    ctx.db,
    sql`select code, name, level, parent_code as "parentCode", deep_poverty as "deepPoverty" from poverty_regions order by code`,
  );
}

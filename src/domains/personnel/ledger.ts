import { sql } from 'drizzle-orm';
import type { Ctx } from '../../kernel/context';
import { rows, type Db } from '../../kernel/db';
import { newId } from '../../kernel/ids';
import { audit } from '../../kernel/audit/write';
import { tierDaysOn, type ServiceFacts, type YearUsage } from './entitlement';

/**
 * The leave ledger (schema.ts leaveLedger): balances are sums of rows. Annual leave has
 * grants; every type has uses (negative) and reversals (positive).
 */
export type LedgerEntry = 'grant' | 'use' | 'reversal' | 'forfeit';

export interface NewEntry {
  personId: string;
  year: number;
  leaveType: string;
  entry: LedgerEntry;
  halves: number;
  tierDays?: number | null;
  sourceId?: string | null;
  leaveId?: string | null;
  note: string;
}

/** Insert a ledger row; a repeated row for the same source or tier is ignored (idempotent). */
export async function addEntry(ctx: Ctx, e: NewEntry): Promise<boolean> {
  const res = await rows<{ id: string }>(
    ctx.db,
    sql`insert into leave_ledger (id, person_id, year, leave_type, entry, halves, tier_days, source_id, leave_id, note, created_by, created_at)
      values (${newId('ldg')}, ${e.personId}, ${e.year}, ${e.leaveType}, ${e.entry}, ${e.halves}, ${e.tierDays ?? null},
        ${e.sourceId ?? null}, ${e.leaveId ?? null}, ${e.note}, ${ctx.actor?.personId ?? null}, ${ctx.clock.now().toISOString()})
      on conflict do nothing returning id`,
  );
  return res.length > 0;
}

export async function ledgerSum(db: Db, personId: string, year: number, leaveType: string, entries?: LedgerEntry[]): Promise<number> {
  const only = entries ? sql` and entry in (${sql.join(entries.map((x) => sql`${x}`), sql`, `)})` : sql``;
  const [r] = await rows<{ n: number }>(
    db,
    sql`select coalesce(sum(halves), 0)::int as n from leave_ledger where person_id = ${personId} and year = ${year} and leave_type = ${leaveType}${only}`,
  );
  return r.n;
}

/** Half days used in a year (uses less reversals), as a positive number. */
export async function usedHalves(db: Db, personId: string, year: number, leaveType: string): Promise<number> {
  return -(await ledgerSum(db, personId, year, leaveType, ['use', 'reversal']));
}

export async function serviceFacts(db: Db, personId: string): Promise<ServiceFacts & { gender: string | null }> {
  const [r] = await rows<{ start: string | null; established: boolean | null; gender: string | null }>(
    db,
    sql`select coalesce(pp.service_start, p.work_start_date)::text as start, pp.established, pp.gender
        from people p left join personnel_profiles pp on pp.person_id = p.id where p.id = ${personId}`,
  );
  return { serviceStart: r?.start ?? null, established: r?.established ?? true, gender: r?.gender ?? null };
}

export interface ForfeitRow {
  year: number;
  kind: 'current' | 'next';
  code: string;
  triggered_on: string;
}

export async function forfeitsOf(db: Db, personId: string, year: number): Promise<ForfeitRow[]> {
  return rows<ForfeitRow>(
    db,
    sql`select year, kind, code, triggered_on::text as triggered_on from annual_leave_forfeits where person_id = ${personId} and year = ${year}`,
  );
}

/** The usage LEAVE-09 looks at, from the ledger joined to the requests' salary flag. */
export async function yearUsage(db: Db, personId: string, year: number): Promise<YearUsage> {
  const [r] = await rows<{ personal: number; sick: number }>(
    db,
    sql`select
        coalesce(-sum(l.halves) filter (where l.leave_type = 'personal' and not coalesce(q.salary_deducted, false)), 0)::int as personal,
        coalesce(-sum(l.halves) filter (where l.leave_type = 'sick'), 0)::int as sick
      from leave_ledger l left join leave_requests q on q.id = l.leave_id
      where l.person_id = ${personId} and l.year = ${year} and l.entry in ('use', 'reversal')`,
  );
  return { personalUndeductedHalves: r.personal, sickHalves: r.sick };
}

export interface AnnualEntitlement {
  tierDays: number;
  /** Days the person may take in the year as of the date (0 when forfeited). */
  entitlementHalves: number;
  forfeit: ForfeitRow | null;
}

export async function annualEntitlement(db: Db, personId: string, year: number, asOf: string): Promise<AnnualEntitlement> {
  const s = await serviceFacts(db, personId);
  const tierDays = tierDaysOn(s, asOf);
  const [forfeit] = await forfeitsOf(db, personId, year);
  const granted = await ledgerSum(db, personId, year, 'annual', ['grant']);
  return { tierDays, entitlementHalves: forfeit ? 0 : Math.max(granted, tierDays * 2), forfeit: forfeit ?? null };
}

/**
 * Write the year's grant up to the tier in force on `asOf` (one row per tier reached, so a
 * mid-year tier change adds the difference and concurrent callers cannot grant twice).
 */
export async function ensureAnnualGrant(ctx: Ctx, personId: string, year: number, asOf: string): Promise<void> {
  const e = await annualEntitlement(ctx.db, personId, year, asOf);
  if (e.forfeit) return;
  const granted = await ledgerSum(ctx.db, personId, year, 'annual', ['grant']);
  const missing = e.tierDays * 2 - granted;
  if (missing <= 0) return;
  const added = await addEntry(ctx, {
    personId,
    year,
    leaveType: 'annual',
    entry: 'grant',
    halves: missing,
    tierDays: e.tierDays,
    note: `${year}年年休假：按累计工作年限应休${e.tierDays}天（${asOf}起适用）`,
  });
  if (added) await audit(ctx, { event: 'personnel.ledger.grant', objectType: 'person', objectId: personId, detail: { year, tierDays: e.tierDays, halves: missing } });
}

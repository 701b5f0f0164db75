import { sql, type SQL } from 'drizzle-orm';
import { requireActor, withTx, type Ctx } from '../../kernel/context';
import { rows } from '../../kernel/db';
import { assertInScope } from '../../kernel/access/scope';
import { errors } from '../../kernel/errors';
import { localDate } from '../../kernel/time';
import { annualEntitlement, ensureAnnualGrant, forfeitsOf, ledgerSum, usedHalves } from './ledger';
import { LEAVE_SELECT, type LeaveRow } from './leave-service';
import { LEAVE11 } from './rules';

/** Data scope in SQL (scope.ts): own records; a unit's for section chiefs; all for 综合科 and leaders. */
export function scopeSql(ctx: Ctx, personCol: SQL, unitCol: SQL, mine: boolean): SQL {
  const a = requireActor(ctx);
  const me = a.personId ?? '';
  if (mine || a.scope === 'self') return sql`${personCol} = ${me}`;
  if (a.scope === 'all') return sql`true`;
  if (!a.unitIds.length) return sql`${personCol} = ${me}`;
  return sql`(${personCol} = ${me} or ${unitCol} in (${sql.join(a.unitIds.map((u) => sql`${u}`), sql`, `)}))`;
}

export async function listLeaves(ctx: Ctx, q: { scope: 'mine' | 'team'; year?: number; personId?: string }): Promise<LeaveRow[]> {
  const where = [scopeSql(ctx, sql`q.person_id`, sql`q.unit_id`, q.scope === 'mine')];
  if (q.year) where.push(sql`extract(year from q.start_date) = ${q.year}`);
  if (q.personId) where.push(sql`q.person_id = ${q.personId}`);
  return rows<LeaveRow>(ctx.db, sql`${LEAVE_SELECT} where ${sql.join(where, sql` and `)} order by q.start_date desc, q.created_at desc limit 500`);
}

export interface Balances {
  personId: string;
  personName: string;
  year: number;
  annual: { tierDays: number; entitledDays: number; usedDays: number; remainingDays: number; forfeited: { kind: string; code: string; triggeredOn: string }[] };
  personal: { usedDays: number; capDays: number; remainingDays: number };
  used: Record<string, number>;
  entries: { id: string; leaveType: string; entry: string; days: number; note: string; createdAt: string; leaveId: string | null }[];
}

/**
 * Balances of a year from the ledger. The annual grant for the current tier is written first
 * (idempotent), so what is shown is always a sum of ledger rows.
 */
export async function balances(ctx: Ctx, personId: string, year: number): Promise<Balances> {
  const [p] = await rows<{ name: string; unit_id: string | null }>(ctx.db, sql`select name, unit_id from people where id = ${personId}`);
  if (!p) throw errors.notFound('人员');
  assertInScope(ctx, { unitId: p.unit_id, ownerPersonId: personId });
  const today = localDate(ctx.clock.now());
  const asOf = String(year) === today.slice(0, 4) ? today : String(year) < today.slice(0, 4) ? `${year}-12-31` : `${year}-01-01`;
  await withTx(ctx, (tx) => ensureAnnualGrant(tx, personId, year, asOf));
  const e = await annualEntitlement(ctx.db, personId, year, asOf);
  const annualLeft = await ledgerSum(ctx.db, personId, year, 'annual');
  const used = await rows<{ leave_type: string; n: number }>(
    ctx.db,
    sql`select leave_type, -sum(halves)::int as n from leave_ledger where person_id = ${personId} and year = ${year} and entry in ('use', 'reversal') group by leave_type`,
  );
  const usedBy = Object.fromEntries(used.map((u) => [u.leave_type, u.n / 2]));
  const cap = LEAVE11.param('capDays');
  const personalUsed = (await usedHalves(ctx.db, personId, year, 'personal')) / 2;
  const entries = await rows<Balances['entries'][number]>(
    ctx.db,
    sql`select id, leave_type as "leaveType", entry, (halves / 2.0)::float8 as days, note, created_at as "createdAt", leave_id as "leaveId"
        from leave_ledger where person_id = ${personId} and year = ${year} order by created_at, id`,
  );
  return {
    personId,
    personName: p.name,
    year,
    annual: {
      tierDays: e.tierDays,
      entitledDays: (await ledgerSum(ctx.db, personId, year, 'annual', ['grant'])) / 2,
      usedDays: usedBy.annual ?? 0,
      remainingDays: Math.max(0, annualLeft) / 2,
      forfeited: (await forfeitsOf(ctx.db, personId, year)).map((f) => ({ kind: f.kind, code: f.code, triggeredOn: f.triggered_on })),
    },
    personal: { usedDays: personalUsed, capDays: cap, remainingDays: Math.max(0, cap - personalUsed) },
    used: usedBy,
    entries,
  };
}

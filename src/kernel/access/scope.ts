import type { Ctx } from '../context';
import { errors } from '../errors';

/**
 * Row-level data scope: may the actor see a record that belongs to `unitId` (and, for
 * personal records, to `ownerPersonId`)? Scope 'all' sees everything, 'unit' the actor's
 * own units, 'self' only the actor's own records.
 */
export function inScope(ctx: Ctx, record: { unitId: string | null; ownerPersonId?: string | null }): boolean {
  const actor = ctx.actor;
  if (!actor) return false;
  if (record.ownerPersonId && record.ownerPersonId === actor.personId) return true;
  if (actor.scope === 'all') return true;
  if (actor.scope === 'unit') return record.unitId !== null && actor.unitIds.includes(record.unitId);
  return false;
}

/** Throw 403 when the record is outside the actor's data scope. */
export function assertInScope(ctx: Ctx, record: { unitId: string | null; ownerPersonId?: string | null }): void {
  if (!inScope(ctx, record)) throw errors.forbidden('该记录不在您的数据权限范围内');
}

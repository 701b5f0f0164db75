import { sql, type SQL } from 'drizzle-orm';
import { can, requireActor, type Ctx } from '../../kernel/context';
import { rows, type Db } from '../../kernel/db';
import { AppError, errors } from '../../kernel/errors';
import type { ParamSpecs, Rule } from '../../kernel/rules';
import { holdersOfPost, leaderInChargeOfUnit, sectionChiefOf } from '../../kernel/org/lookups';
import { localDate } from '../../kernel/time';
import { CAR02 } from './rules';

/** Helpers shared by the vehicle commands. */
export const today = (ctx: Ctx) => localDate(ctx.clock.now());

/** An instant column as ISO text (the same on PGlite and node-postgres). */
export const iso = (expr: string): SQL => sql.raw(`to_char(${expr} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`);

export function me(ctx: Ctx): string {
  const p = requireActor(ctx).personId;
  if (!p) throw errors.forbidden('该账号未关联人员，不能办理公务用车事项');
  return p;
}

export async function hubUnitId(db: Db): Promise<string> {
  const [u] = await rows<{ id: string }>(db, sql`select id from org_units where code = ${CAR02.param('hubUnitCode')}`);
  if (!u) throw errors.unprocessable('VEHICLE_NO_HUB', '组织机构中没有综合科，无法确定公务用车的统一调度部门');
  return u.id;
}

/** 综合科科长 (办公室主任 on the vehicle forms, CONF-17) and the deputy who supervises 综合科 (主管领导). */
export async function hubSigners(ctx: Ctx): Promise<{ chiefId: string; leaderId: string }> {
  const unit = await hubUnitId(ctx.db);
  const chief = await sectionChiefOf(ctx.db, unit, today(ctx));
  const leader = await leaderInChargeOfUnit(ctx.db, unit, today(ctx));
  if (!chief) throw errors.unprocessable('FLOW_NO_APPROVER', '综合科科长未在组织机构中登记，无法确定“办公室主任”的签署人');
  if (!leader) throw errors.unprocessable('FLOW_NO_APPROVER', '综合科的分管领导未在组织机构中登记，无法确定“主管领导”的签署人');
  return { chiefId: chief.id, leaderId: leader.id };
}

export async function holdsPost(db: Db, personId: string, post: string, date: string): Promise<boolean> {
  return (await holdersOfPost(db, post, undefined, date)).some((p) => p.id === personId);
}

/** CAR-02: only 综合科 (its staff, or the vehicle manager it appoints) dispatches. */
export async function assertDispatcher(ctx: Ctx, what: string): Promise<string> {
  const person = me(ctx);
  if (can(ctx, 'vehicles.manage') || (await holdsPost(ctx.db, person, 'vehicle_manager', today(ctx)))) return person;
  throw blockErr(CAR02, `${what}由综合科统一调度办理，您无权办理`);
}

/** A 422 RULE_BLOCKED citing a rule (what enforce() throws for a single block). */
export function blockErr(rule: { id: string; cite: string } | Rule<ParamSpecs>, message: string, details?: unknown): AppError {
  const r = rule as { id: string; cite: string };
  return new AppError('RULE_BLOCKED', 422, `${message}（依据：${r.id} ${r.cite}）`, { id: r.id, cite: r.cite }, details);
}

export async function personName(db: Db, id: string | null): Promise<string | null> {
  if (!id) return null;
  const [p] = await rows<{ name: string }>(db, sql`select name from people where id = ${id}`);
  return p?.name ?? null;
}

export { sqlState } from '../../kernel/db/transaction';

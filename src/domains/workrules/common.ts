import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { requireActor, type Ctx } from '../../kernel/context';
import { rows, type Db } from '../../kernel/db';
import { errors } from '../../kernel/errors';
import { isLocalDate, localDate } from '../../kernel/time';

/** Shared by the 工作规则 registers: input parsing, dates, people and units. */
export const Day = z.string().refine(isLocalDate, '日期格式应为 YYYY-MM-DD');
export const Text = (max: number, what: string) => z.string().trim().min(1, `请填写${what}`).max(max);
export const OptText = (max: number) => z.string().trim().max(max).optional();

export const today = (ctx: Ctx) => localDate(ctx.clock.now());
export const nowIso = (ctx: Ctx) => ctx.clock.now().toISOString();
export const me = (ctx: Ctx): string => {
  const p = requireActor(ctx).personId;
  if (!p) throw errors.forbidden('该账号未关联人员，不能登记');
  return p;
};

export function parse<T>(schema: z.ZodType<T>, raw: unknown, what: string): T {
  const r = schema.safeParse(raw);
  if (!r.success) {
    const i = r.error.issues[0];
    throw errors.badRequest(`${what}填写有误：${i.path.length ? `${i.path.join('.')} ` : ''}${i.message}`, r.error.issues);
  }
  return r.data;
}

/** Refuse a date in the future: a register records what happened. */
export function notFuture(ctx: Ctx, date: string, what: string): void {
  if (date > today(ctx)) throw errors.badRequest(`${what}不能晚于今天`);
}

export async function unitExists(db: Db, unitId: string): Promise<void> {
  const [u] = await rows<{ id: string }>(db, sql`select id from org_units where id = ${unitId}`);
  if (!u) throw errors.badRequest('科室不存在');
}

export async function personExists(db: Db, personId: string): Promise<void> {
  const [p] = await rows<{ id: string }>(db, sql`select id from people where id = ${personId} and active`);
  if (!p) throw errors.badRequest('人员不存在或已离岗');
}

/** 办领导 (a leadership post) or the 主要负责人 of a unit, on the date: who may read and annotate (WR-16). */
export async function mayAnnotate(db: Db, personId: string, date: string): Promise<boolean> {
  const [r] = await rows<{ n: number }>(db, sql`select count(*)::int as n from post_holdings h join posts p on p.code = h.post_code
    left join org_units u on u.id = h.unit_id
    where h.person_id = ${personId} and h.start_date <= ${date} and (h.end_date is null or h.end_date >= ${date})
      and (p.category = 'leader' or u.head_post_code = h.post_code)`);
  return r.n > 0;
}

/** Recipients of a register's reminders: the 综合科 keepers (holders of workrules.keep). */
export async function keepers(db: Db): Promise<string[]> {
  const found = await rows<{ person_id: string }>(db, sql`select distinct a.person_id from accounts a
    join account_roles ar on ar.account_id = a.id join role_permissions rp on rp.role_id = ar.role_id
    where rp.permission = 'workrules.keep' and a.person_id is not null and a.status = 'active' order by a.person_id`);
  return found.map((r) => r.person_id);
}

/** The 主要负责人 of a unit today, if any (the reminders copy the lead section). */
export async function unitHead(db: Db, unitId: string, date: string): Promise<string | null> {
  const [r] = await rows<{ person_id: string }>(db, sql`select h.person_id from org_units u join post_holdings h on h.unit_id = u.id and h.post_code = u.head_post_code
    where u.id = ${unitId} and h.start_date <= ${date} and (h.end_date is null or h.end_date >= ${date}) order by h.person_id limit 1`);
  return r?.person_id ?? null;
}

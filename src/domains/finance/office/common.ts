import { sql } from 'drizzle-orm';
import { lockNamed } from '../../../kernel/db/mutex';
import type { Ctx } from '../../../kernel/context';
import { rows } from '../../../kernel/db';
import { errors } from '../../../kernel/errors';
import type { InstanceRef, PrintableInstance } from '../../../kernel/flow';
import { sectionChiefOf } from '../../../kernel/org/lookups';
import { localDate } from '../../../kernel/time';
import { FIN11 } from '../rules';

/** Helpers shared by the office-service flows: the 综合科科长 of the day, numbering, printing. */
export async function hubChiefId(ctx: Ctx): Promise<string> {
  const [hub] = await rows<{ id: string }>(ctx.db, sql`select id from org_units where code = ${FIN11.param('hubUnitCode')}`);
  const chief = hub ? await sectionChiefOf(ctx.db, hub.id, localDate(ctx.clock.now())) : null;
  if (!chief) throw errors.unprocessable('FLOW_NO_APPROVER', '综合科科长未在组织机构中登记，无法确定综合科审核人');
  return chief.id;
}

export async function hubUnitId(ctx: Ctx): Promise<string | null> {
  const [hub] = await rows<{ id: string }>(ctx.db, sql`select id from org_units where code = ${FIN11.param('hubUnitCode')}`);
  return hub?.id ?? null;
}

/**
 * The next number of a yearly register. The transaction-scoped named mutex (lockNamed) serialises two
 * submissions of the same register so that both get a number and none is given twice (the
 * unique index on (year, seq) stays the last guard).
 */
export async function nextSeq(ctx: Ctx, table: 'finance_procurements', year: number): Promise<number> {
  await lockNamed(ctx.db, table);
  const [r] = await rows<{ seq: number }>(ctx.db, sql`select coalesce(max(seq), 0)::int + 1 as seq from ${sql.raw(table)} where year = ${year}`);
  return r.seq;
}

/** The ledger row follows its flow: approved, rejected or withdrawn, in the same transaction. */
export async function settleRow(ctx: Ctx, table: 'finance_procurements' | 'finance_meeting_budgets' | 'finance_print_requests', inst: InstanceRef, outcome: string): Promise<void> {
  await ctx.db.execute(sql`update ${sql.raw(table)} set status = ${outcome} where flow_instance_id = ${inst.id}`);
}

/** A step's last signature as printed in a box: 姓名（代某某） 意见 日期. */
export function signed(detail: PrintableInstance, stepId: string): { signer: string; opinion: string; date: string; onBehalfOf?: string } | null {
  const s = detail.steps.find((x) => x.id === stepId);
  const sig = s?.signatures.filter((x) => ['approved', 'recorded', 'rejected'].includes(x.status)).at(-1);
  if (!s || !sig) return null;
  return { signer: sig.name, opinion: sig.opinion || (sig.status === 'rejected' ? '不同意' : s.verbLabel), date: sig.decidedAt, ...(sig.onBehalfOf ? { onBehalfOf: sig.onBehalfOf } : {}) };
}

export function signedText(detail: PrintableInstance, stepId: string): string {
  const s = signed(detail, stepId);
  return s ? `${s.signer}${s.onBehalfOf ? `（代${s.onBehalfOf}）` : ''} ${s.opinion} ${s.date}` : '';
}

export const localDay = (iso: string) => new Date(iso).toLocaleDateString('zh-CN', { timeZone: 'Asia/Shanghai', year: 'numeric', month: 'long', day: 'numeric' });

export function attachment(name: string, ascii: string) {
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}

/** Parse input with a Chinese 400 naming the first problem. */
export function parseInput<T>(schema: { safeParse(v: unknown): { success: true; data: T } | { success: false; error: { issues: { path: PropertyKey[]; message: string }[] } } }, raw: unknown, what: string): T {
  const r = schema.safeParse(raw);
  if (r.success) return r.data;
  const issue = r.error.issues[0];
  throw errors.badRequest(`${what}填写有误：${issue.path.length ? `${issue.path.join('.')} ` : ''}${issue.message}`, r.error.issues);
}

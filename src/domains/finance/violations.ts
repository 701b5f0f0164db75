import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { requireActor, withTx, type Ctx } from '../../kernel/context';
import { rows } from '../../kernel/db';
import { audit } from '../../kernel/audit/write';
import { errors } from '../../kernel/errors';
import { newId } from '../../kernel/ids';
import { enforce, getRule } from '../../kernel/rules';
import type { XlsxColumn } from '../../kernel/render/xlsx';
import { isLocalDate } from '../../kernel/time';
import { FIN17, RECEP27 } from './rules';

/**
 * The violation register (FIN-17, RECEP-27): RECORD {rules, 直接责任者, 领导责任者, facts,
 * handling}. A violation of a 公务接待制度 rule (RECEP-*) is registered under RECEP-27, every
 * other finance rule under FIN-17 (会计法). Reading: the register records what the office
 * decided; it does not itself impose the sanction.
 */
export const ViolationInput = z.object({
  violatedRuleIds: z.array(z.string().trim().min(1).max(40)).min(1, '请选择违反的规则').max(20),
  occurredOn: z.string().refine(isLocalDate, '日期格式应为 YYYY-MM-DD'),
  facts: z.string().trim().min(4, '请写明违规事实').max(2000),
  directPersonIds: z.array(z.string().max(100)).min(1, '请填写直接责任者').max(20),
  leaderPersonIds: z.array(z.string().max(100)).max(20).default([]),
  handling: z.string().trim().min(2, '请写明处理意见（依会计法或纪律处分条例）').max(2000),
  claimId: z.string().max(100).optional(),
  receptionId: z.string().max(100).optional(),
});

export interface ViolationRow {
  id: string; ruleId: string; violatedRuleIds: string[]; occurredOn: string; facts: string; directNames: string; leaderNames: string; handling: string; recordedByName: string;
}

export async function recordViolation(ctx: Ctx, raw: unknown): Promise<{ id: string; ruleId: string }> {
  const parsed = ViolationInput.safeParse(raw);
  if (!parsed.success) throw errors.badRequest(parsed.error.issues.map((i) => i.message).join('；'));
  const v = parsed.data;
  const unknown = v.violatedRuleIds.filter((id) => !getRule(id));
  if (unknown.length) throw errors.badRequest(`未知的规则编号：${unknown.join('、')}`);
  const reception = v.violatedRuleIds.some((id) => id.startsWith('RECEP-'));
  const rule = reception ? RECEP27 : FIN17;
  const people = [...v.directPersonIds, ...v.leaderPersonIds];
  return withTx(ctx, async (tx) => {
    const found = await rows<{ id: string }>(tx.db, sql`select id from people where id in (${sql.join(people.map((p) => sql`${p}`), sql`, `)})`);
    const missing = people.filter((p) => !found.some((f) => f.id === p));
    enforce(missing.length ? [rule.block(`责任人不存在：${missing.join('、')}`)] : [rule.ok()]);
    const id = newId('vio');
    await tx.db.execute(sql`insert into finance_violations (id, rule_id, violated_rule_ids, occurred_on, facts, direct_person_ids, leader_person_ids, handling, claim_id, reception_id, recorded_by, created_at)
      values (${id}, ${rule.id}, ${JSON.stringify(v.violatedRuleIds)}::jsonb, ${v.occurredOn}, ${v.facts}, ${JSON.stringify(v.directPersonIds)}::jsonb, ${JSON.stringify(v.leaderPersonIds)}::jsonb,
        ${v.handling}, ${v.claimId ?? null}, ${v.receptionId ?? null}, ${requireActor(tx).personId}, ${tx.clock.now().toISOString()})`);
    await audit(tx, { event: 'finance.violation.record', objectType: 'finance_violation', objectId: id, detail: { ruleId: rule.id, violatedRuleIds: v.violatedRuleIds } });
    return { id, ruleId: rule.id };
  });
}

export async function listViolations(ctx: Ctx): Promise<ViolationRow[]> {
  return rows<ViolationRow>(ctx.db, sql`
    select v.id, v.rule_id as "ruleId", v.violated_rule_ids as "violatedRuleIds", v.occurred_on::text as "occurredOn", v.facts, v.handling,
      (select string_agg(p.name, '、') from people p where v.direct_person_ids ? p.id) as "directNames",
      (select string_agg(p.name, '、') from people p where v.leader_person_ids ? p.id) as "leaderNames",
      (select name from people where id = v.recorded_by) as "recordedByName"
    from finance_violations v order by v.occurred_on desc, v.created_at desc`);
}

export const VIOLATION_COLUMNS: XlsxColumn<ViolationRow>[] = [
  { header: '发生日期', value: (r) => r.occurredOn, width: 12 },
  { header: '登记依据', value: (r) => r.ruleId, width: 12 },
  { header: '违反规则', value: (r) => r.violatedRuleIds.join('、'), width: 20 },
  { header: '违规事实', value: (r) => r.facts, width: 40 },
  { header: '直接责任者', value: (r) => r.directNames ?? '', width: 16 },
  { header: '领导责任者', value: (r) => r.leaderNames ?? '', width: 16 },
  { header: '处理意见', value: (r) => r.handling, width: 40 },
  { header: '登记人', value: (r) => r.recordedByName ?? '' },
];

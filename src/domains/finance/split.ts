import { sql } from 'drizzle-orm';
import type { Ctx } from '../../kernel/context';
import { rows } from '../../kernel/db';
import { newId } from '../../kernel/ids';
import { notify } from '../../kernel/notify';
import { holdersOfPost } from '../../kernel/org/lookups';
import { addDays } from '../../kernel/time';
import { classifyMatter } from '../meetings';
import { audit } from '../../kernel/audit/write';
import { categoryDef, yuan, type Category } from './categories';
import { FIN11, FIVE06 } from './rules';

/**
 * 化整为零: claims of one section to one payee within the window (FIVE-06 splitWindowDays)
 * that the classifier calls 三重一大 together while none of them is on its own. The flag goes
 * to the 综合科 (科长 and 财务负责人) and the discipline inspector, citing the rule the split
 * would evade; it does not stop the claim (A-meetings.md §6.2 (c): WARN).
 */
export async function flagSplitting(ctx: Ctx, claim: { id: string; unitId: string | null; payee: string; category: Category; submittedOn: string }): Promise<string | null> {
  const matter = categoryDef(claim.category).matter;
  if (!matter || categoryDef(claim.category).routine || !claim.unitId) return null;
  const windowDays = FIVE06.param('splitWindowDays');
  const since = addDays(claim.submittedOn, -(windowDays - 1));
  const peers = await rows<{ id: string; amount: number; category: string }>(
    ctx.db,
    sql`select id, amount_fen::bigint as amount, category from finance_claims
        where unit_id = ${claim.unitId} and payee = ${claim.payee} and submitted_on between ${since} and ${claim.submittedOn}
          and status not in ('rejected', 'withdrawn') and tier <> 'large' order by submitted_on, created_at`,
  );
  const same = peers.filter((p) => categoryDef(p.category as Category).matter === matter);
  if (same.length < 2 || same.some((p) => classifyMatter({ kind: matter, amountFen: Number(p.amount) }).collective)) return null;
  const total = same.reduce((s, p) => s + Number(p.amount), 0);
  const cls = classifyMatter({ kind: matter, amountFen: total });
  if (!cls.collective) return null;
  const message = `疑似化整为零：同一科室${windowDays}天内向“${claim.payee}”报销${same.length}笔，单笔均未达集体决策标准，合计${yuan(total)}。${cls.reason}（依据：${cls.ruleId} ${cls.cite}；FIVE-06）`;
  const id = newId('spl');
  const now = ctx.clock.now();
  await ctx.db.execute(sql`insert into finance_split_flags (id, unit_id, payee, claim_ids, total_fen, window_days, rule_id, message, created_at)
    values (${id}, ${claim.unitId}, ${claim.payee}, ${JSON.stringify(same.map((p) => p.id))}::jsonb, ${total}, ${windowDays}, ${cls.ruleId ?? 'FIVE-06'}, ${message}, ${now.toISOString()})`);
  for (const personId of await recipients(ctx, claim.submittedOn)) {
    await notify(ctx.db, { recipientPersonId: personId, kind: 'info', title: '化整为零预警', body: message, link: '/finance/ledgers', objectType: 'finance_split_flag', objectId: id }, now);
  }
  await audit(ctx, { event: 'finance.split.flag', objectType: 'finance_split_flag', objectId: id, detail: { claimIds: same.map((p) => p.id), totalFen: total, ruleId: cls.ruleId } });
  return id;
}

async function recipients(ctx: Ctx, date: string): Promise<string[]> {
  const [hub] = await rows<{ id: string }>(ctx.db, sql`select id from org_units where code = ${FIN11.param('hubUnitCode')}`);
  const ids = new Set<string>();
  if (hub) for (const p of await holdersOfPost(ctx.db, 'section_chief', hub.id, date)) ids.add(p.id);
  for (const p of await holdersOfPost(ctx.db, 'finance_head', undefined, date)) ids.add(p.id);
  for (const p of await holdersOfPost(ctx.db, 'discipline_leader', undefined, date)) ids.add(p.id);
  return [...ids];
}

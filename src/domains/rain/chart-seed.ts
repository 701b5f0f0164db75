import { sql } from 'drizzle-orm';
import type { Ctx } from '../../kernel/context';
import { newId } from '../../kernel/ids';
import { addDays, localDate } from '../../kernel/time';
import { parseSemester, semesterOfDate } from './rules';

/**
 * Paid history for the dashboard chart (subsidies by county and semester): the two semesters
 * before the demo's paid one, one paid batch each, copied set-wise from the paid semester's
 * lines with fully completed paperwork, so no reminder or overdue list picks them up. The
 * lines carry a determination id of their own (`hist-…`): they are history, not part of any
 * current semester's determinations.
 */
export async function seedRainChartHistory(ctx: Ctx): Promise<void> {
  const db = ctx.db;
  const now = ctx.clock.now().toISOString();
  const cur = semesterOfDate(localDate(ctx.clock.now()));
  const back = (s: string) => {
    const p = parseSemester(s)!;
    return p.season === 'autumn' ? `${p.year}-spring` : `${p.year - 1}-autumn`;
  };
  const paid = back(cur);
  for (const [i, semester] of [back(back(paid)), back(paid)].entries()) {
    const batchId = newId('rbat');
    const paidOn = `${semester.slice(0, 4)}-${semester.endsWith('spring') ? '05' : '11'}-20`;
    // Fewer students further back (graduates, drop-outs): every second line in the oldest semester,
    // the first always, so that the chart never loses a semester.
    await db.execute(sql`insert into rain_payments (id, batch_id, determination_id, student_id, semester, household_id, township_code, village_code, education_level, amount_fen,
        account_enc, account_masked, status, entered_on, informed_on, township_filed_on, village_filed_on, created_at)
      select gc_new_id('rpay'), ${batchId}, 'hist-' || p.id || '-' || ${semester}, p.student_id, ${semester}, p.household_id, p.township_code,
        p.village_code, p.education_level, p.amount_fen, p.account_enc, p.account_masked, 'paid', ${addDays(paidOn, 5)}, ${addDays(paidOn, 3)}, ${addDays(paidOn, 4)}, ${addDays(paidOn, 3)}, ${now}
      from (select *, row_number() over (order by id) as n from rain_payments where semester = ${paid}) p where ${i} = 1 or p.n % 2 = 1`);
    await db.execute(sql`insert into rain_batches (id, county_code, semester, status, fund_source, line_count, total_fen, submitted_on, paid_on, flow_ref, created_at)
      select ${batchId}, '220802', ${semester}, 'paid', '财政扶贫资金', count(*)::int, coalesce(sum(amount_fen), 0), ${addDays(paidOn, -5)}, ${paidOn}, '洮北区财政局补助流水（演示，历史学期）', ${now}
      from rain_payments where batch_id = ${batchId}`);
    // RAIN-18: the flow was copied to the county poverty department and every township and village concerned.
    await db.execute(sql`insert into rain_flow_copies (batch_id, recipient, copied_on, at)
      select ${batchId}, r, ${paidOn}, ${now} from (select 'county' as r union select township_code from rain_payments where batch_id = ${batchId}
        union select village_code from rain_payments where batch_id = ${batchId}) x`);
  }
}

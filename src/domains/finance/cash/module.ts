import { sql } from 'drizzle-orm';
import type { Module } from '../../../kernel/module';
import type { Ctx } from '../../../kernel/context';
import { grantPermissions } from '../../../kernel/access/grants';
import { rows } from '../../../kernel/db';
import { loadActor } from '../../../kernel/identity/sessions';
import { addDays, localDate } from '../../../kernel/time';
import { nthDue } from './calendar';
import { closeCount, recordCount, remindCashCounts } from './counts';
import { createReportEntry, markReportSent, remindReports } from './reports';
import { financeCashRoutes } from './routes';

export const FINANCE_CASH_PERMISSIONS = [
  { code: 'finance.cash', label: '现金盘点、库存现金限额与报表报送日历（综合科财务）' },
  { code: 'finance.inspection', label: '导出监督检查资料（报销凭证、签字记录、台账、现金盘点）' },
  // The 审计管理员's own code: a permission an administrator role holds is never granted to a
  // business role (三员分立, kernel/access), so the two readers of the same export need two codes.
  { code: 'audit.finance_inspection', label: '导出财务监督检查资料（审计管理员，只读）' },
];

/**
 * Cash on hand and reporting (财务管理制度 三、七): counts with the designated supervisor
 * (FIN-03), IOUs and the cash-on-hand limit (FIN-02.2/02.3), the statutory report calendar
 * (FIN-18) and the inspection export (FIN-16). 综合科 records; the 审计管理员 may export for an
 * inspection (read-only).
 */
export const financeCashModule: Module = {
  name: 'finance-cash',
  permissions: FINANCE_CASH_PERMISSIONS,
  routes: financeCashRoutes,
  // Both send at most one notice per period or due date; hourly is plenty.
  jobs: [
    { name: 'finance-cash-count-reminder', everyMs: 3_600_000, run: remindCashCounts },
    { name: 'finance-report-reminder', everyMs: 3_600_000, run: remindReports },
  ],
  async seedBase(ctx) {
    await grantPermissions(ctx.db, 'hub', ['finance.cash', 'finance.inspection']);
    await grantPermissions(ctx.db, 'auditadmin', ['audit.finance_inspection']);
  },
  seedDemo: seedCashDemo,
};

async function as(ctx: Ctx, username: string): Promise<Ctx> {
  const [a] = await rows<{ id: string }>(ctx.db, sql`select id from accounts where username = ${username}`);
  return { ...ctx, actor: await loadActor(ctx.db, a.id, ctx.clock.now()), requestId: `demo-${username}` };
}

/**
 * The demo office's accountant (黄静), last month's count, and two reports to send. The cashier
 * (R-CASHIER, only implied by 财务管理制度 三) is the person whose cash is counted — 高伟 here —
 * named on each count; the demo gives him no 出纳 post because the org area's tests fix his posts,
 * and 林峰 (asset keeper) must stay outside Finance for ASSET-02.
 */
async function seedCashDemo(ctx: Ctx): Promise<void> {
  await ctx.db.execute(sql`insert into post_holdings (id, person_id, post_code, unit_id, start_date) values
    ('ph_demo_accountant', 'psn_huangjing', 'accountant', 'unit_zonghe', '2020-01-01') on conflict do nothing`);
  const today = localDate(ctx.clock.now());
  const head = await as(ctx, 'mali');
  const lastMonthEnd = addDays(`${today.slice(0, 7)}-01`, -1);
  const { count } = await recordCount(head, { kind: 'scheduled', countedOn: lastMonthEnd, cashierPersonId: 'psn_gaowei', supervisorPersonId: 'psn_huangjing', bookFen: 320_000, cashFen: 320_000, note: '月末定期盘点' });
  await closeCount(head, count.id, {});
  const monthly = await createReportEntry(head, { name: '行政事业单位会计报表（月报）', recipient: '白城市财政局', firstDueOn: `${lastMonthEnd.slice(0, 7)}-10`, recurrence: 'monthly' });
  for (let n = 0; nthDue(monthly.firstDueOn, 'monthly', n) < today; n++) {
    const due = nthDue(monthly.firstDueOn, 'monthly', n);
    await markReportSent(head, monthly.id, { dueOn: due, sentOn: addDays(due, -2), reference: `财务月报${due.slice(0, 7)}` });
  }
  const y = Number(today.slice(0, 4));
  const nextQuarterMonth = Math.floor((Number(today.slice(5, 7)) - 1) / 3) * 3 + 4;
  const quarterlyDue = nextQuarterMonth > 12 ? `${y + 1}-01-15` : `${y}-${String(nextQuarterMonth).padStart(2, '0')}-15`;
  await createReportEntry(head, { name: '扶贫资金使用情况统计表（季报）', recipient: '吉林省扶贫开发办公室', firstDueOn: quarterlyDue, recurrence: 'quarterly', note: '报送前经综合科科长审核' });
}

import { sql } from 'drizzle-orm';
import type { Module } from '../../kernel/module';
import type { Ctx } from '../../kernel/context';
import { grantPermissions } from '../../kernel/access/grants';
import { rows } from '../../kernel/db';
import { loadActor } from '../../kernel/identity/sessions';
import { localDate } from '../../kernel/time';
import { financeRoutes } from './routes';
import { setReceptionBudget } from './reception-budget';
import { remindReceptionFiling } from './reception-filing';
import { saveHotel } from './reception-lodging';
import './flows';

export const FINANCE_PERMISSIONS = [
  { code: 'finance.claim', label: '费用报销、公务接待申请与本人（本科室）记录' },
  { code: 'finance.ledger', label: '财务台账查阅与导出、化整为零预警（综合科、班子成员、纪检监察）' },
  { code: 'finance.reception', label: '公务接待管理：定点宾馆、接待费预算、支付登记与接待材料备案（综合科）' },
];

/**
 * Finance and reception (财务管理制度, 公务接待制度, and the expense chains of 五不直接分管).
 * Every staff role files claims; the ledgers belong to 综合科 and are open to the leaders and
 * the discipline inspector for supervision (FIVE-18). 综合科 manages reception work (RECEP-04).
 */
export const financeModule: Module = {
  name: 'finance',
  permissions: FINANCE_PERMISSIONS,
  routes: financeRoutes,
  // RECEP-26: overdue filings; each reception is reminded once, so hourly is plenty.
  jobs: [{ name: 'finance-reception-filing-reminder', everyMs: 3_600_000, run: remindReceptionFiling }],
  async seedBase(ctx) {
    for (const role of ['staff', 'section_chief', 'leader', 'hub']) await grantPermissions(ctx.db, role, ['finance.claim']);
    for (const role of ['hub', 'leader', 'inspector']) await grantPermissions(ctx.db, role, ['finance.ledger']);
    await grantPermissions(ctx.db, 'hub', ['finance.reception']);
  },
  seedDemo: seedReceptionDemo,
};

/** The demo office's designated hotels (demo agreement prices) and this year's reception budget. */
async function seedReceptionDemo(ctx: Ctx): Promise<void> {
  const [a] = await rows<{ id: string }>(ctx.db, sql`select id from accounts where username = 'liuyang'`);
  const hub: Ctx = { ...ctx, actor: await loadActor(ctx.db, a.id, ctx.clock.now()), requestId: 'demo-liuyang' };
  // CFG-DESIGNATED-HOTELS (open-parameters.ts) names the first; the others make the list realistic.
  const hotels = [
    { name: '白城市政府定点宾馆（演示）', kind: 'designated', address: '白城市洮北区', prices: { standard: 28_000 }, agreementRef: '白城市定点宾馆协议（演示）' },
    { name: '白城宾馆', kind: 'designated', address: '白城市洮北区中兴西大路', prices: { standard: 26_000, single: 24_000 }, agreementRef: '白城市定点宾馆协议（演示）' },
    { name: '鹤乡大酒店', kind: 'designated', address: '白城市洮北区长庆北街', prices: { standard: 28_000, suite: 34_000 }, agreementRef: '白城市定点宾馆协议（演示）' },
    { name: '市直机关接待中心', kind: 'internal', address: '白城市洮北区海明东路', prices: { standard: 18_000 }, agreementRef: '机关内部接待场所收费标准（演示）' },
  ];
  for (const h of hotels) await saveHotel(hub, h);
  const year = Number(localDate(ctx.clock.now()).slice(0, 4));
  await setReceptionBudget(hub, { year, totalFen: 3_000_000, note: '演示数据：按公务接待费三公额度设置' });
}

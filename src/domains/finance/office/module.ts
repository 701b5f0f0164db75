import { sql } from 'drizzle-orm';
import type { Module } from '../../../kernel/module';
import type { Ctx } from '../../../kernel/context';
import { grantPermissions } from '../../../kernel/access/grants';
import { rows } from '../../../kernel/db';
import { actOnTask } from '../../../kernel/flow';
import { loadActor } from '../../../kernel/identity/sessions';
import { localDate } from '../../../kernel/time';
import { financeOfficeRoutes } from './routes';
import { distribute, recordPrinted, remindMeetingPlan, savePlan, approvePlan, submitMeetingBudget, submitPrint, submitProcurement } from './service';
import './flows';

export const FINANCE_OFFICE_PERMISSIONS = [
  { code: 'finance.office', label: '会议培训计划编制、印刷品统一印制与发放登记（综合科）' },
];

/**
 * Finance office services (财务管理制度 四（五）（六）, 五不直接分管 第二条（四）): procurement by tier
 * on the FMS-F1 form, meeting and training budgets and the yearly plan, printing requests.
 * Every staff role files; 综合科 (hub) keeps the plan and the printing register.
 */
export const financeOfficeModule: Module = {
  name: 'finance-office',
  permissions: FINANCE_OFFICE_PERMISSIONS,
  routes: financeOfficeRoutes,
  // MTG-01: the plan reminder; once an hour is plenty (it sends at most one notice a day).
  jobs: [{ name: 'finance-meeting-plan-reminder', everyMs: 3_600_000, run: remindMeetingPlan }],
  async seedBase(ctx) {
    await grantPermissions(ctx.db, 'hub', ['finance.office']);
  },
  seedDemo: seedOfficeDemo,
};

async function as(ctx: Ctx, username: string): Promise<Ctx> {
  const [a] = await rows<{ id: string }>(ctx.db, sql`select id from accounts where username = ${username}`);
  return { ...ctx, actor: await loadActor(ctx.db, a.id, ctx.clock.now()), requestId: `demo-${username}` };
}

async function signAll(ctx: Ctx, instanceId: string): Promise<void> {
  for (let i = 0; i < 8; i++) {
    const [task] = await rows<{ id: string; username: string }>(ctx.db, sql`select ft.id, a.username from flow_tasks ft join accounts a on a.person_id = ft.assignee_person_id
      where ft.instance_id = ${instanceId} and ft.status = 'pending' order by ft.id limit 1`);
    if (!task) return;
    await actOnTask(await as(ctx, task.username), task.id, 'approve', { comment: '同意' });
  }
}

/** The demo office's share: last year's and this year's plans, one request of each kind carried through. */
async function seedOfficeDemo(ctx: Ctx): Promise<void> {
  const today = localDate(ctx.clock.now());
  const year = Number(today.slice(0, 4));
  const hub = await as(ctx, 'liuyang');
  for (const [y, m, t] of [[year - 1, 12_000_000, 8_000_000], [year, 11_500_000, 8_500_000]] as const) {
    await savePlan(hub, { year: y, kind: 'meeting', items: [{ name: '全市防返贫监测工作会议', unitName: '规划项目科', month: 3, amountFen: m / 2 }, { name: '社会扶贫工作推进会', unitName: '社会扶贫科', month: 9, amountFen: m / 2 }] }, ['MTG-02']);
    await savePlan(hub, { year: y, kind: 'training', items: [{ name: '扶贫干部业务培训', unitName: '综合科', month: 5, amountFen: t }], justification: y === year ? '新增驻村干部培训' : undefined }, ['MTG-02']);
    await approvePlan(hub, y, 'meeting');
    await approvePlan(hub, y, 'training');
  }
  const staff = await as(ctx, 'dongxue');
  const p = await submitProcurement(staff, { kind: 'purchase', title: '社会扶贫科办公用品', method: 'below_limit', lines: [
    { name: 'A4复印纸', quantity: 10, unit: '包', use: '日常办公', remark: '70g', estimatedFen: 25_000 },
    { name: '黑色签字笔', quantity: 2, unit: '盒', use: '日常办公', remark: '', estimatedFen: 6_000 },
  ] });
  await signAll(ctx, p.instanceId);
  const b = await submitMeetingBudget(await as(ctx, 'tangning'), { kind: 'meeting', name: '全市防返贫监测工作会议', startDate: `${year}-03-12`, endDate: `${year}-03-12`, venue: '市扶贫办会议室',
    attendees: '各县（市、区）扶贫办分管领导及监测专干', headcount: 40, noticeRef: `白扶办发〔${year}〕5号会议通知`, content: '部署年度防返贫监测工作', purpose: '压实监测责任',
    lines: [{ item: '场租费', budgetFen: 0 }, { item: '住宿费', budgetFen: 0 }, { item: '餐费', budgetFen: 200_000 }, { item: '资料用品费用', budgetFen: 80_000 }] });
  await signAll(ctx, b.instanceId);
  const pr = await submitPrint(await as(ctx, 'xunuo'), { title: '扶贫政策汇编', costFen: 600_000, quantity: 500, scope: '各县（市、区）扶贫办、办机关各科室', paper: '70g胶版纸', format: '16开', quotations: [{ supplier: '白城市印刷厂', amountFen: 600_000, ref: '报价单2026-01' }, { supplier: '洮北区彩印中心', amountFen: 650_000 }] });
  await signAll(ctx, pr.instanceId);
  await recordPrinted(hub, pr.id, { quantity: 500, printer: '白城市印刷厂', printedOn: today });
  await distribute(hub, pr.id, { handedOn: today, recipient: '督查科', quantity: 20, receiver: '许诺' });
}

import type { Module } from '../../kernel/module';
import { grantPermissions } from '../../kernel/access/grants';
import { rainRoutes } from './routes';
import { seedRainDemo } from './seed';
import { seedRainChartHistory } from './chart-seed';
import { remindDuties } from './reports';
import './rules';

export const RAIN_PERMISSIONS = [
  { code: 'rain.read', label: '雨露计划：查看学生名单、资格与原因、公示、发放批次（账号脱敏）、台账与统计' },
  { code: 'rain.manage', label: '雨露计划：学籍比对与户籍筛查、公示与举报登记、生成发放批次、发放确认、录入、总结与抽查' },
  { code: 'rain.confirm', label: '雨露计划：登记县级扶贫（开发）领导小组确认、审定与核准（取消资格、特殊情况、退学认定）' },
  { code: 'rain.accounts', label: '雨露计划：导出提交财政局的发放清单（含完整一卡通账号，留痕审计）' },
];

/**
 * 雨露计划 (“雨露计划”工作细则). The county poverty department's staff are not demo accounts, so,
 * as for the household register, 综合科 (hub) and the leaders do the work; recording the leading
 * group's decisions and exporting full account numbers are for leaders; 纪检监察 may read.
 */
export const rainModule: Module = {
  name: 'rain',
  permissions: RAIN_PERMISSIONS,
  routes: rainRoutes,
  // RAIN-19/22/23/24/26/27 reminders: each duty is notified once (named mutex + notifications check).
  jobs: [{ name: 'rain-duties', everyMs: 3_600_000, run: remindDuties }],
  async seedBase(ctx) {
    for (const role of ['hub', 'leader']) await grantPermissions(ctx.db, role, ['rain.read', 'rain.manage']);
    await grantPermissions(ctx.db, 'leader', ['rain.confirm', 'rain.accounts']);
    await grantPermissions(ctx.db, 'inspector', ['rain.read']);
  },
  seedDemo: async (ctx) => {
    await seedRainDemo(ctx);
    await seedRainChartHistory(ctx);
  },
};

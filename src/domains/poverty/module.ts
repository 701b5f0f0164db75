import { sql } from 'drizzle-orm';
import type { Module } from '../../kernel/module';
import { newId } from '../../kernel/ids';
import { grantPermissions } from '../../kernel/access/grants';
import { povertyRoutes } from './routes';
import { seedPovertyDemo } from './seed';
import './rules';
import './duty-rules';
import './measure-rules';
import { openSectorActionsJob } from './measures';
import { seedMeasuresDemo } from './measure-seed';
import { remindDuties } from './duties';
import { LOCAL_ROLE, seedDutiesDemo } from './duty-seed';

export const POVERTY_PERMISSIONS = [
  { code: 'poverty.read', label: '防返贫监测：查看农户台账（证件号码脱敏）、监测名单与统计' },
  { code: 'poverty.manage', label: '防返贫监测：导入台账、纳入与退出监测、调整预警等级、重新分级、导出' },
  { code: 'poverty.reveal', label: '防返贫监测：查看完整证件号码（须填写理由，留痕审计）' },
];

/**
 * Poverty-alleviation ledgers (防返贫监测). The county/township/village ledger staff the
 * regulations name are not accounts of the demo office, so for now 综合科 (hub) and the
 * leaders read and manage; only leaders may reveal full ID numbers; 纪检监察 may read.
 */
export const povertyModule: Module = {
  name: 'poverty',
  permissions: POVERTY_PERMISSIONS,
  routes: povertyRoutes,
  // MON-11/12/13 reminders: hourly; each reminder is keyed and sent once on any number of servers.
  jobs: [
    { name: 'poverty-duties', everyMs: 3_600_000, run: remindDuties },
    // MON-18: hazards recorded by imports or sector comparisons open their sector items.
    { name: 'poverty-sector-actions', everyMs: 3_600_000, run: openSectorActionsJob },
  ],
  async seedBase(ctx) {
    // County/township/village ledger staff: manage the ledgers of the regions linked to their account.
    await ctx.db.execute(sql`insert into roles (id, code, name, description, admin_kind, scope, builtin)
      values (${newId('role')}, ${LOCAL_ROLE}, '乡村监测员', '县、乡镇、村防返贫监测工作人员：只能查看和管理本人数据范围（区划）内的农户', 'none', 'self', true)
      on conflict (code) do nothing`);
    await grantPermissions(ctx.db, LOCAL_ROLE, ['poverty.read', 'poverty.manage']);
    for (const role of ['hub', 'leader']) await grantPermissions(ctx.db, role, ['poverty.read', 'poverty.manage']);
    await grantPermissions(ctx.db, 'leader', ['poverty.reveal']);
    await grantPermissions(ctx.db, 'inspector', ['poverty.read']);
  },
  seedDemo: async (ctx) => {
    await seedPovertyDemo(ctx);
    await seedDutiesDemo(ctx);
    await seedMeasuresDemo(ctx);
  },
};

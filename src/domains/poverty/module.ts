import type { Module } from '../../kernel/module';
import { grantPermissions } from '../../kernel/access/grants';
import { povertyRoutes } from './routes';
import { seedPovertyDemo } from './seed';
import './rules';

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
  async seedBase(ctx) {
    for (const role of ['hub', 'leader']) await grantPermissions(ctx.db, role, ['poverty.read', 'poverty.manage']);
    await grantPermissions(ctx.db, 'leader', ['poverty.reveal']);
    await grantPermissions(ctx.db, 'inspector', ['poverty.read']);
  },
  seedDemo: (ctx) => seedPovertyDemo(ctx),
};

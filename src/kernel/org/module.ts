import type { Module } from '../module';
import { grantPermissions } from '../access/grants';
import { orgRoutes } from './routes';
import { seedOrgBase, seedOrgDemo } from './seed';

const READERS = ['staff', 'leader', 'hub', 'inspector', 'section_chief', 'sysadmin'];
const MANAGERS = ['sysadmin', 'hub'];

export const orgModule: Module = {
  name: 'org',
  permissions: [
    { code: 'org.read', label: '查看组织机构、领导分工与代理安排' },
    { code: 'org.manage', label: '维护组织机构、任职、领导分工与代理安排' },
  ],
  routes: orgRoutes,
  async seedBase(ctx) {
    await seedOrgBase(ctx.db);
    for (const role of READERS) await grantPermissions(ctx.db, role, ['org.read']);
    for (const role of MANAGERS) await grantPermissions(ctx.db, role, ['org.manage']);
  },
  async seedDemo(ctx) {
    await seedOrgDemo(ctx.db);
  },
};

import type { Module } from '../module';
import { grantPermissions } from '../access/grants';
import { flowRoutes } from './routes';
import { fireDueTimers } from './timers';

export const flowModule: Module = {
  name: 'flow',
  routes: flowRoutes,
  jobs: [{ name: 'flow-timers', everyMs: 30_000, run: (database, clock) => fireDueTimers(database, clock) }],
  permissions: [{ code: 'flow.use', label: '发起和办理审批（待办、已办、催办、撤回）' }],
  async seedBase(ctx) {
    for (const role of ['staff', 'section_chief', 'leader', 'hub', 'inspector']) await grantPermissions(ctx.db, role, ['flow.use']);
  },
};

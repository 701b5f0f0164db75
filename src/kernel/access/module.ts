import type { Module } from '../module';
import { ensureBuiltinRoles, grantPermissions } from './grants';
import { accessRoutes } from './routes';

export const accessModule: Module = {
  name: 'access',
  permissions: [{ code: 'role.manage', label: '管理角色、权限与账号授权（安全管理员）' }],
  routes: accessRoutes,
  async seedBase(ctx) {
    await ensureBuiltinRoles(ctx.db);
    await grantPermissions(ctx.db, 'secadmin', ['role.manage']);
    // The audit routes belong to kernel/audit; their permissions go to the 审计管理员 here, so
    // that the three administrators' shares are decided in one place (security.md §3.2).
    await grantPermissions(ctx.db, 'auditadmin', ['audit.read', 'audit.verify']);
  },
};

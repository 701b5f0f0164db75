import type { PermissionDef } from '../module';

/** Chinese names of the modules, for grouping permissions on the role page. */
const MODULE_LABELS: Record<string, string> = {
  system: '系统',
  access: '角色与权限',
  identity: '账号与登录',
  audit: '安全审计',
  calendar: '工作日历',
  org: '组织机构',
  rules: '制度规则',
  flow: '审批流程',
};

export interface PermissionGroup {
  module: string;
  label: string;
  permissions: PermissionDef[];
}

/**
 * The permission catalogue: what every module declares in `Module.permissions`. Loaded
 * lazily because server/modules.ts imports this module's own routes.
 */
export async function permissionCatalogue(): Promise<PermissionGroup[]> {
  const { modules } = await import('../../server/modules');
  return modules
    .filter((m) => m.permissions && m.permissions.length > 0)
    .map((m) => ({ module: m.name, label: MODULE_LABELS[m.name] ?? m.name, permissions: m.permissions! }));
}

export async function knownPermissions(): Promise<Map<string, string>> {
  const map = new Map<string, string>();
  for (const g of await permissionCatalogue()) for (const p of g.permissions) map.set(p.code, p.label);
  return map;
}

/** Shapes of the access API, shared by the role administration tabs. */
export interface Role {
  id: string;
  code: string;
  name: string;
  description: string;
  adminKind: 'none' | 'system' | 'security' | 'audit';
  scope: 'all' | 'unit' | 'self';
  builtin: boolean;
  permissions: string[];
  holders: number;
}

export interface PermissionGroup {
  module: string;
  label: string;
  permissions: { code: string; label: string; adminOnly: boolean }[];
}

export const SCOPE_LABEL: Record<Role['scope'], string> = { all: '全办', unit: '本科室', self: '仅本人' };
export const ADMIN_LABEL: Record<Role['adminKind'], string> = { none: '业务角色', system: '系统管理员', security: '安全管理员', audit: '审计管理员' };

import { sql } from 'drizzle-orm';
import type { Db } from '../db';
import { newId } from '../ids';

/**
 * Built-in roles. The three administrator roles carry their admin_kind (三员分立);
 * the others are the office's business roles. Modules grant their permissions to these
 * roles in their `seedBase`, through `grantPermissions`.
 */
export const BUILTIN_ROLES = {
  staff: { name: '机关干部', scope: 'self', adminKind: 'none', description: '所有在编干部职工：本人事项的申请、查询' },
  section_chief: { name: '科室负责人', scope: 'unit', adminKind: 'none', description: '科长（主任）：本科室事项的审核' },
  leader: { name: '班子成员', scope: 'all', adminKind: 'none', description: '主任、副主任等领导班子成员：分管范围内的审批' },
  hub: { name: '综合科', scope: 'all', adminKind: 'none', description: '综合科：公文、会务、考勤、财务等枢纽工作' },
  inspector: { name: '纪检监察', scope: 'all', adminKind: 'none', description: '派驻纪检监察组：监督查阅' },
  sysadmin: { name: '系统管理员', scope: 'self', adminKind: 'system', description: '账号、组织机构与系统配置；不得兼任安全管理员、审计管理员' },
  secadmin: { name: '安全管理员', scope: 'self', adminKind: 'security', description: '角色、权限、密级标识与口令策略；不得兼任系统管理员、审计管理员' },
  auditadmin: { name: '审计管理员', scope: 'self', adminKind: 'audit', description: '只读审计日志并校验其完整性；不得兼任系统管理员、安全管理员' },
} as const;

export type BuiltinRole = keyof typeof BUILTIN_ROLES;

/** Create the built-in roles if missing (idempotent). */
export async function ensureBuiltinRoles(db: Db): Promise<void> {
  for (const [code, r] of Object.entries(BUILTIN_ROLES)) {
    await db.execute(sql`insert into roles (id, code, name, description, admin_kind, scope, builtin)
      values (${newId('role')}, ${code}, ${r.name}, ${r.description}, ${r.adminKind}, ${r.scope}, true)
      on conflict (code) do nothing`);
  }
}

/** Grant permissions to a role by code (idempotent). */
export async function grantPermissions(db: Db, roleCode: string, permissions: string[]): Promise<void> {
  for (const permission of permissions) {
    await db.execute(sql`insert into role_permissions (role_id, permission)
      select id, ${permission} from roles where code = ${roleCode}
      on conflict do nothing`);
  }
}

import { sql } from 'drizzle-orm';
import { boolean, check, foreignKey, pgTable, primaryKey, text, unique, uniqueIndex } from 'drizzle-orm/pg-core';
import { accounts } from '../identity/schema';

/**
 * Roles. `admin_kind` marks the three administrator roles of 三员分立
 * (system / security / audit); every other role has 'none'.
 */
export const roles = pgTable(
  'roles',
  {
    id: text('id').primaryKey(),
    code: text('code').notNull().unique(),
    name: text('name').notNull(),
    description: text('description').notNull().default(''),
    adminKind: text('admin_kind').notNull().default('none'),
    /** Data scope the role grants: all, unit (the holder's own units), self. */
    scope: text('scope').notNull().default('self'),
    builtin: boolean('builtin').notNull().default(false),
  },
  (t) => [
    unique('roles_id_admin_kind_uq').on(t.id, t.adminKind),
    check('roles_admin_kind_ck', sql`${t.adminKind} in ('none','system','security','audit')`),
    check('roles_scope_ck', sql`${t.scope} in ('all','unit','self')`),
  ],
);

export const rolePermissions = pgTable(
  'role_permissions',
  {
    roleId: text('role_id')
      .notNull()
      .references(() => roles.id, { onDelete: 'cascade' }),
    permission: text('permission').notNull(),
  },
  (t) => [primaryKey({ columns: [t.roleId, t.permission] })],
);

/**
 * Role grants. `admin_kind` is copied from the role and held to it by a composite foreign
 * key, so the partial unique index below lets no account hold two of the three
 * administrator roles: 三员分立 is enforced by the database itself, not only by the code.
 */
export const accountRoles = pgTable(
  'account_roles',
  {
    accountId: text('account_id')
      .notNull()
      .references(() => accounts.id, { onDelete: 'cascade' }),
    roleId: text('role_id').notNull(),
    adminKind: text('admin_kind').notNull().default('none'),
  },
  (t) => [
    primaryKey({ columns: [t.accountId, t.roleId] }),
    foreignKey({ columns: [t.roleId, t.adminKind], foreignColumns: [roles.id, roles.adminKind], name: 'account_roles_role_fk' })
      .onDelete('cascade')
      .onUpdate('restrict'),
    uniqueIndex('account_roles_one_admin_uq').on(t.accountId).where(sql`admin_kind <> 'none'`),
  ],
);

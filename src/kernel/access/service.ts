import { sql } from 'drizzle-orm';
import { rows } from '../db';
import { sqlState } from '../db/transaction';
import { requireActor, withTx, type Ctx } from '../context';
import { AppError, errors } from '../errors';
import { audit } from '../audit/write';
import { newId } from '../ids';
import { knownPermissions } from './catalogue';

export type Scope = 'all' | 'unit' | 'self';
export type AdminKind = 'none' | 'system' | 'security' | 'audit';

export interface RoleView {
  id: string;
  code: string;
  name: string;
  description: string;
  adminKind: AdminKind;
  scope: Scope;
  builtin: boolean;
  permissions: string[];
  holders: number;
}

const SEPARATION = '三员分立：一个账号不得同时担任系统管理员、安全管理员、审计管理员中的两个角色';
const ADMIN_NO_BUSINESS = '三员分立：管理员账号不得兼任业务角色';

/** Database refusals of 三员分立 (unique index, trigger) become the same Chinese 409 as the service check. */
export function separationError(err: unknown): AppError | null {
  const code = sqlState(err);
  const text = String((err as { constraint?: string; message?: string })?.constraint ?? '') + String((err as Error)?.message ?? '');
  if (code === '23505' && text.includes('account_roles_one_admin_uq')) return errors.conflict(SEPARATION);
  if (code === '23514' && text.includes('account_roles_admin_exclusive')) return errors.conflict(ADMIN_NO_BUSINESS);
  return null;
}

/** Permissions held by an administrator role: never granted to a business role (三员分立). */
export async function adminPermissions(ctx: Ctx): Promise<Set<string>> {
  const list = await rows<{ permission: string }>(
    ctx.db,
    sql`select distinct rp.permission from role_permissions rp join roles r on r.id = rp.role_id where r.admin_kind <> 'none'`,
  );
  return new Set(list.map((r) => r.permission));
}

export async function listRoles(ctx: Ctx): Promise<RoleView[]> {
  const list = await rows<{
    id: string; code: string; name: string; description: string; admin_kind: AdminKind; scope: Scope; builtin: boolean;
    permissions: string[] | null; holders: number;
  }>(
    ctx.db,
    sql`select r.id, r.code, r.name, r.description, r.admin_kind, r.scope, r.builtin,
          array(select permission from role_permissions rp where rp.role_id = r.id order by permission) as permissions,
          (select count(*)::int from account_roles ar where ar.role_id = r.id) as holders
        from roles r order by r.admin_kind <> 'none', r.builtin desc, r.code`,
  );
  return list.map((r) => ({
    id: r.id, code: r.code, name: r.name, description: r.description, adminKind: r.admin_kind, scope: r.scope,
    builtin: r.builtin, permissions: r.permissions ?? [], holders: r.holders,
  }));
}

interface RoleRow { id: string; code: string; name: string; admin_kind: AdminKind; builtin: boolean }

async function roleById(ctx: Ctx, id: string): Promise<RoleRow> {
  const [role] = await rows<RoleRow>(ctx.db, sql`select id, code, name, admin_kind, builtin from roles where id = ${id} for update`);
  if (!role) throw errors.notFound('角色');
  return role;
}

function assertBusinessRole(role: RoleRow): void {
  // 等保 8.1.4.2 d: the three administrators' permissions are fixed and disjoint; no one edits them at run time.
  if (role.admin_kind !== 'none') throw errors.forbidden('三员管理员角色的权限由系统固定，不能修改');
}

export async function createRole(ctx: Ctx, input: { code: string; name: string; description: string; scope: Scope }): Promise<RoleView> {
  requireActor(ctx);
  return withTx(ctx, async (tx) => {
    const [dup] = await rows(tx.db, sql`select 1 from roles where code = ${input.code} or name = ${input.name}`);
    if (dup) throw errors.conflict('角色代码或名称已存在');
    const id = newId('role');
    await tx.db.execute(sql`insert into roles (id, code, name, description, admin_kind, scope, builtin)
      values (${id}, ${input.code}, ${input.name}, ${input.description}, 'none', ${input.scope}, false)`);
    await audit(tx, { event: 'role.create', objectType: 'role', objectId: input.code, detail: { ...input } });
    return { id, ...input, adminKind: 'none', builtin: false, permissions: [], holders: 0 };
  });
}

export async function updateRole(ctx: Ctx, id: string, input: { name: string; description: string; scope: Scope }): Promise<void> {
  requireActor(ctx);
  await withTx(ctx, async (tx) => {
    const role = await roleById(tx, id);
    assertBusinessRole(role);
    const [dup] = await rows(tx.db, sql`select 1 from roles where name = ${input.name} and id <> ${id}`);
    if (dup) throw errors.conflict('角色名称已存在');
    await tx.db.execute(sql`update roles set name = ${input.name}, description = ${input.description}, scope = ${input.scope} where id = ${id}`);
    await audit(tx, { event: 'role.update', objectType: 'role', objectId: role.code, detail: { ...input } });
  });
}

export async function deleteRole(ctx: Ctx, id: string): Promise<void> {
  requireActor(ctx);
  await withTx(ctx, async (tx) => {
    const role = await roleById(tx, id);
    if (role.builtin) throw errors.conflict('内置角色不能删除');
    const [held] = await rows(tx.db, sql`select 1 from account_roles where role_id = ${id} limit 1`);
    if (held) throw errors.conflict('仍有账号持有该角色，请先撤销后再删除');
    await tx.db.execute(sql`delete from roles where id = ${id}`);
    await audit(tx, { event: 'role.delete', objectType: 'role', objectId: role.code });
  });
}

/** Replace a business role's permissions (SECREQ-14: only the security admin, each change audited). */
export async function setRolePermissions(ctx: Ctx, id: string, permissions: string[]): Promise<{ added: string[]; removed: string[] }> {
  requireActor(ctx);
  const known = await knownPermissions();
  return withTx(ctx, async (tx) => {
    const role = await roleById(tx, id);
    assertBusinessRole(role);
    const current = new Set(
      (await rows<{ permission: string }>(tx.db, sql`select permission from role_permissions where role_id = ${id}`)).map((r) => r.permission),
    );
    const wanted = new Set(permissions);
    const added = [...wanted].filter((p) => !current.has(p)).sort();
    const removed = [...current].filter((p) => !wanted.has(p)).sort();
    const unknown = added.filter((p) => !known.has(p));
    if (unknown.length) throw errors.badRequest(`未登记的权限：${unknown.join('、')}`);
    const adminOnly = await adminPermissions(tx);
    const forbidden = added.filter((p) => adminOnly.has(p));
    if (forbidden.length) {
      throw errors.conflict(`三员分立：「${forbidden.map((p) => known.get(p) ?? p).join('、')}」属于管理员专有权限，不能授予业务角色`);
    }
    for (const p of removed) await tx.db.execute(sql`delete from role_permissions where role_id = ${id} and permission = ${p}`);
    for (const p of added) await tx.db.execute(sql`insert into role_permissions (role_id, permission) values (${id}, ${p})`);
    if (added.length || removed.length) {
      await audit(tx, { event: 'role.permissions.set', objectType: 'role', objectId: role.code, detail: { added, removed } });
    }
    return { added, removed };
  });
}

export interface AccountRolesView {
  id: string;
  username: string;
  displayName: string;
  unitName: string | null;
  status: string;
  lockedUntil: string | null;
  roles: string[];
}

export async function listAccountRoles(ctx: Ctx, q?: string): Promise<AccountRolesView[]> {
  const like = `%${(q ?? '').trim().toLowerCase()}%`;
  const list = await rows<{ id: string; username: string; display_name: string; unit_name: string | null; status: string; locked_until: string | Date | null; roles: string[] | null }>(
    ctx.db,
    sql`select a.id, a.username, a.display_name, u.name as unit_name, a.status, a.locked_until,
          array(select r.code from account_roles ar join roles r on r.id = ar.role_id where ar.account_id = a.id order by r.code) as roles
        from accounts a left join people p on p.id = a.person_id left join org_units u on u.id = p.unit_id
        where lower(a.username) like ${like} or lower(a.display_name) like ${like}
        order by a.username limit 500`,
  );
  const now = ctx.clock.now().getTime();
  return list.map((a) => ({
    id: a.id,
    username: a.username,
    displayName: a.display_name,
    unitName: a.unit_name,
    status: a.status,
    lockedUntil: a.locked_until && new Date(a.locked_until).getTime() > now ? new Date(a.locked_until).toISOString() : null,
    roles: a.roles ?? [],
  }));
}

/**
 * Assign roles to an account (security.md §3.2: the 安全管理员 manages roles and permissions,
 * the 系统管理员 may not assign them). Refuses: changing one's own roles (no self-granting),
 * two administrator roles, an administrator role with business roles, and removing the last
 * active holder of an administrator role. The database enforces the first two as well.
 */
export async function setAccountRoles(ctx: Ctx, accountId: string, roleCodes: string[]): Promise<{ added: string[]; removed: string[] }> {
  const actor = requireActor(ctx);
  if (accountId === actor.accountId) throw errors.forbidden('不能修改本人账号的角色：授权须由另一位安全管理员办理');
  try {
    return await withTx(ctx, async (tx) => {
      const [account] = await rows<{ username: string }>(tx.db, sql`select username from accounts where id = ${accountId} for update`);
      if (!account) throw errors.notFound('账号');
      const codes = [...new Set(roleCodes)];
      const wanted = await rows<{ id: string; code: string; name: string; admin_kind: AdminKind }>(
        tx.db,
        sql`select id, code, name, admin_kind from roles where code in ${codes.length ? sql`(${sql.join(codes.map((c) => sql`${c}`), sql`, `)})` : sql`(null)`}`,
      );
      const missing = codes.filter((c) => !wanted.some((r) => r.code === c));
      if (missing.length) throw errors.badRequest(`角色不存在：${missing.join('、')}`);
      const admins = wanted.filter((r) => r.admin_kind !== 'none');
      if (admins.length > 1) throw errors.conflict(SEPARATION);
      if (admins.length === 1 && wanted.length > 1) throw errors.conflict(ADMIN_NO_BUSINESS);

      const current = await rows<{ id: string; code: string; name: string; admin_kind: AdminKind }>(
        tx.db,
        sql`select r.id, r.code, r.name, r.admin_kind from account_roles ar join roles r on r.id = ar.role_id where ar.account_id = ${accountId}`,
      );
      const added = wanted.filter((r) => !current.some((c) => c.id === r.id));
      const removed = current.filter((c) => !wanted.some((r) => r.id === c.id));
      for (const r of removed.filter((x) => x.admin_kind !== 'none')) {
        const [other] = await rows(
          tx.db,
          sql`select 1 from account_roles ar join accounts a on a.id = ar.account_id
              where ar.role_id = ${r.id} and ar.account_id <> ${accountId} and a.status = 'active' limit 1`,
        );
        if (!other) throw errors.conflict(`不能撤销最后一位在用的${r.name}`);
      }
      for (const r of removed) await tx.db.execute(sql`delete from account_roles where account_id = ${accountId} and role_id = ${r.id}`);
      for (const r of added) {
        await tx.db.execute(sql`insert into account_roles (account_id, role_id, admin_kind) values (${accountId}, ${r.id}, ${r.admin_kind})`);
      }
      const result = { added: added.map((r) => r.code).sort(), removed: removed.map((r) => r.code).sort() };
      if (result.added.length || result.removed.length) {
        await audit(tx, { event: 'account.roles.set', objectType: 'account', objectId: accountId, detail: { username: account.username, ...result } });
      }
      return result;
    });
  } catch (err) {
    throw separationError(err) ?? err;
  }
}

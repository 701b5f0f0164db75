import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { permissionCatalogue } from './catalogue';
import { adminPermissions, createRole, deleteRole, listAccountRoles, listRoles, setAccountRoles, setRolePermissions, updateRole } from './service';

const MANAGE = { permission: 'role.manage' };
const Scope = z.enum(['all', 'unit', 'self']);
const IdParams = z.object({ id: z.string().min(1).max(80) });
const RoleFields = z.object({
  name: z.string().trim().min(1, '请填写角色名称').max(40),
  description: z.string().trim().max(200).default(''),
  scope: Scope,
});
const Changes = z.object({ added: z.array(z.string()), removed: z.array(z.string()) });

/** Roles, permissions and role assignment: the 安全管理员's work (security.md §3.2, SECREQ-13/14). */
export const accessRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/access/permissions',
    { config: MANAGE, schema: { summary: '权限目录（按模块分组）' } },
    async (req) => {
      const adminOnly = await adminPermissions(req.ctx);
      const groups = await permissionCatalogue();
      return { groups: groups.map((g) => ({ ...g, permissions: g.permissions.map((p) => ({ ...p, adminOnly: adminOnly.has(p.code) })) })) };
    },
  );

  app.get('/access/roles', { config: MANAGE, schema: { summary: '角色列表' } }, async (req) => ({ roles: await listRoles(req.ctx) }));

  app.post(
    '/access/roles',
    {
      config: MANAGE,
      schema: {
        summary: '新建角色',
        body: RoleFields.extend({ code: z.string().trim().regex(/^[a-z][a-z0-9_]{1,39}$/, '角色代码须为小写字母开头的字母、数字或下划线') }),
      },
    },
    async (req) => ({ role: await createRole(req.ctx, req.body) }),
  );

  app.put(
    '/access/roles/:id',
    { config: MANAGE, schema: { summary: '修改角色', params: IdParams, body: RoleFields } },
    async (req) => {
      await updateRole(req.ctx, req.params.id, req.body);
      return { ok: true };
    },
  );

  app.delete(
    '/access/roles/:id',
    { config: MANAGE, schema: { summary: '删除角色', params: IdParams } },
    async (req) => {
      await deleteRole(req.ctx, req.params.id);
      return { ok: true };
    },
  );

  app.put(
    '/access/roles/:id/permissions',
    {
      config: MANAGE,
      schema: {
        summary: '设置角色权限',
        params: IdParams,
        body: z.object({ permissions: z.array(z.string().min(1).max(80)).max(500) }),
        response: { 200: Changes },
      },
    },
    async (req) => setRolePermissions(req.ctx, req.params.id, req.body.permissions),
  );

  app.get(
    '/access/accounts',
    { config: MANAGE, schema: { summary: '账号及其角色', querystring: z.object({ q: z.string().max(50).optional() }) } },
    async (req) => ({ accounts: await listAccountRoles(req.ctx, req.query.q) }),
  );

  app.put(
    '/access/accounts/:id/roles',
    {
      config: MANAGE,
      schema: {
        summary: '为账号分配角色',
        params: IdParams,
        body: z.object({ roles: z.array(z.string().min(1).max(40)).max(50) }),
        response: { 200: Changes },
      },
    },
    async (req) => setAccountRoles(req.ctx, req.params.id, req.body.roles),
  );
};

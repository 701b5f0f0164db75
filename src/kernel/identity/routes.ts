import { z } from 'zod';
import { sql } from 'drizzle-orm';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { FastifyInstance } from 'fastify';
import { rows } from '../db';
import { errors } from '../errors';
import { changePassword, login, logout } from './auth';
import { describePolicy, MAX_PASSWORD_LENGTH } from './policy';
import { getSecurityPolicy } from './store';
import { SESSION_COOKIE, type SessionActor } from './sessions';
import './gate';

export const MeOut = z.object({
  accountId: z.string(),
  username: z.string(),
  displayName: z.string(),
  personId: z.string().nullable(),
  unitName: z.string().nullable(),
  roles: z.array(z.string()),
  permissions: z.array(z.string()),
  adminKind: z.enum(['system', 'security', 'audit']).nullable(),
  mustChangePassword: z.boolean(),
  demo: z.boolean(),
});

async function meOf(app: FastifyInstance, actor: SessionActor) {
  const [unit] = await rows<{ name: string }>(
    app.database.db,
    sql`select u.name from people p join org_units u on u.id = p.unit_id where p.id = ${actor.personId ?? ''}`,
  );
  return {
    accountId: actor.accountId,
    username: actor.username,
    displayName: actor.displayName,
    personId: actor.personId,
    unitName: unit?.name ?? null,
    roles: actor.roles,
    permissions: [...actor.permissions].sort(),
    adminKind: actor.adminKind,
    mustChangePassword: actor.mustChangePassword,
    demo: app.appConfig.demo,
  };
}

const OPEN_WHILE_CHANGE_REQUIRED = { permission: 'authenticated', allowWhilePasswordChangeRequired: true };

/** Login, logout, who am I, change password (security.md 8.1.4.1; SECREQ-04, -06, -07, -08). */
export const authRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post(
    '/auth/login',
    {
      config: { permission: 'public' },
      schema: {
        summary: '登录',
        body: z.object({
          username: z.string().trim().min(1, '请输入用户名').max(64),
          password: z.string().min(1, '请输入密码').max(MAX_PASSWORD_LENGTH * 4),
        }),
        response: { 200: MeOut },
      },
    },
    async (req, reply) => {
      const previous = req.cookies[SESSION_COOKIE];
      const { token, actor } = await login(req.ctx, { ...req.body, userAgent: req.headers['user-agent'] });
      // ASVS 7.2.4: a login always starts a new session; the one the browser had ends.
      if (previous) await logout({ ...req.ctx, actor: null }, previous);
      reply.setCookie(SESSION_COOKIE, token, { path: '/', httpOnly: true, sameSite: 'lax', secure: app.appConfig.secureCookies });
      return meOf(app, actor);
    },
  );

  app.post(
    '/auth/logout',
    { config: { permission: 'public' }, schema: { summary: '退出登录' } },
    async (req, reply) => {
      await logout(req.ctx, req.cookies[SESSION_COOKIE]);
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return { ok: true };
    },
  );

  app.get(
    '/auth/me',
    { config: OPEN_WHILE_CHANGE_REQUIRED, schema: { summary: '当前登录账号', response: { 200: MeOut } } },
    async (req) => meOf(app, req.ctx.actor as SessionActor),
  );

  app.get(
    '/auth/password-policy',
    {
      config: OPEN_WHILE_CHANGE_REQUIRED,
      schema: { summary: '口令策略说明', response: { 200: z.object({ mode: z.enum(['dengbao', 'asvs']), minLength: z.number(), rules: z.array(z.string()) }) } },
    },
    async (req) => {
      const policy = await getSecurityPolicy(req.ctx.db);
      return { mode: policy.mode, minLength: policy.minLength, rules: describePolicy(policy) };
    },
  );

  app.post(
    '/auth/password',
    {
      config: OPEN_WHILE_CHANGE_REQUIRED,
      schema: {
        summary: '修改本人密码',
        body: z.object({
          oldPassword: z.string().min(1, '请输入原密码').max(MAX_PASSWORD_LENGTH * 4),
          newPassword: z.string().min(1, '请输入新密码').max(MAX_PASSWORD_LENGTH * 4),
        }),
      },
    },
    async (req) => {
      if (!req.ctx.actor) throw errors.unauthenticated();
      await changePassword(req.ctx, { ...req.body, currentToken: req.cookies[SESSION_COOKIE] });
      return { ok: true };
    },
  );
};

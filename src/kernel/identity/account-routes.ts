import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { createAccount, getPolicies, linkPerson, listAccounts, listPeopleOptions, resetPassword, setAccountStatus, unlockAccount, updatePolicies } from './accounts';

const MANAGE = { permission: 'account.manage' };
const IdParams = z.object({ id: z.string().min(1).max(80) });
const Ok = z.object({ ok: z.literal(true) });

const PasswordPolicy = z.object({
  mode: z.enum(['dengbao', 'asvs']),
  // ASVS 6.2.1: never below 8.
  minLength: z.number().int().min(8, '最小长度不得少于 8 位').max(64),
  minClasses: z.number().int().min(1).max(4),
  maxAgeDays: z.number().int().min(0).max(365),
  historyCount: z.number().int().min(0).max(24),
  lockoutThreshold: z.number().int().min(3).max(20),
  lockoutMinutes: z.number().int().min(1).max(1440),
});
const SessionPolicy = z.object({
  idleMinutes: z.number().int().min(5).max(240),
  absoluteHours: z.number().int().min(1).max(24),
});

/** Accounts (系统管理员), unlock and policy (安全管理员). */
export const accountRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/accounts',
    { config: MANAGE, schema: { summary: '账号列表', querystring: z.object({ q: z.string().max(50).optional() }) } },
    async (req) => ({ accounts: await listAccounts(req.ctx, req.query.q) }),
  );

  app.get('/accounts/people', { config: MANAGE, schema: { summary: '可关联的人员' } }, async (req) => ({ people: await listPeopleOptions(req.ctx) }));

  app.post(
    '/accounts',
    {
      config: MANAGE,
      schema: {
        summary: '新建账号（生成一次性密码）',
        body: z.object({
          username: z
            .string()
            .trim()
            .toLowerCase()
            .regex(/^[a-z][a-z0-9._-]{2,31}$/, '用户名须为 3–32 位字母、数字、点、下划线或连字符，以字母开头'),
          displayName: z.string().trim().min(1, '请填写姓名').max(40),
          personId: z.string().min(1).max(80).nullable().optional(),
        }),
      },
    },
    async (req) => createAccount(req.ctx, req.body),
  );

  app.post('/accounts/:id/disable', { config: MANAGE, schema: { summary: '停用账号', params: IdParams, response: { 200: Ok } } }, async (req) => {
    await setAccountStatus(req.ctx, req.params.id, 'disabled');
    return { ok: true as const };
  });

  app.post('/accounts/:id/enable', { config: MANAGE, schema: { summary: '启用账号', params: IdParams, response: { 200: Ok } } }, async (req) => {
    await setAccountStatus(req.ctx, req.params.id, 'active');
    return { ok: true as const };
  });

  app.post(
    '/accounts/:id/reset-password',
    { config: MANAGE, schema: { summary: '重置密码（一次性密码）', params: IdParams, response: { 200: z.object({ oneTimePassword: z.string() }) } } },
    async (req) => resetPassword(req.ctx, req.params.id),
  );

  app.put(
    '/accounts/:id/person',
    { config: MANAGE, schema: { summary: '关联人员', params: IdParams, body: z.object({ personId: z.string().min(1).max(80).nullable() }), response: { 200: Ok } } },
    async (req) => {
      await linkPerson(req.ctx, req.params.id, req.body.personId);
      return { ok: true as const };
    },
  );

  app.post(
    '/accounts/:id/unlock',
    { config: { permission: 'account.unlock' }, schema: { summary: '解除登录锁定', params: IdParams, response: { 200: Ok } } },
    async (req) => {
      await unlockAccount(req.ctx, req.params.id);
      return { ok: true as const };
    },
  );

  app.get('/security/policy', { config: { permission: 'security.policy' }, schema: { summary: '口令、锁定与会话策略' } }, async (req) => getPolicies(req.ctx));

  app.put(
    '/security/policy',
    {
      config: { permission: 'security.policy' },
      schema: { summary: '修改口令、锁定与会话策略', body: z.object({ password: PasswordPolicy, session: SessionPolicy }), response: { 200: Ok } },
    },
    async (req) => {
      await updatePolicies(req.ctx, req.body);
      return { ok: true as const };
    },
  );
};

import fs from 'node:fs';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import Fastify, { type FastifyInstance, type FastifyRequest } from 'fastify';
import cookie from '@fastify/cookie';
import swagger from '@fastify/swagger';
import fastifyStatic from '@fastify/static';
import { z } from 'zod';
import {
  hasZodFastifySchemaValidationErrors,
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import type { Database } from '../kernel/db';
import type { Clock } from '../kernel/time';
import { systemClock } from '../kernel/time';
import { AppError, errors } from '../kernel/errors';
import type { Ctx } from '../kernel/context';
import { SESSION_COOKIE, resolveSessionActor } from '../kernel/identity/sessions';
import { assertPasswordCurrent } from '../kernel/identity/gate';
import { audit } from '../kernel/audit/write';
import { installRouteGuard, type RouteRecord } from './route-guard';
import { modules } from './modules';
import type { AppConfig } from './types';
import './types';

z.config(z.locales.zhCN());

export interface BuildOptions {
  database: Database;
  clock?: Clock;
  config?: Partial<AppConfig>;
  logger?: boolean;
}

export async function buildApp(opts: BuildOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: opts.logger ? { level: 'info' } : false,
    genReqId: () => randomUUID(),
    trustProxy: true,
    bodyLimit: 20 * 1024 * 1024,
  }).withTypeProvider<ZodTypeProvider>();

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  const config: AppConfig = { version: '0.1.0', demo: false, secureCookies: false, ...opts.config };
  app.decorate('database', opts.database);
  app.decorate('clock', opts.clock ?? systemClock);
  app.decorate('appConfig', config);
  app.decorateRequest('ctx', null as unknown as Ctx);

  const routeTable: RouteRecord[] = [];
  installRouteGuard(app, routeTable);
  app.decorate('routeTable', routeTable);

  await app.register(cookie);
  await app.register(swagger, {
    openapi: {
      info: { title: '规程 Guicheng API', version: config.version, description: '按制度运行的机关办公平台' },
      components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: SESSION_COOKIE } } },
    },
    transform: jsonSchemaTransform,
  });

  app.addHook('onRequest', async (request, reply) => {
    if (!request.url.startsWith('/api/')) return;
    request.ctx = {
      db: opts.database.db,
      actor: null,
      ip: request.ip,
      requestId: request.id,
      clock: app.clock,
    };
    const permission = request.routeOptions.config?.permission;
    const token = request.cookies[SESSION_COOKIE];
    if (token) {
      request.ctx.actor = await resolveSessionActor(opts.database.db, token, app.clock.now(), { ip: request.ip, requestId: request.id });
      if (!request.ctx.actor && permission !== 'public') reply.clearCookie(SESSION_COOKIE, { path: '/' });
    }
    if (!permission || permission === 'public') return;
    if (!request.ctx.actor) throw errors.unauthenticated('登录已失效或尚未登录，请重新登录');
    assertPasswordCurrent(request.ctx.actor, request.routeOptions.config);
    if (permission === 'authenticated') return;
    if (!request.ctx.actor.permissions.has(permission)) {
      await audit(request.ctx, {
        event: 'access.denied',
        objectType: 'route',
        objectId: `${request.method} ${request.routeOptions.url}`,
        outcome: 'denied',
        detail: { permission },
      });
      throw errors.forbidden();
    }
  });

  app.setErrorHandler(async (err, request, reply) => {
    if (err instanceof AppError) return reply.status(err.status).send(err.toBody());
    if (hasZodFastifySchemaValidationErrors(err)) {
      const details = err.validation.map((v) => ({ path: v.instancePath || '', message: v.message }));
      const first = details[0];
      const where = first?.path ? `字段 ${first.path.replace(/^\//, '').replace(/\//g, '.')}：` : '';
      return reply.status(400).send({
        error: { code: 'VALIDATION_FAILED', message: `提交的内容有误。${where}${first?.message ?? ''}`, details },
      });
    }
    // A service that checks its own input with zod (a body passed on as `unknown`) fails the same way as a route schema.
    if (err instanceof z.ZodError) {
      const details = err.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
      const first = details[0];
      return reply.status(400).send({
        error: { code: 'VALIDATION_FAILED', message: `提交的内容有误。${first?.path ? `字段 ${first.path}：` : ''}${first?.message ?? ''}`, details },
      });
    }
    const status = (err as { statusCode?: number }).statusCode;
    if (status && status >= 400 && status < 500) {
      const message = status === 413 ? '提交的内容过大' : status === 415 ? '不支持的内容类型' : '请求格式不正确';
      return reply.status(status).send({ error: { code: 'BAD_REQUEST', message } });
    }
    request.log.error({ err }, 'unhandled error');
    return reply.status(500).send({ error: { code: 'INTERNAL', message: `服务器内部错误，请联系系统管理员（请求编号 ${request.id}）` } });
  });

  app.get('/api/v1/openapi.json', { config: { permission: 'public' }, schema: { hide: true } }, async () => app.swagger());

  for (const mod of modules) {
    if (mod.routes) await app.register(mod.routes, { prefix: '/api/v1' });
  }

  app.setNotFoundHandler(async (request, reply) => {
    if (request.url.startsWith('/api/')) {
      return reply.status(404).send({ error: { code: 'NOT_FOUND', message: '接口不存在' } });
    }
    const index = config.webRoot && path.join(config.webRoot, 'index.html');
    if (request.method === 'GET' && index && fs.existsSync(index)) {
      return reply.type('text/html; charset=utf-8').send(fs.createReadStream(index));
    }
    return reply.status(404).type('text/plain; charset=utf-8').send('页面不存在');
  });

  if (config.webRoot && fs.existsSync(config.webRoot)) {
    await app.register(fastifyStatic, { root: config.webRoot, prefix: '/', wildcard: false, index: 'index.html' });
  }

  return app;
}

export function actorOf(request: FastifyRequest) {
  return request.ctx.actor;
}

declare module 'fastify' {
  interface FastifyInstance {
    routeTable: RouteRecord[];
  }
}

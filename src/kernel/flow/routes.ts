import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { sql } from 'drizzle-orm';
import { requireActor } from '../context';
import { getSetting } from '../settings';
import { rows } from '../db';
import { actOnTask, commentOn, remind, resubmit, withdraw } from './actions';
import { counts, inbox, instanceDetail } from './queries';
import { printInstance } from './print';
import { contentDisposition } from '../render/download';
import type { ActionKind } from './types';

const Id = z.object({ id: z.string().min(1).max(100) });
const Comment = z.string().trim().max(2000).optional();
const Ack = z.array(z.string()).max(50).optional();

const TaskBody = z.object({
  comment: Comment,
  acknowledged: Ack,
  toStep: z.union([z.number().int().min(0), z.literal('applicant')]).optional(),
  personId: z.string().optional(),
  external: z
    .object({
      approver: z.string().trim().min(1).max(100),
      decision: z.enum(['approve', 'reject']),
      documentRef: z.string().trim().min(1).max(200),
      decidedOn: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD'),
    })
    .optional(),
});

const TASK_ACTIONS: Record<string, ActionKind> = {
  approve: 'approve',
  reject: 'reject',
  return: 'return',
  delegate: 'delegate',
  'add-signer': 'add_signer',
  read: 'read',
  'record-external': 'record_external',
};

const InstanceState = z.object({ id: z.string(), status: z.string(), currentStep: z.number().nullable(), revision: z.number() });
const toState = (i: { id: string; status: string; current_step: number | null; revision: number }) => ({ id: i.id, status: i.status, currentStep: i.current_step, revision: i.revision });

export const flowRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/flow/inbox',
    {
      config: { permission: 'flow.use' },
      schema: {
        summary: '工作台：待办、已办、我发起的、待阅',
        querystring: z.object({
          box: z.enum(['todo', 'done', 'mine', 'toread']).default('todo'),
          key: z.string().max(60).optional(),
          q: z.string().max(100).optional(),
          page: z.coerce.number().int().min(1).default(1),
          pageSize: z.coerce.number().int().min(1).max(200).default(20),
        }),
      },
    },
    async (req) => {
      const { box, key, q, page, pageSize } = req.query;
      return inbox(req.ctx, { box, key, q, limit: pageSize, offset: (page - 1) * pageSize });
    },
  );

  app.get('/flow/counts', { config: { permission: 'flow.use' }, schema: { summary: '待办、待阅数量' } }, async (req) => counts(req.ctx));

  app.get('/workbench/counts', { config: { permission: 'authenticated' }, schema: { summary: '菜单角标' } }, async (req) => {
    if (!req.ctx.actor?.permissions.has('flow.use') || !req.ctx.actor.personId) return {};
    const c = await counts(req.ctx);
    return { '/': c.todo + c.toread + c.notifications };
  });

  app.get('/flow/instances/:id', { config: { permission: 'flow.use' }, schema: { summary: '审批事项详情与全程记录', params: Id } }, async (req) =>
    instanceDetail(req.ctx, req.params.id),
  );

  app.get(
    '/flow/instances/:id/form.pdf',
    { config: { permission: 'flow.use' }, schema: { summary: '打印审批表（PDF）', params: Id } },
    async (req, reply) => {
      const { pdf, fileName } = await printInstance(req.ctx, req.params.id);
      return reply
        .header('content-type', 'application/pdf')
        .header('content-disposition', contentDisposition(fileName, 'inline'))
        .header('cache-control', 'no-store')
        .send(pdf);
    },
  );

  for (const [path, action] of Object.entries(TASK_ACTIONS)) {
    app.post(
      `/flow/tasks/:id/${path}`,
      { config: { permission: 'flow.use' }, schema: { summary: `办理待办：${path}`, params: Id, body: TaskBody, response: { 200: InstanceState } } },
      async (req) => toState(await actOnTask(req.ctx, req.params.id, action, req.body)),
    );
  }

  app.post(
    '/flow/instances/:id/withdraw',
    { config: { permission: 'flow.use' }, schema: { summary: '撤回', params: Id, body: z.object({ comment: Comment }), response: { 200: InstanceState } } },
    async (req) => toState(await withdraw(req.ctx, req.params.id, req.body.comment)),
  );

  app.post(
    '/flow/instances/:id/comment',
    { config: { permission: 'flow.use' }, schema: { summary: '发表意见', params: Id, body: z.object({ comment: z.string().trim().min(1, '请填写意见内容').max(2000) }) } },
    async (req, reply) => {
      await commentOn(req.ctx, req.params.id, req.body.comment);
      return reply.status(204).send();
    },
  );

  app.post(
    '/flow/instances/:id/remind',
    { config: { permission: 'flow.use' }, schema: { summary: '催办', params: Id, body: z.object({ comment: Comment }) } },
    async (req) => {
      const { hours } = await getSetting(req.ctx.db, 'flow.remind', { hours: 4 });
      return { notified: await remind(req.ctx, req.params.id, req.body.comment, hours) };
    },
  );

  app.post(
    '/flow/instances/:id/resubmit',
    { config: { permission: 'flow.use' }, schema: { summary: '修改后重新提交', params: Id, body: z.object({ form: z.record(z.string(), z.unknown()), acknowledged: Ack }), response: { 200: InstanceState } } },
    async (req) => toState(await resubmit(req.ctx, req.params.id, req.body.form, req.body.acknowledged)),
  );

  app.get(
    '/notifications',
    { config: { permission: 'authenticated' }, schema: { summary: '我的消息（提醒、催办）', querystring: z.object({ unread: z.coerce.boolean().optional() }) } },
    async (req) => {
      const me = requireActor(req.ctx).personId ?? '';
      const unread = req.query.unread ? sql` and read_at is null` : sql``;
      return {
        items: await rows(req.ctx.db, sql`select id, kind, title, body, link, created_at as "createdAt", read_at as "readAt" from notifications where recipient_person_id = ${me}${unread} order by created_at desc limit 100`),
      };
    },
  );

  app.post('/notifications/:id/read', { config: { permission: 'authenticated' }, schema: { summary: '标记消息已读', params: Id } }, async (req, reply) => {
    const me = requireActor(req.ctx).personId ?? '';
    await req.ctx.db.execute(sql`update notifications set read_at = ${req.ctx.clock.now().toISOString()} where id = ${req.params.id} and recipient_person_id = ${me} and read_at is null`);
    return reply.status(204).send();
  });

};

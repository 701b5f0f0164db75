import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  assignLeadership,
  createActingArrangement,
  createPerson,
  createPostHolding,
  createUnit,
  endActingArrangement,
  endLeadership,
  updatePerson,
  updatePostHolding,
  updateUnit,
} from './service';

const date = z.iso.date();
const text = (max: number) => z.string().trim().min(1).max(max);
const idParams = z.object({ id: z.string() });
const created = { 201: z.object({ id: z.string() }) };
const done = { 200: z.object({ ok: z.literal(true) }) };

const unitBody = z.object({
  code: z.string().regex(/^[a-z][a-z0-9_]{1,39}$/, '单位代码须为小写字母开头的字母、数字或下划线'),
  name: text(60),
  kind: z.enum(['office', 'section', 'center']),
  parentId: z.string().nullish(),
  headPostCode: z.string().nullish(),
  sortOrder: z.number().int().optional(),
});

const personBody = z.object({
  name: text(40),
  unitId: z.string().nullish(),
  grade: z.enum(['principal', 'deputy', 'section', 'general']),
  workStartDate: date.nullish(),
  partyMember: z.boolean().optional(),
  sortOrder: z.number().int().optional(),
});

/** Editing the organisation (org.manage): units, people, posts, 分管, acting arrangements. */
export const orgManageRoutes: FastifyPluginAsyncZod = async (app) => {
  const manage = { permission: 'org.manage' };

  app.post('/org/units', { config: manage, schema: { summary: '新建单位（科室）', body: unitBody, response: created } }, async (req, reply) =>
    reply.status(201).send(await createUnit(req.ctx, req.body)),
  );

  app.patch(
    '/org/units/:id',
    { config: manage, schema: { summary: '修改单位', params: idParams, body: unitBody.omit({ code: true, kind: true }).partial().extend({ active: z.boolean().optional() }), response: done } },
    async (req) => {
      await updateUnit(req.ctx, req.params.id, req.body);
      return { ok: true as const };
    },
  );

  app.post('/org/people', { config: manage, schema: { summary: '新增人员', body: personBody, response: created } }, async (req, reply) =>
    reply.status(201).send(await createPerson(req.ctx, req.body)),
  );

  app.patch(
    '/org/people/:id',
    { config: manage, schema: { summary: '修改人员信息', params: idParams, body: personBody.partial().extend({ active: z.boolean().optional() }), response: done } },
    async (req) => {
      await updatePerson(req.ctx, req.params.id, req.body);
      return { ok: true as const };
    },
  );

  app.post(
    '/org/post-holdings',
    {
      config: { ...manage, rules: ['WR-01', 'WR-04', 'FIVE-01'] },
      schema: {
        summary: '任职（人员担任职务）',
        body: z.object({ personId: z.string(), postCode: z.string(), unitId: z.string().nullish(), startDate: date, endDate: date.nullish() }),
        response: created,
      },
    },
    async (req, reply) => reply.status(201).send(await createPostHolding(req.ctx, req.body)),
  );

  app.patch(
    '/org/post-holdings/:id',
    {
      config: { ...manage, rules: ['WR-01', 'WR-04', 'FIVE-01'] },
      schema: { summary: '修改任职起止日期（免职）', params: idParams, body: z.object({ startDate: date.optional(), endDate: date.nullish() }), response: done },
    },
    async (req) => {
      await updatePostHolding(req.ctx, req.params.id, req.body);
      return { ok: true as const };
    },
  );

  app.post(
    '/org/leadership-assignments',
    {
      config: { ...manage, rules: ['FIVE-01', 'FIVE-02', 'WR-02'] },
      schema: {
        summary: '分配分管（科室或领域）',
        body: z.object({
          leaderId: z.string(),
          unitId: z.string().nullish(),
          areaCode: z.string().nullish(),
          startDate: date,
          endDate: date.nullish(),
          basis: z.enum(['division', 'entrusted']).optional(),
          note: z.string().max(200).nullish(),
        }),
        response: created,
      },
    },
    async (req, reply) => reply.status(201).send(await assignLeadership(req.ctx, req.body)),
  );

  app.post(
    '/org/leadership-assignments/:id/end',
    {
      config: { ...manage, rules: ['FIVE-01'] },
      schema: { summary: '结束分管', params: idParams, body: z.object({ endDate: date, acknowledged: z.array(z.string()).optional() }), response: done },
    },
    async (req) => {
      await endLeadership(req.ctx, req.params.id, req.body);
      return { ok: true as const };
    },
  );

  app.post(
    '/org/acting-arrangements',
    {
      config: { ...manage, rules: ['WR-03', 'FIVE-01', 'FIVE-02'] },
      schema: {
        summary: '新建代理（主持工作）安排',
        body: z.object({
          absentPersonId: z.string(),
          actingPersonId: z.string(),
          postCode: z.string().nullish(),
          startDate: date,
          endDate: date,
          reason: text(200),
          designatedById: z.string().nullish(),
        }),
        response: created,
      },
    },
    async (req, reply) => reply.status(201).send(await createActingArrangement(req.ctx, req.body)),
  );

  app.post(
    '/org/acting-arrangements/:id/end',
    { config: manage, schema: { summary: '提前结束代理安排', params: idParams, body: z.object({ endDate: date }), response: done } },
    async (req) => {
      await endActingArrangement(req.ctx, req.params.id, req.body);
      return { ok: true as const };
    },
  );
};

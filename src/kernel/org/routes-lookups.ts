import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { actingFor, holdersOfPost, leaderInChargeOfArea, leaderInChargeOfUnit, membersOfBody, principalLeader, sectionChiefOf } from './lookups';
import { dateQuery, dayOf } from './routes-read';

/** The lookups the approval engine uses, over HTTP for the page and for checking by hand. */
export const orgLookupRoutes: FastifyPluginAsyncZod = async (app) => {
  const config = { permission: 'org.read' };

  app.get(
    '/org/lookups/section-chief',
    { config, schema: { summary: '科室（中心）主要负责人', querystring: dateQuery.extend({ unitId: z.string() }) } },
    async (req) => ({ person: await sectionChiefOf(req.ctx.db, req.query.unitId, dayOf(req.ctx, req.query.date)) }),
  );

  app.get(
    '/org/lookups/unit-leader',
    { config, schema: { summary: '科室的分管领导', querystring: dateQuery.extend({ unitId: z.string() }) } },
    async (req) => ({ person: await leaderInChargeOfUnit(req.ctx.db, req.query.unitId, dayOf(req.ctx, req.query.date)) }),
  );

  app.get(
    '/org/lookups/area-leader',
    { config, schema: { summary: '领域的分管领导', querystring: dateQuery.extend({ areaCode: z.string() }) } },
    async (req) => ({ person: await leaderInChargeOfArea(req.ctx.db, req.query.areaCode, dayOf(req.ctx, req.query.date)) }),
  );

  app.get(
    '/org/lookups/principal-leader',
    {
      config,
      schema: { summary: '党政“一把手”', querystring: dateQuery.extend({ matter: z.enum(['administrative', 'party']).optional() }) },
    },
    async (req) => ({ person: await principalLeader(req.ctx.db, dayOf(req.ctx, req.query.date), req.query.matter) }),
  );

  app.get(
    '/org/lookups/post-holders',
    { config, schema: { summary: '职务的任职人员', querystring: dateQuery.extend({ postCode: z.string(), unitId: z.string().optional() }) } },
    async (req) => ({ people: await holdersOfPost(req.ctx.db, req.query.postCode, req.query.unitId, dayOf(req.ctx, req.query.date)) }),
  );

  app.get(
    '/org/lookups/acting',
    { config, schema: { summary: '某人外出期间的代理人', querystring: dateQuery.extend({ personId: z.string(), postCode: z.string().optional() }) } },
    async (req) => ({ acting: await actingFor(req.ctx.db, req.query.personId, dayOf(req.ctx, req.query.date), req.query.postCode) }),
  );

  app.get(
    '/org/bodies/:code/members',
    { config, schema: { summary: '党组、主任办公会议的组成人员', params: z.object({ code: z.string() }), querystring: dateQuery } },
    async (req) => membersOfBody(req.ctx.db, req.params.code, dayOf(req.ctx, req.query.date)),
  );
};

import { z } from 'zod';
import { asc, eq } from 'drizzle-orm';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Ctx } from '../context';
import { errors } from '../errors';
import { localDate } from '../time';
import { assertInScope } from '../access/scope';
import { leadershipAreas, people, posts } from './schema';
import { principalLeader } from './lookups';
import { leadershipDivision, listActing, listPeople, personWithPosts, unitTree } from './views';

export const dateQuery = z.object({ date: z.iso.date().optional().describe('日期 YYYY-MM-DD，默认今天') });

/** The date a read is about: the one asked for, else today in the office's zone. */
export const dayOf = (ctx: Ctx, date?: string) => date ?? localDate(ctx.clock.now());

/** Organisation browser: units, people, posts, the leadership division, acting arrangements. */
export const orgReadRoutes: FastifyPluginAsyncZod = async (app) => {
  const read = { permission: 'org.read' };

  app.get('/org/units', { config: read, schema: { summary: '机构树（含人员及职务）', querystring: dateQuery } }, async (req) => {
    const date = dayOf(req.ctx, req.query.date);
    return { date, units: await unitTree(req.ctx.db, date) };
  });

  app.get(
    '/org/people',
    { config: read, schema: { summary: '人员及现任职务', querystring: dateQuery.extend({ unitId: z.string().optional() }) } },
    async (req) => {
      const date = dayOf(req.ctx, req.query.date);
      const where = req.query.unitId ? eq(people.unitId, req.query.unitId) : undefined;
      return { date, people: await listPeople(req.ctx.db, date, where) };
    },
  );

  app.get(
    '/org/people/:id',
    { config: read, schema: { summary: '人员详细信息（受数据权限限制）', params: z.object({ id: z.string() }), querystring: dateQuery } },
    async (req) => {
      const person = await personWithPosts(req.ctx.db, req.params.id, dayOf(req.ctx, req.query.date));
      if (!person) throw errors.notFound('人员');
      // Personal fields (参加工作时间 …) follow the actor's data scope, unlike the public tree.
      assertInScope(req.ctx, { unitId: person.unitId, ownerPersonId: person.id });
      return person;
    },
  );

  app.get('/org/posts', { config: read, schema: { summary: '职务目录' } }, async (req) => ({
    posts: await req.ctx.db.select().from(posts).orderBy(asc(posts.sortOrder)),
  }));

  app.get('/org/areas', { config: read, schema: { summary: '分管领域（含“五不直接分管”五项）' } }, async (req) => ({
    areas: await req.ctx.db.select().from(leadershipAreas).orderBy(asc(leadershipAreas.sortOrder)),
  }));

  app.get(
    '/org/leadership',
    { config: { ...read, rules: ['FIVE-01', 'FIVE-02', 'WR-02'] }, schema: { summary: '领导分工（分管科室与领域）', querystring: dateQuery } },
    async (req) => {
      const date = dayOf(req.ctx, req.query.date);
      return leadershipDivision(req.ctx.db, date, await principalLeader(req.ctx.db, date));
    },
  );

  app.get(
    '/org/acting-arrangements',
    {
      config: read,
      schema: { summary: '代理（主持工作）安排', querystring: z.object({ date: z.iso.date().optional(), personId: z.string().optional() }) },
    },
    async (req) => ({ arrangements: await listActing(req.ctx.db, req.query) }),
  );
};

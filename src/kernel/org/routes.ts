import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { OPEN_PARAMETERS } from '../../demo/open-parameters';
import { orgReadRoutes } from './routes-read';
import { orgLookupRoutes } from './routes-lookups';
import { orgManageRoutes } from './routes-manage';

/** Every route of the organisation, registered under /api/v1. */
export const orgRoutes: FastifyPluginAsyncZod = async (app) => {
  await app.register(orgReadRoutes);
  await app.register(orgLookupRoutes);
  await app.register(orgManageRoutes);

  // The regulations are public, and so are the values the office chose where they are silent.
  app.get(
    '/org/open-parameters',
    { config: { permission: 'public' }, schema: { summary: '制度未规定的参数及演示值（CONFLICTS.md §9）', response: { 200: z.object({ parameters: z.array(z.any()) }) } } },
    async () => ({ parameters: OPEN_PARAMETERS }),
  );
};

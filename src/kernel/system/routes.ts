import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { allRules, ENFORCEMENT_LABEL, paramOverrides } from '../rules';

const RuleOut = z.object({
  id: z.string(),
  family: z.string(),
  cite: z.string(),
  text: z.string(),
  regulation: z.string(),
  enforcement: z.string(),
  enforcementLabel: z.string(),
  params: z.array(
    z.object({ key: z.string(), label: z.string(), value: z.unknown(), default: z.unknown(), unit: z.string().optional(), demo: z.boolean() }),
  ),
});

export const systemRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/health',
    {
      config: { permission: 'public' },
      schema: {
        summary: '健康检查',
        response: { 200: z.object({ status: z.literal('ok'), db: z.enum(['pglite', 'postgres']), version: z.string(), demo: z.boolean() }) },
      },
    },
    async () => {
      await app.database.query('select 1');
      return { status: 'ok' as const, db: app.database.kind, version: app.appConfig.version, demo: app.appConfig.demo };
    },
  );

  app.get(
    '/rules',
    {
      config: { permission: 'public' },
      schema: { summary: '已登记的制度规则（制度执行一览）', response: { 200: z.object({ rules: z.array(RuleOut) }) } },
    },
    async () => ({
      rules: allRules().map((r) => {
        const overrides = paramOverrides(r.id);
        return {
          id: r.id,
          family: r.id.split('-')[0],
          cite: r.cite,
          text: r.spec.text,
          regulation: r.spec.regulation,
          enforcement: r.spec.enforcement,
          enforcementLabel: ENFORCEMENT_LABEL[r.spec.enforcement],
          params: Object.entries(r.spec.params ?? {}).map(([key, p]) => ({
            key,
            label: p.label,
            value: key in overrides ? overrides[key] : p.value,
            default: p.value,
            unit: p.unit,
            demo: Boolean(p.demo) && !(key in overrides),
          })),
        };
      }),
    }),
  );
};

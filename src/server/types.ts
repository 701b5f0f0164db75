import type { Ctx } from '../kernel/context';
import type { Database } from '../kernel/db';
import type { Clock } from '../kernel/time';

/**
 * What a route needs: `permission` is a permission code, or 'public' (no login), or
 * 'authenticated' (any logged-in account). Startup fails for a route that declares none.
 * `rules` lists the rule ids the route enforces, for the route × permission × rule table.
 */
declare module 'fastify' {
  interface FastifyContextConfig {
    permission?: string;
    rules?: string[];
  }
  interface FastifyRequest {
    ctx: Ctx;
  }
  interface FastifyInstance {
    database: Database;
    clock: Clock;
    appConfig: AppConfig;
  }
}

export interface AppConfig {
  version: string;
  demo: boolean;
  /** Allow the Secure cookie flag only behind HTTPS. */
  secureCookies: boolean;
  dataDir?: string;
  webRoot?: string;
}

import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Ctx } from './context';
import type { Database } from './db';
import type { Clock } from './time';

/**
 * One area of the product: its routes and the part of the demo office it seeds.
 * Kernel parts and domains plug in the same way; server/modules.ts lists them.
 */
export interface PermissionDef {
  /** Dotted code checked by routes, e.g. `calendar.publish`. */
  code: string;
  /** Chinese label shown on the role administration page. */
  label: string;
}

/** A background job every server process runs; it must be safe to run on several servers at once. */
export interface Job {
  name: string;
  everyMs: number;
  run: (database: Database, clock: Clock) => Promise<unknown>;
}

export interface Module {
  name: string;
  /** The permissions this module's routes check, for the role administration page. */
  permissions?: PermissionDef[];
  routes?: FastifyPluginAsyncZod;
  /** Background jobs (timers, sealing, reminders). */
  jobs?: Job[];
  /** Load this module's share of the demo office (runs once, on an empty database). */
  seedDemo?: (ctx: Ctx, opts: { password: string }) => Promise<void>;
  /** Create what production needs at `guicheng init` (built-in roles, calendar years …). */
  seedBase?: (ctx: Ctx) => Promise<void>;
}

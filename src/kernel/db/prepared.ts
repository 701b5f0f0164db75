import type pg from 'pg';

/**
 * Named (server-side prepared) statements for the queries a server sends again and again
 * (P1: the session check, the task lock, the trail insert …). An unnamed statement is parsed,
 * analysed and planned by PostgreSQL every time; a named one is parsed once per connection
 * and, once PostgreSQL finds a generic plan as good, planned once too. This saves
 * PostgreSQL's CPU, which the application shares with the database on a small server.
 *
 * Which: a parameterised query text seen at least twice in this process (so one-off texts,
 * e.g. with literals inlined, never fill the connections' statement caches), up to
 * MAX_NAMED distinct texts; the rest stay unnamed. The name is derived from the text by a
 * process-wide map, so one name always means one text (pg requires that per connection).
 * Plain-text queries (BEGIN, COMMIT, migrations, several statements) are left alone.
 */
const MAX_NAMED = 2000;
const seen = new Map<string, string | number>();
let named = 0;

function nameFor(text: string): string | undefined {
  const s = seen.get(text);
  if (typeof s === 'string') return s;
  if (s === undefined) {
    if (seen.size < MAX_NAMED * 4) seen.set(text, 1);
    return undefined;
  }
  if (named >= MAX_NAMED) return undefined;
  const name = `gc_${(named++).toString(36)}`;
  seen.set(text, name);
  return name;
}

type QueryFn = (...args: unknown[]) => unknown;

/** Make the pool's connections prepare the queries they repeat (see above). */
export function prepareRepeatedStatements(pool: pg.Pool): void {
  pool.on('connect', (client) => {
    const original = client.query as unknown as QueryFn;
    (client as unknown as { query: QueryFn }).query = function (this: pg.PoolClient, ...args: unknown[]) {
      const [config] = args;
      if (config && typeof config === 'object' && !('name' in config && (config as { name?: string }).name) && 'text' in config) {
        const cfg = config as pg.QueryConfig;
        const values = args[1] ?? cfg.values;
        if (Array.isArray(values) && values.length > 0 && typeof cfg.text === 'string' && !('submit' in cfg)) {
          const name = nameFor(cfg.text);
          if (name) args[0] = { ...cfg, name };
        }
      }
      return original.apply(this, args);
    };
  });
}

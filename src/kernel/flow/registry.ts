import type { FlowDefinition } from './types';

const definitions = new Map<string, FlowDefinition<never>>();

const keyOf = (key: string, version: number) => `${key}@${version}`;

/** Register a flow definition version; running instances look up the version they started on. */
export function defineFlow<Form>(def: FlowDefinition<Form>): FlowDefinition<Form> {
  const k = keyOf(def.key, def.version);
  if (definitions.has(k)) throw new Error(`Flow ${k} is defined twice`);
  const ids = new Set<string>();
  for (const s of def.steps) {
    if (ids.has(s.id)) throw new Error(`Flow ${k} has two steps with id ${s.id}`);
    ids.add(s.id);
  }
  definitions.set(k, def as unknown as FlowDefinition<never>);
  return def;
}

export function getFlow(key: string, version?: number): FlowDefinition<Record<string, unknown>> | undefined {
  if (version !== undefined) return definitions.get(keyOf(key, version)) as never;
  let latest: FlowDefinition<never> | undefined;
  for (const d of definitions.values()) if (d.key === key && (!latest || d.version > latest.version)) latest = d;
  return latest as never;
}

export function allFlows(): FlowDefinition<Record<string, unknown>>[] {
  return [...definitions.values()] as never;
}

import { sql } from 'drizzle-orm';
import { rows, type Db } from '../db';
import { clearParamOverrides, getRule, setParamOverrides } from './registry';

/** Load the office's parameter values into the registry (at start, and after a change). */
export async function loadRuleParams(db: Db): Promise<void> {
  const found = await rows<{ rule_id: string; key: string; value: unknown }>(db, sql`select rule_id, key, value from rule_params`);
  clearParamOverrides();
  const byRule = new Map<string, Record<string, unknown>>();
  for (const r of found) {
    if (!getRule(r.rule_id)) continue;
    byRule.set(r.rule_id, { ...(byRule.get(r.rule_id) ?? {}), [r.key]: r.value });
  }
  for (const [id, values] of byRule) setParamOverrides(id, values);
}

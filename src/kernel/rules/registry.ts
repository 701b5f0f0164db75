import { AppError } from '../errors';

/**
 * The rule registry (DESIGN.md §2). Every rule of the regulations that the software checks
 * is registered once, with its id from ../shared/spec, its article and its Chinese text.
 * Numbers live in the rule's parameters, never in the code that checks it.
 */
export type Enforcement = 'enforce' | 'warn' | 'compute' | 'record' | 'remind' | 'report';

export const ENFORCEMENT_LABEL: Record<Enforcement, string> = {
  enforce: '强制执行',
  warn: '提示警告',
  compute: '自动计算',
  record: '强制记录',
  remind: '到期提醒',
  report: '统计报告',
};

export interface ParamSpec<T = unknown> {
  value: T;
  /** Chinese label shown on the rules page. */
  label: string;
  unit?: string;
  /**
   * True where the regulations leave the number open (CONFLICTS.md §9) and the value is
   * the demo office's documented choice; the rules page marks it 演示值.
   */
  demo?: boolean;
}

export type ParamSpecs = Record<string, ParamSpec>;

export interface RuleSpec<P extends ParamSpecs = ParamSpecs> {
  id: string;
  /** Regulation and article as printed in the source, e.g. 《党组议事规则》四（一）. */
  cite: string;
  /** The rule in Chinese. */
  text: string;
  /** The regulation's title, for grouping (e.g. 一把手“五不直接分管”和“末位表态”制度). */
  regulation: string;
  enforcement: Enforcement;
  params?: P;
}

export type Verdict =
  | { outcome: 'ok'; ruleId: string }
  | { outcome: 'warn' | 'block'; ruleId: string; cite: string; message: string; details?: unknown };

export type Flagged = Extract<Verdict, { outcome: 'warn' | 'block' }>;

export interface Rule<P extends ParamSpecs = ParamSpecs> {
  readonly id: string;
  readonly cite: string;
  readonly spec: RuleSpec<P>;
  /** Current value of a parameter (the office's setting, or the default). */
  param<K extends keyof P>(key: K): P[K]['value'];
  ok(): Verdict;
  warn(message: string, details?: unknown): Verdict;
  block(message: string, details?: unknown): Verdict;
}

const rules = new Map<string, Rule<ParamSpecs>>();
const overrides = new Map<string, Record<string, unknown>>();

export function defineRule<P extends ParamSpecs = Record<string, never>>(spec: RuleSpec<P>): Rule<P> {
  if (!/^[A-Z]{2,8}-\d{2,3}(\.\d+)?$/.test(spec.id)) throw new Error(`Bad rule id ${spec.id}`);
  if (rules.has(spec.id)) throw new Error(`Rule ${spec.id} is registered twice`);
  const rule: Rule<P> = {
    id: spec.id,
    cite: spec.cite,
    spec,
    param(key) {
      const o = overrides.get(spec.id);
      if (o && key in o) return o[key as string] as never;
      const p = spec.params?.[key];
      if (!p) throw new Error(`Rule ${spec.id} has no parameter ${String(key)}`);
      return p.value as never;
    },
    ok: () => ({ outcome: 'ok', ruleId: spec.id }),
    warn: (message, details) => ({ outcome: 'warn', ruleId: spec.id, cite: spec.cite, message, details }),
    block: (message, details) => ({ outcome: 'block', ruleId: spec.id, cite: spec.cite, message, details }),
  };
  rules.set(spec.id, rule as unknown as Rule<ParamSpecs>);
  return rule;
}

export function allRules(): Rule<ParamSpecs>[] {
  return [...rules.values()].sort((a, b) => compareIds(a.id, b.id));
}

export function getRule(id: string): Rule<ParamSpecs> | undefined {
  return rules.get(id);
}

/** Replace the office's parameter settings (loaded from the database at start and on change). */
export function setParamOverrides(ruleId: string, values: Record<string, unknown>): void {
  overrides.set(ruleId, { ...values });
}

export function clearParamOverrides(): void {
  overrides.clear();
}

export function paramOverrides(ruleId: string): Record<string, unknown> {
  return overrides.get(ruleId) ?? {};
}

function compareIds(a: string, b: string): number {
  const [fa, na] = a.split('-');
  const [fb, nb] = b.split('-');
  return fa === fb ? Number.parseFloat(na) - Number.parseFloat(nb) : fa.localeCompare(fb);
}

/**
 * Apply verdicts: a block throws 422 RULE_BLOCKED citing the rule; warnings must have been
 * acknowledged by the user (their rule ids listed in `acknowledged`), else 422
 * RULE_WARNING with every unacknowledged warning. Returns the acknowledged warnings so the
 * caller records them in the audit detail.
 */
export function enforce(verdicts: Verdict[], acknowledged: readonly string[] = []): Flagged[] {
  const block = verdicts.find((v): v is Flagged => v.outcome === 'block');
  if (block) {
    throw new AppError('RULE_BLOCKED', 422, `${block.message}（依据：${block.ruleId} ${block.cite}）`, {
      id: block.ruleId,
      cite: block.cite,
    }, block.details);
  }
  const warnings = verdicts.filter((v): v is Flagged => v.outcome === 'warn');
  const pending = warnings.filter((w) => !acknowledged.includes(w.ruleId));
  if (pending.length > 0) {
    const first = pending[0];
    throw new AppError(
      'RULE_WARNING',
      422,
      `${first.message}（依据：${first.ruleId} ${first.cite}）。确认后可继续。`,
      { id: first.ruleId, cite: first.cite },
      { warnings: pending },
    );
  }
  return warnings;
}

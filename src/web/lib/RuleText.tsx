import { useEffect, useState } from 'react';
import { api } from './api';

interface RegisteredRule { id: string; cite: string; text: string; params?: { key: string; value: unknown }[] }

// The registry is the same for every page of a session: fetched once.
let registry: Promise<Map<string, RegisteredRule>> | undefined;
function loadRules(): Promise<Map<string, RegisteredRule>> {
  registry ??= api.get<{ rules: RegisteredRule[] }>('/rules').then((r) => new Map(r.rules.map((x) => [x.id, x])));
  return registry;
}

/** A registered rule's text and article, as the server registers them (never restated in a page). */
export function RuleText({ id }: { id: string }) {
  const [rule, setRule] = useState<RegisteredRule>();
  useEffect(() => { loadRules().then((m) => setRule(m.get(id)), () => undefined); }, [id]);
  return rule ? <>{rule.text}（制度依据：{rule.id} {rule.cite}）</> : null;
}

/** The current value of a rule's parameter (the office's setting), for a page that previews the rule's check; undefined until loaded. */
export function useRuleParam<T = unknown>(id: string, key: string): T | undefined {
  const [value, setValue] = useState<T>();
  useEffect(() => { loadRules().then((m) => setValue(m.get(id)?.params?.find((p) => p.key === key)?.value as T), () => undefined); }, [id, key]);
  return value;
}

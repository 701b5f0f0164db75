import type { Facts, FlowDefinition, PlannedStep } from './types';

/** The steps that apply to these facts, frozen as plain data for the instance. */
export function planSteps<Form>(def: FlowDefinition<Form>, facts: Facts<Form>): PlannedStep[] {
  return def.steps
    .filter((s) => !s.when || s.when(facts))
    .map((s) => ({
      id: s.id,
      name: s.name,
      kind: s.kind,
      approvers: s.approvers,
      verb: typeof s.verb === 'function' ? s.verb(facts) : s.verb,
      ratio: s.ratio ?? 1,
      dueWorkingDays: s.dueWorkingDays ?? null,
      escalateAfterWorkingDays: s.escalateAfterWorkingDays ?? null,
      externalLabel: s.externalLabel ?? null,
      ruleIds: s.ruleIds ?? [],
    }));
}

/** Signatures a step needs before it is complete, given how many signers it has. */
export function requiredApprovals(step: PlannedStep, signers: number): number {
  if (step.kind === 'anyOne' || step.kind === 'external') return Math.min(1, signers);
  if (step.kind === 'countersign') return Math.max(1, Math.ceil(step.ratio * signers - 1e-9));
  return signers;
}

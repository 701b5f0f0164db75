import type { ComponentType } from 'react';
import type { InstanceDetail } from './types';

export interface FormRendererProps {
  detail: InstanceDetail;
}

/**
 * Flow-specific views of an instance's form, keyed by definition key (e.g. 'leave'); flows
 * without one get the generic list (FormView). An area adds one line below with a lazy import,
 * so its code loads only when such an instance is opened:
 *   registerFormRenderer('leave', lazy(() => import('../personnel/LeaveFormView')));
 */
const renderers = new Map<string, ComponentType<FormRendererProps>>();

/** Field labels for the generic list, per definition key; unknown fields show COMMON_LABELS or the key. */
const fieldLabels = new Map<string, Record<string, string>>();

export function registerFieldLabels(definitionKey: string, labels: Record<string, string>): void {
  fieldLabels.set(definitionKey, labels);
}

export function fieldLabelsFor(definitionKey: string): Record<string, string> {
  return fieldLabels.get(definitionKey) ?? {};
}

export function registerFormRenderer(definitionKey: string, component: ComponentType<FormRendererProps>): void {
  renderers.set(definitionKey, component);
}

export function formRendererFor(definitionKey: string): ComponentType<FormRendererProps> | undefined {
  return renderers.get(definitionKey);
}

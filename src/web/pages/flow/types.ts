/** Shapes of the approval engine's API (src/kernel/flow/queries.ts), as the browser sees them. */
export interface FlowTask {
  id: string;
  round: number;
  kind: 'approve' | 'notify' | 'external' | string;
  assigneeName: string;
  assigneePersonId: string;
  onBehalfOfName: string | null;
  origin: string;
  status: string;
  comment: string | null;
  dueDate: string | null;
  decidedAt: string | null;
  decidedByName: string | null;
  external: Record<string, unknown> | null;
}

export interface FlowStep {
  index: number;
  id: string;
  name: string;
  kind: string;
  verb: string;
  verbLabel: string;
  ruleIds: string[];
  tasks: FlowTask[];
}

export interface TrailEntry {
  seq: number;
  action: string;
  actorName: string | null;
  stepIndex: number | null;
  comment: string | null;
  detail: Record<string, unknown> | null;
  at: string;
}

export interface InstanceDetail {
  id: string;
  definitionKey: string;
  definitionVersion: number;
  title: string;
  status: string;
  currentStep: number | null;
  revision: number;
  applicant: { personId: string; name: string; unitName: string | null };
  form: Record<string, unknown>;
  facts: Record<string, unknown>;
  submittedAt: string;
  completedAt: string | null;
  steps: FlowStep[];
  trail: TrailEntry[];
  can: { act: string | null; withdraw: boolean; remind: boolean; resubmit: boolean; print?: boolean };
}

export type Box = 'todo' | 'done' | 'mine' | 'toread';

export interface InboxItem {
  instanceId: string;
  taskId: string | null;
  definitionKey: string;
  title: string;
  applicantName: string;
  status: string;
  stepName: string | null;
  submittedAt: string;
  dueDate: string | null;
  overdue: boolean;
  decidedAt: string | null;
}

export interface FlowCounts {
  todo: number;
  toread: number;
  overdue: number;
  notifications: number;
}

export interface Notification {
  id: string;
  kind: string;
  title: string;
  body: string | null;
  link: string | null;
  createdAt: string;
  readAt: string | null;
}

export interface RuleWarning {
  ruleId: string;
  cite?: string;
  message: string;
}

/**
 * Shapes of the approval engine's API, taken from the server's own types
 * (src/kernel/flow/queries.ts) so that the two can never drift apart. Type-only imports:
 * nothing of the server is bundled into the web app.
 */
import type { Box, InboxItem, InstanceDetail, counts } from '../../../kernel/flow/queries';

export type { Box, InboxItem, InstanceDetail };
export type FlowStep = InstanceDetail['steps'][number];
export type FlowTask = FlowStep['tasks'][number];
export type TrailEntry = InstanceDetail['trail'][number];
export type FlowCounts = Awaited<ReturnType<typeof counts>>;

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

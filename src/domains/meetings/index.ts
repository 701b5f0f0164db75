/** What other domains may call: the 三重一大 classifier and the decision that covers a matter. */
export { classifyMatter, findCoveringDecision, MATTER_KINDS, type Matter, type MatterKind, type Classification, type CoveringDecision } from './classifier';
export { remindOverdueTasks } from './followup';
export { meetingFrequency } from './frequency';

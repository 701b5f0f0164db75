/** Commands of the organisation; each runs in one transaction with its audit record. */
export { assignLeadership, endLeadership, type AssignLeadershipInput } from './service-leadership';
export { createActingArrangement, endActingArrangement, type ActingInput } from './service-acting';
export {
  createUnit,
  updateUnit,
  createPerson,
  updatePerson,
  createPostHolding,
  updatePostHolding,
  type UnitInput,
  type PersonInput,
  type HoldingInput,
} from './service-people';

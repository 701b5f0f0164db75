/**
 * The organisation's public API: what the approval engine and the domains may call. Domains
 * read the organisation only through these functions, never through the tables.
 */
export {
  sectionChiefOf,
  leaderInChargeOfUnit,
  leaderInChargeOfArea,
  principalLeader,
  isPrincipalLeader,
  holdersOfPost,
  actingFor,
  membersOfBody,
  type PersonRef,
  type ActingInfo,
  type BodyMembers,
} from './lookups';
export { personWithPosts, type PersonDetail } from './views';
export { RESTRICTED_AREA_CODES, HEAD_POST_BY_KIND } from './catalogue';
export * from './service';

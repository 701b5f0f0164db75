import type { Verb } from '../../kernel/flow';
import { LEAVE04, LEAVE05 } from './rules';

/**
 * The leave approval matrix (C-personnel §2.5, CONF-07, CONF-13, CONF-66) as a pure function
 * of the applicant's rank band and the working days the leave covers (in half days). Each
 * step present carries its verb: consent (同意) or approve (批准); the last one approves.
 */
export type Category = 'principal' | 'deputy' | 'section' | 'general';

export interface LeaveRoute {
  /** 政府分管领导 approval recorded as an external step (LEAVE-02). */
  gov: boolean;
  /** 书面报备 of the principal leader's leave, recorded after the approval (LEAVE-02). */
  filing: boolean;
  section?: Verb;
  leader?: Verb;
  principal?: Verb;
  /** The section-cadre gap of 1–2 working days applied (warning LEAVE-04-GAP, CONF-07). */
  gap: boolean;
}

export interface RouteInput {
  category: Category;
  /** Working days covered, in half days (the tier uses working days for every type, CONF-67). */
  tierHalves: number;
  /** LEAVE-11 override: the principal leader must take the final slot. */
  needsPrincipal?: boolean;
}

const h = (days: number) => Math.round(days * 2);

export function leaveRoute(input: RouteInput): LeaveRoute {
  const base = baseRoute(input.category, input.tierHalves);
  if (!input.needsPrincipal || base.principal || base.gov) return base;
  // The principal leader signs last; the step before becomes a consent.
  if (base.leader) base.leader = 'consent';
  else if (base.section) base.section = 'consent';
  return { ...base, principal: 'approve' };
}

function baseRoute(category: Category, d: number): LeaveRoute {
  const none = { gov: false, filing: false, gap: false };
  switch (category) {
    case 'principal':
      return { gov: true, filing: true, gap: false };
    case 'deputy':
      return { ...none, principal: 'approve' };
    case 'section':
      return sectionCadre(d);
    case 'general':
      return generalStaff(d);
  }
}

function sectionCadre(d: number): LeaveRoute {
  const none = { gov: false, filing: false, gap: false };
  if (d <= h(LEAVE04.param('leaderOnlyMaxDays'))) return { ...none, leader: 'approve' };
  if (d > h(LEAVE04.param('principalAboveDays'))) return { ...none, leader: 'consent', principal: 'approve' };
  if (LEAVE04.param('cadreLeaveGapPolicy') === 'LEADER_IN_CHARGE_ONLY') return { ...none, gap: true, leader: 'approve' };
  return { ...none, gap: true, leader: 'consent', principal: 'approve' };
}

function generalStaff(d: number): LeaveRoute {
  const none = { gov: false, filing: false, gap: false };
  // Exactly 1 day → the lowest tier, exactly 3 → the middle tier (CONF-13, GAP-C-LEAVE02).
  if (d <= h(LEAVE05.param('sectionOnlyMaxDays'))) return { ...none, section: 'approve' };
  if (d <= h(LEAVE05.param('leaderMaxDays'))) return { ...none, section: 'consent', leader: 'approve' };
  if (LEAVE05.param('includeLeaderInChargeForLongLeave')) return { ...none, section: 'consent', leader: 'consent', principal: 'approve' };
  return { ...none, section: 'consent', principal: 'approve' };
}

/** The final approver's step id of a route (who decides extensions, LEAVE-19). */
export function finalStep(r: LeaveRoute): 'gov' | 'filing' | 'section' | 'leader' | 'principal' {
  if (r.gov) return 'gov';
  if (r.principal) return 'principal';
  if (r.leader) return 'leader';
  return 'section';
}

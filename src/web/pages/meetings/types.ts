/** Shapes of the /api/v1/meetings answers the pages read. */
export interface Verdict {
  outcome: 'ok' | 'warn' | 'block';
  ruleId: string;
  cite?: string;
  message?: string;
}

export interface Opinion {
  id: string;
  seq: number;
  personId: string;
  name: string;
  capacity: 'member' | 'nonvoting' | 'written';
  stance: string | null;
  reason: string;
  body: string;
  isConclusion: boolean;
  voided: boolean;
}

export interface TopicView {
  id: string;
  seq: number;
  title: string;
  kind: 'ordinary' | 'cadre' | 'szyd' | 'briefing';
  status: 'pending' | 'discussion' | 'voting' | 'closed';
  szydRuleId: string | null;
  amountFen: number | null;
  materials: string;
  preferredOpinion: string;
  adHocReason: string | null;
  targetDecisionId: string | null;
  targetMode: string | null;
  disagreementFlag: boolean;
  voteMethod: string | null;
  outcome: string | null;
  outcomeReason: string | null;
  quorum: Verdict[];
  present: number;
  due: number;
  needed: number | null;
  adoptionRuleId: string | null;
  voters: { personId: string; name: string }[];
  speakLast: { ruleId: string | null; principalId: string | null; principalName: string | null; waiting: { personId: string; name: string }[]; conclusionRecorded: boolean };
  recusals: { personId: string; name: string; ground: string; note: string }[];
  recusedIds: string[];
  relatedStaff: { personId: string; name: string }[];
  opinions: Opinion[];
  votes: { personId: string; name: string; choice: string | null }[];
  tally: { agree: number; disagree: number; abstain: number };
  decision: { id: string; body: string; status: string; responsibles?: { personId: string; name: string; isLead: boolean }[];
    supervisorIds?: string[]; disclosure?: string | null; disclosureDueDate?: string | null; publishedOn?: string | null } | null;
  presenterId?: string | null;
  attachments?: { name: string; ref: string }[];
  proposalId?: string | null;
  disagreementSuggested?: boolean;
  /** PG-21 / SZYD-22 while the topic is discussed with a suggested or flagged major disagreement. */
  disagreementWarning?: Verdict | null;
  emergencyReason?: string | null;
  minorityOpinions?: { personId: string; name: string; body: string; reportToSuperior: boolean }[];
  tallyHidden?: boolean;
  materialsSentAt?: string | null;
}

export interface Attendee {
  personId: string;
  name: string;
  capacity: 'member' | 'standing' | 'invited';
  status: 'present' | 'leave' | 'absent';
  leaveReason: string | null;
  leaveRequestedAt?: string | null;
}

export interface MeetingDetail {
  meeting: { id: string; bodyCode: string; bodyName: string; title: string; startAt: string; place: string; status: 'planned' | 'open' | 'closed'; chairId: string; chairName: string; recorderId: string | null; recorderName: string | null;
    chairBasis: 'holder' | 'delegated' | 'acting'; chairHolderId: string; chairHolderName: string | null; chairDelegationReason: string | null;
    timeApprovedAt: string | null; timeApprovedByName: string | null; noticeSentAt: string | null; noticeLateReason: string | null; noticeDeadline: string;
    reminderDueAt: string | null; reminderSentAt: string | null; meetingDate: string; noticeLate: boolean; emergencyReason: string | null };
  agendaComments: { id: string; personId: string; name: string; body: string }[];
  reschedules: { fromStartAt: string; toStartAt: string; reason: string; byName: string }[];
  attendees: Attendee[];
  topics: TopicView[];
  minutes: { id: string; version: number; correctsId: string | null; correctionReason: string | null; signedAt: string }[];
  me: { personId: string | null; capacity: string | null; isChairOrManager: boolean; mayRecord: boolean };
}

/** A topic proposal (议题建议) as /meetings/proposals lists it. */
export interface Proposal {
  id: string;
  bodyCode: 'party_group' | 'director_meeting';
  title: string;
  kind: 'ordinary' | 'cadre' | 'szyd' | 'briefing';
  szydRuleId: string | null;
  materials: string;
  attachments: { name: string; ref: string }[];
  preferredOpinion: string;
  proposerKind: 'principal' | 'member' | 'section';
  proposerName?: string;
  source: string;
  status: 'submitted' | 'collected' | 'scheduled' | 'withdrawn';
  reviewedByName: string | null;
  confirmedByName: string | null;
  needsConfirmation: boolean;
  entry: Verdict;
  mayReview: boolean;
  mayConfirm: boolean;
  meetingId: string | null;
  consultations: { id: string; kind: string; kindName: string; summary: string; heldOn: string }[];
  pending: Verdict[];
}

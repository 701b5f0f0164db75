import { sql } from 'drizzle-orm';
import { bigint, boolean, check, date, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';

/**
 * Meetings and collective decisions (A-meetings.md §2): 党组会议 and 主任办公会议, their agenda
 * topics, attendance, recusals, opinions in speaking order, itemised votes, decisions, minutes
 * and follow-up tasks. Members and 列席 come from the org's bodies (org_body_seats) on the
 * meeting date and are copied into `meeting_attendees`, so later post changes never rewrite
 * who should have attended a past meeting.
 */
export const meetings = pgTable(
  'meetings',
  {
    id: text('id').primaryKey(),
    /** party_group (党组会议) | director_meeting (主任办公会议): an org_bodies code. */
    bodyCode: text('body_code').notNull(),
    /** regular (例会) | ad_hoc (临时召开). */
    kind: text('kind').notNull().default('regular'),
    title: text('title').notNull(),
    startAt: timestamp('start_at', { withTimezone: true }).notNull(),
    /** Local date of startAt in the office's zone: the date membership is read on. */
    meetingDate: date('meeting_date').notNull(),
    place: text('place').notNull(),
    chairId: text('chair_id').notNull(),
    /** 综合科科长 by default (PG-26, DM-16). */
    recorderId: text('recorder_id'),
    /** planned | open | closed */
    status: text('status').notNull().default('planned'),
    /** holder (书记/主任) | delegated (委托, PG-07/DM-09) | acting (主持工作的副主任, WR-03 acting arrangement). */
    chairBasis: text('chair_basis').notNull().default('holder'),
    /** Who delegated the chair, and why the 书记/主任 cannot attend. */
    chairDelegatedBy: text('chair_delegated_by'),
    chairDelegationReason: text('chair_delegation_reason'),
    /** PG-03 / DM-07: the time approved by the 书记 / 主任 (or the delegated chair, CONF-16). */
    timeApprovedBy: text('time_approved_by'),
    timeApprovedAt: timestamp('time_approved_at', { withTimezone: true }),
    /** PG-04 / DM-11: the notice, its late reason when sent after the day before, and its reminder. */
    noticeSentAt: timestamp('notice_sent_at', { withTimezone: true }),
    noticeSentBy: text('notice_sent_by'),
    noticeLateReason: text('notice_late_reason'),
    reminderDueAt: timestamp('reminder_due_at', { withTimezone: true }),
    reminderSentAt: timestamp('reminder_sent_at', { withTimezone: true }),
    /**
     * 临时召开 (PG-02 必要时可以临时召开; DM-08 遇有重大事宜可随时召开): the chair's recorded reason
     * for opening although the notice did not go out a day before (PG-04 / DM-11).
     */
    emergencyReason: text('emergency_reason'),
    emergencyDeclaredBy: text('emergency_declared_by'),
    emergencyDeclaredAt: timestamp('emergency_declared_at', { withTimezone: true }),
    openedAt: timestamp('opened_at', { withTimezone: true }),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    createdBy: text('created_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    check('meetings_status_ck', sql`${t.status} in ('planned','open','closed')`),
    check('meetings_kind_ck', sql`${t.kind} in ('regular','ad_hoc')`),
    // SZYD-01: the only decision forums are the 党组会议 and the 主任办公会议.
    check('meetings_body_ck', sql`${t.bodyCode} in ('party_group','director_meeting')`),
    index('meetings_date_idx').on(t.bodyCode, t.meetingDate),
  ],
);

/**
 * Who should attend: voting members (member), standing 列席 (standing), invited 列席 such as
 * the 纪检监察组长 (invited). Topic-related staff are in `topic_attendees` (their topic only).
 */
export const meetingAttendees = pgTable(
  'meeting_attendees',
  {
    meetingId: text('meeting_id')
      .notNull()
      .references(() => meetings.id),
    personId: text('person_id').notNull(),
    /** Name on the meeting date, as the minutes print it. */
    name: text('name').notNull(),
    capacity: text('capacity').notNull(),
    /** present | leave (请假, with reason) | absent (未请假缺席) */
    status: text('status').notNull().default('present'),
    leaveReason: text('leave_reason'),
    /** When the member asked the chair for leave (PG-08); after the start it is recorded as absent. */
    leaveRequestedAt: timestamp('leave_requested_at', { withTimezone: true }),
    sortOrder: integer('sort_order').notNull().default(0),
  },
  (t) => [
    primaryKey({ columns: [t.meetingId, t.personId] }),
    check('meeting_attendees_capacity_ck', sql`${t.capacity} in ('member','standing','invited')`),
    check('meeting_attendees_status_ck', sql`${t.status} in ('present','leave','absent')`),
    check('meeting_attendees_leave_ck', sql`${t.status} <> 'leave' or coalesce(${t.leaveReason}, '') <> ''`),
  ],
);

/** What a proposal declares about itself, deciding which consultations it needs (WR-06, SZYD-09) and DM-02. */
export interface ProposalFlags {
  involvesOtherSections?: boolean;
  involvesCounties?: boolean;
  majorPublicInterest?: boolean;
  specialisedOrTechnical?: boolean;
  broadPublicImpact?: boolean;
  /** DM-02: the proposer confirms the matter cannot be settled by one leader or among the 副主任. */
  notIndividuallySolvable?: boolean;
  notIndividuallySolvableReason?: string;
}

/** A reference to a material (上会材料): a document number, file id or link, with its name. */
export interface Attachment {
  name: string;
  ref: string;
}

/** An agenda item (议题). Kind decides the quorum and the decision rule (rules.ts). */
export const meetingTopics = pgTable(
  'meeting_topics',
  {
    id: text('id').primaryKey(),
    meetingId: text('meeting_id')
      .notNull()
      .references(() => meetings.id),
    seq: integer('seq').notNull(),
    title: text('title').notNull(),
    /** ordinary | cadre (干部工作) | szyd (三重一大) | briefing (通报, no vote) */
    kind: text('kind').notNull(),
    /** The matter as the classifier saw it: kind, amount, purpose (三重一大, for findCoveringDecision). */
    matterKind: text('matter_kind'),
    amountFen: bigint('amount_fen', { mode: 'number' }),
    purpose: text('purpose'),
    szydRuleId: text('szyd_rule_id'),
    /** The section's preferred opinion and materials (PG-06, PG-05). */
    materials: text('materials').notNull().default(''),
    preferredOpinion: text('preferred_opinion').notNull().default(''),
    /** When the materials reached the participants: with the notice or a supplementary notice (PG-05, SZYD-13). */
    materialsSentAt: timestamp('materials_sent_at', { withTimezone: true }),
    presenterId: text('presenter_id'),
    /** The proposal this topic came from (PG-10, DM-13, SZYD-11) and its attachment references. */
    proposalId: text('proposal_id'),
    attachments: jsonb('attachments').$type<Attachment[]>().notNull().default([]),
    isMajor: boolean('is_major').notNull().default(false),
    /** A topic revoking (revoke) or changing (change) an earlier decision names it (PG-18). */
    targetDecisionId: text('target_decision_id'),
    targetMode: text('target_mode'),
    adHocReason: text('ad_hoc_reason'),
    adHocGround: text('ad_hoc_ground'),
    /** pending | discussion | voting | closed */
    status: text('status').notNull().default('pending'),
    /** oral | show_of_hands | secret */
    voteMethod: text('vote_method'),
    disagreementFlag: boolean('disagreement_flag').notNull().default(false),
    emergencyReason: text('emergency_reason'),
    /** 应到会成员 (N) and the voters, frozen when the vote opens and kept at close. */
    dueCount: integer('due_count'),
    eligibleVoterIds: jsonb('eligible_voter_ids').$type<string[]>(),
    yesCount: integer('yes_count'),
    noCount: integer('no_count'),
    abstainCount: integer('abstain_count'),
    /** adopted | not_adopted | deferred | briefed */
    outcome: text('outcome'),
    outcomeReason: text('outcome_reason'),
    chairConclusion: text('chair_conclusion'),
    /** The session opens with the presentation (SZYD-16); discussion runs until the vote opens. */
    openedAt: timestamp('opened_at', { withTimezone: true }),
    voteOpenedAt: timestamp('vote_opened_at', { withTimezone: true }),
    closedAt: timestamp('closed_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('meeting_topics_seq_uq').on(t.meetingId, t.seq),
    check('meeting_topics_kind_ck', sql`${t.kind} in ('ordinary','cadre','szyd','briefing')`),
    check('meeting_topics_status_ck', sql`${t.status} in ('pending','discussion','voting','closed')`),
  ],
);

/** Section staff attending one topic only (列席, PG-09, DM-05, SZYD-15). */
export const topicAttendees = pgTable(
  'topic_attendees',
  {
    topicId: text('topic_id')
      .notNull()
      .references(() => meetingTopics.id),
    personId: text('person_id').notNull(),
    name: text('name').notNull(),
  },
  (t) => [primaryKey({ columns: [t.topicId, t.personId] })],
);

/** 回避 (SZYD-24): the person withdraws from this topic. */
export const topicRecusals = pgTable(
  'topic_recusals',
  {
    topicId: text('topic_id')
      .notNull()
      .references(() => meetingTopics.id),
    personId: text('person_id').notNull(),
    /** self | relative */
    ground: text('ground').notNull(),
    note: text('note').notNull().default(''),
    declaredBy: text('declared_by').notNull(),
    declaredAt: timestamp('declared_at', { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.topicId, t.personId] })],
);

/** Opinions in speaking order; `isConclusion` marks the principal leader's 末位表态. */
export const topicOpinions = pgTable(
  'topic_opinions',
  {
    id: text('id').primaryKey(),
    topicId: text('topic_id')
      .notNull()
      .references(() => meetingTopics.id),
    seq: integer('seq').notNull(),
    personId: text('person_id').notNull(),
    /** member | nonvoting | written (absent member's written opinion, PG-14/SZYD-18) */
    capacity: text('capacity').notNull(),
    /** agree | disagree | defer (三重一大: mandatory with a reason, SZYD-17) */
    stance: text('stance'),
    reason: text('reason').notNull().default(''),
    body: text('body').notNull(),
    isConclusion: boolean('is_conclusion').notNull().default(false),
    /** Set when the chair reopened the discussion after the conclusion (CONF-30). */
    voided: boolean('voided').notNull().default(false),
    recordedBy: text('recorded_by').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull(),
  },
  (t) => [uniqueIndex('topic_opinions_seq_uq').on(t.topicId, t.seq)],
);

/** One vote per member per topic (PG-17): the primary key makes a second vote impossible. */
export const topicVotes = pgTable(
  'topic_votes',
  {
    topicId: text('topic_id')
      .notNull()
      .references(() => meetingTopics.id),
    personId: text('person_id').notNull(),
    /** agree | disagree | abstain */
    choice: text('choice').notNull(),
    recordedBy: text('recorded_by').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.topicId, t.personId] }),
    check('topic_votes_choice_ck', sql`${t.choice} in ('agree','disagree','abstain')`),
  ],
);

/**
 * A decision (决定): never edited (PG-23, SZYD-28); a change or revocation is a new decision
 * naming the old one (supersedesId), enforced by a trigger (meetings.repeatable.sql).
 */
export const meetingDecisions = pgTable(
  'meeting_decisions',
  {
    id: text('id').primaryKey(),
    meetingId: text('meeting_id')
      .notNull()
      .references(() => meetings.id),
    topicId: text('topic_id')
      .notNull()
      .references(() => meetingTopics.id),
    bodyCode: text('body_code').notNull(),
    title: text('title').notNull(),
    body: text('body').notNull(),
    decidedOn: date('decided_on').notNull(),
    /** in_force | revoked | superseded */
    status: text('status').notNull().default('in_force'),
    supersedesId: text('supersedes_id'),
    /** revoke | change, with supersedesId. */
    supersedeMode: text('supersede_mode'),
    matterKind: text('matter_kind'),
    amountFen: bigint('amount_fen', { mode: 'number' }),
    purpose: text('purpose'),
    szydRuleId: text('szyd_rule_id'),
    /** 承办科室 of a 主任办公会议 decision (DM-17), fixed with the decision. */
    undertakingUnitIds: jsonb('undertaking_unit_ids').$type<string[]>().notNull().default([]),
    /** DM-15: the 分管领导 of the 承办科室, who supervise (督办) and coordinate its implementation. */
    supervisorIds: jsonb('supervisor_ids').$type<string[]>().notNull().default([]),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    uniqueIndex('meeting_decisions_topic_uq').on(t.topicId),
    check('meeting_decisions_status_ck', sql`${t.status} in ('in_force','revoked','superseded')`),
    index('meeting_decisions_matter_idx').on(t.matterKind, t.status),
  ],
);

/**
 * WR-13 / CONF-22: a decision's 公开属性 (主动公开 | 依申请公开 | 不予公开, the documents area's
 * values), set with the decision or before its minutes are signed, and never changed after; the
 * reason code of 不予公开 (documents' NON_DISCLOSURE_REASONS); for 主动公开 the date by which it is
 * published (DISC-12) and, once it is, the channel and date (WR-14, SZYD-31). Kept apart from
 * meeting_decisions, whose rows never change (PG-23).
 */
export const decisionDisclosures = pgTable(
  'meeting_decision_disclosures',
  {
    decisionId: text('decision_id')
      .primaryKey()
      .references(() => meetingDecisions.id),
    attribute: text('attribute').notNull(),
    reasonCode: text('reason_code'),
    dueDate: date('due_date'),
    setBy: text('set_by').notNull(),
    setAt: timestamp('set_at', { withTimezone: true }).notNull(),
    publishedOn: date('published_on'),
    channel: text('channel'),
    publishedBy: text('published_by'),
    publishedAt: timestamp('published_at', { withTimezone: true }),
  },
  (t) => [
    check('meeting_decision_disclosures_attr_ck', sql`${t.attribute} in ('主动公开','依申请公开','不予公开')`),
    check('meeting_decision_disclosures_reason_ck', sql`${t.attribute} <> '不予公开' or ${t.reasonCode} is not null`),
    check('meeting_decision_disclosures_due_ck', sql`(${t.attribute} = '主动公开') = (${t.dueDate} is not null)`),
    check('meeting_decision_disclosures_pub_ck', sql`${t.publishedOn} is null or ${t.attribute} = '主动公开'`),
    index('meeting_decision_disclosures_due_idx').on(t.publishedOn, t.dueDate),
  ],
);

/** Signed minutes (纪要): rows are never updated or deleted; a correction is a new version. */
export const meetingMinutes = pgTable(
  'meeting_minutes',
  {
    id: text('id').primaryKey(),
    meetingId: text('meeting_id')
      .notNull()
      .references(() => meetings.id),
    version: integer('version').notNull(),
    correctsId: text('corrects_id'),
    correctionReason: text('correction_reason'),
    content: jsonb('content').notNull(),
    signedBy: text('signed_by').notNull(),
    signedAt: timestamp('signed_at', { withTimezone: true }).notNull(),
  },
  (t) => [uniqueIndex('meeting_minutes_version_uq').on(t.meetingId, t.version)],
);

/** 督办: a passed decision becomes tracked tasks (SZYD-30, SZYD-35, DM-17). */
export const decisionTasks = pgTable(
  'decision_tasks',
  {
    id: text('id').primaryKey(),
    decisionId: text('decision_id')
      .notNull()
      .references(() => meetingDecisions.id),
    title: text('title').notNull(),
    ownerId: text('owner_id').notNull(),
    coOwnerIds: jsonb('co_owner_ids').$type<string[]>().notNull(),
    dueDate: date('due_date').notNull(),
    /** open | done */
    status: text('status').notNull().default('open'),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    closedBy: text('closed_by'),
    closingNote: text('closing_note'),
    lastRemindedOn: date('last_reminded_on'),
    createdBy: text('created_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    check('decision_tasks_status_ck', sql`${t.status} in ('open','done')`),
    index('decision_tasks_due_idx').on(t.status, t.dueDate),
  ],
);

/** Progress reports on a task (落实情况), with evidence described in text. */
export const taskReports = pgTable('decision_task_reports', {
  id: text('id').primaryKey(),
  taskId: text('task_id')
    .notNull()
    .references(() => decisionTasks.id),
  personId: text('person_id').notNull(),
  body: text('body').notNull(),
  evidence: text('evidence').notNull().default(''),
  at: timestamp('at', { withTimezone: true }).notNull(),
});

/**
 * A topic proposal (议题建议, PG-10, DM-12, SZYD-11): proposed by a member or a section with
 * materials and the section's preferred opinion, collected by 综合科, reviewed by the 分管领导
 * and confirmed by the principal leader where 三重一大 asks, then put on a meeting's agenda by
 * its chair. The topic row is created only then, so the agenda holds confirmed topics only.
 */
export const topicProposals = pgTable(
  'meeting_topic_proposals',
  {
    id: text('id').primaryKey(),
    bodyCode: text('body_code').notNull(),
    title: text('title').notNull(),
    /** ordinary | cadre | szyd | briefing, after the classifier. */
    kind: text('kind').notNull(),
    matterKind: text('matter_kind'),
    amountFen: bigint('amount_fen', { mode: 'number' }),
    purpose: text('purpose'),
    inOfficeName: boolean('in_office_name'),
    szydRuleId: text('szyd_rule_id'),
    /** 议事范围 codes: PG-S1…PG-S11 (PG-01) or DM-S1…DM-S10 (DM-01). */
    scopeCodes: jsonb('scope_codes').$type<string[]>().notNull().default([]),
    /** What the consultations must cover (WR-06, SZYD-09) and the DM-02 confirmation. */
    flags: jsonb('flags').$type<ProposalFlags>().notNull().default({}),
    /** WR-09: the 年度计划 / 决策目录 item, or the 主任's recorded approval of an off-plan topic. */
    planItem: text('plan_item'),
    offPlanApprovedBy: text('off_plan_approved_by'),
    offPlanApprovedAt: timestamp('off_plan_approved_at', { withTimezone: true }),
    offPlanReason: text('off_plan_reason'),
    materials: text('materials').notNull().default(''),
    attachments: jsonb('attachments').$type<Attachment[]>().notNull().default([]),
    preferredOpinion: text('preferred_opinion').notNull().default(''),
    isMajor: boolean('is_major').notNull().default(false),
    relatedStaffIds: jsonb('related_staff_ids').$type<string[]>().notNull().default([]),
    /** principal | member | section (SZYD-11 proposerKind). */
    proposerKind: text('proposer_kind').notNull(),
    proposerId: text('proposer_id').notNull(),
    proposerUnitId: text('proposer_unit_id'),
    /** followups: generated from the 落实情况 list (SZYD-35). */
    source: text('source').notNull().default('proposal'),
    /** submitted | collected | scheduled | withdrawn */
    status: text('status').notNull().default('submitted'),
    collectedBy: text('collected_by'),
    collectedAt: timestamp('collected_at', { withTimezone: true }),
    reviewedBy: text('reviewed_by'),
    reviewedAt: timestamp('reviewed_at', { withTimezone: true }),
    confirmedBy: text('confirmed_by'),
    confirmedAt: timestamp('confirmed_at', { withTimezone: true }),
    meetingId: text('meeting_id'),
    topicId: text('topic_id'),
    agendaApprovedBy: text('agenda_approved_by'),
    agendaApprovedAt: timestamp('agenda_approved_at', { withTimezone: true }),
    createdBy: text('created_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    check('topic_proposals_status_ck', sql`${t.status} in ('submitted','collected','scheduled','withdrawn')`),
    check('topic_proposals_kind_ck', sql`${t.proposerKind} in ('principal','member','section')`),
    index('topic_proposals_status_idx').on(t.status, t.bodyCode),
  ],
);

/** 保留意见 (PG-20): a minority member's reserved opinion on an adopted topic; never changes the decision. */
export const minorityOpinions = pgTable(
  'meeting_minority_opinions',
  {
    topicId: text('topic_id')
      .notNull()
      .references(() => meetingTopics.id),
    personId: text('person_id').notNull(),
    body: text('body').notNull(),
    reportToSuperior: boolean('report_to_superior').notNull().default(false),
    at: timestamp('at', { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.topicId, t.personId] })],
);

/** 具体负责的成员 (PG-22) and the one 牵头 member where duties overlap (SZYD-26), fixed at the decision. */
export const decisionResponsibles = pgTable(
  'meeting_decision_responsibles',
  {
    decisionId: text('decision_id')
      .notNull()
      .references(() => meetingDecisions.id),
    personId: text('person_id').notNull(),
    isLead: boolean('is_lead').notNull().default(false),
  },
  (t) => [primaryKey({ columns: [t.decisionId, t.personId] })],
);

/**
 * 改期 (DM-08): a planned meeting moved to another time, with the reason; the time must be
 * approved and the notice sent again (PG-03 / DM-07, PG-04 / DM-11).
 */
export const meetingReschedules = pgTable('meeting_reschedules', {
  id: text('id').primaryKey(),
  meetingId: text('meeting_id')
    .notNull()
    .references(() => meetings.id),
  fromStartAt: timestamp('from_start_at', { withTimezone: true }).notNull(),
  toStartAt: timestamp('to_start_at', { withTimezone: true }).notNull(),
  reason: text('reason').notNull(),
  byPersonId: text('by_person_id').notNull(),
  at: timestamp('at', { withTimezone: true }).notNull(),
});

/**
 * 无记名投票 (SZYD-20, CONF-29): who has voted, without the choice; the primary key allows one
 * ballot per member per topic (PG-17). Written in the same transaction as the ballot-box count.
 */
export const topicBallotVoters = pgTable(
  'topic_ballot_voters',
  {
    topicId: text('topic_id')
      .notNull()
      .references(() => meetingTopics.id),
    personId: text('person_id').notNull(),
  },
  (t) => [primaryKey({ columns: [t.topicId, t.personId] })],
);

/**
 * The ballot box of a secret vote: one counter per topic and choice. No row names a member, no
 * row carries a time or an order, so nothing stored links a member to a choice.
 */
export const topicBallotBox = pgTable(
  'topic_ballot_box',
  {
    topicId: text('topic_id')
      .notNull()
      .references(() => meetingTopics.id),
    choice: text('choice').notNull(),
    count: integer('count').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.topicId, t.choice] }),
    check('topic_ballot_box_choice_ck', sql`${t.choice} in ('agree','disagree','abstain')`),
  ],
);

/**
 * 调查研究、征求意见 and 酝酿 before a decision (WR-06, PG-11, SZYD-09, SZYD-10). Deliberately no
 * outcome column: a 酝酿 (pre_meeting_deliberation) can never decide anything (SZYD-10).
 */
export const meetingConsultations = pgTable(
  'meeting_consultations',
  {
    id: text('id').primaryKey(),
    proposalId: text('proposal_id')
      .notNull()
      .references(() => topicProposals.id),
    kind: text('kind').notNull(),
    /** Who led it (the 分管领导 for SZYD-09). */
    leadId: text('lead_id'),
    /** Members of the body who took part in person (PG-11). */
    memberIds: jsonb('member_ids').$type<string[]>().notNull().default([]),
    participants: text('participants').notNull().default(''),
    summary: text('summary').notNull(),
    heldOn: date('held_on').notNull(),
    recordedBy: text('recorded_by').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull(),
  },
  (t) => [index('meeting_consultations_proposal_idx').on(t.proposalId)],
);

/** 充分听取党组成员意见 (PG-10): members' comments on the draft agenda of a planned meeting. */
export const agendaComments = pgTable(
  'meeting_agenda_comments',
  {
    id: text('id').primaryKey(),
    meetingId: text('meeting_id')
      .notNull()
      .references(() => meetings.id),
    personId: text('person_id').notNull(),
    body: text('body').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull(),
  },
  (t) => [index('meeting_agenda_comments_meeting_idx').on(t.meetingId)],
);

/**
 * Reports on a decision in force (PG-24, PG-25, SZYD-32): new situations or major problems in
 * carrying it out (problem, PG-25), a truthful report to a superior about a matter touching it
 * (superior, PG-24), a potential loss found after execution (potential_loss, SZYD-32 4) and its
 * correction (correction). A problem may become a new topic proposal (linked).
 */
export const decisionReports = pgTable(
  'meeting_decision_reports',
  {
    id: text('id').primaryKey(),
    decisionId: text('decision_id')
      .notNull()
      .references(() => meetingDecisions.id),
    kind: text('kind').notNull(),
    body: text('body').notNull(),
    /** For superior: the superior organisation reported to. */
    addressee: text('addressee'),
    /** A report the chair must act on (problem, potential_loss) is answered by a later correction or topic. */
    dueDate: date('due_date'),
    resolvedAt: timestamp('resolved_at', { withTimezone: true }),
    proposalId: text('proposal_id'),
    personId: text('person_id').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull(),
  },
  (t) => [
    check('meeting_decision_reports_kind_ck', sql`${t.kind} in ('problem','superior','potential_loss','correction')`),
    index('meeting_decision_reports_decision_idx').on(t.decisionId),
  ],
);

/**
 * 临时处置 (SZYD-29): one leader's interim disposal of a major emergency without a collective
 * decision; it must be reported to the leadership team afterwards (due date from the rule).
 */
export const emergencyDisposals = pgTable(
  'meeting_emergency_disposals',
  {
    id: text('id').primaryKey(),
    personId: text('person_id').notNull(),
    matter: text('matter').notNull(),
    disposedAt: timestamp('disposed_at', { withTimezone: true }).notNull(),
    reportDueDate: date('report_due_date').notNull(),
    reportedAt: timestamp('reported_at', { withTimezone: true }),
    reportedMeetingId: text('reported_meeting_id'),
    needsRedecision: boolean('needs_redecision').notNull().default(false),
    lastRemindedOn: date('last_reminded_on'),
    recordedBy: text('recorded_by').notNull(),
  },
  (t) => [index('meeting_emergency_disposals_due_idx').on(t.reportedAt, t.reportDueDate)],
);

/** 责任追究 (SZYD-32 circumstances 1–5, SZYD-33 measures from the closed list). */
export const accountabilityCases = pgTable('meeting_accountability_cases', {
  id: text('id').primaryKey(),
  circumstance: integer('circumstance').notNull(),
  personIds: jsonb('person_ids').$type<string[]>().notNull(),
  decisionId: text('decision_id'),
  disposalId: text('disposal_id'),
  facts: text('facts').notNull(),
  measures: jsonb('measures').$type<string[]>().notNull(),
  otherMeasure: text('other_measure'),
  recordedBy: text('recorded_by').notNull(),
  at: timestamp('at', { withTimezone: true }).notNull(),
}, (t) => [check('meeting_accountability_circumstance_ck', sql`${t.circumstance} between 1 and 5`)]);

/** 所属事业单位的“三重一大”决策 registered for the 党组's oversight (SZYD-36, CONF-37). */
export const institutionDecisions = pgTable('meeting_institution_decisions', {
  id: text('id').primaryKey(),
  institution: text('institution').notNull(),
  title: text('title').notNull(),
  decidedOn: date('decided_on').notNull(),
  category: text('category').notNull(),
  summary: text('summary').notNull(),
  oversightNote: text('oversight_note'),
  oversightBy: text('oversight_by'),
  oversightAt: timestamp('oversight_at', { withTimezone: true }),
  recordedBy: text('recorded_by').notNull(),
  at: timestamp('at', { withTimezone: true }).notNull(),
});

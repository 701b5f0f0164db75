CREATE TABLE "account_roles" (
	"account_id" text NOT NULL,
	"role_id" text NOT NULL,
	"admin_kind" text DEFAULT 'none' NOT NULL,
	CONSTRAINT "account_roles_account_id_role_id_pk" PRIMARY KEY("account_id","role_id")
);
--> statement-breakpoint
CREATE TABLE "role_permissions" (
	"role_id" text NOT NULL,
	"permission" text NOT NULL,
	CONSTRAINT "role_permissions_role_id_permission_pk" PRIMARY KEY("role_id","permission")
);
--> statement-breakpoint
CREATE TABLE "roles" (
	"id" text PRIMARY KEY NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"admin_kind" text DEFAULT 'none' NOT NULL,
	"scope" text DEFAULT 'self' NOT NULL,
	"builtin" boolean DEFAULT false NOT NULL,
	CONSTRAINT "roles_code_unique" UNIQUE("code"),
	CONSTRAINT "roles_id_admin_kind_uq" UNIQUE("id","admin_kind"),
	CONSTRAINT "roles_admin_kind_ck" CHECK ("roles"."admin_kind" in ('none','system','security','audit')),
	CONSTRAINT "roles_scope_ck" CHECK ("roles"."scope" in ('all','unit','self'))
);
--> statement-breakpoint
CREATE TABLE "audit_chain_head" (
	"id" text PRIMARY KEY NOT NULL,
	"last_seq" bigint NOT NULL,
	"last_hash" text NOT NULL,
	"sealed_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "audit_log" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"actor_account_id" text,
	"actor_username" text,
	"actor_role" text,
	"source_ip" text,
	"event" text NOT NULL,
	"object_type" text,
	"object_id" text,
	"outcome" text NOT NULL,
	"request_id" text,
	"detail" jsonb,
	"txid" bigint NOT NULL,
	"seq" bigint,
	"prev_hash" text,
	"hash" text,
	"sealed_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "calendar_year" (
	"year" integer PRIMARY KEY NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"source_doc" text NOT NULL,
	"origin" text DEFAULT 'manual' NOT NULL,
	"revision" text NOT NULL,
	"created_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"submitted_by" text,
	"submitted_at" timestamp with time zone,
	"approved_by" text,
	"approved_at" timestamp with time zone,
	"return_note" text,
	CONSTRAINT "calendar_year_status_ck" CHECK ("calendar_year"."status" in ('draft','review','published'))
);
--> statement-breakpoint
CREATE TABLE "work_calendar" (
	"date" date PRIMARY KEY NOT NULL,
	"notice_year" integer NOT NULL,
	"kind" text NOT NULL,
	"festival" text NOT NULL,
	"source_doc" text NOT NULL,
	"entered_by" text,
	"entered_at" timestamp with time zone DEFAULT now() NOT NULL,
	"approved_by" text,
	"approved_at" timestamp with time zone,
	CONSTRAINT "work_calendar_kind_ck" CHECK ("work_calendar"."kind" in ('holiday','adjusted_workday'))
);
--> statement-breakpoint
CREATE TABLE "flow_actions" (
	"id" text PRIMARY KEY NOT NULL,
	"instance_id" text NOT NULL,
	"seq" integer NOT NULL,
	"task_id" text,
	"step_index" integer,
	"actor_person_id" text,
	"action" text NOT NULL,
	"comment" text,
	"detail" jsonb,
	"at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "flow_instances" (
	"id" text PRIMARY KEY NOT NULL,
	"definition_key" text NOT NULL,
	"definition_version" integer NOT NULL,
	"title" text NOT NULL,
	"applicant_person_id" text NOT NULL,
	"applicant_unit_id" text,
	"form" jsonb NOT NULL,
	"facts" jsonb NOT NULL,
	"plan" jsonb NOT NULL,
	"status" text NOT NULL,
	"current_step" integer,
	"revision" integer DEFAULT 0 NOT NULL,
	"subject_type" text,
	"subject_id" text,
	"submitted_at" timestamp with time zone NOT NULL,
	"completed_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "flow_tasks" (
	"id" text PRIMARY KEY NOT NULL,
	"instance_id" text NOT NULL,
	"step_index" integer NOT NULL,
	"round" integer NOT NULL,
	"kind" text NOT NULL,
	"assignee_person_id" text NOT NULL,
	"on_behalf_of_person_id" text,
	"origin" text DEFAULT 'plan' NOT NULL,
	"status" text NOT NULL,
	"comment" text,
	"external" jsonb,
	"due_date" date,
	"created_at" timestamp with time zone NOT NULL,
	"decided_at" timestamp with time zone,
	"decided_by_person_id" text
);
--> statement-breakpoint
CREATE TABLE "flow_timers" (
	"id" text PRIMARY KEY NOT NULL,
	"instance_id" text NOT NULL,
	"task_id" text NOT NULL,
	"kind" text NOT NULL,
	"due_at" timestamp with time zone NOT NULL,
	"fired_at" timestamp with time zone,
	"cancelled_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "accounts" (
	"id" text PRIMARY KEY NOT NULL,
	"username" text NOT NULL,
	"display_name" text NOT NULL,
	"person_id" text,
	"password_hash" text NOT NULL,
	"must_change_password" boolean DEFAULT false NOT NULL,
	"password_changed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"failed_logins" integer DEFAULT 0 NOT NULL,
	"locked_until" timestamp with time zone,
	"status" text DEFAULT 'active' NOT NULL,
	"last_login_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "accounts_username_unique" UNIQUE("username"),
	CONSTRAINT "accounts_password_hash_ck" CHECK (length("accounts"."password_hash") > 0),
	CONSTRAINT "accounts_status_ck" CHECK ("accounts"."status" in ('active','disabled'))
);
--> statement-breakpoint
CREATE TABLE "password_history" (
	"id" text PRIMARY KEY NOT NULL,
	"account_id" text NOT NULL,
	"password_hash" text NOT NULL,
	"set_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sessions" (
	"id" text PRIMARY KEY NOT NULL,
	"account_id" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_seen_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"ip" text,
	"user_agent" text
);
--> statement-breakpoint
CREATE TABLE "notifications" (
	"id" text PRIMARY KEY NOT NULL,
	"recipient_person_id" text NOT NULL,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"body" text DEFAULT '' NOT NULL,
	"link" text,
	"object_type" text,
	"object_id" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"read_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "acting_arrangements" (
	"id" text PRIMARY KEY NOT NULL,
	"absent_person_id" text NOT NULL,
	"acting_person_id" text NOT NULL,
	"post_code" text,
	"start_date" date NOT NULL,
	"end_date" date NOT NULL,
	"reason" text NOT NULL,
	"designated_by_id" text,
	"created_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "acting_dates_ck" CHECK ("acting_arrangements"."start_date" <= "acting_arrangements"."end_date"),
	CONSTRAINT "acting_distinct_ck" CHECK ("acting_arrangements"."absent_person_id" <> "acting_arrangements"."acting_person_id")
);
--> statement-breakpoint
CREATE TABLE "leadership_areas" (
	"code" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"restricted" boolean DEFAULT false NOT NULL,
	"sort_order" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "leadership_assignments" (
	"id" text PRIMARY KEY NOT NULL,
	"leader_id" text NOT NULL,
	"unit_id" text,
	"area_code" text,
	"basis" text DEFAULT 'division' NOT NULL,
	"start_date" date NOT NULL,
	"end_date" date,
	"note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "leadership_target_ck" CHECK (("leadership_assignments"."unit_id" is null) <> ("leadership_assignments"."area_code" is null)),
	CONSTRAINT "leadership_dates_ck" CHECK ("leadership_assignments"."end_date" is null or "leadership_assignments"."start_date" <= "leadership_assignments"."end_date"),
	CONSTRAINT "leadership_basis_ck" CHECK ("leadership_assignments"."basis" in ('division','entrusted'))
);
--> statement-breakpoint
CREATE TABLE "org_bodies" (
	"code" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"sort_order" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "org_body_seats" (
	"body_code" text NOT NULL,
	"post_code" text NOT NULL,
	"unit_id" text,
	"seat" text NOT NULL,
	CONSTRAINT "org_body_seats_body_code_post_code_seat_pk" PRIMARY KEY("body_code","post_code","seat"),
	CONSTRAINT "org_body_seats_seat_ck" CHECK ("org_body_seats"."seat" in ('chair','member','attendee','invited'))
);
--> statement-breakpoint
CREATE TABLE "org_units" (
	"id" text PRIMARY KEY NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"kind" text NOT NULL,
	"parent_id" text,
	"head_post_code" text,
	"sort_order" integer DEFAULT 0 NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	CONSTRAINT "org_units_code_unique" UNIQUE("code"),
	CONSTRAINT "org_units_kind_ck" CHECK ("org_units"."kind" in ('office','section','center'))
);
--> statement-breakpoint
CREATE TABLE "people" (
	"id" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"unit_id" text,
	"grade" text NOT NULL,
	"work_start_date" date,
	"party_member" boolean DEFAULT false NOT NULL,
	"sort_order" integer DEFAULT 0 NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "people_grade_ck" CHECK ("people"."grade" in ('principal','deputy','section','general'))
);
--> statement-breakpoint
CREATE TABLE "post_holdings" (
	"id" text PRIMARY KEY NOT NULL,
	"person_id" text NOT NULL,
	"post_code" text NOT NULL,
	"unit_id" text,
	"start_date" date NOT NULL,
	"end_date" date,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "post_holdings_dates_ck" CHECK ("post_holdings"."end_date" is null or "post_holdings"."start_date" <= "post_holdings"."end_date")
);
--> statement-breakpoint
CREATE TABLE "posts" (
	"code" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"category" text NOT NULL,
	"principal" boolean DEFAULT false NOT NULL,
	"sort_order" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "posts_category_ck" CHECK ("posts"."category" in ('leader','party','section','staff','duty'))
);
--> statement-breakpoint
CREATE TABLE "rule_params" (
	"rule_id" text NOT NULL,
	"key" text NOT NULL,
	"value" jsonb NOT NULL,
	"updated_by" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "rule_params_rule_id_key_pk" PRIMARY KEY("rule_id","key")
);
--> statement-breakpoint
CREATE TABLE "settings" (
	"key" text PRIMARY KEY NOT NULL,
	"value" jsonb NOT NULL,
	"updated_by" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "doc_number_counters" (
	"series" text NOT NULL,
	"year" integer NOT NULL,
	"last_seq" integer NOT NULL,
	CONSTRAINT "doc_number_counters_series_year_pk" PRIMARY KEY("series","year")
);
--> statement-breakpoint
CREATE TABLE "doc_reprints" (
	"id" text PRIMARY KEY NOT NULL,
	"document_id" text NOT NULL,
	"reason" text NOT NULL,
	"major_change" boolean NOT NULL,
	"requested_by" text NOT NULL,
	"requested_at" timestamp with time zone NOT NULL,
	"resign_instance_id" text,
	"status" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "doc_outgoing" (
	"id" text PRIMARY KEY NOT NULL,
	"status" text NOT NULL,
	"kind" text NOT NULL,
	"direction" text NOT NULL,
	"category" text NOT NULL,
	"series" text NOT NULL,
	"title" text NOT NULL,
	"main_recipients" jsonb NOT NULL,
	"cc_recipients" jsonb NOT NULL,
	"body" jsonb NOT NULL,
	"attachments" jsonb NOT NULL,
	"classification" text DEFAULT '无' NOT NULL,
	"secrecy_term" text,
	"work_secret" boolean DEFAULT false NOT NULL,
	"urgency" text DEFAULT '非紧急' NOT NULL,
	"disclosure" text,
	"disclosure_method" text,
	"non_disclosure_reason_code" text,
	"non_disclosure_reason_text" text,
	"is_forwarding" boolean DEFAULT false NOT NULL,
	"forwarded_source_attribute" text,
	"forwarding_deviation_reason" text,
	"is_important" boolean DEFAULT false NOT NULL,
	"counterpart_signer_level" text,
	"countersign_unit_ids" jsonb NOT NULL,
	"proposed_signer_id" text,
	"requested_sign_by" date,
	"note" text,
	"drafting_unit_id" text,
	"drafter_person_id" text NOT NULL,
	"flow_instance_id" text,
	"go_review" jsonb,
	"signed_by_person_id" text,
	"signed_by_name" text,
	"signed_role" text,
	"signed_at" timestamp with time zone,
	"issue_date" date,
	"body_hash_at_sign_off" text,
	"doc_number" text,
	"doc_year" integer,
	"doc_seq" integer,
	"numbered_at" timestamp with time zone,
	"numbered_by" text,
	"reprints" integer DEFAULT 0 NOT NULL,
	"revision" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "doc_outgoing_secret_ck" CHECK ("doc_outgoing"."classification" = '无')
);
--> statement-breakpoint
CREATE TABLE "finance_claims" (
	"id" text PRIMARY KEY NOT NULL,
	"person_id" text NOT NULL,
	"unit_id" text,
	"flow_instance_id" text NOT NULL,
	"category" text NOT NULL,
	"tier" text NOT NULL,
	"payee" text NOT NULL,
	"purpose" text NOT NULL,
	"amount_fen" bigint NOT NULL,
	"payable_fen" bigint NOT NULL,
	"decision_id" text,
	"trip_id" text,
	"reception_id" text,
	"status" text NOT NULL,
	"submitted_on" date NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "finance_receptions" (
	"id" text PRIMARY KEY NOT NULL,
	"person_id" text NOT NULL,
	"unit_id" text,
	"flow_instance_id" text NOT NULL,
	"year" integer NOT NULL,
	"seq" integer NOT NULL,
	"guest_unit" text NOT NULL,
	"purpose" text NOT NULL,
	"visit_start" date NOT NULL,
	"visit_end" date NOT NULL,
	"guests" integer NOT NULL,
	"letter" jsonb NOT NULL,
	"status" text NOT NULL,
	"approved_on" date,
	"list" jsonb,
	"list_filled_at" timestamp with time zone,
	"list_reviewed_by" text,
	"list_reviewed_at" timestamp with time zone,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "finance_split_flags" (
	"id" text PRIMARY KEY NOT NULL,
	"unit_id" text,
	"payee" text NOT NULL,
	"claim_ids" jsonb NOT NULL,
	"total_fen" bigint NOT NULL,
	"window_days" integer NOT NULL,
	"rule_id" text NOT NULL,
	"message" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "meeting_decision_responsibles" (
	"decision_id" text NOT NULL,
	"person_id" text NOT NULL,
	"is_lead" boolean DEFAULT false NOT NULL,
	CONSTRAINT "meeting_decision_responsibles_decision_id_person_id_pk" PRIMARY KEY("decision_id","person_id")
);
--> statement-breakpoint
CREATE TABLE "decision_tasks" (
	"id" text PRIMARY KEY NOT NULL,
	"decision_id" text NOT NULL,
	"title" text NOT NULL,
	"owner_id" text NOT NULL,
	"co_owner_ids" jsonb NOT NULL,
	"due_date" date NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"closed_at" timestamp with time zone,
	"closed_by" text,
	"closing_note" text,
	"last_reminded_on" date,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "decision_tasks_status_ck" CHECK ("decision_tasks"."status" in ('open','done'))
);
--> statement-breakpoint
CREATE TABLE "meeting_attendees" (
	"meeting_id" text NOT NULL,
	"person_id" text NOT NULL,
	"name" text NOT NULL,
	"capacity" text NOT NULL,
	"status" text DEFAULT 'present' NOT NULL,
	"leave_reason" text,
	"leave_requested_at" timestamp with time zone,
	"sort_order" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "meeting_attendees_meeting_id_person_id_pk" PRIMARY KEY("meeting_id","person_id"),
	CONSTRAINT "meeting_attendees_capacity_ck" CHECK ("meeting_attendees"."capacity" in ('member','standing','invited')),
	CONSTRAINT "meeting_attendees_status_ck" CHECK ("meeting_attendees"."status" in ('present','leave','absent')),
	CONSTRAINT "meeting_attendees_leave_ck" CHECK ("meeting_attendees"."status" <> 'leave' or coalesce("meeting_attendees"."leave_reason", '') <> '')
);
--> statement-breakpoint
CREATE TABLE "meeting_decisions" (
	"id" text PRIMARY KEY NOT NULL,
	"meeting_id" text NOT NULL,
	"topic_id" text NOT NULL,
	"body_code" text NOT NULL,
	"title" text NOT NULL,
	"body" text NOT NULL,
	"decided_on" date NOT NULL,
	"status" text DEFAULT 'in_force' NOT NULL,
	"supersedes_id" text,
	"supersede_mode" text,
	"matter_kind" text,
	"amount_fen" bigint,
	"purpose" text,
	"szyd_rule_id" text,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "meeting_decisions_status_ck" CHECK ("meeting_decisions"."status" in ('in_force','revoked','superseded'))
);
--> statement-breakpoint
CREATE TABLE "meeting_minutes" (
	"id" text PRIMARY KEY NOT NULL,
	"meeting_id" text NOT NULL,
	"version" integer NOT NULL,
	"corrects_id" text,
	"correction_reason" text,
	"content" jsonb NOT NULL,
	"signed_by" text NOT NULL,
	"signed_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "meeting_topics" (
	"id" text PRIMARY KEY NOT NULL,
	"meeting_id" text NOT NULL,
	"seq" integer NOT NULL,
	"title" text NOT NULL,
	"kind" text NOT NULL,
	"matter_kind" text,
	"amount_fen" bigint,
	"purpose" text,
	"szyd_rule_id" text,
	"materials" text DEFAULT '' NOT NULL,
	"preferred_opinion" text DEFAULT '' NOT NULL,
	"presenter_id" text,
	"proposal_id" text,
	"attachments" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"is_major" boolean DEFAULT false NOT NULL,
	"target_decision_id" text,
	"target_mode" text,
	"ad_hoc_reason" text,
	"ad_hoc_ground" text,
	"status" text DEFAULT 'pending' NOT NULL,
	"vote_method" text,
	"disagreement_flag" boolean DEFAULT false NOT NULL,
	"emergency_reason" text,
	"due_count" integer,
	"eligible_voter_ids" jsonb,
	"yes_count" integer,
	"no_count" integer,
	"abstain_count" integer,
	"outcome" text,
	"outcome_reason" text,
	"chair_conclusion" text,
	"opened_at" timestamp with time zone,
	"closed_at" timestamp with time zone,
	CONSTRAINT "meeting_topics_kind_ck" CHECK ("meeting_topics"."kind" in ('ordinary','cadre','szyd','briefing')),
	CONSTRAINT "meeting_topics_status_ck" CHECK ("meeting_topics"."status" in ('pending','discussion','voting','closed'))
);
--> statement-breakpoint
CREATE TABLE "meetings" (
	"id" text PRIMARY KEY NOT NULL,
	"body_code" text NOT NULL,
	"kind" text DEFAULT 'regular' NOT NULL,
	"title" text NOT NULL,
	"start_at" timestamp with time zone NOT NULL,
	"meeting_date" date NOT NULL,
	"place" text NOT NULL,
	"chair_id" text NOT NULL,
	"recorder_id" text,
	"status" text DEFAULT 'planned' NOT NULL,
	"chair_basis" text DEFAULT 'holder' NOT NULL,
	"chair_delegated_by" text,
	"chair_delegation_reason" text,
	"time_approved_by" text,
	"time_approved_at" timestamp with time zone,
	"notice_sent_at" timestamp with time zone,
	"notice_sent_by" text,
	"notice_late_reason" text,
	"reminder_due_at" timestamp with time zone,
	"reminder_sent_at" timestamp with time zone,
	"opened_at" timestamp with time zone,
	"closed_at" timestamp with time zone,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "meetings_status_ck" CHECK ("meetings"."status" in ('planned','open','closed')),
	CONSTRAINT "meetings_kind_ck" CHECK ("meetings"."kind" in ('regular','ad_hoc'))
);
--> statement-breakpoint
CREATE TABLE "meeting_minority_opinions" (
	"topic_id" text NOT NULL,
	"person_id" text NOT NULL,
	"body" text NOT NULL,
	"report_to_superior" boolean DEFAULT false NOT NULL,
	"at" timestamp with time zone NOT NULL,
	CONSTRAINT "meeting_minority_opinions_topic_id_person_id_pk" PRIMARY KEY("topic_id","person_id")
);
--> statement-breakpoint
CREATE TABLE "decision_task_reports" (
	"id" text PRIMARY KEY NOT NULL,
	"task_id" text NOT NULL,
	"person_id" text NOT NULL,
	"body" text NOT NULL,
	"evidence" text DEFAULT '' NOT NULL,
	"at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "topic_attendees" (
	"topic_id" text NOT NULL,
	"person_id" text NOT NULL,
	"name" text NOT NULL,
	CONSTRAINT "topic_attendees_topic_id_person_id_pk" PRIMARY KEY("topic_id","person_id")
);
--> statement-breakpoint
CREATE TABLE "topic_opinions" (
	"id" text PRIMARY KEY NOT NULL,
	"topic_id" text NOT NULL,
	"seq" integer NOT NULL,
	"person_id" text NOT NULL,
	"capacity" text NOT NULL,
	"stance" text,
	"reason" text DEFAULT '' NOT NULL,
	"body" text NOT NULL,
	"is_conclusion" boolean DEFAULT false NOT NULL,
	"voided" boolean DEFAULT false NOT NULL,
	"recorded_by" text NOT NULL,
	"at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "meeting_topic_proposals" (
	"id" text PRIMARY KEY NOT NULL,
	"body_code" text NOT NULL,
	"title" text NOT NULL,
	"kind" text NOT NULL,
	"matter_kind" text,
	"amount_fen" bigint,
	"purpose" text,
	"in_office_name" boolean,
	"szyd_rule_id" text,
	"materials" text DEFAULT '' NOT NULL,
	"attachments" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"preferred_opinion" text DEFAULT '' NOT NULL,
	"is_major" boolean DEFAULT false NOT NULL,
	"related_staff_ids" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"proposer_kind" text NOT NULL,
	"proposer_id" text NOT NULL,
	"proposer_unit_id" text,
	"source" text DEFAULT 'proposal' NOT NULL,
	"status" text DEFAULT 'submitted' NOT NULL,
	"collected_by" text,
	"collected_at" timestamp with time zone,
	"reviewed_by" text,
	"reviewed_at" timestamp with time zone,
	"confirmed_by" text,
	"confirmed_at" timestamp with time zone,
	"meeting_id" text,
	"topic_id" text,
	"agenda_approved_by" text,
	"agenda_approved_at" timestamp with time zone,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "topic_proposals_status_ck" CHECK ("meeting_topic_proposals"."status" in ('submitted','collected','scheduled','withdrawn')),
	CONSTRAINT "topic_proposals_kind_ck" CHECK ("meeting_topic_proposals"."proposer_kind" in ('principal','member','section'))
);
--> statement-breakpoint
CREATE TABLE "topic_recusals" (
	"topic_id" text NOT NULL,
	"person_id" text NOT NULL,
	"ground" text NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"declared_by" text NOT NULL,
	"declared_at" timestamp with time zone NOT NULL,
	CONSTRAINT "topic_recusals_topic_id_person_id_pk" PRIMARY KEY("topic_id","person_id")
);
--> statement-breakpoint
CREATE TABLE "topic_votes" (
	"topic_id" text NOT NULL,
	"person_id" text NOT NULL,
	"choice" text NOT NULL,
	"recorded_by" text NOT NULL,
	"at" timestamp with time zone NOT NULL,
	CONSTRAINT "topic_votes_topic_id_person_id_pk" PRIMARY KEY("topic_id","person_id"),
	CONSTRAINT "topic_votes_choice_ck" CHECK ("topic_votes"."choice" in ('agree','disagree','abstain'))
);
--> statement-breakpoint
CREATE TABLE "absence_records" (
	"id" text PRIMARY KEY NOT NULL,
	"person_id" text NOT NULL,
	"date" date NOT NULL,
	"halves" integer NOT NULL,
	"ground" text NOT NULL,
	"evidence" text NOT NULL,
	"status" text NOT NULL,
	"leave_id" text,
	"trip_id" text,
	"decided_by" text NOT NULL,
	"decided_at" timestamp with time zone NOT NULL,
	CONSTRAINT "absence_records_halves_ck" CHECK ("absence_records"."halves" in (1, 2))
);
--> statement-breakpoint
CREATE TABLE "annual_leave_forfeits" (
	"id" text PRIMARY KEY NOT NULL,
	"person_id" text NOT NULL,
	"year" integer NOT NULL,
	"kind" text NOT NULL,
	"code" text NOT NULL,
	"triggered_on" date NOT NULL,
	"source_leave_id" text,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "leave_extensions" (
	"id" text PRIMARY KEY NOT NULL,
	"leave_id" text NOT NULL,
	"requested_on" date NOT NULL,
	"decision" text NOT NULL,
	"previous_end_date" date NOT NULL,
	"new_end_date" date,
	"new_end_half" text,
	"added_halves" integer DEFAULT 0 NOT NULL,
	"note" text,
	"decided_by" text NOT NULL,
	"decided_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "leave_ledger" (
	"id" text PRIMARY KEY NOT NULL,
	"person_id" text NOT NULL,
	"year" integer NOT NULL,
	"leave_type" text NOT NULL,
	"entry" text NOT NULL,
	"halves" integer NOT NULL,
	"tier_days" integer,
	"source_id" text,
	"leave_id" text,
	"note" text NOT NULL,
	"created_by" text,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "leave_ledger_entry_ck" CHECK ("leave_ledger"."entry" in ('grant','use','reversal','forfeit'))
);
--> statement-breakpoint
CREATE TABLE "leave_requests" (
	"id" text PRIMARY KEY NOT NULL,
	"person_id" text NOT NULL,
	"unit_id" text,
	"flow_instance_id" text,
	"type" text NOT NULL,
	"special_kind" text,
	"start_date" date NOT NULL,
	"start_half" text NOT NULL,
	"end_date" date NOT NULL,
	"end_half" text NOT NULL,
	"effective_end_date" date NOT NULL,
	"effective_end_half" text NOT NULL,
	"working_halves" integer NOT NULL,
	"calendar_halves" integer NOT NULL,
	"chargeable_halves" integer NOT NULL,
	"reason" text NOT NULL,
	"channel" text NOT NULL,
	"status" text NOT NULL,
	"salary_deducted" boolean DEFAULT false NOT NULL,
	"attachments" jsonb NOT NULL,
	"report_back_due" date,
	"reported_back_at" timestamp with time zone,
	"returned_on" date,
	"report_back_mode" text,
	"report_back_received_by" text,
	"cancel_reason" text,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "leave_requests_halves_ck" CHECK ("leave_requests"."working_halves" >= 0 and "leave_requests"."calendar_halves" > 0)
);
--> statement-breakpoint
CREATE TABLE "personnel_profiles" (
	"person_id" text PRIMARY KEY NOT NULL,
	"gender" text,
	"established" boolean DEFAULT true NOT NULL,
	"service_start" date,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "personnel_trips" (
	"id" text PRIMARY KEY NOT NULL,
	"person_id" text NOT NULL,
	"unit_id" text,
	"flow_instance_id" text,
	"destination" text NOT NULL,
	"purpose" text NOT NULL,
	"start_date" date NOT NULL,
	"end_date" date NOT NULL,
	"companions" jsonb NOT NULL,
	"transport" text NOT NULL,
	"remarks" text,
	"status" text NOT NULL,
	"signed_by" text,
	"signed_at" timestamp with time zone,
	"returned_on" date,
	"overdue_justified" boolean,
	"overdue_reason" text,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "poverty_households" (
	"id" text PRIMARY KEY NOT NULL,
	"code" text NOT NULL,
	"village_code" text NOT NULL,
	"township_code" text NOT NULL,
	"county_code" text NOT NULL,
	"householder_name" text NOT NULL,
	"registered_status" text NOT NULL,
	"exit_year" smallint,
	"extreme_poor" boolean DEFAULT false NOT NULL,
	"net_income_per_head_fen" bigint,
	"disposable_income_per_head_fen" bigint,
	"income_year" smallint,
	"rigid_expenditure_fen" bigint,
	"last_year_income_fen" bigint,
	"income_only_transfers" boolean DEFAULT false NOT NULL,
	"education_secured" boolean DEFAULT true NOT NULL,
	"medical_secured" boolean DEFAULT true NOT NULL,
	"housing_secured" boolean DEFAULT true NOT NULL,
	"water_secured" boolean DEFAULT true NOT NULL,
	"bank_account_enc" text,
	"bank_account_masked" text,
	"member_count" integer DEFAULT 0 NOT NULL,
	"import_job_id" text,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "poverty_import_errors" (
	"job_id" text NOT NULL,
	"line" integer NOT NULL,
	"column" text,
	"code" text NOT NULL,
	"message" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "poverty_import_staging" (
	"job_id" text NOT NULL,
	"line" integer NOT NULL,
	"household_code" text NOT NULL,
	"village_code" text NOT NULL,
	"name" text NOT NULL,
	"id_enc" text NOT NULL,
	"id_hash" text NOT NULL,
	"id_masked" text NOT NULL,
	"birth_date" date NOT NULL,
	"sex" text NOT NULL,
	"relation" text NOT NULL,
	"labour_capacity" text NOT NULL,
	"disability_grade" smallint,
	"registered_status" text NOT NULL,
	"exit_year" smallint,
	"extreme_poor" boolean NOT NULL,
	"net_income_per_head_fen" bigint,
	"disposable_income_per_head_fen" bigint,
	"income_year" smallint,
	"rigid_expenditure_fen" bigint,
	"last_year_income_fen" bigint,
	"income_only_transfers" boolean NOT NULL,
	"education_secured" boolean NOT NULL,
	"medical_secured" boolean NOT NULL,
	"housing_secured" boolean NOT NULL,
	"water_secured" boolean NOT NULL,
	"bank_account_enc" text,
	"bank_account_masked" text
);
--> statement-breakpoint
CREATE TABLE "poverty_jobs" (
	"id" text PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"status" text NOT NULL,
	"file_name" text,
	"total" integer DEFAULT 0 NOT NULL,
	"processed" integer DEFAULT 0 NOT NULL,
	"accepted" integer DEFAULT 0 NOT NULL,
	"rejected" integer DEFAULT 0 NOT NULL,
	"changed" integer DEFAULT 0 NOT NULL,
	"bytes_read" bigint DEFAULT 0 NOT NULL,
	"bytes_total" bigint,
	"message" text,
	"created_by" text,
	"created_at" timestamp with time zone NOT NULL,
	"finished_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "poverty_level_changes" (
	"id" text PRIMARY KEY NOT NULL,
	"monitoring_id" text NOT NULL,
	"kind" text NOT NULL,
	"from_level" text,
	"to_level" text,
	"rule_id" text,
	"reason" text,
	"job_id" text,
	"account_id" text,
	"at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "poverty_monitoring" (
	"id" text PRIMARY KEY NOT NULL,
	"household_id" text NOT NULL,
	"category" text NOT NULL,
	"status" text NOT NULL,
	"channel" text NOT NULL,
	"sector_department" text,
	"criteria" jsonb NOT NULL,
	"level" text,
	"level_reason" text,
	"suggested_level" text,
	"suggested_rule" text,
	"proposed_at" timestamp with time zone NOT NULL,
	"proposed_by" text,
	"included_on" date,
	"confirmed_by" text,
	"exited_on" date
);
--> statement-breakpoint
CREATE TABLE "poverty_monitoring_events" (
	"id" text PRIMARY KEY NOT NULL,
	"monitoring_id" text NOT NULL,
	"kind" text NOT NULL,
	"body" text,
	"actor_name" text,
	"account_id" text,
	"detail" jsonb,
	"at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "poverty_persons" (
	"id" text PRIMARY KEY NOT NULL,
	"household_id" text NOT NULL,
	"name" text NOT NULL,
	"id_enc" text NOT NULL,
	"id_hash" text NOT NULL,
	"id_masked" text NOT NULL,
	"birth_date" date NOT NULL,
	"sex" text NOT NULL,
	"relation" text NOT NULL,
	"labour_capacity" text NOT NULL,
	"disability_grade" smallint,
	"import_job_id" text,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "poverty_regions" (
	"code" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"level" text NOT NULL,
	"parent_code" text,
	"deep_poverty" boolean DEFAULT false NOT NULL
);
--> statement-breakpoint
ALTER TABLE "account_roles" ADD CONSTRAINT "account_roles_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "account_roles" ADD CONSTRAINT "account_roles_role_fk" FOREIGN KEY ("role_id","admin_kind") REFERENCES "public"."roles"("id","admin_kind") ON DELETE cascade ON UPDATE restrict;--> statement-breakpoint
ALTER TABLE "role_permissions" ADD CONSTRAINT "role_permissions_role_id_roles_id_fk" FOREIGN KEY ("role_id") REFERENCES "public"."roles"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "work_calendar" ADD CONSTRAINT "work_calendar_notice_year_calendar_year_year_fk" FOREIGN KEY ("notice_year") REFERENCES "public"."calendar_year"("year") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "flow_actions" ADD CONSTRAINT "flow_actions_instance_id_flow_instances_id_fk" FOREIGN KEY ("instance_id") REFERENCES "public"."flow_instances"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "flow_tasks" ADD CONSTRAINT "flow_tasks_instance_id_flow_instances_id_fk" FOREIGN KEY ("instance_id") REFERENCES "public"."flow_instances"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "accounts" ADD CONSTRAINT "accounts_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "password_history" ADD CONSTRAINT "password_history_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sessions" ADD CONSTRAINT "sessions_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "acting_arrangements" ADD CONSTRAINT "acting_arrangements_absent_person_id_people_id_fk" FOREIGN KEY ("absent_person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "acting_arrangements" ADD CONSTRAINT "acting_arrangements_acting_person_id_people_id_fk" FOREIGN KEY ("acting_person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "acting_arrangements" ADD CONSTRAINT "acting_arrangements_post_code_posts_code_fk" FOREIGN KEY ("post_code") REFERENCES "public"."posts"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "acting_arrangements" ADD CONSTRAINT "acting_arrangements_designated_by_id_people_id_fk" FOREIGN KEY ("designated_by_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "leadership_assignments" ADD CONSTRAINT "leadership_assignments_leader_id_people_id_fk" FOREIGN KEY ("leader_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "leadership_assignments" ADD CONSTRAINT "leadership_assignments_unit_id_org_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "leadership_assignments" ADD CONSTRAINT "leadership_assignments_area_code_leadership_areas_code_fk" FOREIGN KEY ("area_code") REFERENCES "public"."leadership_areas"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "org_body_seats" ADD CONSTRAINT "org_body_seats_body_code_org_bodies_code_fk" FOREIGN KEY ("body_code") REFERENCES "public"."org_bodies"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "org_body_seats" ADD CONSTRAINT "org_body_seats_post_code_posts_code_fk" FOREIGN KEY ("post_code") REFERENCES "public"."posts"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "org_body_seats" ADD CONSTRAINT "org_body_seats_unit_id_org_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "org_units" ADD CONSTRAINT "org_units_parent_id_org_units_id_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "org_units" ADD CONSTRAINT "org_units_head_post_code_posts_code_fk" FOREIGN KEY ("head_post_code") REFERENCES "public"."posts"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "people" ADD CONSTRAINT "people_unit_id_org_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "post_holdings" ADD CONSTRAINT "post_holdings_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "post_holdings" ADD CONSTRAINT "post_holdings_post_code_posts_code_fk" FOREIGN KEY ("post_code") REFERENCES "public"."posts"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "post_holdings" ADD CONSTRAINT "post_holdings_unit_id_org_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_decision_responsibles" ADD CONSTRAINT "meeting_decision_responsibles_decision_id_meeting_decisions_id_fk" FOREIGN KEY ("decision_id") REFERENCES "public"."meeting_decisions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "decision_tasks" ADD CONSTRAINT "decision_tasks_decision_id_meeting_decisions_id_fk" FOREIGN KEY ("decision_id") REFERENCES "public"."meeting_decisions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_attendees" ADD CONSTRAINT "meeting_attendees_meeting_id_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."meetings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_decisions" ADD CONSTRAINT "meeting_decisions_meeting_id_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."meetings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_decisions" ADD CONSTRAINT "meeting_decisions_topic_id_meeting_topics_id_fk" FOREIGN KEY ("topic_id") REFERENCES "public"."meeting_topics"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_minutes" ADD CONSTRAINT "meeting_minutes_meeting_id_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."meetings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_topics" ADD CONSTRAINT "meeting_topics_meeting_id_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."meetings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_minority_opinions" ADD CONSTRAINT "meeting_minority_opinions_topic_id_meeting_topics_id_fk" FOREIGN KEY ("topic_id") REFERENCES "public"."meeting_topics"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "decision_task_reports" ADD CONSTRAINT "decision_task_reports_task_id_decision_tasks_id_fk" FOREIGN KEY ("task_id") REFERENCES "public"."decision_tasks"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "topic_attendees" ADD CONSTRAINT "topic_attendees_topic_id_meeting_topics_id_fk" FOREIGN KEY ("topic_id") REFERENCES "public"."meeting_topics"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "topic_opinions" ADD CONSTRAINT "topic_opinions_topic_id_meeting_topics_id_fk" FOREIGN KEY ("topic_id") REFERENCES "public"."meeting_topics"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "topic_recusals" ADD CONSTRAINT "topic_recusals_topic_id_meeting_topics_id_fk" FOREIGN KEY ("topic_id") REFERENCES "public"."meeting_topics"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "topic_votes" ADD CONSTRAINT "topic_votes_topic_id_meeting_topics_id_fk" FOREIGN KEY ("topic_id") REFERENCES "public"."meeting_topics"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "leave_extensions" ADD CONSTRAINT "leave_extensions_leave_id_leave_requests_id_fk" FOREIGN KEY ("leave_id") REFERENCES "public"."leave_requests"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "account_roles_one_admin_uq" ON "account_roles" USING btree ("account_id") WHERE admin_kind <> 'none';--> statement-breakpoint
CREATE UNIQUE INDEX "audit_log_seq_uq" ON "audit_log" USING btree ("seq");--> statement-breakpoint
CREATE INDEX "audit_log_unsealed_idx" ON "audit_log" USING btree ("txid","id") WHERE seq is null;--> statement-breakpoint
CREATE INDEX "audit_log_at_idx" ON "audit_log" USING btree ("at");--> statement-breakpoint
CREATE INDEX "audit_log_object_idx" ON "audit_log" USING btree ("object_type","object_id");--> statement-breakpoint
CREATE INDEX "audit_log_actor_idx" ON "audit_log" USING btree ("actor_account_id","at");--> statement-breakpoint
CREATE INDEX "work_calendar_notice_year_idx" ON "work_calendar" USING btree ("notice_year");--> statement-breakpoint
CREATE UNIQUE INDEX "flow_actions_seq_uq" ON "flow_actions" USING btree ("instance_id","seq");--> statement-breakpoint
CREATE INDEX "flow_instances_applicant_idx" ON "flow_instances" USING btree ("applicant_person_id","submitted_at");--> statement-breakpoint
CREATE INDEX "flow_instances_subject_idx" ON "flow_instances" USING btree ("subject_type","subject_id");--> statement-breakpoint
CREATE INDEX "flow_instances_key_idx" ON "flow_instances" USING btree ("definition_key","status");--> statement-breakpoint
CREATE INDEX "flow_tasks_assignee_idx" ON "flow_tasks" USING btree ("assignee_person_id","status");--> statement-breakpoint
CREATE INDEX "flow_tasks_instance_idx" ON "flow_tasks" USING btree ("instance_id","step_index");--> statement-breakpoint
CREATE INDEX "flow_timers_due_idx" ON "flow_timers" USING btree ("due_at") WHERE fired_at is null and cancelled_at is null;--> statement-breakpoint
CREATE INDEX "flow_timers_instance_idx" ON "flow_timers" USING btree ("instance_id");--> statement-breakpoint
CREATE UNIQUE INDEX "accounts_username_lower_uq" ON "accounts" USING btree (lower("username"));--> statement-breakpoint
CREATE UNIQUE INDEX "accounts_person_uq" ON "accounts" USING btree ("person_id") WHERE person_id is not null;--> statement-breakpoint
CREATE INDEX "password_history_account_idx" ON "password_history" USING btree ("account_id","set_at");--> statement-breakpoint
CREATE INDEX "sessions_account_idx" ON "sessions" USING btree ("account_id");--> statement-breakpoint
CREATE INDEX "notifications_recipient_idx" ON "notifications" USING btree ("recipient_person_id","read_at");--> statement-breakpoint
CREATE INDEX "acting_absent_idx" ON "acting_arrangements" USING btree ("absent_person_id","start_date");--> statement-breakpoint
CREATE INDEX "leadership_leader_idx" ON "leadership_assignments" USING btree ("leader_id");--> statement-breakpoint
CREATE INDEX "leadership_area_idx" ON "leadership_assignments" USING btree ("area_code");--> statement-breakpoint
CREATE INDEX "leadership_unit_idx" ON "leadership_assignments" USING btree ("unit_id");--> statement-breakpoint
CREATE INDEX "people_unit_idx" ON "people" USING btree ("unit_id");--> statement-breakpoint
CREATE INDEX "post_holdings_person_idx" ON "post_holdings" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "post_holdings_post_idx" ON "post_holdings" USING btree ("post_code","unit_id");--> statement-breakpoint
CREATE INDEX "doc_outgoing_drafter_idx" ON "doc_outgoing" USING btree ("drafter_person_id","status");--> statement-breakpoint
CREATE UNIQUE INDEX "doc_outgoing_number_uq" ON "doc_outgoing" USING btree ("series","doc_year","doc_seq");--> statement-breakpoint
CREATE INDEX "finance_claims_person_idx" ON "finance_claims" USING btree ("person_id","submitted_on");--> statement-breakpoint
CREATE INDEX "finance_claims_split_idx" ON "finance_claims" USING btree ("unit_id","payee","submitted_on");--> statement-breakpoint
CREATE UNIQUE INDEX "finance_claims_flow_idx" ON "finance_claims" USING btree ("flow_instance_id");--> statement-breakpoint
CREATE UNIQUE INDEX "finance_receptions_no_idx" ON "finance_receptions" USING btree ("year","seq");--> statement-breakpoint
CREATE INDEX "finance_receptions_person_idx" ON "finance_receptions" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "finance_split_flags_unit_idx" ON "finance_split_flags" USING btree ("unit_id","created_at");--> statement-breakpoint
CREATE INDEX "decision_tasks_due_idx" ON "decision_tasks" USING btree ("status","due_date");--> statement-breakpoint
CREATE UNIQUE INDEX "meeting_decisions_topic_uq" ON "meeting_decisions" USING btree ("topic_id");--> statement-breakpoint
CREATE INDEX "meeting_decisions_matter_idx" ON "meeting_decisions" USING btree ("matter_kind","status");--> statement-breakpoint
CREATE UNIQUE INDEX "meeting_minutes_version_uq" ON "meeting_minutes" USING btree ("meeting_id","version");--> statement-breakpoint
CREATE UNIQUE INDEX "meeting_topics_seq_uq" ON "meeting_topics" USING btree ("meeting_id","seq");--> statement-breakpoint
CREATE INDEX "meetings_date_idx" ON "meetings" USING btree ("body_code","meeting_date");--> statement-breakpoint
CREATE UNIQUE INDEX "topic_opinions_seq_uq" ON "topic_opinions" USING btree ("topic_id","seq");--> statement-breakpoint
CREATE INDEX "topic_proposals_status_idx" ON "meeting_topic_proposals" USING btree ("status","body_code");--> statement-breakpoint
CREATE UNIQUE INDEX "absence_records_day_uq" ON "absence_records" USING btree ("person_id","date");--> statement-breakpoint
CREATE UNIQUE INDEX "annual_leave_forfeits_uq" ON "annual_leave_forfeits" USING btree ("person_id","year","kind");--> statement-breakpoint
CREATE INDEX "leave_ledger_person_idx" ON "leave_ledger" USING btree ("person_id","year","leave_type");--> statement-breakpoint
CREATE UNIQUE INDEX "leave_ledger_grant_uq" ON "leave_ledger" USING btree ("person_id","year","leave_type","tier_days") WHERE entry = 'grant';--> statement-breakpoint
CREATE UNIQUE INDEX "leave_ledger_source_uq" ON "leave_ledger" USING btree ("source_id","entry","year") WHERE source_id is not null;--> statement-breakpoint
CREATE INDEX "leave_requests_person_idx" ON "leave_requests" USING btree ("person_id","start_date");--> statement-breakpoint
CREATE INDEX "leave_requests_flow_idx" ON "leave_requests" USING btree ("flow_instance_id");--> statement-breakpoint
CREATE INDEX "personnel_trips_person_idx" ON "personnel_trips" USING btree ("person_id","start_date");--> statement-breakpoint
CREATE UNIQUE INDEX "poverty_households_code_uq" ON "poverty_households" USING btree ("code");--> statement-breakpoint
CREATE INDEX "poverty_households_village_idx" ON "poverty_households" USING btree ("village_code");--> statement-breakpoint
CREATE INDEX "poverty_households_county_idx" ON "poverty_households" USING btree ("county_code");--> statement-breakpoint
CREATE INDEX "poverty_import_errors_job_idx" ON "poverty_import_errors" USING btree ("job_id","line");--> statement-breakpoint
CREATE INDEX "poverty_import_staging_job_idx" ON "poverty_import_staging" USING btree ("job_id","line");--> statement-breakpoint
CREATE INDEX "poverty_level_changes_mon_idx" ON "poverty_level_changes" USING btree ("monitoring_id");--> statement-breakpoint
CREATE INDEX "poverty_level_changes_job_idx" ON "poverty_level_changes" USING btree ("job_id");--> statement-breakpoint
CREATE INDEX "poverty_monitoring_household_idx" ON "poverty_monitoring" USING btree ("household_id");--> statement-breakpoint
CREATE INDEX "poverty_monitoring_status_idx" ON "poverty_monitoring" USING btree ("status","id");--> statement-breakpoint
CREATE UNIQUE INDEX "poverty_monitoring_open_uq" ON "poverty_monitoring" USING btree ("household_id") WHERE status <> 'exited';--> statement-breakpoint
CREATE INDEX "poverty_monitoring_events_mon_idx" ON "poverty_monitoring_events" USING btree ("monitoring_id","at");--> statement-breakpoint
CREATE UNIQUE INDEX "poverty_persons_id_hash_uq" ON "poverty_persons" USING btree ("id_hash");--> statement-breakpoint
CREATE INDEX "poverty_persons_household_idx" ON "poverty_persons" USING btree ("household_id");--> statement-breakpoint
CREATE INDEX "poverty_regions_parent_idx" ON "poverty_regions" USING btree ("parent_code");
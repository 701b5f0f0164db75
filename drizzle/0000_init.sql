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
CREATE TABLE "kernel_mutexes" (
	"key" text PRIMARY KEY NOT NULL
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
CREATE TABLE "asset_disposals" (
	"id" text PRIMARY KEY NOT NULL,
	"flow_instance_id" text NOT NULL,
	"asset_ids" jsonb NOT NULL,
	"kind" text NOT NULL,
	"reason" text NOT NULL,
	"book_value_fen" bigint NOT NULL,
	"decision_id" text,
	"status" text NOT NULL,
	"proceeds_fen" bigint,
	"remitted_fen" bigint,
	"remitted_on" date,
	"remittance_voucher" text,
	"closed_at" timestamp with time zone,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "asset_events" (
	"id" text PRIMARY KEY NOT NULL,
	"asset_id" text NOT NULL,
	"type" text NOT NULL,
	"on_date" date NOT NULL,
	"from_unit_id" text,
	"to_unit_id" text,
	"from_person_id" text,
	"to_person_id" text,
	"actor_person_id" text NOT NULL,
	"approval_ref" text,
	"note" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "asset_reconciliations" (
	"id" text PRIMARY KEY NOT NULL,
	"period" text NOT NULL,
	"done_on" date NOT NULL,
	"checks" jsonb NOT NULL,
	"explanation" text,
	"closed_at" timestamp with time zone,
	"by_person_id" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "asset_stocktakes" (
	"id" text PRIMARY KEY NOT NULL,
	"year" integer NOT NULL,
	"done_on" date NOT NULL,
	"counted" integer NOT NULL,
	"discrepancies" jsonb NOT NULL,
	"by_person_id" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "assets" (
	"id" text PRIMARY KEY NOT NULL,
	"asset_no" text NOT NULL,
	"name" text NOT NULL,
	"category" text NOT NULL,
	"spec_model" text NOT NULL,
	"quantity" integer NOT NULL,
	"original_value_fen" bigint NOT NULL,
	"acquired_on" date NOT NULL,
	"source" text NOT NULL,
	"unit_id" text NOT NULL,
	"holder_person_id" text,
	"location" text NOT NULL,
	"status" text NOT NULL,
	"ledger_registered_at" timestamp with time zone,
	"ledger_registered_by" text,
	"card_no" text,
	"card_registered_at" timestamp with time zone,
	"card_registered_by" text,
	"is_vehicle" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "union_allocations" (
	"id" text PRIMARY KEY NOT NULL,
	"period" text NOT NULL,
	"payroll_fen" bigint NOT NULL,
	"gross_fen" bigint NOT NULL,
	"retained_fen" bigint NOT NULL,
	"employees" integer NOT NULL,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "union_dues" (
	"id" text PRIMARY KEY NOT NULL,
	"period" text NOT NULL,
	"member_name" text NOT NULL,
	"person_id" text,
	"salary_fen" bigint NOT NULL,
	"dues_fen" bigint NOT NULL,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "union_entries" (
	"id" text PRIMARY KEY NOT NULL,
	"direction" text NOT NULL,
	"category" text NOT NULL,
	"amount_fen" bigint NOT NULL,
	"on_date" date NOT NULL,
	"summary" text NOT NULL,
	"standard_item" text,
	"persons" integer,
	"source_id" text,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL
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
CREATE TABLE "doc_incoming_circulation" (
	"id" text PRIMARY KEY NOT NULL,
	"incoming_id" text NOT NULL,
	"leg_no" integer NOT NULL,
	"reader_person_id" text NOT NULL,
	"reader_unit_id" text,
	"sent_at" timestamp with time zone NOT NULL,
	"sent_by_person_id" text NOT NULL,
	"read_at" timestamp with time zone,
	"read_note" text,
	"returned_at" timestamp with time zone,
	"returned_checked_by" text,
	"missing_pages" boolean,
	"has_instructions" boolean,
	"check_note" text
);
--> statement-breakpoint
CREATE TABLE "doc_incoming_counters" (
	"year" integer PRIMARY KEY NOT NULL,
	"last_seq" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "doc_incoming" (
	"id" text PRIMARY KEY NOT NULL,
	"status" text NOT NULL,
	"register_no" text,
	"reg_year" integer,
	"reg_seq" integer,
	"receipt_channel" text NOT NULL,
	"handed_over_by_person_id" text,
	"handed_over_unit_id" text,
	"addressed_to" text NOT NULL,
	"sender" text NOT NULL,
	"sender_doc_no" text,
	"title" text NOT NULL,
	"classification" text DEFAULT '无' NOT NULL,
	"urgency" text DEFAULT '非紧急' NOT NULL,
	"received_on" date NOT NULL,
	"copies" integer NOT NULL,
	"attachments" jsonb NOT NULL,
	"complete" boolean,
	"missing_note" text,
	"misdelivered" jsonb,
	"sender_due_date" date,
	"registered_by_person_id" text,
	"registered_at" timestamp with time zone,
	"proposal" text,
	"instruction_leader_id" text,
	"routed_at" timestamp with time zone,
	"instruction_text" text,
	"instructed_at" timestamp with time zone,
	"handling_unit_id" text,
	"assigned_at" timestamp with time zone,
	"due_date" date,
	"effective_due_date" date,
	"result_text" text,
	"reply_document_id" text,
	"completed_on" date,
	"completed_by_person_id" text,
	"archived_at" timestamp with time zone,
	"archive_location" text,
	"last_chased_on" date,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "doc_incoming_secret_ck" CHECK ("doc_incoming"."classification" = '无'),
	CONSTRAINT "doc_incoming_copies_ck" CHECK ("doc_incoming"."copies" > 0)
);
--> statement-breakpoint
CREATE TABLE "doc_incoming_events" (
	"id" text PRIMARY KEY NOT NULL,
	"incoming_id" text NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"kind" text NOT NULL,
	"by_person_id" text,
	"from_label" text,
	"to_label" text,
	"text" text,
	"data" jsonb
);
--> statement-breakpoint
CREATE TABLE "doc_incoming_extensions" (
	"id" text PRIMARY KEY NOT NULL,
	"incoming_id" text NOT NULL,
	"agreed_with" text NOT NULL,
	"agreed_on" date NOT NULL,
	"previous_due_date" date NOT NULL,
	"new_due_date" date NOT NULL,
	"reply_method" text NOT NULL,
	"note" text,
	"counted" boolean NOT NULL,
	"recorded_by_person_id" text NOT NULL,
	"recorded_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "doc_issue" (
	"document_id" text PRIMARY KEY NOT NULL,
	"recipient_copies" jsonb NOT NULL,
	"leader_copies" integer NOT NULL,
	"dept_archive_copies" jsonb NOT NULL,
	"hub_retained_copies" integer NOT NULL,
	"computed_copies" integer NOT NULL,
	"archived_at" timestamp with time zone,
	"archived_by_person_id" text,
	"archive_location" text,
	"signed_original_archived" boolean,
	"electronic_pdf" text,
	"electronic_sha256" text,
	"archived_content_hash" text,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "doc_issue_steps" (
	"document_id" text NOT NULL,
	"round" integer NOT NULL,
	"step" text NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"by_person_id" text NOT NULL,
	"data" jsonb NOT NULL,
	CONSTRAINT "doc_issue_steps_document_id_round_step_pk" PRIMARY KEY("document_id","round","step")
);
--> statement-breakpoint
CREATE TABLE "finance_cash_counts" (
	"id" text PRIMARY KEY NOT NULL,
	"year" integer NOT NULL,
	"seq" integer NOT NULL,
	"kind" text NOT NULL,
	"counted_on" date NOT NULL,
	"cashier_person_id" text NOT NULL,
	"supervisor_person_id" text NOT NULL,
	"designated_by_person_id" text NOT NULL,
	"supervisor_justification" text,
	"book_fen" bigint NOT NULL,
	"cash_fen" bigint NOT NULL,
	"ious" jsonb NOT NULL,
	"iou_fen" bigint NOT NULL,
	"difference_fen" bigint NOT NULL,
	"limit_fen" bigint NOT NULL,
	"over_limit" boolean NOT NULL,
	"deposit_planned_on" date,
	"flags" jsonb NOT NULL,
	"note" text,
	"explanation" text,
	"status" text NOT NULL,
	"recorded_by" text NOT NULL,
	"closed_by" text,
	"closed_at" timestamp with time zone,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "finance_report_calendar" (
	"id" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"recipient" text NOT NULL,
	"first_due_on" date NOT NULL,
	"recurrence" text NOT NULL,
	"responsible_person_id" text NOT NULL,
	"note" text,
	"active" boolean NOT NULL,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "finance_report_submissions" (
	"id" text PRIMARY KEY NOT NULL,
	"entry_id" text NOT NULL,
	"due_on" date NOT NULL,
	"sent_on" date NOT NULL,
	"reference" text NOT NULL,
	"note" text,
	"sent_by" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "finance_meeting_budgets" (
	"id" text PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"person_id" text NOT NULL,
	"unit_id" text,
	"flow_instance_id" text NOT NULL,
	"year" integer NOT NULL,
	"name" text NOT NULL,
	"start_date" date NOT NULL,
	"end_date" date NOT NULL,
	"venue" text NOT NULL,
	"headcount" integer NOT NULL,
	"lines" jsonb NOT NULL,
	"budget_fen" bigint NOT NULL,
	"executed_fen" bigint,
	"executed_by" text,
	"executed_at" timestamp with time zone,
	"status" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "finance_meeting_plans" (
	"id" text PRIMARY KEY NOT NULL,
	"year" integer NOT NULL,
	"kind" text NOT NULL,
	"planned_fen" bigint NOT NULL,
	"items" jsonb NOT NULL,
	"justification" text,
	"status" text NOT NULL,
	"approved_by" text,
	"approved_at" timestamp with time zone,
	"created_by" text NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "finance_print_distributions" (
	"id" text PRIMARY KEY NOT NULL,
	"request_id" text NOT NULL,
	"handed_on" date NOT NULL,
	"recipient" text NOT NULL,
	"quantity" integer NOT NULL,
	"receiver" text NOT NULL,
	"recorded_by" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "finance_print_requests" (
	"id" text PRIMARY KEY NOT NULL,
	"person_id" text NOT NULL,
	"unit_id" text,
	"flow_instance_id" text NOT NULL,
	"year" integer NOT NULL,
	"title" text NOT NULL,
	"cost_fen" bigint NOT NULL,
	"quantity" integer NOT NULL,
	"scope" text NOT NULL,
	"status" text NOT NULL,
	"printed_quantity" integer,
	"printer" text,
	"printed_by" text,
	"printed_on" date,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "finance_procurements" (
	"id" text PRIMARY KEY NOT NULL,
	"person_id" text NOT NULL,
	"unit_id" text,
	"flow_instance_id" text NOT NULL,
	"year" integer NOT NULL,
	"seq" integer NOT NULL,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"amount_fen" bigint NOT NULL,
	"tier" text NOT NULL,
	"method" text NOT NULL,
	"decision_id" text,
	"status" text NOT NULL,
	"submitted_on" date NOT NULL,
	"created_at" timestamp with time zone NOT NULL
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
CREATE TABLE "finance_reception_budgets" (
	"year" integer PRIMARY KEY NOT NULL,
	"total_fen" bigint NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"set_by" text NOT NULL,
	"set_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "finance_reception_hotels" (
	"id" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"kind" text NOT NULL,
	"address" text DEFAULT '' NOT NULL,
	"prices" jsonb NOT NULL,
	"agreement_ref" text DEFAULT '' NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"updated_by" text NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
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
	"estimated_fen" bigint DEFAULT 0 NOT NULL,
	"paid_on" date,
	"paid_fen" bigint,
	"payment" jsonb,
	"filed_on" date,
	"filed_by" text,
	"archive_ref" text,
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
CREATE TABLE "finance_violations" (
	"id" text PRIMARY KEY NOT NULL,
	"rule_id" text NOT NULL,
	"violated_rule_ids" jsonb NOT NULL,
	"occurred_on" date NOT NULL,
	"facts" text NOT NULL,
	"direct_person_ids" jsonb NOT NULL,
	"leader_person_ids" jsonb NOT NULL,
	"handling" text NOT NULL,
	"claim_id" text,
	"reception_id" text,
	"recorded_by" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "meeting_accountability_cases" (
	"id" text PRIMARY KEY NOT NULL,
	"circumstance" integer NOT NULL,
	"person_ids" jsonb NOT NULL,
	"decision_id" text,
	"disposal_id" text,
	"facts" text NOT NULL,
	"measures" jsonb NOT NULL,
	"other_measure" text,
	"recorded_by" text NOT NULL,
	"at" timestamp with time zone NOT NULL,
	CONSTRAINT "meeting_accountability_circumstance_ck" CHECK ("meeting_accountability_cases"."circumstance" between 1 and 5)
);
--> statement-breakpoint
CREATE TABLE "meeting_agenda_comments" (
	"id" text PRIMARY KEY NOT NULL,
	"meeting_id" text NOT NULL,
	"person_id" text NOT NULL,
	"body" text NOT NULL,
	"at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "meeting_decision_disclosures" (
	"decision_id" text PRIMARY KEY NOT NULL,
	"attribute" text NOT NULL,
	"reason_code" text,
	"due_date" date,
	"set_by" text NOT NULL,
	"set_at" timestamp with time zone NOT NULL,
	"published_on" date,
	"channel" text,
	"published_by" text,
	"published_at" timestamp with time zone,
	CONSTRAINT "meeting_decision_disclosures_attr_ck" CHECK ("meeting_decision_disclosures"."attribute" in ('主动公开','依申请公开','不予公开')),
	CONSTRAINT "meeting_decision_disclosures_reason_ck" CHECK ("meeting_decision_disclosures"."attribute" <> '不予公开' or "meeting_decision_disclosures"."reason_code" is not null),
	CONSTRAINT "meeting_decision_disclosures_due_ck" CHECK (("meeting_decision_disclosures"."attribute" = '主动公开') = ("meeting_decision_disclosures"."due_date" is not null)),
	CONSTRAINT "meeting_decision_disclosures_pub_ck" CHECK ("meeting_decision_disclosures"."published_on" is null or "meeting_decision_disclosures"."attribute" = '主动公开')
);
--> statement-breakpoint
CREATE TABLE "meeting_decision_reports" (
	"id" text PRIMARY KEY NOT NULL,
	"decision_id" text NOT NULL,
	"kind" text NOT NULL,
	"body" text NOT NULL,
	"addressee" text,
	"due_date" date,
	"resolved_at" timestamp with time zone,
	"proposal_id" text,
	"person_id" text NOT NULL,
	"at" timestamp with time zone NOT NULL,
	CONSTRAINT "meeting_decision_reports_kind_ck" CHECK ("meeting_decision_reports"."kind" in ('problem','superior','potential_loss','correction'))
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
CREATE TABLE "meeting_emergency_disposals" (
	"id" text PRIMARY KEY NOT NULL,
	"person_id" text NOT NULL,
	"matter" text NOT NULL,
	"disposed_at" timestamp with time zone NOT NULL,
	"report_due_date" date NOT NULL,
	"reported_at" timestamp with time zone,
	"reported_meeting_id" text,
	"needs_redecision" boolean DEFAULT false NOT NULL,
	"last_reminded_on" date,
	"recorded_by" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "meeting_institution_decisions" (
	"id" text PRIMARY KEY NOT NULL,
	"institution" text NOT NULL,
	"title" text NOT NULL,
	"decided_on" date NOT NULL,
	"category" text NOT NULL,
	"summary" text NOT NULL,
	"oversight_note" text,
	"oversight_by" text,
	"oversight_at" timestamp with time zone,
	"recorded_by" text NOT NULL,
	"at" timestamp with time zone NOT NULL
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
CREATE TABLE "meeting_consultations" (
	"id" text PRIMARY KEY NOT NULL,
	"proposal_id" text NOT NULL,
	"kind" text NOT NULL,
	"lead_id" text,
	"member_ids" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"participants" text DEFAULT '' NOT NULL,
	"summary" text NOT NULL,
	"held_on" date NOT NULL,
	"recorded_by" text NOT NULL,
	"at" timestamp with time zone NOT NULL
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
	"undertaking_unit_ids" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"supervisor_ids" jsonb DEFAULT '[]'::jsonb NOT NULL,
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
CREATE TABLE "meeting_reschedules" (
	"id" text PRIMARY KEY NOT NULL,
	"meeting_id" text NOT NULL,
	"from_start_at" timestamp with time zone NOT NULL,
	"to_start_at" timestamp with time zone NOT NULL,
	"reason" text NOT NULL,
	"by_person_id" text NOT NULL,
	"at" timestamp with time zone NOT NULL
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
	"materials_sent_at" timestamp with time zone,
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
	"vote_opened_at" timestamp with time zone,
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
	"emergency_reason" text,
	"emergency_declared_by" text,
	"emergency_declared_at" timestamp with time zone,
	"opened_at" timestamp with time zone,
	"closed_at" timestamp with time zone,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "meetings_status_ck" CHECK ("meetings"."status" in ('planned','open','closed')),
	CONSTRAINT "meetings_kind_ck" CHECK ("meetings"."kind" in ('regular','ad_hoc')),
	CONSTRAINT "meetings_body_ck" CHECK ("meetings"."body_code" in ('party_group','director_meeting'))
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
CREATE TABLE "topic_ballot_box" (
	"topic_id" text NOT NULL,
	"choice" text NOT NULL,
	"count" integer NOT NULL,
	CONSTRAINT "topic_ballot_box_topic_id_choice_pk" PRIMARY KEY("topic_id","choice"),
	CONSTRAINT "topic_ballot_box_choice_ck" CHECK ("topic_ballot_box"."choice" in ('agree','disagree','abstain'))
);
--> statement-breakpoint
CREATE TABLE "topic_ballot_voters" (
	"topic_id" text NOT NULL,
	"person_id" text NOT NULL,
	CONSTRAINT "topic_ballot_voters_topic_id_person_id_pk" PRIMARY KEY("topic_id","person_id")
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
	"scope_codes" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"flags" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"plan_item" text,
	"off_plan_approved_by" text,
	"off_plan_approved_at" timestamp with time zone,
	"off_plan_reason" text,
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
CREATE TABLE "attendance_punches" (
	"id" text PRIMARY KEY NOT NULL,
	"person_id" text NOT NULL,
	"date" date NOT NULL,
	"clock_in" text,
	"clock_out" text,
	"late_minutes" integer DEFAULT 0 NOT NULL,
	"early_minutes" integer DEFAULT 0 NOT NULL,
	"source" text NOT NULL,
	"note" text,
	"recorded_by" text NOT NULL,
	"recorded_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "attendance_spot_checks" (
	"id" text PRIMARY KEY NOT NULL,
	"date" date NOT NULL,
	"time" text,
	"organiser_person_id" text NOT NULL,
	"checker_person_id" text NOT NULL,
	"scope" text NOT NULL,
	"note" text,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "attendance_spot_findings" (
	"id" text PRIMARY KEY NOT NULL,
	"check_id" text NOT NULL,
	"person_id" text NOT NULL,
	"finding" text NOT NULL,
	"explanation" text
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
CREATE TABLE "personnel_departures" (
	"id" text PRIMARY KEY NOT NULL,
	"subject_type" text NOT NULL,
	"subject_id" text NOT NULL,
	"person_id" text NOT NULL,
	"role" text NOT NULL,
	"depart_on" date NOT NULL,
	"return_on" date NOT NULL,
	"destination" text NOT NULL,
	"city_filed_on" date,
	"city_filing_ref" text,
	"city_filed_by" text,
	"principal_reported_on" date,
	"principal_report_mode" text,
	"principal_report_recorded_by" text,
	"hub_notified_on" date,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "personnel_departures_role_ck" CHECK ("personnel_departures"."role" in ('principal','leader','head'))
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
	"purpose_category" text,
	"special_need" text,
	"needs_reception" boolean DEFAULT false NOT NULL,
	"letter" jsonb,
	"status" text NOT NULL,
	"signed_by" text,
	"signed_at" timestamp with time zone,
	"returned_on" date,
	"overdue_justified" boolean,
	"overdue_reason" text,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "poverty_conversions" (
	"id" text PRIMARY KEY NOT NULL,
	"household_id" text NOT NULL,
	"monitoring_id" text,
	"source" text NOT NULL,
	"incident_id" text,
	"status" text NOT NULL,
	"proposed_on" date NOT NULL,
	"identified_on" date,
	"procedure_ref" text,
	"entered_on" date,
	"note" text,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "poverty_findings" (
	"id" text PRIMARY KEY NOT NULL,
	"job_id" text NOT NULL,
	"household_id" text NOT NULL,
	"monitoring_id" text,
	"kind" text NOT NULL,
	"sector" text NOT NULL,
	"criteria" jsonb NOT NULL,
	"facts" jsonb NOT NULL,
	"from_level" text,
	"to_level" text NOT NULL,
	"rule_id" text NOT NULL,
	"reason" text NOT NULL,
	"evidence" text NOT NULL,
	"status" text NOT NULL,
	"decided_by" text,
	"decided_at" timestamp with time zone,
	"decision_note" text,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "poverty_followups" (
	"id" text PRIMARY KEY NOT NULL,
	"job_id" text NOT NULL,
	"household_id" text NOT NULL,
	"monitoring_id" text NOT NULL,
	"person_name" text NOT NULL,
	"admitted_on" date,
	"cause" text,
	"detail" text,
	"status" text NOT NULL,
	"result" text,
	"done_by" text,
	"done_at" timestamp with time zone,
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
	"created_at" timestamp with time zone NOT NULL,
	"search_tsv" "tsvector"
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
	"id_tail_hash" text,
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
	"bank_account_masked" text,
	"search_tokens" text[]
);
--> statement-breakpoint
CREATE TABLE "poverty_incidents" (
	"id" text PRIMARY KEY NOT NULL,
	"household_id" text NOT NULL,
	"monitoring_id" text NOT NULL,
	"kind" text NOT NULL,
	"event_type" text NOT NULL,
	"event_date" date NOT NULL,
	"description" text NOT NULL,
	"population_class" text NOT NULL,
	"status" text NOT NULL,
	"assessed_on" date,
	"assessment" text,
	"remaining_hazards" jsonb,
	"recorded_by" text,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "poverty_jobs" (
	"id" text PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"sector" text,
	"period" text,
	"county_code" text,
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
CREATE TABLE "poverty_measure_events" (
	"id" text PRIMARY KEY NOT NULL,
	"measure_id" text NOT NULL,
	"status" text NOT NULL,
	"note" text,
	"account_id" text,
	"at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "poverty_measures" (
	"id" text PRIMARY KEY NOT NULL,
	"monitoring_id" text NOT NULL,
	"household_id" text NOT NULL,
	"type" text NOT NULL,
	"description" text NOT NULL,
	"responsible_body" text NOT NULL,
	"start_date" date NOT NULL,
	"amount_fen" bigint,
	"detail" jsonb NOT NULL,
	"status" text NOT NULL,
	"sector_action_id" text,
	"incident_id" text,
	"recorded_by" text,
	"recorded_at" timestamp with time zone NOT NULL
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
	"id_tail_hash" text,
	"birth_date" date NOT NULL,
	"sex" text NOT NULL,
	"relation" text NOT NULL,
	"labour_capacity" text NOT NULL,
	"disability_grade" smallint,
	"import_job_id" text,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "poverty_quarter_checks" (
	"county_code" text NOT NULL,
	"quarter" text NOT NULL,
	"due_on" date NOT NULL,
	"completed_on" date NOT NULL,
	"completed_by" text,
	"datasets" jsonb NOT NULL,
	"note" text,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "poverty_quarter_checks_county_code_quarter_pk" PRIMARY KEY("county_code","quarter")
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
CREATE TABLE "poverty_reminders_sent" (
	"key" text PRIMARY KEY NOT NULL,
	"sent_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "poverty_sector_actions" (
	"id" text PRIMARY KEY NOT NULL,
	"monitoring_id" text NOT NULL,
	"household_id" text NOT NULL,
	"hazard" text NOT NULL,
	"sector" text NOT NULL,
	"opened_on" date NOT NULL,
	"due_on" date NOT NULL,
	"status" text NOT NULL,
	"measure_id" text,
	"resolved_on" date,
	"result" text,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "poverty_sector_staging" (
	"job_id" text NOT NULL,
	"line" integer NOT NULL,
	"name" text NOT NULL,
	"id_hash" text NOT NULL,
	"id_masked" text NOT NULL,
	"hazard" text NOT NULL,
	"event_date" date,
	"amount_fen" bigint,
	"cause" text,
	"detail" text
);
--> statement-breakpoint
CREATE TABLE "poverty_staff_regions" (
	"account_id" text NOT NULL,
	"region_code" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "poverty_staff_regions_account_id_region_code_pk" PRIMARY KEY("account_id","region_code")
);
--> statement-breakpoint
CREATE TABLE "poverty_visits" (
	"id" text PRIMARY KEY NOT NULL,
	"household_id" text NOT NULL,
	"monitoring_id" text NOT NULL,
	"visited_on" date NOT NULL,
	"visitor_name" text NOT NULL,
	"visitor_role" text NOT NULL,
	"income_observation" text NOT NULL,
	"guarantees_observation" text NOT NULL,
	"problems" text,
	"account_id" text,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "rain_batches" (
	"id" text PRIMARY KEY NOT NULL,
	"county_code" text NOT NULL,
	"semester" text NOT NULL,
	"status" text NOT NULL,
	"fund_source" text NOT NULL,
	"line_count" integer NOT NULL,
	"total_fen" bigint NOT NULL,
	"submitted_on" date,
	"paid_on" date,
	"flow_ref" text,
	"created_by" text,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "rain_corrections" (
	"id" text PRIMARY KEY NOT NULL,
	"student_id" text NOT NULL,
	"semester" text NOT NULL,
	"kind" text NOT NULL,
	"payment_id" text,
	"amount_fen" integer NOT NULL,
	"corrected_on" date NOT NULL,
	"evidence" text NOT NULL,
	"created_by" text,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "rain_decisions" (
	"id" text PRIMARY KEY NOT NULL,
	"student_id" text NOT NULL,
	"kind" text NOT NULL,
	"approved" boolean NOT NULL,
	"decided_on" date NOT NULL,
	"ref" text NOT NULL,
	"note" text,
	"account_id" text,
	"at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "rain_determinations" (
	"id" text PRIMARY KEY NOT NULL,
	"student_id" text NOT NULL,
	"semester" text NOT NULL,
	"household_id" text NOT NULL,
	"county_code" text NOT NULL,
	"township_code" text NOT NULL,
	"village_code" text NOT NULL,
	"comparison" text NOT NULL,
	"comparison_job_id" text,
	"in_national_range" boolean DEFAULT false NOT NULL,
	"county_review" text,
	"eligibility" text NOT NULL,
	"reasons" jsonb NOT NULL,
	"status" text NOT NULL,
	"publicity_id" text,
	"confirmed_on" date,
	"confirm_ref" text,
	"cancelled_reason" text,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "rain_files" (
	"id" text PRIMARY KEY NOT NULL,
	"purpose" text NOT NULL,
	"owner_type" text NOT NULL,
	"owner_id" text NOT NULL,
	"label" text,
	"file_name" text NOT NULL,
	"content_type" text NOT NULL,
	"size" integer NOT NULL,
	"sha256" text NOT NULL,
	"content_base64" text NOT NULL,
	"uploaded_by" text,
	"uploaded_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "rain_findings" (
	"job_id" text NOT NULL,
	"line" integer NOT NULL,
	"code" text NOT NULL,
	"message" text NOT NULL,
	"person_id" text,
	"village_code" text
);
--> statement-breakpoint
CREATE TABLE "rain_flow_copies" (
	"batch_id" text NOT NULL,
	"recipient" text NOT NULL,
	"copied_on" date NOT NULL,
	"at" timestamp with time zone NOT NULL,
	CONSTRAINT "rain_flow_copies_batch_id_recipient_pk" PRIMARY KEY("batch_id","recipient")
);
--> statement-breakpoint
CREATE TABLE "rain_graduate_data" (
	"id" text PRIMARY KEY NOT NULL,
	"year" integer NOT NULL,
	"received_on" date NOT NULL,
	"description" text NOT NULL,
	"file_id" text,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "rain_inspections" (
	"id" text PRIMARY KEY NOT NULL,
	"county_code" text NOT NULL,
	"half" text NOT NULL,
	"kind" text NOT NULL,
	"conducted_on" date NOT NULL,
	"sample" jsonb NOT NULL,
	"note" text,
	"created_by" text,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "rain_objections" (
	"id" text PRIMARY KEY NOT NULL,
	"publicity_id" text NOT NULL,
	"determination_id" text NOT NULL,
	"reporter" text,
	"content" text NOT NULL,
	"filed_on" date NOT NULL,
	"township_finding" text,
	"township_note" text,
	"township_verified_on" date,
	"county_decision" text,
	"county_note" text,
	"county_decided_on" date,
	"status" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "rain_payments" (
	"id" text PRIMARY KEY NOT NULL,
	"batch_id" text NOT NULL,
	"determination_id" text NOT NULL,
	"student_id" text NOT NULL,
	"semester" text NOT NULL,
	"household_id" text NOT NULL,
	"township_code" text NOT NULL,
	"village_code" text NOT NULL,
	"education_level" text NOT NULL,
	"amount_fen" integer NOT NULL,
	"account_enc" text NOT NULL,
	"account_masked" text NOT NULL,
	"status" text NOT NULL,
	"entered_on" date,
	"informed_on" date,
	"township_filed_on" date,
	"village_filed_on" date,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "rain_problems" (
	"id" text PRIMARY KEY NOT NULL,
	"inspection_id" text NOT NULL,
	"description" text NOT NULL,
	"rectification" text,
	"closed_on" date,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "rain_publicities" (
	"id" text PRIMARY KEY NOT NULL,
	"semester" text NOT NULL,
	"village_code" text NOT NULL,
	"place" text NOT NULL,
	"start_date" date NOT NULL,
	"period_days" integer NOT NULL,
	"end_date" date NOT NULL,
	"status" text NOT NULL,
	"confirmed_on" date,
	"confirm_ref" text,
	"created_by" text,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "rain_roll_staging" (
	"job_id" text NOT NULL,
	"line" integer NOT NULL,
	"name" text NOT NULL,
	"id_hash" text NOT NULL,
	"id_masked" text NOT NULL,
	"school_name" text NOT NULL,
	"school_location" text,
	"education_level" text NOT NULL,
	"school_type" text NOT NULL,
	"registry_system" text,
	"student_status_no" text,
	"enrolment_status" text NOT NULL,
	"enrolled_on" date,
	"in_national_range" boolean NOT NULL
);
--> statement-breakpoint
CREATE TABLE "rain_semesters" (
	"county_code" text NOT NULL,
	"semester" text NOT NULL,
	"notice_issued_on" date,
	"notice_ref" text,
	"hukou_screened_on" date,
	"hukou_screen_note" text,
	"source_confirmed_on" date,
	"source_confirm_note" text,
	"entry_deadline" date,
	"entry_completed_on" date,
	CONSTRAINT "rain_semesters_county_code_semester_pk" PRIMARY KEY("county_code","semester")
);
--> statement-breakpoint
CREATE TABLE "rain_special_approvals" (
	"household_id" text PRIMARY KEY NOT NULL,
	"reason" text NOT NULL,
	"approved_on" date NOT NULL,
	"procedure_ref" text NOT NULL,
	"account_id" text,
	"at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "rain_students" (
	"id" text PRIMARY KEY NOT NULL,
	"person_id" text NOT NULL,
	"household_id" text NOT NULL,
	"name" text NOT NULL,
	"school_name" text NOT NULL,
	"school_location" text,
	"education_level" text NOT NULL,
	"school_type" text NOT NULL,
	"formal_status" boolean DEFAULT false NOT NULL,
	"registry_system" text,
	"student_status_no" text,
	"enrolment_status" text NOT NULL,
	"enrolled_on" date,
	"hukou_moved_out" boolean DEFAULT false NOT NULL,
	"secondary_graduated_on" date,
	"certificate_file_id" text,
	"certificate_ref" text,
	"last_job_id" text,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "rain_summaries" (
	"id" text PRIMARY KEY NOT NULL,
	"county_code" text NOT NULL,
	"half" text NOT NULL,
	"summary_text" text NOT NULL,
	"approved_by_name" text,
	"approved_on" date,
	"submitted_on" date,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "seal_loss_cases" (
	"id" text PRIMARY KEY NOT NULL,
	"seal_id" text NOT NULL,
	"discovered_on" date NOT NULL,
	"theft" boolean DEFAULT false NOT NULL,
	"reported_to_person_id" text,
	"reported_at" timestamp with time zone,
	"void_declaration_ref" text,
	"void_declared_at" timestamp with time zone,
	"filing_ref" text,
	"filed_at" timestamp with time zone,
	"closed_at" timestamp with time zone,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "seal_takeouts" (
	"id" text PRIMARY KEY NOT NULL,
	"seal_id" text NOT NULL,
	"borrower_person_id" text NOT NULL,
	"purpose" text NOT NULL,
	"due_back" date NOT NULL,
	"flow_instance_id" text NOT NULL,
	"status" text NOT NULL,
	"out_at" timestamp with time zone,
	"returned_at" timestamp with time zone,
	"handled_by" text,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "seal_temp_keepers" (
	"id" text PRIMARY KEY NOT NULL,
	"seal_id" text NOT NULL,
	"person_id" text NOT NULL,
	"start_date" date NOT NULL,
	"end_date" date NOT NULL,
	"reason" text NOT NULL,
	"designated_by" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "seal_uses" (
	"id" text PRIMARY KEY NOT NULL,
	"year" integer NOT NULL,
	"seq" integer NOT NULL,
	"seal_id" text NOT NULL,
	"applicant_person_id" text NOT NULL,
	"unit_id" text,
	"category" text NOT NULL,
	"document_title" text NOT NULL,
	"copies" integer NOT NULL,
	"blank_page" boolean DEFAULT false NOT NULL,
	"blank_application" text,
	"signed_by_person_id" text,
	"signed_evidence" text,
	"emergency_reason" text,
	"emergency_consent_by" text,
	"paperwork_due" date,
	"paperwork_done_at" timestamp with time zone,
	"flow_instance_id" text,
	"document_ref" text,
	"status" text NOT NULL,
	"stamped_by" text,
	"stamped_at" timestamp with time zone,
	"stamp_count" integer,
	"refused_by" text,
	"refused_at" timestamp with time zone,
	"refusal_defects" jsonb,
	"refusal_note" text,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "seal_violations" (
	"id" text PRIMARY KEY NOT NULL,
	"seal_id" text NOT NULL,
	"use_id" text,
	"person_id" text NOT NULL,
	"description" text NOT NULL,
	"recorded_by" text,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "seals" (
	"id" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"kind" text NOT NULL,
	"owner_unit_id" text,
	"usage_scope" text,
	"keeper_person_id" text NOT NULL,
	"status" text DEFAULT 'active' NOT NULL,
	"custody" text DEFAULT 'in' NOT NULL,
	"stop_reason" text,
	"stopped_at" timestamp with time zone,
	"stopped_by" text,
	"disposed_at" timestamp with time zone,
	"make_instance_id" text,
	"replaces_seal_id" text,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "secrecy_check_items" (
	"id" text PRIMARY KEY NOT NULL,
	"check_id" text NOT NULL,
	"object_type" text NOT NULL,
	"object_id" text NOT NULL,
	"label" text NOT NULL,
	"level" text NOT NULL,
	"expected_holder" text NOT NULL,
	"result" text NOT NULL,
	"note" text,
	"checked_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "secrecy_checks" (
	"id" text PRIMARY KEY NOT NULL,
	"year" integer NOT NULL,
	"period" text NOT NULL,
	"started_by" text NOT NULL,
	"started_on" date NOT NULL,
	"status" text NOT NULL,
	"problems" integer,
	"reported_to" text,
	"closed_at" timestamp with time zone,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "secrecy_circulations" (
	"id" text PRIMARY KEY NOT NULL,
	"document_id" text NOT NULL,
	"to_unit_id" text NOT NULL,
	"holder_person_id" text NOT NULL,
	"due_date" date NOT NULL,
	"sent_by" text NOT NULL,
	"sent_at" timestamp with time zone NOT NULL,
	"returned_at" timestamp with time zone,
	"received_by" text
);
--> statement-breakpoint
CREATE TABLE "secrecy_committee" (
	"id" text PRIMARY KEY NOT NULL,
	"person_id" text NOT NULL,
	"role" text NOT NULL,
	"start_date" date NOT NULL,
	"end_date" date,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "secrecy_copies" (
	"id" text PRIMARY KEY NOT NULL,
	"document_id" text NOT NULL,
	"request_id" text NOT NULL,
	"kind" text NOT NULL,
	"copy_no" text NOT NULL,
	"level" text NOT NULL,
	"term" text NOT NULL,
	"knowledge_scope" jsonb NOT NULL,
	"stamp_text" text,
	"holder_person_id" text NOT NULL,
	"made_by" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"returned_at" timestamp with time zone,
	"destroyed_at" timestamp with time zone,
	"other_use" text
);
--> statement-breakpoint
CREATE TABLE "secrecy_copy_requests" (
	"id" text PRIMARY KEY NOT NULL,
	"document_id" text NOT NULL,
	"kind" text NOT NULL,
	"applicant_person_id" text NOT NULL,
	"count" integer NOT NULL,
	"reason" text NOT NULL,
	"flow_instance_id" text,
	"status" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "secrecy_destructions" (
	"id" text PRIMARY KEY NOT NULL,
	"document_id" text NOT NULL,
	"reason" text NOT NULL,
	"flow_instance_id" text,
	"status" text NOT NULL,
	"method" text,
	"executed_by" text,
	"witness_person_id" text,
	"executed_at" timestamp with time zone,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "secrecy_device_events" (
	"id" text PRIMARY KEY NOT NULL,
	"device_id" text NOT NULL,
	"kind" text NOT NULL,
	"handler_type" text,
	"handler_name" text,
	"approved_by" text,
	"note" text,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "secrecy_devices" (
	"id" text PRIMARY KEY NOT NULL,
	"number" text NOT NULL,
	"kind" text NOT NULL,
	"name" text NOT NULL,
	"unit_id" text NOT NULL,
	"user_person_id" text,
	"is_classified" boolean NOT NULL,
	"internet_connected" boolean NOT NULL,
	"password_set" boolean NOT NULL,
	"level" text,
	"justification" text,
	"device_file_no" text,
	"location" text NOT NULL,
	"status" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "secrecy_documents" (
	"id" text PRIMARY KEY NOT NULL,
	"year" integer NOT NULL,
	"seq" integer NOT NULL,
	"title" text NOT NULL,
	"source_org" text NOT NULL,
	"doc_no" text,
	"level" text NOT NULL,
	"term" text NOT NULL,
	"knowledge_scope" jsonb NOT NULL,
	"copy_no" text NOT NULL,
	"pages" integer NOT NULL,
	"direction" text NOT NULL,
	"received_on" date NOT NULL,
	"status" text NOT NULL,
	"instruct_instance_id" text,
	"cabinet" text,
	"archived_on" date,
	"destroyed_on" date,
	"registered_by" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "secrecy_loans" (
	"id" text PRIMARY KEY NOT NULL,
	"document_id" text NOT NULL,
	"borrower_person_id" text NOT NULL,
	"purpose" text NOT NULL,
	"due_date" date NOT NULL,
	"status" text NOT NULL,
	"flow_instance_id" text,
	"lent_at" timestamp with time zone,
	"lent_by" text,
	"returned_at" timestamp with time zone,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "secrecy_media" (
	"id" text PRIMARY KEY NOT NULL,
	"number" text NOT NULL,
	"kind" text NOT NULL,
	"custodian_person_id" text NOT NULL,
	"location" text NOT NULL,
	"level" text,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "secrecy_media_items" (
	"id" text PRIMARY KEY NOT NULL,
	"medium_id" text NOT NULL,
	"label" text NOT NULL,
	"level" text NOT NULL,
	"added_at" timestamp with time zone NOT NULL,
	"removed_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "secrecy_outgoing" (
	"id" text PRIMARY KEY NOT NULL,
	"year" integer NOT NULL,
	"seq" integer NOT NULL,
	"title" text NOT NULL,
	"doc_no" text,
	"level" text NOT NULL,
	"term" text NOT NULL,
	"knowledge_scope" jsonb NOT NULL,
	"direction" text NOT NULL,
	"copies" integer NOT NULL,
	"recipients" jsonb NOT NULL,
	"drafter_person_id" text NOT NULL,
	"drafter_unit_id" text,
	"level_decided_by" text NOT NULL,
	"status" text NOT NULL,
	"flow_instance_id" text,
	"print_device_id" text,
	"printed_by" text,
	"printed_at" timestamp with time zone,
	"channel" text,
	"dispatched_by" text,
	"dispatched_at" timestamp with time zone,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "secrecy_outgoing_copies" (
	"id" text PRIMARY KEY NOT NULL,
	"outgoing_id" text NOT NULL,
	"copy_no" text NOT NULL,
	"recipient" text,
	"receiver_name" text,
	"distributed_by" text,
	"distributed_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "secrecy_records" (
	"id" text PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"occurred_on" date NOT NULL,
	"subject" text NOT NULL,
	"device_id" text,
	"person_id" text,
	"approved_by" text,
	"detail" jsonb NOT NULL,
	"findings" text,
	"corrected_on" date,
	"outcome" text,
	"recorded_by" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "secrecy_takeouts" (
	"id" text PRIMARY KEY NOT NULL,
	"document_id" text NOT NULL,
	"person_id" text NOT NULL,
	"purpose" text NOT NULL,
	"destination" text NOT NULL,
	"due_date" date NOT NULL,
	"status" text NOT NULL,
	"flow_instance_id" text,
	"out_at" timestamp with time zone,
	"returned_at" timestamp with time zone,
	"returned_to" text,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "vehicle_bookings" (
	"id" text PRIMARY KEY NOT NULL,
	"request_id" text NOT NULL,
	"resource_kind" text NOT NULL,
	"resource_id" text NOT NULL,
	"start_at" timestamp with time zone NOT NULL,
	"end_at" timestamp with time zone NOT NULL,
	"active" boolean NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "vehicle_driver_records" (
	"id" text PRIMARY KEY NOT NULL,
	"driver_id" text NOT NULL,
	"kind" text NOT NULL,
	"occurred_on" date NOT NULL,
	"description" text NOT NULL,
	"fine_fen" bigint,
	"vehicle_id" text,
	"request_id" text,
	"passenger_person_id" text,
	"handling_ref" text NOT NULL,
	"recorded_by" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "vehicle_drivers" (
	"id" text PRIMARY KEY NOT NULL,
	"person_id" text,
	"name" text NOT NULL,
	"license_no" text NOT NULL,
	"license_class" text NOT NULL,
	"phone" text NOT NULL,
	"active" boolean NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "vehicle_fuel" (
	"id" text PRIMARY KEY NOT NULL,
	"vehicle_id" text NOT NULL,
	"fueled_at" timestamp with time zone NOT NULL,
	"fueled_on" date NOT NULL,
	"station" text NOT NULL,
	"in_city" boolean NOT NULL,
	"centilitres" integer NOT NULL,
	"unit_price_fen" integer NOT NULL,
	"amount_fen" bigint NOT NULL,
	"payment" text NOT NULL,
	"invoice_no" text,
	"odometer_km" integer,
	"prior_report" jsonb,
	"driver_person_id" text NOT NULL,
	"driver_signed_at" timestamp with time zone,
	"manager_person_id" text,
	"manager_signed_at" timestamp with time zone,
	"warnings" jsonb NOT NULL,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "vehicle_fuel_checks" (
	"id" text PRIMARY KEY NOT NULL,
	"period" text NOT NULL,
	"checker_person_id" text NOT NULL,
	"checked_on" date NOT NULL,
	"findings" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "vehicle_rentals" (
	"id" text PRIMARY KEY NOT NULL,
	"flow_instance_id" text NOT NULL,
	"person_id" text NOT NULL,
	"unit_id" text,
	"year" integer NOT NULL,
	"seq" integer NOT NULL,
	"passengers" integer NOT NULL,
	"purpose" text NOT NULL,
	"start_date" date NOT NULL,
	"end_date" date NOT NULL,
	"places" text NOT NULL,
	"brand_model" text,
	"cost_fen" bigint,
	"status" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "vehicle_repair_parts" (
	"id" text PRIMARY KEY NOT NULL,
	"repair_id" text NOT NULL,
	"part" text NOT NULL,
	"quantity" integer NOT NULL,
	"returned_by" text NOT NULL,
	"received_by" text NOT NULL,
	"returned_on" date NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "vehicle_repairs" (
	"id" text PRIMARY KEY NOT NULL,
	"flow_instance_id" text,
	"vehicle_id" text NOT NULL,
	"driver_person_id" text NOT NULL,
	"items" jsonb NOT NULL,
	"budget_fen" bigint NOT NULL,
	"shop" text NOT NULL,
	"emergency" jsonb,
	"backfill_due" date,
	"repaired_at" timestamp with time zone,
	"status" text NOT NULL,
	"approved_at" timestamp with time zone,
	"supplement_of" text,
	"invoice" jsonb,
	"settled_at" timestamp with time zone,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "vehicle_requests" (
	"id" text PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"flow_instance_id" text NOT NULL,
	"person_id" text NOT NULL,
	"unit_id" text,
	"use_case" integer NOT NULL,
	"destination" text NOT NULL,
	"purpose" text NOT NULL,
	"user_person_id" text NOT NULL,
	"start_at" timestamp with time zone NOT NULL,
	"end_at" timestamp with time zone NOT NULL,
	"status" text NOT NULL,
	"dispatch" jsonb,
	"vehicle_id" text,
	"driver_id" text,
	"dispatched_by" text,
	"dispatched_at" timestamp with time zone,
	"start_km" integer,
	"end_km" integer,
	"returned_at" timestamp with time zone,
	"return_signed_by" text,
	"return_signed_at" timestamp with time zone,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "vehicles" (
	"id" text PRIMARY KEY NOT NULL,
	"plate" text NOT NULL,
	"brand_model" text NOT NULL,
	"vehicle_type" text NOT NULL,
	"ownership" text NOT NULL,
	"seats" integer NOT NULL,
	"asset_id" text,
	"odometer_km" integer NOT NULL,
	"status" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "wr_disclosures" (
	"id" text PRIMARY KEY NOT NULL,
	"title" text NOT NULL,
	"matter_kind" text NOT NULL,
	"channel" text NOT NULL,
	"channel_detail" text NOT NULL,
	"disclosed_on" date NOT NULL,
	"unit_id" text,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "wr_findings" (
	"id" text PRIMARY KEY NOT NULL,
	"source" text NOT NULL,
	"source_detail" text NOT NULL,
	"title" text NOT NULL,
	"found_on" date NOT NULL,
	"responsible_unit_id" text NOT NULL,
	"verification" text DEFAULT 'confirmed' NOT NULL,
	"verification_note" text,
	"rectification" text,
	"rectified_on" date,
	"reported_on" date,
	"report_ref" text,
	"published_on" date,
	"publish_channel" text,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "wr_findings_source_ck" CHECK ("wr_findings"."source" in ('judicial','discipline','audit','media','public')),
	CONSTRAINT "wr_findings_verification_ck" CHECK ("wr_findings"."verification" in ('pending','confirmed','unfounded'))
);
--> statement-breakpoint
CREATE TABLE "wr_letters" (
	"id" text PRIMARY KEY NOT NULL,
	"year" integer NOT NULL,
	"seq" integer NOT NULL,
	"channel" text NOT NULL,
	"received_on" date NOT NULL,
	"contact" text,
	"subject" text NOT NULL,
	"important" boolean DEFAULT false NOT NULL,
	"annotator_id" text,
	"first_responder_id" text NOT NULL,
	"owner_id" text NOT NULL,
	"handovers" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"due_on" date,
	"annotated_by" text,
	"annotated_on" date,
	"annotation" text,
	"result" text,
	"closed_on" date,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "wr_letters_channel_ck" CHECK ("wr_letters"."channel" in ('letter','visit','hotline','online'))
);
--> statement-breakpoint
CREATE TABLE "wr_normative_docs" (
	"id" text PRIMARY KEY NOT NULL,
	"title" text NOT NULL,
	"role" text NOT NULL,
	"drafting_unit_id" text NOT NULL,
	"interpreting_unit_id" text NOT NULL,
	"status" text NOT NULL,
	"draft_started_on" date NOT NULL,
	"doc_no" text,
	"issued_on" date,
	"filing_due_on" date,
	"filed_on" date,
	"filing_ref" text,
	"filed_by" text,
	"amends_id" text,
	"repealed_on" date,
	"repeal_ref" text,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "wr_normative_docs_status_ck" CHECK ("wr_normative_docs"."status" in ('drafting','in_force','amended','repealed')),
	CONSTRAINT "wr_normative_docs_role_ck" CHECK ("wr_normative_docs"."role" in ('lead','joint'))
);
--> statement-breakpoint
CREATE TABLE "wr_speeches" (
	"id" text PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"speaker_id" text NOT NULL,
	"title" text NOT NULL,
	"venue" text NOT NULL,
	"planned_on" date NOT NULL,
	"summary" text NOT NULL,
	"requested_on" date NOT NULL,
	"status" text NOT NULL,
	"consent_decision_id" text,
	"decided_on" date,
	"decision_ref" text,
	"decision_recorded_by" text,
	"published_on" date,
	"published_note" text,
	"without_prior_consent" boolean DEFAULT false NOT NULL,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "wr_speeches_kind_ck" CHECK ("wr_speeches"."kind" in ('office','personal_major')),
	CONSTRAINT "wr_speeches_status_ck" CHECK ("wr_speeches"."status" in ('requested','consented','refused','withdrawn'))
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
ALTER TABLE "meeting_agenda_comments" ADD CONSTRAINT "meeting_agenda_comments_meeting_id_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."meetings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_decision_disclosures" ADD CONSTRAINT "meeting_decision_disclosures_decision_id_meeting_decisions_id_fk" FOREIGN KEY ("decision_id") REFERENCES "public"."meeting_decisions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_decision_reports" ADD CONSTRAINT "meeting_decision_reports_decision_id_meeting_decisions_id_fk" FOREIGN KEY ("decision_id") REFERENCES "public"."meeting_decisions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_decision_responsibles" ADD CONSTRAINT "meeting_decision_responsibles_decision_id_meeting_decisions_id_fk" FOREIGN KEY ("decision_id") REFERENCES "public"."meeting_decisions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "decision_tasks" ADD CONSTRAINT "decision_tasks_decision_id_meeting_decisions_id_fk" FOREIGN KEY ("decision_id") REFERENCES "public"."meeting_decisions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_attendees" ADD CONSTRAINT "meeting_attendees_meeting_id_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."meetings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_consultations" ADD CONSTRAINT "meeting_consultations_proposal_id_meeting_topic_proposals_id_fk" FOREIGN KEY ("proposal_id") REFERENCES "public"."meeting_topic_proposals"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_decisions" ADD CONSTRAINT "meeting_decisions_meeting_id_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."meetings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_decisions" ADD CONSTRAINT "meeting_decisions_topic_id_meeting_topics_id_fk" FOREIGN KEY ("topic_id") REFERENCES "public"."meeting_topics"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_minutes" ADD CONSTRAINT "meeting_minutes_meeting_id_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."meetings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_reschedules" ADD CONSTRAINT "meeting_reschedules_meeting_id_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."meetings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_topics" ADD CONSTRAINT "meeting_topics_meeting_id_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."meetings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_minority_opinions" ADD CONSTRAINT "meeting_minority_opinions_topic_id_meeting_topics_id_fk" FOREIGN KEY ("topic_id") REFERENCES "public"."meeting_topics"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "decision_task_reports" ADD CONSTRAINT "decision_task_reports_task_id_decision_tasks_id_fk" FOREIGN KEY ("task_id") REFERENCES "public"."decision_tasks"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "topic_attendees" ADD CONSTRAINT "topic_attendees_topic_id_meeting_topics_id_fk" FOREIGN KEY ("topic_id") REFERENCES "public"."meeting_topics"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "topic_ballot_box" ADD CONSTRAINT "topic_ballot_box_topic_id_meeting_topics_id_fk" FOREIGN KEY ("topic_id") REFERENCES "public"."meeting_topics"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "topic_ballot_voters" ADD CONSTRAINT "topic_ballot_voters_topic_id_meeting_topics_id_fk" FOREIGN KEY ("topic_id") REFERENCES "public"."meeting_topics"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "topic_opinions" ADD CONSTRAINT "topic_opinions_topic_id_meeting_topics_id_fk" FOREIGN KEY ("topic_id") REFERENCES "public"."meeting_topics"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "topic_recusals" ADD CONSTRAINT "topic_recusals_topic_id_meeting_topics_id_fk" FOREIGN KEY ("topic_id") REFERENCES "public"."meeting_topics"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "topic_votes" ADD CONSTRAINT "topic_votes_topic_id_meeting_topics_id_fk" FOREIGN KEY ("topic_id") REFERENCES "public"."meeting_topics"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "attendance_spot_findings" ADD CONSTRAINT "attendance_spot_findings_check_id_attendance_spot_checks_id_fk" FOREIGN KEY ("check_id") REFERENCES "public"."attendance_spot_checks"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
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
CREATE UNIQUE INDEX "asset_disposals_flow_idx" ON "asset_disposals" USING btree ("flow_instance_id");--> statement-breakpoint
CREATE INDEX "asset_events_asset_idx" ON "asset_events" USING btree ("asset_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "asset_reconciliations_period_idx" ON "asset_reconciliations" USING btree ("period");--> statement-breakpoint
CREATE UNIQUE INDEX "asset_stocktakes_year_idx" ON "asset_stocktakes" USING btree ("year");--> statement-breakpoint
CREATE UNIQUE INDEX "assets_no_idx" ON "assets" USING btree ("asset_no");--> statement-breakpoint
CREATE INDEX "assets_unit_idx" ON "assets" USING btree ("unit_id");--> statement-breakpoint
CREATE INDEX "assets_holder_idx" ON "assets" USING btree ("holder_person_id");--> statement-breakpoint
CREATE UNIQUE INDEX "union_allocations_period_idx" ON "union_allocations" USING btree ("period");--> statement-breakpoint
CREATE UNIQUE INDEX "union_dues_member_idx" ON "union_dues" USING btree ("period","member_name");--> statement-breakpoint
CREATE INDEX "union_entries_date_idx" ON "union_entries" USING btree ("on_date");--> statement-breakpoint
CREATE UNIQUE INDEX "union_entries_source_idx" ON "union_entries" USING btree ("source_id");--> statement-breakpoint
CREATE INDEX "doc_outgoing_drafter_idx" ON "doc_outgoing" USING btree ("drafter_person_id","status");--> statement-breakpoint
CREATE UNIQUE INDEX "doc_outgoing_number_uq" ON "doc_outgoing" USING btree ("series","doc_year","doc_seq");--> statement-breakpoint
CREATE UNIQUE INDEX "doc_incoming_circ_leg_uq" ON "doc_incoming_circulation" USING btree ("incoming_id","leg_no");--> statement-breakpoint
CREATE UNIQUE INDEX "doc_incoming_circ_open_uq" ON "doc_incoming_circulation" USING btree ("incoming_id") WHERE returned_at is null;--> statement-breakpoint
CREATE UNIQUE INDEX "doc_incoming_no_uq" ON "doc_incoming" USING btree ("reg_year","reg_seq");--> statement-breakpoint
CREATE INDEX "doc_incoming_status_idx" ON "doc_incoming" USING btree ("status","effective_due_date");--> statement-breakpoint
CREATE INDEX "doc_incoming_events_doc_idx" ON "doc_incoming_events" USING btree ("incoming_id","at");--> statement-breakpoint
CREATE UNIQUE INDEX "finance_cash_counts_no_idx" ON "finance_cash_counts" USING btree ("year","seq");--> statement-breakpoint
CREATE INDEX "finance_cash_counts_date_idx" ON "finance_cash_counts" USING btree ("counted_on");--> statement-breakpoint
CREATE UNIQUE INDEX "finance_report_submissions_due_idx" ON "finance_report_submissions" USING btree ("entry_id","due_on");--> statement-breakpoint
CREATE UNIQUE INDEX "finance_meeting_budgets_flow_idx" ON "finance_meeting_budgets" USING btree ("flow_instance_id");--> statement-breakpoint
CREATE INDEX "finance_meeting_budgets_year_idx" ON "finance_meeting_budgets" USING btree ("year","kind");--> statement-breakpoint
CREATE UNIQUE INDEX "finance_meeting_plans_year_idx" ON "finance_meeting_plans" USING btree ("year","kind");--> statement-breakpoint
CREATE INDEX "finance_print_distributions_req_idx" ON "finance_print_distributions" USING btree ("request_id");--> statement-breakpoint
CREATE UNIQUE INDEX "finance_print_requests_flow_idx" ON "finance_print_requests" USING btree ("flow_instance_id");--> statement-breakpoint
CREATE INDEX "finance_print_requests_year_idx" ON "finance_print_requests" USING btree ("year");--> statement-breakpoint
CREATE UNIQUE INDEX "finance_procurements_no_idx" ON "finance_procurements" USING btree ("year","seq");--> statement-breakpoint
CREATE UNIQUE INDEX "finance_procurements_flow_idx" ON "finance_procurements" USING btree ("flow_instance_id");--> statement-breakpoint
CREATE INDEX "finance_procurements_person_idx" ON "finance_procurements" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "finance_claims_person_idx" ON "finance_claims" USING btree ("person_id","submitted_on");--> statement-breakpoint
CREATE INDEX "finance_claims_split_idx" ON "finance_claims" USING btree ("unit_id","payee","submitted_on");--> statement-breakpoint
CREATE UNIQUE INDEX "finance_claims_flow_idx" ON "finance_claims" USING btree ("flow_instance_id");--> statement-breakpoint
CREATE UNIQUE INDEX "finance_reception_hotels_name_idx" ON "finance_reception_hotels" USING btree ("name");--> statement-breakpoint
CREATE UNIQUE INDEX "finance_receptions_no_idx" ON "finance_receptions" USING btree ("year","seq");--> statement-breakpoint
CREATE INDEX "finance_receptions_person_idx" ON "finance_receptions" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "finance_receptions_visit_idx" ON "finance_receptions" USING btree ("visit_start");--> statement-breakpoint
CREATE INDEX "finance_split_flags_unit_idx" ON "finance_split_flags" USING btree ("unit_id","created_at");--> statement-breakpoint
CREATE INDEX "finance_violations_date_idx" ON "finance_violations" USING btree ("occurred_on");--> statement-breakpoint
CREATE INDEX "meeting_agenda_comments_meeting_idx" ON "meeting_agenda_comments" USING btree ("meeting_id");--> statement-breakpoint
CREATE INDEX "meeting_decision_disclosures_due_idx" ON "meeting_decision_disclosures" USING btree ("published_on","due_date");--> statement-breakpoint
CREATE INDEX "meeting_decision_reports_decision_idx" ON "meeting_decision_reports" USING btree ("decision_id");--> statement-breakpoint
CREATE INDEX "decision_tasks_due_idx" ON "decision_tasks" USING btree ("status","due_date");--> statement-breakpoint
CREATE INDEX "meeting_emergency_disposals_due_idx" ON "meeting_emergency_disposals" USING btree ("reported_at","report_due_date");--> statement-breakpoint
CREATE INDEX "meeting_consultations_proposal_idx" ON "meeting_consultations" USING btree ("proposal_id");--> statement-breakpoint
CREATE UNIQUE INDEX "meeting_decisions_topic_uq" ON "meeting_decisions" USING btree ("topic_id");--> statement-breakpoint
CREATE INDEX "meeting_decisions_matter_idx" ON "meeting_decisions" USING btree ("matter_kind","status");--> statement-breakpoint
CREATE UNIQUE INDEX "meeting_minutes_version_uq" ON "meeting_minutes" USING btree ("meeting_id","version");--> statement-breakpoint
CREATE UNIQUE INDEX "meeting_topics_seq_uq" ON "meeting_topics" USING btree ("meeting_id","seq");--> statement-breakpoint
CREATE INDEX "meetings_date_idx" ON "meetings" USING btree ("body_code","meeting_date");--> statement-breakpoint
CREATE UNIQUE INDEX "topic_opinions_seq_uq" ON "topic_opinions" USING btree ("topic_id","seq");--> statement-breakpoint
CREATE INDEX "topic_proposals_status_idx" ON "meeting_topic_proposals" USING btree ("status","body_code");--> statement-breakpoint
CREATE UNIQUE INDEX "absence_records_day_uq" ON "absence_records" USING btree ("person_id","date");--> statement-breakpoint
CREATE UNIQUE INDEX "annual_leave_forfeits_uq" ON "annual_leave_forfeits" USING btree ("person_id","year","kind");--> statement-breakpoint
CREATE UNIQUE INDEX "attendance_punches_day_uq" ON "attendance_punches" USING btree ("person_id","date");--> statement-breakpoint
CREATE INDEX "attendance_punches_date_idx" ON "attendance_punches" USING btree ("date");--> statement-breakpoint
CREATE INDEX "attendance_spot_checks_date_idx" ON "attendance_spot_checks" USING btree ("date");--> statement-breakpoint
CREATE UNIQUE INDEX "attendance_spot_findings_uq" ON "attendance_spot_findings" USING btree ("check_id","person_id");--> statement-breakpoint
CREATE INDEX "attendance_spot_findings_person_idx" ON "attendance_spot_findings" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "leave_ledger_person_idx" ON "leave_ledger" USING btree ("person_id","year","leave_type");--> statement-breakpoint
CREATE UNIQUE INDEX "leave_ledger_grant_uq" ON "leave_ledger" USING btree ("person_id","year","leave_type","tier_days") WHERE entry = 'grant';--> statement-breakpoint
CREATE UNIQUE INDEX "leave_ledger_source_uq" ON "leave_ledger" USING btree ("source_id","entry","year") WHERE source_id is not null;--> statement-breakpoint
CREATE INDEX "leave_requests_person_idx" ON "leave_requests" USING btree ("person_id","start_date");--> statement-breakpoint
CREATE INDEX "leave_requests_flow_idx" ON "leave_requests" USING btree ("flow_instance_id");--> statement-breakpoint
CREATE UNIQUE INDEX "personnel_departures_subject_uq" ON "personnel_departures" USING btree ("subject_type","subject_id");--> statement-breakpoint
CREATE INDEX "personnel_departures_depart_idx" ON "personnel_departures" USING btree ("depart_on");--> statement-breakpoint
CREATE INDEX "personnel_trips_person_idx" ON "personnel_trips" USING btree ("person_id","start_date");--> statement-breakpoint
CREATE UNIQUE INDEX "poverty_conversions_open_uq" ON "poverty_conversions" USING btree ("household_id") WHERE status <> 'entered';--> statement-breakpoint
CREATE INDEX "poverty_conversions_status_idx" ON "poverty_conversions" USING btree ("status");--> statement-breakpoint
CREATE UNIQUE INDEX "poverty_findings_job_household_uq" ON "poverty_findings" USING btree ("job_id","household_id");--> statement-breakpoint
CREATE INDEX "poverty_findings_status_idx" ON "poverty_findings" USING btree ("status","job_id");--> statement-breakpoint
CREATE INDEX "poverty_followups_status_idx" ON "poverty_followups" USING btree ("status","household_id");--> statement-breakpoint
CREATE UNIQUE INDEX "poverty_followups_job_hh_person_uq" ON "poverty_followups" USING btree ("job_id","household_id","person_name");--> statement-breakpoint
CREATE UNIQUE INDEX "poverty_households_code_uq" ON "poverty_households" USING btree ("code");--> statement-breakpoint
CREATE INDEX "poverty_households_village_idx" ON "poverty_households" USING btree ("village_code");--> statement-breakpoint
CREATE INDEX "poverty_households_county_idx" ON "poverty_households" USING btree ("county_code");--> statement-breakpoint
CREATE INDEX "poverty_households_search_idx" ON "poverty_households" USING gin ("search_tsv");--> statement-breakpoint
CREATE INDEX "poverty_import_errors_job_idx" ON "poverty_import_errors" USING btree ("job_id","line");--> statement-breakpoint
CREATE INDEX "poverty_import_staging_job_idx" ON "poverty_import_staging" USING btree ("job_id","line");--> statement-breakpoint
CREATE INDEX "poverty_incidents_household_idx" ON "poverty_incidents" USING btree ("household_id");--> statement-breakpoint
CREATE INDEX "poverty_level_changes_mon_idx" ON "poverty_level_changes" USING btree ("monitoring_id");--> statement-breakpoint
CREATE INDEX "poverty_level_changes_job_idx" ON "poverty_level_changes" USING btree ("job_id");--> statement-breakpoint
CREATE INDEX "poverty_measure_events_measure_idx" ON "poverty_measure_events" USING btree ("measure_id","at");--> statement-breakpoint
CREATE INDEX "poverty_measures_household_idx" ON "poverty_measures" USING btree ("household_id","type");--> statement-breakpoint
CREATE INDEX "poverty_measures_type_idx" ON "poverty_measures" USING btree ("type","start_date");--> statement-breakpoint
CREATE INDEX "poverty_monitoring_household_idx" ON "poverty_monitoring" USING btree ("household_id");--> statement-breakpoint
CREATE INDEX "poverty_monitoring_status_idx" ON "poverty_monitoring" USING btree ("status","id");--> statement-breakpoint
CREATE UNIQUE INDEX "poverty_monitoring_open_uq" ON "poverty_monitoring" USING btree ("household_id") WHERE status <> 'exited';--> statement-breakpoint
CREATE INDEX "poverty_monitoring_events_mon_idx" ON "poverty_monitoring_events" USING btree ("monitoring_id","at");--> statement-breakpoint
CREATE UNIQUE INDEX "poverty_persons_id_hash_uq" ON "poverty_persons" USING btree ("id_hash");--> statement-breakpoint
CREATE INDEX "poverty_persons_household_idx" ON "poverty_persons" USING btree ("household_id");--> statement-breakpoint
CREATE INDEX "poverty_regions_parent_idx" ON "poverty_regions" USING btree ("parent_code");--> statement-breakpoint
CREATE UNIQUE INDEX "poverty_sector_actions_open_uq" ON "poverty_sector_actions" USING btree ("household_id","hazard") WHERE status <> 'resolved';--> statement-breakpoint
CREATE INDEX "poverty_sector_actions_status_idx" ON "poverty_sector_actions" USING btree ("status","due_on");--> statement-breakpoint
CREATE INDEX "poverty_sector_staging_job_idx" ON "poverty_sector_staging" USING btree ("job_id","id_hash");--> statement-breakpoint
CREATE INDEX "poverty_visits_mon_idx" ON "poverty_visits" USING btree ("monitoring_id","visited_on");--> statement-breakpoint
CREATE INDEX "poverty_visits_household_idx" ON "poverty_visits" USING btree ("household_id");--> statement-breakpoint
CREATE INDEX "rain_decisions_student_idx" ON "rain_decisions" USING btree ("student_id","kind","at");--> statement-breakpoint
CREATE UNIQUE INDEX "rain_determinations_student_semester_uq" ON "rain_determinations" USING btree ("student_id","semester");--> statement-breakpoint
CREATE INDEX "rain_determinations_semester_village_idx" ON "rain_determinations" USING btree ("semester","village_code");--> statement-breakpoint
CREATE INDEX "rain_files_owner_idx" ON "rain_files" USING btree ("owner_type","owner_id");--> statement-breakpoint
CREATE INDEX "rain_findings_job_idx" ON "rain_findings" USING btree ("job_id","line");--> statement-breakpoint
CREATE INDEX "rain_objections_determination_idx" ON "rain_objections" USING btree ("determination_id");--> statement-breakpoint
CREATE UNIQUE INDEX "rain_payments_student_semester_uq" ON "rain_payments" USING btree ("student_id","semester");--> statement-breakpoint
CREATE INDEX "rain_payments_batch_idx" ON "rain_payments" USING btree ("batch_id");--> statement-breakpoint
CREATE INDEX "rain_payments_semester_village_idx" ON "rain_payments" USING btree ("semester","village_code");--> statement-breakpoint
CREATE INDEX "rain_problems_open_idx" ON "rain_problems" USING btree ("inspection_id") WHERE closed_on is null;--> statement-breakpoint
CREATE INDEX "rain_publicities_village_semester_idx" ON "rain_publicities" USING btree ("village_code","semester");--> statement-breakpoint
CREATE INDEX "rain_roll_staging_job_idx" ON "rain_roll_staging" USING btree ("job_id","id_hash");--> statement-breakpoint
CREATE UNIQUE INDEX "rain_students_person_uq" ON "rain_students" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "rain_students_household_idx" ON "rain_students" USING btree ("household_id");--> statement-breakpoint
CREATE UNIQUE INDEX "rain_summaries_county_half_uq" ON "rain_summaries" USING btree ("county_code","half");--> statement-breakpoint
CREATE UNIQUE INDEX "seal_loss_cases_open_idx" ON "seal_loss_cases" USING btree ("seal_id") WHERE closed_at is null;--> statement-breakpoint
CREATE UNIQUE INDEX "seal_takeouts_flow_idx" ON "seal_takeouts" USING btree ("flow_instance_id");--> statement-breakpoint
CREATE UNIQUE INDEX "seal_takeouts_out_idx" ON "seal_takeouts" USING btree ("seal_id") WHERE status = 'out';--> statement-breakpoint
CREATE INDEX "seal_temp_keepers_seal_idx" ON "seal_temp_keepers" USING btree ("seal_id","start_date");--> statement-breakpoint
CREATE UNIQUE INDEX "seal_uses_no_idx" ON "seal_uses" USING btree ("year","seq");--> statement-breakpoint
CREATE UNIQUE INDEX "seal_uses_flow_idx" ON "seal_uses" USING btree ("flow_instance_id");--> statement-breakpoint
CREATE INDEX "seal_uses_seal_idx" ON "seal_uses" USING btree ("seal_id","created_at");--> statement-breakpoint
CREATE INDEX "seal_uses_status_idx" ON "seal_uses" USING btree ("status");--> statement-breakpoint
CREATE UNIQUE INDEX "seals_make_idx" ON "seals" USING btree ("make_instance_id");--> statement-breakpoint
CREATE INDEX "seals_status_idx" ON "seals" USING btree ("status");--> statement-breakpoint
CREATE UNIQUE INDEX "secrecy_check_items_obj_idx" ON "secrecy_check_items" USING btree ("check_id","object_type","object_id");--> statement-breakpoint
CREATE UNIQUE INDEX "secrecy_checks_period_idx" ON "secrecy_checks" USING btree ("period");--> statement-breakpoint
CREATE INDEX "secrecy_circulations_doc_idx" ON "secrecy_circulations" USING btree ("document_id");--> statement-breakpoint
CREATE UNIQUE INDEX "secrecy_circulations_open_idx" ON "secrecy_circulations" USING btree ("document_id") WHERE returned_at is null;--> statement-breakpoint
CREATE UNIQUE INDEX "secrecy_committee_open_idx" ON "secrecy_committee" USING btree ("person_id","role") WHERE end_date is null;--> statement-breakpoint
CREATE UNIQUE INDEX "secrecy_copies_no_idx" ON "secrecy_copies" USING btree ("document_id","copy_no");--> statement-breakpoint
CREATE UNIQUE INDEX "secrecy_destructions_open_idx" ON "secrecy_destructions" USING btree ("document_id") WHERE status in ('pending', 'approved', 'done');--> statement-breakpoint
CREATE INDEX "secrecy_device_events_dev_idx" ON "secrecy_device_events" USING btree ("device_id");--> statement-breakpoint
CREATE UNIQUE INDEX "secrecy_devices_number_idx" ON "secrecy_devices" USING btree ("number");--> statement-breakpoint
CREATE UNIQUE INDEX "secrecy_documents_no_idx" ON "secrecy_documents" USING btree ("year","seq");--> statement-breakpoint
CREATE INDEX "secrecy_documents_status_idx" ON "secrecy_documents" USING btree ("status","year");--> statement-breakpoint
CREATE UNIQUE INDEX "secrecy_loans_open_idx" ON "secrecy_loans" USING btree ("document_id") WHERE status in ('pending', 'approved', 'out');--> statement-breakpoint
CREATE INDEX "secrecy_loans_status_idx" ON "secrecy_loans" USING btree ("status","due_date");--> statement-breakpoint
CREATE UNIQUE INDEX "secrecy_media_number_idx" ON "secrecy_media" USING btree ("number");--> statement-breakpoint
CREATE INDEX "secrecy_media_items_medium_idx" ON "secrecy_media_items" USING btree ("medium_id");--> statement-breakpoint
CREATE UNIQUE INDEX "secrecy_outgoing_no_idx" ON "secrecy_outgoing" USING btree ("year","seq");--> statement-breakpoint
CREATE UNIQUE INDEX "secrecy_outgoing_copies_no_idx" ON "secrecy_outgoing_copies" USING btree ("outgoing_id","copy_no");--> statement-breakpoint
CREATE INDEX "secrecy_records_kind_idx" ON "secrecy_records" USING btree ("kind","occurred_on");--> statement-breakpoint
CREATE UNIQUE INDEX "secrecy_takeouts_open_idx" ON "secrecy_takeouts" USING btree ("document_id") WHERE status in ('pending', 'approved', 'out');--> statement-breakpoint
CREATE INDEX "vehicle_bookings_request_idx" ON "vehicle_bookings" USING btree ("request_id");--> statement-breakpoint
CREATE INDEX "vehicle_driver_records_driver_idx" ON "vehicle_driver_records" USING btree ("driver_id","occurred_on");--> statement-breakpoint
CREATE UNIQUE INDEX "vehicle_drivers_person_idx" ON "vehicle_drivers" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "vehicle_fuel_vehicle_idx" ON "vehicle_fuel" USING btree ("vehicle_id","fueled_on");--> statement-breakpoint
CREATE UNIQUE INDEX "vehicle_fuel_checks_period_idx" ON "vehicle_fuel_checks" USING btree ("period");--> statement-breakpoint
CREATE UNIQUE INDEX "vehicle_rentals_no_idx" ON "vehicle_rentals" USING btree ("year","seq");--> statement-breakpoint
CREATE UNIQUE INDEX "vehicle_rentals_flow_idx" ON "vehicle_rentals" USING btree ("flow_instance_id");--> statement-breakpoint
CREATE UNIQUE INDEX "vehicle_repair_parts_idx" ON "vehicle_repair_parts" USING btree ("repair_id","part");--> statement-breakpoint
CREATE UNIQUE INDEX "vehicle_repairs_flow_idx" ON "vehicle_repairs" USING btree ("flow_instance_id");--> statement-breakpoint
CREATE INDEX "vehicle_repairs_vehicle_idx" ON "vehicle_repairs" USING btree ("vehicle_id");--> statement-breakpoint
CREATE UNIQUE INDEX "vehicle_requests_flow_idx" ON "vehicle_requests" USING btree ("flow_instance_id");--> statement-breakpoint
CREATE INDEX "vehicle_requests_person_idx" ON "vehicle_requests" USING btree ("person_id","start_at");--> statement-breakpoint
CREATE UNIQUE INDEX "vehicles_plate_idx" ON "vehicles" USING btree ("plate");--> statement-breakpoint
CREATE INDEX "wr_disclosures_on_idx" ON "wr_disclosures" USING btree ("disclosed_on");--> statement-breakpoint
CREATE INDEX "wr_findings_open_idx" ON "wr_findings" USING btree ("reported_on");--> statement-breakpoint
CREATE UNIQUE INDEX "wr_letters_seq_uq" ON "wr_letters" USING btree ("year","seq");--> statement-breakpoint
CREATE INDEX "wr_letters_open_idx" ON "wr_letters" USING btree ("closed_on","important");--> statement-breakpoint
CREATE INDEX "wr_normative_docs_status_idx" ON "wr_normative_docs" USING btree ("status","filed_on");--> statement-breakpoint
CREATE UNIQUE INDEX "wr_normative_docs_amends_uq" ON "wr_normative_docs" USING btree ("amends_id");--> statement-breakpoint
CREATE INDEX "wr_speeches_status_idx" ON "wr_speeches" USING btree ("status");
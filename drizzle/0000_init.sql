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
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "accounts_username_unique" UNIQUE("username")
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
CREATE TABLE "acting_arrangements" (
	"id" text PRIMARY KEY NOT NULL,
	"absent_person_id" text NOT NULL,
	"acting_person_id" text NOT NULL,
	"post_code" text,
	"start_date" date NOT NULL,
	"end_date" date NOT NULL,
	"reason" text NOT NULL,
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
	"start_date" date NOT NULL,
	"end_date" date,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "leadership_target_ck" CHECK (("leadership_assignments"."unit_id" is null) <> ("leadership_assignments"."area_code" is null))
);
--> statement-breakpoint
CREATE TABLE "org_units" (
	"id" text PRIMARY KEY NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"kind" text NOT NULL,
	"parent_id" text,
	"sort_order" integer DEFAULT 0 NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	CONSTRAINT "org_units_code_unique" UNIQUE("code")
);
--> statement-breakpoint
CREATE TABLE "people" (
	"id" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"unit_id" text,
	"grade" text NOT NULL,
	"work_start_date" date,
	"party_member" boolean DEFAULT false NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "post_holdings" (
	"id" text PRIMARY KEY NOT NULL,
	"person_id" text NOT NULL,
	"post_code" text NOT NULL,
	"unit_id" text,
	"start_date" date NOT NULL,
	"end_date" date
);
--> statement-breakpoint
CREATE TABLE "posts" (
	"code" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"category" text NOT NULL,
	"sort_order" integer DEFAULT 0 NOT NULL
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
ALTER TABLE "account_roles" ADD CONSTRAINT "account_roles_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "account_roles" ADD CONSTRAINT "account_roles_role_fk" FOREIGN KEY ("role_id","admin_kind") REFERENCES "public"."roles"("id","admin_kind") ON DELETE cascade ON UPDATE restrict;--> statement-breakpoint
ALTER TABLE "role_permissions" ADD CONSTRAINT "role_permissions_role_id_roles_id_fk" FOREIGN KEY ("role_id") REFERENCES "public"."roles"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "accounts" ADD CONSTRAINT "accounts_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sessions" ADD CONSTRAINT "sessions_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "acting_arrangements" ADD CONSTRAINT "acting_arrangements_absent_person_id_people_id_fk" FOREIGN KEY ("absent_person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "acting_arrangements" ADD CONSTRAINT "acting_arrangements_acting_person_id_people_id_fk" FOREIGN KEY ("acting_person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "acting_arrangements" ADD CONSTRAINT "acting_arrangements_post_code_posts_code_fk" FOREIGN KEY ("post_code") REFERENCES "public"."posts"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "leadership_assignments" ADD CONSTRAINT "leadership_assignments_leader_id_people_id_fk" FOREIGN KEY ("leader_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "leadership_assignments" ADD CONSTRAINT "leadership_assignments_unit_id_org_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "leadership_assignments" ADD CONSTRAINT "leadership_assignments_area_code_leadership_areas_code_fk" FOREIGN KEY ("area_code") REFERENCES "public"."leadership_areas"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "people" ADD CONSTRAINT "people_unit_id_org_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "post_holdings" ADD CONSTRAINT "post_holdings_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "post_holdings" ADD CONSTRAINT "post_holdings_post_code_posts_code_fk" FOREIGN KEY ("post_code") REFERENCES "public"."posts"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "post_holdings" ADD CONSTRAINT "post_holdings_unit_id_org_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "account_roles_one_admin_uq" ON "account_roles" USING btree ("account_id") WHERE admin_kind <> 'none';--> statement-breakpoint
CREATE UNIQUE INDEX "audit_log_seq_uq" ON "audit_log" USING btree ("seq");--> statement-breakpoint
CREATE INDEX "audit_log_unsealed_idx" ON "audit_log" USING btree ("id") WHERE seq is null;--> statement-breakpoint
CREATE INDEX "audit_log_at_idx" ON "audit_log" USING btree ("at");--> statement-breakpoint
CREATE INDEX "audit_log_object_idx" ON "audit_log" USING btree ("object_type","object_id");--> statement-breakpoint
CREATE INDEX "audit_log_actor_idx" ON "audit_log" USING btree ("actor_account_id","at");--> statement-breakpoint
CREATE INDEX "sessions_account_idx" ON "sessions" USING btree ("account_id");--> statement-breakpoint
CREATE INDEX "leadership_leader_idx" ON "leadership_assignments" USING btree ("leader_id");--> statement-breakpoint
CREATE INDEX "post_holdings_person_idx" ON "post_holdings" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "post_holdings_post_idx" ON "post_holdings" USING btree ("post_code","unit_id");
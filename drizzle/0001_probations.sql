CREATE TABLE "personnel_probations" (
	"id" text PRIMARY KEY NOT NULL,
	"person_id" text NOT NULL,
	"post" text NOT NULL,
	"appointment_type" text NOT NULL,
	"appointment_ref" text NOT NULL,
	"effective_on" date NOT NULL,
	"end_on" date NOT NULL,
	"due_on" date NOT NULL,
	"remind_on" date NOT NULL,
	"status" text NOT NULL,
	"assessed_on" date,
	"ballots" integer,
	"excellent" integer,
	"competent" integer,
	"basically_competent" integer,
	"incompetent" integer,
	"party_group_finds_unfit" boolean,
	"decision_ref" text,
	"placement" text,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"assessed_by" text,
	CONSTRAINT "personnel_probations_type_ck" CHECK ("personnel_probations"."appointment_type" in ('promotion','transfer_in')),
	CONSTRAINT "personnel_probations_status_ck" CHECK ("personnel_probations"."status" in ('on_probation','formal','removed'))
);
--> statement-breakpoint
CREATE INDEX "personnel_probations_person_idx" ON "personnel_probations" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "personnel_probations_status_idx" ON "personnel_probations" USING btree ("status","due_on");
ALTER TABLE "wr_letters" ADD COLUMN "fed_back_on" date;--> statement-breakpoint
ALTER TABLE "wr_letters" ADD COLUMN "feedback" text;
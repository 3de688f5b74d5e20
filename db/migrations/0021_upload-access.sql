-- "Who used my data" also lists the files a resident uploaded that staff opened, and the full
-- mobile number staff asked to see (shown masked otherwise): licence_access_log names a licence,
-- an upload or a register field, exactly one of them. The holder of an upload read is its owner,
-- as the holder of a licence read is the licence's (the composite key below, like the licence one).
-- The table stays append-only: its triggers (0010) and db/roles/grants.sql cover new columns.
ALTER TABLE "uploads" ADD CONSTRAINT "uploads_owner_id" UNIQUE("owner_person_id","id");--> statement-breakpoint
ALTER TABLE "licence_access_log" ALTER COLUMN "licence_id" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "licence_access_log" ADD COLUMN "upload_id" uuid;--> statement-breakpoint
ALTER TABLE "licence_access_log" ADD COLUMN "register_field" text;--> statement-breakpoint
ALTER TABLE "licence_access_log" ADD CONSTRAINT "licence_access_log_upload_fk" FOREIGN KEY ("holder_person_id","upload_id") REFERENCES "public"."uploads"("owner_person_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "licence_access_log" ADD CONSTRAINT "licence_access_log_one_item" CHECK (num_nonnulls("licence_access_log"."licence_id", "licence_access_log"."upload_id", "licence_access_log"."register_field") = 1);--> statement-breakpoint
ALTER TABLE "licence_access_log" ADD CONSTRAINT "licence_access_log_register_field" CHECK ("licence_access_log"."register_field" IN ('phone'));

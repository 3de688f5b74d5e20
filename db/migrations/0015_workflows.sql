ALTER TYPE "public"."role" ADD VALUE 'reviewer' BEFORE 'supervisor';--> statement-breakpoint
ALTER TYPE "public"."role" ADD VALUE 'approver' BEFORE 'supervisor';--> statement-breakpoint
ALTER TABLE "services" ADD COLUMN "workflow" jsonb;--> statement-breakpoint
ALTER TABLE "applications" ADD COLUMN "workflow" jsonb;--> statement-breakpoint
ALTER TABLE "applications" ADD COLUMN "step_index" smallint DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "applications" ADD COLUMN "step_kind" text;--> statement-breakpoint
ALTER TABLE "applications" ADD COLUMN "step_due_on" date;--> statement-breakpoint
ALTER TABLE "applications" ADD COLUMN "step_escalated_at" timestamp with time zone;--> statement-breakpoint
CREATE INDEX "applications_step_queue_idx" ON "applications" USING btree ("step_kind","service_id","step_due_on");--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_backoffice_department" CHECK ("users"."role"::text NOT IN ('reviewer', 'approver') OR "users"."department_id" IS NOT NULL);--> statement-breakpoint
ALTER TABLE "applications" ADD CONSTRAINT "applications_step_kind" CHECK ("applications"."step_kind" IS NULL OR "applications"."step_kind" IN ('accept', 'review', 'decide', 'deliver'));--> statement-breakpoint
-- Applications filed before workflows follow today's single step (the default workflow, read
-- when "workflow" is null): received and accepted at the window (step 0), then decided (step 1).
UPDATE "applications" SET
  "step_index" = CASE WHEN "accepted_at" IS NULL THEN 0 ELSE 1 END,
  "step_kind" = CASE WHEN "accepted_at" IS NULL THEN 'accept' ELSE 'decide' END,
  "step_due_on" = CASE WHEN "accepted_at" IS NULL THEN "accept_due_on" ELSE "due_on" END
WHERE "status" IN ('submitted', 'accepted', 'supplement_requested', 'approved');

CREATE TYPE "public"."check_result" AS ENUM('pass', 'fail', 'unknown');--> statement-breakpoint
CREATE TYPE "public"."correction_status" AS ENUM('open', 'corrected', 'declined');--> statement-breakpoint
CREATE TYPE "public"."delivery_channel" AS ENUM('sms', 'email');--> statement-breakpoint
CREATE TYPE "public"."delivery_status" AS ENUM('pending', 'sent', 'failed');--> statement-breakpoint
CREATE TYPE "public"."follow_up_status" AS ENUM('open', 'closed');--> statement-breakpoint
CREATE SEQUENCE "public"."licence_serial_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 50000001 CACHE 1;--> statement-breakpoint
CREATE TABLE "application_drafts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"person_id" uuid NOT NULL,
	"target_kind" text NOT NULL,
	"target_code" text NOT NULL,
	"subject_person_id" uuid,
	"answers" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"uploads" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "application_drafts_one_per_target" UNIQUE("person_id","target_kind","target_code"),
	CONSTRAINT "application_drafts_kind" CHECK ("application_drafts"."target_kind" IN ('service', 'bundle'))
);
--> statement-breakpoint
CREATE TABLE "eligibility_checks" (
	"application_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"criterion" text NOT NULL,
	"result" "check_result" NOT NULL,
	"detail" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"checked_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "eligibility_checks_application_id_criterion_pk" PRIMARY KEY("application_id","criterion")
);
--> statement-breakpoint
CREATE TABLE "notification_deliveries" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "notification_deliveries_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"notification_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"channel" "delivery_channel" NOT NULL,
	"address" text NOT NULL,
	"status" "delivery_status" DEFAULT 'pending' NOT NULL,
	"attempts" smallint DEFAULT 0 NOT NULL,
	"last_error" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"sent_at" timestamp with time zone,
	CONSTRAINT "notification_deliveries_once" UNIQUE("notification_id","channel")
);
--> statement-breakpoint
CREATE TABLE "correction_requests" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"person_id" uuid NOT NULL,
	"requested_by_person_id" uuid NOT NULL,
	"register" text NOT NULL,
	"field" text NOT NULL,
	"department_id" uuid NOT NULL,
	"current_value" text,
	"proposed_value" text,
	"reason" text NOT NULL,
	"service_code" text,
	"status" "correction_status" DEFAULT 'open' NOT NULL,
	"decided_by_user_id" uuid,
	"decided_at" timestamp with time zone,
	"decision_note" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "correction_requests_decision" CHECK (("correction_requests"."status" = 'open') = ("correction_requests"."decided_at" IS NULL))
);
--> statement-breakpoint
CREATE TABLE "api_idempotency" (
	"api_key_id" uuid NOT NULL,
	"key" text NOT NULL,
	"request_hash" text NOT NULL,
	"status_code" smallint NOT NULL,
	"response" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "api_idempotency_api_key_id_key_pk" PRIMARY KEY("api_key_id","key")
);
--> statement-breakpoint
CREATE TABLE "api_keys" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"department_id" uuid NOT NULL,
	"label" text NOT NULL,
	"prefix" text NOT NULL,
	"key_hash" text NOT NULL,
	"rate_limit_per_minute" integer DEFAULT 600 NOT NULL,
	"created_by_user_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"revoked_at" timestamp with time zone,
	"revoked_by_user_id" uuid,
	"last_used_at" timestamp with time zone,
	CONSTRAINT "api_keys_prefix_unique" UNIQUE("prefix"),
	CONSTRAINT "api_keys_key_hash_unique" UNIQUE("key_hash")
);
--> statement-breakpoint
CREATE TABLE "api_rate_windows" (
	"api_key_id" uuid NOT NULL,
	"window_start" timestamp with time zone NOT NULL,
	"count" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "api_rate_windows_api_key_id_window_start_pk" PRIMARY KEY("api_key_id","window_start")
);
--> statement-breakpoint
CREATE TABLE "application_daily_stats" (
	"day" date NOT NULL,
	"service_id" uuid NOT NULL,
	"centre_id" uuid,
	"channel" "channel" NOT NULL,
	"submitted" integer DEFAULT 0 NOT NULL,
	"accepted" integer DEFAULT 0 NOT NULL,
	"deemed_accepted" integer DEFAULT 0 NOT NULL,
	"supplement_requested" integer DEFAULT 0 NOT NULL,
	"completed" integer DEFAULT 0 NOT NULL,
	"completed_on_the_spot" integer DEFAULT 0 NOT NULL,
	"completed_within_promised" integer DEFAULT 0 NOT NULL,
	"completed_within_legal" integer DEFAULT 0 NOT NULL,
	"rejected" integer DEFAULT 0 NOT NULL,
	"withdrawn" integer DEFAULT 0 NOT NULL,
	"materials_required" integer DEFAULT 0 NOT NULL,
	"materials_from_library" integer DEFAULT 0 NOT NULL,
	"materials_uploaded" integer DEFAULT 0 NOT NULL,
	"materials_at_counter" integer DEFAULT 0 NOT NULL,
	"accept_days" integer[] DEFAULT '{}'::integer[] NOT NULL,
	"complete_days" integer[] DEFAULT '{}'::integer[] NOT NULL,
	"complete_hours" integer[] DEFAULT '{}'::integer[] NOT NULL,
	"rating_counts" integer[] DEFAULT '{0,0,0,0,0}'::integer[] NOT NULL,
	CONSTRAINT "application_daily_stats_key" UNIQUE NULLS NOT DISTINCT("day","service_id","centre_id","channel")
);
--> statement-breakpoint
CREATE TABLE "rating_follow_ups" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"rating_id" uuid NOT NULL,
	"application_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"service_id" uuid NOT NULL,
	"centre_id" uuid,
	"score" smallint NOT NULL,
	"due_on" date NOT NULL,
	"status" "follow_up_status" DEFAULT 'open' NOT NULL,
	"action_taken" text,
	"closed_at" timestamp with time zone,
	"closed_by_user_id" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "rating_follow_ups_rating_id_unique" UNIQUE("rating_id"),
	CONSTRAINT "rating_follow_ups_closed" CHECK (("rating_follow_ups"."status" = 'closed') = ("rating_follow_ups"."closed_at" IS NOT NULL))
);
--> statement-breakpoint
ALTER TABLE "applications" ADD COLUMN "received_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "applications" ADD COLUMN "accept_due_on" date;--> statement-breakpoint
ALTER TABLE "applications" ADD COLUMN "legal_due_on" date;--> statement-breakpoint
ALTER TABLE "applications" ADD COLUMN "paused_working_days" smallint DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "applications" ADD COLUMN "deemed_accepted" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "applications" ADD COLUMN "flagged_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "applications" ADD COLUMN "flag_reason" text;--> statement-breakpoint
ALTER TABLE "application_drafts" ADD CONSTRAINT "application_drafts_person_id_persons_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "eligibility_checks" ADD CONSTRAINT "eligibility_checks_application_fk" FOREIGN KEY ("person_id","application_id") REFERENCES "public"."applications"("applicant_person_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notification_deliveries" ADD CONSTRAINT "notification_deliveries_notification_id_notifications_id_fk" FOREIGN KEY ("notification_id") REFERENCES "public"."notifications"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "correction_requests" ADD CONSTRAINT "correction_requests_person_id_persons_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "correction_requests" ADD CONSTRAINT "correction_requests_requested_by_person_id_persons_id_fk" FOREIGN KEY ("requested_by_person_id") REFERENCES "public"."persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "correction_requests" ADD CONSTRAINT "correction_requests_department_id_departments_id_fk" FOREIGN KEY ("department_id") REFERENCES "public"."departments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "correction_requests" ADD CONSTRAINT "correction_requests_decided_by_user_id_users_id_fk" FOREIGN KEY ("decided_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "api_idempotency" ADD CONSTRAINT "api_idempotency_api_key_id_api_keys_id_fk" FOREIGN KEY ("api_key_id") REFERENCES "public"."api_keys"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "api_keys" ADD CONSTRAINT "api_keys_department_id_departments_id_fk" FOREIGN KEY ("department_id") REFERENCES "public"."departments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "api_keys" ADD CONSTRAINT "api_keys_created_by_user_id_users_id_fk" FOREIGN KEY ("created_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "api_keys" ADD CONSTRAINT "api_keys_revoked_by_user_id_users_id_fk" FOREIGN KEY ("revoked_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "api_rate_windows" ADD CONSTRAINT "api_rate_windows_api_key_id_api_keys_id_fk" FOREIGN KEY ("api_key_id") REFERENCES "public"."api_keys"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "application_daily_stats" ADD CONSTRAINT "application_daily_stats_service_id_services_id_fk" FOREIGN KEY ("service_id") REFERENCES "public"."services"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "application_daily_stats" ADD CONSTRAINT "application_daily_stats_centre_id_service_centres_id_fk" FOREIGN KEY ("centre_id") REFERENCES "public"."service_centres"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rating_follow_ups" ADD CONSTRAINT "rating_follow_ups_rating_id_ratings_id_fk" FOREIGN KEY ("rating_id") REFERENCES "public"."ratings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rating_follow_ups" ADD CONSTRAINT "rating_follow_ups_service_id_services_id_fk" FOREIGN KEY ("service_id") REFERENCES "public"."services"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rating_follow_ups" ADD CONSTRAINT "rating_follow_ups_centre_id_service_centres_id_fk" FOREIGN KEY ("centre_id") REFERENCES "public"."service_centres"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rating_follow_ups" ADD CONSTRAINT "rating_follow_ups_closed_by_user_id_users_id_fk" FOREIGN KEY ("closed_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "notification_deliveries_pending_idx" ON "notification_deliveries" USING btree ("created_at") WHERE "notification_deliveries"."status" = 'pending';--> statement-breakpoint
CREATE UNIQUE INDEX "correction_requests_one_open" ON "correction_requests" USING btree ("person_id","field") WHERE "correction_requests"."status" = 'open';--> statement-breakpoint
CREATE INDEX "correction_requests_queue_idx" ON "correction_requests" USING btree ("department_id","status","created_at");--> statement-breakpoint
CREATE INDEX "correction_requests_requester_idx" ON "correction_requests" USING btree ("requested_by_person_id","created_at");--> statement-breakpoint
CREATE INDEX "api_idempotency_created_idx" ON "api_idempotency" USING btree ("created_at");--> statement-breakpoint
CREATE INDEX "api_keys_department_idx" ON "api_keys" USING btree ("department_id");--> statement-breakpoint
CREATE INDEX "api_rate_windows_start_idx" ON "api_rate_windows" USING btree ("window_start");--> statement-breakpoint
CREATE INDEX "application_daily_stats_service_day_idx" ON "application_daily_stats" USING btree ("service_id","day");--> statement-breakpoint
CREATE INDEX "rating_follow_ups_open_idx" ON "rating_follow_ups" USING btree ("status","due_on");--> statement-breakpoint
CREATE INDEX "rating_follow_ups_service_idx" ON "rating_follow_ups" USING btree ("service_id","created_at");--> statement-breakpoint
CREATE INDEX "application_materials_licence_idx" ON "application_materials" USING btree ("licence_id");--> statement-breakpoint
ALTER TABLE "applications" ADD CONSTRAINT "applications_paused_days" CHECK ("applications"."paused_working_days" >= 0);
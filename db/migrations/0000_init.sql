CREATE TYPE "public"."application_status" AS ENUM('draft', 'submitted', 'supplement_requested', 'accepted', 'approved', 'completed', 'rejected', 'withdrawn');--> statement-breakpoint
CREATE TYPE "public"."appointment_status" AS ENUM('booked', 'cancelled', 'attended', 'no_show');--> statement-breakpoint
CREATE TYPE "public"."calendar_day_kind" AS ENUM('holiday', 'workday');--> statement-breakpoint
CREATE TYPE "public"."channel" AS ENUM('online', 'counter', 'mobile', 'self_service');--> statement-breakpoint
CREATE TYPE "public"."employment_status" AS ENUM('employed', 'self_employed', 'unemployed', 'retired', 'student', 'child');--> statement-breakpoint
CREATE TYPE "public"."holder_code_type" AS ENUM('111', '001');--> statement-breakpoint
CREATE TYPE "public"."insurance_status" AS ENUM('employee', 'resident', 'none');--> statement-breakpoint
CREATE TYPE "public"."licence_status" AS ENUM('valid', 'expired', 'revoked', 'superseded');--> statement-breakpoint
CREATE TYPE "public"."marital_status" AS ENUM('unmarried', 'married', 'divorced', 'widowed');--> statement-breakpoint
CREATE TYPE "public"."material_kind" AS ENUM('licence', 'upload', 'form');--> statement-breakpoint
CREATE TYPE "public"."material_source" AS ENUM('library', 'upload', 'counter', 'form');--> statement-breakpoint
CREATE TYPE "public"."material_subject" AS ENUM('applicant', 'spouse', 'child', 'parent');--> statement-breakpoint
CREATE TYPE "public"."family_relation" AS ENUM('spouse', 'child', 'parent');--> statement-breakpoint
CREATE TYPE "public"."role" AS ENUM('citizen', 'clerk', 'supervisor', 'admin');--> statement-breakpoint
CREATE TYPE "public"."sex" AS ENUM('male', 'female');--> statement-breakpoint
CREATE TYPE "public"."verification_method" AS ENUM('library', 'signature', 'qr', 'api');--> statement-breakpoint
CREATE TYPE "public"."verification_result" AS ENUM('valid', 'expired', 'revoked', 'superseded', 'bad_signature', 'not_found');--> statement-breakpoint
CREATE SEQUENCE "public"."application_number_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1;--> statement-breakpoint
CREATE TABLE "divisions" (
	"code" text PRIMARY KEY NOT NULL,
	"name_zh" text NOT NULL,
	"name_en" text NOT NULL,
	"parent_code" text,
	"level" smallint NOT NULL,
	"retired_on" date
);
--> statement-breakpoint
CREATE TABLE "family_relations" (
	"person_id" uuid NOT NULL,
	"relative_id" uuid NOT NULL,
	"relation" "family_relation" NOT NULL,
	CONSTRAINT "family_relations_person_id_relative_id_pk" PRIMARY KEY("person_id","relative_id"),
	CONSTRAINT "family_relations_not_self" CHECK ("family_relations"."person_id" <> "family_relations"."relative_id")
);
--> statement-breakpoint
CREATE TABLE "persons" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"id_number" text NOT NULL,
	"name" text NOT NULL,
	"sex" "sex" NOT NULL,
	"birth_date" date NOT NULL,
	"ethnicity" text DEFAULT '汉族' NOT NULL,
	"hukou_division_code" text,
	"hukou_address" text,
	"hukou_updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"residence_division_code" text NOT NULL,
	"residence_address" text NOT NULL,
	"residence_since" date NOT NULL,
	"residence_updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"marital_status" "marital_status" NOT NULL,
	"marital_updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"employment_status" "employment_status" NOT NULL,
	"employer" text,
	"employment_updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"insurance_status" "insurance_status" NOT NULL,
	"insurance_months" smallint DEFAULT 0 NOT NULL,
	"insurance_updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"phone" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "persons_id_number_unique" UNIQUE("id_number"),
	CONSTRAINT "persons_id_number_format" CHECK ("persons"."id_number" ~ '^[0-9]{17}[0-9X]$'),
	CONSTRAINT "persons_insurance_months" CHECK ("persons"."insurance_months" >= 0)
);
--> statement-breakpoint
CREATE TABLE "departments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"code" text NOT NULL,
	"uscc" text NOT NULL,
	"name_zh" text NOT NULL,
	"name_en" text NOT NULL,
	"division_code" text NOT NULL,
	CONSTRAINT "departments_code_unique" UNIQUE("code"),
	CONSTRAINT "departments_uscc_unique" UNIQUE("uscc")
);
--> statement-breakpoint
CREATE TABLE "service_centres" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"code" text NOT NULL,
	"name_zh" text NOT NULL,
	"name_en" text NOT NULL,
	"address_zh" text NOT NULL,
	"address_en" text NOT NULL,
	"division_code" text NOT NULL,
	"phone" text NOT NULL,
	"hours_zh" text NOT NULL,
	"hours_en" text NOT NULL,
	CONSTRAINT "service_centres_code_unique" UNIQUE("code")
);
--> statement-breakpoint
CREATE TABLE "licence_access_log" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "licence_access_log_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"licence_id" uuid NOT NULL,
	"holder_person_id" uuid NOT NULL,
	"actor_user_id" uuid,
	"actor_department_id" uuid,
	"actor_label" text NOT NULL,
	"purpose" text NOT NULL,
	"application_id" uuid,
	"accessed_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "licence_types" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"key" text NOT NULL,
	"code" text NOT NULL,
	"name_zh" text NOT NULL,
	"name_en" text NOT NULL,
	"issuing_department_id" uuid NOT NULL,
	"default_validity_months" smallint,
	CONSTRAINT "licence_types_key_unique" UNIQUE("key"),
	CONSTRAINT "licence_types_code_unique" UNIQUE("code")
);
--> statement-breakpoint
CREATE TABLE "licence_verifications" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "licence_verifications_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"licence_id" uuid NOT NULL,
	"holder_person_id" uuid NOT NULL,
	"verified_by_user_id" uuid,
	"verifier_label" text NOT NULL,
	"method" "verification_method" NOT NULL,
	"result" "verification_result" NOT NULL,
	"application_id" uuid,
	"detail" text,
	"verified_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "licences" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"identifier" text NOT NULL,
	"licence_type_id" uuid NOT NULL,
	"licence_number" text NOT NULL,
	"holder_person_id" uuid NOT NULL,
	"holder_name" text NOT NULL,
	"holder_code" text NOT NULL,
	"holder_code_type" "holder_code_type" DEFAULT '111' NOT NULL,
	"issuer_department_id" uuid NOT NULL,
	"issuer_name" text NOT NULL,
	"issuer_code" text NOT NULL,
	"jurisdiction_code" text NOT NULL,
	"issued_on" date NOT NULL,
	"valid_from" date NOT NULL,
	"valid_until" date,
	"status" "licence_status" DEFAULT 'valid' NOT NULL,
	"status_reason" text,
	"status_changed_at" timestamp with time zone,
	"version" smallint DEFAULT 1 NOT NULL,
	"fields" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"source_application_id" uuid,
	"signature" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "licences_identifier_unique" UNIQUE("identifier"),
	CONSTRAINT "licences_holder_id" UNIQUE("holder_person_id","id"),
	CONSTRAINT "licences_validity" CHECK ("licences"."valid_until" IS NULL OR "licences"."valid_until" >= "licences"."valid_from")
);
--> statement-breakpoint
CREATE TABLE "calendar_days" (
	"day" date PRIMARY KEY NOT NULL,
	"kind" "calendar_day_kind" NOT NULL,
	"name_zh" text NOT NULL,
	"name_en" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "centre_services" (
	"centre_id" uuid NOT NULL,
	"service_id" uuid NOT NULL,
	CONSTRAINT "centre_services_centre_id_service_id_pk" PRIMARY KEY("centre_id","service_id")
);
--> statement-breakpoint
CREATE TABLE "service_bundle_items" (
	"bundle_id" uuid NOT NULL,
	"service_id" uuid NOT NULL,
	"position" smallint NOT NULL,
	CONSTRAINT "service_bundle_items_bundle_id_service_id_pk" PRIMARY KEY("bundle_id","service_id")
);
--> statement-breakpoint
CREATE TABLE "service_bundles" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"code" text NOT NULL,
	"name_zh" text NOT NULL,
	"name_en" text NOT NULL,
	"description_zh" text NOT NULL,
	"description_en" text NOT NULL,
	"theme" text NOT NULL,
	CONSTRAINT "service_bundles_code_unique" UNIQUE("code")
);
--> statement-breakpoint
CREATE TABLE "service_materials" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"service_id" uuid NOT NULL,
	"position" smallint NOT NULL,
	"name_zh" text NOT NULL,
	"name_en" text NOT NULL,
	"kind" "material_kind" NOT NULL,
	"licence_type_id" uuid,
	"subject" "material_subject" DEFAULT 'applicant' NOT NULL,
	"required" boolean DEFAULT true NOT NULL,
	"notes_zh" text,
	"notes_en" text,
	CONSTRAINT "service_materials_position" UNIQUE("service_id","position"),
	CONSTRAINT "service_materials_licence_type" CHECK (("service_materials"."kind" = 'licence') = ("service_materials"."licence_type_id" IS NOT NULL))
);
--> statement-breakpoint
CREATE TABLE "services" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"code" text NOT NULL,
	"name_zh" text NOT NULL,
	"name_en" text NOT NULL,
	"department_id" uuid NOT NULL,
	"theme" text NOT NULL,
	"description_zh" text NOT NULL,
	"description_en" text NOT NULL,
	"who_may_apply_zh" text NOT NULL,
	"who_may_apply_en" text NOT NULL,
	"keywords" text DEFAULT '' NOT NULL,
	"legal_limit_days" smallint NOT NULL,
	"promised_limit_days" smallint NOT NULL,
	"on_the_spot" boolean DEFAULT false NOT NULL,
	"requires_visit" boolean DEFAULT false NOT NULL,
	"fee_yuan" integer DEFAULT 0 NOT NULL,
	"form_fields" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"approval_hints" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"issues_licence_type_id" uuid,
	"eligibility_rule" text,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "services_code_unique" UNIQUE("code"),
	CONSTRAINT "services_limits" CHECK ("services"."promised_limit_days" >= 0 AND "services"."promised_limit_days" <= "services"."legal_limit_days")
);
--> statement-breakpoint
CREATE TABLE "users" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"role" "role" NOT NULL,
	"person_id" uuid,
	"staff_no" text,
	"display_name" text NOT NULL,
	"department_id" uuid,
	"centre_id" uuid,
	"password_hash" text NOT NULL,
	"failed_login_count" smallint DEFAULT 0 NOT NULL,
	"last_failed_login_at" timestamp with time zone,
	"locked_until" timestamp with time zone,
	"session_version" integer DEFAULT 1 NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"last_login_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "users_person_id_unique" UNIQUE("person_id"),
	CONSTRAINT "users_staff_no_unique" UNIQUE("staff_no"),
	CONSTRAINT "users_citizen_person" CHECK (("users"."role" = 'citizen') = ("users"."person_id" IS NOT NULL)),
	CONSTRAINT "users_staff_number" CHECK (("users"."role" = 'citizen') = ("users"."staff_no" IS NULL)),
	CONSTRAINT "users_clerk_scope" CHECK ("users"."role" <> 'clerk' OR "users"."department_id" IS NOT NULL OR "users"."centre_id" IS NOT NULL)
);
--> statement-breakpoint
CREATE TABLE "application_events" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "application_events_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"application_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"from_status" "application_status",
	"to_status" "application_status" NOT NULL,
	"actor_user_id" uuid,
	"actor_role" "role",
	"note" text,
	"data" jsonb,
	"occurred_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "application_materials" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"application_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"service_material_id" uuid NOT NULL,
	"source" "material_source" NOT NULL,
	"licence_id" uuid,
	"upload_id" uuid,
	"supplement_requested" boolean DEFAULT false NOT NULL,
	"verified_at" timestamp with time zone,
	"note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "application_materials_one_per_material" UNIQUE("application_id","service_material_id"),
	CONSTRAINT "application_materials_source" CHECK (("application_materials"."source" <> 'library' OR "application_materials"."licence_id" IS NOT NULL) AND ("application_materials"."source" <> 'upload' OR "application_materials"."upload_id" IS NOT NULL))
);
--> statement-breakpoint
CREATE TABLE "applications" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"number" text NOT NULL,
	"service_id" uuid NOT NULL,
	"bundle_id" uuid,
	"bundle_group_id" uuid,
	"applicant_person_id" uuid NOT NULL,
	"subject_person_id" uuid,
	"status" "application_status" DEFAULT 'draft' NOT NULL,
	"channel" "channel" DEFAULT 'online' NOT NULL,
	"centre_id" uuid,
	"form_data" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"submitted_at" timestamp with time zone,
	"accepted_at" timestamp with time zone,
	"completed_at" timestamp with time zone,
	"due_on" date,
	"clock_paused_at" timestamp with time zone,
	"assigned_clerk_id" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"idempotency_key" text,
	"created_by_user_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "applications_number_unique" UNIQUE("number"),
	CONSTRAINT "applications_person_id" UNIQUE("applicant_person_id","id"),
	CONSTRAINT "applications_idempotency" UNIQUE("applicant_person_id","idempotency_key"),
	CONSTRAINT "applications_version_positive" CHECK ("applications"."version" >= 1)
);
--> statement-breakpoint
CREATE TABLE "appointment_slots" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"centre_id" uuid NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"capacity" smallint NOT NULL,
	"booked" smallint DEFAULT 0 NOT NULL,
	CONSTRAINT "appointment_slots_centre_start" UNIQUE("centre_id","starts_at"),
	CONSTRAINT "appointment_slots_capacity" CHECK ("appointment_slots"."booked" >= 0 AND "appointment_slots"."booked" <= "appointment_slots"."capacity"),
	CONSTRAINT "appointment_slots_order" CHECK ("appointment_slots"."ends_at" > "appointment_slots"."starts_at")
);
--> statement-breakpoint
CREATE TABLE "appointments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"slot_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"service_id" uuid NOT NULL,
	"application_id" uuid,
	"status" "appointment_status" DEFAULT 'booked' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "notifications" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"person_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"message_key" text NOT NULL,
	"params" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"application_id" uuid,
	"dedupe_key" text,
	"read_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "notifications_dedupe" UNIQUE("person_id","dedupe_key")
);
--> statement-breakpoint
CREATE TABLE "ratings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"application_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"score" smallint NOT NULL,
	"comment" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "ratings_application_id_unique" UNIQUE("application_id"),
	CONSTRAINT "ratings_score" CHECK ("ratings"."score" BETWEEN 1 AND 5)
);
--> statement-breakpoint
CREATE TABLE "uploads" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"owner_person_id" uuid NOT NULL,
	"application_id" uuid,
	"file_name" text NOT NULL,
	"content_type" text NOT NULL,
	"size_bytes" integer NOT NULL,
	"sha256" text NOT NULL,
	"storage_key" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "uploads_storage_key_unique" UNIQUE("storage_key"),
	CONSTRAINT "uploads_size" CHECK ("uploads"."size_bytes" > 0)
);
--> statement-breakpoint
CREATE TABLE "audit_log" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "audit_log_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"occurred_at" timestamp with time zone DEFAULT now() NOT NULL,
	"actor_user_id" uuid,
	"actor_role" "role",
	"action" text NOT NULL,
	"entity_type" text NOT NULL,
	"entity_id" text,
	"person_id" uuid,
	"request_id" text,
	"detail" jsonb
);
--> statement-breakpoint
ALTER TABLE "family_relations" ADD CONSTRAINT "family_relations_person_id_persons_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "licence_access_log" ADD CONSTRAINT "licence_access_log_licence_fk" FOREIGN KEY ("holder_person_id","licence_id") REFERENCES "public"."licences"("holder_person_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "licence_types" ADD CONSTRAINT "licence_types_issuing_department_id_departments_id_fk" FOREIGN KEY ("issuing_department_id") REFERENCES "public"."departments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "licence_verifications" ADD CONSTRAINT "licence_verifications_licence_fk" FOREIGN KEY ("holder_person_id","licence_id") REFERENCES "public"."licences"("holder_person_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "licences" ADD CONSTRAINT "licences_licence_type_id_licence_types_id_fk" FOREIGN KEY ("licence_type_id") REFERENCES "public"."licence_types"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "licences" ADD CONSTRAINT "licences_holder_person_id_persons_id_fk" FOREIGN KEY ("holder_person_id") REFERENCES "public"."persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "licences" ADD CONSTRAINT "licences_issuer_department_id_departments_id_fk" FOREIGN KEY ("issuer_department_id") REFERENCES "public"."departments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "centre_services" ADD CONSTRAINT "centre_services_centre_id_service_centres_id_fk" FOREIGN KEY ("centre_id") REFERENCES "public"."service_centres"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "centre_services" ADD CONSTRAINT "centre_services_service_id_services_id_fk" FOREIGN KEY ("service_id") REFERENCES "public"."services"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_bundle_items" ADD CONSTRAINT "service_bundle_items_bundle_id_service_bundles_id_fk" FOREIGN KEY ("bundle_id") REFERENCES "public"."service_bundles"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_bundle_items" ADD CONSTRAINT "service_bundle_items_service_id_services_id_fk" FOREIGN KEY ("service_id") REFERENCES "public"."services"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_materials" ADD CONSTRAINT "service_materials_service_id_services_id_fk" FOREIGN KEY ("service_id") REFERENCES "public"."services"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_materials" ADD CONSTRAINT "service_materials_licence_type_id_licence_types_id_fk" FOREIGN KEY ("licence_type_id") REFERENCES "public"."licence_types"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "services" ADD CONSTRAINT "services_department_id_departments_id_fk" FOREIGN KEY ("department_id") REFERENCES "public"."departments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "services" ADD CONSTRAINT "services_issues_licence_type_id_licence_types_id_fk" FOREIGN KEY ("issues_licence_type_id") REFERENCES "public"."licence_types"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_person_id_persons_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_department_id_departments_id_fk" FOREIGN KEY ("department_id") REFERENCES "public"."departments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_centre_id_service_centres_id_fk" FOREIGN KEY ("centre_id") REFERENCES "public"."service_centres"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "application_events" ADD CONSTRAINT "application_events_actor_user_id_users_id_fk" FOREIGN KEY ("actor_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "application_events" ADD CONSTRAINT "application_events_application_fk" FOREIGN KEY ("person_id","application_id") REFERENCES "public"."applications"("applicant_person_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "application_materials" ADD CONSTRAINT "application_materials_service_material_id_service_materials_id_fk" FOREIGN KEY ("service_material_id") REFERENCES "public"."service_materials"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "application_materials" ADD CONSTRAINT "application_materials_licence_id_licences_id_fk" FOREIGN KEY ("licence_id") REFERENCES "public"."licences"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "application_materials" ADD CONSTRAINT "application_materials_upload_id_uploads_id_fk" FOREIGN KEY ("upload_id") REFERENCES "public"."uploads"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "application_materials" ADD CONSTRAINT "application_materials_application_fk" FOREIGN KEY ("person_id","application_id") REFERENCES "public"."applications"("applicant_person_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "applications" ADD CONSTRAINT "applications_service_id_services_id_fk" FOREIGN KEY ("service_id") REFERENCES "public"."services"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "applications" ADD CONSTRAINT "applications_bundle_id_service_bundles_id_fk" FOREIGN KEY ("bundle_id") REFERENCES "public"."service_bundles"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "applications" ADD CONSTRAINT "applications_applicant_person_id_persons_id_fk" FOREIGN KEY ("applicant_person_id") REFERENCES "public"."persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "applications" ADD CONSTRAINT "applications_centre_id_service_centres_id_fk" FOREIGN KEY ("centre_id") REFERENCES "public"."service_centres"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "applications" ADD CONSTRAINT "applications_assigned_clerk_id_users_id_fk" FOREIGN KEY ("assigned_clerk_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "applications" ADD CONSTRAINT "applications_created_by_user_id_users_id_fk" FOREIGN KEY ("created_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appointment_slots" ADD CONSTRAINT "appointment_slots_centre_id_service_centres_id_fk" FOREIGN KEY ("centre_id") REFERENCES "public"."service_centres"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appointments" ADD CONSTRAINT "appointments_slot_id_appointment_slots_id_fk" FOREIGN KEY ("slot_id") REFERENCES "public"."appointment_slots"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appointments" ADD CONSTRAINT "appointments_person_id_persons_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appointments" ADD CONSTRAINT "appointments_service_id_services_id_fk" FOREIGN KEY ("service_id") REFERENCES "public"."services"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_person_id_persons_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ratings" ADD CONSTRAINT "ratings_application_fk" FOREIGN KEY ("person_id","application_id") REFERENCES "public"."applications"("applicant_person_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "uploads" ADD CONSTRAINT "uploads_owner_person_id_persons_id_fk" FOREIGN KEY ("owner_person_id") REFERENCES "public"."persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "family_relations_relative_idx" ON "family_relations" USING btree ("relative_id");--> statement-breakpoint
CREATE INDEX "persons_birth_date_idx" ON "persons" USING btree ("birth_date");--> statement-breakpoint
CREATE INDEX "persons_residence_division_idx" ON "persons" USING btree ("residence_division_code");--> statement-breakpoint
CREATE INDEX "licence_access_log_holder_idx" ON "licence_access_log" USING btree ("holder_person_id","accessed_at");--> statement-breakpoint
CREATE INDEX "licence_verifications_licence_idx" ON "licence_verifications" USING btree ("licence_id","verified_at");--> statement-breakpoint
CREATE INDEX "licences_holder_type_idx" ON "licences" USING btree ("holder_person_id","licence_type_id");--> statement-breakpoint
CREATE INDEX "licences_type_status_idx" ON "licences" USING btree ("licence_type_id","status");--> statement-breakpoint
CREATE INDEX "centre_services_service_idx" ON "centre_services" USING btree ("service_id");--> statement-breakpoint
CREATE INDEX "services_department_idx" ON "services" USING btree ("department_id");--> statement-breakpoint
CREATE INDEX "services_theme_idx" ON "services" USING btree ("theme");--> statement-breakpoint
CREATE INDEX "application_events_application_idx" ON "application_events" USING btree ("application_id","occurred_at");--> statement-breakpoint
CREATE INDEX "application_events_occurred_idx" ON "application_events" USING btree ("occurred_at","to_status");--> statement-breakpoint
CREATE INDEX "applications_applicant_idx" ON "applications" USING btree ("applicant_person_id","created_at");--> statement-breakpoint
CREATE INDEX "applications_queue_idx" ON "applications" USING btree ("service_id","status","due_on");--> statement-breakpoint
CREATE INDEX "applications_status_due_idx" ON "applications" USING btree ("status","due_on");--> statement-breakpoint
CREATE INDEX "applications_submitted_idx" ON "applications" USING btree ("submitted_at");--> statement-breakpoint
CREATE INDEX "applications_bundle_group_idx" ON "applications" USING btree ("bundle_group_id");--> statement-breakpoint
CREATE UNIQUE INDEX "appointments_one_per_slot" ON "appointments" USING btree ("slot_id","person_id") WHERE "appointments"."status" = 'booked';--> statement-breakpoint
CREATE INDEX "appointments_person_idx" ON "appointments" USING btree ("person_id","created_at");--> statement-breakpoint
CREATE INDEX "notifications_person_idx" ON "notifications" USING btree ("person_id","created_at");--> statement-breakpoint
CREATE INDEX "ratings_created_idx" ON "ratings" USING btree ("created_at");--> statement-breakpoint
CREATE INDEX "uploads_owner_idx" ON "uploads" USING btree ("owner_person_id","created_at");--> statement-breakpoint
CREATE INDEX "audit_log_person_idx" ON "audit_log" USING btree ("person_id","occurred_at");--> statement-breakpoint
CREATE INDEX "audit_log_entity_idx" ON "audit_log" USING btree ("entity_type","entity_id");
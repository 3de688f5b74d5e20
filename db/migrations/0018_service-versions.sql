-- Services as data, part two: versions. Each publication of a service is kept whole in
-- service_versions (append-only); materials carry the version they belong to, and an
-- application the version it was filed under, so editing a service never changes what an
-- open application was promised. Drafts wait in service_drafts; a new role keeps a
-- department's services (catalogue_manager).
ALTER TYPE "public"."role" ADD VALUE 'catalogue_manager' BEFORE 'supervisor';--> statement-breakpoint
CREATE TABLE "service_drafts" (
	"code" text PRIMARY KEY NOT NULL,
	"service_id" uuid,
	"base_version" smallint,
	"definition" jsonb NOT NULL,
	"updated_by" uuid NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "service_versions" (
	"service_id" uuid NOT NULL,
	"version" smallint NOT NULL,
	"definition" jsonb NOT NULL,
	"published_by" uuid,
	"published_at" timestamp with time zone DEFAULT now() NOT NULL,
	"note" text,
	CONSTRAINT "service_versions_service_id_version_pk" PRIMARY KEY("service_id","version")
);
--> statement-breakpoint
ALTER TABLE "service_materials" DROP CONSTRAINT "service_materials_position";--> statement-breakpoint
ALTER TABLE "users" DROP CONSTRAINT "users_backoffice_department";--> statement-breakpoint
ALTER TABLE "service_materials" ADD COLUMN "version" smallint DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "services" ADD COLUMN "version" smallint DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "services" ADD COLUMN "suspended_notice_zh" text;--> statement-breakpoint
ALTER TABLE "services" ADD COLUMN "suspended_notice_en" text;--> statement-breakpoint
ALTER TABLE "applications" ADD COLUMN "service_version" smallint DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "service_drafts" ADD CONSTRAINT "service_drafts_service_id_services_id_fk" FOREIGN KEY ("service_id") REFERENCES "public"."services"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_drafts" ADD CONSTRAINT "service_drafts_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_versions" ADD CONSTRAINT "service_versions_service_id_services_id_fk" FOREIGN KEY ("service_id") REFERENCES "public"."services"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_versions" ADD CONSTRAINT "service_versions_published_by_users_id_fk" FOREIGN KEY ("published_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_materials" ADD CONSTRAINT "service_materials_position" UNIQUE("service_id","version","position");--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_backoffice_department" CHECK ("users"."role"::text NOT IN ('reviewer', 'approver', 'catalogue_manager') OR "users"."department_id" IS NOT NULL);--> statement-breakpoint
-- A published version is what applications filed under it were promised: never rewritten.
CREATE TRIGGER service_versions_no_update_delete
  BEFORE UPDATE OR DELETE ON "service_versions"
  FOR EACH ROW EXECUTE FUNCTION reject_append_only_change();--> statement-breakpoint
CREATE TRIGGER service_versions_no_truncate
  BEFORE TRUNCATE ON "service_versions"
  FOR EACH STATEMENT EXECUTE FUNCTION reject_append_only_change();

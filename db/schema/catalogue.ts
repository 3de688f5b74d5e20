import { sql } from "drizzle-orm";
import {
  boolean,
  check,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  unique,
  uuid,
} from "drizzle-orm/pg-core";
import type { EligibilityDefinition } from "../../lib/eligibility/definition-schema";
import type { Workflow } from "../../lib/workflows/workflow-schema";
import { calendarDayKindEnum, materialKindEnum, materialSubjectEnum, serviceThemes } from "./enums";
import { licenceTypes } from "./licences";
import { departments, serviceCentres } from "./organisation";
import { users } from "./users";

/** A form field of a service; `prefill` names the base-data path it is filled from. */
export type ServiceFormField = {
  name: string;
  type: "text" | "date" | "select" | "number" | "id_number" | "phone" | "textarea";
  labelZh: string;
  labelEn: string;
  required: boolean;
  prefill?: string;
  options?: { value: string; labelZh: string; labelEn: string }[];
};
export type ApprovalHint = { zh: string; en: string };

export const services = pgTable(
  "services",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    /** Catalogue code (事项编码). */
    code: text("code").notNull().unique(),
    nameZh: text("name_zh").notNull(),
    nameEn: text("name_en").notNull(),
    departmentId: uuid("department_id")
      .notNull()
      .references(() => departments.id),
    theme: text("theme").notNull(),
    descriptionZh: text("description_zh").notNull(),
    descriptionEn: text("description_en").notNull(),
    whoMayApplyZh: text("who_may_apply_zh").notNull(),
    whoMayApplyEn: text("who_may_apply_en").notNull(),
    keywords: text("keywords").notNull().default(""),
    /**
     * The searched text, lower-cased once when written: catalogue search compares with strpos
     * against these instead of ILIKE, which lower-cases every row on every keystroke.
     */
    searchName: text("search_name").generatedAlwaysAs(sql`lower(name_zh || ' ' || name_en)`),
    searchKeywords: text("search_keywords").generatedAlwaysAs(sql`lower(keywords)`),
    searchDescription: text("search_description").generatedAlwaysAs(sql`lower(description_zh)`),
    legalLimitDays: smallint("legal_limit_days").notNull(),
    promisedLimitDays: smallint("promised_limit_days").notNull(),
    onTheSpot: boolean("on_the_spot").notNull().default(false),
    requiresVisit: boolean("requires_visit").notNull().default(false),
    feeYuan: integer("fee_yuan").notNull().default(0),
    formFields: jsonb("form_fields").$type<ServiceFormField[]>().notNull().default([]),
    approvalHints: jsonb("approval_hints").$type<ApprovalHint[]>().notNull().default([]),
    issuesLicenceTypeId: uuid("issues_licence_type_id").references(() => licenceTypes.id),
    /** The service's steps (lib/workflows/workflow-schema.ts); null follows `defaultWorkflow`. Applications copy it at filing. */
    workflow: jsonb("workflow").$type<Workflow>(),
    /** Who the service is for (lib/eligibility/definition-schema.ts); null when anyone may apply. */
    eligibility: jsonb("eligibility").$type<EligibilityDefinition>(),
    /** The set of automatic checks (自动比对) run on filing (lib/eligibility/checks/criteria.ts); null: none. */
    automaticChecks: text("automatic_checks"),
    active: boolean("active").notNull().default(true),
    /** The published version the row shows (service_versions); new applications are filed under it. */
    version: smallint("version").notNull().default(1),
    /** Why the service is suspended (active = false), shown on its guide; null when it is not. */
    suspendedNoticeZh: text("suspended_notice_zh"),
    suspendedNoticeEn: text("suspended_notice_en"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check(
      "services_theme",
      sql`${t.theme} IN (${sql.raw(serviceThemes.map((theme) => `'${theme}'`).join(", "))})`,
    ),
    check(
      "services_limits",
      sql`${t.promisedLimitDays} >= 0 AND ${t.promisedLimitDays} <= ${t.legalLimitDays}`,
    ),
    index("services_department_idx").on(t.departmentId),
    index("services_theme_idx").on(t.theme),
  ],
);

export const serviceMaterials = pgTable(
  "service_materials",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    serviceId: uuid("service_id")
      .notNull()
      .references(() => services.id),
    position: smallint("position").notNull(),
    nameZh: text("name_zh").notNull(),
    nameEn: text("name_en").notNull(),
    kind: materialKindEnum("kind").notNull(),
    licenceTypeId: uuid("licence_type_id").references(() => licenceTypes.id),
    /** Whose licence: the applicant's own, or the spouse's/child's/parent's concerned. */
    subject: materialSubjectEnum("subject").notNull().default("applicant"),
    required: boolean("required").notNull().default(true),
    notesZh: text("notes_zh"),
    notesEn: text("notes_en"),
    /** The service version these materials belong to: a new version adds its own rows, so applications keep theirs. */
    version: smallint("version").notNull().default(1),
  },
  (t) => [
    unique("service_materials_position").on(t.serviceId, t.version, t.position),
    check(
      "service_materials_licence_type",
      sql`(${t.kind} = 'licence') = (${t.licenceTypeId} IS NOT NULL)`,
    ),
  ],
);

/**
 * Every published version of a service as one validated document (lib/catalogue/
 * service-definition.ts): what applications filed under it were promised and asked for.
 * Append-only; the services row and its materials of `services.version` are the live copy.
 */
export const serviceVersions = pgTable(
  "service_versions",
  {
    serviceId: uuid("service_id")
      .notNull()
      .references(() => services.id),
    version: smallint("version").notNull(),
    definition: jsonb("definition").$type<Record<string, unknown>>().notNull(),
    /** Null for a version that predates the designer (snapshotted when its successor was published). */
    publishedBy: uuid("published_by").references(() => users.id),
    publishedAt: timestamp("published_at", { withTimezone: true }).notNull().defaultNow(),
    note: text("note"),
  },
  (t) => [primaryKey({ columns: [t.serviceId, t.version] })],
);

/** A catalogue manager's unpublished edit of a service (or of a new one, by its code): it affects nobody until published. */
export const serviceDrafts = pgTable("service_drafts", {
  code: text("code").primaryKey(),
  /** The service it edits; null for a new service. */
  serviceId: uuid("service_id").references(() => services.id),
  /** The version it was started from: publishing refuses when another version was published since. */
  baseVersion: smallint("base_version"),
  definition: jsonb("definition").$type<Record<string, unknown>>().notNull(),
  updatedBy: uuid("updated_by")
    .notNull()
    .references(() => users.id),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});

/** Which services a centre's comprehensive window (综合窗口) accepts. */
export const centreServices = pgTable(
  "centre_services",
  {
    centreId: uuid("centre_id")
      .notNull()
      .references(() => serviceCentres.id),
    serviceId: uuid("service_id")
      .notNull()
      .references(() => services.id),
  },
  (t) => [
    primaryKey({ columns: [t.centreId, t.serviceId] }),
    index("centre_services_service_idx").on(t.serviceId),
  ],
);

/** 一件事一次办: one application for a life event covering several services. */
export const serviceBundles = pgTable("service_bundles", {
  id: uuid("id").primaryKey().defaultRandom(),
  code: text("code").notNull().unique(),
  nameZh: text("name_zh").notNull(),
  nameEn: text("name_en").notNull(),
  descriptionZh: text("description_zh").notNull(),
  descriptionEn: text("description_en").notNull(),
  theme: text("theme").notNull(),
});

export const serviceBundleItems = pgTable(
  "service_bundle_items",
  {
    bundleId: uuid("bundle_id")
      .notNull()
      .references(() => serviceBundles.id),
    serviceId: uuid("service_id")
      .notNull()
      .references(() => services.id),
    position: smallint("position").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.bundleId, t.serviceId] }),
    unique("service_bundle_items_position").on(t.bundleId, t.position),
  ],
);

/** Official holidays and make-up working days (调休); everything else follows Mon–Fri. */
export const calendarDays = pgTable("calendar_days", {
  day: date("day").primaryKey(),
  kind: calendarDayKindEnum("kind").notNull(),
  nameZh: text("name_zh").notNull(),
  nameEn: text("name_en").notNull(),
});

export type Service = typeof services.$inferSelect;
export type NewService = typeof services.$inferInsert;
export type ServiceMaterial = typeof serviceMaterials.$inferSelect;
export type ServiceBundle = typeof serviceBundles.$inferSelect;
export type ServiceVersion = typeof serviceVersions.$inferSelect;

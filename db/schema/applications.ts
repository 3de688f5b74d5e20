import { sql } from "drizzle-orm";
import {
  type AnyPgColumn,
  bigint,
  boolean,
  check,
  customType,
  date,
  foreignKey,
  index,
  integer,
  jsonb,
  pgSequence,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  unique,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { persons } from "./base-data";
import { serviceBundles, serviceMaterials, services } from "./catalogue";
import {
  appointmentStatusEnum,
  applicationStatusEnum,
  channelEnum,
  checkResultEnum,
  deliveryChannelEnum,
  deliveryStatusEnum,
  materialSourceEnum,
  roleEnum,
} from "./enums";
import { licences } from "./licences";
import { serviceCentres } from "./organisation";
import { users } from "./users";
import type { Workflow } from "../../lib/workflows/workflow-schema";

/** Feeds application numbers; a sequence never hands the same value to two transactions. */
export const applicationNumberSeq = pgSequence("application_number_seq", { startWith: 1 });

/**
 * 办件. Children reference (applicant_person_id, id) rather than id alone so that all of a
 * person's application rows can be colocated on one Citus shard.
 */
export const applications = pgTable(
  "applications",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    number: text("number").notNull().unique(),
    serviceId: uuid("service_id")
      .notNull()
      .references(() => services.id),
    bundleId: uuid("bundle_id").references(() => serviceBundles.id),
    /** Shared by the applications filed together for one life event. */
    bundleGroupId: uuid("bundle_group_id"),
    applicantPersonId: uuid("applicant_person_id")
      .notNull()
      .references(() => persons.id),
    /** The person the application is about when not the applicant (the newborn, the pupil). */
    subjectPersonId: uuid("subject_person_id"),
    status: applicationStatusEnum("status").notNull().default("draft"),
    channel: channelEnum("channel").notNull().default("online"),
    centreId: uuid("centre_id").references(() => serviceCentres.id),
    formData: jsonb("form_data").$type<Record<string, unknown>>().notNull().default({}),
    submittedAt: timestamp("submitted_at", { withTimezone: true }),
    /** When complete materials were last received (first submission or a supplement's answer); the 5-day completeness clock runs from its day. */
    receivedAt: timestamp("received_at", { withTimezone: true }),
    acceptedAt: timestamp("accepted_at", { withTimezone: true }),
    completedAt: timestamp("completed_at", { withTimezone: true }),
    /** Promised completion date in working days from acceptance; moves when the clock pauses. */
    dueOn: date("due_on"),
    clockPausedAt: timestamp("clock_paused_at", { withTimezone: true }),
    /** Completeness must be answered by this day (5 working days after receipt), or the law deems it accepted. */
    acceptDueOn: date("accept_due_on"),
    /** The legal time limit's last day; `due_on` is the (shorter) promised one. */
    legalDueOn: date("legal_due_on"),
    /** Working days the clock stood still while supplements were outstanding. */
    pausedWorkingDays: smallint("paused_working_days").notNull().default(0),
    /** Accepted by operation of law (逾期不告知视为受理): counted from the day of receipt. */
    deemedAccepted: boolean("deemed_accepted").notNull().default(false),
    /** Set when a licence this application relies on was revoked or expired while it was open. */
    flaggedAt: timestamp("flagged_at", { withTimezone: true }),
    flagReason: text("flag_reason"),
    /** The service version it was filed under (service_versions): the limit, form and materials it was promised. */
    serviceVersion: smallint("service_version").notNull().default(1),
    /** The workflow this application was filed under (the service's at filing), so a later edit does not move it. */
    workflow: jsonb("workflow").$type<Workflow>(),
    /** Index into `workflow.steps` of the step the application is at while open. */
    stepIndex: smallint("step_index").notNull().default(0),
    /** The kind of that step while open (accept, review, decide, deliver), null once closed: the queues select on it. */
    stepKind: text("step_kind"),
    /** That step's own deadline (its share of the promised limit, in working days from entering it). */
    stepDueOn: date("step_due_on"),
    /** Set by the daily job when the current step passed its deadline; cleared when the step moves on. */
    stepEscalatedAt: timestamp("step_escalated_at", { withTimezone: true }),
    assignedClerkId: uuid("assigned_clerk_id").references(() => users.id),
    version: integer("version").notNull().default(1),
    idempotencyKey: text("idempotency_key"),
    createdByUserId: uuid("created_by_user_id").references(() => users.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique("applications_person_id").on(t.applicantPersonId, t.id),
    // A retried or double-clicked submit carries the same key and so cannot file twice.
    unique("applications_idempotency").on(t.applicantPersonId, t.idempotencyKey),
    check("applications_version_positive", sql`${t.version} >= 1`),
    index("applications_applicant_idx").on(t.applicantPersonId, t.createdAt),
    // Clerk queues: by service, open statuses, earliest due first.
    index("applications_queue_idx").on(t.serviceId, t.status, t.dueOn),
    index("applications_status_due_idx").on(t.status, t.dueOn),
    // Queues by step: what the window, the reviewers and the approvers each have to do.
    index("applications_step_queue_idx").on(t.stepKind, t.serviceId, t.stepDueOn),
    check("applications_step_kind", sql`${t.stepKind} IS NULL OR ${t.stepKind} IN ('accept', 'review', 'decide', 'deliver')`),
    index("applications_submitted_idx").on(t.submittedAt),
    index("applications_bundle_group_idx").on(t.bundleGroupId),
    check("applications_paused_days", sql`${t.pausedWorkingDays} >= 0`),
  ],
);

export const uploads = pgTable(
  "uploads",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    ownerPersonId: uuid("owner_person_id")
      .notNull()
      .references(() => persons.id),
    applicationId: uuid("application_id"),
    fileName: text("file_name").notNull(),
    contentType: text("content_type").notNull(),
    sizeBytes: integer("size_bytes").notNull(),
    sha256: text("sha256").notNull(),
    storageKey: text("storage_key").notNull().unique(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check("uploads_size", sql`${t.sizeBytes} > 0`),
    // Target of licence_access_log's (holder, upload) key: a logged file read names its owner.
    unique("uploads_owner_id").on(t.ownerPersonId, t.id),
    index("uploads_owner_idx").on(t.ownerPersonId, t.createdAt),
  ],
);

/** bytea as a Buffer on both engines: PGlite hands back a Uint8Array, node-postgres a Buffer. */
const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => "bytea",
  toDriver: (value) => value,
  fromDriver: (value) => (Buffer.isBuffer(value) ? value : Buffer.from(value.buffer, value.byteOffset, value.byteLength)),
});

/**
 * An upload's bytes, kept in the database rather than on local disk so every app instance
 * serves the same files and both engines work unchanged.
 */
export const uploadContents = pgTable("upload_contents", {
  uploadId: uuid("upload_id")
    .primaryKey()
    .references(() => uploads.id),
  content: bytea("content").notNull(),
});

export const applicationMaterials = pgTable(
  "application_materials",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    applicationId: uuid("application_id").notNull(),
    personId: uuid("person_id").notNull(),
    serviceMaterialId: uuid("service_material_id")
      .notNull()
      .references(() => serviceMaterials.id),
    source: materialSourceEnum("source").notNull(),
    licenceId: uuid("licence_id").references(() => licences.id),
    uploadId: uuid("upload_id").references(() => uploads.id),
    /** Named in an outstanding supplement request (补正). */
    supplementRequested: boolean("supplement_requested").notNull().default(false),
    /** For source `awaiting`: the open application (its prerequisite) whose approval issues this certificate. */
    awaitingApplicationId: uuid("awaiting_application_id").references((): AnyPgColumn => applications.id),
    verifiedAt: timestamp("verified_at", { withTimezone: true }),
    note: text("note"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    foreignKey({
      name: "application_materials_application_fk",
      columns: [t.personId, t.applicationId],
      foreignColumns: [applications.applicantPersonId, applications.id],
    }),
    unique("application_materials_one_per_material").on(t.applicationId, t.serviceMaterialId),
    // Revocation and expiry find the open applications that rely on a licence.
    index("application_materials_licence_idx").on(t.licenceId),
    // The prerequisite's decision finds the materials waiting for it.
    index("application_materials_awaiting_idx").on(t.awaitingApplicationId),
    check(
      "application_materials_source",
      sql`(${t.source} <> 'library' OR ${t.licenceId} IS NOT NULL) AND (${t.source} <> 'upload' OR ${t.uploadId} IS NOT NULL)`,
    ),
    // (::text: the migration that adds the enum value also adds this check, in one transaction.)
    check(
      "application_materials_awaiting",
      sql`(${t.source}::text = 'awaiting') = (${t.awaitingApplicationId} IS NOT NULL)`,
    ),
  ],
);

/** Append-only timeline; the source of every processing-time metric. */
export const applicationEvents = pgTable(
  "application_events",
  {
    id: bigint("id", { mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    applicationId: uuid("application_id").notNull(),
    personId: uuid("person_id").notNull(),
    fromStatus: applicationStatusEnum("from_status"),
    toStatus: applicationStatusEnum("to_status").notNull(),
    actorUserId: uuid("actor_user_id").references(() => users.id),
    actorRole: roleEnum("actor_role"),
    note: text("note"),
    data: jsonb("data").$type<Record<string, unknown>>(),
    occurredAt: timestamp("occurred_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    foreignKey({
      name: "application_events_application_fk",
      columns: [t.personId, t.applicationId],
      foreignColumns: [applications.applicantPersonId, applications.id],
    }),
    index("application_events_application_idx").on(t.applicationId, t.occurredAt),
    index("application_events_occurred_idx").on(t.occurredAt, t.toStatus),
  ],
);

export const ratings = pgTable(
  "ratings",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    applicationId: uuid("application_id").notNull().unique(),
    personId: uuid("person_id").notNull(),
    score: smallint("score").notNull(),
    comment: text("comment"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    foreignKey({
      name: "ratings_application_fk",
      columns: [t.personId, t.applicationId],
      foreignColumns: [applications.applicantPersonId, applications.id],
    }),
    check("ratings_score", sql`${t.score} BETWEEN 1 AND 5`),
    index("ratings_created_idx").on(t.createdAt),
  ],
);

export const appointmentSlots = pgTable(
  "appointment_slots",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    centreId: uuid("centre_id")
      .notNull()
      .references(() => serviceCentres.id),
    startsAt: timestamp("starts_at", { withTimezone: true }).notNull(),
    endsAt: timestamp("ends_at", { withTimezone: true }).notNull(),
    capacity: smallint("capacity").notNull(),
    booked: smallint("booked").notNull().default(0),
  },
  (t) => [
    unique("appointment_slots_centre_start").on(t.centreId, t.startsAt),
    // The database, not the application, refuses an overbooking.
    check("appointment_slots_capacity", sql`${t.booked} >= 0 AND ${t.booked} <= ${t.capacity}`),
    check("appointment_slots_order", sql`${t.endsAt} > ${t.startsAt}`),
  ],
);

export const appointments = pgTable(
  "appointments",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    slotId: uuid("slot_id")
      .notNull()
      .references(() => appointmentSlots.id),
    personId: uuid("person_id")
      .notNull()
      .references(() => persons.id),
    serviceId: uuid("service_id")
      .notNull()
      .references(() => services.id),
    applicationId: uuid("application_id"),
    status: appointmentStatusEnum("status").notNull().default("booked"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("appointments_one_per_slot")
      .on(t.slotId, t.personId)
      .where(sql`${t.status} = 'booked'`),
    index("appointments_person_idx").on(t.personId, t.createdAt),
  ],
);

/** In-portal notices; the message is an i18n key with parameters so it renders in either language. */
export const notifications = pgTable(
  "notifications",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    personId: uuid("person_id")
      .notNull()
      .references(() => persons.id),
    kind: text("kind").notNull(),
    messageKey: text("message_key").notNull(),
    params: jsonb("params").$type<Record<string, string | number>>().notNull().default({}),
    applicationId: uuid("application_id"),
    /** Makes a batch notice idempotent: the same key never reaches a person twice. */
    dedupeKey: text("dedupe_key"),
    readAt: timestamp("read_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique("notifications_dedupe").on(t.personId, t.dedupeKey),
    index("notifications_person_idx").on(t.personId, t.createdAt),
  ],
);

/** Save as draft and come back (草稿): what the resident typed, not yet an application. */
export const applicationDrafts = pgTable(
  "application_drafts",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    personId: uuid("person_id")
      .notNull()
      .references(() => persons.id),
    /** "service" or "bundle", and that service's or bundle's code. */
    targetKind: text("target_kind").notNull(),
    targetCode: text("target_code").notNull(),
    subjectPersonId: uuid("subject_person_id"),
    answers: jsonb("answers").$type<Record<string, unknown>>().notNull().default({}),
    /** material id → upload id chosen so far. */
    uploads: jsonb("uploads").$type<Record<string, string>>().notNull().default({}),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique("application_drafts_one_per_target").on(t.personId, t.targetKind, t.targetCode),
    check("application_drafts_kind", sql`${t.targetKind} IN ('service', 'bundle')`),
  ],
);

/**
 * Outbox of notices sent beyond the portal (SMS, e-mail): written in the transaction that
 * creates the notification, delivered afterwards through one adapter, retried on failure.
 */
export const notificationDeliveries = pgTable(
  "notification_deliveries",
  {
    id: bigint("id", { mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    notificationId: uuid("notification_id")
      .notNull()
      .references(() => notifications.id),
    personId: uuid("person_id").notNull(),
    channel: deliveryChannelEnum("channel").notNull(),
    address: text("address").notNull(),
    status: deliveryStatusEnum("status").notNull().default("pending"),
    attempts: smallint("attempts").notNull().default(0),
    lastError: text("last_error"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    sentAt: timestamp("sent_at", { withTimezone: true }),
  },
  (t) => [
    unique("notification_deliveries_once").on(t.notificationId, t.channel),
    index("notification_deliveries_pending_idx")
      .on(t.createdAt)
      .where(sql`${t.status} = 'pending'`),
  ],
);

/** Automatic eligibility check (自动比对), one row per application and criterion, latest result. */
export const eligibilityChecks = pgTable(
  "eligibility_checks",
  {
    applicationId: uuid("application_id").notNull(),
    personId: uuid("person_id").notNull(),
    criterion: text("criterion").notNull(),
    result: checkResultEnum("result").notNull(),
    detail: jsonb("detail").$type<Record<string, string | number | boolean | null>>().notNull().default({}),
    checkedAt: timestamp("checked_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.applicationId, t.criterion] }),
    foreignKey({
      name: "eligibility_checks_application_fk",
      columns: [t.personId, t.applicationId],
      foreignColumns: [applications.applicantPersonId, applications.id],
    }),
  ],
);

export type ApplicationDraft = typeof applicationDrafts.$inferSelect;
export type EligibilityCheck = typeof eligibilityChecks.$inferSelect;
export type Application = typeof applications.$inferSelect;
export type NewApplication = typeof applications.$inferInsert;
export type ApplicationEvent = typeof applicationEvents.$inferSelect;
export type NewApplicationEvent = typeof applicationEvents.$inferInsert;
export type ApplicationMaterial = typeof applicationMaterials.$inferSelect;
export type Notification = typeof notifications.$inferSelect;
export type Upload = typeof uploads.$inferSelect;

import { sql } from "drizzle-orm";
import {
  bigint,
  check,
  date,
  foreignKey,
  index,

  jsonb,
  pgSequence,
  pgTable,
  smallint,
  text,
  timestamp,
  unique,
  uuid,
} from "drizzle-orm/pg-core";
import { uploads } from "./applications";
import { persons } from "./base-data";
import { departments } from "./organisation";
import {
  holderCodeTypeEnum,
  licenceStatusEnum,
  verificationMethodEnum,
  verificationResultEnum,
} from "./enums";

/** Serials of licences issued by the running system (approvals, the API); seeded ones stay below. */
export const licenceSerialSeq = pgSequence("licence_serial_seq", { startWith: 50_000_001 });

export const licenceTypes = pgTable("licence_types", {
  id: uuid("id").primaryKey().defaultRandom(),
  /** Stable key used in code and seed data, e.g. "birth_medical_certificate". */
  key: text("key").notNull().unique(),
  /** GB/T 36904 type code: defining authority's USCC + 3 digits. */
  code: text("code").notNull().unique(),
  nameZh: text("name_zh").notNull(),
  nameEn: text("name_en").notNull(),
  issuingDepartmentId: uuid("issuing_department_id")
    .notNull()
    .references(() => departments.id),
  /** Null: valid until revoked or superseded. */
  defaultValidityMonths: smallint("default_validity_months"),
});

/**
 * The licence library (电子证照库). Core metadata follows GB/T 36903; the certificate's own
 * fields are JSON because every type has different ones. Keyed by holder for Citus colocation.
 */
export const licences = pgTable(
  "licences",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    identifier: text("identifier").notNull().unique(),
    licenceTypeId: uuid("licence_type_id")
      .notNull()
      .references(() => licenceTypes.id),
    licenceNumber: text("licence_number").notNull(),
    holderPersonId: uuid("holder_person_id")
      .notNull()
      .references(() => persons.id),
    holderName: text("holder_name").notNull(),
    holderCode: text("holder_code").notNull(),
    holderCodeType: holderCodeTypeEnum("holder_code_type").notNull().default("111"),
    issuerDepartmentId: uuid("issuer_department_id")
      .notNull()
      .references(() => departments.id),
    issuerName: text("issuer_name").notNull(),
    issuerCode: text("issuer_code").notNull(),
    jurisdictionCode: text("jurisdiction_code").notNull(),
    issuedOn: date("issued_on").notNull(),
    validFrom: date("valid_from").notNull(),
    validUntil: date("valid_until"),
    status: licenceStatusEnum("status").notNull().default("valid"),
    statusReason: text("status_reason"),
    statusChangedAt: timestamp("status_changed_at", { withTimezone: true }),
    version: smallint("version").notNull().default(1),
    fields: jsonb("fields").$type<Record<string, string>>().notNull().default({}),
    /** The application whose approval produced this licence, if any (no FK: may live on another shard). */
    sourceApplicationId: uuid("source_application_id"),
    /** Ed25519 signature over the canonical fields, base64url. */
    signature: text("signature").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique("licences_holder_id").on(t.holderPersonId, t.id),
    check(
      "licences_validity",
      sql`${t.validUntil} IS NULL OR ${t.validUntil} >= ${t.validFrom}`,
    ),
    // "Which licences of these types does this person hold" — the pull-from-library query.
    index("licences_holder_type_idx").on(t.holderPersonId, t.licenceTypeId),
    index("licences_type_status_idx").on(t.licenceTypeId, t.status),
  ],
);

/** A register value a member of staff may read in full only on purpose, and is then logged. */
export type RegisterField = "phone";

/**
 * Every read of a citizen's data by staff or another system, shown to the holder (谁用了我的数据):
 * one of their licences, a file they uploaded, or a register value shown masked until staff ask
 * for it in full (the mobile number). Exactly one of the three is set on each row.
 */
export const licenceAccessLog = pgTable(
  "licence_access_log",
  {
    id: bigint("id", { mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    licenceId: uuid("licence_id"),
    uploadId: uuid("upload_id"),
    registerField: text("register_field").$type<RegisterField>(),
    holderPersonId: uuid("holder_person_id").notNull(),
    actorUserId: uuid("actor_user_id"),
    actorDepartmentId: uuid("actor_department_id"),
    actorLabel: text("actor_label").notNull(),
    purpose: text("purpose").notNull(),
    applicationId: uuid("application_id"),
    accessedAt: timestamp("accessed_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    foreignKey({
      name: "licence_access_log_licence_fk",
      columns: [t.holderPersonId, t.licenceId],
      foreignColumns: [licences.holderPersonId, licences.id],
    }),
    // The holder of a file read is its owner, as the holder of a licence read is the licence's.
    foreignKey({
      name: "licence_access_log_upload_fk",
      columns: [t.holderPersonId, t.uploadId],
      foreignColumns: [uploads.ownerPersonId, uploads.id],
    }),
    check("licence_access_log_one_item", sql`num_nonnulls(${t.licenceId}, ${t.uploadId}, ${t.registerField}) = 1`),
    check("licence_access_log_register_field", sql`${t.registerField} IN ('phone')`),
    index("licence_access_log_holder_idx").on(t.holderPersonId, t.accessedAt),
  ],
);

/** "Checked once, trusted after": the verification history of a licence. */
export const licenceVerifications = pgTable(
  "licence_verifications",
  {
    id: bigint("id", { mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    licenceId: uuid("licence_id").notNull(),
    holderPersonId: uuid("holder_person_id").notNull(),
    verifiedByUserId: uuid("verified_by_user_id"),
    verifierLabel: text("verifier_label").notNull(),
    method: verificationMethodEnum("method").notNull(),
    result: verificationResultEnum("result").notNull(),
    applicationId: uuid("application_id"),
    detail: text("detail"),
    verifiedAt: timestamp("verified_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    foreignKey({
      name: "licence_verifications_licence_fk",
      columns: [t.holderPersonId, t.licenceId],
      foreignColumns: [licences.holderPersonId, licences.id],
    }),
    index("licence_verifications_licence_idx").on(t.licenceId, t.verifiedAt),
  ],
);

export type LicenceType = typeof licenceTypes.$inferSelect;
export type Licence = typeof licences.$inferSelect;
export type NewLicence = typeof licences.$inferInsert;

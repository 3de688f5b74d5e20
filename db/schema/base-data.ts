import { sql } from "drizzle-orm";
import {
  check,
  date,
  index,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  uuid,
} from "drizzle-orm/pg-core";
import {
  employmentStatusEnum,
  insuranceStatusEnum,
  maritalStatusEnum,
  relationEnum,
  sexEnum,
} from "./enums";

/** GB/T 2260 administrative divisions; retired codes stay, flagged, because old ID numbers keep them. */
export const divisions = pgTable("divisions", {
  code: text("code").primaryKey(),
  nameZh: text("name_zh").notNull(),
  nameEn: text("name_en").notNull(),
  parentCode: text("parent_code"),
  level: smallint("level").notNull(),
  retiredOn: date("retired_on"),
});

/**
 * The population base register (公共基础信息资源库). Each group of columns is owned by one
 * department's register; its *_updated_at says when that register last changed it, so
 * pre-filled forms can show the source and age of each value.
 */
export const persons = pgTable(
  "persons",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    idNumber: text("id_number").notNull().unique(),
    name: text("name").notNull(),
    sex: sexEnum("sex").notNull(),
    birthDate: date("birth_date").notNull(),
    ethnicity: text("ethnicity").notNull().default("汉族"),
    /** Null until the household registration is done (a newborn not yet registered). */
    hukouDivisionCode: text("hukou_division_code"),
    hukouAddress: text("hukou_address"),
    hukouUpdatedAt: timestamp("hukou_updated_at", { withTimezone: true }).notNull().defaultNow(),
    residenceDivisionCode: text("residence_division_code").notNull(),
    residenceAddress: text("residence_address").notNull(),
    residenceSince: date("residence_since").notNull(),
    residenceUpdatedAt: timestamp("residence_updated_at", { withTimezone: true })
      .notNull()
      .defaultNow(),
    maritalStatus: maritalStatusEnum("marital_status").notNull(),
    maritalUpdatedAt: timestamp("marital_updated_at", { withTimezone: true }).notNull().defaultNow(),
    employmentStatus: employmentStatusEnum("employment_status").notNull(),
    employer: text("employer"),
    employmentUpdatedAt: timestamp("employment_updated_at", { withTimezone: true })
      .notNull()
      .defaultNow(),
    insuranceStatus: insuranceStatusEnum("insurance_status").notNull(),
    insuranceMonths: smallint("insurance_months").notNull().default(0),
    insuranceUpdatedAt: timestamp("insurance_updated_at", { withTimezone: true })
      .notNull()
      .defaultNow(),
    phone: text("phone"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check("persons_id_number_format", sql`${t.idNumber} ~ '^[0-9]{17}[0-9X]$'`),
    check("persons_insurance_months", sql`${t.insuranceMonths} >= 0`),
    // Proactive-service lists scan by birth date (turning 60, turning 6, newborns).
    index("persons_birth_date_idx").on(t.birthDate),
    index("persons_residence_division_idx").on(t.residenceDivisionCode),
  ],
);

/** Both directions are stored, so "my family" is one index range on person_id. */
export const familyRelations = pgTable(
  "family_relations",
  {
    personId: uuid("person_id")
      .notNull()
      .references(() => persons.id),
    /** No foreign key: the relative may live on another Citus shard. */
    relativeId: uuid("relative_id").notNull(),
    relation: relationEnum("relation").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.personId, t.relativeId] }),
    check("family_relations_not_self", sql`${t.personId} <> ${t.relativeId}`),
    index("family_relations_relative_idx").on(t.relativeId),
  ],
);

export type Person = typeof persons.$inferSelect;
export type NewPerson = typeof persons.$inferInsert;
export type FamilyRelation = typeof familyRelations.$inferSelect;

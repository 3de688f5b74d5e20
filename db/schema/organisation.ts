import { pgTable, text, uuid } from "drizzle-orm/pg-core";

export const departments = pgTable("departments", {
  id: uuid("id").primaryKey().defaultRandom(),
  /** Short stable key used in staff numbers and seed data, e.g. "psb". */
  code: text("code").notNull().unique(),
  /** Unified social credit code (GB 32100) — issuer code on licences. */
  uscc: text("uscc").notNull().unique(),
  nameZh: text("name_zh").notNull(),
  nameEn: text("name_en").notNull(),
  divisionCode: text("division_code").notNull(),
});

export const serviceCentres = pgTable("service_centres", {
  id: uuid("id").primaryKey().defaultRandom(),
  code: text("code").notNull().unique(),
  nameZh: text("name_zh").notNull(),
  nameEn: text("name_en").notNull(),
  addressZh: text("address_zh").notNull(),
  addressEn: text("address_en").notNull(),
  divisionCode: text("division_code").notNull(),
  phone: text("phone").notNull(),
  hoursZh: text("hours_zh").notNull(),
  hoursEn: text("hours_en").notNull(),
});

export type Department = typeof departments.$inferSelect;
export type ServiceCentre = typeof serviceCentres.$inferSelect;

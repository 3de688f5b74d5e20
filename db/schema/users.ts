import { sql } from "drizzle-orm";
import {
  boolean,
  check,
  integer,
  pgTable,
  smallint,
  text,
  timestamp,
  uuid,
} from "drizzle-orm/pg-core";
import { persons } from "./base-data";
import { roleEnum } from "./enums";
import { departments, serviceCentres } from "./organisation";

/** People who sign in. A citizen is a person in the base register; staff have a staff number. */
export const users = pgTable(
  "users",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    role: roleEnum("role").notNull(),
    personId: uuid("person_id")
      .unique()
      .references(() => persons.id),
    staffNo: text("staff_no").unique(),
    displayName: text("display_name").notNull(),
    departmentId: uuid("department_id").references(() => departments.id),
    centreId: uuid("centre_id").references(() => serviceCentres.id),
    passwordHash: text("password_hash").notNull(),
    failedLoginCount: smallint("failed_login_count").notNull().default(0),
    lastFailedLoginAt: timestamp("last_failed_login_at", { withTimezone: true }),
    lockedUntil: timestamp("locked_until", { withTimezone: true }),
    /** Bumped on sign-out and on role change, so older session tokens stop working. */
    sessionVersion: integer("session_version").notNull().default(1),
    active: boolean("active").notNull().default(true),
    lastLoginAt: timestamp("last_login_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check("users_citizen_person", sql`(${t.role} = 'citizen') = (${t.personId} IS NOT NULL)`),
    check("users_staff_number", sql`(${t.role} = 'citizen') = (${t.staffNo} IS NULL)`),
    check(
      "users_clerk_scope",
      sql`${t.role} <> 'clerk' OR ${t.departmentId} IS NOT NULL OR ${t.centreId} IS NOT NULL`,
    ),
    // A back-office reviewer or approver, and a catalogue manager, works for one department.
    check("users_backoffice_department", sql`${t.role}::text NOT IN ('reviewer', 'approver', 'catalogue_manager') OR ${t.departmentId} IS NOT NULL`),
  ],
);

export type User = typeof users.$inferSelect;
export type NewUser = typeof users.$inferInsert;

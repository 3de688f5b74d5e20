import { sql } from "drizzle-orm";
import { check, index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { persons } from "./base-data";
import { correctionStatusEnum } from "./enums";
import { departments } from "./organisation";
import { users } from "./users";

/**
 * "This is wrong" (纠错): a resident says a value the portal pre-filled from a base register
 * is wrong. It goes to the department that keeps that register; its clerks correct the
 * register (audited) or decline with a reason the resident sees.
 */
export const correctionRequests = pgTable(
  "correction_requests",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    /** Whose register entry is wrong (the applicant, or the spouse / child on the form). */
    personId: uuid("person_id")
      .notNull()
      .references(() => persons.id),
    requestedByPersonId: uuid("requested_by_person_id")
      .notNull()
      .references(() => persons.id),
    /** The register ("hukou", "residence", "marital") and the attribute in it ("hukouAddress"). */
    register: text("register").notNull(),
    field: text("field").notNull(),
    departmentId: uuid("department_id")
      .notNull()
      .references(() => departments.id),
    /** The value as the register held it when the resident flagged it. */
    currentValue: text("current_value"),
    proposedValue: text("proposed_value"),
    reason: text("reason").notNull(),
    /** The service the resident was applying for when they noticed, if any. */
    serviceCode: text("service_code"),
    status: correctionStatusEnum("status").notNull().default("open"),
    decidedByUserId: uuid("decided_by_user_id").references(() => users.id),
    decidedAt: timestamp("decided_at", { withTimezone: true }),
    decisionNote: text("decision_note"),
    version: integer("version").notNull().default(1),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    // A double click or a second visit cannot open two requests for the same value.
    uniqueIndex("correction_requests_one_open")
      .on(t.personId, t.field)
      .where(sql`${t.status} = 'open'`),
    check(
      "correction_requests_decision",
      sql`(${t.status} = 'open') = (${t.decidedAt} IS NULL)`,
    ),
    index("correction_requests_queue_idx").on(t.departmentId, t.status, t.createdAt),
    index("correction_requests_requester_idx").on(t.requestedByPersonId, t.createdAt),
  ],
);

export type CorrectionRequest = typeof correctionRequests.$inferSelect;

import { sql } from "drizzle-orm";
import { check, date, index, integer, pgTable, smallint, text, timestamp, unique, uuid } from "drizzle-orm/pg-core";
import { ratings } from "./applications";
import { services } from "./catalogue";
import { channelEnum, followUpStatusEnum } from "./enums";
import { serviceCentres } from "./organisation";
import { users } from "./users";

/**
 * Daily rollup of the processing-time dashboard, one row per (China day, service, centre,
 * channel), kept in the same transaction as the application events it counts. Durations are
 * whole working days (hours for on-the-spot services), so they are kept as histograms —
 * `accept_days[i + 1]` is the number of applications accepted i working days after receipt —
 * and medians and 90th percentiles over any set of rows are exact, not estimates.
 */
export const applicationDailyStats = pgTable(
  "application_daily_stats",
  {
    day: date("day").notNull(),
    serviceId: uuid("service_id")
      .notNull()
      .references(() => services.id),
    centreId: uuid("centre_id").references(() => serviceCentres.id),
    channel: channelEnum("channel").notNull(),
    submitted: integer("submitted").notNull().default(0),
    accepted: integer("accepted").notNull().default(0),
    deemedAccepted: integer("deemed_accepted").notNull().default(0),
    supplementRequested: integer("supplement_requested").notNull().default(0),
    completed: integer("completed").notNull().default(0),
    completedOnTheSpot: integer("completed_on_the_spot").notNull().default(0),
    completedWithinPromised: integer("completed_within_promised").notNull().default(0),
    completedWithinLegal: integer("completed_within_legal").notNull().default(0),
    rejected: integer("rejected").notNull().default(0),
    withdrawn: integer("withdrawn").notNull().default(0),
    /** Materials of the applications submitted that day, by where they came from. */
    materialsRequired: integer("materials_required").notNull().default(0),
    materialsFromLibrary: integer("materials_from_library").notNull().default(0),
    materialsUploaded: integer("materials_uploaded").notNull().default(0),
    materialsAtCounter: integer("materials_at_counter").notNull().default(0),
    acceptDays: integer("accept_days").array().notNull().default(sql`'{}'::integer[]`),
    completeDays: integer("complete_days").array().notNull().default(sql`'{}'::integer[]`),
    completeHours: integer("complete_hours").array().notNull().default(sql`'{}'::integer[]`),
    /** ratings[score] for scores 1–5, by the day the rating was given. */
    ratingCounts: integer("rating_counts").array().notNull().default(sql`'{0,0,0,0,0}'::integer[]`),
  },
  (t) => [
    unique("application_daily_stats_key").on(t.day, t.serviceId, t.centreId, t.channel).nullsNotDistinct(),
    index("application_daily_stats_service_day_idx").on(t.serviceId, t.day),
  ],
);

/**
 * Time per workflow step (审查, 决定, 送达), one row per (China day, service, centre, channel,
 * step), kept by a trigger on application_events in the same transaction: `days[i + 1]` is the
 * number of steps finished that day i working days after the application reached the step
 * (its previous timeline event; an escalation is not one). Exact medians per step, as above.
 */
export const applicationStepDailyStats = pgTable(
  "application_step_daily_stats",
  {
    day: date("day").notNull(),
    serviceId: uuid("service_id")
      .notNull()
      .references(() => services.id),
    centreId: uuid("centre_id").references(() => serviceCentres.id),
    channel: channelEnum("channel").notNull(),
    step: text("step").notNull(),
    n: integer("n").notNull().default(0),
    days: integer("days").array().notNull().default(sql`'{}'::integer[]`),
  },
  (t) => [
    unique("application_step_daily_stats_key").on(t.day, t.serviceId, t.centreId, t.channel, t.step).nullsNotDistinct(),
    index("application_step_daily_stats_service_day_idx").on(t.serviceId, t.day),
    check("application_step_daily_stats_step", sql`${t.step} IN ('review', 'decide', 'deliver')`),
  ],
);

/** 好差评 follow-up: every poor rating (1–2) opens one, due in 15 working days. */
export const ratingFollowUps = pgTable(
  "rating_follow_ups",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    ratingId: uuid("rating_id")
      .notNull()
      .unique()
      .references(() => ratings.id),
    applicationId: uuid("application_id").notNull(),
    personId: uuid("person_id").notNull(),
    serviceId: uuid("service_id")
      .notNull()
      .references(() => services.id),
    centreId: uuid("centre_id").references(() => serviceCentres.id),
    score: smallint("score").notNull(),
    dueOn: date("due_on").notNull(),
    status: followUpStatusEnum("status").notNull().default("open"),
    actionTaken: text("action_taken"),
    closedAt: timestamp("closed_at", { withTimezone: true }),
    closedByUserId: uuid("closed_by_user_id").references(() => users.id),
    version: integer("version").notNull().default(1),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check("rating_follow_ups_closed", sql`(${t.status} = 'closed') = (${t.closedAt} IS NOT NULL)`),
    index("rating_follow_ups_open_idx").on(t.status, t.dueOn),
    index("rating_follow_ups_service_idx").on(t.serviceId, t.createdAt),
  ],
);

export type ApplicationDailyStats = typeof applicationDailyStats.$inferSelect;
export type RatingFollowUp = typeof ratingFollowUps.$inferSelect;

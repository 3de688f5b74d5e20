/**
 * Value lists the database constrains, kept free of drizzle so client components can import
 * them too. enums.ts and the CHECK constraints are built from these.
 */
export const applicationStatuses = [
  "draft",
  /** Filed, waiting for a certificate another open application (of the same bundle or family) will issue: no clock, no queue. */
  "awaiting",
  "submitted",
  "supplement_requested",
  "accepted",
  "approved",
  "completed",
  "rejected",
  "withdrawn",
] as const;
export type ApplicationStatus = (typeof applicationStatuses)[number];

/** The catalogue's life-event themes, in the order the portal shows them. */
export const serviceThemes = [
  "birth",
  "education",
  "elderly",
  "residence",
  "employment",
  "housing",
  "marriage",
  "social_security",
  "business",
] as const;
export type ServiceTheme = (typeof serviceThemes)[number];

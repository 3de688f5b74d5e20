import { pgEnum } from "drizzle-orm/pg-core";
import { applicationStatuses } from "./values";

export { applicationStatuses, serviceThemes, type ApplicationStatus, type ServiceTheme } from "./values";

export const sexEnum = pgEnum("sex", ["male", "female"]);
export const maritalStatusEnum = pgEnum("marital_status", [
  "unmarried",
  "married",
  "divorced",
  "widowed",
]);
export const employmentStatusEnum = pgEnum("employment_status", [
  "employed",
  "self_employed",
  "unemployed",
  "retired",
  "student",
  "child",
]);
export const insuranceStatusEnum = pgEnum("insurance_status", [
  "employee", // 职工社保
  "resident", // 城乡居民医保
  "none",
]);
export const relationEnum = pgEnum("family_relation", ["spouse", "child", "parent"]);

export const licenceStatusEnum = pgEnum("licence_status", [
  "valid",
  "expired",
  "revoked",
  "superseded",
]);
export const holderCodeTypeEnum = pgEnum("holder_code_type", ["111", "001"]);
export const verificationMethodEnum = pgEnum("verification_method", [
  "library",
  "signature",
  "qr",
  "pdf",
  "api",
]);
export const verificationResultEnum = pgEnum("verification_result", [
  "valid",
  "expired",
  "revoked",
  "superseded",
  "bad_signature",
  "not_found",
]);

export const materialKindEnum = pgEnum("material_kind", ["licence", "upload", "form"]);
export const materialSubjectEnum = pgEnum("material_subject", [
  "applicant",
  "spouse",
  "child",
  "parent",
]);

export type MaterialSubject = (typeof materialSubjectEnum.enumValues)[number];

export const applicationStatusEnum = pgEnum("application_status", applicationStatuses);
export const channelEnum = pgEnum("channel", ["online", "counter", "mobile", "self_service"]);
export const materialSourceEnum = pgEnum("material_source", [
  "library",
  "upload",
  "counter",
  "form",
  // A certificate another open application will issue: attached from the library when it is approved.
  "awaiting",
]);
export const appointmentStatusEnum = pgEnum("appointment_status", [
  "booked",
  "cancelled",
  "attended",
  "no_show",
]);
export const calendarDayKindEnum = pgEnum("calendar_day_kind", ["holiday", "workday"]);

/**
 * clerk = window (综合窗口/部门窗口: receive, accept, deliver); reviewer = 审查/审核; approver = 决定/审批;
 * catalogue_manager = keeps the department's services (事项管理: definitions, versions, suspension).
 */
export const roles = ["citizen", "clerk", "reviewer", "approver", "catalogue_manager", "supervisor", "admin"] as const;
export type Role = (typeof roles)[number];
export const roleEnum = pgEnum("role", roles);

/** A resident's "this is wrong" on a pre-filled register value, and how the owning department answered. */
export const correctionStatusEnum = pgEnum("correction_status", ["open", "corrected", "declined"]);
/** Outbox channels for notices beyond the portal (sent by lib/notifications' adapter). */
export const deliveryChannelEnum = pgEnum("delivery_channel", ["sms", "email"]);
export const deliveryStatusEnum = pgEnum("delivery_status", ["pending", "sent", "failed"]);
/** One criterion of an automatic eligibility check (自动比对): cannot-tell is an honest answer. */
export const checkResultEnum = pgEnum("check_result", ["pass", "fail", "unknown"]);
export const followUpStatusEnum = pgEnum("follow_up_status", ["open", "closed"]);

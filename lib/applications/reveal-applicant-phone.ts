import "server-only";
import { and, eq, ne } from "drizzle-orm";
import { z } from "zod";
import type { Executor } from "@/db/client";
import { applications, persons, services } from "@/db/schema";
import { requirePermission, type Actor } from "@/lib/auth/actor";
import { loadDefinitionVersion } from "@/lib/catalogue/definition-rows";
import { AppError } from "@/lib/errors";
import { recordRegisterFieldAccess } from "@/lib/licences/record-licence-access";
import { inClerkScope } from "./clerk-scope";

/** The reason for use the resident reads in "who used my data" when a clerk asks for the whole number. */
export const PHONE_REVEAL_PURPOSE = "办件联系申请人";

/** The "show full number" button on the clerk's application page. */
export const revealApplicantPhoneSchema = z.object({ applicationId: z.uuid() });
export type RevealApplicantPhoneInput = z.infer<typeof revealApplicantPhoneSchema>;

/** The register's mobile number and each phone answer of the form (by field name), whole. */
export type RevealedPhones = { phone: string | null; answers: Record<string, string> };

/**
 * The applicant's phone numbers in full for a member of staff working the application: refused
 * exactly as reading the application is (same permissions, same scope, drafts hidden: NOT_FOUND),
 * and logged to the applicant's "who used my data" in the same transaction, so a read that
 * cannot be logged does not happen. Nothing to show is not logged.
 */
export async function revealApplicantPhone(db: Executor, actor: Actor, input: RevealApplicantPhoneInput): Promise<RevealedPhones> {
  requirePermission(actor, "application:work");
  requirePermission(actor, "licence:read-for-processing");
  return db.transaction(async (tx) => {
    const [row] = await tx
      .select({
        serviceId: applications.serviceId,
        serviceVersion: applications.serviceVersion,
        currentVersion: services.version,
        formFields: services.formFields,
        formData: applications.formData,
        phone: persons.phone,
      })
      .from(applications)
      .innerJoin(services, eq(services.id, applications.serviceId))
      .innerJoin(persons, eq(persons.id, applications.applicantPersonId))
      .where(and(eq(applications.id, input.applicationId), ne(applications.status, "draft"), inClerkScope(applications.serviceId, actor)));
    if (!row) throw new AppError("NOT_FOUND", "errors.notFound");
    // The form the application was filed under, as getClerkApplicationOrThrow shows it.
    const filed = row.serviceVersion !== row.currentVersion ? await loadDefinitionVersion(tx, row.serviceId, row.serviceVersion) : null;
    const fields = filed ? filed.form : row.formFields;
    const answers: Record<string, string> = {};
    for (const f of fields) {
      const value = row.formData[f.name];
      if (f.type === "phone" && typeof value === "string" && value.trim() !== "") answers[f.name] = value;
    }
    const phone = row.phone?.trim() ? row.phone : null;
    if (phone === null && Object.keys(answers).length === 0) return { phone, answers };
    await recordRegisterFieldAccess(tx, { field: "phone", applicationId: input.applicationId, actor, purpose: PHONE_REVEAL_PURPOSE });
    return { phone, answers };
  });
}

"use server";

import { revalidatePath } from "next/cache";
import { getTranslations } from "next-intl/server";
import { userAction } from "@/lib/action";
import { processApplication } from "@/lib/applications/process-application";
import { processApplicationSchema } from "@/lib/applications/process-schemas";
import { revealApplicantPhone, revealApplicantPhoneSchema } from "@/lib/applications/reveal-applicant-phone";
import { statusChangedError } from "@/lib/applications/status-changed-error";
import { verifyLicence, verifyLicenceSchema } from "@/lib/licences/verify-licence";

/** Accept / request supplement / reject / approve, on the version the clerk saw. */
export const processApplicationAction = userAction(["clerk", "reviewer", "approver"], processApplicationSchema, async (input, { db, actor }) => {
  const result = await processApplication(db, actor, input).catch(async (error: unknown) => {
    throw statusChangedError(error, await getTranslations("status"));
  });
  revalidatePath(`/counter/applications/${input.applicationId}`);
  return { status: result.status, version: result.version, issuedLicence: result.issuedLicence };
});

export const verifyLicenceAction = userAction(["clerk", "reviewer", "approver"], verifyLicenceSchema, async (input, { db, actor }) => {
  const result = await verifyLicence(db, actor, input);
  revalidatePath(`/counter/applications/${input.applicationId}`);
  return { result: result.result };
});

/** 显示完整号码: the applicant's numbers whole, logged for the applicant to see. */
export const revealApplicantPhoneAction = userAction(["clerk", "reviewer", "approver"], revealApplicantPhoneSchema, (input, { db, actor }) =>
  revealApplicantPhone(db, actor, input),
);

import type { StandardRuleKey } from "@/db/seed/catalogue-eligibility";
import {
  birthMedicalCertificate,
  maternityAllowance,
  newbornHukou,
  newbornMedicalInsurance,
  newbornSocialSecurityCard,
  primarySchoolEnrolment,
  vaccinationCertificate,
} from "./rules-family";
import { elderlyCard, highAgeAllowance, pensionClaim, residencePermit, unemploymentRegistration } from "./rules-self";
import type { EligibilityRule } from "./types";

/** The first build's hand-written rules by key (test oracle only; see types.ts). */
export const referenceRules: Readonly<Record<StandardRuleKey, EligibilityRule>> = {
  birth_medical_certificate: birthMedicalCertificate,
  newborn_hukou: newbornHukou,
  newborn_medical_insurance: newbornMedicalInsurance,
  vaccination_certificate: vaccinationCertificate,
  newborn_social_security_card: newbornSocialSecurityCard,
  maternity_allowance: maternityAllowance,
  primary_school_enrolment: primarySchoolEnrolment,
  elderly_card: elderlyCard,
  high_age_allowance: highAgeAllowance,
  residence_permit: residencePermit,
  unemployment_registration: unemploymentRegistration,
  pension_claim: pensionClaim,
};

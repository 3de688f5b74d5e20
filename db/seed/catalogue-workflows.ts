import type { Workflow } from "@/lib/workflows/workflow-schema";

/**
 * The seeded services' own workflows (前台综合受理、后台分类审批、统一窗口出件). A service not
 * listed follows `defaultWorkflow`: accepted at the window, then decided. Each share is in
 * working days and the shares of a service add up to its promised limit
 * (db/seed/catalogue-workflows.test.ts checks every one against the schema and the limit).
 */
const basis = (zh: string, en: string) => ({ zh, en });

/** A school place (小学/初中): the register check at filing, the education bureau reviews, then decides; the notice is electronic. */
const SCHOOL_PLACE: Workflow = {
  mode: "standard",
  steps: [
    { kind: "accept", at: "centre", shareDays: 1 },
    { kind: "check" },
    { kind: "review", level: 1, shareDays: 8 },
    { kind: "decide", shareDays: 8, legalBasis: basis("《中华人民共和国义务教育法》第十二条", "Compulsory Education Law, art. 12") },
    { kind: "deliver", methods: ["electronic"], shareDays: 3 },
  ],
};

export const SERVICE_WORKFLOWS: Readonly<Record<string, Workflow>> = {
  // Accepted at a centre's comprehensive window, decided by public security, the booklet page collected or electronic.
  newborn_hukou: {
    mode: "standard",
    steps: [
      { kind: "accept", at: "centre", shareDays: 1 },
      { kind: "decide", shareDays: 2, legalBasis: basis("《中华人民共和国户口登记条例》第七条", "Hukou Registration Regulations, art. 7") },
      { kind: "deliver", methods: ["electronic", "collect"], shareDays: 0 },
    ],
  },
  primary_school_enrolment: SCHOOL_PLACE,
  junior_middle_school_enrolment: SCHOOL_PLACE,
  id_card_renewal: {
    mode: "standard",
    steps: [
      { kind: "accept", at: "centre", shareDays: 1 },
      { kind: "review", level: 1, shareDays: 4 },
      { kind: "decide", shareDays: 5, legalBasis: basis("《中华人民共和国居民身份证法》第十一条", "Resident Identity Card Law, art. 11") },
      { kind: "deliver", methods: ["collect", "post"], shareDays: 5 },
    ],
  },
  residence_permit: {
    mode: "standard",
    steps: [
      { kind: "accept", at: "centre", shareDays: 1 },
      { kind: "review", level: 1, shareDays: 3 },
      { kind: "decide", shareDays: 3, legalBasis: basis("《居住证暂行条例》第十三条", "Interim Regulations on Residence Permits, art. 13") },
      { kind: "deliver", methods: ["collect", "post"], shareDays: 3 },
    ],
  },
  hukou_transfer_in: {
    mode: "standard",
    steps: [
      { kind: "accept", at: "centre", shareDays: 1 },
      { kind: "review", level: 1, shareDays: 3 },
      { kind: "review", level: 2, shareDays: 2 },
      { kind: "decide", shareDays: 3, legalBasis: basis("《中华人民共和国户口登记条例》第十条", "Hukou Registration Regulations, art. 10") },
      { kind: "deliver", methods: ["collect"], shareDays: 1 },
    ],
  },
  minimum_living_allowance: {
    mode: "standard",
    steps: [
      { kind: "accept", at: "centre", shareDays: 1 },
      { kind: "review", level: 1, shareDays: 8 },
      { kind: "review", level: 2, shareDays: 5 },
      { kind: "decide", shareDays: 6, legalBasis: basis("《社会救助暂行办法》第十一条", "Interim Measures for Social Assistance, art. 11") },
    ],
  },
  public_rental_housing: {
    mode: "standard",
    steps: [
      { kind: "accept", at: "centre", shareDays: 2 },
      { kind: "review", level: 1, shareDays: 10 },
      { kind: "decide", shareDays: 8, legalBasis: basis("《公共租赁住房管理办法》第十二条", "Measures for Public Rental Housing, art. 12") },
    ],
  },
  newborn_social_security_card: {
    mode: "standard",
    steps: [
      { kind: "accept", at: "centre", shareDays: 1 },
      { kind: "decide", shareDays: 4, legalBasis: basis("《中华人民共和国社会保险法》第五十八条", "Social Insurance Law, art. 58") },
      { kind: "deliver", methods: ["collect", "post"], shareDays: 5 },
    ],
  },
  // On the spot (即办件): the window's acceptance is the decision.
  elderly_card: { mode: "on_the_spot", steps: [{ kind: "accept", at: "centre", shareDays: 0 }] },
};

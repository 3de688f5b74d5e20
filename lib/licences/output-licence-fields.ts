/**
 * What an approved application's output certificate prints (证照照面信息), per licence type.
 * The field names are those the seeded library uses (db/seed/population.ts), so a licence
 * issued by the back office reads exactly like one the seed put there: the wallet, the clerk's
 * detail page and any later application see the same keys. Values come from the population
 * register first (it is the source of truth for names, dates and addresses) and from the
 * application's form for what only the form holds (a business name, a lease).
 *
 * Pure: the caller loads the context (see load-output-licence-context.ts).
 */

export type RegisterPerson = {
  id: string;
  name: string;
  idNumber: string;
  sex: "male" | "female";
  birthDate: string;
  ethnicity: string;
  hukouDivisionCode: string | null;
  hukouAddress: string | null;
  residenceDivisionCode: string;
  residenceAddress: string;
  residenceSince: string;
  employer: string | null;
  employmentStatus: string;
  insuranceStatus: string;
  insuranceMonths: number;
};

export type OutputLicenceContext = {
  typeKey: string;
  /** Issue day, China time. */
  today: string;
  applicationNumber: string;
  /** The issuing department as printed (签发机关 / 登记机关). */
  issuerName: string;
  /** Who the certificate is for: the application's subject (the newborn) or the applicant. */
  holder: RegisterPerson;
  applicant: RegisterPerson;
  /** The applicant's spouse in the register, if any. */
  spouse: RegisterPerson | null;
  /** The applicant's household register in force, for a child registered into it. */
  applicantHousehold: { licenceNumber: string; jurisdictionCode: string; fields: Record<string, string> } | null;
  form: Record<string, unknown>;
};

export type OutputLicence = {
  fields: Record<string, string>;
  /** The number printed on the certificate, where the type has one of its own. */
  licenceNumber?: string;
  jurisdictionCode?: string;
};

const sexZh = (sex: "male" | "female") => (sex === "male" ? "男" : "女");
const dotted = (day: string) => day.replaceAll("-", ".");
/** A stable number part taken from the application number (SZ + date + 8-digit sequence). */
const seq = (ctx: OutputLicenceContext, digits: number) => ctx.applicationNumber.replace(/\D/g, "").slice(-digits).padStart(digits, "0");

function formText(ctx: OutputLicenceContext, name: string): string {
  const v = ctx.form[name];
  return typeof v === "string" ? v.trim() : typeof v === "number" ? String(v) : "";
}

const RELATION_ZH: Record<string, string> = { son: "子", daughter: "女", grandson: "孙子", granddaughter: "孙女" };

/** 居民身份证 validity (居民身份证法 第5条): under 16 five years, 16-25 ten, 26-45 twenty, then long-term. */
export function idCardValidUntil(birthDate: string, issuedOn: string): string | null {
  const age = ageOn(birthDate, issuedOn);
  const years = age < 16 ? 5 : age <= 25 ? 10 : age <= 45 ? 20 : null;
  if (years === null) return null;
  return `${Number(issuedOn.slice(0, 4)) + years}${issuedOn.slice(4)}`.replace(/-02-29$/, "-02-28");
}

function ageOn(birthDate: string, day: string): number {
  const years = Number(day.slice(0, 4)) - Number(birthDate.slice(0, 4));
  return day.slice(5) < birthDate.slice(5) ? years - 1 : years;
}

type Builder = (ctx: OutputLicenceContext) => OutputLicence;

const builders: Record<string, Builder> = {
  household_register: (ctx) => {
    const h = ctx.holder;
    const own = ctx.applicantHousehold;
    // A child registered into a parent's household (新生儿入户) joins that booklet; anyone else
    // moving in (户口迁入) is registered at the address the form names.
    const joining = own !== null && h.id !== ctx.applicant.id;
    const address = formText(ctx, "targetAddress") || formText(ctx, "hukouAddress") || own?.fields.address || h.hukouAddress || h.residenceAddress;
    const relation = RELATION_ZH[formText(ctx, "relationToHead")] ?? (joining ? (h.sex === "male" ? "子" : "女") : "户主");
    const householdNumber = joining && own ? (own.fields.householdNumber ?? own.licenceNumber) : `${h.residenceDivisionCode}${seq(ctx, 8)}`;
    return {
      licenceNumber: householdNumber,
      // Moving in (户口迁入) registers at the Shenzhen address the person lives at, not the old hukou.
      jurisdictionCode: joining && own ? own.jurisdictionCode : h.residenceDivisionCode,
      fields: {
        householdNumber,
        householdType: own?.fields.householdType ?? "家庭户",
        headName: joining && own ? (own.fields.headName ?? ctx.applicant.name) : h.name,
        relationToHead: relation,
        address,
        registeredOn: ctx.today,
        registrationAuthority: (joining && own?.fields.registrationAuthority) || ctx.issuerName,
      },
    };
  },
  resident_id_card: (ctx) => {
    const h = ctx.holder;
    const validUntil = idCardValidUntil(h.birthDate, ctx.today);
    return {
      licenceNumber: h.idNumber,
      fields: {
        name: h.name,
        sex: sexZh(h.sex),
        ethnicity: h.ethnicity.replace(/族$/, ""),
        birthDate: h.birthDate,
        address: h.hukouAddress ?? h.residenceAddress,
        issuingAuthority: ctx.issuerName,
        validPeriod: `${dotted(ctx.today)}-${validUntil === null ? "长期" : dotted(validUntil)}`,
      },
    };
  },
  residence_permit: (ctx) => ({
    licenceNumber: `${ctx.holder.residenceDivisionCode}${ctx.today.slice(0, 4)}${seq(ctx, 7)}`,
    fields: {
      name: ctx.holder.name,
      idNumber: ctx.holder.idNumber,
      address: formText(ctx, "residenceAddress") || ctx.holder.residenceAddress,
      hukouAddress: ctx.holder.hukouAddress ?? formText(ctx, "hukouAddress"),
      residenceSince: ctx.holder.residenceSince,
      issuingAuthority: ctx.issuerName,
      signedOn: ctx.today,
    },
  }),
  marriage_certificate: (ctx) => ({
    licenceNumber: `J${ctx.holder.residenceDivisionCode}-${ctx.today.slice(0, 4)}-${seq(ctx, 6)}`,
    fields: {
      holderName: ctx.holder.name,
      spouseName: formText(ctx, "partnerName") || ctx.spouse?.name || "",
      spouseIdNumber: formText(ctx, "partnerIdNumber") || ctx.spouse?.idNumber || "",
      registrationDate: ctx.today,
      registrationAuthority: ctx.issuerName,
    },
  }),
  elderly_card: (ctx) => ({
    licenceNumber: `SZLN${ctx.today.slice(0, 4)}${seq(ctx, 7)}`,
    fields: {
      name: ctx.holder.name,
      sex: sexZh(ctx.holder.sex),
      birthDate: ctx.holder.birthDate,
      benefits: "免费乘坐公交地铁、公园景点免票",
    },
  }),
  birth_medical_certificate: (ctx) => {
    const child = ctx.holder;
    // The applicant is the mother or the father; the form names the other parent.
    const applicantIsMother = ctx.applicant.sex === "female";
    const other = { name: formText(ctx, applicantIsMother ? "fatherName" : "motherName") || ctx.spouse?.name || "", idNumber: formText(ctx, applicantIsMother ? "fatherIdNumber" : "motherIdNumber") || ctx.spouse?.idNumber || "" };
    const self = { name: ctx.applicant.name, idNumber: ctx.applicant.idNumber };
    const [mother, father] = applicantIsMother ? [self, other] : [other, self];
    return {
      licenceNumber: `R${child.residenceDivisionCode.slice(0, 2)}${seq(ctx, 7)}`,
      fields: {
        childName: formText(ctx, "childName") || child.name,
        sex: sexZh(child.sex),
        birthDate: child.birthDate,
        birthPlace: formText(ctx, "birthFacility"),
        weightGrams: formText(ctx, "birthWeightGrams"),
        motherName: mother.name,
        motherIdNumber: mother.idNumber,
        fatherName: father.name,
        fatherIdNumber: father.idNumber,
      },
    };
  },
  vaccination_certificate: (ctx) => ({
    licenceNumber: `${ctx.holder.residenceDivisionCode}${ctx.holder.birthDate.slice(0, 4)}${seq(ctx, 6)}`,
    fields: {
      childName: ctx.holder.name,
      sex: sexZh(ctx.holder.sex),
      birthDate: ctx.holder.birthDate,
      guardianName: ctx.applicant.id === ctx.holder.id ? "" : ctx.applicant.name,
      vaccinationClinic: formText(ctx, "vaccinationClinic") || `${ctx.issuerName}指定预防接种门诊`,
      recordStatus: "按免疫程序接种",
    },
  }),
  medical_insurance_record: (ctx) => ({
    licenceNumber: `YB${ctx.today.replaceAll("-", "")}${seq(ctx, 7)}`,
    fields: {
      name: ctx.holder.name,
      insuranceType:
        ctx.holder.insuranceStatus === "employee" && ctx.holder.id === ctx.applicant.id ? "职工基本医疗保险" : "城乡居民基本医疗保险",
      insuredSince: ctx.holder.id === ctx.applicant.id ? ctx.today : ctx.holder.birthDate,
      contributionMonths: String(ctx.holder.insuranceMonths),
      status: "正常参保",
    },
  }),
  social_insurance_record: (ctx) => ({
    licenceNumber: `SB${ctx.today.replaceAll("-", "")}${seq(ctx, 7)}`,
    fields: {
      name: ctx.holder.name,
      insuredSince: formText(ctx, "periodFrom") || ctx.today,
      contributionMonths: String(ctx.holder.insuranceMonths),
      employer: ctx.holder.employer ?? (ctx.holder.employmentStatus === "retired" ? "退休" : "灵活就业"),
      insuranceTypes: ctx.holder.employmentStatus === "retired" ? "基本养老保险（领取待遇）" : "养老、医疗、失业、工伤、生育",
      status: ctx.holder.employmentStatus === "retired" ? "退休" : "正常参保",
    },
  }),
  social_security_card: (ctx) => {
    const cardNumber = `A${seq(ctx, 8)}`;
    return {
      licenceNumber: cardNumber,
      fields: {
        name: ctx.holder.name,
        cardNumber,
        socialSecurityNumber: ctx.holder.idNumber,
        bank: "中国工商银行",
        cardGeneration: "第三代社会保障卡",
      },
    };
  },
  school_admission_notice: (ctx) => {
    const year = ctx.today.slice(0, 4);
    return {
      licenceNumber: `${ctx.holder.residenceDivisionCode}${year}${seq(ctx, 5)}`,
      jurisdictionCode: ctx.holder.residenceDivisionCode,
      fields: {
        pupilName: ctx.holder.name,
        school: formText(ctx, "preferredSchool") || `${ctx.issuerName}统筹学位`,
        grade: formText(ctx, "primarySchool") ? "七年级" : "一年级",
        enrolmentYear: year,
        reportingDate: `${year}-09-01`,
      },
    };
  },
  rental_registration: (ctx) => ({
    licenceNumber: `${ctx.holder.residenceDivisionCode}${ctx.today.slice(0, 4)}${seq(ctx, 7)}`,
    fields: {
      tenantName: ctx.holder.name,
      landlordName: formText(ctx, "landlordName"),
      address: formText(ctx, "propertyAddress") || ctx.holder.residenceAddress,
      leaseStart: formText(ctx, "leaseStart") || ctx.today,
      leaseEnd: formText(ctx, "leaseEnd"),
      monthlyRentYuan: formText(ctx, "monthlyRentYuan"),
    },
  }),
  public_rental_qualification: (ctx) => ({
    licenceNumber: `GZ${ctx.holder.residenceDivisionCode}${seq(ctx, 7)}`,
    fields: {
      applicantName: ctx.holder.name,
      householdSize: formText(ctx, "householdSize") || "1",
      qualification: "公共租赁住房保障对象",
      reviewResult: "审核通过",
    },
  }),
  unemployment_certificate: (ctx) => ({
    licenceNumber: `SY${ctx.holder.residenceDivisionCode}${ctx.today.slice(0, 4)}${seq(ctx, 6)}`,
    fields: {
      name: ctx.holder.name,
      registrationDate: ctx.today,
      lastEmployer: formText(ctx, "lastEmployer") || (ctx.holder.employer ?? ""),
      insuredMonths: String(ctx.holder.insuranceMonths),
      benefitMonths: String(Math.min(24, Math.max(1, Math.floor(ctx.holder.insuranceMonths / 12)))),
    },
  }),
  pension_certificate: (ctx) => {
    const [y, m] = ctx.today.split("-").map(Number) as [number, number];
    const next = m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, "0")}`;
    return {
      licenceNumber: `YL${ctx.holder.residenceDivisionCode}${ctx.today.slice(0, 4)}${seq(ctx, 6)}`,
      fields: {
        name: ctx.holder.name,
        retirementDate: ctx.today,
        pensionFrom: `${next}-01`,
        contributionMonths: String(ctx.holder.insuranceMonths),
        paidTo: "社会保障卡金融账户",
      },
    };
  },
  individual_business_licence: (ctx) => ({
    fields: {
      businessName: formText(ctx, "businessName"),
      operatorName: ctx.holder.name,
      compositionForm: formText(ctx, "organisationForm") === "family" ? "家庭经营" : "个人经营",
      businessAddress: formText(ctx, "businessAddress"),
      businessScope: formText(ctx, "businessScope"),
      registeredOn: ctx.today,
    },
  }),
};

/** The licence types this module knows how to print. */
export const OUTPUT_LICENCE_TYPES: readonly string[] = Object.keys(builders);

/**
 * The fields (and, where the type has one, the number) of the certificate an approved
 * application issues. A type without a builder gets the core fields only, never nothing.
 */
export function outputLicenceFields(ctx: OutputLicenceContext): OutputLicence {
  const build = builders[ctx.typeKey];
  if (build) return build(ctx);
  return { fields: { name: ctx.holder.name, applicationNumber: ctx.applicationNumber, issuedOn: ctx.today } };
}

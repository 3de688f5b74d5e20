import { describe, expect, it } from "vitest";
import { idCardValidUntil, OUTPUT_LICENCE_TYPES, outputLicenceFields, type OutputLicenceContext, type RegisterPerson } from "./output-licence-fields";

const person = (over: Partial<RegisterPerson>): RegisterPerson => ({
  id: "p-mother",
  name: "李晓梅",
  idNumber: "440304199405121287",
  sex: "female",
  birthDate: "1994-05-12",
  ethnicity: "汉族",
  hukouDivisionCode: "440304",
  hukouAddress: "深圳市福田区福华路 1 号",
  residenceDivisionCode: "440304",
  residenceAddress: "深圳市福田区福华路 1 号",
  residenceSince: "2015-01-01",
  employer: "深圳市某科技有限公司",
  employmentStatus: "employed",
  insuranceStatus: "employee",
  insuranceMonths: 96,
  ...over,
});

const mother = person({});
const baby = person({ id: "p-baby", name: "陈若汐", idNumber: "440304202611010026", birthDate: "2026-11-01", hukouDivisionCode: null, hukouAddress: null, insuranceStatus: "none", insuranceMonths: 0 });
const father = person({ id: "p-father", name: "陈志强", idNumber: "440301199208030352", sex: "male" });

const ctx = (over: Partial<OutputLicenceContext>): OutputLicenceContext => ({
  typeKey: "household_register",
  today: "2026-11-25",
  applicationNumber: "SZ2026112300001234",
  issuerName: "深圳市公安局",
  holder: mother,
  applicant: mother,
  spouse: father,
  applicantHousehold: {
    licenceNumber: "440304012345",
    jurisdictionCode: "440304",
    fields: { householdNumber: "440304012345", householdType: "家庭户", headName: "李晓梅", address: "深圳市福田区福华路 1 号", registrationAuthority: "深圳市福田区公安局福华派出所" },
  },
  form: {},
  ...over,
});

describe("outputLicenceFields", () => {
  it("registers a newborn into the parent's household booklet (新生儿入户)", () => {
    const out = outputLicenceFields(ctx({ holder: baby, form: { relationToHead: "daughter", hukouAddress: "深圳市福田区福华路 1 号" } }));
    expect(out.licenceNumber).toBe("440304012345");
    expect(out.jurisdictionCode).toBe("440304");
    expect(out.fields).toEqual({
      householdNumber: "440304012345",
      householdType: "家庭户",
      headName: "李晓梅",
      relationToHead: "女",
      address: "深圳市福田区福华路 1 号",
      registeredOn: "2026-11-25",
      registrationAuthority: "深圳市福田区公安局福华派出所",
    });
  });

  it("uses the same field names as the seeded library for every type it prints", () => {
    // The keys db/seed/population.ts writes per type (see its issue* functions).
    const seeded: Record<string, string[]> = {
      household_register: ["householdNumber", "householdType", "headName", "relationToHead", "address", "registeredOn", "registrationAuthority"],
      resident_id_card: ["name", "sex", "ethnicity", "birthDate", "address", "issuingAuthority", "validPeriod"],
      residence_permit: ["name", "idNumber", "address", "hukouAddress", "residenceSince", "issuingAuthority", "signedOn"],
      marriage_certificate: ["holderName", "spouseName", "spouseIdNumber", "registrationDate", "registrationAuthority"],
      elderly_card: ["name", "sex", "birthDate", "benefits"],
      vaccination_certificate: ["childName", "sex", "birthDate", "guardianName", "vaccinationClinic", "recordStatus"],
      medical_insurance_record: ["name", "insuranceType", "insuredSince", "contributionMonths", "status"],
      social_security_card: ["name", "cardNumber", "socialSecurityNumber", "bank", "cardGeneration"],
      school_admission_notice: ["pupilName", "school", "grade", "enrolmentYear", "reportingDate"],
      rental_registration: ["tenantName", "landlordName", "address", "leaseStart", "leaseEnd", "monthlyRentYuan"],
      public_rental_qualification: ["applicantName", "householdSize", "qualification", "reviewResult"],
      unemployment_certificate: ["name", "registrationDate", "lastEmployer", "insuredMonths", "benefitMonths"],
      individual_business_licence: ["businessName", "operatorName", "compositionForm", "businessAddress", "businessScope", "registeredOn"],
    };
    for (const [typeKey, keys] of Object.entries(seeded)) {
      expect(OUTPUT_LICENCE_TYPES, typeKey).toContain(typeKey);
      const fields = outputLicenceFields(ctx({ typeKey })).fields;
      for (const k of keys) expect(fields, `${typeKey}.${k}`).toHaveProperty(k);
      for (const v of Object.values(fields)) expect(typeof v).toBe("string");
    }
  });

  it("an ID card prints the validity the law gives by age (居民身份证法第5条)", () => {
    expect(idCardValidUntil("2012-03-01", "2026-11-25")).toBe("2031-11-25");
    expect(idCardValidUntil("2004-03-01", "2026-11-25")).toBe("2036-11-25");
    expect(idCardValidUntil("1994-05-12", "2026-11-25")).toBe("2046-11-25");
    expect(idCardValidUntil("1970-05-12", "2026-11-25")).toBeNull();
    expect(idCardValidUntil("2000-01-01", "2024-02-29")).toBe("2034-02-28");
    const card = outputLicenceFields(ctx({ typeKey: "resident_id_card" }));
    expect(card.licenceNumber).toBe(mother.idNumber);
    expect(card.fields.validPeriod).toBe("2026.11.25-2046.11.25");
    expect(card.fields.ethnicity).toBe("汉");
  });

  it("takes what only the form holds from the form, and names the other parent on a birth certificate", () => {
    const shop = outputLicenceFields(ctx({ typeKey: "individual_business_licence", form: { businessName: "福田区李记小吃店", businessAddress: "福华路 2 号", businessScope: "小吃服务", organisationForm: "family" } }));
    expect(shop.fields).toMatchObject({ businessName: "福田区李记小吃店", operatorName: "李晓梅", compositionForm: "家庭经营" });
    const birth = outputLicenceFields(ctx({ typeKey: "birth_medical_certificate", holder: baby }));
    expect(birth.fields).toMatchObject({ childName: "陈若汐", motherName: "李晓梅", fatherName: "陈志强", fatherIdNumber: father.idNumber });
  });

  it("a person moving their hukou in heads a new household when no booklet is joined", () => {
    const out = outputLicenceFields(ctx({ applicantHousehold: null, form: { targetAddress: "深圳市南山区科技园 8 号" } }));
    expect(out.fields).toMatchObject({ headName: "李晓梅", relationToHead: "户主", address: "深圳市南山区科技园 8 号" });
    expect(out.licenceNumber).toMatch(/^440304\d{8}$/);
  });

  it("an unknown type still gets the core fields", () => {
    expect(outputLicenceFields(ctx({ typeKey: "something_new" })).fields).toEqual({ name: "李晓梅", applicationNumber: "SZ2026112300001234", issuedOn: "2026-11-25" });
  });
});

import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db/client";
import { services } from "@/db/schema";
import { seedCatalogue } from "@/db/seed/catalogue";
import { createTestDatabase } from "@/db/testing";
import { AppError } from "@/lib/errors";
import { containsPattern, listDepartmentsWithServices, searchServices, searchTerms } from "./search-services";

let h: DbHandle;
beforeAll(async () => {
  h = await createTestDatabase();
  await seedCatalogue(h.db);
});
afterAll(async () => {
  await h.close();
});

const codes = async (input: Parameters<typeof searchServices>[1]) =>
  (await searchServices(h.db, input)).hits.map((x) => x.code);

describe("searching the catalogue in Chinese", () => {
  it("入学 finds the enrolment services by name, and not the services whose description only mentions school", async () => {
    const result = await searchServices(h.db, { q: "入学" });
    const found = result.hits.map((x) => x.code);
    expect(found).toEqual(expect.arrayContaining(["junior_middle_school_enrolment", "primary_school_enrolment", "school_place_non_hukou_new"]));
    // 居住证 mentions 子女入学 in its description only: it is not a peer of the enrolment services.
    expect(found).not.toContain("residence_permit");
    expect(result.descriptionOnly).toBe(false);
    expect(result.hits.every((x) => x.matchedIn !== "description")).toBe(true);
    expect(result.hits.slice(0, 3).every((x) => x.matchedIn === "name")).toBe(true);
  });

  it("居住证 finds 居住证申领 first, by name", async () => {
    const result = await searchServices(h.db, { q: "  居住证 " });
    expect(result.terms).toEqual(["居住证"]);
    expect(result.hits[0]).toMatchObject({ code: "residence_permit", nameZh: "居住证申领", matchedIn: "name", departmentCode: "psb" });
  });

  it("上户口 finds 新生儿入户 through its keywords", async () => {
    const result = await searchServices(h.db, { q: "上户口" });
    expect(result.hits.map((x) => x.code)).toEqual(["newborn_hukou"]);
    expect(result.hits[0]?.matchedIn).toBe("keywords");
  });

  it("ranks name matches before keyword matches", async () => {
    // 户口 is in the name of 户口迁入 and only in the keywords of 新生儿入户.
    const hits = (await searchServices(h.db, { q: "户口" })).hits;
    expect(hits.map((x) => x.code)).toContain("newborn_hukou");
    expect(hits[0]).toMatchObject({ code: "hukou_transfer_in", matchedIn: "name" });
    const firstKeyword = hits.findIndex((x) => x.matchedIn !== "name");
    expect(hits.slice(firstKeyword).every((x) => x.matchedIn !== "name")).toBe(true);
  });

  it("requires every term to match, anywhere", async () => {
    expect(await codes({ q: "入学 初中" })).toEqual(["junior_middle_school_enrolment"]);
    expect(await codes({ q: "入学　小学" })).toEqual(["primary_school_enrolment"]); // full-width space
    expect(await codes({ q: "入学 结婚" })).toEqual([]);
  });

  it("matches English names case-insensitively", async () => {
    expect(await codes({ q: "RESIDENCE permit" })).toContain("residence_permit");
  });

  it("falls back to descriptions when no name or keyword matches, and says so", async () => {
    // 电子签章 appears only in the descriptions of the two record-printing services.
    const result = await searchServices(h.db, { q: "电子签章" });
    expect(result.descriptionOnly).toBe(true);
    expect(result.hits.map((x) => x.code).sort()).toEqual(["medical_insurance_record_print", "social_insurance_record_print"]);
    expect(result.hits.every((x) => x.matchedIn === "description")).toBe(true);
  });

  it("treats % and _ in the query literally", async () => {
    expect(await codes({ q: "%" })).toEqual([]);
    expect(await codes({ q: "_" })).toEqual([]);
    expect(await codes({ q: "入%学" })).toEqual([]);
    expect(containsPattern("a%b_c\\d")).toBe("%a\\%b\\_c\\\\d%");
  });

  it("lists the whole active catalogue without a query, by theme, and hides inactive services", async () => {
    const all = await searchServices(h.db, {});
    expect(all.hits.length).toBeGreaterThan(20);
    expect(all.hits[0]?.theme).toBe("birth");
    await h.db.update(services).set({ active: false }).where(eq(services.code, "marriage_registration"));
    try {
      expect(await codes({ q: "结婚" })).not.toContain("marriage_registration");
      expect((await searchServices(h.db, {})).hits).toHaveLength(all.hits.length - 1);
    } finally {
      await h.db.update(services).set({ active: true }).where(eq(services.code, "marriage_registration"));
    }
  });

  it("narrows by theme and by department", async () => {
    const education = await searchServices(h.db, { theme: "education" });
    expect(education.hits.length).toBeGreaterThan(0);
    expect(education.hits.every((x) => x.theme === "education")).toBe(true);
    const psb = await searchServices(h.db, { department: "psb" });
    expect(psb.hits.map((x) => x.code)).toContain("residence_permit");
    expect(psb.hits.every((x) => x.departmentCode === "psb")).toBe(true);
    // No police service is about enrolment by name; the permit that mentions it comes back as a fallback.
    expect(await searchServices(h.db, { q: "入学", department: "psb" })).toMatchObject({
      descriptionOnly: true,
      hits: [{ code: "residence_permit", matchedIn: "description" }],
    });
    const permits = await searchServices(h.db, { q: "居住证", theme: "residence", department: "psb" });
    expect(permits.hits[0]?.code).toBe("residence_permit");
    expect(permits.hits.every((x) => x.theme === "residence" && x.departmentCode === "psb" && x.nameZh.includes("居住证"))).toBe(true);
  });

  it("refuses invalid parameters", async () => {
    await expect(searchServices(h.db, { q: "字".repeat(51) })).rejects.toBeInstanceOf(AppError);
    // @ts-expect-error an unknown theme is refused at run time too
    await expect(searchServices(h.db, { theme: "weather" })).rejects.toMatchObject({ code: "VALIDATION" });
    await expect(searchServices(h.db, { department: "psb' OR 1=1" })).rejects.toMatchObject({ code: "VALIDATION" });
  });

  it("splits terms on whitespace and drops duplicates", () => {
    expect(searchTerms(" 入学  小学 入学 ")).toEqual(["入学", "小学"]);
    expect(searchTerms("   ")).toEqual([]);
    expect(searchTerms(undefined)).toEqual([]);
  });
});

describe("the department filter", () => {
  it("lists every department that has an active service, with its count", async () => {
    const deps = await listDepartmentsWithServices(h.db);
    const all = await searchServices(h.db, {});
    expect(deps.reduce((n, d) => n + d.serviceCount, 0)).toBe(all.hits.length);
    expect(deps.map((d) => d.code)).toContain("psb");
    expect(deps.find((d) => d.code === "psb")).toMatchObject({ nameZh: "深圳市公安局" });
    expect(deps.every((d) => d.serviceCount > 0)).toBe(true);
  });
});

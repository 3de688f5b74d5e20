import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db/client";
import { services, users } from "@/db/schema";
import { seedDatabase } from "@/db/seed";
import { stableUuid } from "@/db/seed/random";
import { createTestDatabase } from "@/db/testing";
import type { Actor } from "@/lib/auth/actor";
import { signingKeyFromSeed } from "@/lib/licences/signing";
import { catalogueToCsv, currentVersionOf, exportCatalogue, importCatalogue, importCatalogueCsv, parseCsv } from "./import-export";

let h: DbHandle;
const actorOf = async (staffNo: string): Promise<Actor> => {
  const [u] = await h.db.select().from(users).where(eq(users.id, stableUuid(`user:${staffNo}`)));
  if (!u) throw new Error(`no ${staffNo}`);
  return { id: u.id, role: u.role, displayName: u.displayName, personId: u.personId, departmentId: u.departmentId, centreId: u.centreId };
};
const errorOf = (p: Promise<unknown>) => p.then(() => null, (e: { code?: string; fieldErrors?: Record<string, string> }) => e);

beforeAll(async () => {
  h = await createTestDatabase();
  await seedDatabase(h.db, { seed: "catalogue-import", persons: 200, applications: 100, today: "2026-11-20", signingKey: signingKeyFromSeed("44".repeat(32)), passwordHash: "x" });
}, 120_000);
afterAll(async () => h.close());

describe("catalogue import and export", () => {
  it("exports what the actor keeps, and importing the export changes nothing", async () => {
    const admin = await actorOf("ADM001");
    const civil = await actorOf("CIV004");
    const all = await exportCatalogue(h.db, admin);
    const mine = await exportCatalogue(h.db, civil);
    expect(all.services.length).toBeGreaterThan(mine.services.length);
    expect(mine.services.every((s) => s.department === "civil")).toBe(true);
    const again = await h.db.transaction((tx) => importCatalogue(tx, admin, JSON.parse(JSON.stringify(all))));
    expect(again).toMatchObject({ created: 0, published: 0, unchanged: all.services.length });
  });

  it("publishes what changed as the next version, and refuses a version number that exists with other content", async () => {
    const civil = await actorOf("CIV004");
    const file = await exportCatalogue(h.db, civil);
    const elder = file.services.find((s) => s.code === "elderly_card")!;
    const before = await currentVersionOf(h.db, "elderly_card");
    const changed = { ...file, services: [{ ...elder, version: undefined, keywords: `${elder.keywords} 敬老` }] };
    const result = await h.db.transaction((tx) => importCatalogue(tx, civil, changed));
    expect(result).toMatchObject({ published: 1 });
    expect(await currentVersionOf(h.db, "elderly_card")).toBe((before ?? 0) + 1);
    // Run twice: nothing more.
    expect(await h.db.transaction((tx) => importCatalogue(tx, civil, changed))).toMatchObject({ unchanged: 1, published: 0 });
    // Version 1 with other content than version 1 had: refused, with the path.
    const clash = { ...file, services: [{ ...elder, version: 1, feeYuan: 5 }] };
    expect((await errorOf(h.db.transaction((tx) => importCatalogue(tx, civil, clash))))?.fieldErrors).toEqual({ "services[0].version": "catalogueAdmin.import.versionTaken" });
  });

  it("refuses a file with any bad entry as a whole, naming each by path", async () => {
    const admin = await actorOf("ADM001");
    const file = await exportCatalogue(h.db, admin);
    const [a, b] = file.services;
    const bad = {
      ...file,
      services: [
        { ...a!, code: "brand_new_service_x", nameZh: "新事项" },
        { ...b!, version: undefined, materials: [{ nameZh: "x", nameEn: "x", kind: "licence", licence: "no_such_type", subject: "applicant", required: true }] },
      ],
    };
    const e = await errorOf(h.db.transaction((tx) => importCatalogue(tx, admin, bad)));
    expect(e?.code).toBe("VALIDATION");
    expect(e?.fieldErrors).toEqual({ "services[1].materials[0].licence": "catalogueAdmin.errors.unknownLicence" });
    const [none] = await h.db.select({ id: services.id }).from(services).where(eq(services.code, "brand_new_service_x"));
    expect(none).toBeUndefined();
    expect((await errorOf(h.db.transaction((tx) => importCatalogue(tx, admin, { format: "other", services: [] }))))?.code).toBe("VALIDATION");
    // A manager cannot import another department's service.
    const health = await actorOf("HEA004");
    const civilOnly = (await exportCatalogue(h.db, await actorOf("CIV004"))).services.slice(0, 1);
    expect((await errorOf(h.db.transaction((tx) => importCatalogue(tx, health, { ...file, services: civilOnly }))))?.code).toBe("VALIDATION");
  });

  it("round-trips the flat parts as CSV, with line numbers in errors", async () => {
    const civil = await actorOf("CIV004");
    const file = await exportCatalogue(h.db, civil);
    const csv = catalogueToCsv(file);
    expect(csv.startsWith("\uFEFFcode,nameZh")).toBe(true);
    const rows = parseCsv(csv);
    expect(rows).toHaveLength(file.services.length + 1);
    expect(await h.db.transaction((tx) => importCatalogueCsv(tx, civil, csv))).toMatchObject({ published: 0, unchanged: file.services.length });
    const header = rows[0]!;
    const limit = header.indexOf("promisedLimitDays");
    const legal = header.indexOf("legalLimitDays");
    const spot = header.indexOf("onTheSpot");
    const target = rows.findIndex((r, i) => i > 0 && r[spot] === "false");
    const edited = rows.map((r, i) => (i === target ? r.map((c, j) => (j === limit ? String(Number(r[legal]) + 1) : c)) : r));
    const text = edited.map((r) => r.map((c) => (/[",\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(",")).join("\n");
    expect((await errorOf(h.db.transaction((tx) => importCatalogueCsv(tx, civil, text))))?.fieldErrors).toEqual({ [`line ${target + 1} promisedLimitDays`]: "catalogueAdmin.errors.promisedOverLegal" });
    expect(parseCsv('a,"b ""c""",d\r\n"x\ny",2,3\n')).toEqual([["a", 'b "c"', "d"], ["x\ny", "2", "3"]]);
  });
});

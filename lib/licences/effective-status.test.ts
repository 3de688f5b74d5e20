import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db/client";
import { licences } from "@/db/schema";
import { createTestDatabase } from "@/db/testing";
import { addCalendarDays } from "@/lib/calendar/working-days";
import { createLicence, createPerson } from "@/lib/testing/factories";
import { effectiveLicenceStatus, effectiveStatusSql, inForceSql, type LicenceStatus } from "./effective-status";

const today = "2026-03-01"; // the day after a non-leap February's last day
const yesterday = addCalendarDays(today, -1);
const tomorrow = addCalendarDays(today, 1);

// Each case: stored status and valid_until → what everyone must see today.
const cases: { name: string; status: LicenceStatus; validUntil: string | null; expected: LicenceStatus }[] = [
  { name: "valid until yesterday is expired", status: "valid", validUntil: yesterday, expected: "expired" },
  { name: "valid until today is still valid (last day in force)", status: "valid", validUntil: today, expected: "valid" },
  { name: "valid until tomorrow is valid", status: "valid", validUntil: tomorrow, expected: "valid" },
  { name: "no end date is valid", status: "valid", validUntil: null, expected: "valid" },
  { name: "revoked stays revoked before its end date", status: "revoked", validUntil: tomorrow, expected: "revoked" },
  { name: "revoked stays revoked after its end date", status: "revoked", validUntil: yesterday, expected: "revoked" },
  { name: "superseded stays superseded after its end date", status: "superseded", validUntil: yesterday, expected: "superseded" },
  { name: "expired stays expired even with a later end date", status: "expired", validUntil: tomorrow, expected: "expired" },
];

describe("effectiveLicenceStatus", () => {
  it.each(cases)("$name", ({ status, validUntil, expected }) => {
    expect(effectiveLicenceStatus({ status, validUntil }, today)).toBe(expected);
  });

  it("compares whole days across a month and year end", () => {
    expect(effectiveLicenceStatus({ status: "valid", validUntil: "2025-12-31" }, "2026-01-01")).toBe("expired");
    expect(effectiveLicenceStatus({ status: "valid", validUntil: "2024-02-29" }, "2024-02-29")).toBe("valid");
  });
});

describe("effectiveStatusSql and inForceSql (same rule in the database)", () => {
  let h: DbHandle;
  const ids = new Map<string, string>();
  beforeAll(async () => {
    h = await createTestDatabase();
    const holder = await createPerson(h.db);
    for (const c of cases) {
      const l = await createLicence(h.db, { holderPersonId: holder.id, status: c.status, validUntil: c.validUntil, issuedOn: "2020-01-01" });
      ids.set(c.name, l.id);
    }
  });
  afterAll(async () => {
    await h.close();
  });

  it.each(cases)("$name", async ({ name, expected }) => {
    const id = ids.get(name)!;
    const [row] = await h.db
      .select({ status: effectiveStatusSql(today), inForce: inForceSql(today) })
      .from(licences)
      .where(eq(licences.id, id));
    expect(row?.status).toBe(expected);
    expect(row?.inForce).toBe(expected === "valid");
  });
});

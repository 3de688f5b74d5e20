import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db/client";
import { CATALOGUE_SERVICES, seedCatalogue } from "@/db/seed/catalogue";
import { createTestDatabase } from "@/db/testing";
import { onceOnlyShare } from "./once-only-share";

let h: DbHandle;
beforeAll(async () => {
  h = await createTestDatabase();
  await seedCatalogue(h.db);
});
afterAll(async () => {
  await h.close();
});

describe("the once-only share of the catalogue", () => {
  it("counts the required materials no resident uploads, over the seeded definitions", async () => {
    const required = CATALOGUE_SERVICES.flatMap((s) => s.materials.filter((m) => m.required));
    const once = await onceOnlyShare(h.db);
    expect(once.required).toBe(required.length);
    expect(once.withoutUpload).toBe(required.filter((m) => m.kind !== "upload").length);
    expect(once.share).toBeCloseTo(once.withoutUpload / once.required, 10);
  });

  it("has 出生一件事 at 100 %: the maternity facility's records replace every upload", async () => {
    const newborn = (await onceOnlyShare(h.db)).bundles.find((b) => b.code === "newborn");
    expect(newborn).toMatchObject({ share: 1 });
    expect(newborn!.required).toBeGreaterThan(20);
  });

  it("has every life event at 100 %: the employer's termination filing, the ID card's photo and the bundles' own certificates replace the uploads", async () => {
    const { bundles } = await onceOnlyShare(h.db);
    expect(bundles.map((b) => b.code).sort()).toEqual(["job_loss", "newborn", "retirement", "school_entry"]);
    for (const b of bundles) expect(b, b.code).toMatchObject({ share: 1 });
  });
});

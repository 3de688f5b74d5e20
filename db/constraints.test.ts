import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApplication, createDepartment, createPerson, createService } from "@/lib/testing/factories";
import type { DbHandle } from "./client";
import { applications, appointmentSlots, persons, serviceCentres, serviceMaterials } from "./schema";
import { createTestDatabase } from "./testing";

let h: DbHandle;
beforeAll(async () => {
  h = await createTestDatabase();
});
afterAll(async () => {
  await h.close();
});

async function failure(p: Promise<unknown>): Promise<string> {
  try {
    await p;
    return "accepted";
  } catch (e) {
    const err = e as { message?: string; cause?: { message?: string } };
    return `${err.message ?? ""} ${err.cause?.message ?? ""}`;
  }
}

describe("the database itself refuses bad data", () => {
  it("allows one person per resident ID number", async () => {
    const p = await createPerson(h.db);
    const { id: _id, ...copy } = p;
    expect(await failure(h.db.insert(persons).values(copy))).toMatch(/persons_id_number_unique|duplicate key/);
  });

  it("refuses a malformed resident ID number", async () => {
    const p = await createPerson(h.db);
    const { id: _id, ...copy } = p;
    expect(await failure(h.db.insert(persons).values({ ...copy, idNumber: "44030419940512128Y" }))).toMatch(
      /persons_id_number_format/,
    );
  });

  it("files one application per idempotency key and applicant", async () => {
    const person = await createPerson(h.db);
    const service = await createService(h.db, (await createDepartment(h.db)).id);
    const values = { serviceId: service.id, applicantPersonId: person.id, idempotencyKey: "k-1" };
    await h.db.insert(applications).values({ ...values, number: `IDEM-A-${person.id}` });
    expect(await failure(h.db.insert(applications).values({ ...values, number: `IDEM-B-${person.id}` }))).toMatch(
      /applications_idempotency|duplicate key/,
    );
  });

  it("refuses an application event for an application of another person", async () => {
    const owner = await createPerson(h.db);
    const other = await createPerson(h.db);
    const service = await createService(h.db, (await createDepartment(h.db)).id);
    const application = await createApplication(h.db, owner.id, service.id);
    const { applicationEvents } = await import("./schema");
    expect(
      await failure(
        h.db.insert(applicationEvents).values({ applicationId: application.id, personId: other.id, toStatus: "accepted" }),
      ),
    ).toMatch(/application_events_application_fk|foreign key/);
  });

  it("never lets an appointment slot be overbooked", async () => {
    const [centre] = await h.db
      .insert(serviceCentres)
      .values({
        code: `c-${Date.now()}`,
        nameZh: "测试中心",
        nameEn: "Test centre",
        addressZh: "测试",
        addressEn: "Test",
        divisionCode: "440304",
        phone: "0755-00000000",
        hoursZh: "9-18",
        hoursEn: "9-18",
      })
      .returning();
    const startsAt = new Date("2026-12-01T01:00:00Z");
    expect(
      await failure(
        h.db.insert(appointmentSlots).values({
          centreId: centre!.id,
          startsAt,
          endsAt: new Date(startsAt.getTime() + 30 * 60_000),
          capacity: 2,
          booked: 3,
        }),
      ),
    ).toMatch(/appointment_slots_capacity/);
  });

  it("requires a licence type exactly for library materials", async () => {
    const service = await createService(h.db, (await createDepartment(h.db)).id);
    expect(
      await failure(
        h.db.insert(serviceMaterials).values({ serviceId: service.id, position: 1, nameZh: "证", nameEn: "Licence", kind: "licence" }),
      ),
    ).toMatch(/service_materials_licence_type/);
  });

  it("keeps a service's promised limit within its legal limit", async () => {
    const dept = await createDepartment(h.db);
    expect(await failure(createService(h.db, dept.id, { promisedLimitDays: 30, legalLimitDays: 20 }))).toMatch(
      /services_limits/,
    );
  });
});

import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db/client";
import { appointmentSlots, appointments, auditLog } from "@/db/schema";
import { centreId, seedCatalogue } from "@/db/seed/catalogue";
import { createTestDatabase } from "@/db/testing";
import { AppError } from "@/lib/errors";
import { citizenActor, createAppointmentSlot, createCitizenUser, createDepartment, createService } from "@/lib/testing/factories";
import { bookAppointment } from "./book-appointment";
import { cancelAppointment } from "./cancel-appointment";
import { listAvailableSlots } from "./list-available-slots";
import { listMyAppointments } from "./list-my-appointments";

let h: DbHandle;
const FUTIAN = centreId("futian");
beforeAll(async () => {
  h = await createTestDatabase();
  await seedCatalogue(h.db);
});
afterAll(async () => {
  await h.close();
});

async function resident() {
  const made = await createCitizenUser(h.db, "Secret2026");
  return { ...made, actor: citizenActor(made) };
}

async function refusal(p: Promise<unknown>): Promise<AppError> {
  const e = await p.then(
    () => null,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(AppError);
  return e as AppError;
}

const bookedOf = async (slotId: string) =>
  (await h.db.select({ booked: appointmentSlots.booked }).from(appointmentSlots).where(eq(appointmentSlots.id, slotId)))[0]?.booked;

describe("booking an appointment", () => {
  it("books a seat, lists it as mine, and writes an audit row", async () => {
    const { person, actor } = await resident();
    const slot = await createAppointmentSlot(h.db, FUTIAN);
    const booked = await bookAppointment(h.db, actor, { serviceCode: "id_card_renewal", slotId: slot.id });
    expect(await bookedOf(slot.id)).toBe(1);
    const mine = await listMyAppointments(h.db, actor);
    expect(mine).toHaveLength(1);
    expect(mine[0]).toMatchObject({ id: booked.id, status: "booked", cancellable: true });
    const audit = await h.db.select().from(auditLog).where(and(eq(auditLog.entityId, booked.id), eq(auditLog.action, "appointment.book")));
    expect(audit).toHaveLength(1);
    expect(audit[0]?.personId).toBe(person.id);
  });

  it("gives the last seat to exactly one of two residents booking at once", async () => {
    const slot = await createAppointmentSlot(h.db, FUTIAN, { capacity: 1 });
    const [a, b] = await Promise.all([resident(), resident()]);
    const results = await Promise.allSettled([
      bookAppointment(h.db, a.actor, { serviceCode: "id_card_renewal", slotId: slot.id }),
      bookAppointment(h.db, b.actor, { serviceCode: "id_card_renewal", slotId: slot.id }),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const failed = results.find((r) => r.status === "rejected");
    expect(failed?.reason).toBeInstanceOf(AppError);
    expect((failed?.reason as AppError).code).toBe("CONFLICT");
    expect(await bookedOf(slot.id)).toBe(1);
    const rows = await h.db.select().from(appointments).where(eq(appointments.slotId, slot.id));
    expect(rows).toHaveLength(1);
  });

  it("never overbooks: eight residents racing for three seats leave three bookings", async () => {
    const slot = await createAppointmentSlot(h.db, FUTIAN, { capacity: 3 });
    const racers = await Promise.all(Array.from({ length: 8 }, () => resident()));
    const results = await Promise.allSettled(
      racers.map((r) => bookAppointment(h.db, r.actor, { serviceCode: "id_card_renewal", slotId: slot.id })),
    );
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(3);
    for (const r of results) if (r.status === "rejected") expect(r.reason).toMatchObject({ code: "CONFLICT", messageKey: "appointments.errors.slotFull" });
    expect(await bookedOf(slot.id)).toBe(3);
  });

  it("refuses a full slot and a slot that has begun", async () => {
    const full = await createAppointmentSlot(h.db, FUTIAN, { capacity: 2, booked: 2 });
    const { actor } = await resident();
    const e = await refusal(bookAppointment(h.db, actor, { serviceCode: "id_card_renewal", slotId: full.id }));
    expect(e).toMatchObject({ code: "CONFLICT", messageKey: "appointments.errors.slotFull" });
    expect(await bookedOf(full.id)).toBe(2);

    const past = await createAppointmentSlot(h.db, FUTIAN, { startsAt: new Date(Date.now() - 3_600_000 - Math.floor(Math.random() * 1e9)) });
    const e2 = await refusal(bookAppointment(h.db, actor, { serviceCode: "id_card_renewal", slotId: past.id }));
    expect(e2.code).toBe("CONFLICT");
  });

  it("refuses a second active booking for the same service, and the same slot twice", async () => {
    const { actor } = await resident();
    const slot = await createAppointmentSlot(h.db, FUTIAN);
    const other = await createAppointmentSlot(h.db, FUTIAN);
    await bookAppointment(h.db, actor, { serviceCode: "id_card_renewal", slotId: slot.id });
    const e = await refusal(bookAppointment(h.db, actor, { serviceCode: "id_card_renewal", slotId: other.id }));
    expect(e).toMatchObject({ code: "CONFLICT", messageKey: "appointments.errors.alreadyBookedService" });
    // Another visit service in the same slot: the partial unique index refuses it.
    const e2 = await refusal(bookAppointment(h.db, actor, { serviceCode: "marriage_registration", slotId: slot.id }));
    expect(e2).toMatchObject({ code: "CONFLICT", messageKey: "appointments.errors.alreadyInSlot" });
    expect(await bookedOf(slot.id)).toBe(1);
    expect(await bookedOf(other.id)).toBe(0);
  });

  it("refuses a service that needs no visit, and a centre that does not accept the service", async () => {
    const { actor } = await resident();
    const slot = await createAppointmentSlot(h.db, FUTIAN);
    const e = await refusal(bookAppointment(h.db, actor, { serviceCode: "residence_permit", slotId: slot.id }));
    expect(e).toMatchObject({ code: "CONFLICT", messageKey: "appointments.errors.noVisitNeeded" });

    const uncovered = await createService(h.db, (await createDepartment(h.db)).id, { requiresVisit: true });
    const e2 = await refusal(bookAppointment(h.db, actor, { serviceCode: uncovered.code, slotId: slot.id }));
    expect(e2).toMatchObject({ code: "CONFLICT", messageKey: "appointments.errors.centreNotCovering" });
    expect(await bookedOf(slot.id)).toBe(0);
    expect(await listAvailableSlots(h.db, actor, { serviceCode: uncovered.code, centreCode: "futian" })).toEqual([]);
    expect(await listAvailableSlots(h.db, actor, { serviceCode: "residence_permit", centreCode: "futian" })).toEqual([]);
  });

  it("refuses staff and malformed input", async () => {
    const { actor } = await resident();
    const clerk = { ...actor, role: "clerk" as const };
    expect((await refusal(bookAppointment(h.db, clerk, { serviceCode: "id_card_renewal", slotId: actor.id }))).code).toBe("FORBIDDEN");
    const e = await refusal(bookAppointment(h.db, actor, { serviceCode: "id_card_renewal", slotId: "nope" }));
    expect(e).toMatchObject({ code: "VALIDATION", fieldErrors: { slotId: "validation.appointments.slotRequired" } });
  });
});

describe("listing available slots", () => {
  it("lists future slots with seats left at a covering centre, grouped by China date", async () => {
    const { actor } = await resident();
    const centre = centreId("luohu");
    const open = await createAppointmentSlot(h.db, centre, { startsAt: new Date("2099-03-02T01:00:00Z"), capacity: 3, booked: 1 });
    await createAppointmentSlot(h.db, centre, { startsAt: new Date("2099-03-02T01:30:00Z"), capacity: 1, booked: 1 });
    const evening = await createAppointmentSlot(h.db, centre, { startsAt: new Date("2099-03-02T17:00:00Z") });
    const days = await listAvailableSlots(h.db, actor, { serviceCode: "id_card_renewal", centreCode: "luohu" });
    const far = days.filter((d) => d.day.startsWith("2099-03"));
    expect(far).toEqual([
      { day: "2099-03-02", slots: [expect.objectContaining({ id: open.id, seatsLeft: 2 })] },
      { day: "2099-03-03", slots: [expect.objectContaining({ id: evening.id, seatsLeft: 3 })] },
    ]);
  });
});

describe("cancelling an appointment", () => {
  it("frees the seat, marks it cancelled, and a second cancel is a conflict", async () => {
    const { actor } = await resident();
    const slot = await createAppointmentSlot(h.db, FUTIAN, { capacity: 1 });
    const booked = await bookAppointment(h.db, actor, { serviceCode: "id_card_renewal", slotId: slot.id });
    expect(await bookedOf(slot.id)).toBe(1);
    await cancelAppointment(h.db, actor, { appointmentId: booked.id });
    expect(await bookedOf(slot.id)).toBe(0);
    const [row] = await h.db.select().from(appointments).where(eq(appointments.id, booked.id));
    expect(row?.status).toBe("cancelled");
    const audit = await h.db.select().from(auditLog).where(and(eq(auditLog.entityId, booked.id), eq(auditLog.action, "appointment.cancel")));
    expect(audit).toHaveLength(1);
    expect((await refusal(cancelAppointment(h.db, actor, { appointmentId: booked.id }))).code).toBe("CONFLICT");

    // The freed seat can be taken again, by the same resident too.
    await bookAppointment(h.db, actor, { serviceCode: "id_card_renewal", slotId: slot.id });
    expect(await bookedOf(slot.id)).toBe(1);
  });

  it("does not reveal someone else's appointment", async () => {
    const owner = await resident();
    const other = await resident();
    const slot = await createAppointmentSlot(h.db, FUTIAN);
    const booked = await bookAppointment(h.db, owner.actor, { serviceCode: "id_card_renewal", slotId: slot.id });
    const e = await refusal(cancelAppointment(h.db, other.actor, { appointmentId: booked.id }));
    expect(e.code).toBe("NOT_FOUND");
    expect(await bookedOf(slot.id)).toBe(1);
    expect(await listMyAppointments(h.db, other.actor)).toEqual([]);
  });
});

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db/client";
import { createTestDatabase } from "@/db/testing";
import type { Actor } from "@/lib/auth/actor";
import { AppError } from "@/lib/errors";
import { createCitizenUser } from "@/lib/testing/factories";
import { attemptSignIn } from "./login";
import { confirmResidentEnrolment, getSecondFactorStatus, startResidentEnrolment, turnOffResidentSecondFactor } from "./resident-second-factor";
import { totpCodeAt } from "./totp-code";

let h: DbHandle;
beforeAll(async () => {
  h = await createTestDatabase();
});
afterAll(async () => {
  await h.close();
});

const PASSWORD = "Resident#Opt-in-2026";

describe("a resident opts in to two-step verification, and out again", () => {
  it("on: QR secret, first code, recovery codes; sign-in then asks for a code; off takes a current code", async () => {
    const { person, user } = await createCitizenUser(h.db, PASSWORD);
    const actor: Actor = { id: user.id, role: "citizen", displayName: user.displayName, personId: person.id, departmentId: null, centreId: null };
    const t0 = new Date("2026-11-26T02:00:00Z");
    expect(await getSecondFactorStatus(h.db, actor)).toEqual({ enabled: false });

    const { secret, qr } = await startResidentEnrolment(h.db, actor);
    expect(qr).toMatch(/^data:image\/svg\+xml;base64,/);
    await expect(confirmResidentEnrolment(h.db, actor, { code: "000000" }, t0)).rejects.toBeInstanceOf(AppError);
    const { recoveryCodes } = await confirmResidentEnrolment(h.db, actor, { code: totpCodeAt(secret, t0) }, t0);
    expect(recoveryCodes).toHaveLength(10);
    expect(await getSecondFactorStatus(h.db, actor)).toEqual({ enabled: true });
    await expect(startResidentEnrolment(h.db, actor)).rejects.toMatchObject({ code: "CONFLICT" });

    const later = new Date(t0.getTime() + 120_000);
    expect(await attemptSignIn(h.db, { door: "citizen", login: person.idNumber, password: PASSWORD, address: "198.18.0.1" }, later)).toEqual({ ok: false, reason: "code_required" });

    await expect(turnOffResidentSecondFactor(h.db, actor, { code: "123456" }, later)).rejects.toMatchObject({ code: "VALIDATION" });
    await turnOffResidentSecondFactor(h.db, actor, { code: totpCodeAt(secret, later) }, later);
    expect(await getSecondFactorStatus(h.db, actor)).toEqual({ enabled: false });
    const plain = await attemptSignIn(h.db, { door: "citizen", login: person.idNumber, password: PASSWORD, address: "198.18.0.2" }, later);
    expect(plain.ok && plain.secondFactor).toBe("none");
  });
});

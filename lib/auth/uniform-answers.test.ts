import { createTranslator } from "use-intl/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db/client";
import { createTestDatabase } from "@/db/testing";
import type { AppError } from "@/lib/errors";
import enErrors from "@/lib/i18n/messages/en/errors.json";
import zhErrors from "@/lib/i18n/messages/zh-CN/errors.json";
import { createCitizenUser, createDepartment, createPerson, createStaffUser } from "@/lib/testing/factories";
import { activateCitizenAccount } from "./activate-account";
import { attemptSignIn, type Door, type LoginResult } from "./login";
import { signInRefusal } from "./sign-in-error";

/**
 * Account and register membership must not leak through the answers (issue 15): the same
 * words, byte for byte, for a known and an unknown account over a run of failures that goes
 * through throttling and the lock; and no timing difference a person could measure.
 */
let h: DbHandle;
beforeAll(async () => {
  h = await createTestDatabase();
});
afterAll(async () => {
  await h.close();
});

const zh = createTranslator({ locale: "zh-CN", messages: { errors: zhErrors } });
const en = createTranslator({ locale: "en", messages: { errors: enErrors } });
type T = (key: string, params?: Record<string, string | number>) => string;

/** What a person reads for an attempt, in both languages, as the sign-in action answers it. */
function answerOf(result: LoginResult): string {
  if (result.ok) return "signed in";
  if (result.reason === "code_required" || result.reason === "enrol") return result.reason;
  const e = signInRefusal(result);
  return JSON.stringify({ code: e.code, zh: (zh as unknown as T)(e.messageKey, e.params), en: (en as unknown as T)(e.messageKey, e.params) });
}

async function answersOver(door: Door, login: string, address: string, t0: Date): Promise<string[]> {
  const out: string[] = [];
  // Ten attempts 11 s apart: invalid ×3, throttled (30 s after the 3rd), invalid, throttled, the 5th failure locks.
  for (let i = 0; i < 10; i++) {
    const at = new Date(t0.getTime() + i * 11_000);
    out.push(answerOf(await attemptSignIn(h.db, { door, login, password: "Wrong#Password-1", address }, at)));
  }
  return out;
}

describe("byte-identical answers for known and unknown accounts", () => {
  it("at the residents' door, over 10 failed attempts", async () => {
    const { person } = await createCitizenUser(h.db, "Known#Account-2026");
    const t0 = new Date("2026-11-22T02:00:00Z");
    const known = await answersOver("citizen", person.idNumber, "203.0.113.1", t0);
    const unknown = await answersOver("citizen", "11010519491231002X", "203.0.113.2", t0);
    expect(known).toEqual(unknown);
    // The run really went through every kind of refusal, with real minutes.
    expect(known.join("\n")).toContain("账号或密码错误");
    expect(known.join("\n")).toContain("每次失败后须等待 30 秒");
    expect(known.join("\n")).toContain("请 15 分钟后再试");
    expect(known.join("\n")).not.toContain("NaN");
  });

  it("at the staff door, over 10 failed attempts", async () => {
    const dept = await createDepartment(h.db);
    const clerk = await createStaffUser(h.db, "Known#Account-2026", { departmentId: dept.id });
    const t0 = new Date("2026-11-22T03:00:00Z");
    expect(await answersOver("staff", clerk.staffNo!, "203.0.113.3", t0)).toEqual(await answersOver("staff", "ZZ999999", "203.0.113.4", t0));
  });

  it("at activation: a registered ID with a wrong phone answers as an unregistered ID, lock included", async () => {
    const person = await createPerson(h.db);
    const t0 = new Date("2026-11-22T04:00:00Z");
    const run = async (idNumber: string, name: string, address: string) => {
      const out: string[] = [];
      for (let i = 0; i < 10; i++) {
        const at = new Date(t0.getTime() + i * 7_000);
        try {
          await activateCitizenAccount(h.db, { idNumber, name, phone: "13800000000", password: "x", confirmPassword: "x" }, at, address);
          out.push("activated");
        } catch (e) {
          const err = e as AppError;
          out.push(`${err.code} ${(zh as unknown as T)(err.messageKey, err.params)}`);
        }
      }
      return out;
    };
    const registered = await run(person.idNumber, person.name, "203.0.113.5");
    const stranger = await run("11010519491231002X", "张三", "203.0.113.6");
    expect(registered).toEqual(stranger);
    expect(registered.at(-1)).toBe("RATE_LIMITED 核验失败次数过多，请 30 分钟后再试。");
  });
});

describe("the same timing for known and unknown accounts", () => {
  const median = (xs: number[]) => {
    const s = [...xs].sort((a, b) => a - b);
    return s[Math.floor(s.length / 2)] ?? 0;
  };
  async function timed(f: () => Promise<unknown>): Promise<number> {
    const started = performance.now();
    await f();
    return performance.now() - started;
  }

  it("known and unknown within 40% of each other (paired medians), where skipping the hash is told apart", async () => {
    const rounds = 16;
    const known: number[] = [];
    const unknown: number[] = [];
    const refusedEarly: number[] = [];
    const now = new Date("2026-11-22T05:00:00Z");
    // Warm up the argon2 binding and the query plans.
    await attemptSignIn(h.db, { door: "citizen", login: "11010519491231002X", password: "warm-up", address: "192.0.2.250" }, now);
    for (let i = 0; i < rounds; i++) {
      const { person } = await createCitizenUser(h.db, "Known#Account-2026");
      const stranger = await createPerson(h.db);
      const address = `192.0.2.${i + 1}`;
      // Alternate the order so drift on a shared machine falls on both sides.
      const a = () => timed(() => attemptSignIn(h.db, { door: "citizen", login: person.idNumber, password: "Wrong#Password-1", address }, now));
      const b = () => timed(() => attemptSignIn(h.db, { door: "citizen", login: stranger.idNumber, password: "Wrong#Password-1", address: `${address}0` }, now));
      if (i % 2 === 0) {
        known.push(await a());
        unknown.push(await b());
      } else {
        unknown.push(await b());
        known.push(await a());
      }
      // The test's power: an answer that skips the hash (here, an address already locked out) is measurably faster.
      refusedEarly.push(await timed(() => attemptSignIn(h.db, { door: "citizen", login: stranger.idNumber, password: "x", address: "192.0.2.254" }, now)));
      if (i === 0) {
        for (let k = 0; k < 100; k++) {
          await attemptSignIn(h.db, { door: "citizen", login: `lock${k}`, password: "x", address: "192.0.2.254" }, new Date(now.getTime() - 60_000));
        }
      }
    }
    // Paired: each round's known/unknown ratio, so a busy moment on the shared machine slows both.
    const ratio = median(known.map((k, i) => k / (unknown[i] ?? k)));
    const early = median(refusedEarly.slice(1).map((r, i) => r / (unknown[i + 1] ?? r)));
    const summary = `known ${median(known).toFixed(1)} ms, unknown ${median(unknown).toFixed(1)} ms, hash skipped ${median(refusedEarly.slice(1)).toFixed(1)} ms`;
    expect(ratio, summary).toBeGreaterThan(0.6);
    expect(ratio, summary).toBeLessThan(1 / 0.6);
    expect(early, summary).toBeLessThan(0.5);
  });
});

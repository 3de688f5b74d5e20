import { describe, expect, it } from "vitest";
import { activationSchema, citizenSignInSchema, staffSignInSchema } from "./schemas";

const messageOf = (r: { success: boolean; error?: { issues: { message: string }[] } }) => r.error?.issues[0]?.message;

describe("citizen sign-in input", () => {
  it("accepts a valid ID number and normalises a lower-case x", () => {
    const r = citizenSignInSchema.safeParse({ login: " 11010519491231002x ", password: "p" });
    expect(r.success && r.data.login).toBe("11010519491231002X");
  });

  it.each([
    ["1101051949123100", "idNumber.length"],
    ["11010519491231002Y", "idNumber.characters"],
    ["110105194902290021", "idNumber.birth_date"],
    ["110105194912310021", "idNumber.check_char"],
    ["000105194912310020", "idNumber.division"],
  ])("refuses %s with %s", (login, message) => {
    expect(messageOf(citizenSignInSchema.safeParse({ login, password: "p" }))).toBe(message);
  });

  it("requires a password", () => {
    expect(messageOf(citizenSignInSchema.safeParse({ login: "11010519491231002X", password: "" }))).toBe("password.required");
  });
});

describe("staff sign-in input", () => {
  it("upper-cases the staff number", () => {
    const r = staffSignInSchema.safeParse({ login: "psb001", password: "p" });
    expect(r.success && r.data.login).toBe("PSB001");
  });
  it("refuses a malformed staff number", () => {
    expect(messageOf(staffSignInSchema.safeParse({ login: "12345", password: "p" }))).toBe("staffNo.format");
  });
});

describe("activation input", () => {
  const valid = {
    idNumber: "11010519491231002X",
    name: "张三",
    phone: "13912345678",
    password: "abc12345",
    confirmPassword: "abc12345",
  };
  it("accepts a complete, consistent form", () => {
    expect(activationSchema.safeParse(valid).success).toBe(true);
  });
  it.each([
    [{ password: "abcdefgh", confirmPassword: "abcdefgh" }, "password.needsDigit"],
    [{ password: "12345678", confirmPassword: "12345678" }, "password.needsLetter"],
    [{ password: "ab1", confirmPassword: "ab1" }, "password.tooShort"],
    [{ confirmPassword: "abc12346" }, "password.mismatch"],
    [{ phone: "12912345678" }, "phone.format"],
    [{ name: " " }, "name.required"],
  ])("refuses %o with %s", (change, message) => {
    expect(messageOf(activationSchema.safeParse({ ...valid, ...change }))).toBe(message);
  });
});

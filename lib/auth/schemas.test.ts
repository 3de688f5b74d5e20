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
    password: "OneWindow#2026",
    confirmPassword: "OneWindow#2026",
  };
  it("accepts a complete, consistent form (the README's demo password passes the policy)", () => {
    expect(activationSchema.safeParse(valid).success).toBe(true);
  });
  it.each([
    [{ password: "short pass1", confirmPassword: "short pass1" }, "password.tooShort"],
    [{ password: "x".repeat(129), confirmPassword: "x".repeat(129) }, "password.tooLong"],
    [{ confirmPassword: "OneWindow#2027" }, "password.mismatch"],
    [{ password: "A\u0000B_long_enough", confirmPassword: "A\u0000B_long_enough" }, "password.control"],
    [{ password: "line one\nline two", confirmPassword: "line one\nline two" }, "password.control"],
    [{ password: "        " + "    1a", confirmPassword: "        " + "    1a" }, "password.repetitive"],
    [{ password: "123456789012", confirmPassword: "123456789012" }, "password.sequential"],
    [{ password: "my id 11010519491231002X", confirmPassword: "my id 11010519491231002X" }, "password.personal"],
    [{ password: "born19491231!!", confirmPassword: "born19491231!!" }, "password.personal"],
    [{ phone: "12912345678" }, "phone.format"],
    [{ name: " " }, "name.required"],
  ])("refuses %o with %s", (change, message) => {
    expect(messageOf(activationSchema.safeParse({ ...valid, ...change }))).toBe(message);
  });
  it("asks for no composition: a long lower-case sentence, Chinese and emoji are all fine", () => {
    for (const password of ["correct horse battery staple", "我家门前有两棵树，一棵是枣树，另一棵也是枣树", "🐼🐼 bamboo for breakfast"]) {
      expect(activationSchema.safeParse({ ...valid, password, confirmPassword: password }).success, password).toBe(true);
    }
  });
  it("counts characters, not UTF-16 units: 11 emoji are too short", () => {
    const password = "🐼🐉🍜🏮🧧🎋🌸🍵🥟🎐🪁";
    expect(messageOf(activationSchema.safeParse({ ...valid, password, confirmPassword: password }))).toBe("password.tooShort");
  });
});

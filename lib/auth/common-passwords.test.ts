import { describe, expect, it } from "vitest";
import list from "./passwords/common-passwords.json";
import { isCommonPassword } from "./common-passwords";

describe("the shipped list of common and breached passwords", () => {
  it("holds at least 10,000 entries", () => {
    expect(list.length).toBeGreaterThanOrEqual(10_000);
  });

  it.each(["password1234", "1qaz2wsx3edc", "PASSWORD1234", "Password2026!", "zhang19900101", "!!dragon123456", "woaini1314520", "iloveyou2026"])(
    "refuses %s",
    (password) => {
      expect(isCommonPassword(password)).toBe(true);
    },
  );

  it.each(["OneWindow#2026", "correct horse battery staple", "我家门前有两棵树，一棵是枣树", "Lotus-Harbour-1997"])("lets %s through", (password) => {
    expect(isCommonPassword(password)).toBe(false);
  });
});

import { describe, expect, it } from "vitest";

import { isValidUscc, makeUscc, normalizeUscc, usccCheckChar } from "./uscc";

const ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
const KNOWN_GOOD = ["11100000000013338W", "11330105002500287C", "113700000045046442"];

describe("usccCheckChar", () => {
  it.each(KNOWN_GOOD)("computes the check char of %s", (code) => {
    expect(usccCheckChar(code.slice(0, 17))).toBe(code.charAt(17));
  });

  it("maps a remainder of 0 (31) to check char 0", () => {
    expect(usccCheckChar("91440300MA5000005")).toBe("0");
  });

  it("can yield the last alphabet letter Y", () => {
    expect(usccCheckChar("91110000MA0000014")).toBe("Y");
  });

  it("throws on wrong length or characters outside the alphabet", () => {
    expect(() => usccCheckChar("1110000000001333")).toThrow(RangeError);
    for (const bad of "IOSVZ") {
      expect(() => usccCheckChar(`1110000000001333${bad}`)).toThrow(RangeError);
    }
    expect(() => usccCheckChar("1110000000001333a")).toThrow(RangeError);
  });
});

describe("isValidUscc", () => {
  it.each(KNOWN_GOOD)("accepts %s", (code) => {
    expect(isValidUscc(code)).toBe(true);
  });

  it("accepts check chars 0 and Y", () => {
    expect(isValidUscc("91440300MA50000050")).toBe(true);
    expect(isValidUscc("91110000MA0000014Y")).toBe(true);
  });

  it("rejects wrong length, empty input and excluded letters", () => {
    expect(isValidUscc("")).toBe(false);
    expect(isValidUscc("11100000000013338")).toBe(false);
    expect(isValidUscc("11100000000013338W0")).toBe(false);
    expect(isValidUscc("1110000000001333IW")).toBe(false);
  });

  it("is strict about case and whitespace; normalizeUscc fixes both", () => {
    expect(isValidUscc("11330105002500287c")).toBe(false);
    expect(isValidUscc(" 11100000000013338W")).toBe(false);
    expect(isValidUscc(normalizeUscc(" 11330105002500287c\t"))).toBe(true);
  });

  it("detects every single-character substitution", () => {
    for (const code of KNOWN_GOOD) {
      for (let pos = 0; pos < 18; pos++) {
        for (const c of ALPHABET) {
          if (c === code.charAt(pos)) continue;
          const tampered = `${code.slice(0, pos)}${c}${code.slice(pos + 1)}`;
          expect(isValidUscc(tampered), tampered).toBe(false);
        }
      }
    }
  });
});

describe("makeUscc", () => {
  it("appends the check char", () => {
    for (const code of KNOWN_GOOD) expect(makeUscc(code.slice(0, 17))).toBe(code);
  });

  it("produces valid codes for arbitrary bodies", () => {
    let seed = 32100;
    for (let i = 0; i < 500; i++) {
      let body = "";
      for (let j = 0; j < 17; j++) {
        seed = (seed * 1103515245 + 12345) % 2147483648;
        body += ALPHABET.charAt(seed % 31);
      }
      expect(isValidUscc(makeUscc(body)), body).toBe(true);
    }
  });

  it("throws on invalid characters", () => {
    expect(() => makeUscc("1110000000001333O")).toThrow(RangeError);
    expect(() => makeUscc("111000000000133")).toThrow(RangeError);
  });
});

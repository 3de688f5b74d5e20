import { describe, expect, it } from "vitest";

import {
  isValidLicenceIdentifier,
  licenceIdentifierCheckChar,
  makeLicenceIdentifier,
  parseLicenceIdentifier,
} from "./licence-identifier";
import { makeUscc } from "./uscc";

// Worked example from GB/T 36904-2018.
const EXAMPLE = "1.2.156.3005.2.11100000000013338W011.11430000006122244L.20230000403.001.U";
const PARTS = {
  typeCode: "11100000000013338W011",
  issuerUscc: "11430000006122244L",
  serial: "20230000403",
  version: 1,
};
const ALNUM = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";

function expectError(input: string, error: string) {
  expect(parseLicenceIdentifier(input)).toEqual({ ok: false, error });
}

describe("licenceIdentifierCheckChar", () => {
  it("yields U for the standard's example", () => {
    const body = `${PARTS.typeCode}${PARTS.issuerUscc}${PARTS.serial}001`;
    expect(body).toBe("11100000000013338W01111430000006122244L20230000403001");
    expect(licenceIdentifierCheckChar(body)).toBe("U");
  });

  it("satisfies the MOD 37,36 residue for every possible check char", () => {
    // Appending the check char and running the recurrence once more must leave P = 1 mod 36.
    for (const body of ["0", "Z", "A1B2C3", "11100000000013338W011"]) {
      const c = licenceIdentifierCheckChar(body);
      let p = 36;
      for (const ch of body) {
        let s = (p + ALNUM.indexOf(ch)) % 36;
        if (s === 0) s = 36;
        p = (2 * s) % 37;
      }
      expect((p + ALNUM.indexOf(c)) % 36).toBe(1);
    }
  });

  it("throws on dots, lowercase or empty input", () => {
    expect(() => licenceIdentifierCheckChar("")).toThrow(RangeError);
    expect(() => licenceIdentifierCheckChar("ab")).toThrow(RangeError);
    expect(() => licenceIdentifierCheckChar("1.2")).toThrow(RangeError);
  });
});

describe("parseLicenceIdentifier", () => {
  it("accepts the standard's example", () => {
    expect(parseLicenceIdentifier(EXAMPLE)).toEqual({ ok: true, value: PARTS });
    expect(isValidLicenceIdentifier(EXAMPLE)).toBe(true);
  });

  it("tolerates surrounding whitespace and lowercase", () => {
    expect(parseLicenceIdentifier(`  ${EXAMPLE.toLowerCase()} `)).toEqual({ ok: true, value: PARTS });
  });

  it.each([
    ["empty", ""],
    ["wrong OID prefix", EXAMPLE.replace("1.2.156.3005.2.", "1.2.156.3005.1.")],
    ["missing check char", EXAMPLE.slice(0, -2)],
    ["extra component", `${EXAMPLE}.0`],
    ["short type code", EXAMPLE.replace("W011.", "W01.")],
    ["non-digit type number", EXAMPLE.replace("W011.", "W01A.")],
    ["short issuer", EXAMPLE.replace("244L.", "24L.")],
    ["empty serial", EXAMPLE.replace(".20230000403.", "..")],
    ["serial over 32 chars", EXAMPLE.replace("20230000403", "1".repeat(33))],
    ["serial with punctuation", EXAMPLE.replace("20230000403", "2023-0000403")],
    ["two-digit version", EXAMPLE.replace(".001.", ".01.")],
  ])("reports format for %s", (_name, input) => {
    expectError(input, "format");
  });

  it("detects every single-character substitution", () => {
    for (let pos = 0; pos < EXAMPLE.length; pos++) {
      if (EXAMPLE.charAt(pos) === ".") continue;
      for (const c of ALNUM) {
        if (c === EXAMPLE.charAt(pos)) continue;
        const tampered = `${EXAMPLE.slice(0, pos)}${c}${EXAMPLE.slice(pos + 1)}`;
        expect(isValidLicenceIdentifier(tampered), tampered).toBe(false);
      }
    }
  });

  it("reports check_char when only the check char is wrong", () => {
    expectError(`${EXAMPLE.slice(0, -1)}V`, "check_char");
  });

  it("reports check_char when the serial or version is tampered", () => {
    expectError(EXAMPLE.replace("20230000403", "20230000404"), "check_char");
    expectError(EXAMPLE.replace(".001.", ".002."), "check_char");
  });

  it("reports issuer when the issuer is not a valid USCC, even with a matching check char", () => {
    const badIssuer = "11430000006122244M";
    const check = licenceIdentifierCheckChar(`${PARTS.typeCode}${badIssuer}${PARTS.serial}001`);
    expectError(`1.2.156.3005.2.${PARTS.typeCode}.${badIssuer}.${PARTS.serial}.001.${check}`, "issuer");
  });

  it("reports type_code when the defining authority is not a valid USCC", () => {
    const badType = "11100000000013338X011";
    const check = licenceIdentifierCheckChar(`${badType}${PARTS.issuerUscc}${PARTS.serial}001`);
    expectError(`1.2.156.3005.2.${badType}.${PARTS.issuerUscc}.${PARTS.serial}.001.${check}`, "type_code");
  });
});

describe("makeLicenceIdentifier", () => {
  it("reproduces the standard's example", () => {
    expect(makeLicenceIdentifier(PARTS)).toBe(EXAMPLE);
  });

  it("zero-pads the version", () => {
    expect(makeLicenceIdentifier({ ...PARTS, version: 0 })).toContain(".000.");
    expect(makeLicenceIdentifier({ ...PARTS, version: 42 })).toContain(".042.");
    expect(makeLicenceIdentifier({ ...PARTS, version: 999 })).toContain(".999.");
  });

  it("round-trips generated identifiers", () => {
    let seed = 36904;
    const next = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % n;
    };
    for (let i = 0; i < 300; i++) {
      const authority = makeUscc(`1110000000${String(next(1e7)).padStart(7, "0")}`);
      const issuer = makeUscc(`1${String(next(1e8)).padStart(8, "0")}MA${String(next(1e6)).padStart(6, "0")}`);
      let serial = "";
      const length = 1 + next(32);
      for (let j = 0; j < length; j++) serial += ALNUM.charAt(next(36));
      const parts = {
        typeCode: `${authority}${String(next(1000)).padStart(3, "0")}`,
        issuerUscc: issuer,
        serial,
        version: next(1000),
      };
      const id = makeLicenceIdentifier(parts);
      expect(parseLicenceIdentifier(id), id).toEqual({ ok: true, value: parts });
    }
  });

  it("rejects invalid components", () => {
    expect(() => makeLicenceIdentifier({ ...PARTS, typeCode: "11100000000013338W01" })).toThrow(RangeError);
    expect(() => makeLicenceIdentifier({ ...PARTS, typeCode: "11100000000013338X011" })).toThrow(RangeError);
    expect(() => makeLicenceIdentifier({ ...PARTS, issuerUscc: "11430000006122244M" })).toThrow(RangeError);
    expect(() => makeLicenceIdentifier({ ...PARTS, serial: "" })).toThrow(RangeError);
    expect(() => makeLicenceIdentifier({ ...PARTS, serial: "abc" })).toThrow(RangeError);
    expect(() => makeLicenceIdentifier({ ...PARTS, serial: "1".repeat(33) })).toThrow(RangeError);
    expect(() => makeLicenceIdentifier({ ...PARTS, version: 1000 })).toThrow(RangeError);
    expect(() => makeLicenceIdentifier({ ...PARTS, version: -1 })).toThrow(RangeError);
    expect(() => makeLicenceIdentifier({ ...PARTS, version: 1.5 })).toThrow(RangeError);
  });
});

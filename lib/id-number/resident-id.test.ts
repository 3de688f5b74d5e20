import { describe, expect, it } from "vitest";

import {
  isValidResidentId,
  makeResidentId,
  maskResidentId,
  parseResidentId,
  residentIdCheckChar,
} from "./resident-id";

// Fixed so that future-date tests do not depend on when the suite runs.
const TODAY = new Date("2024-06-01T12:00:00+08:00");

/** Builds an id with a correct check char but arbitrary (possibly invalid) fields. */
function withCheck(first17: string): string {
  return `${first17}${residentIdCheckChar(first17)}`;
}

function expectError(input: string, error: string, today: Date = TODAY): { detail?: string } {
  const result = parseResidentId(input, today);
  expect(result).toMatchObject({ ok: false, error });
  return result.ok ? {} : result;
}

// Deterministic PRNG (mulberry32) so failures are reproducible.
function rng(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe("residentIdCheckChar", () => {
  it.each([
    ["11010519491231002", "X"],
    ["44052418800101001", "4"],
    ["34052419800101001", "X"],
  ])("%s -> %s", (first17, check) => {
    expect(residentIdCheckChar(first17)).toBe(check);
  });

  it("rejects anything but 17 digits", () => {
    expect(() => residentIdCheckChar("1101051949123100")).toThrow(RangeError);
    expect(() => residentIdCheckChar("1101051949123100A")).toThrow(RangeError);
  });
});

describe("parseResidentId", () => {
  it.each(["11010519491231002X", "440524188001010014", "34052419800101001X"])(
    "accepts known-good %s",
    (id) => {
      expect(parseResidentId(id, TODAY)).toMatchObject({ ok: true, value: { id } });
      expect(isValidResidentId(id)).toBe(true);
    },
  );

  it("extracts the fields", () => {
    expect(parseResidentId("11010519491231002X", TODAY)).toEqual({
      ok: true,
      value: {
        id: "11010519491231002X",
        divisionCode: "110105",
        birthDate: "1949-12-31",
        sex: "female",
        sequence: "002",
        foreignPermanentResident: false,
      },
    });
    const male = parseResidentId("440524188001010014", TODAY);
    expect(male.ok && male.value.sex).toBe("male");
    expect(male.ok && male.value.birthDate).toBe("1880-01-01");
  });

  it("accepts a lowercase trailing x and surrounding whitespace", () => {
    const result = parseResidentId("  11010519491231002x\n", TODAY);
    expect(result).toMatchObject({ ok: true, value: { id: "11010519491231002X" } });
  });

  it("reports empty input and wrong length", () => {
    expectError("   ", "empty");
    expect(expectError("1101051949123100", "length").detail).toBe("16");
    expectError("11010519491231002X1", "length");
  });

  it("reports bad characters", () => {
    expectError("11010519491231002A", "characters");
    expectError("1101051949123100XX", "characters");
    expectError("X10105194912310021", "characters");
    expectError("11010519491231002Ｘ", "characters");
  });

  it.each(["00", "10", "16", "20", "24", "38", "47", "55", "66", "72", "80", "84"])(
    "rejects province prefix %s",
    (prefix) => {
      const result = expectError(withCheck(`${prefix}010519800101001`), "division");
      expect(result.detail).toBe(`${prefix}0105`);
    },
  );

  it.each(["110103", "110104", "320102", "419001", "110102", "659099"])(
    "accepts retired or unlisted division %s under a valid province",
    (division) => {
      expect(parseResidentId(makeResidentId(division, "1970-03-15", 17), TODAY).ok).toBe(true);
    },
  );

  it.each(["19490229", "19000229", "19001329", "19800100", "19800431", "18491231", "00000101"])(
    "rejects impossible birth date %s",
    (ymd) => {
      const result = expectError(withCheck(`110105${ymd}002`), "birth_date");
      expect(result.detail).toBe(ymd);
    },
  );

  it.each(["20000229", "19040229", "18500101"])("accepts boundary birth date %s", (ymd) => {
    expect(parseResidentId(withCheck(`110105${ymd}002`), TODAY).ok).toBe(true);
  });

  it("rejects a birth date after today", () => {
    expect(parseResidentId(withCheck("11010520240601002"), TODAY).ok).toBe(true);
    const result = expectError(withCheck("11010520240602002"), "future_birth_date");
    expect(result.detail).toBe("2024-06-02");
    expectError(withCheck("11010529991231002"), "future_birth_date");
  });

  it("uses the China calendar date for 'today'", () => {
    // 16:30 UTC on 1 June is already 2 June in Beijing.
    const lateUtc = new Date("2024-06-01T16:30:00Z");
    expect(parseResidentId(withCheck("11010520240602002"), lateUtc).ok).toBe(true);
    expectError(withCheck("11010520240603002"), "future_birth_date", lateUtc);
  });

  it("defaults today to now", () => {
    expect(isValidResidentId(withCheck("11010529991231002"))).toBe(false);
    expect(isValidResidentId(withCheck("11010520000101002"))).toBe(true);
  });

  it("reports a wrong check char with the expected one", () => {
    const result = expectError("110105194912310021", "check_char");
    expect(result.detail).toBe("X");
    expect(expectError("440524188001010015", "check_char").detail).toBe("4");
  });

  it("accepts the 2023 foreigner permanent-residence number", () => {
    const id = makeResidentId("931840", "1990-05-17", 124);
    expect(id.startsWith("931840199005171")).toBe(true);
    expect(parseResidentId(id, TODAY)).toEqual({
      ok: true,
      value: {
        id,
        divisionCode: "931840",
        birthDate: "1990-05-17",
        sex: "female",
        sequence: "124",
        foreignPermanentResident: true,
      },
    });
    // Same birth-date and check-char rules still apply.
    expectError(withCheck("93184019900230124"), "birth_date");
    const wrong = `${id.slice(0, 17)}${id.endsWith("0") ? "1" : "0"}`;
    expectError(wrong, "check_char");
  });

  it("detects every single-character substitution", () => {
    for (const id of ["11010519491231002X", "440524188001010014", "34052419800101001X"]) {
      for (let pos = 0; pos < 18; pos++) {
        for (const c of "0123456789X") {
          if (c === id.charAt(pos)) continue;
          const tampered = `${id.slice(0, pos)}${c}${id.slice(pos + 1)}`;
          expect(parseResidentId(tampered, TODAY).ok, tampered).toBe(false);
        }
      }
    }
  });

  it("detects every adjacent transposition of distinct digits", () => {
    const id = "34052419800101001X";
    for (let pos = 0; pos < 16; pos++) {
      const a = id.charAt(pos);
      const b = id.charAt(pos + 1);
      if (a === b) continue;
      const swapped = `${id.slice(0, pos)}${b}${a}${id.slice(pos + 2)}`;
      expect(parseResidentId(swapped, TODAY).ok, swapped).toBe(false);
    }
  });
});

describe("makeResidentId", () => {
  it("reproduces the known-good ids", () => {
    expect(makeResidentId("110105", "1949-12-31", 2)).toBe("11010519491231002X");
    expect(makeResidentId("440524", "1880-01-01", 1)).toBe("440524188001010014");
  });

  it("rejects malformed input", () => {
    expect(() => makeResidentId("11010", "1949-12-31", 2)).toThrow(RangeError);
    expect(() => makeResidentId("110105", "19491231", 2)).toThrow(RangeError);
    expect(() => makeResidentId("110105", "1949-02-29", 2)).toThrow(RangeError);
    expect(() => makeResidentId("110105", "1849-12-31", 2)).toThrow(RangeError);
    expect(() => makeResidentId("110105", "1949-12-31", 1000)).toThrow(RangeError);
    expect(() => makeResidentId("110105", "1949-12-31", -1)).toThrow(RangeError);
    expect(() => makeResidentId("110105", "1949-12-31", 1.5)).toThrow(RangeError);
  });

  it("round-trips 1000 generated ids through parseResidentId", () => {
    const provinces = ["11", "13", "23", "31", "37", "44", "46", "50", "54", "65", "71", "81", "83", "9"];
    const next = rng(11643);
    const start = Date.UTC(1850, 0, 1);
    const span = Date.UTC(2024, 5, 1) - start;
    for (let i = 0; i < 1000; i++) {
      const prefix = provinces[Math.floor(next() * provinces.length)] ?? "11";
      const division = `${prefix}${String(Math.floor(next() * 1e6)).padStart(6, "0")}`.slice(0, 6);
      const birthDate = new Date(start + Math.floor(next() * span)).toISOString().slice(0, 10);
      const sequence = Math.floor(next() * 1000);
      const id = makeResidentId(division, birthDate, sequence);
      const result = parseResidentId(id, TODAY);
      expect(result, id).toEqual({
        ok: true,
        value: {
          id,
          divisionCode: division,
          birthDate,
          sex: sequence % 2 === 1 ? "male" : "female",
          sequence: String(sequence).padStart(3, "0"),
          foreignPermanentResident: prefix === "9",
        },
      });
    }
  });
});

describe("maskResidentId", () => {
  it("keeps the division code and last two chars of an 18-char id", () => {
    expect(maskResidentId("44030419900101123X")).toBe("440304**********3X");
    expect(maskResidentId("11010519491231002X")).toBe("110105**********2X");
  });

  it("masks all but the last two chars of other lengths", () => {
    expect(maskResidentId("123456789012345")).toBe("*************45");
    expect(maskResidentId("abc")).toBe("*bc");
  });

  it("never reveals a string of two chars or fewer", () => {
    expect(maskResidentId("")).toBe("");
    expect(maskResidentId("1")).toBe("*");
    expect(maskResidentId("12")).toBe("**");
  });
});

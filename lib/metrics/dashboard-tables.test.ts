import { describe, expect, it } from "vitest";
import { toCsv, type DataTable } from "./dashboard-tables";

describe("CSV export", () => {
  const table: DataTable = {
    columns: [{ key: "name", kind: "text" }, { key: "n", kind: "count" }, { key: "s", kind: "share" }, { key: "at", kind: "datetime" }],
    rows: [
      { id: "1", cells: { name: "户籍, \"迁入\"", n: 3, s: 0.755, at: "2026-10-12T02:30:00.000Z" } },
      { id: "2", cells: { name: "=HYPERLINK(\"x\")", n: 0, s: null, at: null } },
    ],
  };
  it("starts with a BOM, quotes commas and quotes, shows shares as percent and times in China time", () => {
    const csv = toCsv(table, (k) => k.toUpperCase());
    expect(csv.startsWith("\uFEFFNAME,N,S,AT\r\n")).toBe(true);
    expect(csv).toContain('"户籍, ""迁入""",3,75.5%,2026-10-12 10:30\r\n');
  });
  it("defuses cells that Excel would run as formulas", () => {
    expect(toCsv(table, (k) => k)).toContain(`"'=HYPERLINK(""x"")",0,,\r\n`);
  });
});

/**
 * Every table of the dashboard as plain columns and rows, one definition for the sortable
 * tables on the page and for the CSV export. No database import.
 */
import type { Figures } from "./stats";

export type ColumnKind = "text" | "count" | "share" | "decimal" | "datetime";
export type Cell = string | number | null;
export type DataTable = {
  columns: { key: string; kind: ColumnKind }[];
  rows: { id: string; cells: Record<string, Cell>; href?: string }[];
};

type Named = { key: string; nameZh: string; nameEn: string; figures: Figures; uploadsAvoided: number; visitsAvoided: number };

const col = (key: string, kind: ColumnKind) => ({ key, kind });

export function breakdownTable(rows: Named[], en: boolean): DataTable {
  return {
    columns: [
      col("name", "text"), col("submitted", "count"), col("accepted", "count"), col("completed", "count"),
      col("rejected", "count"), col("acceptMedian", "count"), col("acceptP90", "count"), col("completeMedian", "count"),
      col("completeP90", "count"), col("hoursMedian", "count"), col("withinPromised", "share"), col("withinLegal", "share"),
      col("onTheSpot", "share"), col("supplementRate", "share"), col("exempted", "share"), col("averageRating", "decimal"),
    ],
    rows: rows.map((r) => ({
      id: r.key,
      cells: {
        name: en ? r.nameEn : r.nameZh,
        submitted: r.figures.submitted,
        accepted: r.figures.accepted,
        completed: r.figures.completed,
        rejected: r.figures.rejected,
        acceptMedian: r.figures.acceptDays.median,
        acceptP90: r.figures.acceptDays.p90,
        completeMedian: r.figures.completeDays.median,
        completeP90: r.figures.completeDays.p90,
        hoursMedian: r.figures.completeHours.median,
        withinPromised: r.figures.withinPromisedShare,
        withinLegal: r.figures.withinLegalShare,
        onTheSpot: r.figures.onTheSpotShare,
        supplementRate: r.figures.supplementRate,
        exempted: r.figures.materialsExemptedShare,
        averageRating: r.figures.averageRating,
      },
    })),
  };
}

export function reuseTable(rows: Named[], en: boolean): DataTable {
  return {
    columns: [
      col("name", "text"), col("submitted", "count"), col("materialsRequired", "count"), col("materialsFromLibrary", "count"),
      col("exempted", "share"), col("uploadsAvoided", "count"), col("visitsAvoided", "count"),
    ],
    rows: rows.map((r) => ({
      id: r.key,
      cells: {
        name: en ? r.nameEn : r.nameZh,
        submitted: r.figures.submitted,
        materialsRequired: r.figures.materialsRequired,
        materialsFromLibrary: r.figures.materialsFromLibrary,
        exempted: r.figures.materialsExemptedShare,
        uploadsAvoided: r.uploadsAvoided,
        visitsAvoided: r.visitsAvoided,
      },
    })),
  };
}

export function lifeEventsTable(
  rows: { key: string; nameZh: string; nameEn: string; month: string; filings: number; applications: number; materialsRequired: number; fromRegisters: number; fromPrerequisites: number; uploaded: number; atCounter: number; counterVisits: number }[],
  en: boolean,
): DataTable {
  return {
    columns: [
      col("lifeEvent", "text"), col("month", "text"), col("filings", "count"), col("applications", "count"), col("materialsRequired", "count"),
      col("fromRegisters", "count"), col("fromPrerequisites", "count"), col("uploaded", "count"), col("atCounter", "count"), col("counterVisits", "count"),
    ],
    rows: rows.map((r) => ({
      id: r.key,
      cells: {
        lifeEvent: en ? r.nameEn : r.nameZh,
        month: r.month,
        filings: r.filings,
        applications: r.applications,
        materialsRequired: r.materialsRequired,
        fromRegisters: r.fromRegisters,
        fromPrerequisites: r.fromPrerequisites,
        uploaded: r.uploaded,
        atCounter: r.atCounter,
        counterVisits: r.counterVisits,
      },
    })),
  };
}

export function clerkReuseTable(
  rows: { key: string; clerkName: string; staffNumber: string | null; applications: number; materialsRequired: number; materialsFromLibrary: number; uploadsAvoided: number; visitsAvoided: number }[],
): DataTable {
  return {
    columns: [
      col("clerk", "text"), col("staffNumber", "text"), col("applications", "count"), col("materialsRequired", "count"),
      col("materialsFromLibrary", "count"), col("uploadsAvoided", "count"), col("visitsAvoided", "count"),
    ],
    rows: rows.map((r) => ({
      id: r.key,
      cells: {
        clerk: r.clerkName,
        staffNumber: r.staffNumber,
        applications: r.applications,
        materialsRequired: r.materialsRequired,
        materialsFromLibrary: r.materialsFromLibrary,
        uploadsAvoided: r.uploadsAvoided,
        visitsAvoided: r.visitsAvoided,
      },
    })),
  };
}

export function trendTable(
  points: { key: string; submitted: number; accepted: number; completed: number; completedWithinPromised: number; completedOnTheSpot: number; materialsFromLibrary: number; averageRating: number | null }[],
): DataTable {
  return {
    columns: [
      col("period", "text"), col("submitted", "count"), col("accepted", "count"), col("completed", "count"),
      col("completedWithinPromised", "count"), col("completedOnTheSpot", "count"), col("materialsFromLibrary", "count"),
      col("averageRating", "decimal"),
    ],
    rows: points.map((p) => ({ id: p.key, cells: { period: p.key, ...p } })),
  };
}

export function poorCommentsTable(
  rows: { ratingId: string; applicationNumber: string; serviceZh: string; serviceEn: string; score: number; comment: string | null; ratedAt: Date; followUpStatus: string | null }[],
  en: boolean,
  label: (status: string) => string = (status) => status,
): DataTable {
  return {
    columns: [col("ratedAt", "datetime"), col("number", "text"), col("service", "text"), col("score", "count"), col("comment", "text"), col("followUp", "text")],
    rows: rows.map((r) => ({
      id: r.ratingId,
      href: "/supervisor/follow-ups?status=all",
      cells: {
        ratedAt: r.ratedAt.toISOString(),
        number: r.applicationNumber,
        service: en ? r.serviceEn : r.serviceZh,
        score: r.score,
        comment: r.comment,
        followUp: r.followUpStatus === null ? null : label(r.followUpStatus),
      },
    })),
  };
}

export function applicationsTable(
  rows: { id: string; number: string; serviceZh: string; serviceEn: string; status: string; channel: string; applicantIdMasked: string; submittedAt: Date | null; at: Date | null; dueOn: string | null }[],
  en: boolean,
  label: (kind: "status" | "channel", code: string) => string = (_kind, code) => code,
): DataTable {
  return {
    columns: [
      col("number", "text"), col("service", "text"), col("status", "text"), col("channel", "text"), col("applicant", "text"),
      col("submittedAt", "datetime"), col("at", "datetime"), col("dueOn", "text"),
    ],
    rows: rows.map((r) => ({
      id: r.id,
      cells: {
        number: r.number,
        service: en ? r.serviceEn : r.serviceZh,
        status: label("status", r.status),
        channel: label("channel", r.channel),
        applicant: r.applicantIdMasked,
        submittedAt: r.submittedAt?.toISOString() ?? null,
        at: r.at?.toISOString() ?? null,
        dueOn: r.dueOn,
      },
    })),
  };
}

/** China time, "YYYY-MM-DD HH:mm", for a stored ISO instant. */
export function chinaDateTime(iso: string): string {
  const d = new Date(new Date(iso).getTime() + 8 * 3600_000);
  return d.toISOString().slice(0, 16).replace("T", " ");
}

const FORMULA = /^[=+\-@\t\r]/;

/** CSV with a UTF-8 BOM so Excel reads Chinese; cells that look like formulas are defused. */
export function toCsv(table: DataTable, header: (key: string) => string): string {
  const esc = (v: Cell, kind: ColumnKind): string => {
    if (v === null) return "";
    let s: string;
    if (typeof v === "number") s = kind === "share" ? `${(v * 100).toFixed(1)}%` : kind === "decimal" ? v.toFixed(2) : String(v);
    else s = kind === "datetime" ? chinaDateTime(v) : v;
    if (typeof v === "string" && FORMULA.test(s)) s = `'${s}`;
    return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  const lines = [table.columns.map((c) => esc(header(c.key), "text")).join(",")];
  for (const r of table.rows) lines.push(table.columns.map((c) => esc(r.cells[c.key] ?? null, c.kind)).join(","));
  return `\uFEFF${lines.join("\r\n")}\r\n`;
}

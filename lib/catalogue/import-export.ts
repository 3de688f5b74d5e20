import "server-only";
import { asc, eq } from "drizzle-orm";
import { z } from "zod";
import type { Executor } from "@/db/client";
import { services } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record-audit";
import { requirePermission, type Actor } from "@/lib/auth/actor";
import { AppError } from "@/lib/errors";
import type { DefinitionIssue } from "@/lib/eligibility/definition-schema";
import { catalogueScopeSql, inCatalogueScope } from "./catalogue-scope";
import { checkDefinitionReferences, loadDefinitionVersion, loadLiveDefinition, serviceIdsByCode } from "./definition-rows";
import { publishServiceDefinition } from "./publish-service";
import { parseServiceDefinition, sameDefinition, type ServiceDefinition } from "./service-definition";

/**
 * The catalogue exchange format (docs in README "Service catalogue"): one JSON document
 *   { "format": "onewindow.catalogue", "formatVersion": 1, "exportedAt": ISO, "services": [ … ] }
 * whose services are service definitions (service-definition.ts) each with the `version` it
 * is at. Import is all-or-nothing and idempotent by code and version: an entry equal to the
 * live version, or to the kept version it names, changes nothing; an entry naming a version
 * that exists with other content is refused; anything else is published as the next version.
 * The flat parts (names, department, theme, limits, fee, flags, keywords) also travel as CSV.
 */
export const CATALOGUE_FORMAT = "onewindow.catalogue";
export const CATALOGUE_FORMAT_VERSION = 1;
/** Services per import: a district's whole catalogue, with room. */
export const IMPORT_MAX_SERVICES = 3000;

export type ExportedService = ServiceDefinition & { version: number };
export type CatalogueFile = { format: typeof CATALOGUE_FORMAT; formatVersion: number; exportedAt: string; services: ExportedService[] };

/** Every service in the actor's scope, as its live document and version. */
export async function exportCatalogue(db: Executor, actor: Actor, now = new Date()): Promise<CatalogueFile> {
  requirePermission(actor, "catalogue:manage");
  const rows = await db.select({ id: services.id }).from(services).where(catalogueScopeSql(actor, services.departmentId)).orderBy(asc(services.code));
  const out: ExportedService[] = [];
  for (const r of rows) {
    const live = await loadLiveDefinition(db, r.id);
    if (live) out.push({ ...live.definition, version: live.version });
  }
  return { format: CATALOGUE_FORMAT, formatVersion: CATALOGUE_FORMAT_VERSION, exportedAt: now.toISOString(), services: out };
}

const fileSchema = z.object({
  format: z.literal(CATALOGUE_FORMAT),
  formatVersion: z.literal(CATALOGUE_FORMAT_VERSION),
  services: z.array(z.record(z.string(), z.unknown())).min(1).max(IMPORT_MAX_SERVICES),
});

export type ImportOutcome = { code: string; outcome: "created" | "published" | "unchanged"; version: number };
export type ImportResult = { outcomes: ImportOutcome[]; created: number; published: number; unchanged: number };

/** An import refused as a whole: every issue with its path and values, for the page to list. */
export class CatalogueImportRefused extends AppError {
  readonly issues: readonly DefinitionIssue[];
  constructor(issues: DefinitionIssue[]) {
    super("VALIDATION", "catalogueAdmin.import.invalid", {
      params: { count: issues.length },
      internal: issues.slice(0, 20).map((i) => `${i.path}: ${i.message}`).join("; "),
      fieldErrors: Object.fromEntries(issues.slice(0, 200).map((i) => [i.path, i.message])),
    });
    this.issues = issues;
  }
}

const refuse = (issues: DefinitionIssue[]) => new CatalogueImportRefused(issues);

/**
 * Imports a catalogue file (already JSON-parsed) in the caller's transaction: validates every
 * entry first (paths like "services[3].materials[1].licence"), then publishes what changed.
 * Nothing is written if anything is wrong.
 */
export async function importCatalogue(tx: Executor, actor: Actor, input: unknown, { requestId = null }: { requestId?: string | null } = {}): Promise<ImportResult> {
  requirePermission(actor, "catalogue:manage");
  const file = fileSchema.safeParse(input);
  if (!file.success) {
    throw refuse(file.error.issues.map((i) => ({ path: i.path.join("."), message: i.path[0] === "format" || i.path[0] === "formatVersion" ? "catalogueAdmin.import.format" : "catalogueAdmin.errors.zod.custom" })));
  }
  const entries = file.data.services;
  const issues: DefinitionIssue[] = [];
  const docs: { doc: ServiceDefinition; version: number | null }[] = [];
  const seen = new Set<string>();
  for (const [i, raw] of entries.entries()) {
    const { version, ...rest } = raw as { version?: unknown } & Record<string, unknown>;
    const parsed = parseServiceDefinition(rest);
    if (!parsed.ok) {
      issues.push(...parsed.issues.map((x) => ({ ...x, path: `services[${i}].${x.path}` })));
      continue;
    }
    if (version !== undefined && !(Number.isInteger(version) && (version as number) >= 1)) {
      issues.push({ path: `services[${i}].version`, message: "catalogueAdmin.errors.zod.invalid_type" });
    }
    if (seen.has(parsed.value.code)) issues.push({ path: `services[${i}].code`, message: "catalogueAdmin.import.duplicate" });
    seen.add(parsed.value.code);
    const refs = await checkDefinitionReferences(tx, parsed.value);
    if (!refs.ok) issues.push(...refs.issues.map((x) => ({ ...x, path: `services[${i}].${x.path}` })));
    else if (!inCatalogueScope(actor, refs.refs.departmentId)) issues.push({ path: `services[${i}].department`, message: "catalogueAdmin.errors.departmentScope" });
    docs.push({ doc: parsed.value, version: typeof version === "number" ? version : null });
  }
  const existing = await serviceIdsByCode(tx, docs.map((d) => d.doc.code));
  for (const [i, { doc, version }] of docs.entries()) {
    const current = existing.get(doc.code);
    if (!current) continue;
    if (!inCatalogueScope(actor, current.departmentId)) issues.push({ path: `services[${i}].code`, message: "catalogueAdmin.errors.departmentScope" });
    if (version !== null && version <= current.version) {
      const kept = await loadDefinitionVersion(tx, current.id, version);
      if (!kept || !sameDefinition(kept, doc)) issues.push({ path: `services[${i}].version`, message: "catalogueAdmin.import.versionTaken", params: { version } });
    }
  }
  if (issues.length > 0) throw refuse(issues);

  const outcomes: ImportOutcome[] = [];
  for (const { doc, version } of docs) {
    const current = existing.get(doc.code);
    if (current && version !== null && version <= current.version) {
      outcomes.push({ code: doc.code, outcome: "unchanged", version: current.version });
      continue;
    }
    const r = await publishServiceDefinition(tx, actor, doc, { note: "目录导入", requestId });
    outcomes.push({ code: doc.code, outcome: r.created ? "created" : r.changed ? "published" : "unchanged", version: r.version });
  }
  const count = (o: ImportOutcome["outcome"]) => outcomes.filter((x) => x.outcome === o).length;
  const result = { outcomes, created: count("created"), published: count("published"), unchanged: count("unchanged") };
  await recordAudit(tx, {
    actorUserId: actor.id,
    actorRole: actor.role,
    action: "catalogue.import",
    entityType: "catalogue",
    entityId: null,
    requestId,
    detail: { created: result.created, published: result.published, unchanged: result.unchanged, services: entries.length },
  });
  return result;
}

/** The flat columns of the CSV, in order. */
export const CSV_COLUMNS = [
  "code",
  "nameZh",
  "nameEn",
  "department",
  "theme",
  "legalLimitDays",
  "promisedLimitDays",
  "onTheSpot",
  "requiresVisit",
  "feeYuan",
  "keywords",
  "version",
] as const;

const FORMULA = /^[=+\-@\t\r]/;
const cell = (v: unknown): string => {
  let s = typeof v === "boolean" ? (v ? "true" : "false") : typeof v === "number" ? String(v) : typeof v === "string" ? v : "";
  if (FORMULA.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};

/** The flat parts of a catalogue as CSV (UTF-8 with BOM for Excel; formula-looking cells defused). */
export function catalogueToCsv(file: CatalogueFile): string {
  const lines = [CSV_COLUMNS.join(",")];
  for (const s of file.services) lines.push(CSV_COLUMNS.map((c) => cell(s[c])).join(","));
  return `\uFEFF${lines.join("\r\n")}\r\n`;
}

/** RFC 4180 CSV into rows of cells (quoted cells, doubled quotes, CRLF or LF). */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cur = "";
  let quoted = false;
  const src = text.replace(/^\uFEFF/, "");
  for (let i = 0; i < src.length; i++) {
    const ch = src[i];
    if (quoted) {
      if (ch === '"' && src[i + 1] === '"') {
        cur += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cur += ch;
    } else if (ch === '"' && cur === "") quoted = true;
    else if (ch === ",") {
      row.push(cur);
      cur = "";
    } else if (ch === "\n" || ch === "\r") {
      if (ch === "\r" && src[i + 1] === "\n") i++;
      row.push(cur);
      rows.push(row);
      row = [];
      cur = "";
    } else cur += ch;
  }
  if (cur !== "" || row.length > 0) {
    row.push(cur);
    rows.push(row);
  }
  return rows.filter((r) => r.some((c) => c.trim() !== ""));
}

/**
 * Applies a CSV of flat parts to existing services: each row merged into the service's live
 * document and imported as above (so the same checks, idempotence and versions apply). Errors
 * name the line ("line 3 promisedLimitDays"). New services need the full JSON.
 */
export async function importCatalogueCsv(tx: Executor, actor: Actor, text: string, opts: { requestId?: string | null } = {}): Promise<ImportResult> {
  requirePermission(actor, "catalogue:manage");
  const rows = parseCsv(text);
  const [header, ...body] = rows;
  const missing = CSV_COLUMNS.filter((c) => c !== "version" && !header?.includes(c));
  if (!header || missing.length > 0) throw refuse(missing.map((c) => ({ path: `line 1 ${c}`, message: "catalogueAdmin.import.column" })));
  if (body.length > IMPORT_MAX_SERVICES) throw refuse([{ path: "line 1", message: "catalogueAdmin.import.tooMany" }]);
  const at = (r: string[], c: string) => (r[header.indexOf(c)] ?? "").trim().replace(/^'(?=[=+\-@])/, "");
  const existing = await serviceIdsByCode(tx, body.map((r) => at(r, "code")));
  const issues: DefinitionIssue[] = [];
  const entries: Record<string, unknown>[] = [];
  for (const [i, r] of body.entries()) {
    const line = i + 2;
    const code = at(r, "code");
    const current = existing.get(code);
    if (!current) {
      issues.push({ path: `line ${line} code`, message: "catalogueAdmin.import.unknownCode", params: { key: code } });
      continue;
    }
    const live = await loadLiveDefinition(tx, current.id);
    if (!live) continue;
    const num = (c: string) => (at(r, c) === "" || Number.isNaN(Number(at(r, c))) ? at(r, c) : Number(at(r, c)));
    const bool = (c: string) => (at(r, c) === "true" ? true : at(r, c) === "false" ? false : at(r, c));
    const merged = {
      ...live.definition,
      nameZh: at(r, "nameZh"),
      nameEn: at(r, "nameEn"),
      department: at(r, "department"),
      theme: at(r, "theme"),
      legalLimitDays: num("legalLimitDays"),
      promisedLimitDays: num("promisedLimitDays"),
      onTheSpot: bool("onTheSpot"),
      requiresVisit: bool("requiresVisit"),
      feeYuan: num("feeYuan"),
      keywords: at(r, "keywords"),
    };
    const parsed = parseServiceDefinition(merged);
    if (!parsed.ok) {
      issues.push(...parsed.issues.map((x) => ({ ...x, path: `line ${line} ${x.path}` })));
      continue;
    }
    const version = header.includes("version") && at(r, "version") !== "" ? Number(at(r, "version")) : undefined;
    // A row still at the version it was exported at, but edited, is a new version: drop its number.
    entries.push(version !== undefined && sameDefinition(live.definition, parsed.value) ? { ...parsed.value, version } : parsed.value);
  }
  if (issues.length > 0) throw refuse(issues);
  if (entries.length === 0) throw refuse([{ path: "line 2", message: "catalogueAdmin.import.empty" }]);
  return importCatalogue(tx, actor, { format: CATALOGUE_FORMAT, formatVersion: CATALOGUE_FORMAT_VERSION, services: entries }, opts);
}

/** Reads one service's live version number (for tests and the designer). */
export async function currentVersionOf(db: Executor, code: string): Promise<number | null> {
  const [row] = await db.select({ version: services.version }).from(services).where(eq(services.code, code));
  return row?.version ?? null;
}

import "server-only";
import { and, count, desc, eq, sql } from "drizzle-orm";
import { z } from "zod";
import type { Executor } from "@/db/client";
import { applications, departments, licenceAccessLog, licences, licenceTypes, uploads, type RegisterField } from "@/db/schema";
import { requirePermission, type Actor } from "@/lib/auth/actor";
import { AppError } from "@/lib/errors";
import { displayLicenceNumber } from "./list-my-licences";

export const LICENCE_ACCESS_PAGE_SIZE = 20;

/**
 * `?page=N` of the "who used my data" list. A missing or malformed page is page 1: it is the
 * resident's own list, so a hand-edited URL gets the first page rather than an error.
 */
export const licenceAccessQuerySchema = z.object({
  page: z.coerce.number().int().positive().max(100_000).catch(1),
  pageSize: z.coerce.number().int().min(1).max(100).catch(LICENCE_ACCESS_PAGE_SIZE),
});
export type LicenceAccessQueryInput = Partial<z.input<typeof licenceAccessQuerySchema>>;

/** One read of the resident's data, as the resident sees it. */
export type MyLicenceAccess = {
  id: number;
  accessedAt: Date;
  /** Who read it, as recorded at the time: "name（role）" or a system's name. */
  actorLabel: string;
  departmentNameZh: string | null;
  departmentNameEn: string | null;
  /** What was read: one of their licences, a file they uploaded, or their mobile number in full. */
  item: "licence" | "upload" | RegisterField;
  /** For a licence read. */
  licenceTypeNameZh: string | null;
  licenceTypeNameEn: string | null;
  licenceNumber: string | null;
  /** For an upload read. */
  fileName: string | null;
  purpose: string;
  applicationNumber: string | null;
};

export type MyLicenceAccessPage = {
  items: MyLicenceAccess[];
  total: number;
  page: number;
  pageSize: number;
  pageCount: number;
};

/**
 * "Who used my data" (谁用了我的数据): every logged read of the resident's licences, of the
 * files they uploaded and of their full mobile number, newest first, one page at a time with the total.
 *
 * Offset paging, not keyset: the page offers numbered pages (`?page=N`) and a total, which
 * keyset cannot jump to, and the rows are one person's — a range of
 * licence_access_log_holder_idx (holder_person_id, accessed_at) — so an offset only ever skips
 * that person's own reads (tens to hundreds), never the table. The log is append-only; a read
 * arriving between two page views shifts the later pages by one row, which an audit list can live with.
 *
 * One query: the inner select pages the person's log rows and counts them (count(*) over ()),
 * the outer one joins licence and type or upload, department and application for that page's rows only.
 * Only a page past the end (no rows, so no count) costs a second, count-only query.
 */
export async function listMyLicenceAccess(
  db: Executor,
  actor: Actor,
  query: LicenceAccessQueryInput = {},
): Promise<MyLicenceAccessPage> {
  requirePermission(actor, "portal:citizen");
  const personId = actor.personId;
  if (!personId) throw new AppError("FORBIDDEN", "errors.forbidden");
  const { page, pageSize } = licenceAccessQuerySchema.parse(query);
  const log = licenceAccessLog;

  const pageRows = db
    .select({
      id: log.id,
      licenceId: log.licenceId,
      uploadId: log.uploadId,
      registerField: log.registerField,
      holderPersonId: log.holderPersonId,
      actorLabel: log.actorLabel,
      actorDepartmentId: log.actorDepartmentId,
      purpose: log.purpose,
      applicationId: log.applicationId,
      accessedAt: log.accessedAt,
      total: sql<number>`(count(*) over ())::int`.as("total"),
    })
    .from(log)
    .where(eq(log.holderPersonId, personId))
    .orderBy(desc(log.accessedAt), desc(log.id))
    .limit(pageSize)
    .offset((page - 1) * pageSize)
    .as("page_rows");

  const rows = await db
    .select({
      id: pageRows.id,
      accessedAt: pageRows.accessedAt,
      actorLabel: pageRows.actorLabel,
      departmentNameZh: departments.nameZh,
      departmentNameEn: departments.nameEn,
      licenceId: pageRows.licenceId,
      uploadId: pageRows.uploadId,
      registerField: pageRows.registerField,
      licenceTypeNameZh: licenceTypes.nameZh,
      licenceTypeNameEn: licenceTypes.nameEn,
      licenceNumber: licences.licenceNumber,
      holderCode: licences.holderCode,
      holderCodeType: licences.holderCodeType,
      fileName: uploads.fileName,
      purpose: pageRows.purpose,
      applicationNumber: applications.number,
      total: pageRows.total,
    })
    .from(pageRows)
    .leftJoin(licences, and(eq(licences.holderPersonId, pageRows.holderPersonId), eq(licences.id, pageRows.licenceId)))
    .leftJoin(licenceTypes, eq(licenceTypes.id, licences.licenceTypeId))
    .leftJoin(uploads, and(eq(uploads.ownerPersonId, pageRows.holderPersonId), eq(uploads.id, pageRows.uploadId)))
    .leftJoin(departments, eq(departments.id, pageRows.actorDepartmentId))
    .leftJoin(applications, eq(applications.id, pageRows.applicationId))
    .orderBy(desc(pageRows.accessedAt), desc(pageRows.id));

  let total = rows[0]?.total;
  if (total === undefined) {
    total =
      page === 1
        ? 0
        : ((await db.select({ n: count() }).from(log).where(eq(log.holderPersonId, personId)))[0]?.n ?? 0);
  }
  return {
    items: rows.map(({ total: _total, licenceId, uploadId, registerField, holderCode, holderCodeType, ...r }) => ({
      ...r,
      item: licenceId ? "licence" : uploadId ? "upload" : (registerField ?? "phone"),
      licenceNumber: r.licenceNumber && holderCode && holderCodeType ? displayLicenceNumber(r.licenceNumber, holderCode, holderCodeType) : r.licenceNumber,
    })),
    total,
    page,
    pageSize,
    pageCount: Math.max(1, Math.ceil(total / pageSize)),
  };
}

"use server";

import { revalidatePath } from "next/cache";
import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { userAction } from "@/lib/action";
import { checkDocument, estimateEligible, previewForResident } from "@/lib/catalogue/designer";
import { CatalogueImportRefused, importCatalogue, importCatalogueCsv } from "@/lib/catalogue/import-export";
import { discardServiceDraft, publishServiceDraft, saveServiceDraft, setServiceSuspension } from "@/lib/catalogue/publish-service";
import { serviceCodeSchema } from "@/lib/catalogue/service-definition";
import type { DefinitionIssue } from "@/lib/eligibility/definition-schema";

const ROLES = ["catalogue_manager" as const, "admin" as const];

/** A document as the designer sends it: any JSON object (the lib validates it and reports by path). */
const documentInput = z.record(z.string(), z.unknown());

export type IssueText = { path: string; text: string };

async function texts(issues: readonly DefinitionIssue[]): Promise<IssueText[]> {
  const t = await getTranslations();
  return issues.map((i) => ({ path: i.path, text: t.has(i.message) ? t(i.message as never, (i.params ?? {}) as never) : t("catalogueAdmin.errors.zod.custom") }));
}

/** Live validation while the manager types: every problem with its path, or none. */
export const checkServiceDocumentAction = userAction(ROLES, z.object({ definition: documentInput }), async ({ definition }, { db }) => {
  const checked = await checkDocument(db, definition);
  return { issues: checked.ok ? [] : await texts(checked.issues) };
});

export const saveServiceDraftAction = userAction(
  ROLES,
  z.object({ code: serviceCodeSchema, definition: documentInput }),
  async (input, { db, actor }) => {
    const { issues } = await db.transaction((tx) => saveServiceDraft(tx, actor, input));
    revalidatePath("/admin/services");
    return { issues: await texts(issues) };
  },
);

export const publishServiceDraftAction = userAction(
  ROLES,
  z.object({ code: serviceCodeSchema, note: z.string().trim().max(500).optional() }),
  async ({ code, note }, { db, actor, requestId }) => {
    const result = await db.transaction((tx) => publishServiceDraft(tx, actor, { code, note: note || null, requestId }));
    revalidatePath("/admin/services");
    revalidatePath(`/services/${code}`);
    return { version: result.version, changed: result.changed };
  },
);

export const discardServiceDraftAction = userAction(ROLES, z.object({ code: serviceCodeSchema }), async ({ code }, { db, actor }) => {
  await db.transaction((tx) => discardServiceDraft(tx, actor, code));
  revalidatePath("/admin/services");
  return { code };
});

export const setServiceSuspensionAction = userAction(
  ROLES,
  z.object({ code: serviceCodeSchema, suspended: z.boolean(), noticeZh: z.string().trim().max(500).optional(), noticeEn: z.string().trim().max(1000).optional() }),
  async (input, { db, actor, requestId }) => {
    await db.transaction((tx) => setServiceSuspension(tx, actor, { ...input, requestId }));
    revalidatePath("/admin/services");
    revalidatePath(`/services/${input.code}`);
    return { suspended: input.suspended };
  },
);

export const previewServiceAction = userAction(
  ROLES,
  z.object({ definition: documentInput, idNumber: z.string().trim().min(15).max(18) }),
  async ({ definition, idNumber }, { db, actor }) => {
    const checked = await checkDocument(db, definition);
    if (!checked.ok) return { issues: await texts(checked.issues), preview: null };
    return { issues: [], preview: await previewForResident(db, actor, checked.value, idNumber) };
  },
);

export const estimateEligibleAction = userAction(ROLES, z.object({ definition: documentInput }), async ({ definition }, { db, actor }) => {
  const checked = await checkDocument(db, definition);
  if (!checked.ok) return { issues: await texts(checked.issues), estimate: null };
  return { issues: [], estimate: await estimateEligible(db, actor, checked.value) };
});

export const importCatalogueAction = userAction(
  ROLES,
  z.object({ kind: z.enum(["json", "csv"]), text: z.string().min(1).max(20_000_000) }),
  async ({ kind, text }, { db, actor, requestId }) => {
    const t = await getTranslations();
    let parsed: unknown = null;
    if (kind === "json") {
      try {
        parsed = JSON.parse(text);
      } catch {
        return { ok: false as const, issues: [{ path: "", text: t("catalogueAdmin.import.notJson") }] };
      }
    }
    try {
      const result = await db.transaction((tx) => (kind === "json" ? importCatalogue(tx, actor, parsed, { requestId }) : importCatalogueCsv(tx, actor, text, { requestId })));
      revalidatePath("/admin/services");
      return { ok: true as const, created: result.created, published: result.published, unchanged: result.unchanged };
    } catch (error) {
      if (error instanceof CatalogueImportRefused) return { ok: false as const, issues: await texts(error.issues.slice(0, 200)) };
      throw error;
    }
  },
);

import "server-only";
import { and, eq, isNotNull } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { services } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { parseEligibility } from "@/lib/eligibility/definition-schema";
import type { ServiceRule } from "@/lib/eligibility/rules";
import { AppError } from "@/lib/errors";
import { inSupervisorScope } from "@/lib/metrics/supervisor-scope";

export type ProactiveServiceRef = { id: string; code: string; nameZh: string; nameEn: string; rule: ServiceRule };

/** An active service with an eligibility definition in the supervisor's scope; anything else is NOT_FOUND. */
export async function findProactiveServiceOrThrow(db: Executor, actor: Actor, code: string): Promise<ProactiveServiceRef> {
  const [row] = await db
    .select({ id: services.id, code: services.code, nameZh: services.nameZh, nameEn: services.nameEn, eligibility: services.eligibility })
    .from(services)
    .where(and(eq(services.code, code), eq(services.active, true), isNotNull(services.eligibility), inSupervisorScope(services.id, actor)))
    .limit(1);
  const parsed = row ? parseEligibility(row.eligibility) : null;
  if (!row || !parsed?.ok) throw new AppError("NOT_FOUND", "errors.notFound", { internal: `no proactive service ${code}` });
  return { id: row.id, code: row.code, nameZh: row.nameZh, nameEn: row.nameEn, rule: { serviceId: row.id, code: row.code, definition: parsed.value } };
}

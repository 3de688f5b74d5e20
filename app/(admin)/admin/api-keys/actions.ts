"use server";

import { revalidatePath } from "next/cache";
import { userAction } from "@/lib/action";
import { createApiKey, revokeApiKey } from "@/lib/api/keys";
import { createApiKeySchema, revokeApiKeySchema } from "@/lib/api/key-schemas";

export const createApiKeyAction = userAction(["admin"], createApiKeySchema, async (input, { db, actor, requestId }) => {
  const created = await createApiKey(db, actor, input, requestId);
  revalidatePath("/admin/api-keys");
  return created;
});

export const revokeApiKeyAction = userAction(["admin"], revokeApiKeySchema, async (input, { db, actor, requestId }) => {
  await revokeApiKey(db, actor, input, requestId);
  revalidatePath("/admin/api-keys");
  return { id: input.id };
});

import { z } from "zod";

/** The admin's "new API key" form; shared by the client form and the server action. */
export const createApiKeySchema = z.object({
  departmentId: z.uuid({ message: "library.apiKeys.departmentRequired" }),
  label: z.string().trim().min(2, { message: "library.apiKeys.labelRequired" }).max(60, { message: "library.apiKeys.labelTooLong" }),
  rateLimitPerMinute: z.coerce.number().int().min(1).max(100_000).default(600),
});
export type CreateApiKeyInput = z.input<typeof createApiKeySchema>;

export const revokeApiKeySchema = z.object({ id: z.uuid() });

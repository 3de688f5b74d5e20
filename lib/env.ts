import { createEnv } from "@t3-oss/env-nextjs";
import { z } from "zod";

/**
 * The one place that reads process.env. Everything has a default that works on a fresh
 * machine, so `npm start` needs no configuration; production sets the secrets explicitly.
 */
export const env = createEnv({
  server: {
    NODE_ENV: z.enum(["development", "test", "production"]).default("development"),
    /** PostgreSQL server; unset means the embedded PGlite database. */
    DATABASE_URL: z.string().url().optional(),
    /** PGlite data folder, or "memory://" for a throwaway database. */
    PGLITE_DIR: z.string().default(".data/pglite"),
    AUTH_SECRET: z.string().min(32).optional(),
    /** The portal's public origin (Auth.js callback URLs); unset: taken from the request's Host / X-Forwarded-Host. */
    AUTH_URL: z.string().url().optional(),
    /** Ed25519 seed (64 hex chars) that signs licences; `npm start` generates and keeps one. */
    LICENCE_SIGNING_KEY: z
      .string()
      .regex(/^[0-9a-f]{64}$/i)
      .optional(),
    /** SMS gateway that receives `{ to, text, reference }` as JSON; unset means notices are only logged. */
    SMS_GATEWAY_URL: z.string().url().optional(),
    /** Bearer token for SMS_GATEWAY_URL. */
    SMS_GATEWAY_TOKEN: z.string().min(1).optional(),
    /**
     * The provincial identity provider (广东政务服务统一身份认证, OpenID Connect). All three set:
     * residents may sign in through it; any unset: the button is not shown.
     */
    OIDC_ISSUER: z.string().url().optional(),
    OIDC_CLIENT_ID: z.string().min(1).optional(),
    OIDC_CLIENT_SECRET: z.string().min(1).optional(),
    /** The ID-token / userinfo claim that carries the resident ID number the provider verified. */
    OIDC_ID_NUMBER_CLAIM: z.string().min(1).default("id_number"),
    /** A boolean claim that must be true (the provider's real-name check), or "none" when the provider sends verified numbers only. */
    OIDC_ID_VERIFIED_CLAIM: z.string().min(1).default("id_number_verified"),
    LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  },
  client: {},
  experimental__runtimeEnv: {},
  emptyStringAsUndefined: true,
  skipValidation: process.env.SKIP_ENV_VALIDATION === "1",
});

import { createEnv } from "@t3-oss/env-nextjs";
import { z } from "zod";

/**
 * The one place that reads process.env. Everything has a default that works on a fresh
 * machine, so `npm start` needs no configuration; production sets the secrets explicitly.
 */
export const env = createEnv({
  server: {
    NODE_ENV: z.enum(["development", "test", "production"]).default("development"),
    /** PostgreSQL server; unset means the embedded PGlite database. The served app connects with it. */
    DATABASE_URL: z.string().url().optional(),
    /**
     * The owner's connection for migrations, grants and seeding (scripts only). Unset: DATABASE_URL
     * is the owner's, and `npm start` provisions a least-privilege login for the app from it.
     */
    DATABASE_OWNER_URL: z.string().url().optional(),
    /**
     * A streaming standby of DATABASE_URL for reads that tolerate seconds of lag (dashboards,
     * proactive lists, the catalogue); unset means those read the primary too.
     */
    DATABASE_REPLICA_URL: z.string().url().optional(),
    /**
     * A direct (unpooled) connection to the primary, set when DATABASE_URL goes through a
     * transaction-mode pooler such as PgBouncer: the background-work leader holds its session
     * advisory lock over it, and the pooled URLs then get no startup options.
     */
    DATABASE_DIRECT_URL: z.string().url().optional(),
    /** Connections each app process may open per database URL (primary, replica). */
    DATABASE_POOL_MAX: z.coerce.number().int().min(1).max(100).default(10),
    /** PGlite data folder, or "memory://" for a throwaway database. */
    PGLITE_DIR: z.string().default(".data/pglite"),
    AUTH_SECRET: z.string().min(32).optional(),
    /** Ed25519 seed (64 hex chars) that signs licences; `npm start` generates and keeps one. */
    LICENCE_SIGNING_KEY: z
      .string()
      .regex(/^[0-9a-f]{64}$/i)
      .optional(),
    /** SMS gateway that receives `{ to, text, reference }` as JSON; unset means notices are only logged. */
    SMS_GATEWAY_URL: z.string().url().optional(),
    /** Bearer token for SMS_GATEWAY_URL. */
    SMS_GATEWAY_TOKEN: z.string().min(1).optional(),
    /** AES-256 key (64 hex chars) encrypting two-factor secrets at rest; `npm start` generates one. */
    MFA_ENCRYPTION_KEY: z
      .string()
      .regex(/^[0-9a-f]{64}$/i)
      .optional(),
    /**
     * How many proxies in front of the app append to X-Forwarded-For: the client address is the
     * entry that many places from the right. Without a proxy a client can name any address there.
     */
    TRUSTED_PROXY_HOPS: z.coerce.number().int().min(1).max(10).default(1),
    /**
     * The portal's public origin (https://… behind the TLS proxy): Auth.js callback URLs, `Secure`
     * session cookies and HSTS. Unset: taken from the request's Host / X-Forwarded-Host.
     */
    AUTH_URL: z.string().url().optional(),
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

import type { OIDCConfig } from "next-auth/providers";
import { env } from "@/lib/env";

/** Auth.js provider id; the callback is /api/auth/callback/gdid. */
export const PROVINCIAL_PROVIDER_ID = "gdid";

export type ProvincialClaims = Record<string, unknown> & { sub?: string };

export function provincialSignInConfigured(): boolean {
  return Boolean(env.OIDC_ISSUER && env.OIDC_CLIENT_ID && env.OIDC_CLIENT_SECRET);
}

/**
 * 广东政务服务统一身份认证 as an Auth.js OpenID Connect provider, from the environment, or null
 * when it is not configured. Discovery from the issuer; authorization code flow with PKCE,
 * state and nonce all checked; the ID token's issuer, audience (our client id), expiry and
 * nonce are validated by Auth.js (oauth4webapi) before any of our code sees a claim.
 *
 * `profile` only carries the claims through: who the person is is decided against the
 * population register in the signIn callback (sign-in-with-provincial-identity.ts).
 */
export function provincialIdentityProvider(): OIDCConfig<ProvincialClaims> | null {
  if (!provincialSignInConfigured()) return null;
  return {
    id: PROVINCIAL_PROVIDER_ID,
    name: "广东政务服务统一身份认证",
    type: "oidc",
    issuer: env.OIDC_ISSUER,
    clientId: env.OIDC_CLIENT_ID,
    clientSecret: env.OIDC_CLIENT_SECRET,
    checks: ["pkce", "state", "nonce"],
    authorization: { params: { scope: "openid profile" } },
    profile(claims) {
      return { id: String(claims.sub ?? ""), name: typeof claims.name === "string" ? claims.name : null, role: "citizen", sessionVersion: 0 };
    },
  };
}

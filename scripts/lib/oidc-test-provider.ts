/**
 * A real OpenID Connect provider for the test suite (the certified `oidc-provider` package),
 * standing in for 广东政务服务统一身份认证. Its own sign-in page accepts any login; the login
 * names the test identity:
 *
 *   <ID number>                 a resident whose number the provider verified
 *   unverified:<ID number>      the number is sent but not verified (id_number_verified false)
 *   wrong-audience:<ID number>  the token endpoint answers with an ID token, properly signed
 *                               with the provider's key, but issued for another client
 *
 * Codes are single-use, PKCE is required, consent is granted for the one first-party client.
 */
import { createServer, type Server } from "node:http";
import { decodeJwt, exportJWK, generateKeyPair, SignJWT } from "jose";
import Provider, { type KoaContextWithOIDC } from "oidc-provider";

export type OidcTestProvider = { issuer: string; close: () => Promise<void> };

const PREFIXES = ["unverified:", "wrong-audience:"] as const;

function claimsFor(accountId: string): Record<string, unknown> {
  const prefix = PREFIXES.find((p) => accountId.startsWith(p));
  const idNumber = prefix ? accountId.slice(prefix.length) : accountId;
  return { sub: accountId, name: "测试居民", id_number: idNumber, id_number_verified: prefix !== "unverified:" };
}

export async function startOidcTestProvider(options: { port: number; clientId: string; clientSecret: string; redirectUri: string }): Promise<OidcTestProvider> {
  const issuer = `http://127.0.0.1:${options.port}`;
  const { privateKey } = await generateKeyPair("RS256", { extractable: true });
  const jwk = { ...(await exportJWK(privateKey)), kid: "test-signing-key", alg: "RS256", use: "sig" };
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: options.clientId,
        client_secret: options.clientSecret,
        redirect_uris: [options.redirectUri],
        response_types: ["code"],
        grant_types: ["authorization_code"],
        token_endpoint_auth_method: "client_secret_basic",
      },
    ],
    jwks: { keys: [jwk] },
    claims: { openid: ["sub"], profile: ["name", "id_number", "id_number_verified"] },
    // Put the profile claims in the ID token itself, where the portal reads them.
    conformIdTokenClaims: false,
    findAccount: (_ctx: KoaContextWithOIDC, id: string) => Promise.resolve({ accountId: id, claims: () => Promise.resolve(claimsFor(id) as { sub: string }) }),
    pkce: { required: () => true },
    features: { devInteractions: { enabled: true } },
    cookies: { keys: ["oidc-test-provider-cookie-key"] },
    async loadExistingGrant(ctx: KoaContextWithOIDC) {
      const accountId = ctx.oidc.session?.accountId;
      const clientId = ctx.oidc.client?.clientId;
      if (!accountId || !clientId) return undefined;
      const existing = ctx.oidc.session?.grantIdFor(clientId);
      if (existing) return ctx.oidc.provider.Grant.find(existing);
      const grant = new ctx.oidc.provider.Grant({ clientId, accountId });
      grant.addOIDCScope("openid profile");
      await grant.save();
      return grant;
    },
  });

  // The wrong-audience identity: re-sign its ID token for someone else, as a confused or
  // malicious provider might. The portal must refuse it.
  provider.use(async (ctx, next) => {
    await next();
    const body = ctx.body as { id_token?: unknown } | undefined;
    if (ctx.path !== "/token" || !body || typeof body.id_token !== "string") return;
    const claims = decodeJwt(body.id_token);
    if (typeof claims.sub === "string" && claims.sub.startsWith("wrong-audience:")) {
      const idToken = await new SignJWT({ ...claims, aud: "another-portal" }).setProtectedHeader({ alg: "RS256", kid: jwk.kid }).sign(privateKey);
      ctx.body = { ...body, id_token: idToken };
    }
  });

  // Why a grant was refused (a replayed code, a wrong verifier), in the server log of the test run.
  provider.on("grant.error", (_ctx: unknown, error: { message?: string; error_detail?: string }) => {
    console.log(`[oidc-test-provider] grant refused: ${error.message ?? ""} ${error.error_detail ?? ""}`);
  });
  const handler = provider.callback();
  const server: Server = createServer((req, res) => void handler(req, res));
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port, "127.0.0.1", () => resolve());
  });
  return { issuer, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

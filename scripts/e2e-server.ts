/**
 * The server Playwright tests run against: a fresh database (PGlite in .data/e2e, or a new
 * database on the PostgreSQL server when DATABASE_URL is set), a small seeded city with the
 * demo accounts, and the production build on E2E_PORT.
 */
import { rmSync } from "node:fs";
import { Client } from "pg";
import { startOidcTestProvider } from "./lib/oidc-test-provider";
import { chinaToday, ensureBuild, openOwnerFromEnv, provisionAppLogin, seedInto, startNext } from "./lib/prepare";

const E2E_SECRETS = {
  AUTH_SECRET: "e2e-only-auth-secret-0123456789abcdefghijkl",
  LICENCE_SIGNING_KEY: "e2".repeat(32),
  MFA_ENCRYPTION_KEY: "3f".repeat(32),
};
/** The e2e server's app login on a PostgreSQL server (trust auth on our machines; a password elsewhere). */
const E2E_APP_PASSWORD = "e2e0".repeat(8);

const port = Number(process.env.E2E_PORT ?? 3100);
/** The provincial identity provider's stand-in (a real oidc-provider) listens next to the app. */
const OIDC_TEST_PORT_OFFSET = 7;
const OIDC_CLIENT = { clientId: "onewindow-e2e", clientSecret: "e2e-only-oidc-client-secret" };

/** A database of its own per port, so two e2e runs on one machine never share one. */
async function freshDatabaseEnv(): Promise<{ PGLITE_DIR: string } | { DATABASE_URL: string }> {
  const serverUrl = process.env.DATABASE_URL;
  if (!serverUrl) {
    const dir = `.data/e2e-${port}`;
    rmSync(dir, { recursive: true, force: true });
    return { PGLITE_DIR: dir };
  }
  const name = `onewindow_e2e_${port}`;
  const admin = new Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return { DATABASE_URL: url.toString() };
}

async function main() {
  const env: NodeJS.ProcessEnv = { ...process.env, ...E2E_SECRETS, ...(await freshDatabaseEnv()), NODE_ENV: "production" };
  const handle = await openOwnerFromEnv(env);
  const { seconds } = await seedInto(handle, {
    // A smaller city for servers a spec starts itself (the outage test).
    persons: Number(process.env.E2E_PERSONS ?? 1500),
    applications: Number(process.env.E2E_APPLICATIONS ?? 1200),
    seed: "e2e",
    today: chinaToday(),
    signingKeyHex: E2E_SECRETS.LICENCE_SIGNING_KEY,
    mfaKeyHex: E2E_SECRETS.MFA_ENCRYPTION_KEY,
    reset: false,
  });
  const appUrl = await provisionAppLogin(handle, env, E2E_APP_PASSWORD);
  await handle.close();
  console.log(`e2e database seeded in ${seconds.toFixed(1)} s`);
  const oidc = await startOidcTestProvider({
    port: port + OIDC_TEST_PORT_OFFSET,
    ...OIDC_CLIENT,
    redirectUri: `http://127.0.0.1:${port}/api/auth/callback/gdid`,
  });
  // The server connects as the app's role, so the whole suite runs under its grants.
  const appEnv = {
    ...env,
    ...(appUrl ? { DATABASE_URL: appUrl } : {}),
    OIDC_ISSUER: oidc.issuer,
    OIDC_CLIENT_ID: OIDC_CLIENT.clientId,
    OIDC_CLIENT_SECRET: OIDC_CLIENT.clientSecret,
  };
  ensureBuild(appEnv);
  startNext(port, appEnv);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});

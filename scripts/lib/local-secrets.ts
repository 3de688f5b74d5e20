import { randomBytes } from "node:crypto";
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

export type LocalSecrets = {
  AUTH_SECRET: string;
  LICENCE_SIGNING_KEY: string;
  /** AES-256 key (64 hex) that encrypts two-factor secrets at rest. */
  MFA_ENCRYPTION_KEY: string;
  /** Password of the app's login role when `npm start` provisions it on a PostgreSQL server. */
  DATABASE_APP_PASSWORD: string;
};

/**
 * The demo install's secrets, generated once and kept in .data/secrets.json (git-ignored,
 * mode 600) so sessions and licence signatures survive restarts. Production sets both in the
 * environment instead, and those always win.
 */
export function ensureLocalSecrets(dataDir = ".data"): LocalSecrets {
  const file = path.join(dataDir, "secrets.json");
  let stored: Partial<LocalSecrets> = {};
  if (existsSync(file)) stored = JSON.parse(readFileSync(file, "utf8")) as Partial<LocalSecrets>;
  const secrets: LocalSecrets = {
    AUTH_SECRET: process.env.AUTH_SECRET ?? stored.AUTH_SECRET ?? randomBytes(32).toString("base64url"),
    LICENCE_SIGNING_KEY:
      process.env.LICENCE_SIGNING_KEY ?? stored.LICENCE_SIGNING_KEY ?? randomBytes(32).toString("hex"),
    MFA_ENCRYPTION_KEY: process.env.MFA_ENCRYPTION_KEY ?? stored.MFA_ENCRYPTION_KEY ?? randomBytes(32).toString("hex"),
    DATABASE_APP_PASSWORD: stored.DATABASE_APP_PASSWORD ?? randomBytes(24).toString("hex"),
  };
  if ((Object.keys(secrets) as (keyof LocalSecrets)[]).some((k) => stored[k] !== secrets[k])) {
    mkdirSync(dataDir, { recursive: true });
    writeFileSync(file, JSON.stringify(secrets, null, 2));
    chmodSync(file, 0o600);
  }
  return secrets;
}

import { randomBytes } from "node:crypto";
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

export type LocalSecrets = { AUTH_SECRET: string; LICENCE_SIGNING_KEY: string };

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
  };
  if (stored.AUTH_SECRET !== secrets.AUTH_SECRET || stored.LICENCE_SIGNING_KEY !== secrets.LICENCE_SIGNING_KEY) {
    mkdirSync(dataDir, { recursive: true });
    writeFileSync(file, JSON.stringify(secrets, null, 2));
    chmodSync(file, 0o600);
  }
  return secrets;
}

import "server-only";
import type { KeyObject } from "node:crypto";
import { env } from "@/lib/env";
import { publicKeyOf, signingKeyFromSeed } from "./signing";

let cached: { seed: string; privateKey: KeyObject; publicKey: KeyObject } | null = null;

/**
 * The library's Ed25519 key pair, from LICENCE_SIGNING_KEY (`npm start` generates and keeps one
 * in .data/secrets.json; tests and CI set it). Without it the system cannot issue or verify, and
 * says so rather than signing with a made-up key.
 */
export function licenceKeys(): { privateKey: KeyObject; publicKey: KeyObject } {
  const seed = process.env.LICENCE_SIGNING_KEY ?? env.LICENCE_SIGNING_KEY;
  if (!seed) throw new Error("LICENCE_SIGNING_KEY is not set: licences can be neither issued nor verified");
  if (cached?.seed !== seed) {
    const privateKey = signingKeyFromSeed(seed);
    cached = { seed, privateKey, publicKey: publicKeyOf(privateKey) };
  }
  return { privateKey: cached.privateKey, publicKey: cached.publicKey };
}

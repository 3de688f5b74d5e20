import "server-only";
import { headers } from "next/headers";
import { env } from "@/lib/env";

/**
 * The client's address as the trusted proxies saw it: the entry TRUSTED_PROXY_HOPS places from
 * the right of X-Forwarded-For (each proxy appends the address it was connected from). Next
 * itself only fills the header in when it is absent, so an app served without a proxy takes
 * the client's word for it — production runs behind the TLS proxy (README, "Security").
 */
export function clientAddressFrom(forwardedFor: string | null, hops = env.TRUSTED_PROXY_HOPS): string | null {
  const entries = (forwardedFor ?? "")
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  const chosen = entries[entries.length - hops] ?? entries[0];
  // Bounded, so a forged header cannot make the key material huge.
  return chosen ? chosen.slice(0, 64) : null;
}

export async function clientAddress(): Promise<string | null> {
  return clientAddressFrom((await headers()).get("x-forwarded-for"));
}

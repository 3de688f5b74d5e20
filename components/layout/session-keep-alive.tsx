"use client";

import { useEffect } from "react";

/** Every 10 minutes while the tab is visible; the session lasts 8 hours from its last renewal. */
const INTERVAL_MS = 10 * 60 * 1000;

/**
 * 长辈版 has no time-outs on forms: the session is a JWT that Auth.js renews (a new expiry)
 * whenever the session endpoint is read, so while a signed-in page stays open and visible it
 * is renewed here, and a resident who takes an afternoon over a form still files it. Nothing
 * else on a form expires: the idempotency key lives as long as the form, uploads are kept
 * 30 days, drafts until discarded.
 */
export function SessionKeepAlive() {
  useEffect(() => {
    const renew = () => {
      if (document.visibilityState === "visible") void fetch("/api/auth/session", { credentials: "same-origin", cache: "no-store" }).catch(() => undefined);
    };
    const timer = window.setInterval(renew, INTERVAL_MS);
    document.addEventListener("visibilitychange", renew);
    return () => {
      window.clearInterval(timer);
      document.removeEventListener("visibilitychange", renew);
    };
  }, []);
  return null;
}

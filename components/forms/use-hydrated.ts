"use client";

import { useSyncExternalStore } from "react";

const subscribe = () => () => {};

/**
 * False in the server HTML, true once React runs in the browser. Submit buttons stay disabled
 * until then, so a click (or Enter) before hydration can never fall back to a native GET that
 * would put the typed values, a password included, into the URL.
 */
export function useHydrated(): boolean {
  return useSyncExternalStore(
    subscribe,
    () => true,
    () => false,
  );
}

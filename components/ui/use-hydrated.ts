"use client";

import { useSyncExternalStore } from "react";

const subscribe = () => () => {};

/**
 * False on the server and while React hydrates its HTML, true after. Text
 * that depends on the browser (its clock, zone or locale) must wait for it,
 * or the first client render differs from the server's HTML (React error
 * #418). On a client-side navigation nothing is hydrated, so it is true at
 * once and nothing flashes.
 */
export function useHydrated(): boolean {
  return useSyncExternalStore(
    subscribe,
    () => true,
    () => false,
  );
}

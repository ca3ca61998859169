"use client";

import { useSyncExternalStore } from "react";
import { Toaster as Sonner } from "sonner";

// Where toasts go, so that they never cover the header (its Cart link and
// navigation) nor the main action: on desktop at the bottom right, where
// pages put nothing; on phones (sonner's own 600 px breakpoint, full width)
// just below the header, since a phone's bottom edge holds "Add to cart" and
// "Place order".
const PHONE = "(max-width: 600px)";

function subscribe(onChange: () => void) {
  const query = window.matchMedia(PHONE);
  query.addEventListener("change", onChange);
  return () => query.removeEventListener("change", onChange);
}

export function Toaster() {
  const phone = useSyncExternalStore(subscribe, () => window.matchMedia(PHONE).matches, () => false);
  return (
    <Sonner
      richColors
      position={phone ? "top-center" : "bottom-right"}
      mobileOffset={{ top: 68, left: 12, right: 12 }}
      visibleToasts={3}
    />
  );
}

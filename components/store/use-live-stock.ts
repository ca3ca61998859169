"use client";

import { useEffect, useState } from "react";
import type { VariantAvailability } from "@/lib/store/stock-status";

export type LiveState = "connecting" | "live" | "offline";

type StockMessage = { productId: string; variants: VariantAvailability[] };

// Backoff for re-opening a stream the browser gave up on (see below).
const RETRY_MS = [2_000, 4_000, 8_000, 15_000, 30_000];

/**
 * Availability of a product's variants, kept current over SSE. EventSource
 * reconnects by itself (sending Last-Event-ID); the server answers every
 * (re)connection with a fresh snapshot, so nothing is missed while offline.
 * But a reconnection answered with an error status (a 503 while PostgreSQL is
 * away, a 502 from a proxy during a deploy) makes the browser close the
 * stream for good, so then a new one is opened, with backoff.
 */
export function useLiveStock(productId: string, initial: VariantAvailability[]) {
  const [stock, setStock] = useState<Record<string, VariantAvailability>>(() => Object.fromEntries(initial.map((v) => [v.variantId, v])));
  const [state, setState] = useState<LiveState>("connecting");

  useEffect(() => {
    let source: EventSource | null = null;
    let retry: ReturnType<typeof setTimeout> | undefined;
    let attempt = 0;
    const onStock = (event: MessageEvent<string>) => {
      const message = JSON.parse(event.data) as StockMessage;
      setStock((current) => ({ ...current, ...Object.fromEntries(message.variants.map((v) => [v.variantId, v])) }));
      setState("live");
      attempt = 0;
    };
    const open = () => {
      const current = new EventSource(`/api/inventory/stream?productId=${encodeURIComponent(productId)}`);
      source = current;
      current.addEventListener("stock", onStock as EventListener);
      current.addEventListener("unavailable", () => setState("offline"));
      current.onerror = () => {
        if (current.readyState !== EventSource.CLOSED) return setState("connecting");
        setState("offline");
        retry = setTimeout(open, RETRY_MS[Math.min(attempt++, RETRY_MS.length - 1)]);
      };
    };
    open();
    return () => {
      clearTimeout(retry);
      source?.close();
    };
  }, [productId]);

  return { stock, state };
}

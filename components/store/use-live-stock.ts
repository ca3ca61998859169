"use client";

import { useEffect, useState } from "react";
import type { VariantAvailability } from "@/lib/store/stock-status";

export type LiveState = "connecting" | "live" | "offline";

type StockMessage = { productId: string; variants: VariantAvailability[] };

/**
 * Availability of a product's variants, kept current over SSE. EventSource
 * reconnects by itself (sending Last-Event-ID); the server answers every
 * (re)connection with a fresh snapshot, so nothing is missed while offline.
 */
export function useLiveStock(productId: string, initial: VariantAvailability[]) {
  const [stock, setStock] = useState<Record<string, VariantAvailability>>(() => Object.fromEntries(initial.map((v) => [v.variantId, v])));
  const [state, setState] = useState<LiveState>("connecting");

  useEffect(() => {
    const source = new EventSource(`/api/inventory/stream?productId=${encodeURIComponent(productId)}`);
    const onStock = (event: MessageEvent<string>) => {
      const message = JSON.parse(event.data) as StockMessage;
      setStock((current) => ({ ...current, ...Object.fromEntries(message.variants.map((v) => [v.variantId, v])) }));
      setState("live");
    };
    source.addEventListener("stock", onStock as EventListener);
    source.addEventListener("unavailable", () => setState("offline"));
    source.onerror = () => setState(source.readyState === EventSource.CLOSED ? "offline" : "connecting");
    return () => source.close();
  }, [productId]);

  return { stock, state };
}

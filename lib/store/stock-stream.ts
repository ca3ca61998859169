import { sseFrame, stockSseStream, type SseConnection } from "@/lib/events/sse";
import type { StreamSlot } from "@/lib/events/stream-slots";
import { logger } from "@/lib/logger";
import { getProductAvailability } from "./product";
import type { VariantAvailability } from "./stock-status";

export const HEARTBEAT_MS = 15_000;
export const RECONNECT_MS = 2_000;

type StockFrame = { payload: string; bytes: Uint8Array };
type SharedSnapshot = { frameFor: (variantId: string | undefined) => StockFrame };

// One database read — and one serialisation — per product per wave of
// triggers: when an event reaches thousands of open streams of one product,
// they share a load that started after the event (never one that started
// before it, which could predate the write), and the same encoded frame.
// Matters most while Redis is down and every read goes to PostgreSQL.
const sharedLoads = new Map<string, { startedAt: number; promise: Promise<SharedSnapshot> }>();
let loadSequence = 0;

async function loadShared(productId: string): Promise<SharedSnapshot> {
  const variants = await getProductAvailability(productId);
  const id = `${Date.now()}-${++loadSequence}`;
  const at = new Date().toISOString();
  const frames = new Map<string, StockFrame>();
  return {
    frameFor(variantId) {
      const key = variantId ?? "";
      let cached = frames.get(key);
      if (!cached) {
        const payload: VariantAvailability[] = variantId ? variants.filter((v) => v.variantId === variantId) : variants;
        cached = { payload: JSON.stringify(payload), bytes: sseFrame("stock", { productId, variants: payload, at }, id) };
        frames.set(key, cached);
      }
      return cached;
    },
  };
}

function snapshotSince(productId: string, triggeredAt: number): Promise<SharedSnapshot> {
  const shared = sharedLoads.get(productId);
  if (shared && shared.startedAt >= triggeredAt) return shared.promise;
  const entry = { startedAt: performance.now(), promise: loadShared(productId) };
  sharedLoads.set(productId, entry);
  const forget = () => {
    if (sharedLoads.get(productId) === entry) sharedLoads.delete(productId);
  };
  entry.promise.then(forget, (error: unknown) => {
    forget();
    // Logged once per shared load, not once per open stream.
    logger.warn("stock stream read failed", { productId, error: String(error) });
  });
  return entry.promise;
}

type StreamOptions = { productId: string; variantId?: string; signal: AbortSignal; slot?: StreamSlot };

/**
 * Server-sent events for one product page. The first message is a fresh
 * snapshot (so a reconnect, with or without Last-Event-ID, simply resyncs:
 * availability is state, not a log to replay). After that, every stock.changed
 * event for the product — from any app instance, via the event bus — triggers
 * one re-read of the product's stock (single-flight in the cache), sent as a
 * "stock" message. Heartbeat comments keep proxies from closing idle streams.
 * While the event bus is degraded (Redis away) it asks for a resync every few
 * seconds: the stream re-reads and sends a snapshot only when it changed.
 */
export function productStockStream({ productId, variantId, signal, slot }: StreamOptions): ReadableStream<Uint8Array> {
  let pending: Promise<void> = Promise.resolve();
  let lastSent = "";
  // A burst of events for this product (one message carries every variant a
  // hold batch or a bulk upload changed) needs one re-read, not one per event:
  // while a push waits its turn, later triggers join it, and it reads no
  // earlier than the latest of them.
  let waiting: { triggeredAt: number; onlyIfChanged: boolean } | null = null;
  const pushSnapshot = (connection: SseConnection, onlyIfChanged = false) => {
    const triggeredAt = performance.now();
    if (waiting) {
      waiting.triggeredAt = triggeredAt;
      waiting.onlyIfChanged &&= onlyIfChanged;
      return;
    }
    const push = { triggeredAt, onlyIfChanged };
    waiting = push;
    // Chained so that messages leave in order even if reads finish out of order.
    pending = pending.then(async () => {
      waiting = null; // triggers from now on need a read that starts after them
      try {
        const { payload, bytes } = (await snapshotSince(productId, push.triggeredAt)).frameFor(variantId);
        if (push.onlyIfChanged && payload === lastSent) return;
        lastSent = payload;
        connection.send(bytes);
      } catch {
        connection.send(sseFrame("unavailable", { message: "Live stock is temporarily unavailable" }));
      }
    });
  };
  return stockSseStream({
    signal,
    retryMs: RECONNECT_MS,
    heartbeatMs: HEARTBEAT_MS,
    onOpen: (connection) => pushSnapshot(connection),
    onEvent: (event, connection) => {
      if (event.productId !== productId || (variantId && event.variantId !== variantId)) return;
      pushSnapshot(connection);
    },
    onResync: (_reason, connection) => pushSnapshot(connection, true),
    slot,
  });
}

import type { EventBus } from "@/lib/events";
import type { StreamSlot } from "@/lib/events/stream-slots";
import { sseComment, sseFrame, stockSseStream } from "@/lib/events/sse";
import { logger } from "@/lib/logger";

const HEARTBEAT_MS = 15_000;
// How soon EventSource reconnects after a drop.
const RETRY_MS = 5_000;
let openStreams = 0;

/** How many admin SSE connections this process is serving (for tests and diagnostics). */
export function openAdminStreams(): number {
  return openStreams;
}

/**
 * An SSE body carrying every stock-changed event of every app instance (the
 * bus fans out through Redis). The admin pages re-render on any "stock"
 * message (components/admin/live-refresh.tsx coalesces them), so no state is
 * computed here. When the bus says events may have been lost — every few
 * seconds while Redis is away, once when it is back — the stream sends a
 * "stock" message carrying the resync reason instead of a variant: the page
 * re-reads PostgreSQL, as the store's product streams do.
 */
export function stockEventStream(signal: AbortSignal, options: { heartbeatMs?: number; bus?: EventBus; slot?: StreamSlot } = {}): ReadableStream<Uint8Array> {
  return stockSseStream({
    signal,
    bus: options.bus,
    slot: options.slot,
    retryMs: RETRY_MS,
    heartbeatMs: options.heartbeatMs ?? HEARTBEAT_MS,
    onOpen: (connection) => {
      openStreams += 1;
      connection.send(sseComment("connected"));
    },
    onEvent: ({ variantId, productId, available, at }, connection) => {
      connection.send(sseFrame("stock", { variantId, productId, available, at }));
    },
    onResync: (reason, connection) => {
      connection.send(sseFrame("stock", { resync: reason, at: new Date().toISOString() }));
    },
    onClose: () => {
      openStreams -= 1;
      logger.debug("admin stream closed");
    },
  });
}

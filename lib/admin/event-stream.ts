import { eventBus } from "@/lib/events";
import { logger } from "@/lib/logger";

const HEARTBEAT_MS = 15_000;
let openStreams = 0;

/** How many admin SSE connections this process is serving (for tests and diagnostics). */
export function openAdminStreams(): number {
  return openStreams;
}

/**
 * An SSE body carrying every stock-changed event of every app instance (the
 * bus fans out through Redis). A comment line every 15 s keeps proxies from
 * closing an idle connection and lets us notice a dead client; the
 * subscription and timer are released when the client disconnects (request
 * aborted), the body is cancelled, or a write fails — whichever comes first.
 */
export function stockEventStream(signal: AbortSignal, heartbeatMs = HEARTBEAT_MS): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  let release: () => void = () => {};
  return new ReadableStream<Uint8Array>({
    start(controller) {
      let closed = false;
      openStreams += 1;
      const send = (text: string) => {
        if (closed) return;
        try {
          controller.enqueue(encoder.encode(text));
        } catch {
          release();
        }
      };
      // `retry` tells EventSource how soon to reconnect after a drop.
      send(`retry: 5000\n: connected\n\n`);
      const unsubscribe = eventBus().subscribe((event) => {
        const { variantId, productId, available, at } = event;
        send(`event: stock\ndata: ${JSON.stringify({ variantId, productId, available, at })}\n\n`);
      });
      const heartbeat = setInterval(() => send(`: heartbeat ${Date.now()}\n\n`), heartbeatMs);
      const onAbort = () => release();
      release = () => {
        if (closed) return;
        closed = true;
        openStreams -= 1;
        clearInterval(heartbeat);
        unsubscribe();
        signal.removeEventListener("abort", onAbort);
        try {
          controller.close();
        } catch {
          // already closed or errored by the runtime
        }
        logger.debug("admin stream closed");
      };
      if (signal.aborted) release();
      else signal.addEventListener("abort", onAbort);
    },
    cancel() {
      release();
    },
  });
}

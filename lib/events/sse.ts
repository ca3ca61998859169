import { eventBus } from "./index";
import type { StreamSlot } from "./stream-slots";
import type { EventBus, ResyncReason, StockEvent } from "./types";

// The one server-sent-events lifecycle for stock streams (the store's product
// stream and the admin pages' stream): retry hint, subscription to the bus and
// to its resyncs, heartbeat, and one release path for every way a stream ends
// (client disconnect, body cancelled, a failed write, or the stream closing
// itself). Streams only decide what to send.

const encoder = new TextEncoder();

/** One SSE message with a JSON payload. */
export function sseFrame(event: string, data: unknown, id?: string): Uint8Array {
  return encoder.encode(`${id ? `id: ${id}\n` : ""}event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
}

/** An SSE comment line: ignored by EventSource, but it keeps proxies from closing an idle connection. */
export function sseComment(text: string): Uint8Array {
  return encoder.encode(`: ${text}\n\n`);
}

export type SseConnection = {
  /** Queues bytes for the client; a failed write closes the stream. No-op once closed. */
  send: (chunk: Uint8Array) => void;
  /** Ends the stream (EventSource then reconnects after the retry hint). */
  close: () => void;
};

export type StockSseOptions = {
  signal: AbortSignal;
  /** How soon EventSource should reconnect after the stream ends or drops. */
  retryMs: number;
  heartbeatMs: number;
  /** The bus to follow; the process's own unless a test brings one. */
  bus?: EventBus;
  /** Runs once, after the retry hint, with the subscription in place (so nothing published meanwhile is missed). */
  onOpen?: (connection: SseConnection) => void;
  onEvent: (event: StockEvent, connection: SseConnection) => void;
  /** Events may have been lost (Redis away, or just back): the stream must bring its client up to date. */
  onResync: (reason: ResyncReason, connection: SseConnection) => void;
  onClose?: () => void;
  /** This stream's place among the instance's open streams (lib/events/stream-slots.ts). */
  slot?: StreamSlot;
};

export function stockSseStream(options: StockSseOptions): ReadableStream<Uint8Array> {
  let release = () => {};
  return new ReadableStream<Uint8Array>({
    start(controller) {
      let closed = false;
      const connection: SseConnection = {
        send(chunk) {
          if (closed) return;
          options.slot?.touch();
          try {
            controller.enqueue(chunk);
          } catch {
            release();
          }
        },
        close: () => release(),
      };
      const bus = options.bus ?? eventBus();
      const offEvents = bus.subscribe((event) => options.onEvent(event, connection));
      const offResync = bus.onResync((reason) => options.onResync(reason, connection));
      // Heartbeats bypass send(): they keep proxies open but do not make a stream "active".
      const heartbeat = setInterval(() => {
        if (closed) return;
        try {
          controller.enqueue(sseComment(`heartbeat ${Date.now()}`));
        } catch {
          release();
        }
      }, options.heartbeatMs);
      const onAbort = () => release();
      release = () => {
        if (closed) return;
        closed = true;
        clearInterval(heartbeat);
        offEvents();
        offResync();
        options.signal.removeEventListener("abort", onAbort);
        try {
          controller.close();
        } catch {
          // already closed or errored by the runtime
        }
        options.slot?.release();
        options.onClose?.();
      };
      options.slot?.onShed(() => release());
      connection.send(encoder.encode(`retry: ${options.retryMs}\n\n`));
      options.onOpen?.(connection);
      if (options.signal.aborted) release();
      else options.signal.addEventListener("abort", onAbort);
    },
    cancel() {
      release();
    },
  });
}

/** The response for an SSE body; nothing on the way may cache, transform or buffer it. */
export function sseResponse(body: ReadableStream<Uint8Array>): Response {
  return new Response(body, {
    headers: {
      "content-type": "text/event-stream; charset=utf-8",
      "cache-control": "no-store, no-transform",
      connection: "keep-alive",
      // Tells nginx-style proxies not to buffer the stream.
      "x-accel-buffering": "no",
    },
  });
}

import { EventEmitter } from "node:events";
import type { EventBus, StockEvent } from "./types";

/** Single-process bus for the embedded default. */
export class MemoryEventBus implements EventBus {
  readonly kind = "memory" as const;
  private readonly emitter = new EventEmitter().setMaxListeners(0);

  async publish(events: StockEvent[]) {
    for (const event of events) this.emitter.emit("event", event);
  }

  subscribe(handler: (event: StockEvent) => void) {
    this.emitter.on("event", handler);
    return () => void this.emitter.off("event", handler);
  }

  /** In-process delivery cannot lose events: nothing to resync. */
  onResync() {
    return () => {};
  }

  subscriberCount() {
    return this.emitter.listenerCount("event");
  }
}

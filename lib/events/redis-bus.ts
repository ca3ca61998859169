import { EventEmitter } from "node:events";
import type Redis from "ioredis";
import { logger } from "@/lib/logger";
import type { EventBus, StockEvent } from "./types";

/**
 * Redis pub/sub fan-out. One subscriber connection per process feeds a local
 * emitter, so thousands of SSE clients cost one Redis subscription.
 */
export class RedisEventBus implements EventBus {
  readonly kind = "redis" as const;
  private readonly emitter = new EventEmitter().setMaxListeners(0);
  private subscribed = false;

  constructor(
    private readonly publisher: Redis,
    private readonly subscriber: Redis,
    private readonly channel: string,
  ) {}

  async publish(event: StockEvent) {
    await this.publisher.publish(this.channel, JSON.stringify(event));
  }

  subscribe(handler: (event: StockEvent) => void) {
    this.ensureSubscribed();
    this.emitter.on("event", handler);
    return () => void this.emitter.off("event", handler);
  }

  subscriberCount() {
    return this.emitter.listenerCount("event");
  }

  private ensureSubscribed() {
    if (this.subscribed) return;
    this.subscribed = true;
    this.subscriber.on("message", (channel: string, message: string) => {
      if (channel !== this.channel) return;
      try {
        this.emitter.emit("event", JSON.parse(message) as StockEvent);
      } catch (error) {
        logger.warn("ignored malformed stock event", { error: String(error) });
      }
    });
    this.subscriber.subscribe(this.channel).catch((error: Error) => {
      logger.warn("redis subscribe failed; will resubscribe on reconnect", { error: error.message });
    });
  }
}

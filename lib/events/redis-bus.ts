import { EventEmitter } from "node:events";
import type Redis from "ioredis";
import { logger } from "@/lib/logger";
import { isReady, withRedisDeadline } from "@/lib/redis";
import type { EventBus, ResyncReason, StockEvent } from "./types";

/** While Redis is away, local listeners are asked to re-read state this often (events may be lost meanwhile). */
export const DEGRADED_POLL_MS = 2_000;
// A publish that failed this recently means our own events are not reaching anyone.
const PUBLISH_FAILURE_WINDOW_MS = 5_000;

/**
 * Redis pub/sub fan-out. One subscriber connection per process feeds a local
 * emitter, so thousands of SSE clients cost one Redis subscription.
 *
 * Pub/sub is fire-and-forget: whatever is published while a connection is
 * down is gone. So the bus tells its listeners when they may have missed
 * something (`onResync`): every DEGRADED_POLL_MS while either connection is
 * unusable, and once when both work again. Listeners re-read state from
 * PostgreSQL then — availability is state, not a log to replay.
 */
export class RedisEventBus implements EventBus {
  readonly kind = "redis" as const;
  private readonly emitter = new EventEmitter().setMaxListeners(0);
  private subscribed = false;
  private degraded = false;
  private lastPublishFailure = 0;
  private watchdog: NodeJS.Timeout | null = null;

  constructor(
    private readonly publisher: Redis,
    private readonly subscriber: Redis,
    private readonly channel: string,
  ) {}

  async publish(events: StockEvent[]) {
    if (!events.length) return;
    // Fail fast rather than queue behind a reconnect: the transaction has
    // committed, and listeners resync when Redis is back.
    try {
      if (!isReady(this.publisher)) throw new Error(`redis publisher is ${this.publisher.status}`);
      // One message per batch: a busy moment is one PUBLISH (and one delivery per instance), not one per variant.
      const message = JSON.stringify(events.length === 1 ? events[0] : events);
      await withRedisDeadline(this.publisher, this.publisher.publish(this.channel, message), 500);
    } catch (error) {
      this.lastPublishFailure = Date.now();
      throw error;
    }
  }

  subscribe(handler: (event: StockEvent) => void) {
    this.ensureSubscribed();
    this.emitter.on("event", handler);
    return () => void this.emitter.off("event", handler);
  }

  onResync(handler: (reason: ResyncReason) => void) {
    this.ensureSubscribed();
    this.emitter.on("resync", handler);
    return () => void this.emitter.off("resync", handler);
  }

  subscriberCount() {
    return this.emitter.listenerCount("event");
  }

  private healthy(): boolean {
    return isReady(this.subscriber) && isReady(this.publisher) && Date.now() - this.lastPublishFailure > PUBLISH_FAILURE_WINDOW_MS;
  }

  private check() {
    if (!this.healthy()) {
      if (!this.degraded) logger.warn("stock events degraded: live updates fall back to polling PostgreSQL");
      this.degraded = true;
      this.emitter.emit("resync", "degraded");
    } else if (this.degraded) {
      this.degraded = false;
      logger.info("stock events recovered");
      this.emitter.emit("resync", "reconnected");
    }
  }

  private ensureSubscribed() {
    if (this.subscribed) return;
    this.subscribed = true;
    this.subscriber.on("message", (channel: string, message: string) => {
      if (channel !== this.channel) return;
      try {
        const parsed = JSON.parse(message) as StockEvent | StockEvent[];
        for (const event of Array.isArray(parsed) ? parsed : [parsed]) this.emitter.emit("event", event);
      } catch (error) {
        logger.warn("ignored malformed stock event", { error: String(error) });
      }
    });
    const subscribeNow = () =>
      this.subscriber.subscribe(this.channel).catch((error: Error) => {
        logger.warn("redis subscribe failed; will resubscribe on reconnect", { error: error.message });
      });
    // ioredis resubscribes by itself only to channels whose SUBSCRIBE once
    // succeeded; one that failed (Redis down at start-up) must be redone here.
    this.subscriber.on("ready", () => {
      void subscribeNow().then(() => this.check());
    });
    this.subscriber.on("close", () => this.check());
    if (this.subscriber.status === "ready") void subscribeNow();
    this.watchdog = setInterval(() => this.check(), DEGRADED_POLL_MS);
    this.watchdog.unref();
  }
}

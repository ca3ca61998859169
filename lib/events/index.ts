import { env } from "@/lib/env";
import { logger } from "@/lib/logger";
import { redisClient, redisEnabled } from "@/lib/redis";
import { MemoryEventBus } from "./memory-bus";
import { RedisEventBus } from "./redis-bus";
import type { EventBus, StockEvent } from "./types";

export type { EventBus, ResyncReason, StockChangedEvent, StockEvent } from "./types";

const globalForBus = globalThis as unknown as { __stockroomBus?: EventBus };

export function eventBus(): EventBus {
  globalForBus.__stockroomBus ??= redisEnabled()
    ? new RedisEventBus(redisClient("publisher"), redisClient("subscriber"), `${env.REDIS_KEY_PREFIX}events:stock`)
    : new MemoryEventBus();
  return globalForBus.__stockroomBus;
}

/** Publishes after commit; a lost event only delays a live update (clients resync on reconnect). */
export async function publishStockEvents(events: StockEvent[]): Promise<void> {
  if (!events.length) return;
  await eventBus()
    .publish(events)
    .catch((error: unknown) => logger.warn("stock events not published", { events: events.length, error: String(error) }));
}

export type StockChangedEvent = {
  type: "stock.changed";
  productId: string;
  variantId: string;
  /** Units a shopper can still reserve, summed over warehouses. */
  available: number;
  at: string;
};

export type StockEvent = StockChangedEvent;

/** Why listeners should re-read state: events may have been lost while Redis was away, or it just came back. */
export type ResyncReason = "degraded" | "reconnected";

export interface EventBus {
  readonly kind: "redis" | "memory";
  /** Publishes the events of one commit (or round of commits) together: one message on Redis. */
  publish(events: StockEvent[]): Promise<void>;
  /** Returns an unsubscribe function. Handlers run for events from every app instance. */
  subscribe(handler: (event: StockEvent) => void): () => void;
  /** Called when events may have been missed (see RedisEventBus); returns an unsubscribe function. */
  onResync(handler: (reason: ResyncReason) => void): () => void;
  /** Local handlers (one per open SSE stream, plus internal ones); for health and leak checks. */
  subscriberCount(): number;
}

export type StockChangedEvent = {
  type: "stock.changed";
  productId: string;
  variantId: string;
  /** Units a shopper can still reserve, summed over warehouses. */
  available: number;
  at: string;
};

export type StockEvent = StockChangedEvent;

export interface EventBus {
  readonly kind: "redis" | "memory";
  publish(event: StockEvent): Promise<void>;
  /** Returns an unsubscribe function. Handlers run for events from every app instance. */
  subscribe(handler: (event: StockEvent) => void): () => void;
  /** Local handlers (one per open SSE stream, plus internal ones); for health and leak checks. */
  subscriberCount(): number;
}

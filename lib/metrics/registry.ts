import { Counter, Histogram, Registry, collectDefaultMetrics } from "prom-client";

// The process's Prometheus registry (prom-client) and the counters the hot
// paths bump. Gauges that need a query are in ./collect.ts, read only when
// /api/metrics is scraped. One registry per process, kept on globalThis so
// Next.js's module copies (route and instrumentation bundles) share it.

type Metrics = {
  registry: Registry;
  holdDecisions: Counter<"outcome">;
  holdSeconds: Histogram;
  cacheReads: Counter<"result">;
};

const globalForMetrics = globalThis as unknown as { __stockroomMetrics?: Metrics };

export function metrics(): Metrics {
  if (!globalForMetrics.__stockroomMetrics) {
    const registry = new Registry();
    collectDefaultMetrics({ register: registry, prefix: "stockroom_" });
    globalForMetrics.__stockroomMetrics = {
      registry,
      holdDecisions: new Counter({
        name: "stockroom_hold_decisions_total", help: "Cart hold decisions, by outcome (held, refused, not_found).",
        labelNames: ["outcome"], registers: [registry],
      }),
      holdSeconds: new Histogram({
        name: "stockroom_hold_decision_seconds", help: "Time to decide a cart hold (batching and the database included).",
        buckets: [0.002, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5], registers: [registry],
      }),
      cacheReads: new Counter({
        name: "stockroom_stock_cache_reads_total", help: "Cached stock reads, by result (near_hit: this instance's memory, hit: Redis, miss).",
        labelNames: ["result"], registers: [registry],
      }),
    };
  }
  return globalForMetrics.__stockroomMetrics;
}

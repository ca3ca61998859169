import { Gauge } from "prom-client";
import { pgPool } from "@/lib/db";
import { streamSlots } from "@/lib/events/stream-slots";
import { metrics } from "./registry";

let registered = false;

/**
 * Scrape-time gauges: open SSE streams, the database pool (in use, idle,
 * waiting), and the outbox (pending, dead, age of the oldest pending). Read
 * when Prometheus scrapes, never on a request path.
 */
function registerGauges(): void {
  if (registered) return;
  registered = true;
  const { registry } = metrics();
  new Gauge({ name: "stockroom_sse_streams_open", help: "Live stock streams open on this instance.", registers: [registry], collect() { this.set(streamSlots().size); } });
  new Gauge({
    name: "stockroom_db_pool_connections", help: "Database pool connections, by state (total, idle, waiting requests).",
    labelNames: ["state"], registers: [registry],
    collect() {
      const pool = pgPool();
      this.set({ state: "total" }, pool.totalCount);
      this.set({ state: "idle" }, pool.idleCount);
      this.set({ state: "waiting" }, pool.waitingCount);
    },
  });
  const oldest = new Gauge({ name: "stockroom_outbox_oldest_pending_seconds", help: "Age of the oldest pending notification (0 when none).", registers: [registry] });
  // One query feeds both outbox gauges; prom-client awaits an async collect.
  new Gauge({
    name: "stockroom_outbox_notifications", help: "Outbox notifications, by status.", labelNames: ["status"], registers: [registry],
    async collect() {
      const { rows } = await pgPool().query<{ status: string; n: number; oldest: number | null }>(
        `select s.status, coalesce(c.n, 0)::int as n, c.oldest from unnest(array['PENDING', 'DELIVERED', 'DEAD']) s(status)
         left join (select "status"::text as status, count(*) as n,
           extract(epoch from now() - min("createdAt")) as oldest
           from "Notification" group by 1) c using (status)`,
      );
      for (const row of rows) this.set({ status: row.status.toLowerCase() }, row.n);
      oldest.set(Number(rows.find((r) => r.status === "PENDING")?.oldest ?? 0));
    },
  });
}

/** The Prometheus text exposition of this process. */
export async function renderMetrics(): Promise<{ body: string; contentType: string }> {
  registerGauges();
  const { registry } = metrics();
  return { body: await registry.metrics(), contentType: registry.contentType };
}

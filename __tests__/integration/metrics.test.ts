import { afterAll, describe, expect, it } from "@jest/globals";

// lib/env reads the environment once, at first import: set the token before any import of the app.
const TOKEN = "metrics-token-for-tests-0123456789";
process.env.METRICS_TOKEN = TOKEN;

const load = async () => {
  const route = await import("@/app/api/metrics/route");
  const fixtures = await import("../helpers/fixtures");
  const inventory = await import("@/lib/inventory");
  return { route, fixtures, inventory };
};
const scrape = (route: Awaited<ReturnType<typeof load>>["route"], authorization?: string) =>
  route.GET(new Request("http://store.test/api/metrics", { headers: authorization ? { authorization } : {} }));

const sample = (text: string, name: string) => Number(new RegExp(`^${name.replace(/[{}"]/g, "\\$&")} (\\S+)$`, "m").exec(text)?.[1] ?? NaN);

afterAll(async () => (await import("../helpers/db")).closeConnections());

describe("GET /api/metrics", () => {
  it("refuses without the bearer token and serves Prometheus text with it", async () => {
    const { route } = await load();
    expect((await scrape(route)).status).toBe(401);
    expect((await scrape(route, "Bearer wrong-token-of-the-same-len!")).status).toBe(401);
    const ok = await scrape(route, `Bearer ${TOKEN}`);
    expect(ok.status).toBe(200);
    expect(ok.headers.get("content-type")).toContain("text/plain");
    const text = await ok.text();
    for (const name of ["stockroom_sse_streams_open", "stockroom_db_pool_connections", "stockroom_outbox_notifications", "stockroom_outbox_oldest_pending_seconds", "stockroom_process_cpu_seconds_total"]) {
      expect(text).toContain(`# TYPE ${name}`);
    }
  });

  it("counts hold decisions by outcome and times them", async () => {
    const { route, fixtures, inventory } = await load();
    const { createStockedVariant, createWarehouses, sessionId } = fixtures;
    await (await import("../helpers/db")).truncateAll();
    const { main } = await createWarehouses();
    const v = await createStockedVariant([main], { stock: { MAIN: 1 } });
    const before = await (await scrape(route, `Bearer ${TOKEN}`)).text();
    await inventory.reserveStock({ variantId: v.variantId, sessionId: sessionId(), quantity: 1 });
    await inventory.reserveStock({ variantId: v.variantId, sessionId: sessionId(), quantity: 1 }).catch(() => undefined);
    const after = await (await scrape(route, `Bearer ${TOKEN}`)).text();
    const delta = (name: string) => (sample(after, name) || 0) - (sample(before, name) || 0);
    expect(delta('stockroom_hold_decisions_total{outcome="held"}')).toBe(1);
    expect(delta('stockroom_hold_decisions_total{outcome="refused"}')).toBe(1);
    expect(delta("stockroom_hold_decision_seconds_count")).toBe(2);
    const outbox = await import("@/lib/db").then(({ db }) => db.notification.count({ where: { status: "PENDING" } }));
    expect(sample(after, 'stockroom_outbox_notifications{status="pending"}')).toBe(outbox);
  });
});

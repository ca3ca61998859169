import { describe, expect, it } from "@jest/globals";
import { GET as streamRoute } from "@/app/api/inventory/stream/route";
import { GET as stockRoute } from "@/app/api/inventory/stock/route";
import { eventBus } from "@/lib/events";
import { env } from "@/lib/env";
import { PEER_HEADER } from "@/lib/http/peer-address";
import { reserveStock } from "@/lib/inventory";
import { createStockedVariant, freshWarehousesPerTest, sessionId } from "../helpers/fixtures";
import { frameReader } from "../helpers/sse";

const warehouses = freshWarehousesPerTest();

describe("GET /api/inventory/stream", () => {
  it("sends a snapshot, then a fresh one after a stock change, and cleans up on disconnect", async () => {
    const v = await createStockedVariant([warehouses.main], { stock: { MAIN: 10 } });
    const subscribersBefore = eventBus().subscriberCount();
    const abort = new AbortController();
    const response = await streamRoute(new Request(`http://test/api/inventory/stream?productId=${v.productId}`, { signal: abort.signal }));
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toContain("text/event-stream");
    const frames = frameReader(response.body!);

    const first = await frames.next();
    expect(first).toMatchObject({ event: "stock", data: { productId: v.productId, variants: [{ variantId: v.variantId, available: 10 }] } });
    expect(first.id).toBeTruthy();
    expect(eventBus().subscriberCount()).toBe(subscribersBefore + 1);

    await reserveStock({ variantId: v.variantId, sessionId: sessionId(), quantity: 3 });
    const update = await frames.next();
    expect(update).toMatchObject({ event: "stock", data: { variants: [{ variantId: v.variantId, available: 7 }] } });

    abort.abort();
    await expect(frames.reader.read()).resolves.toMatchObject({ done: true });
    expect(eventBus().subscriberCount()).toBe(subscribersBefore);
  });

  it("ignores changes to other products", async () => {
    const watched = await createStockedVariant([warehouses.main], { stock: { MAIN: 5 } });
    const other = await createStockedVariant([warehouses.main], { stock: { MAIN: 5 } });
    const abort = new AbortController();
    const response = await streamRoute(new Request(`http://test/api/inventory/stream?productId=${watched.productId}`, { signal: abort.signal }));
    const frames = frameReader(response.body!);
    try {
      await frames.next();
      // Wait until the other product's event has reached this process (so the
      // stream has already seen it) before changing the watched product.
      const otherDelivered = new Promise<void>((resolve) => {
        const off = eventBus().subscribe((event) => {
          if (event.variantId !== other.variantId) return;
          off();
          resolve();
        });
      });
      await reserveStock({ variantId: other.variantId, sessionId: sessionId(), quantity: 1 });
      await otherDelivered;
      await reserveStock({ variantId: watched.variantId, sessionId: sessionId(), quantity: 2 });
      // Had the other product's event got through, it would have sent a snapshot
      // first (still 5 available); and if events never arrived, nothing comes.
      expect(await frames.next()).toMatchObject({ event: "stock", data: { productId: watched.productId, variants: [{ available: 3 }] } });
    } finally {
      abort.abort();
    }
  });

  it("answers a burst of events for its product with one or two re-reads, not one frame per event", async () => {
    const v = await createStockedVariant([warehouses.main], { stock: { MAIN: 10 } });
    const abort = new AbortController();
    const response = await streamRoute(new Request(`http://test/api/inventory/stream?productId=${v.productId}`, { signal: abort.signal }));
    const frames = frameReader(response.body!);
    try {
      await frames.next();
      // One message with 50 events of this product (as a bulk upload or a hold batch sends), then a real change.
      const at = new Date().toISOString();
      await eventBus().publish(Array.from({ length: 50 }, () => ({ type: "stock.changed" as const, productId: v.productId, variantId: v.variantId, available: 10, at })));
      await reserveStock({ variantId: v.variantId, sessionId: sessionId(), quantity: 4 });
      let seen = 0;
      for (;;) {
        const frame = await frames.next();
        seen += 1;
        if ((frame.data as { variants: { available: number }[] }).variants[0]!.available === 6) break;
      }
      // The 50 events share at most two reads (one may already be under way when the rest arrive), then the change's own.
      expect(seen).toBeLessThanOrEqual(3);
    } finally {
      abort.abort();
    }
  });

  it.each([
    ["a missing productId", "", 400],
    ["a malformed productId", "?productId=1%20or%201=1", 400],
    ["a malformed variantId", "?productId=00000000-0000-4000-8000-000000000000&variantId=x", 400],
    ["an unknown product", "?productId=00000000-0000-4000-8000-000000000000", 404],
  ])("answers %s (query '%s') with %d and a JSON error", async (_label, query, status) => {
    for (const route of [streamRoute, stockRoute]) {
      const response = await route(new Request(`http://test/api/inventory/stream${query}`));
      expect(response.status).toBe(status);
      expect((await response.json()).error.code).toBe(status === 400 ? "VALIDATION" : "NOT_FOUND");
    }
  });

  it("caps live streams per client IP with a 429 (Retry-After), and frees a slot when a stream ends", async () => {
    const v = await createStockedVariant([warehouses.main], { stock: { MAIN: 5 } });
    const open = (ip: string, signal: AbortSignal) =>
      streamRoute(new Request(`http://test/api/inventory/stream?productId=${v.productId}`, { signal, headers: { [PEER_HEADER]: ip } }));
    const aborts = Array.from({ length: env.SSE_MAX_STREAMS_PER_IP }, () => new AbortController());
    const opened = await Promise.all(aborts.map((a) => open("198.51.100.9", a.signal)));
    expect(opened.map((r) => r.status)).toEqual(aborts.map(() => 200));
    const refused = await open("198.51.100.9", new AbortController().signal);
    expect(refused.status).toBe(429);
    expect(refused.headers.get("retry-after")).toBe("30");
    expect(await refused.json()).toMatchObject({ error: { code: "RATE_LIMITED" } });
    // Another client is not affected.
    const other = new AbortController();
    expect((await open("198.51.100.10", other.signal)).status).toBe(200);
    aborts[0]!.abort();
    await opened[0]!.body!.cancel().catch(() => {});
    const again = new AbortController();
    expect((await open("198.51.100.9", again.signal)).status).toBe(200);
    for (const a of [...aborts, other, again]) a.abort();
  });
});

import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import Redis from "ioredis";
import { GET as stream } from "@/app/api/admin/stream/route";
import { openAdminStreams, stockEventStream } from "@/lib/admin/event-stream";
import type { SessionUser } from "@/lib/auth/roles";
import { RedisEventBus } from "@/lib/events/redis-bus";
import { adjustStock } from "@/lib/inventory";
import { closeConnections, truncateAll } from "../helpers/db";
import { createStaff, requestAs } from "../helpers/admin-users";
import { createStockedVariant, createWarehouses } from "../helpers/fixtures";

// The admin SSE stream over the real Redis event bus: a committed stock change
// reaches a connected admin page; heartbeats flow; disconnecting releases the
// subscription and timer.

let staff: { admin: SessionUser; ops: SessionUser };
let fx: { variantId: string; productId: string; warehouseId: string };

beforeAll(async () => {
  await truncateAll();
  staff = await createStaff();
  const { main } = await createWarehouses();
  const v = await createStockedVariant([main], { stock: { MAIN: 4 } });
  fx = { variantId: v.variantId, productId: v.productId, warehouseId: main.id };
});
afterAll(closeConnections);

/** Reads the stream until `predicate` matches the accumulated text (or times out). */
async function readUntil(reader: ReadableStreamDefaultReader<Uint8Array>, predicate: (text: string) => boolean, timeoutMs = 5_000) {
  const decoder = new TextDecoder();
  let text = "";
  const deadline = Date.now() + timeoutMs;
  while (!predicate(text)) {
    const remaining = deadline - Date.now();
    if (remaining <= 0) throw new Error(`stream did not match in time; got: ${JSON.stringify(text)}`);
    const chunk = await Promise.race([reader.read(), new Promise<null>((r) => setTimeout(() => r(null), remaining))]);
    if (!chunk) continue;
    if (chunk.done) break;
    text += decoder.decode(chunk.value, { stream: true });
  }
  return text;
}

describe("GET /api/admin/stream", () => {
  it("sends a committed stock change to a signed-in OPS user, then cleans up on disconnect", async () => {
    const abort = new AbortController();
    const before = openAdminStreams();
    const response = await stream(requestAs(staff.ops, "/api/admin/stream", { signal: abort.signal }));
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/event-stream; charset=utf-8");
    expect(response.headers.get("cache-control")).toContain("no-store");
    const reader = response.body!.getReader();
    expect(await readUntil(reader, (t) => t.includes(": connected"))).toMatch(/^retry: 5000\n/);
    expect(openAdminStreams()).toBe(before + 1);

    // Give the Redis subscription a moment to be established, then change stock.
    await new Promise((r) => setTimeout(r, 300));
    await adjustStock({ variantId: fx.variantId, warehouseId: fx.warehouseId, delta: -1, notes: "count", actor: "t" });
    // A bus resync (the shared bus reports one while its connections come up) is a "stock" message too; this wants the variant's.
    const marker = 'event: stock\ndata: {"variantId"';
    const text = await readUntil(reader, (t) => t.includes(marker) && t.slice(t.indexOf(marker)).includes("\n\n"));
    const data = JSON.parse(text.slice(text.indexOf(marker)).split("data: ")[1]!.split("\n")[0]!);
    expect(data).toEqual({ variantId: fx.variantId, productId: fx.productId, available: 3, at: expect.any(String) });

    abort.abort();
    const rest = await reader.read();
    expect(rest.done).toBe(true);
    expect(openAdminStreams()).toBe(before);
  });

  it("sends heartbeats and stops them when the body is cancelled", async () => {
    const abort = new AbortController();
    const body = stockEventStream(abort.signal, { heartbeatMs: 50 });
    const reader = body.getReader();
    expect(await readUntil(reader, (t) => (t.match(/: heartbeat/g) ?? []).length >= 2)).toContain(": heartbeat");
    const open = openAdminStreams();
    await reader.cancel();
    expect(openAdminStreams()).toBe(open - 1);
  });

  it("closes at once when the request was already aborted", async () => {
    const abort = new AbortController();
    abort.abort();
    const before = openAdminStreams();
    const response = await stream(requestAs(staff.admin, "/api/admin/stream", { signal: abort.signal }));
    const reader = response.body!.getReader();
    await readUntil(reader, (t) => t.includes(": connected"));
    expect((await reader.read()).done).toBe(true);
    expect(openAdminStreams()).toBe(before);
  });

  it("tells the page to re-read when the bus resyncs, and still gets events after Redis is back", async () => {
    // A bus of its own on the shared Redis: dropping this test's subscriber
    // connection is an outage for this bus only.
    const publisher = new Redis(process.env.REDIS_URL!);
    const subscriber = new Redis(process.env.REDIS_URL!);
    const bus = new RedisEventBus(publisher, subscriber, `${process.env.REDIS_KEY_PREFIX}admin-resync`);
    const abort = new AbortController();
    try {
      await Promise.all([publisher, subscriber].map((client) => new Promise((ready) => (client.status === "ready" ? ready(null) : client.once("ready", ready)))));
      const reader = stockEventStream(abort.signal, { bus }).getReader();
      await readUntil(reader, (t) => t.includes(": connected"));

      subscriber.disconnect(); // events published now are lost: the bus asks its listeners to resync
      expect(await readUntil(reader, (t) => t.includes('"resync":"degraded"'))).toContain("event: stock\ndata: ");

      await subscriber.connect();
      await readUntil(reader, (t) => t.includes('"resync":"reconnected"'));
      const event = { type: "stock.changed" as const, variantId: fx.variantId, productId: fx.productId, available: 2, at: new Date().toISOString() };
      // The SUBSCRIBE after reconnecting is asynchronous: publish until the stream hears one.
      const deadline = Date.now() + 5_000;
      let text = "";
      while (!text.includes(`"variantId":"${fx.variantId}"`) && Date.now() < deadline) {
        await bus.publish([event]);
        text += await readUntil(reader, (t) => t.includes(`"variantId":"${fx.variantId}"`), 200).catch(() => "");
      }
      expect(text).toContain(`"variantId":"${fx.variantId}"`);
    } finally {
      abort.abort();
      publisher.disconnect();
      subscriber.disconnect();
    }
  });
});

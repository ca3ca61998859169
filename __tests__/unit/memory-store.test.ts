import { describe, expect, it } from "@jest/globals";
import { MemoryCacheStore } from "@/lib/cache/memory-store";
import { MemoryEventBus } from "@/lib/events/memory-bus";

describe("MemoryCacheStore", () => {
  it("stores a value only while the epoch it was loaded under is current", async () => {
    const store = new MemoryCacheStore();
    const { epoch } = await store.get("k");
    await store.invalidate(["k"]);
    expect(await store.setIfEpoch("k", "stale", 1_000, epoch)).toBe(false);
    const fresh = await store.get("k");
    expect(await store.setIfEpoch("k", "fresh", 1_000, fresh.epoch)).toBe(true);
    expect((await store.get("k")).value).toBe("fresh");
  });

  it("expires entries after their TTL and evicts the oldest when full", async () => {
    let now = 1_000;
    const store = new MemoryCacheStore(2, () => now);
    await store.setIfEpoch("a", "1", 100, "0");
    now += 99;
    expect((await store.get("a")).value).toBe("1");
    now += 1;
    expect((await store.get("a")).value).toBeNull();
    await store.setIfEpoch("b", "2", 1_000, "0");
    await store.setIfEpoch("c", "3", 1_000, "0");
    await store.setIfEpoch("d", "4", 1_000, "0");
    expect((await store.get("b")).value).toBeNull();
    expect((await store.get("d")).value).toBe("4");
  });
});

describe("MemoryEventBus", () => {
  it("delivers to subscribers until they unsubscribe", async () => {
    const bus = new MemoryEventBus();
    const seen: number[] = [];
    const off = bus.subscribe((e) => seen.push(e.available));
    const event = { type: "stock.changed" as const, productId: "p", variantId: "v", available: 3, at: new Date().toISOString() };
    await bus.publish([event, { ...event, variantId: "w", available: 2 }]);
    off();
    await bus.publish([{ ...event, available: 1 }]);
    expect(seen).toEqual([3, 2]);
  });
});

import { describe, expect, it } from "@jest/globals";
import { NearCache } from "@/lib/cache/near-cache";

function liveCache(maxAgeMs = 1_000) {
  let now = 0;
  const cache = new NearCache(maxAgeMs, 3, () => now);
  cache.reset(true);
  return { cache, advance: (ms: number) => void (now += ms) };
}

describe("NearCache", () => {
  it("answers until the shorter of the value's TTL and its own maximum age", () => {
    const { cache, advance } = liveCache(1_000);
    cache.fill("a", { n: 1 }, 5_000, cache.mark());
    cache.fill("b", { n: 2 }, 300, cache.mark());
    advance(299);
    expect(cache.get("b")).toEqual({ n: 2 });
    advance(1);
    expect(cache.get("b")).toBeUndefined();
    advance(699);
    expect(cache.get("a")).toEqual({ n: 1 });
    advance(1);
    expect(cache.get("a")).toBeUndefined();
  });

  it("refuses a value whose read began before a drop of its key, but not one begun after", () => {
    const { cache } = liveCache();
    const before = cache.mark();
    cache.drop(["a"]);
    expect(cache.fill("a", "stale", 1_000, before)).toBe(false);
    expect(cache.fill("other", "fine", 1_000, before)).toBe(true);
    const after = cache.mark();
    expect(cache.fill("a", "fresh", 1_000, after)).toBe(true);
    expect(cache.get("a")).toBe("fresh");
  });

  it("stores nothing and answers nothing while not live; a reset refuses reads begun before it", () => {
    const { cache } = liveCache();
    const mark = cache.mark();
    cache.fill("a", 1, 1_000, mark);
    cache.reset(false);
    expect(cache.get("a")).toBeUndefined();
    expect(cache.fill("a", 1, 1_000, cache.mark())).toBe(false);
    cache.reset(true);
    expect(cache.fill("a", 1, 1_000, mark)).toBe(false);
    expect(cache.fill("a", 2, 1_000, cache.mark())).toBe(true);
  });

  it("keeps at most its entry limit, dropping the oldest", () => {
    const { cache } = liveCache();
    for (const key of ["a", "b", "c", "d"]) cache.fill(key, key, 1_000, cache.mark());
    expect(cache.get("a")).toBeUndefined();
    expect(cache.get("d")).toBe("d");
  });

  it("is off with a maximum age of zero", () => {
    const cache = new NearCache(0);
    cache.reset(true);
    expect(cache.isLive).toBe(false);
    expect(cache.fill("a", 1, 1_000, cache.mark())).toBe(false);
  });
});

import { randomUUID } from "node:crypto";
import { afterAll, describe, expect, it } from "@jest/globals";
import { env } from "@/lib/env";
import { rateLimit } from "@/lib/rate-limit";
import { RedisTimeoutError, isReady, redisClient, withRedisDeadline } from "@/lib/redis";
import { closeConnections } from "../helpers/db";

afterAll(closeConnections);

describe("rateLimit", () => {
  it("counts in Redis (shared by every instance) and says when to retry", async () => {
    const key = `test:${randomUUID()}`;
    const results = [];
    for (let i = 0; i < 4; i++) results.push(await rateLimit({ key, limit: 3, windowSeconds: 60 }));
    expect(results.map((r) => [r.allowed, r.remaining])).toEqual([[true, 2], [true, 1], [true, 0], [false, 0]]);
    expect(results[3]!.retryAfter).toBeGreaterThan(55);
    expect(results[3]!.retryAfter).toBeLessThanOrEqual(60);
    expect(await redisClient("commands").get(`${env.REDIS_KEY_PREFIX}rl:${key}`)).toBe("4");
  });

  it("opens a new window when the old one ends", async () => {
    const key = `test:${randomUUID()}`;
    await rateLimit({ key, limit: 1, windowSeconds: 1 });
    expect((await rateLimit({ key, limit: 1, windowSeconds: 1 })).allowed).toBe(false);
    await new Promise((resolve) => setTimeout(resolve, 1_100));
    expect((await rateLimit({ key, limit: 1, windowSeconds: 1 })).allowed).toBe(true);
  });

  it("keeps counting in Redis after a slow cache read tripped the cache's breaker (no per-process counts under load)", async () => {
    const client = redisClient("commands");
    // A cache read that misses its deadline trips the breaker: cache reads then skip Redis for a moment.
    await expect(withRedisDeadline(client, new Promise(() => {}), 1)).rejects.toThrow(RedisTimeoutError);
    expect(isReady(client)).toBe(false);
    const key = `test:${randomUUID()}`;
    const results = await Promise.all(Array.from({ length: 12 }, () => rateLimit({ key, limit: 10, windowSeconds: 60 })));
    expect(results.filter((r) => r.allowed)).toHaveLength(10);
    // Every hit is in the shared counter: another instance would see all 12.
    expect(await client.get(`${env.REDIS_KEY_PREFIX}rl:${key}`)).toBe("12");
  });

  it("falls back to a per-process window while Redis is unreachable", async () => {
    redisClient("commands").disconnect(); // this process loses Redis; the limiter must keep working
    const key = `test:${randomUUID()}`;
    const outcomes = [];
    for (let i = 0; i < 3; i++) outcomes.push((await rateLimit({ key, limit: 2, windowSeconds: 60 })).allowed);
    expect(outcomes).toEqual([true, true, false]);
  });
});

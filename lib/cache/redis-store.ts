import type Redis from "ioredis";
import { isReady, waitUntilReady, withRedisDeadline } from "@/lib/redis";
import type { CacheStore } from "./types";

// KEYS[1] value key, KEYS[2] epoch key; ARGV: value, ttl ms, expected epoch.
const SET_IF_EPOCH = `
local current = redis.call('GET', KEYS[2]) or '0'
if current ~= ARGV[3] then return 0 end
redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2])
return 1`;

// Epoch keys outlive values by a day so an in-flight loader still sees the bump.
const EPOCH_TTL_SECONDS = 86_400;

// KEYS: value key, epoch key, value key, epoch key, ...; ARGV[1]: epoch TTL s,
// ARGV[2]: invalidation channel, ARGV[3]: the cache keys as a JSON array.
// One command (one write, one reply) however many keys a commit touched; the
// message telling other instances to drop their near-cache copies leaves in
// the same script, after the epochs are bumped.
const INVALIDATE = `
for i = 1, #KEYS, 2 do
  redis.call('DEL', KEYS[i])
  redis.call('INCR', KEYS[i + 1])
  redis.call('EXPIRE', KEYS[i + 1], ARGV[1])
end
redis.call('PUBLISH', ARGV[2], ARGV[3])
return #KEYS / 2`;

export type InvalidationListener = {
  /** Keys another instance (or this one) invalidated. */
  onKeys: (keys: string[]) => void;
  /** false: the subscription is down and messages may be lost; true: subscribed again. */
  onLive: (live: boolean) => void;
};

export class RedisCacheStore implements CacheStore {
  readonly kind = "redis" as const;

  private listening = false;

  constructor(
    private readonly client: Redis,
    private readonly prefix: string,
    /** Connection in subscriber mode for invalidation messages (may be shared with the event bus). */
    private readonly subscriber?: Redis,
  ) {}

  private get channel() {
    return `${this.prefix}cache:invalidated`;
  }

  /**
   * Follows every instance's invalidations (one Redis subscription per
   * process). `onLive(true)` only once SUBSCRIBE has been acknowledged on the
   * current connection; `onLive(false)` as soon as it closes.
   */
  listenForInvalidations(listener: InvalidationListener): void {
    const subscriber = this.subscriber;
    if (!subscriber || this.listening) return;
    this.listening = true;
    const channel = this.channel;
    subscriber.on("message", (from: string, message: string) => {
      if (from !== channel) return;
      try {
        const keys = JSON.parse(message) as unknown;
        if (Array.isArray(keys)) listener.onKeys(keys.filter((k): k is string => typeof k === "string"));
      } catch {
        // Not ours to understand: nothing to drop.
      }
    });
    const subscribe = () => {
      subscriber.subscribe(channel).then(
        () => {
          if (subscriber.status === "ready") listener.onLive(true);
        },
        () => listener.onLive(false),
      );
    };
    subscriber.on("ready", subscribe);
    for (const event of ["close", "end", "reconnecting", "error"]) subscriber.on(event, () => listener.onLive(false));
    if (subscriber.status === "ready") subscribe();
  }

  async get(key: string) {
    this.requireReady();
    const [value, epoch] = await withRedisDeadline(this.client, this.client.mget(this.valueKey(key), this.epochKey(key)));
    return { value: value ?? null, epoch: epoch ?? "0" };
  }

  async setIfEpoch(key: string, value: string, ttlMs: number, epoch: string) {
    this.requireReady();
    const ttl = String(Math.max(1, Math.round(ttlMs)));
    const stored = await withRedisDeadline(this.client, this.client.eval(SET_IF_EPOCH, 2, this.valueKey(key), this.epochKey(key), value, ttl, epoch));
    return stored === 1;
  }

  async invalidate(keys: string[]) {
    if (!keys.length) return;
    this.requireReady();
    const redisKeys = keys.flatMap((key) => [this.valueKey(key), this.epochKey(key)]);
    const script = this.client.eval(INVALIDATE, redisKeys.length, ...redisKeys, EPOCH_TTL_SECONDS, this.channel, JSON.stringify(keys));
    await withRedisDeadline(this.client, script, 500);
  }

  /** Calls `handler` each time the connection (re)becomes usable, e.g. to replay invalidations that failed meanwhile. */
  onReconnect(handler: () => void) {
    this.client.on("ready", handler);
  }

  async ping() {
    if (!(await waitUntilReady(this.client, 1_000))) return false;
    return (await this.client.ping()) === "PONG";
  }

  private requireReady() {
    if (!isReady(this.client)) throw new Error(`redis is ${this.client.status}`);
  }

  private valueKey(key: string) {
    return `${this.prefix}cache:${key}`;
  }

  private epochKey(key: string) {
    return `${this.prefix}epoch:${key}`;
  }
}

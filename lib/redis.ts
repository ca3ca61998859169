import Redis, { type RedisOptions } from "ioredis";
import { env } from "@/lib/env";
import { logger } from "@/lib/logger";

// Lazily connected clients: importing this module (e.g. during `next build`)
// never opens a socket. A failing Redis is logged, never thrown at import time,
// and commands fail fast while it is down so callers can fall back to PostgreSQL.
const options: RedisOptions = {
  lazyConnect: true,
  maxRetriesPerRequest: 1,
  connectTimeout: 2_000,
  commandTimeout: 1_000,
  retryStrategy: (attempt) => Math.min(attempt * 200, 2_000),
};

const globalForRedis = globalThis as unknown as { __stockroomRedis?: Map<string, Redis> };

export function redisEnabled(): boolean {
  return Boolean(env.REDIS_URL);
}

/** A named shared client ("commands", "subscriber", ...); subscribers need their own connection. */
export function redisClient(role: "commands" | "subscriber" | "publisher"): Redis {
  if (!env.REDIS_URL) throw new Error("REDIS_URL is not set");
  globalForRedis.__stockroomRedis ??= new Map();
  const existing = globalForRedis.__stockroomRedis.get(role);
  if (existing) return existing;
  const client = new Redis(env.REDIS_URL, {
    ...options,
    commandTimeout: role === "subscriber" ? undefined : options.commandTimeout,
  });
  let lastLogged = 0;
  client.on("error", (error: Error) => {
    if (Date.now() - lastLogged > 10_000) logger.warn("redis error", { role, error: error.message });
    lastLogged = Date.now();
  });
  client.connect().catch(() => {}); // errors surface through the handler above and retries continue
  globalForRedis.__stockroomRedis.set(role, client);
  return client;
}

export async function disconnectRedis(): Promise<void> {
  const clients = globalForRedis.__stockroomRedis;
  globalForRedis.__stockroomRedis = undefined;
  if (!clients) return;
  await Promise.all([...clients.values()].map((c) => c.quit().catch(() => c.disconnect())));
}

/**
 * Callers on the request path skip Redis unless it is connected right now, so an
 * outage costs nothing but cache hits (PostgreSQL still answers).
 */
export function isReady(client: Redis): boolean {
  return client.status === "ready" && !tripped(client);
}

// A Redis that hangs (partition, paused server) keeps its socket "ready" while
// every command waits for its timeout. After one such timeout the client is
// treated as down for a moment, so requests stop paying the wait one by one.
const TRIP_MS = 1_000;
const trippedUntil = new WeakMap<Redis, number>();

function tripped(client: Redis): boolean {
  const until = trippedUntil.get(client);
  return until !== undefined && until > Date.now();
}

export class RedisTimeoutError extends Error {
  constructor(ms: number) {
    super(`redis did not answer within ${ms} ms`);
    this.name = "RedisTimeoutError";
  }
}

/**
 * Runs a command on the request path with a short deadline (well under the
 * client's own 1 s commandTimeout); a miss trips the client for TRIP_MS so
 * the next callers fall back at once instead of queueing behind it.
 */
export async function withRedisDeadline<T>(client: Redis, command: Promise<T>, ms = 300): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      trippedUntil.set(client, Date.now() + TRIP_MS);
      reject(new RedisTimeoutError(ms));
    }, ms);
  });
  try {
    return await Promise.race([command, deadline]);
  } finally {
    clearTimeout(timer);
    command.catch(() => {}); // a late failure of the abandoned command is expected, not unhandled
  }
}

/** Waits briefly for a connection (health checks, start-up), then gives up. */
export async function waitUntilReady(client: Redis, timeoutMs: number): Promise<boolean> {
  // The connection, not the trip state: a tripped client that is connected is worth a try here.
  if (client.status === "ready") return true;
  return new Promise((resolve) => {
    const done = (ok: boolean) => {
      clearTimeout(timer);
      client.off("ready", onReady);
      resolve(ok);
    };
    const onReady = () => done(true);
    const timer = setTimeout(() => done(false), timeoutMs);
    client.on("ready", onReady);
  });
}

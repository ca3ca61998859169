import { cacheStore } from "@/lib/cache";
import { pgPool } from "@/lib/db";
import { env } from "@/lib/env";

export type Health = {
  status: "ok" | "degraded" | "down";
  database: { ok: boolean; mode: "embedded" | "postgres"; latencyMs: number | null; error?: string };
  cache: { ok: boolean; mode: "redis" | "memory"; latencyMs: number | null; error?: string };
};

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  return Promise.race([
    promise,
    new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`timed out after ${ms} ms`)), ms).unref?.()),
  ]);
}

async function probe(check: () => Promise<unknown>) {
  const started = performance.now();
  try {
    await withTimeout(check(), 2_000);
    return { ok: true, latencyMs: Math.round(performance.now() - started) };
  } catch (error) {
    return { ok: false, latencyMs: null, error: error instanceof Error ? error.message : String(error) };
  }
}

/** Database down means the store cannot serve; cache down only degrades it. */
export async function checkHealth(): Promise<Health> {
  const [database, cache] = await Promise.all([
    probe(() => pgPool().query("select 1")),
    probe(async () => {
      if (!(await cacheStore().ping())) throw new Error("no PONG");
    }),
  ]);
  const status = !database.ok ? "down" : cache.ok ? "ok" : "degraded";
  return {
    status,
    database: { ...database, mode: env.STOCKROOM_EMBEDDED_DB === "1" ? "embedded" : "postgres" },
    cache: { ...cache, mode: cacheStore().kind },
  };
}

import { applyMigrations, dropDatabase, ensureDatabase } from "../lib/db/migrate";

/** A fresh, migrated bench database on the local (or BENCH_DATABASE_URL) server. */
export async function prepareBenchDatabase(): Promise<string> {
  const url = new URL(process.env.BENCH_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/stockroom_bench");
  await dropDatabase(url.toString());
  await ensureDatabase(url.toString());
  await applyMigrations(url.toString());
  Object.assign(process.env, {
    DATABASE_URL: url.toString(),
    DATABASE_POOL_SIZE: process.env.DATABASE_POOL_SIZE ?? "40",
    REDIS_URL: process.env.REDIS_URL ?? "redis://127.0.0.1:6379",
    REDIS_KEY_PREFIX: `stockroom:bench:${process.pid}:`,
    LOG_LEVEL: "error",
  });
  return url.toString();
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** Runs `worker` on `concurrency` loops for `ms` milliseconds; returns completed ops per second. */
export async function throughput(concurrency: number, ms: number, worker: (loop: number) => Promise<unknown>): Promise<number> {
  const deadline = performance.now() + ms;
  let done = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async (_, loop) => {
      while (performance.now() < deadline) {
        await worker(loop);
        done += 1;
      }
    }),
  );
  return done / ((performance.now() - started) / 1_000);
}

/**
 * A one-variant product in a MAIN warehouse, stocked through receiveStock so
 * the ledger is real. Call after prepareBenchDatabase (lib/db reads its env).
 */
export async function createBenchVariant(slug: string, quantity: number): Promise<{ productId: string; variantId: string }> {
  const { db } = await import("../lib/db");
  const { receiveStock } = await import("../lib/inventory");
  const warehouse =
    (await db.warehouse.findUnique({ where: { code: "MAIN" } })) ?? (await db.warehouse.create({ data: { code: "MAIN", name: "Main" } }));
  const product = await db.product.create({ data: { slug, name: slug, description: "", category: "bench", priceCents: 100, imageUrl: "/x.svg" } });
  const variant = await db.productVariant.create({ data: { productId: product.id, sku: slug.toUpperCase(), title: "Default" } });
  await db.stockLevel.create({ data: { variantId: variant.id, warehouseId: warehouse.id } });
  await receiveStock({ variantId: variant.id, warehouseId: warehouse.id, quantity, reference: "PO-BENCH", actor: "bench" });
  return { productId: product.id, variantId: variant.id };
}

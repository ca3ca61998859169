// read-cached: stock JSON over HTTP (`/api/inventory/stock?productId=…`,
// answered from the Redis cache) against the app's static JSON route
// (`/api/live`, prerendered at build) — same instance, same client, alternating
// rounds of one run (ratio = median over rounds of ours/baseline). Target:
// ratio ≥ 0.8, p99 < 10 ms.
import { get, load, percentile, startApp } from "./app-server";
import { median, prepareBenchDatabase } from "./setup";

const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 4);
const ROUND_MS = Number(process.env.BENCH_ROUND_MS ?? 2_000);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 7);

async function main() {
  await prepareBenchDatabase();
  const { db, disconnectDb } = await import("../lib/db");
  const { receiveStock } = await import("../lib/inventory");
  const { disconnectRedis } = await import("../lib/redis");

  // A product shaped like the demo catalogue: 6 variants stocked in 2 warehouses.
  const warehouses = await Promise.all(["MAIN", "EAST"].map((code, priority) => db.warehouse.create({ data: { code, name: code, priority } })));
  const product = await db.product.create({
    data: { slug: "bench-read", name: "Bench", description: "", category: "bench", priceCents: 100, imageUrl: "/x.svg" },
  });
  for (let i = 0; i < 6; i++) {
    const variant = await db.productVariant.create({ data: { productId: product.id, sku: `READ-${i}`, title: `V${i}` } });
    for (const warehouse of warehouses) {
      await db.stockLevel.create({ data: { variantId: variant.id, warehouseId: warehouse.id } });
      await receiveStock({ variantId: variant.id, warehouseId: warehouse.id, quantity: 20 + i, reference: "PO-BENCH", actor: "bench" });
    }
  }

  const app = await startApp({
    DATABASE_URL: process.env.DATABASE_URL!,
    REDIS_URL: process.env.REDIS_URL!,
    REDIS_KEY_PREFIX: process.env.REDIS_KEY_PREFIX!,
    SESSION_SECRET: "bench-session-secret-0123456789abcdef",
  });
  const stockUrl = `${app.url}/api/inventory/stock?productId=${product.id}`;
  const staticUrl = `${app.url}/api/live`;
  const expectStatus = (url: string) => async () => (await get(url)).status === 200;
  const stock = () => load(ROUND_MS, CONCURRENCY, expectStatus(stockUrl));
  const baseline = () => load(ROUND_MS, CONCURRENCY, expectStatus(staticUrl));

  try {
    const body = JSON.parse((await get(stockUrl)).body) as { variants: unknown[] };
    if (body.variants.length !== 6) throw new Error(`unexpected stock answer: ${JSON.stringify(body)}`);
    await load(1_500, CONCURRENCY, expectStatus(stockUrl)); // warm-up: JIT, keep-alive sockets, cache entry
    await load(1_500, CONCURRENCY, expectStatus(staticUrl));
    const ours: Awaited<ReturnType<typeof stock>>[] = [];
    const base: Awaited<ReturnType<typeof stock>>[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      base.push(await baseline());
      ours.push(await stock());
    }
    const rps = median(ours.map((r) => r.rps));
    const baseRps = median(base.map((r) => r.rps));
    const p99 = median(ours.map((r) => percentile(r.latencies, 99)));
    console.log(
      JSON.stringify({
        bench: "read-cached",
        ops_per_s: Math.round(rps),
        baseline_ops_per_s: Math.round(baseRps),
        // Median of adjacent pairs: on a shared, noisy machine the load changes
        // between rounds, so each round is compared with its own baseline.
        ratio: Number(median(ours.map((r, i) => r.rps / base[i]!.rps)).toFixed(2)),
        p50_ms: Number(median(ours.map((r) => percentile(r.latencies, 50))).toFixed(2)),
        p99_ms: Number(p99.toFixed(2)),
        baseline_p99_ms: Number(median(base.map((r) => percentile(r.latencies, 99))).toFixed(2)),
        errors: ours.reduce((n, r) => n + r.failures, 0) + base.reduce((n, r) => n + r.failures, 0),
        concurrency: CONCURRENCY,
        rounds: { ours: ours.map((r) => Math.round(r.rps)), baseline: base.map((r) => Math.round(r.rps)) },
      }),
    );
  } finally {
    await app.stop();
    await disconnectDb();
    await disconnectRedis();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});

// read-cached: stock JSON over HTTP (`/api/inventory/stock?productId=…`,
// answered from the Redis cache) against the app's static JSON route
// (`/api/live`, prerendered at build) — same instance, same client, alternating
// rounds of one run (ratio = median over rounds of ours/baseline). Target:
// ratio ≥ 1.0, p99 < 10 ms.
//
// Then the near cache's staleness: this bench process is a second instance (its
// own lib/cache on the same Redis) that writes stock; after each write it
// reads its own cache at once (must be fresh: `writer_stale_reads`), while the
// app instance is polled until it answers the new figure. The time from the
// write's invalidation returning to the first fresh answer of the other
// instance is `cross_instance_stale_ms_*` (the pub/sub delay plus one poll).
import { get, load, loadWithCpu, percentile, startApp } from "./app-server";
import { median, prepareBenchDatabase } from "./setup";

const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 4);
const ROUND_MS = Number(process.env.BENCH_ROUND_MS ?? 2_000);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 7);
const WRITES = Number(process.env.BENCH_CHANGES ?? 50);

type StockBody = { variants: { variantId: string; available: number }[] };

/**
 * Writes `writes` times through lib/inventory in this process; after each,
 * the writer's own read must already be fresh, and the app instance at
 * `url` is polled until it is. Returns the staleness seen on the app instance.
 */
async function crossInstanceStaleness(url: string, variantId: string, warehouseId: string, productId: string, writes: number) {
  const { receiveStock } = await import("../lib/inventory");
  const { getProductAvailability } = await import("../lib/store/product");
  const availableOn = async () => (JSON.parse((await get(url)).body) as StockBody).variants.find((v) => v.variantId === variantId)!.available;
  const stale: number[] = [];
  let writerStaleReads = 0;
  for (let i = 0; i < writes; i++) {
    const before = await availableOn();
    await availableOn(); // the app instance now answers from its near cache
    await receiveStock({ variantId, warehouseId, quantity: 1, reference: "PO-STALE", actor: "bench" });
    const invalidated = performance.now();
    const own = (await getProductAvailability(productId)).find((v) => v.variantId === variantId)!.available;
    if (own !== before + 1) writerStaleReads += 1;
    for (;;) {
      const sent = performance.now();
      if ((await availableOn()) === before + 1) {
        stale.push(Math.max(0, sent - invalidated));
        break;
      }
      if (sent - invalidated > 10_000) throw new Error("the app instance never saw the write");
    }
    await new Promise((r) => setTimeout(r, 20));
  }
  return { stale: stale.sort((a, b) => a - b), writerStaleReads };
}

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
  const variantIds: string[] = [];
  for (let i = 0; i < 6; i++) {
    const variant = await db.productVariant.create({ data: { productId: product.id, sku: `READ-${i}`, title: `V${i}` } });
    variantIds.push(variant.id);
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
  const stock = () => loadWithCpu(app.process.pid!, ROUND_MS, CONCURRENCY, expectStatus(stockUrl));
  const baseline = () => loadWithCpu(app.process.pid!, ROUND_MS, CONCURRENCY, expectStatus(staticUrl));

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
    const staleness = await crossInstanceStaleness(stockUrl, variantIds[0]!, warehouses[0]!.id, product.id, WRITES);
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
        // CPU the app process spent per request: steadier than throughput on a shared machine.
        app_cpu_ms_per_op: Number(median(ours.map((r) => r.appCpuMsPerOp)).toFixed(3)),
        baseline_app_cpu_ms_per_op: Number(median(base.map((r) => r.appCpuMsPerOp)).toFixed(3)),
        cross_instance_stale_ms_p50: Number(percentile(staleness.stale, 50).toFixed(2)),
        cross_instance_stale_ms_p99: Number(percentile(staleness.stale, 99).toFixed(2)),
        cross_instance_stale_ms_max: Number(staleness.stale.at(-1)!.toFixed(2)),
        writer_stale_reads: staleness.writerStaleReads,
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

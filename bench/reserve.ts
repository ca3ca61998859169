import { randomBytes } from "node:crypto";
import { Pool } from "pg";
import { median, prepareBenchDatabase, throughput } from "./setup";

const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 32);
const ROUND_MS = Number(process.env.BENCH_ROUND_MS ?? 4_000);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const SPREAD_ROWS = 1_000;

/**
 * reserve-hot: every shopper wants the same variant; reserve-spread: shoppers
 * pick among 1,000 variants. Baseline: a plain conditional UPDATE
 * (`set stock = stock - 1 where stock >= 1`) on one row / 1,000 rows, same
 * concurrency, same database, measured in alternating rounds of this run.
 */
export async function runReserveBench(mode: "hot" | "spread") {
  const url = await prepareBenchDatabase();
  const { db, disconnectDb } = await import("../lib/db");
  const { reserveStock, verifyLedger, receiveStock, InsufficientStockError } = await import("../lib/inventory");
  const { disconnectRedis } = await import("../lib/redis");

  const rows = mode === "hot" ? 1 : SPREAD_ROWS;
  const warehouse = await db.warehouse.create({ data: { code: "MAIN", name: "Main" } });
  const product = await db.product.create({
    data: { slug: "bench", name: "Bench", description: "", category: "bench", priceCents: 100, imageUrl: "/x.svg" },
  });
  await db.productVariant.createMany({
    data: Array.from({ length: rows + 1 }, (_, i) => ({ productId: product.id, sku: `BENCH-${i}`, title: `V${i}` })),
  });
  const variants = (await db.productVariant.findMany({ select: { id: true }, orderBy: { sku: "asc" } })).map((v) => v.id);
  const scarce = variants.pop()!; // for the oversell check
  const stockEach = 1_000_000;
  for (const variantId of variants) {
    await db.stockLevel.create({ data: { variantId, warehouseId: warehouse.id } });
    await receiveStock({ variantId, warehouseId: warehouse.id, quantity: stockEach, reference: "PO-BENCH", actor: "bench" });
  }

  const baselinePool = new Pool({ connectionString: url, max: CONCURRENCY });
  await baselinePool.query(`create table bench_counter (id int primary key, stock int not null)`);
  await baselinePool.query(`insert into bench_counter select g, $1 from generate_series(1, $2) g`, [stockEach, rows]);
  const pick = (loop: number) => (mode === "hot" ? 0 : (loop * 7919 + Math.floor(Math.random() * rows)) % rows);

  const baseline = () =>
    throughput(CONCURRENCY, ROUND_MS, (loop) =>
      baselinePool.query(`update bench_counter set stock = stock - 1 where id = $1 and stock >= 1`, [pick(loop) + 1]),
    );
  const ours = () =>
    throughput(CONCURRENCY, ROUND_MS, (loop) =>
      reserveStock({ variantId: variants[pick(loop)]!, sessionId: randomBytes(18).toString("base64url"), quantity: 1 }),
    );

  await ours(); // warm-up: JIT, prepared plans, pools
  await baseline();
  const oursRuns: number[] = [];
  const baseRuns: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    baseRuns.push(await baseline());
    oursRuns.push(await ours());
  }

  // Oversell check: 3× more shoppers than units of a scarce variant.
  await db.stockLevel.create({ data: { variantId: scarce, warehouseId: warehouse.id } });
  await receiveStock({ variantId: scarce, warehouseId: warehouse.id, quantity: 100, reference: "PO-SCARCE", actor: "bench" });
  const attempts = await Promise.all(
    Array.from({ length: 300 }, () =>
      reserveStock({ variantId: scarce, sessionId: randomBytes(18).toString("base64url"), quantity: 1 }).then(
        () => 1,
        (e: unknown) => (e instanceof InsufficientStockError ? 0 : Promise.reject(e)),
      ),
    ),
  );
  const admitted = attempts.reduce<number>((a, b) => a + b, 0);
  const ledger = await verifyLedger();

  const opsPerS = median(oursRuns);
  const baselineOpsPerS = median(baseRuns);
  await baselinePool.end();
  await disconnectDb();
  await disconnectRedis();
  console.log(
    JSON.stringify({
      bench: `reserve-${mode}`,
      ops_per_s: Math.round(opsPerS),
      baseline_ops_per_s: Math.round(baselineOpsPerS),
      ratio: Number((opsPerS / baselineOpsPerS).toFixed(2)),
      oversold: Math.max(0, admitted - 100),
      invariant_ok: ledger.ok,
      concurrency: CONCURRENCY,
      rounds: { ours: oursRuns.map(Math.round), baseline: baseRuns.map(Math.round) },
    }),
  );
}

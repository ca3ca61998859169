import { randomBytes } from "node:crypto";
import { Pool } from "pg";
import { median, prepareBenchDatabase, throughput } from "./setup";

const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 32);
const ROUND_MS = Number(process.env.BENCH_ROUND_MS ?? 4_000);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const SPREAD_ROWS = 1_000;
const FLASH_BUCKETS = Number(process.env.BENCH_FLASH_BUCKETS ?? 8);

/**
 * reserve-hot: every shopper wants the same variant, measured in flash-sale
 * mode (FLASH_BUCKETS buckets; the headline figure) and in ordinary mode
 * (normal_ops_per_s); reserve-spread: shoppers pick among 1,000 variants. Baseline: a plain conditional UPDATE
 * (`set stock = stock - 1 where stock >= 1`) on one row / 1,000 rows, same
 * concurrency, same database, measured in alternating rounds of this run.
 */
export async function runReserveBench(mode: "hot" | "spread") {
  const url = await prepareBenchDatabase();
  const { db, disconnectDb } = await import("../lib/db");
  const { reserveStock, verifyLedger, receiveStock, InsufficientStockError } = await import("../lib/inventory");
  const { startFlashSale, endFlashSale } = await import("../lib/inventory/flash-sale");
  const { disconnectRedis } = await import("../lib/redis");

  // hot: one ordinary variant and one in flash-sale mode; spread: 1,000 ordinary variants.
  const rows = mode === "hot" ? 1 : SPREAD_ROWS;
  const warehouse = await db.warehouse.create({ data: { code: "MAIN", name: "Main" } });
  const product = await db.product.create({
    data: { slug: "bench", name: "Bench", description: "", category: "bench", priceCents: 100, imageUrl: "/x.svg" },
  });
  const count = mode === "hot" ? 3 : rows + 1;
  await db.productVariant.createMany({
    data: Array.from({ length: count }, (_, i) => ({ productId: product.id, sku: `BENCH-${String(i).padStart(4, "0")}`, title: `V${i}` })),
  });
  const variants = (await db.productVariant.findMany({ select: { id: true }, orderBy: { sku: "asc" } })).map((v) => v.id);
  const scarce = variants.pop()!; // for the oversell check
  const flashHot = mode === "hot" ? variants.pop()! : null;
  const stockEach = 1_000_000;
  for (const variantId of flashHot ? [...variants, flashHot] : variants) {
    await db.stockLevel.create({ data: { variantId, warehouseId: warehouse.id } });
    await receiveStock({ variantId, warehouseId: warehouse.id, quantity: stockEach, reference: "PO-BENCH", actor: "bench" });
  }
  if (flashHot) await startFlashSale({ variantId: flashHot, buckets: FLASH_BUCKETS, actor: "bench" });

  const baselinePool = new Pool({ connectionString: url, max: CONCURRENCY });
  await baselinePool.query(`create table bench_counter (id int primary key, stock int not null)`);
  await baselinePool.query(`insert into bench_counter select g, $1 from generate_series(1, $2) g`, [stockEach, rows]);
  const pick = (loop: number) => (mode === "hot" ? 0 : (loop * 7919 + Math.floor(Math.random() * rows)) % rows);

  const baseline = () =>
    throughput(CONCURRENCY, ROUND_MS, (loop) =>
      baselinePool.query(`update bench_counter set stock = stock - 1 where id = $1 and stock >= 1`, [pick(loop) + 1]),
    );
  const reserveLoop = (variantOf: (loop: number) => string) => () =>
    throughput(CONCURRENCY, ROUND_MS, (loop) =>
      reserveStock({ variantId: variantOf(loop), sessionId: randomBytes(18).toString("base64url"), quantity: 1 }),
    );
  const ours = reserveLoop((loop) => variants[pick(loop)]!);
  const flash = flashHot ? reserveLoop(() => flashHot) : null;

  await ours(); // warm-up: JIT, prepared plans, pools
  await flash?.();
  await baseline();
  const oursRuns: number[] = [];
  const flashRuns: number[] = [];
  const baseRuns: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    baseRuns.push(await baseline());
    oursRuns.push(await ours());
    if (flash) flashRuns.push(await flash());
  }

  // Oversell check: 3× more shoppers than units of a scarce variant (in flash-sale mode for hot).
  await db.stockLevel.create({ data: { variantId: scarce, warehouseId: warehouse.id } });
  await receiveStock({ variantId: scarce, warehouseId: warehouse.id, quantity: 100, reference: "PO-SCARCE", actor: "bench" });
  if (flashHot) await startFlashSale({ variantId: scarce, buckets: FLASH_BUCKETS, actor: "bench" });
  const attempts = await Promise.all(
    Array.from({ length: 300 }, () =>
      reserveStock({ variantId: scarce, sessionId: randomBytes(18).toString("base64url"), quantity: 1 }).then(
        () => 1,
        (e: unknown) => (e instanceof InsufficientStockError ? 0 : Promise.reject(e)),
      ),
    ),
  );
  const admitted = attempts.reduce<number>((a, b) => a + b, 0);
  const held = await db.stockReservation.aggregate({ where: { variantId: scarce }, _sum: { quantity: true } });
  const ledgerDuringSale = await verifyLedger();
  // Merging back must leave the ledger exact too.
  if (flashHot) for (const variantId of [flashHot, scarce]) await endFlashSale({ variantId, actor: "bench" });
  const ledger = await verifyLedger();

  const baselineOpsPerS = median(baseRuns);
  const normalOpsPerS = median(oursRuns);
  const opsPerS = flashHot ? median(flashRuns) : normalOpsPerS;
  await baselinePool.end();
  await disconnectDb();
  await disconnectRedis();
  console.log(
    JSON.stringify({
      bench: `reserve-${mode}`,
      ops_per_s: Math.round(opsPerS),
      baseline_ops_per_s: Math.round(baselineOpsPerS),
      ratio: Number((opsPerS / baselineOpsPerS).toFixed(2)),
      oversold: Math.max(0, admitted - 100, (held._sum.quantity ?? 0) - 100),
      invariant_ok: ledgerDuringSale.ok && ledger.ok,
      ...(flashHot
        ? {
            mode: "flash-sale",
            buckets: FLASH_BUCKETS,
            normal_ops_per_s: Math.round(normalOpsPerS),
            normal_ratio: Number((normalOpsPerS / baselineOpsPerS).toFixed(2)),
          }
        : {}),
      concurrency: CONCURRENCY,
      rounds: { ours: (flashHot ? flashRuns : oursRuns).map(Math.round), ...(flashHot ? { normal: oursRuns.map(Math.round) } : {}), baseline: baseRuns.map(Math.round) },
    }),
  );
}

// chaos: 10,000 add-to-cart attempts (the real server action over HTTP, each a
// new shopper) spread over two `next start` instances, while the Redis they
// share is killed once and restarted empty. The Redis is a private
// redis-server started by this bench, never the machine's shared one.
// Baseline (same run): the same 10,000 attempts on another variant with Redis
// up throughout; ratio = ops/s under chaos ÷ baseline ops/s.
// Targets: oversold 0, invariant_ok true, non_4xx_errors 0.
import { callServerAction, serverActionId, startApp, type AppInstance } from "./app-server";
import { PrivateRedis } from "./private-redis";
import { createBenchVariant, prepareBenchDatabase } from "./setup";

const ATTEMPTS = Number(process.env.BENCH_ATTEMPTS ?? 10_000);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 32);
const STOCK = Number(process.env.BENCH_STOCK ?? 6_000);
const REDIS_DOWN_MS = Number(process.env.BENCH_REDIS_DOWN_MS ?? 2_000);

type ActionResult = { ok: true } | { ok: false; error: { code: string } };
// Action codes that are answers to the caller (4xx), not failures of the system.
const CALLER_CODES = new Set(["INSUFFICIENT_STOCK", "RATE_LIMITED", "VALIDATION", "NOT_FOUND", "HOLD_EXPIRED", "CONFLICT"]);

async function attempts(apps: AppInstance[], variantId: string, during?: (done: () => number) => Promise<void>) {
  const action = serverActionId("app/actions/cart.ts", "addToCartAction");
  const tally = { admitted: 0, refused: {} as Record<string, number>, errors: {} as Record<string, number> };
  let next = 0;
  let done = 0;
  const started = performance.now();
  const worker = async () => {
    while (next < ATTEMPTS) {
      const n = next++;
      const app = apps[n % apps.length]!;
      // Every attempt is a new shopper: no cookie (a new cart session) and its own address behind the "load balancer".
      const ip = `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}`;
      try {
        const { status, result } = await callServerAction<ActionResult>(app.url, action, [{ variantId, quantity: 1 }], ip);
        if (status >= 500 || !result) tally.errors[`http_${status}`] = (tally.errors[`http_${status}`] ?? 0) + 1;
        else if (result.ok) tally.admitted += 1;
        else if (CALLER_CODES.has(result.error.code)) tally.refused[result.error.code] = (tally.refused[result.error.code] ?? 0) + 1;
        else tally.errors[result.error.code] = (tally.errors[result.error.code] ?? 0) + 1;
      } catch (error) {
        const key = `network_${(error as { cause?: { code?: string } }).cause?.code ?? "error"}`;
        tally.errors[key] = (tally.errors[key] ?? 0) + 1;
      }
      done += 1;
    }
  };
  await Promise.all([...Array.from({ length: CONCURRENCY }, worker), during?.(() => done)]);
  return { ...tally, opsPerS: ATTEMPTS / ((performance.now() - started) / 1_000) };
}

async function main() {
  const redis = new PrivateRedis();
  await redis.start();
  process.env.REDIS_URL = redis.url;
  await prepareBenchDatabase();
  const { db, disconnectDb } = await import("../lib/db");
  const { verifyLedger } = await import("../lib/inventory");
  const { disconnectRedis } = await import("../lib/redis");

  const stocked = async (slug: string) => (await createBenchVariant(slug, STOCK)).variantId;
  const [calm, chaotic] = [await stocked("chaos-baseline"), await stocked("chaos-redis-restart")];
  const env = {
    DATABASE_URL: process.env.DATABASE_URL!,
    REDIS_URL: redis.url,
    REDIS_KEY_PREFIX: process.env.REDIS_KEY_PREFIX!,
    SESSION_SECRET: "bench-session-secret-0123456789abcdef",
    DATABASE_POOL_SIZE: "20",
  };
  const apps = await Promise.all([startApp(env), startApp(env)]);
  const held = async (variantId: string) =>
    (await db.stockReservation.aggregate({ where: { variantId }, _sum: { quantity: true } }))._sum.quantity ?? 0;

  try {
    const baseline = await attempts(apps, calm);
    let downAt = 0;
    let upAt = 0;
    const chaos = await attempts(apps, chaotic, async (done) => {
      while (done() < ATTEMPTS / 3) await new Promise((r) => setTimeout(r, 20));
      downAt = performance.now();
      await redis.stop(); // mid-load: every connection drops, every key is gone
      await new Promise((r) => setTimeout(r, REDIS_DOWN_MS));
      await redis.start();
      upAt = performance.now();
    });
    const [calmHeld, chaosHeld, ledger] = [await held(calm), await held(chaotic), await verifyLedger()];
    const errors = (t: { errors: Record<string, number> }) => Object.values(t.errors).reduce((a, b) => a + b, 0);
    console.log(
      JSON.stringify({
        bench: "chaos",
        attempts: ATTEMPTS,
        ops_per_s: Math.round(chaos.opsPerS),
        baseline_ops_per_s: Math.round(baseline.opsPerS),
        ratio: Number((chaos.opsPerS / baseline.opsPerS).toFixed(2)),
        oversold: Math.max(0, chaosHeld - STOCK, calmHeld - STOCK, chaos.admitted - STOCK),
        // The ledger sums hold, and what shoppers were told matches what PostgreSQL holds.
        invariant_ok: ledger.ok && chaosHeld === chaos.admitted && calmHeld === baseline.admitted,
        non_4xx_errors: errors(chaos),
        baseline_non_4xx_errors: errors(baseline),
        admitted: chaos.admitted,
        refused: chaos.refused,
        errors: chaos.errors,
        redis_down_ms: Math.round(upAt - downAt),
        instances: apps.length,
        concurrency: CONCURRENCY,
      }),
    );
  } finally {
    await Promise.all(apps.map((app) => app.stop()));
    await disconnectDb();
    await disconnectRedis();
    await redis.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});

// cart-http: add-to-cart through the same request the browser sends from a
// product page (POST with Next-Action, the router state tree and
// text/x-component, and the cart cookie the product page handed out when it
// was viewed), 32 concurrent new shoppers on one `next start`, in
// rounds alternating with the prerendered `GET /api/live` at the same
// concurrency. BENCH_MODE=update measures quantity changes in existing carts
// (the cart page's action, with each shopper's cookie) instead.
// Target (ratio of medians per round pair): ≥ 0.4, p99 < 150 ms.
import { get, load, loadWithCpu, percentile, serverActionId, startApp } from "./app-server";
import { median, prepareBenchDatabase } from "./setup";

const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 32);
const ROUND_MS = Number(process.env.BENCH_ROUND_MS ?? 2_000);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const MODE = process.env.BENCH_MODE === "update" ? "update" : "add";
const STOCK = 1_000_000;

/** The header a browser on /products/<slug> sends with an action: Next renders what it names. */
const routerTree = (slug: string) =>
  encodeURIComponent(JSON.stringify(["", { children: ["(store)", { children: ["products", { children: [["slug", slug, "d"], { children: ["__PAGE__", {}, null, null] }, null, null] }, null, null] }, null, null] }, null, null, true]));

let shopper = 0;
const nextIp = () => {
  shopper += 1;
  return `10.${(shopper >> 16) & 255}.${(shopper >> 8) & 255}.${shopper & 255}`;
};

async function post(url: string, actionId: string, tree: string, args: unknown[], ip: string, cookie?: string) {
  const response = await fetch(url, {
    method: "POST",
    headers: {
      "next-action": actionId,
      "next-router-state-tree": tree,
      accept: "text/x-component",
      "content-type": "text/plain;charset=UTF-8",
      origin: new URL(url).origin,
      "x-forwarded-for": ip,
      ...(cookie ? { cookie } : {}),
    },
    body: JSON.stringify(args),
  });
  const text = await response.text();
  return { ok: response.status === 200 && /"ok":true/.test(text), cookie: response.headers.getSetCookie().map((c) => c.split(";")[0]).join("; "), bytes: text.length };
}

async function main() {
  await prepareBenchDatabase();
  const { db, disconnectDb } = await import("../lib/db");
  const { receiveStock, verifyLedger } = await import("../lib/inventory");
  const { disconnectRedis } = await import("../lib/redis");

  const warehouse = await db.warehouse.create({ data: { code: "MAIN", name: "Main", priority: 0 } });
  const product = await db.product.create({ data: { slug: "bench-cart", name: "Bench", description: "", category: "bench", priceCents: 100, imageUrl: "/x.svg" } });
  const variant = await db.productVariant.create({ data: { productId: product.id, sku: "CART-1", title: "Default" } });
  await db.stockLevel.create({ data: { variantId: variant.id, warehouseId: warehouse.id } });
  await receiveStock({ variantId: variant.id, warehouseId: warehouse.id, quantity: STOCK, reference: "PO-BENCH", actor: "bench" });

  const app = await startApp({
    DATABASE_URL: process.env.DATABASE_URL!,
    REDIS_URL: process.env.REDIS_URL!,
    REDIS_KEY_PREFIX: process.env.REDIS_KEY_PREFIX!,
    SESSION_SECRET: "bench-session-secret-0123456789abcdef",
  });
  const add = serverActionId("app/actions/cart.ts", "addToCartAction");
  const update = serverActionId("app/actions/cart.ts", "setCartLineAction");
  const productUrl = `${app.url}/products/${product.slug}`;
  const tree = routerTree(product.slug);
  let lastBytes = 0;

  // Update mode: one cart per loop, made before the clock starts; each request flips its quantity 1 ↔ 2.
  const carts: { cookie: string; ip: string; quantity: number }[] = [];
  if (MODE === "update") {
    for (let i = 0; i < CONCURRENCY; i++) {
      const ip = nextIp();
      const made = await post(productUrl, add.id, tree, [{ variantId: variant.id, quantity: 1 }], ip);
      if (!made.ok) throw new Error("could not create a bench cart");
      carts.push({ cookie: made.cookie, ip, quantity: 1 });
    }
  }
  // New shoppers: each viewed the product page first (that is where their cart cookie comes from); not timed.
  const fresh: string[] = [];
  if (MODE === "add") {
    const wanted = Math.ceil((ROUNDS + 1) * (ROUND_MS / 1_000) * 400);
    while (fresh.length < wanted) {
      await Promise.all(Array.from({ length: 32 }, async () => {
        const response = await fetch(productUrl, { headers: { "x-forwarded-for": nextIp() } });
        await response.arrayBuffer();
        const cookie = response.headers.getSetCookie().map((c) => c.split(";")[0]).join("; ");
        if (!cookie) throw new Error("the product page handed out no cart cookie");
        fresh.push(cookie);
      }));
    }
  }
  const ours = async (loop: number) => {
    if (MODE === "add") {
      const cookie = fresh.pop();
      if (!cookie) throw new Error("ran out of prepared shoppers: raise the pool");
      const result = await post(productUrl, add.id, tree, [{ variantId: variant.id, quantity: 1 }], nextIp(), cookie);
      lastBytes = result.bytes;
      return result.ok;
    }
    const cart = carts[loop]!;
    cart.quantity = cart.quantity === 1 ? 2 : 1;
    const result = await post(`${app.url}/cart`, update.id, tree, [{ variantId: variant.id, quantity: cart.quantity }], cart.ip, cart.cookie);
    lastBytes = result.bytes;
    return result.ok;
  };
  const baseline = async () => (await get(`${app.url}/api/live`)).status === 200;

  try {
    await load(1_000, CONCURRENCY, ours); // warm-up
    await load(1_500, CONCURRENCY, baseline);
    const mine: Awaited<ReturnType<typeof loadWithCpu>>[] = [];
    const base: Awaited<ReturnType<typeof loadWithCpu>>[] = [];
    const pid = app.process.pid!;
    for (let round = 0; round < ROUNDS; round++) {
      base.push(await loadWithCpu(pid, ROUND_MS, CONCURRENCY, baseline));
      mine.push(await loadWithCpu(pid, ROUND_MS, CONCURRENCY, ours));
    }
    const ledger = await verifyLedger();
    const level = await db.stockLevel.findFirstOrThrow({ where: { variantId: variant.id }, select: { onHand: true, reserved: true } });
    console.log(
      JSON.stringify({
        bench: "cart-http",
        mode: MODE,
        ops_per_s: Math.round(median(mine.map((r) => r.rps))),
        baseline_ops_per_s: Math.round(median(base.map((r) => r.rps))),
        ratio: Number(median(mine.map((r, i) => r.rps / base[i]!.rps)).toFixed(2)),
        p50_ms: Number(median(mine.map((r) => percentile(r.latencies, 50))).toFixed(1)),
        p99_ms: Number(median(mine.map((r) => percentile(r.latencies, 99))).toFixed(1)),
        response_bytes: lastBytes,
        // CPU the app process spent per request (PostgreSQL, Redis and this client are apart).
        app_cpu_ms_per_op: Number(median(mine.map((r) => r.appCpuMsPerOp)).toFixed(2)),
        baseline_app_cpu_ms_per_op: Number(median(base.map((r) => r.appCpuMsPerOp)).toFixed(2)),
        failures: mine.reduce((n, r) => n + r.failures, 0),
        oversold: Math.max(0, level.reserved - level.onHand),
        invariant_ok: ledger.ok,
        concurrency: CONCURRENCY,
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

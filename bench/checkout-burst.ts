// npm run bench -- checkout-burst: 800 shoppers, each with a held cart, press
// "Place order" at the same instant (placeOrder, what the checkout action
// runs). Every one must succeed or get a retryable "busy, try again" answer;
// none may get "Something went wrong", and nothing may be oversold.
import { randomBytes, randomUUID } from "node:crypto";
import { prepareBenchDatabase } from "./setup";

const ATTEMPTS = Number(process.env.BENCH_ATTEMPTS ?? 800);
const VARIANTS = 8;

async function main() {
  await prepareBenchDatabase();
  const { db, disconnectDb } = await import("../lib/db");
  const { receiveStock, reserveStock, verifyLedger } = await import("../lib/inventory");
  const { placeOrder } = await import("../lib/store/checkout");
  const { toActionError } = await import("../lib/http/public-error");
  const { disconnectRedis } = await import("../lib/redis");

  const warehouse = await db.warehouse.create({ data: { code: "MAIN", name: "Main" } });
  const product = await db.product.create({ data: { slug: "burst", name: "Burst", description: "", category: "bench", priceCents: 100, imageUrl: "/x.svg" } });
  const variants: string[] = [];
  // Exactly as many units as shoppers: the holds promise all of them, so any oversell would show.
  for (let i = 0; i < VARIANTS; i += 1) {
    const v = await db.productVariant.create({ data: { productId: product.id, sku: `BURST-${i}`, title: `V${i}` } });
    await receiveStock({ variantId: v.id, warehouseId: warehouse.id, quantity: ATTEMPTS / VARIANTS, reference: "PO-BURST", actor: "bench" });
    variants.push(v.id);
  }
  const shoppers = Array.from({ length: ATTEMPTS }, (_, i) => ({ sessionId: randomBytes(18).toString("base64url"), variantId: variants[i % VARIANTS]! }));
  for (let i = 0; i < shoppers.length; i += 50) {
    await Promise.all(shoppers.slice(i, i + 50).map(async (s) => {
      await reserveStock({ variantId: s.variantId, sessionId: s.sessionId, quantity: 1 });
      await db.cartLine.create({ data: { sessionId: s.sessionId, variantId: s.variantId, quantity: 1 } });
    }));
  }

  const form = (i: number) => ({
    orderId: randomUUID(), email: `shopper${i}@example.com`, name: `Shopper ${i}`, address1: "1 Main St", address2: "", city: "Springfield",
    postalCode: "12345", country: "US", cardNumber: "4242424242424242", cardExpiry: "12/35", cardCvc: "123",
  });
  const started = performance.now();
  const outcomes = await Promise.all(shoppers.map((s, i) =>
    placeOrder(s.sessionId, form(i) as Parameters<typeof placeOrder>[1]).then(() => "ok", (error: unknown) => { if (process.env.BENCH_DEBUG) console.error(error); return toActionError(error, "bench").code; })));
  const seconds = (performance.now() - started) / 1_000;

  const count = (code: string) => outcomes.filter((o) => o === code).length;
  const levels = await db.stockLevel.findMany({ select: { onHand: true, committed: true } });
  const oversold = levels.reduce((sum, l) => sum + Math.max(0, l.committed - l.onHand), 0);
  const ledger = await verifyLedger();
  const other = outcomes.filter((o) => !["ok", "UNAVAILABLE", "INTERNAL"].includes(o));
  await disconnectRedis();
  await disconnectDb();
  console.log(JSON.stringify({
    bench: "checkout-burst", attempts: ATTEMPTS, ok: count("ok"), retryable: count("UNAVAILABLE"), internal: count("INTERNAL"),
    refused: other.length, seconds: Number(seconds.toFixed(2)), oversold, invariant_ok: ledger.ok,
  }));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});

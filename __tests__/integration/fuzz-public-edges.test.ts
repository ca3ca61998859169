// Property-style: whatever a stranger sends to a public route handler or a
// public server action, the answer is a success or a 4xx-class error — never a
// 500, never an INTERNAL error — and the ledger stays exact.
import { readdirSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { randomUUID } from "node:crypto";
import { placeOrderAction } from "@/app/actions/checkout";
import { addToCartAction, reReserveCartLineAction, removeCartLineAction, setCartLineAction } from "@/app/actions/cart";
import { joinWaitlist } from "@/app/actions/waitlist";
import { cancelMyOrderAction, lookupOrderAction } from "@/app/actions/my-orders";
import { httpStatusFor } from "@/lib/http/public-error";
import { verifyLedger } from "@/lib/inventory";
import { closeConnections, truncateAll } from "../helpers/db";
import { callerContext, createStockedVariant, createWarehouses } from "../helpers/fixtures";
import { anyValue, asText, fuzzSeed, rng, shapedInput, type Rng } from "../helpers/fuzz";

const CASES = Number(process.env.FUZZ_CASES ?? 120);
const seed = fuzzSeed();
let known: string[] = [];

beforeAll(async () => {
  await truncateAll();
  const { main, east } = await createWarehouses();
  const a = await createStockedVariant([main, east], { stock: { MAIN: 3, EAST: 1 } });
  const b = await createStockedVariant([main], { stock: {}, policy: "BACKORDER", backorderLimit: 2 });
  known = [a.productId, a.variantId, b.productId, b.variantId];
});
afterAll(closeConnections);

/** Every app/api/**\/route.ts, as "/api/…" paths. */
function routeFiles(dir = path.join(process.cwd(), "app", "api")): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return routeFiles(full);
    return entry.name === "route.ts" ? [full] : [];
  });
}

function fuzzQuery(r: Rng): string {
  const params = new URLSearchParams();
  for (let i = r.int(0, 3); i > 0; i--) params.append(r.pick(["productId", "variantId", "q", "page", "productId"]), asText(anyValue(r, known)));
  const raw = r.next() < 0.15 ? `&${r.pick(["%", "%ZZ", "productId=%E0%A4%A", "=", "&&", "productId"])}` : "";
  return `?${params.toString()}${raw}`;
}

describe(`public edges under fuzzed input (FUZZ_SEED=${seed})`, () => {
  const routes = routeFiles();

  it("finds the route handlers to fuzz", () => {
    expect(routes.map((f) => path.relative(process.cwd(), f))).toEqual(expect.arrayContaining(["app/api/inventory/stock/route.ts", "app/api/inventory/stream/route.ts"]));
  });

  it.each(routes.map((f) => [path.relative(process.cwd(), f), f]))("%s answers every fuzzed request below 500", async (_name, file) => {
    const r = rng(seed);
    const handlers = (await import(file)) as Record<string, unknown>;
    const urlPath = `/${path.relative(path.join(process.cwd(), "app"), path.dirname(file))}`;
    const methods = ["GET", "POST", "PUT", "PATCH", "DELETE"].filter((m) => typeof handlers[m] === "function");
    expect(methods.length).toBeGreaterThan(0);
    for (let i = 0; i < CASES; i++) {
      const method = r.pick(methods);
      const abort = new AbortController();
      const body = method === "GET" ? undefined : r.next() < 0.5 ? JSON.stringify(anyValue(r, known)) : asText(anyValue(r, known));
      const request = new Request(`http://test${urlPath}${fuzzQuery(r)}`, { method, body, signal: abort.signal, headers: { "content-type": "application/json" } });
      const handler = handlers[method] as (req: Request, ctx: unknown) => Promise<Response>;
      const response = await handler(request, { params: Promise.resolve({}) });
      abort.abort(); // ends an SSE stream that did open
      if (response.status >= 500) throw new Error(`${method} ${request.url} answered ${response.status} (FUZZ_SEED=${seed}, case ${i})`);
      if (response.status >= 400) expect((await response.json()).error.code).toEqual(expect.any(String));
    }
  });

  const validId = (r: Rng) => () => r.pick(known);
  const actions = [
    ["cart.add", addToCartAction, (r: Rng) => ({ variantId: validId(r), quantity: () => r.int(1, 3) })],
    ["cart.setQuantity", setCartLineAction, (r: Rng) => ({ variantId: validId(r), quantity: () => r.int(0, 3) })],
    ["cart.reReserve", reReserveCartLineAction, (r: Rng) => ({ variantId: validId(r) })],
    ["cart.remove", removeCartLineAction, (r: Rng) => ({ variantId: validId(r) })],
    ["joinWaitlist", joinWaitlist, (r: Rng) => ({ variantId: validId(r), email: () => `${randomUUID().slice(0, 8)}@example.com` })],
    ["orders.shopperCancel", cancelMyOrderAction, (r: Rng) => ({ eventId: () => randomUUID(), orderId: () => (r.next() < 0.5 ? randomUUID() : r.pick(known)) })],
    ["orders.lookup", lookupOrderAction, (r: Rng) => ({ number: () => `SR-${r.int(10_000, 10_100)}`, email: () => `${randomUUID().slice(0, 8)}@example.com` })],
    ["checkout.placeOrder", placeOrderAction, (_r: Rng) => ({
      orderId: () => randomUUID(), email: () => "shopper@example.com", name: () => "Ada", address1: () => "1 Main St", city: () => "Berlin",
      postalCode: () => "10115", country: () => "DE", cardNumber: () => "4242 4242 4242 4242", cardExpiry: () => "12/39", cardCvc: () => "123",
    })],
  ] as const;

  it.each(actions.map(([name, action, fields]) => [name, action, fields] as const))("action %s answers every fuzzed input with a result or a 4xx-class error", async (_name, action, fields) => {
    const r = rng(seed);
    const shape = fields(r);
    // A few callers that come back (an existing cart), most are new shoppers.
    const returning = Array.from({ length: 3 }, () => callerContext());
    for (let i = 0; i < CASES; i++) {
      const caller = r.next() < 0.3 ? r.pick(returning) : callerContext({ cart: r.next() < 0.1 ? null : undefined });
      let input = shapedInput(r, shape as Record<string, () => unknown>, known);
      if (r.next() < 0.1 && input && typeof input === "object") {
        const form = new FormData();
        for (const [key, value] of Object.entries(input)) form.append(key, asText(value));
        input = form;
      }
      const result = await action.runWithContext(caller.context, input);
      if (!result.ok && httpStatusFor(result.error.code) >= 500) {
        throw new Error(`${_name}(${JSON.stringify(input)}) → ${result.error.code}: ${result.error.message} (FUZZ_SEED=${seed}, case ${i})`);
      }
    }
    expect((await verifyLedger()).ok).toBe(true);
  });
});

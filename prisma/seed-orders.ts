// Demo orders for the admin Orders page and the shopper's order lookup: a
// dozen recent orders in every state of the lifecycle (placed, partly and
// fully shipped, a return awaiting inspection, cancelled), built as rows with
// the same ledger movements the domain writes (lib/inventory/orders), so
// verifyLedger holds: committed = Σ committedDelta = the lines' open units,
// unavailable = Σ unavailableDelta = returned units not yet inspected.
import type { Prisma } from "../generated/prisma/client";

type Level = Prisma.StockLevelCreateManyInput & { onHand: number; committed?: number; unavailable?: number; lastAt: number };
type Draft = Omit<Prisma.InventoryMovementCreateManyInput, "createdAt"> & { at: number };
type Rng = { int: (min: number, max: number) => number; pick: <T>(xs: readonly T[]) => T };

const CUSTOMERS = [
  ["Jordan Lee", "jordan.lee@example.com", "Portland"], ["Priya Nair", "priya.nair@example.com", "Austin"],
  ["Mateo Garcia", "mateo.garcia@example.com", "Denver"], ["Aiko Tanaka", "aiko.tanaka@example.com", "Seattle"],
  ["Sam Okafor", "sam.okafor@example.com", "Chicago"], ["Lena Fischer", "lena.fischer@example.com", "Boston"],
] as const;

// What happens to each demo order after it is placed, oldest first.
const STORIES = ["fulfilled", "returned", "fulfilled", "cancelled", "partial", "fulfilled", "partial", "placed", "cancelled", "placed", "placed", "placed"] as const;

export function buildDemoOrders(input: {
  rng: Rng; uuid: () => string; now: number; actor: string;
  candidates: { id: string; priceCents: number }[]; levels: Level[]; drafts: Draft[];
}) {
  const { rng, uuid, now, actor, levels, drafts } = input;
  const orders: Prisma.OrderCreateManyInput[] = [];
  const orderLines: Prisma.OrderLineCreateManyInput[] = [];
  const orderEvents: Prisma.OrderEventCreateManyInput[] = [];
  const move = (l: Level, type: Draft["type"], at: number, orderId: string, d: { onHand?: number; committed?: number; unavailable?: number }, notes: string | null = null) => {
    l.onHand += d.onHand ?? 0;
    l.committed = (l.committed ?? 0) + (d.committed ?? 0);
    l.unavailable = (l.unavailable ?? 0) + (d.unavailable ?? 0);
    l.lastAt = Math.max(l.lastAt, at);
    drafts.push({ variantId: l.variantId, warehouseId: l.warehouseId, type, quantity: d.onHand ?? 0, reservedDelta: 0, committedDelta: d.committed ?? 0,
      unavailableDelta: d.unavailable ?? 0, unavailableReason: d.unavailable ? "RETURN_INSPECTION" : null, reference: orderId, notes, createdBy: type === "COMMIT" ? "checkout" : actor, at });
  };

  STORIES.forEach((story, k) => {
    const placedAt = now - (STORIES.length - k) * 9 * 60 * 60_000 - rng.int(0, 120) * 60_000;
    const orderId = uuid();
    const [name, email, city] = CUSTOMERS[k % CUSTOMERS.length]!;
    const picks = [...new Set([rng.pick(input.candidates), ...(k % 3 === 0 ? [rng.pick(input.candidates)] : [])])];
    let subtotalCents = 0;
    const lines = picks.map((variant) => {
      const level = levels.find((l) => l.variantId === variant.id && l.onHand - (l.committed ?? 0) >= 6)!;
      const quantity = story === "partial" ? 2 : rng.int(1, 2);
      const line = { id: uuid(), orderId, variantId: variant.id, warehouseId: level.warehouseId, quantity, unitPriceCents: variant.priceCents,
        fulfilledQuantity: 0, cancelledQuantity: 0, returnedQuantity: 0 };
      subtotalCents += quantity * variant.priceCents;
      move(level, "COMMIT", placedAt, orderId, { committed: quantity });
      return { line, level };
    });
    const after = (hours: number) => placedAt + hours * 60 * 60_000;
    const event = (type: Prisma.OrderEventCreateManyInput["type"], at: number, changed: { orderLineId: string; quantity: number }[], extra: Partial<Prisma.OrderEventCreateManyInput> = {}) =>
      orderEvents.push({ id: uuid(), orderId, type, lines: changed, actor, createdAt: new Date(at), ...extra });

    let status: Prisma.OrderCreateManyInput["status"] = "PLACED";
    if (story === "fulfilled" || story === "returned" || story === "partial") {
      const shipped = lines.map(({ line, level }) => {
        const q = story === "partial" ? 1 : line.quantity;
        line.fulfilledQuantity = q;
        move(level, "FULFILMENT", after(5), orderId, { onHand: -q, committed: -q }, "tracking 1Z" + String(100000 + k));
        return { orderLineId: line.id, quantity: q };
      });
      event("FULFILMENT", after(5), shipped, { trackingNumber: "1Z" + String(100000 + k), warehouseId: lines[0]!.level.warehouseId });
      status = story === "partial" ? "PARTIALLY_FULFILLED" : "FULFILLED";
    }
    if (story === "returned") {
      const { line, level } = lines[0]!;
      line.returnedQuantity = 1;
      move(level, "RETURN", after(60), orderId, { onHand: 1, unavailable: 1 }, "awaiting inspection");
      event("RETURN", after(60), [{ orderLineId: line.id, quantity: 1 }], { refundCents: line.unitPriceCents, note: "Too small" });
    }
    if (story === "cancelled") {
      const cancelled = lines.map(({ line, level }) => {
        line.cancelledQuantity = line.quantity;
        move(level, "CANCELLATION", after(2), orderId, { committed: -line.quantity }, "customer changed their mind");
        return { orderLineId: line.id, quantity: line.quantity };
      });
      event("CANCELLATION", after(2), cancelled, { note: "customer changed their mind" });
      status = "CANCELLED";
    }
    orders.push({
      id: orderId, sessionId: `seed-demo-${String(k).padStart(4, "0")}-session`, status, email, name, subtotalCents,
      address: { address1: `${10 + k} Market Street`, city, postalCode: "97201", country: "US" }, createdAt: new Date(placedAt), updatedAt: new Date(placedAt),
    });
    orderLines.push(...lines.map((l) => l.line));
  });
  return { orders, orderLines, orderEvents };
}

import type { z } from "zod";
import { db, type Prisma } from "@/lib/db";
import type { InventoryPolicy } from "@/generated/prisma/enums";
import { commitReservationSchema } from "@/lib/validation/inventory";
import { afterStockChange } from "../after-commit";
import { enqueueOrderEmail } from "../orders/transition";
import { levelStockJoin } from "../availability";
import { InsufficientStockError, InventoryError } from "../errors";
import { parseInput } from "@/lib/validation/parse";

export type CommitReservationInput = z.input<typeof commitReservationSchema>;
/**
 * A checkout burst (a flash sale's "Place order" at the same second) queues
 * for a pooled connection instead of failing after Prisma's default 2 s: a
 * shopper who already paid waits a few seconds rather than being told to try
 * again (bench checkout-burst). Past the wait the answer is still a
 * retryable "busy" (P2028 → UNAVAILABLE), never an internal error.
 */
const CHECKOUT_TRANSACTION = { maxWait: 30_000, timeout: 15_000 };

export type CommittedOrder = { orderId: string; alreadyCommitted: boolean; lines: number; subtotalCents: number };

type HoldRow = {
  id: string; variantId: string; warehouseId: string; quantity: number; expiresAt: Date;
  /** On hand that is not unavailable and not committed to earlier orders. */
  uncommitted: number;
  /**
   * Free units of the level at `now` that are not parked in flash-sale buckets:
   * expired holds (this one included) no longer count (stockroom_level_stock),
   * but parked units stay promised to the buckets, so selling them here could oversell.
   */
  unparkedFree: number;
  policy: InventoryPolicy; backorderLimit: number; unitPriceCents: number; sku: string;
};

/**
 * Turns a session's holds into an order in one transaction: holds consumed,
 * the units committed (on hand is unchanged until they ship; what on hand
 * cannot cover is backordered), COMMIT movements, order lines. Only holds of
 * variants that are in the cart are sold: a hold whose cart line was never
 * written stays until it expires. Idempotent per order id (the Order primary
 * key is the idempotency key: a retried or concurrent commit finds it and
 * sells nothing twice). An expired hold still goes through if the stock is
 * still free; otherwise the whole commit fails and nothing is written.
 */
export async function commitReservation(input: CommitReservationInput): Promise<CommittedOrder> {
  const { sessionId, orderId, customer, now = new Date() } = parseInput(commitReservationSchema, input);
  const result = await db.$transaction(async (tx) => {
    const inserted = await tx.$queryRaw<{ id: string; number: number }[]>`
      insert into "Order" ("id", "sessionId", "email", "name", "address", "subtotalCents", "createdAt")
      values (${orderId}::uuid, ${sessionId}, ${customer.email}, ${customer.name}, ${JSON.stringify(customer.address)}::jsonb, 0, ${now})
      on conflict ("id") do nothing returning "id", "number"`;
    if (!inserted.length) return existingOrder(tx, orderId, sessionId);

    const holds = await lockHolds(tx, sessionId, now);
    if (!holds.length) throw new InventoryError("EMPTY_CART", "Your cart has no items on hold");

    let subtotalCents = 0;
    for (const hold of holds) {
      const fromShelf = sellableFromShelf(hold, now);
      const backordered = hold.quantity - fromShelf;
      await tx.$executeRaw`update "StockLevel" set "reserved" = "reserved" - ${hold.quantity},
        "committed" = "committed" + ${hold.quantity}, "backordered" = "backordered" + ${backordered}, "updatedAt" = ${now}
        where "variantId" = ${hold.variantId}::uuid and "warehouseId" = ${hold.warehouseId}::uuid`;
      await tx.inventoryMovement.create({
        data: {
          variantId: hold.variantId, warehouseId: hold.warehouseId, type: "COMMIT", quantity: 0,
          reservedDelta: -hold.quantity, committedDelta: hold.quantity, backorderedDelta: backordered,
          reference: orderId, createdBy: "checkout", createdAt: now,
          notes: backordered ? `${backordered} backordered` : null,
        },
      });
      await tx.orderLine.create({
        data: {
          orderId, variantId: hold.variantId, warehouseId: hold.warehouseId, quantity: hold.quantity,
          backorderedQuantity: backordered, preorder: hold.policy === "PREORDER", unitPriceCents: hold.unitPriceCents,
        },
      });
      subtotalCents += hold.quantity * hold.unitPriceCents;
    }
    await tx.stockReservation.deleteMany({ where: { id: { in: holds.map((h) => h.id) } } });
    await tx.order.update({ where: { id: orderId }, data: { subtotalCents } });
    await enqueueOrderEmail(tx, { id: orderId, number: inserted[0]!.number, email: customer.email, name: customer.name }, "PLACED", "PLACED");
    return { orderId, alreadyCommitted: false, lines: holds.length, subtotalCents, variantIds: holds.map((h) => h.variantId) };
  }, CHECKOUT_TRANSACTION);
  await afterStockChange(result.variantIds);
  return { orderId: result.orderId, alreadyCommitted: result.alreadyCommitted, lines: result.lines, subtotalCents: result.subtotalCents };
}

async function existingOrder(tx: Prisma.TransactionClient, orderId: string, sessionId: string) {
  const order = await tx.order.findUnique({ where: { id: orderId }, select: { sessionId: true, subtotalCents: true, _count: { select: { lines: true } } } });
  if (!order || order.sessionId !== sessionId) throw new InventoryError("CONFLICT", "This order id belongs to another checkout");
  return { orderId, alreadyCommitted: true, lines: order._count.lines, subtotalCents: order.subtotalCents, variantIds: [] as string[] };
}

// Locks every stock level the session holds in the global (variant, id) order,
// then reads the holds of the variants that have a cart line.
async function lockHolds(tx: Prisma.TransactionClient, sessionId: string, now: Date): Promise<HoldRow[]> {
  await tx.$queryRaw`select 1 from "StockLevel" where "variantId" in
    (select "variantId" from "StockReservation" where "sessionId" = ${sessionId}) order by "variantId", "id" for update`;
  return tx.$queryRawUnsafe<HoldRow[]>(`
    select r."id", r."variantId", r."warehouseId", r."quantity", r."expiresAt",
      l."onHand" - l."unavailable" - l."committed" as uncommitted,
      stockroom_free(l."onHand" - l."unavailable", l."safetyStock", s.reserved + s.parked, l."committed") as "unparkedFree",
      v."inventoryPolicy" as policy, v."backorderLimit", v."sku",
      coalesce(v."priceCents", p."priceCents") as "unitPriceCents"
    from "StockReservation" r
    join "StockLevel" l on l."variantId" = r."variantId" and l."warehouseId" = r."warehouseId"
    ${levelStockJoin("l", "$2::timestamptz")}
    join "ProductVariant" v on v."id" = r."variantId"
    join "Product" p on p."id" = v."productId"
    join "CartLine" c on c."sessionId" = r."sessionId" and c."variantId" = r."variantId"
    where r."sessionId" = $1
    order by r."variantId", r."warehouseId"`, sessionId, now);
}

/** Units this hold takes from the shelf; the rest become backorders (if the policy allows). */
function sellableFromShelf(hold: HoldRow, now: Date): number {
  if (hold.expiresAt <= now) {
    // An expired hold no longer counts: it may only proceed if its units are still free.
    const freeWithoutHold = hold.unparkedFree;
    const floor = hold.policy === "DENY" ? 0 : -hold.backorderLimit;
    if (freeWithoutHold - hold.quantity < floor) {
      throw new InventoryError("HOLD_EXPIRED", `Your hold on ${hold.sku} expired and the stock is gone`, {
        variantId: hold.variantId,
        available: Math.max(0, freeWithoutHold),
      });
    }
  }
  const fromShelf = Math.min(hold.quantity, Math.max(0, hold.uncommitted));
  if (hold.policy === "DENY" && fromShelf < hold.quantity) {
    throw new InsufficientStockError(hold.variantId, fromShelf, `Only ${fromShelf} of ${hold.sku} left in stock`);
  }
  return fromShelf;
}

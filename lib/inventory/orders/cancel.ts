import type { z } from "zod";
import { OrderStateError } from "@/lib/errors";
import { cancelOrderSchema, shopperCancelSchema } from "@/lib/validation/orders";
import { parseInput } from "@/lib/validation/parse";
import { allocateBackorders } from "../allocation";
import { chooseLines, movement, openUnits, runOrderTransition, type LockedLine, type TransitionResult, type Tx } from "./transition";

export type CancelOrderInput = z.input<typeof cancelOrderSchema>;
export type ShopperCancelInput = z.input<typeof shopperCancelSchema>;

/** Admin (ADMIN or OPS): cancels chosen unfulfilled units, or every unfulfilled unit of the order. */
export async function cancelOrder(input: CancelOrderInput): Promise<TransitionResult> {
  const c = parseInput(cancelOrderSchema, input);
  return runOrderTransition({ ...c, type: "CANCELLATION" }, (tx, order, lines) => cancelUnits(tx, order.id, chooseLines(lines, c.lines, openUnits), c.actor, c.note));
}

/**
 * A shopper cancels what has not shipped yet of their own order (the whole
 * order before anything ships; the rest after a partial shipment). Shipped
 * units are returned, not cancelled.
 */
export async function cancelOrderAsShopper(input: ShopperCancelInput): Promise<TransitionResult> {
  const c = parseInput(shopperCancelSchema, input);
  return runOrderTransition(
    { eventId: c.eventId, orderId: c.orderId, type: "CANCELLATION", actor: "shopper", note: "cancelled by the shopper" },
    (tx, order, lines) => {
      if (order.status === "CANCELLED") throw new OrderStateError("This order is already cancelled.");
      if (!lines.some((l) => openUnits(l) > 0)) throw new OrderStateError("Everything in this order has shipped, so nothing is left to cancel. You can return items instead.");
      return cancelUnits(tx, order.id, chooseLines(lines, undefined, openUnits), "shopper", "cancelled by the shopper");
    },
    { sessionId: c.sessionId },
  );
}

/**
 * Releases units: committed drops (backordered units first, they were never
 * covered), and whatever stock they covered is free again — offered first to
 * other orders' backorders (oldest first), then to shoppers, who see it live.
 */
async function cancelUnits(tx: Tx, orderId: string, chosen: { line: LockedLine; quantity: number }[], actor: string, note?: string | null) {
  const changes = [];
  const freed = new Set<string>();
  for (const { line, quantity } of chosen) {
    const open = openUnits(line);
    if (quantity > open) {
      throw new OrderStateError(open > 0 ? `Only ${open} of ${line.sku} can still be cancelled` : `${line.sku} has nothing left to cancel (shipped or cancelled already)`, {
        orderLineId: line.id, cancellable: open,
      });
    }
    const backordered = Math.min(quantity, line.backorderedQuantity);
    await tx.$executeRaw`update "OrderLine" set "cancelledQuantity" = "cancelledQuantity" + ${quantity},
      "backorderedQuantity" = "backorderedQuantity" - ${backordered} where "id" = ${line.id}::uuid`;
    await movement(tx, { line, orderId, type: "CANCELLATION", actor, committed: -quantity, backordered: -backordered, notes: note ?? null });
    if (quantity > backordered) freed.add(line.variantId);
    changes.push({ orderLineId: line.id, quantity });
  }
  await allocateBackorders(tx, freed, { reference: `cancellation of ${orderId}`, actor });
  return { lines: changes, variantIds: chosen.map((c) => c.line.variantId) };
}

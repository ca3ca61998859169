import { db } from "@/lib/db";
import { commitReservation } from "@/lib/inventory/holds/commit";
import { ConflictError, EmptyCartError, InventoryError, PaymentDeclinedError } from "@/lib/errors";
import type { CheckoutInput } from "@/lib/validation/checkout";
import { getCart } from "./cart";
import { withCheckoutSlot } from "./checkout-gate";

// The simulated payment provider's test card that always declines.
export const DECLINED_TEST_CARD = "4000000000000002";

export type PlacedOrder = { orderId: string; alreadyPlaced: boolean };

/**
 * Checkout: every cart line must be on hold, the (simulated) payment must
 * succeed, then the holds become the order in one transaction. The order id
 * is the idempotency key issued with the form, so a double submit or a retry
 * after a lost response returns the same order and charges nothing twice.
 */
export async function placeOrder(sessionId: string, input: CheckoutInput): Promise<PlacedOrder> {
  const existing = await db.order.findUnique({ where: { id: input.orderId }, select: { sessionId: true } });
  if (existing) {
    if (existing.sessionId !== sessionId) throw new ConflictError("This checkout was already used. Reload the page and try again.");
    return { orderId: input.orderId, alreadyPlaced: true };
  }
  const cart = await getCart(sessionId);
  if (!cart.lines.length) throw new EmptyCartError("Your cart is empty");
  const lapsed = cart.lines.filter((line) => line.status === "expired");
  if (lapsed.length) {
    const names = lapsed.map((l) => `${l.productName} (${l.variantTitle})`).join(", ");
    throw new InventoryError("HOLD_EXPIRED", `Your hold expired on: ${names}. Re-reserve in your cart, then check out.`, {
      variantIds: lapsed.map((l) => l.variantId),
    });
  }
  if (input.cardNumber === DECLINED_TEST_CARD) throw new PaymentDeclinedError("Your card was declined. Try another card.", { cardNumber: ["Card declined"] });

  const committed = await withCheckoutSlot(() => commitReservation({
    sessionId,
    orderId: input.orderId,
    customer: {
      email: input.email,
      name: input.name,
      address: { address1: input.address1, address2: input.address2, city: input.city, postalCode: input.postalCode, country: input.country },
    },
  }));
  await db.cartLine.deleteMany({ where: { sessionId } });
  return { orderId: committed.orderId, alreadyPlaced: committed.alreadyCommitted };
}

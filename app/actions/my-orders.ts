"use server";

import { z } from "zod";
import { defineAction } from "@/lib/actions";
import { enforceRateLimit } from "@/lib/actions/limit";
import { shopperCancelForm } from "@/lib/admin/order-forms";
import { grantOrderAccess } from "@/lib/auth/order-access";
import { NotFoundError } from "@/lib/errors";
import { cancelOrderAsShopper } from "@/lib/inventory";
import { findOrderByNumberAndEmail } from "@/lib/store/orders";
import { orderLookupSchema } from "@/lib/validation/orders";

// The shopper's order actions. Both are public forms, so both are
// rate-limited per cart session and (more loosely) per client IP, shared by
// every instance through Redis — the lookup tightly, since number + email
// guesses are what a script would try.

const LOOKUP_LIMITS = { perSession: { limit: 10, windowSeconds: 600 }, perIp: { limit: 30, windowSeconds: 600 } };
const CANCEL_LIMITS = { perSession: { limit: 20, windowSeconds: 60 }, perIp: { limit: 100, windowSeconds: 60 } };

/** "Cancel what has not shipped": only the cart session that placed the order (someone else's order is "not found"). */
export const cancelMyOrderAction = defineAction({
  name: "orders.shopperCancel",
  access: "public",
  input: shopperCancelForm,
  handler: async (input, { cartSessionId }) => {
    const sessionId = await cartSessionId({ create: false });
    if (!sessionId) throw new NotFoundError("No such order");
    await enforceRateLimit("order-cancel", sessionId, CANCEL_LIMITS);
    return cancelOrderAsShopper({ ...input, sessionId });
  },
});

const lookupForm = z.object({
  number: z.preprocess((v) => (typeof v === "string" ? v : ""), z.string().trim().min(1, "Enter the order number from your confirmation, like SR-10042")),
  email: z.preprocess((v) => (typeof v === "string" ? v.trim() : ""), z.string().min(1, "Enter the email address used for the order")),
}).pipe(orderLookupSchema);

/**
 * Finds an order by number + email and lets this browser view it for an
 * hour (a signed cookie, see lib/auth/order-access). An unknown number and a
 * wrong email answer the same NOT_FOUND message.
 */
export const lookupOrderAction = defineAction({
  name: "orders.lookup",
  access: "public",
  input: lookupForm,
  handler: async (input, { cartSessionId }) => {
    await enforceRateLimit("order-lookup", await cartSessionId({ create: true }), LOOKUP_LIMITS);
    const found = await findOrderByNumberAndEmail(input);
    await grantOrderAccess(found.orderId);
    return { orderId: found.orderId, redirectTo: `/orders/${found.orderId}` };
  },
});

"use server";

import { revalidatePath } from "next/cache";
import { defineAction, PublicError } from "@/lib/actions";
import { placeOrder } from "@/lib/store/checkout";
import { checkoutSchema } from "@/lib/validation/checkout";

export const placeOrderAction = defineAction({
  name: "checkout.placeOrder",
  access: "public",
  input: checkoutSchema,
  handler: async (input, { cartSessionId }) => {
    const sessionId = await cartSessionId({ create: false });
    if (!sessionId) throw new PublicError("EMPTY_CART", "Your cart is empty");
    const placed = await placeOrder(sessionId, input);
    revalidatePath("/cart");
    return placed;
  },
});

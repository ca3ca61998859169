"use server";

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
    // No revalidatePath here: re-rendering /checkout (now with an empty cart)
    // would unmount the form before it navigates to the order page.
    return placeOrder(sessionId, input);
  },
});

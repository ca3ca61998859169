"use server";

import { defineAction } from "@/lib/actions";
import { EmptyCartError } from "@/lib/errors";
import { placeOrder } from "@/lib/store/checkout";
import { checkoutSchema } from "@/lib/validation/checkout";

export const placeOrderAction = defineAction({
  name: "checkout.placeOrder",
  access: "public",
  input: checkoutSchema,
  handler: async (input, { cartSessionId }) => {
    const sessionId = await cartSessionId({ create: false });
    if (!sessionId) throw new EmptyCartError("Your cart is empty");
    // No revalidatePath here: re-rendering /checkout (now with an empty cart)
    // would unmount the form before it navigates to the order page.
    return placeOrder(sessionId, input);
  },
});

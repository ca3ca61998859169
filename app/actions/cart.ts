"use server";

import { defineAction, PublicError } from "@/lib/actions";
import { enforceRateLimit } from "@/lib/actions/limit";
import { addToCart, reReserveCartLine, removeCartLine, setCartLineQuantity } from "@/lib/store/cart";
import { addToCartSchema, cartLineRefSchema, setCartLineSchema } from "@/lib/validation/store";

// Holding stock is what a bot would abuse (hoarding a flash sale), so every
// hold-changing action shares one window per cart session and per IP.
const HOLD_LIMITS = { perSession: { limit: 60, windowSeconds: 60 }, perIp: { limit: 300, windowSeconds: 60 } };

async function requireCart(cartSessionId: (o: { create: boolean }) => Promise<string | null>, create: boolean): Promise<string> {
  const id = await cartSessionId({ create });
  if (!id) throw new PublicError("NOT_FOUND", "Your cart is empty or has expired");
  await enforceRateLimit("hold", id, HOLD_LIMITS);
  return id;
}

export const addToCartAction = defineAction({
  name: "cart.add",
  access: "public",
  input: addToCartSchema,
  handler: async ({ variantId, quantity }, { cartSessionId, revalidatePath }) => {
    const sessionId = await requireCart(cartSessionId, true);
    const change = await addToCart({ sessionId, variantId, quantity });
    revalidatePath("/cart");
    return change;
  },
});

export const setCartLineAction = defineAction({
  name: "cart.setQuantity",
  access: "public",
  input: setCartLineSchema,
  handler: async ({ variantId, quantity }, { cartSessionId, revalidatePath }) => {
    const change = await setCartLineQuantity({ sessionId: await requireCart(cartSessionId, false), variantId, quantity });
    revalidatePath("/cart");
    return change;
  },
});

export const reReserveCartLineAction = defineAction({
  name: "cart.reReserve",
  access: "public",
  input: cartLineRefSchema,
  handler: async ({ variantId }, { cartSessionId, revalidatePath }) => {
    const change = await reReserveCartLine({ sessionId: await requireCart(cartSessionId, false), variantId });
    revalidatePath("/cart");
    return change;
  },
});

export const removeCartLineAction = defineAction({
  name: "cart.remove",
  access: "public",
  input: cartLineRefSchema,
  handler: async ({ variantId }, { cartSessionId, revalidatePath }) => {
    await removeCartLine({ sessionId: await requireCart(cartSessionId, false), variantId });
    revalidatePath("/cart");
    return { variantId };
  },
});

"use server";

// Next's compiler treats every function written in a "use server" file as a
// server action, so the factory lives in lib/ and the callbacks here are async.
import { cartAction } from "@/lib/actions/cart-action";
import { addToCart, getCartItemCount, getCartTotals, reReserveCartLine, removeCartLine, setCartLineQuantity } from "@/lib/store/cart";
import { addToCartSchema, cartLineRefSchema, setCartLineSchema } from "@/lib/validation/store";

export const addToCartAction = cartAction(
  "cart.add",
  addToCartSchema,
  true,
  async (sessionId, { variantId, quantity }) => ({ ...(await addToCart({ sessionId, variantId, quantity })), cartItems: await getCartItemCount(sessionId) }),
  { revalidateCart: false },
);

// The cart page updates the line, subtotal and header count from the answer
// instead of re-rendering: see CartLine.
export const setCartLineAction = cartAction(
  "cart.setQuantity",
  setCartLineSchema,
  false,
  async (sessionId, { variantId, quantity }) => ({ ...(await setCartLineQuantity({ sessionId, variantId, quantity })), ...(await getCartTotals(sessionId)) }),
  { revalidateCart: false },
);

export const reReserveCartLineAction = cartAction("cart.reReserve", cartLineRefSchema, false, async (sessionId, { variantId }) =>
  reReserveCartLine({ sessionId, variantId }),
);

export const removeCartLineAction = cartAction("cart.remove", cartLineRefSchema, false, async (sessionId, { variantId }) => {
  await removeCartLine({ sessionId, variantId });
  return { variantId };
});

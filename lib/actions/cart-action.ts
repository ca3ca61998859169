import type { z } from "zod";
import { NotFoundError } from "@/lib/errors";
import { defineAction, type HandlerContext } from "./index";
import { enforceRateLimit } from "./limit";

// Holding stock is what a bot would abuse (hoarding a flash sale), so every
// hold-changing action shares one window per cart session and per IP.
const HOLD_LIMITS = { perSession: { limit: 60, windowSeconds: 60 }, perIp: { limit: 300, windowSeconds: 60 } };

/**
 * A cart action: the shopper's cart session (issued on first add only),
 * rate-limited, then one lib/store call, then the cart page re-renders —
 * unless `revalidateCart` is false: adding from a product page re-rendered
 * the whole page tree into every answer (~8 KB of RSC and most of the
 * request's time); that page updates its header count from the result instead,
 * and the cart page its line, subtotal and count after a quantity change.
 */
export function cartAction<S extends z.ZodType, R>(
  name: string,
  input: S,
  createCart: boolean,
  work: (sessionId: string, input: z.infer<S>) => Promise<R>,
  { revalidateCart = true }: { revalidateCart?: boolean } = {},
) {
  return defineAction({
    name,
    access: "public",
    input,
    handler: async (parsed: z.infer<S>, { cartSessionId, revalidatePath }: HandlerContext) => {
      const sessionId = await cartSessionId({ create: createCart });
      if (!sessionId) throw new NotFoundError("Your cart is empty or has expired");
      await enforceRateLimit("hold", sessionId, HOLD_LIMITS);
      const result = await work(sessionId, parsed);
      if (revalidateCart) revalidatePath("/cart");
      return result;
    },
  });
}

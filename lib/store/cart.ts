import { db } from "@/lib/db";
import { InsufficientStockError, NotFoundError, ValidationError } from "@/lib/errors";
import { listSessionHolds, releaseReservation, reserveStock } from "@/lib/inventory/holds/reservations";
import { MAX_LINE_QUANTITY } from "@/lib/validation/inventory";
import { variantImageUrl } from "./variant-display";

// The cart is the shopper's intent (CartLine); the hold is the store's promise
// (StockReservation, via lib/inventory). Every change reserves first and only
// then records the line, so a line never claims more than was actually held
// at the time it was written.

export type CartChange = {
  variantId: string;
  /** Units now on hold for this line. */
  quantity: number;
  requested: number;
  /** Fewer than requested were available, and the line holds what there was. */
  limited: boolean;
  expiresAt: string | null;
};

type Target = { sessionId: string; variantId: string };

async function currentLineQuantity({ sessionId, variantId }: Target): Promise<number> {
  const line = await db.cartLine.findUnique({ where: { sessionId_variantId: { sessionId, variantId } }, select: { quantity: true } });
  return line?.quantity ?? 0;
}

async function saveLine({ sessionId, variantId }: Target, quantity: number): Promise<void> {
  await db.cartLine.upsert({
    where: { sessionId_variantId: { sessionId, variantId } },
    create: { sessionId, variantId, quantity },
    update: { quantity },
  });
}

/**
 * Holds `wanted` units, or — when `acceptAbove` is given — as many as there are
 * if that is more than `acceptAbove` (another shopper may take units between
 * attempts, so a refused retry tries again with the new maximum, a few times).
 */
async function holdUpTo(target: Target, wanted: number, acceptAbove?: number): Promise<{ held: number; expiresAt: Date | null }> {
  let quantity = wanted;
  for (let attempt = 0; ; attempt += 1) {
    try {
      const result = await reserveStock({ ...target, quantity });
      return { held: result.held, expiresAt: result.expiresAt };
    } catch (error) {
      const canRetry =
        acceptAbove !== undefined && error instanceof InsufficientStockError && error.available > acceptAbove && error.available < quantity && attempt < 3;
      if (!canRetry) throw error;
      quantity = error.available;
    }
  }
}

/** Adds units to the cart line (holding them); when fewer are left, holds what there is and says so. */
export async function addToCart(target: Target & { quantity: number }): Promise<CartChange> {
  const before = await currentLineQuantity(target);
  if (before >= MAX_LINE_QUANTITY) throw new ValidationError(`At most ${MAX_LINE_QUANTITY} per line`);
  const wanted = Math.min(before + target.quantity, MAX_LINE_QUANTITY);
  try {
    const { held, expiresAt } = await holdUpTo(target, wanted, before);
    await saveLine(target, held);
    return { variantId: target.variantId, quantity: held, requested: wanted, limited: held < wanted, expiresAt: expiresAt?.toISOString() ?? null };
  } catch (error) {
    if (error instanceof InsufficientStockError && before > 0 && error.available <= before) {
      throw new InsufficientStockError(target.variantId, error.available, `You already have all ${error.available} available in your cart`);
    }
    throw error;
  }
}

/** Sets a line to exactly `quantity` units, or refuses (with what is available) and leaves the line as it was. */
export async function setCartLineQuantity(target: Target & { quantity: number }): Promise<CartChange> {
  const { held, expiresAt } = await holdUpTo(target, target.quantity);
  await saveLine(target, held);
  return { variantId: target.variantId, quantity: held, requested: target.quantity, limited: false, expiresAt: expiresAt?.toISOString() ?? null };
}

/** Holds the line again after its hold expired: the full quantity, or what is left. */
export async function reReserveCartLine(target: Target): Promise<CartChange> {
  const wanted = await currentLineQuantity(target);
  if (!wanted) throw new NotFoundError("This item is no longer in your cart");
  const { held, expiresAt } = await holdUpTo(target, wanted, 0);
  await saveLine(target, held);
  return { variantId: target.variantId, quantity: held, requested: wanted, limited: held < wanted, expiresAt: expiresAt?.toISOString() ?? null };
}

export async function removeCartLine(target: Target): Promise<void> {
  await releaseReservation(target);
  await db.cartLine.deleteMany({ where: { sessionId: target.sessionId, variantId: target.variantId } });
}

export type CartLineView = {
  variantId: string;
  productSlug: string;
  productName: string;
  variantTitle: string;
  imageUrl: string;
  unitPriceCents: number;
  quantity: number;
  held: number;
  expiresAt: string | null;
  /** held: fully on hold; expired: the hold lapsed (re-reserve to keep the items). */
  status: "held" | "expired";
};

export type CartView = { lines: CartLineView[]; subtotalCents: number; itemCount: number; nextExpiry: string | null };

export async function getCart(sessionId: string | null, now = new Date()): Promise<CartView> {
  if (!sessionId) return { lines: [], subtotalCents: 0, itemCount: 0, nextExpiry: null };
  const [lines, holds] = await Promise.all([
    db.cartLine.findMany({
      where: { sessionId },
      orderBy: { createdAt: "asc" },
      select: {
        variantId: true, quantity: true,
        variant: { select: { title: true, options: true, priceCents: true, product: { select: { slug: true, name: true, imageUrl: true, priceCents: true } } } },
      },
    }),
    listSessionHolds(sessionId, now),
  ]);
  const holdByVariant = new Map(holds.map((h) => [h.variantId, h]));
  const views: CartLineView[] = lines.map((line) => {
    const hold = holdByVariant.get(line.variantId);
    const live = hold && !hold.expired ? hold.quantity : 0;
    return {
      variantId: line.variantId,
      productSlug: line.variant.product.slug,
      productName: line.variant.product.name,
      variantTitle: line.variant.title,
      imageUrl: variantImageUrl(line.variant.product.imageUrl, line.variant.options as Record<string, unknown> | null),
      unitPriceCents: line.variant.priceCents ?? line.variant.product.priceCents,
      quantity: line.quantity,
      held: live,
      expiresAt: hold && !hold.expired ? hold.expiresAt.toISOString() : null,
      status: live >= line.quantity ? "held" : "expired",
    };
  });
  const expiries = views.map((l) => l.expiresAt).filter((e): e is string => Boolean(e)).sort();
  return {
    lines: views,
    subtotalCents: views.reduce((sum, l) => sum + l.quantity * l.unitPriceCents, 0),
    itemCount: views.reduce((sum, l) => sum + l.quantity, 0),
    nextExpiry: expiries[0] ?? null,
  };
}

/** What a cart page shows besides its lines after one line changed: the header count and the subtotal (one query). */
export async function getCartTotals(sessionId: string): Promise<{ cartItems: number; subtotalCents: number }> {
  const rows = await db.$queryRaw<{ cartItems: number; subtotalCents: bigint }[]>`
    select coalesce(sum(c."quantity"), 0)::int as "cartItems",
      coalesce(sum(c."quantity"::bigint * coalesce(v."priceCents", p."priceCents")), 0) as "subtotalCents"
    from "CartLine" c
    join "ProductVariant" v on v."id" = c."variantId"
    join "Product" p on p."id" = v."productId"
    where c."sessionId" = ${sessionId}`;
  const totals = rows[0];
  return { cartItems: totals?.cartItems ?? 0, subtotalCents: Number(totals?.subtotalCents ?? 0) };
}

export async function getCartItemCount(sessionId: string | null): Promise<number> {
  if (!sessionId) return 0;
  const { _sum } = await db.cartLine.aggregate({ where: { sessionId }, _sum: { quantity: true } });
  return _sum.quantity ?? 0;
}

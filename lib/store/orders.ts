import { pgPool } from "@/lib/db";
import type { OrderStatus } from "@/generated/prisma/enums";
import { NotFoundError } from "@/lib/errors";
import { lineFigures, type LineFigures } from "./order-lines";

// The shopper's side of orders: an order is visible to the cart session that
// placed it, or to a browser that looked it up by number + email (see
// lib/auth/order-access). An id alone reveals nothing.

export type ShopperOrderLine = {
  variantId: string; productName: string; variantTitle: string; preorder: boolean; unitPriceCents: number; figures: LineFigures;
};

export type ShopperOrder = {
  id: string; number: number; status: OrderStatus; createdAt: Date; email: string; name: string;
  address: Record<string, string>; subtotalCents: number;
  lines: ShopperOrderLine[];
  trackingNumbers: string[];
  /** Placed by this cart session (not only looked up): only then may the shopper cancel. */
  owned: boolean;
  /** Owned and some unit is not shipped or cancelled yet. */
  canCancel: boolean;
};

export type OrderAccess = { sessionId: string | null; grantedOrderIds?: string[] };

/** One order for this shopper, with its lines merged per item (a line split across warehouses is one item to them); null when not theirs. */
export async function getShopperOrder(orderId: string, access: OrderAccess): Promise<ShopperOrder | null> {
  const granted = access.grantedOrderIds ?? [];
  if (!access.sessionId && !granted.includes(orderId)) return null;
  const pool = pgPool();
  const { rows: [order] } = await pool.query<Omit<ShopperOrder, "lines" | "trackingNumbers" | "owned" | "canCancel"> & { sessionId: string }>(
    `select "id", "number", "status", "createdAt", "email", "name", "address", "subtotalCents", "sessionId" from "Order"
     where "id" = $1::uuid and ("sessionId" = $2 or "id" = any($3::uuid[]))`,
    [orderId, access.sessionId, granted],
  );
  if (!order) return null;
  const [lines, tracking] = await Promise.all([
    pool.query<Omit<ShopperOrderLine, "figures"> & Parameters<typeof lineFigures>[0]>(
      `select l."variantId", p."name" as "productName", v."title" as "variantTitle", bool_or(l."preorder") as preorder,
         max(l."unitPriceCents")::int as "unitPriceCents", sum(l."quantity")::int as quantity, sum(l."backorderedQuantity")::int as "backorderedQuantity",
         sum(l."fulfilledQuantity")::int as "fulfilledQuantity", sum(l."cancelledQuantity")::int as "cancelledQuantity",
         sum(l."returnedQuantity")::int as "returnedQuantity", sum(l."restockedQuantity")::int as "restockedQuantity",
         sum(l."writtenOffQuantity")::int as "writtenOffQuantity"
       from "OrderLine" l join "ProductVariant" v on v."id" = l."variantId" join "Product" p on p."id" = v."productId"
       where l."orderId" = $1::uuid group by l."variantId", p."name", v."title" order by p."name", v."title"`,
      [orderId],
    ),
    pool.query<{ trackingNumber: string }>(
      `select "trackingNumber" from "OrderEvent" where "orderId" = $1::uuid and "type" = 'FULFILMENT' and "trackingNumber" is not null order by "createdAt"`,
      [orderId],
    ),
  ]);
  const { sessionId, ...rest } = order;
  const items = lines.rows.map((l) => ({
    variantId: l.variantId, productName: l.productName, variantTitle: l.variantTitle, preorder: l.preorder, unitPriceCents: l.unitPriceCents, figures: lineFigures(l),
  }));
  const owned = access.sessionId !== null && sessionId === access.sessionId;
  return {
    ...rest,
    address: (rest.address ?? {}) as Record<string, string>,
    lines: items,
    trackingNumbers: tracking.rows.map((t) => t.trackingNumber),
    owned,
    canCancel: owned && items.some((l) => l.figures.open > 0),
  };
}

export type ShopperOrderSummary = { id: string; number: number; status: OrderStatus; createdAt: Date; subtotalCents: number; units: number };

export const SESSION_ORDERS_PAGE = 20;

/** The orders this cart session placed, newest first, keyset-paged (`before` = "<ISO createdAt>_<id>" of the last row seen). */
export async function listSessionOrders(sessionId: string | null, before?: string, pageSize = SESSION_ORDERS_PAGE): Promise<{ rows: ShopperOrderSummary[]; olderCursor: string | null }> {
  if (!sessionId) return { rows: [], olderCursor: null };
  const edge = before && /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z_[0-9a-f-]{36}$/i.test(before) ? [before.slice(0, 24), before.slice(25)] : null;
  const { rows } = await pgPool().query<ShopperOrderSummary>(
    `select o."id", o."number", o."status", o."createdAt", o."subtotalCents",
       (select coalesce(sum(l."quantity"), 0)::int from "OrderLine" l where l."orderId" = o."id") as units
     from "Order" o where o."sessionId" = $1 ${edge ? `and (o."createdAt", o."id") < ($3::timestamptz, $4::uuid)` : ""}
     order by o."createdAt" desc, o."id" desc limit $2`,
    edge ? [sessionId, pageSize + 1, ...edge] : [sessionId, pageSize + 1],
  );
  const page = rows.slice(0, pageSize);
  const last = page.at(-1);
  return { rows: page, olderCursor: rows.length > pageSize && last ? `${last.createdAt.toISOString()}_${last.id}` : null };
}

/** The same answer for an unknown number and a wrong email, so the form cannot be used to find out which orders exist. */
export const LOOKUP_MISS = "We could not find an order with that number and email address. Check both (the number looks like SR-10042) and try again.";

/**
 * The order with this number placed with this email (compared case-blind:
 * checkout stores the email as typed). One query either way, and one
 * message for both misses.
 */
export async function findOrderByNumberAndEmail(input: { number: number; email: string }): Promise<{ orderId: string; number: number }> {
  const { rows: [row] } = await pgPool().query<{ id: string; number: number }>(
    `select "id", "number" from "Order" where "number" = $1::int and lower("email") = lower($2)`,
    [input.number, input.email],
  );
  if (!row) throw new NotFoundError(LOOKUP_MISS);
  return { orderId: row.id, number: row.number };
}

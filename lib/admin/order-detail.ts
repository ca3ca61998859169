import { pgPool } from "@/lib/db";
import type { OrderStatus } from "@/generated/prisma/enums";
import { lineFigures, type LineCounters, type LineFigures } from "@/lib/store/order-lines";
import { buildTimeline, type OrderEventRow, type OrderMovementRow, type TimelineEntry } from "./order-timeline";

export type { OrderEventRow, OrderMovementRow, TimelineEntry };

export type OrderDetailLine = LineCounters & {
  id: string; variantId: string; sku: string; productName: string; variantTitle: string;
  warehouseId: string; warehouseCode: string; warehouseName: string; preorder: boolean; unitPriceCents: number;
  figures: LineFigures;
};

export type OrderDetail = {
  id: string; number: number; status: OrderStatus; email: string; name: string; address: Record<string, string>;
  subtotalCents: number; createdAt: Date; updatedAt: Date;
  lines: OrderDetailLine[];
  timeline: TimelineEntry[];
  /** Σ refunds recorded on returns, in cents. */
  refundedCents: number;
};

/** The ledger rows of one order are bounded by its lines × actions; this only guards a pathological one. */
const MAX_TIMELINE_MOVEMENTS = 1_000;

/** Everything /admin/orders/[id] shows: the order, its lines with their states, and the timeline. Null when unknown. */
export async function getOrderDetail(orderId: string): Promise<OrderDetail | null> {
  const pool = pgPool();
  const [order, lines, events, movements] = await Promise.all([
    pool.query<Omit<OrderDetail, "lines" | "timeline" | "refundedCents">>(
      `select "id", "number", "status", "email", "name", "address", "subtotalCents", "createdAt", "updatedAt" from "Order" where "id" = $1::uuid`, [orderId]),
    pool.query<Omit<OrderDetailLine, "figures">>(
      `select l."id", l."variantId", v."sku", p."name" as "productName", v."title" as "variantTitle", l."warehouseId", w."code" as "warehouseCode",
         w."name" as "warehouseName", l."preorder", l."unitPriceCents", l."quantity", l."backorderedQuantity", l."fulfilledQuantity",
         l."cancelledQuantity", l."returnedQuantity", l."restockedQuantity", l."writtenOffQuantity"
       from "OrderLine" l join "ProductVariant" v on v."id" = l."variantId" join "Product" p on p."id" = v."productId"
       join "Warehouse" w on w."id" = l."warehouseId"
       where l."orderId" = $1::uuid order by p."name", v."title", w."priority", l."id"`, [orderId]),
    pool.query<OrderEventRow>(
      `select e."id", e."type", e."actor", e."note", e."trackingNumber", e."refundCents", w."code" as "warehouseCode", e."createdAt", e."lines"
       from "OrderEvent" e left join "Warehouse" w on w."id" = e."warehouseId"
       where e."orderId" = $1::uuid order by e."createdAt", e."id"`, [orderId]),
    pool.query<OrderMovementRow>(
      `select m."id"::text as id, m."type", m."variantId", v."sku", w."code" as "warehouseCode", m."createdAt", m."createdBy", m."notes",
         m."quantity" as "onHand", m."committedDelta" as committed, m."backorderedDelta" as backordered, m."unavailableDelta" as unavailable
       from "InventoryMovement" m join "ProductVariant" v on v."id" = m."variantId" join "Warehouse" w on w."id" = m."warehouseId"
       where m."reference" = $1 order by m."id" limit ${MAX_TIMELINE_MOVEMENTS}`, [orderId]),
  ]);
  const head = order.rows[0];
  if (!head) return null;
  return {
    ...head,
    address: (head.address ?? {}) as Record<string, string>,
    lines: lines.rows.map((l) => ({ ...l, figures: lineFigures(l) })),
    timeline: buildTimeline(events.rows, movements.rows),
    refundedCents: events.rows.reduce((sum, e) => sum + (e.refundCents ?? 0), 0),
  };
}
